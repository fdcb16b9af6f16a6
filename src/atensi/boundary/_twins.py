r"""Struct twins: msgspec Structs generated from the attrs entities, for the ``fast`` extra.

msgspec cannot decode into the entities themselves: it would run their attrs validators (slow),
keep unknown keys quietly and could not tell the four subjects apart (measured). So each
entity gets a *twin*: a frozen, keyword-only msgspec Struct generated from the entity's own
``attrs.fields``, with the same field names, types (vocabulary enums, dates, tuples, the twin of a
nested entity), defaults and limits, unknown keys forbidden, and the subjects a union tagged by
``kind``. Generated when first needed, so a field added to an entity is in its twin at once.

msgspec checks in C what the types and limits say: JSON types, enum codes, real calendar dates,
lengths, item counts and numeric bounds. What it cannot check, one generated Python function
per entity class (``source_of(cls, "twin entity")``) does while it builds the attrs entity from
the twin, in one pass over it, nested records inlined: text that hides characters, non-blank
text, the accepted date range, a NIK, region codes, uniqueness (with the very validators the
detailed path, :mod:`atensi.boundary._plan`, calls) and, on the entity it built, the class
invariants. Any problem refuses the record, and the caller takes the detailed path, which finds
and locates every problem: the fast path decides nothing the detailed path would not.

**Duplicate keys.** ``json`` and msgspec both keep the last of a key given twice; atensi refuses
such a line (``input.duplicate_key``). A key absent from the input decodes as ``UNSET``: the
function gives the entity the field's default and counts the keys that were present; the colons
of the line then prove that no key was given twice (:func:`atensi.boundary._lines.no_key_twice`),
or the line goes the detailed way.

**Twins never leave this module.** :func:`decode` returns the attrs entity; everything past the
boundary (the warnings, the rules, the memo) reads entities only. A twin carries its fields and
a repr that hides personal data as the entity's does, nothing else of its entity.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from typing import Annotated, Any

import attrs
import msgspec

from atensi._codegen import Locals, Namespace
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
    Tagged,
    Text,
    TextOr,
    TupleOf,
    shape_of,
)
from atensi.boundary._source import compile_function
from atensi.errors import InvalidRecord
from atensi.model._fields import (
    DATE_MAX,
    DATE_MIN,
    Entity,
    blank_characters,
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
#: The function that checks a twin decoded as a whole and builds its entity (made on first
#: use): the entity and the number of keys present.
_ENTITIES: dict[type[Any], Callable[[Any], tuple[Any, int]]] = {}
#: How many colons the text values of an entity hold (see "Duplicate keys" above; made on first
#: use, which few lines need).
_COLONS: dict[type[Any], Callable[[Any], int]] = {}
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
    build = _ENTITIES.get(kind) or _entity_function(kind)
    entity, keys = build(value)
    if not no_key_twice(data, keys, entity, _string_colons):
        _bail()
    return entity


def _string_colons(entity: Any) -> int:
    """The colons inside the text values of an entity (a note "Catatan: ...")."""
    kind = type(entity)
    count = _COLONS.get(kind)
    if count is None:
        count = _COLONS[kind] = _Colons(kind).function()
    return count(entity)


def _entity_function(kind: type[Any]) -> Callable[[Any], tuple[Any, int]]:
    """Generate the function of a twin class that checks it and builds its entity (once).

    Start-up pays nothing for the classes a process never decodes as a whole.
    """
    cls, namespace = _SOURCES[kind]
    made = _ENTITIES[kind] = _Entities(cls, namespace).function()
    return made


def generate(cls: type[Any], kind: str) -> None:
    """Generate the twin of the entity class ``cls`` and its ``kind`` of function.

    For :func:`atensi.boundary.source_of`: ``"twin entity"`` or ``"twin colons"``.
    """
    made = twin(cls)
    if kind == "twin entity" and made not in _ENTITIES:
        _entity_function(made)
    elif kind == "twin colons" and cls not in _COLONS:
        _COLONS[cls] = _Colons(cls).function()


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
                "_BLANK": blank_characters(),
                "_force": msgspec.structs.force_setattr,
                "_new": _new,
                "_same": _same,
                "UNSET": UNSET,
                "LOW": DATE_MIN,
                "HIGH": DATE_MAX,
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
        return made


class _Entities:
    """Generates one class's function: check a twin, build its entity, count the keys given.

    One pass over the twin, nested records inlined (a Python call per nested record would cost a
    tenth of the whole): each field's value is read once, checked where msgspec cannot, given
    its default when absent (``UNSET``), converted to what the entity holds and set on it; each
    entity is then held to its class invariants. Returns the entity and the number of keys the
    twin was given (a tag counts as one).
    """

    def __init__(self, cls: type[Any], ns: Namespace) -> None:
        self.cls = cls
        self.ns = ns
        # ``t`` the twin, ``n`` the count, ``o`` the entity; the rest named after their fields.
        self.locals = Locals(ns, "t", "n", "o")

    def name(self, value: Any, wanted: str) -> str:
        """Bind ``value`` in the generated code's globals under a name after what it is."""
        return self.ns.name(value, wanted)

    def local(self, wanted: str) -> str:
        """A new local named after ``wanted``, unique in the function."""
        return self.locals.new(wanted)

    def function(self) -> Callable[[Any], tuple[Any, int]]:
        function = f"entity_{self.cls.__name__}"
        lines = [f"def {function}(t):", "    n = 0"]
        self.object(self.cls, "t", "o", lines, "    ")
        lines.append("    return o, n")
        source = "\n".join(lines) + "\n"
        found: Callable[[Any], tuple[Any, int]] = compile_function(
            source, function, self.ns, self.cls, "twin entity"
        )
        return found

    def object(self, cls: type[Any], twin_var: str, entity: str, out: list[str], ind: str) -> None:
        """Emit the building of ``entity`` (a new local) from the twin in ``twin_var``."""
        shape = shape_of(cls)
        builder = _builder(cls) if len(shape.fields) >= _BUILDER_FIELDS else None
        if builder is None:
            out.append(f"{ind}{entity} = _new({self.name(cls, cls.__name__)})")
        else:
            out.append(f"{ind}{entity} = _new({self.name(builder, builder.__name__)})")
        for field in shape.fields:
            var = self.local(field.name)
            if builder is None:
                setter = self.name(_slot_setter(cls, field.name), f"set_{field.name}")
                store = f"{setter}({entity}, {var})"
            else:
                store = f"{entity}.{field.name} = {var}"
            out.append(f"{ind}{var} = {twin_var}.{field.name}")
            body: list[str] = []
            inner = ind if field.required else ind + "    "
            self.value(field.node, var, body, inner)

            def stored(expr: str, var: str = var) -> list[str]:
                return [f"{var} = {expr}"]

            body.extend(inner + line for line in check_calls(field, var, self.name, stored))
            if not field.required:
                # Absent: the entity's default, one key fewer given.
                out.append(f"{ind}if {var} is UNSET:")
                out.append(f"{ind}    {var} = {self.default(field)}")
                out.append(f"{ind}    n -= 1")
                if body:
                    out.append(f"{ind}else:")
            out.extend(body)
            out.append(f"{ind}{store}")
        # Every field counted as given, once per record; an absent one took one off above.
        out.append(f"{ind}n += {len(shape.fields)}")
        if builder is not None:
            # Every slot is set: the object becomes the entity (before its invariants run).
            out.append(f"{ind}{entity}.__class__ = {self.name(cls, cls.__name__)}")
        if shape.own_problems:  # pragma: no cover - no entity overrides problems
            out.append(f"{ind}if {entity}.problems(): _bail()")
        else:
            # The class invariants, on the entity (they may call its methods): any problem.
            checks = invariant_lines(shape.invariants, self.name, entity)
            out.extend(ind + line for line in checks)

    def default(self, field: Field) -> str:
        """Code for a field's default, as the entity holds it."""
        return field.default_source(self.name)

    def value(self, node: Node, var: str, out: list[str], ind: str) -> None:
        """Emit what msgspec does not check of ``var``, and its conversion to the entity's."""
        if isinstance(node, Text):
            out.extend(ind + line for line in text_checks(node, var, typed=True))
        elif isinstance(node, Date):
            out.append(f"{ind}if not LOW <= {var} <= HIGH: _bail()")
        elif isinstance(node, Record):
            entity = self.local(f"{var}_entity")
            self.object(node.cls, var, entity, out, ind)
            out.append(f"{ind}{var} = {entity}")
        elif isinstance(node, TupleOf):
            item = self.local(f"{var}_item")
            body: list[str] = []
            if isinstance(node.item, Record):
                # Each twin of the tuple becomes its entity (an empty tuple stays as it is).
                built = self.local(f"{var}_entities")
                self.value(node.item, item, body, ind + "        ")
                out.append(f"{ind}if {var}:")
                out.append(f"{ind}    {built} = []")
                out.append(f"{ind}    for {item} in {var}:")
                out.extend(body)
                out.append(f"{ind}        {built}.append({item})")
                out.append(f"{ind}    {var} = tuple({built})")
            else:
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
            for number, (tag, cls) in enumerate(node.tags):
                twin_class = self.name(_tagged(cls, tag), f"{cls.__name__}_twin")
                out.append(f"{ind}{'if' if number == 0 else 'elif'} {kind} is {twin_class}:")
                out.append(f"{ind}    n += 1")  # the tag is a key
                entity = self.local(f"{var}_{tag}")
                self.object(cls, var, entity, out, ind + "    ")
                out.append(f"{ind}    {var} = {entity}")
            out.append(f"{ind}else:  # pragma: no cover - msgspec decodes one of the tags")
            out.append(f"{ind}    _bail()")
        elif isinstance(node, TextOr):  # a NIK, or the reason there is none
            text: list[str] = []
            self.value(node.text, var, text, ind + "    ")
            record: list[str] = []
            self.value(node.other, var, record, ind + "    ")
            out.append(f"{ind}if type({var}) is str:")
            out.extend(text or [f"{ind}    pass"])
            out.append(f"{ind}else:")
            out.extend(record)
        # Integer, Boolean, Code: msgspec checked the type, the code and the bounds.


