"""People without a NIK: a documented matching key, used only when asked, never on a guess.

A report counts *distinct* PM by identity (:func:`atensi.rules.beneficiaries.identity`): a NIK,
else a registry id (DTKS/DTSEN), else the record's own id. Two records of one person who has
neither (a child not yet registered, a person living on the street) are two PM. When asked
(``match=True`` on a report; ``atensi report --match-without-nik``), such a person is known
instead by a **matching key** made of three things a registry records, each written one way:

* the **name**, normalised (:func:`normalised_name`): Unicode compatibility form, accents and
  other combining marks removed, case folded, every run of characters that are not letters or
  digits one space, the words kept in their order. ``"Siti  Aminah"``, ``"SITI AMINAH"`` and
  ``"Sití Aminah,"`` are one name; ``"Aminah Siti"`` and ``"Siti Aminah binti Umar"`` are not;
* the **birth**: the date where it is known to the day, else the year alone, marked as an
  estimate (``~1990``): a birth known to the month or the year matches only another estimate of
  that year (the key never widens an exact date into a year);
* the **domicile's regency or city** (four digits), not the district: people move within a
  city, and a record of the district is rarer than one of the city.

A person with no name, no birth date or no domicile has **no key** and keeps their record id:
atensi does not merge what it cannot key. The key is exact: two spellings of a name that differ
by a letter are two keys, reported as such by a report (the count with and without the merge,
and how many PM were matched this way), never merged quietly. The key holds a name: it is
personal data, hashed like every identity before a report keeps it, and never written out.

The key is atensi's convention (no regulation read sets one; DTKS and SIKS-NG match on the NIK),
so it never refuses or decides anything: it only says who may be one person.

**Suspected duplicates** (:func:`suspected_duplicates`, the ``match`` extra: RapidFuzz) are the
pairs the key does *not* join but a person should look at: records without NIK or registry id,
living in the same regency, born the same year, whose normalised names are alike (RapidFuzz's
``token_sort_ratio``, which forgives a swapped word order, at least ``threshold`` of 100). They
are listed by the caller's references, with the score and whether the births agree to the day;
nothing is merged.

>>> normalised_name("  Sití  AMINAH, S.Pd. ")
'siti aminah s pd'
>>> import atensi
>>> from atensi.model import Person
>>> person = atensi.structure({"id": "P-1", "nik": {"reason": "belum_terdaftar"},
...     "name": "Siti Aminah", "birth_date": {"value": "2012-05-03", "precision": "tahun"},
...     "domicile": "317101"}, Person)
>>> match_key(person)
'siti aminah|~2012|3171'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable
from typing import Generic, NamedTuple, TypeVar

from atensi.errors import AtensiError
from atensi.model import DatePrecision, Person

__all__ = [
    "MatchingUnavailable",
    "Suspicion",
    "match_key",
    "normalised_name",
    "suspected_duplicates",
]

R = TypeVar("R", bound=Hashable)


class MatchingUnavailable(AtensiError):
    """Suspected duplicates were asked for, but RapidFuzz (the ``match`` extra) is missing."""

    def __init__(self) -> None:
        super().__init__(
            "suspected duplicates need RapidFuzz: pip install 'atensi[match]'",
            message_id="dugaan rekaman ganda memerlukan RapidFuzz: pip install 'atensi[match]'",
            code="matching.unavailable",
        )


class Suspicion(NamedTuple, Generic[R]):
    """Two records that may be one person: for a person to look at, never merged.

    Attributes:
        first: the caller's reference of one record (an index, a pseudonym: never a name).
        second: the other's.
        score: how alike the normalised names are, 0 to 100 (RapidFuzz ``token_sort_ratio``,
            rounded down).
        same_birth_day: whether both births are known to the day and equal.
    """

    first: R
    second: R
    score: int
    same_birth_day: bool


def normalised_name(name: str) -> str:
    """A name written one way: no accents, one case, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = "".join(c if c.isalnum() else " " for c in kept).split()
    return " ".join(words)


def match_key(person: Person) -> str | None:
    """The matching key of a person with neither NIK nor registry id, or ``None``.

    ``None`` when the person has a NIK or a registry id (they have an identity of their own),
    or lacks one of the three parts of the key (name, birth, domicile).
    """
    if isinstance(person.nik, str) or person.registry_id:
        return None
    name = normalised_name(person.name)
    born = person.birth_date
    regency = (person.domicile or "").replace(".", "")[:4]
    if not name or born is None or len(regency) != 4 or not regency.isdigit():
        return None
    exact = born.precision is DatePrecision.DAY
    birth = born.value.isoformat() if exact else f"~{born.value.year}"
    return f"{name}|{birth}|{regency}"


def suspected_duplicates(
    people: Iterable[tuple[R, Person]], *, threshold: int = 90
) -> list[Suspicion[R]]:
    """Pairs of records without NIK or registry id that may be one person.

    Records are compared within one regency and birth year (the pairs come block by block, in
    input order within each); a pair the matching key already
    joins is not listed (the key counts it once), nor is a record that lacks a name, a birth
    date or a domicile.

    Raises:
        MatchingUnavailable: without RapidFuzz (the ``match`` extra).

    >>> import atensi
    >>> from atensi.model import Person
    >>> def person(id_, name):
    ...     return atensi.structure({"id": id_, "nik": {"reason": "belum_terdaftar"},
    ...         "name": name, "birth_date": {"value": "2012-05-03"}, "domicile": "317101"}, Person)
    >>> found = suspected_duplicates([(0, person("P-1", "Siti Aminah")),
    ...     (1, person("P-2", "Siti Aminha")), (2, person("P-3", "Aminah Siti")),
    ...     (3, person("P-4", "Budi Santoso"))])
    >>> [(s.first, s.second, s.score) for s in found]
    [(0, 1, 90), (0, 2, 100), (1, 2, 90)]
    """
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        raise MatchingUnavailable() from None
    blocks: dict[tuple[str, int], list[tuple[R, str, str | None, str | None]]] = {}
    for ref, person in people:
        born = person.birth_date
        if isinstance(person.nik, str) or person.registry_id or born is None:
            continue
        name = normalised_name(person.name)
        regency = (person.domicile or "").replace(".", "")[:4]
        if not name or len(regency) != 4 or not regency.isdigit():
            continue
        day = born.value.isoformat() if born.precision is DatePrecision.DAY else None
        block = blocks.setdefault((regency, born.value.year), [])
        block.append((ref, name, match_key(person), day))
    found: list[Suspicion[R]] = []
    for block in blocks.values():
        names = [name for _, name, _, _ in block]
        for i, (ref, name, key, day) in enumerate(block):
            alike = process.extract(
                name,
                names[i + 1 :],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=threshold,
                limit=None,
            )
            for _, score, offset in sorted(alike, key=lambda hit: hit[2]):
                other, _, other_key, other_day = block[i + 1 + offset]
                if key == other_key:
                    continue  # one key: counted once already
                same_day = day is not None and day == other_day
                found.append(Suspicion(ref, other, int(score), same_day))
    return found
