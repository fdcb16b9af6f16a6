"""The scenario catalogue: named cases with their expected outcomes and citations, as data.

The scenarios are JSON files in the package (``src/atensi/data/scenarios/*.json``, described by
``scenario.schema.json`` beside them), so that another implementation, in any language, can run
the same cases: each file holds ``{"format": "atensi-scenarios/1", "description": ...,
"scenarios": [...]}``, and the files are read in name order. A scenario is a mapping with a
``name``, a ``kind``, the date ``on``, an optional ``edition`` pin, the ``citation`` of the
article (or practice, or convention) it pins down, and what is expected:

* ``eligibility``: ``subject`` (a record for :func:`atensi.structure`, tagged with ``kind``),
  ``assessment`` (a record or ``null``), ``expected`` (target code → outcome; targets not listed
  are expected ``not_eligible``), ``overall``, ``rule_ids`` (rule ids that must appear among the
  findings), and optionally ``statuses`` (rule id → the status its finding must have) and
  ``citations`` (rule id → ``[instrument, evidence]`` its finding must cite);
* ``services``: the same inputs (or a ``case`` record), ``expected`` item → outcome, ``overall``,
  ``rule_ids``, ``statuses``;
* ``coverage``: ``registry`` (unit records), ``region``, ``target``, ``expected`` unit codes and
  ``rule_ids`` the first unit's reasons must include;
* ``edition``: ``expected`` edition id on the date;
* ``compare``: ``subject``, ``assessment``, ``editions``, and ``expected`` target → edition →
  outcome for the targets that differ, ``rule_ids`` among the differing rules;
* ``pin``: ``subject``, ``assessment`` and an ``edition`` pin that eligibility, services, the
  lifecycle and coverage must all report (``expected``);
* ``instrument``: ``instrument`` id and ``expected`` fields of its catalogue entry;
* ``lifecycle``: a ``case`` record and a ``check``: a ``transition`` (``stage``, ``reason``), a
  ``delivery`` record or a ``referral`` record (with a ``registry`` or not); ``expected`` is
  ``allowed``, ``refused``, ``needs_review`` or ``undetermined``, ``rule_ids`` the rules among
  the findings (for a refusal, the rule that refuses), ``statuses`` as above;
* ``procedure``: a ``case`` record, decided by :func:`atensi.rules.procedure.assess_procedure`
  on ``on`` (juvenile justice, compulsory reporting and rehabilitation of drug users, the
  professional gate); ``expected``, ``rule_ids``, ``statuses`` and ``citations`` as for a
  ``lifecycle`` scenario;
* ``entitlement``: a ``case`` record with its ``entitlements``, the ``entitlement`` to decide
  (its id; the first when not named) and optionally the ``decrees`` (beneficiary decree
  records; absent: not given), decided by :func:`atensi.rules.check_entitlement` for the cycle
  running on ``on`` (issue 26); ``expected``, ``rule_ids``, ``statuses`` and ``citations`` as
  for a ``lifecycle`` scenario.

:func:`structure_scenario` reads one through atensi's own boundary into a typed
:class:`Scenario` (every record an entity, every code a vocabulary member), or raises
:class:`~atensi.errors.InvalidRecord` with every problem and its path; :func:`run_scenario` runs
one and returns what differs. The test suite runs them all; integrators run them against their
own systems. The dates on which editions change are atensi's unverified estimates; the scenarios
that sit on an edition boundary name it (``edition``) so they keep their meaning if the
estimates move.

>>> len(SCENARIOS) >= 146
True
>>> first = structure_scenario(SCENARIOS[0])
>>> first.kind.value, type(first.subject).__name__, first.overall.value
('eligibility', 'Person', 'eligible')
>>> run_scenario(first)
[]
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any, NamedTuple

from atensi import data
from atensi.boundary import structure
from atensi.errors import ErrorDetail, InvalidRecord, Loc
from atensi.law import get as get_instrument
from atensi.law import instrument_in_force
from atensi.model import (
    SUBJECT_KINDS,
    Assessment,
    BeneficiaryDecree,
    Case,
    PmTarget,
    Portfolio,
    Referral,
    ServiceDelivery,
    UnitRegistry,
)
from atensi.model.subjects import Subject
from atensi.rules.compare import compare_editions
from atensi.rules.coverage import coverage, units_serving
from atensi.rules.decision import Decision, Finding, Outcome, Status
from atensi.rules.deliveries import assess_delivery
from atensi.rules.eligibility import assess_eligibility
from atensi.rules.entitlements import check_entitlement
from atensi.rules.lifecycle import check_transition
from atensi.rules.procedure import assess_procedure
from atensi.rules.referrals import check_referral
from atensi.rules.services import recommend_services
from atensi.vocab import CaseStage, CodedEnum, Evidence, Label, Target, TerminationReason

__all__ = [
    "FORMAT",
    "LIFECYCLE_OUTCOMES",
    "SCENARIOS",
    "Scenario",
    "ScenarioKind",
    "load_scenario_files",
    "run_scenario",
    "scenario_findings",
    "structure_scenario",
]

#: The format of a scenario file (its ``format`` key).
FORMAT = "atensi-scenarios/1"


class ScenarioKind(CodedEnum):
    """What a scenario checks."""

    ELIGIBILITY = "eligibility", Label("Kelayakan", "Eligibility")
    SERVICES = "services", Label("Layanan", "Services")
    COVERAGE = "coverage", Label("Jangkauan unit", "Unit coverage")
    EDITION = "edition", Label("Edisi yang berlaku", "Edition in force")
    COMPARE = "compare", Label("Perbandingan edisi", "Editions compared")
    PIN = "pin", Label("Edisi yang disematkan", "Edition pin")
    INSTRUMENT = "instrument", Label("Katalog peraturan", "Instrument catalogue")
    LIFECYCLE = "lifecycle", Label("Alur kasus", "Case lifecycle")
    REPORT = "report", Label("Laporan program", "Programme report")
    PROCEDURE = "procedure", Label("Prosedur hukum", "Legal procedure")
    ENTITLEMENT = "entitlement", Label("Hak bantuan berkala", "Entitlement cycle")


#: The outcome each expectation of a ``lifecycle`` (or ``procedure``) scenario names.
LIFECYCLE_OUTCOMES = {
    "allowed": Outcome.ELIGIBLE,
    "refused": Outcome.NOT_ELIGIBLE,
    "needs_review": Outcome.NEEDS_REVIEW,
    "undetermined": Outcome.UNDETERMINED,
}


class Scenario(NamedTuple):
    """A scenario read through the boundary: its records are entities, its codes members.

    Attributes:
        name: what it shows, in a sentence.
        kind: what it checks.
        on: the decision date.
        edition: the edition pin, if any.
        citation: what it pins down (an article, practice, or atensi's convention).
        record: the scenario as the file states it (JSON-ready).
        subject, assessment, case, registry, delivery, referral: the records it decides on.
        records, targets: a report scenario's cases (or portfolios) and PM targets.
        stage, reason: a transition's target stage and termination reason.
        target: a coverage scenario's target.
        overall: the overall outcome expected (eligibility and services).
        statuses: rule id → the status one of its findings must have.
    """

    name: str
    kind: ScenarioKind
    on: dt.date | None
    edition: str | None
    citation: str | None
    record: Mapping[str, Any]
    subject: Subject | None = None
    assessment: Assessment | None = None
    case: Case | None = None
    registry: UnitRegistry | None = None
    delivery: ServiceDelivery | None = None
    referral: Referral | None = None
    records: tuple[Case | Portfolio, ...] = ()
    targets: tuple[PmTarget, ...] = ()
    stage: CaseStage | None = None
    reason: TerminationReason | None = None
    target: Target | None = None
    overall: Outcome | None = None
    statuses: Mapping[str, Status] = {}
    decrees: tuple[BeneficiaryDecree, ...] | None = None

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The rules that must be among the findings."""
        return tuple(self.record.get("rule_ids", ()))

    @property
    def principle(self) -> str | None:
        """The cross-cutting principle it pins, if any (:mod:`atensi.crosscutting`)."""
        return self.record.get("principle")

    @property
    def expected(self) -> Any:
        """What is expected, as the file states it (its shape depends on the kind)."""
        return self.record.get("expected")


def _problem(loc: Loc, code: str, en: str, id_: str, value: Any = None) -> ErrorDetail:
    return ErrorDetail(loc, code, en, id_, value)


class _Reader:
    """Reads the parts of one scenario, collecting every problem with its path."""

    def __init__(self, record: Mapping[str, Any]) -> None:
        self.record = record
        self.errors: list[ErrorDetail] = []

    def entity(self, key: str, cls: type[Any], raw: Any = None) -> Any:
        value = self.record.get(key) if raw is None else raw
        if value is None:
            return None
        try:
            return structure(value, cls)
        except InvalidRecord as err:
            self.errors.extend(err.at((key,)).errors)
            return None

    def code(self, key: str, enum: type[enum.Enum], value: Any, loc: Loc) -> Any:
        try:
            return enum(value)
        except ValueError:
            self.errors.append(
                _problem(
                    loc,
                    "scenario.unknown_code",
                    f"{value!r} is not a {enum.__name__} code",
                    f"{value!r} bukan kode {enum.__name__}",
                    value,
                )
            )
            return None


def _portfolio(record: Any) -> bool:
    """Whether a report scenario's record is a portfolio (as ``structure_record`` decides)."""
    return isinstance(record, Mapping) and ("cases" in record or "owner" in record)


def structure_scenario(record: Mapping[str, Any] | Scenario) -> Scenario:
    """Read one scenario mapping through atensi's boundary into a typed :class:`Scenario`.

    Raises:
        InvalidRecord: with every problem and its path (``("assessment", "conditions", 0,
            "group")``), code ``scenario.*`` for the scenario's own keys.
    """
    if isinstance(record, Scenario):
        return record
    if not isinstance(record, Mapping):
        raise InvalidRecord(
            [
                _problem(
                    (), "scenario.not_object", "a scenario is an object", "skenario berupa objek"
                )
            ],
            "Scenario",
        )
    read = _Reader(record)
    kind = read.code("kind", ScenarioKind, record.get("kind", "eligibility"), ("kind",))
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        read.errors.append(
            _problem(("name",), "scenario.name", "a scenario needs a name", "skenario perlu nama")
        )
    on: dt.date | None = None
    if kind is not ScenarioKind.REPORT:
        try:
            on = dt.date.fromisoformat(record.get("on", ""))
        except (TypeError, ValueError):
            read.errors.append(
                _problem(
                    ("on",),
                    "scenario.date",
                    "'on' is a date (YYYY-MM-DD)",
                    "'on' berupa tanggal (YYYY-MM-DD)",
                    record.get("on"),
                )
            )
    subject = None
    raw_subject = record.get("subject")
    if isinstance(raw_subject, Mapping) and raw_subject:
        tagged = dict(raw_subject)
        subject_kind = tagged.pop("kind", None)
        cls = SUBJECT_KINDS.get(subject_kind) if isinstance(subject_kind, str) else None
        if cls is None:
            read.errors.append(
                _problem(
                    ("subject", "kind"),
                    "scenario.subject_kind",
                    f"a subject's kind is one of {', '.join(SUBJECT_KINDS)}",
                    f"jenis subjek salah satu dari {', '.join(SUBJECT_KINDS)}",
                    subject_kind,
                )
            )
        else:
            subject = read.entity("subject", cls, tagged)
    registry_raw = record.get("registry")
    if isinstance(registry_raw, list):  # a coverage scenario lists its units
        registry_raw = {"units": registry_raw}
    statuses = {
        rule_id: read.code("statuses", Status, value, ("statuses", rule_id))
        for rule_id, value in (record.get("statuses") or {}).items()
    }
    overall = record.get("overall")
    stage = record.get("stage")
    reason = record.get("reason")
    target = record.get("target")
    scenario = Scenario(
        name=name if isinstance(name, str) else "",
        kind=kind,
        on=on,
        edition=record.get("edition"),
        citation=record.get("citation"),
        record=record,
        subject=subject,
        assessment=read.entity("assessment", Assessment),
        case=read.entity("case", Case),
        registry=read.entity("registry", UnitRegistry, registry_raw),
        delivery=read.entity("delivery", ServiceDelivery),
        referral=read.entity("referral", Referral),
        records=tuple(
            read.entity("records", Portfolio if _portfolio(r) else Case, r)
            for r in record.get("records", ())
            if r is not None
        ),
        targets=tuple(read.entity("targets", PmTarget, t) for t in record.get("targets", ())),
        stage=None if stage is None else read.code("stage", CaseStage, stage, ("stage",)),
        reason=None
        if reason is None
        else read.code("reason", TerminationReason, reason, ("reason",)),
        target=None if target is None else read.code("target", Target, target, ("target",)),
        overall=None if overall is None else read.code("overall", Outcome, overall, ("overall",)),
        statuses=statuses,
        decrees=None
        if record.get("decrees") is None
        else tuple(
            read.entity("decrees", BeneficiaryDecree, d) for d in record["decrees"] if d is not None
        ),
    )
    named = record.get("entitlement")
    held = () if scenario.case is None else scenario.case.entitlements
    if named is not None and scenario.case is not None and named not in {e.id for e in held}:
        read.errors.append(
            _problem(
                ("entitlement",),
                "scenario.entitlement",
                "'entitlement' names an entitlement of the case",
                "'entitlement' menyebut hak bantuan berkala dari kasus",
            )
        )
    if read.errors:
        raise InvalidRecord(read.errors, "Scenario")
    return scenario


def load_scenario_files(folder: str = "scenarios") -> tuple[dict[str, Any], ...]:
    """Every scenario of the package's data folder ``folder``, files in name order."""
    found: list[dict[str, Any]] = []
    for name in data.list_dir(folder):
        if not name.endswith(".json") or name.endswith(".schema.json"):
            continue
        document = data.read_json(f"{folder}/{name}")
        if document.get("format") != FORMAT:  # pragma: no cover - the files ship with the code
            raise AssertionError(f"{folder}/{name} is not {FORMAT}")
        found.extend(document["scenarios"])
    return tuple(found)


#: Every scenario (eligibility, services, the law, coverage and the lifecycle), as the files
#: state them (JSON-ready mappings); :func:`structure_scenario` types one.
SCENARIOS: tuple[dict[str, Any], ...] = load_scenario_files()


def _check_findings(scenario: Scenario, findings: tuple[Any, ...], problems: list[str]) -> None:
    ids = [f.rule_id for f in findings]
    for rule_id in scenario.rule_ids:
        if rule_id not in ids:
            problems.append(f"rule {rule_id} not among the findings")
    for rule_id, status in scenario.statuses.items():
        found = [f.status for f in findings if f.rule_id == rule_id]
        if status not in found:
            problems.append(f"rule {rule_id}: {[s.value for s in found]} has no {status.value}")
    for rule_id, (instrument, evidence) in scenario.record.get("citations", {}).items():
        cited = [
            (f.citation.instrument, f.citation.evidence.value)
            for f in findings
            if f.rule_id == rule_id and f.citation is not None
        ]
        if (instrument, Evidence(evidence).value) not in cited:
            problems.append(f"rule {rule_id}: cites {cited}, not {[instrument, evidence]}")


def _decided(scenario: Scenario, on: dt.date) -> Decision:
    if scenario.kind is ScenarioKind.SERVICES and scenario.case is not None:
        return recommend_services(scenario.case, on=on, edition=scenario.edition)
    if scenario.kind is ScenarioKind.SERVICES:
        if scenario.assessment is None:  # pragma: no cover - services scenarios carry one
            raise AssertionError(scenario.name)
        return recommend_services(
            scenario.assessment, on=on, subject=scenario.subject, edition=scenario.edition
        )
    return assess_eligibility(
        _subject(scenario), scenario.assessment, on=on, edition=scenario.edition
    )


def _subject(scenario: Scenario) -> Subject:
    if scenario.subject is None:  # pragma: no cover - the schema requires one
        raise AssertionError(f"{scenario.name}: no subject")
    return scenario.subject


def _run_decision(scenario: Scenario, on: dt.date, problems: list[str]) -> None:
    decision = _decided(scenario, on)
    if decision.outcome is not scenario.overall:
        overall = None if scenario.overall is None else scenario.overall.value
        problems.append(f"overall {decision.outcome.value} != {overall}")
    outcomes = {t: o.value for t, o in decision.targets}
    expected = scenario.expected
    if scenario.kind is ScenarioKind.SERVICES:
        for item, wanted in expected.items():
            if outcomes.get(item) != wanted:
                problems.append(f"{item}: {outcomes.get(item)} != {wanted}")
    else:
        for target, outcome in outcomes.items():
            wanted = expected.get(target, "not_eligible")
            if wanted is not None and outcome != wanted:
                problems.append(f"{target}: {outcome} != {wanted}")
    _check_findings(scenario, decision.findings, problems)


def _lifecycle_decision(scenario: Scenario, on: dt.date) -> Decision:
    case = scenario.case
    if case is None:  # pragma: no cover - the schema requires one
        raise AssertionError(f"{scenario.name}: no case")
    pin = scenario.edition
    if scenario.kind is ScenarioKind.PROCEDURE:
        return assess_procedure(case, on=on, edition=pin)
    if scenario.kind is ScenarioKind.ENTITLEMENT:
        named = scenario.record.get("entitlement")
        held = [e for e in case.entitlements if named is None or e.id == named]
        if not held:  # pragma: no cover - structure_scenario checks the name
            raise AssertionError(f"{scenario.name}: no entitlement")
        return check_entitlement(case, held[0], on=on, decrees=scenario.decrees, edition=pin)
    check = scenario.record.get("check")
    if check == "delivery":
        if scenario.delivery is None:  # pragma: no cover - the schema requires one
            raise AssertionError(f"{scenario.name}: no delivery")
        return assess_delivery(case, scenario.delivery, edition=pin)
    if check == "referral":
        if scenario.referral is None:  # pragma: no cover - the schema requires one
            raise AssertionError(f"{scenario.name}: no referral")
        return check_referral(case, scenario.referral, registry=scenario.registry, edition=pin)
    if scenario.stage is None:  # pragma: no cover - the schema requires one
        raise AssertionError(f"{scenario.name}: no stage")
    return check_transition(case, scenario.stage, on=on, reason=scenario.reason, edition=pin)


def _run_lifecycle(scenario: Scenario, on: dt.date, problems: list[str]) -> None:
    decision = _lifecycle_decision(scenario, on)
    expected = LIFECYCLE_OUTCOMES[scenario.expected]
    if decision.outcome is not expected:
        problems.append(f"outcome {decision.outcome.value} != {expected.value}")
    if decision.on != on:
        problems.append(f"decided on {decision.on}, not {on}")
    if expected is Outcome.NOT_ELIGIBLE:
        refusing = [f.rule_id for f in decision.findings if f.status is Status.NOT_MET]
        if refusing[:1] != list(scenario.rule_ids[:1]):
            problems.append(f"refused under {refusing[:1]}, not {list(scenario.rule_ids[:1])}")
    _check_findings(scenario, decision.findings, problems)


def _run_coverage(scenario: Scenario, on: dt.date, problems: list[str]) -> None:
    found = _coverage_found(scenario, on)
    codes = [u.code for u in found]
    if codes != scenario.expected:
        problems.append(f"units {codes} != {scenario.expected}")
    elif found:
        _check_findings(scenario, found[0].reasons, problems)


def _run_compare(scenario: Scenario, on: dt.date, problems: list[str]) -> None:
    comparison = compare_editions(
        _subject(scenario), scenario.assessment, on=on, editions=scenario.record["editions"]
    )
    differing = {d.target: dict(d.outcomes) for d in comparison.differences}
    if differing != scenario.expected:
        problems.append(f"differences {differing} != {scenario.expected}")
    changed = {r.rule_id for d in comparison.differences for r in d.rules}
    problems.extend(
        f"rule {r} not among the differences" for r in scenario.rule_ids if r not in changed
    )


def _run_pin(scenario: Scenario, on: dt.date, problems: list[str]) -> None:
    subject, assessment, pin = _subject(scenario), scenario.assessment, scenario.edition
    if assessment is None:  # pragma: no cover - pin scenarios carry one
        raise AssertionError(scenario.name)
    case = Case(id="C", subject=subject, unit="U", opened_on=on, assessments=(assessment,))
    reported = {
        "eligibility": assess_eligibility(subject, assessment, on=on, edition=pin).edition,
        "services": recommend_services(case, on=on, edition=pin).edition,
        "lifecycle": check_transition(case, CaseStage.INITIAL_APPROACH, on=on, edition=pin).edition,
        "coverage": coverage(UnitRegistry(), on=on, regions=("3171",), edition=pin).edition,
    }
    problems.extend(
        f"{what} decided under {got}, not {scenario.expected}"
        for what, got in reported.items()
        if got != scenario.expected
    )


def _coverage_found(scenario: Scenario, on: dt.date) -> tuple[Any, ...]:
    if scenario.target is None:  # pragma: no cover - the schema requires one
        raise AssertionError(f"{scenario.name}: no target")
    return units_serving(
        scenario.record["region"],
        scenario.target,
        on=on,
        registry=scenario.registry or UnitRegistry(),
        edition=scenario.edition,
    )


def scenario_findings(scenario: Mapping[str, Any] | Scenario) -> tuple[Finding, ...]:
    """The findings the decision a scenario asks for holds (a coverage scenario: the reasons).

    Empty for the kinds that decide no findings (edition, compare, pin, instrument, report).
    """
    typed = structure_scenario(scenario)
    on, kind = typed.on, typed.kind
    if on is None:
        return ()
    if kind in (ScenarioKind.ELIGIBILITY, ScenarioKind.SERVICES):
        return _decided(typed, on).findings
    if kind in (ScenarioKind.LIFECYCLE, ScenarioKind.PROCEDURE, ScenarioKind.ENTITLEMENT):
        return _lifecycle_decision(typed, on).findings
    if kind is ScenarioKind.COVERAGE:
        return tuple(f for unit in _coverage_found(typed, on) for f in unit.reasons)
    return ()


def run_scenario(scenario: Mapping[str, Any] | Scenario) -> list[str]:
    """Run one scenario through atensi and return the mismatches (empty when it passes).

    Raises:
        InvalidRecord: if the scenario does not read (see :func:`structure_scenario`).
    """
    typed = structure_scenario(scenario)
    problems: list[str] = []
    on = typed.on
    if on is None:
        return [f"a {typed.kind.value} scenario is run by its own runner"]
    kind = typed.kind
    if kind in (ScenarioKind.ELIGIBILITY, ScenarioKind.SERVICES):
        _run_decision(typed, on, problems)
    elif kind is ScenarioKind.COVERAGE:
        _run_coverage(typed, on, problems)
    elif kind is ScenarioKind.EDITION:
        resolved = instrument_in_force(on, edition=typed.edition).id
        if resolved != typed.expected:
            problems.append(f"edition {resolved} != {typed.expected}")
    elif kind is ScenarioKind.COMPARE:
        _run_compare(typed, on, problems)
    elif kind is ScenarioKind.PIN:
        _run_pin(typed, on, problems)
    elif kind in (ScenarioKind.LIFECYCLE, ScenarioKind.PROCEDURE, ScenarioKind.ENTITLEMENT):
        _run_lifecycle(typed, on, problems)
    elif kind is ScenarioKind.INSTRUMENT:
        entry = get_instrument(typed.record["instrument"]).to_dict()
        for key, value in typed.expected.items():
            if entry.get(key) != value:
                problems.append(f"{key}: {entry.get(key)} != {value}")
    else:
        problems.append(f"a {kind.value} scenario is run by atensi.reports.run_report_scenario")
    return problems
