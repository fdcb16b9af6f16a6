"""How the eligibility rules read a record: the facts as of the date, each declared once.

The functions below compute what the rules look at: the condition groups in force, a person's
age on the date (from the birth date, or the NIK's digits), what the NIK says against the
record, the disabilities in force and how long they lasted, the drug-use status in force, the
value a data gate reads. The rules call them; so does the decision memo, through the facts
declared at the end of this module (:mod:`atensi.rules.facts`), each with its *reduction*: the
class of the fact that decides every rule reading it. The rules declare which facts they read
(:mod:`atensi.rules.eligibility.declarations`), and the memo's key is composed of those
reductions, so the memo cannot read a fact otherwise than the rules do.

A condition, disability or drug-use status counts from its ``since`` until its ``until``
(exclusive).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Hashable, Iterable
from typing import Any

from atensi.law import DataGate, get_parameter
from atensi.model import (
    Assessment,
    BirthDate,
    Condition,
    DatePrecision,
    Disability,
    Family,
    Person,
    Subject,
    subject_kind,
)
from atensi.model.subjects import people_of
from atensi.rules.age import age_on, age_range, months_after
from atensi.rules.decision import Status
from atensi.rules.facts import fact
from atensi.vocab import Sex, Target, TargetGroup

__all__ = [
    "AGE",
    "ALSO",
    "ASSESSMENT",
    "CAPACITY",
    "CONDITIONS",
    "DISABILITIES",
    "DRUG_USE",
    "GATES",
    "LONG_TERM_MONTHS",
    "MEMBERS",
    "NIK",
    "SEX",
    "SUBJECT_KIND",
    "TARGET_OF",
    "Groups",
    "PersonAge",
    "birth_contradicts",
    "disabilities_in_force",
    "drug_use_in_force",
    "duration",
    "gate_value",
    "groups_by_target",
    "holds",
    "leap_day_years",
    "nik_birth",
    "nik_contradicts",
    "nik_digits",
    "person_age",
    "six_months_after",
    "within_gate",
]

#: The target each group belongs to (``TargetGroup.target`` is a property: a plain mapping is
#: read once per condition of every record).
TARGET_OF = {g: g.target for g in TargetGroup}
#: The other target each carried child condition is also listed under (victims stay victims at
#: 18: :attr:`TargetGroup.carries`).
ALSO = {g: carry.target for g in TargetGroup if (carry := g.carries) is not None}

#: The conditions of a candidate in force on the date, by target.
Groups = dict[Target, list[TargetGroup]]


def holds(since: dt.date | None, until: dt.date | None, on: dt.date) -> bool:
    """Whether a dated fact holds on ``on`` (from ``since`` inclusive, until exclusive)."""
    return (since is None or since <= on) and (until is None or on < until)


def groups_by_target(on: dt.date, *condition_lists: Iterable[Condition]) -> Groups:
    """The groups of the conditions in force on ``on``, by target, each group once, in order.

    A child's condition the law also names under another target at any age (a child victim of
    trafficking is a victim of trafficking, :attr:`TargetGroup.carries`) is listed under that
    target too: victims stay victims at 18.
    """
    found: Groups = {}
    for conditions in condition_lists:
        for condition in conditions:
            if not holds(condition.since, condition.until, on):
                continue
            group = condition.group
            target = TARGET_OF[group]
            listed = found.get(target)
            if listed is None:
                found[target] = [group]
            elif group not in listed:
                listed.append(group)
            also = ALSO.get(group)
            if also is not None:
                listed = found.get(also)
                if listed is None:
                    found[also] = [group]
                elif group not in listed:
                    listed.append(group)
    return found


def six_months_after(day: dt.date) -> dt.date:
    """The same day six calendar months later, or the last day of that month if it is shorter.

    This is ``day + dateutil.relativedelta(months=6)`` (a test holds them equal), in plain date
    arithmetic: relativedelta costs about 10 µs a call, and every disability of every record
    needs one. Total: past the end of the calendar it answers ``date.max``.

    >>> six_months_after(dt.date(2023, 8, 31))
    datetime.date(2024, 2, 29)
    """
    return months_after(day, 6)


# --- A person's age ---------------------------------------------------------------------------

_SEPARATORS = str.maketrans("", "", " .-")


def nik_digits(nik: object) -> tuple[int, int, int, Sex] | None:
    """Day, month, two-digit year and sex a NIK encodes (None for no usable NIK)."""
    if not isinstance(nik, str):
        return None
    value = nik if len(nik) == 16 else nik.translate(_SEPARATORS)
    if len(value) != 16 or not value.isdigit():
        return None
    # Two ASCII digits by look-up (``int()`` of a slice costs several times more).
    number = _TWO_DIGITS.__getitem__ if value.isascii() else int
    day, month, year = number(value[6:8]), number(value[8:10]), number(value[10:12])
    if day > 40:
        return day - 40, month, year, Sex.FEMALE
    return day, month, year, Sex.MALE


_TWO_DIGITS = {f"{n:02d}": n for n in range(100)}


def nik_birth(nik: object, on: dt.date) -> dt.date | None:
    """The birth date a NIK encodes, the century the latest that puts it on or before ``on``."""
    digits = nik_digits(nik)
    if digits is None:
        return None
    day, month, year, _ = digits
    for base in range((on.year // 100) * 100, 0, -100):
        try:
            candidate = dt.date(base + year, month, day)
        except ValueError:
            continue
        if candidate <= on:
            return candidate
    return None


class PersonAge:
    """A person's possible ages on the date: from the recorded birth date, or the NIK's.

    ``youngest`` and ``oldest`` are ``None`` when the age is not known, or when the recorded
    birth date is after the date (:attr:`unborn`); a youngest age below 0 counts as 0.
    ``span`` is the range :func:`~atensi.rules.age.age_range` gave for a recorded birth date
    (before that), and ``birth_from_nik`` the NIK's birth date when the age was read from it.
    """

    __slots__ = ("birth_from_nik", "oldest", "span", "youngest")

    def __init__(
        self,
        youngest: int | None,
        oldest: int | None,
        span: tuple[int, int] | None,
        birth_from_nik: dt.date | None,
    ) -> None:
        self.youngest, self.oldest, self.span, self.birth_from_nik = (
            youngest,
            oldest,
            span,
            birth_from_nik,
        )

    @property
    def unborn(self) -> bool:
        """Whether the recorded birth date is after the date."""
        return self.span is not None and self.youngest is None


def person_age(person: Person, on: dt.date) -> PersonAge:
    """The ages ``person`` may be on ``on`` (whole years; a range for an estimated birth date)."""
    birth = person.birth_date
    if birth is not None:
        youngest, oldest = span = age_range(birth, on)
        if oldest < 0:
            return PersonAge(None, None, span, None)
        return PersonAge(youngest if youngest > 0 else 0, oldest, span, None)
    from_nik = nik_birth(person.nik, on)
    if from_nik is None:
        return PersonAge(None, None, None, None)
    age = age_on(from_nik, on)
    return PersonAge(age, age, None, from_nik)


def leap_day_years(birth: BirthDate | None, on: dt.date) -> int | None:
    """The whole years a 29 February birthday reaches on 28 February of a common year.

    ``None`` unless the birth date is an exact 29 February and ``on`` is 28 February of a common
    year: the one day atensi's leap-day convention decides (the birthday counts on 1 March).
    """
    if birth is None:
        return None
    value = birth.value
    if (
        value.day != 29
        or value.month != 2
        or on.day != 28
        or on.month != 2
        or not birth.is_exact
        or calendar.isleap(on.year)
    ):
        return None
    return on.year - value.year


# --- The NIK against the record ---------------------------------------------------------------


def birth_contradicts(day: int, month: int, yy: int, birth: BirthDate) -> bool:
    """Whether a NIK's birth digits fall outside what the recorded birth date allows.

    The NIK holds two year digits: only those, and the day and month where the record is exact
    (the month where it knows the month), are compared. An estimated date allows a year either
    side.
    """
    value, precision = birth.value, birth.precision
    if birth.estimated:
        # The years of the earliest and latest dates, a year either side (``shift_years``
        # keeps the year, and stops at the calendar's ends): only the year digits compare.
        year = value.year
        low, high = max(year - 1, dt.MINYEAR), min(year + 1, dt.MAXYEAR)
        return all(y % 100 != yy for y in range(low, high + 1))
    if precision is DatePrecision.DAY:
        return (day, month, yy) != (value.day, value.month, value.year % 100)
    return yy != value.year % 100 or (precision is DatePrecision.MONTH and month != value.month)


def nik_contradicts(person: Person) -> tuple[str, ...]:
    """What a person's NIK contradicts of the record: ``()``, ``("sex",)``, ``("birth_date",)``."""
    digits = nik_digits(person.nik)
    if digits is None:
        return ()
    day, month, yy, sex = digits
    found: tuple[str, ...] = ()
    if person.sex is not None and person.sex is not sex:
        found = ("sex",)
    birth = person.birth_date
    if birth is not None and birth_contradicts(day, month, yy, birth):
        found = (*found, "birth_date")
    return found


