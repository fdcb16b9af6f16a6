"""Facts read as of the date: dated conditions, ages (from a birth date or the NIK), the NIK.

A condition, disability or drug-use status counts from its ``since`` until its ``until``
(exclusive); an age comes from the recorded birth date, or, when there is none, from the NIK's
digits (graded); and the NIK's digits are held against the recorded sex and birth date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from atensi.model import (
    Assessment,
    BirthDate,
    Condition,
    DatePrecision,
    Person,
)
from atensi.model.subjects import Subject, people_of
from atensi.rules.age import age_on, age_range, months_after
from atensi.rules.decision import Facts, Finding
from atensi.rules.eligibility.declarations import (
    _ALSO,
    _CHILDREN,
    _DAY,
    _FEMALE,
    _MALE,
    _MET,
    _NOT_MET,
    _REVIEW,
    _TARGET_OF,
    _UNKNOWN,
    CHILD_UNDER,
    ELDERLY_FROM,
    R_AGE_NIK,
    R_CHILD_AGE,
    R_ELDERLY_AGE,
    R_LEAP_DAY,
    R_NIK_RECORD,
    Groups,
)
from atensi.vocab import (
    Sex,
    Target,
    TargetGroup,
)

# --- Facts as of the date --------------------------------------------------------------------


def _holds(since: dt.date | None, until: dt.date | None, on: dt.date) -> bool:
    """Whether a dated fact holds on ``on`` (from ``since`` inclusive, until exclusive)."""
    return (since is None or since <= on) and (until is None or on < until)


def _groups_by_target(on: dt.date, *condition_lists: Iterable[Condition]) -> Groups:
    """The groups in force on ``on``, by target.

    A child's condition the law also names under another target at any age (a child victim of
    trafficking is a victim of trafficking, :attr:`TargetGroup.carries`) is listed under that
    target too: victims stay victims at 18.
    """
    found: Groups = {}
    for conditions in condition_lists:
        for condition in conditions:
            if not _holds(condition.since, condition.until, on):
                continue
            group = condition.group
            target = _TARGET_OF[group]
            listed = found.get(target)
            if listed is None:
                found[target] = [group]
            elif group not in listed:
                listed.append(group)
            also = _ALSO.get(group)
            if also is not None:
                listed = found.get(also)
                if listed is None:
                    found[also] = [group]
                elif group not in listed:
                    listed.append(group)
    return found


def groups_in_force(
    subject: Subject, assessment: Assessment | None, on: dt.date
) -> frozenset[TargetGroup]:
    """Every group recorded for ``subject`` (and its members) that holds on ``on``.

    The conditions of the assessment, of the subject, of its members, and their drug-use
    statuses, read as of the date: what the services rules look at to tell a trafficking
    victim from a beggar.
    """
    lists: list[Iterable[Condition]] = [subject.conditions]
    if assessment is not None:
        lists.append(assessment.conditions)
    people = people_of(subject)
    lists.extend(p.conditions for p in people)
    found = {g for groups in _groups_by_target(on, *lists).values() for g in groups}
    for person in people:
        use = person.drug_use
        if use is not None and _holds(use.since, use.until, on):
            found.add(use.status)
    return frozenset(found)


def six_months_after(day: dt.date) -> dt.date:
    """The same day six calendar months later, or the last day of that month if it is shorter.

    This is ``day + dateutil.relativedelta(months=6)`` (a test holds them equal), in plain date
    arithmetic: relativedelta costs about 10 µs a call, and every disability of every record
    needs one. Total: past the end of the calendar it answers ``date.max``.

    >>> six_months_after(dt.date(2023, 8, 31))
    datetime.date(2024, 2, 29)
    """
    return months_after(day, 6)


# --- Age ------------------------------------------------------------------------------------

_SEPARATORS = str.maketrans("", "", " .-")


def _nik_birth(nik: object, on: dt.date) -> dt.date | None:
    """The birth date a NIK encodes, the century the latest that puts it on or before ``on``."""
    digits = _nik_digits(nik)
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


class _Age:
    """A person's possible ages on the date, the facts behind them, and how they were read."""

    __slots__ = ("extra", "facts", "oldest", "youngest")

    def __init__(
        self, youngest: int | None, oldest: int | None, facts: Facts, extra: tuple[Finding, ...]
    ) -> None:
        self.youngest, self.oldest, self.facts, self.extra = youngest, oldest, facts, extra


def _age(person: Person, on: dt.date, on_iso: str) -> _Age:
    birth = person.birth_date
    if birth is not None:
        youngest, oldest = age_range(birth, on)
        facts: Facts = (
            ("birth_date", birth.value.isoformat()),
            ("precision", birth.precision.value),
            ("estimated", birth.estimated),
            ("on", on_iso),
            ("age_min", youngest),
            ("age_max", oldest),
        )
        if oldest < 0:
            return _Age(None, None, facts, ())
        return _Age(max(youngest, 0), oldest, facts, ())
    from_nik = _nik_birth(person.nik, on)
    if from_nik is None:
        return _Age(None, None, (("on", on_iso),), ())
    age = age_on(from_nik, on)
    facts = (("birth_date_from_nik", from_nik.isoformat()), ("on", on_iso), ("age", age))
    note = R_AGE_NIK.finding(
        _MET,
        "no birth date is recorded: the age is read from the NIK (secondary; century inferred)",
        "tanggal lahir tidak tercatat: usia dibaca dari NIK (sekunder; abad disimpulkan)",
        facts,
    )
    return _Age(age, age, facts, (note,))


