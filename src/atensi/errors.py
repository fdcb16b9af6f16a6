"""The error hierarchy of atensi.

Every error the library raises on bad input derives from :class:`AtensiError`, which is a
:class:`ValueError`, so code written against the standard library's conventions keeps working.
The hierarchy is deliberately shallow (after python-stdnum's ``stdnum.exceptions``): callers catch
``AtensiError`` or one leaf, and read machine-readable parts from attributes, never by parsing
the message.

Every error carries:

* ``code``: a stable, dotted error code (``"vocab.unknown_code"``), never changed once released;
* ``message_id`` / ``message_en``: the message in Indonesian and English (``str(err)`` is English);
* ``ctx``: a mapping of extra, JSON-serialisable context.

>>> from atensi.errors import AtensiError, UnknownCode
>>> err = UnknownCode("Cluster", "kids", ("anak", "lanjut_usia"))
>>> isinstance(err, ValueError), err.code
(True, 'vocab.unknown_code')
>>> print(err)
'kids' is not a Cluster code; expected one of: anak, lanjut_usia
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "ERROR_JSON_VERSION",
    "MAX_KEY_DIGITS",
    "MAX_KEY_SHOWN",
    "AtensiError",
    "ErrorDetail",
    "InvalidRecord",
    "Loc",
    "NoInstrumentInForce",
    "UnknownCode",
    "WrongArgument",
    "digest_key",
    "json_type_names",
    "key_digest",
    "loc_text",
    "safe_key",
    "safe_name",
    "safe_text",
    "type_label",
    "use_digest_key",
]

#: A key from outside is shown in an error path only when it looks like a field name: an ASCII
#: identifier that starts with a lower-case letter, of at most this many characters ...
MAX_KEY_SHOWN = 40
#: ... holding at most this many digits (so no NIK, phone or card number, however written).
MAX_KEY_DIGITS = 4
_FIELD_NAME = re.compile(r"[a-z][A-Za-z0-9_]*")
#: A type or class name is shown when it is an ASCII identifier of any case, within the same
#: limits; a hostile class may be named anything.
_TYPE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Hex digits of the digest that stands for a hidden key (32 bits: two keys of one run share
#: one by chance with odds of about one in four billion).
_DIGEST_HEX = 8

_digest_lock = threading.Lock()
_digest_key: bytes | None = None


def digest_key() -> bytes:
    """The secret the digests of hidden keys are made with (drawn at random on first use).

    A digest names a hidden key so that two errors about the same key can be matched, without
    showing it. Under a key anyone knows, a digest could be tested against guesses (a NIK has
    about 3.6e8 plausible values, a phone number fewer): so the key is secret, random for each
    process unless set with :func:`use_digest_key`, and never shown. Digests therefore match
    within a run (the command line gives its worker processes its own key), not across runs.
    """
    global _digest_key
    key = _digest_key
    if key is None:
        with _digest_lock:
            if _digest_key is None:
                from atensi._secret import random_key

                _digest_key = random_key()
            key = _digest_key
    return key


def use_digest_key(key: bytes | None) -> None:
    """Make the digests of hidden keys with ``key`` (``None``: a new random key on next use).

    For a process that must match the digests of another (a worker, or runs whose error logs
    are compared): pass the same secret, at least 16 bytes, kept as any key is kept.

    Raises:
        AtensiError: ``errors.weak_key`` for a key that is not bytes or is shorter than 16 bytes.
    """
    global _digest_key
    if key is not None and (type(key) is not bytes or len(key) < 16 or len(set(key)) == 1):
        raise AtensiError(
            "the digest key must be at least 16 random bytes",
            message_id="kunci ringkasan harus paling sedikit 16 bait acak",
            code="errors.weak_key",
        )
    with _digest_lock:
        _digest_key = key


def key_digest(text: str) -> str:
    """The short keyed digest that stands for a hidden key (8 hex digits).

    >>> key_digest("3171014103900001") == key_digest("3171014103900001")
    True
    >>> len(key_digest("x"))
    8
    """
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(
        data, digest_size=_DIGEST_HEX // 2, key=digest_key(), person=b"atensi key"
    ).hexdigest()


def _hidden(text: str, what: str) -> str:
    count = len(text)
    return f"<{what}: {count} char{'s' if count != 1 else ''}, #{key_digest(text)}>"


def _looks_like(pattern: re.Pattern[str], text: str) -> bool:
    return (
        len(text) <= MAX_KEY_SHOWN
        and pattern.fullmatch(text) is not None
        and sum(ch.isdigit() for ch in text) <= MAX_KEY_DIGITS
    )


def safe_text(text: str) -> str:
    r"""``text`` with every invisible or control character escaped as Python writes it.

    Line breaks, ANSI escapes (ESC), bidirectional overrides, zero-width characters and lone
    surrogates become ``\n``, ``\x1b``, ``\u202e``, ``\u200b``, ``\ud800``: the result
    cannot forge a line or drive a terminal, and always encodes as UTF-8.

    >>> print(safe_text("nama\n\x1b[31m"))
    nama\n\x1b[31m
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


def type_label(value: object) -> str:
    """The name of a value's type, shown safely (never raising, escaped, masked, cut)."""
    try:
        name = type(value).__name__
    except Exception:  # a metaclass that refuses even its name
        return "object"
    return safe_name(name)


#: The JSON name of a value's type in English and in Indonesian, for messages.
_JSON_TYPE_NAMES: dict[type[Any], tuple[str, str]] = {
    type(None): ("null", "nilai kosong"),
    bool: ("boolean", "nilai benar/salah"),
    int: ("number", "bilangan"),
    float: ("number", "bilangan"),
    str: ("string", "teks"),
    list: ("array", "larik"),
    tuple: ("array", "larik"),
    dict: ("object", "objek"),
}


def json_type_names(value: object) -> tuple[str, str]:
    """The name of a value's JSON type in English and Indonesian (``("array", "larik")``).

    A value that is no JSON type (a Python object passed to ``structure``) is named by its
    Python type, shown safely and quoted in both languages.

    >>> json_type_names([1]), json_type_names(b"x")
    (('array', 'larik'), ("'bytes'", "objek Python 'bytes'"))
    """
    names = _JSON_TYPE_NAMES.get(type(value))
    if names is not None:
        return names
    if isinstance(value, Mapping):
        return _JSON_TYPE_NAMES[dict]
    label = f"'{type_label(value)}'"
    return label, f"objek Python {label}"


def safe_key(key: object) -> str:
    """How a key from outside is shown in an error path (``ErrorDetail.loc``).

    A key is data from outside (records keyed by NIK or by name exist), so it is shown only
    when it looks like a field name: an ASCII identifier that starts with a lower-case letter,
    at most :data:`MAX_KEY_SHOWN` characters and :data:`MAX_KEY_DIGITS` digits (``nmae``,
    ``birthDate``, ``address_line2``). Any other key is a placeholder with its length and a
    short keyed digest (:func:`key_digest`), so that two errors about the same key can still be
    matched: a NIK however written (spaces, underscores, commas, dashes, letters between the
    digits), a name with a space or a capital, an e-mail, an address, a note. A key that is not
    a string is named by its type only. With ``--show-personal-data`` (``include_input``), the
    key itself is the error's ``input``.

    >>> safe_key("nmae")
    'nmae'
    >>> safe_key("3273_0157_0892_0003")[:16]
    '<key: 19 chars, '
    >>> safe_key("Siti Aminah") == safe_key("Siti Aminah")
    True
    >>> safe_key(10**5000)
    '<int key>'
    """
    if type(key) is not str:
        return f"<{type_label(key)} key>"
    return key if _looks_like(_FIELD_NAME, key) else _hidden(key, "key")


def safe_name(name: object) -> str:
    """A type or class name, shown when it is an ASCII identifier (else a placeholder).

    >>> safe_name("Person"), safe_name("3171014103900001")[:7], safe_name(None)
    ('Person', '<name: ', 'object')
    """
    if type(name) is not str:
        return "object"
    return name if _looks_like(_TYPE_NAME, name) else _hidden(name, "name")


def _rebuild(cls: type[AtensiError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """An error unpickled: its class, its ``args`` and its attributes, no constructor run."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class AtensiError(ValueError):
    """Base class of every error atensi raises on bad input.

    Args:
        code: the stable error code.
        message_en: the message in English (also ``str(error)``).
        message_id: the message in Indonesian.
        ctx: extra JSON-serialisable context.
    """

    code: str = "atensi.error"

    def __init__(
        self,
        message_en: str,
        *,
        message_id: str | None = None,
        code: str | None = None,
        ctx: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message_en)
        if code is not None:
            self.code = code
        self.message_en = message_en
        self.message_id = message_id if message_id is not None else message_en
        self.ctx: dict[str, Any] = dict(ctx or {})

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by state, not by the constructor's arguments.

        Subclasses take other arguments than ``args`` holds, so the default (call the class with
        ``args``) would fail on the way back from a worker process (Dask, multiprocessing).
        """
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))

    def to_dict(self) -> dict[str, Any]:
        """Return the error as a JSON-serialisable mapping (``code``, ``msg``, ``ctx``)."""
        return {
            "code": self.code,
            "msg": {"id": self.message_id, "en": self.message_en},
            "ctx": dict(self.ctx),
        }


class UnknownCode(AtensiError):
    """A code is not a member of a vocabulary.

    Args:
        vocabulary: the name of the vocabulary (``"Cluster"``).
        value: the offending value.
        choices: the valid codes.
    """

    code = "vocab.unknown_code"

    def __init__(
        self,
        vocabulary: str,
        value: object,
        choices: Sequence[str],
        *,
        code: str | None = None,
        vocabulary_id: str | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.value = value
        self.choices = tuple(choices)
        listed = ", ".join(self.choices)
        article = "an" if vocabulary[:1].lower() in "aeiou" else "a"
        super().__init__(
            f"{value!r} is not {article} {vocabulary} code; expected one of: {listed}",
            message_id=f"{value!r} bukan kode {vocabulary_id or vocabulary}; pilihan yang sah: "
            f"{listed}",
            code=code,
            ctx={"vocabulary": vocabulary, "choices": list(self.choices)},
        )


class NoInstrumentInForce(AtensiError):
    """No rule set was in force on the date asked for (a date before PP 39/2012).

    Args:
        on: the date asked for.
        first: the first date on which a rule set is in force.
        first_name: the instrument that starts the first rule set.
    """

    code = "law.no_instrument_in_force"

    def __init__(self, on: _dt.date, first: _dt.date, first_name: str = "PP 39/2012") -> None:
        self.on = on
        self.first = first
        super().__init__(
            f"no rule set was in force on {on.isoformat()}; the first one "
            f"({first_name}) applies from {first.isoformat()}",
            message_id=f"tidak ada aturan yang berlaku pada {on.isoformat()}; "
            f"aturan pertama ({first_name}) berlaku sejak {first.isoformat()}",
            ctx={"on": on.isoformat(), "first": first.isoformat(), "first_name": first_name},
        )


class WrongArgument(AtensiError, TypeError):
    """A function was given an argument of the wrong kind (a dict where an entity belongs).

    Both a :class:`ValueError` (as every atensi error) and a :class:`TypeError`. Codes given as
    text where a vocabulary member is typed are accepted; a code that is not one raises
    :class:`UnknownCode`.

    Args:
        name: the parameter.
        expected: what it takes, in English.
        got: the value given (only its type is shown: it may be personal data).
        expected_id: what it takes, in Indonesian.
    """

    code = "argument.wrong_type"

    def __init__(self, name: str, expected: str, got: object, expected_id: str) -> None:
        self.name = name
        got_type = type_label(got)
        hint = ""
        if isinstance(got, Mapping):
            hint = " (structure it first: atensi.structure(data, cls))"
        super().__init__(
            f"{name}: expected {expected}, got a {got_type}{hint}",
            message_id=f"{name}: seharusnya {expected_id}, bukan {got_type}"
            + (" (strukturkan dahulu: atensi.structure(data, cls))" if hint else ""),
            ctx={"argument": name, "expected": expected, "got": got_type},
        )


#: The version of the JSON shape of :meth:`InvalidRecord.to_json`; bumped only on breaking change.
ERROR_JSON_VERSION = 1

Loc = tuple[str | int, ...]


class ErrorDetail:
    """One problem in a record: where it is, what it is, and what the input was.

    Shaped after pydantic's error records (``type/code``, ``loc``, ``msg``, ``input``, ``ctx``).

    Attributes:
        loc: the path to the problem inside the record, e.g. ``("members", 2, "birth_date")``;
            for a missing key, the path of the key that is missing.
        code: a stable error code from the catalogue (``docs/errors.md``).
        message_en: the message in English.
        message_id: the message in Indonesian.
        input: the offending input value (``None`` for a missing key).
        ctx: extra JSON-serialisable context (e.g. the valid choices).
    """

    __slots__ = ("code", "ctx", "input", "loc", "message_en", "message_id", "sensitivity")

    def __init__(
        self,
        loc: Loc,
        code: str,
        message_en: str,
        message_id: str,
        input: Any = None,
        ctx: Mapping[str, Any] | None = None,
        sensitivity: str | None = None,
    ) -> None:
        self.loc = loc
        self.code = code
        self.message_en = message_en
        self.message_id = message_id
        self.input = input
        self.ctx: dict[str, Any] = dict(ctx or {})
        #: The personal-data class of the field the input belongs to (a Sensitivity code), set
        #: by the boundary; ``None`` when unknown.
        self.sensitivity = sensitivity

    def at(self, prefix: Loc) -> ErrorDetail:
        """Return a copy located under ``prefix``."""
        _, (loc, *rest) = self.__reduce__()
        return ErrorDetail(prefix + loc, *rest)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle by the constructor's arguments, under every protocol (0 and 1 included).

        A slotted class has no ``__dict__`` for protocols 0 and 1 to copy.
        """
        parts = (self.loc, self.code, self.message_en, self.message_id, self.input, self.ctx)
        return (ErrorDetail, (*parts, self.sensitivity))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ErrorDetail):
            return NotImplemented
        return (self.loc, self.code, self.message_en) == (other.loc, other.code, other.message_en)

    def __hash__(self) -> int:
        return hash((self.loc, self.code, self.message_en))

    def __repr__(self) -> str:
        # The input is left out on purpose: it may be personal data.
        return f"ErrorDetail(loc={self.loc!r}, code={self.code!r}, message_en={self.message_en!r})"

    def to_dict(
        self,
        *,
        include_input: bool = False,
        include_personal: bool = False,
        _budget: _Budget | None = None,
    ) -> dict[str, Any]:
        """Return the problem as a JSON-serialisable mapping.

        Args:
            include_input: include the offending input. Off by default, because inputs are often
                personal data (NIKs, health conditions) that must not reach logs.
            include_personal: with ``include_input``, also include inputs of personal fields
                (identifiers and personal data under UU 27/2022) and of values whose field is
                not known (a whole record of the wrong type); otherwise they read
                ``"<redacted>"``, and keys inside shown inputs are masked as in paths.
        """
        # A value whose field is not known may be anything, a whole record included.
        personal = self.sensitivity != "bukan_data_pribadi"
        ctx = dict(self.ctx)
        if personal and not include_personal and "did_you_mean" in ctx and self.input is not None:
            # A code close to a personal input tells what the input was: shown on request only.
            del ctx["did_you_mean"]
        data: dict[str, Any] = {
            "loc": list(self.loc),
            "code": self.code,
            "msg": {"id": self.message_id, "en": self.message_en},
            "ctx": ctx,
        }
        if include_input:
            if personal and not include_personal:
                data["input"] = "<redacted>"
            else:
                data["input"] = _jsonable(
                    self.input, _budget or _Budget(), mask_keys=not include_personal
                )
        return data


#: At most this many values of inputs are shown per :meth:`InvalidRecord.to_json` call: inputs
#: may share parts or contain themselves, so the work is bounded in total, not only in depth.
MAX_INPUT_NODES = 100_000


def _encodable(text: str) -> str:
    """``text``, with lone surrogates (which UTF-8 cannot encode) escaped as in Python."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class _Budget:
    """What is left to show of the inputs of one ``to_json`` call."""

    __slots__ = ("left",)

    def __init__(self, left: int = MAX_INPUT_NODES) -> None:
        self.left = left


def _jsonable(
    value: Any,
    budget: _Budget,
    *,
    mask_keys: bool,
    depth: int = 0,
    seen: set[int] | None = None,
) -> Any:
    """A JSON-ready copy of an input, bounded in depth, width and total work, never raising.

    Only JSON's own types (and dates) are copied, by their exact type: anything else, subclasses
    included, is shown as ``<TypeName>``, so no method of a hostile object runs. A container met
    again inside itself is ``<cycle>``; text that cannot be encoded is escaped.
    """
    budget.left -= 1
    if budget.left < 0:
        return "<not shown: too much input>"
    kind = type(value)
    if value is None or kind is bool:
        return value
    if kind is str:
        return _encodable(value if len(value) <= 1000 else value[:1000] + "…")
    if kind is int:
        return value if value.bit_length() <= 64 else "<integer too large to show>"
    if kind is float:
        finite = value == value and value not in (float("inf"), float("-inf"))
        return value if finite else repr(value)
    if kind is _dt.date:
        return value.isoformat()
    if kind not in (dict, list, tuple):
        return f"<{type_label(value)}>"
    if depth > 20:
        return "<nested too deeply to show>"
    seen = set() if seen is None else seen
    if id(value) in seen:
        return "<cycle>"
    seen.add(id(value))
    try:
        if kind is dict:
            out: Any = {}
            for key, item in list(value.items())[:100]:
                shown = (
                    safe_key(key) if mask_keys or type(key) is not str else _encodable(key[:200])
                )
                out[shown] = _jsonable(
                    item, budget, mask_keys=mask_keys, depth=depth + 1, seen=seen
                )
            return out
        return [
            _jsonable(item, budget, mask_keys=mask_keys, depth=depth + 1, seen=seen)
            for item in value[:100]
        ]
    finally:
        seen.discard(id(value))


def loc_text(loc: Loc) -> str:
    """A path as text: ``subject.members[2].birth_date``; ``(record)`` for the record itself."""
    if not loc:
        return "(record)"
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


class InvalidRecord(AtensiError):
    """A record from outside did not fit an entity; ``errors`` lists *every* problem.

    The message lists each problem's path and English text but never the offending input,
    which may be personal data; ``to_json(include_input=True)`` adds inputs when a caller asks.

    Args:
        errors: the problems, in the order they were found.
        entity: the name of the entity the record was meant to be.
    """

    code = "record.invalid"

    def __init__(self, errors: Sequence[ErrorDetail], entity: str | None = None) -> None:
        self.errors: tuple[ErrorDetail, ...] = tuple(errors)
        self.entity = entity
        what = f"{entity} record" if entity else "record"
        lines_en = [f"{loc_text(e.loc)}: {e.message_en} [{e.code}]" for e in self.errors]
        lines_id = [f"{loc_text(e.loc)}: {e.message_id} [{e.code}]" for e in self.errors]
        count = len(self.errors)
        super().__init__(
            f"invalid {what}, {count} problem{'s' if count != 1 else ''}:\n  "
            + "\n  ".join(lines_en),
            message_id=f"rekaman {entity or ''} tidak sah, {count} masalah:\n  "
            + "\n  ".join(lines_id),
            ctx={"entity": entity, "count": count},
        )

    def at(self, prefix: Loc) -> InvalidRecord:
        """Return the same problems located under ``prefix``."""
        return InvalidRecord([e.at(prefix) for e in self.errors], self.entity)

    def to_json(
        self, *, include_input: bool = False, include_personal: bool = False
    ) -> dict[str, Any]:
        """Return the documented, versioned JSON shape of the error.

        ``{"version": 1, "code": "record.invalid", "entity": ..., "errors": [...]}``, each error
        as :meth:`ErrorDetail.to_dict`. Inputs appear only with ``include_input=True``, and
        inputs of personal fields only with ``include_personal=True`` as well.
        """
        budget = _Budget()
        return {
            "version": ERROR_JSON_VERSION,
            "code": self.code,
            "entity": self.entity,
            "errors": [
                e.to_dict(
                    include_input=include_input, include_personal=include_personal, _budget=budget
                )
                for e in self.errors
            ],
        }
