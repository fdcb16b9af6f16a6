"""The records the schema differential runs through every validator, and what may differ.

Shared by ``tests/test_schema_differential.py`` (Python's ``jsonschema`` and Rust's
``jsonschema-rs``) and ``tools/check_schema_engines.py`` (ajv in JavaScript and Java's
``Pattern``, run by ``.ci/run``): valid records and the near misses of ``atensi.testing`` for
every entity with a strategy, the hand-written cases integrators met, and the residue
``docs/boundary.md`` documents (what a JSON Schema cannot say).
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from atensi import InvalidRecord, structure, unstructure
from atensi.model import AssessmentItem, Person, ServiceUnit, UnitEvent
from atensi.testing import near_misses
from tests.strategies_model import ENTITY_STRATEGIES, STRATEGY_CLASSES

__all__ = [
    "LONE_SURROGATES",
    "NORMALISED",
    "PERSON",
    "RESIDUE",
    "TEXT_EDGES",
    "UNIT",
    "accepted",
    "corpus",
    "residue",
]

#: What a JSON Schema cannot say, by the codes ``structure`` reports for it (docs/boundary.md,
#: "What the schema cannot say"). A record ``structure`` refuses only for these may pass.
RESIDUE = {
    # Cross-field rules: an end before its start, an activity outside its component, ...
    "date.before_start": "cross-field",
    "condition.justification_required": "cross-field",
    "drug_use.not_a_drug_status": "cross-field",
    "delivery.activity_component_mismatch": "cross-field",
    "delivery.therapy_outside_therapy_component": "cross-field",
    "case.stage_before_opening": "cross-field",
    "case.stages_out_of_order": "cross-field",
    "case.terminated_before_opening": "cross-field",
    "termination.outcome_before_termination": "cross-field",
    "case.followup_without_termination": "cross-field",
    "case.followup_before_termination": "cross-field",
    "report.regency_outside_province": "cross-field",
    "unit.history_out_of_order": "cross-field",
    "unit.event_before_establishment": "cross-field",
    "unit.duplicate_event": "cross-field",
    "unit.merged_into_itself": "cross-field",
    "registry.unknown_merger_target": "cross-field",
    "unit_event.missing_payload": "cross-field",
    "portfolio.outside_period": "cross-field",
    "partnership.aid_outside_period": "cross-field",
    "referral.accepted_and_declined": "cross-field",
    "referral.completed_without_acceptance": "cross-field",
    "case.ordered_without_legal_basis": "cross-field",
    # A case's orders and Bapas documents against each other (issue 29).
    "case.extends_unknown_order": "cross-field",
    "case.extension_before_order": "cross-field",
    "case.document_unknown_order": "cross-field",
    # A payment naming an entitlement of the case (issue 26).
    "case.payment_unknown_entitlement": "cross-field",
    "decree.group_outside_target": "cross-field",
    # The channel of an aid against the aid's date (bantuan pemerintah exists since 2015).
    "funding.channel_not_in_force": "cross-field",
    # Objects unique by a key (a member id, a condition's group): uniqueItems compares whole
    # items.
    "array.duplicate": "unique by key",
    # JSON Schema's data model counts 3.0 as an integer; structure refuses it.
    "type.integer": "3.0 is an integer",
}
#: A record ``structure`` accepts but the schema refuses only when ``structure`` normalises it:
#: a NIK written with separators is accepted and stored compact; the schema describes the
#: stored form.
NORMALISED = "normalised on input"

_GATHER = settings(
    max_examples=12,
    derandomize=True,
    database=None,
    phases=[Phase.generate],
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def corpus() -> list[tuple[type[Any], Any]]:
    records: list[tuple[type[Any], Any]] = []

    @_GATHER
    @given(data=st.data())
    def gather(data: st.DataObject) -> None:
        for cls in STRATEGY_CLASSES:
            records.append((cls, unstructure(data.draw(ENTITY_STRATEGIES[cls]))))
            records.append((cls, data.draw(near_misses(cls)).record))

    gather()
    return records + _named()


#: Text at the edges of the pinned character table (issue 27): invisible fillers, a format
#: character of Unicode 15 (unassigned in Python 3.11's tables), characters beyond the Basic
#: Multilingual Plane, variation selectors alone and after a letter.
TEXT_EDGES = (
    "\u3164",
    "\u3164\u3164",
    "\u2800",
    "\uffa0",
    "\u115f\u1160",
    "Si\u034fti",
    "Siti\U00013439",
    "Siti \U0001d4e2",
    "\U0001f600",
    "Siti\ufe0f",
    "\ufe0f",
    "\U000e0100",
    "\U000e0020Siti",
    "Nguy\u1ec5n",
    "\ue000",
    "\U0010fffd",
)
#: Lone surrogates, which JSON text can carry as ``"\ud800"`` (Rust's engine cannot take them).
LONE_SURROGATES = ("Si\ud800ti", "\udfff", "\ud83d")

PERSON = {"id": "P", "nik": "3171014103900001", "name": "Siti"}
UNIT = {"code": "U", "name": "Sentra", "kind": "sentra", "working_area": ["3171", "73"]}


def _named() -> list[tuple[type[Any], Any]]:
    """The cases integrators met, and the edges of every pattern."""
    person: list[Any] = [
        {**PERSON, "nik": nik}
        for nik in (
            "",
            "31710141039000011",
            "317101410390000",
            "3171 0141 0390 0001",
            "31.71.01-410390-0001",
            "3171014103900000",
            "3171013202000001",
            "3171012902010001",
            "3171012902000001",
            "3171017203900001",
            "3171014003900001",
            "3171014113900001",
            "3171014103900001\n",
            "３１７１０１４１０３９０００１",
        )
    ]
    person += [{**PERSON, "domicile": code} for code in ("abc", "317101", "31.71.01", "99")]
    person += [{**PERSON, "name": name} for name in (" ", "\u3000", "Si\u200bti", "Siti\n", "")]
    person += [{**PERSON, "name": name} for name in TEXT_EDGES]
    person += [
        {**PERSON, "birth_date": {"value": day}}
        for day in (
            "2024-02-30",
            "2023-02-29",
            "2024-02-29",
            "1900-02-29",
            "2000-02-29",
            "2100-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "1799-12-31",
            "2200-01-01",
            "2024-01-01\n",
            "20240101",
            "2024-W01-1",
        )
    ]
    person.append({**PERSON, "disabilities": [{"type": "fisik"}, {"type": "fisik"}]})
    units: list[Any] = [
        {**UNIT, "working_area": area}
        for area in (["3171", "3171"], ["3171", "abc"], ["31.71"], ["99"], [])
    ]
    units.append({**UNIT, "location": "abc"})
    events = [{"on": "2024-01-01", "kind": "ganti_wilayah", "working_area": ["3171", "3171"]}]
    item = {"subject": {"kind": "person", **PERSON}, "assessment": None, "on": "2024-06-01"}
    assessment = {"id": "A", "assessed_on": "2024-05-01", "welfare_decile": 3.0}
    items = [
        item,
        {**item, "assesment": {}},
        {**item, "on": "2024-02-30"},
        {**item, "assessment": assessment},
    ]
    return (
        [(Person, r) for r in person]
        + [(ServiceUnit, r) for r in units]
        + [(UnitEvent, r) for r in events]
        + [(AssessmentItem, r) for r in items]
    )


def accepted(cls: type[Any], record: Any) -> tuple[bool, set[str], Any]:
    try:
        value = structure(copy.deepcopy(record), cls)
    except InvalidRecord as err:
        return False, {e.code for e in err.errors}, None
    return True, set(), value


def residue(cls: type[Any], record: Any, schema_ok: bool, check: Any) -> str | None:
    """The documented residue a disagreement belongs to, or None if it is undocumented."""
    ok, codes, value = accepted(cls, record)
    if ok and not schema_ok:
        return NORMALISED if check(unstructure(value)) else None
    kinds = {RESIDUE.get(code) for code in codes}
    if None in kinds:
        return None
    return "/".join(sorted(k for k in kinds if k))
