"""The command line, driven as a user would: the real entry point, real files, broken files."""

from __future__ import annotations

import io
import json
import pathlib
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import cli

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "atensi", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_validate_the_example_persons() -> None:
    result = run("validate", "examples/persons.jsonl", "--kind", "person")
    assert len(result.stdout.splitlines()) == 1056
    # The summary counts the valid records with warnings (retired domicile codes, NIKs that
    # contradict a record), as many as the results that list warnings.
    warned = sum("warnings" in json.loads(line) for line in result.stdout.splitlines())
    assert warned == 54
    assert result.stderr.strip() == "1056 records: 1056 valid (54 with warnings), 0 invalid"
    assert result.returncode == 0
    broken = run("validate", "examples/persons-broken.jsonl", "--kind", "person")
    lines = broken.stdout.splitlines()
    assert len(lines) == 44
    assert not any(json.loads(line)["ok"] for line in lines)
    assert broken.stderr.strip() == "44 records: 0 valid, 44 invalid"
    assert broken.returncode == 1


def test_the_readme_main_job_exits_0() -> None:
    # Issue 15 item 15: a first run that exits 1 breaks `&&` chains and scares newcomers.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "atensi assess examples/assessments.jsonl --on 2024-06-01" in readme
    result = run("assess", "examples/assessments.jsonl", "--on", "2024-06-01")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1056


def test_assess_redacts_by_default_and_shows_personal_data_on_request() -> None:
    default = run("assess", "examples/cases.json", "--on", "2024-06-01")
    assert default.returncode == 1  # the last item is broken on purpose
    assert "3171014103900001" not in default.stdout
    assert "2010-01-01" not in default.stdout  # the child's birth date, a fact of elig.anak.age
    decision = json.loads(default.stdout.splitlines()[1])["decision"]
    facts = [v for f in decision["findings"] for v in f["facts"].values()]
    assert facts
    assert set(facts) == {"<redacted>"}
    shown = run("assess", "examples/cases.json", "--on", "2024-06-01", "--show-personal-data")
    assert "2010-01-01" in shown.stdout


def test_stdin_and_json_arrays_stream() -> None:
    items = (EXAMPLES / "cases.json").read_bytes()
    result = run("assess", "-", "--on", "2024-06-01", stdin=items)
    assert len(result.stdout.splitlines()) == 5


def test_explain_in_indonesian() -> None:
    result = run("explain", "examples/cases.json", "--on", "2024-06-01", "--lang", "id")
    assert "Keputusan (kelayakan, 2024-06-01, atensi-2022)" in result.stdout
    assert "rekaman" in result.stderr


def test_schema_nik_region_coverage() -> None:
    schema = json.loads(run("schema", "person").stdout)
    assert schema["title"] == "Person"
    nik = run("nik", "3171014103900001", "--on", "2026-01-01")
    assert json.loads(nik.stdout) == {
        "valid": True,
        "nik": "317101******0001",
        "province": "31",
        "regency": "3171",
        "district": "317101",
        "warnings": [],
    }
    bad = run("nik", "3171014103900000")
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["code"] == "nik.invalid_serial"
    region = json.loads(run("region", "65.01").stdout)
    assert region["name"] == "Kabupaten Bulungan"
    csv = run(
        "coverage",
        "examples/registry.json",
        "--on",
        "2024-06-01",
        "--format",
        "csv",
        "--regions",
        "7305",
        "3171",
    )
    assert csv.stdout.splitlines()[1].startswith("7305,PANGURANGI TODDOPULI")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("validate", "does-not-exist.jsonl", "--kind", "person"), "cannot read"),
        (("validate", "examples/persons.jsonl", "--kind", "alien"), "unknown kind"),
        (("frobnicate",), "invalid choice"),
        (("assess", "examples/cases.json", "--on", "yesterday"), "not a date"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr


def write(tmp_path: pathlib.Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_broken_json_lines_are_invalid_records_with_line_numbers(tmp_path: pathlib.Path) -> None:
    good = b'{"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"}'
    path = write(tmp_path, "broken.jsonl", good + b"\n{oops\n\xff\xfe\n" + good + b"\n")
    result = run("validate", path, "--kind", "person")
    results = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["ok"] for r in results] == [True, False, False, True]
    assert results[1]["errors"][0]["code"] == "input.not_json"
    assert "line 2" in results[1]["errors"][0]["msg"]["en"]
    assert results[2]["errors"][0]["code"] == "input.not_utf8"
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'[{"id": "P"}, {"id": ', "truncated"),
        (b'[{"id": "P"}', "truncated"),
        (b'[{"id": "P"} {"id": "Q"}]', "expected ','"),
        (b'[{"id": "P"}, {"id": "\\"}]', "never ends"),
    ],
)
def test_unreadable_arrays_exit_2(tmp_path: pathlib.Path, data: bytes, message: str) -> None:
    result = run("validate", write(tmp_path, "bad.json", data), "--kind", "person")
    assert result.returncode == 2
    assert message in result.stderr


