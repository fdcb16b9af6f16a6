"""A partial, secondary example registry of Ministry units: for trying coverage, not for use.

**This is not the official list of units and does not pretend to be.** No official list of
the balai/loka of 2018-2022 or of the 31 Sentra with their working areas was found. The entries
are compiled from news releases and regional pages; working areas hold only the regions a source
*saw* a unit serve, so most are incomplete, and some units have none recorded. Each unit names
its source (an id of the sources catalogue, :func:`atensi.law.source`), and :data:`REMARKS` says
what that source leaves open. Integrators pass their own registry to
:func:`atensi.units_serving` and :func:`atensi.coverage`.

The registry is data (``src/atensi/data/units/example_registry.json``): a
:class:`~atensi.model.UnitRegistry` record any JSON reader can use.

>>> registry = example_registry()
>>> registry.complete, registry.evidence.value
(False, 'secondary')
>>> import datetime as dt
>>> from atensi.rules import units_serving
>>> from atensi.vocab import Target
>>> [u.name for u in units_serving("7305", Target.ELDERLY, on=dt.date(2023, 6, 1),
...                                registry=registry)]
['Sentra Pangurangi', 'BRSAMPK Toddopuli']
"""

from __future__ import annotations

from typing import Any

from atensi import data
from atensi.boundary import structure
from atensi.model import UnitRegistry

__all__ = ["EXAMPLE_UNITS", "REMARKS", "example_registry"]

_DOCUMENT: dict[str, Any] = data.read_json("units/example_registry.json")
_RECORD: dict[str, Any] = _DOCUMENT["registry"]

#: The units, as the records :func:`atensi.structure` reads (JSON-ready mappings).
EXAMPLE_UNITS: tuple[dict[str, Any], ...] = tuple(_RECORD["units"])
#: What each unit's source leaves open, by unit code.
REMARKS: dict[str, str] = dict(_DOCUMENT["remarks"])


def example_registry() -> UnitRegistry:
    """Return the example registry, structured and validated like any outside data."""
    return structure({**_RECORD, "units": list(EXAMPLE_UNITS)}, UnitRegistry)
