"""Type plans: how each annotated type is structured from JSON-like data, with every error kept.

cattrs (measured) coerces quietly, loses the path of attrs validator errors, reports only the
first per object and hides validator errors behind type errors. atensi's boundary therefore
structures with its own plans, built once per type from the attrs fields:

* scalars are strict: a string is a ``str``, an integer an ``int`` (not ``bool``, not ``3.0``),
  a boolean a ``bool``, a date an ISO ``YYYY-MM-DD`` string (or a ``datetime.date``), an enum a
  known code;
* objects are mappings with string keys; unknown keys and missing required keys are errors;
* every field is checked, and each field's validators run even when a sibling field failed;
* class invariants run once every field is valid;
* tagged unions (the case subject) read the ``kind`` key and report an unknown tag as such.

The plans read the class's type tree (:func:`atensi.boundary._shape.shape_of`), the one the
generated structuring functions, the twins, the warnings and the JSON Schema read too, so they
cannot disagree on what a field is.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from atensi.boundary._shape import (
    Boolean,
    Code,
    Date,
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
from atensi.errors import ErrorDetail, InvalidRecord, Loc, json_type_names, safe_key
from atensi.model._fields import date_or_problem, default_factory

__all__ = ["INVALID", "MAX_ERRORS", "Plan", "plan_for", "structure_date", "unreadable"]


class _Invalid:
    __slots__ = ()

    def __repr__(self) -> str:
        return "INVALID"


#: Returned by a structurer that recorded an error.
INVALID: Any = _Invalid()

#: A structurer: (value, loc, errors) -> structured value or INVALID.
Structurer = Callable[[Any, Loc, list[ErrorDetail]], Any]

#: At most this many problems are collected per record; the rest is summarised in one error,
#: so that a hostile record costs bounded time and memory.
MAX_ERRORS = 1000
#: At most this many unknown keys are reported per object.
MAX_UNKNOWN_KEYS = 20
_MAX_DEPTH_TEXT = 60


def unreadable(loc: Loc) -> ErrorDetail:
    """The problem of a value that raised while it was read (a hostile or broken object)."""
    return ErrorDetail(
        loc,
        "value.unreadable",
        "the value could not be read as JSON data (one of its methods failed)",
        "nilai tidak dapat dibaca sebagai data JSON (salah satu metodenya gagal)",
    )


#: A mapping that is not a ``dict`` is copied into one, key by key, up to this many keys.
MAX_MAPPING_KEYS = 100_000


def _object(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
    """``value`` as a plain ``dict`` to read an object from, or INVALID (the error recorded)."""
    if type(value) is dict:
        return value
    if not isinstance(value, Mapping):
        errors.append(_wrong_type(loc, "type.object", ("an object", "objek"), value))
        return INVALID
    copy = _as_dict(value)
    if copy is None:
        errors.append(unreadable(loc))
        return INVALID
    return copy


def _as_dict(value: Mapping[Any, Any]) -> dict[Any, Any] | None:
    """A plain copy of a mapping of another type, or ``None`` if it cannot be read.

    Only a ``dict``'s own storage is trusted: any other mapping runs its own methods, which may
    raise, lie about their length or never end, so they are called within bounds.
    """
    copy: dict[Any, Any] = {}
    try:
        for count, key in enumerate(value):
            if count >= MAX_MAPPING_KEYS:
                return None
            copy[key] = value[key]
    except RecursionError:
        raise
    except Exception:
        return None
    return copy


def _wrong_type(loc: Loc, code: str, expected: tuple[str, str], value: Any) -> ErrorDetail:
    """A value of the wrong JSON type; ``expected`` in English and Indonesian."""
    got_en, got_id = json_type_names(value)
    return ErrorDetail(
        loc,
        code,
        f"expected {expected[0]}, got {got_en}",
        f"seharusnya {expected[1]}, bukan {got_id}",
        value,
        {"expected": expected[0], "got": got_en},
    )


def _structure_str(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                errors.append(
                    ErrorDetail(
                        loc,
                        "string.invalid_unicode",
                        "the text holds characters that cannot be encoded (lone surrogates)",
                        "teks memuat karakter yang tidak dapat dikodekan (surrogate tunggal)",
                        value,
                    )
                )
                return INVALID
        return value if type(value) is str else str(value)
    errors.append(_wrong_type(loc, "type.string", ("a string", "teks"), value))
    return INVALID


def _structure_int(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
    if type(value) is int:
        return value
    errors.append(_wrong_type(loc, "type.integer", ("an integer", "bilangan bulat"), value))
    return INVALID


def _structure_bool(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
    if type(value) is bool:
        return value
    errors.append(_wrong_type(loc, "type.boolean", ("true or false", "nilai benar/salah"), value))
    return INVALID


def structure_date(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
    """Structure a date by atensi's one grammar (:func:`atensi.model._fields.date_or_problem`)."""
    found = date_or_problem(value, loc)
    if type(found) is ErrorDetail:
        errors.append(found)
        return INVALID
    return found


