"""Generated fast structuring functions: the happy path of ``structure``.

For each entity class a small Python function is generated from the same attrs fields and type
annotations as the detailed plans (:mod:`atensi.boundary._plan`). It checks exactly the same
rules, inline, and builds the instance; on the first problem of any kind it gives up (raises),
and ``structure`` re-runs the record through the detailed plan, which collects every problem
with its path. A differential test holds the two paths to the same results.
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from atensi.boundary._quick import Refused, refuse
from atensi.model import SUBJECT_KINDS
from atensi.model._fields import (
    DATE_MAX,
    DATE_MIN,
    Entity,
    default_factory,
    multiline,
    refused_character,
    region_codes,
    type_hints,
)
from atensi.nik import _DAY_MONTHS_OF_EVERY_YEAR
from atensi.regions import _table as region_table

__all__ = [
    "CountingFn",
    "counting_structurer",
    "fast_structurer",
    "guarded",
    "invariant_line",
    "skip_condition",
    "slot_setter",
    "validator_line",
]

FastFn = Callable[[Any], Any]
#: A fast function that also adds the keys of every object it reads to ``count[0]``.
CountingFn = Callable[[Any, list[int]], Any]

_date_from = dt.date.fromisoformat
_new = object.__new__
_set = object.__setattr__
_MISSING = object()
_LOW, _HIGH = DATE_MIN.isoformat(), DATE_MAX.isoformat()


def _date(value: Any) -> dt.date:
    # date.fromisoformat only reads ASCII digits; with the length and the two dashes fixed it
    # accepts exactly YYYY-MM-DD (the week form YYYY-Www-D has no dash at index 7). In that
    # form text order is date order, so one string comparison checks the accepted range.
    if type(value) is str:
        if len(value) == 10 and value[4] == "-" and value[7] == "-" and _LOW <= value <= _HIGH:
            try:
                return _date_from(value)
            except ValueError:  # a day the month does not have, or no digits
                raise Refused from None
    elif type(value) is dt.date and DATE_MIN <= value <= DATE_MAX:
        return value
    raise Refused


def _utf8(text: str) -> None:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        refuse()


class _Codes(dict[str, Any]):
    """An enum's members by code: an unknown code refuses (no ``KeyError`` escapes)."""

    def __missing__(self, key: str) -> Any:
        refuse()


def _codes(cls: type[enum.Enum]) -> _Codes:
    return _Codes({m.value: m for m in cls})


_FAST: dict[type[Any], FastFn] = {}
_COUNTING: dict[type[Any], CountingFn] = {}
_TAGGED: list[tuple[frozenset[type[Any]], Mapping[str, type[Any]]]] = []


def register_fast_tagged_union(tags: Mapping[str, type[Any]]) -> None:
    """Declare a tagged union (see ``_plan.register_tagged_union``)."""
    _TAGGED.append((frozenset(tags.values()), dict(tags)))


_BUILDING: set[tuple[type[Any], bool]] = set()


def fast_structurer(cls: type[Any]) -> FastFn:
    """Return (and cache) the generated fast function of an attrs class."""
    fn = _FAST.get(cls)
    if fn is None:
        fn = _FAST[cls] = _generate(cls, counting=False)
    return fn


def counting_structurer(cls: type[Any]) -> CountingFn:
    """The fast function of ``cls`` that also counts the keys of the objects it reads.

    ``fn(value, count)`` adds to ``count[0]`` the number of keys of every object of ``value``
    (a subject's ``kind`` included): what :mod:`atensi.boundary._counted` compares with the
    colons of the text, to prove that no key was given twice. Generated on first use, apart from
    :func:`fast_structurer`, so that ``structure`` of Python data pays nothing for it.
    """
    fn = _COUNTING.get(cls)
    if fn is None:
        fn = _COUNTING[cls] = _generate(cls, counting=True)
    return fn


def _generate(cls: type[Any], counting: bool) -> Any:
    _BUILDING.add((cls, counting))
    try:
        return _Generator(cls, counting).build()
    finally:
        _BUILDING.discard((cls, counting))


def _nested(cls: type[Any], counting: bool) -> Any:
    # Bind the nested class's function directly; only a class still being generated (a
    # recursive type) goes through a lazy look-up.
    if (cls, counting) in _BUILDING:
        return _lazy(cls, counting)
    return counting_structurer(cls) if counting else fast_structurer(cls)


