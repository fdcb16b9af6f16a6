"""Service units (balai, loka, Sentra, UPTD) and social welfare organisations (LKS).

A unit's history matters to coverage: a balai built for one cluster became multifunction
(policy of 1 May 2021, secondary evidence), balai and loka became Sentra in 2022, some merged.
The registry of units is data that integrators pass in; atensi ships only a partial example.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.errors import ErrorDetail
from atensi.model._fields import LIMITS, Entity, detail, field, unique_by
from atensi.vocab import Cluster, CodedEnum, Evidence, Label, UnitKind, cite

__all__ = [
    "Accreditation",
    "AccreditationGrade",
    "Lks",
    "LksRegistration",
    "RegistrationLevel",
    "ServiceUnit",
    "UnitEvent",
    "UnitEventKind",
    "UnitRegistry",
]

_SHORT = LIMITS["short_text"]


class UnitEventKind(CodedEnum):
    """What happened to a unit on a date."""

    RENAMED = "ganti_nama", Label("Berganti nama", "Renamed")
    KIND_CHANGED = (
        "ganti_bentuk",
        Label("Berganti bentuk (mis. balai menjadi sentra)", "Kind changed"),
    )
    MERGED_INTO = "bergabung", Label("Bergabung ke unit lain", "Merged into another unit")
    MULTIFUNCTION = (
        "multifungsi",
        Label("Mulai melayani semua klaster", "Became multifunction"),
        cite(None, None, Evidence.SECONDARY, source="kemensos-2021-05-01-atensi-multilayanan"),
    )
    WORKING_AREA_CHANGED = "ganti_wilayah", Label("Wilayah kerja berubah", "Working area changed")
    CLOSED = "ditutup", Label("Ditutup", "Closed")


@attrs.frozen(slots=True)
class UnitEvent(Entity):
    """An event in a unit's history; the fields used depend on ``kind``."""

    on: dt.date = field(en="Date of the event", id="Tanggal peristiwa")
    kind: UnitEventKind = field(en="What happened", id="Peristiwa")
    name: str | None = field(
        en="The new name (renamed)", id="Nama baru", default=None, max_length=_SHORT
    )
    unit_kind: UnitKind | None = field(
        en="The new kind (kind changed)", id="Bentuk baru", default=None
    )
    merged_into: str | None = field(
        en="Code of the absorbing unit (merged)",
        id="Kode unit penerima (bergabung)",
        default=None,
        max_length=_SHORT,
    )
    working_area: tuple[str, ...] | None = field(
        en="The new working area (region codes)",
        id="Wilayah kerja baru",
        default=None,
        max_items=LIMITS["items"],
        region=True,
    )
    source: str | None = field(
        en="Where the event is documented", id="Sumber", default=None, max_length=_SHORT
    )

    _REQUIRES: ClassVar[dict[UnitEventKind, str]] = {
        UnitEventKind.RENAMED: "name",
        UnitEventKind.KIND_CHANGED: "unit_kind",
        UnitEventKind.MERGED_INTO: "merged_into",
        UnitEventKind.WORKING_AREA_CHANGED: "working_area",
    }

    @staticmethod
    def _payload(obj: UnitEvent) -> list[ErrorDetail]:
        needed = UnitEvent._REQUIRES.get(obj.kind)
        if needed is not None and getattr(obj, needed) is None:
            return [
                detail(
                    needed,
                    "unit_event.missing_payload",
                    f"a '{obj.kind.value}' event needs '{needed}'",
                    f"peristiwa '{obj.kind.value}' memerlukan '{needed}'",
                )
            ]
        return []

    _invariants: ClassVar[Any] = (_payload,)


