"""The counted path (no extra): a line decoded without a hook per object, keys counted instead.

What it accepts, the strict path (``json`` with the duplicate-key hook, then ``structure``)
accepts as the same entity; every line with a key twice, a constant, text around the value or
any problem goes the strict way, which names it. These tests need no msgspec.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atensi
from atensi.boundary import _counted
from atensi.boundary._quick import Refused
from atensi.model import AssessmentItem, Person
from tests.line_mutations import (
    EXAMPLE_FILES,
    FIELD_EDGES,
    broken_lines,
    detailed,
    encoded,
    example_lines,
    one_leaf_changed,
)
from tests.strategies_model import ENTITY_STRATEGIES, JSON_LIKE, STRATEGY_CLASSES, entity_name


def _counted_or_none(text: bytes | str, cls: type[Any]) -> Any:
    try:
        return _counted.decode(text, cls)
    except (Refused, atensi.InvalidRecord):  # anything else is a defect: the test fails
        return None


def _agrees(text: bytes | str, cls: type[Any]) -> Any:
    """Whatever the counted path accepts, the strict path accepts as the same entity."""
    entity = _counted_or_none(text, cls)
    if entity is None:
        return None
    expected = detailed(text, cls)
    assert expected is not None, "the counted path accepted what the strict path refuses"
    assert entity == expected
    assert type(entity) is type(expected)
    return entity


@pytest.mark.parametrize(("name", "cls"), EXAMPLE_FILES)
def test_the_examples_agree_and_the_valid_ones_are_counted(name: str, cls: type[Any]) -> None:
    for line in example_lines(name):
        counted = _agrees(line, cls)
        assert (counted is not None) == (detailed(line, cls) is not None), line[:80]


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_every_entity_round_trips_through_the_counted_path(
    cls: type[Any], data: st.DataObject
) -> None:
    value = data.draw(ENTITY_STRATEGIES[cls])
    text = json.dumps(encoded(value, cls))
    assert _counted.decode(text, cls) == value
    assert _counted.decode(text.encode(), cls) == value


@pytest.mark.parametrize("cls", [Person, AssessmentItem], ids=entity_name)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_one_leaf_changed_the_paths_agree(cls: type[Any], data: st.DataObject) -> None:
    if cls is AssessmentItem:
        from atensi.testing import assessments, persons

        value = AssessmentItem(subject=data.draw(persons()), assessment=data.draw(assessments()))
    else:
        value = data.draw(ENTITY_STRATEGIES[cls])
    one_leaf_changed(value, cls, _agrees)


@settings(max_examples=60, deadline=None)
@given(ENTITY_STRATEGIES[Person], st.lists(st.tuples(st.text(max_size=8), JSON_LIKE), max_size=2))
def test_broken_lines_go_the_strict_way(person: Any, noise: list[tuple[str, Any]]) -> None:
    broken_lines(encoded(person, Person), noise, _agrees)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=60) | st.text(max_size=60).map(str.encode) | JSON_LIKE.map(json.dumps))
def test_garbage_never_takes_the_counted_path_wrongly(line: bytes | str) -> None:
    for cls in (Person, AssessmentItem):
        _agrees(line, cls)


_PERSON = {"id": "P:1", "nik": {"reason": "belum_terdaftar"}, "name": "Siti: A"}


@pytest.mark.parametrize(
    ("what", "text"),
    [
        ("a key twice", '{"id": "P", "id": "Q", "nik": {"reason": "lainnya"}, "name": "A"}'),
        (
            "a nested key twice",
            '{"id": "P", "nik": {"reason": "lainnya", "reason": "lainnya"}, "name": "A"}',
        ),
        (
            "a key twice, made up by an escaped colon",
            '{"id": "P\\u003a", "id": "P:", "nik": {"reason": "lainnya"}, "name": "A"}',
        ),
        (
            "a key twice, made up by a colon of the dropped value",
            '{"id": "P", "name": "a:b", "name": "A", "nik": {"reason": "lainnya"}}',
        ),
        ("NaN", '{"id": "P", "nik": {"reason": "lainnya"}, "name": "A", "sex": NaN}'),
        ("text after the value", json.dumps(_PERSON) + " {}"),
        ("a UTF-8 byte order mark", "\ufeff" + json.dumps(_PERSON)),
        ("UTF-16", json.dumps(_PERSON).encode("utf-16")),
        ("not UTF-8", b'{"id": "\xff"}'),
    ],
)
def test_what_the_counted_path_leaves_to_the_strict_path(what: str, text: str | bytes) -> None:
    assert _counted_or_none(text, Person) is None, what
    assert detailed(text, Person) is None, what


def test_colons_inside_text_are_counted_not_taken_for_keys() -> None:
    line = json.dumps({**_PERSON, "conditions": [{"group": "gelandangan", "evidence": "a:b:c"}]})
    assert _agrees(line, Person) is not None
    escaped = line.replace("a:b:c", "a\\u003ab:c")
    assert _counted_or_none(escaped, Person) is None  # not proved: the strict path takes it
    assert detailed(escaped, Person) is not None
    # JSON whitespace around the value is read; other whitespace goes the strict way.
    assert _agrees(f" \t{line}\r\n", Person) is not None
    assert _counted_or_none("\u00a0" + line, Person) is None


def test_structure_json_without_the_extra_reads_valid_text_the_counted_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from atensi.boundary import _compiled

    calls: list[type[Any]] = []

    def spy(text: bytes | str, cls: type[Any]) -> Any:
        calls.append(cls)
        return _counted.decode(text, cls)

    monkeypatch.setattr(_compiled, "_FOUND", [None])
    monkeypatch.setattr(_compiled, "_COUNTED", [spy])
    line = json.dumps(_PERSON)
    assert atensi.structure_json(line, Person) == detailed(line, Person)
    assert calls == [Person]
    with pytest.raises(atensi.InvalidRecord) as raised:
        atensi.structure_json('{"id": "P", "id": "Q"}', Person)
    assert [e.code for e in raised.value.errors] == ["input.duplicate_key"]


@pytest.mark.parametrize(("field", "value"), FIELD_EDGES)
def test_a_value_the_checks_skip_or_call_for_is_judged_alike(field: str, value: Any) -> None:
    record = {"id": "P", "nik": {"reason": "lainnya"}, "name": "A", field: value}
    line = json.dumps(record, ensure_ascii=False)
    assert _counted_or_none(line, Person) == detailed(line, Person)
