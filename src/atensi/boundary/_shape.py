"""One description of a field, many readers: the frozen type tree of every entity class.

Each attrs class of the model gets a :class:`Shape`, built once from its ``attrs.fields``, their
type annotations and the metadata :func:`atensi.model._fields.field` records: for every field a
:class:`Field` with its *node* (what the value is: text with its limits, an integer with its
bounds, a date, a vocabulary code, a nested record, a tuple of something, an optional value, a
tagged union of records, text or a record), its default, its converter and its checks; for the
class its invariants. The checks and invariants are data (:class:`~atensi.model._fields.UniqueBy`,
:class:`~atensi.model._fields.RegionCodes`, :class:`~atensi.model._fields.NikOrReason`,
:class:`~atensi.model._fields.DateOrder`), so a reader can tell what they check.

Every reader of a record's structure reads this tree and nothing else: the reference interpreter
(:mod:`atensi.boundary._plan`), the generated structuring functions (:mod:`atensi.boundary._fast`),
the msgspec twins and their checks (:mod:`atensi.boundary._twins`), the warnings
(:mod:`atensi.boundary.warnings`) and the JSON Schema (:mod:`atensi.boundary.schema`), as
pydantic's validation and JSON Schema both read its one core schema. A new kind of field costs
one node here and one case in each reader.

>>> from atensi.model import Person
>>> shape = shape_of(Person)
>>> [(f.name, type(f.node).__name__) for f in shape.fields][:4]
[('id', 'Text'), ('nik', 'TextOr'), ('name', 'Text'), ('sex', 'Optional')]
>>> shape.field("birth_date").node.inner
Record(cls=<class 'atensi.model.person.BirthDate'>)
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from atensi.model._fields import (
    DateOrder,
    Entity,
    NikOrReason,
    RegionCodes,
    UniqueBy,
    default_factory,
    multiline,
    type_hints,
)
from atensi.model.subjects import SUBJECT_KINDS

__all__ = [
    "TAGGED_UNIONS",
    "Boolean",
    "Code",
    "Date",
    "Field",
    "Integer",
    "Node",
    "Optional",
    "Record",
    "Shape",
    "Tagged",
    "Text",
    "TextOr",
    "TupleOf",
    "records_in",
    "shape_of",
]


@attrs.frozen
class Text:
    """A string: at most ``max_length`` characters, ``min_length`` of them not blank.

    ``multiline``: long text, where tabs and line breaks are allowed; ``region``: a Kemendagri
    region code (checked against the table); ``pattern``: the JSON Schema pattern of the stored
    form, where the field declares one (a NIK).
    """

    max_length: int | None = None
    min_length: int = 0
    multiline: bool = False
    region: bool = False
    pattern: str | None = None


@attrs.frozen
class Integer:
    """An integer (never a boolean or a float) from ``minimum`` to ``maximum``, inclusive."""

    minimum: int | None = None
    maximum: int | None = None


@attrs.frozen
class Boolean:
    """``true`` or ``false``."""


@attrs.frozen
class Date:
    """A date, ``YYYY-MM-DD``, from :data:`~atensi.model._fields.DATE_MIN` to ``DATE_MAX``."""


@attrs.frozen
class Code:
    """A member of a vocabulary, written as its code."""

    enum: type[enum.Enum]


@attrs.frozen
class Record:
    """A nested record of an attrs class (its own :class:`Shape`: :func:`shape_of`)."""

    cls: type[Any]


@attrs.frozen
class TupleOf:
    """A list of ``item``, at most ``max_items``; read into a tuple."""

    item: Node
    max_items: int | None = None


@attrs.frozen
class Optional:
    """``inner`` or ``null``."""

    inner: Node


@attrs.frozen
class Tagged:
    """A record of one of several classes, told apart by its ``kind`` key (the subjects)."""

    tags: tuple[tuple[str, type[Any]], ...]

    def classes(self) -> tuple[type[Any], ...]:
        """The member classes, in tag order."""
        return tuple(cls for _, cls in self.tags)


@attrs.frozen
class TextOr:
    """Text, or (given as an object) a record: a NIK or the reason there is none."""

    text: Text
    other: Record


Node = Text | Integer | Boolean | Date | Code | Record | TupleOf | Optional | Tagged | TextOr

#: The tagged unions of the model: the classes of a union, and the tag of each.
TAGGED_UNIONS: tuple[Mapping[str, type[Any]], ...] = (SUBJECT_KINDS,)


@attrs.frozen
class Field:
    """One field of a record, as every reader sees it.

    Attributes:
        name: the field's name (the key in records).
        node: what its value is.
        required: whether a record must give it (no default).
        default: the default value, when the field has one and no factory.
        factory: the default's factory (``tuple`` for an empty tuple), if any.
        converter: normalises a valid value to the stored form (a NIK without separators).
        checks: the field's own validators, beyond its node (data: ``UniqueBy``,
            ``RegionCodes``, ``NikOrReason``, or a plain callable).
        attribute: the attrs attribute (what a validator is called with; its metadata).
    """

    name: str
    node: Node
    required: bool
    default: Any
    factory: Callable[[], Any] | None
    converter: Callable[[Any], Any] | None
    checks: tuple[Callable[..., Any], ...]
    attribute: attrs.Attribute[Any] = attrs.field(eq=False, repr=False)

    @property
    def metadata(self) -> Mapping[str, Any]:
        """The attrs metadata (doc, citation, sensitivity, limits)."""
        return self.attribute.metadata

    def unique(self) -> UniqueBy | None:
        """The field's uniqueness check, if it has one."""
        return next((c for c in self.checks if isinstance(c, UniqueBy)), None)

    def default_source(self, name: Callable[[Any, str], str]) -> str:
        """Code for the default, in generated source (``name`` binds a value as a global).

        An entity made by its factory with its own defaults is frozen, and equal however
        often it is made: one instance, made here, serves every record (``Assessor()`` on
        each assessment without one cost a call through its validators).
        """
        if self.factory is tuple:
            return "()"
        if isinstance(self.factory, type) and issubclass(self.factory, Entity):
            return name(self.factory(), f"{self.name}_default")
        if self.factory is not None:
            return f"{name(self.factory, f'{self.name}_default')}()"
        return name(self.default, f"{self.name}_default")


