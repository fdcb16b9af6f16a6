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

import functools
import typing
from typing import Any

import attrs

from atensi.errors import ErrorDetail, Loc
from atensi.model import DatePrecision, Entity, Person
from atensi.regions import all_codes
from atensi.vocab import Sex

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


@functools.cache
def _codes() -> tuple[frozenset[str], frozenset[str]]:
    """Every known region code, and the retired ones (built once: warnings run per record)."""
    known = all_codes()
    current = all_codes(include_retired=False)
    return frozenset(known), frozenset(known) - frozenset(current)


_NIK_SAYS = {
    "nik.birth_date_mismatch": (
        "birth_date",
        "the birth date differs from the one the NIK encodes",
        "tanggal lahir berbeda dengan yang dimuat NIK",
    ),
    "nik.sex_mismatch": (
        "sex",
        "the sex differs from the one the NIK encodes",
        "jenis kelamin berbeda dengan yang dimuat NIK",
    ),
    "nik.region_differs": (
        "domicile",
        "the domicile is outside the NIK's district of first registration (people move)",
        "domisili di luar kecamatan pendaftaran pertama NIK (orang dapat pindah)",
    ),
}


def _person(person: Person, loc: Loc) -> list[ErrorDetail]:
    """What the person's NIK says against the rest of the record.

    The NIK is valid (the boundary checked it), so its digits are read directly: as
    :func:`atensi.nik.parse` and :func:`atensi.nik.check_consistency` read them, without
    building dates.
    """
    nik = person.nik
    if not isinstance(nik, str):
        return []
    known, _ = _codes()
    found = []
    if nik[:6] not in known:
        code = "nik.unknown_district" if nik[:4] in known else "nik.unknown_regency"
        found.append(ErrorDetail((*loc, "nik"), code, *_UNKNOWN_REGION[code]))
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > 40
    mismatches = []
    birth = person.birth_date
    if birth is not None:
        # Compare only what the record knows: the year for a year, the month too for a month.
        size = _KNOWN_PARTS[birth.precision]
        known_parts = (birth.value.year % 100, birth.value.month, birth.value.day)
        if known_parts[:size] != (year, month, day - 40 if female else day)[:size]:
            mismatches.append("nik.birth_date_mismatch")
    if person.sex is not None and (person.sex is Sex.FEMALE) != female:
        mismatches.append("nik.sex_mismatch")
    domicile = person.domicile
    if domicile is not None and not (nik.startswith(domicile[:6]) or domicile.startswith(nik[:6])):
        mismatches.append("nik.region_differs")
    for code in mismatches:
        field, en, id_ = _NIK_SAYS[code]
        found.append(ErrorDetail((*loc, field), code, en, id_))
    return found


_KNOWN_PARTS = {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}
_PLANS: dict[type[Any], tuple[tuple[str, str], ...]] = {}


def _plan(cls: type[Any]) -> tuple[tuple[str, str], ...]:
    """The fields of ``cls`` where warnings can be: region codes, and records that hold some.

    A record that can hold none (a condition, an assessment) is not walked at all.
    """
    plan = _PLANS.get(cls)
    if plan is None:
        _PLANS[cls] = ()  # a recursive type holds no more than what the rest of it holds
        hints = typing.get_type_hints(cls)
        steps = []
        for field in attrs.fields(cls):
            if field.metadata.get("region"):
                steps.append((field.name, "region"))
            elif any(_may_warn(c) for c in _entities_in(hints[field.name])):
                steps.append((field.name, "nested"))
        plan = _PLANS[cls] = tuple(steps)
    return plan


def _may_warn(cls: type[Any]) -> bool:
    return issubclass(cls, Person) or bool(_plan(cls))


def _entities_in(tp: Any) -> list[type[Any]]:
    if isinstance(tp, type):
        return [tp] if issubclass(tp, Entity) else []
    return [c for arg in typing.get_args(tp) if arg is not Ellipsis for c in _entities_in(arg)]


def _record_class(value: Any) -> type[Any] | None:
    """The entity class of an entity or of its msgspec twin (:mod:`atensi.boundary._twins`)."""
    kind = type(value)
    try:
        return _CLASSES[kind]
    except KeyError:
        pass
    cls = getattr(kind, "_entity_class", None)
    if cls is None and issubclass(kind, Entity):
        cls = kind
    if len(_CLASSES) < 512:  # entity and twin classes: a few dozen
        _CLASSES[kind] = cls
    return cls


_CLASSES: dict[type[Any], type[Any] | None] = {}


def _walk(obj: Any, cls: type[Any], loc: Loc, found: list[ErrorDetail]) -> None:
    if issubclass(cls, Person):
        found.extend(_person(obj, loc))
    for name, kind in _plan(cls):
        value = getattr(obj, name)
        if value is None:
            continue
        if kind == "region":
            retired = _codes()[1]
            if isinstance(value, tuple):
                found.extend(_retired((*loc, name, i)) for i, c in enumerate(value) if c in retired)
            elif value in retired:
                found.append(_retired((*loc, name)))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                item_cls = _record_class(item)
                if item_cls is not None:
                    _walk(item, item_cls, (*loc, name, index), found)
        else:
            value_cls = _record_class(value)
            if value_cls is not None:
                _walk(value, value_cls, (*loc, name), found)


def warnings_of(entity: Any) -> tuple[ErrorDetail, ...]:
    """The warnings of a valid entity and every record nested in it, located by path.

    An entity's msgspec twin (the ``fast`` extra) has the same warnings.
    """
    found: list[ErrorDetail] = []
    cls = _record_class(entity)
    if cls is not None:
        _walk(entity, cls, (), found)
    return tuple(found)
