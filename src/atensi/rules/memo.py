"""The decision memo: a redacted eligibility decision looked up by what the rules read of a record.

A redacted decision holds nothing particular to a person (fact values hidden, each message its
rule's statement, see :class:`~atensi.rules.Redaction`), so two records the rules see alike get
the same text: the same condition groups in force on the date, an age on the same side of every
threshold the rules compare it with, the same disability and data-gate findings, and so on.
Deciding a record and writing its text costs tens of microseconds; its *signature*, the classes of
the facts the rules read, costs a few, and the memo answers with the text the rules made for the
first record of that signature.

**Derived from the declarations.** Every eligibility rule declares the facts it reads
(:data:`atensi.rules.catalogue.RULES`). Each *reduction* below reads some of those facts, and
says for which rules it was written; the signature is made of the reductions that cover every
(rule, fact) pair declared. The decision date and the law are part of every key, so ``on`` and
``edition`` need none. A pair no reduction covers is read as its raw value where the field holds
no personal data; otherwise the memo stands aside and the rules decide every record. So a rule
that reads a new fact changes the signature, or stops the memo, and never changes a result.
``tests/test_memo.py`` fails when a rule reads a fact it did not declare (the rules run over
objects that record every attribute read), and holds the memo's texts equal to the rules' on
the examples and on generated records, at every redaction level and edition.

**One pass for a person.** Most records are one person; for them the same tuple is computed
in one pass (:func:`_person_signature`) instead of one call per reduction over a list of one,
used only while the derivation is exactly :data:`REDUCTIONS`, in order. A rule that declares a
new fact changes the derivation, and every record takes the composed signature again until the
one pass is brought up to date; ``tests/test_memo.py`` holds the two equal.

What the declarations cannot say is *how* a rule reads a fact: a reduction is exact for the
rules as they are written (it reuses their own functions where it can), and a rule that reads a
declared fact in a new way must be checked against the reduction. The differential tests do that.

**No personal data.** Only redacted results are kept: at ``redaction="none"`` the memo is not
used. A key holds the decision date, the law, the redaction settings and classes: vocabulary
codes (condition groups, a drug-use status, a sex, the findings' rule ids and statuses), booleans
and the index of an age band; never a name, an id, a NIK, a date of birth or free text. What a
key says is what the redacted text says (which rules met, under which citation), not who. The
memo is bounded: it is emptied when full.

>>> import datetime as dt
>>> memo = DecisionMemo(limit=8)
>>> import atensi
>>> from atensi.model import Assessment, Person
>>> person = atensi.structure({"id": "P-1", "nik": {"reason": "belum_terdaftar"},
...                            "name": "Ani", "birth_date": {"value": "2015-05-01"}}, Person)
>>> other = atensi.structure({"id": "P-2", "nik": {"reason": "belum_terdaftar"},
...                           "name": "Budi", "birth_date": {"value": "2016-07-09"}}, Person)
>>> assessment = atensi.structure({"id": "A-1", "assessed_on": "2024-05-01",
...     "conditions": [{"group": "anak_jalanan"}]}, Assessment)
>>> text = memo.text(person, assessment, on=dt.date(2024, 6, 1))
>>> memo.text(other, assessment, on=dt.date(2024, 6, 1)) == text, len(memo)
(True, 1)
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import typing
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, NamedTuple

import attrs

from atensi.law import DataGate, Edition, InForceDates, instrument_in_force
from atensi.model import (
    Assessment,
    BirthDate,
    Condition,
    DatePrecision,
    Disability,
    DrugUse,
    Family,
    Person,
    Sensitivity,
)
from atensi.model.subjects import SUBJECT_KINDS, Subject, people_of, subject_kind
from atensi.rules.age import age_on, age_range
from atensi.rules.catalogue import RULES
from atensi.rules.decision import Decision, Finding, Redaction, redaction
from atensi.rules.eligibility.candidates import _duration
from atensi.rules.eligibility.decide import _gate_finding, assess_eligibility
from atensi.rules.eligibility.declarations import _BOUNDS
from atensi.rules.eligibility.facts import (
    _groups_by_target,
    _holds,
    _nik_birth,
    _nik_contradiction,
)

__all__ = ["MEMO", "REDUCTIONS", "DecisionMemo", "Derivation", "Reduction", "derivation", "derive"]


class _Record:
    """One record as the reductions read it: the subject, its persons, the assessment, the date."""

    __slots__ = ("assessment", "gates", "on", "people", "subject")

    def __init__(
        self,
        subject: Subject,
        assessment: Assessment,
        on: dt.date,
        gates: tuple[DataGate, ...],
    ) -> None:
        self.subject, self.assessment, self.on, self.gates = subject, assessment, on, gates
        self.people = people_of(subject)


def _shape(finding: Finding | None) -> Hashable:
    """What redaction leaves of a finding: rule, status, target, citation, the facts' names.

    And its message where it used no facts (kept at ``facts``): never a fact's value. The same
    key ``Decision.to_json_text`` memoises a finding's text under. The findings the reductions
    ask for are built once and shared by the rules, so their shapes are kept by identity.
    """
    if finding is None:
        return None
    known = _SHAPES.get(id(finding))
    if known is not None and known[0] is finding:
        return known[1]
    rule_id, status, message, citation, facts, target = finding
    names = tuple([k for k, _ in facts])
    shape = (rule_id, status, target, citation, names, None if facts else message)
    if len(_SHAPES) >= 1024:
        _SHAPES.clear()
    _SHAPES[id(finding)] = (finding, shape)  # the finding kept, so that its id is not reused
    return shape


_SHAPES: dict[int, tuple[Finding, Hashable]] = {}


# --- The reductions ----------------------------------------------------------------------------


def _assessment(record: _Record) -> Hashable:
    """Whether the assessment is dated on or before the date (``signature`` asks first)."""
    return record.assessment.assessed_on <= record.on


def _kind(record: _Record) -> Hashable:
    return subject_kind(record.subject)


def _nik_record(record: _Record) -> Hashable:
    """The NIK-against-record finding of each person (the rule's own function)."""
    return tuple([_nik_of(p) for p in record.people])


def _nik_of(person: Person) -> Hashable:
    """One person's part of :func:`_nik_record`."""
    return None if person.nik.__class__ is not str else _shape(_nik_contradiction(person))


def _gates(record: _Record) -> Hashable:
    """The finding of each data gate in force on the date (the rule's own function)."""
    subject, assessment = record.subject, record.assessment
    return tuple([_shape(_gate_finding(g, subject, assessment)) for g in record.gates])


def _groups(record: _Record) -> Hashable:
    """The groups in force on the date, by target, of each candidate (the rule's own grouping).

    A person is one candidate; a family, group or community is the subject as a whole, then each
    member with the shared conditions.
    """
    on, subject, assessment = record.on, record.subject, record.assessment
    shared = (assessment.conditions, subject.conditions)
    found = [_grouped(_groups_by_target(on, *shared))]
    if not isinstance(subject, Person):
        found.extend(_grouped(_groups_by_target(on, *shared, m.conditions)) for m in record.people)
    return tuple(found)


def _grouped(groups: Mapping[Any, list[Any]]) -> Hashable:
    if not groups:
        return ()
    if len(groups) == 1:  # the usual case: nothing to sort
        ((target, found),) = groups.items()
        return ((target, tuple(found)),)
    return tuple(sorted((target, tuple(found)) for target, found in groups.items()))


def _drug_use(record: _Record) -> Hashable:
    """Each person's drug-use status, if it holds on the date."""
    on = record.on
    return tuple([_drug_use_of(person, on) for person in record.people])


def _drug_use_of(person: Person, on: dt.date) -> Hashable:
    """One person's part of :func:`_drug_use`."""
    use = person.drug_use
    return use.status if use is not None and _holds(use.since, use.until, on) else None


_DAY = DatePrecision.DAY

#: Every age the rules compare an age with: 18 and 60, and the bounds of every group's band.
_AGES = sorted(
    {0, 18, 60}
    | {b.age_min for b in _BOUNDS.values() if b.age_min is not None}
    | {b.age_under for b in _BOUNDS.values() if b.age_under is not None}
)


def _age(record: _Record) -> Hashable:
    """Each person's age as the rules compare it: where it came from, and its band.

    The band of an age is the number of thresholds at or below it, so any comparison of the age
    with a threshold (``<``, ``>=``) has the same answer for every age in the band. A birthday on
    29 February that decides a threshold on 28 February of a common year is noted (the leap-day
    convention), with the threshold.
    """
    on = record.on
    return tuple([_age_of(person, on) for person in record.people])


def _age_of(person: Person, on: dt.date) -> Hashable:
    """One person's part of :func:`_age`."""
    birth = person.birth_date
    if birth is not None:
        value = birth.value
        if birth.precision is _DAY and not birth.estimated:
            # The common case: one age, and the leap-day convention only for 29 February.
            age = age_on(value, on)
            if age < 0:
                return _UNBORN
            band = bisect.bisect_right(_AGES, age)
            leap = _leap_day(birth, on) if value.month == 2 and value.day == 29 else None
            return ("birth", band, band, leap)
        youngest, oldest = age_range(birth, on)
        if oldest < 0:
            return _UNBORN
        return (
            "birth",
            bisect.bisect_right(_AGES, max(youngest, 0)),
            bisect.bisect_right(_AGES, oldest),
            _leap_day(birth, on),
        )
    from_nik = _nik_birth(person.nik, on)
    if from_nik is None:
        return _UNKNOWN_AGE
    return ("nik", bisect.bisect_right(_AGES, age_on(from_nik, on)))


_UNBORN, _UNKNOWN_AGE = ("unborn",), ("unknown",)


def _leap_day(birth: BirthDate, on: dt.date) -> int | None:
    """The threshold a 29 February birthday reaches on 28 February of a common year, if any."""
    value = birth.value
    if (
        (value.month, value.day) != (2, 29)
        or (on.month, on.day) != (2, 28)
        or not birth.is_exact
        or calendar.isleap(on.year)
    ):
        return None
    years = on.year - value.year
    return years if years in (18, 60) else None


def _sex(record: _Record) -> Hashable:
    return tuple([p.sex for p in record.people])


def _disabilities(record: _Record) -> Hashable:
    """Each person's disabilities in force: none, or how long they lasted and who determined."""
    on = record.on
    return tuple([_disabilities_of(person, on) for person in record.people])


def _disabilities_of(person: Person, on: dt.date) -> Hashable:
    """One person's part of :func:`_disabilities`."""
    disabilities = person.disabilities
    if not disabilities:
        return None
    held = [d for d in disabilities if _holds(d.since, d.until, on)]
    if not held:
        return None
    medical = any(d.determined_by_medical_personnel is True for d in held)
    return (_duration(held, on), medical)


def _capacity(record: _Record) -> Hashable:
    subject = record.subject
    return isinstance(subject, Person) and subject.elderly_capacity is not None


def _members(record: _Record) -> Hashable:
    """How many members (every per-person part has as many entries; this says it outright)."""
    return len(record.people)


class Reduction(NamedTuple):
    """What one part of the signature reads, for which rules, and how.

    Attributes:
        name: what it reads, in a word.
        covers: the facts it covers (as the rules declare them), each with the rules it was
            written for.
        read: the class of those facts in a record.
    """

    name: str
    covers: Mapping[str, frozenset[str]]
    read: Callable[[_Record], Hashable]


def _for(*rule_ids: str) -> frozenset[str]:
    return frozenset(rule_ids)


_CONDITION_RULES = _for(
    "elig.anak.condition",
    "elig.lansia.condition",
    "elig.tskpo.condition",
    "elig.bencana.condition",
    "elig.napza.status",
    "elig.lainnya.condition",
)
_DISABILITY_RULES = _for(
    "elig.disabilitas.type", "elig.disabilitas.duration", "elig.disabilitas.medical"
)
_AGE_RULES = _for(
    "elig.anak.age", "elig.lansia.age", "elig.age.nik", "elig.age.leap_day", "elig.group.age_band"
)
_MEMBER_RULES = _for("elig.anak.members", "elig.lansia.members", "elig.disabilitas.members")
_DTKS, _DTSEN = _for("elig.dtks.listed"), _for("elig.dtsen.decile")
_CAPACITY = _for("elig.lansia.capacity")

#: The reductions, in signature order. A fact with several readings (a birth date is an age to
#: the age rules and digits to compare with the NIK's) is covered by several.
REDUCTIONS: tuple[Reduction, ...] = (
    Reduction(
        "assessment", {"assessment.assessed_on": _for("elig.assessment.present")}, _assessment
    ),
    Reduction(
        "kind",
        {"subject.kind": _MEMBER_RULES | _CAPACITY | _DTSEN | _for("elig.nik.consistency")},
        _kind,
    ),
    Reduction(
        "nik",
        {
            "person.nik": _for("elig.nik.consistency"),
            "person.sex": _for("elig.nik.consistency"),
            "person.birth_date": _for("elig.nik.consistency"),
        },
        _nik_record,
    ),
    Reduction(
        "gates",
        {
            "assessment.in_dtks": _DTKS,
            "assessment.welfare_decile": _DTSEN,
            "family.welfare_decile": _DTSEN,
        },
        _gates,
    ),
    Reduction(
        "groups",
        {
            "assessment.conditions": _CONDITION_RULES | _for("elig.disabilitas.type"),
            "subject.conditions": _CONDITION_RULES,
            "member.conditions": _CONDITION_RULES,
            "condition.since": _CONDITION_RULES,
            "condition.until": _CONDITION_RULES,
            # The rule reads the group only: the justification of 'ppks_lainnya' is there by
            # the entity's invariant.
            "condition.justification": _for("elig.lainnya.condition"),
            "condition.group": _for("elig.group.age_band", "elig.group.period", "elig.group.sex"),
        },
        _groups,
    ),
    Reduction(
        "drug_use",
        {
            "person.drug_use": _for("elig.napza.status"),
            "drug_use.since": _for("elig.napza.status"),
            "drug_use.until": _for("elig.napza.status"),
        },
        _drug_use,
    ),
    Reduction("age", {"person.birth_date": _AGE_RULES, "person.nik": _AGE_RULES}, _age),
    Reduction("sex", {"person.sex": _for("elig.group.sex")}, _sex),
    Reduction(
        "disabilities",
        {
            "person.disabilities": _for("elig.disabilitas.type"),
            "disability.since": _DISABILITY_RULES - _for("elig.disabilitas.medical"),
            "disability.until": _for("elig.disabilitas.type"),
            "disability.permanent": _for("elig.disabilitas.duration"),
            "disability.determined_by_medical_personnel": _for("elig.disabilitas.medical"),
        },
        _disabilities,
    ),
    Reduction("capacity", {"person.elderly_capacity": _CAPACITY}, _capacity),
    Reduction("members", {"subject.members": _MEMBER_RULES, "member.id": _MEMBER_RULES}, _members),
)

#: Facts every key holds as they are: the decision date and the law.
_KEYED = frozenset({"on", "edition"})


# --- Deriving the signature from the declarations ----------------------------------------------

#: The entity each role of a fact path names, for the personal-data class of its field.
_ROLES: dict[str, tuple[type[Any], ...]] = {
    "person": (Person,),
    "member": (Person,),
    "subject": tuple(SUBJECT_KINDS.values()),
    "family": (Family,),
    "assessment": (Assessment,),
    "condition": (Condition,),
    "disability": (Disability,),
    "drug_use": (DrugUse,),
}


def _raw_reduction(fact: str) -> Reduction | None:
    """A reduction reading a fact as it is, if no value of it can be personal data."""
    role, _, name = fact.partition(".")
    classes = _ROLES.get(role)
    if classes is None:
        return None
    fields = [
        (cls, attrs.fields_dict(cls)[name]) for cls in classes if name in attrs.fields_dict(cls)
    ]
    if not fields:
        return None
    for cls, field in fields:
        if field.metadata.get("sensitivity") is not Sensitivity.NOT_PERSONAL:
            return None
        if _holds_entity(typing.get_type_hints(cls)[name]):
            return None

    def read(record: _Record) -> Hashable:
        return tuple(getattr(o, name, None) for o in _objects(role, record))

    return Reduction(f"raw {fact}", {}, read)


def _holds_entity(annotation: Any) -> bool:
    """Whether values of an annotation may hold a record (whose fields may be personal)."""
    if isinstance(annotation, type):
        return attrs.has(annotation)
    return any(_holds_entity(a) for a in typing.get_args(annotation) if a is not Ellipsis)


def _objects(role: str, record: _Record) -> Iterable[Any]:
    subject, assessment = record.subject, record.assessment
    if role == "subject":
        return (subject,)
    if role in ("person", "member"):
        return record.people if role == "person" or not isinstance(subject, Person) else ()
    if role == "family":
        return (subject,) if isinstance(subject, Family) else ()
    if role == "assessment":
        return (assessment,)
    if role == "condition":
        lists = (assessment.conditions, subject.conditions, *(p.conditions for p in record.people))
        return tuple(c for conditions in lists for c in conditions)
    if role == "disability":
        return tuple(d for p in record.people for d in p.disabilities)
    if role == "drug_use":
        return tuple(p.drug_use for p in record.people if p.drug_use is not None)
    return ()  # pragma: no cover - _raw_reduction knows only these roles


class Derivation(NamedTuple):
    """The signature derived from the rules' declarations.

    Attributes:
        reductions: the reductions the signature is made of, in order.
        exact: whether every fact the rules declare is covered (otherwise the memo stands aside).
        uncovered: the (rule id, fact) pairs no reduction covers and that may be personal data.
    """

    reductions: tuple[Reduction, ...]
    exact: bool
    uncovered: tuple[tuple[str, str], ...]


def derive(rules: Iterable[Any], reductions: tuple[Reduction, ...] = REDUCTIONS) -> Derivation:
    """The signature of the eligibility rules among ``rules`` (declarations with ``reads``)."""
    declared = {(r.id, fact) for r in rules if r.kind == "eligibility" for fact in r.reads}
    covered = {
        (rule, fact) for red in reductions for fact, ids in red.covers.items() for rule in ids
    }
    needed = [red for red in reductions if any(p in declared for p in _pairs(red))]
    missing = sorted(p for p in declared - covered if p[1] not in _KEYED)
    uncovered: list[tuple[str, str]] = []
    for fact in dict.fromkeys(fact for _, fact in missing):
        raw = _raw_reduction(fact)
        if raw is None:
            uncovered.extend(p for p in missing if p[1] == fact)
        else:
            needed.append(raw)
    return Derivation(tuple(needed), not uncovered, tuple(uncovered))


def _pairs(reduction: Reduction) -> set[tuple[str, str]]:
    return {(rule, fact) for fact, ids in reduction.covers.items() for rule in ids}


_DERIVED: list[Derivation] = []


def derivation() -> Derivation:
    """The signature of the rules as declared now (derived once, on first use)."""
    if not _DERIVED:
        _DERIVED.append(derive(RULES.values()))
    return _DERIVED[0]


def signature(
    subject: Subject, assessment: Assessment | None, on: dt.date, edition: Edition
) -> Hashable | None:
    """The classes of the facts the rules read of this record (``None``: not memoised)."""
    return _signature(subject, assessment, on, edition.gates_on(on))


def _signature(
    subject: Subject, assessment: Assessment | None, on: dt.date, gates: tuple[DataGate, ...]
) -> Hashable | None:
    derived = derivation()
    if not derived.exact:
        return None
    # Without an assessment on the date, that is the whole decision (elig.assessment.present).
    if assessment is None:
        return ("no assessment",)
    if assessment.assessed_on > on:
        return ("assessed after the date",)
    if isinstance(subject, Person) and _whole(derived):
        return _person_signature(subject, assessment, on, gates)
    record = _Record(subject, assessment, on, gates)
    return tuple([r.read(record) for r in derived.reductions])


# --- One person, in one pass (see the module's docstring) --------------------------------------


def _whole(derived: Derivation) -> bool:
    """Whether ``derived`` is REDUCTIONS, each in its place (then the one pass is exact)."""
    known = _WHOLE
    if known and known[0][0] is derived:
        return known[0][1]
    whole = len(derived.reductions) == len(REDUCTIONS) and all(
        a is b for a, b in zip(derived.reductions, REDUCTIONS, strict=True)
    )
    known[:] = [(derived, whole)]
    return whole


_WHOLE: list[tuple[Derivation, bool]] = []


def _person_signature(
    person: Person, assessment: Assessment, on: dt.date, gates: tuple[DataGate, ...]
) -> Hashable:
    """``tuple(r.read(record) for r in REDUCTIONS)`` of a person dated on or after assessment.

    Each per-person part is the reduction's own ``_..._of``; what is inline here is a line of
    the reduction it stands for.
    """
    return (
        True,  # _assessment: the caller returned earlier for an assessment after the date
        "person",
        (_nik_of(person),),
        tuple([_shape(_gate_finding(g, person, assessment)) for g in gates]) if gates else (),
        (_grouped(_groups_by_target(on, assessment.conditions, person.conditions)),),
        (_drug_use_of(person, on),),
        (_age_of(person, on),),
        (person.sex,),
        (_disabilities_of(person, on),),
        person.elderly_capacity is not None,
        1,
    )


# --- The memo ----------------------------------------------------------------------------------


class DecisionMemo:
    """Redacted eligibility decisions and their texts, by signature; bounded.

    Holds redacted results only; ``redact="none"`` (or ``False``) always asks the rules.
    Safe to share between threads (a lost race only works a decision out twice).
    """

    __slots__ = ("_decisions", "_laws", "_texts", "limit")

    def __init__(self, limit: int = 2048) -> None:
        self.limit = limit
        self._texts: dict[Hashable, str] = {}
        self._decisions: dict[Hashable, Decision] = {}
        # The data gates in force, by date and law: resolved once, not for every record.
        self._laws: dict[Hashable, tuple[DataGate, ...]] = {}

    def __len__(self) -> int:
        return len(self._texts) + len(self._decisions)

    def __repr__(self) -> str:
        # The keys are classes, not people; still, a repr shows only the size.
        return f"DecisionMemo({len(self)} entries, limit {self.limit})"

    def clear(self) -> None:
        """Forget every entry."""
        self._texts.clear()
        self._decisions.clear()
        self._laws.clear()

    def _key(
        self,
        subject: Subject,
        assessment: Assessment | None,
        on: dt.date,
        edition: str | Edition | None,
        in_force_dates: InForceDates | None,
        level: Redaction,
    ) -> Hashable | None:
        if level is Redaction.NONE or (edition is not None and not isinstance(edition, str)):
            return None
        dates = tuple(sorted(in_force_dates.items())) if in_force_dates else ()
        law = (on, edition, dates)
        gates = self._laws.get(law)
        if gates is None:
            resolved = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
            if len(self._laws) >= 256:
                self._laws.clear()
            gates = self._laws[law] = resolved.gates_on(on)
        found = _signature(subject, assessment, on, gates)
        if found is None:
            return None
        return (found, law, level)

    def text(
        self,
        subject: Subject,
        assessment: Assessment | None,
        *,
        on: dt.date,
        edition: str | Edition | None = None,
        in_force_dates: InForceDates | None = None,
        redact: bool | str | Redaction = Redaction.FULL,
        ensure_ascii: bool = False,
    ) -> str:
        """``assess_eligibility(...).to_json_text(redact=redact, ensure_ascii=...)``, memoised.

        Raises:
            NoInstrumentInForce, AtensiError: as :func:`assess_eligibility`.
        """
        level = redaction(redact)
        keyed = self._key(subject, assessment, on, edition, in_force_dates, level)
        if keyed is not None:
            found = self._texts.get((keyed, ensure_ascii))
            if found is not None:
                return found
        decision = assess_eligibility(
            subject, assessment, on=on, edition=edition, in_force_dates=in_force_dates
        )
        text = decision.to_json_text(redact=level, ensure_ascii=ensure_ascii)
        if keyed is not None:
            self._keep(self._texts, (keyed, ensure_ascii), text)
        return text

    def decision(
        self,
        subject: Subject,
        assessment: Assessment | None,
        *,
        on: dt.date,
        edition: str | Edition | None = None,
        in_force_dates: InForceDates | None = None,
        redact: bool | str | Redaction = Redaction.FULL,
    ) -> Decision:
        """``assess_eligibility(...).redacted(redact)``, memoised (the decision shared).

        Its ``to_json(redact=redact)`` is the unredacted decision's.
        """
        level = redaction(redact)
        keyed = self._key(subject, assessment, on, edition, in_force_dates, level)
        if keyed is not None:
            found = self._decisions.get(keyed)
            if found is not None:
                return found
        decision = assess_eligibility(
            subject, assessment, on=on, edition=edition, in_force_dates=in_force_dates
        ).redacted(level)
        if keyed is not None:
            self._keep(self._decisions, keyed, decision)
        return decision

    def _keep(self, table: dict[Hashable, Any], key: Hashable, value: Any) -> None:
        """Remember ``value`` under ``key``; a full table is emptied first (the memo is bounded)."""
        if len(table) >= self.limit:
            table.clear()
        table[key] = value


#: The memo the batch functions and the command line use.
MEMO = DecisionMemo()
