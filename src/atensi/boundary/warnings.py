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
from collections.abc import Callable
from typing import Any

from atensi._codegen import Locals, Namespace
from atensi.boundary._shape import Field, Node, Optional, TupleOf, records_in, shape_of
from atensi.boundary._source import compile_function
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


def _nik_codes(person: Any, nik: str) -> list[str] | None:
    """The codes of what a person's NIK says against the rest of the record, in order.

    The NIK is valid (the boundary checked it), so its digits are read directly, as
    :func:`atensi.nik.parse` and :func:`atensi.nik.check_consistency` read them, without
    building dates or numbers: the day is 01-31, or 41-71 for a woman, so its first digit
    tells the sex. Only what the record knows of the birth date is compared: the year for a
    year, the month too for a month.
    """
    known = _codes()[0]
    codes = None
    if nik[:6] not in known:
        codes = ["nik.unknown_district" if nik[:4] in known else "nik.unknown_regency"]
    female = nik[6] > "3"
    birth = person.birth_date
    if birth is not None:
        value, precision = birth.value, birth.precision
        if (
            _TWO_DIGITS[value.year % 100] != nik[10:12]
            or (precision is not _YEAR and _TWO_DIGITS[value.month] != nik[8:10])
            or (precision is _DAY and _TWO_DIGITS[value.day + 40 * female] != nik[6:8])
        ):
            codes = [*(codes or ()), "nik.birth_date_mismatch"]
    sex = person.sex
    if sex is not None and (sex is _FEMALE) != female:
        codes = [*(codes or ()), "nik.sex_mismatch"]
    domicile = person.domicile
    if domicile is not None and not (nik.startswith(domicile[:6]) or domicile.startswith(nik[:6])):
        codes = [*(codes or ()), "nik.region_differs"]
    return codes


def _nik_details(found: list[ErrorDetail] | None, codes: list[str], loc: Loc) -> list[ErrorDetail]:
    """``found`` and the details of a person's NIK ``codes``, at the person's ``loc``."""
    found = [] if found is None else found
    for code in codes:
        if code in _UNKNOWN_REGION:
            found.append(ErrorDetail((*loc, "nik"), code, *_UNKNOWN_REGION[code]))
        else:
            field, en, id_ = _NIK_SAYS[code]
            found.append(ErrorDetail((*loc, field), code, en, id_))
    return found


def _retired_items(
    found: list[ErrorDetail] | None, codes: tuple[str, ...], loc: Loc
) -> list[ErrorDetail] | None:
    """``found`` and a warning for each retired code of a tuple of region codes."""
    retired = _codes()[1]
    for index, code in enumerate(codes):
        if code in retired:
            found = [] if found is None else found
            found.append(_retired((*loc, index)))
    return found


def _elsewhere(
    found: list[ErrorDetail] | None, value: Any, cls: type[Any], loc: Loc
) -> list[ErrorDetail] | None:
    """``found`` and the warnings, at ``loc``, of a nested record of an unexpected class.

    A subclass of an entity, say: read by that class's own function, as the class it is.
    """
    inner = warner(cls)(value)
    if inner:
        found = [] if found is None else found
        found.extend(detail.at(loc) for detail in inner)
    return found


def _one_retired(found: list[ErrorDetail] | None, loc: Loc) -> list[ErrorDetail]:
    found = [] if found is None else found
    found.append(_retired(loc))
    return found


_YEAR, _DAY, _FEMALE = DatePrecision.YEAR, DatePrecision.DAY, Sex.FEMALE
#: "00" to "99": the record's numbers written as the NIK writes them (cheaper than int(digits)).
_TWO_DIGITS = tuple(f"{number:02d}" for number in range(100))
_PLANS: dict[type[Any], tuple[tuple[Field, str], ...]] = {}


def _plan(cls: type[Any]) -> tuple[tuple[Field, str], ...]:
    """The fields of ``cls`` where warnings can be: region codes, and records that hold some.

    Read from the class's type tree. A record that can hold none (a condition, an assessment) is
    not walked at all.
    """
    plan = _PLANS.get(cls)
    if plan is None:
        _PLANS[cls] = ()  # a recursive type holds no more than what the rest of it holds
        steps = []
        for field in shape_of(cls).fields:
            if field.metadata.get("region"):
                steps.append((field, "region"))
            elif any(_may_warn(c) for c in _entities_in(field.node)):
                steps.append((field, "nested"))
        plan = _PLANS[cls] = tuple(steps)
    return plan


def _may_warn(cls: type[Any]) -> bool:
    return issubclass(cls, Person) or bool(_plan(cls))


def _entities_in(node: Node) -> list[type[Any]]:
    return [c for c in records_in(node) if issubclass(c, Entity)]


def _record_class(value: Any) -> type[Any] | None:
    """The entity class of a nested record (``None`` for anything that is not an entity)."""
    kind = type(value)
    return kind if issubclass(kind, Entity) else None


def warnings_of(entity: Any) -> tuple[ErrorDetail, ...]:
    """The warnings of a valid entity and every record nested in it, located by path."""
    kind = type(entity)
    warn = _WARNERS.get(kind)
    if warn is None:
        if not issubclass(kind, Entity):
            return ()
        warn = warner(kind)
        if len(_WARNERS) < 512:  # entity classes: a few dozen
            _WARNERS[kind] = warn
    found = warn(entity)
    return () if found is None else tuple(found)


