"""The Spark recipe gives the command line's results, bad lines included (issue 27, item 7).

The recipe read lines with ``spark.read.text``, which decodes in the JVM: a line that is not
UTF-8 came out as ``input.not_json``; and nothing tested it. ``examples/spark_assess.py`` reads
each file as bytes; this runs it on a local Spark (Java 17, the ``spark`` extra) and compares it
with ``atensi assess``, line for line, error codes and line numbers included.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:  # pragma: no cover - CI machines have Java 17
    pytest.skip("Spark needs Java", allow_module_level=True)

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _with_bad_lines(tmp_path: pathlib.Path) -> pathlib.Path:
    lines = (EXAMPLES / "assessments.jsonl").read_bytes().splitlines(keepends=True)[:120]
    lines += (EXAMPLES / "assessments-broken.jsonl").read_bytes().splitlines(keepends=True)[:10]
    lines[10:10] = [b"\n", b"{oops\n", b"\xff\xfe\n", b'{"on": NaN}\n', b"\r\n"]
    path = tmp_path / "items.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def test_the_spark_recipe_gives_the_command_lines_results(tmp_path: pathlib.Path) -> None:
    path = _with_bad_lines(tmp_path)
    out = tmp_path / "decisions"
    done = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "spark_assess.py"),
            str(path),
            str(out),
            "--on",
            "2024-06-01",
            "--master",
            "local[2]",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    parts = [p.read_bytes() for p in sorted(out.glob("part-*"))]
    assert parts
    assert all(part.endswith(b"\n") for part in parts if part)
    written = b"".join(parts).decode("utf-8").splitlines()
    cli = subprocess.run(
        [sys.executable, "-m", "atensi", "assess", str(path), "--on", "2024-06-01", "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert cli.returncode == 1
    expected = [
        re.sub(r'^\{"index": \d+, "line": \d+, ', "{", line) for line in cli.stdout.splitlines()
    ]
    assert written == expected
    codes = [json.loads(t)["errors"][0]["code"] for t in written if not json.loads(t)["ok"]][:3]
    assert codes == ["input.not_json", "input.not_utf8", "input.not_json"]


def test_the_spark_recipe_refuses_a_glob_that_matches_nothing(tmp_path: pathlib.Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "spark_assess.py"),
            str(tmp_path / "registry" / "2025-*.jsonl"),
            str(tmp_path / "out"),
            "--on",
            "2025-06-01",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "no file matches" in done.stderr
    assert not (tmp_path / "out").exists()
