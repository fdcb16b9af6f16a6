r"""Struct twins: msgspec Structs generated from the attrs entities, for the ``fast`` extra.

msgspec cannot decode into the entities themselves: it would run their attrs validators (slow),
keep unknown keys quietly and could not tell the four subjects apart (measured). So each
entity gets a *twin*: a frozen, keyword-only msgspec Struct generated from the entity's own
``attrs.fields``, with the same field names, types (vocabulary enums, dates, tuples, the twin of a
nested entity), defaults and limits, unknown keys forbidden, and the subjects a union tagged by
``kind``. Generated when first needed, so a field added to an entity is in its twin at once.

msgspec checks in C what the types and limits say: JSON types, enum codes, real calendar dates,
lengths, item counts and numeric bounds. What it cannot check, a generated Python *check* does,
with the very functions and validators the detailed path (:mod:`atensi.boundary._plan`) uses:
text that hides characters, non-blank text (``str.strip``, not a regex: msgspec would call
Python's ``re`` for a pattern), the accepted date range, a NIK, region codes, uniqueness and the
class invariants. Any problem raises, and the caller takes the detailed path, which finds and
locates every problem: the fast path decides nothing the detailed path would not.

**Duplicate keys.** ``json`` and msgspec both keep the last of a key given twice; atensi refuses
such a line (``input.duplicate_key``). A key absent from the input decodes as ``UNSET`` and the
check puts the field's default in, counting the keys that were present; the colons of the line
then prove that no key was given twice (:func:`atensi.boundary._lines.no_key_twice`), or the
line goes the detailed way.

**Twins never leave this module.** :func:`decode` builds the attrs entity of a checked twin,
runs the class invariants on it and returns it; everything past the boundary (the warnings, the
rules, the memo) reads entities only. A twin carries its fields and a repr that
hides personal data as the entity's does, nothing else of its entity.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from typing import Annotated, Any

import attrs
import msgspec

from atensi.boundary._fast import check_calls, invariant_lines, slot_setter, text_checks
from atensi.boundary._lines import no_key_twice
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
    Shape,
    Tagged,
    Text,
    TextOr,
    TupleOf,
    shape_of,
)
from atensi.boundary._source import Locals, Namespace, compile_function, local_name
from atensi.errors import InvalidRecord
from atensi.model._fields import (
    BLANK,
    DATE_MAX,
    DATE_MIN,
    Entity,
    refused_character,
)

__all__ = ["REFUSALS", "decode", "twin"]

UNSET = msgspec.UNSET
_new = object.__new__
_bail = refuse

#: What this path raises to refuse a text (:mod:`atensi.boundary._quick`): its own signal, a
#: field validator's error, and msgspec's ``DecodeError`` (its ``ValidationError`` is one).
REFUSALS: tuple[type[Exception], ...] = (Refused, InvalidRecord, msgspec.DecodeError)


_TWINS: dict[type[Any], type[Any]] = {}
_TAGGED: dict[type[Any], type[Any]] = {}
#: The entity class and the generator's namespace of every twin class (tagged or not).
_SOURCES: dict[type[Any], tuple[type[Any], Namespace]] = {}
#: The check of a twin class decoded as a whole (made on first use): the keys present.
_CHECKS: dict[type[Any], Callable[[Any], int]] = {}
#: How many colons the text values of a checked twin hold (see "Duplicate keys" above; made
#: on first use, which few lines need).
_COLONS: dict[type[Any], Callable[[Any], int]] = {}
#: The attrs entity of every twin class, built from the twin.
_ENTITIES: dict[type[Any], Callable[[Any], Any]] = {}
_DECODERS: dict[type[Any], msgspec.json.Decoder[Any]] = {}
_BUILDING: set[type[Any]] = set()


def twin(cls: type[Any]) -> type[Any]:
    """The twin Struct of an attrs class (generated on first use)."""
    found = _TWINS.get(cls)
    if found is None:
        if cls in _BUILDING:  # pragma: no cover - no entity holds itself
            raise TypeError(f"{cls.__name__} is recursive; it has no twin")
        _BUILDING.add(cls)
        try:
            found = _Builder(cls).build()
        finally:
            _BUILDING.discard(cls)
        _TWINS[cls] = found
    return found


def _tagged(cls: type[Any], tag: str) -> type[Any]:
    """The twin of a subject class as a member of the subject union: tagged by ``kind``.

    A separate subclass, so that a family's members (plain persons) still refuse a ``kind`` key.
    """
    found = _TAGGED.get(cls)
    if found is None:
        base = twin(cls)
        found = msgspec.defstruct(
            base.__name__, [], bases=(base,), tag=tag, tag_field="kind", module=__name__
        )
        _SOURCES[found] = _SOURCES[base]
        _ENTITIES[found] = _ENTITIES[base]
        _TAGGED[cls] = found
    return found


def _decoder(cls: type[Any]) -> msgspec.json.Decoder[Any]:
    found = _DECODERS.get(cls)
    if found is None:
        if not (isinstance(cls, type) and issubclass(cls, Entity)):
            _bail()  # not an entity class: the strict path says so
        found = _DECODERS[cls] = msgspec.json.Decoder(twin(cls))
    return found


def decode(data: bytes | str, cls: type[Any]) -> Any:
    """The entity ``cls`` of one JSON text, through its twin, or refuse it: take the strict path.

    Raises:
        Refused, InvalidRecord, msgspec.DecodeError: the text is not a valid record by this
            path's means (the strict path says why).
    """
    try:
        value = _decoder(cls).decode(data)
    except UnicodeError:  # bytes that are not UTF-8, text with a lone surrogate
        _bail()
    kind = type(value)
    check = _CHECKS.get(kind) or _generated(_CHECKS, kind, "check")
    if not no_key_twice(data, check(value), value, _string_colons):
        _bail()
    return _ENTITIES[kind](value)  # the class invariants are checked on the entity


def _string_colons(value: Any) -> int:
    """The colons inside the text values of a checked twin (a note "Catatan: ...")."""
    kind = type(value)
    count = _COLONS.get(kind) or _generated(_COLONS, kind, "colons")
    return count(value)


def _generated(
    table: dict[type[Any], Callable[[Any], int]], kind: type[Any], name: str
) -> Callable[[Any], int]:
    """Generate a twin class's check or colon count, on first use.

    Start-up pays for neither for the classes a process never decodes as a whole.
    """
    cls, namespace = _SOURCES[kind]
    made = table[kind] = _Checks(cls, namespace).function(name)
    return made


def generate(cls: type[Any], kind: str) -> None:
    """Generate the twin of the entity class ``cls`` and its ``kind`` of function.

    For :func:`atensi.boundary.source_of`: ``"twin check"``, ``"twin colons"`` or
    ``"twin entity"`` (made with the twin).
    """
    made = twin(cls)
    if kind == "twin check" and made not in _CHECKS:
        _generated(_CHECKS, made, "check")
    elif kind == "twin colons" and made not in _COLONS:
        _generated(_COLONS, made, "colons")


# --- Generation ------------------------------------------------------------------------------


def _repr_policy(cls: type[Any]) -> list[tuple[str, Callable[[Any], str]]]:
    """How the entity shows each field (attrs' ``repr``): personal fields masked or hidden."""
    fields = [f for f in attrs.fields(cls) if f.repr is not False]
    return [(f.name, repr if f.repr is True else f.repr) for f in fields]


def _repr_of(cls: type[Any]) -> Callable[[Any], str]:
    """The twin's repr: the entity's, so that no personal value shows."""
    shown = _repr_policy(cls)
    name = cls.__name__

    def twin_repr(self: Any) -> str:
        parts = ", ".join(f"{n}={show(getattr(self, n))}" for n, show in shown)
        return f"{name}({parts})"

    return twin_repr


class _Builder:
    """Generates the twin of one attrs class, and the function that builds its entity."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls
        self.ns = Namespace(
            {
                "_bail": _bail,
                "_refused": refused_character,
                "_BLANK": BLANK,
                "_force": msgspec.structs.force_setattr,
                "_new": _new,
                "_same": _same,
                "UNSET": UNSET,
                "LOW": DATE_MIN,
                "HIGH": DATE_MAX,
                "ENTITIES": _ENTITIES,
                cls.__name__: cls,
            }
        )

    def name(self, value: Any, wanted: str) -> str:
        """Bind ``value`` in the generated code's globals under a name after what it is."""
        return self.ns.name(value, wanted)

    # The Struct's types --------------------------------------------------------------------

    def type_of(self, node: Node) -> Any:
        """The msgspec type of a node, with the limits msgspec checks in C."""
        if isinstance(node, Text):
            if node.max_length is not None:
                return Annotated[str, msgspec.Meta(max_length=node.max_length)]
            return str
        if isinstance(node, Integer):
            if node.minimum is not None or node.maximum is not None:
                return Annotated[int, msgspec.Meta(ge=node.minimum, le=node.maximum)]
            return int
        if isinstance(node, Boolean):
            return bool
        if isinstance(node, Date):
            return dt.date
        if isinstance(node, Code):
            if any(":" in str(m.value) for m in node.enum):  # pragma: no cover - plain words
                raise TypeError(f"{node.enum.__name__} has a code with a colon")
            return node.enum
        if isinstance(node, Record):
            return twin(node.cls)
        if isinstance(node, TupleOf):
            inner: Any = tuple.__class_getitem__((self.type_of(node.item), ...))
            if node.max_items is not None:
                return Annotated[inner, msgspec.Meta(max_length=node.max_items)]
            return inner
        if isinstance(node, Optional):
            return self.type_of(node.inner) | None
        if isinstance(node, TextOr):
            return self.type_of(node.text) | self.type_of(node.other)
        if isinstance(node, Tagged):
            options = [_tagged(cls, tag) for tag, cls in node.tags]
            return typing.Union[tuple(options)]  # noqa: UP007 - built from a list
        raise TypeError(f"no twin for {node!r}")  # pragma: no cover - every node has a case

    def build(self) -> type[Any]:
        shape = shape_of(self.cls)
        spec: list[tuple[str, Any, Any]] = []
        for field in shape.fields:
            tp = self.type_of(field.node)
            if field.required:
                spec.append((field.name, tp, msgspec.NODEFAULT))
            else:
                spec.append((field.name, tp | msgspec.UnsetType, UNSET))
        # Only the repr, so that a twin in a debugger or a test report hides what its entity
        # hides; twins never reach code that would call anything else.
        namespace = {"__repr__": _repr_of(self.cls)}
        made = msgspec.defstruct(
            self.cls.__name__,
            spec,
            namespace=namespace,
            module=__name__,
            frozen=True,
            kw_only=True,
            forbid_unknown_fields=True,
        )
        _SOURCES[made] = (self.cls, self.ns)
        _ENTITIES[made] = self._entity_function(shape)
        return made

    def _entity_function(self, shape: Shape) -> Callable[[Any], Any]:
        cls = shape.cls
        function = f"entity_{cls.__name__}"
        lines = [f"def {function}(t):", f"    o = _new({cls.__name__})"]
        for field in shape.fields:
            local = local_name(field.name)
            if local in ("o", "t"):  # the record and the twin
                local += "_"
            value = self.converted(field.node, local)
            setter = self.name(_slot_setter(cls, field.name), f"set_{field.name}")
            if value == local:
                lines.append(f"    {setter}(o, t.{field.name})")
            else:
                lines.append(f"    {local} = t.{field.name}")
                lines.append(f"    {setter}(o, {value})")
        # The class invariants, on the entity (they may call its methods): any problem refuses.
        if shape.own_problems:  # pragma: no cover - no entity overrides problems
            lines.append("    if o.problems(): _bail()")
        else:
            lines.extend(
                "    " + line for line in invariant_lines(shape.invariants, self.name, "o")
            )
        lines.append("    return o")
        source = "\n".join(lines) + "\n"
        return compile_function(source, function, self.ns, cls, "twin entity")

    def converted(self, node: Node, expr: str) -> str:
        """An expression for ``expr`` (a twin's value, a local name) as its entity holds it."""
        if isinstance(node, Record):
            build = self.name(_ENTITIES[twin(node.cls)], f"entity_{node.cls.__name__}")
            return f"{build}({expr})"
        if isinstance(node, TupleOf) and isinstance(node.item, Record):
            # An empty tuple is the same empty tuple: no list made for it.
            item = self.converted(node.item, "_item")
            return f"(tuple([{item} for _item in {expr}]) if {expr} else ())"
        if isinstance(node, Optional | TextOr):
            # ``X | None`` and ``str | NoNik``: the other value is kept as it is.
            inner = node.inner if isinstance(node, Optional) else node.other
            built = self.converted(inner, expr)
            if built == expr:
                return expr
            other = " is None" if isinstance(node, Optional) else ".__class__ is str"
            return f"({expr} if {expr}{other} else {built})"
        if isinstance(node, Tagged):
            # The subjects: by the value's own type.
            return f"ENTITIES.get(type({expr}), _same)({expr})"
        return expr


class _Checks:
    """Generates one class's check (or colon count), nested entities inlined.

    ``check`` refuses a twin with any problem msgspec cannot see, puts defaults in for absent
    keys and returns the number of keys present (a tag counts as one); ``colons`` counts the
    colons of every text value. Inlined, because a Python call per nested record is a tenth of
    the cost.
    """

    def __init__(self, cls: type[Any], ns: Namespace) -> None:
        self.cls = cls
        self.ns = ns
        self.colons = False
        # The locals of the function: ``o`` the record, ``n`` or ``c`` the count, ``_c`` a
        # converted value; each field's value in a local named after the field.
        self.locals = Locals(ns, "o", "n", "c", "_c")

    def name(self, value: Any, wanted: str) -> str:
        """Bind ``value`` in the generated code's globals under a name after what it is."""
        return self.ns.name(value, wanted)

    def local(self, wanted: str) -> str:
        """A new local named after ``wanted``, unique in the function."""
        return self.locals.new(wanted)

    def function(self, name: str) -> Callable[[Any], int]:
        self.colons = name == "colons"
        total = "c" if self.colons else "n"
        function = f"{name}_{self.cls.__name__}"
        lines = [f"def {function}(o):", f"    {total} = 0"]
        self.object(self.cls, "o", lines, "    ")
        lines.append(f"    return {total}")
        source = "\n".join(lines) + "\n"
        kind = "twin colons" if self.colons else "twin check"
        found: Callable[[Any], int] = compile_function(source, function, self.ns, self.cls, kind)
        return found

    def object(self, cls: type[Any], obj: str, out: list[str], ind: str) -> None:
        shape = shape_of(cls)
        for field in shape.fields:
            var = self.local(field.name)
            body: list[str] = []
            if self.colons:
                self.value(field.node, var, body, ind)
                if body:
                    out.append(f"{ind}{var} = {obj}.{field.name}")
                    out.extend(body)
                continue
            inner = ind if field.required else ind + "    "
            self.value(field.node, var, body, inner)

            def stored(expr: str, var: str = var, name: str = field.name) -> list[str]:
                return [
                    f"_c = {expr}",
                    f"if _c is not {var}:",
                    f"    {var} = _c",
                    f"    _force({obj}, {name!r}, _c)",
                ]

            body.extend(inner + line for line in check_calls(field, var, self.name, stored))
            if field.required:
                # Always present (msgspec refuses a record without it): counted below.
                if body:
                    out.append(f"{ind}{var} = {obj}.{field.name}")
                    out.extend(body)
                continue
            out.append(f"{ind}{var} = {obj}.{field.name}")
            out.append(f"{ind}if {var} is UNSET:")
            out.append(f"{ind}    _force({obj}, {field.name!r}, {self.default(field)})")
            out.append(f"{ind}    n -= 1")
            if body:
                out.append(f"{ind}else:")
                out.extend(body)
        if self.colons:
            return
        # Every field counted as given, once per record; an absent one took one off above.
        out.append(f"{ind}n += {len(shape.fields)}")

    def default(self, field: Field) -> str:
        """Code for a field's default as a twin holds it (a nested entity's as its twin)."""
        value = field.factory() if field.factory is not None else field.default
        if isinstance(value, Entity):
            value = _as_twin(value)
        if isinstance(value, list | dict | set):  # pragma: no cover - entity defaults are frozen
            raise TypeError(f"{field.name}: a mutable default")
        return self.name(value, f"{field.name}_default")

    def value(self, node: Node, var: str, out: list[str], ind: str) -> None:
        """Emit what msgspec does not check of a value (in ``colons``: count its colons)."""
        if isinstance(node, Text):
            if self.colons:
                out.append(f"{ind}if ':' in {var}: c += {var}.count(':')")
            else:
                out.extend(ind + line for line in text_checks(node, var, typed=True))
        elif isinstance(node, Date):
            if not self.colons:
                out.append(f"{ind}if not LOW <= {var} <= HIGH: _bail()")
        elif isinstance(node, Record):
            self.object(node.cls, var, out, ind)
        elif isinstance(node, TupleOf):
            item = self.local(f"{var}_item")
            body: list[str] = []
            self.value(node.item, item, body, ind + "    ")
            if body:
                out.append(f"{ind}for {item} in {var}:")
                out.extend(body)
        elif isinstance(node, Optional):
            body = []
            self.value(node.inner, var, body, ind + "    ")
            if body:
                out.append(f"{ind}if {var} is not None:")
                out.extend(body)
        elif isinstance(node, Tagged):
            kind = self.local(f"{var}_class")
            out.append(f"{ind}{kind} = type({var})")
            for tag, cls in node.tags:
                twin_class = self.name(_tagged(cls, tag), f"{cls.__name__}_twin")
                out.append(f"{ind}if {kind} is {twin_class}:")
                branch = [] if self.colons else [f"{ind}    n += 1"]  # the tag is a key
                self.object(cls, var, branch, ind + "    ")
                out.extend(branch or [f"{ind}    pass"])
        elif isinstance(node, TextOr):  # a NIK, or the reason there is none
            text: list[str] = []
            self.value(node.text, var, text, ind + "    ")
            record: list[str] = []
            self.value(node.other, var, record, ind + "    ")
            if text:
                out.append(f"{ind}if type({var}) is str:")
                out.extend(text)
            if record:
                out.append(f"{ind}{'else' if text else 'if type(' + var + ') is not str'}:")
                out.extend(record)
        # Integer, Boolean, Code: msgspec checked the type, the code and the bounds.


def _same(value: Any) -> Any:
    return value


def _slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None]:
    """The ``__set__`` of a frozen attrs class's slot (``_fast.slot_setter``), or a setattr."""
    setter = slot_setter(cls, name)
    if setter is not None:
        return setter

    def set_attribute(obj: Any, value: Any) -> None:  # pragma: no cover - entities are slotted
        object.__setattr__(obj, name, value)

    return set_attribute


def _as_twin(entity: Any) -> Any:
    """The twin of an entity value (for defaults such as an empty ``Assessor``)."""
    cls = type(entity)
    values = {}
    for field in attrs.fields(cls):
        value = getattr(entity, field.name)
        if isinstance(value, Entity):
            value = _as_twin(value)
        elif isinstance(value, tuple) and any(isinstance(v, Entity) for v in value):
            value = tuple(_as_twin(v) if isinstance(v, Entity) else v for v in value)
        values[field.name] = value
    return twin(cls)(**values)
