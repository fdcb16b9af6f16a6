"""Dated parameters: the law's ages, amounts, periods, cut-offs and switches, read by name.

After OpenFisca's ``parameters/``: every threshold a rule compares with is a value that starts on
a date and carries the citation it rests on, kept as data (one JSON file per parameter under
``src/atensi/data/law/parameters/``, described by ``parameter.schema.json``), never as a literal
in rule code. An edition that moves a threshold adds one dated value to one file.

A parameter has a name (its path: ``age/child_under.json`` is ``"age.child_under"``), a
description in Indonesian and English, a unit, and values, oldest first. A value applies from
its ``from`` date (inclusive) and, when it names an ``edition``, only under that edition or a
later one; the **last** value whose conditions hold applies. A value of ``null`` says the
parameter does not apply (a test that did not exist yet, a programme that had not started).

Parameters are read through the one edition resolver: :func:`atensi.law.parameter` resolves the
edition in force on the date exactly as every rule does (:func:`atensi.law.instrument_in_force`),
so a caller's ``edition`` pin and ``in_force_dates`` reach every threshold too. This module reads
the values and the editions' order only (:mod:`atensi.law._table`); the resolving function lives
above both (:mod:`atensi.law._dated`), so the parameters and the resolver do not import each
other.

>>> import datetime as dt
>>> from atensi.law import parameter
>>> child = parameter("age.child_under", dt.date(2024, 6, 1))
>>> child.value, child.unit, str(child.citation)
(18, 'year', 'UU 35/2014 Pasal 1 angka 1 [verified]')
>>> str(parameter("age.child_under", dt.date(2013, 6, 1)).citation)
'UU 23/2002 Pasal 1 angka 1 [verified]'
>>> parameter("disability.long_term_months", dt.date(2015, 1, 1)).value is None
True
>>> parameter("disability.long_term_months", dt.date(2016, 4, 15)).value
6
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, NamedTuple

import atensi.data as data
from atensi.errors import AtensiError, UnknownCode
from atensi.law._table import EDITION_IDS, edition_rank, rank_of
from atensi.law._types import Edition
from atensi.vocab import Citation, Evidence, Label

__all__ = [
    "Parameter",
    "ParameterEntry",
    "ParameterValue",
    "ParameterWrongType",
    "parameter_names",
    "parameters",
    "rank_of",
]

_ROOT = "law/parameters"
#: A parameter's value: a number, a code, a flag, a list of numbers, or ``None`` (not in force).
Value = int | str | bool | tuple[int, ...] | None


class ParameterWrongType(AtensiError):
    """A parameter read as a kind of value it does not hold (a programming error)."""

    code = "law.parameter_type"


class ParameterValue(NamedTuple):
    """What a parameter is on a date, and why.

    Attributes:
        name: the parameter's name.
        value: its value (``None`` where it does not apply on the date).
        unit: its unit (``"year"``, ``"month"``, ``"IDR"``, ``"decile"``, ``"boolean"`` ...).
        since: the first day of this value, if the value states one.
        citation: what the value rests on, graded; ``None`` only before the first value.
    """

    name: str
    value: Value
    unit: str
    since: dt.date | None
    citation: Citation | None

    @property
    def number(self) -> int | None:
        """The value as a whole number (``None`` where the parameter does not apply)."""
        value = self.value
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        raise ParameterWrongType(
            f"parameter {self.name} holds {type(value).__name__}, not a number",
            message_id=f"parameter {self.name} tidak berisi bilangan",
            ctx={"parameter": self.name},
        )

    @property
    def flag(self) -> bool:
        """The value as a switch: ``True`` only where it is ``True`` (``None`` is off)."""
        value = self.value
        if value is None or isinstance(value, bool):
            return value is True
        raise ParameterWrongType(
            f"parameter {self.name} holds {type(value).__name__}, not a switch",
            message_id=f"parameter {self.name} tidak berisi saklar",
            ctx={"parameter": self.name},
        )

    @property
    def numbers(self) -> tuple[int, ...]:
        """The value as a list of whole numbers (empty where the parameter does not apply)."""
        value = self.value
        if value is None:
            return ()
        if isinstance(value, tuple):
            return value
        raise ParameterWrongType(
            f"parameter {self.name} holds {type(value).__name__}, not a list",
            message_id=f"parameter {self.name} tidak berisi daftar",
            ctx={"parameter": self.name},
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping."""
        value = self.value
        return {
            "name": self.name,
            "value": list(value) if isinstance(value, tuple) else value,
            "unit": self.unit,
            "since": None if self.since is None else self.since.isoformat(),
            "citation": None if self.citation is None else self.citation.to_dict(),
        }


class ParameterEntry(NamedTuple):
    """One dated value of a parameter, as the file states it.

    Attributes:
        start: the first day it applies (inclusive), or ``None`` for "from the beginning".
        edition: the first edition it applies under (that edition and later ones), if any.
        value: the value.
        citation: what it rests on.
    """

    start: dt.date | None
    edition: str | None
    value: Value
    citation: Citation


