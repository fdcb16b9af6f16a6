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

from typing import TYPE_CHECKING

from atensi._lazy import lazy_names
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

if TYPE_CHECKING:  # pragma: no cover - the lazy names below, for type checkers
    from atensi.law._dated import parameter
    from atensi.law._parameters import (
        Parameter,
        ParameterEntry,
        ParameterValue,
        ParameterWrongType,
        get_parameter,
        parameter_names,
        parameters,
    )
    from atensi.law._sources import Source, SourceKind, source, source_ids, sources
    from atensi.law.groups import group_bounds

#: Names whose modules load on first use (the sources, the parameters and the group limits read
#: package data, and their types cost some milliseconds to build): ``import atensi`` pays nothing.
#: The modules are private (``_parameters``, ``_sources``), so no submodule import can shadow the
#: functions ``parameters`` and ``sources`` with a module.
_LAZY = {
    "group_bounds": "groups",
    "parameter": "_dated",
    **dict.fromkeys(
        (
            "Parameter",
            "ParameterEntry",
            "ParameterValue",
            "ParameterWrongType",
            "get_parameter",
            "parameter_names",
            "parameters",
        ),
        "_parameters",
    ),
    **dict.fromkeys(("Source", "SourceKind", "source", "source_ids", "sources"), "_sources"),
}

__getattr__ = lazy_names(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    """The public names, the lazy ones included."""
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})


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
