"""Which instruments govern a funding channel on a date: the budget side of the law, as data.

The two channels of ATENSI money (:class:`~atensi.vocab.FundingChannel`) rest on Minister of
Finance regulations that are not editions of ATENSI: they change on their own dates, so they are
resolved here rather than by :func:`atensi.law.instrument_in_force` (which a report still asks
for the edition of the programme; see :mod:`atensi.reports`).

The dates are weak. The BPK database gives PMK 81/PMK.05/2012's promulgation (1 June 2012,
secondary); for the PMKs of 2015, 2016 and 2021 and Permensos 11/2020 only the year is known. A
regime whose day is unknown may have applied from the first day of its year, and certainly
applied from the first day of the next; in between, :func:`funding_basis` says it is not certain
(:attr:`FundingBasis.certain`), and the rule ``aid.channel.basis`` asks for review rather than
guess.

One thing is certain enough to refuse a record: *bantuan pemerintah* is the category PMK
168/PMK.05/2015 created for assistance that is not bansos (its menimbang, read in a partial copy,
and the Directorate General of Treasury's slides on it, both secondary), so a delivery paid
through it before 2015 contradicts the law (:func:`channel_exists` is ``False``). Bansos is
older than the catalogue (PMK 81/2012 replaced an earlier regulation atensi does not hold): before
June 2012 its basis is unknown, never "did not exist".

>>> import datetime as dt
>>> from atensi.vocab import FundingChannel
>>> basis = funding_basis(FundingChannel.GOVERNMENT_ASSISTANCE, dt.date(2024, 3, 1))
>>> basis.governing, basis.certain
(('pmk-168-pmk.05-2015',), True)
>>> basis.also
('pmk-173-pmk.05-2016', 'permensos-11-2020', 'pmk-132-pmk.05-2021')
>>> funding_basis(FundingChannel.SOCIAL_ASSISTANCE, dt.date(2015, 6, 1)).governing
('pmk-81-pmk.05-2012', 'pmk-254-pmk.05-2015')
>>> channel_exists(FundingChannel.GOVERNMENT_ASSISTANCE, dt.date(2014, 12, 31))
False
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

from atensi.vocab import Citation, Evidence, FundingChannel, cite

__all__ = ["CHANNEL_REGIMES", "ChannelRegime", "FundingBasis", "channel_exists", "funding_basis"]


class ChannelRegime(NamedTuple):
    """An instrument that governs a channel, or amends or carries out the one that does.

    Attributes:
        channel: the channel.
        instrument: the catalogue id.
        governs: ``True`` for the regulation that defines the channel (a PMK), ``False`` for an
            amendment or the Ministry's own mechanism.
        earliest: the first day it may have applied (inclusive).
        certain_from: the first day it certainly applied (the day after its year when only the
            year is known).
        until: the first day it no longer applied (exclusive), if it was replaced.
        citation: where this is read, graded.
    """

    channel: FundingChannel
    instrument: str
    governs: bool
    earliest: dt.date
    certain_from: dt.date
    until: dt.date | None
    citation: Citation


def _year(year: int) -> tuple[dt.date, dt.date]:
    """A regime known by its year only: maybe from 1 January, certainly from the next year."""
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def _regime(
    channel: FundingChannel,
    instrument: str,
    governs: bool,
    span: tuple[dt.date, dt.date],
    note: str,
    until: dt.date | None = None,
) -> ChannelRegime:
    return ChannelRegime(
        channel,
        instrument,
        governs,
        *span,
        until,
        cite(instrument, None, Evidence.SECONDARY, note=note),
    )


#: Every regime of both channels, oldest first within a channel.
CHANNEL_REGIMES: tuple[ChannelRegime, ...] = (
    _regime(
        FundingChannel.SOCIAL_ASSISTANCE,
        "pmk-81-pmk.05-2012",
        True,
        (dt.date(2012, 6, 1), dt.date(2012, 6, 1)),
        "promulgated 1 June 2012 (BPK database); repealed by PMK 254/PMK.05/2015, whose day in "
        "2015 was not found",
        until=dt.date(2016, 1, 1),
    ),
    _regime(
        FundingChannel.SOCIAL_ASSISTANCE,
        "pmk-254-pmk.05-2015",
        True,
        _year(2015),
        "only the year is known",
    ),
    _regime(
        FundingChannel.SOCIAL_ASSISTANCE,
        "pmk-228-pmk.05-2016",
        False,
        _year(2016),
        "amends PMK 254/2015; year only",
    ),
    _regime(
        FundingChannel.SOCIAL_ASSISTANCE,
        "permensos-1-2019",
        False,
        _year(2019),
        "the Ministry's bansos disbursement (implements PMK 254/2015 Pasal 40); year only",
    ),
    _regime(
        FundingChannel.GOVERNMENT_ASSISTANCE,
        "pmk-168-pmk.05-2015",
        True,
        _year(2015),
        "creates the category of assistance that is not bansos; year only (BN 2015 No. 1340)",
    ),
    _regime(
        FundingChannel.GOVERNMENT_ASSISTANCE,
        "pmk-173-pmk.05-2016",
        False,
        _year(2016),
        "amends PMK 168/2015; year only",
    ),
    _regime(
        FundingChannel.GOVERNMENT_ASSISTANCE,
        "permensos-11-2020",
        False,
        _year(2020),
        "the Ministry's bantuan pemerintah mechanism (implements PMK 168/2015 Pasal 6 ayat "
        "(1)); year only",
    ),
    _regime(
        FundingChannel.GOVERNMENT_ASSISTANCE,
        "pmk-132-pmk.05-2021",
        False,
        _year(2021),
        "second amendment of PMK 168/2015; year",
    ),
)

#: The first day each channel can have existed, where the catalogue knows it (bansos is older).
_CREATED = {FundingChannel.GOVERNMENT_ASSISTANCE: dt.date(2015, 1, 1)}


class FundingBasis(NamedTuple):
    """The instruments behind a channel on a date.

    Attributes:
        channel: the channel.
        on: the date.
        governing: the regulation that defines the channel on ``on``; two ids in a year when
            the change from one to the other has no known day (``certain`` is then ``False``).
        also: amendments and the Ministry's mechanism certainly in force on ``on``.
        certain: whether the governing regulation on ``on`` is known for sure.
        citation: the citation of the (first) governing regulation.
    """

    channel: FundingChannel
    on: dt.date
    governing: tuple[str, ...]
    also: tuple[str, ...]
    certain: bool
    citation: Citation


def _applies(regime: ChannelRegime, on: dt.date) -> bool:
    return regime.earliest <= on and (regime.until is None or on < regime.until)


def funding_basis(channel: FundingChannel, on: dt.date) -> FundingBasis | None:
    """The instruments behind ``channel`` on ``on``, or ``None`` where the catalogue has none."""
    return _funding_basis(channel, on)


# A report asks for every aid it reads: the answer depends only on the channel and the day, of
# which a programme has a few thousand (the regimes are constants of this module).
@functools.lru_cache(maxsize=1 << 14)
def _funding_basis(channel: FundingChannel, on: dt.date) -> FundingBasis | None:
    regimes = [r for r in CHANNEL_REGIMES if r.channel is channel and _applies(r, on)]
    governing = [r for r in regimes if r.governs]
    if not governing:
        return None
    # The newest regime certainly in force, then any newer one that may already apply.
    newest_certain = [r for r in governing if r.certain_from <= on][-1:]
    uncertain = [r for r in governing if r.certain_from > on]
    chosen = newest_certain + uncertain
    return FundingBasis(
        channel,
        on,
        tuple(r.instrument for r in chosen),
        tuple(r.instrument for r in regimes if not r.governs and r.certain_from <= on),
        not uncertain,
        chosen[0].citation,
    )


def channel_exists(channel: FundingChannel, on: dt.date) -> bool | None:
    """Whether the channel existed on ``on``: ``False`` only where it certainly did not.

    ``None`` (unknown) before the oldest instrument the catalogue holds for a channel that is
    older than the catalogue (bansos before June 2012).
    """
    created = _CREATED.get(channel)
    if created is not None and on < created:
        return False
    return True if funding_basis(channel, on) is not None else None
