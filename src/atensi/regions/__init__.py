"""Kemendagri region codes: provinces, regencies/cities and districts, current and retired.

The codes are those of the Ministry of Home Affairs decrees (Permendagri 56/2015 to Kepmendagri
300.2.2-2138/2025): 2 digits for a province, 4 for a regency or city, 6 for a district
(kecamatan). A code is **current** when the 2025 decree lists it, **retired** when only earlier
decrees (from 2015) do; each region records the decrees that list it. Codes retired before 2015
are not in the table. Villages (10-digit codes, 83,762 of them) are not shipped: they would
multiply the package size by five for a use (village-level addresses) no rule needs yet.

Codes may be written with or without dots (``"31.71.01"`` = ``"317101"``). The table is package
data (``src/atensi/data/regions/regions.csv``, one line per code: ``code,level,decrees,name``),
read through :mod:`atensi.data` and parsed on the first look-up; importing this module reads
nothing.

>>> from atensi import regions
>>> regions.lookup("31.71").name
'Kota Administrasi Jakarta Pusat'
>>> regions.lookup("3171").parent
'31'
>>> [r.code for r in regions.provinces()][:3]
['11', '12', '13']
>>> regions.is_valid_code("65")
True
"""

from __future__ import annotations

import threading
from typing import NamedTuple

from atensi import data
from atensi.errors import AtensiError, json_type_names

__all__ = [
    "DECREES",
    "InvalidRegionCode",
    "Region",
    "all_codes",
    "children",
    "is_retired",
    "is_valid_code",
    "lookup",
    "parent",
    "provinces",
]

#: Decree keys of the source table → catalogue identifiers of the instruments (atensi.law).
DECREES: dict[str, str] = {
    "2016": "permendagri-56-2015",
    "2018": "permendagri-137-2017",
    "2020": "permendagri-72-2019",
    "2022": "permendagri-58-2021",
    "2023": "kepmendagri-100.1.1-6117-2022",
    "2025": "kepmendagri-300.2.2-2138-2025",
}
_CURRENT_KEY = "2025"
_LEVEL_LENGTH = {1: 2, 2: 4, 3: 6}


class InvalidRegionCode(AtensiError):
    """A region code is malformed or not in the table."""

    code = "region.invalid"


class Region(NamedTuple):
    """One region code.

    Attributes:
        code: the code, digits only.
        level: 1 province, 2 regency or city, 3 district.
        name: the name as the latest decree listing the code writes it.
        parent: the code of the enclosing region (``None`` for a province).
        current: whether the 2025 decree lists the code.
        decrees: catalogue identifiers of the decrees that list the code, oldest first.
    """

    code: str
    level: int
    name: str
    parent: str | None
    current: bool
    decrees: tuple[str, ...]


_TABLE: dict[str, Region] = {}
_CHILDREN: dict[str | None, list[str]] = {}


def region_table() -> dict[str, Region]:
    """The table, by code as the table writes it, loaded or not: filled in place on first use.

    For the generated checks, which may skip the region validator for a code found here and
    must not load the table at start-up (until it is loaded nothing is found, and the
    validator, which loads it, runs).
    """
    return _TABLE


def _load() -> dict[str, Region]:
    """The table, loaded on first use, once, whole.

    Built aside and published with one ``dict.update`` (C code, under the GIL): a thread that
    finds the table filled finds it complete, and two threads asking first load it once.
    """
    if not _TABLE:
        with _LOADING:
            if not _TABLE:
                lines = data.read_text("regions/regions.csv").splitlines()
                table: dict[str, Region] = {}
                children: dict[str | None, list[str]] = {}
                for line in lines[1:]:  # after the header
                    code, level, keys, name = line.split(",", 3)
                    key_list = keys.split()
                    lvl = int(level)
                    parent_code = None if lvl == 1 else code[: _LEVEL_LENGTH[lvl - 1]]
                    table[code] = Region(
                        code,
                        lvl,
                        name,
                        parent_code,
                        _CURRENT_KEY in key_list,
                        tuple(DECREES[k] for k in key_list),
                    )
                    children.setdefault(parent_code, []).append(code)
                _CHILDREN.update(children)
                _TABLE.update(table)  # last: the table is how a reader knows it is loaded
    return _TABLE


_LOADING = threading.Lock()


def normalise(code: object) -> str:
    """Return ``code`` without dots or spaces, or raise InvalidRegionCode if malformed.

    >>> normalise("31.71.01")
    '317101'
    """
    if not isinstance(code, str):
        got_en, got_id = json_type_names(code)
        raise InvalidRegionCode(
            f"a region code must be a string, not {got_en}",
            message_id=f"kode wilayah harus berupa teks, bukan {got_id}",
            code="region.format",
        )
    compact = code.replace(".", "").replace(" ", "")
    if len(compact) not in (2, 4, 6) or not (compact.isascii() and compact.isdigit()):
        raise InvalidRegionCode(
            "a region code has 2, 4 or 6 digits (dots allowed)",
            message_id="kode wilayah terdiri atas 2, 4 atau 6 angka (boleh bertitik)",
            code="region.format",
            ctx={"value": code[:20]},
        )
    return compact


def lookup(code: str) -> Region:
    """Return the region with ``code`` (current or retired).

    Raises:
        InvalidRegionCode: if the code is malformed (``region.format``) or not in the table
            (``region.unknown``).
    """
    compact = normalise(code)
    region = _load().get(compact)
    if region is None:
        raise InvalidRegionCode(
            f"unknown region code {compact}",
            message_id=f"kode wilayah {compact} tidak dikenal",
            code="region.unknown",
            ctx={"value": compact},
        )
    return region


def is_valid_code(code: object, *, include_retired: bool = True) -> bool:
    """Whether ``code`` is a known region code (optionally only a current one)."""
    if type(code) is str:
        # A code as the table writes it (the common case) needs no normalising.
        region = (_TABLE or _load()).get(code)
        if region is not None:
            return include_retired or region.current
    try:
        region = lookup(code)  # type: ignore[arg-type]
    except InvalidRegionCode:
        return False
    return include_retired or region.current


def all_codes(*, include_retired: bool = True) -> tuple[str, ...]:
    """Every region code in the table (current and, by default, retired), in code order."""
    table = _load()
    return tuple(sorted(c for c, r in table.items() if include_retired or r.current))


def is_retired(code: object) -> bool:
    """Whether ``code`` is a known region code that the current decree no longer lists."""
    try:
        return not lookup(code).current  # type: ignore[arg-type]
    except InvalidRegionCode:
        return False


def provinces(*, include_retired: bool = False) -> tuple[Region, ...]:
    """The provinces, in code order (38 current ones)."""
    table = _load()
    return tuple(table[c] for c in _CHILDREN[None] if include_retired or table[c].current)


def children(code: str, *, include_retired: bool = False) -> tuple[Region, ...]:
    """The regions directly inside ``code`` (regencies of a province, districts of a regency)."""
    parent_region = lookup(code)
    table = _load()
    return tuple(
        table[c]
        for c in _CHILDREN.get(parent_region.code, [])
        if include_retired or table[c].current
    )


def parent(code: str) -> Region | None:
    """The region that encloses ``code`` (``None`` for a province)."""
    region = lookup(code)
    return None if region.parent is None else lookup(region.parent)
