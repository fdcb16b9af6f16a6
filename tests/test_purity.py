"""The core is pure: importing atensi is cheap, loads no I/O module, and reads no clock."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import pytest

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "atensi"
IO_MODULES = ("socket", "ssl", "http.client", "urllib.request", "subprocess", "sqlite3", "asyncio")
SHELL = {"cli", "__main__.py"}


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout


def test_import_loads_no_io_module() -> None:
    out = _run(
        "import sys; before = set(sys.modules); import atensi; "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    loaded = set(out.split())
    assert not loaded & set(IO_MODULES), loaded & set(IO_MODULES)


#: What makes ``import atensi`` slow when loaded eagerly (attrs alone costs about 45 ms): the
#: entities, rules, boundary, identifiers and region table load on first use instead.
LAZY = (
    "attrs",
    "cattrs",
    "dateutil",
    "hypothesis",
    "atensi.model",
    "atensi.rules",
    "atensi.boundary",
    "atensi.regions",
    "atensi.nik",
)


def test_import_is_cheap_because_heavy_parts_load_lazily() -> None:
    # The time itself is measured, not asserted: benchmarks/bench_identity.py prints it beside
    # `import json` in the same run. What keeps it small is that these stay unloaded.
    out = _run(
        f"import sys, atensi; print(' '.join(m for m in sys.modules if m.startswith({LAZY})))"
    )
    assert out.split() == []
    assert _run("import atensi; print(atensi.Cluster('anak').name)").strip() == "CHILDREN"


def _core_modules() -> list[pathlib.Path]:
    return [p for p in SRC.rglob("*.py") if not SHELL & {p.name, *p.relative_to(SRC).parts}]


@pytest.mark.parametrize("path", _core_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_core_never_reads_the_clock_or_environment(path: pathlib.Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in {"today", "now", "utcnow", "environ"}:
            pytest.fail(f"{path.name}:{node.lineno} uses .{node.attr}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"open", "input", "print", "__import__", "breakpoint"}
        ):
            pytest.fail(f"{path.name}:{node.lineno} calls {node.func.id}()")
