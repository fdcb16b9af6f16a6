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
from atensi.law._types import DataGate, Edition, EditionKind, Instrument
from atensi.law.catalogue import CATALOGUE
from atensi.vocab import Citation, Evidence, Target, cite
from atensi.vocab.statutory import floor_citation

__all__ = [
    "EDITION_IDS",
    "FLOOR_FROM",
    "InForceDates",
    "editions",
    "get",
    "instrument_in_force",
    "instruments",
]

#: Caller-supplied in-force dates by instrument identifier.
InForceDates = Mapping[str, dt.date]

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
#: The targets PP 39/2012 Pasal 6 names (through its groups) or leaves to the Minister.
_FLOOR = frozenset(t for t in Target if floor_citation(t) is not None)

_S, _C = Evidence.SECONDARY, Evidence.CONVENTION

#: The first day of the first rule set: PP 39/2012 in force on promulgation (Pasal 80, verified).
FLOOR_FROM = dt.date(2012, 3, 5)
#: The first day ATENSI is read against DTSEN rather than DTKS. Inpres 4/2025 (signed
#: 5 February 2025) created DTSEN, but Kemensos announced it would distribute against DTSEN from
#: April 2025 (the second quarter), so February and March 2025 stay on DTKS (secondary; the day
#: ATENSI itself switched is not published, REFERENCE R66).
_DTSEN_FROM = dt.date(2025, 4, 1)

#: Permensos 3/2021 replaced Permensos 5/2019 (as amended by 11/2019) as the DTKS regulation;
#: it was signed on 27 May 2021 and its promulgation date was not found, so the gate cites the
#: earlier regulation before the signing day (a decision cites only what existed on its date).
_DTKS_3_2021_FROM = dt.date(2021, 5, 27)
_DTKS_CITATION = cite(
    "permensos-3-2021",
    None,
    _S,
    source="REFERENCE §3.11, §8.3 (R32, R62)",
    note="ATENSI aid went to people verified in DTKS from 2021 to 2024; programme practice for "
    "aid, not an eligibility article",
)
_DTKS_BEFORE_CITATION = cite(
    "permensos-5-2019",
    None,
    _S,
    source="REFERENCE §3.11 (turn-3 correction); Permensos 3/2021 menimbang huruf b",
    note="the DTKS regulation until Permensos 3/2021 (signed 27 May 2021) replaced it; ATENSI "
    "aid went to people verified in DTKS; programme practice for aid, not an eligibility "
    "article",
)
_DTSEN_CITATION = cite(
    "inpres-4-2025",
    None,
    _S,
    source="REFERENCE §3.11, §8.4 (R50, R66)",
    note="ATENSI targets DTSEN welfare deciles 1-5 from 2025; programme practice, not an "
    "eligibility article",
)
_DTKS = DataGate("dtks", "in_dtks", _DTKS_CITATION, valid_until=_DTSEN_FROM)
_DTKS_2021 = (
    DataGate(
        "dtks",
        "in_dtks",
        _DTKS_BEFORE_CITATION,
        valid_from=dt.date(2021, 1, 1),
        valid_until=_DTKS_3_2021_FROM,
    ),
    _DTKS._replace(valid_from=_DTKS_3_2021_FROM),
)
_DTSEN = DataGate("dtsen", "welfare_decile", _DTSEN_CITATION, max_decile=5)

_ELDERLY_BEFORE_PROGRES = cite(
    "pp-39-2012",
    "Pasal 6 ayat (1)",
    _C,
    source="REFERENCE §3.2, §3.5",
    note="lanjut usia are not among huruf a-q, though the opening words name 'ketelantaran' "
    "(neglect) and UU 13/1998 gives elderly persons rights to social protection and aid; "
    "whether an elderly person was a rehabilitation target before PROGRES needs review",
)


class _Row:
    """One line of the edition table."""

    __slots__ = ("amendments", "base", "citation", "gates", "id", "kind", "review", "targets")

    def __init__(
        self,
        id_: str,
        base: str,
        amendments: tuple[str, ...],
        targets: frozenset[Target],
        citation: Citation,
        *,
        kind: EditionKind = EditionKind.ATENSI,
        review: tuple[tuple[Target, Citation], ...] = (),
        gates: tuple[DataGate, ...] = (),
    ) -> None:
        self.id, self.base, self.amendments = id_, base, amendments
        self.targets, self.citation, self.kind = targets, citation, kind
        self.review, self.gates = review, gates


