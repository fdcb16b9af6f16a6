"""Field metadata and validators shared by every entity.

Every entity field is declared with :func:`field`, which records in the attrs metadata:

* ``doc``: a bilingual :class:`~atensi.vocab.Label` description (the JSON Schema uses it);
* ``citation``: where the field comes from in law, if anywhere;
* ``sensitivity``: the personal-data class of the field (UU 27/2022), see :class:`Sensitivity`;
* ``limits``: size limits the boundary enforces (``max_length``, ``max_items``, ``minimum``...).

Validators raise :class:`atensi.errors.InvalidRecord` located at the field, so that direct
construction and the boundary report the same codes and paths.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import attrs

from atensi.errors import ErrorDetail, InvalidRecord, json_type_names, type_label
from atensi.model import _characters
from atensi.regions import is_valid_code
from atensi.vocab import Citation, CodedEnum, Evidence, Label, cite

# BLANK and UNICODE_VERSION are there too, on first use (see __getattr__).
__all__ = [
    "DATE_MAX",
    "DATE_MIN",
    "LIMITS",
    "DateOrder",
    "Entity",
    "NikOrReason",
    "RegionCodes",
    "Sensitivity",
    "UniqueBy",
    "blank_characters",
    "date_out_of_range",
    "default_factory",
    "detail",
    "field",
    "multiline",
    "problem",
    "read_date",
    "record_id",
    "refused_character",
    "type_hints",
    "unique_by",
]

#: The dates an entity may hold, inclusive (``structure`` refuses others with
#: ``date.out_of_range``): wide enough for any birth date or record a registry holds, narrow
#: enough that every date arithmetic on them (an age, a year's margin either side of an
#: estimate, six months after a start) stays far inside what ``datetime.date`` can hold.
DATE_MIN = dt.date(1800, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
_DATE_RANGE = {"minimum": DATE_MIN.isoformat(), "maximum": DATE_MAX.isoformat()}


def type_hints(cls: type[Any]) -> dict[str, Any]:
    """``typing.get_type_hints(cls)``, evaluated once per class; do not change the result.

    The generators (structuring, twins, warnings, plans, schemas) each ask for the hints of
    every class nested in the one they build; evaluating string annotations was most of the
    start-up they cost.
    """
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


_HINTS: dict[type[Any], dict[str, Any]] = {}


def date_out_of_range(loc: tuple[str | int, ...], value: Any) -> ErrorDetail:
    """The problem of a date outside :data:`DATE_MIN` to :data:`DATE_MAX`, located at ``loc``."""
    low, high = _DATE_RANGE["minimum"], _DATE_RANGE["maximum"]
    return ErrorDetail(
        loc,
        "date.out_of_range",
        f"outside the dates atensi accepts ({low} to {high})",
        f"di luar rentang tanggal yang diterima atensi ({low} sampai {high})",
        value,
        _DATE_RANGE,
    )


#: The one date grammar of atensi: ``YYYY-MM-DD`` in ASCII digits, nothing else (no week dates,
#: no ``20240601``, no times), as JSON Schema's ``format: date`` and every entity date field.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_or_problem(value: Any, loc: tuple[str | int, ...]) -> dt.date | ErrorDetail:
    """Read a date by atensi's one grammar: the date, or the problem located at ``loc``.

    ``YYYY-MM-DD`` (or a ``datetime.date``, not a ``datetime``) from :data:`DATE_MIN` to
    :data:`DATE_MAX`. Every date from outside is read here: entity fields (both structuring
    paths), an item's ``on``, every command-line date option and decisions read back from JSON,
    so that the same text is accepted or refused everywhere, with the same code
    (``type.date``, ``date.format``, ``date.invalid``, ``date.out_of_range``).
    """
    if type(value) is str:
        if len(value) != 10 or not _ISO_DATE.fullmatch(value):
            return ErrorDetail(
                loc,
                "date.format",
                "expected a date as YYYY-MM-DD",
                "seharusnya tanggal berformat YYYY-MM-DD",
                value,
            )
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return ErrorDetail(
                loc,
                "date.invalid",
                "not a real calendar date",
                "bukan tanggal kalender yang ada",
                value,
            )
    elif type(value) is dt.date:
        day = value
    else:
        return ErrorDetail(
            loc,
            "type.date",
            f"expected a date string (YYYY-MM-DD), got {json_type_names(value)[0]}",
            f"seharusnya teks tanggal (YYYY-MM-DD), bukan {json_type_names(value)[1]}",
            value,
            {"expected": "a date string (YYYY-MM-DD)", "got": json_type_names(value)[0]},
        )
    if DATE_MIN <= day <= DATE_MAX:
        return day
    return date_out_of_range(loc, value)


def read_date(value: Any, loc: tuple[str | int, ...] = ()) -> dt.date:
    """Read a date by atensi's one grammar (:func:`date_or_problem`), or raise.

    Raises:
        InvalidRecord: with the one problem.
    """
    found = date_or_problem(value, loc)
    if type(found) is ErrorDetail:
        raise InvalidRecord([found])
    return found  # type: ignore[return-value]


#: Default size limits of the boundary; a record beyond them is rejected, not truncated.
LIMITS: Mapping[str, int] = {
    "short_text": 200,
    "long_text": 2000,
    "items": 1000,
    "amount_idr": 10**13,
}


class Sensitivity(CodedEnum):
    """The personal-data class of a field under UU 27/2022 (Pelindungan Data Pribadi)."""

    NOT_PERSONAL = "bukan_data_pribadi", Label("Bukan data pribadi", "Not personal data")
    IDENTIFIER = (
        "pengenal",
        Label("Nomor pengenal", "Identifier"),
        cite("uu-27-2022", "Pasal 4 ayat (3)", Evidence.SECONDARY),
    )
    GENERAL = (
        "data_pribadi_umum",
        Label("Data pribadi yang bersifat umum", "General personal data"),
        cite("uu-27-2022", "Pasal 4 ayat (3)", Evidence.SECONDARY),
    )
    HEALTH = (
        "spesifik_kesehatan",
        Label("Data dan informasi kesehatan", "Specific: health data"),
        cite("uu-27-2022", "Pasal 4 ayat (2) huruf a", Evidence.SECONDARY),
    )
    CRIMINAL = (
        "spesifik_catatan_kejahatan",
        Label("Catatan kejahatan", "Specific: criminal record"),
        cite("uu-27-2022", "Pasal 4 ayat (2) huruf d", Evidence.SECONDARY),
    )
    CHILD = (
        "spesifik_anak",
        Label("Data anak", "Specific: children's data"),
        cite("uu-27-2022", "Pasal 4 ayat (2) huruf e", Evidence.SECONDARY),
    )
    FINANCIAL = (
        "spesifik_keuangan",
        Label("Data keuangan pribadi", "Specific: personal financial data"),
        cite("uu-27-2022", "Pasal 4 ayat (2) huruf f", Evidence.SECONDARY),
    )


def detail(
    name: str | int | tuple[str | int, ...],
    code: str,
    en: str,
    id_: str,
    value: Any = None,
    **ctx: Any,
) -> ErrorDetail:
    """Build one located problem (for class invariants)."""
    loc = name if isinstance(name, tuple) else (name,)
    return ErrorDetail(loc, code, en, id_, value, ctx)


def problem(
    name: str | int | tuple[str | int, ...],
    code: str,
    en: str,
    id_: str,
    value: Any = None,
    **ctx: Any,
) -> InvalidRecord:
    """Build an :class:`InvalidRecord` with one problem located at ``name``."""
    loc = name if isinstance(name, tuple) else (name,)
    return InvalidRecord([ErrorDetail(loc, code, en, id_, value, ctx)])


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def field(
    *,
    en: str,
    id: str,
    sensitivity: Sensitivity = Sensitivity.NOT_PERSONAL,
    citation: Citation | None = None,
    validator: Validator | list[Validator] | None = None,
    default: Any = attrs.NOTHING,
    factory: Callable[[], Any] | None = None,
    converter: Callable[[Any], Any] | None = None,
    region: bool = False,
    pattern: str | None = None,
    **limits: int,
) -> Any:
    """Declare an entity field with its bilingual description and metadata.

    ``converter`` normalises a valid value to the form stored (a NIK without separators); it
    runs on construction and in both structuring paths. ``region`` makes the field (or each
    item of it) a Kemendagri region code, checked against the table. ``pattern`` is the JSON
    Schema pattern of the stored form, where ``structure`` checks more than a type says.
    """
    metadata: dict[str, Any] = {
        "doc": Label(id, en),
        "repr": _safe_repr(sensitivity),
        "citation": citation,
        "sensitivity": sensitivity,
        "limits": dict(limits),
        "converter": converter,
        "region": region,
        "pattern": pattern,
    }
    custom = validator if isinstance(validator, list) else ([validator] if validator else [])
    if region:
        custom.append(region_codes)
        if converter is None:
            converter = compact_region
            metadata["converter"] = converter
    metadata["custom_validators"] = tuple(custom)
    validators = [_LIMIT_VALIDATORS[key](bound) for key, bound in limits.items()] + custom
    # The type first: every later check may then rely on it (a list of conditions is not read
    # for their groups when it holds strings).
    validators[:0] = [_typed, _visible_text(multiline(limits))]
    if converter is None and "max_items" in limits:
        converter = _list_to_tuple
    common: dict[str, Any] = {
        "metadata": metadata,
        "validator": validators or None,
        "kw_only": True,
        "repr": metadata["repr"],
    }
    if converter is not None:
        common["converter"] = converter
    if factory is not None:
        return attrs.field(factory=factory, **common)
    return attrs.field(default=default, **common)


def record_id(*, personal: bool) -> Any:
    """The ``id`` field of a record: an identifier when the record is about people.

    Source systems often fill the id of a person, case or assessment with the NIK, so those ids
    are classed as identifiers (masked, pseudonymised); ids of units and activities are not.
    """
    return field(
        en="Record identifier",
        id="Pengenal rekaman",
        sensitivity=Sensitivity.IDENTIFIER if personal else Sensitivity.NOT_PERSONAL,
        min_length=1,
        max_length=LIMITS["short_text"],
    )


def default_factory(attribute: attrs.Attribute[Any]) -> Callable[[], Any] | None:
    """Return the factory of a field's ``attrs.Factory`` default, or ``None``."""
    default: Any = attribute.default
    factory = getattr(default, "factory", None)
    if callable(factory) and getattr(default, "takes_self", True) is False:
        return factory  # type: ignore[no-any-return]
    return None