@attrs.frozen
class Shape:
    """The type tree of one attrs class.

    Attributes:
        cls: the class.
        fields: its fields, in declaration order.
        entity: whether it is an atensi :class:`~atensi.model.Entity` (built without its
            ``__init__``, then held to its invariants); otherwise its own ``__init__`` builds it.
        invariants: the class's cross-field checks (``DateOrder``, or a callable returning the
            problems); empty for a class that is no entity.
        own_problems: whether the entity overrides ``problems`` (then call it instead).
    """

    cls: type[Any]
    fields: tuple[Field, ...]
    entity: bool
    invariants: tuple[Callable[[Any], Any], ...]
    own_problems: bool

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        return next(f for f in self.fields if f.name == name)


_SHAPES: dict[type[Any], Shape] = {}


def shape_of(cls: type[Any]) -> Shape:
    """The :class:`Shape` of an attrs class (built on first use, then shared)."""
    found = _SHAPES.get(cls)
    if found is None:
        found = _SHAPES[cls] = _build(cls)
    return found


def _build(cls: type[Any]) -> Shape:
    attrs.resolve_types(cls)
    hints = type_hints(cls)
    fields = []
    for attribute in attrs.fields(cls):
        metadata = attribute.metadata
        limits: Mapping[str, int] = metadata.get("limits", {})
        text = Text(
            max_length=limits.get("max_length"),
            min_length=limits.get("min_length", 0),
            multiline=multiline(limits),
            region=bool(metadata.get("region")),
            pattern=metadata.get("pattern"),
        )
        node = node_of(hints[attribute.name], text, limits)
        required = attribute.default is attrs.NOTHING
        factory = None if required else default_factory(attribute)
        fields.append(
            Field(
                name=attribute.name,
                node=node,
                required=required,
                default=None if required or factory is not None else attribute.default,
                factory=factory,
                converter=metadata.get("converter"),
                checks=tuple(metadata.get("custom_validators", ())),
                attribute=attribute,
            )
        )
    entity = isinstance(cls, type) and issubclass(cls, Entity)
    return Shape(
        cls=cls,
        fields=tuple(fields),
        entity=entity,
        invariants=tuple(getattr(cls, "_invariants", ())) if entity else (),
        own_problems=entity and cls.problems is not Entity.problems,
    )


def node_of(tp: Any, text: Text = Text(), limits: Mapping[str, int] | None = None) -> Node:
    """The node of an annotation; ``text`` and ``limits`` are the field's, for its own value.

    A tuple's items and a union's record get no limits of the field's: the limits of a field
    are for the field's value (a list's ``max_items``, a text's length).
    """
    limits = limits or {}
    if tp is str:
        return text
    if tp is bool:
        return Boolean()
    if tp is int:
        return Integer(limits.get("minimum"), limits.get("maximum"))
    if tp is dt.date:
        return Date()
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return Code(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return Record(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        # Items of a region field are region codes; any other text item has no limits.
        item_text = Text(region=text.region)
        return TupleOf(node_of(args[0], item_text), limits.get("max_items"))
    if origin in (typing.Union, types.UnionType):
        non_none = tuple(a for a in args if a is not type(None))
        inner: Node
        if len(non_none) == 1:
            inner = node_of(non_none[0], text, limits)
        elif str in non_none and len(non_none) == 2:
            other = node_of(next(a for a in non_none if a is not str))
            if not isinstance(other, Record):  # pragma: no cover - the model has none
                raise TypeError(f"atensi cannot read the union {tp!r}")
            inner = TextOr(text, other)
        else:
            inner = _tagged(non_none, tp)
        return Optional(inner) if len(non_none) != len(args) else inner
    raise TypeError(f"atensi cannot read the type {tp!r}")


def _tagged(classes: tuple[Any, ...], tp: Any) -> Tagged:
    wanted = frozenset(classes)
    for tags in TAGGED_UNIONS:
        if frozenset(tags.values()) == wanted:
            return Tagged(tuple((tag, cls) for tag, cls in tags.items() if cls in wanted))
    raise TypeError(f"atensi cannot read the union {tp!r}")


def records_in(node: Node) -> Iterator[type[Any]]:
    """The classes of the records a node may hold (directly, in a tuple, a union...)."""
    if isinstance(node, Record):
        yield node.cls
    elif isinstance(node, TupleOf):
        yield from records_in(node.item)
    elif isinstance(node, Optional):
        yield from records_in(node.inner)
    elif isinstance(node, Tagged):
        yield from node.classes()
    elif isinstance(node, TextOr):
        yield node.other.cls


def is_nik(check: Any) -> bool:
    """Whether a field check is the NIK's (a reader may skip it for a plainly valid NIK)."""
    return isinstance(check, NikOrReason)


def is_region(check: Any) -> bool:
    """Whether a field check is a region code's."""
    return isinstance(check, RegionCodes)


def date_order(check: Any) -> DateOrder | None:
    """The date-order invariant ``check`` is, or ``None``."""
    return check if isinstance(check, DateOrder) else None
