"""Programme portfolios: what a unit or region did over a period.

A portfolio gathers cases (with their deliveries), indirect-service activities, partnerships,
partner LKS and staff, so that the six technical policies can be evaluated over it.

Direct and indirect service stay apart: deliveries and case events are the direct service of
UPT/Sentra, UPTD and LKS (``ServiceDelivery.provider_kind``); programme activities are the
indirect service of the technical directorates (``ProgrammeActivity.organiser_kind``). A
partnership is an agreement (MoU or PKS) with its scope (clusters, target groups such as
scavenger communities, regions), its period, and the aid handed over through it
(:class:`PartnerAid`: equipment to a community through an LKS, say).
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
from atensi.model.case import Case, InKindItem
from atensi.model.decrees import BeneficiaryDecree
from atensi.model.funding import Funding, funding_in_force
from atensi.model.unit import Lks
from atensi.vocab import (
    AgencyKind,
    AgreementKind,
    Cluster,
    CodedEnum,
    IndirectService,
    Label,
    Practice,
    TargetGroup,
)

__all__ = [
    "PartnerAid",
    "PartnerKind",
    "Partnership",
    "Portfolio",
    "ProgrammeActivity",
    "StaffMember",
]

_SHORT = LIMITS["short_text"]
_MANY = 10_000_000


@attrs.frozen(slots=True)
class ProgrammeActivity(Entity):
    """An indirect-service activity (campaign, technical guidance, monitoring ...)."""

    id: str = record_id(personal=False)
    kind: IndirectService = field(en="Kind of indirect service", id="Jenis layanan tidak langsung")
    on: dt.date = field(en="Date", id="Tanggal")
    participants: int | None = field(
        en="Number of participants", id="Jumlah peserta", default=None, minimum=0, maximum=_MANY
    )
    description: str | None = field(
        en="Description", id="Uraian", default=None, max_length=LIMITS["long_text"]
    )
    practice: Practice | None = field(
        en="The practice, where it is one (social campaign, awareness raising ...)",
        id="Praktik pekerjaan sosial",
        default=None,
    )
    organiser_kind: AgencyKind | None = field(
        en="The kind of agency that ran it (indirect service: a technical directorate)",
        id="Jenis lembaga penyelenggara",
        default=None,
    )


class PartnerKind(CodedEnum):
    """The kind of a partner of a unit."""

    LKS = "lks", Label("Lembaga kesejahteraan sosial", "Social welfare organisation")
    PRIVATE = "swasta", Label("Swasta", "Private sector")
    COMMUNITY = "masyarakat", Label("Kelompok masyarakat", "Community group")
    GOVERNMENT = "pemerintah", Label("Instansi pemerintah", "Government agency")


@attrs.frozen(slots=True)
class PartnerAid(Entity):
    """Aid handed over through a partnership, e.g. equipment to a community through an LKS."""

    on: dt.date = field(en="Date handed over", id="Tanggal penyerahan")
    recipient_kind: PartnerKind = field(
        en="Who received it (an LKS, a community ...)", id="Jenis penerima"
    )
    recipient: str = field(
        en="Code or name of the recipient",
        id="Kode atau nama penerima",
        min_length=1,
        max_length=_SHORT,
    )
    via_lks: str | None = field(
        en="Code of the LKS it went through, if any",
        id="Kode LKS perantara",
        default=None,
        max_length=_SHORT,
    )
    items: tuple[InKindItem, ...] = field(
        en="Items handed over", id="Barang yang diserahkan", factory=tuple, max_items=100
    )
    amount_idr: int | None = field(
        en="Cash amount in whole rupiah",
        id="Jumlah uang dalam rupiah",
        default=None,
        minimum=0,
        maximum=LIMITS["amount_idr"],
        validator=whole_rupiah,
    )
    funding: Funding | None = field(
        en="How the aid was paid for (bantuan pemerintah, as a rule)",
        id="Pendanaan bantuan (umumnya bantuan pemerintah)",
        default=None,
    )

    @staticmethod
    def _channel(obj: PartnerAid) -> list[ErrorDetail]:
        return funding_in_force(obj.funding, obj.on)

    _invariants: ClassVar[Any] = (_channel,)


@attrs.frozen(slots=True)
class Partnership(Entity):
    """A partnership (an MoU or PKS) with an LKS, a community, a private party or another body.

    Its scope is data: the clusters and target groups it serves (a scavenger community is the
    group ``pemulung``), the regions, the unit on the programme's side; aid handed over under it
    is dated within its period.
    """

    id: str = record_id(personal=False)
    partner_kind: PartnerKind = field(en="Kind of partner", id="Jenis mitra")
    partner: str = field(
        en="Partner code or name", id="Kode atau nama mitra", min_length=1, max_length=_SHORT
    )
    start: dt.date = field(en="Start date", id="Tanggal mulai")
    end: dt.date | None = field(en="End date, if any", id="Tanggal berakhir", default=None)
    agreement: AgreementKind | None = field(
        en="The document the partnership rests on (MoU, PKS)",
        id="Dokumen kemitraan (nota kesepahaman, PKS)",
        default=None,
    )
    unit: str | None = field(
        en="Code of the programme's unit that is party to it",
        id="Kode unit yang bermitra",
        default=None,
        max_length=_SHORT,
    )
    clusters: tuple[Cluster, ...] = field(
        en="Clusters in scope",
        id="Klaster yang dicakup",
        factory=tuple,
        max_items=5,
        validator=unique_by(lambda c: c, "cluster", "klaster"),
    )
    target_groups: tuple[TargetGroup, ...] = field(
        en="Communities or groups served (e.g. pemulung: scavengers)",
        id="Kelompok sasaran yang dilayani (mis. pemulung)",
        factory=tuple,
        max_items=100,
        validator=unique_by(lambda g: g, "target group", "kelompok sasaran"),
    )
    regions: tuple[str, ...] = field(
        en="Regions in scope (Kemendagri codes)",
        id="Wilayah yang dicakup (kode Kemendagri)",
        factory=tuple,
        max_items=LIMITS["items"],
        validator=unique_by(lambda c: c, "region code", "kode wilayah"),
        region=True,
    )
    aid: tuple[PartnerAid, ...] = field(
        en="Aid handed over under the partnership",
        id="Bantuan yang diserahkan melalui kemitraan",
        factory=tuple,
        max_items=LIMITS["items"],
    )

    @staticmethod
    def _aid_within(obj: Partnership) -> list[ErrorDetail]:
        found = []
        for index, given in enumerate(obj.aid):
            if not obj.active_on(given.on):
                found.append(
                    detail(
                        ("aid", index, "on"),
                        "partnership.aid_outside_period",
                        "aid dated outside the partnership's period",
                        "bantuan bertanggal di luar masa kemitraan",
                        given.on.isoformat(),
                    )
                )
        return found

    _invariants: ClassVar[Any] = (order("start", "end"), _aid_within)

    def active_on(self, day: dt.date) -> bool:
        """Whether the partnership runs on ``day`` (start and end inclusive)."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen(slots=True)