# --- Disabilities, drug use, the data gates ---------------------------------------------------


def disabilities_in_force(person: Person, on: dt.date) -> list[Disability]:
    """The person's disabilities that hold on ``on``."""
    return [d for d in person.disabilities if holds(d.since, d.until, on)]


#: UU 8/2016's long-term test, in months (its start is the start of the test; no value before).
LONG_TERM_MONTHS = get_parameter("disability.long_term_months")


def duration(disabilities: Iterable[Disability], on: dt.date) -> Status:
    """Long-term (UU 8/2016 Pasal 4(2)): lasting the parameter's months (six), or permanent.

    Only a limitation recorded as *not* permanent and younger than that is "not met"; unknown
    permanence with a short or unknown duration is unknown; before UU 8/2016 the test does not
    apply.
    """
    months = LONG_TERM_MONTHS.on_date(on).number
    if months is None:
        return Status.NOT_APPLICABLE
    durations = []
    for d in disabilities:
        lasted = d.since is not None and months_after(d.since, months) <= on
        if d.permanent or lasted:
            return Status.MET
        durations.append(
            Status.NOT_MET if d.permanent is False and d.since is not None else Status.UNKNOWN
        )
    return Status.UNKNOWN if Status.UNKNOWN in durations else Status.NOT_MET