@attrs.frozen(slots=True)
class ServiceUnit(Entity):
    """A unit that delivers ATENSI, with its history.

    ``kind``, ``name`` and ``working_area`` are the unit's state when it was established
    (``established_on``); later changes are ``history`` events in date order.
    """

    code: str = field(en="Stable code of the unit", id="Kode unit", min_length=1, max_length=_SHORT)
    name: str = field(
        en="Name at establishment", id="Nama saat dibentuk", min_length=1, max_length=_SHORT
    )
    kind: UnitKind = field(en="Kind at establishment", id="Bentuk saat dibentuk")
    location: str | None = field(
        en="Kemendagri code of the seat (2, 4 or 6 digits)",
        id="Kode wilayah Kemendagri kedudukan (2, 4 atau 6 angka)",
        default=None,
        max_length=13,
        region=True,
    )
    home_clusters: tuple[Cluster, ...] = field(
        en="The cluster(s) the unit was built for",
        id="Klaster asal unit",
        factory=tuple,
        max_items=5,
        validator=unique_by(lambda c: c, "cluster", "klaster"),
    )
    working_area: tuple[str, ...] = field(
        en="Regency/city or province codes served",
        id="Kode kabupaten/kota atau provinsi",
        factory=tuple,
        max_items=LIMITS["items"],
        validator=unique_by(lambda c: c, "region code", "kode wilayah"),
        region=True,
    )
    established_on: dt.date | None = field(
        en="When the record starts", id="Tanggal mulai", default=None
    )
    residential_places: int | None = field(
        en="Residential places (beds), where known",
        id="Daya tampung residensial (tempat tidur), bila diketahui",
        default=None,
        minimum=0,
        maximum=100_000,
        citation=cite(None, None, Evidence.SECONDARY, source="antaranews-makassar-pangurangi"),
    )
    history: tuple[UnitEvent, ...] = field(
        en="Events, oldest first", id="Riwayat", factory=tuple, max_items=100
    )
    evidence: Evidence | None = field(
        en="How well the record is established (not graded when absent)",
        id="Tingkat bukti (tidak dinilai bila kosong)",
        default=None,
    )
    source: str | None = field(
        en="Where the record comes from", id="Sumber", default=None, max_length=LIMITS["long_text"]
    )

    @staticmethod
    def _ordered(obj: ServiceUnit) -> list[ErrorDetail]:
        found = []
        seen: dict[tuple[dt.date, UnitEventKind], int] = {}
        for index, event in enumerate(obj.history):
            key = (event.on, event.kind)
            if key in seen:
                found.append(
                    detail(
                        ("history", index),
                        "unit.duplicate_event",
                        f"a second '{event.kind.value}' event on the same day",
                        f"peristiwa '{event.kind.value}' kedua pada hari yang sama",
                        event.on.isoformat(),
                        first_index=seen[key],
                    )
                )
            seen[key] = index
            if event.kind is UnitEventKind.MERGED_INTO and event.merged_into == obj.code:
                found.append(
                    detail(
                        ("history", index, "merged_into"),
                        "unit.merged_into_itself",
                        "a unit cannot merge into itself",
                        "unit tidak dapat bergabung ke dirinya sendiri",
                        event.merged_into,
                    )
                )
        for index in range(1, len(obj.history)):
            if obj.history[index].on < obj.history[index - 1].on:
                found.append(
                    detail(
                        ("history", index, "on"),
                        "unit.history_out_of_order",
                        "history events must be in date order",
                        "riwayat harus urut tanggal",
                        obj.history[index].on.isoformat(),
                    )
                )
        if obj.established_on is not None:
            for index, event in enumerate(obj.history):
                if event.on < obj.established_on:
                    found.append(
                        detail(
                            ("history", index, "on"),
                            "unit.event_before_establishment",
                            "event before the unit was established",
                            "peristiwa sebelum unit dibentuk",
                            event.on.isoformat(),
                        )
                    )
        return found

    _invariants: ClassVar[Any] = (_ordered,)


class RegistrationLevel(CodedEnum):
    """Where an LKS is registered, by the reach of its working area (PP 39/2012 Pasal 57)."""

    NATIONAL = "nasional", Label("Kementerian (lintas provinsi)", "Ministry (several provinces)")
    PROVINCIAL = "provinsi", Label("Provinsi (lintas kabupaten/kota)", "Province")
    DISTRICT = "kabupaten_kota", Label("Kabupaten/kota", "Regency or city")


class AccreditationGrade(CodedEnum):
    """LKS accreditation grades (Permensos 17/2012, secondary): A 5 years, B 3, C 2."""

    A = (
        "a",
        Label("Akreditasi A", "Grade A"),
        cite(None, None, Evidence.SECONDARY, source="beritasatu-2020-akreditasi-lks"),
    )
    B = (
        "b",
        Label("Akreditasi B", "Grade B"),
        cite(None, None, Evidence.SECONDARY, source="beritasatu-2020-akreditasi-lks"),
    )
    C = (
        "c",
        Label("Akreditasi C", "Grade C"),
        cite(None, None, Evidence.SECONDARY, source="beritasatu-2020-akreditasi-lks"),
    )

    @property
    def valid_years(self) -> int:
        """How many years the grade is valid (secondary evidence)."""
        return {"a": 5, "b": 3, "c": 2}[self.value]


