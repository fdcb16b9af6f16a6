"""The law as public, dated data: sources, instruments, editions and parameters.

* :func:`sources` / :func:`source`: every document atensi cites, with its public address;
* :func:`instruments` / :func:`get`: the legal instruments among them;
* :func:`instrument_in_force`: the one edition resolver every rule uses;
* :func:`parameter`: a dated threshold, amount, period or switch, read by name on a date
  through that resolver (:func:`parameters` lists them all); :func:`group_bounds` reads a target
  group's own limits.

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
from atensi.law.groups import group_bounds
from atensi.law.parameters import (
    Parameter,
    ParameterEntry,
    ParameterValue,
    ParameterWrongType,
    get_parameter,
    parameter,
    parameter_names,
    parameters,
)
from atensi.law.sources import Source, SourceKind, source, source_ids, sources

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
    "Parameter",
    "ParameterEntry",
    "ParameterValue",
    "ParameterWrongType",
    "Source",
    "SourceKind",
    "TargetBasis",
    "channel_exists",
    "editions",
    "funding_basis",
    "get",
    "get_parameter",
    "group_bounds",
    "instrument_in_force",
    "instruments",
    "parameter",
    "parameter_names",
    "parameters",
    "source",
    "source_ids",
    "sources",
]
