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
from atensi.law.funding import (
    CHANNEL_REGIMES,
    ChannelRegime,
    FundingBasis,
    channel_exists,
    funding_basis,
)

__all__ = [
    "CHANNEL_REGIMES",
    "EDITION_IDS",
    "FLOOR_FROM",
    "ChannelRegime",
    "DataGate",
    "DateFact",
    "Edition",
    "EditionKind",
    "FundingBasis",
    "InForceDates",
    "Instrument",
    "InstrumentKind",
    "TargetBasis",
    "channel_exists",
    "editions",
    "funding_basis",
    "get",
    "instrument_in_force",
    "instruments",
]