def _redacted(value: Any) -> str:
    return "None" if value is None else "<redacted>"


def _masked_identifier(value: Any) -> str:
    if isinstance(value, str) and len(value) == 16 and value.isdigit():
        # A NIK or family card number: region prefix and serial, as atensi.nik.mask shows it.
        return "'" + value[:6] + "******" + value[12:] + "'"
    if isinstance(value, str):
        if len(value) <= 6:
            return "'" + "*" * len(value) + "'"
        return "'" + value[:4] + "*" * (len(value) - 6) + value[-2:] + "'"
    return repr(value)


def _safe_repr(sensitivity: Sensitivity) -> Callable[[Any], str] | bool:
    """Return the repr policy of a field: personal data never appears in a repr."""
    if sensitivity is Sensitivity.NOT_PERSONAL:
        return True
    if sensitivity is Sensitivity.IDENTIFIER:
        return _masked_identifier
    return _redacted


class Entity:
    """Base of every entity: runs the class invariants after construction.

    A class lists its cross-field checks in ``_invariants``; each returns the problems it finds
    (located relative to the entity), and construction raises :class:`InvalidRecord` with all
    of them.
    """

    # The weak-reference slot here, not in each entity (attrs adds it where no base has it):
    # every entity then has its fields alone for slots, the layout the fast path's builders
    # share (:mod:`atensi.boundary._twins`). Entities stay weakly referenceable.
    __slots__ = ("__weakref__",)
    _invariants: ClassVar[tuple[Callable[[Any], list[ErrorDetail]], ...]] = ()

    def __attrs_post_init__(self) -> None:
        found = _dates_out_of_range(self) + self.problems()
        if found:
            raise InvalidRecord(found, type(self).__name__)

    def problems(self) -> list[ErrorDetail]:
        """Return the violations of the class invariants (empty for a valid entity)."""
        return [p for check in self._invariants for p in check(self)]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__attrs_attrs__" in cls.__dict__ and "__init__" in cls.__dict__:
            _explained(cls)