class _Colons:
    """Generates one entity class's count of the colons inside its text values."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls
        self.ns = Namespace()
        self.locals = Locals(self.ns, "o", "c")

    def function(self) -> Callable[[Any], int]:
        function = f"colons_{self.cls.__name__}"
        lines = [f"def {function}(o):", "    c = 0"]
        self.object(self.cls, "o", lines, "    ")
        lines.append("    return c")
        source = "\n".join(lines) + "\n"
        found: Callable[[Any], int] = compile_function(
            source, function, self.ns, self.cls, "twin colons"
        )
        return found

    def object(self, cls: type[Any], obj: str, out: list[str], ind: str) -> None:
        for field in shape_of(cls).fields:
            body: list[str] = []
            var = self.locals.new(field.name)
            self.value(field.node, var, body, ind)
            if body:
                out.append(f"{ind}{var} = {obj}.{field.name}")
                out.extend(body)

    def value(self, node: Node, var: str, out: list[str], ind: str) -> None:
        if isinstance(node, Text):
            out.append(f"{ind}if ':' in {var}: c += {var}.count(':')")
        elif isinstance(node, Record):
            self.object(node.cls, var, out, ind)
        elif isinstance(node, TupleOf):
            item = self.locals.new(f"{var}_item")
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
            kind = self.locals.new(f"{var}_class")
            out.append(f"{ind}{kind} = type({var})")
            for cls in node.classes():
                out.append(f"{ind}if {kind} is {self.ns.name(cls, cls.__name__)}:")
                branch: list[str] = []
                self.object(cls, var, branch, ind + "    ")
                out.extend(branch or [f"{ind}    pass"])
        elif isinstance(node, TextOr):
            text: list[str] = []
            self.value(node.text, var, text, ind + "    ")
            out.append(f"{ind}if type({var}) is str:")
            out.extend(text)


def _same(value: Any) -> Any:
    return value


#: The fewest fields for which an entity is built through its builder (:func:`_builder`): the
#: change of class costs about what a few setter calls do, so a smaller entity gains nothing.
_BUILDER_FIELDS = 4


def _builder(cls: type[Any]) -> type[Any] | None:
    """A class of ``cls``'s very layout whose slots are set as plain attributes, or ``None``.

    A frozen entity refuses ``o.field = value``; setting a slot through its descriptor
    (``_fast.slot_setter``) costs a call per field. An object of this class takes plain
    stores, then becomes the entity by ``__class__`` assignment, which Python allows between
    classes of the same base and slots (:class:`~atensi.model._fields.Entity` holds the
    ``__weakref__`` slot, so that its subclasses add only their fields). ``None`` where that
    does not hold (a class derived from another entity): the setters build it.
    """
    if cls in _BUILDERS:
        return _BUILDERS[cls]
    made = _BUILDERS[cls] = _new_builder(cls)
    return made


_BUILDERS: dict[type[Any], type[Any] | None] = {}


def _new_builder(cls: type[Any]) -> type[Any] | None:
    slots = cls.__dict__.get("__slots__")
    if slots is None or "__weakref__" in slots or "__dict__" in slots:
        return None
    made = type(
        f"{cls.__name__}Builder", cls.__bases__, {"__slots__": slots, "__module__": __name__}
    )
    if any("__setattr__" in vars(base) for base in made.__mro__[1:-1]):
        return None  # a frozen base: its fields refuse plain stores
    probe: Any = _new(made)
    try:
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - every entity's layout allows it
        return None
    return made


def _slot_setter(cls: type[Any], name: str) -> Callable[[Any, Any], None]:
    """The ``__set__`` of a frozen attrs class's slot (``_fast.slot_setter``), or a setattr."""
    setter = slot_setter(cls, name)
    if setter is not None:
        return setter

    def set_attribute(obj: Any, value: Any) -> None:  # pragma: no cover - entities are slotted
        object.__setattr__(obj, name, value)

    return set_attribute
