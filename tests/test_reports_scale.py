"""Report scale: packed pairs behave as sets, cells widen, valid lines take the quick path."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atensi
from atensi.model import Case
from atensi.reports import DEFAULT_BY, Evaluation, ProgrammeReport, Totals, parse_period
from atensi.reports import packed as packed_module
from atensi.reports import programme as programme_module
from atensi.reports.packed import KEY_BYTES, PackedPairs, distinct_keys
from atensi.testing import cases

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WHOLE = parse_period("2015-01-01/2031-12-31")

pairs_strategy = st.lists(
    st.tuples(st.integers(0, 5), st.binary(min_size=KEY_BYTES, max_size=KEY_BYTES)),
    max_size=120,
)


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tiny buffers and merge blocks, so that a few pairs make many runs and many blocks."""
    monkeypatch.setattr(packed_module, "_BUFFER", 3)
    monkeypatch.setattr(packed_module, "_BLOCK", 2)


def packed(pairs: list[tuple[int, bytes]]) -> PackedPairs:
    held = PackedPairs(tag_bytes=1)
    for tag, key in pairs:
        held.add(bytes([tag]) + key)
    return held


def as_set(held: PackedPairs) -> set[tuple[int, bytes]]:
    return {(tag[0], key) for tag, first, n in held.tags() for key in held.keys(first, n)}


@settings(max_examples=60, deadline=None)
@given(first=pairs_strategy, second=pairs_strategy)
@pytest.mark.usefixtures("small_blocks")
def test_packed_pairs_hold_what_a_set_holds(
    first: list[tuple[int, bytes]], second: list[tuple[int, bytes]]
) -> None:
    held = packed(first)
    assert as_set(held) == set(first)
    assert len(held) == len(set(first))
    assert distinct_keys(held) == len({key for _, key in first})
    run = held.run()
    assert [run[i : i + held.width] for i in range(0, len(run), held.width)] == sorted(
        bytes([t]) + k for t, k in set(first)
    )
    other = packed(second)
    held.update(other)
    assert as_set(held) == set(first) | set(second)
    shifted = packed(first)
    shifted.update(other, retag=lambda tag: bytes([tag[0] + 10]))
    assert as_set(shifted) == set(first) | {(t + 10, k) for t, k in second}
    restored = pickle.loads(pickle.dumps(held))
    assert as_set(restored) == as_set(held)
    restored.add(b"\x09" + bytes(KEY_BYTES))
    assert (9, bytes(KEY_BYTES)) in as_set(restored)


def reference_counts(totals: Totals, records: list[Case], by: tuple[str, ...]) -> dict[Any, int]:
    """Distinct PM per cell, counted the plain way: a Python set of keys per cell."""
    project = totals.projector(by)
    found: dict[Any, set[int]] = {}
    for case in records:
        for cell, key, _ in totals.contributions(case):
            found.setdefault(project(cell), set()).add(key)
    return {cell: len(keys) for cell, keys in found.items()}


@settings(max_examples=25, deadline=None)
@given(drawn=st.lists(cases(), max_size=8))
@pytest.mark.usefixtures("small_blocks")
def test_packed_totals_count_what_sets_of_keys_count(drawn: list[Case]) -> None:
    totals = Totals(WHOLE, by=(*DEFAULT_BY, "component")).add_all(drawn)
    for by in (totals.spec.by, ("period", "target"), ("province",), ("kind", "unit"), ()):
        assert dict(totals.counts(by)) == reference_counts(totals, drawn, by)
    everyone = {key for case in drawn for _, key, _ in totals.contributions(case)}
    assert totals.total() == len(everyone)
    assert {c: set(k) for c, k in totals.rollup().items()} == {
        c: {k for case in drawn for cell, k, _ in totals.contributions(case) if cell == c}
        for c in totals.rollup()
    }


def _units(count: int) -> Iterator[Case]:
    for number in range(count):
        yield atensi.structure(
            {
                "id": f"C-{number}",
                "unit": f"UNIT-{number:04d}",
                "opened_on": "2024-01-02",
                "subject": {"kind": "community", "id": f"K-{number % 7}", "name": "Kampung"},
                "deliveries": [
                    {
                        "id": "D-1",
                        "component": "terapi",
                        "approach": "komunitas",
                        "provider": "S-1",
                        "start": "2024-02-01",
                    }
                ],
            },
            Case,
        )