def _leap_day(person: Person, on: dt.date, threshold: int, target: Target) -> Finding | None:
    """The convention finding, when a 29 February birthday decides the threshold on ``on``."""
    birth = person.birth_date
    if (
        birth is None
        or not birth.is_exact
        or (birth.value.month, birth.value.day) != (2, 29)
        or (on.month, on.day) != (2, 28)
        or calendar.isleap(on.year)
        or on.year - birth.value.year != threshold
    ):
        return None
    return R_LEAP_DAY.finding(
        _MET,
        f"born on 29 February: turns {threshold} on 1 March in a common year (atensi's "
        "convention; the law is silent)",
        f"lahir 29 Februari: berusia {threshold} pada 1 Maret di tahun biasa (konvensi atensi; "
        "hukum tidak mengatur)",
        (("threshold", threshold),),
        target=target,
    )


def _age_finding(person: Person, age: _Age, on: dt.date, target: Target) -> list[Finding]:
    child = target is _CHILDREN
    declared = R_CHILD_AGE if child else R_ELDERLY_AGE
    # The limit and the law that sets it on the date (UU 23/2002 before UU 35/2014 restated it).
    limit = (CHILD_UNDER if child else ELDERLY_FROM).on_date(on)
    citation = limit.citation
    threshold = limit.number
    if threshold is None:  # pragma: no cover - both limits are older than the first rule set
        raise AssertionError(f"{limit.name} has no value on {on}")
    youngest, oldest = age.youngest, age.oldest
    from_nik = bool(age.extra)
    if youngest is None or oldest is None:
        unborn = person.birth_date is not None
        en, id_ = (
            (
                "the recorded birth date is after the decision date",
                "tanggal lahir tercatat setelah tanggal keputusan",
            )
            if unborn
            else (
                "birth date unknown (none recorded, no usable NIK)",
                "tanggal lahir tidak diketahui (tidak tercatat, tidak ada NIK yang dapat dibaca)",
            )
        )
        return [declared.finding(_UNKNOWN, en, id_, age.facts, target=target, citation=citation)]
    inside = oldest < threshold if child else youngest >= threshold
    outside = youngest >= threshold if child else oldest < threshold
    if inside:
        shown = oldest if child else youngest
        en = f"aged {shown}, under {threshold}" if child else f"aged {shown}, at least {threshold}"
        id_ = (
            f"berusia {shown}, di bawah {threshold} tahun"
            if child
            else f"berusia {shown}, paling sedikit {threshold} tahun"
        )
        status = _MET
    elif outside:
        shown = youngest if child else oldest
        en = f"aged {shown}, not under {threshold}" if child else f"aged {shown}, under {threshold}"
        id_ = (
            f"berusia {shown}, tidak di bawah {threshold} tahun"
            if child
            else f"berusia {shown}, di bawah {threshold} tahun"
        )
        # An age read from the NIK is secondary evidence: it asks for review, never a hard no.
        status = _REVIEW if from_nik else _NOT_MET
        if from_nik:
            en += " (age from the NIK: needs review)"
            id_ += " (usia dari NIK: perlu ditinjau)"
    else:
        status = _UNKNOWN
        en = f"estimated age {youngest}-{oldest} straddles {threshold}"
        id_ = f"perkiraan usia {youngest}-{oldest} melintasi batas {threshold} tahun"
    found = [
        declared.finding(status, en, id_, age.facts, target=target, citation=citation),
        *age.extra,
    ]
    leap = _leap_day(person, on, threshold, target)
    if leap is not None:
        found.append(leap)
    return found


# --- The NIK and the record ------------------------------------------------------------


def _nik_digits(nik: object) -> tuple[int, int, int, Sex] | None:
    """Day, month, two-digit year and sex a NIK encodes (None for no usable NIK)."""
    if not isinstance(nik, str):
        return None
    value = nik if len(nik) == 16 else nik.translate(_SEPARATORS)
    if len(value) != 16 or not value.isdigit():
        return None
    day = int(value[6:8])
    if day > 40:
        return day - 40, int(value[8:10]), int(value[10:12]), _FEMALE
    return day, int(value[8:10]), int(value[10:12]), _MALE


def _birth_contradicts(day: int, month: int, yy: int, birth: BirthDate) -> bool:
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
    if precision is _DAY:
        return (day, month, yy) != (value.day, value.month, value.year % 100)
    return yy != value.year % 100 or (precision is DatePrecision.MONTH and month != value.month)


_CONTRADICTS = {
    ("sex",): ("sex", "jenis kelamin"),
    ("birth_date",): ("birth date", "tanggal lahir"),
    ("sex", "birth_date"): ("sex and birth date", "jenis kelamin dan tanggal lahir"),
}
_NIK_FINDINGS = {
    found: R_NIK_RECORD.finding(
        _REVIEW,
        f"the NIK contradicts the recorded {en}: the NIK or the record is wrong; needs review",
        f"NIK bertentangan dengan {id_} yang tercatat: NIK atau rekaman keliru; perlu ditinjau",
        (("contradicts", ",".join(found)),),
    )
    for found, (en, id_) in _CONTRADICTS.items()
}


def _nik_contradiction(person: Person) -> Finding | None:
    """A review finding when the NIK's encoded sex or birth date contradicts the record."""
    digits = _nik_digits(person.nik)
    if digits is None:
        return None
    day, month, yy, sex = digits
    found: tuple[str, ...] = ()
    if person.sex is not None and person.sex is not sex:
        found = ("sex",)
    birth = person.birth_date
    if birth is not None and _birth_contradicts(day, month, yy, birth):
        found = (*found, "birth_date")
    return _NIK_FINDINGS[found] if found else None
