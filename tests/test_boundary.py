"""The boundary: strict structuring, every error with its path, round trips, batches."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atensi
from atensi import InvalidRecord, structure, unstructure, validate_many
from atensi.errors import safe_key
from atensi.model import ENTITIES, Case, Person, Portfolio, Referral, ServiceDelivery, ServiceUnit
from tests.strategies_model import ENTITY_STRATEGIES, JSON_LIKE, STRATEGY_CLASSES, entity_name

NIK = "3171014103900001"


def person_record(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "P-001",
        "nik": NIK,
        "name": "Siti Aminah",
        "sex": "perempuan",
        "birth_date": {"value": "1990-03-01", "precision": "hari", "estimated": False},
        "domicile": "317101",
        "disabilities": [
            {
                "type": "fisik",
                "since": "2015-06-01",
                "permanent": True,
                "determined_by_medical_personnel": True,
            },
            {"type": "sensorik_rungu"},
        ],
        "conditions": [{"group": "perempuan_rawan_sosial_ekonomi", "evidence": "home visit"}],
    }
    record.update(overrides)
    return record


def codes(err: InvalidRecord) -> dict[tuple[Any, ...], str]:
    return {e.loc: e.code for e in err.errors}


def test_a_realistic_person_structures_and_round_trips() -> None:
    person = structure(person_record(), Person)
    assert person.nik == NIK
    assert person.birth_date is not None
    assert person.birth_date.value == dt.date(1990, 3, 1)
    assert [d.type.value for d in person.disabilities] == ["fisik", "sensorik_rungu"]
    assert structure(unstructure(person), Person) == person
    json.dumps(unstructure(person))


def test_a_person_without_nik_holds_the_reason() -> None:
    person = structure(person_record(nik={"reason": "belum_terdaftar"}), Person)
    assert isinstance(person.nik, atensi.nik.NoNik)
    assert unstructure(person)["nik"] == {"reason": "belum_terdaftar"}


def test_every_problem_is_reported_with_its_path() -> None:
    record = person_record(
        nik="3171014103900000",
        sex=3,
        name="",
        extra="?",
        birth_date={"value": "1990-02-30"},
        disabilities=[{"type": "fisik"}, {"type": "telepati"}, {"type": "fisik"}],
    )
    with pytest.raises(InvalidRecord) as info:
        structure(record, Person)
    found = codes(info.value)
    assert found[("sex",)] == "type.string"
    assert found[("name",)] == "string.too_short"  # a validator error next to a type error
    assert found[("extra",)] == "object.unknown_key"
    assert found[("birth_date", "value")] == "date.invalid"
    assert found[("disabilities", 1, "type")] == "enum.unknown"
    assert found[("nik",)].startswith("nik.")
    assert info.value.entity == "Person"


def test_validator_errors_are_not_hidden_by_type_errors_in_the_same_object() -> None:
    with pytest.raises(InvalidRecord) as info:
        structure(person_record(sex=["x"], id=" "), Person)
    assert codes(info.value) == {("sex",): "type.string", ("id",): "string.too_short"}


def test_duplicates_in_a_list_are_located_at_the_repeat() -> None:
    record = person_record(disabilities=[{"type": "fisik"}, {"type": "mental"}, {"type": "fisik"}])
    with pytest.raises(InvalidRecord) as info:
        structure(record, Person)
    assert codes(info.value) == {("disabilities", 2): "array.duplicate"}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("quantity", "3", "type.integer"),
        ("quantity", 3.9, "type.integer"),
        ("quantity", 3.0, "type.integer"),
        ("quantity", True, "type.integer"),
        ("quantity", 0, "number.too_small"),
        ("value_idr", -1, "number.too_small"),
        ("value_idr", 10**40, "number.too_large"),
        ("name", 5, "type.string"),
    ],
)
def test_no_quiet_coercion(field: str, value: Any, code: str) -> None:
    from atensi.model import InKindItem

    record = {"name": "kursi roda", "quantity": 1, field: value}
    with pytest.raises(InvalidRecord) as info:
        structure(record, InKindItem)
    assert codes(info.value) == {(field,): code}


@pytest.mark.parametrize("value", ["false", "true", 0, 1, None, "yes"])
def test_booleans_are_booleans(value: Any) -> None:
    from atensi.model import Assessor

    with pytest.raises(InvalidRecord) as info:
        structure({"certified_social_worker": value}, Assessor)
    assert info.value.errors[0].code == "type.boolean"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2024-13-01", "date.invalid"),
        ("1/2/2024", "date.format"),
        ("2024-01-01T00:00", "date.format"),
        (20240101, "type.date"),
        ("", "date.format"),
    ],
)
def test_dates_are_iso_strings(value: Any, code: str) -> None:
    with pytest.raises(InvalidRecord) as info:
        structure({"on": value, "direction": "masuk"}, Referral)
    assert codes(info.value) == {("on",): code}


def test_an_unknown_subject_kind_is_reported_as_such() -> None:
    case = {
        "id": "C-1",
        "unit": "SENTRA-01",
        "opened_on": "2023-01-02",
        "subject": {"kind": "alien", "id": "x"},
    }
    with pytest.raises(InvalidRecord) as info:
        structure(case, Case)
    assert codes(info.value) == {("subject", "kind"): "union.unknown_tag"}
    del case["subject"]["kind"]  # type: ignore[attr-defined]
    with pytest.raises(InvalidRecord) as info:
        structure(case, Case)
    assert codes(info.value) == {("subject", "kind"): "union.missing_tag"}


def test_a_case_with_a_tagged_subject_round_trips() -> None:
    case = {
        "id": "C-1",
        "unit": "SENTRA-01",
        "opened_on": "2023-01-02",
        "subject": {"kind": "person", **person_record()},
        "approaches": ["keluarga", "komunitas"],
        "stages": [
            {"stage": "pendekatan_awal", "on": "2023-01-02"},
            {"stage": "asesmen", "on": "2023-01-05"},
        ],
        "assessments": [
            {
                "id": "A-1",
                "assessed_on": "2023-01-05",
                "conditions": [{"group": "penyandang_disabilitas"}],
                "welfare_decile": 2,
            }
        ],
        "deliveries": [
            {
                "id": "D-1",
                "component": "dukungan_aksesibilitas",
                "activity": "dukungan_aksesibilitas",
                "approach": "keluarga",
                "provider": "SENTRA-01",
                "start": "2023-02-01",
                "in_kind": [{"name": "kursi roda", "quantity": 1, "value_idr": 2500000}],
            }
        ],
    }
    parsed = structure(case, Case)
    assert isinstance(parsed.subject, Person)
    assert unstructure(parsed)["subject"]["kind"] == "person"
    assert structure(unstructure(parsed), Case) == parsed


def test_cross_field_invariants_are_located() -> None:
    record = {
        "id": "D-1",
        "component": "terapi",
        "activity": "pelatihan_vokasional",
        "approach": "keluarga",
        "provider": "U",
        "start": "2024-05-01",
        "end": "2024-04-01",
    }
    with pytest.raises(InvalidRecord) as info:
        structure(record, ServiceDelivery)
    assert codes(info.value) == {
        ("end",): "date.before_start",
        ("activity",): "delivery.activity_component_mismatch",
    }


def test_the_input_is_never_mutated() -> None:
    record = person_record(extra=1)
    before = copy.deepcopy(record)
    with pytest.raises(InvalidRecord):
        structure(record, Person)
    structure(person_record(), Person)
    assert record == before


def test_error_json_is_versioned_and_leaves_inputs_out_by_default() -> None:
    with pytest.raises(InvalidRecord) as info:
        structure(person_record(nik="3171014103900000", name=""), Person)
    data = info.value.to_json()
    assert data["version"] == 1
    assert data["code"] == "record.invalid"
    assert data["entity"] == "Person"
    text = json.dumps(data)
    assert "3171014103900000" not in text
    assert "3171014103900000" not in str(info.value)
    assert "3171014103900000" not in repr(info.value.errors)
    for error in data["errors"]:
        assert set(error) == {"loc", "code", "msg", "ctx"}
        assert set(error["msg"]) == {"id", "en"}
    with_input = info.value.to_json(include_input=True)
    assert "3171014103900000" not in json.dumps(with_input)  # a personal field stays redacted
    assert {e["input"] for e in with_input["errors"]} == {"<redacted>"}
    everything = json.dumps(info.value.to_json(include_input=True, include_personal=True))
    assert "3171014103900000" in everything
    assert info.value.errors[0].sensitivity == "pengenal"


def test_inputs_of_non_personal_fields_are_shown_on_request() -> None:
    with pytest.raises(InvalidRecord) as info:
        structure({"on": "2024-02-30", "direction": "masuk"}, Referral)
    assert info.value.to_json(include_input=True)["errors"][0]["input"] == "2024-02-30"


def test_lone_surrogates_are_refused() -> None:
    with pytest.raises(InvalidRecord) as info:
        structure(person_record(name="Siti \ud800"), Person)
    assert codes(info.value) == {("name",): "string.invalid_unicode"}


def test_validate_many_never_stops_and_is_lazy() -> None:
    good = {"on": "2024-01-01", "direction": "masuk"}
    records = itertools.chain([good, {"on": 1}, "not an object", good], itertools.repeat(good))
    results = validate_many(records, Referral)
    first = list(itertools.islice(results, 4))
    assert [r.ok for r in first] == [True, False, False, True]
    assert [r.index for r in first] == [0, 1, 2, 3]
    assert first[2].errors[0].code == "type.object"
    assert next(results).index == 4  # the infinite stream is consumed lazily


def test_structure_refuses_a_non_entity_target() -> None:
    with pytest.raises(atensi.AtensiError):
        structure({}, dict)


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=40)
@given(data=st.data())
def test_valid_entities_round_trip(cls: type[Any], data: st.DataObject) -> None:
    entity = data.draw(ENTITY_STRATEGIES[cls])
    raw = unstructure(entity)
    assert json.loads(json.dumps(raw)) == raw
    assert structure(raw, cls) == entity


def _loc_exists(data: Any, loc: tuple[Any, ...]) -> bool:
    node = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict):
            # An unknown key is shown as safe_key shows it (masked, escaped, cut).
            shown = {safe_key(key): key for key in node}
            if part not in node and part not in shown:
                return last  # a missing key (or the subject tag) is named, not present
            node = node[part if part in node else shown[part]]
        elif isinstance(node, list | tuple) and isinstance(part, int):
            if not 0 <= part < len(node):
                return False
            node = node[part]
        else:
            return False
    return True


@pytest.mark.parametrize("cls", ENTITIES, ids=entity_name)
@given(value=JSON_LIKE)
def test_fuzz_only_invalid_record_escapes(cls: type[Any], value: Any) -> None:
    before = copy.deepcopy(value)
    errors: tuple[Any, ...] = ()
    try:
        structure(value, cls)
    except InvalidRecord as err:
        errors = err.errors
        json.dumps(err.to_json())
        json.dumps(err.to_json(include_input=True))
    for error in errors:
        assert _loc_exists(value, error.loc), (error.loc, error.code)
    assert repr(value) == repr(before)  # never mutated (repr: NaN never equals itself)


def test_deep_nesting_is_an_invalid_record_not_a_recursion_error() -> None:
    deep: Any = {"on": "2024-01-01", "direction": "masuk"}
    for _ in range(10_000):
        deep = {"subject": deep}
    with pytest.raises(InvalidRecord):
        structure(deep, Case)


def test_portfolio_with_an_activity_outside_the_period() -> None:
    record = {
        "id": "PF",
        "owner": "SENTRA-01",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "activities": [{"id": "K-1", "kind": "kampanye_sosial", "on": "2025-01-05"}],
    }
    with pytest.raises(InvalidRecord) as info:
        structure(record, Portfolio)
    assert codes(info.value) == {("activities", 0, "on"): "portfolio.outside_period"}


def test_unit_event_needs_its_payload() -> None:
    record = {
        "code": "U",
        "name": "Balai X",
        "kind": "balai",
        "history": [{"on": "2022-03-03", "kind": "bergabung"}],
    }
    with pytest.raises(InvalidRecord) as info:
        structure(record, ServiceUnit)
    assert codes(info.value) == {("history", 0, "merged_into"): "unit_event.missing_payload"}


def _outcome(fn: Any, value: Any, cls: type[Any]) -> Any:
    try:
        return ("ok", fn(value, cls))
    except InvalidRecord:
        return ("invalid", None)


@pytest.mark.parametrize("cls", ENTITIES, ids=entity_name)
@given(value=JSON_LIKE)
def test_fast_and_detailed_paths_agree_on_noise(cls: type[Any], value: Any) -> None:
    from atensi.boundary.converter import structure_detailed

    assert _outcome(structure, value, cls) == _outcome(structure_detailed, value, cls)


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=30)
@given(data=st.data())
def test_fast_and_detailed_paths_agree_on_valid_and_mutated_records(
    cls: type[Any], data: st.DataObject
) -> None:
    from atensi.boundary.converter import structure_detailed

    raw = unstructure(data.draw(ENTITY_STRATEGIES[cls]))
    assert structure(raw, cls) == structure_detailed(raw, cls)
    # One mutation of one top-level field, of a kind the fast path must notice.
    key = data.draw(st.sampled_from(sorted(raw)))
    mutated = {**raw, key: data.draw(JSON_LIKE)}
    assert _outcome(structure, mutated, cls) == _outcome(structure_detailed, mutated, cls)


class _Hostile(type):
    def __hash__(cls) -> int:
        raise ValueError("no hash")

    def __eq__(cls, other: object) -> bool:
        raise ValueError("no eq")


class _NotAnEntity(metaclass=_Hostile):
    pass


@pytest.mark.parametrize("target", [int, dict, _NotAnEntity, "Person", None, [Person]], ids=str)
def test_a_target_that_is_no_entity_class_is_the_callers_error_every_time(target: Any) -> None:
    for _ in range(2):  # the entity classes asked for are remembered; nothing else is
        with pytest.raises(atensi.AtensiError) as raised:
            structure({"id": "P"}, target)
        assert raised.value.code == "boundary.not_an_entity"
        with pytest.raises(atensi.AtensiError) as raised:
            atensi.structure_json('{"id": "P"}', target)
        assert raised.value.code == "boundary.not_an_entity"
