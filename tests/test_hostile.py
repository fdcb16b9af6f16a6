"""Hostile inputs: every entry point answers with its documented error, in bounded time.

Each case is named; each must finish within ``BOUND`` seconds and raise only the library's
documented error (``InvalidRecord`` for records, ``InvalidNik`` for NIKs,
``InvalidRegionCode`` for region codes), never RecursionError, MemoryError or a partial object.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from atensi import InvalidRecord, nik, regions, structure, validate_many
from atensi.errors import safe_key
from atensi.model import ENTITIES, Case, Person
from tests.strategies_model import HOSTILE_LIKE

BOUND = 2.0
SURROGATE = "\ud800"


def deep_dict(levels: int) -> Any:
    value: Any = {}
    for _ in range(levels):
        value = {"subject": value}
    return value


def deep_list(levels: int) -> Any:
    value: Any = []
    for _ in range(levels):
        value = [value]
    return value


def person(**extra: Any) -> dict[str, Any]:
    return {"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A", **extra}


RECORD_CASES: dict[str, tuple[type[Any], Any]] = {
    "dict nested 10,000 levels": (Case, deep_dict(10_000)),
    "list nested 10,000 levels in a field": (Person, person(disabilities=deep_list(10_000))),
    "subject nested 10,000 levels": (
        Case,
        {"id": "C", "unit": "U", "opened_on": "2024-01-01", "subject": deep_dict(10_000)},
    ),
    "a 10 MB name": (Person, person(name="x" * 10_000_000)),
    "a million disabilities": (Person, person(disabilities=[{"type": "fisik"}] * 1_000_000)),
    "a million unknown keys": (Person, {**person(), **{f"k{i}": i for i in range(1_000_000)}}),
    "a 5,000-digit integer": (Person, person(registry_id=10**5000)),
    "NaN where a string belongs": (Person, person(name=float("nan"))),
    "infinity where an integer belongs": (
        Case,
        {
            "id": "C",
            "unit": "U",
            "opened_on": "2024-01-01",
            "subject": {"kind": "family", "id": "F", "welfare_decile": float("inf")},
        },
    ),
    "non-string keys": (Person, {**person(), 1: "one", (2, 3): "tuple", None: 0}),
    "bytes for strings": (Person, person(name=b"Siti", id=b"P")),
    "a lone surrogate": (Person, person(name=f"Siti {SURROGATE}")),
    "a surrogate in a key": (Person, {**person(), f"k{SURROGATE}": 1}),
    "a list instead of a record": (Person, [person()]),
    "a string instead of a record": (Person, "P"),
    "None": (Person, None),
    "a set": (Person, {1, 2, 3}),
    "an object": (Person, object()),
}


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@pytest.mark.parametrize("name", list(RECORD_CASES))
def test_hostile_records(name: str) -> None:
    cls, value = RECORD_CASES[name]

    def run() -> None:
        with pytest.raises(InvalidRecord) as info:
            structure(value, cls)
        assert info.value.errors
        info.value.to_json(include_input=True, include_personal=True)
        str(info.value)

    assert timed(run) < BOUND


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_every_entity_refuses_deep_nesting(cls: type[Any]) -> None:
    def run() -> None:
        with pytest.raises(InvalidRecord):
            structure(deep_dict(10_000), cls)

    assert timed(run) < BOUND


def test_validate_many_survives_a_hostile_stream() -> None:
    stream = [value for _, value in RECORD_CASES.values()]

    def run() -> None:
        results = list(validate_many(stream, Person))
        assert len(results) == len(stream)
        assert not any(r.ok for r in results)

    assert timed(run) < BOUND * 3


NIK_CASES: dict[str, Any] = {
    "10 MB of digits": "1" * 10_000_000,
    "10 MB of separators": " .-" * 3_000_000,
    "a lone surrogate": "317101410390000" + SURROGATE,
    "bytes": b"3171014103900001",
    "an integer": 3171014103900001,
    "None": None,
    "a float": 3.171014103900001e15,
    "Arabic-Indic digits": "٣١٧١٠١٤١٠٣٩٠٠٠١",
    "a list": ["3171014103900001"],
}


@pytest.mark.parametrize("name", list(NIK_CASES))
def test_hostile_niks(name: str) -> None:
    value = NIK_CASES[name]

    def run() -> None:
        with pytest.raises(nik.InvalidNik):
            nik.validate(value)
        assert not nik.is_valid(value)

    assert timed(run) < BOUND


@pytest.mark.parametrize("name", list(NIK_CASES))
def test_hostile_region_codes(name: str) -> None:
    value = NIK_CASES[name]

    def run() -> None:
        with pytest.raises(regions.InvalidRegionCode):
            regions.lookup(value)
        assert not regions.is_valid_code(value)

    assert timed(run) < BOUND


# --- Issue 16: hostile keys, Python objects, shared inputs, surrogates ------------------------

NIK_KEY = "3171014103900001"


def _outputs(err: InvalidRecord) -> list[str]:
    """Every text an error gives a caller, each encoded as UTF-8 to prove it can be."""
    texts = [
        str(err),
        repr(err),
        err.message_id,
        repr(err.errors),
        json.dumps(err.to_json(), ensure_ascii=False),
        json.dumps(err.to_json(include_input=True), ensure_ascii=False),
        json.dumps(err.to_json(include_input=True, include_personal=True), ensure_ascii=False),
    ]
    for text in texts:
        text.encode("utf-8")
    return texts


def test_a_nik_shaped_key_is_masked_in_every_output() -> None:
    record = {**person(), NIK_KEY: {"name": "x"}, "3171 0141 0390 0001": 1, "HP 081234567890": 2}
    with pytest.raises(InvalidRecord) as info:
        structure(record, Person)
    *redacted, personal = _outputs(info.value)
    for text in redacted:
        assert NIK_KEY not in text
        assert "3171 0141" not in text
        assert "081234567890" not in text
    shown = {e.loc: e for e in info.value.errors}
    assert (safe_key(NIK_KEY),) in shown
    assert safe_key(NIK_KEY).startswith("<key: 16 chars, #")
    # Asked for personal data, the key itself is the error's input.
    assert NIK_KEY in personal
    assert shown[(safe_key(NIK_KEY),)].input == NIK_KEY


@pytest.mark.parametrize(
    "key", ["a\nforged: line [x.y]", "\x1b[2J\x1b[31mred", "\u202eevil", "zero\u200bwidth", "\x00"]
)
def test_keys_cannot_forge_lines_or_drive_a_terminal(key: str) -> None:
    with pytest.raises(InvalidRecord) as info:
        structure({**person(), key: 1}, Person)
    [error] = info.value.errors
    shown = error.loc[0]
    assert isinstance(shown, str)
    assert shown.isprintable()
    assert str(info.value).count("\n") == 1  # the heading and one problem line


def test_a_huge_key_shared_by_many_items_makes_a_small_message() -> None:
    key = "k" * 1_000_000
    record = {**person(), "disabilities": [{"type": "fisik", key: 1}] * 6}

    def run() -> None:
        with pytest.raises(InvalidRecord) as info:
            structure(record, Person)
        assert len(str(info.value)) < 2_000
        assert len(json.dumps(info.value.to_json(include_input=True))) < 20_000

    assert timed(run) < BOUND


def test_a_key_that_is_not_a_string_is_named_by_its_type() -> None:
    with pytest.raises(InvalidRecord) as info:
        structure({**person(), 10**5000: 1, (1, 2): 2, 3: 3}, Person)
    assert {e.loc for e in info.value.errors} == {("<int key>",), ("<tuple key>",)}
    _outputs(info.value)


def _self_containing() -> dict[str, Any]:
    value: dict[str, Any] = {}
    value["a"] = value["b"] = value["c"] = value
    return value


def _shared(levels: int) -> Any:
    value: Any = {"leaf": 1}
    for _ in range(levels):
        value = {"a": value, "b": value, "c": value}
    return value


@pytest.mark.parametrize(
    "value",
    [_self_containing(), _shared(40), [_shared(30)] * 100],
    ids=["contains itself three times", "3**40 shared paths", "100 items sharing one"],
)
def test_error_json_of_shared_and_cyclic_inputs_is_bounded(value: Any) -> None:
    record = {**person(), "disabilities": value}

    def run() -> None:
        with pytest.raises(InvalidRecord) as info:
            structure(record, Person)
        data = info.value.to_json(include_input=True, include_personal=True)
        assert len(json.dumps(data)) < 10_000_000

    assert timed(run) < BOUND


@pytest.mark.parametrize("cls", [Person, Case], ids=lambda c: c.__name__)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=HOSTILE_LIKE)
def test_only_invalid_record_escapes_for_any_python_object(cls: type[Any], value: Any) -> None:
    """Objects whose methods raise, lie or never end; cycles; huge numbers; bad text."""
    start = time.perf_counter()
    for record in (value, {**person(), "disabilities": value}, {**person(), "x": value}):
        try:
            structure(record, cls)
        except InvalidRecord as err:
            _outputs(err)
        results = list(validate_many([record], cls))
        assert len(results) == 1
    assert time.perf_counter() - start < BOUND


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=HOSTILE_LIKE)
def test_batch_functions_answer_for_any_python_object(value: Any) -> None:
    import datetime as dt

    from atensi.batch import assess_record, assess_record_json, validate_record

    on = dt.date(2024, 6, 1)
    for item in (
        value,
        {"subject": value},
        {"subject": {"kind": "person", **person(), "x": value}},
    ):
        for show in (False, True):
            for result in (
                assess_record(item, on=on, show_personal_data=show),
                validate_record(item, Person, show_personal_data=show),
            ):
                json.dumps(result, ensure_ascii=False).encode("utf-8")
            assess_record_json(item, on=on, show_personal_data=show).encode("utf-8")


SURROGATE_RECORDS = [
    {**person(), f"k{SURROGATE}": 1},
    person(name=f"Siti {SURROGATE}"),
    {**person(), "disabilities": [{"type": f"fisik{SURROGATE}"}]},
    {**person(), "domicile": {f"{SURROGATE}": SURROGATE}},
]


@pytest.mark.parametrize("record", SURROGATE_RECORDS)
def test_lone_surrogates_never_reach_an_output_unescaped(record: dict[str, Any]) -> None:
    """Every library output of a record with a surrogate encodes as UTF-8."""
    import datetime as dt

    from atensi.batch import assess_record, assess_record_json, validate_record

    with pytest.raises(InvalidRecord) as info:
        structure(record, Person)
    _outputs(info.value)
    item = {"subject": {"kind": "person", **record}, "assessment": None}
    for show in (False, True):
        json.dumps(validate_record(record, Person, show_personal_data=show), ensure_ascii=False)
        for result in (
            json.dumps(
                assess_record(item, on=dt.date(2024, 6, 1), show_personal_data=show),
                ensure_ascii=False,
            ),
            assess_record_json(item, on=dt.date(2024, 6, 1), show_personal_data=show),
        ):
            result.encode("utf-8")


# --- Issue 16, item 10: invisible characters, NIK messages ------------------------------------

INVISIBLE = {
    "NUL": "\x00",
    "ESC": "\x1b",
    "zero-width space": "\u200b",
    "right-to-left override": "\u202e",
    "byte order mark": "\ufeff",
    "line separator": "\u2028",
}


@pytest.mark.parametrize("name", list(INVISIBLE))
@pytest.mark.parametrize("field", ["id", "name"])
def test_names_and_ids_refuse_invisible_and_control_characters(name: str, field: str) -> None:
    char = INVISIBLE[name]
    for value in (char, f"Siti{char}", f"{char}Siti"):
        with pytest.raises(InvalidRecord) as info:
            structure(person(**{field: value}), Person)
        [error] = info.value.errors
        assert (error.loc, error.code) == ((field,), "string.control_character")
        assert error.ctx["character"] == f"U+{ord(char):04X}"
        assert "karakter kendali" in error.message_id


def test_a_zero_width_space_only_name_is_not_a_name() -> None:
    with pytest.raises(InvalidRecord):
        structure(person(name="\u200b\u200b"), Person)


def test_long_text_keeps_its_line_breaks_and_lists_are_checked_item_by_item() -> None:
    from atensi.model import Assessment

    record = {"id": "A", "assessed_on": "2024-01-01", "notes": "baris 1\n\tbaris 2"}
    assert structure(record, Assessment).notes == "baris 1\n\tbaris 2"
    with pytest.raises(InvalidRecord) as info:
        structure({**record, "notes": "ok\x1b[2J"}, Assessment)
    assert [e.code for e in info.value.errors] == ["string.control_character"]
    with pytest.raises(InvalidRecord) as info:
        structure({**record, "risks": ["ok", "bad\nline"]}, Assessment)
    assert [e.loc for e in info.value.errors] == [("risks", 1)]


def test_ordinary_names_pass_no_break_spaces_and_all() -> None:
    for name in ("Siti Aminah", "Siti\u00a0Aminah", "Ñoño", "عبد الله", "I Gusti Ngurah Rai"):
        assert structure(person(name=name), Person).name == name


@pytest.mark.parametrize(
    "value", ["3171017203900001", "3171010013900001", "3171011513900001", "3171013102900001"]
)
def test_nik_errors_show_only_what_the_mask_shows(value: str) -> None:
    with pytest.raises(nik.InvalidNik) as info:
        nik.validate(value)
    for text in (str(info.value), info.value.message_id):
        hidden = value[6:12]
        assert hidden not in text
        assert value[6:8] not in text.replace(nik.mask(value), "")
        assert value[8:10] not in text.replace(nik.mask(value), "")
