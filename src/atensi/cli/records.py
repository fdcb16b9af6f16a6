"""``atensi validate``, ``assess`` and ``explain``: one result per record of a file.

Each reads as: parse → read records → call the core (:mod:`atensi.batch`) → write → exit code.
The core answers for every record (a defect becomes that record's ``record.internal_error``), so
only faults of the machine stop a run: they raise the :mod:`atensi.cli._io` faults.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import difflib
import functools
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from atensi.cli._io import (
    ExitCode,
    Output,
    PipeClosed,
    ReadFailed,
    UsageError,
    WorkerFailed,
    WriteFailed,
)
from atensi.cli._law import add_law_options, law_from
from atensi.cli._progress import Progress
from atensi.cli._reader import BadItem, LineBatch, Located, RawLine, parse_line, read_records
from atensi.errors import ErrorDetail, loc_text

__all__ = ["add_jobs", "add_parsers", "cmd_assess", "cmd_explain", "cmd_validate"]

#: Records handled together: read as a block, decided by one worker (``--jobs``), written at once.
_BATCH = 1024
#: No more worker processes than this, even with ``--force-jobs``.
MAX_JOBS = 256


def kinds() -> dict[str, str]:
    """The entity kinds ``--kind`` and ``atensi schema`` know: kebab-case name to class name.

    Every entity (``person``, ``service-delivery``) and the envelope of ``assess`` (``item``).
    Names only: building the parser loads no entity class.
    """
    from atensi.model import ENTITY_NAMES

    found = {re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower(): name for name in ENTITY_NAMES}
    found["item"] = "AssessmentItem"
    return dict(sorted(found.items()))


def entity(kind: str, also: tuple[str, ...] = ()) -> type[Any]:
    """The entity class named by ``--kind`` (``person``, ``case``, ``service-delivery``).

    An unknown kind is a usage error that suggests the closest kinds (``persn``: ``person``);
    ``also`` names more kinds the caller knows, for the list and the suggestion.
    """
    import atensi.model

    known = kinds()
    by_name = {name.replace("-", ""): cls for name, cls in known.items()}
    name = by_name.get(kind.lower().replace("_", "").replace("-", ""))
    if name is None:
        choices = [*known, *also]
        close = difflib.get_close_matches(kind.lower(), choices, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise UsageError(f"unknown kind {kind[:40]!r}{hint} (known kinds: {', '.join(choices)})")
    found: type[Any] = getattr(atensi.model, name)
    return found


def summary(
    err: Output, args: argparse.Namespace, valid: int, invalid: int, warned: int = 0
) -> None:
    """The closing count on standard error (``--quiet``: only the note of an empty input).

    ``warned`` valid records carry warnings: said after the valid count when there are any, so
    that a clean-looking run with contradictions (a NIK against a birth date, a retired region
    code) is not taken for a clean one.
    """
    lang = args.lang
    total = valid + invalid
    if not total:
        # An empty file, or only blank lines: say so, so that a wrong path or an empty export
        # is not taken for a clean run.
        if lang == "id":
            err.write("atensi: masukan tidak memuat rekaman (kosong atau hanya baris kosong)\n")
        else:
            err.write("atensi: the input holds no records (it is empty or only blank lines)\n")
    if args.quiet:
        return
    if lang == "id":
        note = f" ({warned} dengan peringatan)" if warned else ""
        err.write(f"{total} rekaman: {valid} sah{note}, {invalid} tidak sah\n")
    else:
        note = f" ({warned} with warnings)" if warned else ""
        records = "record" if total == 1 else "records"
        err.write(f"{total} {records}: {valid} valid{note}, {invalid} invalid\n")


def _validate_text(record: Any, cls: type[Any], show_personal_data: bool) -> str:
    """The JSON text of one record's validation (a worker's unit of work)."""
    from atensi.batch import validate_record

    result = validate_record(record, cls, show_personal_data=show_personal_data)
    return json.dumps(result, ensure_ascii=False)


def _bad_text(item: BadItem, show_personal_data: bool) -> str:
    detail = item.detail.to_dict(
        include_input=show_personal_data, include_personal=show_personal_data
    )
    return json.dumps({"ok": False, "errors": [detail]}, ensure_ascii=False)


class _Unit(NamedTuple):
    """One record's JSON text: ``work`` on the record (or its errors).

    A raw line goes to ``line_work`` when there is one (the batch function of a line, which
    decodes it on the compiled path when it can), otherwise it is decoded here.
    """

    work: Callable[[Any], str]
    show: bool
    line_work: Callable[..., str | None] | None = None
    #: ``line_work`` of many lines at once (:func:`atensi.batch.assess_lines_json`), if any.
    lines_work: Callable[..., Iterable[str | None]] | None = None

    def __call__(self, item: Any) -> str:
        if isinstance(item, RawLine):
            return self.of_line(item.number, item.data)
        return _bad_text(item, self.show) if isinstance(item, BadItem) else self.work(item)

    def of_line(self, number: int, data: bytes) -> str:
        """The text of line ``number`` of JSON Lines, not yet decoded."""
        if self.line_work is not None:
            text = self.line_work(data, number=number)
            if text is not None:  # blank lines never come here: the reader skips them
                return text
        return self._parsed(number, data)

    def of_lines(self, numbers: list[int], lines: list[bytes]) -> Iterable[str]:
        """The texts of the lines of a batch, in order: :meth:`of_line` of each."""
        if self.lines_work is None:
            return map(self.of_line, numbers, lines)
        texts = self.lines_work(lines, numbers=numbers)
        return map(self._text_or_parsed, numbers, lines, texts)

    def _text_or_parsed(self, number: int, data: bytes, text: str | None) -> str:
        return self._parsed(number, data) if text is None else text

    def _parsed(self, number: int, data: bytes) -> str:
        item = parse_line(RawLine(number, data))
        return _bad_text(item, self.show) if isinstance(item, BadItem) else self.work(item)


class _Written(NamedTuple):
    """What one batch of records gives: its output lines (UTF-8, in pieces) and their counts.

    A worker that wrote its lines itself (:mod:`atensi.cli._turns`) sends no ``data``, and says
    in ``failure`` why it could not write them, if it could not.
    """

    data: list[bytes]
    records: int
    valid: int
    invalid: int
    warned: int
    failure: str | None = None


class _Batch(NamedTuple):
    """Records for one worker: the index of the first, and the records (or a line batch)."""

    first: int
    items: LineBatch | list[Located]


#: Output lines encoded and written together: about 100 kB, under the size at which the C
#: library maps memory of its own for a buffer and returns it to the system when it is freed
#: (a batch written as one ~6 MB buffer cost a page fault per 4 kB, every batch).
_LINES_PER_PIECE = 16


#: Where a piece of output goes as soon as it is made (the output's ``write_bytes``).
_Emit = Callable[[bytes], object]


def _write_batch(batch: _Batch, unit: _Unit, emit: _Emit | None = None) -> _Written:
    """The output lines of one batch, UTF-8 in pieces of :data:`_LINES_PER_PIECE`, and counts.

    Each line is the record's JSON text with its index and its place in the input (its line,
    and in a JSON array its byte offset) in front of the text's first key. Given ``emit``, each
    piece goes to it as soon as it is made (written while its text is still in the processor's
    cache, not after the whole batch) and none is sent back; otherwise the pieces are the
    result's ``data``.
    """
    pieces: list[bytes] = []
    put = pieces.append if emit is None else emit
    step = _LINES_PER_PIECE
    out: list[str] = []
    valid = invalid = warned = 0
    index = batch.first
    items = batch.items
    if isinstance(items, LineBatch):
        texts = unit.of_lines(items.numbers, items.lines)
        places: Any = zip(items.numbers, itertools.repeat(None), texts)
    else:
        places = ((line, offset, unit(item)) for line, offset, item in items)
    for line, offset, text in places:
        at = f'"line": {line}, ' if offset is None else f'"line": {line}, "offset": {offset}, '
        out.append(f'{{"index": {index}, {at}{text[1:]}\n')
        if text.startswith('{"ok": true'):
            valid += 1
            # A valid result's warnings, when it has any, are its last key (atensi.batch), so
            # its text ends with their list; otherwise with its decision's brace or ``true``.
            # (Reading the end, not searching ~6 kB of text for the key, halves the envelope.)
            warned += text.endswith("]}")
        else:
            invalid += 1
        index += 1
        if len(out) == step:
            put("".join(out).encode("utf-8", "backslashreplace"))
            out.clear()
    if out:
        put("".join(out).encode("utf-8", "backslashreplace"))
    return _Written(pieces, index - batch.first, valid, invalid, warned)


def _write_batch_in_turn(batch: _Batch, number: int, unit: _Unit) -> _Written:
    """A worker's unit of work with ordered writing: decide the batch, write it in its turn."""
    from atensi.cli._turns import write_in_turn

    written = _write_batch(batch, unit)
    return written._replace(data=[], failure=write_in_turn(number, written.data))