def _lazy(cls: type[Any], counting: bool) -> Any:
    if counting:

        def counted(value: Any, count: list[int]) -> Any:
            return counting_structurer(cls)(value, count)

        return counted

    def call(value: Any) -> Any:
        return fast_structurer(cls)(value)

    return call


def _tagged(tags: Mapping[str, type[Any]], counting: bool) -> Any:
    by_tag = {tag: _nested(cls, counting) for tag, cls in tags.items()}

    def member(value: Any) -> tuple[Any, dict[str, Any]]:
        if type(value) is not dict:
            refuse()
        try:
            tag = value.get("kind")
        except Exception:  # Python data: a key whose own methods raise when compared
            refuse()
        fn = by_tag.get(tag) if type(tag) is str else None
        if fn is None:
            refuse()
        rest = dict(value)
        del rest["kind"]
        return fn, rest

    if counting:

        def counted(value: Any, count: list[int]) -> Any:
            fn, rest = member(value)
            count[0] += 1  # the kind
            return fn(rest, count)

        return counted

    def call(value: Any) -> Any:
        fn, rest = member(value)
        return fn(rest)

    return call


def slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None] | None:
    """The ``__set__`` of the slot ``name``, or ``None`` if the attribute is not a plain slot.

    ``object.__setattr__(o, name, v)`` finds this same descriptor through the MRO and calls it;
    calling it directly skips the look-up (about half the cost, for every field of every record).
    """
    for klass in cls.__mro__:
        if name in vars(klass):
            found = vars(klass)[name]
            if isinstance(found, types.MemberDescriptorType):
                return found.__set__
            return None
    return None


def validator_line(validator: Any, call: str, attribute: str, var: str) -> str:
    """Code calling a field's custom validator on ``var``, skipping values it always accepts.

    A uniqueness check cannot fail on fewer than two items, a region check not on ``None``: a
    Python call saved per field of every record.
    """
    line = f"{call}(None, {attribute}, {var})"
    if getattr(validator, "unique", False):
        return f"if {var} and len({var}) > 1: {line}"
    if validator is region_codes:
        return f"if {var} is not None: {line}"
    return line


def skip_condition(field: attrs.Attribute[Any], var: str, name: Callable[[Any, str], str]) -> str:
    """Code true where ``field``'s converter and validators surely accept ``var`` unchanged.

    Then the generated code does not call them; ``""`` where some call has no such condition.
    Two have one:

    * the NIK (its converter and validator): a value that is not text (the reason there is no
      NIK), or 16 ASCII digits with a day and month valid in every year and a serial other
      than 0000, which :func:`atensi.nik.validate` accepts as it is. Anything else (separators,
      29 February, a wrong date) goes through the calls;
    * a region code: ``None``, or text the region table holds as it is written (a tuple of
      codes goes through the call). The table is bound as it is, loaded or not: until the
      first call of the validator loads it, no code is found there and the validator runs.
    """
    conditions = []
    converter_covered = False  # the NIK's condition covers its converter too
    for validator in field.metadata.get("custom_validators", ()):
        if getattr(validator, "nik", False):
            days = name(_DAY_MONTHS_OF_EVERY_YEAR, "nd")
            conditions.append(
                f"{var}.__class__ is not str or (len({var}) == 16 and {var}.isascii() and "
                f"{var}.isdigit() and {var}[6:10] in {days} and {var}[12:] != '0000')"
            )
            converter_covered = True
        elif validator is region_codes:
            table = name(region_table(), "rt")
            conditions.append(f"{var} is None or ({var}.__class__ is str and {var} in {table})")
        else:
            return ""
    if field.metadata.get("converter") is not None and not converter_covered:
        return ""
    return " and ".join(f"({c})" for c in conditions)


def guarded(calls: list[str], skip: str, ind: str) -> list[str]:
    """``calls`` (lines of a field's converter and validators) at ``ind``, under ``if not skip``.

    ``skip`` is the field's :func:`skip_condition` (``""``: the calls always run).
    """
    if skip and calls:
        return [f"{ind}if not ({skip}):", *(f"{ind}    {line}" for line in calls)]
    return [ind + line for line in calls]


def invariant_line(check: Any, name: Callable[[Any, str], str], obj: str) -> str:
    """Code that bails when the invariant ``check`` finds a problem in ``obj``.

    A date-order invariant (``order(before, after)``) is compared inline.
    """
    dates = getattr(check, "dates", None)
    if dates is not None:
        before, after = dates
        return (
            f"if {obj}.{before} is not None and {obj}.{after} is not None and "
            f"{obj}.{after} < {obj}.{before}: _bail()"
        )
    return f"if {name(check, 'inv')}({obj}): _bail()"


