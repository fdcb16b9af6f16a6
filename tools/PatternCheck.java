// Compiles every pattern of atensi's JSON Schemas with java.util.regex.Pattern and checks the
// sample texts against what Python's re found. Input (UTF-8): lines "P <pattern>" followed by
// lines "S <0|1> <code points in hex, comma-separated>". Run by tools/check_schema_engines.py as
// `java tools/PatternCheck.java FILE` (Java 11 or later runs a single source file).
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

public class PatternCheck {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Pattern current = null;
        int patterns = 0, samples = 0, wrong = 0;
        for (String line : lines) {
            if (line.startsWith("P ")) {
                current = Pattern.compile(line.substring(2));
                patterns++;
            } else if (line.startsWith("S ")) {
                String[] parts = line.split(" ", 3);
                StringBuilder text = new StringBuilder();
                if (parts.length > 2 && !parts[2].isEmpty()) {
                    for (String cp : parts[2].split(",")) {
                        text.append(Character.toChars(Integer.parseInt(cp, 16)));
                    }
                }
                boolean expected = parts[1].equals("1");
                samples++;
                if (current.matcher(text).find() != expected) {
                    wrong++;
                    System.err.println("disagrees with Python: " + line);
                }
            }
        }
        System.out.println("java.util.regex: " + patterns + " patterns compiled, " + samples
            + " samples, " + wrong + " disagreements");
        System.exit(wrong == 0 ? 0 : 1);
    }
}
