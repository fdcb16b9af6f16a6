"""Regenerate ``src/atensi/data/text/characters.tsv``: the characters text may not hold, pinned.

Usage: ``python tools/gen_characters.py`` (needs ``unicodedata2`` at the version of
``UNICODE_VERSION`` below, which the ``test`` extra installs). ``--check`` exits 1 if the table
in the package differs from what this script would write (the test suite runs it).

Why a table and not the running Python's ``unicodedata``: each Python release ships another
Unicode version (3.11 has 14.0, 3.12 15.0, 3.13 15.1, 3.14 16.0), so a character assigned
since (U+13439, an Egyptian hieroglyph format control of Unicode 15.0) was accepted on one
interpreter and refused on another, and the JSON Schema differed between them. The table is
generated from one stated version and shipped, so every interpreter and every schema agree.

What is refused, from the Unicode Character Database of ``UNICODE_VERSION``:

* general categories Cc (controls), Cf (format characters: zero-width space, bidirectional
  overrides, byte order mark, tags ...), Zl and Zp (line and paragraph separators) and Cs
  (lone surrogates);
* ``Other_Default_Ignorable_Code_Point`` of PropList.txt: characters that are letters or marks
  by category but display as nothing (the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the
  combining grapheme joiner U+034F, the Khmer inherent vowels U+17B4 and U+17B5) and code points
  reserved for more of them;
* U+2800 BRAILLE PATTERN BLANK, a symbol that displays as a space and is not one (names made of
  it looked filled in).

Blank (does not count towards a non-blank text): white space (category Zs and the control
white space) and the variation selectors (``Variation_Selector`` of PropList.txt), which only
modify the character before them.
"""

from __future__ import annotations

import pathlib
import sys

import unicodedata2

ROOT = pathlib.Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "atensi" / "data" / "text" / "characters.tsv"

UNICODE_VERSION = "16.0.0"

#: PropList.txt (Unicode 16.0.0), Other_Default_Ignorable_Code_Point: the whole property.
OTHER_DEFAULT_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0000),
    (0xE0002, 0xE001F),
    (0xE0080, 0xE00FF),
    (0xE01F0, 0xE0FFF),
)
#: PropList.txt (Unicode 16.0.0), Variation_Selector: the whole property.
VARIATION_SELECTORS = ((0x180B, 0x180D), (0x180F, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
#: Blank-looking symbols refused beside the default ignorables.
BLANK_SYMBOLS = ((0x2800, 0x2800),)
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
#: The control characters Python's ``str.isspace`` and Unicode's White_Space count as space.
CONTROL_SPACE = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x85)

HEADER = """\
# The characters text may not hold, and blank characters. GENERATED: do not edit.
# Regenerate with `python tools/gen_characters.py` (its docstring says what is refused and why).
# Source: the Unicode Character Database, version {version} (general categories through
# unicodedata2 {version}; Other_Default_Ignorable_Code_Point and Variation_Selector from its
# PropList.txt). atensi reads this table on every interpreter, whatever Unicode version its own
# unicodedata has, so the library and its JSON Schema accept the same text everywhere.
#
# Format (tab-separated, one range a line; lines starting with # are comments):
#   unicode_version <TAB> VERSION                   once, before the ranges
#   FIRST <TAB> LAST <TAB> CLASS <TAB> COMMENT      FIRST and LAST: inclusive code points in hex;
#                                                   CLASS: refused (in all text; tab, line feed
#                                                   and carriage return are allowed in long
#                                                   text) or blank (white space and variation
#                                                   selectors: text of these only is blank);
#                                                   COMMENT: category and name of the ends.
unicode_version\t{version}
"""


def _ranges(codes: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for cp in sorted(set(codes)):
        if out and cp == out[-1][1] + 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return out


def _expand(ranges: tuple[tuple[int, int], ...]) -> list[int]:
    return [cp for first, last in ranges for cp in range(first, last + 1)]


def _describe(cp: int) -> str:
    char = chr(cp)
    name = unicodedata2.name(char, "") or f"<{unicodedata2.category(char)}>"
    return f"{unicodedata2.category(char)} {name}"


def _lines(kind: str, ranges: list[tuple[int, int]]) -> list[str]:
    out = []
    for first, last in ranges:
        what = _describe(first) if first == last else f"{_describe(first)} .. {_describe(last)}"
        out.append(f"{first:04X}\t{last:04X}\t{kind}\t{what}")
    return out


def render() -> str:
    """The text of the generated module."""
    if unicodedata2.unidata_version != UNICODE_VERSION:
        raise SystemExit(
            f"unicodedata2 has Unicode {unicodedata2.unidata_version}, not {UNICODE_VERSION}: "
            f"pip install unicodedata2=={UNICODE_VERSION}"
        )
    by_category = [
        cp for cp in range(0x110000) if unicodedata2.category(chr(cp)) in REFUSED_CATEGORIES
    ]
    refused = _ranges(by_category + _expand(OTHER_DEFAULT_IGNORABLE) + _expand(BLANK_SYMBOLS))
    spaces = [cp for cp in range(0x110000) if unicodedata2.category(chr(cp)) == "Zs"]
    blank = _ranges([*spaces, *CONTROL_SPACE, *_expand(VARIATION_SELECTORS)])
    return (
        HEADER.format(version=UNICODE_VERSION)
        + "\n".join([*_lines("refused", refused), *_lines("blank", blank)])
        + "\n"
    )


def main(argv: list[str]) -> int:
    """Write the table, or with ``--check`` compare it with the one in the package."""
    text = render()
    if "--check" in argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is stale: run python tools/gen_characters.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
