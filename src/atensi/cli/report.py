"""``atensi report``: the programme report of a portfolio, written as files into a directory.

Reads as: parse → read the targets and the registry → read the records (cases, or whole
portfolios) as a stream → :class:`atensi.reports.ProgrammeReport` → write the tables (CSV),
``report.json``, the pictures (PNG/SVG, with the ``plot`` extra), ``errors.jsonl`` for the
records that are not valid (written as they are met), and ``trace.csv`` for ``--trace``
(streamed) → exit code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import atensi
from atensi._secret import random_key
from atensi.cli._folder import MANIFEST, Folder
from atensi.cli._io import ExitCode, Output, ReadFailed, UsageError, WorkerFailed
from atensi.cli._law import add_law_options, law_from
from atensi.cli._progress import Progress
from atensi.cli._reader import (
    BadItem,
    LineBatch,
    Located,
    RawLine,
    parse_line,
    read_document,
    read_records,
)
from atensi.cli.records import add_jobs, summary
from atensi.errors import ErrorDetail

__all__ = ["add_parser", "cmd_report"]

_FORMATS = ("csv", "json", "png", "svg", "xlsx", "html")
#: Records sent to a worker at a time (``--jobs``): one partial report each.
_BATCH = 2000
_PICTURES = ("png", "svg")


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(f.strip() for f in text.split(",") if f.strip())
    unknown = [f for f in chosen if f not in _FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"formats are a comma-separated choice of {', '.join(_FORMATS)}: {text[:40]!r}"
        )
    return chosen


def _axes(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in text.split(",") if a.strip())


def _cell(text: str) -> dict[str, str | None]:
    """``--trace target=anak,period=2024``: an empty value is 'not recorded'."""
    cell: dict[str, str | None] = {}
    for part in text.split(","):
        axis, sep, value = part.partition("=")
        if not sep or not axis.strip():
            raise argparse.ArgumentTypeError(f"expected AXIS=VALUE[,AXIS=VALUE...]: {text[:60]!r}")
        cell[axis.strip()] = value.strip() or None
    return cell


def _amount(text: str) -> int:
    if not text.isdigit() or len(text) > 15:
        raise argparse.ArgumentTypeError(f"not a whole number of rupiah: {text[:20]!r}")
    return int(text)


#: The problems a usage error lists (a targets file's, then how many more).
_MOST_PROBLEMS = 20


def _problems(exc: atensi.InvalidRecord, lang: str, what: str) -> UsageError:
    head = f"{what} tidak sah" if lang == "id" else f"{what} is not valid"
    texts = _error_lines(exc.errors[:_MOST_PROBLEMS], lang)
    if len(texts) == 1 and not exc.errors[0].loc:
        # A value with no parts (a period label): its problem on the same line, not under a
        # "(record)" that names nothing the user wrote.
        return UsageError(f"{head}: {texts[0]}")
    return UsageError("\n  ".join([f"{head}:", *texts]))


def _error_lines(errors: Iterable[ErrorDetail], lang: str, where: str = "") -> list[str]:
    """Each error as ``path: message [code]`` in ``lang``, the path after ``where``."""
    texts = []
    for error in errors:
        text = error.message_id if lang == "id" else error.message_en
        path = ".".join(str(p) for p in error.loc)
        place = ", ".join(part for part in (where, path) if part)
        texts.append(f"{place}: {text} [{error.code}]" if place else f"{text} [{error.code}]")
    return texts


def _period(args: argparse.Namespace) -> Any:
    from atensi.reports import parse_period

    if (args.period is None) == (args.on is None):
        raise UsageError("give the report's period: --period P or --on DATE (one of them)")
    if args.on is not None:
        from atensi.model import Period

        return atensi.structure({"start": dt.date(args.on.year, 1, 1), "end": args.on}, Period)
    try:
        return parse_period(args.period)
    except atensi.InvalidRecord as exc:
        raise _problems(exc, args.lang, f"--period {args.period[:40]!r}") from None


def _targets(args: argparse.Namespace) -> tuple[list[Any], list[Any]]:
    """The targets of PM and the allocations (pagu: a record with ``amount_idr`` and no ``pm``).

    Every target is read: a file with problems is refused with all of them (the first
    :data:`_MOST_PROBLEMS`, then how many more), each under its target's number and line.
    """
    from atensi.model import BudgetTarget, PmTarget

    if args.targets is None:
        return [], []
    found: list[Any] = []
    allocations: list[Any] = []
    problems: list[str] = []
    line_word = "baris" if args.lang == "id" else "line"
    for index, where in enumerate(read_records(args.targets)):
        item = where.item
        if isinstance(item, BadItem):  # its message names its line
            problems += _error_lines([item.detail], args.lang)
            continue
        pagu = isinstance(item, dict) and "amount_idr" in item and "pm" not in item
        try:
            if pagu:
                allocations.append(atensi.structure(item, BudgetTarget))
            else:
                found.append(atensi.structure(item, PmTarget))
        except atensi.InvalidRecord as exc:
            place = f"target {index} ({line_word} {where.line})"
            problems += _error_lines(exc.errors, args.lang, place)
    if problems:
        shown = problems[:_MOST_PROBLEMS]
        if len(problems) > len(shown):
            more = len(problems) - len(shown)
            shown.append(f"... {more} lagi" if args.lang == "id" else f"... {more} more")
        head = f"the targets file {args.targets} is not valid"
        if args.lang == "id":
            head = f"berkas target {args.targets} tidak sah"
        raise UsageError("\n  ".join([f"{head}:", *shown]))
    return found, allocations


def _registry(args: argparse.Namespace) -> Any:
    from atensi.model import UnitRegistry

    if args.registry is None:
        return None
    data: Any = read_document(args.registry, "the registry")
    if isinstance(data, list):
        data = {"units": data}
    try:
        return atensi.structure(data, UnitRegistry)
    except atensi.InvalidRecord as exc:
        raise _problems(exc, args.lang, "the registry") from None


def _key(args: argparse.Namespace) -> bytes | None:
    if args.pseudonym_key_file is None:
        return None
    try:
        with open(args.pseudonym_key_file, encoding="ascii") as handle:
            return bytes.fromhex(handle.read().strip())
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "not a key in hexadecimal"
        raise UsageError(f"cannot read the pseudonym key file: {reason}") from None


def _records(
    path: str,
    opened: Callable[[Any], None] | None = None,
    *,
    raw: bool = False,
    batch: int = 0,
) -> Iterator[Any]:
    """The records of ``path``, located; a pretty-printed portfolio document is one record.

    A file whose first line is not a JSON value but which starts with ``{`` may be one
    portfolio written over many lines: it is read whole (at most 16 MB) when it parses; if it
    does not, its lines are reported one by one as for any JSON Lines file. With ``raw``, the
    lines of JSON Lines after the first come undecoded (:class:`RawLine`), for
    :meth:`~atensi.reports.ProgrammeReport.add_line`; with ``batch`` as well, in
    :class:`LineBatch` es read a block at a time.
    """
    stream = read_records(path, opened=opened, raw_lines=raw, batch=batch)
    first = next(stream, None)
    if first is None:
        return
    rest = None
    if isinstance(first, LineBatch):  # the first line is looked at alone, as below
        number, line = first.numbers[0], first.lines[0]
        if len(first.lines) > 1:
            rest = LineBatch(first.numbers[1:], first.lines[1:])
        first = Located(number, None, RawLine(number, line))
    if isinstance(first.item, RawLine):
        first = first._replace(item=parse_line(first.item))
    if isinstance(first.item, BadItem) and path != "-":
        with open(path, "rb") as handle:
            starts_object = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
        if starts_object:
            try:
                document = read_document(path, "the portfolio")
            except UsageError:
                document = None
            if isinstance(document, dict):
                stream.close()
                yield Located(1, None, document)
                return
    yield first
    if rest is not None:
        yield rest
    yield from stream


def _entity(item: Any) -> Any:
    """Structure a record: a portfolio (it has ``cases`` or an ``owner``) or a case."""
    from atensi.reports import structure_record

    return structure_record(item)


def _error_line(
    where: Located | int,
    index: int,
    errors: tuple[ErrorDetail, ...] | list[ErrorDetail],
    show: bool,
) -> str:
    """A line of ``errors.jsonl``; ``where`` is the record's place, or its line of JSON Lines."""
    details = [e.to_dict(include_input=show, include_personal=show) for e in errors]
    if isinstance(where, int):
        head: dict[str, Any] = {"index": index, "line": where}
    else:
        head = {"index": index, "line": where.line}
        if where.offset is not None:
            head["offset"] = where.offset
    return json.dumps({**head, "ok": False, "errors": details}, ensure_ascii=False)


def _plots_available(
    formats: tuple[str, ...], asked: bool, err: Output, lang: str
) -> tuple[str, ...]:
    """The picture formats to write; asking for one without the plot extra is a usage error.

    By default the pictures are left out without matplotlib, and a note on standard error
    says so and what to install (a report that silently lost its pictures looks complete).
    """
    wanted = tuple(f for f in formats if f in _PICTURES)
    if not wanted:
        return ()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        if asked:
            raise UsageError("PNG and SVG need matplotlib: pip install 'atensi[plot]'") from None
        if lang == "id":
            err.write("atensi: gambar tidak dibuat: matplotlib belum terpasang ")
        else:
            err.write("atensi: no pictures drawn: matplotlib is not installed ")
        err.write("(pip install 'atensi[plot]')\n")
        return ()
    return wanted


def _pictures(
    directory: Folder,
    report: Any,
    targets: list[Any],
    registry: Any,
    args: argparse.Namespace,
    formats: tuple[str, ...],
) -> None:
    from atensi.reports import plots

    law, lang = args.law, args.lang
    figures = [("pm_by_target", plots.pm_by_target_figure(report.totals, lang=lang))]
    if targets:
        achieved = report.totals.achievement(targets)
        figures.append(("achievement", plots.achievement_figure(achieved, lang=lang)))
    until = report.totals.spec.period.end
    if registry is not None:
        # A column a year (1 July), from five years before the period to its end: where and
        # when coverage came (the multifunction directive of 2021 shows).
        days = [dt.date(y, 7, 1) for y in range(until.year - 9, until.year)] + [until]
        days = [d for d in days if d >= dt.date(2012, 3, 5)]
        coverage = [
            atensi.coverage(registry, on=d, edition=law.edition, in_force_dates=law.overrides())
            for d in days
        ]
        figures.append(("coverage", plots.coverage_heatmap(coverage, lang=lang)))
    figures.append(
        (
            "editions",
            plots.editions_figure(until=until, in_force_dates=law.overrides(), lang=lang),
        )
    )
    for name, figure in figures:
        for fmt in formats:
            directory.write(f"{name}.{fmt}", _writer(plots.write_figure, figure, fmt))


def _writer(write: Callable[[Any, Any, str], None], figure: Any, fmt: str) -> Callable[[Any], None]:
    def to(handle: Any) -> None:
        write(figure, handle, fmt)

    return to


def cmd_report(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Write the programme report of ``args.portfolio`` into ``args.out``."""
    from atensi.cli._html import html_report
    from atensi.cli._xlsx import available as xlsx_available
    from atensi.cli._xlsx import write_workbook
    from atensi.reports import DEFAULT_BY, ProgrammeReport, ReportError, trace
    from atensi.reports.render import csv_lines, json_text

    args.law = law_from(args)
    period = _period(args)
    formats = args.format or ("csv", "json", "png", "svg")
    pictures = _plots_available(formats, args.format is not None, err, args.lang)
    if "xlsx" in formats and not xlsx_available():
        raise UsageError("xlsx needs XlsxWriter: pip install 'atensi[xlsx]'")
    if args.trace is not None and args.portfolio == "-":
        raise UsageError("--trace reads the input twice: give a file, not standard input")
    targets, allocations = _targets(args)
    registry = _registry(args)
    key = _key(args)
    args.report_options = {
        "period": period,
        "granularity": args.granularity,
        "by": args.by or DEFAULT_BY,
        "members": args.members,
        # One key for the run, so that the partials of --jobs merge; drawn at random (and
        # never written down) unless the caller gives one.
        "pseudonym_key": random_key() if key is None else key,
        "ceiling_idr": args.ceiling,
        "edition": args.law.edition,
        "in_force_dates": args.law.overrides(),
        "match": args.match_without_nik,
    }
    try:
        report = ProgrammeReport(**args.report_options)
        report.totals.achievement(targets)  # a target on an axis not kept: before any record
        if args.trace is not None:
            report.totals.projector(tuple(args.trace))
    except (ReportError, atensi.AtensiError) as exc:
        raise UsageError(exc.message_id if args.lang == "id" else exc.message_en) from None
    with Folder(args.out) as directory:
        counts = _Counts()
        directory.write(
            "errors.jsonl",
            functools.partial(_read, args=args, report=report, counts=counts, err=err),
        )
        if {"csv", "xlsx", "html"} & set(formats):
            tables = report.tables(targets=targets, registry=registry, budget_targets=allocations)
        if "csv" in formats:
            for name, text in tables.items():
                directory.write(name, text.encode("utf-8"))
        if "html" in formats:
            spec = report.totals.spec
            span = f"{spec.period.start.isoformat()} – {spec.period.end.isoformat()}"
            title = f"Laporan ATENSI {span}" if args.lang == "id" else f"ATENSI report {span}"
            page = html_report(tables, lang=args.lang, title=title)
            directory.write("report.html", page.encode("utf-8"))
        if "xlsx" in formats:
            directory.write(
                "report.xlsx", functools.partial(write_workbook, tables=tables, lang=args.lang)
            )
        if pictures:
            _pictures(directory, report, targets, registry, args, pictures)
        if args.trace is not None:
            rows = trace(
                report.totals,
                args.trace,
                _again(_records(args.portfolio)),
                pseudonym_key=key,
                show_personal_data=args.show_personal_data,
            )
            lines = csv_lines(["record", "path", "case_id", "delivery_id"], rows)
            directory.write("trace.csv", functools.partial(_write_lines, lines=lines))
        # Last: report.json lists every other file with its hash (the report's own manifest).
        document: dict[str, Any] = {"version": 1}
        if "json" in formats:
            document = report.to_json(
                targets=targets, registry=registry, budget_targets=allocations
            )
        document["files"] = directory.manifest()
        directory.write(MANIFEST, json_text(document).encode("utf-8"))
        directory.commit()
    summary(err, args, counts.valid, counts.invalid)
    count = len(directory.written)
    if args.lang == "id":
        err.write(f"{count} berkas di {args.out}\n")
    else:
        err.write(f"{count} file{'s' if count != 1 else ''} in {args.out}\n")
    return ExitCode.INVALID if counts.invalid else ExitCode.OK


class _Counts:
    """Valid and invalid records of a run."""

    def __init__(self) -> None:
        self.valid = 0
        self.invalid = 0


def _read(
    handle: Any, *, args: argparse.Namespace, report: Any, counts: _Counts, err: Output
) -> None:
    """Read every record into the report; write each invalid one to ``errors.jsonl`` as met."""
    show = args.show_personal_data
    shown = Progress(err, quiet=args.quiet)
    located = _records(args.portfolio, opened=shown.opened, raw=True, batch=_BATCH)
    jobs = args.jobs > 1
    results = _in_workers(located, args, report, shown) if jobs else _here(located, report)
    for index, where, problems in results:
        shown.update(index + 1)
        if problems is None:  # a blank line (the reader skips them already)
            continue
        if not problems:
            counts.valid += 1
            continue
        counts.invalid += 1
        handle.write((_error_line(where, index, problems, show) + "\n").encode("utf-8"))
    shown.clear()


#: What reading gives of each record: its index, its place (a line number of JSON Lines, or
#: where an array item or document starts), and its problems (``()``: read; ``None``: blank).
_Result = tuple[int, "Located | int", "tuple[ErrorDetail, ...] | None"]


def _here(located: Iterator[Any], report: Any) -> Iterator[_Result]:
    """Read the records into ``report`` in this process, in input order, as a worker would."""
    for first, places, items in _batches(located):
        yield from zip(itertools.count(first), places, _read_batch(report, items))


def _one(report: Any, item: Any, read: list[Any]) -> tuple[ErrorDetail, ...] | None:
    """Read one record: ``()`` when read, else its problems (``None``: blank).

    A structured record joins ``read``, for the report to read with the rest of its batch.
    """
    if isinstance(item, RawLine):
        # The report reads the line as the strict reader would: a record, or its problems.
        found: tuple[ErrorDetail, ...] | None = report.add_line(item.data, number=item.number)
        return found
    if isinstance(item, BadItem):
        return (item.detail,)
    try:
        read.append(_entity(item))
    except atensi.InvalidRecord as exc:
        return exc.errors
    return ()


# --- --jobs: each worker keeps one partial report for the whole run --------------------------
# The parent hands out batches of lines on one queue; a worker reads each batch into its own
# partial report and sends back only the batch's problems (few, small); at the end each worker
# hands over its partial once and the parent merges them. Shipping and merging a partial per
# batch cost the parent as much CPU as a worker spends reading a third of the input (measured).
# Partials merge into the report one process makes whatever records each holds (the reports
# are invariant to record order and partitions: tests/test_reports.py).

#: The worker side of the queues (set in each worker by :func:`_worker_setup`).
_QUEUES: list[Any] = []


def _worker_setup(tasks: Any, results: Any, digest_key: bytes | None) -> None:
    """Prepare a worker (:func:`atensi.cli._signals.worker_setup`) and keep the queues."""
    from atensi.cli._signals import worker_setup

    worker_setup(digest_key)
    _QUEUES[:] = [tasks, results]


def _work(make: Callable[[], Any]) -> Any:
    """A worker's run: read every batch it takes into one partial report; return the report.

    Each batch's problems go back at once, numbered by batch; ``None`` on the task queue ends
    the run. A worker that took no batch returns ``None``.
    """
    tasks, results = _QUEUES
    report = None
    while True:
        task = tasks.get()
        if task is None:
            return report
        number, items = task
        if report is None:
            report = make()
        results.put((number, _read_batch(report, items)))


def _read_batch(report: Any, items: Any) -> list[tuple[ErrorDetail, ...] | None]:
    """Read a batch into ``report``: each record's problems, in order."""
    if isinstance(items, LineBatch):
        found: list[tuple[ErrorDetail, ...] | None] = report.add_lines(items.lines, items.numbers)
        return found
    read: list[Any] = []
    found = [_one(report, item, read) for item in items]
    report.add_all(read)  # a few cases at a time, as add_lines reads them
    return found


def _in_workers(
    located: Iterator[Any], args: argparse.Namespace, report: Any, shown: Any
) -> Iterator[_Result]:
    """Read batches of records into partial reports on ``args.jobs`` processes; merge them.

    Lines go to the workers undecoded, a batch at a time; each worker keeps one partial report
    (keyed partials leave their key behind: they merge, see :mod:`atensi.reports.keys`) and
    the partials are merged at the end, so the report is the one a single process makes. The
    records' problems are yielded in input order. At most two batches per worker are in
    flight: memory stays flat however long the input. A worker that dies ends the run with
    :class:`WorkerFailed`.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from atensi.cli._signals import worker_options
    from atensi.reports import ProgrammeReport

    make = functools.partial(ProgrammeReport, **args.report_options)
    context = multiprocessing.get_context()
    tasks, results = context.Queue(), context.Queue()
    # Workers reset the signals, die with the parent, share its digest key (_signals).
    setup = (tasks, results, *worker_options()["initargs"])
    batches = _batches(located)
    # Each batch in flight: its first record's index and the places of its records.
    where: dict[int, tuple[int, Sequence[Located | int]]] = {}
    done: dict[int, list[tuple[ErrorDetail, ...] | None]] = {}
    failure: UsageError | None = None
    numbers = itertools.count()
    sent = 0
    try:
        with ProcessPoolExecutor(
            max_workers=args.jobs, initializer=_worker_setup, initargs=setup
        ) as pool:
            workers = [pool.submit(_work, make) for _ in range(args.jobs)]
            try:
                while True:
                    while failure is None and len(where) < 2 * args.jobs:
                        try:
                            found = next(batches, None)
                        except UsageError as exc:  # an unreadable array: finish what came before
                            failure, found = exc, None
                        if found is None:
                            break
                        first, places, items = found
                        number = next(numbers)
                        tasks.put((number, items))
                        where[number] = (first, places)
                        shown.update(first + len(places))
                    if not where:
                        break
                    number, problems = _result(results, workers)
                    done[number] = problems
                    while sent in done:  # in input order
                        first, places = where.pop(sent)
                        for offset, found_problems in enumerate(done.pop(sent)):
                            yield first + offset, places[offset], found_problems
                        sent += 1
            finally:
                for _ in workers:  # every worker hands over its partial and ends its run
                    tasks.put(None)
            for worker in workers:
                made = worker.result()
                if made is not None:
                    report.merge(made)
    except BrokenProcessPool:
        raise WorkerFailed(
            "a worker process stopped unexpectedly (killed, or out of memory); the report "
            "was not written"
        ) from None
    finally:
        # Nothing is left to flush after a normal run; after a fault, do not wait for a reader.
        for channel in (tasks, results):
            channel.cancel_join_thread()
            channel.close()
    if failure is not None:
        raise failure


def _batches(located: Iterator[Any]) -> Iterator[tuple[int, Sequence[Located | int], Any]]:
    """The records in batches: first index, each record's place, and what a worker reads.

    A :class:`LineBatch` of the reader goes as it is (its places are its line numbers); other
    records (array items, bad lines, the first line) go in lists of up to ``_BATCH``. An input
    that cannot be read further raises after the batches before the fault, the records held
    for the next one included.
    """
    index = 0
    held: list[Located] = []
    try:
        for found in located:
            if isinstance(found, LineBatch):
                if held:
                    yield index, held, [at.item for at in held]
                    index, held = index + len(held), []
                yield index, found.numbers, found
                index += len(found.lines)
                continue
            held.append(found)
            if len(held) >= _BATCH:
                yield index, held, [at.item for at in held]
                index, held = index + len(held), []
    except (UsageError, ReadFailed):  # the records read before the input's fault, then it
        if held:
            yield index, held, [at.item for at in held]
        raise
    if held:
        yield index, held, [at.item for at in held]


def _result(results: Any, workers: list[Any]) -> Any:
    """The next batch's problems from any worker; a worker that ended early raises its error."""
    import queue

    while True:
        try:
            return results.get(timeout=0.1)
        except queue.Empty:
            pass
        for worker in workers:
            if worker.done():  # died (BrokenProcessPool) or failed: say so
                worker.result()
                raise RuntimeError("a worker ended its run before it was asked to")


def _write_lines(handle: Any, *, lines: Iterator[str]) -> None:
    for line in lines:
        handle.write(line.encode("utf-8"))


def _again(located: Iterator[Located]) -> Iterator[Any]:
    """The records of the second pass, ``None`` where the first pass found none (positions)."""
    for where in located:
        item = where.item
        try:
            yield None if isinstance(item, BadItem) else _entity(item)
        except atensi.InvalidRecord:
            yield None


class _Granularities:
    """The choices of ``--granularity``, read from :mod:`atensi.reports` when first needed.

    argparse asks for them only when the option is given or help is shown, so that the other
    subcommands start without importing the reports (and the entities they read).
    """

    def __contains__(self, value: object) -> bool:
        from atensi.reports import GRANULARITIES

        return value in GRANULARITIES

    def __iter__(self) -> Iterator[str]:
        from atensi.reports import GRANULARITIES

        return iter(GRANULARITIES)


def add_parser(sub: Any, common: argparse.ArgumentParser, date: Callable[[str], Any]) -> None:
    """Add ``report`` to the subcommands."""
    p = sub.add_parser(
        "report",
        parents=[common],
        help="programme report of a portfolio: tables and pictures",
        description="Count distinct beneficiaries (PM), evaluate input to impact, total the "
        "aid and budget, and compute the policy indicators of the cases (or whole portfolios) "
        "in PORTFOLIO over a period; write the tables (CSV), report.json, the pictures (PNG/SVG, "
        "with the plot extra) and errors.jsonl for the records that are not valid into --out.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  atensi report examples/programme.jsonl "
        "--period 2021-01-01/2025-12-31 --out report/",
    )
    p.add_argument(
        "portfolio",
        help="cases or portfolios: JSON Lines, a JSON array, or a portfolio document; - for stdin",
    )
    p.add_argument("--out", required=True, help="directory to write the report into")
    p.add_argument("--period", help="2024, 2024-Q1, 2024-03 or 2024-01-01/2024-12-31")
    p.add_argument("--on", type=date, help="the year to date: 1 January to DATE")
    p.add_argument(
        "--granularity",
        choices=_Granularities(),
        default="year",
        # A metavar, so that argparse lists the choices only when help is shown.
        metavar="GRANULARITY",
        help="the periods the totals are cut into: %(choices)s (default: %(default)s)",
    )
    p.add_argument("--by", type=_axes, help="axes to keep, comma-separated")
    p.add_argument("--members", action="store_true", help="count families and groups per member")
    p.add_argument(
        "--match-without-nik",
        action="store_true",
        help="know a person with neither NIK nor registry id by name, birth and regency "
        "(pm_matching.csv says how many, and the total with and without it)",
    )
    p.add_argument(
        "--targets",
        help="targets of PM (PmTarget records) and allocations by account (BudgetTarget "
        "records: amount_idr, no pm): JSON Lines or an array",
    )
    p.add_argument("--registry", help="unit registry (residential places, coverage picture)")
    p.add_argument("--ceiling", type=_amount, help="ceiling of one aid, in whole rupiah")
    p.add_argument(
        "--format",
        type=_formats,
        help="csv,json,png,svg,xlsx,html (default: csv,json and the pictures the plot extra "
        "allows; xlsx with the xlsx extra; html: one self-contained page)",
    )
    p.add_argument(
        "--trace",
        type=_cell,
        metavar="AXIS=VALUE,...",
        help="write trace.csv: the deliveries behind this cell",
    )
    p.add_argument("--pseudonym-key-file", help="hex key: trace ids become keyed pseudonyms")
    add_law_options(p, date, compare=False)
    add_jobs(p, "the report is the one a single process makes")
    p.set_defaults(run=cmd_report)