def _explained(cls: type[Any]) -> None:
    """Make an entity class say what it is: field docs, a true signature, named errors.

    Runs once per class, when attrs has built it. The bilingual field descriptions live in the
    attrs metadata (the JSON Schema reads them there); this writes them into the class
    docstring as a Google-style ``Attributes`` section, so that ``help()`` and the API docs show
    them. The generated ``__init__`` is wrapped so that an error a field validator raises names
    the entity (``InvalidRecord.entity``), as the invariants' errors do, and its signature shows
    the declared types (attrs writes a converter's parameter type, ``Any``).
    """
    init = cls.__dict__["__init__"]
    fields = attrs.fields(cls)
    name = cls.__name__

    @functools.wraps(init)
    def init_naming_the_entity(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except InvalidRecord as err:
            if err.entity is not None:
                raise
            raise InvalidRecord(err.errors, name) from None

    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    for f in fields:
        default = inspect.Parameter.empty
        if f.default is not attrs.NOTHING:
            factory = default_factory(f)
            default = factory() if factory is not None else f.default
        parameters.append(
            inspect.Parameter(
                f.alias or f.name,
                inspect.Parameter.KEYWORD_ONLY
                if f.kw_only
                else inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=default,
                annotation=f.type if f.type is not None else inspect.Parameter.empty,
            )
        )
    init_naming_the_entity.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        parameters, return_annotation=None
    )
    cls.__init__ = init_naming_the_entity
    lines = []
    for f in fields:
        doc = f.metadata.get("doc")
        if doc is None:
            continue
        extra = []
        sensitivity = f.metadata.get("sensitivity")
        if sensitivity is not None and sensitivity.value != "bukan_data_pribadi":
            extra.append(f"personal data: {sensitivity.value}")
        citation = f.metadata.get("citation")
        if citation is not None:
            extra.append(str(citation))
        note = f" ({'; '.join(extra)})" if extra else ""
        lines.append(f"    {f.name} ({f.type}): {doc.en}. *{doc.id}*{note}.")
    if lines and "\nAttributes:" not in (cls.__doc__ or ""):
        body = (cls.__doc__ or name).rstrip()
        cls.__doc__ = body + "\n\nAttributes:\n" + "\n".join(lines) + "\n"


