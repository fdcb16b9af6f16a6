"""Regenerate the example dataset in ``examples/`` from atensi's own strategies, reproducibly.

Usage: ``python tools/make_examples.py``. Hypothesis runs derandomised with a fixed database-free
configuration, so the same Hypothesis version writes the same files. Every 25th item drawn is
broken on purpose with one near miss (``atensi validate`` reports its one error code and path);
the broken items go to their own ``-broken`` files, so that the README's main job reads only
valid items and exits 0, and the validation demo has its broken records.

Writes:
* ``examples/assessments.jsonl``: valid items ``{"subject", "assessment", "on"}`` for
  ``atensi assess``; ``examples/assessments-broken.jsonl``: the broken ones;
* ``examples/persons.jsonl``: the valid persons alone, for ``atensi validate --kind person``;
  ``examples/persons-broken.jsonl``: the broken ones;
* ``examples/registry.json``: the partial example registry (secondary; see atensi.example_units);
* ``examples/portfolio.json``: a portfolio for ``evaluate_policies``: generated cases (with
  intervention modes and legal bases, consent, practices on deliveries and as case events,
  structured referrals), indirect-service activities (some naming a practice and a technical
  directorate) and partnerships (MoU or PKS, scope, aid handed over through them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from atensi import unstructure
from atensi.example_units import EXAMPLE_UNITS
from atensi.model import Assessment, Person
from atensi.testing import (
    REFERENCE_DATE,
    cases,
    near_misses,
    partnerships,
    persons,
    programme_activities,
)

ROOT = pathlib.Path(__file__).resolve().parents[1] / "examples"
COUNT = 1100
BROKEN_EVERY = 25
PORTFOLIO_START = dt.date(2015, 1, 1)
PORTFOLIO_END = dt.date(2031, 12, 31)


@dataclasses.dataclass
class Collected:
    """The drawn records."""

    items: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    persons: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    cases: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    activities: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    partnerships: list[dict[str, Any]] = dataclasses.field(default_factory=list)


def collect() -> Collected:
    """Draw the records with derandomised Hypothesis."""
    out = Collected()
    config = settings(
        max_examples=COUNT,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )

    @config
    @given(person=persons(), miss=near_misses(Person), data=st.data())
    def draw_person(person: Person, miss: Any, data: st.DataObject) -> None:
        index = len(out.items)
        assessed = REFERENCE_DATE - dt.timedelta(days=data.draw(st.integers(1, 60)))
        assessment = Assessment(
            id=f"A-{index:05d}",
            assessed_on=assessed,
            conditions=person.conditions,
        )
        person = attrs.evolve(person, id=f"P-{index:05d}", conditions=())
        record = unstructure(person)
        if is_broken(index):
            record = {**miss.record, "id": record["id"]} if miss.loc != ("id",) else miss.record
        out.persons.append(record)
        out.items.append(
            {
                "on": REFERENCE_DATE.isoformat(),
                "subject": {"kind": "person", **record},
                "assessment": unstructure(assessment),
            }
        )

    draw_person()

    @settings(
        max_examples=200,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases())
    def draw_case(case: Any) -> None:
        out.cases.append(unstructure(attrs.evolve(case, id=f"C-{len(out.cases):05d}")))

    draw_case()

    @settings(
        max_examples=40,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        activity=programme_activities(PORTFOLIO_START, PORTFOLIO_END),
        partnership=partnerships(PORTFOLIO_START),
    )
    def draw_programme(activity: Any, partnership: Any) -> None:
        number = len(out.activities)
        out.activities.append(unstructure(attrs.evolve(activity, id=f"K-{number:05d}")))
        out.partnerships.append(unstructure(attrs.evolve(partnership, id=f"M-{number:05d}")))

    draw_programme()
    return out


def is_broken(index: int) -> bool:
    """Whether the item drawn at ``index`` was broken on purpose."""
    return index % BROKEN_EVERY == BROKEN_EVERY - 1


def write_split(path: pathlib.Path, records: list[dict[str, Any]]) -> None:
    """Write the valid records to ``path`` and the broken ones beside it (``-broken``)."""
    broken = path.with_name(f"{path.stem}-broken{path.suffix}")
    with path.open("w", encoding="utf-8") as good, broken.open("w", encoding="utf-8") as bad:
        for index, record in enumerate(records):
            handle = bad if is_broken(index) else good
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    """Write the files."""
    data = collect()
    ROOT.mkdir(exist_ok=True)
    write_split(ROOT / "assessments.jsonl", data.items[:COUNT])
    write_split(ROOT / "persons.jsonl", data.persons[:COUNT])
    registry = {
        "units": list(EXAMPLE_UNITS),
        "evidence": "secondary",
        "complete": False,
        "source": "atensi-example-units",
    }
    (ROOT / "registry.json").write_text(
        json.dumps(registry, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    portfolio = {
        "id": "PF-EXAMPLE",
        "owner": "SENTRA-EXAMPLE",
        "start": PORTFOLIO_START.isoformat(),
        "end": PORTFOLIO_END.isoformat(),
        "cases": data.cases,
        "activities": data.activities,
        "partnerships": data.partnerships,
    }
    (ROOT / "portfolio.json").write_text(
        json.dumps(portfolio, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(data.items[:COUNT])} items, {len(data.cases)} cases to {ROOT}")


if __name__ == "__main__":
    main()
