"""People without a NIK: the matching key, and reports that count with and without it."""

from __future__ import annotations

import json
import pathlib
import sys
from typing import Any

import pytest

import atensi
from atensi import cli
from atensi.model import Case, Person
from atensi.reports import ProgrammeReport, parse_period
from atensi.rules.beneficiaries import beneficiaries
from atensi.rules.matching import (
    MatchingUnavailable,
    match_key,
    normalised_name,
    suspected_duplicates,
)

KEY = bytes(range(16))
YEAR = parse_period("2024")


def person(**extra: Any) -> dict[str, Any]:
    return {
        "kind": "person",
        "id": "P-1",
        "nik": {"reason": "belum_terdaftar"},
        "name": "Siti Aminah",
        "birth_date": {"value": "2012-05-03"},
        "domicile": "317101",
        **extra,
    }


def case(number: int, subject: dict[str, Any]) -> Case:
    return atensi.structure(
        {
            "id": f"C-{number}",
            "unit": "S-1",
            "opened_on": "2024-01-02",
            "subject": subject,
            "deliveries": [
                {
                    "id": "D-1",
                    "component": "terapi",
                    "approach": "keluarga",
                    "provider": "S-1",
                    "start": "2024-02-01",
                }
            ],
        },
        Case,
    )


def test_names_are_written_one_way() -> None:
    assert normalised_name("SITI  AMINAH") == normalised_name(" siti aminah,") == "siti aminah"
    assert normalised_name("Sití Âminah") == "siti aminah"
    assert normalised_name("Aminah Siti") != normalised_name("Siti Aminah")
    assert normalised_name("!!!") == ""


def test_the_key_needs_all_three_parts_and_no_identity_of_its_own() -> None:
    def key(**extra: Any) -> str | None:
        data = person(**extra)
        del data["kind"]
        return match_key(atensi.structure(data, Person))

    assert key() == "siti aminah|2012-05-03|3171"
    assert key(domicile="3171") == "siti aminah|2012-05-03|3171"
    assert key(birth_date={"value": "2012-01-01", "precision": "bulan"}) == "siti aminah|~2012|3171"
    assert key(domicile=None) is None
    assert key(birth_date=None) is None
    assert key(registry_id="DTKS-1") is None
    assert key(nik="3171014103900001") is None


@pytest.mark.parametrize(
    ("name", "second", "merged"),
    [
        # Scenario: one child, two records at two Sentra, the name typed in two cases.
        ("one child recorded twice", {"id": "P-2", "name": "SITI  AMINAH"}, 1),
        # A letter apart: a suspicion for a person to look at, never a merge.
        ("a letter apart", {"id": "P-2", "name": "Siti Aminha"}, 0),
        # Born the same year, one birth known to the day: not the same key.
        (
            "an estimate and a date",
            {"id": "P-2", "birth_date": {"value": "2012-01-01", "precision": "tahun"}},
            0,
        ),
        # Another city.
        ("another regency", {"id": "P-2", "domicile": "317201"}, 0),
        # The second record has a registry id: it is known by it.
        ("a registry id", {"id": "P-2", "registry_id": "DTKS-9"}, 0),
    ],
)
def test_reports_count_with_and_without_the_match(
    name: str, second: dict[str, Any], merged: int
) -> None:
    records = [case(1, person()), case(2, person(**second))]
    plain = ProgrammeReport(YEAR, pseudonym_key=KEY).add_all(records)
    matched = ProgrammeReport(YEAR, pseudonym_key=KEY, match=True).add_all(records)
    assert plain.totals.total() == 2
    assert plain.totals.matching() is None
    assert "pm_matching.csv" not in plain.tables()
    assert matched.totals.total() == 2 - merged
    found = matched.totals.matching()
    assert found is not None
    assert found["pm"] == 2 - merged
    assert found["pm_without_merge"] == 2
    assert found["pm_merged"] == merged
    served = {v.id: v.value for v in matched.evaluation.values()}["out.pm_served"]
    assert served == 2 - merged
    assert json.loads(matched.json_text())["matching"] == found


def test_a_record_without_a_key_keeps_its_own_id() -> None:
    data = person(domicile=None)
    del data["kind"]
    subject = atensi.structure(data, Person)
    assert beneficiaries(subject, match=True)[0].identity == "person:P-1"


def test_matched_totals_merge_across_partials() -> None:
    records = [case(1, person()), case(2, person(id="P-2", name="siti aminah"))]
    whole = ProgrammeReport(YEAR, pseudonym_key=KEY, match=True).add_all(records)
    first = ProgrammeReport(YEAR, pseudonym_key=KEY, match=True).add_all(records[:1])
    first.merge(ProgrammeReport(YEAR, pseudonym_key=KEY, match=True).add_all(records[1:]))
    assert first.tables() == whole.tables()
    assert (
        first.totals.matching()
        == whole.totals.matching()
        == {
            "pm": 1,
            "pm_without_merge": 2,
            "pm_matched": 2,
            "pm_merged": 1,
        }
    )


def test_the_command_line_says_how_many_were_matched_and_names_no_one(
    tmp_path: pathlib.Path,
) -> None:
    source = tmp_path / "cases.jsonl"
    records = [
        {**atensi.unstructure(case(n, person(id=f"P-{n}", name=name)))}
        for n, name in ((1, "Siti Aminah"), (2, "SITI AMINAH"), (3, "Budi Santoso"))
    ]
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        code = cli.main(
            [
                "report",
                str(source),
                "--out",
                str(out),
                "--period",
                "2024",
                "--format",
                "csv,json",
                "--match-without-nik",
                "--jobs",
                jobs,
            ]
        )
        assert code == 0
        table = (out / "pm_matching.csv").read_bytes()
        assert table == b"pm,pm_without_merge,pm_matched,pm_merged\r\n2,3,3,1\r\n"
        for written in out.iterdir():
            text = written.read_text(encoding="utf-8").lower()
            assert not {"siti", "aminah", "budi"} & set(text.replace(",", " ").split())
            assert "aminah" not in text


def _people(*rows: tuple[str, dict[str, Any]]) -> list[tuple[int, Person]]:
    out = []
    for index, (name, extra) in enumerate(rows):
        data = person(id=f"P-{index}", name=name, **extra)
        del data["kind"]
        out.append((index, atensi.structure(data, Person)))
    return out


def test_suspected_duplicates_are_listed_for_a_person_to_look_at() -> None:
    people = _people(
        ("Siti Aminah", {}),
        ("Siti Aminha", {}),  # a letter apart: suspected
        ("SITI AMINAH", {}),  # the same key as the first: counted once, not suspected
        ("Siti Aminha", {"domicile": "317201"}),  # another regency: never compared
        ("Siti Aminha", {"birth_date": {"value": "2013-05-03"}}),  # another year
        ("Siti Aminha", {"nik": "3171014103900001"}),  # has a NIK
        ("Budi Santoso", {}),  # not alike
    )
    found = suspected_duplicates(people)
    assert [(s.first, s.second) for s in found] == [(0, 1), (1, 2)]
    assert all(s.score >= 90 and s.same_birth_day for s in found)
    assert suspected_duplicates(people, threshold=95) == []
    estimate = _people(
        ("Siti Aminah", {}),
        ("Siti Aminha", {"birth_date": {"value": "2012-01-01", "precision": "tahun"}}),
    )
    assert [s.same_birth_day for s in suspected_duplicates(estimate)] == [False]


def test_suspected_duplicates_need_the_match_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidfuzz", None)
    with pytest.raises(MatchingUnavailable) as info:
        suspected_duplicates([])
    assert info.value.code == "matching.unavailable"
