r"""The characters text may hold: one pinned table, every interpreter, every engine (issue 27).

Issue 27, item 2: the allowed characters were read from the running Python's Unicode database,
so ``"Siti\U00013439"`` was valid on Python 3.11 and ``string.control_character`` on 3.12, and
the schema differed between them; names made only of U+3164 (Hangul filler) or U+2800 (Braille
blank) were accepted. Item 1: the patterns carried Python's ``\U0001xxxx`` escapes, which ajv
and Java refuse. Item 8: lone surrogates, which JSON escapes can carry, passed the schema.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from typing import Any

import jsonschema
import pytest

from atensi import InvalidRecord, json_schema, structure, structure_json
from atensi.boundary.schema import text_pattern
from atensi.model import ENTITIES, Person, _characters
from atensi.model._fields import BLANK, UNICODE_VERSION, refused_character
from tests.schema_corpus import LONE_SURROGATES, PERSON

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "tools"))
import gen_characters

INVISIBLE = ["\u3164", "\u3164\u3164", "\u2800", "\u2800 \u2800", "\uffa0", "\u115f\u1160"]


def test_the_table_in_the_package_is_what_the_generator_writes() -> None:
    assert UNICODE_VERSION == gen_characters.UNICODE_VERSION == "16.0.0"
    with open(gen_characters.TARGET, encoding="utf-8") as handle:
        assert handle.read() == gen_characters.render()
    # The package reads that file (through atensi.data), nothing else.
    assert str(gen_characters.TARGET).endswith(_characters.PATH)


@pytest.mark.parametrize("name", INVISIBLE)
def test_names_of_invisible_fillers_are_refused_by_library_and_schema(name: str) -> None:
    record = {**PERSON, "name": name}
    with pytest.raises(InvalidRecord) as caught:
        structure(record, Person)
    assert [e.code for e in caught.value.errors] == ["string.control_character"]
    with pytest.raises(InvalidRecord):
        structure_json(json.dumps(record), Person)
    with pytest.raises(InvalidRecord):
        Person(id="P", nik="3171014103900001", name=name)
    assert not jsonschema.Draft202012Validator(json_schema(Person)).is_valid(record)


def test_a_format_character_of_unicode_15_is_refused_on_every_interpreter() -> None:
    # U+13439 is unassigned in Python 3.11's tables (Unicode 14) and Cf since Unicode 15.
    assert refused_character("Siti\U00013439", False) == 4
    assert not re.fullmatch(text_pattern(False, True), "Siti\U00013439")


def test_variation_selectors_alone_are_blank_after_a_letter_they_are_kept() -> None:
    with pytest.raises(InvalidRecord) as caught:
        structure({**PERSON, "name": "\ufe0f"}, Person)
    assert [e.code for e in caught.value.errors] == ["string.too_short"]
    assert structure({**PERSON, "name": "Siti\ufe0f"}, Person).name == "Siti\ufe0f"
    assert "\ufe0f" in BLANK
    assert "\u3000" in BLANK
    assert "a" not in BLANK


@pytest.mark.parametrize("name", LONE_SURROGATES)
def test_lone_surrogates_from_json_escapes_are_refused_by_the_schema(name: str) -> None:
    record = {**PERSON, "name": name}
    text = json.dumps(record)  # "\ud800" as JSON writes it
    assert "\\ud" in text
    with pytest.raises(InvalidRecord):
        structure_json(text, Person)
    assert not jsonschema.Draft202012Validator(json_schema(Person)).is_valid(json.loads(text))


def test_the_table_agrees_with_this_interpreters_unicode_where_both_know_a_character() -> None:
    """Where this Python's tables assign a character, the pinned table classes it alike."""
    refused = {cp for first, last in _characters.REFUSED for cp in range(first, last + 1)}
    fillers = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0}
    for cp in range(0x110000):
        category = unicodedata.category(chr(cp))
        if category == "Cn":
            continue  # unassigned here; the pinned table may know it
        expected = category in ("Cc", "Cf", "Zl", "Zp", "Cs") or cp in fillers
        assert (cp in refused) == expected, f"U+{cp:04X} {category}"


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for v in node.values() for p in _patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


#: The escapes every engine reads alike: ``\uXXXX``, ``\s``/``\S`` and escaped punctuation.
_PORTABLE_ESCAPE = re.compile(r"\\(?:u[0-9a-f]{4}|[sS]|[-\\\]\[^$.|?*+(){}/])")


def test_every_pattern_of_every_schema_is_written_for_every_engine() -> None:
    patterns = {p for cls in ENTITIES for p in _patterns(json_schema(cls))}
    assert len(patterns) >= 5
    for pattern in patterns:
        rest = _PORTABLE_ESCAPE.sub("", pattern)
        assert "\\" not in rest, f"an escape not every engine reads: {rest[rest.index(chr(92)) :]}"
        # Characters written as themselves are beyond the BMP (all others are escaped).
        assert all((c.isascii() and c.isprintable()) or ord(c) > 0xFFFF for c in rest)
        re.compile(pattern)


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


def test_the_extension_keywords_are_all_declared_for_ajv() -> None:
    from atensi.boundary.schema import EXTENSION_KEYWORDS
    from atensi.rules import Decision

    used = {k for cls in [*ENTITIES, Decision] for k in _keys(json_schema(cls))}
    assert {k for k in used if k.startswith("x-")} == set(EXTENSION_KEYWORDS)
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    declared = (root / "examples" / "ajv-atensi.cjs").read_text(encoding="utf-8")
    assert set(re.findall(r'"(x-atensi-[a-z]+)"', declared)) == set(EXTENSION_KEYWORDS)