def _batches(located: Iterator[Any], size: int) -> Iterator[_Batch]:
    """The records of the input in batches of about ``size``, each with its first index.

    An input that cannot be read further (an unreadable array, a failing device) ends the
    batches with the records before the fault, then the fault.
    """
    first = 0
    held: list[Located] = []
    failure: UsageError | ReadFailed | None = None
    while True:
        try:
            found = next(located, None)
        except (UsageError, ReadFailed) as exc:
            failure, found = exc, None
        if found is None:
            break
        if isinstance(found, LineBatch):
            if held:
                yield _Batch(first, held)
                first, held = first + len(held), []
            yield _Batch(first, found)
            first += len(found.lines)
            continue
        held.append(found)
        if len(held) >= size:
            yield _Batch(first, held)
            first, held = first + len(held), []
    if held:
        yield _Batch(first, held)
    if failure is not None:
        raise failure


def _written(
    batches: Iterator[_Batch],
    unit: _Unit,
    jobs: int,
    descriptor: int | None = None,
    emit: _Emit | None = None,
) -> Iterator[_Written]:
    """Yield each batch's output, in input order, made on ``jobs`` processes.

    With several jobs the first batch is decided here, then each batch goes to a worker, which
    decodes its lines and decides them.
    Given the output's file ``descriptor``, the worker writes the batch's lines itself, in
    input order (:mod:`atensi.cli._turns`), and sends back only its counts; otherwise (an
    output that is not a file, as in a test) it sends the lines back to be written here. At
    most two batches per worker are in flight, so memory stays flat however long the input. A
    worker that dies ends the run with :class:`WorkerFailed`; an input that cannot be read
    further (an unreadable array) ends it after the output of every record before the fault.
    The batches decided here go to ``emit`` piece by piece, if it is given.
    """
    if jobs <= 1:
        for batch in batches:
            yield _write_batch(batch, unit, emit)
        return
    # The first batch is decided here: the workers, forked after it, start with the code it
    # generated and the decisions it memoised, instead of each working them out again.
    first = next(batches, None)
    if first is None:
        return
    yield _write_batch(first, unit, emit)
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from atensi.cli._signals import worker_options

    work: Callable[..., _Written]
    if descriptor is not None:
        from atensi.cli import _turns

        options = _turns.options(descriptor)
        work = functools.partial(_write_batch_in_turn, unit=unit)
    else:
        # Workers reset the signals, die with the parent, share its digest key (_signals).
        options = worker_options()
        work = functools.partial(_write_batch, unit=unit)
    numbers = itertools.count()
    try:
        with ProcessPoolExecutor(max_workers=jobs, **options) as pool:
            in_flight: collections.deque[Future[_Written]] = collections.deque()
            failure: UsageError | ReadFailed | None = None
            while True:
                while failure is None and len(in_flight) < 2 * jobs:
                    try:
                        found: _Batch | None = next(batches, None)
                    except (UsageError, ReadFailed) as exc:  # write what came before it
                        failure = exc
                        break
                    if found is None:
                        break
                    if descriptor is None:
                        in_flight.append(pool.submit(work, found))
                    else:
                        in_flight.append(pool.submit(work, found, next(numbers)))
                if not in_flight:
                    break
                yield in_flight.popleft().result()
            if failure is not None:
                raise failure
    except BrokenProcessPool:
        raise WorkerFailed(
            "a worker process stopped unexpectedly (killed, or out of memory); the output "
            "is incomplete"
        ) from None


