"""Errors cross process boundaries intact: a worker's error arrives as the error it raised.

Dask, ``multiprocessing`` and ``concurrent.futures`` pickle an exception raised in a worker.
An exception pickles as its class called with ``args`` unless it says otherwise, and atensi's
errors take other arguments than ``args`` holds; found when a Dask ``processes`` run of the
programme report lost the record's problems behind an ``AttributeError``.
"""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import atensi
from atensi.errors import AtensiError, NoInstrumentInForce, UnknownCode
from atensi.model import Person
from atensi.nik import InvalidNik
from atensi.privacy import WeakKey
from atensi.regions import InvalidRegionCode
from atensi.reports.errors import ReportError
from atensi.rules.lifecycle import InvalidTransition
from atensi.vocab._base import Citation


def _invalid_record() -> atensi.InvalidRecord:
    try:
        atensi.structure({"sex": "x", "nik": "12"}, Person)
    except atensi.InvalidRecord as exc:
        return exc
    raise AssertionError("the record was accepted")


def _every_kind() -> list[AtensiError]:
    found: list[AtensiError] = [
        _invalid_record(),
        UnknownCode("Cluster", "x", ["anak"]),
        NoInstrumentInForce(dt.date(2001, 1, 1), dt.date(2012, 2, 28)),
        InvalidNik("12", "too short", "terlalu pendek"),
        WeakKey("short key", "kunci pendek"),
        ReportError("bad period", "report.bad_period", period="2024-13"),
        InvalidTransition(
            "stage.order", "not next", "bukan berikutnya", Citation("pp-39-2012", "Pasal 7")
        ),
        AtensiError("plain", code="x.y", ctx={"a": 1}),
    ]
    try:
        atensi.regions.lookup("9x")
    except InvalidRegionCode as exc:
        found.append(exc)
    return found


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("error", _every_kind(), ids=lambda e: type(e).__name__)
def test_an_error_survives_pickling(error: AtensiError, protocol: int) -> None:
    # Every protocol: 0 and 1 cannot copy a slotted ErrorDetail unless it says how.
    back = pickle.loads(pickle.dumps(error, protocol=protocol))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert back.code == error.code
    assert back.to_dict() == error.to_dict()
    if isinstance(error, atensi.InvalidRecord):
        assert isinstance(back, atensi.InvalidRecord)
        assert back.errors == error.errors
        assert back.entity == error.entity
        assert back.to_json() == error.to_json()


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_an_error_detail_keeps_every_part_under_every_protocol(protocol: int) -> None:
    from atensi.errors import ErrorDetail

    detail = ErrorDetail(("a", 1), "x.y", "en", "id", {"k": [1]}, {"c": 2}, "umum")
    back = pickle.loads(pickle.dumps(detail, protocol=protocol))
    parts = ("loc", "code", "message_en", "message_id", "input", "ctx", "sensitivity")
    assert [getattr(back, p) for p in parts] == [getattr(detail, p) for p in parts]
