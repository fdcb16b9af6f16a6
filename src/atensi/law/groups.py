"""A target group's own limits on a date, read from the dated parameters ``groups.<code>.*``.

Some groups are narrower than their target (an age band, a period, a sex): each limit is a
parameter of the law (``groups.anak_balita_terlantar.age_under``,
``groups.anak_berkonflik_hukum.recognised``, ...), and :func:`group_bounds` reads them all on a
date into one :class:`~atensi.vocab.GroupBounds`.

>>> import datetime as dt
>>> from atensi.law import group_bounds
>>> from atensi.vocab import TargetGroup
>>> group_bounds(TargetGroup.NEGLECTED_TODDLER, dt.date(2024, 6, 1)).age_under
6
>>> orphans = group_bounds(TargetGroup.ORPHAN, dt.date(2022, 6, 1))
>>> orphans.recognised, orphans.recognised_from
(False, datetime.date(2022, 12, 1))
>>> str(group_bounds(TargetGroup.CHILD_EXPLOITED, dt.date(2013, 1, 1)).basis)
'UU 23/2002 Pasal 1 angka 15; Pasal 59 [verified]'
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools

from atensi.law._parameters import Parameter, by_name
from atensi.law._types import Edition
from atensi.law.editions import InForceDates, instrument_in_force
from atensi.vocab import GroupBounds, Sex, TargetGroup

__all__ = ["bounds_on", "group_bounds"]

_LIMITS = ("age_min", "age_under", "sex", "always_review", "recognised")


def _bounds_at(limits: dict[str, Parameter], on: dt.date) -> GroupBounds:
    def read(name: str) -> tuple[object, object]:
        found = limits.get(name)
        if found is None:
            return None, None
        answer = found.on_date(on)
        return answer.value, answer.citation

    age_min, min_citation = read("age_min")
    age_under, under_citation = read("age_under")
    sex, sex_citation = read("sex")
    review, review_citation = read("always_review")
    recognised = limits.get("recognised")
    is_recognised, basis, since = True, None, None
    if recognised is not None:
        answer = recognised.on_date(on)
        is_recognised = answer.value is True
        since = recognised.since(True)
        # Before the group's own law, it rests on the older law that named it (or on the
        # source of its period, while it is not recognised).
        latest = recognised.entries[-1].citation
        basis = None if answer.citation == latest and is_recognised else answer.citation
    return GroupBounds(
        age_min=age_min if isinstance(age_min, int) else None,
        age_under=age_under if isinstance(age_under, int) else None,
        age_citation=under_citation or min_citation,  # type: ignore[arg-type]
        recognised=is_recognised,
        recognised_from=since,
        basis=basis,
        sex=None if sex is None else Sex(sex),
        sex_citation=sex_citation,  # type: ignore[arg-type]
        always_review=review_citation if review is True else None,  # type: ignore[arg-type]
    )


@functools.cache
def _timeline(group: TargetGroup) -> tuple[list[dt.date], list[GroupBounds]] | None:
    """The group's bounds as they change over time: each start and the bounds from it on."""
    table = by_name()
    limits = {
        name: found
        for name in _LIMITS
        if (found := table.get(f"groups.{group.value}.{name}")) is not None
    }
    if not limits:
        return None
    starts = sorted({e.start for p in limits.values() for e in p.entries if e.start is not None})
    points = [dt.date.min, *starts]
    return points, [_bounds_at(limits, point) for point in points]


def bounds_on(group: TargetGroup, on: dt.date) -> GroupBounds | None:
    """The group's bounds on ``on``, or ``None`` for a group that sets no limit of its own.

    For rules that have resolved their edition already: group limits depend on the date alone.
    """
    timeline = _timeline(group)
    if timeline is None:
        return None
    points, bounds = timeline
    return bounds[bisect.bisect_right(points, on) - 1]


def group_bounds(
    group: TargetGroup,
    on: dt.date,
    *,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> GroupBounds:
    """The limits ``group`` sets on ``on`` (no limits: an empty :class:`GroupBounds`).

    The date is checked by the one edition resolver (a date before PP 39/2012 raises
    :class:`~atensi.errors.NoInstrumentInForce`); the group limits depend on the date alone.
    """
    instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    return bounds_on(group, on) or GroupBounds()
