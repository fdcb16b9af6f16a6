"""Programme reports: scenarios, order and partition invariance, ranges, missing data, traces."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import pickle
import sys
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import AtensiError, structure
from atensi.model import Case, PmTarget, Portfolio, Termination
from atensi.privacy import WeakKey, redact
from atensi.reports import (
    DEFAULT_BY,
    MEASURES,
    Budget,
    Evaluation,
    PlotUnavailable,
    ProgrammeReport,
    ReportError,
    Totals,
    parse_period,
    structure_record,
    trace,
)
from atensi.reports.scenarios import REPORT_SCENARIOS, run_report_scenario
from atensi.testing import cases, pm_targets

WHOLE = parse_period("2015-01-01/2031-12-31")
KEY = bytes.fromhex("9f1c0a7e5b3d2c4e8a6f1b0d3e5c7a9b")
OTHER = bytes.fromhex("1b0d3e5c7a9b9f1c0a7e5b3d2c4e8a6f")
ROLLUPS = (
    ("period", "target"),
    ("period", "province", "regency"),
    ("kind", "approach", "channel"),
    ("unit",),
    (),
)


@pytest.mark.parametrize("scenario", REPORT_SCENARIOS, ids=lambda s: s["name"])
def test_report_scenario(scenario: dict[str, Any]) -> None:
    assert run_report_scenario(scenario) == []


#: Every axis kept (``target`` and ``province`` derive from ``target_group`` and ``regency``).
EVERY_AXIS = (*DEFAULT_BY, "component")


def report_of(records: list[Case], **options: Any) -> ProgrammeReport:
    # One key for the partials that merge (each report would draw its own otherwise).
    options.setdefault("pseudonym_key", KEY)
    return ProgrammeReport(WHOLE, by=EVERY_AXIS, **options).add_all(records)


def tables_of(report: ProgrammeReport, targets: list[PmTarget]) -> dict[str, str]:
    return {**report.tables(targets=targets), "report.json": report.json_text(targets=targets)}


@settings(max_examples=12, deadline=None)
@given(
    drawn=st.lists(cases(), max_size=6),
    targets=st.lists(pm_targets(), max_size=3),
    data=st.data(),
)
def test_reports_are_invariant_to_record_order_and_partitions(
    drawn: list[Case], targets: list[PmTarget], data: st.DataObject
) -> None:
    whole = tables_of(report_of(drawn), targets)
    shuffled = data.draw(st.permutations(drawn))
    assert tables_of(report_of(shuffled), targets) == whole
    cut = data.draw(st.integers(0, len(drawn)))
    merged = report_of(shuffled[:cut]).merge(report_of(shuffled[cut:]))
    assert tables_of(merged, targets) == whole
    for by in ROLLUPS:  # every coarser table is the union of the finer cells
        assert merged.totals.counts(by) == report_of(drawn).totals.counts(by)


def _without_outcome(termination: Termination | None) -> Termination | None:
    return None if termination is None else attrs.evolve(termination, outcome=None)


def _no_floats(value: Any) -> None:
    assert not isinstance(value, float), value
    if isinstance(value, dict):
        for item in value.values():
            _no_floats(item)
    elif isinstance(value, list):
        for item in value:
            _no_floats(item)


@settings(max_examples=12, deadline=None)
@given(drawn=st.lists(cases(), max_size=6), targets=st.lists(pm_targets(), max_size=3))
def test_ratios_lie_in_range_and_missing_data_is_never_zero(
    drawn: list[Case], targets: list[PmTarget]
) -> None:
    report = report_of(drawn)
    for value in report.evaluation.values():
        assert 0 <= value.with_data <= value.in_scope or value.id == "out.pm_served"
        if value.with_data == 0:
            assert value.value is None, value.id  # no data is no value, never 0
        if value.unit == "share" and value.value is not None:
            assert 0 <= value.value <= 1
    for row in report.totals.achievement(targets):
        assert row.ratio is None or row.ratio >= 0
    _no_floats(json.loads(report.json_text(targets=targets)))
    # Take every outcome and follow-up away: those measures have no data, not zero.
    stripped = [
        attrs.evolve(
            c,
            followups=(),
            termination=None
            if c.termination is None
            else attrs.evolve(c.termination, outcome=None),
        )
        for c in drawn
    ]
    after = {v.id: v for v in report_of(stripped).evaluation.values()}
    for measure in MEASURES:
        if measure.id.startswith(("oc.", "im.")):
            assert after[measure.id].value is None


def test_partials_merge_only_when_they_count_the_same_things() -> None:
    with pytest.raises(ReportError) as info:
        Totals(WHOLE, pseudonym_key=KEY).merge(
            Totals(WHOLE, granularity="quarter", pseudonym_key=KEY)
        )
    assert info.value.code == "report.cannot_merge"
    with pytest.raises(ReportError):
        Totals(WHOLE, pseudonym_key=OTHER).merge(Totals(WHOLE, pseudonym_key=KEY))
    with pytest.raises(ReportError) as unknown:
        Totals(WHOLE, by=("period", "province_code"))
    assert unknown.value.code == "report.unknown_axis"
    with pytest.raises(ReportError) as narrow:
        Totals(WHOLE, by=("period",)).counts(("target",))
    assert narrow.value.code == "report.axis_not_kept"
    with pytest.raises(WeakKey):
        Totals(WHOLE, pseudonym_key=b"short")


def test_a_keyed_partial_travels_without_its_key_and_still_merges() -> None:
    drawn = [structure(r, Case) for s in REPORT_SCENARIOS[:3] for r in s["records"]]
    made = Totals(WHOLE, pseudonym_key=KEY).add_all(drawn[:2])
    shipped = pickle.loads(pickle.dumps(made))
    assert KEY not in pickle.dumps(made)
    with pytest.raises(ReportError) as sealed:
        shipped.add(drawn[2])
    assert sealed.value.code == "report.sealed"
    here = Totals(WHOLE, pseudonym_key=KEY).add_all(drawn[2:])
    assert here.merge(shipped).counts(()) == Totals(WHOLE, pseudonym_key=KEY).add_all(drawn).counts(
        ()
    )


def test_a_report_names_the_edition_and_honours_a_pin() -> None:
    assert ProgrammeReport(parse_period("2023")).edition == "atensi-2022"
    pinned = ProgrammeReport(parse_period("2023"), edition="ars-2025")
    assert pinned.edition == pinned.budget.edition == "ars-2025"
    with pytest.raises(AtensiError) as before:
        Evaluation(parse_period("2011"))
    assert before.value.code == "law.no_instrument_in_force"


def test_the_records_behind_a_cell_are_redacted_by_default() -> None:
    scenario = REPORT_SCENARIOS[0]  # three deliveries, one PM, in two cases
    records = [structure(r, Case) for r in scenario["records"]]
    portfolio = structure(
        {
            "id": "PF",
            "owner": "S",
            "start": "2023-01-01",
            "end": "2023-12-31",
            "cases": scenario["records"],
        },
        Portfolio,
    )
    totals = Totals(parse_period("2023")).add_all(records)
    cell = {"period": "2023", "target": "lanjut_usia"}
    rows = list(trace(totals, cell, records))
    assert [(r.record, r.path) for r in rows] == [
        (0, "deliveries[0]"),
        (0, "deliveries[1]"),
        (1, "deliveries[0]"),
    ]
    assert {(r.case_id, r.delivery_id) for r in rows} == {(None, None)}
    keyed = list(trace(totals, cell, [portfolio], pseudonym_key=KEY))
    assert keyed[0].path == "cases[0].deliveries[0]"
    assert keyed[0].case_id == redact(records[0], pseudonym_key=KEY)["id"]
    assert keyed[0].case_id is not None
    assert keyed[0].case_id.startswith("ps:")
    shown = list(trace(totals, cell, records, show_personal_data=True))
    assert shown[0].case_id == "C-1"
    assert list(trace(totals, {"target": "anak"}, records)) == []


def test_pictures_need_the_plot_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from atensi.reports import plots

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(PlotUnavailable) as info:
        plots.editions_figure(until=dt.date(2026, 1, 1))
    assert info.value.code == "report.plot_unavailable"
    assert "atensi[plot]" in str(info.value)


def test_pictures_are_drawn_and_written_reproducibly() -> None:
    pytest.importorskip("matplotlib")
    import atensi
    from atensi.example_units import EXAMPLE_UNITS
    from atensi.model import UnitRegistry
    from atensi.reports import plots

    scenario = next(s for s in REPORT_SCENARIOS if "achievement above" in s["name"])
    report = ProgrammeReport(parse_period("2023"))
    report.add_all(structure(r, Case) for r in scenario["records"])
    targets = [structure(t, PmTarget) for t in scenario["targets"]]
    registry = structure({"units": list(EXAMPLE_UNITS)}, UnitRegistry)
    figures = [
        plots.pm_by_target_figure(report.totals),
        plots.achievement_figure(report.totals.achievement(targets)),
        plots.coverage_heatmap(atensi.coverage(registry, on=dt.date(2024, 6, 1))),
        plots.editions_figure(until=dt.date(2027, 1, 1)),
    ]
    for index, figure in enumerate(figures):
        # Every figure in one format, alternately; the same bytes on a second save.
        fmt, magic = (("png", b"\x89PNG"), ("svg", b"<?xml"))[index % 2]
        first, second = io.BytesIO(), io.BytesIO()
        plots.write_figure(figure, first, fmt)
        plots.write_figure(figure, second, fmt)
        assert first.getvalue().startswith(magic)
        assert first.getvalue() == second.getvalue()
    assert Fraction(13, 10) == report.totals.achievement(targets)[0].ratio


# --- Issue 28: a keyed default for report pseudonyms --------------------------------------------


def _unkeyed_guess(identity: str) -> int:
    """What an attacker computes for a candidate: the PM hash as it was without a key."""
    digest = hashlib.blake2b(
        identity.encode("utf-8"), digest_size=16, key=b"", person=b"atensi-pm-v1"
    ).digest()
    return int.from_bytes(digest, "big")


def test_a_partial_made_without_a_key_holds_no_hash_anyone_can_compute() -> None:
    # Issue 28, item 9: a pickled unkeyed partial gave a planted NIK back from 13,983 guesses.
    nik = "3273015708920003"
    record = copy.deepcopy(REPORT_SCENARIOS[0]["records"][0])
    record["subject"]["nik"] = nik
    report = ProgrammeReport(parse_period("2023"))
    report.add(structure(record, Case))
    shipped = pickle.loads(pickle.dumps(report))
    held = {key for keys in shipped.totals.cells.values() for key in keys}
    assert held
    assert _unkeyed_guess(f"nik:{nik}") not in held
    assert nik.encode() not in pickle.dumps(report)
    assert shipped.totals.spec.key_fingerprint == report.totals.spec.key_fingerprint
    assert shipped.merge(report).records == 2  # the same (drawn) key: they merge


def test_partials_made_without_a_key_do_not_merge_and_say_why() -> None:
    with pytest.raises(ReportError) as info:
        ProgrammeReport(WHOLE).merge(ProgrammeReport(WHOLE))
    assert info.value.code == "report.cannot_merge"
    assert "different pseudonym keys" in info.value.message_en
    assert "same pseudonym_key" in info.value.message_en
    for part in (Totals, Evaluation):
        with pytest.raises(ReportError) as parts:
            part(WHOLE).merge(part(WHOLE))  # type: ignore[arg-type]
        assert "different pseudonym keys" in parts.value.message_en
    # The caller's key merges across runs (and processes).
    first = pickle.loads(pickle.dumps(ProgrammeReport(WHOLE, pseudonym_key=KEY)))
    assert first.merge(ProgrammeReport(WHOLE, pseudonym_key=KEY)).records == 0


def test_counts_do_not_depend_on_the_key() -> None:
    drawn = [structure_record(r) for s in REPORT_SCENARIOS for r in s["records"]]
    reports = [ProgrammeReport(WHOLE), ProgrammeReport(WHOLE)]
    reports.append(ProgrammeReport(WHOLE, pseudonym_key=KEY))
    tables = [report.add_all(drawn).tables() for report in reports]
    assert tables[0] == tables[1] == tables[2]


_LINES_WITH_BAD = [b"\n", b"{oops", b"\xff\xfe", b'{"id": "C-1", "id": "C-2"}', b'{"id": "C-9"}']


def _programme_lines() -> list[bytes]:
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[1] / "examples" / "programme.jsonl"
    lines = path.read_bytes().splitlines()
    return lines[:37] + _LINES_WITH_BAD + lines[37:]  # not a multiple of the cases held


def test_lines_read_together_make_the_report_and_answers_of_one_at_a_time() -> None:
    lines = _programme_lines()
    numbers = list(range(1, len(lines) + 1))
    one = ProgrammeReport(parse_period("2021-01-01/2025-12-31"), pseudonym_key=KEY)
    each = [one.add_line(line, number=n) for line, n in zip(lines, numbers, strict=True)]
    together = ProgrammeReport(parse_period("2021-01-01/2025-12-31"), pseudonym_key=KEY)
    assert together.add_lines(lines, numbers) == each
    assert together.tables() == one.tables()
    assert together.json_text() == one.json_text()
    assert (together.records, together.invalid) == (one.records, one.invalid) == (801, 4)
    programme = lines[:37] + lines[37 + len(_LINES_WITH_BAD) :]
    records = [structure_record(json.loads(line)) for line in programme]
    cases = [record for record in records if isinstance(record, Case)]
    assert len(cases) == 800
    streamed = ProgrammeReport(parse_period("2021-01-01/2025-12-31"), pseudonym_key=KEY)
    single = ProgrammeReport(parse_period("2021-01-01/2025-12-31"), pseudonym_key=KEY)
    for case in cases:
        single.add(case)
    assert streamed.add_all(cases).tables() == single.tables()
    # Portfolios among the cases are read as they come, the cases around them a few at a time.
    assert len(records) > len(cases)
    mixed = ProgrammeReport(parse_period("2021-01-01/2025-12-31"), pseudonym_key=KEY)
    each_record = ProgrammeReport(parse_period("2021-01-01/2025-12-31"), pseudonym_key=KEY)
    for record in records:
        each_record.add(record)
    assert mixed.add_all(records).json_text() == each_record.json_text()
    assert mixed.records == each_record.records == len(records)


def test_cases_held_together_are_let_go_even_when_a_part_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from atensi.reports import _window

    lines = _programme_lines()[:40]
    report = ProgrammeReport(parse_period("2021-01-01/2025-12-31"), pseudonym_key=KEY)

    def fails(self: Any, case: Any, **_: Any) -> None:
        raise RuntimeError("a defect")

    monkeypatch.setattr(Budget, "add", fails)
    with pytest.raises(RuntimeError):  # a defect is not a bad line: it raises
        report.add_lines(lines)
    assert _window._WINDOW.held == {}
    assert _window._WINDOW.cases == ()