@attrs.frozen(slots=True)
class LksRegistration(Entity):
    """An LKS's registration certificate (tanda pendaftaran, PP 39/2012 Pasal 57-58)."""

    number: str = field(
        en="Registration number", id="Nomor tanda pendaftaran", min_length=1, max_length=_SHORT
    )
    level: RegistrationLevel = field(en="Registering authority level", id="Tingkat pendaftaran")
    registered_on: dt.date = field(en="Date of registration", id="Tanggal pendaftaran")


@attrs.frozen(slots=True)
class Accreditation(Entity):
    """An accreditation grade awarded on a date."""

    grade: AccreditationGrade = field(en="Grade", id="Peringkat")
    awarded_on: dt.date = field(en="Date awarded", id="Tanggal penetapan")

    def valid_on(self, on: dt.date) -> bool:
        """Whether the grade is still valid on ``on`` (years counted from the award date)."""
        try:
            until = self.awarded_on.replace(year=self.awarded_on.year + self.grade.valid_years)
        except ValueError:  # 29 February
            until = dt.date(self.awarded_on.year + self.grade.valid_years, 3, 1)
        return self.awarded_on <= on < until


@attrs.frozen(slots=True)
class Lks(Entity):
    """A social welfare organisation (Lembaga Kesejahteraan Sosial)."""

    code: str = field(en="Stable code", id="Kode", min_length=1, max_length=_SHORT)
    name: str = field(en="Name", id="Nama", min_length=1, max_length=_SHORT)
    region: str | None = field(
        en="Kemendagri code of the seat (2, 4 or 6 digits)",
        id="Kode wilayah Kemendagri kedudukan (2, 4 atau 6 angka)",
        default=None,
        max_length=13,
        region=True,
    )
    registration: LksRegistration | None = field(
        en="Registration, if registered",
        id="Pendaftaran",
        default=None,
        citation=cite("pp-39-2012", "Pasal 57"),
    )
    accreditation: Accreditation | None = field(
        en="Latest accreditation", id="Akreditasi", default=None
    )
    clusters: tuple[Cluster, ...] = field(
        en="Clusters served",
        id="Klaster yang dilayani",
        factory=tuple,
        max_items=5,
        validator=unique_by(lambda c: c, "cluster", "klaster"),
    )
    ipwl: bool = field(
        en="Designated IPWL (receives compulsory drug-use reports)",
        id="Ditetapkan sebagai IPWL",
        default=False,
        citation=cite("uu-35-2009", "Pasal 55"),
    )


@attrs.frozen(slots=True)
class UnitRegistry(Entity):
    """A registry of service units: the data coverage rules read.

    atensi ships only a partial example (``atensi.units.example_registry``); integrators pass
    their own. Every merger must name a unit of the same registry.
    """

    units: tuple[ServiceUnit, ...] = field(
        en="The units",
        id="Daftar unit",
        factory=tuple,
        max_items=LIMITS["items"],
        validator=unique_by(lambda u: u.code, "unit code", "kode unit"),
    )
    source: str | None = field(
        en="Where the registry comes from",
        id="Sumber daftar",
        default=None,
        max_length=LIMITS["long_text"],
    )
    evidence: Evidence | None = field(
        en="How well the registry is established (not graded when absent)",
        id="Tingkat bukti daftar (tidak dinilai bila kosong)",
        default=None,
    )
    complete: bool = field(
        en="Whether the registry claims to list every unit",
        id="Apakah daftar mengklaim memuat semua unit",
        default=False,
    )

    @staticmethod
    def _mergers(obj: UnitRegistry) -> list[ErrorDetail]:
        codes = {u.code for u in obj.units}
        found = []
        for i, unit in enumerate(obj.units):
            for j, event in enumerate(unit.history):
                if event.kind is UnitEventKind.MERGED_INTO and event.merged_into not in codes:
                    found.append(
                        detail(
                            ("units", i, "history", j, "merged_into"),
                            "registry.unknown_merger_target",
                            "merged into a unit that is not in the registry",
                            "bergabung ke unit yang tidak ada dalam daftar",
                            event.merged_into,
                        )
                    )
        return found

    _invariants: ClassVar[Any] = (_mergers,)