_DATE_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _is_date(hint: Any) -> bool:
    if hint is dt.date:
        return True
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and dt.date in (
        typing.get_args(hint)
    )


def _dates_out_of_range(obj: Any) -> list[ErrorDetail]:
    """The date fields of a directly constructed entity outside the accepted range.

    The boundary checks the range as it structures; this keeps direct construction to the
    same rule, so that no entity holds a date the rules' arithmetic cannot handle.
    """
    cls = type(obj)
    names = _DATE_FIELDS.get(cls)
    if names is None:
        hints = type_hints(cls)
        names = tuple(f.name for f in attrs.fields(cls) if _is_date(hints[f.name]))
        _DATE_FIELDS[cls] = names
    found = []
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, dt.datetime):  # a datetime does not compare with a date
            value = value.date()
        if isinstance(value, dt.date) and not DATE_MIN <= value <= DATE_MAX:
            found.append(date_out_of_range((name,), value.isoformat()))
    return found


# --- Text ---------------------------------------------------------------------------------------


def _class(ranges: tuple[tuple[int, int], ...], leave_out: str = "") -> str:
    """A character class body for Python's ``re`` (escaped: the table holds controls)."""
    parts = []
    for first, last in ranges:
        codes = [cp for cp in range(first, last + 1) if chr(cp) not in leave_out]
        if len(codes) == last - first + 1:
            parts.append(f"\\U{first:08x}-\\U{last:08x}")
        else:
            parts.extend(f"\\U{cp:08x}" for cp in codes)
    return "".join(parts)


