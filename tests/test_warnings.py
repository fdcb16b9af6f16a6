"""Warnings: valid records may carry non-fatal findings; they never make a record invalid.

Issue 15, item 5 (a NIK of a woman born 1990-03-01 on the record of a man born 1985 validated
with exit 0 and no word) and item 6 (retired region codes are valid, with a warning).
"""

from __future__ import annotations

import json
import pathlib
import re
from typing import Any

import atensi
from atensi.batch import assess_record, assess_record_json, validate_record
from atensi.boundary import WARNING_CODES, warnings_of
from atensi.model import Person
from tests.test_cli import run

ROOT = pathlib.Path(__file__).resolve().parents[1]
MAN_1985 = {
    "id": "P",
    "nik": "3171014103900001",  # a woman born 1 March (19)90
    "name": "Budi",
    "sex": "laki_laki",
    "birth_date": {"value": "1985-06-02"},
}
RETIRED = next(c for c in atensi.regions.all_codes() if atensi.regions.is_retired(c))


def codes(found: Any) -> list[tuple[tuple[Any, ...], str]]:
    return [(tuple(w["loc"]), w["code"]) for w in found]


def test_a_nik_that_contradicts_the_record_is_a_warning_not_an_error() -> None:
    results = list(atensi.validate_many([MAN_1985], Person))
    assert results[0].ok
    assert [(w.loc, w.code) for w in results[0].warnings] == [
        (("birth_date",), "nik.birth_date_mismatch"),
        (("sex",), "nik.sex_mismatch"),
    ]
    result = validate_record(MAN_1985, Person)
    assert result["ok"]
    assert codes(result["warnings"]) == [
        (("birth_date",), "nik.birth_date_mismatch"),
        (("sex",), "nik.sex_mismatch"),
    ]


def test_only_what_the_record_knows_of_the_birth_date_is_compared() -> None:
    year_only = {
        **MAN_1985,
        "sex": "perempuan",
        "birth_date": {"value": "1990-12-31", "precision": "tahun"},
    }
    assert warnings_of(atensi.structure(year_only, Person)) == ()
    month = {**year_only, "birth_date": {"value": "1990-04-01", "precision": "bulan"}}
    assert [w.code for w in warnings_of(atensi.structure(month, Person))] == [
        "nik.birth_date_mismatch"
    ]


def test_a_retired_region_code_is_a_warning_where_it_is() -> None:
    person = {"id": "P", "nik": {"reason": "lainnya"}, "name": "A", "domicile": RETIRED}
    item = {"on": "2024-06-01", "subject": {"kind": "family", "id": "F", "members": [person]}}
    result = assess_record(item)
    assert result["ok"]
    assert codes(result["warnings"]) == [(("subject", "members", 0, "domicile"), "region.retired")]
    assert assess_record_json(item) == json.dumps(result, ensure_ascii=False)


def test_warnings_quote_no_personal_data_and_are_bilingual() -> None:
    result = validate_record(MAN_1985, Person, show_personal_data=True)
    text = json.dumps(result)
    for secret in ("3171014103900001", "1985", "1990", "Budi"):
        assert secret not in text
    for warning in result["warnings"]:
        assert warning["msg"]["id"] != warning["msg"]["en"]
        assert "input" not in warning


def test_the_command_line_reports_warnings_and_exits_0(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(MAN_1985) + "\n", encoding="utf-8")
    result = run("validate", str(path), "--kind", "person")
    assert result.returncode == 0
    assert [w["code"] for w in json.loads(result.stdout)["warnings"]] == [
        "nik.birth_date_mismatch",
        "nik.sex_mismatch",
    ]
    item = tmp_path / "i.jsonl"
    item.write_text(json.dumps({"subject": {"kind": "person", **MAN_1985}}) + "\n", "utf-8")
    explained = run("explain", str(item), "--on", "2024-06-01")
    assert explained.returncode == 0
    assert "  ? subject.sex: " in explained.stdout


def test_every_warning_code_is_in_the_warning_catalogue() -> None:
    catalogue = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    section = catalogue[catalogue.index("## Warnings") :]
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", section))
    assert set(WARNING_CODES) <= documented
