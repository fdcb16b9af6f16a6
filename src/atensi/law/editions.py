"""Which rule set applied on a date: the one edition resolver every rule uses.

The editions follow one another without gaps, from PP 39/2012 to today:

================  ==========================================  ============================
edition           instruments                                 targets
================  ==========================================  ============================
``pp39-2012``     PP 39/2012 (baseline, before ATENSI)        Pasal 6; elderly reviewed
``progres-2019``  Permensos 16/2019, PROGRES 5.0 NP (baseline) the 5 clusters
``atensi-2020``   Permensos 16/2020                           the 5 clusters
``atensi-2021``   Permensos 7/2021                            + disaster, PPKS lainnya
``atensi-2022``   Permensos 7/2021 as amended by 7/2022       as 7/2021
``ars-2025``      Permensos 15/2025                           as 7/2021 (convention)
================  ==========================================  ============================

PP 39/2012 Pasal 6 is the **floor** beneath every edition: a person in one of its seventeen
groups is a target of social rehabilitation whatever the edition of the day lists (see
:mod:`atensi.vocab.statutory` and :meth:`Edition.basis`). Dates before PP 39/2012 came into force
(5 March 2012) have no edition and are refused.

An edition starts on the in-force date of its newest instrument (inclusive) and ends on the
next one's (exclusive). Only PP 39/2012's date is verified; callers who know another pass it in
``in_force_dates`` and every boundary moves with it. :func:`instrument_in_force` is the single
resolver: eligibility, services, the lifecycle, coverage, the policy indicators, the batch
functions and the command line all call it with the caller's ``edition`` pin and
``in_force_dates``, so one record is never decided under two editions.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Mapping

from atensi.errors import AtensiError, NoInstrumentInForce, UnknownCode
from atensi.law._table import (
    EDITION_IDS,
    EDITION_TABLE,
    FLOOR_FROM,
    KNOWN_INSTRUMENTS,
    InForceDates,
    by_id,
    rank_of,
    row_start,
)
from atensi.law._types import DataGate, Edition, Instrument
from atensi.law.catalogue import catalogue

__all__ = [
    "EDITION_IDS",
    "FLOOR_FROM",
    "InForceDates",
    "editions",
    "get",
    "instrument_in_force",
    "instruments",
]


def instruments() -> tuple[Instrument, ...]:
    """Return every instrument in the catalogue, in catalogue order.

    >>> from atensi.law import instruments
    >>> [i.short_name for i in instruments() if i.id.startswith("permensos-")][:3]
    ['Permensos 8/2012', 'Permensos 19/2012', 'Permensos 18/2018']
    """
    return catalogue()


def get(identifier: str) -> Instrument:
    """Return the instrument with catalogue identifier ``identifier``.

    Raises:
        UnknownCode: if the identifier is not in the catalogue.

    >>> get("pp-39-2012").short_name
    'PP 39/2012'
    """
    try:
        return by_id()[identifier]
    except (KeyError, TypeError):
        raise UnknownCode(
            "instrument",
            identifier,
            list(by_id()),
            code="law.unknown_instrument",
            vocabulary_id="peraturan",
        ) from None


def _checked_overrides(in_force_dates: object) -> tuple[tuple[str, dt.date], ...]:
    """The overrides as a sorted, hashable tuple, or an AtensiError naming what is wrong."""
    if not isinstance(in_force_dates, Mapping):
        raise AtensiError(
            "in_force_dates must map instrument identifiers to dates",
            message_id="in_force_dates harus memetakan pengenal peraturan ke tanggal",
            code="law.bad_in_force_dates",
        )
    checked = []
    for key, value in in_force_dates.items():
        if key not in KNOWN_INSTRUMENTS:
            raise UnknownCode(
                "edition instrument",
                key,
                sorted(KNOWN_INSTRUMENTS),
                code="law.unknown_instrument",
                vocabulary_id="peraturan dasar edisi",
            )
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise AtensiError(
                f"the in-force date of {key} must be a datetime.date",
                message_id=f"tanggal berlaku {key} harus berupa datetime.date",
                code="law.bad_date",
                ctx={"instrument": key},
            )
        checked.append((key, value))
    return tuple(sorted(checked))


def editions(in_force_dates: InForceDates | None = None) -> tuple[Edition, ...]:
    """Return the editions, oldest first.

    Args:
        in_force_dates: optional in-force dates by instrument identifier, replacing atensi's
            unverified estimates (e.g. ``{"permensos-7-2021": date(2021, 8, 20)}``).

    Raises:
        AtensiError: if the overrides would put the editions out of order, name an instrument
            that starts no edition (code ``law.unknown_instrument``), or are not dates.

    >>> [e.id for e in editions()]
    ['pp39-2012', 'progres-2019', 'atensi-2020', 'atensi-2021', 'atensi-2022', 'ars-2025']
    """
    return _editions(_checked_overrides(in_force_dates or {}))


@functools.lru_cache(maxsize=64)
def _editions(overrides_key: tuple[tuple[str, dt.date], ...]) -> tuple[Edition, ...]:
    # Batch runs pass the same overrides with every record: the table is built once per set.
    overrides = dict(overrides_key)
    starts: list[tuple[dt.date, bool]] = []
    for row in EDITION_TABLE:
        starts.append(row_start(row, overrides))
    for (earlier, _), (later, _) in itertools.pairwise(starts):
        if not earlier < later:
            raise AtensiError(
                "in-force dates must increase from one edition to the next",
                message_id="tanggal berlaku edisi harus berurutan naik",
                code="law.editions_out_of_order",
                ctx={"dates": [s.isoformat() for s, _ in starts]},
            )
    result = []
    for index, row in enumerate(EDITION_TABLE):
        start, start_verified = starts[index]
        end, end_verified = starts[index + 1] if index + 1 < len(starts) else (None, True)
        result.append(
            Edition(
                id=row.id,
                base=get(row.base),
                amendments=tuple(get(a) for a in row.amendments),
                valid_from=start,
                valid_until=end,
                targets=row.targets,
                targets_citation=row.citation,
                dates_verified=start_verified and end_verified,
                kind=row.kind,
                review_targets=row.review,
                data_gates=_gates(row.id),
            )
        )
    return tuple(result)


#: The record field each welfare registry's gate reads.
_GATE_FACTS = {"dtks": "in_dtks", "dtsen": "welfare_decile"}


@functools.cache
def _gates(edition_id: str) -> tuple[DataGate, ...]:
    """The data gates an edition applies, each over the period it applies in.

    Derived from the parameters ``gates.registry`` (which registry, edition by edition) and
    ``gates.dtsen_max_decile``: their values change only on their entries' start dates, so the
    gates are worked out on each of those dates (from inclusive, until exclusive).
    """
    from atensi.law._parameters import get_parameter  # read on first use: start-up pays nothing

    registry = get_parameter("gates.registry")
    decile = get_parameter("gates.dtsen_max_decile")
    rank = rank_of(edition_id)
    starts = sorted({e.start for p in (registry, decile) for e in p.entries if e.start is not None})
    points: list[dt.date | None] = [None, *starts]
    windows: list[DataGate] = []
    for index, point in enumerate(points):
        on = dt.date.min if point is None else point
        answer = registry.at_rank(on, rank)
        until = points[index + 1] if index + 1 < len(points) else None
        gate = None
        if answer.value is not None and answer.citation is not None:
            name = str(answer.value)
            cut = decile.at_rank(on, rank).number if name == "dtsen" else None
            gate = DataGate(name, _GATE_FACTS[name], answer.citation, cut, point, until)
        last = windows[-1] if windows else None
        if (
            gate is not None
            and last is not None
            and last.valid_until == point
            and (
                last._replace(valid_from=None, valid_until=None)
                == gate._replace(valid_from=None, valid_until=None)
            )
        ):
            windows[-1] = last._replace(valid_until=until)  # the same gate goes on
        elif gate is not None:
            windows.append(gate)
    return tuple(windows)


def instrument_in_force(
    on: dt.date,
    *,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Edition:
    """Return the edition (instrument and amendments) that applied on ``on``: the one resolver.

    Every rule function resolves its edition here, with the caller's ``edition`` and
    ``in_force_dates`` passed on unchanged, so one record is never decided under two editions.

    Args:
        on: the date asked about.
        edition: pin an edition (its identifier or the value) instead of choosing by date;
            use this when your programme applies an instrument from a date atensi does not know,
            or to ask "what if this edition applied?".
        in_force_dates: replace atensi's unverified in-force estimates (see :func:`editions`).

    Raises:
        NoInstrumentInForce: if ``on`` is before PP 39/2012 came into force (5 March 2012).
        AtensiError: if ``edition`` names no edition (code ``law.unknown_edition``) or is not
            an identifier or an :class:`Edition`, or ``in_force_dates`` is wrong (see
            :func:`editions`).

    >>> import datetime as dt
    >>> instrument_in_force(dt.date(2021, 1, 15)).base.short_name
    'Permensos 16/2020'
    >>> instrument_in_force(dt.date(2023, 1, 1)).name
    'Permensos 7/2021 as amended by Permensos 7/2022'
    >>> instrument_in_force(dt.date(2019, 1, 1)).id
    'pp39-2012'
    >>> instrument_in_force(dt.date(2011, 1, 1))
    Traceback (most recent call last):
    ...
    atensi.errors.NoInstrumentInForce: no rule set was in force on 2011-01-01; ...
    """
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise AtensiError(
            f"'on' must be a datetime.date, not {type(on).__name__}",
            message_id=f"'on' harus berupa datetime.date, bukan {type(on).__name__}",
            code="law.bad_date",
        )
    table = _editions(()) if in_force_dates is None else editions(in_force_dates)
    if on < table[0].valid_from:
        # Even a pinned edition stands on PP 39/2012: before it there is nothing to decide under.
        raise NoInstrumentInForce(on, table[0].valid_from, table[0].base.short_name)
    if isinstance(edition, Edition):
        return edition
    if edition is not None:
        if isinstance(edition, str):
            for candidate in table:
                if candidate.id == edition:
                    return candidate
        raise UnknownCode(
            "edition", edition, EDITION_IDS, code="law.unknown_edition", vocabulary_id="edisi"
        )
    for candidate in reversed(table):
        if candidate.valid_from <= on:
            return candidate
    raise AssertionError(on)  # pragma: no cover - the first edition starts at the floor
