"""Subjects of a case other than a single person: families, groups and communities.

The law's PPKS is "perseorangan, keluarga, kelompok, dan/atau masyarakat" (Permensos 7/2022
Pasal 1 angka 5): a case may serve a person, a family, a group or a community. In records the
four are told apart by a ``kind`` tag (``"person"``, ``"family"``, ``"group"``,
``"community"``).
"""

from __future__ import annotations

from typing import Any

import attrs

from atensi.model._fields import LIMITS, Entity, Sensitivity, field, record_id, unique_by
from atensi.model.person import Condition, Person
from atensi.vocab import cite

__all__ = [
    "SUBJECT_KINDS",
    "Community",
    "Family",
    "Group",
    "Subject",
    "people_of",
    "subject_kind",
]

_SHORT = LIMITS["short_text"]
_PPKS = cite("permensos-7-2022", "Pasal 1 angka 5")


@attrs.frozen(slots=True)
class Family(Entity):
    """A family (keluarga) served as a whole; its members are persons."""

    id: str = record_id(personal=True)
    family_card_number: str | None = field(
        en="Family card number (No. KK)",
        id="Nomor Kartu Keluarga",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        max_length=20,
        citation=cite("uu-24-2013", "Pasal 58 ayat (2)"),
    )
    members: tuple[Person, ...] = field(
        en="Members of the family",
        id="Anggota keluarga",
        sensitivity=Sensitivity.GENERAL,
        factory=tuple,
        max_items=50,
        validator=unique_by(lambda p: p.id, "member id", "pengenal anggota"),
    )
    welfare_decile: int | None = field(
        en="DTSEN welfare decile (1 poorest to 10)",
        id="Desil kesejahteraan DTSEN (1-10)",
        sensitivity=Sensitivity.FINANCIAL,
        default=None,
        minimum=1,
        maximum=10,
        citation=cite("inpres-4-2025", None, source="news-dtsen-2025"),
    )
    conditions: tuple[Condition, ...] = field(
        en="Conditions of the family as a whole",
        id="Kondisi keluarga secara keseluruhan",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=100,
    )


@attrs.frozen(slots=True)
class Group(Entity):
    """A group (kelompok) of persons served together, e.g. a self-help group."""

    id: str = record_id(personal=True)
    name: str = field(en="Name of the group", id="Nama kelompok", min_length=1, max_length=_SHORT)
    members: tuple[Person, ...] = field(
        en="Members of the group",
        id="Anggota kelompok",
        sensitivity=Sensitivity.GENERAL,
        factory=tuple,
        max_items=LIMITS["items"],
        validator=unique_by(lambda p: p.id, "member id", "pengenal anggota"),
    )
    conditions: tuple[Condition, ...] = field(
        en="Conditions of the group",
        id="Kondisi kelompok",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=100,
    )


@attrs.frozen(slots=True)
class Community(Entity):
    """A community (masyarakat) served as a whole, located by a region code."""

    id: str = record_id(personal=False)
    name: str = field(
        en="Name of the community", id="Nama komunitas", min_length=1, max_length=_SHORT
    )
    region: str | None = field(
        en="Kemendagri region code (2, 4 or 6 digits)",
        id="Kode wilayah Kemendagri (2, 4 atau 6 angka)",
        default=None,
        max_length=13,
        region=True,
    )
    conditions: tuple[Condition, ...] = field(
        en="Conditions of the community",
        id="Kondisi komunitas",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=100,
    )


#: A case subject: one of the four kinds of PPKS.
Subject = Person | Family | Group | Community

#: The tag of each subject class, as written in records.
SUBJECT_KINDS: dict[str, type[Any]] = {
    "person": Person,
    "family": Family,
    "group": Group,
    "community": Community,
}


def subject_kind(subject: Subject) -> str:
    """Return the record tag of a subject (``"person"`` for a :class:`Person`).

    >>> subject_kind(Community(id="K", name="Kampung"))
    'community'
    """
    found = _TAGS.get(type(subject))
    if found is not None:
        return found
    for kind, cls in SUBJECT_KINDS.items():  # a subclass
        if isinstance(subject, cls):
            return kind
    raise TypeError(f"not a subject: a {type(subject).__name__}")


_TAGS = {cls: kind for kind, cls in SUBJECT_KINDS.items()}


def people_of(subject: Subject) -> tuple[Person, ...]:
    """The persons a subject is: itself, a family's or group's members, none for a community."""
    if isinstance(subject, Person):
        return (subject,)
    if isinstance(subject, Family | Group):
        return subject.members
    return ()
