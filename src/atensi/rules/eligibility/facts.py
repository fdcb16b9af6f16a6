"""Eligibility findings about a person: the age (from a birth date or the NIK), the NIK.

The facts themselves (the age on the date, what the NIK says, the groups in force) are computed
in :mod:`atensi.rules.eligibility.reading`, where they are declared; here they become findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from atensi.model import Assessment, Condition, Person
from atensi.model.subjects import Subject, people_of
from atensi.rules.decision import MET, NEEDS_REVIEW, NOT_MET, UNKNOWN, Facts, Finding
from atensi.rules.eligibility.declarations import (
    CHILD_UNDER,
    ELDERLY_FROM,
    R_AGE_NIK,
    R_CHILD_AGE,
    R_ELDERLY_AGE,
    R_LEAP_DAY,
    R_NIK_RECORD,
)
from atensi.rules.eligibility.reading import (
    groups_by_target,
    holds,
    leap_day_years,
    nik_contradicts,
    person_age,
    six_months_after,
)
from atensi.vocab import Target, TargetGroup

__all__ = ["groups_in_force", "six_months_after"]


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
    found = {g for groups in groups_by_target(on, *lists).values() for g in groups}
    for person in people:
        use = person.drug_use
        if use is not None and holds(use.since, use.until, on):
            found.add(use.status)
    return frozenset(found)


# --- Age ------------------------------------------------------------------------------------


class Age:
    """A person's possible ages on the date, the facts behind them, and how they were read."""

    __slots__ = ("extra", "facts", "oldest", "youngest")

    def __init__(
        self, youngest: int | None, oldest: int | None, facts: Facts, extra: tuple[Finding, ...]
    ) -> None:
        self.youngest, self.oldest, self.facts, self.extra = youngest, oldest, facts, extra


def age_of(person: Person, on: dt.date, on_iso: str) -> Age:
    age = person_age(person, on)
    birth = person.birth_date
    if birth is not None and age.span is not None:
        low, high = age.span
        facts: Facts = (
            ("birth_date", birth.value.isoformat()),
            ("precision", birth.precision.value),
            ("estimated", birth.estimated),
            ("on", on_iso),
            ("age_min", low),
            ("age_max", high),
        )
        return Age(age.youngest, age.oldest, facts, ())
    from_nik = age.birth_from_nik
    if from_nik is None:
        return Age(None, None, (("on", on_iso),), ())
    facts = (("birth_date_from_nik", from_nik.isoformat()), ("on", on_iso), ("age", age.youngest))
    note = R_AGE_NIK.finding(
        MET,
        "no birth date is recorded: the age is read from the NIK (secondary; century inferred)",
        "tanggal lahir tidak tercatat: usia dibaca dari NIK (sekunder; abad disimpulkan)",
        facts,
    )
    return Age(age.youngest, age.oldest, facts, (note,))


def _leap_day(person: Person, on: dt.date, threshold: int, target: Target) -> Finding | None:
    """The convention finding, when a 29 February birthday decides the threshold on ``on``."""
    if leap_day_years(person.birth_date, on) != threshold:
        return None
    return R_LEAP_DAY.finding(
        MET,
        f"born on 29 February: turns {threshold} on 1 March in a common year (atensi's "
        "convention; the law is silent)",
        f"lahir 29 Februari: berusia {threshold} pada 1 Maret di tahun biasa (konvensi atensi; "
        "hukum tidak mengatur)",
        (("threshold", threshold),),
        target=target,
    )


def age_findings(person: Person, age: Age, on: dt.date, target: Target) -> list[Finding]:
    child = target is Target.CHILDREN
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
        return [declared.finding(UNKNOWN, en, id_, age.facts, target=target, citation=citation)]
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
        status = MET
    elif outside:
        shown = youngest if child else oldest
        en = f"aged {shown}, not under {threshold}" if child else f"aged {shown}, under {threshold}"
        id_ = (
            f"berusia {shown}, tidak di bawah {threshold} tahun"
            if child
            else f"berusia {shown}, di bawah {threshold} tahun"
        )
        # An age read from the NIK is secondary evidence: it asks for review, never a hard no.
        status = NEEDS_REVIEW if from_nik else NOT_MET
        if from_nik:
            en += " (age from the NIK: needs review)"
            id_ += " (usia dari NIK: perlu ditinjau)"
    else:
        status = UNKNOWN
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

_CONTRADICTS = {
    ("sex",): ("sex", "jenis kelamin"),
    ("birth_date",): ("birth date", "tanggal lahir"),
    ("sex", "birth_date"): ("sex and birth date", "jenis kelamin dan tanggal lahir"),
}
_NIK_FINDINGS = {
    found: R_NIK_RECORD.finding(
        NEEDS_REVIEW,
        f"the NIK contradicts the recorded {en}: the NIK or the record is wrong; needs review",
        f"NIK bertentangan dengan {id_} yang tercatat: NIK atau rekaman keliru; perlu ditinjau",
        (("contradicts", ",".join(found)),),
    )
    for found, (en, id_) in _CONTRADICTS.items()
}


def nik_finding(person: Person) -> Finding | None:
    """A review finding when the NIK's encoded sex or birth date contradicts the record."""
    found = nik_contradicts(person)
    return _NIK_FINDINGS[found] if found else None
