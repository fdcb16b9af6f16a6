"""Lines of JSON for the differential tests of the quick paths, with and without the extra.

The examples, and texts broken in ways ``json`` would read and a quick decoder might accept (a
key twice, a colon escaped to make up the count, one leaf changed every way). Shared by the
compiled (msgspec) and the counted (pure Python) path's tests.
"""

from __future__ import annotations

import json
import pathlib
from collections.abc import Callable, Iterator
from typing import Any

import atensi
from atensi.boundary._lines import Decoder, decode_line, line_where
from atensi.errors import ErrorDetail
from atensi.model import AssessmentItem, Case, Person, PmTarget, subject_kind

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
#: The example files and the class of their lines: items, persons (valid and broken), cases
#: with deliveries, funding, outcomes and follow-ups (and a portfolio line that is no case),
#: and the programme's PM targets.
EXAMPLE_FILES = [
    ("assessments.jsonl", AssessmentItem),
    ("assessments-broken.jsonl", AssessmentItem),
    ("persons.jsonl", Person),
    ("persons-broken.jsonl", Person),
    ("programme.jsonl", Case),
    ("targets.jsonl", PmTarget),
]


def example_lines(name: str) -> list[bytes]:
    return (EXAMPLES / name).read_bytes().splitlines()


def detailed(text: bytes | str, cls: type[Any]) -> Any:
    """The entity the detailed path makes of a line, or None where it finds a problem."""
    record = decode_line(text, line_where(None), Decoder())
    if isinstance(record, ErrorDetail):
        return None
    try:
        return atensi.structure(record, cls)
    except atensi.InvalidRecord:
        return None


def encoded(value: Any, cls: type[Any]) -> dict[str, Any]:
    data = atensi.unstructure(value)
    if cls is AssessmentItem:
        data["subject"] = {"kind": subject_kind(value.subject), **data["subject"]}
    return data  # type: ignore[no-any-return]


def mutations(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Texts of ``data`` broken in ways json would read and msgspec might accept."""
    text = json.dumps(data)
    yield "as it is", text
    yield "compact", json.dumps(data, separators=(",", ":"))
    yield "escaped", json.dumps(data, ensure_ascii=True)
    inner = text[1:]
    for key in list(data)[:3]:
        value = json.dumps(data[key])
        yield f"{key} twice", '{"' + key + '": ' + value + ", " + inner
        # The same key twice, and a colon escaped inside a string to make up the count.
        yield (
            f"{key} twice, colon escaped",
            ('{"' + key + '": ' + value + ", " + inner.replace(': "', ': "\\u003a', 1)),
        )
        yield f"{key} twice, a spaced colon", '{"' + key + '" : ' + value + ", " + inner
    yield "unknown key", '{"unknown": 1, ' + inner
    yield "NaN", '{"unknown": NaN, ' + inner
    yield "trailing text", text + " x"
    yield "text with colons", text.replace('"name": "', '"name": "a: b: ', 1)


#: What a text or number may be changed into: each either valid or refused by one check that
#: msgspec cannot make (blank, hidden characters, the date range, a NIK written with spaces, an
#: unknown region, a colon).
_TEXTS = (
    "",
    "   ",
    "a\u200bb",
    "x\x1by",
    "line 1\nline 2",
    "1799-12-31",
    "2200-01-01",
    "2024-02-29",
    "3171 0141 0390 0001",
    "31.71.01-410390-0001",
    "999999",
    "3171",
    "a: b",
    "x" * 201,
)
_NUMBERS = (-1, 0, 11, 10**6 + 1, 10**20)


def leaf_changes(value: Any) -> Iterator[Any]:
    """``value`` with one leaf changed, every way (lists also emptied, too long, an item twice)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "kind":
                continue
            for changed in leaf_changes(item):
                yield {**value, key: changed}
    elif isinstance(value, list):
        yield ([value[0]] if value else ["x"]) * 1001  # more items than any field takes
        if value:
            yield []
            yield [*value, value[0]]
        for index, item in enumerate(value[:2]):
            for changed in leaf_changes(item):
                yield [*value[:index], changed, *value[index + 1 :]]
    elif isinstance(value, str):
        yield from _TEXTS
    elif isinstance(value, bool) or value is None:
        yield from ("2024-01-01", "a: b")
    elif isinstance(value, int):
        yield from _NUMBERS


# Values the generated checks may accept without calling the field's converter and validators
# (a plainly valid NIK, a region code as the table writes it) and their near neighbours, which
# must go through the calls.
_NIKS = [
    "3171010101000001",  # plainly valid: no call
    "3171012902000001",  # 29 February of (20)00: valid, through the call
    "3171016902040001",  # a woman's 29 February of (20)04
    "3171012902010001",  # 29 February of (20)01: no such day
    "3171013102900001",  # 31 February
    "3171013213900001",  # month 13
    "3171010101900000",  # serial 0000
    "3171017201900001",  # day 32 for a woman
    "31.7101.010190.0001",  # separators: compacted
    "3171 0101 0190 0001",
    "31710101019０0001",  # a full-width digit: not ASCII
    "317101010190000",  # 15 digits
]


_RETIRED = next(c for c in atensi.regions.all_codes() if atensi.regions.is_retired(c))
_DOMICILES = ["317101", "31", "3171", _RETIRED, "31.71.01", "999999", "３１", "", None]
FIELD_EDGES = [("nik", nik) for nik in _NIKS] + [("domicile", code) for code in _DOMICILES]


# --- The checks both quick paths' tests make -----------------------------------------------------
# ``agrees(text, cls)``: the quick path's value where it takes the text (after asserting that the
# strict path makes the same entity of it), or None where it leaves the text to the strict path.

Agrees = Callable[[bytes | str, type[Any]], Any]


def one_leaf_changed(value: Any, cls: type[Any], agrees: Agrees) -> None:
    """Every change of one leaf of ``value`` is judged alike; some are taken, some are not."""
    accepted = refused = 0
    for changed in leaf_changes(encoded(value, cls)):
        taken = agrees(json.dumps(changed), cls)
        accepted += taken is not None
        refused += taken is None
    assert accepted
    assert refused


def broken_lines(data: dict[str, Any], noise: list[tuple[str, Any]], agrees: Agrees) -> None:
    """``data`` (a person) with noise in its fields, then broken every way: judged alike.

    Never taken with a key twice, an unknown key, a constant or text after the value.
    """
    for key, value in noise:
        if key in data:
            data[key] = value  # a field of the wrong type, size or code, maybe
    for what, text in mutations(data):
        for line in (text, text.encode()):
            taken = agrees(line, Person)
            if "twice" in what or what in ("unknown key", "NaN", "trailing text"):
                assert taken is None, what
