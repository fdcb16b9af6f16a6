"""Warnings: non-fatal findings about a valid record, with codes, paths and both languages.

A record can be valid and still say something worth a look: a NIK that encodes a woman born on
1 March 1990 on the record of a man born in 1985, a domicile code that the current Kemendagri
decree no longer lists. Such findings never make a valid record invalid (the record may be
right and the NIK a registry's mistake; a retired code is what the record held at the time);
they are reported beside it, shaped like errors (:class:`atensi.ErrorDetail`: ``loc``, a stable
``code``, ``message_en`` / ``message_id``, ``ctx``), and never quote the values they compare.

The catalogue is in ``docs/errors.md`` ("Warnings"). :func:`warnings_of` finds them in any
entity, nested records included; :func:`atensi.validate_many`, ``atensi validate``, ``assess``
and ``explain`` and the batch functions report them.

>>> import atensi
>>> from atensi.model import Person
>>> person = atensi.structure({"id": "P", "nik": "3171014103900001", "name": "Budi",
...                            "sex": "laki_laki", "birth_date": {"value": "1985-03-01"}}, Person)
>>> [(w.loc, w.code) for w in warnings_of(person)]
[(('birth_date',), 'nik.birth_date_mismatch'), (('sex',), 'nik.sex_mismatch')]
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from atensi.errors import ErrorDetail, Loc
from atensi.model import DatePrecision, Entity, Person
from atensi.model._fields import DATE_MAX as _LATEST
from atensi.nik import NikFinding, check_consistency
from atensi.nik import parse as parse_nik
from atensi.regions import is_retired

__all__ = ["WARNING_CODES", "warnings_of"]

#: Every warning code, with what it means (the catalogue in docs/errors.md lists the same).
WARNING_CODES: dict[str, str] = {
    "nik.birth_date_mismatch": "the birth date differs from the one the NIK encodes",
    "nik.sex_mismatch": "the sex differs from the one the NIK encodes",
    "nik.region_differs": "the domicile is outside the NIK's district of first registration",
    "nik.unknown_regency": "the NIK's regency is in neither the current nor the retired table",
    "nik.unknown_district": "the NIK's district is in neither the current nor the retired table",
    "region.retired": "a region code the current Kemendagri decree no longer lists",
}

_UNKNOWN_REGION = {
    "nik.unknown_regency": (
        "the NIK's regency code is in neither the current nor the retired region table",
        "kode kabupaten/kota pada NIK tidak ada dalam tabel wilayah yang berlaku maupun lama",
    ),
    "nik.unknown_district": (
        "the NIK's district code is in neither the current nor the retired region table",
        "kode kecamatan pada NIK tidak ada dalam tabel wilayah yang berlaku maupun lama",
    ),
}


def _retired(loc: Loc) -> ErrorDetail:
    return ErrorDetail(
        loc,
        "region.retired",
        "a retired Kemendagri region code: the current decree no longer lists it",
        "kode wilayah Kemendagri lama: keputusan yang berlaku tidak lagi memuatnya",
    )


def _finding(loc: Loc, finding: NikFinding) -> ErrorDetail:
    return ErrorDetail(loc, finding.code, finding.message.en, finding.message.id)


def _person(person: Person, loc: Loc) -> list[ErrorDetail]:
    """What the person's NIK says against the rest of the record."""
    nik = person.nik
    if not isinstance(nik, str):
        return []
    birth = person.birth_date
    # Only the two-digit year is compared, so any century that holds the date will do.
    parsed = parse_nik(nik, on=_LATEST)
    found = [ErrorDetail((*loc, "nik"), code, *_UNKNOWN_REGION[code]) for code in parsed.warnings]
    if birth is not None:
        # Compare only what the record knows: the year for a year, the month too for a month.
        known = (birth.value.year % 100, birth.value.month, birth.value.day)
        encoded = (parsed.birth_date.year % 100, parsed.birth_date.month, parsed.birth_date.day)
        parts = {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}
        size = parts[birth.precision]
        if known[:size] != encoded[:size]:
            found.append(
                ErrorDetail(
                    (*loc, "birth_date"),
                    "nik.birth_date_mismatch",
                    "the birth date differs from the one the NIK encodes",
                    "tanggal lahir berbeda dengan yang dimuat NIK",
                )
            )
    others = check_consistency(nik, on=_LATEST, sex=person.sex, region=person.domicile)
    for finding in others:
        field = "sex" if finding.code == "nik.sex_mismatch" else "domicile"
        found.append(_finding((*loc, field), finding))
    return found


def _plan(cls: type[Any]) -> tuple[tuple[str, str], ...]:
    """The fields of ``cls`` warnings can be found in: region codes and nested entities."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        steps = []
        for field in attrs.fields(cls):
            if field.metadata.get("region"):
                steps.append((field.name, "region"))
            elif _holds_entities(hints[field.name]):
                steps.append((field.name, "nested"))
        plan = _PLANS[cls] = tuple(steps)
    return plan


_PLANS: dict[type[Any], tuple[tuple[str, str], ...]] = {}


def _holds_entities(tp: Any) -> bool:
    if isinstance(tp, type):
        return issubclass(tp, Entity)
    return any(_holds_entities(arg) for arg in typing.get_args(tp) if arg is not Ellipsis)


def _walk(obj: Any, loc: Loc, found: list[ErrorDetail]) -> None:
    if isinstance(obj, Person):
        found.extend(_person(obj, loc))
    for name, kind in _plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if kind == "region":
            if isinstance(value, tuple):
                found.extend(
                    _retired((*loc, name, i)) for i, c in enumerate(value) if is_retired(c)
                )
            elif is_retired(value):
                found.append(_retired((*loc, name)))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, Entity):
                    _walk(item, (*loc, name, index), found)
        elif isinstance(value, Entity):
            _walk(value, (*loc, name), found)


def warnings_of(entity: Any) -> tuple[ErrorDetail, ...]:
    """The warnings of a valid entity and every record nested in it, located by path."""
    found: list[ErrorDetail] = []
    if isinstance(entity, Entity):
        _walk(entity, (), found)
    return tuple(found)