# --- Generation ------------------------------------------------------------------------------
# Each record class gets a generated function that reads exactly the fields ``_plan`` names, with
# nested records inlined and every path written out: no walk over the plan, no per-record class
# look-ups, no path built until there is a warning to place.

_WARNERS: dict[type[Any], Callable[[Any], list[ErrorDetail] | None]] = {}
_BY_CLASS: dict[type[Any], Callable[[Any], list[ErrorDetail] | None]] = {}


def warner(cls: type[Any]) -> Callable[[Any], list[ErrorDetail] | None]:
    """The generated warnings function of the entity class ``cls`` (made once)."""
    found = _BY_CLASS.get(cls)
    if found is None:
        found = _BY_CLASS[cls] = _Warnings(cls).function()
    return found


class _Warnings:
    """Generates one class's warnings function: ``found`` (a list, or ``None`` for none)."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls
        self.building: set[type[Any]] = set()
        self.ns = Namespace(
            {
                "_nik_codes": _nik_codes,
                "_nik_details": _nik_details,
                "_retired_items": _retired_items,
                "_one_retired": _one_retired,
                "_record_class": _record_class,
                "_elsewhere": _elsewhere,
                "_codes": _codes,  # on first need: loading the region table is start-up time
            }
        )
        self.locals = Locals(self.ns, "o", "found")

    def name(self, value: Any, wanted: str) -> str:
        """Bind ``value`` in the generated code's globals under a name after what it is."""
        return self.ns.name(value, wanted)

    def local(self, wanted: str) -> str:
        """A new local named after ``wanted``, unique in the function."""
        return self.locals.new(wanted)

    def function(self) -> Callable[[Any], list[ErrorDetail] | None]:
        function = f"warnings_{self.cls.__name__}"
        lines = [f"def {function}(o):", "    found = None"]
        self.object(self.cls, "o", (), lines, "    ")
        lines.append("    return found")
        source = "\n".join(lines) + "\n"
        made: Callable[[Any], list[ErrorDetail] | None] = compile_function(
            source, function, self.ns, self.cls, "warnings"
        )
        return made

    def object(
        self, cls: type[Any], obj: str, loc: tuple[str, ...], out: list[str], ind: str
    ) -> None:
        """Emit the warnings of ``obj`` (of entity class ``cls``) at ``loc``, code per part."""
        if cls in self.building:  # pragma: no cover - no entity holds itself
            raise TypeError(f"{cls.__name__} is recursive")
        self.building.add(cls)
        if issubclass(cls, Person):
            nik, codes = self.local("nik"), self.local("nik_says")
            out.append(f"{ind}{nik} = {obj}.nik")
            out.append(f"{ind}if {nik}.__class__ is str:")
            out.append(f"{ind}    {codes} = _nik_codes({obj}, {nik})")
            out.append(f"{ind}    if {codes}: found = _nik_details(found, {codes}, {_tuple(loc)})")
        for field, kind in _plan(cls):
            name = field.name
            var = self.local(name)
            here = (*loc, repr(name))
            out.append(f"{ind}{var} = {obj}.{name}")
            if kind == "region" and _holds_tuple(field.node):
                out.append(f"{ind}if {var}:")
                out.append(f"{ind}    found = _retired_items(found, {var}, {_tuple(here)})")
                continue
            if kind == "region":
                out.append(f"{ind}if {var} is not None and {var} in _codes()[1]:")
                out.append(f"{ind}    found = _one_retired(found, {_tuple(here)})")
                continue
            self.nested(field.node, var, here, out, ind)
        self.building.discard(cls)

    def nested(self, node: Node, var: str, loc: tuple[str, ...], out: list[str], ind: str) -> None:
        """Emit the warnings of the records a field of node ``node`` holds."""
        classes = [c for c in _entities_in(node) if _may_warn(c)]
        body: list[str] = []
        if _holds_tuple(node):
            index, item = self.local(f"{var}_index"), self.local(f"{var}_item")
            body.append(f"{ind}    for {index}, {item} in enumerate({var}):")
            self.dispatch(classes, item, (*loc, index), body, ind + "        ")
        else:
            self.dispatch(classes, var, loc, body, ind + "    ")
        out.append(f"{ind}if {var} is not None:")
        out.extend(body)

    def dispatch(
        self, classes: list[type[Any]], var: str, loc: tuple[str, ...], out: list[str], ind: str
    ) -> None:
        """Emit the warnings of ``var``, a record of one of ``classes``.

        By the value's own class, so that a record of a class the generated code does not
        know, a subclass, is read as that class is.
        """
        kind = self.local(f"{var}_class")
        out.append(f"{ind}{kind} = type({var})")
        for number, cls in enumerate(classes):
            out.append(
                f"{ind}{'if' if number == 0 else 'elif'} {kind} is {self.name(cls, cls.__name__)}:"
            )
            self.object(cls, var, loc, out, ind + "    ")
        # Any other entity class (a subclass made by the caller, say): its own function, placed
        # here.
        out.append(f"{ind}{'elif' if classes else 'if'} _record_class({var}) is not None:")
        out.append(f"{ind}    found = _elsewhere(found, {var}, {kind}, {_tuple(loc)})")


def _holds_tuple(node: Node) -> bool:
    """Whether a field of this node holds a tuple (a tuple, or a tuple or ``None``)."""
    if isinstance(node, Optional):
        node = node.inner
    return isinstance(node, TupleOf)


def _tuple(parts: tuple[str, ...]) -> str:
    """Code for a path tuple, of code parts (quoted names and index variables)."""
    return f"({', '.join(parts)},)" if parts else "()"
