"""No personal data through keys, values or any output (issue 28, item 1).

A secret from :mod:`tests.planted` (a NIK and its disguises, names, phones, addresses, e-mails,
health notes, family-card numbers) planted anywhere in a record (a personal value, a key, a
nested key, a misspelt key, an unknown field, a value of the wrong type) never appears in any
output under default redaction: the error's texts and JSON, reprs, the batch results, every
command of the command line and every file of a report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import pathlib
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi.errors import MAX_KEY_SHOWN, key_digest, safe_key, use_digest_key
from tests.planted import (
    NIK_FORMS,
    PLACES,
    SECRETS,
    entity_of,
    leaks,
    library_outputs,
    plant,
    seeds,
)

ON = dt.date(2024, 6, 1)
SEEDS = seeds()


# --- The key rule ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["nmae", "birthDate", "address_line2", "zz_unknown", "x"])
def test_a_key_that_looks_like_a_field_name_is_shown(key: str) -> None:
    assert safe_key(key) == key


@pytest.mark.parametrize("key", SECRETS, ids=ascii)
def test_every_planted_secret_as_a_key_is_a_placeholder(key: str) -> None:
    shown = safe_key(key)
    assert shown.startswith(f"<key: {len(key)} chars, #")
    assert not leaks(shown)
    assert shown.isascii()
    assert shown.isprintable()


@pytest.mark.parametrize(
    "key",
    [
        "Name",  # a capital: a mononym looks the same
        "nik3273015708920003",  # an identifier with a NIK in it
        "a" * (MAX_KEY_SHOWN + 1),
        "n\u0131k",  # dotless i: not ASCII
        "birth-date",
        "a\nb",
        "\x1b[31m",
        "\ud800",
        "",
    ],
    ids=ascii,
)
def test_a_key_that_is_not_a_plain_field_name_is_a_placeholder(key: str) -> None:
    assert safe_key(key).startswith("<key: ")


def test_two_errors_about_the_same_key_can_be_matched() -> None:
    first, second = (safe_key(form) for form in (NIK_FORMS[4], NIK_FORMS[4]))
    assert first == second
    assert len({safe_key(form) for form in NIK_FORMS}) == len(NIK_FORMS)


def _digest_in_a_new_process(key: str) -> str:
    code = f"from atensi.errors import key_digest; print(key_digest({key!r}))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_the_digest_is_keyed_with_a_secret_of_the_process_not_a_public_one() -> None:
    # A digest under a public key could be tested against guessed NIKs: each process draws its
    # own secret, so the same key gets another digest in another process (hash seed fixed).
    assert _digest_in_a_new_process(NIK_FORMS[0]) != _digest_in_a_new_process(NIK_FORMS[0])


def test_a_caller_can_share_the_digest_key_between_processes() -> None:
    secret = bytes(range(32))
    try:
        use_digest_key(secret)
        here = key_digest("Siti Aminah")
        use_digest_key(bytes(range(1, 33)))
        assert key_digest("Siti Aminah") != here
        use_digest_key(secret)
        assert key_digest("Siti Aminah") == here
        for weak in (b"", b"short", b"\x00" * 32, "a string key" * 3):
            with pytest.raises(atensi.AtensiError) as info:
                use_digest_key(weak)  # type: ignore[arg-type]
            assert info.value.code == "errors.weak_key"
    finally:
        use_digest_key(None)


# --- Planted secrets, library outputs ------------------------------------------------------------


def _planted(kinds: tuple[str, ...]) -> st.SearchStrategy[tuple[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, Any]:
        kind = draw(st.sampled_from(kinds))
        record = draw(st.sampled_from(SEEDS[kind]))
        for _ in range(draw(st.integers(1, 2))):
            record = plant(
                record,
                entity_of(kind),
                draw(st.sampled_from(SECRETS)),
                draw(st.sampled_from(PLACES)),
                draw(st.integers(0, 1000)),
            )
        return kind, record

    return build()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted=_planted(("person", "item", "case", "registry")))
def test_a_planted_secret_never_reaches_a_library_output(planted: tuple[str, Any]) -> None:
    kind, record = planted
    for text in library_outputs(kind, record):
        assert not leaks(text), (leaks(text), text[:400])


# --- Planted secrets, the command line (in process) ----------------------------------------------


def _cli(argv: list[str], stdin: str | None = None) -> str:
    from atensi.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(argv)
    return out.getvalue() + err.getvalue()


def _files(folder: pathlib.Path) -> list[str]:
    return [p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted=_planted(("person", "item", "case")), array=st.booleans())
def test_a_planted_secret_never_reaches_a_command_line_output(
    planted: tuple[str, Any], array: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    kind, record = planted
    folder = tmp_path_factory.mktemp("planted")
    path = folder / ("in.json" if array else "in.jsonl")
    good = SEEDS[kind][0]
    text = json.dumps(record, ensure_ascii=False)
    if array:
        path.write_text(f"[{json.dumps(good)},\n{text}]", encoding="utf-8")
    else:
        path.write_text(f"{json.dumps(good)}\n{text}\n", encoding="utf-8")
    outputs = []
    if kind == "person":
        outputs.append(_cli(["validate", str(path), "--kind", "person"]))
    elif kind == "item":
        outputs.append(_cli(["validate", str(path), "--kind", "item"]))
        outputs.append(_cli(["assess", str(path), "--on", "2024-06-01"]))
        outputs.append(_cli(["explain", str(path), "--on", "2024-06-01", "--lang", "id"]))
    else:
        report = folder / "report"
        outputs.append(
            _cli(
                [
                    "report",
                    str(path),
                    "--period",
                    "2024",
                    "--out",
                    str(report),
                    "--format",
                    "csv,json",
                    "--trace",
                    "target=anak",
                ]
            )
        )
        outputs += _files(report)
    for output in outputs:
        assert not leaks(output), (leaks(output), output[:600])


# --- Digests across the command line's workers and runs -------------------------------------------


def _hidden_key_file(tmp_path: pathlib.Path, count: int = 3000) -> pathlib.Path:
    person = {"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A", "Siti Aminah": 1}
    path = tmp_path / "hidden.jsonl"
    path.write_text((json.dumps(person) + "\n") * count, encoding="utf-8")
    return path


def _validate(path: pathlib.Path, *options: str, key: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "ATENSI_DIGEST_KEY"}
    if key is not None:
        env["ATENSI_DIGEST_KEY"] = key
    done = subprocess.run(
        [sys.executable, "-m", "atensi", "validate", str(path), "--kind", "person", *options],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode in (1, 2), done.stderr
    return done.stdout if done.returncode == 1 else done.stderr


def test_a_hidden_key_reads_alike_from_every_worker_of_a_run(tmp_path: pathlib.Path) -> None:
    output = _validate(_hidden_key_file(tmp_path), "--jobs", "2", "--force-jobs")
    shown = set(re.findall(r"<key: 11 chars, #[0-9a-f]{8}>", output))
    assert len(shown) == 1
    assert output.count(shown.pop()) == 3000


def test_runs_match_their_digests_only_with_the_same_secret(tmp_path: pathlib.Path) -> None:
    path = _hidden_key_file(tmp_path, 50)
    assert _validate(path) != _validate(path)  # a secret of its own for each run
    secret = "5e0c3b1f9a7d2e4c6b8a0f1d3c5e7a9b"
    one = _validate(path, key=secret)
    assert one == _validate(path, "--jobs", "2", "--force-jobs", key=secret)
    assert "<key: 11 chars, #" in one
    assert "ATENSI_DIGEST_KEY must hold" in _validate(path, key="abc")
