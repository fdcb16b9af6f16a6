r"""Struct twins: msgspec Structs generated from the attrs entities, for the ``fast`` extra.

msgspec cannot decode into the entities themselves: it would run their attrs validators (slow),
keep unknown keys quietly and could not tell the four subjects apart (DESIGN.md §7). So each
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

A twin reads like its entity: the same attribute names and values, the entity's methods and
properties (``BirthDate.earliest``, ``Entity.problems``), its ``kind`` and a repr that hides
personal data as the entity's does. The rules and warnings read twins directly;
:func:`entity_of` builds the attrs entity where one is returned.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any

import attrs
import msgspec

from atensi.boundary._fast import (
    guarded,
    invariant_line,
    skip_condition,
    slot_setter,
    validator_line,
)
from atensi.boundary._lines import no_key_twice
from atensi.boundary._plan import tagged_union_of
from atensi.boundary._quick import Refused, refuse
from atensi.errors import InvalidRecord
from atensi.model._fields import (
    DATE_MAX,
    DATE_MIN,
    Entity,
    default_factory,
    multiline,
    refused_character,
    type_hints,
)

__all__ = ["REFUSALS", "decode", "entity_class", "entity_of", "is_twin", "twin"]

UNSET = msgspec.UNSET
_new = object.__new__
_bail = refuse

#: What this path raises to refuse a text (:mod:`atensi.boundary._quick`): its own signal, a
#: field validator's error, and msgspec's ``DecodeError`` (its ``ValidationError`` is one).
REFUSALS: tuple[type[Exception], ...] = (Refused, InvalidRecord, msgspec.DecodeError)


_TWINS: dict[type[Any], type[Any]] = {}
_TAGGED: dict[type[Any], type[Any]] = {}
#: The entity class and the generator's namespace of every twin class (tagged or not).
_SOURCES: dict[type[Any], tuple[type[Any], dict[str, Any]]] = {}
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


def is_twin(value: Any) -> bool:
    """Whether ``value`` is a twin (of any entity)."""
    return type(value) in _ENTITIES


def entity_class(value: Any) -> type[Any]:
    """The entity class of an entity or a twin."""
    cls: type[Any] = getattr(type(value), "_entity_class", type(value))
    return cls


def entity_of(value: Any) -> Any:
    """The attrs entity a twin stands for (an entity is returned as it is)."""
    build = _ENTITIES.get(type(value))
    return value if build is None else build(value)


def _decoder(cls: type[Any]) -> msgspec.json.Decoder[Any]:
    found = _DECODERS.get(cls)
    if found is None:
        if not (isinstance(cls, type) and issubclass(cls, Entity)):
            _bail()  # not an entity class: the strict path says so
        found = _DECODERS[cls] = msgspec.json.Decoder(twin(cls))
    return found


def decode(data: bytes | str, cls: type[Any]) -> Any:
    """Decode one JSON text into the twin of ``cls``, or refuse it: then take the strict path.

    Raises:
        Refused, InvalidRecord, msgspec.DecodeError: the text is not a valid record by this
            path's means (the strict path says why).
    """
    try:
        value = _decoder(cls).decode(data)
    except UnicodeError:  # bytes that are not UTF-8, text with a lone surrogate
        _bail()
    kind = type(value)
    check = _CHECKS.get(kind) or _generated(_CHECKS, kind, "check", "n")
    if not no_key_twice(data, check(value), value, _string_colons):
        _bail()
    return value


def _string_colons(value: Any) -> int:
    """The colons inside the text values of a checked twin (a note "Catatan: ...")."""
    kind = type(value)
    count = _COLONS.get(kind) or _generated(_COLONS, kind, "colons", "c")
    return count(value)


def _generated(
    table: dict[type[Any], Callable[[Any], int]], kind: type[Any], name: str, total: str
) -> Callable[[Any], int]:
    """Generate a twin class's check or colon count, on first use.

    Start-up pays for neither for the classes a process never decodes as a whole.
    """
    cls, namespace = _SOURCES[kind]
    made = table[kind] = _Checks(cls, namespace).function(name, total)
    return made


# --- Generation ------------------------------------------------------------------------------


def _members(cls: type[Any]) -> Iterator[tuple[str, Any]]:
    """What a twin copies from its entity: methods, properties, invariants, ``kind``."""
    fields = {f.name for f in attrs.fields(cls)}
    seen: set[str] = set()
    for klass in cls.__mro__[:-1]:
        for name, value in vars(klass).items():
            if name.startswith("__") or name in fields or name in seen:
                continue
            seen.add(name)
            yield name, value


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


class _Shown:
    """A value rich's pretty printer shows by its repr policy (the entity's, never the raw)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _rich_repr_of(cls: type[Any]) -> Callable[[Any], Iterator[tuple[str, _Shown]]]:
    policy = _repr_policy(cls)

    def rich_repr(self: Any) -> Iterator[tuple[str, _Shown]]:
        for name, show in policy:
            yield name, _Shown(show(getattr(self, name)))

    return rich_repr


