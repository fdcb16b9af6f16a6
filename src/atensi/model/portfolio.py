"""Programme portfolios: what a unit or region did over a period.

A portfolio gathers cases (with their deliveries), indirect-service activities, partnerships,
partner LKS and staff, so that the six technical policies can be evaluated over it.
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
)
from atensi.model.case import Case
from atensi.model.unit import Lks
from atensi.vocab import CodedEnum, IndirectService, Label

__all__ = [
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


class PartnerKind(CodedEnum):
    """The kind of a partner of a unit."""

    LKS = "lks", Label("Lembaga kesejahteraan sosial", "Social welfare organisation")
    PRIVATE = "swasta", Label("Swasta", "Private sector")
    COMMUNITY = "masyarakat", Label("Kelompok masyarakat", "Community group")
    GOVERNMENT = "pemerintah", Label("Instansi pemerintah", "Government agency")


@attrs.frozen(slots=True)
class Partnership(Entity):
    """A partnership (e.g. an MoU) with an LKS, a private party or another body."""

    id: str = record_id(personal=False)
    partner_kind: PartnerKind = field(en="Kind of partner", id="Jenis mitra")
    partner: str = field(
        en="Partner code or name", id="Kode atau nama mitra", min_length=1, max_length=_SHORT
    )
    start: dt.date = field(en="Start date", id="Tanggal mulai")
    end: dt.date | None = field(en="End date, if any", id="Tanggal berakhir", default=None)

    _invariants: ClassVar[Any] = (order("start", "end"),)


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
