"""The command line's output has a schema, and holds to it (issue 27, item 8).

``atensi schema result`` is the line ``validate`` and ``assess`` write, ``atensi schema
comparison`` the comparison of ``--compare-editions``; ``examples/what-if.jsonl`` is a shipped
example whose comparison shows a difference.
"""

from __future__ import annotations

import contextlib
import io
import json
import pathlib
from typing import Any

import jsonschema
import pytest

from atensi import json_schema
from atensi.boundary.schema import result_schema
from atensi.cli import main
from atensi.rules import EditionComparison

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _lines(*argv: str) -> list[Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main([*argv, "--quiet"])
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _printed(kind: str) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema", kind]) == 0
    return json.loads(out.getvalue())


RUNS = [
    ["validate", "examples/persons-broken.jsonl", "--kind", "person"],
    ["validate", "examples/persons-broken.jsonl", "--kind", "person", "--show-personal-data"],
    ["validate", "examples/assessments-broken.jsonl", "--kind", "item"],
    ["assess", "examples/cases.json", "--on", "2024-06-01"],
    ["assess", "examples/assessments-broken.jsonl", "--on", "2024-06-01"],
    ["assess", "examples/what-if.jsonl", "--compare-editions", "atensi-2021,ars-2025"],
]


@pytest.mark.parametrize("argv", RUNS, ids=[" ".join(r[:2]) + str(i) for i, r in enumerate(RUNS)])
def test_every_output_line_holds_to_the_result_schema(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    schema = _printed("result")
    assert schema == result_schema()
    check = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    lines = _lines(*argv)
    assert lines
    for line in lines:
        check.validate(line)
    # The schema is not vacuous: an invalid line without errors, or with a decision, fails.
    assert not check.is_valid({"index": 0, "line": 1, "ok": False})
    assert not check.is_valid({"index": 0, "line": 1, "ok": True, "errors": []})


def test_a_shipped_example_shows_a_difference_between_editions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    schema = _printed("comparison")
    assert schema == json_schema(EditionComparison)
    check = jsonschema.Draft202012Validator(schema)
    for pair in ("atensi-2021,ars-2025", "pp39-2012,atensi-2021"):
        comparisons = [
            line["comparison"]
            for line in _lines("assess", "examples/what-if.jsonl", "--compare-editions", pair)
        ]
        for comparison in comparisons:
            check.validate(comparison)
        assert any(c["differences"] for c in comparisons), pair
