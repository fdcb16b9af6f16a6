"""One record in, one JSON-ready result out: the unit of work of batch and distributed runs.

The command line and the Dask recipe (``docs/scale-out.md``) both run these functions, so a
national registry split across a cluster gets exactly the results of a single process. They
are pure: no files, no clock (an item without its own date needs ``on``).

>>> result = assess_record({"subject": {"kind": "community", "id": "K", "name": "Kampung"},
...                         "assessment": None}, on=None)
>>> result["ok"], result["errors"][0]["code"]
(False, 'item.no_date')

**One record never stops a batch.** Each function answers for any input: a record the
library cannot process for a reason no documented error covers (a defect in atensi) becomes
an error result for that record alone, code ``record.internal_error``, naming the exception's
type and where in atensi it was raised (``ctx.where``: module, function and line): no message,
no traceback, no input, so no personal data. A property test holds that valid records never
reach it. A defect of a quick path is such a defect too: it is reported, never hidden behind
the strict path (:mod:`atensi.boundary._quick`).

**Warnings come last.** A valid result's ``"warnings"``, when it has any, is its last key, so
a reader of the JSON text tells a result with warnings by its end (``]}``) without parsing it or
searching it: the command line counts them so.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, ParamSpec, TypeVar

from atensi.boundary import structure, warnings_of
from atensi.boundary._compiled import entity_decoder, refusals
from atensi.boundary._lines import decode_numbered
from atensi.boundary._quick import fell_back
from atensi.errors import ErrorDetail, InvalidRecord, NoInstrumentInForce
from atensi.law import EDITION_IDS, FLOOR_FROM, InForceDates, instrument_in_force
from atensi.model import Assessment, AssessmentItem
from atensi.model.subjects import Subject
from atensi.rules.compare import EditionComparison, compare_editions
from atensi.rules.decision import Decision, Redaction
from atensi.rules.eligibility import assess_eligibility
from atensi.rules.memo import MEMO

__all__ = [
    "Law",
    "assess_line_json",
    "assess_lines_json",
    "assess_record",
    "assess_record_json",
    "compare_item",
    "compare_record_json",
    "decide_item",
    "decide_item_with_warnings",
    "validate_line_json",
    "validate_record",
]

P = ParamSpec("P")
R = TypeVar("R")


def _err(loc: tuple[str, ...], code: str, en: str, id_: str) -> tuple[ErrorDetail, ...]:
    return (ErrorDetail(loc, code, en, id_),)


def internal_error(exc: BaseException) -> ErrorDetail:
    """The problem reported for a record that raised an undocumented exception.

    The exception's type and where in atensi it was raised (``ctx.where``, the innermost frame
    of atensi's own code, generated code included: ``atensi.rules.memo:_age_of:212``) are kept,
    so that a report says what happened; its message and the rest of the traceback are not:
    they may quote the record.
    """
    kind = type(exc).__name__
    where = _where(exc)
    return ErrorDetail(
        (),
        "record.internal_error",
        f"atensi could not process this record (internal error {kind} in {where}); the other "
        "records are not affected; please report it",
        f"atensi tidak dapat memproses rekaman ini (galat internal {kind} di {where}); rekaman "
        "lain tidak terpengaruh; mohon laporkan",
        None,
        {"exception": kind, "where": where},
    )


def _where(exc: BaseException) -> str:
    """``module:function:line`` of the innermost frame of atensi's code in ``exc``'s traceback."""
    found = "?"
    trace = exc.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        module = frame.f_globals.get("__name__", "")
        ours = type(module) is str and (module == "atensi" or module.startswith("atensi."))
        if ours or frame.f_code.co_filename.startswith("<atensi "):
            found = f"{module or '?'}:{frame.f_code.co_name}:{trace.tb_lineno}"
        trace = trace.tb_next
    return found


def _never_raises(
    on_error: Callable[[ErrorDetail, Mapping[str, Any]], R],
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Make a per-record function answer ``on_error(internal_error(exc), kwargs)`` on a defect.

    The documented outcomes (a decision, the record's problems) are returned as they are; only
    an exception that escapes them is turned into the record's result, so that the next record
    is still processed.
    """

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return fn(*args, **kwargs)
            except Exception as exc:
                return on_error(internal_error(exc), kwargs)

        return guarded

    return wrap


