"""The duplicate-key proof by colons, held equal to the strict reader by property tests.

The quick paths of JSON text decode with a reader that keeps the last of a repeated key (``json``
without its hook, msgspec), then prove that no key was repeated by counting: every colon of the
text outside its strings follows a key (:func:`atensi.boundary._lines.no_key_twice`). Here
Hypothesis writes records with keys given twice at any depth (spelled alike, or with escapes that
decode to the same key), keys written with escapes, and colons inside strings (plain and
escaped), and each text must be read by the quick paths exactly as the strict reader reads it: the
same entity, or a refusal where the strict reader finds a problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import atensi
from atensi.boundary import _compiled, _counted
from atensi.boundary._quick import Refused
from atensi.model import AssessmentItem, Person
from atensi.testing import assessments, persons
from tests.line_mutations import detailed, encoded


def _quick_paths() -> list[
    tuple[str, Callable[[str, type[Any]], Any], tuple[type[Exception], ...]]
]:
    found: list[Any] = [("counted", _counted.decode, (Refused, atensi.InvalidRecord))]
    module = _compiled.twins()
    if module is not None:
        found.append(("twins", module.decode, module.REFUSALS))
    return found


class _Writer:
    """Writes a JSON text of a value, drawing how: escaped keys, keys twice, colons in strings."""

    def __init__(self, draw: Callable[..., Any], duplicates: bool) -> None:
        self.draw = draw
        self.duplicates = duplicates
        self.repeated = 0
        # Colons in a few strings of half the texts (a colon in a code or a date makes the
        # record invalid: the texts must be valid often enough for the proof to be needed).
        self.colons = draw(st.booleans())

    def key(self, key: str) -> str:
        if not self.draw(st.booleans()):
            return json.dumps(key)
        # Some letters written as escapes: the same key once decoded.
        escaped = [f"\\u{ord(ch):04x}" if self.draw(st.booleans()) else ch for ch in key]
        return '"' + "".join(escaped) + '"'

    def text(self, value: str) -> str:
        if self.colons and self.draw(st.integers(0, 9)) == 0:
            # A colon inside the string: plain, or written as an escape.
            colon: str = self.draw(st.sampled_from([":", "\\u003a", "\\u003A", ": "]))
            at = self.draw(st.integers(0, len(value)))
            return json.dumps(value[:at])[:-1] + colon + json.dumps(value[at:])[1:]
        return json.dumps(value)

    def value(self, value: Any) -> str:
        if isinstance(value, dict):
            items = [(self.key(k), self.value(v)) for k, v in value.items()]
            if self.duplicates and items and self.draw(st.integers(0, 2)) == 0:
                key, _ = items[self.draw(st.integers(0, len(items) - 1))]
                again = self.key(json.loads(key))
                other = self.draw(st.sampled_from(["null", '"x"', "1", "[]", "{}"]))
                repeated = self.draw(st.sampled_from([other, items[0][1]]))
                items.insert(self.draw(st.integers(0, len(items))), (again, repeated))
                self.repeated += 1
            return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.value(v) for v in value) + "]"
        if isinstance(value, str):
            return self.text(value)
        return json.dumps(value)


@st.composite
def _records(draw: Callable[..., Any]) -> tuple[type[Any], dict[str, Any]]:
    if draw(st.booleans()):
        return Person, encoded(draw(persons()), Person)
    item = AssessmentItem(subject=draw(persons()), assessment=draw(assessments()))
    return AssessmentItem, encoded(item, AssessmentItem)


def _strict(text: str, cls: type[Any]) -> Any:
    """The strict reader's entity, or the codes of its problems."""
    entity = detailed(text, cls)
    if entity is not None:
        return entity
    try:
        atensi.structure_json(text, cls)
    except atensi.InvalidRecord as err:
        return [e.code for e in err.errors]
    raise AssertionError("the strict reader found no problem and no entity")  # pragma: no cover


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_key_given_twice_anywhere_is_never_read_by_a_quick_path(data: st.DataObject) -> None:
    cls, record = data.draw(_records())
    writer = _Writer(data.draw, duplicates=True)
    text = writer.value(record)
    strict = _strict(text, cls)
    if writer.repeated:
        assert isinstance(strict, list)
        assert "input.duplicate_key" in strict
    event("a key twice" if writer.repeated else "no key twice")
    for name, decode, refusals in _quick_paths():
        try:
            quick = decode(text, cls)
        except refusals:
            continue
        assert not writer.repeated, f"{name} read a text with a key given twice: {text}"
        assert quick == strict, name


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_escaped_keys_and_colons_in_strings_are_read_as_the_strict_reader_reads_them(
    data: st.DataObject,
) -> None:
    cls, record = data.draw(_records())
    text = _Writer(data.draw, duplicates=False).value(record)
    strict = _strict(text, cls)
    for name, decode, refusals in _quick_paths():
        try:
            quick = decode(text, cls)
        except refusals:
            event(f"{name}: refused")
            # Refused: only where the strict reader finds a problem, or a colon is written as an
            # escape (the count cannot prove anything then, and the strict path reads it).
            assert isinstance(strict, list) or "\\u003" in text.lower(), (name, text)
            continue
        event(f"{name}: read")
        assert quick == strict, name


@pytest.mark.parametrize(
    "text",
    [
        '{"id": "P", "nik": {"reason": "lainnya"}, "name": "A", "name": "B"}',
        '{"id": "P", "nik": {"reason": "lainnya"}, "name": "A", "\\u006eame": "B"}',
        '{"id": "P", "nik": {"reason": "lainnya", "reason": "lainnya"}, "name": "A"}',
        # A repeated key whose colon is made up for by an escaped colon in a string.
        '{"id": "P", "nik": {"reason": "lainnya"}, "name": "A\\u003a", "name": "B"}',
    ],
)
def test_the_cases_the_property_tests_draw_from(text: str) -> None:
    assert "input.duplicate_key" in _strict(text, Person)
    for _, decode, refusals in _quick_paths():
        with pytest.raises(refusals):
            decode(text, Person)
