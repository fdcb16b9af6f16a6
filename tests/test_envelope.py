"""The envelope of ``assess`` (``{"subject", "assessment", "on"?}``) is as strict as an entity.

Issue 15, items 1 and 2: a typo in an envelope key was dropped quietly (the decision came out
``undetermined`` with exit 0), assessment errors lost their ``assessment`` prefix, and they were
not reported at all when the subject was invalid too.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest

from atensi import json_schema
from atensi.batch import assess_record, assess_record_json, compare_item, decide_item
from atensi.model import AssessmentItem
from atensi.rules import Decision
from tests.test_cli import run

ON = dt.date(2024, 6, 1)
SUBJECT = {"kind": "person", "id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"}
ASSESSMENT = {"id": "A", "assessed_on": "2024-05-01", "conditions": [{"group": "gelandangan"}]}


def codes(result: Any) -> list[tuple[tuple[Any, ...], str]]:
    return [(tuple(e["loc"]), e["code"]) for e in result["errors"]]


def test_a_misspelled_envelope_key_is_an_error_with_its_path() -> None:
    item = {"on": "2024-06-01", "subject": SUBJECT, "assesment": ASSESSMENT}
    result = assess_record(item)
    assert not result["ok"]
    assert codes(result) == [(("assesment",), "object.unknown_key")]
    assert isinstance(decide_item(item), tuple)
    assert isinstance(compare_item(item, editions=("atensi-2022", "ars-2025")), tuple)


def test_every_problem_of_the_item_is_reported_with_its_full_path() -> None:
    item = {
        "on": "2024-02-30",
        "subject": {**SUBJECT, "sex": "x"},
        "assessment": {**ASSESSMENT, "notes": 3},
        "extra": 1,
    }
    assert sorted(codes(assess_record(item))) == [
        (("assessment", "notes"), "type.string"),
        (("extra",), "object.unknown_key"),
        (("on",), "date.invalid"),
        (("subject", "sex"), "enum.unknown"),
    ]


def test_an_item_that_is_not_an_object_keeps_its_code() -> None:
    assert codes(assess_record([1, 2], on=ON)) == [((), "item.shape")]
    assert codes(assess_record({"subject": SUBJECT}, on=None)) == [(("on",), "item.no_date")]


def test_a_valid_item_is_decided_and_its_missing_assessment_is_null() -> None:
    result = assess_record({"subject": SUBJECT}, on=ON)
    assert result["ok"]
    text = assess_record_json({"subject": SUBJECT, "assessment": ASSESSMENT, "on": "2024-06-01"})
    assert json.loads(text)["ok"]


def test_the_envelope_and_the_decision_have_published_schemas() -> None:
    item_schema = json_schema(AssessmentItem)
    decision_schema = json_schema(Decision)
    for schema in (item_schema, decision_schema):
        jsonschema.Draft202012Validator.check_schema(schema)
    item = {"on": "2024-06-01", "subject": SUBJECT, "assessment": ASSESSMENT}
    check = jsonschema.Draft202012Validator(item_schema)
    assert check.is_valid(item)
    assert not check.is_valid({**item, "assesment": {}})
    decision = assess_record(item)["decision"]
    assert jsonschema.Draft202012Validator(decision_schema).is_valid(decision)
    full = assess_record(item, show_personal_data=True)["decision"]
    assert jsonschema.Draft202012Validator(decision_schema).is_valid(full)


@pytest.mark.parametrize(("kind", "title"), [("item", "AssessmentItem"), ("decision", "Decision")])
def test_atensi_schema_prints_the_envelope_and_decision_schemas(kind: str, title: str) -> None:
    result = run("schema", kind)
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == title


def test_the_command_line_refuses_a_misspelled_envelope_key(tmp_path: Any) -> None:
    path = tmp_path / "items.jsonl"
    item = {"on": "2024-06-01", "subject": SUBJECT, "assesment": ASSESSMENT}
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    result = run("assess", str(path))
    assert result.returncode == 1
    assert json.loads(result.stdout)["errors"][0]["loc"] == ["assesment"]
