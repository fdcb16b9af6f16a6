"""Generated structuring functions: the quick path of ``structure``.

For each entity class a small Python function is generated from the class's type tree
(:func:`atensi.boundary._shape.shape_of`), the same tree the strict path
(:mod:`atensi.boundary._plan`) reads. It checks exactly the same rules, inline, and builds the
instance; at the first problem of any kind it refuses the record
(:class:`~atensi.boundary._quick.Refused`, or a field validator's ``InvalidRecord``), and
``structure`` reads the record again on the strict path, which collects every problem with its
path. A differential test holds the two paths to the same results, and
:func:`atensi.boundary.source_of` shows the code (``"structure"``, and ``"counted"`` for the
variant that counts keys).
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
import types
from collections.abc import Callable
from typing import Any

from atensi._codegen import Namespace, local_name
from atensi.boundary._quick import Refused, refuse
from atensi.boundary._shape import (
    Boolean,
    Code,
    Date,
    Field,
    Integer,
    Node,
    Optional,
    Record,
    Tagged,
    Text,
    TextOr,
    TupleOf,
    shape_of,
)
from atensi.boundary._source import compile_function
from atensi.model._fields import (
    DATE_MAX,
    DATE_MIN,
    DateOrder,
    NikOrReason,
    RegionCodes,
    UniqueBy,
    blank_characters,
    compact_region,
    refused_character,
)
from atensi.nik import DAY_MONTHS_OF_EVERY_YEAR
from atensi.regions import region_table

__all__ = [
    "CountingFn",
    "check_calls",
    "counting_structurer",
    "fast_structurer",
    "invariant_lines",
    "slot_setter",
    "text_checks",
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
_BUILDING: set[tuple[type[Any], bool]] = set()


def fast_structurer(cls: type[Any]) -> FastFn:
    """Return (and cache) the generated structuring function of an attrs class."""
    fn = _FAST.get(cls)
    if fn is None:
        fn = _FAST[cls] = _generate(cls, counting=False)
    return fn


def counting_structurer(cls: type[Any]) -> CountingFn:
    """The structuring function of ``cls`` that also counts the keys of the objects it reads.

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


def _tagged(node: Tagged, counting: bool) -> Any:
    by_tag = {tag: _nested(cls, counting) for tag, cls in node.tags}

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


# --- What every generator of checks shares: text, a field's own checks, the invariants ---------

Name = Callable[[Any, str], str]


def text_checks(node: Text, var: str, *, typed: bool) -> list[str]:
    """Lines that refuse ``var`` unless it is text ``node`` accepts (``typed``: known a str).

    What msgspec checks in C (the type, the length) the twins leave out: ``typed`` with no
    ``max_length``.
    """
    lines = []
    if not typed:
        lines += [f"if type({var}) is not str: _bail()", f"if not {var}.isascii(): _utf8({var})"]
    lines.append(
        f"if not ({var}.isascii() and {var}.isprintable())"
        f" and _refused({var}, {node.multiline}) is not None: _bail()"
    )
    if node.max_length is not None and not typed:
        lines.append(f"if len({var}) > {node.max_length}: _bail()")
    if node.min_length:
        # ASCII text is blank where str.strip() says so (the ASCII blanks are its white space),
        # without building a set of the 287 blank characters for every value.
        stripped = f"({var}.strip() if {var}.isascii() else {var}.strip(_BLANK))"
        lines.append(f"if len{stripped} < {node.min_length}: _bail()")
    return lines


def check_calls(
    field: Field, var: str, name: Name, set_value: Callable[[str], list[str]]
) -> list[str]:
    """Lines calling ``field``'s converter and checks on ``var``, skipping what surely passes.

    ``set_value(expr)`` gives the lines that store a converted value. Two checks have a
    condition under which they surely accept the value unchanged, and are then not called:

    * the NIK's (:class:`~atensi.model._fields.NikOrReason`), which covers its converter: a value
      that is not text (the reason there is no NIK), or 16 ASCII digits with a day and month
      valid in every year and a serial other than 0000;
    * a region code's (:class:`~atensi.model._fields.RegionCodes`): ``None``, or text the region
      table holds as written. The table is bound as it is, loaded or not: until the first call
      of the validator loads it, no code is found there and the validator runs.

    A uniqueness check (:class:`~atensi.model._fields.UniqueBy`) is called only for two items
    or more whose keys are not all different (a set of them is smaller): it then says which.
    """
    calls: list[str] = []
    if field.converter is not None:
        calls += set_value(f"{name(field.converter, f'{field.name}_converter')}({var})")
    skips: list[str] = []
    attribute = None
    for check in field.checks:
        call = name(check, f"{field.name}_validator")
        attribute = attribute or name(field.attribute, f"{field.name}_field")
        line = f"{call}(None, {attribute}, {var})"
        if isinstance(check, UniqueBy):
            # Called only when the keys are not all different: the check then says which.
            key = name(check.key, f"{field.name}_key")
            calls.append(
                f"if {var} and len({var}) > 1 and len(set(map({key}, {var}))) < len({var}): {line}"
            )
            skips.append("")
        elif isinstance(check, RegionCodes):
            calls.append(f"if {var} is not None: {line}")
            table = name(region_table(), "region_table")
            skips.append(f"{var} is None or ({var}.__class__ is str and {var} in {table})")
        elif isinstance(check, NikOrReason):
            calls.append(line)
            days = name(DAY_MONTHS_OF_EVERY_YEAR, "day_months_of_every_year")
            skips.append(
                f"{var}.__class__ is not str or (len({var}) == 16 and {var}.isascii() and "
                f"{var}.isdigit() and {var}[6:10] in {days} and {var}[12:] != '0000')"
            )
        else:
            calls.append(line)
            skips.append("")
    # The NIK's check covers its converter; so does a region code's (a code the table holds as
    # written has no dots: compact_region leaves it as it is).
    covered = any(isinstance(c, NikOrReason) for c in field.checks) or (
        field.converter is compact_region and any(isinstance(c, RegionCodes) for c in field.checks)
    )
    if not calls or "" in skips or (field.converter is not None and not covered):
        return calls
    skip = " and ".join(f"({condition})" for condition in skips)
    return [f"if not ({skip}):", *(f"    {line}" for line in calls)]


