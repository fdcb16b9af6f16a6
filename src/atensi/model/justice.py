"""Juvenile justice records: the alleged offence and the documents exchanged with the Bapas.

A case of a child in conflict with the law is decided by facts of the *offence* that the person's
record cannot hold: the date it was (allegedly) committed, so that the age then is known (UU
11/2012 Pasal 20-21); the maximum penalty it carries and whether it is a repeat, which decide
whether diversion is open at all (Pasal 7 ayat (2): under seven years, not a repeat, an earlier
diverted offence counting as one); whether it has a victim and whether the victim (or a child
victim's family) agreed to the diversion, unless Pasal 9 ayat (2) dispenses with that (a
misdemeanour, a minor offence, no victim, a loss not above the provincial minimum wage); and the
date the case was brought to court, which keeps an offence committed before 18 in the juvenile
court until 21 (Pasal 20). :class:`Offence` holds them; every field is criminal-record data (UU
27/2022 Pasal 4 ayat (2) huruf d) and never shown in a repr.

The Bapas (Balai Pemasyarakatan) is the office whose community counsellors write the research
report (*litmas*) every decision about the child weighs, evaluate a programme for a child under
twelve, and receive that programme's monthly progress reports (UU 11/2012 Pasal 21 ayat (3)-(5);
PP 65/2015 Pasal 68, 72, 85). :class:`BapasDocument` is one such document, dated, naming the
order (:class:`~atensi.model.CourtOrder`, by ``id``) it concerns. What the documents and the
offence mean for a case is a rule (:mod:`atensi.rules.justice`).

>>> import datetime as dt
>>> from atensi.model import BapasDocument, Offence
>>> from atensi.vocab import BapasDocumentKind, VictimKind
>>> offence = Offence(committed_on=dt.date(2024, 3, 1), max_penalty_months=60,
...                   repeat_offence=False, victim=VictimKind.NONE)
>>> offence
Offence(committed_on=<redacted>, max_penalty_months=<redacted>, ...)
>>> BapasDocument(kind=BapasDocumentKind.LITMAS, on=dt.date(2024, 3, 4), order="O-1").kind.value
'litmas'
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.model._fields import LIMITS, Entity, Sensitivity, field, order, whole_rupiah
from atensi.vocab import AgencyKind, BapasDocumentKind, OffenceCategory, VictimKind, cite

__all__ = ["BapasDocument", "Offence"]

_SHORT = LIMITS["short_text"]
_CRIMINAL = Sensitivity.CRIMINAL


@attrs.frozen(slots=True)
class Offence(Entity):
    """The alleged offence of a child in conflict with the law: the facts diversion turns on."""

    committed_on: dt.date | None = field(
        en="Date of the (alleged) offence: the age then decides the regime",
        id="Tanggal tindak pidana (yang diduga): umur saat itu menentukan rezimnya",
        sensitivity=_CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 20; Pasal 21 ayat (1)"),
    )
    max_penalty_months: int | None = field(
        en="The longest imprisonment the offence is punishable by, in months (240 or more for "
        "life or death)",
        id="Ancaman pidana penjara paling lama, dalam bulan (240 atau lebih untuk seumur hidup "
        "atau mati)",
        sensitivity=_CRIMINAL,
        default=None,
        minimum=0,
        maximum=1200,
        citation=cite("uu-11-2012", "Pasal 7 ayat (2) huruf a"),
    )
    category: OffenceCategory | None = field(
        en="Crime or misdemeanour",
        id="Kejahatan atau pelanggaran",
        sensitivity=_CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 9 ayat (2) huruf a"),
    )
    repeat_offence: bool | None = field(
        en="A repeat offence (of the same or another kind)",
        id="Pengulangan tindak pidana (sejenis atau tidak sejenis)",
        sensitivity=_CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 7 ayat (2) huruf b"),
    )
    earlier_diversion: bool | None = field(
        en="An earlier offence of the person was settled by diversion (a repeat, by the "
        "elucidation)",
        id="Tindak pidana sebelumnya diselesaikan melalui Diversi (pengulangan, menurut "
        "penjelasan)",
        sensitivity=_CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 7 ayat (2) huruf b (penjelasan)"),
    )
    victim: VictimKind | None = field(
        en="Who the victim is: nobody, an adult, a child",
        id="Korban: tidak ada, orang dewasa, anak",
        sensitivity=_CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 9 ayat (2)"),
    )
    victim_consent: bool | None = field(
        en="The victim (a child victim's family) agreed to the diversion agreement",
        id="Korban (keluarga Anak Korban) menyetujui kesepakatan Diversi",
        sensitivity=_CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 9 ayat (2)"),
    )
    loss_idr: int | None = field(
        en="The victim's loss, in whole rupiah",
        id="Nilai kerugian korban, dalam rupiah",
        sensitivity=_CRIMINAL,
        default=None,
        minimum=0,
        maximum=LIMITS["amount_idr"],
        validator=whole_rupiah,
        citation=cite("uu-11-2012", "Pasal 9 ayat (2) huruf d"),
    )
    minimum_wage_idr: int | None = field(
        en="The local provincial minimum wage (UMP) the loss is compared with, in rupiah",
        id="Upah minimum provinsi setempat pembanding nilai kerugian, dalam rupiah",
        default=None,
        minimum=0,
        maximum=LIMITS["amount_idr"],
        validator=whole_rupiah,
        citation=cite("uu-11-2012", "Pasal 9 ayat (2) huruf d"),
    )
    court_on: dt.date | None = field(
        en="Date the case was brought before the court (diajukan ke sidang)",
        id="Tanggal perkara diajukan ke sidang pengadilan",
        sensitivity=_CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 20"),
    )

    _invariants: ClassVar[Any] = (order("committed_on", "court_on"),)

    @property
    def repeat(self) -> bool | None:
        """Whether the offence counts as a repeat: either fact says so; ``None`` if unknown.

        >>> Offence(repeat_offence=False, earlier_diversion=True).repeat
        True
        >>> Offence(repeat_offence=False).repeat is None
        True
        """
        facts = (self.repeat_offence, self.earlier_diversion)
        if True in facts:
            return True
        return None if None in facts else False


@attrs.frozen(slots=True)
class BapasDocument(Entity):
    """A document between the case and the Bapas: a litmas, an evaluation, a progress report."""

    kind: BapasDocumentKind = field(en="What document it is", id="Jenis dokumen")
    on: dt.date = field(
        en="Date it was made (a report: the date it was sent)",
        id="Tanggal dibuat (laporan: tanggal dikirim)",
    )
    order: str | None = field(
        en="The id of the order or decision it concerns",
        id="Pengenal putusan atau keputusan yang bersangkutan",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    by: AgencyKind | None = field(
        en="Who made it (the Bapas; the LPKS or Sentra for a progress report)",
        id="Pembuat (Bapas; LPKS atau Sentra untuk laporan perkembangan)",
        default=None,
    )
    still_needed: bool | None = field(
        en="An evaluation: the child still needs the programme (the ground for an extension)",
        id="Evaluasi: Anak masih memerlukan program (dasar perpanjangan)",
        sensitivity=Sensitivity.CHILD,
        default=None,
        citation=cite("uu-11-2012", "Pasal 21 ayat (4)"),
    )
    reference: str | None = field(
        en="Number of the document",
        id="Nomor dokumen",
        sensitivity=_CRIMINAL,
        default=None,
        max_length=_SHORT,
    )
