"""``assess_lines_json``: many lines at once, each answered as ``assess_line_json`` answers it.

The command line's ``assess`` reads its batches through it; an engine that maps a function over
a partition may too. What a user relies on: the same text for every line (bad lines, blank
lines, options and the fallbacks noted included), in order, lazily, whatever the grouping.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import batch
from atensi.boundary import _compiled, fallbacks
from atensi.errors import NoInstrumentInForce
from atensi.model import AssessmentItem
from atensi.rules.memo import DecisionMemo
from tests.line_mutations import example_lines
from tests.strategies_model import JSON_LIKE

ON = dt.date(2024, 6, 1)
DATES = (dt.date(2021, 6, 1), ON, dt.date(2026, 1, 1))

#: Lines of every kind: valid items, broken ones, and lines no item is made of.
EXTRA: list[bytes] = [
    b"   ",
    b"",
    b"{oops",
    b"\xff\xfe",
    b"[1, 2]",
    b'{"subject": {"kind": "person"}, "subject": {}}',
    b'{"subject": {"kind": "community", "id": "K", "name": "Kampung"}, "assessment": null}',
    json.dumps(
        {
            "on": "2010-01-01",  # before PP 39/2012: no instrument in force
            "subject": {"kind": "community", "id": "K", "name": "Kampung"},
            "assessment": None,
        }
    ).encode(),
    b"NaN",
    '{"subject": "\ud800"}'.encode("utf-8", "surrogatepass"),
]

OPTIONS: list[dict[str, Any]] = [
    {"on": ON},
    {"on": None},
    {"on": ON, "redaction": "facts", "ensure_ascii": True},
    {"on": ON, "show_personal_data": True},
    {"on": ON, "law": batch.Law("ars-2025")},
    {"on": ON, "redaction": "bogus"},  # the caller's defect: each line says so
]


def _lines() -> list[bytes]:
    lines = example_lines("assessments.jsonl")[::5] + example_lines("assessments-broken.jsonl")
    return lines + EXTRA + example_lines("persons.jsonl")[:5]


def _one_by_one(lines: list[Any], numbers: list[int] | None, options: dict[str, Any]) -> list[Any]:
    if numbers is None:
        return [batch.assess_line_json(line, **options) for line in lines]
    pairs = zip(lines, numbers, strict=True)
    return [batch.assess_line_json(line, number=n, **options) for line, n in pairs]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(f"{k}" for k in o))
def test_each_line_gets_the_text_of_assess_line_json(options: dict[str, Any]) -> None:
    lines = _lines()
    numbers = [2 * n + 1 for n in range(len(lines))]  # numbers need not follow on
    assert list(batch.assess_lines_json(lines, numbers=numbers, **options)) == _one_by_one(
        lines, numbers, options
    )
    assert list(batch.assess_lines_json(lines, **options)) == _one_by_one(lines, None, options)


def test_text_lines_and_byte_lines_alike() -> None:
    lines = [line.decode("utf-8", "surrogateescape") for line in _lines()]
    assert list(batch.assess_lines_json(lines, on=ON)) == _one_by_one(lines, None, {"on": ON})


def test_the_same_without_the_extra() -> None:
    lines = _lines()
    expected = _one_by_one(lines, None, {"on": ON})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_compiled, "_FOUND", [None])
        assert list(batch.assess_lines_json(lines, on=ON)) == expected


@pytest.mark.parametrize("held", [1, 3, 64])
def test_the_grouping_changes_nothing(held: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _lines()
    monkeypatch.setattr(batch, "_HELD", held)
    assert list(batch.assess_lines_json(lines, on=ON)) == _one_by_one(lines, None, {"on": ON})


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(_lines()) | JSON_LIKE.map(json.dumps) | st.binary(max_size=30),
        max_size=12,
    )
)
def test_any_lines_are_answered_alike(lines: list[Any]) -> None:
    assert list(batch.assess_lines_json(lines, on=ON)) == _one_by_one(lines, None, {"on": ON})


def test_the_fallbacks_noted_are_those_of_one_line_at_a_time() -> None:
    lines = _lines()
    with fallbacks() as alone:
        _one_by_one(lines, None, {"on": None})
    with fallbacks() as together:
        list(batch.assess_lines_json(lines, on=None))
    assert sorted(together) == sorted(alone)
    assert alone  # the broken and undated lines leave the quick path


def test_valid_lines_take_the_quick_path() -> None:
    lines = example_lines("assessments.jsonl")
    with fallbacks() as log:
        texts = list(batch.assess_lines_json(lines, on=ON))
    assert log == []
    assert all(text is not None and text.startswith('{"ok": true') for text in texts)


class _FaultyMemo(DecisionMemo):
    """A memo with a defect for one subject: raises where it would answer."""

    def __init__(self, faulty: str) -> None:
        super().__init__()
        self.faulty = faulty

    def text(self, subject: Any, *args: Any, **kwargs: Any) -> str:
        if subject.id == self.faulty:
            raise RuntimeError("a defect")
        return super().text(subject, *args, **kwargs)

    def texts(self, records: Any, **kwargs: Any) -> list[str]:
        return [self.text(s, a, on=on, **kwargs) for s, a, on in records]


def _faulty_line(lines: list[bytes], faulty: int, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = list(batch.assess_lines_json(lines, on=ON))
    assert texts == _one_by_one(lines, None, {"on": ON})
    decoded = [json.loads(t or "null") for t in texts]
    (error,) = decoded[faulty]["errors"]
    assert error["code"] == "record.internal_error"
    assert error["ctx"]["exception"] == "RuntimeError"
    assert all(d["ok"] for n, d in enumerate(decoded) if n != faulty)


def test_a_defect_in_deciding_is_reported_for_its_line_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A defect in deciding one line is that line's ``record.internal_error``, not hidden."""
    lines = example_lines("assessments.jsonl")[:10]
    monkeypatch.setattr(batch, "MEMO", _FaultyMemo(json.loads(lines[4])["subject"]["id"]))
    _faulty_line(lines, 4, monkeypatch)


