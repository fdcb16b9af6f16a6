"""The scale-out recipe: the same functions inside dask.bag give the single-process results."""

from __future__ import annotations

import datetime as dt
import functools
import json
import pathlib

import pytest

from atensi.batch import assess_record, validate_record
from atensi.model import Person

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
ON = dt.date(2024, 6, 1)


def single_process() -> list[dict[str, object]]:
    with (EXAMPLES / "assessments.jsonl").open(encoding="utf-8") as handle:
        return [assess_record(json.loads(line), on=ON) for line in handle]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_dask_bag_over_json_lines_partitions_matches_one_process(scheduler: str) -> None:
    bag = db.read_text(str(EXAMPLES / "assessments.jsonl"), blocksize="64kB")
    assert bag.npartitions > 4
    results = (
        bag.map(json.loads)
        .map(functools.partial(assess_record, on=ON))
        .compute(scheduler=scheduler)
    )
    assert results == single_process()


@pytest.mark.parametrize(("name", "invalid"), [("persons", 0), ("persons-broken", 44)])
def test_dask_validation_matches_one_process(name: str, invalid: int) -> None:
    bag = db.read_text(str(EXAMPLES / f"{name}.jsonl"), blocksize="4kB")
    results = bag.map(json.loads).map(validate_record, Person).compute(scheduler="threads")
    with (EXAMPLES / f"{name}.jsonl").open(encoding="utf-8") as handle:
        expected = [validate_record(json.loads(line), Person) for line in handle]
    assert results == expected
    assert sum(not r["ok"] for r in results) == invalid
