"""The fast JSON text of batch results is exactly ``json.dumps`` of the documented dictionaries."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atensi
from atensi.batch import assess_record, assess_record_json, decide_item, validate_record
from atensi.law import instrument_in_force
from atensi.model import Community, Family, Group, Person, subject_kind
from atensi.rules import Decision, assess_eligibility, decision_from_json
from atensi.rules import decision as decision_module
from tests.strategies_model import JSON_LIKE, assessments, persons

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
DATES = (dt.date(2021, 6, 1), dt.date(2024, 6, 1), dt.date(2026, 1, 1))


def _items() -> list[Any]:
    lines = (EXAMPLES / "assessments.jsonl").read_text(encoding="utf-8").splitlines()
    items: list[Any] = [json.loads(line) for line in lines]
    items += json.loads((EXAMPLES / "cases.json").read_text(encoding="utf-8"))
    # Without their own date, the items are decided on each of DATES (three editions).
    return items + [{k: v for k, v in i.items() if k != "on"} for i in items]


def _same_text(item: Any, on: dt.date | None) -> None:
    for show, level in ((False, "full"), (False, "facts"), (True, "full")):
        data = assess_record(item, on=on, show_personal_data=show, redaction=level)
        for ascii_only in (False, True):
            fast = assess_record_json(
                item, on=on, show_personal_data=show, ensure_ascii=ascii_only, redaction=level
            )
            assert fast == json.dumps(data, ensure_ascii=ascii_only)


@pytest.mark.parametrize("on", DATES, ids=str)
def test_examples_give_the_text_of_json_dumps(on: dt.date) -> None:
    for item in _items():
        _same_text(item, on)


def test_the_memo_gives_the_same_text_when_it_is_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    for memo in decision_module._FRAGMENTS.values():
        monkeypatch.setattr(memo, "limit", 3)
    for item in _items()[:200]:
        _same_text(item, DATES[1])


def _id(person: Person) -> str:
    return person.id


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        persons(),
        st.builds(
            Family, id=st.just("F-1"), members=st.lists(persons(), max_size=2, unique_by=_id)
        ),
        st.builds(
            Group,
            id=st.just("G-1"),
            name=st.just("Kelompok"),
            members=st.lists(persons(), max_size=2, unique_by=_id),
        ),
        st.builds(Community, id=st.just("K-1"), name=st.just("Kampung")),
    ),
    st.none() | assessments(),
    st.sampled_from(DATES),
)
def test_generated_subjects_give_the_text_of_json_dumps(
    subject: Any, assessment: Any, on: dt.date
) -> None:
    raw = {"kind": subject_kind(subject), **atensi.unstructure(subject)}
    item = {
        "subject": raw,
        "assessment": None if assessment is None else atensi.unstructure(assessment),
    }
    _same_text(item, on)


def _decision_with_odd_text() -> Decision:
    person = atensi.structure(
        {
            "id": "P-1",
            "nik": "3171014103900001",
            "name": "Siti",
            "birth_date": {"value": "1950-01-01"},
        },
        atensi.model.Person,
    )
    assessment = atensi.structure(
        {
            "id": "A-1",
            "assessed_on": "2024-01-01",
            "conditions": [{"group": "lanjut_usia_terlantar"}],
        },
        atensi.model.Assessment,
    )
    data = assess_eligibility(person, assessment, on=dt.date(2024, 6, 1)).to_json()
    # Non-ASCII text, quotes and control characters in every string a finding carries.
    data["findings"][0]["rule_id"] = 'elig.ü"\n'
    data["findings"][0]["facts"] = {"naïve": "é", "n": 1, "b": True, "none": None}
    data["findings"][1]["citation"]["source"] = "§ 3 — \t"
    data["notes"] = [{"id": "catatan ✓", "en": "note ✓"}]
    return decision_from_json(data)


@pytest.mark.parametrize("redact", [False, True])
@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_decision_text_escapes_like_json_dumps(redact: bool, ensure_ascii: bool) -> None:
    decision = _decision_with_odd_text()
    for _ in range(2):  # the second time from the memo
        text = decision.to_json_text(redact=redact, ensure_ascii=ensure_ascii)
        assert text == json.dumps(decision.to_json(redact=redact), ensure_ascii=ensure_ascii)


def test_a_decision_without_findings_or_targets() -> None:
    edition = instrument_in_force(dt.date(2024, 6, 1))
    decision = Decision(
        "eligibility",
        atensi.rules.Outcome.UNDETERMINED,
        dt.date(2024, 6, 1),
        edition.id,
        edition.instrument_ids,
        (),
    )
    for ensure_ascii in (False, True):
        text = decision.to_json_text(redact=True, ensure_ascii=ensure_ascii)
        assert text == json.dumps(decision.to_json(redact=True), ensure_ascii=ensure_ascii)


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {"subject": st.one_of(JSON_LIKE, st.fixed_dictionaries({"kind": st.just("person")}))},
        optional={"assessment": JSON_LIKE, "on": JSON_LIKE},
    )
    | JSON_LIKE
)
def test_any_item_gives_the_text_of_json_dumps_and_never_raises(item: Any) -> None:
    for show in (False, True):
        expected = json.dumps(
            assess_record(item, on=dt.date(2024, 6, 1), show_personal_data=show),
            ensure_ascii=False,
        )
        text = assess_record_json(item, on=dt.date(2024, 6, 1), show_personal_data=show)
        assert text == expected


@settings(max_examples=100, deadline=None)
@given(
    st.fixed_dictionaries(
        {"subject": st.one_of(JSON_LIKE, st.fixed_dictionaries({"kind": st.just("person")}))},
        optional={"assessment": JSON_LIKE, "on": JSON_LIKE},
    )
    | JSON_LIKE,
    st.sampled_from([None, "pp39-2012", "ars-2025"]),
)
def test_any_item_compared_or_pinned_never_raises(item: Any, pin: str | None) -> None:
    from atensi.batch import Law, compare_record_json

    law = Law(pin)
    data = json.loads(compare_record_json(item, editions=("atensi-2021", "ars-2025"), law=law))
    assert data["ok"] is False or data["comparison"]["editions"] == ["atensi-2021", "ars-2025"]
    result = assess_record(item, on=dt.date(2024, 6, 1), law=law)
    if result["ok"] and pin is not None:
        assert result["decision"]["edition"] == pin


def test_generated_items_compare_under_every_edition() -> None:
    from atensi.batch import compare_item
    from atensi.law import EDITION_IDS
    from atensi.rules import EditionComparison

    for item in _items()[:50]:
        result = compare_item(item, editions=EDITION_IDS, on=dt.date(2024, 6, 1))
        if not isinstance(result, EditionComparison):
            continue
        assert [d.edition for d in result.decisions] == list(EDITION_IDS)
        for difference in result.differences:
            assert len({o for _, o in difference.outcomes}) > 1


# --- One record never stops a batch (issue 16, item 1) --------------------------------------

EDGE_DATES = st.sampled_from(["1800-01-01", "1800-12-31", "2199-01-01", "2199-12-31"])


def _swap_dates(value: Any, dates: list[str]) -> Any:
    """The record with every date string replaced, in turn, by one of ``dates``."""
    if isinstance(value, dict):
        return {k: _swap_dates(v, dates) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap_dates(v, dates) for v in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-" and dates:
        return dates.pop()
    return value


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(persons(), st.builds(Community, id=st.just("K-1"), name=st.just("Kampung"))),
    st.none() | assessments(),
    st.lists(EDGE_DATES, max_size=12),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31)),
)
def test_valid_records_never_reach_the_internal_error_guard(
    subject: Any, assessment: Any, dates: list[str], on: dt.date
) -> None:
    """Records built from valid ones, with dates from the whole accepted range swapped in."""
    item = _swap_dates(
        {
            "subject": {"kind": subject_kind(subject), **atensi.unstructure(subject)},
            "assessment": None if assessment is None else atensi.unstructure(assessment),
        },
        dates,
    )
    for result in (
        assess_record(item, on=on),
        json.loads(assess_record_json(item, on=on)),
        validate_record(item["subject"] | {"kind": None}, Person),
    ):
        codes = {e["code"] for e in result.get("errors", [])}
        assert "record.internal_error" not in codes


ITEM = {
    "subject": {
        "kind": "person",
        "id": "P-1",
        "nik": "3171014103900001",
        "name": "Rahasia Sekali",
        "birth_date": {"value": "1990-03-01"},
    },
    "assessment": None,
}


@pytest.mark.parametrize(
    "where", ["structure", "assess_eligibility", "signature", "to_json", "to_json_text"]
)
def test_a_defect_for_one_record_is_that_records_error(
    monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Any exception becomes ``record.internal_error``: no traceback, no input, the next goes on."""
    from atensi import batch
    from atensi.rules import memo

    secret = "Rahasia Sekali 3171014103900001"

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"year 10000 is out of range for {secret}")

    # A fresh memo: a decision of the same signature made earlier would answer without the rules.
    monkeypatch.setattr(batch, "MEMO", memo.DecisionMemo())
    if where == "structure":
        monkeypatch.setattr(batch, where, broken)
    elif where == "assess_eligibility":
        monkeypatch.setattr(batch, where, broken)
        monkeypatch.setattr(memo, where, broken)
    elif where == "signature":
        monkeypatch.setattr(memo, "_signature_function", lambda derived: broken)
    else:
        monkeypatch.setattr(Decision, where, broken)
    on = dt.date(2024, 6, 1)
    for show in (False, True):
        if where == "signature" and show:
            continue  # nothing redacted: the memo is not asked
        results = []
        if where != "to_json_text":
            results.append(assess_record(ITEM, on=on, show_personal_data=show))
        if where != "to_json":
            results.append(json.loads(assess_record_json(ITEM, on=on, show_personal_data=show)))
        if where == "structure":
            results.append(validate_record(ITEM["subject"], Person, show_personal_data=show))
        for result in results:
            assert result["ok"] is False
            [error] = result["errors"]
            assert error["code"] == "record.internal_error"
            assert error["ctx"]["exception"] == "ValueError"
            # Where in atensi it happened (module, function, line): what a report needs.
            assert set(error["ctx"]) == {"exception", "where"}
            assert error["ctx"]["where"].startswith("atensi.")
            text = json.dumps(result)
            assert "Rahasia" not in text
            assert "3171014103900001" not in text
            assert "Traceback" not in text
    if where in ("structure", "assess_eligibility"):
        decided = decide_item(ITEM, on=on)
        assert isinstance(decided, tuple)
        assert decided[0].code == "record.internal_error"
        assert "Internal" not in decided[0].message_id  # fully Indonesian


