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

from atensi.model import DatePrecision, Person

__all__ = ["match_key", "normalised_name"]


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