def test_a_defect_in_the_warnings_is_reported_for_its_line_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = example_lines("assessments.jsonl")[:10]
    faulty = json.loads(lines[6])["subject"]["id"]
    original = batch.warnings_of  # type: ignore[attr-defined]  # imported there

    def broken(item: Any) -> Any:
        if item.subject.id == faulty:
            raise RuntimeError("a defect")
        return original(item)

    monkeypatch.setattr(batch, "warnings_of", broken)
    _faulty_line(lines, 6, monkeypatch)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"redact": "facts", "ensure_ascii": True},
        {"redact": "none"},
        {"edition": "ars-2025"},
        {"in_force_dates": {"permensos-7-2022": dt.date(2025, 1, 1)}},  # another edition
    ],
    ids=str,
)
def test_the_memo_gives_many_the_texts_it_gives_one(options: dict[str, Any]) -> None:
    from atensi.boundary import structure_json

    items = [structure_json(line, AssessmentItem) for line in example_lines("assessments.jsonl")]
    records = [(i.subject, i.assessment, d) for i in items[::3] for d in DATES]
    memo = DecisionMemo(limit=64)  # emptied on the way: still the same texts
    one = [DecisionMemo().text(s, a, on=d, **options) for s, a, d in records]
    assert memo.texts(records, **options) == one
    assert memo.texts(records, **options) == one  # now from the memo


def test_the_memo_keeps_each_option_apart() -> None:
    """A text kept for one option set is never given for another (here: ``ensure_ascii``)."""
    from atensi.boundary import structure_json

    items = [structure_json(line, AssessmentItem) for line in example_lines("assessments.jsonl")]
    records = [(i.subject, i.assessment, ON) for i in items[::7]]
    memo = DecisionMemo()
    plain = memo.texts(records)
    for key in memo._texts:
        memo._texts[key] = "kept for ensure_ascii=False"
    assert memo.texts(records, ensure_ascii=True) == plain  # the examples' texts are ASCII
    assert set(memo.texts(records)) == {"kept for ensure_ascii=False"}


def test_the_memo_raises_for_many_what_it_raises_for_one() -> None:
    from atensi.boundary import structure_json

    item = structure_json(example_lines("assessments.jsonl")[0], AssessmentItem)
    early = dt.date(2010, 1, 1)  # before PP 39/2012
    with pytest.raises(NoInstrumentInForce):
        DecisionMemo().text(item.subject, item.assessment, on=early)
    with pytest.raises(NoInstrumentInForce):
        DecisionMemo().texts([(item.subject, item.assessment, early)])


def test_it_reads_lazily() -> None:
    line = example_lines("assessments.jsonl")[0]
    endless = itertools.repeat(line)  # a stream that never ends: the first texts still come
    first = list(itertools.islice(batch.assess_lines_json(endless, on=ON), 3))
    assert first == [batch.assess_line_json(line, on=ON)] * 3


def test_numbers_must_match_the_lines() -> None:
    lines = example_lines("assessments.jsonl")[:3]
    with pytest.raises(ValueError, match=r"shorter|longer"):
        list(batch.assess_lines_json(lines, numbers=[1, 2], on=ON))
