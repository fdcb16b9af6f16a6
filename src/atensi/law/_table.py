"""The table of editions: the instruments that make each edition and the targets it names.

Data beneath both the edition resolver (:mod:`atensi.law.editions`, which dates the rows and
answers which edition applied on a date) and the dated parameters (:mod:`atensi.law._parameters`,
whose values may start with an edition and so need the editions' order): it reads neither of
them, so neither reads the other to learn the table.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping

from atensi.law._types import Edition, EditionKind, Instrument
from atensi.law.catalogue import catalogue
from atensi.vocab import Citation, Evidence, Target, cite
from atensi.vocab.statutory import floor_citation

__all__ = [
    "EDITION_IDS",
    "EDITION_TABLE",
    "FLOOR_FROM",
    "KNOWN_INSTRUMENTS",
    "InForceDates",
    "Row",
    "by_id",
    "edition_rank",
    "rank_of",
    "row_start",
]

#: Caller-supplied in-force dates by instrument identifier.
InForceDates = Mapping[str, dt.date]


@functools.cache
def by_id() -> dict[str, Instrument]:
    """Every instrument of the catalogue, by identifier."""
    return {i.id: i for i in catalogue()}


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

#: The first day of the first rule set: PP 39/2012 in force on promulgation (Pasal 80, verified).
FLOOR_FROM = dt.date(2012, 3, 5)
_ELDERLY_BEFORE_PROGRES = cite(
    "pp-39-2012",
    "Pasal 6 ayat (1)",
    Evidence.CONVENTION,
    note="lanjut usia are not among huruf a-q, though the opening words name 'ketelantaran' "
    "(neglect) and UU 13/1998 gives elderly persons rights to social protection and aid; "
    "whether an elderly person was a rehabilitation target before PROGRES needs review",
)


class Row:
    """One line of the edition table."""

    __slots__ = ("amendments", "base", "citation", "id", "kind", "review", "targets")

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
    ) -> None:
        self.id, self.base, self.amendments = id_, base, amendments
        self.targets, self.citation, self.kind = targets, citation, kind
        self.review = review


EDITION_TABLE: tuple[Row, ...] = (
    Row(
        "pp39-2012",
        "pp-39-2012",
        (),
        _FLOOR,
        cite("pp-39-2012", "Pasal 6", Evidence.VERIFIED),
        kind=EditionKind.BASELINE,
        review=((Target.ELDERLY, _ELDERLY_BEFORE_PROGRES),),
    ),
    Row(
        "progres-2019",
        "permensos-16-2019",
        (),
        _FIVE_CLUSTERS,
        cite(
            None,
            None,
            Evidence.SECONDARY,
            source="kemensos-2019-progres-5-0-np",
            note="the five clusters are a platform of the Directorate General, named in its "
            "releases from 2019 (and at the Rakor of March 2020); no regulation read establishes "
            "them. Permensos 16/2019, the base of this edition, is the national standard of "
            "social rehabilitation (its menimbang: to implement UU 23/2014 Pasal 16), not the "
            "PROGRES platform: the edition is dated from its promulgation by convention, for want "
            "of a dated source of the platform",
        ),
        kind=EditionKind.BASELINE,
    ),
    Row(
        "atensi-2020",
        "permensos-16-2020",
        (),
        _FIVE_CLUSTERS,
        cite(
            "permensos-16-2020",
            None,
            Evidence.SECONDARY,
            source="kemensos-2021-05-01-atensi-multilayanan",
            note="the five clusters; whether 16/2020 also named disaster victims or PPKS lainnya "
            "was not found (PP 39/2012 Pasal 6 names them beneath every edition)",
        ),
    ),
    Row(
        "atensi-2021",
        "permensos-7-2021",
        (),
        _SEVEN,
        cite(
            "permensos-7-2021",
            "Pasal 3",
            Evidence.SECONDARY,
            source="dinsos-riau-2022-atensi",
            note="article number from a regional summary; wording and order not read",
        ),
    ),
    Row(
        "atensi-2022",
        "permensos-7-2021",
        ("permensos-7-2022",),
        _SEVEN,
        cite(
            "permensos-7-2021",
            "Pasal 3",
            Evidence.SECONDARY,
            source="dinsos-riau-2022-atensi",
            note="no change to the targets by 7/2022 was seen (only Pasal 1 was read)",
        ),
    ),
    Row(
        "ars-2025",
        "permensos-15-2025",
        (),
        _SEVEN,
        cite(
            "permensos-15-2025",
            None,
            Evidence.CONVENTION,
            note="the target article of 15/2025 was not found; atensi carries over the targets "
            "of 7/2021 until it is read",
        ),
    ),
)

#: The identifiers of the editions, oldest first.
EDITION_IDS: tuple[str, ...] = tuple(row.id for row in EDITION_TABLE)
KNOWN_INSTRUMENTS = frozenset(
    {row.base for row in EDITION_TABLE} | {a for row in EDITION_TABLE for a in row.amendments}
)


_RANKS = {edition_id: rank for rank, edition_id in enumerate(EDITION_IDS)}


def rank_of(edition_id: str) -> int:
    """The place of an edition in the sequence, oldest first (0 for ``pp39-2012``).

    Raises:
        KeyError: for an identifier no edition has.
    """
    return _RANKS[edition_id]


def row_start(row: Row, overrides: InForceDates) -> tuple[dt.date, bool]:
    """The first day of an edition: its newest instrument's in-force date, and whether verified.

    ``overrides`` are a caller's in-force dates by instrument identifier.
    """
    newest = by_id()[row.amendments[-1] if row.amendments else row.base]
    if newest.id in overrides:
        return overrides[newest.id], True
    if newest.in_force_from is None:  # pragma: no cover - the table guarantees dates
        raise AssertionError(f"{newest.id} has no in-force date")
    return newest.in_force_from.value, newest.dates_verified


def edition_rank(edition: Edition) -> int:
    """The place of ``edition`` in the sequence; an edition a caller built, by its first day.

    A caller's edition (another identifier) takes the place of the table's edition that atensi's
    own dates put in force on its first day (on PP 39/2012's first day, if it starts earlier).
    """
    rank = _RANKS.get(edition.id)
    if rank is not None:
        return rank
    first = max(edition.valid_from, FLOOR_FROM)
    found = 0
    for index, row in enumerate(EDITION_TABLE):
        if row_start(row, {})[0] <= first:
            found = index
    return found