def invariant_lines(
    invariants: tuple[Callable[[Any], Any], ...], name: Name, obj: str
) -> list[str]:
    """Lines that refuse ``obj`` when one of its class invariants finds a problem.

    A date order (:class:`~atensi.model._fields.DateOrder`) is compared inline.
    """
    lines = []
    for check in invariants:
        if isinstance(check, DateOrder):
            before, after = f"{obj}.{check.before}", f"{obj}.{check.after}"
            lines.append(
                f"if {before} is not None and {after} is not None and {after} < {before}: _bail()"
            )
        else:
            wanted = f"{getattr(check, '__name__', 'check').strip('_')}_invariant"
            lines.append(f"if {name(check, wanted)}({obj}): _bail()")
    return lines


class _Generator:
    def __init__(self, cls: type[Any], counting: bool = False) -> None:
        self.cls = cls
        self.counting = counting
        self.kind = "counted" if counting else "structure"
        # How a nested function is called: with the count, when counting.
        self.more = ", c" if counting else ""
        self.ns = Namespace(
            {
                "_bail": refuse,
                "_utf8": _utf8,
                "_date": _date,
                "_refused": refused_character,
                "_BLANK": blank_characters(),
                "_new": _new,
                "_set": _set,
                "_MISSING": _MISSING,
                cls.__name__: cls,
            }
        )

    def name(self, value: Any, wanted: str) -> str:
        """Bind ``value`` in the generated code's globals under a name after what it is."""
        return self.ns.name(value, wanted)

    def check(self, node: Node, var: str, out: list[str], ind: str) -> None:
        """Emit code that checks and converts ``var`` (in place) to what ``node`` says."""
        if isinstance(node, Text):
            out.extend(ind + line for line in text_checks(node, var, typed=False))
        elif isinstance(node, Boolean):
            out.append(f"{ind}if type({var}) is not bool: _bail()")
        elif isinstance(node, Integer):
            out.append(f"{ind}if type({var}) is not int: _bail()")
            if node.minimum is not None:
                out.append(f"{ind}if {var} < {node.minimum}: _bail()")
            if node.maximum is not None:
                out.append(f"{ind}if {var} > {node.maximum}: _bail()")
        elif isinstance(node, Date):
            out.append(f"{ind}{var} = _date({var})")
        elif isinstance(node, Code):
            members = self.name(_codes(node.enum), f"{node.enum.__name__}_codes")
            out.append(f"{ind}if type({var}) is not str: _bail()")
            out.append(f"{ind}{var} = {members}[{var}]")
        elif isinstance(node, Record):
            fn = self.name(_nested(node.cls, self.counting), f"{self.kind}_{node.cls.__name__}")
            out.append(f"{ind}{var} = {fn}({var}{self.more})")
        elif isinstance(node, TupleOf):
            self.tuple_of(node, var, out, ind)
        elif isinstance(node, Optional):
            out.append(f"{ind}if {var} is not None:")
            self.check(node.inner, var, out, ind + "    ")
        elif isinstance(node, TextOr):
            out.append(f"{ind}if type({var}) is str:")
            out.extend(f"{ind}    {line}" for line in text_checks(node.text, var, typed=False))
            out.append(f"{ind}else:")
            self.check(node.other, var, out, ind + "    ")
        elif isinstance(node, Tagged):
            fn = self.name(_tagged(node, self.counting), f"{self.kind}_tagged")
            out.append(f"{ind}{var} = {fn}({var}{self.more})")
        else:  # pragma: no cover - every node has a case
            raise TypeError(f"no structuring code for {node!r}")

    def tuple_of(self, node: TupleOf, var: str, out: list[str], ind: str) -> None:
        out.append(f"{ind}if type({var}) is not list and type({var}) is not tuple: _bail()")
        if node.max_items is not None:
            out.append(f"{ind}if len({var}) > {node.max_items}: _bail()")
        # An empty list is the empty tuple: no comprehension (a call in Python 3.11) for it.
        out.append(f"{ind}if not {var}:")
        out.append(f"{ind}    {var} = ()")
        out.append(f"{ind}else:")
        ind += "    "
        item = node.item
        if isinstance(item, Code):
            members = self.name(_codes(item.enum), f"{item.enum.__name__}_codes")
            out.append(f"{ind}for _x in {var}:")
            out.append(f"{ind}    if type(_x) is not str: _bail()")
            out.append(f"{ind}{var} = tuple([{members}[_x] for _x in {var}])")
        elif isinstance(item, Record):
            fn = self.name(_nested(item.cls, self.counting), f"{self.kind}_{item.cls.__name__}")
            out.append(f"{ind}{var} = tuple([{fn}(_x{self.more}) for _x in {var}])")
        else:
            # Scalars inside a list: check each one with the same code.
            out.append(f"{ind}_items = []")
            out.append(f"{ind}for _x in {var}:")
            self.check(item, "_x", out, ind + "    ")
            out.append(f"{ind}    _items.append(_x)")
            out.append(f"{ind}{var} = tuple(_items)")

    def build(self) -> Any:
        shape = shape_of(self.cls)
        cls, fields = shape.cls, shape.fields
        # Each field's value is held in a local named after the field.
        local = {f.name: _local(f.name) for f in fields}
        keys = self.name(frozenset(f.name for f in fields), "field_names")
        function = f"{self.kind}_{cls.__name__}"
        lines = [f"def {function}(d{self.more}):", "    if type(d) is not dict: _bail()"]
        if self.counting:  # decoded JSON: every key is a str
            lines.append(f"    if not {keys}.issuperset(d): _bail()")
            lines.append("    c[0] += len(d)")
        else:
            # Python data: a key of another type may raise when compared; then refuse.
            lines += [
                "    try:",
                f"        known = {keys}.issuperset(d)",
                "    except Exception:",
                "        _bail()",
                "    if not known: _bail()",
            ]
        fetch = [f"{local[f.name]} = d.get({f.name!r}, _MISSING)" for f in fields]
        if len(fields) > 1:
            # Every key given (the usual export): one C call reads them all, no look-up per key.
            every = self.name(operator.itemgetter(*(f.name for f in fields)), "every_field")
            lines.append(f"    if len(d) == {len(fields)}:")
            lines.append(f"        {', '.join(local[f.name] for f in fields)} = {every}(d)")
            lines.append("    else:")
            lines.extend(f"        {line}" for line in fetch)
        else:
            lines.extend(f"    {line}" for line in fetch)
        for field in fields:
            var = local[field.name]
            if field.required:
                lines.append(f"    if {var} is _MISSING: _bail()")
                ind = "    "
            else:
                lines.append(f"    if {var} is _MISSING: {var} = {self.default(field)}")
                lines.append("    else:")
                ind = "        "
            body: list[str] = []
            self.check(field.node, var, body, ind)

            def stored(expr: str, var: str = var) -> list[str]:
                return [f"{var} = {expr}"]

            calls = check_calls(field, var, self.name, stored)
            body.extend(ind + line for line in calls)
            lines.extend(body or [f"{ind}pass"])
        if shape.entity:
            # An atensi entity: its field validators ran above; set the slots directly and
            # check the class invariants.
            lines.append(f"    o = _new({cls.__name__})")
            for field in fields:
                setter = slot_setter(cls, field.name)
                if setter is None:  # pragma: no cover - entities are slotted
                    lines.append(f"    _set(o, {field.name!r}, {local[field.name]})")
                else:
                    set_field = self.name(setter, f"set_{field.name}")
                    lines.append(f"    {set_field}(o, {local[field.name]})")
            if shape.own_problems:  # pragma: no cover - no entity overrides problems
                lines.append("    if o.problems(): _bail()")
            else:
                # What ``problems`` would do, without building the list: any problem refuses.
                checks = invariant_lines(shape.invariants, self.name, "o")
                lines.extend("    " + line for line in checks)
            lines.append("    return o")
        else:
            # Another attrs class: let its own __init__ validate.
            args = ", ".join(f"{f.name}={local[f.name]}" for f in fields)
            lines.append(f"    return {cls.__name__}({args})")
        return compile_function("\n".join(lines) + "\n", function, self.ns, cls, self.kind)

    def default(self, field: Field) -> str:
        """Code for the default of a field the record does not give."""
        return field.default_source(self.name)


#: Names the generated structuring functions use for themselves: a field is never held in them.
_RESERVED = frozenset({"d", "c", "o", "known", "_x", "_items"})


def _local(field: str) -> str:
    """The local that holds a field's value: the field's name, unless Python or the code uses it."""
    name = local_name(field)
    return name + "_" if name in _RESERVED else name
