"""Named report scenarios: small programmes with the totals, measures and sums they must give.

Each scenario is JSON-ready data (kind ``report``): a ``period`` (as :func:`parse_period` reads
it), optional ``granularity``, ``members`` and ``targets``, the ``records`` (cases, as
:func:`atensi.structure` reads them), and what is expected:

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
from atensi.model import Case, PmTarget
from atensi.reports.periods import parse_period
from atensi.reports.programme import ProgrammeReport
from atensi.reports.render import decimal_text
from atensi.reports.totals import achievement_json

__all__ = ["REPORT_SCENARIOS", "run_report_scenario"]

Scenario = dict[str, Any]


def _member(id_: str, nik: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": id_,
        "nik": nik or {"reason": "belum_terdaftar"},
        "name": "Penerima Manfaat",
        **extra,
    }


def _person(id_: str, nik: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"kind": "person", **_member(id_, nik, **extra)}


def _delivery(id_: str, start: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": id_,
        "component": "dukungan_keluarga",
        "approach": "keluarga",
        "provider": "S-1",
        "start": start,
        **extra,
    }


def _case(id_: str, subject: dict[str, Any], *deliveries: dict[str, Any], **extra: Any) -> Any:
    return {
        "id": id_,
        "unit": "S-1",
        "opened_on": "2023-01-02",
        "subject": subject,
        "deliveries": list(deliveries),
        **extra,
    }


_NIK = "3171014103900001"
_ELDER = _person("P-1", _NIK, domicile="317101", conditions=[{"group": "lanjut_usia_terlantar"}])
_FAMILY = {
    "kind": "family",
    "id": "F-1",
    "family_card_number": "3171010101230001",
    "conditions": [{"group": "korban_bencana_alam"}],
    "members": [
        _member("M-1", domicile="317101"),
        _member("M-2", domicile="317101"),
        _member("M-3", domicile="327301"),
    ],
}
_CLOSED = {"on": "2023-06-30", "reason": "tujuan_tercapai"}


def _s(name: str, period: str, records: list[Any], citation: str, **expect: Any) -> Scenario:
    return {
        "name": name,
        "kind": "report",
        "period": period,
        "records": records,
        "citation": citation,
        **expect,
    }


#: The named report scenarios.
REPORT_SCENARIOS: tuple[Scenario, ...] = (
    _s(
        "three deliveries, one PM",
        "2023",
        [
            _case("C-1", _ELDER, _delivery("D-1", "2023-02-01"), _delivery("D-2", "2023-05-01")),
            _case("C-2", _ELDER, _delivery("D-3", "2023-09-01"), unit="S-2"),
        ],
        "Permensos 15/2025 Pasal 1 angka 7 [verified]: a PM is who receives the aid",
        totals={"by": ["period", "target"], "rows": [["2023", "lanjut_usia", 1]]},
    ),
    _s(
        "the same PM in each unit that served them, once in the total",
        "2023",
        [
            _case("C-1", _ELDER, _delivery("D-1", "2023-02-01")),
            _case("C-2", _ELDER, _delivery("D-2", "2023-09-01"), unit="S-2"),
        ],
        "atensi's convention: a PM counts once in every cell its values put it in",
        totals={"by": ["unit"], "rows": [["S-1", 1], ["S-2", 1]]},
        measures={"out.pm_served": {"value": 1, "with_data": 1, "in_scope": 1}},
    ),
    _s(
        "a family counted once as a family",
        "2023",
        [_case("C-1", _FAMILY, _delivery("D-1", "2023-03-01"))],
        "Permensos 15/2025 Pasal 1 angka 7 [verified]: a family is a PM",
        totals={"by": ["kind", "target"], "rows": [["family", "korban_bencana", 1]]},
    ),
    _s(
        "a family counted per member when asked",
        "2023",
        [_case("C-1", _FAMILY, _delivery("D-1", "2023-03-01"))],
        "atensi's convention: members=True counts each member, with the family's groups",
        members=True,
        totals={
            "by": ["kind", "province", "regency"],
            "rows": [["person", "31", "3171", 2], ["person", "32", "3273", 1]],
        },
    ),
    _s(
        "a family in two regencies: once in each, once in the total",
        "2023",
        [_case("C-1", _FAMILY, _delivery("D-1", "2023-03-01"))],
        "atensi's convention: re-aggregation is a union, never a sum",
        totals={"by": ["regency"], "rows": [["3171", 1], ["3273", 1]]},
        measures={"out.pm_served": {"value": 1, "with_data": 1, "in_scope": 1}},
    ),
    _s(
        "a stay across the new year counts in both years",
        "2022-01-01/2023-12-31",
        [
            _case(
                "C-1",
                _ELDER,
                _delivery("D-1", "2022-11-01", end="2023-02-28", approach="residensial"),
            )
        ],
        "atensi's convention: a delivery counts in every bucket from its start to its end",
        totals={
            "by": ["period", "approach"],
            "rows": [["2022", "residensial", 1], ["2023", "residensial", 1]],
        },
    ),
    _s(
        "a person in two target groups: once in each, once in the total",
        "2023",
        [
            _case(
                "C-1",
                _person(
                    "P-2",
                    conditions=[
                        {"group": "anak_jalanan"},
                        {"group": "anak_penyandang_disabilitas"},
                    ],
                ),
                _delivery("D-1", "2023-04-01"),
            )
        ],
        "atensi's convention: a PM counts in every cell its values put it in",
        totals={
            "by": ["target_group"],
            "rows": [["anak_jalanan", 1], ["anak_penyandang_disabilitas", 1]],
        },
        measures={"out.pm_served": {"value": 1, "with_data": 1, "in_scope": 1}},
    ),
    _s(
        "a PM with no domicile is counted as not placed, never dropped",
        "2023",
        [
            _case("C-1", _ELDER, _delivery("D-1", "2023-02-01")),
            _case(
                "C-2",
                _person("P-3", conditions=[{"group": "lanjut_usia_terlantar"}]),
                _delivery("D-2", "2023-02-01"),
            ),
        ],
        "atensi's convention: missing data is reported as missing",
        targets=[{"period": "2023", "province": "31", "pm": 4}],
        totals={"by": ["province"], "rows": [["31", 1], [None, 1]]},
        achievement=[[1, 1, "0.2500"]],
    ),
    _s(
        "achievement above the target (2023 reported 130% for children)",
        "2023",
        [
            _case(
                f"C-{n}",
                _person(f"P-{n}", conditions=[{"group": "anak_jalanan"}]),
                _delivery(f"D-{n}", "2023-06-01"),
            )
            for n in range(13)
        ],
        "tribunnews-2023-12-22-atensi [secondary]: targets and results are reported per cluster",
        targets=[
            {"period": "2023", "target": "anak", "pm": 10},
            {"period": "2024", "target": "anak", "pm": 10},
        ],
        achievement=[[13, 0, "1.3000"], [None, None, None]],
    ),
    _s(
        "an outcome not recorded is no data, not 0",
        "2023",
        [
            _case("C-1", _ELDER, termination=_CLOSED),
            _case(
                "C-2",
                _ELDER,
                termination={
                    **_CLOSED,
                    "outcome": {"recorded_on": "2023-06-30", "functioning_improved": True},
                },
            ),
        ],
        "atensi's convention: a share counts only the records that hold the fact",
        measures={
            "oc.functioning_improved": {"value": "1.0000", "with_data": 1, "in_scope": 2},
            "oc.independent_income": {"value": None, "with_data": 0, "in_scope": 2},
        },
    ),
    _s(
        "follow-ups are measured in the period their due day falls in",
        "2024",
        [
            _case(
                "C-1",
                _ELDER,
                termination={**_CLOSED, "on": "2023-08-31"},
                followups=[
                    {"on": "2024-03-01", "months_after": 6, "functioning_maintained": False}
                ],
            ),
            _case("C-2", _ELDER, termination={**_CLOSED, "on": "2023-01-15"}),
        ],
        "PP 39/2012 Pasal 7 ayat (2) huruf g [verified]; the 6 and 12 months are convention",
        measures={
            # Due in 2024: C-1 at 6 months (done) and 12 months, C-2 at 12 months.
            "pr.followups_done": {"value": "0.3333", "with_data": 3, "in_scope": 3},
            "im.functioning_maintained_6m": {"value": "0.0000", "with_data": 1, "in_scope": 1},
            "im.functioning_maintained_12m": {"value": None, "with_data": 0, "in_scope": 2},
        },
    ),
    _s(
        "days from first contact to assessment: the median",
        "2023",
        [
            _case(f"C-{n}", _ELDER, assessments=[{"id": "A", "assessed_on": day}])
            for n, day in enumerate(["2023-01-05", "2023-01-12", "2023-01-30"])
        ]
        + [_case("C-9", _ELDER)],
        "tribunnews-2023-12-22-atensi [secondary]: assessment is the entry point; the measure "
        "is convention",
        measures={
            "pr.days_contact_to_assessment": {"value": "10.0000", "with_data": 3, "in_scope": 4}
        },
    ),
    _s(
        "money goes to the primary target; the PM counts in both",
        "2023",
        [
            _case(
                "C-1",
                _person(
                    "P-2",
                    domicile="317101",
                    conditions=[{"group": "anak_jalanan"}, {"group": "penyandang_disabilitas"}],
                ),
                _delivery(
                    "D-1",
                    "2023-04-01",
                    amount_idr=1_500_000,
                    funding={"channel": "bansos", "budget_year": 2023},
                ),
            )
        ],
        "eligibility's PRIMARY_ORDER (convention): every rupiah lies in one cell",
        totals={"by": ["target"], "rows": [["anak", 1], ["penyandang_disabilitas", 1]]},
        budget={
            "by": ["budget_year", "channel", "target", "province"],
            "rows": [["2023", "bansos", "anak", "31", 1_500_000, 1, 1, 0]],
        },
    ),
    _s(
        "YAPI paid for three months at once",
        "2023",
        [
            _case(
                "C-1",
                _person("P-4", conditions=[{"group": "anak_yatim_piatu"}]),
                _delivery(
                    "D-1",
                    "2023-12-20",
                    component="bantuan_asistensi_sosial",
                    amount_idr=600_000,
                    funding={
                        "channel": "bansos",
                        "budget_year": 2023,
                        "programme": "yapi",
                        "months": 3,
                    },
                ),
            )
        ],
        "ATENSI YAPI, Rp200,000 a month [secondary]",
        findings=[["aid.yapi.rate", "met"], ["aid.channel.basis", "met"]],
        measures={"in.budget_idr": {"value": 600_000, "with_data": 1, "in_scope": 1}},
    ),
    _s(
        "aid with no amount is counted, its money is missing",
        "2023",
        [
            _case(
                "C-1",
                _ELDER,
                _delivery(
                    "D-1",
                    "2023-04-01",
                    funding={"channel": "bansos"},
                    in_kind=[{"name": "kursi roda"}],
                ),
            )
        ],
        "atensi's convention: missing amounts are not added as 0",
        budget={"by": ["channel"], "rows": [["bansos", 0, 1, 0, 1]]},
        measures={"in.budget_idr": {"value": None, "with_data": 0, "in_scope": 1}},
    ),
)


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
        report.add(structure(record, Case))
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