class _Generator:
    def __init__(self, cls: type[Any], counting: bool = False) -> None:
        self.cls = cls
        self.counting = counting
        # How a nested function is called: with the count, when counting.
        self.more = ", c" if counting else ""
        self.ns: dict[str, Any] = {
            "_bail": refuse,
            "_utf8": _utf8,
            "_date": _date,
            "_refused": refused_character,
            "_new": _new,
            "_set": _set,
            "_MISSING": _MISSING,
            "CLS": cls,
        }
        self.counter = 0

    def name(self, value: Any, prefix: str = "c") -> str:
        self.counter += 1
        key = f"{prefix}{self.counter}"
        self.ns[key] = value
        return key

    def check(self, tp: Any, var: str, limits: dict[str, int], out: list[str], ind: str) -> None:
        """Emit code that checks and converts ``var`` (in place) to type ``tp``."""
        if tp is str:
            out.append(f"{ind}if type({var}) is not str: _bail()")
            out.append(f"{ind}if not {var}.isascii(): _utf8({var})")
            long_text = multiline(limits)
            out.append(
                f"{ind}if not {var}.isprintable() and _refused({var}, {long_text}) is not None:"
                " _bail()"
            )
            if "max_length" in limits:
                out.append(f"{ind}if len({var}) > {limits['max_length']}: _bail()")
            if limits.get("min_length"):
                out.append(f"{ind}if len({var}.strip()) < {limits['min_length']}: _bail()")
            return
        if tp is bool:
            out.append(f"{ind}if type({var}) is not bool: _bail()")
            return
        if tp is int:
            out.append(f"{ind}if type({var}) is not int: _bail()")
            if "minimum" in limits:
                out.append(f"{ind}if {var} < {limits['minimum']}: _bail()")
            if "maximum" in limits:
                out.append(f"{ind}if {var} > {limits['maximum']}: _bail()")
            return
        if tp is dt.date:
            out.append(f"{ind}{var} = _date({var})")
            return
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = self.name(_codes(tp), "e")
            out.append(f"{ind}if type({var}) is not str: _bail()")
            out.append(f"{ind}{var} = {members}[{var}]")
            return
        if isinstance(tp, type) and attrs.has(tp):
            fn = self.name(_nested(tp, self.counting), "f")
            out.append(f"{ind}{var} = {fn}({var}{self.more})")
            return
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is tuple:
            out.append(f"{ind}if type({var}) is not list and type({var}) is not tuple: _bail()")
            if "max_items" in limits:
                out.append(f"{ind}if len({var}) > {limits['max_items']}: _bail()")
            item = args[0]
            # An empty list is the empty tuple: no comprehension (a call in Python 3.11) for it.
            out.append(f"{ind}if not {var}:")
            out.append(f"{ind}    {var} = ()")
            out.append(f"{ind}else:")
            ind += "    "
            if isinstance(item, type) and issubclass(item, enum.Enum):
                members = self.name(_codes(item), "e")
                out.append(f"{ind}for _x in {var}:")
                out.append(f"{ind}    if type(_x) is not str: _bail()")
                out.append(f"{ind}{var} = tuple([{members}[_x] for _x in {var}])")
            elif isinstance(item, type) and attrs.has(item):
                fn = self.name(_nested(item, self.counting), "f")
                out.append(f"{ind}{var} = tuple([{fn}(_x{self.more}) for _x in {var}])")
            else:
                # Scalars inside a list: check each one with the same code.
                out.append(f"{ind}_items = []")
                out.append(f"{ind}for _x in {var}:")
                self.check(item, "_x", {}, out, ind + "    ")
                out.append(f"{ind}    _items.append(_x)")
                out.append(f"{ind}{var} = tuple(_items)")
            return
        if origin in (typing.Union, types.UnionType):
            non_none = tuple(a for a in args if a is not type(None))
            optional = len(non_none) != len(args)
            inner_ind = ind + "    " if optional else ind
            if optional:
                out.append(f"{ind}if {var} is not None:")
            if len(non_none) == 1:
                self.check(non_none[0], var, limits, out, inner_ind)
            elif str in non_none and len(non_none) == 2:
                other = next(a for a in non_none if a is not str)
                out.append(f"{inner_ind}if type({var}) is str:")
                self.check(str, var, limits, out, inner_ind + "    ")
                out.append(f"{inner_ind}else:")
                out.append(f"{inner_ind}    if not isinstance({var}, dict): _bail()")
                self.check(other, var, {}, out, inner_ind + "    ")
            else:
                for classes, tags in _TAGGED:
                    if frozenset(non_none) == classes:
                        fn = self.name(_tagged(tags, self.counting), "t")
                        out.append(f"{inner_ind}{var} = {fn}({var}{self.more})")
                        break
                else:  # pragma: no cover - the plans refuse such types first
                    raise TypeError(f"no fast path for {tp!r}")
            return
        raise TypeError(f"no fast path for {tp!r}")  # pragma: no cover

    def build(self) -> Any:
        cls = self.cls
        attrs.resolve_types(cls)
        hints = type_hints(cls)
        fields = attrs.fields(cls)
        names = self.name(frozenset(f.name for f in fields), "n")
        lines = [f"def fast(d{self.more}):", "    if type(d) is not dict: _bail()"]
        if self.counting:  # decoded JSON: every key is a str
            lines.append(f"    if not {names}.issuperset(d): _bail()")
        else:
            # Python data: a key of another type may raise when compared; then refuse.
            lines += [
                "    try:",
                f"        known = {names}.issuperset(d)",
                "    except Exception:",
                "        _bail()",
                "    if not known: _bail()",
            ]
        if self.counting:
            lines.append("    c[0] += len(d)")
        fetch = [f"v{i} = d.get({f.name!r}, _MISSING)" for i, f in enumerate(fields)]
        if len(fields) > 1:
            # Every key given (the usual export): one C call reads them all, no look-up per key.
            every = self.name(operator.itemgetter(*(f.name for f in fields)), "g")
            lines.append(f"    if len(d) == {len(fields)}:")
            lines.append(f"        {', '.join(f'v{i}' for i in range(len(fields)))} = {every}(d)")
            lines.append("    else:")
            lines.extend(f"        {line}" for line in fetch)
        else:
            lines.extend(f"    {line}" for line in fetch)
        for index, field in enumerate(fields):
            var = f"v{index}"
            if field.default is attrs.NOTHING:
                lines.append(f"    if {var} is _MISSING: _bail()")
            else:
                factory = default_factory(field)
                if factory is not None:
                    ref = self.name(factory, "d")
                    lines.append(f"    if {var} is _MISSING: {var} = {ref}()")
                else:
                    ref = self.name(field.default, "d")
                    lines.append(f"    if {var} is _MISSING: {var} = {ref}")
                lines.append("    else:")
            body: list[str] = []
            ind = "        " if field.default is not attrs.NOTHING else "    "
            limits = dict(field.metadata.get("limits", {}))
            self.check(hints[field.name], var, limits, body, ind)
            calls: list[str] = []
            converter = field.metadata.get("converter")
            if converter is not None:
                calls.append(f"{var} = {self.name(converter, 'cv')}({var})")
            for validator in field.metadata.get("custom_validators", ()):
                call = self.name(validator, "val")
                attribute = self.name(field, "a")
                calls.append(validator_line(validator, call, attribute, var))
            body.extend(guarded(calls, skip_condition(field, var, self.name), ind))
            if not body:
                body.append(f"{ind}pass")
            lines.extend(body)
        if callable(getattr(cls, "problems", None)):
            # An atensi entity: its field validators ran above; set the slots directly and
            # check the class invariants.
            lines.append("    o = _new(CLS)")
            for index, field in enumerate(fields):
                setter = slot_setter(cls, field.name)
                if setter is None:
                    lines.append(f"    _set(o, {field.name!r}, v{index})")
                else:
                    lines.append(f"    {self.name(setter, 's')}(o, v{index})")
            invariants = getattr(cls, "_invariants", ())
            if invariants and cls.problems is Entity.problems:
                # What ``problems`` would do, without building the list: any problem bails.
                for check in invariants:
                    lines.append("    " + invariant_line(check, self.name, "o"))
            elif invariants:
                lines.append("    if o.problems(): _bail()")
            lines.append("    return o")
        else:
            # Another attrs class: let its own __init__ validate.
            args = ", ".join(f"{f.name}=v{i}" for i, f in enumerate(fields))
            lines.append(f"    return CLS({args})")
        source = "\n".join(lines) + "\n"
        code = compile(source, f"<atensi fast structure {cls.__name__}>", "exec")
        exec(code, self.ns)
        fn: Any = self.ns["fast"]
        return fn


# The case subject, as the plans read it (see ``_plan``).
register_fast_tagged_union(SUBJECT_KINDS)
