"""Deciding rightly: the principles every rule keeps, held as properties.

* Unknown never becomes "not met": removing an optional fact never turns a target that was
  eligible, needs review or undetermined into not eligible.
* One question, one answer: a pinned edition (or replaced in-force dates) reaches every rule.
* Rules declare what they are: every finding's rule is declared, and its citation is one the
  declaration lists.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi.batch import Law, assess_record, compare_record_json
from atensi.law import EDITION_IDS, editions, instrument_in_force
from atensi.model import (
    Assessment,
    BirthDate,
    Case,
    Condition,
    Disability,
    DrugUse,
    Family,
    Person,
    Portfolio,
    UnitRegistry,
)
from atensi.rules import (
    RULES,
    InvalidTransition,
    Outcome,
    Status,
    advance,
    assess_eligibility,
    check_delivery,
    check_transition,
    compare_editions,
    coverage,
    evaluate_policies,
    recommend_services,
    units_serving,
)
from atensi.rules.age import shift_years
from atensi.testing import assessments, families, persons
from atensi.vocab import CaseStage, Evidence, Target, TargetGroup, groups_of
from atensi.vocab.statutory import floor_citation

T = TypeVar("T")
D = dt.date
ON = st.dates(min_value=D(2012, 3, 5), max_value=D(2030, 12, 31))


# --- Unknown never becomes "not met" ----------------------------------------------------------


def _drop(record: T, name: str) -> T:
    """``record`` with its optional field ``name`` set to None."""
    changed: T = attrs.evolve(cast(Any, record), **{name: None})
    return changed


def _one_dropped(
    items: tuple[T, ...], names: tuple[str, ...]
) -> Iterator[tuple[str, tuple[T, ...]]]:
    """``items`` with one optional field of one item set to None, each way in turn."""
    for index, item in enumerate(items):
        for name in names:
            if getattr(item, name) is not None:
                changed = list(items)
                changed[index] = _drop(item, name)
                yield f"[{index}].{name}", tuple(changed)


def _without_person_facts(person: Person) -> Iterator[tuple[str, Person]]:
    """The person with one optional fact removed at a time (never a positive claim)."""
    for name in ("birth_date", "sex", "elderly_capacity"):
        if getattr(person, name) is not None:
            yield name, _drop(person, name)
    dated = ("since", "until")
    disability_facts = (*dated, "permanent", "determined_by_medical_personnel")
    for what, disabilities in _one_dropped(person.disabilities, disability_facts):
        yield f"disabilities{what}", attrs.evolve(person, disabilities=disabilities)
    if person.drug_use is not None:
        for what, (use,) in _one_dropped((person.drug_use,), (*dated, "risk")):
            yield f"drug_use{what}", attrs.evolve(person, drug_use=use)
    for what, conditions in _one_dropped(person.conditions, dated):
        yield f"conditions{what}", attrs.evolve(person, conditions=conditions)


def _without_assessment_facts(assessment: Assessment) -> Iterator[tuple[str, Assessment]]:
    for name in ("welfare_decile", "in_dtks"):
        if getattr(assessment, name) is not None:
            yield name, _drop(assessment, name)
    for what, conditions in _one_dropped(assessment.conditions, ("since", "until")):
        yield f"assessment.conditions{what}", attrs.evolve(assessment, conditions=conditions)


def _dated_conditions() -> st.SearchStrategy[Condition]:
    return st.builds(
        Condition,
        group=st.sampled_from([g for g in TargetGroup if g is not TargetGroup.OTHER_PPKS]),
        since=st.none() | st.dates(D(2010, 1, 1), D(2030, 12, 31)),
    )


@st.composite
def _near(draw: st.DrawFn, on: dt.date) -> dt.date:
    """A date within a year either side of ``on``: where thresholds and six months bite."""
    return on + dt.timedelta(days=draw(st.integers(-400, 400)))


@st.composite
def _people(draw: st.DrawFn, on: dt.date) -> Person:
    """Valid persons, then facts added that a real record may hold in any combination.

    Dates are drawn near ``on``, where thresholds and the six months of a long-term disability
    bite, so removing one often changes what the rules can tell.
    """
    person = draw(persons())
    extra = draw(st.lists(_dated_conditions(), max_size=2))
    if draw(st.booleans()):
        group = draw(st.sampled_from([g for g in TargetGroup if g is not TargetGroup.OTHER_PPKS]))
        extra.append(Condition(group=group, since=draw(_near(on))))
    conditions = {c.group: c for c in (*person.conditions, *extra)}
    if draw(st.integers(0, 3)):
        # Mostly begun before ``on``, often within the six months that decide "long-term".
        begun = on - dt.timedelta(days=draw(st.integers(-30, 400)))
        disability = Disability(
            type=draw(st.sampled_from(atensi.DisabilityType)),
            since=draw(st.sampled_from((begun, begun, begun, None))),
            permanent=draw(st.sampled_from((True, True, None, False))),
            determined_by_medical_personnel=draw(st.none() | st.booleans()),
        )
        # Alone, mostly: one lasting disability would hide what the others do.
        alone = draw(st.integers(0, 2))
        kept = [] if alone else [d for d in person.disabilities if d.type is not disability.type]
        person = attrs.evolve(person, disabilities=(*kept, disability))
    if draw(st.booleans()):
        birth = draw(_near(shift_years(on, -draw(st.sampled_from((18, 60))))))
        person = attrs.evolve(person, birth_date=BirthDate(value=birth))
    if draw(st.booleans()):
        nik = f"317101{draw(st.integers(1, 71)):02d}{draw(st.integers(1, 12)):02d}" + (
            f"{draw(st.integers(0, 99)):02d}{draw(st.integers(1, 9999)):04d}"
        )
        if atensi.nik.is_valid(nik):
            person = attrs.evolve(person, nik=nik)
    return attrs.evolve(person, conditions=tuple(conditions.values()))


def _outcomes(subject: Any, assessment: Assessment, on: dt.date) -> dict[str, Outcome]:
    return dict(assess_eligibility(subject, assessment, on=on).targets)


def _never_a_new_no(before: dict[str, Outcome], after: dict[str, Outcome], what: str) -> None:
    for target, outcome in after.items():
        if outcome is Outcome.NOT_ELIGIBLE:
            assert before[target] is Outcome.NOT_ELIGIBLE, (
                f"removing {what} turned {target} from {before[target].value} into not_eligible"
            )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), assessment=assessments(), on=st.dates(D(2014, 1, 1), D(2030, 12, 31)))
def test_removing_an_optional_fact_never_turns_a_target_into_not_eligible(
    data: st.DataObject, assessment: Assessment, on: dt.date
) -> None:
    person = data.draw(_people(on))
    assessment = attrs.evolve(assessment, assessed_on=min(assessment.assessed_on, on))
    before = _outcomes(person, assessment, on)
    for what, fewer in _without_person_facts(person):
        _never_a_new_no(before, _outcomes(fewer, assessment, on), what)
    for what, fewer_assessment in _without_assessment_facts(assessment):
        _never_a_new_no(before, _outcomes(person, fewer_assessment, on), what)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(family=families(), assessment=assessments(), on=ON)
def test_a_family_never_gets_a_new_no_when_a_member_loses_a_fact(
    family: Family, assessment: Assessment, on: dt.date
) -> None:
    assessment = attrs.evolve(assessment, assessed_on=min(assessment.assessed_on, on))
    before = _outcomes(family, assessment, on)
    for index, member in enumerate(family.members):
        for what, fewer in _without_person_facts(member):
            members = list(family.members)
            members[index] = fewer
            after = _outcomes(attrs.evolve(family, members=tuple(members)), assessment, on)
            _never_a_new_no(before, after, f"member {index} {what}")


def test_not_met_findings_rest_on_verified_law_or_a_recorded_no() -> None:
    # Every rule that can say "not met" cites verified law for it, or reads a negative fact the
    # record states (an assessment that recorded none of a target's conditions).
    may_say_no = {
        "elig.anak.age",
        "elig.lansia.age",
        "elig.disabilitas.type",
        "elig.disabilitas.duration",
        "elig.edition.target",
        *(f"elig.{s}.members" for s in ("anak", "lansia", "disabilitas")),
        *(
            r.id
            for r in RULES.values()
            if r.kind == "eligibility" and r.id.endswith((".condition", ".status"))
        ),
    }
    from atensi.scenarios import SCENARIOS, run_scenario

    assert all(run_scenario(s) == [] for s in SCENARIOS)
    for scenario in SCENARIOS:
        if scenario.get("kind", "eligibility") != "eligibility":
            continue
        record = dict(scenario["subject"])
        subject = atensi.structure(record, atensi.model.SUBJECT_KINDS[record.pop("kind")])
        raw = scenario["assessment"]
        assessment = None if raw is None else atensi.structure(raw, Assessment)
        decision = assess_eligibility(
            subject, assessment, on=D.fromisoformat(scenario["on"]), edition=scenario["edition"]
        )
        for finding in decision.findings:
            if finding.status is not Status.NOT_MET:
                continue
            assert finding.rule_id in may_say_no, finding
            assert finding.citation is not None, finding
            # A "no" rests on verified law, the members rule's included (a target names a
            # person: a subject with no person cannot be one).
            assert finding.citation.evidence is Evidence.VERIFIED, (finding, finding.citation)


# --- One question, one answer -----------------------------------------------------------------

_PERSON = {
    "kind": "person",
    "id": "P",
    "nik": {"reason": "belum_terdaftar"},
    "name": "A",
    "birth_date": {"value": "2012-01-01"},
}
_ASSESSMENT = {
    "id": "A",
    "assessed_on": "2024-01-10",
    "conditions": [{"group": "anak_terlantar"}],
    "needs": ["dukungan_keluarga"],
}


def _case() -> Case:
    return atensi.structure(
        {
            "id": "C",
            "unit": "U",
            "opened_on": "2024-01-05",
            "subject": _PERSON,
            "assessments": [_ASSESSMENT],
            "stages": [{"stage": "pendekatan_awal", "on": "2024-01-05"}],
            "consent": {"on": "2024-01-05", "given_by": "orang_tua", "child_views_recorded": True},
            "approaches": ["residensial"],
            "deliveries": [],
        },
        Case,
    )


def _every_rule_function(on: dt.date, **law: Any) -> Iterator[tuple[str, Callable[[], str | None]]]:
    """Each public rule function, called with the same pin; what edition it reports."""
    case = _case()
    assert isinstance(case.subject, Person)
    person = case.subject
    assessment = case.assessments[0]
    registry = atensi.structure(
        {"units": [{"code": "U", "name": "Unit", "kind": "sentra", "working_area": ["3171"]}]},
        UnitRegistry,
    )
    portfolio = Portfolio(id="PF", owner="U", start=D(2021, 1, 1), end=on, cases=(case,))

    def transition_refused() -> str | None:
        try:
            advance(case, CaseStage.INTERVENTION, on=on, **law)
        except InvalidTransition as err:
            return err.edition
        raise AssertionError("the move should be refused")  # pragma: no cover

    def delivery_refused() -> str | None:
        start = min(on, D(2023, 12, 1))
        delivery = atensi.structure(
            {
                "id": "D",
                "component": "dukungan_keluarga",
                "approach": "keluarga",
                "provider": "U",
                # After the consent was withdrawn (refused), and on the date asked about.
                "start": start.isoformat(),
            },
            atensi.model.ServiceDelivery,
        )
        withdrawn = atensi.model.Consent(
            on=start - dt.timedelta(days=30),
            given_by=atensi.vocab.ConsentGiver.PARENT,
            child_views_recorded=True,
            withdrawn_on=start - dt.timedelta(days=1),
        )
        try:
            check_delivery(attrs.evolve(case, consent=withdrawn), delivery, **law)
        except InvalidTransition as err:
            return err.edition
        raise AssertionError("the delivery should be refused")  # pragma: no cover

    item = {"subject": _PERSON, "assessment": _ASSESSMENT, "on": on.isoformat()}
    batch_law = Law(law.get("edition"), tuple(sorted((law.get("in_force_dates") or {}).items())))
    yield "assess_eligibility", lambda: assess_eligibility(person, assessment, on=on, **law).edition
    yield "recommend_services", lambda: recommend_services(case, on=on, **law).edition
    yield (
        "check_transition",
        lambda: check_transition(case, CaseStage.ASSESSMENT, on=on, **law).edition,
    )
    yield "advance (refused)", transition_refused
    yield "check_delivery (refused)", delivery_refused
    yield "coverage", lambda: coverage(registry, on=on, regions=["3171"], **law).edition
    yield (
        "units_serving",
        lambda: next(
            str(r.facts[0][1])
            for u in units_serving("3171", Target.DISASTER_VICTIMS, on=on, registry=registry, **law)
            for r in u.reasons
            if r.rule_id == "cov.target"
        ),
    )
    yield (
        "evaluate_policies",
        lambda: evaluate_policies(portfolio, period=(D(2024, 1, 1), on), **law).edition,
    )
    yield "batch.assess_record", lambda: assess_record(item, law=batch_law)["decision"]["edition"]


def test_a_pinned_edition_reaches_every_rule_function() -> None:
    on = D(2024, 6, 1)
    pinned = instrument_in_force(on, edition="ars-2025")
    for name, edition_of in _every_rule_function(on, edition="ars-2025"):
        assert edition_of() == pinned.id, name
    # An Edition value works as a pin too; a made-up edition proves nothing resolves by date.
    custom = pinned._replace(id="test-pin")
    for name, edition_of in _every_rule_function(on, edition=custom):
        if name == "batch.assess_record":
            continue  # the batch functions take edition ids (they cross process boundaries)
        assert edition_of() == "test-pin", name


def test_replaced_in_force_dates_reach_every_rule_function() -> None:
    # 7/2021 said in force from 20 Aug 2021: on 25 Aug 2021 every rule decides under it.
    on = D(2021, 8, 25)
    assert instrument_in_force(on).id == "atensi-2020"
    fixed = {"permensos-7-2021": D(2021, 8, 20)}
    for name, edition_of in _every_rule_function(on, in_force_dates=fixed):
        if name == "evaluate_policies":
            continue  # resolves on the period's end, the same date here; checked below
        assert edition_of() == "atensi-2021", name
    portfolio = Portfolio(id="PF", owner="U", start=D(2021, 8, 1), end=on)
    assert evaluate_policies(portfolio, in_force_dates=fixed).edition == "atensi-2021"


def test_the_command_line_pin_reaches_every_record(tmp_path: Any) -> None:
    from atensi.cli import main

    path = tmp_path / "items.jsonl"
    item = {"subject": _PERSON, "assessment": _ASSESSMENT}
    path.write_text("\n".join(json.dumps(item) for _ in range(3)) + "\n", encoding="utf-8")
    import contextlib
    import io

    for jobs in ("1", "2"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(
                [
                    "assess",
                    str(path),
                    "--on",
                    "2024-06-01",
                    "--edition",
                    "atensi-2021",
                    "--jobs",
                    jobs,
                ]
            )
        assert code == 0
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [x["decision"]["edition"] for x in lines] == ["atensi-2021"] * 3


def test_bad_pins_are_errors_with_a_code_in_both_languages() -> None:
    person = atensi.structure({k: v for k, v in _PERSON.items() if k != "kind"}, Person)
    assessment = atensi.structure(_ASSESSMENT, Assessment)
    with pytest.raises(atensi.AtensiError) as unknown:
        assess_eligibility(person, assessment, on=D(2024, 6, 1), edition="atensi-2099")
    assert unknown.value.code == "law.unknown_edition"
    assert "edisi" in unknown.value.message_id
    with pytest.raises(atensi.AtensiError) as instrument:
        recommend_services(
            assessment,
            on=D(2024, 6, 1),
            subject=person,
            in_force_dates={"pp-52-2019": D(2020, 1, 1)},
        )
    assert instrument.value.code == "law.unknown_instrument"
    with pytest.raises(atensi.AtensiError):
        compare_editions(person, assessment, on=D(2024, 6, 1), editions=("atensi-2021", "nope"))
    with pytest.raises(atensi.AtensiError) as batch:
        compare_record_json(
            {"subject": _PERSON, "assessment": _ASSESSMENT, "on": "2024-06-01"},
            editions=("nope", "ars-2025"),
        )
    assert batch.value.code == "law.unknown_edition"


# --- Declarations -----------------------------------------------------------------------------


def _allowed_citations(rule_id: str) -> set[Any] | None:
    """Every citation a rule's findings may carry (None: graded per record, any grade)."""
    declared = RULES[rule_id]
    allowed = set(declared.citations)
    if declared.cites == "edition":
        for edition in editions():
            allowed.add(edition.targets_citation)
            allowed.update(c for _, c in edition.review_targets)
            allowed.update(t for t in (floor_citation(x) for x in Target) if t is not None)
    if declared.cites == "gate":
        allowed.update(g.citation for e in editions() for g in e.data_gates)
    if declared.cites == "registry":
        return None
    return allowed


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=persons() | families(),
    assessment=assessments(),
    on=ON,
    edition=st.none() | st.sampled_from(EDITION_IDS),
)
def test_every_finding_is_a_declared_rule_with_a_declared_citation(
    subject: Any, assessment: Assessment, on: dt.date, edition: str | None
) -> None:
    assessment = attrs.evolve(assessment, assessed_on=min(assessment.assessed_on, on))
    decisions = [
        assess_eligibility(subject, assessment, on=on, edition=edition),
        recommend_services(assessment, on=on, subject=subject, edition=edition),
    ]
    for decision in decisions:
        for finding in decision.findings:
            assert finding.rule_id in RULES, finding
            allowed = _allowed_citations(finding.rule_id)
            if allowed is not None:
                assert finding.citation in allowed, (finding, finding.citation)
            if not RULES[finding.rule_id].gating:
                continue
            assert RULES[finding.rule_id].kind == decision.kind