#: An unknown code's message lists the codes only when there are at most this many; longer
#: vocabularies are in ``ctx.choices`` (and the schema), not repeated in both languages.
MAX_CODES_LISTED = 10


def _normalised(text: str) -> str:
    """Text compared loosely: case, spaces, dashes and underscores do not count."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def suggestion(value: str, choices: list[str], labels: dict[str, str] | None = None) -> str | None:
    """The code (or key) ``value`` most likely meant: a label given for its code, or a near miss.

    >>> suggestion("Anak Jalanan", ["anak_jalanan"], {"anak jalanan": "anak_jalanan"})
    'anak_jalanan'
    >>> suggestion("domcile", ["domicile", "id"])
    'domicile'
    """
    if len(value) > 200:
        return None
    loose = _normalised(value)
    for choice in choices:
        if _normalised(choice) == loose:
            return choice
    if labels is not None and loose in labels:
        return labels[loose]
    close = difflib.get_close_matches(value.casefold(), choices, n=1, cutoff=0.75)
    return close[0] if close else None


def with_hint(error: ErrorDetail) -> None:
    """Add a ``did you mean`` hint (``ctx.did_you_mean``) to an error's messages."""
    hint = error.ctx.get("did_you_mean")
    if hint is not None and "did you mean" not in error.message_en:
        error.message_en += f"; did you mean '{hint}'?"
        error.message_id += f"; mungkin maksudnya '{hint}'?"