@functools.cache
def _refused_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The characters text may not hold (short text, long text), from the pinned table.

    Built on first use, so that importing the entities reads no data file.
    """
    refused = _characters.table().refused
    return (
        re.compile(f"[{_class(refused)}]"),
        re.compile(f"[{_class(refused, leave_out=chr(9) + chr(10) + chr(13))}]"),
    )


@functools.cache
def blank_characters() -> str:
    """White space and variation selectors (the pinned table's blank class).

    ``text.strip(blank_characters())`` is what is not blank in ``text``.
    """
    return "".join(
        chr(cp) for first, last in _characters.table().blank for cp in range(first, last + 1)
    )


def __getattr__(name: str) -> Any:
    """``BLANK`` (:func:`blank_characters`) and ``UNICODE_VERSION``, on first use."""
    if name == "BLANK":
        return blank_characters()
    if name == "UNICODE_VERSION":
        return _characters.table().version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def multiline(limits: Mapping[str, int]) -> bool:
    """Whether a text field is long text (notes, evidence), where line breaks and tabs belong."""
    return limits.get("max_length", 0) > LIMITS["short_text"]


def refused_character(text: str, multiline: bool) -> int | None:
    r"""The position of the first character text may not hold, or ``None``.

    Refused: control characters (NUL, ESC, ...; tab and line breaks are allowed in long text
    only), format characters that change how text displays without showing (zero-width space,
    bidirectional overrides, byte order mark: Unicode category Cf), line and paragraph separators,
    lone surrogates, and characters that display as nothing although they are letters or symbols
    (the Hangul fillers, U+2800 BRAILLE PATTERN BLANK, the combining grapheme joiner). They make
    a name look blank or like another, forge lines in logs and drive terminals; no name, id or
    note needs them. The table is pinned to one Unicode version (:data:`UNICODE_VERSION`), so
    every interpreter refuses the same characters, whatever its own ``unicodedata`` knows.

    >>> refused_character("Siti", False), refused_character("\u200b", False)
    (None, 0)
    >>> refused_character("baris 1\nbaris 2", True), refused_character("Siti\x1b[2J", True)
    (None, 4)
    >>> refused_character("\u3164\u3164", False), refused_character("Siti\U00013439", False)
    (0, 4)
    """
    if text.isascii() and text.isprintable():  # the common case, in C
        return None
    found = _refused_patterns()[multiline].search(text)
    return None if found is None else found.start()


def _visible_text(multiline: bool) -> Validator:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, str):
            found = refused_character(value, multiline)
            where: tuple[str | int, ...] = (attribute.name,)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    found = refused_character(item, False)
                    if found is not None:
                        value, where = item, (attribute.name, index)
                        break
            else:
                return
        else:
            return
        if found is None:
            return
        code = f"U+{ord(value[found]):04X}"
        raise problem(
            where,
            "string.control_character",
            f"holds an invisible or control character ({code}) at position {found}",
            f"memuat karakter tak terlihat atau karakter kendali ({code}) pada posisi {found}",
            value,
            character=code,
            position=found,
        )

    return check


# --- Types on construction ----------------------------------------------------------------------


def _list_to_tuple(value: Any) -> Any:
    """A list given where a tuple is declared, as a tuple (entities stay hashable)."""
    return tuple(value) if type(value) is list else value


TypeCheck = Callable[[Any], bool]
_TYPE_CHECKS: dict[type[Any], dict[str, tuple[TypeCheck, str, str, str]]] = {}


def _describe(hint: Any) -> tuple[TypeCheck, str, str, str]:
    """How to check a value against an annotation: (check, code, expected in en, in id)."""
    if hint is str:
        return (
            lambda v: isinstance(v, str) and not isinstance(v, enum.Enum),
            "type.string",
            "a string",
            "teks",
        )
    if hint is bool:
        return (lambda v: type(v) is bool), "type.boolean", "True or False", "nilai benar/salah"
    if hint is int:
        return (lambda v: type(v) is int), "type.integer", "an integer", "bilangan bulat"
    if hint is dt.date:
        return (
            lambda v: type(v) is dt.date,
            "type.date",
            "a datetime.date (not a datetime, not text)",
            "datetime.date (bukan datetime, bukan teks)",
        )
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        name = hint.__name__
        return (lambda v: type(v) is hint), "type.enum", f"a {name} member", f"anggota {name}"
    if isinstance(hint, type):
        name = hint.__name__
        return (lambda v: isinstance(v, hint)), "type.object", f"a {name}", f"objek {name}"
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        item = _describe(args[0])[0]
        what = _describe(args[0])[2]
        return (
            lambda v: type(v) is tuple and all(item(x) for x in v),
            "type.array",
            f"a tuple (or list) of {what}",
            f"tuple (atau list) berisi {_describe(args[0])[3]}",
        )
    options = [_describe(a) for a in args if a is not type(None)]
    nullable = type(None) in args
    if len(options) == 1:
        check, code, en, id_ = options[0]
        return (lambda v: v is None or check(v)), code, f"{en} or None", f"{id_} atau None"
    checks = [o[0] for o in options]
    return (
        lambda v: (nullable and v is None) or any(c(v) for c in checks),
        "type.union",
        " or ".join(o[2] for o in options),
        " atau ".join(o[3] for o in options),
    )


def _typed(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse a value of the wrong type on construction, as ``structure`` does on input.

    ``structure`` checks types as it reads (and calls validators without an instance); this
    holds ``Person(sex="female")`` and ``Assessment(assessed_on="2024-01-01")`` to the same
    rule, so that no entity construction accepted can make a rule or ``unstructure`` fail.
    """
    if instance is None:
        return
    cls = type(instance)
    checks = _TYPE_CHECKS.get(cls)
    if checks is None:
        hints = type_hints(cls)
        checks = {f.name: _describe(hints[f.name]) for f in attrs.fields(cls)}
        _TYPE_CHECKS[cls] = checks
    check, code, en, id_ = checks[attribute.name]
    if not check(value):
        got = type_label(value)
        raise problem(
            attribute.name,
            code,
            f"expected {en}, got a Python '{got}'",
            f"seharusnya {id_}, bukan objek Python '{got}'",
            None,
            expected=en,
            got=got,
        )


# --- Validators --------------------------------------------------------------------------------


def _max_length(bound: int) -> Validator:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, str) and len(value) > bound:
            raise problem(
                attribute.name,
                "string.too_long",
                f"at most {bound} characters",
                f"paling banyak {bound} karakter",
                None,
                max_length=bound,
                length=len(value),
            )

    return check


