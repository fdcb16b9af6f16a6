"""Kemendagri region codes: counts against the decree, look-ups, navigation."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atensi import regions
from atensi.law import get


def _all() -> list[regions.Region]:
    return list(regions._load().values())


def test_counts_match_the_2025_decree() -> None:
    current = [r for r in _all() if r.current]
    assert sum(r.level == 1 for r in current) == 38
    assert sum(r.level == 2 for r in current) == 514
    assert sum(r.level == 3 for r in current) == 7285
    retired = [r for r in _all() if not r.current]
    assert sum(r.level == 2 for r in retired) == 26
    assert sum(r.level == 3 for r in retired) == 594


def test_every_region_names_catalogued_decrees_and_a_real_parent() -> None:
    for region in _all():
        assert region.decrees
        for decree in region.decrees:
            assert get(decree)
        if region.parent is not None:
            assert regions.lookup(region.parent).level == region.level - 1


def test_new_provinces_and_dotted_codes() -> None:
    assert regions.lookup("65").name == "Kalimantan Utara"
    assert regions.lookup("93").name == "Papua Selatan"
    assert regions.lookup("31.71.01") == regions.lookup("317101")
    assert regions.parent("317101") == regions.lookup("3171")
    assert regions.parent("31") is None


def test_retired_codes_are_known_but_not_current() -> None:
    merauke = regions.lookup("9101")
    assert not merauke.current
    assert "kepmendagri-300.2.2-2138-2025" not in merauke.decrees
    assert regions.is_valid_code("9101")
    assert not regions.is_valid_code("9101", include_retired=False)
    assert merauke not in regions.children("91")
    assert merauke in regions.children("91", include_retired=True)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("3", "region.format"),
        ("31710", "region.format"),
        ("31.7a", "region.format"),
        ("99", "region.unknown"),
        ("3199", "region.unknown"),
    ],
)
def test_bad_codes(code: str, error: str) -> None:
    with pytest.raises(regions.InvalidRegionCode) as info:
        regions.lookup(code)
    assert info.value.code == error
    assert not regions.is_valid_code(code)


@given(st.one_of(st.text(max_size=12), st.integers(), st.none(), st.binary(max_size=6)))
def test_any_input_is_valid_or_a_region_error(value: object) -> None:
    if regions.is_valid_code(value):
        assert regions.lookup(value).code  # type: ignore[arg-type]
    else:
        with pytest.raises(regions.InvalidRegionCode):
            regions.lookup(value)  # type: ignore[arg-type]


def test_importing_the_table_reads_no_file_and_is_cheap() -> None:
    code = (
        "import atensi, time, sys; t = time.perf_counter(); import atensi.regions; "
        "print(time.perf_counter() - t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(3)
    ]
    assert min(runs) < 0.020


def test_threads_asking_first_load_the_table_once_and_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    monkeypatch.setattr(regions, "_TABLE", {})
    monkeypatch.setattr(regions, "_CHILDREN", {})
    start = threading.Barrier(8)
    answers: list[bool] = []

    def ask() -> None:
        start.wait()
        answers.append(regions.is_valid_code("317101"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 8
    provinces = regions._CHILDREN[None]
    assert len(provinces) == len(set(provinces))  # loaded once: no province listed twice
    assert len(regions.provinces(include_retired=True)) == len(provinces)


def test_the_generated_checks_read_region_codes_before_the_table_is_loaded() -> None:
    # A fresh process: the table is loaded by the first region code checked, not at start-up.
    code = """
import atensi
from atensi import regions
from atensi.model import Person
person = {"id": "P", "nik": {"reason": "lainnya"}, "name": "A"}
atensi.structure(person, Person)
print(bool(regions._TABLE))
print(atensi.structure({**person, "domicile": "317101"}, Person).domicile)
try:
    atensi.structure({**person, "domicile": "999999"}, Person)
except atensi.InvalidRecord as error:
    print([e.code for e in error.errors])
print(atensi.structure_json('{"id": "P", "nik": {"reason": "lainnya"}, "name": "A", '
                            '"domicile": "3171"}', Person).domicile)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split("\n")
    assert out[:4] == ["False", "317101", "['region.unknown']", "3171"]
