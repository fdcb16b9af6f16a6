"""The scenarios are data any implementation can run: files, a schema, a typed reading.

Every scenario file agrees with ``scenario.schema.json``; every record in it agrees with the
entity's own JSON Schema (what an integrator in another language checks); every scenario reads
through the boundary into a typed :class:`atensi.scenarios.Scenario`, and a broken one is refused
with every problem and its path.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import jsonschema
import pytest

import atensi
from atensi import data
from atensi.errors import InvalidRecord
from atensi.model import (
    SUBJECT_KINDS,
    Assessment,
    Case,
    Portfolio,
    Referral,
    ServiceDelivery,
    ServiceUnit,
)
from atensi.reports.scenarios import REPORT_SCENARIOS
from atensi.rules import Outcome
from atensi.scenarios import (
    SCENARIOS,
    Scenario,
    ScenarioKind,
    load_scenario_files,
    run_scenario,
    structure_scenario,
)


def _files(folder: str) -> list[str]:
    return [
        f"{folder}/{name}"
        for name in data.list_dir(folder)
        if name.endswith(".json") and not name.endswith(".schema.json")
    ]


def test_every_scenario_file_agrees_with_the_schema() -> None:
    schema = data.read_json("scenarios/scenario.schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    paths = _files("scenarios") + _files("scenarios/reports")
    assert len(paths) >= 6
    for path in paths:
        errors = [e.message[:200] for e in validator.iter_errors(data.read_json(path))]
        assert not errors, (path, errors[:3])


def test_the_schema_refuses_a_broken_scenario() -> None:
    schema = data.read_json("scenarios/scenario.schema.json")
    document = data.read_json("scenarios/10-eligibility.json")
    document["scenarios"][0]["overall"] = "probably"
    del document["scenarios"][1]["subject"]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert len(errors) == 2


_ENTITY = {
    "assessment": Assessment,
    "case": Case,
    "delivery": ServiceDelivery,
    "referral": Referral,
}


def _records(scenario: dict[str, Any]) -> list[tuple[type[Any], Any]]:
    found: list[tuple[type[Any], Any]] = []
    subject = scenario.get("subject")
    if subject:
        body = {k: v for k, v in subject.items() if k != "kind"}
        found.append((SUBJECT_KINDS[subject["kind"]], body))
    for key, cls in _ENTITY.items():
        if scenario.get(key):
            found.append((cls, scenario[key]))
    if isinstance(scenario.get("registry"), list):
        found.extend((ServiceUnit, unit) for unit in scenario["registry"])
    found.extend(
        (Portfolio if "cases" in record or "owner" in record else Case, record)
        for record in scenario.get("records", ())
    )
    return found


def test_every_record_agrees_with_its_entitys_json_schema() -> None:
    # What an integrator without Python does: validate each record with atensi's schemas.
    validators: dict[type[Any], jsonschema.Draft202012Validator] = {}
    checked = 0
    for scenario in (*SCENARIOS, *REPORT_SCENARIOS):
        for cls, record in _records(scenario):
            if cls not in validators:
                validators[cls] = jsonschema.Draft202012Validator(
                    atensi.json_schema(cls), format_checker=jsonschema.FormatChecker()
                )
            errors = [e.message[:120] for e in validators[cls].iter_errors(record)]
            assert not errors, (scenario["name"], cls.__name__, errors[:2])
            checked += 1
    assert checked >= 290


def test_every_scenario_reads_into_a_typed_scenario() -> None:
    kinds = set()
    for raw in (*SCENARIOS, *REPORT_SCENARIOS):
        typed = structure_scenario(raw)
        assert isinstance(typed, Scenario)
        kinds.add(typed.kind)
        assert typed.name == raw["name"]
        if raw.get("subject"):
            assert type(typed.subject).__name__.lower() == raw["subject"]["kind"]
        if typed.kind is ScenarioKind.ELIGIBILITY:
            assert isinstance(typed.overall, Outcome)
            assert isinstance(typed.on, dt.date)
    assert kinds == set(ScenarioKind)


def test_a_broken_scenario_lists_every_problem_with_its_path() -> None:
    broken = copy.deepcopy(SCENARIOS[0])
    broken["on"] = "yesterday"
    broken["overall"] = "probably"
    broken["assessment"]["conditions"][0]["group"] = "anak_jalan"
    broken["statuses"] = {"elig.anak.age": "fine"}
    with pytest.raises(InvalidRecord) as err:
        structure_scenario(broken)
    locs = {e.loc for e in err.value.errors}
    assert ("on",) in locs
    assert ("overall",) in locs
    assert ("assessment", "conditions", 0, "group") in locs
    assert ("statuses", "elig.anak.age") in locs
    assert "anak_jalan" not in str(err.value)  # the message never shows the input
    with pytest.raises(InvalidRecord):
        run_scenario(broken)


def test_run_scenario_takes_the_mapping_or_the_typed_scenario() -> None:
    raw = SCENARIOS[0]
    assert run_scenario(raw) == run_scenario(structure_scenario(raw)) == []
    changed = {**raw, "overall": "not_eligible"}
    assert run_scenario(changed) == ["overall eligible != not_eligible"]


def test_files_are_read_in_name_order_and_every_file_counts() -> None:
    assert load_scenario_files() == SCENARIOS
    assert load_scenario_files("scenarios/reports") == REPORT_SCENARIOS
    names = [s["name"] for s in SCENARIOS]
    assert len(names) == len(set(names))


def test_every_justice_napza_and_procedure_rule_has_a_named_scenario() -> None:
    # Issue 29: one named scenario per rule of the procedure decision, with its status and
    # the instrument it cites (70-justice-napza.json).
    from atensi.rules.catalogue import RULES

    procedure = [s for s in SCENARIOS if s["kind"] == "procedure"]
    pinned = {rule_id for s in procedure for rule_id in s["statuses"]}
    wanted = {r for r in RULES if r.split(".")[0] in ("justice", "napza", "procedure")}
    assert len(wanted) >= 15
    assert pinned == wanted
    for scenario in procedure:
        assert set(scenario["citations"]) == set(scenario["statuses"]), scenario["name"]


def test_a_procedure_scenario_with_another_status_or_outcome_fails() -> None:
    [raw] = [s for s in SCENARIOS if s["name"].startswith("an IPWL assessment without its social")]
    assert run_scenario(raw) == []
    assert run_scenario({**raw, "statuses": {"napza.assessment.parts": "met"}}) == [
        "rule napza.assessment.parts: ['not_met'] has no met"
    ]
    assert run_scenario({**raw, "expected": "allowed"}) == ["outcome not_eligible != eligible"]
    other = {**raw, "citations": {"napza.assessment.parts": ["uu-35-2009", "verified"]}}
    assert run_scenario(other) == [
        "rule napza.assessment.parts: cites [('pp-25-2011', 'verified')], not "
        "['uu-35-2009', 'verified']"
    ]


def test_every_entitlement_rule_has_a_named_scenario_with_its_grade() -> None:
    # Issue 26: each stop condition and the amount pinned by a scenario with the grade its
    # finding cites (80-entitlements.json); none of them ever refuses.
    from atensi.rules.catalogue import RULES

    chosen = [s for s in SCENARIOS if s["kind"] == "entitlement"]
    pinned = {rule_id for s in chosen for rule_id in s["statuses"]}
    assert pinned == {r for r in RULES if r.startswith("aid.entitlement.")}
    for scenario in chosen:
        assert scenario["expected"] != "refused", scenario["name"]
        assert "not_met" not in scenario["statuses"].values(), scenario["name"]
        assert set(scenario["citations"]) == set(scenario["statuses"]), scenario["name"]
        assert run_scenario(scenario) == [], scenario["name"]
