"""When aftercare follow-ups fall due: 6 and 12 months after termination (atensi's convention).

Aftercare (bimbingan lanjut) is the last stage of PP 39/2012 Pasal 7 ayat (2) (verified); no
regulation read sets when it happens. The evaluation measures impact at 6 and 12 months after
termination (:data:`SCHEDULE`, the dated parameter ``aftercare.follow_up_months``, graded
convention; pass another schedule to :class:`atensi.reports.Evaluation`). A point falls due on
the same day of the month that many months later, or the last day of a shorter month
(31 August + 6 months is 29 February in a leap year): ``dateutil.relativedelta``, imported when
a schedule is first computed, so ``import atensi`` never loads it.

>>> import datetime as dt
>>> due(dt.date(2023, 8, 31), 6), due(dt.date(2023, 8, 31), 12)
(datetime.date(2024, 2, 29), datetime.date(2024, 8, 31))
"""

from __future__ import annotations

import datetime as dt
import functools

from atensi.law import get_parameter

__all__ = ["SCHEDULE", "due"]

#: The follow-up points, in months after termination: the latest value of the parameter
#: ``aftercare.follow_up_months`` (atensi's convention).
SCHEDULE: tuple[int, ...] = get_parameter("aftercare.follow_up_months").on_date(dt.date.max).numbers


@functools.lru_cache(maxsize=4096)
def due(terminated_on: dt.date, months: int) -> dt.date:
    """The day the follow-up ``months`` after a termination falls due."""
    from dateutil.relativedelta import relativedelta

    try:
        return terminated_on + relativedelta(months=months)
    except (OverflowError, ValueError):  # past the end of the calendar
        return dt.date.max
