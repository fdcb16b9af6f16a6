"""``structure`` and ``unstructure``: the one door between outside data and the entities.

Structuring is strict and collects every problem (see :mod:`atensi.boundary._plan`);
unstructuring uses a cattrs converter with hooks for dates (ISO strings), vocabulary members
(their codes), tagged subjects (a ``kind`` key) and tuples (lists), so that
``structure(unstructure(x), type(x)) == x`` for every entity.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from atensi.boundary._compiled import entity_decoder, refusals
from atensi.boundary._fast import fast_structurer
from atensi.boundary._lines import decode_line, thread_decoder
from atensi.boundary._plan import (
    INVALID,
    MAX_ERRORS,
    plan_for,
    unreadable,
)
from atensi.boundary._quick import Refused, fell_back
from atensi.boundary.warnings import warnings_of
from atensi.errors import (
    AtensiError,
    ErrorDetail,
    InvalidRecord,
    Loc,
    safe_name,
    type_label,
)
from atensi.model import Entity, Subject, subject_kind
from atensi.model._fields import read_date

if TYPE_CHECKING:  # pragma: no cover
    import cattrs

__all__ = [
    "RecordResult",
    "parse_date",
    "structure",
    "structure_detailed",
    "structure_json",
    "unstructure",
    "validate_many",
]

T = TypeVar("T")


def _check_target(cls: Any) -> None:
    if type(cls) is type and cls in _TARGETS:  # asked before (every record asks again)
        return
    if not (isinstance(cls, type) and attrs.has(cls) and issubclass(cls, Entity)):
        # Named by its type (and name, for a class) only: its repr may be anything.
        what = safe_name(cls.__name__) if isinstance(cls, type) else f"a {type_label(cls)}"
        raise AtensiError(
            f"{what} is not an atensi entity class",
            message_id=f"{what} bukan kelas entitas atensi",
            code="boundary.not_an_entity",
        )
    if len(_TARGETS) < 256:  # entity classes: a few dozen
        _TARGETS.add(cls)


_TARGETS: set[type[Any]] = set()


def structure(data: Any, cls: type[T]) -> T:
    """Turn JSON-like data into the entity ``cls``, or raise with every problem.

    Args:
        data: the record (a mapping, as :func:`json.loads` returns it). It is never mutated.
        cls: the entity class, e.g. :class:`atensi.model.Person`.

    Raises:
        InvalidRecord: with ``errors`` listing every problem and its path.

    >>> from atensi.model import Referral
    >>> structure({"on": "2024-02-30", "direction": "sideways"}, Referral)
    Traceback (most recent call last):
    ...
    atensi.errors.InvalidRecord: invalid Referral record, 2 problems:
      on: not a real calendar date [date.invalid]
      direction: not a ReferralDirection code; expected one of: masuk, keluar [enum.unknown]
    """
    _check_target(cls)
    try:
        # The generated fast path returns the entity for a valid record and refuses it at the
        # first problem of any kind; the detailed path then finds and locates every problem.
        return fast_structurer(cls)(data)  # type: ignore[no-any-return]
    except _STRUCTURE_REFUSALS as refusal:
        fell_back("structure", cls, refusal)
    return structure_detailed(data, cls)


#: What the generated structuring function raises to refuse a record (see ``_quick``).
_STRUCTURE_REFUSALS = (Refused, InvalidRecord)


def structure_json(text: str | bytes, cls: type[T]) -> T:
    """Structure one JSON text (a document, a line) into the entity ``cls``.

    The text is read as the command line reads a line: UTF-8, one JSON value, no key twice, no
    ``NaN`` (``input.not_utf8``, ``input.not_json``, ``input.duplicate_key``), then as
    :func:`structure` reads the value. A valid text is read the quick way first: with the
    ``fast`` extra (msgspec) decoded in compiled code into twins of the entities
    (:mod:`atensi.boundary._twins`), then built into the entity; without it decoded and
    structured in one pass, with no hook per object (:mod:`atensi.boundary._counted`). Any
    other text takes the strict path, which finds every problem: the result, or the error, is
    the same either way (:func:`atensi.boundary.fallbacks` shows which texts took it).

    Raises:
        InvalidRecord: with every problem of the text or the record.

    >>> from atensi.model import Referral
    >>> structure_json('{"on": "2024-02-29", "direction": "masuk"}', Referral).direction.value
    'masuk'
    >>> structure_json('{"on": "2024-02-29", "on": "2024-03-01"}', Referral)
    Traceback (most recent call last):
    ...
    atensi.errors.InvalidRecord: invalid Referral record, 1 problem:
      (record): the text: an object has the same key twice [input.duplicate_key]
    """
    _check_target(cls)
    try:
        return entity_decoder()(text, cls)  # type: ignore[no-any-return]
    except refusals() as refusal:
        fell_back("structure_json", cls, refusal)  # the strict path below says why
    record = decode_line(text, ("the text", "teks ini"), thread_decoder())
    if isinstance(record, ErrorDetail):
        raise InvalidRecord([record], cls.__name__)
    return structure(record, cls)


def structure_detailed(data: Any, cls: type[T]) -> T:
    """Structure through the detailed, error-collecting path only (no fast path).

    ``structure`` gives the same results; this exists for the differential tests and for
    callers who want to compare the two paths.
    """
    _check_target(cls)
    errors: list[ErrorDetail] = []
    try:
        result = plan_for(cls)(data, (), errors)
    except RecursionError:
        errors.append(
            ErrorDetail(
                (),
                "record.too_deep",
                "the record is nested too deeply",
                "rekaman bersarang terlalu dalam",
            )
        )
        result = INVALID
    except Exception:  # the plans catch hostile values where they are; this is the last net
        errors.append(unreadable(()))
        result = INVALID
    if len(errors) > MAX_ERRORS:
        total = len(errors)
        errors = errors[:MAX_ERRORS]
        errors.append(
            ErrorDetail(
                (),
                "record.too_many_errors",
                f"more than {MAX_ERRORS} problems; the first {MAX_ERRORS} are listed",
                f"lebih dari {MAX_ERRORS} masalah; {MAX_ERRORS} pertama dicantumkan",
                None,
                {"listed": MAX_ERRORS, "found_at_least": total},
            )
        )
    if errors or result is INVALID:
        raise InvalidRecord(errors, cls.__name__)
    return result  # type: ignore[no-any-return]


def parse_date(value: Any, loc: Loc = ()) -> dt.date:
    """Read a date as ``structure`` reads every date field: ``YYYY-MM-DD``, 1800 to 2199.

    atensi has one date grammar: for dates that come from outside beside a record (a
    command-line option, a decision read back), so that they meet the same rules and codes as
    the dates inside it. ``20240601`` and ``2024-W22-6``, which Python's ``fromisoformat``
    reads, are ``date.format`` here as everywhere.

    Args:
        value: the date as given (a string, or a ``datetime.date``).
        loc: where the date is, for the error.

    Raises:
        InvalidRecord: with one problem (``type.date``, ``date.format``, ``date.invalid`` or
            ``date.out_of_range``).

    >>> parse_date("2024-06-01")
    datetime.date(2024, 6, 1)
    >>> parse_date("9999-07-01", ("on",))
    Traceback (most recent call last):
    ...
    atensi.errors.InvalidRecord: invalid record, 1 problem:
      on: outside the dates atensi accepts (1800-01-01 to 2199-12-31) [date.out_of_range]
    """
    return read_date(value, loc)


def _make_converter() -> cattrs.Converter:
    import cattrs  # on the first unstructure: reading and deciding records never needs it

    converter = cattrs.Converter()
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    # String enums are str subclasses; cattrs' dispatch would pass them through as members,
    # so register on the enum bases, which come before ``str`` in their MRO.
    for base in (enum.StrEnum, enum.Enum):
        converter.register_unstructure_hook(base, lambda member: member.value)

    def subject(value: Any) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": subject_kind(value)}
        data.update(converter.unstructure(value, unstructure_as=type(value)))
        return data

    converter.register_unstructure_hook_func(lambda t: t == Subject, subject)
    converter.register_unstructure_hook_func(
        lambda t: t is tuple or getattr(t, "__origin__", None) is tuple,
        lambda value: [converter.unstructure(v) for v in value],
    )
    return converter


_CONVERTER: list[cattrs.Converter] = []


def unstructure(obj: Any) -> Any:
    """Turn an entity into JSON-ready data (dicts, lists, strings, numbers, booleans, null).

    >>> import datetime as dt
    >>> from atensi.model import Referral, ReferralDirection
    >>> unstructure(Referral(on=dt.date(2024, 2, 29), direction=ReferralDirection.OUT))
    {'on': '2024-02-29', 'direction': 'keluar', 'counterpart': None, 'reason': None, ...}
    """
    if not _CONVERTER:
        _CONVERTER.append(_make_converter())
    converter = _CONVERTER[0]
    if isinstance(obj, Subject):
        return converter.unstructure(obj, unstructure_as=type(obj))
    return converter.unstructure(obj)


@attrs.frozen(slots=True)
class RecordResult:
    """The outcome of one record of :func:`validate_many`.

    Attributes:
        index: the position of the record in the input stream (from 0).
        value: the entity, when the record is valid; otherwise ``None``.
        errors: the problems, when the record is invalid; otherwise empty.
        warnings: non-fatal findings about a valid record (:mod:`atensi.boundary.warnings`):
            a NIK that disagrees with the birth date, a retired region code. They never make a
            record invalid.
    """

    index: int
    value: Any = attrs.field(repr=lambda v: "None" if v is None else f"<{type(v).__name__}>")
    errors: tuple[ErrorDetail, ...] = ()
    warnings: tuple[ErrorDetail, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the record is valid."""
        return not self.errors


def validate_many(records: Iterable[Any], cls: type[Any]) -> Iterator[RecordResult]:
    """Structure a stream of records, one result per record, never stopping at a bad one.

    The input is consumed lazily and nothing is kept between records, so memory stays constant
    on a stream of any length. A valid record may carry warnings (``RecordResult.warnings``).

    >>> from atensi.model import Referral
    >>> results = validate_many([{"on": "2024-01-01", "direction": "masuk"}, {}], Referral)
    >>> [(r.index, r.ok, [e.code for e in r.errors]) for r in results]
    [(0, True, []), (1, False, ['object.missing_key', 'object.missing_key'])]
    """
    _check_target(cls)
    for index, record in enumerate(records):
        try:
            value = structure(record, cls)
        except InvalidRecord as err:
            yield RecordResult(index, None, err.errors)
            continue
        yield RecordResult(index, value, (), warnings_of(value))