def _min_length(bound: int) -> Validator:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, str) and (
            len(value.strip()) < bound
            or (not value.isascii() and len(value.strip(blank_characters())) < bound)
        ):
            raise problem(
                attribute.name,
                "string.too_short",
                f"must have at least {bound} non-blank character(s)",
                f"paling sedikit {bound} karakter yang bukan spasi",
                value,
                min_length=bound,
            )

    return check


def _max_items(bound: int) -> Validator:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, tuple | frozenset) and len(value) > bound:
            raise problem(
                attribute.name,
                "array.too_long",
                f"at most {bound} items",
                f"paling banyak {bound} butir",
                None,
                max_items=bound,
                length=len(value),
            )

    return check


def _minimum(bound: int) -> Validator:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, int) and value < bound:
            raise problem(
                attribute.name,
                "number.too_small",
                f"must be at least {bound}",
                f"paling kecil {bound}",
                value,
                minimum=bound,
            )

    return check


def _maximum(bound: int) -> Validator:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, int) and value > bound:
            raise problem(
                attribute.name,
                "number.too_large",
                f"must be at most {bound}",
                f"paling besar {bound}",
                value,
                maximum=bound,
            )

    return check


_LIMIT_VALIDATORS: dict[str, Callable[[int], Validator]] = {
    "max_length": _max_length,
    "min_length": _min_length,
    "max_items": _max_items,
    "minimum": _minimum,
    "maximum": _maximum,
}


def compact_region(value: Any) -> Any:
    """A region code (or each of a list or tuple of them) as the table writes it.

    ``"31.71.01"`` is stored as ``"317101"``, as ``atensi region`` and ``atensi coverage`` read
    it: dots and spaces between the digits are removed, so a dotted code means the same in a
    record as on the command line. Anything that does not become 2, 4 or 6 digits is left as
    it was, for :data:`region_codes` to refuse.
    """
    if type(value) is str:
        return _compact_code(value)
    if type(value) in (list, tuple):
        return tuple(_compact_code(v) if type(v) is str else v for v in value)
    return value


def _compact_code(code: str) -> str:
    if "." not in code and " " not in code:
        return code
    compact = code.replace(".", "").replace(" ", "")
    if len(compact) in (2, 4, 6) and compact.isascii() and compact.isdigit():
        return compact
    return code