def test_line_functions_read_a_line_as_the_command_line_does() -> None:
    from atensi.batch import assess_line_json, validate_line_json

    broken = (EXAMPLES / "persons-broken.jsonl").read_bytes().splitlines()
    for line in broken[:10]:
        expected = json.dumps(validate_record(json.loads(line), Person), ensure_ascii=False)
        assert validate_line_json(line, Person) == expected
        assert validate_line_json(line.decode(), Person) == expected
    assert validate_line_json(b"  \n", Person) is None
    for bad, code in (
        (b"\xff\xfe", "input.not_utf8"),
        (b'{"a": NaN}', "input.not_json"),
        (b'{"a": 1, "a": 2}', "input.duplicate_key"),
        (b"{oops", "input.not_json"),
    ):
        for text in (assess_line_json(bad, number=4), validate_line_json(bad, Person, number=4)):
            assert text is not None
            error = json.loads(text)["errors"][0]
            assert error["code"] == code
            assert error["msg"]["en"].startswith("line 4: ")


def test_lines_decoded_in_threads_keep_their_own_problems() -> None:
    # Each thread reuses one decoder (made once, not per line); a decoder keeps a line's
    # duplicate-key and NaN flags until it is asked, so threads must not share one.
    from concurrent.futures import ThreadPoolExecutor

    from atensi.boundary._lines import decode_numbered

    lines = [b'{"a": 1, "b": {"c": [1, 2]}}', b'{"a": 1, "a": 2}', b'{"a": NaN}', b"{oops"] * 400
    numbers = range(1, len(lines) + 1)
    expected = [decode_numbered(line, n) for line, n in zip(lines, numbers, strict=True)]
    assert [getattr(e, "code", None) for e in expected[:4]] == [
        None,
        "input.duplicate_key",
        "input.not_json",
        "input.not_json",
    ]
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(decode_numbered, lines, numbers)) == expected


def test_warnings_are_a_valid_results_last_key() -> None:
    # The command line counts results with warnings by their text's end (``]}``), unparsed.
    from atensi.batch import assess_line_json, compare_record_json, validate_line_json

    texts = []
    for line in (EXAMPLES / "assessments.jsonl").read_bytes().splitlines():
        texts.append(assess_line_json(line))
        texts.append(compare_record_json(json.loads(line), editions=("atensi-2021", "ars-2025")))
    for line in (EXAMPLES / "persons.jsonl").read_bytes().splitlines():
        texts.append(validate_line_json(line, Person))
    results = [(text, json.loads(text)) for text in texts if text is not None]
    valid = [(text, data) for text, data in results if data["ok"]]
    warned = [(text, data) for text, data in valid if "warnings" in data]
    assert len(valid) > 1000
    assert len(warned) > 50
    for text, data in valid:
        assert text.startswith('{"ok": true')
        assert text.endswith("]}") == ("warnings" in data)
        assert "warnings" not in data or list(data)[-1] == "warnings"
