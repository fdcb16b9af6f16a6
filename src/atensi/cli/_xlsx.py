"""The report as one workbook: a sheet per table, for the officers who work in spreadsheets.

``atensi report --format xlsx`` (the ``xlsx`` extra, XlsxWriter) writes ``report.xlsx`` from the
very tables the CSV files hold (:meth:`atensi.reports.ProgrammeReport.tables`): one sheet per
table, named in the report's language (``--lang``), with a first sheet that lists every table
in both languages and the CSV file it mirrors. Each sheet has its header row frozen and
filtered; whole numbers are numbers (``#,##0``, rupiah as ``"Rp"#,##0``), shares and ratios are
numbers with four places (as the CSV writes them), a missing value is an empty cell (never 0),
and text is text (a code that looks like a formula is never run). The workbook carries a fixed
creation date, so the same report gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from typing import IO, Any

__all__ = ["SHEETS", "available", "write_workbook"]

#: The sheet of each table: its Indonesian and English names (at most 31 characters).
SHEETS: dict[str, tuple[str, str]] = {
    "pm_by_target.csv": ("PM per klaster", "PM by cluster"),
    "pm_by_target_group.csv": ("PM per kelompok sasaran", "PM by target group"),
    "pm_by_region.csv": ("PM per wilayah", "PM by region"),
    "pm_by_province_target.csv": ("PM per provinsi dan klaster", "PM by province and cluster"),
    "pm_by_kind.csv": ("PM per jenis", "PM by kind"),
    "pm_by_approach.csv": ("PM per pendekatan", "PM by approach"),
    "pm_by_unit.csv": ("PM per unit", "PM by unit"),
    "pm_by_channel.csv": ("PM per jalur dana", "PM by funding channel"),
    "pm_cells.csv": ("PM per sel", "PM by cell"),
    "achievement.csv": ("Capaian target", "Achievement"),
    "indicators.csv": ("Indikator keluaran", "Output indicators"),
    "pm_matching.csv": ("Pencocokan tanpa NIK", "Matching without NIK"),
    "evaluation.csv": ("Evaluasi", "Evaluation"),
    "evaluation_breakdown.csv": ("Rincian evaluasi", "Evaluation breakdown"),
    "budget.csv": ("Anggaran", "Budget"),
    "budget_by_year_channel.csv": ("Anggaran per tahun dan jalur", "Budget by year and channel"),
    "funding_findings.csv": ("Temuan pendanaan", "Funding findings"),
    "budget_by_account.csv": ("Realisasi per akun belanja", "Budget by account"),
    "budget_realisation.csv": ("Realisasi terhadap pagu", "Realisation vs allocation"),
}
_CONTENTS = ("Isi", "Contents")
#: Columns that hold codes, written as text even where they are digits (a year, a province),
#: besides the report's axes (read from :mod:`atensi.reports` when a workbook is written).
_CODES = frozenset(
    {
        "id",
        "code",
        "level",
        "indicator",
        "evidence",
        "source",
        "rule_id",
        "status",
        "label_id",
        "label_en",
        "account",
    }
)
#: Columns of one table that hold codes where another table's column of that name holds numbers.
_CODES_IN = {"indicators.csv": frozenset({"value"})}
_WHOLE = re.compile(r"-?[0-9]{1,15}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}\.[0-9]{4}")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
#: A fixed creation date: the same report, the same bytes.
_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def available() -> bool:
    """Whether XlsxWriter (the ``xlsx`` extra) is installed."""
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        return False
    return True


def _cell(text: str, code: bool) -> str | int | float | None:
    """A CSV field as the workbook holds it: empty, a number, or text (always, for a code)."""
    if text == "":
        return None
    if code:
        return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA) else text
    if _WHOLE.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)  # the four-place decimal the CSV writes, as a spreadsheet number
    if text.startswith("'") and text[1:].startswith(_FORMULA):
        return text[1:]  # written as text below, never as a formula
    return text


def _sheet_name(file: str, lang: str, taken: set[str]) -> str:
    names = SHEETS.get(file)
    base = (names[0] if lang == "id" else names[1]) if names else file.removesuffix(".csv")
    name = base[:31]
    number = 2
    while name in taken:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(name)
    return name


def write_workbook(handle: IO[bytes], tables: dict[str, str], lang: str) -> None:
    """Write ``tables`` (CSV text by file name) as a workbook into ``handle``."""
    import xlsxwriter

    from atensi.reports import AXES, BUDGET_AXES

    codes = _CODES | set(AXES) | set(BUDGET_AXES)
    book = xlsxwriter.Workbook(handle, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"created": _CREATED, "title": "ATENSI"})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    formats: dict[str, Any] = {
        "whole": book.add_format({"num_format": "#,##0"}),
        "rupiah": book.add_format({"num_format": '"Rp"#,##0'}),
        "decimal": book.add_format({"num_format": "0.0000"}),
    }
    taken = {_CONTENTS[0] if lang == "id" else _CONTENTS[1]}
    contents = book.add_worksheet(next(iter(taken)))
    contents.write_row(0, 0, ("lembar / sheet", "Indonesia", "English", "CSV"), header)
    contents.freeze_panes(1, 0)
    for row, (file, text) in enumerate(tables.items(), start=1):
        name = _sheet_name(file, lang, taken)
        names = SHEETS.get(file, (name, name))
        contents.write_row(row, 0, (name, names[0], names[1], file))
        _table(book, name, text, header, formats, codes | _CODES_IN.get(file, frozenset()))
    contents.set_column(0, 3, 30)
    book.close()


def _table(
    book: Any, name: str, text: str, header: Any, formats: dict[str, Any], codes: frozenset[str]
) -> None:
    sheet = book.add_worksheet(name)
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        return
    columns = rows[0]
    sheet.write_row(0, 0, columns, header)
    sheet.freeze_panes(1, 0)
    widths = [len(c) for c in columns]
    unit = columns.index("unit") if "unit" in columns else None
    is_code = [column in codes for column in columns]
    for r, values in enumerate(rows[1:], start=1):
        for c, raw in enumerate(values):
            value = _cell(raw, is_code[c])
            widths[c] = max(widths[c], len(raw))
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif isinstance(value, float):
                sheet.write_number(r, c, value, formats["decimal"])
            else:
                money = "idr" in columns[c] or (
                    columns[c] == "value" and unit is not None and values[unit] == "rupiah"
                )
                sheet.write_number(r, c, value, formats["rupiah" if money else "whole"])
    sheet.autofilter(0, 0, max(len(rows) - 1, 0), len(columns) - 1)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, min(max(width + 2, 8), 60))
