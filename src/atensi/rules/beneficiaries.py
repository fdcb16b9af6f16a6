"""Who a case's beneficiaries (penerima manfaat, PM) are, and where and in which groups.

Permensos 15/2025 Pasal 1 angka 7 (verified) defines a PM as "a person, family, group and/or
community" that receives the programme's aid. A report counts *distinct* PM, so it needs to know
when two records are the same PM, and what each PM is:

* **Identity** (:func:`identity`): a person by their NIK, else their registry id (DTKS/DTSEN),
  else their record id; a family by its family card number (No. KK), else its record id; a group
  or a community by its record id. Two records of one person with neither NIK nor registry id
  count as two PM, unless the caller asks (``match=True``) that such a person be known by their
  matching key (:mod:`atensi.rules.matching`): a report then says how many were matched. The
  identity is personal data (it may hold a NIK or a name); reports hash it
  (:mod:`atensi.reports.keys`) and never write it.
* **Kind**: counted as what they are (a family served as a family is one PM of kind
  ``family``), or, when asked (``members=True``), a family or group as each of its members
  (kind ``person``); a community has no members and stays one PM.
* **Groups** (:func:`groups_on`): the target groups recorded for the PM on a day (its
  conditions, the case's latest assessment on or before the day, a drug-use status, and, by
  atensi's convention, a disability held that day as ``penyandang_disabilitas`` when no group
  is recorded at all); a member of a family carries the family's groups as well as their own.
* **Regions** (:func:`regencies`): the regency or city (4 digits) of a person's domicile; of a
  family or group, every regency its members live in; of a community, its region.

>>> import atensi
>>> from atensi.model import Family
>>> family = atensi.structure({"id": "F-1", "family_card_number": "3171010101230001",
...     "members": [{"id": "M-1", "nik": "3171014103900001", "name": "Siti",
...                  "domicile": "317101"},
...                 {"id": "M-2", "nik": {"reason": "belum_terdaftar"}, "name": "Ani"}]}, Family)
>>> [(b.kind, b.identity[:4]) for b in beneficiaries(family)]
[('family', 'kk:3')]
>>> [(b.kind, b.identity[:7]) for b in beneficiaries(family, members=True)]
[('person', 'nik:317'), ('person', 'person:')]
>>> regencies(family)
('3171',)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from atensi.model import Assessment, Case, Community, Condition, Family, Group, Person, Subject
from atensi.model.subjects import subject_kind
from atensi.rules.eligibility.facts import groups_in_force
from atensi.rules.matching import match_key
from atensi.vocab import TargetGroup

__all__ = [
    "Beneficiary",
    "beneficiaries",
    "groups_on",
    "identity",
    "matched_identity",
    "regencies",
]


class Beneficiary(NamedTuple):
    """One PM of a case: its identity (personal data), kind, and the record that describes it.

    Attributes:
        identity: what tells this PM from another (see :func:`identity`).
        kind: ``person``, ``family``, ``group`` or ``community``.
        subject: the record: the case's subject, or one of its members.
        parent: the family or group a member belongs to (``None`` for the case's own subject).
    """

    identity: str
    kind: str
    subject: Subject
    parent: Family | Group | None = None


def identity(subject: Subject) -> str:
    """What tells one PM from another: NIK, registry id, family card number or record id."""
    if isinstance(subject, Person):
        if isinstance(subject.nik, str):
            return "nik:" + subject.nik
        if subject.registry_id:
            return "registry:" + subject.registry_id
        return "person:" + subject.id
    if isinstance(subject, Family) and subject.family_card_number:
        return "kk:" + subject.family_card_number
    return f"{subject_kind(subject)}:{subject.id}"


def matched_identity(subject: Subject) -> str:
    """:func:`identity`, or a person's matching key where they have one.

    A person with neither NIK nor registry id is known by their matching key
    (:func:`atensi.rules.matching.match_key`) when they have one.
    """
    if isinstance(subject, Person):
        key = match_key(subject)
        if key is not None:
            return "match:" + key
    return identity(subject)


def beneficiaries(
    subject: Subject, *, members: bool = False, match: bool = False
) -> tuple[Beneficiary, ...]:
    """The PM a case serves: its subject, or (``members``) each member of a family or group.

    With ``match``, a person without NIK or registry id is known by their matching key
    (:mod:`atensi.rules.matching`), so that two records of one person count once.
    """
    known = matched_identity if match else identity
    if members and isinstance(subject, Family | Group) and subject.members:
        return tuple(Beneficiary(known(m), "person", m, subject) for m in subject.members)
    return (Beneficiary(known(subject), subject_kind(subject), subject),)


def _regency(code: str | None) -> str | None:
    if not code:
        return None
    digits = code.replace(".", "")
    return digits[:4] if len(digits) >= 4 and digits[:4].isdigit() else None


def regencies(subject: Subject) -> tuple[str | None, ...]:
    """The regencies (4-digit codes) a PM lives in, sorted; ``(None,)`` when none is recorded."""
    if isinstance(subject, Person):
        codes: Iterable[str | None] = (_regency(subject.domicile),)
    elif isinstance(subject, Community):
        codes = (_regency(subject.region),)
    else:
        codes = (_regency(m.domicile) for m in subject.members)
    found = sorted({c for c in codes if c is not None})
    return tuple(found) if found else (None,)


def _holds(condition: Condition, day: dt.date) -> bool:
    return (condition.since is None or condition.since <= day) and (
        condition.until is None or day < condition.until
    )


def latest_assessment(case: Case, day: dt.date) -> Assessment | None:
    """The case's latest assessment on or before ``day``."""
    found = None
    for assessment in case.assessments:
        if assessment.assessed_on <= day and (
            found is None or assessment.assessed_on >= found.assessed_on
        ):
            found = assessment
    return found


def groups_on(case: Case, beneficiary: Beneficiary, day: dt.date) -> tuple[TargetGroup | None, ...]:
    """The target groups of a PM on ``day``, in vocabulary order; ``(None,)`` when none."""
    assessment = latest_assessment(case, day)
    found = set(groups_in_force(beneficiary.subject, assessment, day))
    if beneficiary.parent is not None:
        shared = [*beneficiary.parent.conditions, *(assessment.conditions if assessment else ())]
        found.update(c.group for c in shared if _holds(c, day))
    people = (
        [beneficiary.subject]
        if isinstance(beneficiary.subject, Person)
        else list(getattr(beneficiary.subject, "members", ()))
    )
    disabled = any(
        (d.since is None or d.since <= day) and (d.until is None or day < d.until)
        for person in people
        for d in person.disabilities
    )
    if disabled and not found:
        found.add(TargetGroup.PERSON_WITH_DISABILITY)
    if not found:
        return (None,)
    return tuple(sorted(found, key=_ORDER.__getitem__))


# Vocabulary order; iterating the enum costs a generator step per member on every call.
_ORDER = {g: i for i, g in enumerate(TargetGroup)}
