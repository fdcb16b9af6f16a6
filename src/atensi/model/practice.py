"""The practice records of a case: consent, the legal basis of an order, and case events.

* :class:`Consent` is the **one** consent record of a case: who agreed (the person, a parent, a
  guardian, a representative), when, whether a child's own views were heard, and when it was
  withdrawn. Whether it suffices depends on the intervention mode and on the person's age on the
  day; that is a rule (``case.consent.*``), not the record's shape.
* :class:`LegalBasis` is the order (or agreement) behind a coercive or ordered intervention: what
  kind of order, when and by whom it was issued, until when. Decision numbers are criminal-record
  data (UU 27/2022) and never shown in a repr.
* :class:`Emergency` is the situation a case is in (a disaster emergency, a trafficking victim
  in danger, a child who needs prompt handling): its own law lets help come before the
  paperwork, and the rules read the situation, not only the subject's conditions.
* :class:`Incapacity` is a district court's declaration that a person with a disability is
  not competent (UU 8/2016 Pasal 32): only then does someone else consent for an adult.
* :class:`CaseEvent` records a professional practice carried out on a case (a home visit, a case
  conference, family tracing ...), so a case-management system can record the work it is judged
  on.

>>> import datetime as dt
>>> from atensi.model import Consent
>>> from atensi.vocab import ConsentGiver
>>> consent = Consent(on=dt.date(2024, 1, 5), given_by=ConsentGiver.PARENT,
...                   child_views_recorded=True, withdrawn_on=dt.date(2024, 3, 1))
>>> consent.valid_on(dt.date(2024, 2, 1)), consent.valid_on(dt.date(2024, 3, 1))
(True, False)
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.model._fields import LIMITS, Entity, Sensitivity, field, order, record_id
from atensi.vocab import (
    AgencyKind,
    ConsentGiver,
    EmergencyKind,
    LegalBasisKind,
    Practice,
    cite,
)

__all__ = ["CaseEvent", "Consent", "Emergency", "Incapacity", "LegalBasis"]

_SHORT = LIMITS["short_text"]
_LONG = LIMITS["long_text"]


@attrs.frozen(slots=True)
class Consent(Entity):
    """The consent recorded for a case: who gave it, when, and whether it was withdrawn."""

    on: dt.date = field(en="Date consent was given and recorded", id="Tanggal persetujuan")
    given_by: ConsentGiver = field(en="Who gave consent", id="Pemberi persetujuan")
    child_views_recorded: bool | None = field(
        en="For a child: the child's own views were heard and recorded",
        id="Untuk anak: pendapat anak sendiri telah didengar dan dicatat",
        sensitivity=Sensitivity.CHILD,
        default=None,
        citation=cite("uu-23-2002", "Pasal 10"),
    )
    withdrawn_on: dt.date | None = field(
        en="Date consent was withdrawn, if it was", id="Tanggal persetujuan dicabut", default=None
    )
    note: str | None = field(
        en="Note", id="Catatan", sensitivity=Sensitivity.HEALTH, default=None, max_length=_LONG
    )
    parent_unreachable: bool | None = field(
        en="For a child: no parent or guardian could be reached, or their whereabouts are unknown",
        id="Untuk anak: orang tua atau wali tidak dapat dihubungi atau tidak diketahui "
        "keberadaannya",
        sensitivity=Sensitivity.CHILD,
        default=None,
        citation=cite("uu-35-2014", "Pasal 26 ayat (2)"),
    )
    best_interest_recorded: bool | None = field(
        en="For a child: a social worker recorded that the intervention serves the child's best "
        "interest",
        id="Untuk anak: pekerja sosial mencatat bahwa intervensi demi kepentingan terbaik anak",
        sensitivity=Sensitivity.CHILD,
        default=None,
        citation=cite("uu-35-2014", "Pasal 59 ayat (1); Pasal 59A huruf a"),
    )

    _invariants: ClassVar[Any] = (order("on", "withdrawn_on"),)

    def valid_on(self, day: dt.date) -> bool:
        """Whether the consent stands on ``day`` (from ``on``; until withdrawn, exclusive)."""
        return self.on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)


@attrs.frozen(slots=True)
class LegalBasis(Entity):
    """The order or agreement behind a coercive or ordered intervention."""

    kind: LegalBasisKind = field(en="Kind of order or agreement", id="Jenis dasar hukum")
    issued_on: dt.date = field(en="Date issued", id="Tanggal ditetapkan")
    issued_by: AgencyKind | None = field(
        en="The authority that issued it (court, prosecutor, police ...)",
        id="Pejabat atau lembaga yang menetapkan",
        default=None,
    )
    reference: str | None = field(
        en="Number of the decision or agreement",
        id="Nomor putusan, penetapan atau kesepakatan",
        sensitivity=Sensitivity.CRIMINAL,
        default=None,
        max_length=_SHORT,
    )
    until: dt.date | None = field(
        en="Last day the order runs to, as it states (exclusive)",
        id="Berlaku sampai (tidak termasuk)",
        default=None,
    )

    _invariants: ClassVar[Any] = (order("issued_on", "until"),)


@attrs.frozen(slots=True)
class Emergency(Entity):
    """An emergency situation a case is in, from ``since`` until ``until`` (exclusive)."""

    kind: EmergencyKind = field(en="The kind of emergency", id="Jenis kedaruratan")
    since: dt.date = field(en="First day of the situation", id="Hari pertama keadaan darurat")
    until: dt.date | None = field(
        en="First day it no longer held, if it ended",
        id="Hari pertama tidak lagi darurat",
        default=None,
    )
    note: str | None = field(
        en="Note", id="Catatan", sensitivity=Sensitivity.HEALTH, default=None, max_length=_LONG
    )

    _invariants: ClassVar[Any] = (order("since", "until"),)

    def holds_on(self, day: dt.date) -> bool:
        """Whether the situation holds on ``day`` (from ``since``; until ``until``, exclusive)."""
        return self.since <= day and (self.until is None or day < self.until)


@attrs.frozen(slots=True)
class Incapacity(Entity):
    """A district court's declaration that a person is not competent (UU 8/2016 Pasal 32).

    The family may appoint someone to represent the person's interests (Pasal 33 ayat (3)); the
    court may annul the declaration (Pasal 34), from ``annulled_on``.
    """

    declared_on: dt.date = field(
        en="Date of the court's declaration (penetapan)",
        id="Tanggal penetapan pengadilan negeri",
        sensitivity=Sensitivity.HEALTH,
        citation=cite("uu-8-2016", "Pasal 32"),
    )
    court: str | None = field(
        en="The district court", id="Pengadilan negeri", default=None, max_length=_SHORT
    )
    reference: str | None = field(
        en="Number of the court's declaration",
        id="Nomor penetapan",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        max_length=_SHORT,
    )
    annulled_on: dt.date | None = field(
        en="Date the declaration was annulled, if it was",
        id="Tanggal penetapan dibatalkan",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        citation=cite("uu-8-2016", "Pasal 34"),
    )

    _invariants: ClassVar[Any] = (order("declared_on", "annulled_on"),)

    def holds_on(self, day: dt.date) -> bool:
        """Whether the declaration stands on ``day``."""
        return self.declared_on <= day and (self.annulled_on is None or day < self.annulled_on)


@attrs.frozen(slots=True)
class CaseEvent(Entity):
    """A professional practice carried out on a case (home visit, case conference, tracing ...)."""

    id: str = record_id(personal=True)
    practice: Practice = field(en="The practice", id="Praktik pekerjaan sosial")
    on: dt.date = field(en="Date", id="Tanggal")
    by: str | None = field(
        en="Code of the staff member or unit who carried it out",
        id="Kode petugas atau unit pelaksana",
        default=None,
        max_length=_SHORT,
    )
    participants: int | None = field(
        en="Number of participants (meetings, conferences)",
        id="Jumlah peserta",
        default=None,
        minimum=0,
        maximum=100_000,
    )
    note: str | None = field(
        en="Note", id="Catatan", sensitivity=Sensitivity.HEALTH, default=None, max_length=_LONG
    )