def test_an_item_nested_1000_deep_in_an_array_file_is_one_result_of_three(
    tmp_path: pathlib.Path,
) -> None:
    # Issue 28: it ended the run with exit 2 after one result of three.
    good = json.dumps({"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"})
    deep = '{"a": ' * 1000 + "1" + "}" * 1000
    for name, text in (
        ("deep.json", f"[{good},\n{deep},\n{good}]"),
        ("deep.jsonl", f"{good}\n{deep}\n{good}\n"),
    ):
        result = run("validate", write(tmp_path, name, text.encode()), "--kind", "person")
        results = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["ok"] for r in results] == [True, False, True], name
        assert results[1]["errors"][0]["code"] == "input.too_deep"
        assert result.returncode == 1
        assert "3 records: 2 valid, 1 invalid" in result.stderr


def test_an_empty_file_is_zero_records(tmp_path: pathlib.Path) -> None:
    result = run("validate", write(tmp_path, "empty.jsonl", b""), "--kind", "person")
    assert result.returncode == 0
    assert result.stdout == ""
    assert "0 records" in result.stderr


def test_a_100_mb_line_is_skipped_not_loaded(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"id": "P", "name": "' + b"x" * (100 * 1024 * 1024) + b'"}\n')
        handle.write(b'{"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"}\n')
    result = run("validate", str(path), "--kind", "person")
    results = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["ok"] for r in results] == [False, True]
    assert results[0]["errors"][0]["code"] == "input.too_large"


POISON = {
    "id": "P-1",
    "nik": "3171014103900009",
    "name": "Rahasia Sekali",
    "birth_date": {"value": "1990-03-01"},
    "registry_id": "DTKS-RAHASIA-77",
    "conditions": [{"group": "odha", "evidence": "catatan HIV rahasia"}],
    "sex": "x",
}


def test_default_cli_output_holds_no_personal_data(tmp_path: pathlib.Path) -> None:
    bad = write(tmp_path, "p.jsonl", json.dumps(POISON).encode() + b"\n")
    item = {
        "subject": {"kind": "person", **POISON, "sex": "perempuan"},
        "assessment": {
            "id": "A",
            "assessed_on": "2024-01-01",
            "conditions": [{"group": "odha", "evidence": "catatan HIV rahasia"}],
        },
    }
    good = write(tmp_path, "i.jsonl", json.dumps(item).encode() + b"\n")
    outputs = [
        run("validate", bad, "--kind", "person"),
        run("assess", good, "--on", "2024-06-01"),
        run("explain", good, "--on", "2024-06-01"),
        run("nik", "3171014103900009", "--on", "2026-01-01"),
    ]
    for result in outputs:
        text = result.stdout + result.stderr
        for secret in (
            "3171014103900009",
            "Rahasia Sekali",
            "DTKS-RAHASIA-77",
            "catatan HIV rahasia",
            "1990-03-01",
        ):
            assert secret not in text


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300) | st.sampled_from([b"[", b"[1,", b"[\n]", b"{}\n[]\n", b"\n\n"]))
def test_fuzz_the_input_path(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    original = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = cli.main(["validate", str(path), "--kind", "person"])
    finally:
        sys.stdout, sys.stderr = original
    assert code in (0, 1, 2)
    for line in out.getvalue().splitlines():
        json.loads(line)


class SlowStream(io.BytesIO):
    """Reads return at most ``step`` bytes, as from a pipe."""

    def __init__(self, data: bytes, step: int) -> None:
        super().__init__(data)
        self.step = step

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0 or size > self.step:
            size = self.step
        return super().read(size)


JSON_RECORDS = st.lists(
    st.dictionaries(
        st.text(max_size=8),
        st.recursive(
            st.none()
            | st.booleans()
            | st.integers()
            | st.floats(allow_nan=False, allow_infinity=False)  # NaN, Infinity: not JSON
            | st.text(alphabet='aé☃𝄞"\\\n ', max_size=8),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
            max_leaves=8,
        ),
        max_size=4,
    ),
    max_size=6,
)


@settings(max_examples=150)
@given(JSON_RECORDS, st.integers(1, 17), st.booleans())
def test_streamed_records_are_the_records_however_the_bytes_arrive(
    records: list[dict[str, Any]], step: int, lines: bool
) -> None:
    if lines:
        data = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)
    else:
        data = json.dumps(records, ensure_ascii=False, indent=1).encode()
    assert list(cli.records_from(SlowStream(data, step))) == records