class StaffMember(Entity):
    """A member of staff who works on cases."""

    id: str = record_id(personal=True)
    role: str = field(en="Role", id="Peran", min_length=1, max_length=_SHORT)
    certified_social_worker: bool = field(
        en="Holds a social worker competency certificate",
        id="Pekerja sosial bersertifikat",
        default=False,
    )
    name: str | None = field(
        en="Name", id="Nama", sensitivity=Sensitivity.GENERAL, default=None, max_length=_SHORT
    )


@attrs.frozen(slots=True)
class Portfolio(Entity):
    """What a unit or region did over a period (``start`` to ``end``, both inclusive)."""

    id: str = record_id(personal=False)
    owner: str = field(
        en="Code of the unit or region",
        id="Kode unit atau wilayah",
        min_length=1,
        max_length=_SHORT,
    )
    start: dt.date = field(en="First day of the period", id="Awal periode")
    end: dt.date = field(en="Last day of the period", id="Akhir periode")
    cases: tuple[Case, ...] = field(
        en="Cases",
        id="Kasus",
        factory=tuple,
        max_items=_MANY,
        validator=unique_by(lambda c: c.id, "case id", "pengenal kasus"),
    )
    activities: tuple[ProgrammeActivity, ...] = field(
        en="Indirect-service activities",
        id="Kegiatan layanan tidak langsung",
        factory=tuple,
        max_items=_MANY,
    )
    partnerships: tuple[Partnership, ...] = field(
        en="Partnerships", id="Kemitraan", factory=tuple, max_items=_MANY
    )
    partner_lks: tuple[Lks, ...] = field(
        en="Partner LKS",
        id="LKS mitra",
        factory=tuple,
        max_items=_MANY,
        validator=unique_by(lambda lks: lks.code, "LKS code", "kode LKS"),
    )
    staff: tuple[StaffMember, ...] = field(en="Staff", id="Pegawai", factory=tuple, max_items=_MANY)
    decrees: tuple[BeneficiaryDecree, ...] = field(
        en="Beneficiary decrees (keputusan penetapan PM) the aid rests on",
        id="Keputusan penetapan PM yang menjadi dasar bantuan",
        factory=tuple,
        max_items=_MANY,
        validator=unique_by(lambda d: d.id, "decree id", "pengenal keputusan"),
    )

    @staticmethod
    def _within(obj: Portfolio) -> list[ErrorDetail]:
        found = []
        for i, activity in enumerate(obj.activities):
            if not obj.start <= activity.on <= obj.end:
                found.append(
                    detail(
                        ("activities", i, "on"),
                        "portfolio.outside_period",
                        "activity date is outside the portfolio period",
                        "tanggal kegiatan di luar periode portofolio",
                        activity.on.isoformat(),
                    )
                )
        return found

    _invariants: ClassVar[Any] = (order("start", "end"), _within)