def test_every_group_has_a_citation_and_every_statutory_letter_a_group() -> None:
    from atensi.vocab.statutory import PP39_ARTICLE_6

    assert [row.letter for row in PP39_ARTICLE_6] == list("abcdefghijklmnopq")
    mapped = {g for row in PP39_ARTICLE_6 for g in row.groups}
    assert TargetGroup.FORMER_CHRONIC_PATIENT in mapped
    assert TargetGroup.CHILD_WITH_SPECIAL_NEEDS in mapped
    for group in TargetGroup:
        assert group.citation is not None, group
        # A group cited to PP 39/2012 Pasal 6 must be in the letter its citation names.
        citation = group.citation
        if citation.instrument == "pp-39-2012" and "huruf" in (citation.article or ""):
            letter = (citation.article or "").rsplit(" ", 1)[1]
            row = next(r for r in PP39_ARTICLE_6 if r.letter == letter)
            assert group in row.groups, group
    # Groups cited to PP 39/2012 are only those it names: no overstated citations.
    for target in Target:
        for group in groups_of(target):
            if group.citation is not None and group.citation.instrument == "pp-39-2012":
                assert group in mapped or group is TargetGroup.OTHER_PPKS, group


def test_every_rule_declares_the_facts_it_reads_and_a_statement_in_both_languages() -> None:
    for rule in RULES.values():
        assert rule.reads, rule.id
        assert rule.statement.en, rule.id
        assert rule.statement.id, rule.id
        assert rule.statement.en != rule.statement.id, rule.id
        json.dumps(rule.to_dict())


