"""Named report scenarios: small programmes with the totals, measures and sums they must give.

The scenarios are data (``src/atensi/data/scenarios/reports/*.json``, the same file format and
schema as :mod:`atensi.scenarios`). Each (kind ``report``) has a ``period`` (as
:func:`parse_period` reads it), optional ``granularity``, ``members`` and ``targets``, the
``records`` (cases or portfolios, as :func:`~atensi.reports.structure_record` reads them:
a record with ``cases`` or an ``owner`` is a portfolio), and what is expected:

* ``totals``: ``{"by": [axes], "rows": [[value, ..., pm], ...]}``, every row of the table;
* ``achievement``: ``[[achieved, not_placed, ratio], ...]``, one per target, the ratio as the
  report writes it;
* ``measures``: measure id → ``{"value": ..., "with_data": n, "in_scope": n}`` (the value as
  the report writes it: fractions as four-place decimals, no data as ``null``);
* ``budget``: ``{"by": [axes], "rows": [[value, ..., amount, aids, with amount, unvalued]]}``;
* ``findings``: ``[rule id, status]`` pairs that must be counted.

The test suite runs them all (:func:`run_report_scenario` returns the differences); an
integrator can run them against another implementation of the same counting rules.

>>> len(REPORT_SCENARIOS) >= 12
True
>>> run_report_scenario(REPORT_SCENARIOS[0])
[]
"""

from __future__ import annotations

from typing import Any

from atensi.boundary import structure
from atensi.model import PmTarget
from atensi.reports.periods import parse_period
from atensi.reports.programme import ProgrammeReport, structure_record
from atensi.reports.render import decimal_text
from atensi.reports.totals import achievement_json
from atensi.scenarios import load_scenario_files

__all__ = ["REPORT_SCENARIOS", "run_report_scenario"]

Scenario = dict[str, Any]


#: The named report scenarios, as the files state them (JSON-ready mappings).
REPORT_SCENARIOS: tuple[Scenario, ...] = load_scenario_files("scenarios/reports")


def _text(value: Any) -> Any:
    from fractions import Fraction

    return decimal_text(value) if isinstance(value, Fraction) else value


def run_report_scenario(scenario: Scenario) -> list[str]:
    """Run one scenario; return what differs from its expectations (empty when it passes)."""
    report = ProgrammeReport(
        parse_period(scenario["period"]),
        granularity=scenario.get("granularity", "year"),
        members=scenario.get("members", False),
    )
    for record in scenario["records"]:
        report.add(structure_record(record))
    wrong: list[str] = []
    if "totals" in scenario:
        by = scenario["totals"]["by"]
        rows = [[*cell, n] for cell, n in report.totals.counts(by)]
        if rows != scenario["totals"]["rows"]:
            wrong.append(f"totals by {by}: {rows}")
    if "achievement" in scenario:
        targets = [structure(t, PmTarget) for t in scenario["targets"]]
        found = [
            [r["achieved_pm"], r["not_placed_pm"], _text(r["ratio"])]
            for r in achievement_json(report.totals.achievement(targets))
        ]
        if found != scenario["achievement"]:
            wrong.append(f"achievement: {found}")
    values = {v.id: v for v in report.evaluation.values()}
    for measure, expected in scenario.get("measures", {}).items():
        value = values[measure]
        got = {
            "value": _text(value.value),
            "with_data": value.with_data,
            "in_scope": value.in_scope,
        }
        if got != expected:
            wrong.append(f"{measure}: {got}")
    if "budget" in scenario:
        by = scenario["budget"]["by"]
        rows = [[*cell, *sums] for cell, sums in report.budget.rows(by)]
        if rows != scenario["budget"]["rows"]:
            wrong.append(f"budget by {by}: {rows}")
    for rule_id, status in scenario.get("findings", []):
        if not report.budget.findings[(rule_id, status)]:
            wrong.append(f"no {rule_id} {status} finding")
    return wrong