def drug_use_in_force(person: Person, on: dt.date) -> TargetGroup | None:
    """The person's drug-use status, if it holds on ``on``."""
    use = person.drug_use
    return use.status if use is not None and holds(use.since, use.until, on) else None


def gate_value(gate: DataGate, subject: Subject, assessment: Assessment) -> int | bool | None:
    """What a data gate reads: the welfare decile or the DTKS listing.

    A family's own decile is read when the assessment records none.
    """
    if gate.max_decile is not None:
        value = assessment.welfare_decile
        if value is None and isinstance(subject, Family):
            return subject.welfare_decile
        return value
    return assessment.in_dtks


def within_gate(gate: DataGate, value: int | bool | None) -> bool | None:
    """Whether ``value`` passes the gate (``None``: not recorded)."""
    if value is None:
        return None
    if gate.max_decile is not None:
        return value <= gate.max_decile
    return bool(value)


# --- The facts the rules declare, with their reductions ---------------------------------------
# Each reduction computes its fact with the function above that the rules call, and keeps only
# its class: codes, booleans, counts and bands, never a name, an id, a date or a number of a
# person.


def _assessment_key(
    subject: Subject, assessment: Assessment | None, on: dt.date, law: object
) -> Hashable:
    if assessment is None:
        return "no assessment"
    return True if assessment.assessed_on <= on else "assessed after the date"


def _kind_key(subject: Subject, assessment: Assessment, on: dt.date, law: object) -> Hashable:
    return subject_kind(subject)


def _members_key(subject: Subject, assessment: Assessment, on: dt.date, law: object) -> Hashable:
    # The member ids show only as redacted facts: how many members is what counts.
    return len(people_of(subject))


def _conditions_key(subject: Subject, assessment: Assessment, on: dt.date, law: object) -> Hashable:
    """The groups in force by target of each candidate: the subject, then each member."""
    shared = (assessment.conditions, subject.conditions)
    if isinstance(subject, Person):
        if not shared[0] and not shared[1]:
            return _NO_GROUPS  # no condition recorded: no group in force
        return (_grouped(groups_by_target(on, *shared)),)
    found = [_grouped(groups_by_target(on, *shared))]
    members = people_of(subject)
    found.extend(_grouped(groups_by_target(on, *shared, m.conditions)) for m in members)
    return tuple(found)