@attrs.frozen(slots=True)
class RegionCodes:
    """A Kemendagri region code (or each of a tuple of them): known, current or retired.

    Stored as the table writes it: 2, 4 or 6 ASCII digits (:func:`compact_region` removes the
    dots of ``31.71.01`` first). A retired code is valid (records outlive decrees); validation
    reports it as a warning (``region.retired``). The field validator of every
    ``field(region=True)``: :data:`region_codes`.
    """

    def __call__(self, _: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        items = value if isinstance(value, tuple) else (value,)
        for index, code in enumerate(items):
            if code is None or (
                isinstance(code, str) and code.isascii() and code.isdigit() and is_valid_code(code)
            ):
                continue
            raise problem(
                (attribute.name, index) if isinstance(value, tuple) else attribute.name,
                "region.unknown",
                "not a known Kemendagri region code (2, 4 or 6 digits, dots allowed)",
                "bukan kode wilayah Kemendagri yang dikenal (2, 4 atau 6 angka, boleh bertitik)",
                code,
            )


#: The validator of region codes (one value: readers tell it by its class).
region_codes = RegionCodes()


def whole_rupiah(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An amount of money is a whole number of rupiah: not a float, not a boolean.

    The boundary refuses both already (``type.integer``); this keeps direct construction to the
    same rule, so that no total is ever summed from ``1.5`` or ``True``.
    """
    if value is not None and type(value) is not int:
        raise problem(
            attribute.name,
            "type.integer",
            "expected a whole number of rupiah (an integer, not a float or a boolean)",
            "seharusnya bilangan bulat rupiah (bukan pecahan atau boolean)",
            None,
            expected="an integer",
        )


@attrs.frozen(slots=True)
class UniqueBy:
    """Validate that the items of a tuple are unique by ``key``.

    Data, so that its readers can tell what it checks: the JSON Schema of a tuple of scalars
    says ``uniqueItems``, and the generated checks skip it for fewer than two items.
    """

    key: Callable[[Any], Any]
    what_en: str
    what_id: str

    def __call__(self, _: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        seen: dict[Any, int] = {}
        key = self.key
        for index, item in enumerate(value or ()):
            k = key(item)
            if k in seen:
                raise problem(
                    (attribute.name, index),
                    "array.duplicate",
                    f"duplicate {self.what_en} (first at index {seen[k]})",
                    f"{self.what_id} ganda (pertama pada indeks {seen[k]})",
                    None,
                    first_index=seen[k],
                )
            seen[k] = index


def unique_by(key: Callable[[Any], Any], what_en: str, what_id: str) -> UniqueBy:
    """Validate that the items of a tuple are unique by ``key`` (:class:`UniqueBy`)."""
    return UniqueBy(key, what_en, what_id)


@attrs.frozen(slots=True)
class NikOrReason:
    """The NIK's validator, declared as what it is: ``check`` validates a NIK given as text.

    A value that is not text (the reason there is no NIK) passes. Data, so that the generated
    checks can tell it: they skip it (and the field's converter) for a plainly valid NIK: 16
    ASCII digits, a day and month valid in every year, a serial other than 0000.
    """

    check: Validator

    def __call__(self, instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        self.check(instance, attribute, value)


@attrs.frozen(slots=True)
class DateOrder:
    """An invariant: the date field ``after`` is not earlier than ``before`` (either may be None).

    Data, so that the generated structuring functions compare the two dates inline.
    """

    before: str
    after: str

    def __call__(self, obj: Any) -> list[ErrorDetail]:
        start: dt.date | None = getattr(obj, self.before)
        end: dt.date | None = getattr(obj, self.after)
        if start is not None and end is not None and end < start:
            before, after = self.before, self.after
            return [
                ErrorDetail(
                    (after,),
                    "date.before_start",
                    f"'{after}' ({end.isoformat()}) is before '{before}' ({start.isoformat()})",
                    f"'{after}' ({end.isoformat()}) sebelum '{before}' ({start.isoformat()})",
                    end.isoformat(),
                    {"start": start.isoformat()},
                )
            ]
        return []


def order(before: str, after: str) -> DateOrder:
    """Return an invariant: the date field ``after`` is not earlier than ``before``."""
    return DateOrder(before, after)
