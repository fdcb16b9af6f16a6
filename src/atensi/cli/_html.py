r"""The report as one page: every table and its chart inline, no network, printable.

:func:`html_report` turns the tables a report writes (:meth:`ProgrammeReport.tables`, CSV text
by file name) into one self-contained HTML page: a section per table with its heading, a bar
chart drawn inline as SVG where the table has one number per row worth comparing, and the table
itself (the first :data:`ROWS_SHOWN` rows; all of them are in the CSV and the workbook). Nothing
is fetched: no script, no font, no picture from elsewhere; the page prints (one section per
page where it fits, tables and charts never wider than the page). Every heading, column name and
note is written in the report's language (``id`` or ``en``); codes (``anak``, ``3171``) stay
codes, and the measures are named by their labels in that language.

Text in, text out (it sits with the command line because it reads the CSV text with the
standard ``csv`` module, which the core does not import): ``atensi report --format html``
writes it as ``report.html``.

>>> page = html_report({"pm_by_target.csv": "period,target,pm\r\n2024,anak,3\r\n"},
...                    lang="id", title="Laporan")
>>> page.startswith("<!DOCTYPE html>") and "PM per klaster" in page and "<svg" in page
True
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from html import escape

from atensi.vocab import EvaluationLevel, Evidence, Target
from atensi.vocab._base import EVIDENCE_LABELS

__all__ = ["COLUMNS", "ROWS_SHOWN", "SECTIONS", "html_report"]

#: Rows of a table the page shows (the files hold them all).
ROWS_SHOWN = 200

#: Each table's heading, Indonesian and English, and the column its chart draws.
SECTIONS: dict[str, tuple[str, str, str | None]] = {
    "pm_by_target.csv": ("PM per klaster", "PM by cluster", "pm"),
    "pm_by_target_group.csv": ("PM per kelompok sasaran", "PM by target group", "pm"),
    "pm_by_region.csv": ("PM per wilayah", "PM by region", None),
    "pm_by_province_target.csv": (
        "PM per provinsi dan klaster",
        "PM by province and cluster",
        None,
    ),
    "pm_by_kind.csv": ("PM per jenis", "PM by kind", "pm"),
    "pm_by_approach.csv": ("PM per pendekatan", "PM by approach", "pm"),
    "pm_by_unit.csv": ("PM per unit", "PM by unit", "pm"),
    "pm_by_channel.csv": ("PM per jalur dana", "PM by funding channel", "pm"),
    "pm_cells.csv": ("PM per sel", "PM by cell", None),
    "achievement.csv": ("Capaian target", "Achievement against target", "ratio"),
    "indicators.csv": ("Indikator keluaran", "Output indicators", "realisation"),
    "pm_matching.csv": ("Pencocokan tanpa NIK", "Matching without NIK", None),
    "evaluation.csv": ("Evaluasi", "Evaluation", None),
    "evaluation_breakdown.csv": ("Rincian evaluasi", "Evaluation breakdown", None),
    "budget.csv": ("Anggaran", "Budget", None),
    "budget_by_year_channel.csv": (
        "Anggaran per tahun dan jalur",
        "Budget by year and channel",
        "amount_idr",
    ),
    "funding_findings.csv": ("Temuan pendanaan", "Funding findings", "findings"),
    "budget_by_account.csv": (
        "Realisasi per akun belanja",
        "Realisation by expenditure account",
        "amount_idr",
    ),
    "budget_realisation.csv": (
        "Realisasi anggaran terhadap pagu",
        "Budget realisation against allocation",
        "realisation",
    ),
}

#: Column names in both languages (a column not listed keeps its code).
COLUMNS: dict[str, tuple[str, str]] = {
    "period": ("Periode", "Period"),
    "kind": ("Jenis", "Kind"),
    "target": ("Klaster", "Cluster"),
    "target_group": ("Kelompok sasaran", "Target group"),
    "province": ("Provinsi", "Province"),
    "regency": ("Kabupaten/kota", "Regency/city"),
    "approach": ("Pendekatan", "Approach"),
    "unit": ("Unit", "Unit"),
    "channel": ("Jalur dana", "Funding channel"),
    "component": ("Komponen", "Component"),
    "pm": ("PM", "PM"),
    "target_pm": ("Target PM", "Target PM"),
    "achieved_pm": ("PM tercapai", "PM achieved"),
    "not_placed_pm": ("PM tanpa data", "PM without the data"),
    "ratio": ("Rasio", "Ratio"),
    "indicator": ("Indikator", "Indicator"),
    "value": ("Nilai", "Value"),
    "served_pm": ("PM terlayani", "PM served"),
    "realisation": ("Realisasi", "Realisation"),
    "evidence": ("Tingkat bukti", "Evidence"),
    "source": ("Sumber", "Source"),
    "level": ("Tingkat", "Level"),
    "numerator": ("Pembilang", "Numerator"),
    "denominator": ("Penyebut", "Denominator"),
    "with_data": ("Dengan data", "With data"),
    "in_scope": ("Dalam cakupan", "In scope"),
    "label_id": ("Ukuran", "Measure"),
    "label_en": ("Ukuran", "Measure"),
    "code": ("Kode", "Code"),
    "budget_year": ("Tahun anggaran", "Budget year"),
    "account": ("Akun belanja", "Expenditure account"),
    "allocation_idr": ("Pagu (Rp)", "Allocation (Rp)"),
    "amount_idr": ("Jumlah (Rp)", "Amount (Rp)"),
    "aids": ("Bantuan", "Aids"),
    "aids_with_amount": ("Bantuan bernilai", "Aids with an amount"),
    "items_without_value": ("Barang tanpa nilai", "Items without a value"),
    "rule_id": ("Aturan", "Rule"),
    "status": ("Status", "Status"),
    "findings": ("Temuan", "Findings"),
    "pm_without_merge": ("PM tanpa penggabungan", "PM without the merge"),
    "pm_matched": ("PM dicocokkan", "PM matched"),
    "pm_merged": ("PM digabung", "PM merged"),
}

#: The units of the evaluation's measures, in both languages.
MEASURE_UNITS: dict[str, tuple[str, str]] = {
    "count": ("jumlah", "count"),
    "share": ("proporsi", "share"),
    "days": ("hari", "days"),
    "rupiah": ("rupiah", "rupiah"),
}

#: The kinds of PM, in both languages (their codes are the record tags).
KINDS: dict[str, tuple[str, str]] = {
    "person": ("perseorangan", "person"),
    "family": ("keluarga", "family"),
    "group": ("kelompok", "group"),
    "community": ("masyarakat", "community"),
}

#: The breakdown codes of a measure of days, in both languages.
SPREAD: dict[str, tuple[str, str]] = {
    "mean": ("rata-rata", "mean"),
    "min": ("terkecil", "least"),
    "max": ("terbesar", "most"),
}

_WORDS = {
    "contents": ("Daftar isi", "Contents"),
    "shown": (
        "{shown} dari {total} baris ditampilkan; semuanya ada di berkas {file}.",
        "{shown} of {total} rows shown; all of them are in {file}.",
    ),
    "empty": ("Tidak ada baris.", "No rows."),
    "chart": ("Grafik: {what}", "Chart: {what}"),
}

#: Column names of one table that differ from the same name elsewhere.
_COLUMNS_IN = {"evaluation.csv": {"unit": ("Satuan", "Unit of measure")}}

_STYLE = """
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0 auto;padding:1rem;max-width:60rem;
color:#1b1b1b;font-size:14px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
nav ol{columns:2;padding-left:1.2rem}
.wrap{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;font-size:12px;max-width:100%}
th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;overflow-wrap:break-word}
th{background:#ddebf7;vertical-align:bottom}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
figure{margin:0.5rem 0}svg{max-width:100%;height:auto}
.note{color:#555;font-size:12px}
@media print{body{max-width:none;font-size:11px}section{break-inside:avoid-page}
nav{break-after:page}.wrap{overflow:visible}}
"""


def _label(lang: str, pair: tuple[str, str]) -> str:
    return pair[0] if lang == "id" else pair[1]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _code_label(column: str, code: str, lang: str, file: str = "") -> str:
    if column == "level":
        try:
            label = EvaluationLevel(code).label
        except ValueError:
            return code
        return _label(lang, (label.id, label.en))
    if column == "kind" or (column == "code" and code in KINDS):
        return _label(lang, KINDS.get(code, (code, code)))
    if column == "evidence":
        try:
            grade = EVIDENCE_LABELS[Evidence(code)]
        except (KeyError, ValueError):
            return code
        return _label(lang, (grade.id, grade.en))
    if column == "code" and code in SPREAD:
        return _label(lang, SPREAD[code])
    if column == "unit" and file == "evaluation.csv":
        return _label(lang, MEASURE_UNITS.get(code, (code, code)))
    if column == "target":
        try:
            return _label(lang, (Target(code).label.id, Target(code).label.en))
        except ValueError:
            return code
    return code


def _chart(rows: list[list[str]], columns: list[str], value: str, lang: str, what: str) -> str:
    """Horizontal bars of ``value`` per row (the row's other cells name the bar)."""
    at = columns.index(value)
    bars: list[tuple[list[str], float]] = []
    for row in rows[:40]:
        number = _number(row[at])
        if number is not None:
            bars.append((row, number))
    if not bars:
        return ""
    top = max(v for _, v in bars) or 1.0
    height = 18 * len(bars) + 10
    names = [
        " · ".join(
            _code_label(columns[i], cell, lang) or "-"
            for i, cell in enumerate(r)
            if i != at and columns[i] in COLUMNS and columns[i] not in _NOT_NAMES
        )
        for r, _ in bars
    ]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 {height}" role="img" '
        f'aria-label="{escape(what)}">'
    ]
    for index, ((row, number), name) in enumerate(zip(bars, names, strict=True)):
        y = 5 + 18 * index
        width = 0 if top <= 0 else max(0.0, number) / top * 400
        parts.append(
            f'<text x="0" y="{y + 12}" font-size="11">{escape(_short(name))}</text>'
            f'<rect x="300" y="{y + 2}" width="{width:.1f}" height="12" fill="#2f75b5"/>'
            f'<text x="{305 + width:.1f}" y="{y + 12}" font-size="11">{escape(row[at])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(name: str, room: int = 48) -> str:
    return name if len(name) <= room else name[: room - 1].rstrip(" ,") + "…"


#: Columns a bar is not named by: the numbers, and what every row of a table repeats.
_NOT_NAMES_EXTRA = frozenset({"indicator", "label_id", "label_en", "evidence", "source"})

_NUMBERS = frozenset(
    {
        "pm",
        "target_pm",
        "achieved_pm",
        "not_placed_pm",
        "ratio",
        "served_pm",
        "realisation",
        "amount_idr",
        "allocation_idr",
        "aids",
        "aids_with_amount",
        "items_without_value",
        "findings",
        "numerator",
        "denominator",
        "with_data",
        "in_scope",
        "pm_without_merge",
        "pm_matched",
        "pm_merged",
    }
)
_NOT_NAMES = _NUMBERS | _NOT_NAMES_EXTRA


def _table(file: str, text: str, lang: str) -> tuple[str, str]:
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        return "", ""
    columns = rows[0]
    # In Indonesian the measures are named by their Indonesian label, in English by theirs;
    # their ids (English words joined) and the other language's label are left to the files.
    drop = {"label_en", "id"} if lang == "id" else {"label_id", "id"}
    if "label_id" not in columns:
        drop = set()
    keep = [i for i, c in enumerate(columns) if c not in drop]
    columns = [columns[i] for i in keep]
    body = [[r[i] for i in keep] for r in rows[1:]]
    names = {**COLUMNS, **_COLUMNS_IN.get(file, {})}
    head = "".join(f"<th>{escape(_label(lang, names.get(c, (c, c))))}</th>" for c in columns)
    lines = []
    for row in body[:ROWS_SHOWN]:
        cells = "".join(
            f'<td class="n">{escape(v)}</td>'
            if c in _NUMBERS or (c == "value" and _number(v) is not None)
            else f"<td>{escape(_code_label(c, v.removeprefix(chr(39)), lang, file))}</td>"
            for c, v in zip(columns, row, strict=True)
        )
        lines.append(f"<tr>{cells}</tr>")
    note = ""
    if len(body) > ROWS_SHOWN:
        note = _label(lang, _WORDS["shown"]).format(
            shown=ROWS_SHOWN, total=len(body), file=escape(file)
        )
    elif not body:
        note = _label(lang, _WORDS["empty"])
    table = f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}'
    table += "</tbody></table></div>"
    if note:
        table += f'<p class="note">{note}</p>'
    section = SECTIONS.get(file)
    chart = ""
    if section and section[2] in columns and body:
        what = _label(lang, COLUMNS.get(section[2], (section[2], section[2])))
        svg = _chart(body, columns, section[2], lang, what)
        if svg:
            caption = escape(_label(lang, _WORDS["chart"]).format(what=what))
            chart = f'<figure>{svg}<figcaption class="note">{caption}</figcaption></figure>'
    return chart, table


def html_report(tables: Mapping[str, str], *, lang: str = "id", title: str = "ATENSI") -> str:
    """One self-contained page of every table, in ``lang`` (``id`` or ``en``)."""
    sections = []
    toc = []
    for number, (file, text) in enumerate(tables.items()):
        heading = SECTIONS.get(file)
        name = _label(lang, (heading[0], heading[1])) if heading else file
        anchor = f"s{number}"
        chart, table = _table(file, text, lang)
        toc.append(f'<li><a href="#{anchor}">{escape(name)}</a></li>')
        sections.append(
            f'<section id="{anchor}" data-file="{escape(file)}"><h2>{escape(name)}</h2>'
            f"{chart}{table}</section>"
        )
    contents = escape(_label(lang, _WORDS["contents"]))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{escape(title)}</h1></header>"
        f"<nav><h2>{contents}</h2><ol>{''.join(toc)}</ol></nav>"
        f"{''.join(sections)}</body></html>\n"
    )
