"""A parameter's value on a date, through the one edition resolver.

Above both the parameters (:mod:`atensi.law._parameters`, the values) and the resolver
(:mod:`atensi.law.editions`, which edition applied): a caller's ``edition`` pin and
``in_force_dates`` reach every threshold exactly as they reach every rule.

>>> import datetime as dt
>>> from atensi.law import parameter
>>> parameter("age.elderly_from", dt.date(2024, 6, 1)).value
60
"""

from __future__ import annotations

import datetime as dt

from atensi.law._parameters import ParameterValue, get_parameter
from atensi.law._types import Edition
from atensi.law.editions import InForceDates, instrument_in_force

__all__ = ["parameter"]


def parameter(
    name: str,
    on: dt.date,
    *,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> ParameterValue:
    """The value of parameter ``name`` on ``on``, with its citation.

    Args:
        name: the parameter's name (``"age.child_under"``).
        on: the date asked about.
        edition: an edition pin, as every rule takes it (an id, or the resolved
            :class:`~atensi.law.Edition`, which rules pass to avoid resolving twice).
        in_force_dates: replace atensi's unverified in-force estimates.

    Raises:
        UnknownCode: for an unknown name (``law.unknown_parameter``) or edition.
        NoInstrumentInForce: for a date before PP 39/2012 came into force.
    """
    found = get_parameter(name)
    resolved = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    return found.at(on, resolved)