#: A person's conditions key when no condition is recorded (``groups_by_target`` finds none).
_NO_GROUPS: Hashable = ((),)


def _grouped(groups: Groups) -> Hashable:
    if not groups:
        return ()
    if len(groups) == 1:  # the usual case: nothing to sort
        ((target, found),) = groups.items()
        return ((target, tuple(found)),)
    return tuple(sorted((target, tuple(found)) for target, found in groups.items()))


def _gates_key(subject: Subject, assessment: Assessment, on: dt.date, law: Any) -> Hashable:
    """Whether the record passes each data gate in force (the law, in every key, says which)."""
    gates: tuple[DataGate, ...] = law.gates  # the gates in force on the date
    if not gates:
        return ()
    return tuple([within_gate(gate, gate_value(gate, subject, assessment)) for gate in gates])


def _capacity_key(subject: Subject, assessment: Assessment, on: dt.date, law: object) -> Hashable:
    return isinstance(subject, Person) and subject.elderly_capacity is not None


_UNBORN, _UNKNOWN_AGE = ("unborn",), ("unknown",)


def _age_key(person: Person, on: dt.date, thresholds: tuple[int, ...]) -> Hashable:
    """Where the age comes from, the band of its youngest and oldest values, and the leap day.

    The band of an age is the number of thresholds at or below it, so every comparison of the
    age with a threshold (``<``, ``>=``) answers alike across a band.
    """
    age = person_age(person, on)
    youngest, oldest = age.youngest, age.oldest
    if youngest is None or oldest is None:
        return _UNBORN if age.unborn else _UNKNOWN_AGE
    band = bisect.bisect_right(thresholds, youngest)
    leap = leap_day_years(person.birth_date, on)
    return (
        age.birth_from_nik is not None,
        band,
        band if oldest == youngest else bisect.bisect_right(thresholds, oldest),
        leap if leap in thresholds else None,
    )


def _nik_key(person: Person, on: dt.date, thresholds: tuple[int, ...]) -> Hashable:
    return nik_contradicts(person)


def _sex_key(person: Person, on: dt.date, thresholds: tuple[int, ...]) -> Hashable:
    return person.sex


def _disabilities_key(person: Person, on: dt.date, thresholds: tuple[int, ...]) -> Hashable:
    if not person.disabilities:  # none recorded: none in force
        return None
    held = disabilities_in_force(person, on)
    if not held:
        return None
    return (duration(held, on), any(d.determined_by_medical_personnel is True for d in held))


def _drug_use_key(person: Person, on: dt.date, thresholds: tuple[int, ...]) -> Hashable:
    return drug_use_in_force(person, on)


ASSESSMENT = fact("assessment", ("assessment.assessed_on",), _assessment_key, gate=True)
SUBJECT_KIND = fact("subject.kind", ("subject.kind",), _kind_key)
MEMBERS = fact("subject.members", ("subject.members", "member.id"), _members_key)
CONDITIONS = fact(
    "conditions",
    (
        "assessment.conditions",
        "subject.conditions",
        "member.conditions",
        "condition.since",
        "condition.until",
        "condition.group",
        # Read by the entity's invariant only ('ppks_lainnya' has one): the group decides.
        "condition.justification",
    ),
    _conditions_key,
)
GATES = fact(
    "data_gates",
    ("assessment.in_dtks", "assessment.welfare_decile", "family.welfare_decile"),
    _gates_key,
)
CAPACITY = fact("person.elderly_capacity", ("person.elderly_capacity",), _capacity_key)
AGE = fact("person.age", ("person.birth_date", "person.nik"), _age_key, per_person=True)
NIK = fact(
    "person.nik_agrees",
    ("person.nik", "person.sex", "person.birth_date"),
    _nik_key,
    per_person=True,
)
SEX = fact("person.sex", ("person.sex",), _sex_key, per_person=True)
DISABILITIES = fact(
    "person.disabilities",
    (
        "person.disabilities",
        "disability.since",
        "disability.until",
        "disability.permanent",
        "disability.determined_by_medical_personnel",
    ),
    _disabilities_key,
    per_person=True,
)
DRUG_USE = fact(
    "person.drug_use",
    ("person.drug_use", "drug_use.since", "drug_use.until"),
    _drug_use_key,
    per_person=True,
)
