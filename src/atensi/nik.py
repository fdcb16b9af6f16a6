"""NIK (Nomor Induk Kependudukan), the 16-digit Indonesian population number.

A NIK is the single identity number of a resident (UU 24/2013 Pasal 1 angka 12). Its digits
encode, in order: the province (2), regency or city (2) and district (2) of **first**
registration, the birth date as DDMMYY with **40 added to the day for women**, and a serial
number (4) given by the registry from 0001. There is no check digit, so a well-formed NIK may
still not exist; only the civil registry (Dukcapil) knows.

What ``validate`` checks: 16 ASCII digits, written whole or in groups with at most six single
spaces, dots or dashes between them (nothing before or after, never two in a row); a day of
01-31 (men) or 41-71 (women); a month of 01-12; a real calendar date in at least one century
(29 February only in a year divisible by four); a serial other than 0000. A region code that is
in neither the current nor the retired table is only a *warning* (``Nik.warnings``), because
codes retired before 2015 are not in the table; ``strict=True`` rejects it.

What it does not check: whether the person exists, whether the birth date is the true one
(NIKs of people with unknown birth dates often carry conventional dates), or the century, which
needs another fact: ``parse(..., on=...)`` picks the latest century that puts the birth on or
before ``on`` (never the system clock).

A NIK is personal data: error messages and reprs show it masked (``317101******0001``) and
never name the digits the mask hides (the birth date's day, month and year).

>>> from atensi import nik
>>> nik.validate("3171 0141 0390 0001")
'3171014103900001'
>>> import datetime as dt
>>> n = nik.parse("3171014103900001", on=dt.date(2026, 1, 1))
>>> n.birth_date, n.sex.value, n.regency
(datetime.date(1990, 3, 1), 'perempuan', '3171')
>>> n
Nik('317101******0001')
>>> nik.validate("3171017203900001")
Traceback (most recent call last):
...
atensi.nik.InvalidDate: the NIK 317101******0001 encodes no valid day (01-31, or 41-71 for women)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import attrs

from atensi.errors import AtensiError, ErrorDetail, InvalidRecord, json_type_names, type_label
from atensi.regions import is_valid_code
from atensi.vocab import Citation, CodedEnum, Evidence, Label, Sex, cite

__all__ = [
    "MAX_SEPARATORS",
    "NIK_PATTERN",
    "InvalidDate",
    "InvalidFormat",
    "InvalidLength",
    "InvalidNik",
    "InvalidRegion",
    "InvalidSerial",
    "Nik",
    "NikFinding",
    "NoNik",
    "NoNikReason",
    "check_consistency",
    "compact",
    "format",
    "is_valid",
    "is_written",
    "mask",
    "parse",
    "validate",
]

_NIK = cite("uu-24-2013", "Pasal 1 angka 12", Evidence.VERIFIED)
_STRUCTURE = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="dukcapil-klaten-nik",
    note="the digit layout is published by Dukcapil offices, not in a statute",
)
_SEPARATORS = str.maketrans("", "", " .-")
#: A NIK written with separators has at most this many (``31 71 01 41 03 90 0001`` has six).
MAX_SEPARATORS = 6
#: A NIK as written: digit groups with one space, dot or dash between two of them; nothing
#: before the first digit or after the last one.
_WRITTEN = re.compile(rf"[0-9]+(?:[ .-][0-9]+){{0,{MAX_SEPARATORS}}}")
_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: Every day and month (digits 7-10, ``DDMM``, a woman's day plus 40) that is valid in every
#: year; 29 February, valid in leap years only, is not among them. The generated fast checks
#: accept a compact NIK whose day and month are here without calling :func:`validate`.
DAY_MONTHS_OF_EVERY_YEAR = frozenset(
    f"{day + woman:02d}{month:02d}"
    for month in range(1, 13)
    for day in range(1, (28 if month == 2 else _DAYS[month]) + 1)
    for woman in (0, 40)
)

#: The compact NIK ``validate`` accepts, as a regular expression for JSON Schema: region (6
#: digits, any: an unknown region is only a warning), a day of 01-31 or 41-71 that exists in
#: its month (29 February only in a two-digit year divisible by four), and a serial other than
#: 0000. Written for both Python's ``re`` and ECMA/Rust engines: ``[0-9]`` (not ``\d``, which
#: Python reads as any Unicode digit) and an end that is ``(?![\s\S])`` (Python's ``$`` also
#: matches before a final line break).
NIK_PATTERN = (
    "^[0-9]{6}(?:"
    "(?:0[1-9]|1[0-9]|2[0-8]|4[1-9]|5[0-9]|6[0-8])(?:0[1-9]|1[0-2])[0-9]{2}"
    "|(?:29|30|69|70)(?:0[13-9]|1[0-2])[0-9]{2}"
    "|(?:31|71)(?:0[13578]|1[02])[0-9]{2}"
    "|(?:29|69)02(?:[02468][048]|[13579][26])"
    r")(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})(?![\s\S])"
)


def mask(value: str) -> str:
    """Mask a NIK for display: region prefix and serial only (``317101******0001``)."""
    if len(value) == 16:
        return value[:6] + "******" + value[12:]
    return "*" * min(len(value), 16)


class InvalidNik(AtensiError):
    """Base of the NIK errors; ``value`` holds the raw input (never put in the message)."""

    code = "nik.invalid"

    def __init__(self, value: object, en: str, id_: str) -> None:
        self.value = value
        super().__init__(en, message_id=id_)


class InvalidFormat(InvalidNik):
    """Not a string, or characters other than digits, spaces, dots and dashes."""

    code = "nik.invalid_format"


class InvalidLength(InvalidNik):
    """Not 16 digits."""

    code = "nik.invalid_length"


class InvalidDate(InvalidNik):
    """The encoded birth date is impossible."""

    code = "nik.invalid_date"


class InvalidRegion(InvalidNik):
    """The region code is in neither the current nor the retired table (strict mode only)."""

    code = "nik.invalid_region"


class InvalidSerial(InvalidNik):
    """The serial number is 0000."""

    code = "nik.invalid_serial"


class NoNikReason(CodedEnum):
    """Why a person has no NIK on record."""

    NOT_REGISTERED = (
        "belum_terdaftar",
        Label("Belum terdaftar dalam administrasi kependudukan", "Never registered"),
    )
    UNKNOWN = "tidak_diketahui", Label("NIK tidak diketahui", "NIK not known")
    DOCUMENTS_LOST = "dokumen_hilang", Label("Dokumen identitas hilang", "Identity documents lost")
    IDENTITY_UNCONFIRMED = (
        "identitas_belum_dipastikan",
        Label("Identitas belum dapat dipastikan", "Identity not yet established"),
        cite(
            None,
            None,
            Evidence.CONVENTION,
            source="atensi-conventions",
            note="e.g. abandoned children, trafficking victims",
        ),
    )
    FOREIGN_NATIONAL = "warga_negara_asing", Label("Warga negara asing", "Foreign national")
    OTHER = "lainnya", Label("Alasan lain", "Other reason")


@attrs.frozen(slots=True)
class NoNik:
    """The explicit state "this person has no NIK (yet)", with the reason.

    Never use an empty string or ``0`` for a missing NIK; use this. In records it is written
    ``{"reason": "<code>"}``.

    >>> NoNik(NoNikReason.NOT_REGISTERED).reason.value
    'belum_terdaftar'
    """

    reason: NoNikReason = attrs.field()

    @reason.validator
    def _reason_is_a_member(self, _: attrs.Attribute[NoNikReason], value: object) -> None:
        # Held on construction as every entity field is: NoNik("belum_terdaftar") would fail
        # later, where its ``.reason.value`` is read.
        if type(value) is not NoNikReason:
            got = type_label(value)
            raise InvalidRecord(
                [
                    ErrorDetail(
                        ("reason",),
                        "type.enum",
                        f"expected a NoNikReason member, got a Python '{got}'",
                        f"seharusnya anggota NoNikReason, bukan objek Python '{got}'",
                        None,
                        {"expected": "a NoNikReason member", "got": got},
                    )
                ]
            )


class Nik(NamedTuple):
    """A parsed NIK. ``repr`` shows it masked."""

    value: str
    province: str
    regency: str
    district: str
    birth_date: dt.date
    sex: Sex
    serial: str
    warnings: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Nik({mask(self.value)!r})"

    def __str__(self) -> str:
        return mask(self.value)


def compact(text: object) -> str:
    """Remove spaces, dots and dashes; raise InvalidFormat for a non-string.

    >>> compact("31.71.01-410390-0001")
    '3171014103900001'
    """
    if type(text) is not str:
        got_en, got_id = json_type_names(text)
        raise InvalidFormat(
            None, f"a NIK must be a string, not {got_en}", f"NIK harus berupa teks, bukan {got_id}"
        )
    return text.translate(_SEPARATORS)


def is_written(text: object) -> bool:
    """Whether ``text`` is digits with at most six single separators between digit groups.

    The one form a NIK with separators may take: ``3171 0141 0390 0001``, ``31.71.01-410390-0001``;
    not a leading or trailing separator, two in a row, or a million dashes.

    >>> is_written("31.71.01-410390-0001"), is_written(" 3171014103900001"), is_written("3--1")
    (True, False, False)
    """
    return (
        type(text) is str
        and len(text) <= 16 + MAX_SEPARATORS
        and _WRITTEN.fullmatch(text) is not None
    )


def _check(text: object, strict: bool, warn: bool = True) -> tuple[str, tuple[str, ...]]:
    """The compact NIK and its region warnings (looked up only if ``warn`` or ``strict``).

    A valid NIK costs no masked text and, unless asked, no region look-up: ``validate`` runs
    for every NIK of every record, and its answer does not depend on the region table.
    """
    if type(text) is str and len(text) == 16 and text.isdigit() and text.isascii():
        value = text
    else:
        value = compact(text)
        if value and not (value.isascii() and value.isdigit()):
            raise InvalidFormat(
                text,
                "a NIK has only digits (spaces, dots and dashes allowed)",
                "NIK hanya berisi angka (boleh spasi, titik, tanda hubung)",
            )
        if value and not is_written(text):
            raise InvalidFormat(
                text,
                f"a NIK's separators go between its digit groups, one at a time, at most "
                f"{MAX_SEPARATORS}",
                f"pemisah NIK hanya di antara kelompok angka, satu demi satu, paling banyak "
                f"{MAX_SEPARATORS}",
            )
        if len(value) != 16:
            raise InvalidLength(
                text,
                f"a NIK has 16 digits, not {len(value)}",
                f"NIK terdiri atas 16 angka, bukan {len(value)}",
            )
    day = int(value[6:8])
    month = int(value[8:10])
    if day > 40:
        day -= 40
    if not 1 <= day <= 31:
        raise InvalidDate(
            text,
            f"the NIK {mask(value)} encodes no valid day (01-31, or 41-71 for women)",
            f"NIK {mask(value)} tidak memuat hari yang sah (01-31, atau 41-71 untuk perempuan)",
        )
    if not 1 <= month <= 12:
        raise InvalidDate(
            text,
            f"the NIK {mask(value)} encodes no valid month (01-12)",
            f"NIK {mask(value)} tidak memuat bulan yang sah (01-12)",
        )
    if day > _DAYS[month] or (month == 2 and day == 29 and int(value[10:12]) % 4):
        raise InvalidDate(
            text,
            f"the NIK {mask(value)} encodes an impossible date",
            f"NIK {mask(value)} memuat tanggal yang tidak ada",
        )
    if value[12:] == "0000":
        raise InvalidSerial(
            text,
            f"the NIK {mask(value)} has serial 0000",
            f"NIK {mask(value)} bernomor urut 0000",
        )
    warnings: tuple[str, ...] = ()
    if (warn or strict) and not is_valid_code(value[:6]):
        if not is_valid_code(value[:4]):
            warnings = ("nik.unknown_regency",)
        else:
            warnings = ("nik.unknown_district",)
        if strict:
            raise InvalidRegion(
                text,
                f"the NIK {mask(value)} names an unknown region",
                f"NIK {mask(value)} memuat kode wilayah yang tidak dikenal",
            )
    return value, warnings


def validate(text: object, *, strict: bool = False) -> str:
    """Return the compact NIK, or raise an :class:`InvalidNik` subclass.

    Args:
        text: the NIK as written (spaces, dots and dashes are allowed).
        strict: reject a region code that is in neither the current nor the retired table.
    """
    return _check(text, strict, warn=False)[0]


def is_valid(text: object, *, strict: bool = False) -> bool:
    """Whether ``validate`` accepts ``text``."""
    try:
        _check(text, strict, warn=False)
    except InvalidNik:
        return False
    return True


def format(text: object) -> str:
    """Return the NIK as ``PP.RR.DD.DDMMYY.SSSS``.

    >>> format("3171014103900001")
    '31.71.01.410390.0001'
    """
    value = validate(text)
    return f"{value[:2]}.{value[2:4]}.{value[4:6]}.{value[6:12]}.{value[12:]}"


def parse(text: object, *, on: dt.date, strict: bool = False) -> Nik:
    """Parse a NIK; the century is the latest one that puts the birth on or before ``on``.

    Raises:
        InvalidNik: as :func:`validate`; InvalidDate also when the date is impossible in every
            century that keeps it on or before ``on``.
    """
    value, warnings = _check(text, strict)
    day, month, year = int(value[6:8]), int(value[8:10]), int(value[10:12])
    sex = Sex.FEMALE if day > 40 else Sex.MALE
    day = day - 40 if day > 40 else day
    century = (on.year // 100) * 100
    birth = None
    for base in (century, century - 100, century - 200):
        try:
            candidate = dt.date(base + year, month, day)
        except ValueError:
            continue
        if candidate <= on:
            birth = candidate
            break
    if birth is None:
        raise InvalidDate(
            text,
            f"the NIK {mask(value)} encodes no birth date before {on}",
            f"NIK {mask(value)} tidak memuat tanggal lahir sebelum {on}",
        )
    return Nik(value, value[:2], value[:4], value[:6], birth, sex, value[12:], warnings)


class NikFinding(NamedTuple):
    """A disagreement between a NIK and the rest of a record."""

    code: str
    severity: str  # "error" (contradiction) or "warning" (possible, worth a look)
    message: Label
    citation: Citation


def check_consistency(
    nik: str,
    *,
    on: dt.date,
    birth_date: dt.date | None = None,
    sex: Sex | None = None,
    region: str | None = None,
) -> tuple[NikFinding, ...]:
    """Compare a NIK with a record's birth date, sex and domicile.

    A different birth date or sex is an error. A domicile outside the NIK's district is a
    warning only: the NIK keeps the district of *first* registration when people move.
    """
    parsed = parse(nik, on=on)
    found = []
    if birth_date is not None and (birth_date.month, birth_date.day, birth_date.year % 100) != (
        parsed.birth_date.month,
        parsed.birth_date.day,
        parsed.birth_date.year % 100,
    ):
        found.append(
            NikFinding(
                "nik.birth_date_mismatch",
                "error",
                Label(
                    "Tanggal lahir berbeda dengan yang dimuat NIK",
                    "The birth date differs from the one the NIK encodes",
                ),
                _STRUCTURE,
            )
        )
    if sex is not None and sex is not parsed.sex:
        found.append(
            NikFinding(
                "nik.sex_mismatch",
                "error",
                Label(
                    "Jenis kelamin berbeda dengan yang dimuat NIK",
                    "The sex differs from the one the NIK encodes",
                ),
                _STRUCTURE,
            )
        )
    if region is not None:
        code = region.replace(".", "")
        if not parsed.district.startswith(code[:6]) and not code.startswith(parsed.district):
            severity = "warning"
            found.append(
                NikFinding(
                    "nik.region_differs",
                    severity,
                    Label(
                        "Domisili di luar kecamatan pendaftaran pertama NIK (mungkin pindah)",
                        "Domicile outside the NIK's district of first registration (may have "
                        "moved)",
                    ),
                    _NIK,
                )
            )
    return tuple(found)