def test_the_rules_are_total_at_the_ends_of_the_calendar() -> None:
    # Entities accept dates from 1800 to 2199; the decision date is the caller's, any date.
    year = atensi.model.DatePrecision.YEAR
    person = Person(
        id="P",
        nik=atensi.nik.NoNik(atensi.nik.NoNikReason.NOT_REGISTERED),
        name="A",
        birth_date=BirthDate(value=D(1800, 1, 1), precision=year, estimated=True),
        disabilities=(Disability(type=atensi.DisabilityType.PHYSICAL, since=D(2199, 7, 1)),),
        drug_use=DrugUse(status=TargetGroup.NARCOTICS_ADDICT, since=D(2199, 12, 1)),
    )
    assessment = Assessment(id="A", assessed_on=D(2020, 1, 1))
    for on in (D(2024, 1, 1), D(2199, 12, 31), dt.date.max):
        assess_eligibility(person, assessment, on=on)
        recommend_services(assessment, on=on, subject=person)
    late = attrs.evolve(
        person,
        birth_date=BirthDate(value=D(2199, 12, 1), precision=atensi.model.DatePrecision.MONTH),
    )
    assert assess_eligibility(late, assessment, on=dt.date.max).edition == "ars-2025"
    with pytest.raises(atensi.NoInstrumentInForce):
        assess_eligibility(person, assessment, on=dt.date.min)
