"""The facts rules read, each declared once: what it reads of a record, and how a key reduces it.

A :class:`Fact` names something a rule reads (a person's age on the date, the condition groups
in force, the data gates' findings), the attributes of the entities it comes from (so a test
can hold that the rules read nothing they do not declare), the personal-data it may carry, and
its *reduction*: the class of the fact that decides every rule reading it, for a key. A rule
declares the facts it reads (:func:`atensi.rules.catalogue.rule`, ``reads=``), with what it
compares them with where that matters (:meth:`Fact.compared_with`: the thresholds of an age);
the decision memo (:mod:`atensi.rules.memo`) composes its key from those declarations alone.

A reduction computes its fact with the very function the rules call (the age, the groups in
force, the NIK's contradiction with the record), so the rules and the key cannot read a fact
two ways; a fact a rule reads some other way must be declared as another fact.

>>> import datetime as dt
>>> from atensi.rules.catalogue import RULES
>>> RULES["elig.anak.age"].reads
('person.birth_date', 'person.nik', 'on')
>>> [(r.fact.name, r.thresholds) for r in RULES["elig.anak.age"].facts]
[('person.age', (18,))]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import NamedTuple

__all__ = ["FACTS", "KEYED", "Fact", "FactRead", "Threshold", "fact", "thresholds_on"]

#: A threshold a rule compares a fact with: a number, or a number on a date (a dated
#: parameter).
Threshold = int | Callable[[dt.date], int]

#: What every key holds as it is: the decision date and the law (pin and in-force dates).
KEYED = frozenset({"on", "edition"})


class Fact:
    """A fact the rules read, and how a key reduces it.

    Attributes:
        name: the fact, as a dotted name (``person.age``).
        attributes: the entity attributes it reads, as dotted paths of a role and a field
            (``person.birth_date``); the rule catalogue lists them as the rule's ``reads``.
        per_person: whether the fact is a person's (then ``key(person, on, thresholds)``, once
            for each person of the subject); otherwise ``key(subject, assessment, on, law)``,
            once per record, ``law`` holding the data gates in force (``law.gates``).
        key: the reduction: a hashable class of the fact that decides every rule reading it,
            holding no personal value (codes, booleans, counts, bands).
        gate: a record fact whose key, when it is not ``True``, is the whole decision (the
            assessment: without one on the date, no other rule runs).
    """

    __slots__ = ("attributes", "gate", "key", "name", "per_person")

    def __init__(
        self,
        name: str,
        attributes: tuple[str, ...],
        key: Callable[..., Hashable],
        *,
        per_person: bool = False,
        gate: bool = False,
    ) -> None:
        self.name, self.attributes, self.key = name, attributes, key
        self.per_person, self.gate = per_person, gate

    def __repr__(self) -> str:
        return f"Fact({self.name!r})"

    def compared_with(self, *thresholds: Threshold) -> FactRead:
        """This fact as a rule reads it: compared with ``thresholds`` (``<``, ``>=``)."""
        return FactRead(self, tuple(thresholds))

    def read(self) -> FactRead:
        """This fact as a rule reads it, whole."""
        return FactRead(self)


class FactRead(NamedTuple):
    """A fact as one rule reads it: the fact, and what the rule compares it with."""

    fact: Fact
    thresholds: tuple[Threshold, ...] = ()


#: Every declared fact, by name, in declaration order (the order of a memo's key).
FACTS: dict[str, Fact] = {}


def fact(
    name: str,
    attributes: tuple[str, ...],
    key: Callable[..., Hashable],
    *,
    per_person: bool = False,
    gate: bool = False,
) -> Fact:
    """Declare a fact (once; a second declaration of the same name is a programming error)."""
    if name in FACTS:  # pragma: no cover - guards the declarations
        raise AssertionError(f"fact {name} declared twice")
    declared = FACTS[name] = Fact(name, attributes, key, per_person=per_person, gate=gate)
    return declared


def thresholds_on(reads: list[FactRead], on: dt.date) -> tuple[int, ...]:
    """Every threshold ``reads`` compare their fact with, on ``on``, sorted, once each."""
    found: set[int] = set()
    for read in reads:
        for threshold in read.thresholds:
            found.add(threshold(on) if callable(threshold) else threshold)
    return tuple(sorted(found))
