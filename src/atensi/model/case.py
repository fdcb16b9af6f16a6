"""Assessments, service deliveries, referrals and cases.

A case follows the stages of PP 39/2012 Pasal 7 ayat (2) (see :class:`~atensi.vocab.CaseStage`);
its record holds the stage history with dates, the assessments, the intervention plan, the
deliveries, the practice events, referrals, the intervention mode with its legal basis, the
consent and the termination. The model checks the *shape* of a case (dates in order, deliveries
that name a component and a matching activity, an ordered mode that names its order, a referral
whose answer follows its sending); whether a move, a delivery or a referral is allowed is a rule
(``atensi.rules.lifecycle``, ``atensi.rules.referrals``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.errors import ErrorDetail
from atensi.model._fields import (
    LIMITS,
    Entity,
    Sensitivity,
    detail,
    field,
    order,
    record_id,
    unique_by,
    whole_rupiah,
)
from atensi.model.entitlements import Entitlement
from atensi.model.funding import Funding, funding_in_force
from atensi.model.justice import BapasDocument, Offence
from atensi.model.napza import CompulsoryReport, Episode, RehabilitationPlan
from atensi.model.orders import CourtOrder
from atensi.model.outcomes import CaseOutcome, FollowUp
from atensi.model.person import Condition
from atensi.model.practice import CaseEvent, Consent, Emergency, LegalBasis
from atensi.model.subjects import Subject
from atensi.vocab import (
    Activity,
    AgencyKind,
    Approach,
    CaseStage,
    CodedEnum,
    InterventionMode,
    Label,
    Practice,
    ReferralReason,
    ReferralStatus,
    Relation,
    ServiceComponent,
    TerminationReason,
    Therapy,
    cite,
)

__all__ = [
    "Assessment",
    "Assessor",
    "BapasDocument",
    "Case",
    "CaseEvent",
    "CaseOutcome",
    "CompulsoryReport",
    "Consent",
    "CourtOrder",
    "Emergency",
    "Entitlement",
    "Episode",
    "FollowUp",
    "Funding",
    "InKindItem",
    "InterventionPlan",
    "LegalBasis",
    "Offence",
    "Referral",
    "ReferralDirection",
    "RehabilitationPlan",
    "ServiceDelivery",
    "StageEntry",
    "Termination",
]

_SHORT = LIMITS["short_text"]
_LONG = LIMITS["long_text"]
_ITEMS = LIMITS["items"]


@attrs.frozen(slots=True)
class Assessor(Entity):
    """Who carried out an assessment."""

    name: str | None = field(
        en="Name of the assessor",
        id="Nama asesor",
        sensitivity=Sensitivity.GENERAL,
        default=None,
        max_length=_SHORT,
    )
    certified_social_worker: bool = field(
        en="Holds a social worker competency certificate",
        id="Pekerja sosial bersertifikat kompetensi",
        default=False,
        citation=cite("permensos-15-2025", "Pasal 1 angka 5"),
    )
    role: str | None = field(
        en="Role (e.g. TKS, volunteer, penyuluh sosial)",
        id="Peran (mis. TKS, relawan, penyuluh sosial)",
        default=None,
        max_length=_SHORT,
    )


@attrs.frozen(slots=True)
class Assessment(Entity):
    """An assessment (asesmen): the mandatory entry point before any intervention or aid."""

    id: str = record_id(personal=True)
    assessed_on: dt.date = field(
        en="Date of the assessment",
        id="Tanggal asesmen",
        citation=cite("pp-39-2012", "Pasal 7 ayat (2) huruf b"),
    )
    assessor: Assessor = field(en="Who assessed", id="Asesor", factory=Assessor)
    conditions: tuple[Condition, ...] = field(
        en="Target-group conditions found",
        id="Kondisi kelompok sasaran yang ditemukan",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=100,
        validator=unique_by(lambda c: c.group, "condition", "kondisi"),
    )
    needs: tuple[ServiceComponent, ...] = field(
        en="Service components needed",
        id="Komponen layanan yang dibutuhkan",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=7,
        validator=unique_by(lambda c: c, "need", "kebutuhan"),
    )
    risks: tuple[str, ...] = field(
        en="Risks noted (free text)",
        id="Risiko yang dicatat",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=50,
    )
    welfare_decile: int | None = field(
        en="DTSEN welfare decile, if known",
        id="Desil kesejahteraan DTSEN, bila diketahui",
        sensitivity=Sensitivity.FINANCIAL,
        default=None,
        minimum=1,
        maximum=10,
        citation=cite("inpres-4-2025", None, source="news-dtsen-2025"),
    )
    in_dtks: bool | None = field(
        en="Listed in DTKS (2021-2024 data gate)",
        id="Terdaftar di DTKS",
        sensitivity=Sensitivity.FINANCIAL,
        default=None,
        citation=cite("permensos-3-2021", None),
    )
    notes: str | None = field(
        en="Assessment notes",
        id="Catatan asesmen",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        max_length=_LONG,
    )


@attrs.frozen(slots=True)
class InKindItem(Entity):
    """An item given in kind (assistive device, food package, business kit ...)."""

    name: str = field(
        en="What was given", id="Barang yang diberikan", min_length=1, max_length=_SHORT
    )
    quantity: int = field(en="How many", id="Jumlah", default=1, minimum=1, maximum=10**6)
    value_idr: int | None = field(
        en="Value in whole rupiah",
        id="Nilai dalam rupiah",
        sensitivity=Sensitivity.FINANCIAL,
        default=None,
        minimum=0,
        maximum=LIMITS["amount_idr"],
        validator=whole_rupiah,
    )


@attrs.frozen(slots=True)
class ServiceDelivery(Entity):
    """One delivery of an ATENSI component to a subject."""

    id: str = record_id(personal=True)
    component: ServiceComponent = field(en="The component delivered", id="Komponen layanan")
    activity: Activity | None = field(
        en="The legal activity, if recorded",
        id="Kegiatan menurut definisi hukum",
        default=None,
        citation=cite("permensos-7-2022", "Pasal 1 angka 2"),
    )
    therapy: Therapy | None = field(
        en="The therapy, for the therapy component", id="Jenis terapi", default=None
    )
    approach: Approach = field(en="The approach used", id="Pendekatan")
    provider: str = field(
        en="Code of the unit or LKS that delivered",
        id="Kode unit atau LKS pemberi layanan",
        min_length=1,
        max_length=_SHORT,
    )
    start: dt.date = field(en="First day of the delivery", id="Tanggal mulai")
    end: dt.date | None = field(en="Last day, if finished", id="Tanggal selesai", default=None)
    amount_idr: int | None = field(
        en="Cash amount in whole rupiah",
        id="Jumlah uang dalam rupiah",
        sensitivity=Sensitivity.FINANCIAL,
        default=None,
        minimum=0,
        maximum=LIMITS["amount_idr"],
        validator=whole_rupiah,
    )
    in_kind: tuple[InKindItem, ...] = field(
        en="Items given in kind",
        id="Bantuan barang",
        sensitivity=Sensitivity.FINANCIAL,
        factory=tuple,
        max_items=100,
    )
    practice: Practice | None = field(
        en="The professional practice the delivery was (home visit, case response ...)",
        id="Praktik pekerjaan sosial",
        default=None,
    )
    unplanned: bool = field(
        en="Delivered outside the intervention plan, knowingly (flagged for review)",
        id="Diberikan di luar rencana intervensi (ditandai)",
        default=False,
    )
    provider_kind: AgencyKind | None = field(
        en="The kind of agency that delivered (UPT/Sentra, UPTD, LKS ...)",
        id="Jenis lembaga pemberi layanan",
        default=None,
    )
    funding: Funding | None = field(
        en="How the aid was paid for: channel, budget year, recipient, agreement",
        id="Pendanaan bantuan: jalur, tahun anggaran, penerima, perjanjian",
        default=None,
    )
    decree: str | None = field(
        en="Id of the beneficiary decree that covers the aid",
        id="Pengenal keputusan penetapan PM yang mencakup bantuan",
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    entitlement: str | None = field(
        en="Id of the case's entitlement (periodic aid) this delivery is a payment of",
        id="Pengenal hak bantuan berkala kasus yang dibayar melalui layanan ini",
        default=None,
        min_length=1,
        max_length=_SHORT,
    )

    @staticmethod
    def _consistent(obj: ServiceDelivery) -> list[ErrorDetail]:
        found = []
        if obj.activity is not None and obj.activity.component is not obj.component:
            found.append(
                detail(
                    "activity",
                    "delivery.activity_component_mismatch",
                    f"activity '{obj.activity.value}' belongs to component "
                    f"'{obj.activity.component.value}', not '{obj.component.value}'",
                    f"kegiatan '{obj.activity.value}' termasuk komponen "
                    f"'{obj.activity.component.value}', bukan '{obj.component.value}'",
                    obj.activity.value,
                )
            )
        if obj.therapy is not None and obj.component is not ServiceComponent.THERAPY:
            found.append(
                detail(
                    "therapy",
                    "delivery.therapy_outside_therapy_component",
                    "a therapy is recorded only for the therapy component",
                    "jenis terapi hanya dicatat untuk komponen terapi",
                    obj.therapy.value,
                )
            )
        return found + funding_in_force(obj.funding, obj.start)

    _invariants: ClassVar[Any] = (order("start", "end"), _consistent)


@attrs.frozen(slots=True)
class StageEntry(Entity):
    """The case entered ``stage`` on ``on``."""

    stage: CaseStage = field(en="The stage entered", id="Tahapan yang dimasuki")
    on: dt.date = field(en="Date the stage was entered", id="Tanggal memasuki tahapan")
    note: str | None = field(
        en="Note", id="Catatan", sensitivity=Sensitivity.HEALTH, default=None, max_length=_LONG
    )


@attrs.frozen(slots=True)
class InterventionPlan(Entity):
    """The intervention plan (rencana pemecahan masalah)."""

    drawn_up_on: dt.date = field(
        en="Date the plan was drawn up",
        id="Tanggal rencana disusun",
        citation=cite("pp-39-2012", "Pasal 7 ayat (2) huruf c"),
    )
    components: tuple[ServiceComponent, ...] = field(
        en="Components planned",
        id="Komponen yang direncanakan",
        factory=tuple,
        max_items=7,
        validator=unique_by(lambda c: c, "component", "komponen"),
    )
    approaches: tuple[Approach, ...] = field(
        en="Approaches planned",
        id="Pendekatan yang direncanakan",
        factory=tuple,
        max_items=3,
        validator=unique_by(lambda a: a, "approach", "pendekatan"),
    )
    goals: tuple[str, ...] = field(
        en="Goals", id="Tujuan", sensitivity=Sensitivity.HEALTH, factory=tuple, max_items=50
    )
    residential_justification: str | None = field(
        en="Why residential care is needed (recorded for children)",
        id="Alasan perlunya layanan residensial (dicatat untuk anak)",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        max_length=_LONG,
    )


class ReferralDirection(CodedEnum):
    """Whether a referral brought the case in or sent it out."""

    IN = "masuk", Label("Rujukan masuk", "Referral in")
    OUT = "keluar", Label("Rujukan keluar", "Referral out")


@attrs.frozen(slots=True)
class Referral(Entity):
    """A referral (rujukan) in or out of the serving unit.

    ``on`` is the day it was sent (or, for a referral in, received). The counterpart is named by
    kind (:class:`~atensi.vocab.AgencyKind`) and, where known, by its unit code in a registry;
    ``counterpart`` keeps a free-text name. The answer and the end are dated
    (``accepted_on`` or ``declined_on``, then ``completed_on``); :meth:`status_on` reads them as
    of a day.
    """

    on: dt.date = field(
        en="Date the referral was sent (or received, for a referral in)",
        id="Tanggal rujukan dikirim (atau diterima, untuk rujukan masuk)",
        citation=cite("pp-39-2012", "Pasal 7 ayat (1) huruf k"),
    )
    direction: ReferralDirection = field(en="In or out", id="Masuk atau keluar")
    counterpart: str | None = field(
        en="The other unit or agency, by name (free text)",
        id="Nama unit atau lembaga lain",
        default=None,
        max_length=_SHORT,
    )
    reason: str | None = field(
        en="Why, in words",
        id="Alasan",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        max_length=_LONG,
    )
    counterpart_kind: AgencyKind | None = field(
        en="The kind of the other unit or agency", id="Jenis unit atau lembaga lain", default=None
    )
    unit_code: str | None = field(
        en="The other unit's code in the unit registry, where known",
        id="Kode unit lain dalam daftar unit",
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    reason_code: ReferralReason | None = field(
        en="Why, as a code", id="Kode alasan rujukan", default=None
    )
    accepted_on: dt.date | None = field(
        en="Date the counterpart accepted", id="Tanggal diterima", default=None
    )
    declined_on: dt.date | None = field(
        en="Date the counterpart declined", id="Tanggal ditolak", default=None
    )
    completed_on: dt.date | None = field(
        en="Date the referral was completed", id="Tanggal selesai", default=None
    )
    responsible: str | None = field(
        en="Who is responsible for the referral (staff code or name)",
        id="Penanggung jawab rujukan",
        sensitivity=Sensitivity.GENERAL,
        default=None,
        max_length=_SHORT,
    )

    @staticmethod
    def _answers(obj: Referral) -> list[ErrorDetail]:
        found = []
        if obj.accepted_on is not None and obj.declined_on is not None:
            found.append(
                detail(
                    "declined_on",
                    "referral.accepted_and_declined",
                    "a referral is accepted or declined, not both",
                    "rujukan diterima atau ditolak, tidak keduanya",
                    obj.declined_on.isoformat(),
                )
            )
        if obj.completed_on is not None and obj.accepted_on is None:
            found.append(
                detail(
                    "completed_on",
                    "referral.completed_without_acceptance",
                    "only an accepted referral can be completed",
                    "hanya rujukan yang diterima yang dapat selesai",
                    obj.completed_on.isoformat(),
                )
            )
        return found

    _invariants: ClassVar[Any] = (
        order("on", "accepted_on"),
        order("on", "declined_on"),
        order("accepted_on", "completed_on"),
        _answers,
    )

    def status_on(self, day: dt.date) -> ReferralStatus | None:
        """Where the referral stands on ``day`` (``None`` before it was sent)."""
        if day < self.on:
            return None
        if self.completed_on is not None and self.completed_on <= day:
            return ReferralStatus.COMPLETED
        if self.accepted_on is not None and self.accepted_on <= day:
            return ReferralStatus.ACCEPTED
        if self.declined_on is not None and self.declined_on <= day:
            return ReferralStatus.DECLINED
        return ReferralStatus.SENT


@attrs.frozen(slots=True)
class Termination(Entity):
    """How and when a case was closed."""

    on: dt.date = field(en="Date of termination", id="Tanggal terminasi")
    reason: TerminationReason = field(en="Why the case closed", id="Alasan terminasi")
    note: str | None = field(
        en="Note", id="Catatan", sensitivity=Sensitivity.HEALTH, default=None, max_length=_LONG
    )
    outcome: CaseOutcome | None = field(
        en="What the case achieved, recorded at or after termination",
        id="Hasil kasus, dicatat pada atau setelah terminasi",
        default=None,
    )

    @staticmethod
    def _outcome_after(obj: Termination) -> list[ErrorDetail]:
        if obj.outcome is not None and obj.outcome.recorded_on < obj.on:
            return [
                detail(
                    ("outcome", "recorded_on"),
                    "termination.outcome_before_termination",
                    f"the outcome is recorded before the termination ({obj.on.isoformat()})",
                    f"hasil dicatat sebelum terminasi ({obj.on.isoformat()})",
                    obj.outcome.recorded_on.isoformat(),
                    termination=obj.on.isoformat(),
                )
            ]
        return []

    _invariants: ClassVar[Any] = (_outcome_after,)


@attrs.frozen(slots=True)
class Case(Entity):
    """A social rehabilitation case: a subject served by a unit through the stages."""

    id: str = record_id(personal=True)
    subject: Subject = field(en="Who is served", id="Subjek layanan")
    unit: str = field(
        en="Code of the serving unit", id="Kode unit pelaksana", min_length=1, max_length=_SHORT
    )
    opened_on: dt.date = field(en="Date the case was opened", id="Tanggal kasus dibuka")
    approaches: tuple[Approach, ...] = field(
        en="Approaches used (combinable)",
        id="Pendekatan yang digunakan",
        factory=tuple,
        max_items=3,
        validator=unique_by(lambda a: a, "approach", "pendekatan"),
    )
    stages: tuple[StageEntry, ...] = field(
        en="Stage history, oldest first",
        id="Riwayat tahapan, dari yang terlama",
        factory=tuple,
        max_items=_ITEMS,
    )
    assessments: tuple[Assessment, ...] = field(
        en="Assessments, oldest first",
        id="Asesmen, dari yang terlama",
        factory=tuple,
        max_items=100,
        validator=unique_by(lambda a: a.id, "assessment id", "pengenal asesmen"),
    )
    plan: InterventionPlan | None = field(
        en="The current intervention plan", id="Rencana intervensi yang berlaku", default=None
    )
    deliveries: tuple[ServiceDelivery, ...] = field(
        en="Service deliveries",
        id="Pemberian layanan",
        factory=tuple,
        max_items=_ITEMS,
        validator=unique_by(lambda d: d.id, "delivery id", "pengenal layanan"),
    )
    referrals: tuple[Referral, ...] = field(
        en="Referrals", id="Rujukan", factory=tuple, max_items=100
    )
    consent: Consent | None = field(
        en="The consent recorded for the case (one record)",
        id="Persetujuan yang dicatat untuk kasus",
        default=None,
    )
    termination: Termination | None = field(
        en="How the case closed, if it did", id="Terminasi kasus", default=None
    )
    mode: InterventionMode | None = field(
        en="How the intervention is carried out: persuasive, motivational, coercive, ordered",
        id="Cara rehabilitasi: persuasif, motivatif, koersif, atas perintah",
        default=None,
        citation=cite("pp-39-2012", "Pasal 5 ayat (1)"),
    )
    legal_basis: LegalBasis | None = field(
        en="The order or agreement behind a coercive or ordered intervention",
        id="Dasar hukum rehabilitasi koersif atau atas perintah",
        default=None,
    )
    events: tuple[CaseEvent, ...] = field(
        en="Professional practices carried out on the case (visits, conferences ...)",
        id="Praktik pekerjaan sosial pada kasus",
        factory=tuple,
        max_items=_ITEMS,
        validator=unique_by(lambda e: e.id, "event id", "pengenal kegiatan"),
    )
    sentra_kreasi: bool = field(
        en="Served through a Sentra Kreasi (SKA): its exit rules apply",
        id="Dilayani melalui Sentra Kreasi (SKA)",
        default=False,
        citation=cite("permensos-7-2022", "Pasal 1 angka 7"),
    )
    followups: tuple[FollowUp, ...] = field(
        en="Aftercare follow-ups after termination (6 and 12 months ...)",
        id="Bimbingan lanjut setelah terminasi (6 dan 12 bulan ...)",
        factory=tuple,
        max_items=20,
        validator=unique_by(lambda f: f.months_after, "follow-up point", "titik bimbingan lanjut"),
    )
    orders: tuple[CourtOrder, ...] = field(
        en="Court orders and the decisions a court confirms, oldest first (measures, Pasal 21 "
        "decisions, rehabilitation orders, their extensions)",
        id="Putusan dan penetapan pengadilan, dari yang terlama (tindakan, keputusan Pasal 21, "
        "putusan rehabilitasi, perpanjangannya)",
        factory=tuple,
        max_items=50,
        validator=unique_by(lambda o: o.id, "order id", "pengenal putusan"),
    )
    emergencies: tuple[Emergency, ...] = field(
        en="Emergency situations the case is in (disaster, a victim in danger ...)",
        id="Keadaan darurat yang dialami kasus (bencana, korban dalam bahaya ...)",
        factory=tuple,
        max_items=20,
    )
    alleged_perpetrator: Relation | None = field(
        en="Who the alleged perpetrator is to the subject, if the subject is a victim",
        id="Hubungan terduga pelaku dengan subjek, bila subjek korban",
        sensitivity=Sensitivity.CRIMINAL,
        default=None,
    )
    offence: Offence | None = field(
        en="The alleged offence of a child in conflict with the law (the facts diversion and "
        "the juvenile court's ages turn on)",
        id="Tindak pidana yang diduga dilakukan Anak yang berkonflik dengan hukum",
        sensitivity=Sensitivity.CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 7 ayat (2); Pasal 9 ayat (2); Pasal 20"),
    )
    bapas_documents: tuple[BapasDocument, ...] = field(
        en="Documents exchanged with the Bapas (litmas, evaluations, monthly progress reports), "
        "oldest first",
        id="Dokumen dengan Bapas (litmas, evaluasi, laporan perkembangan bulanan)",
        factory=tuple,
        max_items=_ITEMS,
        citation=cite("uu-11-2012", "Pasal 21 ayat (3)-(5)"),
    )
    compulsory_report: CompulsoryReport | None = field(
        en="The compulsory report (wajib lapor) of a narcotics addict, with the IPWL's "
        "assessment and self-report card",
        id="Wajib lapor pecandu narkotika, dengan asesmen IPWL dan kartu lapor diri",
        default=None,
        citation=cite("pp-25-2011", "Pasal 3-10"),
    )
    rehabilitation_plan: RehabilitationPlan | None = field(
        en="A drug user's rehabilitation plan: its medical and social parts",
        id="Rencana rehabilitasi pecandu: bagian medis dan sosial",
        default=None,
        citation=cite("pp-25-2011", "Pasal 9 ayat (2)-(4)"),
    )
    episode: Episode | None = field(
        en="This case as an episode of the person's care (the case before it, the period under "
        "the self-report card)",
        id="Kasus ini sebagai episode perawatan (kasus sebelumnya, masa perawatan dengan kartu "
        "lapor diri)",
        default=None,
    )
    entitlements: tuple[Entitlement, ...] = field(
        en="Periodic aid granted to the subject (YAPI ...), paid by the deliveries that name it",
        id="Hak bantuan berkala subjek (YAPI ...), dibayar melalui layanan yang merujuknya",
        factory=tuple,
        max_items=100,
        validator=unique_by(lambda e: e.id, "entitlement id", "pengenal hak bantuan"),
    )

    @staticmethod
    def _dates(obj: Case) -> list[ErrorDetail]:
        found = []
        previous: dt.date | None = None
        for index, entry in enumerate(obj.stages):
            if entry.on < obj.opened_on:
                found.append(
                    detail(
                        ("stages", index, "on"),
                        "case.stage_before_opening",
                        "stage entered before the case was opened",
                        "tahapan dimasuki sebelum kasus dibuka",
                        entry.on.isoformat(),
                    )
                )
            if previous is not None and entry.on < previous:
                found.append(
                    detail(
                        ("stages", index, "on"),
                        "case.stages_out_of_order",
                        "stage history must be in date order",
                        "riwayat tahapan harus urut tanggal",
                        entry.on.isoformat(),
                    )
                )
            previous = entry.on
        if obj.termination is not None and obj.termination.on < obj.opened_on:
            found.append(
                detail(
                    ("termination", "on"),
                    "case.terminated_before_opening",
                    "terminated before the case was opened",
                    "terminasi sebelum kasus dibuka",
                    obj.termination.on.isoformat(),
                )
            )
        return found

    @staticmethod
    def _ordered(obj: Case) -> list[ErrorDetail]:
        # An "ordered" intervention is by definition one that rests on an order: a record of
        # one without its order contradicts itself. A coercive intervention may be recorded
        # before its basis arrives; the lifecycle refuses the intervention until it does.
        if obj.mode is InterventionMode.ORDERED and obj.legal_basis is None and not obj.orders:
            return [
                detail(
                    "legal_basis",
                    "case.ordered_without_legal_basis",
                    "an ordered intervention names its order (legal_basis or orders)",
                    "rehabilitasi atas perintah mencantumkan dasar hukumnya (legal_basis atau "
                    "orders)",
                    None,
                )
            ]
        return []

    @staticmethod
    def _extensions(obj: Case) -> list[ErrorDetail]:
        # An extension names an order of the same case, made before it.
        found = []
        earlier: dict[str, CourtOrder] = {}
        for index, court_order in enumerate(obj.orders):
            named = court_order.extends
            if named is not None and named not in earlier:
                found.append(
                    detail(
                        ("orders", index, "extends"),
                        "case.extends_unknown_order",
                        "an extension names an earlier order of the case",
                        "perpanjangan menyebut putusan terdahulu dari kasus ini",
                        named,
                    )
                )
            elif named is not None and court_order.issued_on < earlier[named].issued_on:
                found.append(
                    detail(
                        ("orders", index, "issued_on"),
                        "case.extension_before_order",
                        "an extension is issued on or after the order it extends",
                        "perpanjangan terbit pada atau setelah putusan yang diperpanjang",
                        court_order.issued_on.isoformat(),
                        extended=earlier[named].issued_on.isoformat(),
                    )
                )
            earlier[court_order.id] = court_order
        return found

    @staticmethod
    def _documents(obj: Case) -> list[ErrorDetail]:
        # A Bapas document that names an order names one of the same case.
        ids = {court_order.id for court_order in obj.orders}
        return [
            detail(
                ("bapas_documents", index, "order"),
                "case.document_unknown_order",
                "a Bapas document names an order of the case",
                "dokumen Bapas menyebut putusan dari kasus ini",
                document.order,
            )
            for index, document in enumerate(obj.bapas_documents)
            if document.order is not None and document.order not in ids
        ]

    @staticmethod
    def _followups(obj: Case) -> list[ErrorDetail]:
        found = []
        closed = obj.termination.on if obj.termination is not None else None
        for index, followup in enumerate(obj.followups):
            if closed is None:
                found.append(
                    detail(
                        ("followups", index),
                        "case.followup_without_termination",
                        "an aftercare follow-up on a case that was not terminated",
                        "bimbingan lanjut pada kasus yang belum diterminasi",
                        None,
                    )
                )
            elif followup.on < closed:
                found.append(
                    detail(
                        ("followups", index, "on"),
                        "case.followup_before_termination",
                        f"a follow-up before the termination ({closed.isoformat()})",
                        f"bimbingan lanjut sebelum terminasi ({closed.isoformat()})",
                        followup.on.isoformat(),
                        termination=closed.isoformat(),
                    )
                )
        return found

    @staticmethod
    def _payments(obj: Case) -> list[ErrorDetail]:
        # A delivery that pays an entitlement names one of the same case.
        ids = {entitlement.id for entitlement in obj.entitlements}
        return [
            detail(
                ("deliveries", index, "entitlement"),
                "case.payment_unknown_entitlement",
                "a payment names an entitlement of the case",
                "pembayaran menyebut hak bantuan berkala dari kasus ini",
                delivery.entitlement,
            )
            for index, delivery in enumerate(obj.deliveries)
            if delivery.entitlement is not None and delivery.entitlement not in ids
        ]

    _invariants: ClassVar[Any] = (
        _dates,
        _ordered,
        _followups,
        _extensions,
        _documents,
        _payments,
    )

    @property
    def current_stage(self) -> CaseStage | None:
        """The stage the case is in (the last entry of the history), if any."""
        return self.stages[-1].stage if self.stages else None