def _errors_result(error: ErrorDetail, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    return {"ok": False, "errors": _errors_json((error,), kwargs.get("show_personal_data", False))}


def _errors_text(error: ErrorDetail, kwargs: Mapping[str, Any]) -> str:
    return json.dumps(_errors_result(error, kwargs), ensure_ascii=kwargs.get("ensure_ascii", False))


def _shown(show_personal_data: bool, ensure_ascii: bool) -> dict[str, bool]:
    return {"show_personal_data": show_personal_data, "ensure_ascii": ensure_ascii}


def _errors_tuple(error: ErrorDetail, _: Mapping[str, Any]) -> Decision | tuple[ErrorDetail, ...]:
    return (error,)


class _LawFields(NamedTuple):
    edition: str | None
    in_force_dates: tuple[tuple[str, dt.date], ...]


class Law(_LawFields):
    """How every record of a run resolves its edition: a pin and in-force dates, or neither.

    One value passed to every record, so a run (one process, ``--jobs N``, or a Dask cluster)
    decides every record under the same rules (see :func:`atensi.law.instrument_in_force`).
    It is checked when it is made: a wrong pin or override is the caller's error
    (:class:`atensi.AtensiError`, code ``law.unknown_edition`` or ``law.unknown_instrument``),
    raised once, never a result for every record.

    >>> Law("ars-2025").edition
    'ars-2025'
    >>> Law("ars-2099")
    Traceback (most recent call last):
    ...
    atensi.errors.UnknownCode: 'ars-2099' is not an edition code; ...
    """

    __slots__ = ()

    def __new__(
        cls, edition: str | None = None, in_force_dates: InForceDates | tuple[Any, ...] = ()
    ) -> Law:
        """Make and check a law: ``edition`` an id, ``in_force_dates`` a mapping or pairs."""
        dates = in_force_dates if isinstance(in_force_dates, tuple) else in_force_dates.items()
        law = super().__new__(cls, edition, tuple(sorted(dict(dates).items())))
        instrument_in_force(FLOOR_FROM, edition=law.edition, in_force_dates=law.overrides())
        return law

    def overrides(self) -> dict[str, dt.date] | None:
        """The in-force dates as the resolver takes them (None when there are none)."""
        return dict(self.in_force_dates) if self.in_force_dates else None


_NO_PIN = Law()


def _checked_editions(editions: tuple[str, ...], law: Law) -> tuple[str, ...]:
    """The editions of a comparison, each known (or the caller's AtensiError)."""
    for edition in editions:
        instrument_in_force(FLOOR_FROM, edition=edition, in_force_dates=law.overrides())
    return tuple(editions)


class _Inputs(NamedTuple):
    subject: Subject
    assessment: Assessment | None
    on: dt.date
    warnings: tuple[ErrorDetail, ...] = ()


def _item_inputs(item: Any, on: dt.date | None) -> _Inputs | tuple[ErrorDetail, ...]:
    """Structure an item ``{"subject", "assessment", "on"?}``: its parts, or its problems.

    The envelope is an entity (:class:`atensi.model.AssessmentItem`), so it is as strict as the
    records inside it: unknown keys are errors, and every problem of the whole item is reported
    with its full path.
    """
    if not isinstance(item, Mapping):
        return _err(
            (),
            "item.shape",
            'expected {"subject": {...}, "assessment": ...}',
            'seharusnya {"subject": {...}, "assessment": ...}',
        )
    try:
        parsed = structure(item, AssessmentItem)
    except InvalidRecord as err:
        return err.errors
    when = on if parsed.on is None else parsed.on
    if when is None:
        return _err(
            ("on",),
            "item.no_date",
            "the item has no date and none was given",
            "butir tidak bertanggal dan tidak ada tanggal yang diberikan",
        )
    return _Inputs(parsed.subject, parsed.assessment, when, warnings_of(parsed))


def _on_item(
    item: Any, on: dt.date | None, decide: Callable[[_Inputs], R]
) -> tuple[R | tuple[ErrorDetail, ...], tuple[ErrorDetail, ...]]:
    """Structure the item, then ``decide`` on it: the result and the item's warnings.

    A date before PP 39/2012 is the item's problem.
    """
    inputs = _item_inputs(item, on)
    if not isinstance(inputs, _Inputs):
        return inputs, ()
    try:
        return decide(inputs), inputs.warnings
    except NoInstrumentInForce as err:
        return _err(("on",), err.code, err.message_en, err.message_id), ()


def _errors_pair(error: ErrorDetail, _: Mapping[str, Any]) -> tuple[Any, tuple[ErrorDetail, ...]]:
    """A defect's result for the functions that return a result and warnings."""
    return (error,), ()


@_never_raises(_errors_pair)
def decide_item_with_warnings(
    item: Any, *, on: dt.date | None = None, law: Law = _NO_PIN
) -> tuple[Decision | tuple[ErrorDetail, ...], tuple[ErrorDetail, ...]]:
    """:func:`decide_item`, and the warnings of a valid item (:mod:`atensi.boundary.warnings`).

    Warnings (a NIK that disagrees with the birth date, a retired region code) never make an
    item invalid: a valid item is decided whatever its warnings.
    """
    return _on_item(
        item,
        on,
        lambda i: assess_eligibility(
            i.subject,
            i.assessment,
            on=i.on,
            edition=law.edition,
            in_force_dates=law.overrides(),
        ),
    )


def decide_item(
    item: Any, *, on: dt.date | None = None, law: Law = _NO_PIN
) -> Decision | tuple[ErrorDetail, ...]:
    """Structure an item ``{"subject", "assessment", "on"?}`` and decide its eligibility.

    Returns the decision, or the problems when the item is not valid (a date before PP 39/2012
    is the item's problem), under the edition ``law`` pins or the one in force on the date.
    """
    result: Decision | tuple[ErrorDetail, ...] = decide_item_with_warnings(item, on=on, law=law)[0]
    return result


@_never_raises(_errors_pair)
def _compare(
    item: Any, *, editions: tuple[str, ...], on: dt.date | None, law: Law
) -> tuple[EditionComparison | tuple[ErrorDetail, ...], tuple[ErrorDetail, ...]]:
    return _on_item(
        item,
        on,
        lambda i: compare_editions(
            i.subject, i.assessment, on=i.on, editions=editions, in_force_dates=law.overrides()
        ),
    )


def compare_item(
    item: Any,
    *,
    editions: tuple[str, ...] = EDITION_IDS,
    on: dt.date | None = None,
    law: Law = _NO_PIN,
) -> EditionComparison | tuple[ErrorDetail, ...]:
    """Structure an item and decide it under each of ``editions`` (see ``compare_editions``).

    Raises:
        AtensiError: if an edition is unknown (the caller's error, not the item's).
    """
    result: EditionComparison | tuple[ErrorDetail, ...] = _compare(
        item, editions=_checked_editions(editions, law), on=on, law=law
    )[0]
    return result


def _warnings_json(warnings: tuple[ErrorDetail, ...]) -> list[Any]:
    """Warnings as JSON: paths, codes and messages; they never quote the values compared."""
    return [w.to_dict() for w in warnings]


def _level(show_personal_data: bool, redaction: str) -> Redaction:
    """The redaction of a decision: none when personal data is shown, else the one asked for."""
    if show_personal_data:
        return Redaction.NONE
    # Looked up: an enum's call by value costs about a microsecond, once per record.
    found = _LEVELS.get(redaction) if type(redaction) is str else None
    return found or Redaction(redaction)


_LEVELS = {level.value: level for level in Redaction}


def _errors_json(errors: tuple[ErrorDetail, ...], show_personal_data: bool) -> list[Any]:
    return [
        e.to_dict(include_input=show_personal_data, include_personal=show_personal_data)
        for e in errors
    ]


@_never_raises(_errors_result)
def assess_record(
    item: Any,
    *,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    law: Law = _NO_PIN,
    redaction: str = "full",
) -> dict[str, Any]:
    """Return ``{"ok": True, "decision": ...}`` or ``{"ok": False, "errors": [...]}``.

    The decision is redacted at ``redaction`` (a :class:`atensi.rules.Redaction` level: by
    default fact values hidden and each finding's message its rule's statement; ``"facts"``
    keeps the messages that hold no personal value) unless ``show_personal_data`` is true;
    ``law`` pins the edition or replaces in-force dates. A
    valid item with warnings has them under ``"warnings"`` (the key is there only then).
    """
    level = _level(show_personal_data, redaction)
    result, warnings = _on_item(item, on, lambda i: _redacted(i, law, level))
    if isinstance(result, tuple):
        return {"ok": False, "errors": _errors_json(result, show_personal_data)}
    data = {"ok": True, "decision": result.to_json(redact=level)}
    if warnings:
        data["warnings"] = _warnings_json(warnings)
    return data


def _redacted(inputs: _Inputs, law: Law, level: Redaction) -> Decision:
    """The decision as ``level`` shows it: from the memo, unless nothing is redacted."""
    if level is Redaction.NONE:
        return assess_eligibility(
            inputs.subject,
            inputs.assessment,
            on=inputs.on,
            edition=law.edition,
            in_force_dates=law.overrides(),
        )
    return MEMO.decision(
        inputs.subject,
        inputs.assessment,
        on=inputs.on,
        edition=law.edition,
        in_force_dates=law.overrides(),
        redact=level,
    )


def _decision_text(
    subject: Subject,
    assessment: Assessment | None,
    on: dt.date,
    law: Law,
    level: Redaction,
    ensure_ascii: bool,
) -> str:
    """The decision's JSON text at ``level`` (the memo's, where it is redacted)."""
    return MEMO.text(
        subject,
        assessment,
        on=on,
        edition=law.edition,
        in_force_dates=law.overrides(),
        redact=level,
        ensure_ascii=ensure_ascii,
    )


def _result_text(decision: str, warnings: tuple[ErrorDetail, ...], ensure_ascii: bool) -> str:
    if warnings:
        listed = json.dumps(_warnings_json(warnings), ensure_ascii=ensure_ascii)
        return f'{{"ok": true, "decision": {decision}, "warnings": {listed}}}'
    return f'{{"ok": true, "decision": {decision}}}'


@_never_raises(_errors_text)
def assess_record_json(
    item: Any,
    *,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
    law: Law = _NO_PIN,
    redaction: str = "full",
) -> str:
    """Return ``json.dumps(assess_record(item, ...), ensure_ascii=ensure_ascii)``, faster.

    The same text, character for character (a differential test holds them equal), made
    without building and encoding about 3 kB of nested dictionaries per record: a redacted
    decision's text comes from the decision memo (:mod:`atensi.rules.memo`) when a record the
    rules see alike was decided before, and is otherwise assembled from memoised pieces (see
    :meth:`atensi.rules.Decision.to_json_text`). Use it where the next step is writing JSON
    lines.

    >>> assess_record_json({"subject": {"kind": "community", "id": "K", "name": "Kampung"},
    ...                     "assessment": None}, on=None)[:30]
    '{"ok": false, "errors": [{"loc'
    """
    level = _level(show_personal_data, redaction)
    result, warnings = _on_item(
        item,
        on,
        lambda i: _decision_text(i.subject, i.assessment, i.on, law, level, ensure_ascii),
    )
    if isinstance(result, tuple):
        data = {"ok": False, "errors": _errors_json(result, show_personal_data)}
        return json.dumps(data, ensure_ascii=ensure_ascii)
    return _result_text(result, warnings, ensure_ascii)


def compare_record_json(
    item: Any,
    *,
    editions: tuple[str, ...] = EDITION_IDS,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
    law: Law = _NO_PIN,
    redaction: str = "full",
) -> str:
    """``{"ok": true, "comparison": ...}`` for one item decided under each of ``editions``.

    The comparison's decisions are redacted (at ``redaction``) unless ``show_personal_data``
    is true; its
    differences name targets, editions, outcomes and rule ids only.

    Raises:
        AtensiError: if an edition is unknown (the caller's error, not the item's).
    """
    return _compare_record_json(
        item,
        editions=_checked_editions(editions, law),
        on=on,
        show_personal_data=show_personal_data,
        ensure_ascii=ensure_ascii,
        law=law,
        redaction=redaction,
    )


@_never_raises(_errors_text)
def _compare_record_json(
    item: Any,
    *,
    editions: tuple[str, ...],
    on: dt.date | None,
    show_personal_data: bool,
    ensure_ascii: bool,
    law: Law,
    redaction: str,
) -> str:
    result, warnings = _compare(item, editions=editions, on=on, law=law)
    if isinstance(result, EditionComparison):
        data: dict[str, Any] = {
            "ok": True,
            "comparison": result.to_json(redact=_level(show_personal_data, redaction)),
        }
        if warnings:
            data["warnings"] = _warnings_json(warnings)
    else:
        data = {"ok": False, "errors": _errors_json(result, show_personal_data)}
    return json.dumps(data, ensure_ascii=ensure_ascii)


@_never_raises(_errors_result)
def validate_record(
    record: Any,
    cls: type[Any],
    *,
    show_personal_data: bool = False,
) -> dict[str, Any]:
    """Return ``{"ok": True}`` or ``{"ok": False, "errors": [...]}`` for one record.

    A valid record with warnings is ``{"ok": True, "warnings": [...]}``.
    """
    try:
        value = structure(record, cls)
    except InvalidRecord as err:
        return {"ok": False, "errors": _errors_json(err.errors, show_personal_data)}
    warnings = warnings_of(value)
    return {"ok": True, "warnings": _warnings_json(warnings)} if warnings else {"ok": True}


def assess_line_json(
    line: str | bytes,
    *,
    number: int | None = None,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
    law: Law = _NO_PIN,
    redaction: str = "full",
) -> str | None:
    """:func:`assess_record_json` of one line of JSON Lines, read as the command line reads it.

    For engines that map a function over text lines (Dask's ``read_text``, Polars, Spark): a
    blank line is ``None`` (drop it, as the command line skips it); a line that is not UTF-8,
    not JSON (``NaN`` included) or has a key twice is that line's error result
    (``input.not_utf8``, ``input.not_json``, ``input.duplicate_key``), never an exception, so
    one bad line never stops a job. ``number`` (1-based), when known, names the line in
    messages.

    >>> assess_line_json("   ") is None
    True
    >>> json.loads(assess_line_json("{oops", number=7))["errors"][0]["msg"]["en"]
    'line 7: not valid JSON'
    """
    try:  # the last net, written out: a defect is this line's result (see the module)
        if not line.strip():
            return None
        quick = _assess_quick(line, on, law, show_personal_data, redaction, ensure_ascii)
        if quick is not None:
            return quick
        record = decode_numbered(line, number)
    except Exception as exc:
        return _errors_text(internal_error(exc), _shown(show_personal_data, ensure_ascii))
    if isinstance(record, ErrorDetail):
        data = {"ok": False, "errors": _errors_json((record,), show_personal_data)}
        return json.dumps(data, ensure_ascii=ensure_ascii)
    return assess_record_json(
        record,
        on=on,
        show_personal_data=show_personal_data,
        ensure_ascii=ensure_ascii,
        law=law,
        redaction=redaction,
    )


def assess_lines_json(
    lines: Iterable[str | bytes],
    *,
    numbers: Iterable[int] | None = None,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
    law: Law = _NO_PIN,
    redaction: str = "full",
) -> Iterator[str | None]:
    """:func:`assess_line_json` of each line, in order, lazily: the same texts, faster.

    For a stream of many lines (the command line reads its batches so). ``numbers``, when
    given, are the lines' numbers for messages, one for each line (a ``ValueError`` when the
    counts differ, raised when the shorter ends). The lines are read a few dozen at a time:
    all of them decoded, then all of them decided (:meth:`~atensi.rules.memo.DecisionMemo.texts`).
    Decoding runs a record's generated code and deciding runs the memo's; one after the other
    for each line, each evicts the other from the processor's caches, and the same work done a
    group at a time takes about a quarter less time. A line this path does not answer (a blank,
    a refused, an undated or a faulty line) is answered by :func:`assess_line_json` itself, so
    each text and the fallbacks noted (:func:`atensi.boundary.fallbacks`) are those of calling
    it line by line.

    >>> texts = list(assess_lines_json(["", "{oops"], numbers=[1, 2]))
    >>> texts[0] is None, json.loads(texts[1])["errors"][0]["msg"]["en"]
    (True, 'line 2: not valid JSON')
    """
    chosen = {
        "on": on,
        "show_personal_data": show_personal_data,
        "ensure_ascii": ensure_ascii,
        "law": law,
        "redaction": redaction,
    }
    pairs: Iterator[tuple[str | bytes, int | None]] = (
        zip(lines, itertools.repeat(None)) if numbers is None else zip(lines, numbers, strict=True)
    )
    while held := list(itertools.islice(pairs, _HELD)):
        yield from _assess_held(held, chosen)


#: Lines :func:`assess_lines_json` decodes before deciding them (measured: 16 → 64 lines
#: gained a few per cent more, 256 lost it again).
_HELD = 64


def _assess_held(
    held: list[tuple[str | bytes, int | None]], chosen: dict[str, Any]
) -> list[str | None]:
    """The texts of ``held`` lines: decoded together, decided together (see the caller)."""
    on: dt.date | None = chosen["on"]
    items: list[AssessmentItem | None] = []
    try:
        level = _level(chosen["show_personal_data"], chosen["redaction"])
        decode = entity_decoder()
    except Exception:  # a bad redaction: each line's own function answers it
        return [assess_line_json(line, number=number, **chosen) for line, number in held]
    for line, _ in held:
        try:
            items.append(decode(line, AssessmentItem) if line.strip() else None)
        except Exception:
            # Refused, or a defect: the line's own function takes it again, notes the
            # fallback or reports the defect (record.internal_error); nothing is hidden.
            items.append(None)
    law: Law = chosen["law"]
    ascii_only: bool = chosen["ensure_ascii"]
    # The lines this path answers: their places, warnings, and what is decided of each.
    places: list[tuple[int, tuple[ErrorDetail, ...]]] = []
    records: list[tuple[Subject, Assessment | None, dt.date]] = []
    for n, item in enumerate(items):
        if item is None:
            continue
        when = on if item.on is None else item.on
        if when is None:
            continue  # undated: the line's own function notes the fallback
        try:
            warnings = warnings_of(item)
        except Exception:
            continue  # a defect: as above
        places.append((n, warnings))
        records.append((item.subject, item.assessment, when))
    texts: list[str | None] = [None] * len(held)
    decisions: Sequence[str | None]
    try:  # decided together: the law and the options read once
        decisions = MEMO.texts(
            records,
            edition=law.edition,
            in_force_dates=law.overrides(),
            redact=level,
            ensure_ascii=ascii_only,
        )
    except Exception:  # no instrument in force for one, or a defect: one by one, as above
        one_by_one: list[str | None] = []
        for subject, assessment, when in records:
            try:
                decision = _decision_text(subject, assessment, when, law, level, ascii_only)
            except Exception:
                decision = None
            one_by_one.append(decision)
        decisions = one_by_one
    for (n, warnings), decision in zip(places, decisions, strict=True):
        if decision is not None:
            texts[n] = _result_text(decision, warnings, ascii_only)
    return [
        assess_line_json(line, number=number, **chosen) if text is None else text
        for (line, number), text in zip(held, texts, strict=True)
    ]


def validate_line_json(
    line: str | bytes,
    cls: type[Any],
    *,
    number: int | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
) -> str | None:
    """:func:`validate_record` of one line of JSON Lines as JSON text (``None`` for a blank line).

    Read as :func:`assess_line_json` reads a line.
    """
    try:  # the last net, as in assess_line_json
        if not line.strip():
            return None
        quick = _validate_quick(line, cls, ensure_ascii)
        if quick is not None:
            return quick
        record = decode_numbered(line, number)
    except Exception as exc:
        return _errors_text(internal_error(exc), _shown(show_personal_data, ensure_ascii))
    if isinstance(record, ErrorDetail):
        data = {"ok": False, "errors": _errors_json((record,), show_personal_data)}
    else:
        data = validate_record(record, cls, show_personal_data=show_personal_data)
    return json.dumps(data, ensure_ascii=ensure_ascii)


# --- The quick path -------------------------------------------------------------------------------
# With the ``fast`` extra a line is decoded by msgspec into twins of the entities
# (:mod:`atensi.boundary._twins`) and built into the entities; without it, decoded and
# structured into the entities in one pass, keys counted instead of a hook per object
# (:mod:`atensi.boundary._counted`). The warnings, the rules and the memo read entities only.
# Only a valid line with a date on or after PP 39/2012 is answered here; a line the decoder
# refuses (not JSON, a duplicate key, an invalid record), an item without a date or one dated
# before PP 39/2012 returns ``None`` and goes the strict way, which gives every error: the same
# text either way. Nothing else is caught: a defect of this path is the record's
# ``record.internal_error``, as on the strict path.


def _assess_quick(
    line: str | bytes,
    on: dt.date | None,
    law: Law,
    show_personal_data: bool,
    redaction: str,
    ensure_ascii: bool,
) -> str | None:
    """:func:`assess_line_json` of a valid line on the quick path, or ``None``."""
    level = _level(show_personal_data, redaction)
    try:
        item = entity_decoder()(line, AssessmentItem)
    except refusals() as refusal:
        fell_back("assess_line_json", AssessmentItem, refusal)
        return None
    when = on if item.on is None else item.on
    if when is None:
        fell_back("assess_line_json", AssessmentItem, "no date")
        return None
    warnings = warnings_of(item)
    try:
        decision = _decision_text(item.subject, item.assessment, when, law, level, ensure_ascii)
    except NoInstrumentInForce:
        fell_back("assess_line_json", AssessmentItem, "no instrument in force")
        return None
    return _result_text(decision, warnings, ensure_ascii)


def _validate_quick(line: str | bytes, cls: type[Any], ensure_ascii: bool) -> str | None:
    """:func:`validate_line_json` of a valid line on the quick path, or ``None``."""
    try:
        record = entity_decoder()(line, cls)
    except refusals() as refusal:
        fell_back("validate_line_json", cls, refusal)
        return None
    warnings = warnings_of(record)
    if not warnings:
        return '{"ok": true}'  # json.dumps({"ok": True}), without encoding it for every line
    listed = json.dumps(_warnings_json(warnings), ensure_ascii=ensure_ascii)
    return f'{{"ok": true, "warnings": {listed}}}'
