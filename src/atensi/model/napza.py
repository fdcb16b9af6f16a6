"""NAPZA records: the compulsory report, the IPWL's assessment, the rehabilitation plan, episodes.

The law of narcotics addicts is a sequence of duties (UU 35/2009 Pasal 54-58; PP 25/2011):

1. **compulsory reporting** (*wajib lapor*, :class:`CompulsoryReport`): an addict of age reports
   himself or is reported by his family, the parent or guardian reports an addict who is not of
   age (PP 25/2011 Pasal 3), to an institution designated to receive the report (*Institusi
   Penerima Wajib Lapor*, IPWL: a puskesmas, hospital or medical rehabilitation institution
   designated by the health minister, a social rehabilitation institution by the social
   minister; Pasal 4); a report made elsewhere is passed on to one (Pasal 6 ayat (2)). Who is
   *of age* is the PP's own definition: "belum cukup umur" is under 18 "dan/atau" not married
   (Pasal 1 angka 9), so the report records whether the person was married;
2. **the IPWL's assessment** (:class:`IpwlAssessment`), of the medical and the social aspects
   (Pasal 7), after which the IPWL head gives a **self-report card** valid for two periods of
   care (Pasal 10);
3. **the rehabilitation plan** (:class:`RehabilitationPlan`), based on the assessment, agreed by
   the addict (or a parent, guardian or the family) and the IPWL head (Pasal 9 ayat (4)),
   *starting with medical rehabilitation* (penjelasan ayat (2)) in a hospital the health minister
   designated or an institution he approved (UU 35/2009 Pasal 56), with a referral where the
   IPWL cannot give a part (PP 25/2011 Pasal 11 ayat (2)); medical care outpatient or inpatient,
   social care inside or outside an institution (Pasal 17);
4. **episodes of care** (:class:`Episode`): a relapse after aftercare opens a new case linked to
   the earlier one; the same card serves a second period of care.

Health data, all of it (UU 27/2022 Pasal 4 ayat (2) huruf a), never shown in a repr. The rules
are :mod:`atensi.rules.napza`.

>>> import datetime as dt
>>> from atensi.model import CompulsoryReport, PlanPart, RehabilitationPlan
>>> from atensi.vocab import AgencyKind, ConsentGiver
>>> report = CompulsoryReport(reported_on=dt.date(2024, 2, 1), reported_by=ConsentGiver.SUBJECT)
>>> plan = RehabilitationPlan(drawn_up_on=dt.date(2024, 2, 5),
...     medical=PlanPart(provider_kind=AgencyKind.HOSPITAL, starts_on=dt.date(2024, 2, 6)),
...     social=PlanPart(provider_kind=AgencyKind.MINISTRY_UNIT, starts_on=dt.date(2024, 3, 6)))
>>> plan.medical_first
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.model._fields import LIMITS, Entity, Sensitivity, field, order
from atensi.vocab import AgencyKind, ConsentGiver, IpwlDesignation, cite

__all__ = ["CompulsoryReport", "Episode", "IpwlAssessment", "PlanPart", "RehabilitationPlan"]

_SHORT = LIMITS["short_text"]
_HEALTH = Sensitivity.HEALTH


@attrs.frozen(slots=True)
class IpwlAssessment(Entity):
    """The IPWL's assessment of a reported addict: its medical and its social part."""

    assessed_on: dt.date = field(en="Date of the assessment", id="Tanggal asesmen")
    medical: bool | None = field(
        en="The medical aspect was assessed",
        id="Aspek medis diasesmen",
        sensitivity=_HEALTH,
        default=None,
        citation=cite("pp-25-2011", "Pasal 7 ayat (2)"),
    )
    social: bool | None = field(
        en="The social aspect was assessed",
        id="Aspek sosial diasesmen",
        sensitivity=_HEALTH,
        default=None,
        citation=cite("pp-25-2011", "Pasal 7 ayat (2)"),
    )
    dependence: bool | None = field(
        en="Found dependent on narcotics (an addict, not only an abuser)",
        id="Dinyatakan dalam keadaan ketergantungan (pecandu, bukan hanya penyalah guna)",
        sensitivity=_HEALTH,
        default=None,
        citation=cite("pp-25-2011", "Pasal 1 angka 3, 5"),
    )


