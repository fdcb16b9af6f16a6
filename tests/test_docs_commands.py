"""The commands the docs print work as pasted, and write nothing into the clone (issue 27).

Issue 27, item 8: documented commands wrote ``results.jsonl``, ``errors.jsonl`` and
``coverage.csv`` into the clone, the fuzz command added files to the tracked corpus,
docs/editions.md used a file that does not exist, and the Dask recipe's glob was a placeholder.
This reads every console block of the README, ``examples/README.md`` and the docs, requires every
file they write to be outside the clone and every example file they read to exist, and runs the
``atensi`` commands (their ``/tmp`` outputs moved into a temporary folder) with the exit code
their comment states.
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import pathlib
import re
import shlex
from typing import Any

import pytest

from atensi.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "examples" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PROGRAMS = (
    "atensi",
    ".venv/bin/atensi",
    "python",
    "python3",
    ".venv/bin/python",
    "pip",
    "npx",
    "npm",
)
#: Options and positions that name what a command writes.
WRITES = ("--out", "-w", "-o", "--prefix")


def _commands() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, re.S):
            lines = block.replace("\\\n", " ").splitlines()
            prompted = any(line.startswith("$ ") for line in lines)
            for line in lines:
                if prompted and not line.startswith("$ "):
                    continue  # the output shown under a command
                command = line.removeprefix("$ ").strip()
                for part in command.split("&&"):
                    part = part.strip()
                    if part.startswith(PROGRAMS):
                        found.append((page.name, part))
    return found


COMMANDS = _commands()


def _written(words: list[str]) -> list[str]:
    """The paths a command writes: redirections, output options, the recipes' output folder."""
    out = []
    for i, word in enumerate(words):
        if word in (">", "2>", ">>") and i + 1 < len(words):
            out.append(words[i + 1])
        elif word.startswith(">") and len(word) > 1:
            out.append(word.lstrip(">"))
        elif word in WRITES and i + 1 < len(words):
            out.append(words[i + 1])
        elif word.startswith("-artifact_prefix="):
            out.append(word.split("=", 1)[1])
    script = next((w for w in words if w.endswith(".py")), "")
    positional = (
        [w for w in words[words.index(script) + 1 :] if not w.startswith("-")] if script else []
    )
    if (
        script.endswith(("dask_assess.py", "dask_report.py", "spark_assess.py"))
        and len(positional) > 1
    ):
        out.append(positional[1])
    if "fuzz/fuzz_" in script and positional:
        out.append(positional[0])  # libFuzzer writes new inputs into its first folder
    return out


def _words(command: str) -> list[str]:
    return shlex.split(command.split("#", 1)[0].split("|", 1)[0], posix=True)


def test_the_docs_print_commands() -> None:
    assert len(COMMANDS) > 20
    assert any("what-if.jsonl" in c for _, c in COMMANDS)


@pytest.mark.parametrize(("page", "command"), COMMANDS, ids=[f"{p}: {c[:50]}" for p, c in COMMANDS])
def test_a_documented_command_writes_nothing_into_the_clone(page: str, command: str) -> None:
    words = _words(command)
    if re.search(r"\b[A-Z]{3,}\b", command.split("#")[0]) or "examples/" not in command:
        return  # a synopsis (FILE, DIR), or a command on the reader's own files elsewhere
    for path in _written(words):
        assert path.startswith("/"), f"{page}: {command!r} writes {path!r} into the clone"
    for word in words:
        if word.startswith(("examples/", "./examples/")):
            assert glob.glob(str(ROOT / word)), f"{page}: {word} does not exist"


RUNNABLE = [
    (page, command)
    for page, command in COMMANDS
    if command.startswith("atensi ")
    and not re.search(r"\b[A-Z]{3,}\b", command.split("#")[0])  # a placeholder: FILE, PORTFOLIO
    and all(
        glob.glob(str(ROOT / w))
        for w in _words(command)
        if re.search(r"\.(jsonl?|csv)$", w)
        if not w.startswith("/")
    )
]


@pytest.mark.parametrize(("page", "command"), RUNNABLE, ids=[f"{p}: {c[:50]}" for p, c in RUNNABLE])
def test_a_documented_atensi_command_runs_as_pasted(
    page: str, command: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    before = _tree()
    words = [w.replace("/tmp/", f"{tmp_path}/") for w in _words(command)]
    target = None
    if ">" in words:
        target = pathlib.Path(words[words.index(">") + 1])
        words = words[: words.index(">")]
    expected = int(m.group(1)) if (m := re.search(r"# exit (\d)", command)) else 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(words[1:])
    assert code == expected, f"{page}: {command!r} exited {code}"
    if target is not None:
        target.write_text(out.getvalue(), encoding="utf-8")
        assert target.stat().st_size > 0
    assert _tree() == before, f"{page}: {command!r} wrote into the clone"


def _tree() -> set[Any]:
    skip = {".venv", ".git", ".hypothesis", "docs/_build", ".mypy_cache", ".ruff_cache"}
    found = set()
    for folder, dirs, files in os.walk(ROOT):
        rel = os.path.relpath(folder, ROOT)
        dirs[:] = [d for d in dirs if os.path.normpath(os.path.join(rel, d)) not in skip]
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found |= {os.path.join(rel, f) for f in files}
    return found
