"""The JSON Schema rejects what ``structure`` rejects, in two independent validators.

Issue 15, item 8: an empty or 17-digit NIK, duplicate working-area codes, codes that are not
region codes and ``2024-02-30`` passed standard validators, because format assertion is off by
default in draft 2020-12. This test runs ``jsonschema`` and ``jsonschema-rs`` in their
**default** configuration over valid records, the near misses of ``atensi.testing`` (one broken
rule each, nested objects included) and a hand-written list of the cases integrators met,
counts where each validator and ``structure`` disagree, and requires every disagreement to be
in the residue ``docs/boundary.md`` documents (``RESIDUE`` in ``tests/schema_corpus.py``).
"""

from __future__ import annotations

import collections
import json
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from atensi import json_schema
from atensi.model import Person, ServiceUnit
from tests.schema_corpus import NORMALISED, PERSON, UNIT, accepted, corpus, residue


def test_two_validators_in_their_default_configuration_disagree_only_on_the_residue() -> None:
    records = corpus()
    counts: dict[str, collections.Counter[str]] = {
        "jsonschema": collections.Counter(),
        "jsonschema-rs": collections.Counter(),
    }
    undocumented: list[tuple[str, str, str]] = []
    schemas: dict[type[Any], tuple[Any, Any]] = {}
    for cls, record in records:
        if cls not in schemas:
            schema = json_schema(cls)
            schemas[cls] = (
                jsonschema.Draft202012Validator(schema).is_valid,
                jsonschema_rs.validator_for(schema).is_valid,
            )
        ok, _, _ = accepted(cls, record)
        for name, check in zip(counts, schemas[cls], strict=True):
            schema_ok = check(record)
            counts[name]["records"] += 1
            if schema_ok == ok:
                continue
            kind = residue(cls, record, schema_ok, check)
            counts[name][kind or "undocumented"] += 1
            if kind is None:
                undocumented.append((name, cls.__name__, json.dumps(record)[:300]))
    print({name: dict(counter) for name, counter in counts.items()})
    assert not undocumented, undocumented
    # The named cases reach both directions of the residue.
    for counter in counts.values():
        assert counter[NORMALISED]
        assert counter["3.0 is an integer"]


@pytest.mark.parametrize(
    "validate",
    [
        lambda schema, value: jsonschema.Draft202012Validator(schema).is_valid(value),
        lambda schema, value: jsonschema_rs.validator_for(schema).is_valid(value),
    ],
    ids=["jsonschema", "jsonschema-rs"],
)
def test_what_integrators_met_is_refused_by_default_validators(validate: Any) -> None:
    person, unit = json_schema(Person), json_schema(ServiceUnit)
    for nik in ("", "31710141039000011", "3171014103900000"):
        assert not validate(person, {**PERSON, "nik": nik}), nik
    assert not validate(person, {**PERSON, "birth_date": {"value": "2024-02-30"}})
    assert not validate(person, {**PERSON, "domicile": "abc"})
    assert not validate(unit, {**UNIT, "working_area": ["3171", "3171"]})
    assert not validate(unit, {**UNIT, "working_area": ["3171", "1234"]})
    assert validate(person, PERSON)
    assert validate(unit, UNIT)
