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

import calendar
import datetime as dt

from atensi.model import BirthDate, DatePrecision

__all__ = ["ESTIMATE_MARGIN_YEARS", "age_on", "age_range", "months_after", "shift_years"]

#: How many years either side of an estimated date atensi allows (its convention; a caller may
#: pass another margin).
ESTIMATE_MARGIN_YEARS = 1

_DAY = DatePrecision.DAY  # a module constant is read faster than an enum member


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
    if birth.precision is _DAY and not birth.estimated:
        # The common case, taken once per age rule of every record: one age, no date built.
        age = age_on(birth.value, on)
        return age, age
    earliest, latest = birth.earliest(), birth.latest()
    if birth.estimated:
        earliest = shift_years(earliest, -margin_years)
        latest = shift_years(latest, margin_years)
    return age_on(latest, on), age_on(earliest, on)


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
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))