def _descriptor(out: Output, jobs: int) -> int | None:
    """The file descriptor ``--jobs`` workers write ``out`` to, or ``None`` to send lines back.

    Only a real file or pipe, with workers that can be forked (they inherit it).
    """
    import multiprocessing  # only a run with workers pays for it

    if jobs <= 1 or out.closed or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if getattr(out.stream, "buffer", None) is None:
        return None
    try:
        descriptor = out.stream.fileno()
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError
        return None
    out.flush()  # anything written before goes first
    return descriptor


def _run(
    args: argparse.Namespace,
    out: Output,
    err: Output,
    work: Callable[[Any], str],
    line_work: Callable[..., str | None] | None = None,
    lines_work: Callable[..., Iterable[str | None]] | None = None,
) -> int:
    """Write one JSON line per record of ``args.file``, a summary, and return the exit code.

    ``line_work`` answers a line of JSON Lines from its bytes, ``lines_work`` many of them
    (see :class:`_Unit`). Lines of JSON Lines are read in blocks and handed out in batches (to
    ``--jobs`` workers, or decided here): one process or several write the same bytes.
    """
    valid = invalid = warned = count = 0
    shown = Progress(err, quiet=args.quiet)
    raw = args.jobs > 1 or line_work is not None
    located = read_records(args.file, raw_lines=raw, opened=shown.opened, batch=_BATCH)
    unit = _Unit(work, args.show_personal_data, line_work, lines_work)
    descriptor = _descriptor(out, args.jobs)
    # Closed here, not when collected: a fault that ends the run must not leave it open.
    with contextlib.closing(located):
        batches = _batches(located, _BATCH)
        for written in _written(batches, unit, args.jobs, descriptor, out.write_bytes):
            if written.failure is not None:
                raise _write_failure(out, written.failure)
            for piece in written.data:
                out.write_bytes(piece)
            if descriptor is not None:
                out.flush()  # what this process wrote goes before what the workers write
            count += written.records
            valid += written.valid
            invalid += written.invalid
            warned += written.warned
            shown.update(count)
    shown.clear()
    summary(err, args, valid, invalid, warned)
    return ExitCode.INVALID if invalid else ExitCode.OK