class _Builder:
    """Generates the twin of one attrs class, its check and its conversion to the entity."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls
        self.ns: dict[str, Any] = {
            "_bail": _bail,
            "_refused": refused_character,
            "_force": msgspec.structs.force_setattr,
            "_new": _new,
            "UNSET": UNSET,
            "LOW": DATE_MIN,
            "HIGH": DATE_MAX,
            "ENTITIES": _ENTITIES,
            "CLS": cls,
        }
        self.counter = 0

    def name(self, value: Any, prefix: str) -> str:
        self.counter += 1
        key = f"{prefix}{self.counter}"
        self.ns[key] = value
        return key

    # The Struct's types --------------------------------------------------------------------

    def type_of(self, tp: Any, limits: Mapping[str, int]) -> Any:
        """The msgspec type of an annotation, with the limits msgspec checks in C."""
        if tp is str:
            if "max_length" in limits:
                return Annotated[str, msgspec.Meta(max_length=limits["max_length"])]
            return str
        if tp is int:
            if "minimum" in limits or "maximum" in limits:
                meta = msgspec.Meta(ge=limits.get("minimum"), le=limits.get("maximum"))
                return Annotated[int, meta]
            return int
        if tp is bool or tp is dt.date:
            return tp
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if any(":" in str(m.value) for m in tp):  # pragma: no cover - codes are plain words
                raise TypeError(f"{tp.__name__} has a code with a colon")
            return tp
        if isinstance(tp, type) and attrs.has(tp):
            return twin(tp)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            inner: Any = tuple.__class_getitem__((self.type_of(args[0], {}), ...))
            if "max_items" in limits:
                return Annotated[inner, msgspec.Meta(max_length=limits["max_items"])]
            return inner
        if origin in (typing.Union, types.UnionType):
            non_none = tuple(a for a in args if a is not type(None))
            tags = tagged_union_of(non_none)
            if tags is not None:
                options: list[Any] = [_tagged(c, t) for t, c in tags.items() if c in non_none]
            else:
                options = [self.type_of(a, limits) for a in non_none]
            if len(non_none) != len(args):
                options.append(type(None))
            return typing.Union[tuple(options)]  # noqa: UP007 - built from a list
        raise TypeError(f"no twin for {tp!r}")  # pragma: no cover - the plans refuse it first

    def build(self) -> type[Any]:
        cls = self.cls
        attrs.resolve_types(cls)
        hints = type_hints(cls)
        fields = attrs.fields(cls)
        spec: list[tuple[str, Any, Any]] = []
        for field in fields:
            tp = self.type_of(hints[field.name], field.metadata.get("limits", {}))
            if field.default is attrs.NOTHING:
                spec.append((field.name, tp, msgspec.NODEFAULT))
            else:
                spec.append((field.name, tp | msgspec.UnsetType, UNSET))
        namespace = dict(_members(cls))
        namespace["_entity_class"] = cls
        namespace["__repr__"] = _repr_of(cls)
        namespace["__rich_repr__"] = _rich_repr_of(cls)
        made = msgspec.defstruct(
            cls.__name__,
            spec,
            namespace=namespace,
            module=__name__,
            frozen=True,
            kw_only=True,
            forbid_unknown_fields=True,
        )
        _SOURCES[made] = (cls, self.ns)
        _ENTITIES[made] = self._entity_function(cls, hints, fields)
        return made

    def _entity_function(
        self, cls: type[Any], hints: dict[str, Any], fields: tuple[attrs.Attribute[Any], ...]
    ) -> Callable[[Any], Any]:
        lines = ["def entity(t):", "    o = _new(CLS)"]
        for index, field in enumerate(fields):
            local = f"x{index}"
            value = self.converted(hints[field.name], local)
            setter = self.name(_slot_setter(cls, field.name), "s")
            if value == local:
                lines.append(f"    {setter}(o, t.{field.name})")
            else:
                lines.append(f"    {local} = t.{field.name}")
                lines.append(f"    {setter}(o, {value})")
        lines.append("    return o")
        found: Callable[[Any], Any] = self._compile(lines, "entity")
        return found

    def converted(self, tp: Any, expr: str) -> str:
        """An expression for ``expr`` (a twin's value, a local name) as its entity holds it."""
        if isinstance(tp, type) and attrs.has(tp):
            return f"{self.name(_ENTITIES[twin(tp)], 'e')}({expr})"
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and isinstance(args[0], type) and attrs.has(args[0]):
            # An empty tuple is the same empty tuple: no list made for it.
            item = self.converted(args[0], "_x")
            return f"(tuple([{item} for _x in {expr}]) if {expr} else ())"
        if origin in (typing.Union, types.UnionType):
            entities = [a for a in args if isinstance(a, type) and attrs.has(a)]
            others = {a for a in args if a not in entities}
            if len(entities) == 1 and others in ({type(None)}, {str}):
                # ``X | None`` and ``str | NoNik``: the other value is kept as it is.
                build = self.name(_ENTITIES[twin(entities[0])], "e")
                other = " is None" if others == {type(None)} else ".__class__ is str"
                return f"({expr} if {expr}{other} else {build}({expr}))"
            if entities:
                # The subjects: by the value's own type.
                return f"ENTITIES.get(type({expr}), _same)({expr})"
        return expr

    def _compile(self, lines: list[str], name: str) -> Any:
        self.ns["_same"] = _same
        source = "\n".join(lines) + "\n"
        exec(compile(source, f"<atensi twin {name} {self.cls.__name__}>", "exec"), self.ns)
        return self.ns[name]


class _Checks:
    """Generates one class's check (or colon count), nested entities inlined.

    ``check`` bails on any problem msgspec cannot see, puts defaults in for absent keys and
    returns the number of keys present (a tag counts as one); ``colons`` counts the colons of
    every text value. Inlined, because a Python call per nested record is a tenth of the cost.
    """

    def __init__(self, cls: type[Any], ns: dict[str, Any]) -> None:
        self.cls = cls
        self.ns = ns
        self.counter = 0
        self.colons = False

    def name(self, value: Any, prefix: str) -> str:
        self.counter += 1
        key = f"{prefix}{self.counter}_{id(self)}"
        self.ns[key] = value
        return key

    def local(self) -> str:
        self.counter += 1
        return f"v{self.counter}"

    def function(self, name: str, total: str) -> Callable[[Any], int]:
        self.colons = name == "colons"
        lines = [f"def {name}(o):", f"    {total} = 0"]
        self.object(self.cls, "o", lines, "    ")
        lines.append(f"    return {total}")
        source = "\n".join(lines) + "\n"
        namespace = dict(self.ns)
        exec(compile(source, f"<atensi twin {name} {self.cls.__name__}>", "exec"), namespace)
        self.ns.update((k, v) for k, v in namespace.items() if k not in self.ns)
        found: Callable[[Any], int] = namespace[name]
        return found

    def object(self, cls: type[Any], obj: str, out: list[str], ind: str) -> None:
        hints = type_hints(cls)
        for field in attrs.fields(cls):
            var = self.local()
            limits = field.metadata.get("limits", {})
            tp = hints[field.name]
            body: list[str] = []
            if self.colons:
                self.value(tp, var, limits, body, ind)
                if body:
                    out.append(f"{ind}{var} = {obj}.{field.name}")
                    out.extend(body)
                continue
            required = field.default is attrs.NOTHING
            inner = ind if required else ind + "    "
            self.value(tp, var, limits, body, inner)
            calls: list[str] = []
            converter = field.metadata.get("converter")
            if converter is not None:
                calls.append(f"_c = {self.name(converter, 'cv')}({var})")
                calls.append(f"if _c is not {var}:")
                calls.append(f"    {var} = _c")
                calls.append(f"    _force({obj}, {field.name!r}, _c)")
            attribute = self.name(field, "a")
            for validator in field.metadata.get("custom_validators", ()):
                call = self.name(validator, "val")
                calls.append(validator_line(validator, call, attribute, var))
            body.extend(guarded(calls, skip_condition(field, var, self.name), inner))
            if required:
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
        out.append(f"{ind}n += {len(attrs.fields(cls))}")
        if getattr(cls, "problems", Entity.problems) is not Entity.problems:
            out.append(f"{ind}if {obj}.problems(): _bail()")  # pragma: no cover - none does
        else:
            for invariant in getattr(cls, "_invariants", ()):
                out.append(ind + invariant_line(invariant, self.name, obj))

    def default(self, field: attrs.Attribute[Any]) -> str:
        """Code for a field's default as a twin holds it (a nested entity's as its twin)."""
        factory = default_factory(field)
        value = factory() if factory is not None else field.default
        if isinstance(value, Entity):
            value = _as_twin(value)
        if isinstance(value, list | dict | set):  # pragma: no cover - entity defaults are frozen
            raise TypeError(f"{field.name}: a mutable default")
        return self.name(value, "d")

    def value(self, tp: Any, var: str, limits: Mapping[str, int], out: list[str], ind: str) -> None:
        """Emit what msgspec does not check of a value (in ``colons``: count its colons)."""
        if tp is str:
            if self.colons:
                out.append(f"{ind}if ':' in {var}: c += {var}.count(':')")
                return
            out.append(
                f"{ind}if not {var}.isprintable() and _refused({var}, {multiline(limits)}) "
                "is not None: _bail()"
            )
            if limits.get("min_length"):
                out.append(f"{ind}if len({var}.strip()) < {limits['min_length']}: _bail()")
            return
        if tp is dt.date:
            if not self.colons:
                out.append(f"{ind}if not LOW <= {var} <= HIGH: _bail()")
            return
        if isinstance(tp, type) and attrs.has(tp):
            self.object(tp, var, out, ind)
            return
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple:
            item = self.local()
            body: list[str] = []
            self.value(args[0], item, {}, body, ind + "    ")
            if body:
                out.append(f"{ind}for {item} in {var}:")
                out.extend(body)
            return
        if origin in (typing.Union, types.UnionType):
            non_none = tuple(a for a in args if a is not type(None))
            body = []
            tags = tagged_union_of(non_none)
            if tags is not None:
                kind = self.local()
                body.append(f"{ind}{kind} = type({var})")
                for tag, cls in tags.items():
                    if cls not in non_none:  # pragma: no cover - the union is every subject
                        continue
                    body.append(f"{ind}if {kind} is {self.name(_tagged(cls, tag), 'T')}:")
                    branch = [] if self.colons else [f"{ind}    n += 1"]  # the tag is a key
                    self.object(cls, var, branch, ind + "    ")
                    body.extend(branch or [f"{ind}    pass"])
            elif len(non_none) == 1:
                self.value(non_none[0], var, limits, body, ind)
            else:  # str | an entity (a NIK, or the reason there is none)
                other = next(a for a in non_none if a is not str)
                text: list[str] = []
                self.value(str, var, limits, text, ind + "    ")
                entity: list[str] = []
                self.value(other, var, {}, entity, ind + "    ")
                if text:
                    body.append(f"{ind}if type({var}) is str:")
                    body.extend(text)
                if entity:
                    body.append(f"{ind}{'else' if text else 'if type(' + var + ') is not str'}:")
                    body.extend(entity)
            if not body:
                return
            if len(non_none) != len(args):
                out.append(f"{ind}if {var} is not None:")
                out.extend("    " + line for line in body)
            else:
                out.extend(body)
            return
        # int, bool, enums: msgspec checked the type, the code and the bounds.


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
