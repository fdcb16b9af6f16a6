// Compiles every schema in DIR/schemas with ajv (draft 2020-12, strict mode on, formats
// asserted by ajv-formats, atensi's keywords declared by examples/ajv-atensi.cjs), then
// validates each line of DIR/cases.jsonl ({"schema": NAME, "value": ...}) and prints one verdict
// per line: 1 valid, 0 invalid. Run by tools/check_schema_engines.py; NODE_PATH names the
// node_modules that holds ajv and ajv-formats.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const atensiVocabulary = require(path.join(__dirname, "..", "examples", "ajv-atensi.cjs"));

const dir = process.argv[2];
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
atensiVocabulary(ajv);

const validators = {};
let failed = 0;
for (const file of fs.readdirSync(path.join(dir, "schemas")).sort()) {
  const name = file.replace(/\.json$/, "");
  try {
    validators[name] = ajv.compile(JSON.parse(fs.readFileSync(path.join(dir, "schemas", file), "utf8")));
  } catch (err) {
    failed += 1;
    console.error(`${name}: ${String(err.message).slice(0, 300)}`);
  }
}
if (failed) {
  console.error(`ajv refused ${failed} schema(s)`);
  process.exit(2);
}
console.error(`ajv compiled ${Object.keys(validators).length} schemas in strict mode`);
const out = [];
for (const line of fs.readFileSync(path.join(dir, "cases.jsonl"), "utf8").split("\n")) {
  if (!line) continue;
  const item = JSON.parse(line);
  out.push(validators[item.schema](item.value) ? "1" : "0");
}
process.stdout.write(out.join("\n") + "\n");
