"""Coverage-guided fuzzing of the command line's input path (atheris).

Run: ``python fuzz/fuzz_cli.py fuzz/corpus/cli -max_total_time=60`` (extra ``fuzz``). The
first byte of an input sets how many bytes each read of the stream returns (1 to 256), so
records, numbers and UTF-8 characters are split across reads as a slow pipe would split them;
the rest is the file, read with or without decoding lines as they are read (``--jobs`` decodes
them in the workers). Every input must then give records and unreadable lines, or stop with
the command line's ``UsageError``; every record must validate (as one of the main entities)
and assess to JSON-ready results, and ``assess_record_json`` must write exactly what
``json.dumps`` of ``assess_record`` writes; every result must encode as UTF-8, and with its dates
moved to the edges of the accepted range (1800-01-01, 2199-12-31) a record must never reach the
batch's ``record.internal_error`` guard. Any other exception is a crash.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from typing import Any

import atheris

with atheris.instrument_imports():
    from atensi import cli
    from atensi.batch import assess_record, assess_record_json, validate_record
    from atensi.model import Assessment, Case, Person

ON = dt.date(2024, 6, 1)
KINDS = (Person, Assessment, Case)


class SlowStream(io.BytesIO):
    """A byte stream whose reads return at most ``step`` bytes, as a pipe may."""

    def __init__(self, data: bytes, step: int) -> None:
        super().__init__(data)
        self.step = step

    def read(self, size: int | None = -1) -> bytes:
        """Read at most ``step`` bytes."""
        if size is None or size < 0 or size > self.step:
            size = self.step
        return super().read(size)


def _dated(value: Any, edge: str, depth: int = 0) -> Any:
    """``value`` with every date-like string moved to ``edge`` (a date the boundary accepts)."""
    if depth > 50:
        return value
    if isinstance(value, dict):
        return {k: _dated(v, edge, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_dated(v, edge, depth + 1) for v in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        return edge
    return value


def test_one_input(data: bytes) -> None:
    """Read one input as the command line would, and check every record."""
    step = (data[0] if data else 0) + 1
    stream = SlowStream(data[1:], step)
    raw = bool(step & 1)  # as with --jobs: lines decoded after reading, in parse_line
    try:
        for index, item in enumerate(cli.records_from(stream, raw_lines=raw)):
            record = cli.parse_line(item) if isinstance(item, cli.RawLine) else item
            if isinstance(record, cli.BadItem):
                json.dumps(record.detail.to_dict())
                continue
            json.dumps(validate_record(record, KINDS[index % len(KINDS)])).encode("utf-8")
            text = assess_record_json(record, on=ON)
            if text != json.dumps(assess_record(record, on=ON), ensure_ascii=False):
                raise AssertionError("assess_record_json differs from json.dumps(assess_record)")
            text.encode("utf-8")
            for edge in ("1800-01-01", "2199-12-31"):
                if "record.internal_error" in assess_record_json(_dated(record, edge), on=ON):
                    raise AssertionError("a record reached the internal-error guard")
    except cli.UsageError:
        pass


def main() -> None:
    """Start the fuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
