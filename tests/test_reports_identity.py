"""``atensi report`` writes the same bytes as before its speed work (issue 26, item 6).

The report was made faster by design (one walk of a case for the three accumulators, values
that depend only on a date, a unit and the edition read once, ...). Each file of a few reports
must stay byte for byte what the report wrote before that work (main at aed278c): the example
programme with targets and a registry, and a larger generated programme (the example
programme's own generator, ``tools/make_programme.py``) with bad lines, families counted per
member, quarters, matching without NIK and a ceiling, and a third with every axis kept by
month. The SHA-256 of every file is in ``report_hashes.json``; a change that means to change
a table regenerates them (``python tests/test_reports_identity.py``) and says so in its commit.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import pathlib
import sys
from typing import Any

import pytest

from atensi import cli
from atensi.boundary import _compiled

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HASHES = pathlib.Path(__file__).with_name("report_hashes.json")
#: Cases of the generated programme (about 3 MB of JSON Lines).
GENERATED = 2000
#: Lines that are not valid records, mixed into the generated programme.
BAD_LINES = (
    "not json",
    '{"id": "C-X", "unit": "S-1"}',
    '{"id": "C-Y", "unit": "S-1", "opened_on": "2024-13-01", "subject": {"kind": "person"}}',
    "[1, 2]",
)

#: name -> (input, options)
RUNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "examples": (
        "examples",
        (
            "--period",
            "2021-01-01/2025-12-31",
            "--targets",
            str(EXAMPLES / "targets.jsonl"),
            "--registry",
            str(EXAMPLES / "registry.json"),
        ),
    ),
    "generated": (
        "generated",
        (
            "--period",
            "2021-01-01/2025-12-31",
            "--granularity",
            "quarter",
            "--members",
            "--match-without-nik",
            "--ceiling",
            "5000000",
            "--targets",
            str(EXAMPLES / "targets.jsonl"),
        ),
    ),
    "generated-every-axis": (
        "generated",
        (
            "--period",
            "2024",
            "--granularity",
            "month",
            "--by",
            "period,kind,target,target_group,province,regency,approach,unit,channel,component",
        ),
    ),
}


def _generated(folder: pathlib.Path) -> pathlib.Path:
    """The generated programme: the example generator's cases, then bad lines, then a portfolio."""
    generator = ROOT / "tools" / "make_programme.py"
    spec = importlib.util.spec_from_file_location("make_programme", generator)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    programme = module.Programme(module.SEED)
    lines = [
        json.dumps(module._compact(programme.case(n)), ensure_ascii=False) for n in range(GENERATED)
    ]
    for at, bad in enumerate(BAD_LINES):
        lines.insert(1 + at * (GENERATED // len(BAD_LINES)), bad)
    lines.append(json.dumps(module._compact(programme.portfolio()), ensure_ascii=False))
    path = folder / "generated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reports(folder: pathlib.Path, *more: str) -> dict[str, dict[str, str]]:
    """The SHA-256 of each file of each run (and of the generated input), by run name."""
    inputs = {"examples": EXAMPLES / "programme.jsonl", "generated": _generated(folder)}
    found: dict[str, dict[str, str]] = {
        "inputs": {name: _digest(path.read_bytes()) for name, path in inputs.items()}
    }
    for name, (source, options) in RUNS.items():
        out = folder / name
        argv = ["report", str(inputs[source]), "--out", str(out), "--format", "csv,json"]
        code = cli.main([*argv, *options, *more])
        files = {p.name: _digest(p.read_bytes()) for p in sorted(out.iterdir())}
        found[name] = {"exit": str(code), **files}
    return found


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(HASHES.read_text(encoding="utf-8"))
    return found


def test_every_file_of_the_reports_is_byte_identical(
    tmp_path: pathlib.Path, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    found = reports(tmp_path)
    capsys.readouterr()
    assert found["inputs"] == expected["inputs"], "the generator changed: regenerate the hashes"
    for name in RUNS:
        assert found[name] == expected[name], name


def test_without_the_fast_extra_the_report_is_the_same(
    tmp_path: pathlib.Path,
    expected: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(_compiled, "twins", lambda: None)
    found = reports(tmp_path)
    capsys.readouterr()
    for name in RUNS:
        assert found[name] == expected[name], name


def test_partial_reports_of_workers_merge_into_the_same_files(
    tmp_path: pathlib.Path, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    found = reports(tmp_path, "--jobs", "2")  # batches numbered apart, merged in order
    capsys.readouterr()
    for name in RUNS:
        assert found[name] == expected[name], name


if __name__ == "__main__":  # regenerate the hashes (a change that means to change a table)
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        hashes = reports(pathlib.Path(scratch))
    HASHES.write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stderr.write(f"wrote {HASHES}\n")
