"""atensi.testing: valid strategies are valid, near misses fail exactly as they say."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from atensi import InvalidRecord, assess_eligibility, nik, structure, unstructure
from atensi.model import (
    ENTITIES,
    Case,
    CompulsoryReport,
    CourtOrder,
    Offence,
    Person,
    PlanPart,
    UnitRegistry,
)
from atensi.rules import InvalidTransition, Outcome, Status, advance, age_range, check_transition
from atensi.testing import (
    REFERENCE_DATE,
    STRATEGIES,
    EligibilityNearMiss,
    NearMiss,
    TransitionNearMiss,
    cases,
    eligibility_near_misses,
    near_misses,
    persons,
    registries,
    transition_near_misses,
    unit_events,
    units,
)
from atensi.testing.misses import _invariant_misses
from atensi.vocab import CaseStage, Target

T = TypeVar("T")
CLASSES = sorted(STRATEGIES, key=lambda c: c.__name__)


def test_every_public_entity_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(ENTITIES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_valid_strategies_structure_unchanged(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cls])
    assert structure(unstructure(value), cls) == value


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_near_misses_fail_with_their_stated_code(cls: type[Any], data: st.DataObject) -> None:
    miss = data.draw(near_misses(cls))
    with pytest.raises(InvalidRecord) as info:
        structure(miss.record, cls)
    assert [(e.loc, e.code) for e in info.value.errors] == [(miss.loc, miss.code)], miss.what


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(near_misses(Case))
def test_near_misses_reach_nested_objects(miss: Any) -> None:
    # Not a statistical claim: a nested miss is a valid draw, and it keeps its full path.
    if len(miss.loc) > 1:
        assert isinstance(miss.loc[0], str)


@settings(max_examples=60)
@given(persons())
def test_generated_niks_agree_with_the_person(person: Person) -> None:
    if isinstance(person.nik, str):
        assert person.birth_date is not None
        assert (
            nik.check_consistency(
                person.nik,
                on=REFERENCE_DATE,
                birth_date=person.birth_date.value,
                sex=person.sex,
                region=person.domicile,
            )
            == ()
        )


@settings(max_examples=100)
@given(persons())
def test_generated_ages_fit_the_conditions_for_every_possible_birth_day(person: Person) -> None:
    assert person.birth_date is not None
    youngest, oldest = age_range(person.birth_date, REFERENCE_DATE)
    for condition in person.conditions:
        if condition.group.target is Target.CHILDREN:
            assert oldest < 18
        if condition.group.target is Target.ELDERLY:
            assert youngest >= 60


@settings(max_examples=60)
@given(st.from_type(Case))
def test_generated_stage_histories_obey_the_lifecycle(case: Case) -> None:
    replay = attrs.evolve(case, stages=(), termination=None, followups=())
    for entry in case.stages:
        reason = case.termination.reason if case.termination else None
        replay = advance(replay, entry.stage, on=entry.on, reason=reason)
    assert [s.stage for s in replay.stages] == [s.stage for s in case.stages]


@settings(max_examples=40)
@given(registries())
def test_registry_mergers_name_a_unit_of_the_registry(registry: UnitRegistry) -> None:
    codes = {u.code for u in registry.units}
    for unit in registry.units:
        for event in unit.history:
            if event.merged_into is not None:
                assert event.merged_into in codes - {unit.code}


@settings(max_examples=10)
@given(data=st.data())
def test_from_type_is_registered_for_every_entity(data: st.DataObject) -> None:
    for cls in CLASSES:
        assert isinstance(data.draw(st.from_type(cls)), cls)


def test_the_hypothesis_entry_point_registers_without_importing_atensi_testing() -> None:
    code = (
        "from hypothesis import strategies as st\n"
        "from atensi import structure, unstructure\n"
        "from atensi.model import Case\n"
        "value = st.from_type(Case).example()\n"
        "assert structure(unstructure(value), Case) == value\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_the_entry_point_registers_the_entities_that_load_on_first_use() -> None:
    # The plugin asks for atensi.model.ENTITIES while atensi.model is still loading: the units
    # and portfolios load then, and their strategies are registered too.
    result = _python(
        "from hypothesis import strategies as st\n"
        "import atensi.model\n"
        "from atensi.model import Portfolio, ServiceUnit\n"
        "assert isinstance(st.from_type(ServiceUnit).example(), ServiceUnit)\n"
        "assert isinstance(st.from_type(Portfolio).example(), Portfolio)\n"
        "print('ok')\n"
    )
    assert result.stdout.strip() == "ok", result.stderr


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_importing_hypothesis_loads_no_entities_strategies_or_attrs() -> None:
    """An unrelated suite pays for the package's own light modules only (issue 16, item 11)."""
    result = _python(
        "import sys\n"
        "import hypothesis\n"
        "heavy = [m for m in sys.modules if m.startswith(('atensi.model', 'atensi.testing',"
        " 'atensi.rules', 'atensi.boundary', 'attrs', 'cattrs'))]\n"
        "print(heavy)\n"
    )
    assert result.stdout.strip() == "[]", result.stderr