@pytest.mark.parametrize("lines", [True, False])
def test_a_byte_order_mark_is_skipped(lines: bool) -> None:
    records = [{"id": "P", "name": "Ñoño"}, {"id": "Q"}]
    body = (
        b"".join(json.dumps(r).encode() + b"\n" for r in records)
        if lines
        else json.dumps(records).encode()
    )
    assert list(cli.records_from(io.BytesIO(b"\xef\xbb\xbf" + body))) == records


def test_a_line_that_starts_like_a_byte_order_mark_is_read_as_a_line() -> None:
    found = list(cli.records_from(io.BytesIO(b"\xef\x80\x80\n{}\n")))
    assert isinstance(found[0], cli.BadItem)
    assert found[0].detail.code == "input.not_json"
    assert found[1] == {}


@pytest.mark.parametrize("personal", [False, True])
def test_assess_writes_what_the_batch_functions_return(personal: bool) -> None:
    import datetime as dt

    from atensi.batch import assess_record

    flags = ("--show-personal-data",) if personal else ()
    result = run("assess", "examples/assessments.jsonl", "--on", "2024-06-01", *flags)
    lines = (EXAMPLES / "assessments.jsonl").read_text(encoding="utf-8").splitlines()
    expected = [
        json.dumps(
            {
                "index": index,
                "line": index + 1,
                **assess_record(
                    json.loads(line), on=dt.date(2024, 6, 1), show_personal_data=personal
                ),
            },
            ensure_ascii=False,
        )
        for index, line in enumerate(lines)
    ]
    assert result.stdout.splitlines() == expected


def test_jobs_give_the_single_process_output_in_input_order(tmp_path: pathlib.Path) -> None:
    # More than two batches of records, unreadable and blank lines among them.
    lines = (EXAMPLES / "assessments.jsonl").read_bytes().splitlines(keepends=True)
    lines += (EXAMPLES / "assessments-broken.jsonl").read_bytes().splitlines(keepends=True)
    body = b"".join(lines * 8) + b"{oops\n\n\xff\xfe\n" + b"".join(lines[:50])
    path = write(tmp_path, "many.jsonl", body)
    single = run("assess", path, "--on", "2024-06-01")
    parallel = run("assess", path, "--on", "2024-06-01", "--jobs", "2")
    assert parallel.stdout == single.stdout
    warned = sum("warnings" in json.loads(line) for line in single.stdout.splitlines())
    assert warned
    expected = f"8852 records: 8498 valid ({warned} with warnings), 354 invalid\n"
    assert parallel.stderr == single.stderr == expected
    array = write(
        tmp_path,
        "persons.json",
        b"[" + b",".join((EXAMPLES / "persons.jsonl").read_bytes().splitlines()) + b"]",
    )

    def unplaced(stdout: str) -> list[dict[str, Any]]:
        found = [json.loads(line) for line in stdout.splitlines()]
        return [{k: v for k, v in r.items() if k not in ("line", "offset")} for r in found]

    assert unplaced(run("validate", array, "--kind", "person", "--jobs", "2").stdout) == unplaced(
        run("validate", "examples/persons.jsonl", "--kind", "person").stdout
    )


def test_jobs_must_be_a_count() -> None:
    result = run("validate", "examples/persons.jsonl", "--kind", "person", "--jobs", "many")
    assert result.returncode == 2
    assert "not a number of processes" in result.stderr