def test_an_axis_that_outgrows_a_byte_widens_and_loses_nothing() -> None:
    # 300 units do not fit the one byte every axis starts with: the unit axis takes two, the
    # pairs held so far are packed again, and the counts are those of the plain way.
    records = list(_units(300))
    key = bytes(range(16))
    totals = Totals(parse_period("2024"), pseudonym_key=key).add_all(records)
    assert totals._pairs.tag_bytes == len(totals.spec.by) + 1
    assert dict(totals.counts(("unit",))) == reference_counts(totals, records, ("unit",))
    assert totals.total() == 7
    halves = Totals(parse_period("2024"), pseudonym_key=key).add_all(records[:150])
    halves.merge(Totals(parse_period("2024"), pseudonym_key=key).add_all(records[150:]))
    assert halves.counts() == totals.counts()
    assert pickle.loads(pickle.dumps(totals)).counts(("unit",)) == totals.counts(("unit",))


def test_a_partial_pickled_after_its_tables_ships_only_its_counts() -> None:
    # What the tables read (kept cells, every key, the counts) is worked out again after
    # unpickling, not shipped: the pickle is the one made before the tables were read.
    key = bytes(range(16))
    report = ProgrammeReport(WHOLE, pseudonym_key=key)
    report.add_lines((EXAMPLES / "programme.jsonl").read_bytes().splitlines())
    before = pickle.dumps(report)
    tables = report.tables()
    assert report.totals._kept_cells is not None
    after = pickle.dumps(report)
    assert len(after) == len(before)
    shipped = pickle.loads(after)
    assert shipped.tables() == tables
    assert shipped.json_text() == report.json_text()


def test_the_report_holds_packed_keys_not_python_sets() -> None:
    report = ProgrammeReport(WHOLE)
    for line in (EXAMPLES / "programme.jsonl").read_bytes().splitlines():
        report.add_line(line)
    served = next(v for v in report.evaluation.values() if v.id == "out.pm_served")
    assert served.value == report.totals.total()
    pairs = len(report.totals._pairs)
    assert report.totals.nbytes == pairs * report.totals._pairs.width
    assert report.evaluation.nbytes == served.value * (1 + KEY_BYTES)
    assert isinstance(Evaluation(WHOLE).kinds, dict)


def test_valid_case_lines_take_the_quick_path(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = (EXAMPLES / "programme.jsonl").read_bytes().splitlines()
    expected = ProgrammeReport(WHOLE)
    for line in lines:
        expected.add(programme_module.structure_record(json.loads(line)))

    def strict(*args: Any) -> Any:
        raise AssertionError("a valid case line took the strict path")

    monkeypatch.setattr(programme_module, "decode_numbered", strict)
    quick = ProgrammeReport(WHOLE)
    for line in lines[:-1]:  # the last line is a portfolio: not a case
        assert quick.add_line(line) == ()
    monkeypatch.undo()
    assert quick.add_line(lines[-1]) == ()
    assert quick.tables() == expected.tables()
    assert quick.json_text() == expected.json_text()


_JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.text(max_size=8)  # lone surrogates included: msgspec's text falls back
    | st.fractions(max_denominator=10**6)
)
_JSON_VALUES = st.recursive(
    _JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5) | st.integers(0, 99), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(_JSON_VALUES)
@settings(max_examples=300, deadline=None)
def test_report_json_is_the_standard_librarys_text_with_or_without_msgspec(value: Any) -> None:
    """``json_text`` gives msgspec the values as they are; its text is the standard library's."""
    from atensi.reports import render

    plain = render._jsonable(value)
    try:
        expected = json.dumps(plain, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    except TypeError:  # text and number keys in one mapping: neither writer sorts them
        return
    assert render.json_text(value) == expected


@given(
    st.lists(
        st.tuples(st.none() | st.text(max_size=3), st.none() | st.sampled_from(["2024", "a", ""])),
        unique=True,
        max_size=30,
    )
)
def test_table_rows_sort_as_their_cells_text_sorts(cells: list[tuple[str | None, ...]]) -> None:
    """The rows of a table come in the order of ``sort_key`` of their cells (missing last)."""
    from atensi.reports import totals as totals_module
    from atensi.reports.render import sort_key

    rows = [(cell, n) for n, cell in enumerate(cells)]
    expected = sorted(rows, key=lambda row: sort_key(row[0]))
    assert totals_module._in_text_order(rows) == expected
