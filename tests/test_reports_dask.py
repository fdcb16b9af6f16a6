"""The scale-out recipe for reports: partial reports per Dask partition merge into the whole."""

from __future__ import annotations

import json
import pathlib

import pytest

from atensi import structure
from atensi.model import Case
from atensi.reports import ProgrammeReport, parse_period

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
PERIOD = "2015-01-01/2031-12-31"
KEY = bytes.fromhex("9f1c0a7e5b3d2c4e8a6f1b0d3e5c7a9b")


def partial(lines: list[str], key: bytes) -> ProgrammeReport:
    """One partition's report: the recipe's map step (the key travels in the task)."""
    report = ProgrammeReport(parse_period(PERIOD), pseudonym_key=key)
    for line in lines:
        report.add(structure(json.loads(line), Case))
    return report


@pytest.fixture(scope="module")
def cases_file(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    records = json.loads((EXAMPLES / "portfolio.json").read_text(encoding="utf-8"))["cases"]
    path = tmp_path_factory.mktemp("cases") / "cases.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_partitions_merge_into_the_single_process_report(
    cases_file: pathlib.Path, scheduler: str
) -> None:
    bag = db.read_text(str(cases_file), blocksize="32kB")
    assert bag.npartitions > 4
    partials = bag.map_partitions(lambda part: [partial(list(part), KEY)])
    merged = partials.fold(lambda a, b: a.merge(b)).compute(scheduler=scheduler)
    whole = partial(cases_file.read_text(encoding="utf-8").splitlines(), KEY)
    assert merged.tables() == whole.tables()
    assert merged.json_text() == whole.json_text()
