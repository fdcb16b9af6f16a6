"""JSON Schema agrees with structure: valid entities validate; near-misses fail both."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import InvalidRecord, json_schema, structure, unstructure
from atensi.model import ENTITIES, Person, Referral
from tests.strategies_model import ENTITY_STRATEGIES, STRATEGY_CLASSES, entity_name

FORMAT_CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER


def validator(cls: type[Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(cls), format_checker=FORMAT_CHECKER)


@pytest.mark.parametrize("cls", ENTITIES, ids=entity_name)
def test_every_schema_is_a_valid_draft_2020_12_schema(cls: type[Any]) -> None:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    for definition in schema.get("$defs", {}).values():
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False
    json.dumps(schema)


def test_fields_carry_labels_citations_and_sensitivity() -> None:
    props = json_schema(Person)["properties"]
    assert props["nik"]["x-atensi-sensitivity"] == "pengenal"
    assert props["nik"]["x-atensi-citation"]["instrument"] == "uu-24-2013"
    assert props["name"]["x-atensi-label"] == {"id": "Nama lengkap", "en": "Full name"}
    assert props["disabilities"]["x-atensi-sensitivity"] == "spesifik_kesehatan"


def test_schema_is_deterministic() -> None:
    assert json.dumps(json_schema(Person)) == json.dumps(json_schema(Person))


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=30)
@given(data=st.data())
def test_every_valid_entity_validates_against_its_schema(
    cls: type[Any], data: st.DataObject
) -> None:
    raw = unstructure(data.draw(ENTITY_STRATEGIES[cls]))
    errors = list(validator(cls).iter_errors(raw))
    assert not errors, [e.message for e in errors]


def _near_misses(raw: dict[str, Any], cls: type[Any]) -> list[tuple[str, dict[str, Any]]]:
    """Records that break exactly one rule the schema can express."""
    schema = json_schema(cls)
    misses: list[tuple[str, dict[str, Any]]] = [("unknown key", {**raw, "zz_unknown": 1})]
    for name in schema["required"]:
        misses.append((f"missing {name}", {k: v for k, v in raw.items() if k != name}))
    for name, value in raw.items():
        if isinstance(value, str):
            misses.append((f"{name} as number", {**raw, name: 12345}))
        elif isinstance(value, bool):
            misses.append((f"{name} as string", {**raw, name: "false"}))
        elif isinstance(value, int):
            misses.append((f"{name} as string", {**raw, name: str(value)}))
        elif isinstance(value, list):
            misses.append((f"{name} as object", {**raw, name: {}}))
    return misses


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=15)
@given(data=st.data())
def test_near_misses_are_rejected_by_both(cls: type[Any], data: st.DataObject) -> None:
    raw = unstructure(data.draw(ENTITY_STRATEGIES[cls]))
    check = validator(cls)
    for what, record in _near_misses(raw, cls):
        assert not check.is_valid(record), what
        with pytest.raises(InvalidRecord):
            structure(record, cls)


def test_a_bad_enum_code_and_a_bad_date_fail_both() -> None:
    check = validator(Referral)
    for record in (
        {"on": "2024-01-01", "direction": "kiri"},
        {"on": "2024-02-30", "direction": "masuk"},
    ):
        assert not check.is_valid(record)
        with pytest.raises(InvalidRecord):
            structure(record, Referral)