class Parameter:
    """A parameter: its name, what it means, its unit and its dated values (oldest first).

    Attributes:
        name: the parameter's name (``"age.child_under"``).
        description: what it means, in Indonesian and English.
        unit: its unit.
        entries: its dated values, as the file lists them.
        note: anything a reader should know.
    """

    __slots__ = (
        "_by_date_only",
        "_on_dates",
        "_scan",
        "description",
        "entries",
        "name",
        "note",
        "unit",
    )

    def __init__(
        self,
        name: str,
        description: Label,
        unit: str,
        entries: tuple[ParameterEntry, ...],
        note: str | None = None,
    ) -> None:
        self.name, self.description, self.unit = name, description, unit
        self.entries, self.note = entries, note
        # Newest first, each with the answer it gives, built once: rules read parameters for
        # every record.
        self._scan = tuple(
            (
                e.start,
                -1 if e.edition is None else rank_of(e.edition),
                ParameterValue(name, e.value, unit, e.start, e.citation),
            )
            for e in reversed(entries)
        )
        self._by_date_only = all(e.edition is None for e in entries)
        # The answer of :meth:`on_date` by date: rules read a parameter for every record, and
        # the records of a run share few dates (bounded: emptied when full).
        self._on_dates: dict[dt.date, ParameterValue] = {}

    def __repr__(self) -> str:
        return f"Parameter({self.name!r}, {len(self.entries)} values)"

    def at(self, on: dt.date, edition: Edition) -> ParameterValue:
        """The value on ``on`` under ``edition`` (already resolved: see :func:`parameter`)."""
        return self.at_rank(on, edition_rank(edition))

    def at_rank(self, on: dt.date, rank: int) -> ParameterValue:
        """The value on ``on`` under the edition of place ``rank`` (see :func:`rank_of`)."""
        for start, first_rank, answer in self._scan:
            if (start is None or start <= on) and first_rank <= rank:
                return answer
        return ParameterValue(self.name, None, self.unit, None, None)

    @property
    def by_date_only(self) -> bool:
        """Whether no value is tied to an edition (the value depends on the date alone)."""
        return self._by_date_only

    def on_date(self, on: dt.date) -> ParameterValue:
        """The value on ``on`` of a parameter whose values depend on the date alone.

        Raises:
            ParameterWrongType: if a value is tied to an edition (use :meth:`at`).
        """
        known = self._on_dates.get(on)
        if known is not None:
            return known
        if not self._by_date_only:
            raise ParameterWrongType(
                f"parameter {self.name} depends on the edition: read it with at()",
                message_id=f"parameter {self.name} bergantung pada edisi: baca dengan at()",
                ctx={"parameter": self.name},
            )
        found = ParameterValue(self.name, None, self.unit, None, None)
        for start, _, answer in self._scan:
            if start is None or start <= on:
                found = answer
                break
        if len(self._on_dates) >= 4096:
            self._on_dates.clear()
        self._on_dates[on] = found
        return found

    def since(self, value: Value) -> dt.date | None:
        """The start of the first value equal to ``value`` (``None`` if it has no start)."""
        for entry in self.entries:
            if entry.value == value:
                return entry.start
        return None

    def values(self) -> tuple[Value, ...]:
        """Every value the parameter ever takes, in file order (``None`` left out)."""
        return tuple(e.value for e in self.entries if e.value is not None)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping (the file's shape, with the name)."""
        return {
            "name": self.name,
            "description": {"id": self.description.id, "en": self.description.en},
            "unit": self.unit,
            "note": self.note,
            "values": [
                {
                    "from": None if e.start is None else e.start.isoformat(),
                    "edition": e.edition,
                    "value": list(e.value) if isinstance(e.value, tuple) else e.value,
                    "citation": e.citation.to_dict(),
                }
                for e in self.entries
            ],
        }


def _citation(raw: dict[str, Any]) -> Citation:
    instrument = raw.get("instrument")
    return Citation(
        instrument,
        raw.get("article"),
        Evidence(raw["evidence"]),
        raw.get("source", instrument),
        raw.get("note"),
    )


def _value(raw: object) -> Value:
    if isinstance(raw, list):
        return tuple(int(v) for v in raw)
    if raw is None or isinstance(raw, int | str | bool):
        return raw
    raise AssertionError(f"unsupported parameter value {raw!r}")  # pragma: no cover


def _parameter(name: str, raw: dict[str, Any]) -> Parameter:
    entries = []
    for item in raw["values"]:
        start = item.get("from")
        edition = item.get("edition")
        if edition is not None and edition not in EDITION_IDS:  # pragma: no cover - tested on data
            raise AssertionError(f"{name}: unknown edition {edition}")
        entries.append(
            ParameterEntry(
                None if start is None else dt.date.fromisoformat(start),
                edition,
                _value(item["value"]),
                _citation(item["citation"]),
            )
        )
    description = raw["description"]
    return Parameter(
        name,
        Label(description["id"], description["en"]),
        raw["unit"],
        tuple(entries),
        raw.get("note"),
    )


def _walk(folder: str, prefix: str) -> list[tuple[str, str]]:
    found = []
    for entry in data.list_dir(folder):
        path = f"{folder}/{entry}"
        if entry.endswith(".json"):
            found.append((prefix + entry[: -len(".json")], path))
        elif "." not in entry:
            found.extend(_walk(path, f"{prefix}{entry}."))
    return found


@functools.cache
def by_name() -> dict[str, Parameter]:
    return {name: _parameter(name, data.read_json(path)) for name, path in _walk(_ROOT, "")}


def parameters() -> tuple[Parameter, ...]:
    """Every parameter, by name."""
    table = by_name()
    return tuple(table[name] for name in sorted(table))


def parameter_names() -> tuple[str, ...]:
    """The names of every parameter, sorted."""
    return tuple(sorted(by_name()))


def get_parameter(name: str) -> Parameter:
    """The parameter called ``name`` (its definition, every value).

    Raises:
        UnknownCode: for a name no parameter has (code ``law.unknown_parameter``).
    """
    try:
        return by_name()[name]
    except (KeyError, TypeError):
        raise UnknownCode(
            "parameter",
            name,
            sorted(by_name()),
            code="law.unknown_parameter",
            vocabulary_id="parameter",
        ) from None
