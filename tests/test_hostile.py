"""Hostile inputs: every entry point answers with its documented error, in bounded time.

Each case is named; each must finish within ``BOUND`` seconds and raise only the library's
documented error (``InvalidRecord`` for records, ``InvalidNik`` for NIKs,
``InvalidRegionCode`` for region codes), never RecursionError, MemoryError or a partial object.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from atensi import InvalidRecord, nik, regions, structure, validate_many
from atensi.model import ENTITIES, Case, Person

BOUND = 2.0
SURROGATE = "\ud800"


def deep_dict(levels: int) -> Any:
    value: Any = {}
    for _ in range(levels):
        value = {"subject": value}
    return value


def deep_list(levels: int) -> Any:
    value: Any = []
    for _ in range(levels):
        value = [value]
    return value


def person(**extra: Any) -> dict[str, Any]:
    return {"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A", **extra}


RECORD_CASES: dict[str, tuple[type[Any], Any]] = {
    "dict nested 10,000 levels": (Case, deep_dict(10_000)),
    "list nested 10,000 levels in a field": (Person, person(disabilities=deep_list(10_000))),
    "subject nested 10,000 levels": (
        Case,
        {"id": "C", "unit": "U", "opened_on": "2024-01-01", "subject": deep_dict(10_000)},
    ),
    "a 10 MB name": (Person, person(name="x" * 10_000_000)),
    "a million disabilities": (Person, person(disabilities=[{"type": "fisik"}] * 1_000_000)),
    "a million unknown keys": (Person, {**person(), **{f"k{i}": i for i in range(1_000_000)}}),
    "a 5,000-digit integer": (Person, person(registry_id=10**5000)),
    "NaN where a string belongs": (Person, person(name=float("nan"))),
    "infinity where an integer belongs": (
        Case,
        {
            "id": "C",
            "unit": "U",
            "opened_on": "2024-01-01",
            "subject": {"kind": "family", "id": "F", "welfare_decile": float("inf")},
        },
    ),
    "non-string keys": (Person, {**person(), 1: "one", (2, 3): "tuple", None: 0}),
    "bytes for strings": (Person, person(name=b"Siti", id=b"P")),
    "a lone surrogate": (Person, person(name=f"Siti {SURROGATE}")),
    "a surrogate in a key": (Person, {**person(), f"k{SURROGATE}": 1}),
    "a list instead of a record": (Person, [person()]),
    "a string instead of a record": (Person, "P"),
    "None": (Person, None),
    "a set": (Person, {1, 2, 3}),
    "an object": (Person, object()),
}


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@pytest.mark.parametrize("name", list(RECORD_CASES))
def test_hostile_records(name: str) -> None:
    cls, value = RECORD_CASES[name]

    def run() -> None:
        with pytest.raises(InvalidRecord) as info:
            structure(value, cls)
        assert info.value.errors
        info.value.to_json(include_input=True, include_personal=True)
        str(info.value)

    assert timed(run) < BOUND


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_every_entity_refuses_deep_nesting(cls: type[Any]) -> None:
    def run() -> None:
        with pytest.raises(InvalidRecord):
            structure(deep_dict(10_000), cls)

    assert timed(run) < BOUND


def test_validate_many_survives_a_hostile_stream() -> None:
    stream = [value for _, value in RECORD_CASES.values()]

    def run() -> None:
        results = list(validate_many(stream, Person))
        assert len(results) == len(stream)
        assert not any(r.ok for r in results)

    assert timed(run) < BOUND * 3


NIK_CASES: dict[str, Any] = {
    "10 MB of digits": "1" * 10_000_000,
    "10 MB of separators": " .-" * 3_000_000,
    "a lone surrogate": "317101410390000" + SURROGATE,
    "bytes": b"3171014103900001",
    "an integer": 3171014103900001,
    "None": None,
    "a float": 3.171014103900001e15,
    "Arabic-Indic digits": "٣١٧١٠١٤١٠٣٩٠٠٠١",
    "a list": ["3171014103900001"],
}


@pytest.mark.parametrize("name", list(NIK_CASES))
def test_hostile_niks(name: str) -> None:
    value = NIK_CASES[name]

    def run() -> None:
        with pytest.raises(nik.InvalidNik):
            nik.validate(value)
        assert not nik.is_valid(value)

    assert timed(run) < BOUND


@pytest.mark.parametrize("name", list(NIK_CASES))
def test_hostile_region_codes(name: str) -> None:
    value = NIK_CASES[name]

    def run() -> None:
        with pytest.raises(regions.InvalidRegionCode):
            regions.lookup(value)
        assert not regions.is_valid_code(value)

    assert timed(run) < BOUND
