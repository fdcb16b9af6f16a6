"""Budget realisation by expenditure account, akun belanja (issue 26, item 5)."""

from __future__ import annotations

import copy
import json
import pathlib
from typing import Any

import pytest

import atensi
from atensi.errors import InvalidRecord
from atensi.model import Funding
from atensi.reports import ProgrammeReport, parse_period
from atensi.vocab import FundingChannel

ROOT = pathlib.Path(__file__).resolve().parents[1]
_KEY = bytes(range(32))  # one key, so partial reports merge


def _examples() -> list[dict[str, Any]]:
    lines = (ROOT / "examples" / "programme.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _report(records: list[dict[str, Any]]) -> ProgrammeReport:
    report = ProgrammeReport(parse_period("2024"), pseudonym_key=_KEY)
    for record in records:
        report.add_line(json.dumps(record))
    return report


def _with_accounts(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The same records, every other funded delivery booked on an account."""
    changed = copy.deepcopy(records)
    booked = 0
    for record in changed:
        for delivery in record.get("deliveries", ()):
            funding = delivery.get("funding")
            if funding is None:
                continue
            if booked % 2 == 0:
                funding["account"] = "574111" if funding["channel"] == "bansos" else "526211"
            booked += 1
    return changed, booked


@pytest.mark.parametrize("bad", ["57411X", "５７４１１１", "57-411", "5741112", "57411", ""])
def test_a_malformed_account_is_refused_with_its_code(bad: str) -> None:
    with pytest.raises(InvalidRecord) as raised:
        atensi.structure({"channel": "bansos", "account": bad}, Funding)
    (problem,) = raised.value.errors
    assert problem.loc == ("account",)
    assert problem.code in ("funding.account", "string.too_long", "string.too_short")
    with pytest.raises(InvalidRecord):
        Funding(channel=FundingChannel.SOCIAL_ASSISTANCE, account=bad)


def test_an_account_of_six_digits_is_kept_and_in_the_schema() -> None:
    assert atensi.structure({"channel": "bansos", "account": "574111"}, Funding).account == (
        "574111"
    )
    schema = atensi.json_schema(Funding)
    account = schema["properties"]["account"]
    assert "^[0-9]{6}$" in json.dumps(account)


def test_without_accounts_the_report_has_no_account_table_and_the_same_bytes() -> None:
    records = _examples()
    plain = _report(records)
    tables = plain.tables()
    assert "budget_by_account.csv" not in tables
    assert "by_account" not in plain.to_json()["budget"]
    booked, count = _with_accounts(records)
    assert count > 2
    accounted = _report(booked)
    others = accounted.tables()
    table = others.pop("budget_by_account.csv")
    # Every other table is byte-identical: an account changes nothing but its own table.
    assert others == tables
    document = accounted.to_json()
    by_account = document["budget"].pop("by_account")
    assert document == plain.to_json()
    assert by_account["citation"]["evidence"] == "secondary"
    assert by_account["citation"]["instrument"] == "pmk-214-pmk.05-2013"
    assert table.splitlines()[0] == (
        "budget_year,account,channel,amount_idr,aids,aids_with_amount,items_without_value"
    )


def test_the_account_rows_add_up_to_the_budget_by_year_and_channel() -> None:
    booked, _ = _with_accounts(_examples())
    budget = _report(booked).budget
    rows = budget.account_rows()
    assert any(cell[1] is None for cell, _ in rows)  # the aids that record no account
    assert any(cell[1] == "574111" for cell, _ in rows)
    summed: dict[tuple[str | None, ...], list[int]] = {}
    for (year, _account, channel), row in rows:
        mine = summed.setdefault((year, channel), [0, 0, 0, 0])
        for index, value in enumerate(row):
            mine[index] += value
    assert {k: tuple(v) for k, v in summed.items()} == dict(budget.rows(("budget_year", "channel")))


def test_partial_reports_merge_their_accounts_exactly() -> None:
    booked, _ = _with_accounts(_examples())
    whole = _report(booked)
    first, second = _report(booked[::2]), _report(booked[1::2])
    first.merge(second)
    assert first.budget.accounts_csv() == whole.budget.accounts_csv()


def test_a_case_with_a_malformed_account_is_an_error_line_not_a_crash() -> None:
    records = _examples()
    funded = next(r for r in records if any(d.get("funding") for d in r.get("deliveries", ())))
    bad = copy.deepcopy(funded)
    next(d for d in bad["deliveries"] if d.get("funding"))["funding"]["account"] = "57 4111"
    report = _report([bad])
    assert report.invalid == 1
    assert "57 4111" not in repr(report.budget.accounts)


def test_the_account_table_is_a_sheet_and_a_section_named_in_both_languages(
    tmp_path: pathlib.Path,
) -> None:
    pytest.importorskip("xlsxwriter")
    openpyxl = pytest.importorskip("openpyxl")
    from atensi.cli import main

    booked, _ = _with_accounts(_examples())
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in booked), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["report", str(source), "--period", "2024", "--out", str(out), "--quiet"]
    assert main([*argv, "--format", "csv,xlsx,html", "--lang", "id"]) == 0
    workbook = openpyxl.load_workbook(out / "report.xlsx")
    sheet = workbook["Realisasi per akun belanja"]
    assert sheet["B2"].value == "526211"  # an account is a code, written as text
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'data-file="budget_by_account.csv"' in page
    assert "Akun belanja" in page


def test_realisation_against_an_allocation_by_account_is_paid_over_pagu() -> None:
    from fractions import Fraction

    from atensi.model import BudgetTarget

    booked, _ = _with_accounts(_examples())
    report = _report(booked)
    budget = report.budget
    by_account = dict(budget.account_rows())
    paid = by_account[("2024", "574111", "bansos")][0]
    pagu = [
        atensi.structure(
            {"budget_year": 2024, "account": "574111", "amount_idr": 2 * paid}, BudgetTarget
        ),
        atensi.structure({"channel": "bansos", "amount_idr": 10**9}, BudgetTarget),
    ]
    first, second = sorted(budget.realisation(pagu), key=lambda r: r.account is None)
    assert (first.account, first.amount_idr, first.realisation) == ("574111", paid, Fraction(1, 2))
    everything = sum(r[0] for c, r in budget.rows(("channel",)) if c == ("bansos",))
    assert second.amount_idr == everything  # no account named: every bansos aid
    tables = report.tables(budget_targets=pagu)
    assert tables["budget_realisation.csv"].splitlines()[0] == (
        "budget_year,account,channel,allocation_idr,amount_idr,aids,realisation,indicator,"
        "evidence,source"
    )
    # atensi's convention, named by its entry of the sources catalogue.
    assert (
        "0.5000,ind.budget_per_account,convention,atensi-conventions\r\n"
        in tables["budget_realisation.csv"]
    )
    # Without allocations, nothing of it: the other outputs keep their bytes.
    assert "budget_realisation.csv" not in report.tables()
    assert "budget_realisation" not in report.to_json()
    realised = report.to_json(budget_targets=pagu)["budget_realisation"][0]
    assert (realised["evidence"], realised["source"]) == ("convention", "atensi-conventions")


def test_the_targets_file_holds_allocations_beside_targets_of_pm(tmp_path: pathlib.Path) -> None:
    from atensi.cli import main

    booked, _ = _with_accounts(_examples())
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in booked), encoding="utf-8")
    targets = tmp_path / "targets.jsonl"
    targets.write_text(
        '{"period": "2024", "target": "anak", "pm": 40}\n'
        '{"budget_year": 2024, "account": "574111", "amount_idr": 400000000}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    argv = ["report", str(source), "--period", "2024", "--out", str(out), "--quiet"]
    assert main([*argv, "--targets", str(targets), "--format", "csv"]) == 0
    assert (out / "achievement.csv").exists()
    rows = (out / "budget_realisation.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("2024,574111,,400000000,")
    # A malformed account in an allocation is a usage error naming the target, not a crash.
    targets.write_text('{"account": "5741", "amount_idr": 1}\n', encoding="utf-8")
    assert main([*argv, "--targets", str(targets), "--format", "csv"]) == 2
