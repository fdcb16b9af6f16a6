"""The person in need of social welfare services (PPKS) and what an assessment records of them.

A NIK is optional because many PPKS have none (homeless people, abandoned children, victims of
trafficking): the record then holds :class:`atensi.nik.NoNik` with a reason, never an empty
string. A birth date may be exact or an estimate with a precision, because many PPKS do not know
theirs; the rules turn an estimate into an age *range* and answer "unknown" near a threshold.

Conditions, disabilities and drug use may carry ``since`` (the first day they held) and
``until`` (the first day they no longer held: exclusive, like every "until" in atensi). The
rules read them *as of* the decision date: a fact that starts after it, or ended on or before
it, does not exist for that decision, so a retroactive audit sees what was true on its date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.errors import ErrorDetail
from atensi.model._fields import (
    LIMITS,
    Entity,
    NikOrReason,
    Sensitivity,
    detail,
    field,
    order,
    problem,
    unique_by,
)
from atensi.nik import NIK_PATTERN, NoNik, is_written
from atensi.nik import compact as compact_nik
from atensi.nik import validate as validate_nik
from atensi.vocab import (
    CodedEnum,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    Evidence,
    Label,
    Sex,
    Target,
    TargetGroup,
    cite,
)

__all__ = ["BirthDate", "Condition", "DatePrecision", "Disability", "DrugUse", "Person"]

_SHORT = LIMITS["short_text"]
_LONG = LIMITS["long_text"]
_ITEMS = LIMITS["items"]


class DatePrecision(CodedEnum):
    """How precisely a birth date is known."""

    DAY = "hari", Label("Tanggal pasti", "Exact date")
    MONTH = "bulan", Label("Bulan dan tahun diketahui", "Month and year known")
    YEAR = "tahun", Label("Hanya tahun diketahui", "Only the year known")


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """How many days a month of the proleptic Gregorian calendar has.

    ``calendar.monthrange(year, month)[1]``, without working out the weekday it also returns:
    the age and duration rules ask for it on every record.

    >>> days_in_month(2024, 2), days_in_month(1900, 2), days_in_month(2000, 2)
    (29, 28, 29)
    """
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


@attrs.frozen(slots=True)
class BirthDate(Entity):
    """A birth date, exact or estimated.

    ``value`` is the date as recorded; with ``precision`` ``bulan`` only its year and month are
    meaningful, with ``tahun`` only its year. ``estimated`` marks a date that is itself a guess
    (e.g. from appearance or a relative's memory).

    >>> import datetime as dt
    >>> BirthDate(value=dt.date(1960, 1, 1), precision=DatePrecision.YEAR).earliest()
    datetime.date(1960, 1, 1)
    >>> BirthDate(value=dt.date(1960, 1, 1), precision=DatePrecision.YEAR).latest()
    datetime.date(1960, 12, 31)
    """

    value: dt.date = field(
        en="The birth date as recorded",
        id="Tanggal lahir yang tercatat",
        sensitivity=Sensitivity.GENERAL,
    )
    precision: DatePrecision = field(
        en="How precisely the date is known", id="Ketelitian tanggal", default=DatePrecision.DAY
    )
    estimated: bool = field(
        en="The date is an estimate", id="Tanggal merupakan perkiraan", default=False
    )

    def earliest(self) -> dt.date:
        """The earliest date the birth can have been on."""
        if self.precision is DatePrecision.YEAR:
            return dt.date(self.value.year, 1, 1)
        if self.precision is DatePrecision.MONTH:
            return dt.date(self.value.year, self.value.month, 1)
        return self.value

    def latest(self) -> dt.date:
        """The latest date the birth can have been on."""
        if self.precision is DatePrecision.YEAR:
            return dt.date(self.value.year, 12, 31)
        if self.precision is DatePrecision.MONTH:
            # The month's own length: no date after it is built, so December 9999 is total too.
            last = days_in_month(self.value.year, self.value.month)
            return dt.date(self.value.year, self.value.month, last)
        return self.value

    @property
    def is_exact(self) -> bool:
        """Whether the date is known to the day and not an estimate."""
        return self.precision is DatePrecision.DAY and not self.estimated


@attrs.frozen(slots=True)
class Disability(Entity):
    """One type of disability of a person (UU 8/2016 Pasal 4).

    The law counts a disability as long-term when it lasts at least six months or is permanent
    (elucidation of Pasal 1 angka 1), and says medical personnel determine the type (Pasal 4
    ayat (2)); both facts are recorded so the rules can ask.
    """

    type: DisabilityType = field(
        en="The type (ragam) of disability",
        id="Ragam disabilitas",
        sensitivity=Sensitivity.HEALTH,
        citation=cite("uu-8-2016", "Pasal 4 ayat (1)"),
    )
    since: dt.date | None = field(
        en="Since when the limitation has lasted",
        id="Sejak kapan keterbatasan dialami",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    until: dt.date | None = field(
        en="The first day the limitation no longer held, if it ended",
        id="Hari pertama keterbatasan tidak lagi dialami, bila sudah berakhir",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    permanent: bool | None = field(
        en="Whether the limitation is permanent",
        id="Apakah keterbatasan bersifat permanen",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        citation=cite("uu-8-2016", "Penjelasan Pasal 1 angka 1"),
    )
    determined_by_medical_personnel: bool | None = field(
        en="Whether medical personnel determined the type",
        id="Apakah ragam ditetapkan oleh tenaga medis",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        citation=cite("uu-8-2016", "Pasal 4 ayat (2)"),
    )

    _invariants: ClassVar[Any] = (order("since", "until"),)


@attrs.frozen(slots=True)
class Condition(Entity):
    """A target-group condition found in a subject, with its evidence.

    "PPKS lainnya" (``ppks_lainnya``) is an open category: its ``justification`` is required.
    """

    group: TargetGroup = field(
        en="The target group the condition places the subject in",
        id="Kelompok sasaran",
        sensitivity=Sensitivity.HEALTH,
    )
    since: dt.date | None = field(
        en="Since when the condition holds",
        id="Sejak kapan kondisi berlaku",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    until: dt.date | None = field(
        en="The first day the condition no longer held, if it ended",
        id="Hari pertama kondisi tidak lagi berlaku, bila sudah berakhir",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    evidence: str | None = field(
        en="What the finding rests on (document, observation, referral)",
        id="Dasar temuan (dokumen, observasi, rujukan)",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        max_length=_LONG,
    )
    justification: str | None = field(
        en="Why the subject needs services; required for 'ppks_lainnya'",
        id="Alasan membutuhkan layanan; wajib untuk 'ppks_lainnya'",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        max_length=_LONG,
        citation=cite("pp-39-2012", "Pasal 6 ayat (2)"),
    )

    @staticmethod
    def _justified(obj: Condition) -> list[ErrorDetail]:
        if obj.group is TargetGroup.OTHER_PPKS and not (obj.justification or "").strip():
            return [
                detail(
                    "justification",
                    "condition.justification_required",
                    "'ppks_lainnya' needs a written justification",
                    "'ppks_lainnya' memerlukan justifikasi tertulis",
                )
            ]
        return []

    _invariants: ClassVar[Any] = (order("since", "until"), _justified)


@attrs.frozen(slots=True)
class DrugUse(Entity):
    """Drug (NAPZA) use status under UU 35/2009 and the screening risk level."""

    status: TargetGroup = field(
        en="Addict, abuser or victim of abuse (UU 35/2009)",
        id="Pecandu, penyalah guna atau korban penyalahgunaan (UU 35/2009)",
        sensitivity=Sensitivity.HEALTH,
    )
    risk: DrugRisk | None = field(
        en="Risk level from screening",
        id="Tingkat risiko hasil skrining",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        citation=cite(None, None, Evidence.SECONDARY, source="kemensos-2020-11-09-atensi-napza"),
    )
    since: dt.date | None = field(
        en="Since when the status holds",
        id="Sejak kapan status berlaku",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    until: dt.date | None = field(
        en="The first day the status no longer held, if it ended",
        id="Hari pertama status tidak lagi berlaku, bila sudah berakhir",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )

    @staticmethod
    def _napza_status(obj: DrugUse) -> list[ErrorDetail]:
        if obj.status.target is not Target.DRUG_ABUSE_VICTIMS:
            return [
                detail(
                    "status",
                    "drug_use.not_a_drug_status",
                    "not a drug-use status (UU 35/2009)",
                    "bukan status penyalahgunaan NAPZA (UU 35/2009)",
                    obj.status.value,
                )
            ]
        return []

    _invariants: ClassVar[Any] = (order("since", "until"), _napza_status)


def _nik_or_none(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, str):
        try:
            validate_nik(value)
        except ValueError as err:
            code = getattr(err, "code", "nik.invalid")
            message_id = getattr(err, "message_id", str(err))
            raise problem(attribute.name, code, str(err), message_id, value) from None


def _compact_nik(value: Any) -> Any:
    """A NIK written with separators, in its compact form (python-stdnum's convention).

    Only a value written as :func:`atensi.nik.is_written` allows that then is 16 ASCII digits is
    compacted; anything else is kept as given, so that the validator reports it as it came.
    """
    if type(value) is str and not (len(value) == 16 and value.isdigit()) and is_written(value):
        compacted = compact_nik(value)
        if len(compacted) == 16 and compacted.isascii() and compacted.isdigit():
            return compacted
    return value


@attrs.frozen(slots=True)
class Person(Entity):
    """A person in need of social welfare services (PPKS).

    >>> import datetime as dt
    >>> from atensi.nik import NoNik, NoNikReason
    >>> p = Person(id="P-1", nik=NoNik(NoNikReason.NOT_REGISTERED), name="Budi",
    ...            sex=Sex.MALE, birth_date=BirthDate(value=dt.date(2012, 5, 1)))
    >>> p.name
    'Budi'
    >>> "Budi" in repr(p)
    False
    """

    id: str = field(
        en="The record's identifier in the source system",
        id="Pengenal rekaman di sistem asal",
        sensitivity=Sensitivity.IDENTIFIER,  # source systems often use the NIK as the id
        min_length=1,
        max_length=_SHORT,
    )
    nik: str | NoNik = field(
        en="The 16-digit NIK, stored without separators (spaces, dots and dashes are accepted "
        "and removed), or the reason there is none",
        id="NIK 16 angka, disimpan tanpa pemisah (spasi, titik dan tanda hubung diterima lalu "
        "dihapus), atau alasan tidak ada NIK",
        sensitivity=Sensitivity.IDENTIFIER,
        citation=cite("uu-24-2013", "Pasal 1 angka 12"),
        # Declared as the NIK's check: the generated checks may skip it and the converter for a
        # plainly valid NIK (16 ASCII digits, a day and month of every year, a serial not 0000).
        validator=NikOrReason(_nik_or_none),
        converter=_compact_nik,
        pattern=NIK_PATTERN,
    )
    name: str = field(
        en="Full name",
        id="Nama lengkap",
        sensitivity=Sensitivity.GENERAL,
        min_length=1,
        max_length=_SHORT,
    )
    sex: Sex | None = field(
        en="Sex",
        id="Jenis kelamin",
        sensitivity=Sensitivity.GENERAL,
        default=None,
        citation=cite("uu-24-2013", "Pasal 58 ayat (2)"),
    )
    birth_date: BirthDate | None = field(
        en="Birth date, exact or estimated",
        id="Tanggal lahir, pasti atau perkiraan",
        sensitivity=Sensitivity.GENERAL,
        default=None,
    )
    domicile: str | None = field(
        en="Kemendagri code of the domicile (district or regency level; 2, 4 or 6 digits)",
        id="Kode wilayah Kemendagri domisili (kecamatan atau kabupaten/kota; 2, 4 atau 6 angka)",
        sensitivity=Sensitivity.GENERAL,
        default=None,
        max_length=13,
        region=True,
    )
    registry_id: str | None = field(
        en="Identifier in DTKS/DTSEN or another registry",
        id="Pengenal di DTKS/DTSEN atau registri lain",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        max_length=_SHORT,
    )
    disabilities: tuple[Disability, ...] = field(
        en="Disabilities, one entry per type",
        id="Disabilitas, satu butir per ragam",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=6,
        validator=unique_by(lambda d: d.type, "disability type", "ragam disabilitas"),
    )
    elderly_capacity: ElderlyCapacity | None = field(
        en="For elderly persons: potensial or tidak potensial",
        id="Untuk lanjut usia: potensial atau tidak potensial",
        sensitivity=Sensitivity.HEALTH,
        default=None,
        citation=cite("uu-13-1998", "Pasal 1 angka 3-4"),
    )
    drug_use: DrugUse | None = field(
        en="Drug (NAPZA) use status and risk",
        id="Status dan risiko penyalahgunaan NAPZA",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    conditions: tuple[Condition, ...] = field(
        en="Target-group conditions on record",
        id="Kondisi kelompok sasaran yang tercatat",
        sensitivity=Sensitivity.HEALTH,
        factory=tuple,
        max_items=100,
        validator=unique_by(lambda c: c.group, "condition", "kondisi"),
    )