_EDITION_TABLE: tuple[_Row, ...] = (
    _Row(
        "pp39-2012",
        "pp-39-2012",
        (),
        _FLOOR,
        cite("pp-39-2012", "Pasal 6", Evidence.VERIFIED, source="REFERENCE R16"),
        kind=EditionKind.BASELINE,
        review=((Target.ELDERLY, _ELDERLY_BEFORE_PROGRES),),
    ),
    _Row(
        "progres-2019",
        "permensos-16-2019",
        (),
        _FIVE_CLUSTERS,
        cite(
            None,
            None,
            _S,
            source="Kemensos release of 11 March 2020 on the Rakornas Program Rehabilitasi Sosial "
            "('PROGRESS 5.0-NP ... 5 (lima) klaster'); Kemensos release of 9 October 2019 "
            "(REFERENCE R15)",
            note="the five clusters are a platform of the Directorate General, named in its "
            "releases from 2019; no regulation establishes them. Permensos 16/2019, the base of "
            "this edition, is the national standard of social rehabilitation (its menimbang: "
            "to implement UU 23/2014 Pasal 16), not the PROGRES platform: the edition is dated "
            "from its promulgation by convention, for want of a dated source of the platform",
        ),
        kind=EditionKind.BASELINE,
    ),
    _Row(
        "atensi-2020",
        "permensos-16-2020",
        (),
        _FIVE_CLUSTERS,
        cite(
            "permensos-16-2020",
            None,
            _S,
            source="Kemensos release of 1 May 2021 (REFERENCE R12)",
            note="the five clusters; whether 16/2020 also named disaster victims or PPKS lainnya "
            "was not found (PP 39/2012 Pasal 6 names them beneath every edition)",
        ),
        gates=_DTKS_2021,
    ),
    _Row(
        "atensi-2021",
        "permensos-7-2021",
        (),
        _SEVEN,
        cite(
            "permensos-7-2021",
            "Pasal 3",
            _S,
            source="REFERENCE R9, R11",
            note="article number from a regional summary; wording and order not read",
        ),
        gates=_DTKS_2021,
    ),
    _Row(
        "atensi-2022",
        "permensos-7-2021",
        ("permensos-7-2022",),
        _SEVEN,
        cite(
            "permensos-7-2021",
            "Pasal 3",
            _S,
            source="REFERENCE R9, R11",
            note="no change to the targets by 7/2022 was seen (only Pasal 1 was read)",
        ),
        gates=(_DTKS, _DTSEN._replace(valid_from=_DTSEN_FROM)),
    ),
    _Row(
        "ars-2025",
        "permensos-15-2025",
        (),
        _SEVEN,
        cite(
            "permensos-15-2025",
            None,
            _C,
            source="REFERENCE §3.1",
            note="the target article of 15/2025 was not found; atensi carries over the targets "
            "of 7/2021 until it is read",
        ),
        gates=(_DTSEN,),
    ),
)

#: The identifiers of the editions, oldest first.
EDITION_IDS: tuple[str, ...] = tuple(row.id for row in _EDITION_TABLE)
_KNOWN_INSTRUMENTS = frozenset(
    {row.base for row in _EDITION_TABLE} | {a for row in _EDITION_TABLE for a in row.amendments}
)


def instruments() -> tuple[Instrument, ...]:
    """Return every instrument in the catalogue, in catalogue order.

    >>> from atensi.law import instruments
    >>> [i.short_name for i in instruments() if i.id.startswith("permensos-")][:3]
    ['Permensos 8/2012', 'Permensos 19/2012', 'Permensos 18/2018']
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
    except (KeyError, TypeError):
        raise UnknownCode(
            "instrument",
            identifier,
            list(_BY_ID),
            code="law.unknown_instrument",
            vocabulary_id="peraturan",
        ) from None


def _in_force_date(instrument: Instrument, overrides: Mapping[str, dt.date]) -> dt.date:
    if instrument.id in overrides:
        return overrides[instrument.id]
    if instrument.in_force_from is None:  # pragma: no cover - the table guarantees dates
        raise AssertionError(f"{instrument.id} has no in-force date")
    return instrument.in_force_from.value


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
        if key not in _KNOWN_INSTRUMENTS:
            raise UnknownCode(
                "edition instrument",
                key,
                sorted(_KNOWN_INSTRUMENTS),
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
    for row in _EDITION_TABLE:
        last = get(row.amendments[-1]) if row.amendments else get(row.base)
        verified = last.id in overrides or last.dates_verified
        starts.append((_in_force_date(last, overrides), verified))
    for (earlier, _), (later, _) in itertools.pairwise(starts):
        if not earlier < later:
            raise AtensiError(
                "in-force dates must increase from one edition to the next",
                message_id="tanggal berlaku edisi harus berurutan naik",
                code="law.editions_out_of_order",
                ctx={"dates": [s.isoformat() for s, _ in starts]},
            )
    result = []
    for index, row in enumerate(_EDITION_TABLE):
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
                data_gates=row.gates,
            )
        )
    return tuple(result)


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
    table = _DEFAULT_EDITIONS if in_force_dates is None else editions(in_force_dates)
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


_DEFAULT_EDITIONS = editions()
