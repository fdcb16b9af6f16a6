"""Age in whole years, and age ranges for estimated birth dates.

Age is the number of whole years completed on the date asked about. A person born on
29 February has their birthday on 1 March in common years (so they turn 18 on 1 March of a
common year); comparing (month, day) pairs gives exactly that. An estimated birth date
(``BirthDate.precision`` of month or year, or ``estimated``) gives a *range* of ages; the rules
answer "unknown" when a threshold falls inside it rather than guess.

>>> import datetime as dt
>>> age_on(dt.date(2008, 2, 29), dt.date(2026, 2, 28))
17
>>> age_on(dt.date(2008, 2, 29), dt.date(2026, 3, 1))
18
"""

from __future__ import annotations

import datetime as dt

from atensi.law import get_parameter
from atensi.model import BirthDate, DatePrecision
from atensi.model.person import days_in_month

__all__ = [
    "ESTIMATE_MARGIN_YEARS",
    "age_on",
    "age_range",
    "child_age_limit",
    "months_after",
    "shift_years",
]

_CHILD_UNDER = get_parameter("age.child_under")


def child_age_limit(on: dt.date) -> int:
    """The age at which childhood ends on ``on`` (the dated parameter ``age.child_under``).

    >>> child_age_limit(dt.date(2024, 6, 1))
    18
    """
    limit = _CHILD_UNDER.on_date(on).number
    if limit is None:  # pragma: no cover - UU 23/2002 is older than the first rule set
        raise AssertionError(f"no child age limit on {on}")
    return limit


#: How many years either side of an estimated date atensi allows (its convention; a caller may
#: pass another margin).
ESTIMATE_MARGIN_YEARS = 1


def age_on(birth: dt.date, on: dt.date) -> int:
    """Whole years completed between ``birth`` and ``on`` (negative before birth)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_range(
    birth: BirthDate, on: dt.date, *, margin_years: int = ESTIMATE_MARGIN_YEARS
) -> tuple[int, int]:
    """The youngest and oldest age the person can be on ``on``.

    An exact date gives one age. A month or year precision spans its month or year. An
    ``estimated`` date also spans ``margin_years`` either side.
    """
    precision, value, estimated = birth.precision, birth.value, birth.estimated
    if precision is DatePrecision.DAY and not estimated:
        # The common case, taken once per age rule of every record: one age, no date built.
        age = age_on(value, on)
        return age, age
    # ``birth.earliest()`` and ``birth.latest()``, shifted by ``shift_years`` when estimated,
    # as (year, month, day): no date is built (``tests/test_rules.py`` holds the two equal).
    year = value.year
    if precision is DatePrecision.YEAR:
        first, last = (year, 1, 1), (year, 12, 31)
    elif precision is DatePrecision.MONTH:
        month = value.month
        first, last = (year, month, 1), (year, month, days_in_month(year, month))
    else:
        first = last = (year, value.month, value.day)
    if estimated:
        first, last = _shifted(first, -margin_years), _shifted(last, margin_years)
    when = (on.month, on.day)
    return (
        on.year - last[0] - (when < (last[1], last[2])),
        on.year - first[0] - (when < (first[1], first[2])),
    )


def _shifted(day: tuple[int, int, int], years: int) -> tuple[int, int, int]:
    """:func:`shift_years` of a (year, month, day)."""
    year = day[0] + years
    if year < dt.MINYEAR:
        return (dt.MINYEAR, 1, 1)
    if year > dt.MAXYEAR:
        return (dt.MAXYEAR, 12, 31)
    if day[1] == 2 and day[2] == 29 and days_in_month(year, 2) == 28:
        return (year, 3, 1)  # 29 February into a common year
    return (year, day[1], day[2])


def shift_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (earlier if negative); 29 February becomes 1 March.

    Total: a shift past the calendar's ends stops at ``date.min`` or ``date.max``, so an
    estimated birth date in year 1 or 9999 widens its range as far as it can instead of
    raising.

    >>> shift_years(dt.date(9999, 6, 1), 1)
    datetime.date(9999, 12, 31)
    """
    year = day.year + years
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February into a common year
        return dt.date(year, 3, 1)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, or the last day of a shorter month.

    This is ``day + dateutil.relativedelta(months=months)`` in plain date arithmetic. Total:
    past the end of the calendar it answers ``date.max``.

    >>> months_after(dt.date(2023, 8, 31), 6)
    datetime.date(2024, 2, 29)
    """
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    last = days_in_month(year, month0 + 1)
    return dt.date(year, month0 + 1, min(day.day, last))