def _enum_structurer(cls: type[enum.Enum]) -> Structurer:
    members = {m.value: m for m in cls}
    choices = [m.value for m in cls]
    name = cls.__name__
    labels = {
        _normalised(text): m.value
        for m in cls
        for text in (getattr(m, "label", None) or ())
        if isinstance(text, str)
    }
    if len(choices) <= MAX_CODES_LISTED:
        listed_en = f"not a {name} code; expected one of: {', '.join(choices)}"
        listed_id = f"bukan kode {name}; pilihan: {', '.join(choices)}"
    else:
        listed_en = f"not a {name} code (one of {len(choices)}: see ctx.choices)"
        listed_id = f"bukan kode {name} (salah satu dari {len(choices)}: lihat ctx.choices)"

    def structure(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
        if isinstance(value, str):
            member = members.get(value)
            if member is not None:
                return member
            ctx: dict[str, Any] = {"enum": name, "choices": choices}
            hint = suggestion(value, choices, labels)
            if hint is not None:
                # Added to the messages by the field's plan when the field is not personal
                # (the hint names a code close to the input, so it may tell what it was).
                ctx["did_you_mean"] = hint
            errors.append(ErrorDetail(loc, "enum.unknown", listed_en, listed_id, value, ctx))
            return INVALID
        errors.append(_wrong_type(loc, "type.string", (f"a {name} code", f"kode {name}"), value))
        return INVALID

    return structure


def _optional(inner: Structurer) -> Structurer:
    def structure(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
        if value is None:
            return None
        return inner(value, loc, errors)

    return structure


def _tuple_of(inner: Structurer) -> Structurer:
    def structure(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
        if type(value) is not list and type(value) is not tuple:
            errors.append(_wrong_type(loc, "type.array", ("an array", "larik"), value))
            return INVALID
        before = len(errors)
        items = []
        for index, item in enumerate(value):
            items.append(inner(item, (*loc, index), errors))
            if len(errors) > MAX_ERRORS:
                break
        if len(errors) != before:
            return INVALID
        return tuple(items)

    return structure


def _str_or(other: Structurer) -> Structurer:
    """``str | X`` where X is an object: a string goes to ``str``, a mapping to X."""

    def structure(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
        if type(value) is str:
            return _structure_str(value, loc, errors)
        if isinstance(value, Mapping):
            return other(value, loc, errors)
        errors.append(
            _wrong_type(loc, "type.union", ("a string or an object", "teks atau objek"), value)
        )
        return INVALID

    return structure


class Plan:
    """The structuring plan of one attrs class."""

    __slots__ = ("allowed", "cls", "entity", "fields", "names", "required", "structure_fields")

    def __init__(self, cls: type[Any]) -> None:
        shape = shape_of(cls)
        self.cls = cls
        self.entity = shape.entity
        self.fields = attrs.fields(cls)
        self.names = frozenset(f.name for f in shape.fields)
        self.allowed = sorted(self.names)
        self.required = tuple(f.name for f in shape.fields if f.required)
        self.structure_fields: tuple[tuple[attrs.Attribute[Any], Structurer, int | None], ...] = (
            tuple((f.attribute, structurer_for(f.node), _max_items(f.node)) for f in shape.fields)
        )

    def __call__(self, value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
        value = _object(value, loc, errors)
        if value is INVALID:
            return INVALID
        try:
            return self._structure(value, loc, errors)
        except RecursionError:
            raise
        except Exception:  # a key or value whose methods raise: say so, never propagate
            errors.append(unreadable(loc))
            return INVALID

    def _structure(self, value: dict[Any, Any], loc: Loc, errors: list[ErrorDetail]) -> Any:
        before = len(errors)
        names = self.names
        unknown = [key for key in value if key not in names]
        for key in unknown[:MAX_UNKNOWN_KEYS]:
            error = ErrorDetail(
                (*loc, safe_key(key)),
                "object.unknown_key",
                "unknown field",
                "ruas tidak dikenal",
                key,  # the key itself: shown only with include_personal (a path may hide it)
                {"allowed": self.allowed},
            )
            hint = suggestion(key, self.allowed) if type(key) is str else None
            if hint is not None:
                error.ctx["did_you_mean"] = hint
                with_hint(error)
            errors.append(error)
        if len(unknown) > MAX_UNKNOWN_KEYS:
            errors.append(
                ErrorDetail(
                    loc,
                    "object.too_many_unknown_keys",
                    f"{len(unknown)} unknown fields; the first {MAX_UNKNOWN_KEYS} are listed",
                    f"{len(unknown)} ruas tidak dikenal; {MAX_UNKNOWN_KEYS} pertama dicantumkan",
                    None,
                    {"count": len(unknown)},
                )
            )
        kwargs: dict[str, Any] = {}
        missing = object()
        for attribute, structurer, max_items in self.structure_fields:
            if len(errors) > MAX_ERRORS:
                break
            name = attribute.name
            raw = value.get(name, missing)
            if raw is missing:
                if attribute.default is attrs.NOTHING:
                    errors.append(
                        ErrorDetail(
                            (*loc, name),
                            "object.missing_key",
                            "required field is missing",
                            "ruas wajib tidak ada",
                        )
                    )
                    continue
                factory = default_factory(attribute)
                kwargs[name] = factory() if factory is not None else attribute.default
                continue
            if max_items is not None and type(raw) in (list, tuple) and len(raw) > max_items:
                errors.append(
                    ErrorDetail(
                        (*loc, name),
                        "array.too_long",
                        f"at most {max_items} items",
                        f"paling banyak {max_items} butir",
                        None,
                        {"max_items": max_items, "length": len(raw)},
                    )
                )
                continue
            item_errors = len(errors)
            try:
                result = structurer(raw, (*loc, name), errors)
            except RecursionError:
                raise
            except Exception:  # a hostile value inside the field: locate it at the field
                errors.append(unreadable((*loc, name)))
                result = INVALID
            if result is not INVALID and len(errors) == item_errors:
                converter = attribute.metadata.get("converter")
                if converter is not None:
                    result = converter(result)
                if attribute.validator is not None:
                    try:
                        attribute.validator(None, attribute, result)
                    except InvalidRecord as err:
                        errors.extend(e.at(loc) for e in err.errors)
                if len(errors) == item_errors:
                    kwargs[name] = result
                    continue
            # Tag the new errors with the field's personal-data class (the innermost field
            # tags first), so that their inputs stay out of default error output.
            sensitivity = attribute.metadata.get("sensitivity")
            for error in errors[item_errors:]:
                if error.sensitivity is None and sensitivity is not None:
                    error.sensitivity = sensitivity.value
                if error.sensitivity == "bukan_data_pribadi":
                    with_hint(error)
        if len(errors) != before:
            return INVALID
        if not self.entity:
            return self._construct(kwargs, loc, errors)
        # Every field validator has run above, so build the instance without running them
        # again, then check the class invariants.
        obj = object.__new__(self.cls)
        for name, item in kwargs.items():
            object.__setattr__(obj, name, item)
        found = obj.problems()
        if found:
            errors.extend(e.at(loc) for e in found)
            return INVALID
        return obj

    def _construct(self, kwargs: dict[str, Any], loc: Loc, errors: list[ErrorDetail]) -> Any:
        """Build a plain attrs class (not an Entity) through its own ``__init__``."""
        try:
            return self.cls(**kwargs)
        except InvalidRecord as err:
            errors.extend(e.at(loc) for e in err.errors)
        except (ValueError, TypeError) as err:
            errors.append(
                ErrorDetail(
                    loc,
                    getattr(err, "code", "value.invalid"),
                    str(err),
                    getattr(err, "message_id", str(err)),
                    None,
                )
            )
        return INVALID


def _max_items(node: Node) -> int | None:
    """The most items a field's list may hold (checked before its items are read)."""
    if isinstance(node, Optional):
        node = node.inner
    return node.max_items if isinstance(node, TupleOf) else None


def _tagged_union(node: Tagged) -> Structurer:
    by_tag = {tag: plan_for(cls) for tag, cls in node.tags}
    choices = sorted(by_tag)

    def structure(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
        value = _object(value, loc, errors)
        if value is INVALID:
            return INVALID
        tag = value.get("kind")
        if tag is None:
            errors.append(
                ErrorDetail(
                    (*loc, "kind"),
                    "union.missing_tag",
                    f"'kind' is required; expected one of: {', '.join(choices)}",
                    f"'kind' wajib ada; pilihan: {', '.join(choices)}",
                    None,
                    {"choices": choices},
                )
            )
            return INVALID
        plan = by_tag.get(tag) if type(tag) is str else None
        if plan is None:
            errors.append(
                ErrorDetail(
                    (*loc, "kind"),
                    "union.unknown_tag",
                    f"unknown kind; expected one of: {', '.join(choices)}",
                    f"jenis tidak dikenal; pilihan: {', '.join(choices)}",
                    tag,
                    {"choices": choices},
                )
            )
            return INVALID
        rest = dict(value)
        del rest["kind"]
        return plan(rest, loc, errors)

    return structure


_PLANS: dict[type[Any], Plan] = {}


def plan_for(cls: type[Any]) -> Plan:
    """Return (and cache) the plan of an attrs class."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = Plan(cls)
        _PLANS[cls] = plan
    return plan


def _lazy_plan(cls: type[Any]) -> Structurer:
    # Plans of nested classes are built on first use, so recursive types would not loop.
    def structure(value: Any, loc: Loc, errors: list[ErrorDetail]) -> Any:
        return plan_for(cls)(value, loc, errors)

    return structure


def structurer_for(node: Node) -> Structurer:
    """Return the structurer of a node of the type tree."""
    if isinstance(node, Text):
        return _structure_str
    if isinstance(node, Boolean):
        return _structure_bool
    if isinstance(node, Integer):
        return _structure_int
    if isinstance(node, Date):
        return structure_date
    if isinstance(node, Code):
        return _enum_structurer(node.enum)
    if isinstance(node, Record):
        return _lazy_plan(node.cls)
    if isinstance(node, TupleOf):
        return _tuple_of(structurer_for(node.item))
    if isinstance(node, Optional):
        return _optional(structurer_for(node.inner))
    if isinstance(node, TextOr):
        return _str_or(structurer_for(node.other))
    if isinstance(node, Tagged):
        return _tagged_union(node)
    raise TypeError(f"atensi cannot structure {node!r}")  # pragma: no cover - every node has one
