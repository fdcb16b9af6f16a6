"""Official output indicators: PM served per cluster, unit and province against target."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import atensi
from atensi.law import sources
from atensi.model import Case, PmTarget
from atensi.reports import INDICATORS, ProgrammeReport, indicator_rows, parse_period
from atensi.vocab import Evidence

KEY = bytes(range(16))


def case(number: int, unit: str, group: str, domicile: str) -> Case:
    return atensi.structure(
        {
            "id": f"C-{number}",
            "unit": unit,
            "opened_on": "2023-01-02",
            "subject": {
                "kind": "person",
                "id": f"P-{number}",
                "nik": {"reason": "belum_terdaftar"},
                "name": "Penerima",
                "domicile": domicile,
                "conditions": [{"group": group}],
            },
            "deliveries": [
                {
                    "id": "D-1",
                    "component": "terapi",
                    "approach": "keluarga",
                    "provider": unit,
                    "start": "2023-03-01",
                }
            ],
        },
        Case,
    )


def target(**axes: Any) -> PmTarget:
    return atensi.structure(axes, PmTarget)


RECORDS = [
    case(1, "HANDAYANI", "anak_jalanan", "317101"),
    case(2, "HANDAYANI", "anak_terlantar", "317101"),
    case(3, "HANDAYANI", "anak_jalanan", "320101"),
    case(4, "KARTINI", "lanjut_usia_terlantar", "330101"),
]


def rows(report: ProgrammeReport, targets: list[PmTarget], indicator: str) -> list[tuple[Any, ...]]:
    return [
        (r.period, r.value, r.served, r.target, r.realisation)
        for r in indicator_rows(report.totals, targets)
        if r.indicator == indicator
    ]


def test_pm_served_against_target_as_the_year_end_releases_give_it() -> None:
    # Scenario "2023 release, in small": children 3 served against 2 planned (150%), the
    # elderly 1 against 4 (25%), disability planned 5 and none served (0%, not left out).
    report = ProgrammeReport(parse_period("2023"), pseudonym_key=KEY).add_all(RECORDS)
    targets = [
        target(period="2023", target="anak", pm=2),
        target(period="2023", target="lanjut_usia", pm=4),
        target(period="2023", target="penyandang_disabilitas", pm=5),
        target(period="2023", unit="HANDAYANI", pm=3),
        target(province="31", pm=4),  # over the whole report
        target(period="2023", target="anak", unit="HANDAYANI", pm=9),  # two axes: not these
    ]
    assert rows(report, targets, "ind.pm_per_cluster") == [
        ("2023", "anak", 3, 2, Fraction(3, 2)),
        ("2023", "lanjut_usia", 1, 4, Fraction(1, 4)),
        ("2023", "penyandang_disabilitas", 0, 5, Fraction(0)),
    ]
    assert rows(report, targets, "ind.pm_per_unit") == [
        ("2023", "HANDAYANI", 3, 3, Fraction(1)),
        ("2023", "KARTINI", 1, None, None),  # no target: no realisation, never 0
    ]
    assert rows(report, targets, "ind.pm_per_province") == [
        ("2023", "31", 2, None, None),
        ("2023", "32", 1, None, None),
        ("2023", "33", 1, None, None),
        (None, "31", 2, 4, Fraction(1, 2)),
    ]


def test_indicators_are_graded_and_written_beside_the_measures() -> None:
    assert {i.evidence for i in INDICATORS} == {Evidence.SECONDARY}
    assert all(i.citation.source for i in INDICATORS)
    # One source for all of them: the tables give it once per row, as the grade.
    assert len({i.citation for i in INDICATORS}) == 1
    report = ProgrammeReport(parse_period("2023"), pseudonym_key=KEY).add_all(RECORDS)
    table = report.tables()["indicators.csv"]
    assert table.startswith("indicator,period,value,served_pm,target_pm,realisation,")
    assert "ind.pm_per_unit,2023,KARTINI,1,,,PM terlayani per unit terhadap target," in table
    # Every row names the grade and the catalogue entry a reader can open.
    source = INDICATORS[0].citation.source
    assert table.splitlines()[0].endswith(",evidence,source")
    assert all(line.endswith(f",secondary,{source}") for line in table.splitlines()[1:])
    assert source in {entry.id for entry in sources()}
    document = json.loads(report.json_text())
    assert document["indicators"][0]["evidence"] == "secondary"
    assert document["indicators"][0]["source"] == source


def test_an_indicator_on_an_axis_not_kept_is_left_out() -> None:
    report = ProgrammeReport(parse_period("2023"), by=("period", "target_group"), pseudonym_key=KEY)
    report.add_all(RECORDS)
    assert {r.indicator for r in indicator_rows(report.totals)} == {"ind.pm_per_cluster"}
