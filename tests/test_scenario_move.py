"""Once, at the move: the scenarios read from the data files are the ones the Python literals held.

The literals (``tests/_legacy/``, copies of the modules as they were before the move) and the
files must hold the same scenarios, in the same order, and every one must give the same result.
This test and the copies go in the commit after the move.
"""

from __future__ import annotations

import json

from atensi.lifecycle_scenarios import LIFECYCLE_SCENARIOS
from atensi.reports.scenarios import REPORT_SCENARIOS, run_report_scenario
from atensi.scenarios import SCENARIOS, run_scenario
from tests._legacy import lifecycle as old_lifecycle
from tests._legacy import reports as old_reports
from tests._legacy import scenarios as old


def _same(a: object, b: object) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_the_files_hold_the_literals_in_the_same_order() -> None:
    assert len(SCENARIOS) == len(old.SCENARIOS) == 146
    assert all(_same(new, was) for new, was in zip(SCENARIOS, old.SCENARIOS, strict=True))
    assert len(LIFECYCLE_SCENARIOS) == len(old_lifecycle.LIFECYCLE_SCENARIOS)
    assert len(REPORT_SCENARIOS) == len(old_reports.REPORT_SCENARIOS) == 15
    assert all(
        _same(new, was)
        for new, was in zip(REPORT_SCENARIOS, old_reports.REPORT_SCENARIOS, strict=True)
    )


def test_every_scenario_gives_the_same_result_before_and_after() -> None:
    for new, was in zip(SCENARIOS, old.SCENARIOS, strict=True):
        assert run_scenario(new) == old.run_scenario(was) == [], new["name"]
    for new, was in zip(REPORT_SCENARIOS, old_reports.REPORT_SCENARIOS, strict=True):
        assert run_report_scenario(new) == old_reports.run_report_scenario(was) == [], new["name"]