def _write_failure(out: Output, failure: str) -> PipeClosed | WriteFailed:
    """The fault of a worker's write to ``out`` (:func:`atensi.cli._turns.write_in_turn`)."""
    from atensi.cli._turns import CLOSED

    if failure == CLOSED:
        return PipeClosed(f"{out.name} was closed by its reader; the output is incomplete")
    return WriteFailed(f"cannot write {out.name}: {failure}")


def cmd_validate(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Validate every record; print one result per record."""
    from atensi.batch import validate_line_json

    cls = entity(args.kind)
    show = args.show_personal_data
    work = functools.partial(_validate_text, cls=cls, show_personal_data=show)
    line_work = functools.partial(validate_line_json, cls=cls, show_personal_data=show)
    return _run(args, out, err, work, line_work)


def _assess_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments ``assess`` and ``explain`` pass to :mod:`atensi.batch`.

    The law (edition pin, in-force dates) is checked once per run and kept on ``args``.
    """
    if getattr(args, "law", None) is None:
        args.law = law_from(args)
    options: dict[str, Any] = {"on": args.on, "law": args.law}
    if args.compare_editions:
        options["editions"] = args.compare_editions
    return options


def cmd_assess(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Assess every item; print one decision (or comparison, or the errors) per item."""
    from atensi.batch import (
        assess_line_json,
        assess_lines_json,
        assess_record_json,
        compare_record_json,
    )

    options = _assess_options(args)
    chosen: dict[str, Any] = {
        "show_personal_data": args.show_personal_data,
        "redaction": args.redaction,
        **options,
    }
    if "editions" in options:
        return _run(args, out, err, functools.partial(compare_record_json, **chosen))
    work = functools.partial(assess_record_json, **chosen)
    line_work = functools.partial(assess_line_json, **chosen)
    lines_work = functools.partial(assess_lines_json, **chosen)
    return _run(args, out, err, work, line_work, lines_work)


def _explained(item: Any, args: argparse.Namespace) -> tuple[bool, str, bool]:
    """Whether the item is valid, its text, and whether it has warnings.

    The text is the decision or comparison, or the item's errors.
    """
    from atensi.batch import compare_item, decide_item_with_warnings, internal_error
    from atensi.rules import EditionComparison

    if isinstance(item, BadItem):
        errors: tuple[ErrorDetail, ...] = (item.detail,)
    else:
        options = _assess_options(args)
        warnings: tuple[ErrorDetail, ...] = ()
        if "editions" in options:
            compared = compare_item(item, **options)
            if isinstance(compared, EditionComparison):
                # Rule ids, editions and outcomes only: nothing personal to redact.
                return True, compared.explain(args.lang) + "\n", False
            result: Any = compared
        else:
            result, warnings = decide_item_with_warnings(item, **options)
        if not isinstance(result, tuple):
            try:
                level = "none" if args.show_personal_data else args.redaction
                decision = result.redacted(level)
                text = decision.explain(args.lang) + "\n"
            except Exception as exc:  # one record never stops the run (see atensi.batch)
                result = (internal_error(exc),)
            else:
                return True, text + _problem_lines(warnings, "?", args.lang), bool(warnings)
        errors = result
    return False, _problem_lines(errors, "!", args.lang), False


def _problem_lines(problems: tuple[ErrorDetail, ...], mark: str, lang: str) -> str:
    """Errors (``!``) or warnings (``?``) as indented lines: path, message, code."""
    lines = []
    for problem in problems:
        text = problem.message_id if lang == "id" else problem.message_en
        lines.append(f"  {mark} {loc_text(problem.loc)}: {text} [{problem.code}]\n")
    return "".join(lines)


def _due_text(item: Any, args: argparse.Namespace) -> tuple[bool, str]:
    """Whether the item is a valid case, and its duties (or its errors) as text."""
    import datetime as dt

    import atensi
    from atensi.errors import InvalidRecord
    from atensi.model import Case
    from atensi.rules.calendar import duties_due

    if isinstance(item, BadItem):
        return False, _problem_lines((item.detail,), "!", args.lang)
    try:
        case = atensi.structure(item, Case)
    except InvalidRecord as invalid:
        return False, _problem_lines(invalid.errors, "!", args.lang)
    on = args.on if args.on is not None else dt.datetime.now(dt.UTC).date()
    duties = duties_due(case, on=on, until=args.until)
    if not duties:
        if args.lang == "id":
            return True, "  (tidak ada kewajiban yang jatuh tempo dalam rentang ini)\n"
        return True, "  (nothing falls due in the window)\n"
    late = "terlambat" if args.lang == "id" else "overdue"
    lines = []
    for duty in duties:
        message = duty.message.id if args.lang == "id" else duty.message.en
        cited = "" if duty.citation is None else f" ({duty.citation.text(args.lang)})"
        flag = f" [{late}]" if duty.overdue else ""
        lines.append(f"  {duty.due_on.isoformat()} {duty.kind.value}{flag}: {message}{cited}\n")
    return True, "".join(lines)


def _explain_due(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Print, for every case of FILE, the duties that fall due by ``--until`` (a week)."""
    if args.on is not None and args.until is not None and args.until < args.on:
        raise UsageError("--until is before --on")
    return _explain_each(args, out, err, lambda item: (*_due_text(item, args), False))


def cmd_explain(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Explain every item's decision as text (or, with ``--principles``, the cross-cutting page)."""
    if args.principles:
        from atensi.crosscutting import page

        out.write(page(args.lang) + "\n")
        return ExitCode.OK
    if args.file is None:
        raise UsageError("explain needs FILE (or --principles)")
    if args.due:
        return _explain_due(args, out, err)
    if args.until is not None:
        raise UsageError("--until is read only with --due (the window of the case calendar)")
    _assess_options(args)  # a wrong edition is a usage error before any record is read
    return _explain_each(args, out, err, lambda item: _explained(item, args))


def _explain_each(
    args: argparse.Namespace,
    out: Output,
    err: Output,
    explain: Callable[[Any], tuple[bool, str, bool]],
) -> int:
    """Write ``explain(item)``'s text under a heading for every item of FILE; the summary last.

    ``explain`` answers (valid, text, warned); the exit code says whether any item was invalid.
    """
    valid = invalid = warned = 0
    shown = Progress(err, quiet=args.quiet)
    located = read_records(args.file, opened=shown.opened)
    line, byte = ("baris", "bita") if args.lang == "id" else ("line", "byte")
    with contextlib.closing(located):
        for index, where in enumerate(located):
            shown.update(index + 1)
            ok, text, has_warnings = explain(where.item)
            at = (
                f"{line} {where.line}"
                if where.offset is None
                else f"{line} {where.line}, {byte} {where.offset}"
            )
            out.write(f"# {index} ({at})\n{text}")
            valid += ok
            invalid += not ok
            warned += has_warnings
    shown.clear()
    summary(err, args, valid, invalid, warned)
    return ExitCode.INVALID if invalid else ExitCode.OK


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity, where the system tells)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(
            f"not a number of processes (0 to {MAX_JOBS}): {text[:20]!r}"
        )
    return value


def jobs_for(args: argparse.Namespace, err: Output) -> int:
    """``--jobs`` as run: 0 is one per CPU; more than the CPUs only with ``--force-jobs``."""
    cpus = cpu_count()
    asked: int = args.jobs or cpus
    if asked > cpus and not args.force_jobs:
        err.write(
            f"atensi: --jobs {asked} is more than the {cpus} CPUs; running {cpus} "
            "(--force-jobs to run more)\n"
        )
        return cpus
    return asked


def add_parsers(sub: Any, common: argparse.ArgumentParser, date: Callable[[str], Any]) -> None:
    """Add ``validate``, ``assess`` and ``explain`` to the subcommands."""
    p = sub.add_parser(
        "validate",
        parents=[common],
        help="validate records of one kind: one JSON result per record",
        description="Validate every record of FILE as the entity KIND; write one JSON result "
        "per record (errors with their paths and codes, warnings) and a summary. Exit 0 when "
        "every record is valid, 1 when some are not.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  atensi validate examples/persons.jsonl --kind person",
    )
    p.add_argument("file", metavar="FILE", help=_FILE_HELP)
    p.add_argument(
        "--kind",
        required=True,
        metavar="KIND",
        help=f"the entity of every record: {', '.join(kinds())}",
    )
    add_jobs(p)
    p.set_defaults(run=cmd_validate)
    explained = {
        "assess": (
            "decide the eligibility of items: one JSON decision per item",
            "Decide the eligibility of every item of FILE and write one JSON line per item: "
            "the cited decision (personal data redacted), or the item's errors.",
        ),
        "explain": (
            "the same decisions as readable text",
            "Decide the eligibility of every item of FILE and explain each decision as text "
            "(--lang id for Indonesian).",
        ),
    }
    for name, run in (("assess", cmd_assess), ("explain", cmd_explain)):
        short, long = explained[name]
        p = sub.add_parser(
            name,
            parents=[common],
            help=short,
            description=long + ' Items: {"subject": {"kind": ...}, "assessment": {...} | null, '
            '"on": "YYYY-MM-DD"}.',
            formatter_class=argparse.RawDescriptionHelpFormatter,
            epilog=f"example:\n  atensi {name} examples/cases.json --on 2024-06-01",
        )
        if run is cmd_explain:
            p.add_argument("file", metavar="FILE", nargs="?", help=_FILE_HELP)
            p.add_argument(
                "--principles",
                action="store_true",
                help="print 'Where the law cuts across clusters': each cross-cutting principle, "
                "its articles and worked cases (no FILE needed)",
            )
            p.add_argument(
                "--due",
                action="store_true",
                help="FILE holds cases: list, for each, the duties the law sets that fall due "
                "from --on (today by default) to --until (a week later by default), overdue "
                "ones marked: reports to the Bapas, ends of placements and periods of care, "
                "aftercare follow-ups",
            )
            p.add_argument(
                "--until",
                type=date,
                metavar="DATE",
                help="with --due: the last day of the window, YYYY-MM-DD",
            )
        else:
            p.add_argument("file", metavar="FILE", help=_FILE_HELP)
        p.add_argument(
            "--on",
            type=date,
            metavar="DATE",
            help='decision date, YYYY-MM-DD (an item\'s own "on" takes precedence)',
        )
        p.add_argument(
            "--redaction",
            choices=("full", "facts"),
            default="full",
            help="full (default): fact values hidden, each finding says its rule's statement; "
            "facts: fact values hidden, a finding's own message kept where it holds no "
            "personal value (--show-personal-data shows everything)",
        )
        add_law_options(p, date, compare=True)
        if run is cmd_assess:
            add_jobs(p)
        p.set_defaults(run=run)


_FILE_HELP = "a JSON array, JSON Lines or one JSON object; - for standard input"


def add_jobs(p: argparse.ArgumentParser, promise: str = "the output order is the input's") -> None:
    """Add ``--jobs`` and ``--force-jobs`` to a subcommand (``promise``: what stays the same)."""
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0 for one per CPU; at most the CPU count unless "
        f"--force-jobs); {promise}",
    )
    p.add_argument(
        "--force-jobs", action="store_true", help="run --jobs processes even beyond the CPUs"
    )
