"""The scale-out recipe for reports: partial reports per Dask partition merge into the whole."""

from __future__ import annotations

import json
import pathlib

import pytest

from atensi.reports import ProgrammeReport, parse_period, structure_record

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
PERIOD = "2021-01-01/2025-12-31"
KEY = bytes.fromhex("9f1c0a7e5b3d2c4e8a6f1b0d3e5c7a9b")


def partial(lines: list[str], key: bytes) -> ProgrammeReport:
    """One partition's report: the recipe's map step (the key travels in the task)."""
    report = ProgrammeReport(parse_period(PERIOD), pseudonym_key=key)
    for line in lines:
        report.add(structure_record(json.loads(line)))
    return report


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_partitions_merge_into_the_single_process_report(scheduler: str) -> None:
    cases_file = EXAMPLES / "programme.jsonl"
    bag = db.read_text(str(cases_file), blocksize="128kB")
    assert bag.npartitions > 4
    partials = bag.map_partitions(lambda part: [partial(list(part), KEY)])
    merged = partials.fold(lambda a, b: a.merge(b)).compute(scheduler=scheduler)
    whole = partial(cases_file.read_text(encoding="utf-8").splitlines(), KEY)
    assert merged.tables() == whole.tables()
    assert merged.json_text() == whole.json_text()
