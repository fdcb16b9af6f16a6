"""The catalogue of legal instruments: the instruments among the sources, as typed values.

Every instrument is an entry of the sources catalogue (:func:`atensi.law.sources`, the data file
``src/atensi/data/law/sources.json``) whose kind is an instrument kind; this module gives them
the :class:`~atensi.law.Instrument` shape the rules and the edition resolver read. Dates that
were not read in the instrument's own text or an official database are marked
``verified=False``, with the evidence for the date atensi takes;
:func:`atensi.law.instrument_in_force` lets callers replace them (``in_force_dates``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from atensi.law._types import Instrument, InstrumentKind

if TYPE_CHECKING:  # pragma: no cover - the sources load with the catalogue's first use
    from atensi.law._sources import Source

__all__ = ["catalogue"]


def _instrument(entry: Source) -> Instrument:
    if entry.number is None or entry.year is None:  # pragma: no cover - the schema requires them
        raise AssertionError(f"instrument {entry.id} has no number or year")
    return Instrument(
        id=entry.id,
        kind=InstrumentKind(entry.kind.value),
        number=entry.number,
        year=entry.year,
        title=entry.title,
        title_en=entry.title_en or entry.title,
        signed=entry.signed,
        promulgated=entry.promulgated,
        in_force_from=entry.in_force_from,
        replaces=entry.replaces,
        amends=entry.amends,
        gazette=entry.gazette,
        evidence=entry.evidence,
        addresses=entry.addresses,
        note=entry.note,
        issuer=entry.issuer,
        read=entry.read,
    )


@functools.cache
def catalogue() -> tuple[Instrument, ...]:
    """Every instrument, in the order of the sources catalogue (built on first use)."""
    from atensi.law._sources import sources

    return tuple(_instrument(s) for s in sources() if s.kind.is_instrument)