def test_entities_imported_before_hypothesis_are_registered_too() -> None:
    result = _python(
        "from atensi.model import Person\n"
        "from hypothesis import strategies as st\n"
        "assert isinstance(st.from_type(Person).example(), Person)\n"
        "print('ok')\n"
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_a_broken_atensi_never_breaks_an_unrelated_suite() -> None:
    """Atensi failing to import (not with ImportError) leaves Hypothesis and its tests working."""
    result = _python(
        "import sys\n"
        "class Broken:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('atensi'):\n"
        "            raise RuntimeError('atensi is broken')\n"
        "sys.meta_path.insert(0, Broken())\n"
        "from hypothesis import given, strategies as st\n"
        "@given(st.integers())\n"
        "def test(n):\n"
        "    assert n + 0 == n\n"
        "test()\n"
        "print('ok')\n"
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_the_plugin_swallows_a_failing_registration(monkeypatch: pytest.MonkeyPatch) -> None:
    from hypothesis import strategies

    import _atensi_hypothesis as _hypothesis

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("registration failed")

    monkeypatch.setattr(strategies, "register_type_strategy", broken)
    _hypothesis.setup()  # must not raise
    _hypothesis.model_loaded()


@settings(max_examples=150)
@given(eligibility_near_misses())
def test_eligibility_near_misses_fail_the_named_rule(miss: EligibilityNearMiss) -> None:
    hit = assess_eligibility(*miss.eligible, on=miss.on)
    assert dict(hit.targets)[miss.target.value] is Outcome.ELIGIBLE, miss.what
    missed = assess_eligibility(*miss.miss, on=miss.on)
    statuses = {f.status for f in missed.findings if f.rule_id == miss.rule_id}
    assert statuses == {miss.status}, miss.what
    assert dict(missed.targets).get(miss.target.value) is not Outcome.ELIGIBLE, miss.what


@settings(max_examples=150)
@given(transition_near_misses())
def test_transition_near_misses_are_answered_under_their_rule(miss: TransitionNearMiss) -> None:
    if miss.status is Status.NOT_MET:
        with pytest.raises(InvalidTransition) as info:
            advance(miss.case, miss.stage, on=miss.on, reason=miss.reason)
        assert info.value.rule_id == miss.rule_id, miss.what
    else:  # a rule below verified: the move is made, for review
        decision = check_transition(miss.case, miss.stage, on=miss.on, reason=miss.reason)
        assert decision.outcome is Outcome.NEEDS_REVIEW, miss.what
        assert miss.status in [f.status for f in decision.findings if f.rule_id == miss.rule_id]


# --- What the strategies shrink to (as their docstrings say) ---------------------------------


def minimal(strategy: st.SearchStrategy[T], condition: Callable[[T], bool] = bool) -> T:
    """The example Hypothesis reports for a test that fails when ``condition`` holds."""
    seen: list[T] = []

    @settings(
        database=None,
        max_examples=200,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def fails(value: T) -> None:
        seen.append(value)
        assert not condition(value)

    with pytest.raises(AssertionError):
        fails()
    return seen[-1]


def always(_: object) -> bool:
    return True


def test_a_person_shrinks_to_an_adult_without_nik_or_conditions() -> None:
    person = minimal(persons(), always)
    assert (person.id, person.name, person.nik.reason.value) == (  # type: ignore[union-attr]
        "0",
        "A",
        "belum_terdaftar",
    )
    assert person.birth_date is not None
    assert person.birth_date.value.isoformat() == "2006-06-01"  # 18 on REFERENCE_DATE
    assert (person.conditions, person.disabilities, person.drug_use) == ((), (), None)


def test_a_failing_person_keeps_only_what_fails() -> None:
    person = minimal(persons(), lambda p: bool(p.disabilities))
    assert [d.type.value for d in person.disabilities] == ["fisik"]
    assert (person.id, person.conditions) == ("0", ())


def test_a_case_shrinks_to_no_history_and_a_history_to_the_legal_order() -> None:
    case = minimal(cases(), always)
    assert (case.id, case.stages, case.assessments, case.deliveries) == ("0", (), (), ())
    long = minimal(cases(), lambda c: len(c.stages) >= 5)
    assert [s.stage for s in long.stages] == [
        CaseStage.INITIAL_APPROACH,
        CaseStage.ASSESSMENT,
        CaseStage.PLANNING,
        CaseStage.INTERVENTION,
        CaseStage.RESOCIALISATION,
    ]


def test_units_and_events_shrink_to_no_history() -> None:
    unit = minimal(units(), always)
    assert (unit.code, unit.name, unit.history, unit.working_area) == ("0", "A", (), ())
    assert minimal(registries(), always).units == ()
    assert minimal(unit_events(), always).on.isoformat() == "2000-01-01"


def test_near_misses_shrink_to_an_unknown_key_on_the_smallest_record() -> None:
    miss = minimal(near_misses(Person), always)
    assert (miss.code, miss.loc, miss.record["id"]) == ("object.unknown_key", ("zz_unknown",), "0")
    move = minimal(transition_near_misses(), always)
    assert (move.case.stages, move.stage, move.rule_id) == (
        (),
        CaseStage.ASSESSMENT,
        "case.transition.order",
    )
    assert minimal(eligibility_near_misses(), always).rule_id == "elig.napza.status"


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(persons().map(unstructure), near_misses(Person)), max_size=8))
def test_validate_many_sorts_a_mixed_stream_record_by_record(mixed: list[Any]) -> None:
    from atensi import validate_many

    records = (m.record if isinstance(m, NearMiss) else m for m in mixed)
    results = list(validate_many(records, Person))
    assert [r.index for r in results] == list(range(len(mixed)))
    for item, result in zip(mixed, results, strict=True):
        if isinstance(item, NearMiss):
            assert [(e.loc, e.code) for e in result.errors] == [(item.loc, item.code)]
        else:
            assert result.ok
            assert unstructure(result.value) == item


# --- Near misses of the justice and NAPZA records (issue 29) -----------------------------------

_JUSTICE_RECORDS: list[tuple[type[Any], dict[str, Any], set[tuple[str, str]]]] = [
    (
        Offence,
        {"committed_on": "2024-03-01", "court_on": "2024-05-01"},
        {("court_on", "date.before_start")},
    ),
    (
        CompulsoryReport,
        {
            "reported_on": "2024-02-01",
            "reported_by": "subjek",
            "forwarded_on": "2024-02-02",
            "card_issued_on": "2024-02-03",
        },
        {("forwarded_on", "date.before_start"), ("card_issued_on", "date.before_start")},
    ),
    (
        PlanPart,
        {"starts_on": "2024-02-06", "ends_on": "2024-05-06"},
        {("ends_on", "date.before_start")},
    ),
    (
        CourtOrder,
        {
            "id": "K-1",
            "kind": "keputusan_anak_belum_12",
            "offence_on": "2024-01-01",
            "issued_on": "2024-01-08",
            "confirmed_on": "2024-01-09",
            "starts_on": "2024-01-10",
            "until": "2024-07-10",
        },
        {
            ("issued_on", "date.before_start"),
            ("confirmed_on", "date.before_start"),
            ("starts_on", "date.before_start"),
            ("until", "date.before_start"),
        },
    ),
]


@pytest.mark.parametrize(
    ("cls", "record", "expected"), _JUSTICE_RECORDS, ids=lambda v: getattr(v, "__name__", "")
)
def test_the_new_records_date_orders_each_give_a_near_miss_refused_with_its_code(
    cls: type[Any], record: dict[str, Any], expected: set[tuple[str, str]]
) -> None:
    structure(record, cls)  # the record itself is valid
    found = set()
    for changed, code, loc, what in _invariant_misses(cls, record):
        with pytest.raises(InvalidRecord) as info:
            structure(changed, cls)
        assert [(e.loc, e.code) for e in info.value.errors] == [(loc, code)], what
        found.add((loc[0], code))
    assert found == expected


def test_a_cases_orders_and_bapas_documents_give_near_misses_refused_with_their_codes() -> None:
    record = {
        "id": "C-1",
        "unit": "SENTRA-01",
        "opened_on": "2024-03-10",
        "subject": {"kind": "community", "id": "K", "name": "Kampung"},
        "orders": [
            {"id": "K-1", "kind": "keputusan_anak_belum_12", "issued_on": "2024-01-08"},
        ],
        "bapas_documents": [{"kind": "litmas", "on": "2024-01-05", "order": "K-1"}],
    }
    structure(record, Case)
    codes = {}
    for changed, code, loc, what in _invariant_misses(Case, record):
        with pytest.raises(InvalidRecord) as info:
            structure(changed, Case)
        assert [(e.loc, e.code) for e in info.value.errors] == [(loc, code)], what
        codes[code] = loc
    assert codes["case.document_unknown_order"] == ("bapas_documents", 1, "order")
    assert codes["case.extends_unknown_order"] == ("orders", 0, "extends")
    assert codes["case.extension_before_order"] == ("orders", 1, "issued_on")


def test_an_extension_issued_before_the_order_it_extends_is_refused() -> None:
    record: dict[str, Any] = {
        "id": "C-1",
        "unit": "SENTRA-01",
        "opened_on": "2024-03-10",
        "subject": {"kind": "community", "id": "K", "name": "Kampung"},
        "orders": [
            {"id": "K-1", "kind": "keputusan_anak_belum_12", "issued_on": "2024-07-08"},
            {
                "id": "K-2",
                "kind": "keputusan_anak_belum_12",
                "issued_on": "2024-07-01",
                "extends": "K-1",
            },
        ],
    }
    with pytest.raises(InvalidRecord) as info:
        structure(record, Case)
    [error] = info.value.errors
    assert (error.loc, error.code) == (("orders", 1, "issued_on"), "case.extension_before_order")
    assert "2024-07" not in str(info.value)  # the message never shows the record's dates
    record["orders"][1]["issued_on"] = "2024-07-08"  # the same day is an extension
    assert structure(record, Case).orders[1].extends == "K-1"


def test_a_payment_naming_an_unknown_entitlement_gives_a_near_miss_refused_with_its_code() -> None:
    record = {
        "id": "C-1",
        "unit": "SENTRA-01",
        "opened_on": "2024-03-10",
        "subject": {"kind": "community", "id": "K", "name": "Kampung"},
        "entitlements": [{"id": "E0", "channel": "bansos", "starts_on": "2024-04-01"}],
        "deliveries": [
            {
                "id": "D-1",
                "component": "bantuan_asistensi_sosial",
                "approach": "komunitas",
                "provider": "SENTRA-01",
                "start": "2024-04-05",
                "entitlement": "E0",
            }
        ],
    }
    structure(record, Case)
    codes = {}
    for changed, code, loc, what in _invariant_misses(Case, record):
        with pytest.raises(InvalidRecord) as info:
            structure(changed, Case)
        assert [(e.loc, e.code) for e in info.value.errors] == [(loc, code)], what
        codes[code] = loc
    assert codes["case.payment_unknown_entitlement"] == ("deliveries", 0, "entitlement")
