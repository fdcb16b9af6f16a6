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

from typing import TYPE_CHECKING, Any

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
    from atensi.law._parameters import (
        Parameter,
        ParameterEntry,
        ParameterValue,
        ParameterWrongType,
        get_parameter,
        parameter,
        parameter_names,
        parameters,
    )
    from atensi.law._sources import Source, SourceKind, source, source_ids, sources
    from atensi.law.groups import group_bounds

#: Names whose modules load on first use (the sources, the parameters and the group limits read
#: package data, and their types cost some milliseconds to build): ``import atensi`` pays nothing.
_LAZY = {
    "group_bounds": "groups",
    "Parameter": "parameters",
    "ParameterEntry": "parameters",
    "ParameterValue": "parameters",
    "ParameterWrongType": "parameters",
    "get_parameter": "parameters",
    "parameter": "parameters",
    "parameter_names": "parameters",
    "parameters": "parameters",
    "Source": "sources",
    "SourceKind": "sources",
    "source": "sources",
    "source_ids": "sources",
    "sources": "sources",
}


def __getattr__(name: str) -> Any:
    """Load a lazy name's module on first use, and keep its names (PEP 562).

    The modules are private (``_parameters``, ``_sources``), so no submodule import can shadow the
    functions ``parameters`` and ``sources`` with a module.
    """
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'atensi.law' has no attribute {name!r}")
    # Plain import statements (the core may not use importlib).
    if module == "groups":
        from atensi.law.groups import group_bounds

        found: dict[str, Any] = {"group_bounds": group_bounds}
    elif module == "parameters":
        from atensi.law._parameters import (
            Parameter,
            ParameterEntry,
            ParameterValue,
            ParameterWrongType,
            get_parameter,
            parameter,
            parameter_names,
            parameters,
        )

        found = {
            "Parameter": Parameter,
            "ParameterEntry": ParameterEntry,
            "ParameterValue": ParameterValue,
            "ParameterWrongType": ParameterWrongType,
            "get_parameter": get_parameter,
            "parameter": parameter,
            "parameter_names": parameter_names,
            "parameters": parameters,
        }
    else:
        from atensi.law._sources import Source, SourceKind, source, source_ids, sources

        found = {
            "Source": Source,
            "SourceKind": SourceKind,
            "source": source,
            "source_ids": source_ids,
            "sources": sources,
        }
    globals().update(found)
    return found[name]


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
