"""``atensi report``: the files it writes, reproducibly, and what it says about bad input."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

from atensi import cli
from atensi.cli import _reader
from atensi.reports.scenarios import REPORT_SCENARIOS

NIK = "3171014103900001"
EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def cases_file(path: pathlib.Path, *extra: str) -> pathlib.Path:
    lines = [json.dumps(r) for s in REPORT_SCENARIOS[:3] for r in s["records"]]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path


def report(tmp_path: pathlib.Path, source: pathlib.Path | str, *options: str) -> tuple[int, Any]:
    out = tmp_path / "out"
    code = cli.main(["report", str(source), "--out", str(out), "--format", "csv,json", *options])
    return code, out


def test_a_report_writes_its_tables_and_the_same_bytes_every_time(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = cases_file(tmp_path / "cases.jsonl")
    code, out = report(tmp_path, source, "--period", "2023")
    assert code == 0
    assert capsys.readouterr().err.startswith("5 records: 5 valid, 0 invalid")
    names = {p.name for p in out.iterdir()}
    assert {"pm_by_target.csv", "evaluation.csv", "budget.csv", "report.json"} <= names
    assert (
        out / "pm_by_target.csv"
    ).read_bytes() == b"period,target,pm\r\n2023,korban_bencana,1\r\n2023,lanjut_usia,1\r\n"
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    again = cli.main(
        [
            "report",
            str(source),
            "--out",
            str(tmp_path / "again"),
            "--format",
            "csv,json",
            "--period",
            "2023",
        ]
    )
    assert again == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()} == first
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert document["edition"] == "atensi-2022"
    assert document["totals"]["pm_by_target"]["pm_total"] == 2


def test_the_year_to_date_and_a_pinned_edition(tmp_path: pathlib.Path) -> None:
    source = cases_file(tmp_path / "cases.jsonl")
    code, out = report(tmp_path, source, "--on", "2023-06-30", "--edition", "ars-2025")
    assert code == 0
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert document["period"] == {"start": "2023-01-01", "end": "2023-06-30"}
    assert document["edition"] == "ars-2025"


@pytest.mark.parametrize(
    ("content", "codes"),
    [
        ("", []),
        ('garbage\n{"id": 1\n', ["input.not_json", "input.not_json"]),
        (
            json.dumps(
                {
                    "id": "C",
                    "unit": "U",
                    "opened_on": "2024-01-01",
                    "deliverys": [],
                    "subject": {"kind": "community", "id": "K", "name": "x"},
                }
            )
            + "\n",
            ["object.unknown_key"],
        ),
    ],
    ids=["empty", "garbage", "typo"],
)
def test_bad_records_are_listed_with_their_position_and_the_rest_is_reported(
    tmp_path: pathlib.Path, content: str, codes: list[str]
) -> None:
    source = tmp_path / "input.jsonl"
    source.write_text(content, encoding="utf-8")
    code, out = report(tmp_path, source, "--period", "2024")
    assert code == (1 if codes else 0)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["errors"][0]["code"] for e in errors] == codes
    assert [e["index"] for e in errors] == list(range(len(codes)))
    assert (out / "pm_by_target.csv").read_bytes() == b"period,target,pm\r\n"


def test_a_huge_line_is_skipped_and_named(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_reader, "MAX_RECORD_BYTES", 1000)
    source = cases_file(tmp_path / "cases.jsonl", json.dumps({"id": "C", "note": "x" * 2000}))
    code, out = report(tmp_path, source, "--period", "2023")
    assert code == 1
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert (error["index"], error["errors"][0]["code"]) == (5, "input.too_large")


def test_errors_hold_no_personal_data_unless_asked(tmp_path: pathlib.Path) -> None:
    bad = json.dumps(
        {
            "id": "C",
            "unit": "U",
            "opened_on": "2024-01-01",
            "subject": {"kind": "person", "id": "P", "nik": NIK[:15], "name": "Siti"},
        }
    )
    source = tmp_path / "bad.jsonl"
    source.write_text(bad + "\n", encoding="utf-8")
    assert report(tmp_path, source, "--period", "2024")[0] == 1
    assert NIK[:15] not in (tmp_path / "out" / "errors.jsonl").read_text()
    cli.main(
        [
            "report",
            str(source),
            "--out",
            str(tmp_path / "shown"),
            "--format",
            "csv",
            "--period",
            "2024",
            "--show-personal-data",
        ]
    )
    assert NIK[:15] in (tmp_path / "shown" / "errors.jsonl").read_text()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--period", "2024-12-31/2024-01-01"], "date.before_start"),
        ([], "--period P or --on DATE"),
        (["--period", "2024", "--on", "2024-05-01"], "--period P or --on DATE"),
        (["--period", "2024-13"], "report.period_label"),
        (["--period", "2024", "--by", "period,provinsi"], "unknown axis 'provinsi'"),
        (["--period", "2011"], "no rule set was in force"),
        (["--period", "2024", "--edition", "atensi-2099"], "atensi-2099"),
        (["--period", "2024", "--ceiling", "-5"], "--ceiling"),
    ],
)
def test_usage_errors_exit_2_with_one_line_of_why(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    source = cases_file(tmp_path / "cases.jsonl")
    code = cli.main(["report", str(source), "--out", str(tmp_path / "out"), *options])
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing written before the request is sound


def test_a_bad_targets_file_is_a_usage_error_naming_the_target(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = cases_file(tmp_path / "cases.jsonl")
    targets = tmp_path / "targets.jsonl"
    targets.write_text('{"pm": 5, "target": "anak"}\n{"pm": 5, "targte": "anak"}\n')
    assert report(tmp_path, source, "--period", "2023", "--targets", str(targets))[0] == 2
    err = capsys.readouterr().err
    assert "target 1 (line 2), targte: unknown field" in err
    assert "object.unknown_key" in err
    # Every problem of the file, each under its target and line, in the language asked for.
    targets.write_text('{"pm": 0, "target": "anak"}\n{oops\n{"pm": 5, "targte": "anak"}\n')
    assert report(tmp_path, source, "--period", "2023", "--targets", str(targets))[0] == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[1:] == [
        "  target 0 (line 1), pm: must be at least 1 [number.too_small]",
        "  line 2: not valid JSON [input.not_json]",
        "  target 2 (line 3), targte: unknown field; did you mean 'target'? [object.unknown_key]",
    ]
    targets.write_text('{"pm": 0}\n' * 25)
    options = ["--period", "2023", "--targets", str(targets), "--lang", "id"]
    assert report(tmp_path, source, *options)[0] == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].endswith("tidak sah:")
    assert lines[1] == "  target 0 (baris 1), pm: paling kecil 1 [number.too_small]"
    assert lines[-1] == "  ... 5 lagi"
    targets.write_text('{"pm": 4, "period": "2023", "target": "lanjut_usia"}\n')
    code, out = report(tmp_path, source, "--period", "2023", "--targets", str(targets))
    assert code == 0
    assert (out / "achievement.csv").read_text().splitlines()[1] == "2023,lanjut_usia,4,1,0,0.2500"


def test_trace_lists_the_records_behind_a_cell_redacted_by_default(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = cases_file(tmp_path / "cases.jsonl", "not json")
    cell = ["--trace", "period=2023,target=lanjut_usia"]
    code, out = report(tmp_path, source, "--period", "2023", *cell)
    assert code == 1
    rows = (out / "trace.csv").read_text().splitlines()
    assert rows == [
        "record,path,case_id,delivery_id",
        "0,deliveries[0],,",
        "0,deliveries[1],,",
        "1,deliveries[0],,",
        "2,deliveries[0],,",
        "3,deliveries[0],,",
    ]
    cli.main(
        [
            "report",
            str(source),
            "--out",
            str(tmp_path / "ids"),
            "--format",
            "csv",
            "--period",
            "2023",
            "--show-personal-data",
            *cell,
        ]
    )
    assert (tmp_path / "ids" / "trace.csv").read_text().splitlines()[1] == "0,deliveries[0],C-1,D-1"
    assert cli.main(["report", "-", "--out", str(tmp_path / "x"), "--period", "2023", *cell]) == 2
    assert "give a file" in capsys.readouterr().err


def test_pictures_are_written_with_the_plot_extra(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("matplotlib")
    source = cases_file(tmp_path / "cases.jsonl")
    out = tmp_path / "pictures"
    code = cli.main(
        ["report", str(source), "--out", str(out), "--period", "2023", "--format", "svg"]
    )
    assert code == 0
    assert {p.name for p in out.iterdir()} == {
        "pm_by_target.svg",
        "editions.svg",
        "errors.jsonl",
        "report.json",  # the list of the files, always
    }


def _written(out: pathlib.Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("key", [False, True])
def test_jobs_write_the_report_a_single_process_writes(
    tmp_path: pathlib.Path, key: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Batches of 7 records make several partial reports out of the example programme, mixed
    # with lines that are not records: the files (errors.jsonl and the trace included) are
    # those of one process, keyed pseudonyms or not.
    from atensi.cli import report as report_command

    monkeypatch.setattr(report_command, "_BATCH", 7)
    lines = (EXAMPLES / "programme.jsonl").read_text(encoding="utf-8").splitlines()
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        "\n".join([*lines[:40], "not json", '{"id": "C-x"}', *lines[40:90], lines[-1]]) + "\n",
        encoding="utf-8",
    )
    options = [
        "--period",
        "2021-01-01/2025-12-31",
        "--trace",
        "target=anak",
        "--format",
        "csv,json",
    ]
    if key:
        (tmp_path / "key.hex").write_text("00112233445566778899aabbccddeeff\n")
        options += ["--pseudonym-key-file", str(tmp_path / "key.hex")]
    one = cli.main(["report", str(source), "--out", str(tmp_path / "one"), *options])
    two = cli.main(["report", str(source), "--out", str(tmp_path / "two"), "--jobs", "2", *options])
    assert one == two == 1  # two lines are not records
    assert _written(tmp_path / "two") == _written(tmp_path / "one")
    assert len((tmp_path / "one" / "errors.jsonl").read_text().splitlines()) == 2


def test_the_workbook_holds_every_table_as_a_sheet(tmp_path: pathlib.Path) -> None:
    import csv

    import openpyxl

    options = ["--period", "2021-01-01/2025-12-31", "--targets", str(EXAMPLES / "targets.jsonl")]
    source = str(EXAMPLES / "programme.jsonl")
    for lang in ("id", "en"):
        out = tmp_path / lang
        code = cli.main(
            ["report", source, "--out", str(out), "--format", "csv,xlsx", "--lang", lang, *options]
        )
        assert code == 0
        book = openpyxl.load_workbook(out / "report.xlsx")
        contents = book.worksheets[0]
        assert contents.title == ("Isi" if lang == "id" else "Contents")
        listed = {row[3]: row[0] for row in contents.iter_rows(min_row=2, values_only=True)}
        csvs = {p.name for p in out.glob("*.csv")}
        assert set(listed) == csvs  # one sheet per table
        for file, title in listed.items():
            sheet = book[title]
            assert sheet.freeze_panes == "A2"  # the header row stays in view
            rows = list(csv.reader((out / file).read_text(encoding="utf-8").splitlines()))
            cells = [["" if v is None else v for v in r] for r in sheet.iter_rows(values_only=True)]
            assert len(cells) == len(rows)
            assert cells[0] == rows[0]
            for written, read in zip(rows[1:], cells[1:], strict=True):
                for text, value in zip(written, read, strict=True):
                    # Codes stay text ("2021", "31"); counts and rupiah are whole numbers;
                    # ratios are the CSV's four-place decimals; nothing missing becomes 0.
                    if isinstance(value, float) or (isinstance(value, int) and "." in text):
                        assert f"{value:.4f}" == text
                    else:
                        assert str(value) == text.removeprefix("'")
    assert book["Achievement"]["F2"].number_format == "0.0000"
    assert book["Budget"]["F2"].number_format == '"Rp"#,##0'
    assert book["PM by region"]["B2"].value == "31"
    again = tmp_path / "again"
    cli.main(["report", source, "--out", str(again), "--format", "xlsx", "--lang", "en", *options])
    assert (again / "report.xlsx").read_bytes() == (tmp_path / "en" / "report.xlsx").read_bytes()


def test_a_workbook_without_the_xlsx_extra_is_a_usage_error(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from atensi.cli import _xlsx

    monkeypatch.setattr(_xlsx, "available", lambda: False)
    cases_file(tmp_path / "c.jsonl")
    code = cli.main(
        [
            "report",
            str(tmp_path / "c.jsonl"),
            "--out",
            str(tmp_path / "x"),
            "--period",
            "2023",
            "--format",
            "xlsx",
        ]
    )
    assert code == 2
    assert "pip install 'atensi[xlsx]'" in capsys.readouterr().err