@attrs.frozen(slots=True)
class CompulsoryReport(Entity):
    """A compulsory report (wajib lapor) of a narcotics addict, and what the IPWL did with it."""

    reported_on: dt.date = field(en="Date of the report", id="Tanggal lapor")
    reported_by: ConsentGiver = field(
        en="Who reported: the person, a parent, a guardian, the family",
        id="Pelapor: yang bersangkutan, orang tua, wali, keluarga",
        citation=cite("pp-25-2011", "Pasal 3"),
    )
    subject_married: bool | None = field(
        en="The person was married when reported (PP 25/2011's test of who is of age)",
        id="Yang bersangkutan sudah menikah saat dilaporkan (ukuran cukup umur PP 25/2011)",
        sensitivity=Sensitivity.GENERAL,
        default=None,
        citation=cite("pp-25-2011", "Pasal 1 angka 9"),
    )
    received_by: AgencyKind | None = field(
        en="Who received it (an IPWL; the police or BNN pass it on)",
        id="Penerima laporan (IPWL; kepolisian atau BNN meneruskannya)",
        default=None,
        citation=cite("pp-25-2011", "Pasal 6 ayat (2)"),
    )
    ipwl: str | None = field(
        en="Name or code of the IPWL",
        id="Nama atau kode IPWL",
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    ipwl_designated: bool | None = field(
        en="The institution that received it is a designated IPWL",
        id="Institusi penerima adalah IPWL yang ditetapkan",
        default=None,
        citation=cite("pp-25-2011", "Pasal 4"),
    )
    designated_by: IpwlDesignation | None = field(
        en="Which minister designated the IPWL",
        id="Menteri yang menetapkan IPWL",
        default=None,
        citation=cite("pp-25-2011", "Pasal 4 ayat (2)-(3)"),
    )
    forwarded_on: dt.date | None = field(
        en="Date a report made elsewhere was passed on to an IPWL",
        id="Tanggal laporan yang diterima di luar IPWL diteruskan kepada IPWL",
        default=None,
        citation=cite("pp-25-2011", "Pasal 6 ayat (2)"),
    )
    assessment: IpwlAssessment | None = field(
        en="The IPWL's assessment", id="Asesmen oleh IPWL", default=None
    )
    card_issued_on: dt.date | None = field(
        en="Date the self-report card was given",
        id="Tanggal kartu lapor diri diberikan",
        sensitivity=_HEALTH,
        default=None,
        citation=cite("pp-25-2011", "Pasal 10"),
    )
    card_number: str | None = field(
        en="Number of the self-report card",
        id="Nomor kartu lapor diri",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        min_length=1,
        max_length=_SHORT,
    )

    _invariants: ClassVar[Any] = (
        order("reported_on", "forwarded_on"),
        order("reported_on", "card_issued_on"),
    )


@attrs.frozen(slots=True)
class PlanPart(Entity):
    """One part of a rehabilitation plan: the medical or the social rehabilitation."""

    provider_kind: AgencyKind | None = field(
        en="Who gives it (a hospital, puskesmas; a Sentra, LKS ...)",
        id="Pemberi layanan (rumah sakit, puskesmas; Sentra, LKS ...)",
        default=None,
        citation=cite("uu-35-2009", "Pasal 56"),
    )
    provider: str | None = field(
        en="Name of the provider", id="Nama pemberi layanan", default=None, max_length=_SHORT
    )
    residential: bool | None = field(
        en="Inpatient, or inside an institution (otherwise outpatient, or outside one)",
        id="Rawat inap atau di dalam lembaga (selain itu rawat jalan atau di luar lembaga)",
        sensitivity=_HEALTH,
        default=None,
        citation=cite("pp-25-2011", "Pasal 17"),
    )
    referred_on: dt.date | None = field(
        en="Date it was referred to another institution (the unit cannot give it)",
        id="Tanggal dirujuk ke institusi lain (unit tidak mampu memberikannya)",
        default=None,
        citation=cite("pp-25-2011", "Pasal 11 ayat (2)"),
    )
    starts_on: dt.date | None = field(
        en="First day", id="Hari pertama", sensitivity=_HEALTH, default=None
    )
    ends_on: dt.date | None = field(
        en="The first day it no longer runs (exclusive), once known",
        id="Hari pertama tidak berjalan lagi, bila sudah diketahui",
        sensitivity=_HEALTH,
        default=None,
    )

    _invariants: ClassVar[Any] = (order("starts_on", "ends_on"),)


@attrs.frozen(slots=True)
class RehabilitationPlan(Entity):
    """A drug user's rehabilitation plan: its medical and social parts, and who agreed to it."""

    drawn_up_on: dt.date = field(en="Date the plan was drawn up", id="Tanggal rencana disusun")
    months: int | None = field(
        en="The period of care it plans, in months",
        id="Lama perawatan yang direncanakan, dalam bulan",
        sensitivity=_HEALTH,
        default=None,
        minimum=1,
        maximum=120,
        citation=cite("pp-25-2011", "Pasal 9 ayat (2) (penjelasan)"),
    )
    medical: PlanPart | None = field(
        en="The medical rehabilitation part",
        id="Bagian rehabilitasi medis",
        default=None,
        citation=cite("uu-35-2009", "Pasal 54; Pasal 56"),
    )
    social: PlanPart | None = field(
        en="The social rehabilitation part",
        id="Bagian rehabilitasi sosial",
        default=None,
        citation=cite("uu-35-2009", "Pasal 54; Pasal 58"),
    )
    agreed_by: ConsentGiver | None = field(
        en="Who agreed to it for the person: the person, a parent, a guardian, the family",
        id="Yang menyepakati: yang bersangkutan, orang tua, wali, keluarga",
        default=None,
        citation=cite("pp-25-2011", "Pasal 9 ayat (4)"),
    )
    agreed_by_ipwl_head: bool | None = field(
        en="The head of the IPWL agreed to it",
        id="Disepakati pimpinan IPWL",
        default=None,
        citation=cite("pp-25-2011", "Pasal 9 ayat (4)"),
    )

    @property
    def medical_first(self) -> bool | None:
        """Whether the plan starts with medical rehabilitation (``None`` when it cannot tell).

        True when the medical part starts no later than the social part; False when the social
        part starts first, or the plan has a social part and no medical part.
        """
        medical, social = self.medical, self.social
        if medical is None:
            return None if social is None else False
        if social is None:
            return True
        if medical.starts_on is None or social.starts_on is None:
            return None
        return medical.starts_on <= social.starts_on

    @property
    def starts_on(self) -> dt.date:
        """The first day of care: the earliest part's start, or the day it was drawn up."""
        starts = [p.starts_on for p in (self.medical, self.social) if p and p.starts_on]
        return min(starts) if starts else self.drawn_up_on


@attrs.frozen(slots=True)
class Episode(Entity):
    """This case as one episode of a person's care: its place in the chain, and the card's period.

    A relapse after aftercare does not reopen a closed case: it opens a new one linked to the
    earlier (``previous_case``). The self-report card of PP 25/2011 Pasal 10 serves two periods of
    care; ``card_period`` says which period under the current card this episode is (a new report
    and assessment give a new card and start again at 1).
    """

    number: int = field(
        en="Which episode of the person's care this is (1 for the first)",
        id="Episode perawatan ke berapa (1 untuk yang pertama)",
        minimum=1,
        maximum=1000,
    )
    previous_case: str | None = field(
        en="The id of the case of the episode before",
        id="Pengenal kasus episode sebelumnya",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    relapse_on: dt.date | None = field(
        en="Date of the relapse that opened it",
        id="Tanggal kambuh yang membukanya",
        sensitivity=_HEALTH,
        default=None,
    )
    card_period: int | None = field(
        en="The period of care under the current self-report card (1 or 2; more needs a new "
        "report)",
        id="Masa perawatan ke berapa dengan kartu lapor diri yang sama (1 atau 2)",
        sensitivity=_HEALTH,
        default=None,
        minimum=1,
        maximum=1000,
        citation=cite("pp-25-2011", "Pasal 10 ayat (2)"),
    )
