"""Legal instruments as dated data, and which ATENSI edition applied on a date.

>>> import datetime as dt
>>> from atensi.law import instrument_in_force
>>> edition = instrument_in_force(dt.date(2026, 1, 1))
>>> edition.id, edition.base.short_name, edition.dates_verified
('ars-2025', 'Permensos 15/2025', False)
"""

from atensi.law._types import DateFact, Edition, Instrument, InstrumentKind
from atensi.law.editions import EDITION_IDS, editions, get, instrument_in_force, instruments

__all__ = [
    "EDITION_IDS",
    "DateFact",
    "Edition",
    "Instrument",
    "InstrumentKind",
    "editions",
    "get",
    "instrument_in_force",
    "instruments",
]
