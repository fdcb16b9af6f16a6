"""The accepted date range (1800-01-01 to 2199-12-31) and what stays total at its edges.

Issue 16, item 1: dates at the edges of the calendar (year 1, year 9999, December 9999 with
month precision) used to pass ``structure`` and then break the date arithmetic of the rules,
``redact(on=)`` and ``record_sensitivity(on=)``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi import InvalidRecord, structure
from atensi.batch import assess_record, decide_item
from atensi.boundary import DATE_MAX, DATE_MIN, parse_date
from atensi.boundary.converter import structure_detailed
from atensi.model import (
    ENTITIES,
    BirthDate,
    DatePrecision,
    Disability,
    Person,
    Referral,
)
from atensi.privacy import record_sensitivity, redact
from atensi.testing import STRATEGIES
from atensi.vocab import DisabilityType

EDGES = ["0001-01-01", "1799-12-31", "2200-01-01", "9999-07-01", "9999-12-31"]
INSIDE = ["1800-01-01", "1999-02-28", "2199-12-31"]


def person(birth: dict[str, Any]) -> dict[str, Any]:
    return {"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A", "birth_date": birth}


@pytest.mark.parametrize("value", EDGES)
@pytest.mark.parametrize("path", ["fast", "detailed"])
def test_dates_outside_the_range_are_refused_with_their_code(value: str, path: str) -> None:
    record = person({"value": value, "precision": "bulan"})
    run = structure if path == "fast" else structure_detailed
    with pytest.raises(InvalidRecord) as info:
        run(record, Person)
    [error] = info.value.errors
    assert (error.loc, error.code) == (("birth_date", "value"), "date.out_of_range")
    assert error.ctx == {"minimum": "1800-01-01", "maximum": "2199-12-31"}
    assert "1800-01-01" in error.message_id
    assert "sampai" in error.message_id


@pytest.mark.parametrize("value", INSIDE)
def test_the_edges_of_the_range_are_accepted(value: str) -> None:
    structured = structure(person({"value": value}), Person)
    assert structured.birth_date is not None
    assert structured.birth_date.value.isoformat() == value


def test_date_objects_are_held_to_the_range_too() -> None:
    for value in (dt.date.min, dt.date.max):
        with pytest.raises(InvalidRecord) as info:
            structure({"on": value, "direction": "masuk"}, Referral)
        assert [e.code for e in info.value.errors] == ["date.out_of_range"]


def _date_fields(cls: type[Any]) -> list[str]:
    attrs.resolve_types(cls)
    return [
        f.name
        for f in attrs.fields(cls)
        if f.type is dt.date or dt.date in getattr(f.type, "__args__", ())
    ]


@pytest.mark.parametrize("cls", [c for c in ENTITIES if _date_fields(c)], ids=lambda c: c.__name__)
@settings(max_examples=3, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_date_field_of_every_entity_is_held_to_the_range(
    cls: type[Any], data: st.DataObject
) -> None:
    """Direct construction refuses what ``structure`` refuses, field by field."""
    example = data.draw(STRATEGIES[cls])
    for name in _date_fields(cls):
        with pytest.raises(InvalidRecord) as info:
            attrs.evolve(example, **{name: dt.date(9999, 12, 31)})
        assert ("date.out_of_range", (name,)) in {(e.code, e.loc) for e in info.value.errors}
        record = atensi.unstructure(example)
        record[name] = "9999-12-31"
        with pytest.raises(InvalidRecord) as info:
            structure(record, cls)
        assert ("date.out_of_range", (name,)) in {(e.code, e.loc) for e in info.value.errors}


def test_the_schema_pattern_says_the_range() -> None:
    schema = atensi.json_schema(Referral)
    pattern = re.compile(schema["properties"]["on"]["pattern"])
    assert pattern.search("1800-01-01")
    assert pattern.search("2199-12-31")
    for outside in ("1799-12-31", "2200-01-01", "9999-07-01", "0001-01-01"):
        assert not pattern.search(outside)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"on": outside, "direction": "masuk"}, schema)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("9999-07-01", "date.out_of_range"),
        ("20240601", "date.format"),
        ("2024-02-30", "date.invalid"),
        (20240601, "type.date"),
    ],
)
def test_an_items_own_date_meets_the_same_rules(value: Any, code: str) -> None:
    item = {"subject": {"kind": "community", "id": "K", "name": "Kampung"}, "on": value}
    result = decide_item(item)
    assert isinstance(result, tuple)
    assert [(e.loc, e.code) for e in result] == [(("on",), code)]


def test_parse_date_is_the_boundarys_reading() -> None:
    assert parse_date("2024-06-01") == dt.date(2024, 6, 1)
    assert parse_date(DATE_MIN) == DATE_MIN
    with pytest.raises(InvalidRecord):
        parse_date(DATE_MAX + dt.timedelta(days=1))


def test_month_precision_in_december_has_a_last_day() -> None:
    birth = BirthDate(value=dt.date(2199, 12, 5), precision=DatePrecision.MONTH)
    assert birth.latest() == dt.date(2199, 12, 31)
    feb = BirthDate(value=dt.date(2024, 2, 5), precision=DatePrecision.MONTH)
    assert feb.latest() == dt.date(2024, 2, 29)


EXTREME_ON = [dt.date.min, dt.date(1, 12, 31), dt.date(9999, 1, 1), dt.date.max]


@pytest.mark.parametrize("on", EXTREME_ON, ids=str)
@pytest.mark.parametrize("birth", ["1800-01-01", "2199-12-31"])
@pytest.mark.parametrize("precision", ["hari", "bulan", "tahun"])
@pytest.mark.parametrize("estimated", [False, True])
def test_redact_and_record_sensitivity_answer_for_any_on(
    on: dt.date, birth: str, precision: str, estimated: bool
) -> None:
    subject = structure(
        person({"value": birth, "precision": precision, "estimated": estimated}), Person
    )
    copy = redact(subject, on=on)
    assert copy["birth_year"] == int(birth[:4])
    band = copy["age_band"]
    assert band is None or re.fullmatch(r"\d+-\d+", band)
    classes = record_sensitivity(subject, on=on)
    assert atensi.model.Sensitivity.GENERAL in classes


def test_an_age_band_is_unknown_before_birth() -> None:
    subject = structure(person({"value": "2100-01-01"}), Person)
    assert redact(subject, on=dt.date(2024, 1, 1))["age_band"] is None


def test_edge_dates_never_reach_the_batch_guard() -> None:
    """Every date of the accepted range decides (or is refused) through documented codes."""
    disability = Disability(type=DisabilityType.PHYSICAL, since=DATE_MAX)
    assert disability.since == DATE_MAX
    for birth in ("1800-01-01", "1800-12-31", "2199-12-31"):
        for precision in ("hari", "bulan", "tahun"):
            for estimated in (False, True):
                for on in ("1800-01-01", "2012-01-01", "2024-06-01", "2199-12-31"):
                    subject = {
                        "kind": "person",
                        **person({"value": birth, "precision": precision, "estimated": estimated}),
                        "disabilities": [{"type": "fisik", "since": birth}],
                        "conditions": [{"group": "anak_jalanan", "since": on}],
                    }
                    item = {"subject": subject, "assessment": None, "on": on}
                    result = assess_record(item)
                    codes = {e["code"] for e in result.get("errors", [])}
                    assert "record.internal_error" not in codes, (birth, precision, on)
                    json.dumps(result)


# --- One grammar, one code set, everywhere (issue 15, item 3) --------------------------------

_GRAMMAR = [
    ("20240601", "date.format"),
    ("2024-W22-6", "date.format"),
    ("2024-06-01T00:00", "date.format"),
    ("2024-6-1", "date.format"),
    ("２０２４-06-01", "date.format"),
    ("2024-02-30", "date.invalid"),
    ("9999-07-01", "date.out_of_range"),
]


@pytest.mark.parametrize(("value", "code"), _GRAMMAR)
def test_one_date_grammar_and_one_code_in_the_library(value: str, code: str) -> None:
    from atensi.rules import decision_from_json

    with pytest.raises(InvalidRecord) as entity:
        structure({"on": value, "direction": "masuk"}, Referral)
    assert [e.code for e in entity.value.errors] == [code]
    with pytest.raises(InvalidRecord) as option:
        parse_date(value)
    assert [e.code for e in option.value.errors] == [code]
    item = {"on": value, "subject": {"kind": "community", "id": "K", "name": "Kampung"}}
    assert [e["code"] for e in assess_record(item)["errors"]] == [code]
    decided = assess_record({**item, "on": "2024-06-01"})["decision"]
    with pytest.raises(atensi.AtensiError) as read_back:
        decision_from_json({**decided, "on": value})
    assert read_back.value.ctx["code"] == code


@pytest.mark.parametrize(("value", "code"), _GRAMMAR)
def test_one_date_grammar_and_one_code_on_the_command_line(value: str, code: str) -> None:
    from tests.test_cli import run

    commands = [
        ("assess", "examples/cases.json", "--on", value),
        ("explain", "examples/cases.json", "--on", value),
        ("coverage", "examples/registry.json", "--on", value),
        ("nik", "3171014103900001", "--on", value),
        ("assess", "examples/cases.json", "--in-force-date", f"permensos-7-2021={value}"),
    ]
    for args in commands:
        result = run(*args)
        assert result.returncode == 2, args
        assert f"[{code}]" in result.stderr, (args, result.stderr)
