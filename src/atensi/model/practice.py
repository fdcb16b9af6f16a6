"""The practice records of a case: consent, the legal basis of an order, and case events.

* :class:`Consent` is the **one** consent record of a case: who agreed (the person, a parent, a
  guardian, a representative), when, whether a child's own views were heard, and when it was
  withdrawn. Whether it suffices depends on the intervention mode and on the person's age on the
  day; that is a rule (``case.consent.*``), not the record's shape.
* :class:`LegalBasis` is the order (or agreement) behind a coercive or ordered intervention: what
  kind of order, when and by whom it was issued, until when. Decision numbers are criminal-record
  data (UU 27/2022) and never shown in a repr.
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
from atensi.vocab import AgencyKind, ConsentGiver, LegalBasisKind, Practice, cite

__all__ = ["CaseEvent", "Consent", "LegalBasis"]

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
