"""Legal instruments as dated data, and which edition of the rules applied on a date.

>>> import datetime as dt
>>> from atensi.law import instrument_in_force
>>> edition = instrument_in_force(dt.date(2026, 1, 1))
>>> edition.id, edition.base.short_name, edition.dates_verified
('ars-2025', 'Permensos 15/2025', False)
"""

from atensi.law._types import (
    DataGate,
    DateFact,
    Edition,
    EditionKind,
    Instrument,
    InstrumentKind,
    TargetBasis,
)
from atensi.law.editions import (
    EDITION_IDS,
    FLOOR_FROM,
    InForceDates,
    editions,
    get,
    instrument_in_force,
    instruments,
)

__all__ = [
    "EDITION_IDS",
    "FLOOR_FROM",
    "DataGate",
    "DateFact",
    "Edition",
    "EditionKind",
    "InForceDates",
    "Instrument",
    "InstrumentKind",
    "TargetBasis",
    "editions",
    "get",
    "instrument_in_force",
    "instruments",
]