def test_jobs_write_every_record_before_a_truncated_array_stops_the_run(
    tmp_path: pathlib.Path,
) -> None:
    lines = (EXAMPLES / "persons.jsonl").read_bytes().splitlines()
    path = write(tmp_path, "truncated.json", b"[" + b",".join(lines * 5) + b', {"id": ')
    single = run("validate", path, "--kind", "person")
    parallel = run("validate", path, "--kind", "person", "--jobs", "2")
    assert single.returncode == parallel.returncode == 2
    assert parallel.stdout == single.stdout
    assert len(parallel.stdout.splitlines()) == 5280


# --- Which rules: --edition, --in-force-date, --compare-editions ------------------------------

_ITEM = {
    "subject": {"kind": "person", "id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"},
    "assessment": {
        "id": "A",
        "assessed_on": "2024-05-01",
        "conditions": [{"group": "gelandangan"}],
        "welfare_decile": 7,
    },
}


def _items(tmp_path: pathlib.Path, *items: dict[str, Any]) -> str:
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return str(path)


def test_edition_pin_and_in_force_dates_reach_every_record(tmp_path: pathlib.Path) -> None:
    path = _items(tmp_path, _ITEM, {**_ITEM, "on": "2021-08-25"})
    pinned = run("assess", path, "--on", "2024-06-01", "--edition", "ars-2025")
    assert pinned.returncode == 0
    editions = [json.loads(line)["decision"]["edition"] for line in pinned.stdout.splitlines()]
    assert editions == ["ars-2025", "ars-2025"]
    moved = run(
        "assess", path, "--on", "2024-06-01", "--in-force-date", "permensos-7-2021=2021-08-20"
    )
    editions = [json.loads(line)["decision"]["edition"] for line in moved.stdout.splitlines()]
    assert editions == ["atensi-2022", "atensi-2021"]
    by_date = run("assess", path, "--on", "2024-06-01")
    editions = [json.loads(line)["decision"]["edition"] for line in by_date.stdout.splitlines()]
    assert editions == ["atensi-2022", "atensi-2020"]


_ELDER = {
    "subject": {
        "kind": "person",
        "id": "P",
        "nik": {"reason": "belum_terdaftar"},
        "name": "A",
        "birth_date": {"value": "1950-03-01"},
    },
    "assessment": {
        "id": "A",
        "assessed_on": "2019-05-01",
        "conditions": [{"group": "lanjut_usia_terlantar"}],
    },
}


def test_compare_editions_writes_one_comparison_per_item(tmp_path: pathlib.Path) -> None:
    path = _items(tmp_path, _ELDER)
    result = run(
        "assess", path, "--on", "2019-06-01", "--compare-editions", "pp39-2012,progres-2019"
    )
    assert result.returncode == 0
    line = json.loads(result.stdout)
    comparison = line["comparison"]
    assert comparison["editions"] == ["pp39-2012", "progres-2019"]
    assert comparison["differences"][0]["outcomes"] == {
        "pp39-2012": "needs_review",
        "progres-2019": "eligible",
    }
    facts = [v for d in comparison["decisions"] for f in d["findings"] for v in f["facts"].values()]
    assert set(facts) <= {"<redacted>"}
    text = run(
        "explain", path, "--on", "2019-06-01", "--compare-editions", "pp39-2012,progres-2019"
    )
    assert "elig.edition.target: needs_review under pp39-2012, absent under progres-2019" in (
        text.stdout
    )
    # The DTSEN gate of 2025 is reported, but it gates aid, not the target (issue 24).
    same = run(
        "assess",
        _items(tmp_path, _ITEM),
        "--on",
        "2024-06-01",
        "--compare-editions",
        "atensi-2021,ars-2025",
    )
    assert json.loads(same.stdout)["comparison"]["differences"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--edition", "atensi-1999"], "is not an edition code"),
        (["--in-force-date", "pp-52-2019=2020-01-01"], "is not an edition instrument code"),
        (["--in-force-date", "permensos-7-2021"], "INSTRUMENT=YYYY-MM-DD"),
        (["--in-force-date", "permensos-7-2021=20210820"], "not a date"),
        (["--compare-editions", "ars-2025"], "at least two editions"),
        (["--compare-editions", "ars-2025,nope"], "is not an edition code"),
        (["--in-force-date", "permensos-7-2021=2030-01-01"], "must increase"),
    ],
)
def test_bad_edition_options_are_usage_errors(
    tmp_path: pathlib.Path, args: list[str], message: str
) -> None:
    path = _items(tmp_path, _ITEM)
    for command in ("assess", "explain"):
        result = run(command, path, "--on", "2024-06-01", *args)
        assert result.returncode == 2, (command, args, result.stderr)
        assert message in result.stderr, (command, result.stderr)
        assert result.stdout == ""


