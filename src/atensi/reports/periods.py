"""Reporting periods and the buckets a report splits them into (year, quarter, month, period).

A report covers one :class:`~atensi.model.Period` (both ends inclusive) and counts by bucket: the
calendar year (``"2024"``), quarter (``"2024-Q1"``) or month (``"2024-03"``) a day falls in, or
the whole period as one bucket (``"2024-01-01/2024-12-31"``). A bucket keeps its calendar label
when the period cuts it (a period from March counts March to December as ``"2024"``); the report
states its period beside every table.

>>> import datetime as dt
>>> period = parse_period("2024")
>>> period.start, period.end
(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
>>> bucket_of(dt.date(2024, 5, 17), "quarter", period)
'2024-Q2'
>>> buckets_between(dt.date(2023, 11, 20), dt.date(2024, 2, 1), "month", period)
('2024-01', '2024-02')
>>> parse_period("2024-12-31/2024-01-01")
Traceback (most recent call last):
...
atensi.errors.InvalidRecord: invalid Period record, 1 problem:
  end: 'end' (2024-01-01) is before 'start' (2024-12-31) [date.before_start]
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal, get_args

from atensi.boundary import structure
from atensi.errors import ErrorDetail, InvalidRecord
from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import PERIOD_LABEL, Period

__all__ = [
    "GRANULARITIES",
    "Granularity",
    "bucket_of",
    "buckets",
    "buckets_between",
    "edition_for",
    "parse_period",
]

#: How a report splits its period.
Granularity = Literal["year", "quarter", "month", "period"]
GRANULARITIES: tuple[str, ...] = get_args(Granularity)


def bucket_of(day: dt.date, granularity: str, period: Period) -> str:
    """The label of the bucket ``day`` falls in."""
    if granularity == "year":
        return str(day.year)
    if granularity == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}"
    return period.label


def _next_start(day: dt.date, granularity: str) -> dt.date | None:
    """The first day of the bucket after the one ``day`` is in (``None`` past the calendar)."""
    if granularity == "year":
        return dt.date(day.year + 1, 1, 1) if day.year < dt.MAXYEAR else None
    months = 3 if granularity == "quarter" else 1
    first = (day.month - 1) // months * months + 1
    month0 = day.year * 12 + first - 1 + months
    year, month = divmod(month0, 12)
    return dt.date(year, month + 1, 1) if year <= dt.MAXYEAR else None


def buckets_between(
    first: dt.date, last: dt.date, granularity: str, period: Period
) -> tuple[str, ...]:
    """The buckets that ``first`` to ``last`` (inclusive) overlaps within the period."""
    start, end = max(first, period.start), min(last, period.end)
    if start > end:
        return ()
    if granularity == "period":
        return (period.label,)
    labels = []
    day: dt.date | None = start
    while day is not None and day <= end:
        labels.append(bucket_of(day, granularity, period))
        day = _next_start(day, granularity)
    return tuple(labels)


def buckets(period: Period, granularity: str) -> tuple[str, ...]:
    """Every bucket of the period, in order."""
    return buckets_between(period.start, period.end, granularity, period)


def parse_period(text: str) -> Period:
    """Read a period written as a year, a quarter, a month or an ``start/end`` interval.

    Raises:
        InvalidRecord: text that is none of these (``report.period_label``), a date that does
            not exist, or an interval whose end precedes its start (``date.before_start``).
    """
    if not isinstance(text, str) or not PERIOD_LABEL.fullmatch(text):
        raise InvalidRecord(
            [
                ErrorDetail(
                    (),
                    "report.period_label",
                    "not a period: a year (2024), a quarter (2024-Q1), a month (2024-03) or an "
                    "interval (2024-01-01/2024-12-31)",
                    "bukan periode: tahun (2024), triwulan (2024-Q1), bulan (2024-03) atau "
                    "rentang (2024-01-01/2024-12-31)",
                    str(text)[:40],
                )
            ],
            "Period",
        )
    if "/" in text:
        start, end = text.split("/")
        return structure({"start": start, "end": end}, Period)
    year = int(text[:4])
    if year < 1:  # year 0 exists in no calendar: the boundary says so, located
        return structure({"start": f"{text[:4]}-01-01", "end": f"{text[:4]}-12-31"}, Period)
    if "-Q" in text:
        quarter = int(text[-1])
        first, last = 3 * quarter - 2, 3 * quarter
    elif len(text) == 7:
        first = last = int(text[5:])
    else:
        first, last = 1, 12
    last_day = dt.date(year, last, calendar.monthrange(year, last)[1])
    return structure({"start": dt.date(year, first, 1), "end": last_day}, Period)


def edition_for(
    period: Period,
    *,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Edition:
    """The edition a report over ``period`` names: the one in force on its last day.

    The one resolver, with the caller's pin and in-force dates, as for every rule. A period
    that starts before PP 39/2012 came into force (5 March 2012) has no rules to report under.

    Raises:
        NoInstrumentInForce: a period starting before 5 March 2012.
    """
    instrument_in_force(period.start, edition=edition, in_force_dates=in_force_dates)
    return instrument_in_force(period.end, edition=edition, in_force_dates=in_force_dates)
