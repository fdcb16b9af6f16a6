"""Which ATENSI rule set applied on a date.

The ATENSI editions follow one another without gaps:

========================  ==========================================  =====================
edition                   instruments                                 targets
========================  ==========================================  =====================
``atensi-2020``           Permensos 16/2020                           the 5 clusters
``atensi-2021``           Permensos 7/2021                            + disaster, PPKS lain
``atensi-2022``           Permensos 7/2021 as amended by 7/2022       as 7/2021
``ars-2025``              Permensos 15/2025                           as 7/2021 (convention)
========================  ==========================================  =====================

An edition starts on the in-force date of its instrument (inclusive) and ends on the next one's
(exclusive). None of the four in-force dates has been verified; callers who know a date pass it
in ``in_force_dates`` and every boundary moves with it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping

from atensi.errors import AtensiError, NoInstrumentInForce, UnknownCode
from atensi.law._types import Edition, Instrument
from atensi.law.catalogue import CATALOGUE
from atensi.vocab import Citation, Evidence, Target, cite

__all__ = ["EDITION_IDS", "editions", "get", "instrument_in_force", "instruments"]

_BY_ID: dict[str, Instrument] = {i.id: i for i in CATALOGUE}

_FIVE_CLUSTERS = frozenset(
    {
        Target.CHILDREN,
        Target.PERSONS_WITH_DISABILITIES,
        Target.SOCIAL_DEVIANCE_AND_TRAFFICKING,
        Target.DRUG_ABUSE_VICTIMS,
        Target.ELDERLY,
    }
)
_SEVEN = _FIVE_CLUSTERS | {Target.DISASTER_VICTIMS, Target.OTHER_PPKS}

# (edition id, base instrument, amendments, targets, citation of the target list)
_EDITION_TABLE: tuple[tuple[str, str, tuple[str, ...], frozenset[Target], Citation], ...] = (
    (
        "atensi-2020",
        "permensos-16-2020",
        (),
        _FIVE_CLUSTERS,
        cite(
            "permensos-16-2020",
            None,
            Evidence.SECONDARY,
            source="Kemensos release of 1 May 2021 (REFERENCE R12)",
            note="the five clusters; whether 16/2020 also named disaster victims or PPKS lainnya "
            "was not found",
        ),
    ),
    (
        "atensi-2021",
        "permensos-7-2021",
        (),
        _SEVEN,
        cite(
            "permensos-7-2021",
            "Pasal 3",
            Evidence.SECONDARY,
            source="REFERENCE R9, R11",
            note="article number from a regional summary; wording and order not read",
        ),
    ),
    (
        "atensi-2022",
        "permensos-7-2021",
        ("permensos-7-2022",),
        _SEVEN,
        cite(
            "permensos-7-2021",
            "Pasal 3",
            Evidence.SECONDARY,
            source="REFERENCE R9, R11",
            note="no change to the targets by 7/2022 was seen (only Pasal 1 was read)",
        ),
    ),
    (
        "ars-2025",
        "permensos-15-2025",
        (),
        _SEVEN,
        cite(
            "permensos-15-2025",
            None,
            Evidence.CONVENTION,
            source="REFERENCE §3.1",
            note="the target article of 15/2025 was not found; atensi carries over the targets of "
            "7/2021 until it is read",
        ),
    ),
)

#: The identifiers of the ATENSI editions, oldest first.
EDITION_IDS: tuple[str, ...] = tuple(row[0] for row in _EDITION_TABLE)


def instruments() -> tuple[Instrument, ...]:
    """Return every instrument in the catalogue, in catalogue order.

    >>> from atensi.law import instruments
    >>> [i.short_name for i in instruments() if i.id.startswith("permensos-")][:3]
    ['Permensos 8/2012', 'Permensos 18/2018', 'Permensos 16/2019']
    """
    return CATALOGUE


def get(identifier: str) -> Instrument:
    """Return the instrument with catalogue identifier ``identifier``.

    Raises:
        UnknownCode: if the identifier is not in the catalogue.

    >>> get("pp-39-2012").short_name
    'PP 39/2012'
    """
    try:
        return _BY_ID[identifier]
    except KeyError:
        raise UnknownCode("instrument", identifier, list(_BY_ID)) from None


def _in_force_date(instrument: Instrument, overrides: Mapping[str, dt.date]) -> dt.date:
    if instrument.id in overrides:
        return overrides[instrument.id]
    if instrument.in_force_from is None:  # pragma: no cover - the table guarantees dates
        raise AssertionError(f"{instrument.id} has no in-force date")
    return instrument.in_force_from.value


def editions(in_force_dates: Mapping[str, dt.date] | None = None) -> tuple[Edition, ...]:
    """Return the ATENSI editions, oldest first.

    Args:
        in_force_dates: optional in-force dates by instrument identifier, replacing atensi's
            unverified estimates (e.g. ``{"permensos-7-2021": date(2021, 8, 20)}``).

    Raises:
        AtensiError: if the overrides would put the editions out of order, or name an
            instrument that is not an ATENSI instrument.

    >>> [e.id for e in editions()]
    ['atensi-2020', 'atensi-2021', 'atensi-2022', 'ars-2025']
    """
    overrides = dict(in_force_dates or {})
    known = {row[1] for row in _EDITION_TABLE} | {a for row in _EDITION_TABLE for a in row[2]}
    for key in overrides:
        if key not in known:
            raise UnknownCode("ATENSI instrument", key, sorted(known))
    starts: list[tuple[dt.date, bool]] = []
    for _, base_id, amendment_ids, _, _ in _EDITION_TABLE:
        last = get(amendment_ids[-1]) if amendment_ids else get(base_id)
        verified = last.id in overrides or last.dates_verified
        starts.append((_in_force_date(last, overrides), verified))
    for (earlier, _), (later, _) in itertools.pairwise(starts):
        if not earlier < later:
            raise AtensiError(
                "ATENSI in-force dates must increase from one edition to the next",
                message_id="tanggal berlaku edisi ATENSI harus berurutan naik",
                code="law.editions_out_of_order",
                ctx={"dates": [s.isoformat() for s, _ in starts]},
            )
    result = []
    for index, (edition_id, base_id, amendment_ids, targets, citation) in enumerate(_EDITION_TABLE):
        start, start_verified = starts[index]
        end, end_verified = starts[index + 1] if index + 1 < len(starts) else (None, True)
        result.append(
            Edition(
                id=edition_id,
                base=get(base_id),
                amendments=tuple(get(a) for a in amendment_ids),
                valid_from=start,
                valid_until=end,
                targets=targets,
                targets_citation=citation,
                dates_verified=start_verified and end_verified,
            )
        )
    return tuple(result)


_DEFAULT_EDITIONS = editions()


def instrument_in_force(
    on: dt.date,
    *,
    edition: str | Edition | None = None,
    in_force_dates: Mapping[str, dt.date] | None = None,
) -> Edition:
    """Return the ATENSI edition (instrument and amendments) that applied on ``on``.

    Args:
        on: the date asked about.
        edition: pin an edition (its identifier or the value) instead of choosing by date;
            use this when your programme applies an instrument from a date atensi does not know.
        in_force_dates: replace atensi's unverified in-force estimates (see :func:`editions`).

    Raises:
        NoInstrumentInForce: if ``on`` is before the first ATENSI instrument applied.
        UnknownCode: if ``edition`` names no edition.

    >>> import datetime as dt
    >>> instrument_in_force(dt.date(2021, 1, 15)).base.short_name
    'Permensos 16/2020'
    >>> instrument_in_force(dt.date(2023, 1, 1)).name
    'Permensos 7/2021 as amended by Permensos 7/2022'
    >>> instrument_in_force(dt.date(2019, 1, 1))
    Traceback (most recent call last):
    ...
    atensi.errors.NoInstrumentInForce: no ATENSI instrument was in force on 2019-01-01; ...
    """
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise AtensiError(
            f"'on' must be a datetime.date, not {type(on).__name__}",
            message_id=f"'on' harus berupa datetime.date, bukan {type(on).__name__}",
            code="law.bad_date",
        )
    table = _DEFAULT_EDITIONS if in_force_dates is None else editions(in_force_dates)
    if isinstance(edition, Edition):
        return edition
    if edition is not None:
        for candidate in table:
            if candidate.id == edition:
                return candidate
        raise UnknownCode("edition", edition, EDITION_IDS)
    for candidate in reversed(table):
        if candidate.valid_from <= on:
            return candidate
    raise NoInstrumentInForce(on, table[0].valid_from)