def test_bad_edition_options_are_explained_in_indonesian(tmp_path: pathlib.Path) -> None:
    result = run("assess", _items(tmp_path, _ITEM), "--edition", "nope", "--lang", "id")
    assert result.returncode == 2
    assert "bukan kode edisi" in result.stderr


def test_coverage_takes_the_edition_pin(tmp_path: pathlib.Path) -> None:
    registry = tmp_path / "registry.json"
    registry.write_text(
        json.dumps(
            [
                {
                    "code": "L",
                    "name": "Loka",
                    "kind": "loka",
                    "home_clusters": ["korban_napza"],
                    "working_area": ["7305"],
                }
            ]
        ),
        encoding="utf-8",
    )
    result = run(
        "coverage",
        str(registry),
        "--on",
        "2021-06-01",
        "--regions",
        "7305",
        "--edition",
        "atensi-2021",
    )
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["edition"] == "atensi-2021"
    cells = {target: units for _, target, units in report["cells"]}
    assert cells["korban_bencana"] == ["L"]
    bad = run("coverage", str(registry), "--on", "2021-06-01", "--edition", "nope")
    assert bad.returncode == 2


# --- Where each record is: the line, and the byte offset in an array (issue 15, item 12) ------


def test_results_carry_the_line_of_their_record(tmp_path: pathlib.Path) -> None:
    good = b'{"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"}'
    path = write(tmp_path, "gaps.jsonl", b"\n\n" + good + b"\n\n\n{oops\n" + good + b"\n")
    for jobs in ("1", "2"):
        result = run("validate", path, "--kind", "person", "--jobs", jobs, "--force-jobs")
        found = [json.loads(line) for line in result.stdout.splitlines()]
        assert [(r["index"], r["line"], r["ok"]) for r in found] == [
            (0, 3, True),
            (1, 6, False),
            (2, 7, True),
        ]
        assert all("offset" not in r for r in found)


def test_array_items_carry_their_line_and_byte_offset(tmp_path: pathlib.Path) -> None:
    first = '{"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "Ä\u00e9"}'
    body = f' [\n{first},\n\n  {{"id": 1}}]'.encode()
    path = write(tmp_path, "items.json", body)
    found = [
        json.loads(line) for line in run("validate", path, "--kind", "person").stdout.splitlines()
    ]
    assert [(r["line"], r["offset"]) for r in found] == [
        (2, body.index(b"{")),
        (4, body.index(b'{"id": 1}')),
    ]
    explained = run("explain", path, "--on", "2024-06-01")
    assert "# 1 (line 4, byte " in explained.stdout


def test_jobs_workers_write_their_own_lines_to_the_output_in_input_order(
    tmp_path: pathlib.Path,
) -> None:
    """With a file to write to, the workers' lines never travel back to the main process."""
    import functools

    from atensi.batch import validate_line_json
    from atensi.cli import records
    from atensi.cli._reader import LineBatch
    from atensi.model import Person

    lines = (EXAMPLES / "persons.jsonl").read_bytes().splitlines()
    size = 150
    batches = [
        records._Batch(
            first, LineBatch(list(range(first + 1, first + size + 1)), lines[first : first + size])
        )
        for first in range(0, 900, size)
    ]
    line_work = functools.partial(validate_line_json, cls=Person)
    unit = records._Unit(str, False, line_work)
    path = tmp_path / "out.jsonl"
    with open(path, "wb") as handle:
        written = list(records._written(iter(batches), unit, 2, handle.fileno()))
    # The first batch is decided in the main process (which writes it); the workers write theirs.
    assert [bool(w.data) for w in written] == [True] + [False] * (len(batches) - 1)
    assert all(w.failure is None for w in written)
    expected = [records._write_batch(batch, unit) for batch in batches]
    assert b"".join(written[0].data) + path.read_bytes() == b"".join(
        piece for w in expected for piece in w.data
    )
    assert [w.records for w in written] == [w.records for w in expected] == [size] * 6
    assert [w.valid for w in written] == [w.valid for w in expected]
