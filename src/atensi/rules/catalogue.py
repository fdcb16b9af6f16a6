"""Every rule, declared once: id, statement, citations, the facts it reads, whether it gates.

A rule module declares its rules with :func:`rule` at import and builds its findings through
them (:meth:`Rule.finding`), so a finding can only carry a rule id that is declared here, and
the generated rule catalogue, the per-target pages and any memo keyed on the facts a rule reads
are derived from these declarations instead of being kept by hand.

*Gating* rules decide an outcome: the worst gating finding of a target decides it (any
``not_met`` → not eligible; else ``unknown`` → undetermined; else ``needs_review``; else
eligible). *Informative* rules explain (which source an age came from, which convention
applied) and never change an outcome.

>>> from atensi.rules.catalogue import RULES
>>> RULES["elig.anak.age"].reads
('person.birth_date', 'person.nik', 'on')
>>> RULES["elig.anak.age"].citations[0].evidence.value
'verified'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from atensi.rules.decision import STATEMENTS, Facts, Finding, Status
from atensi.rules.facts import Fact, FactRead
from atensi.vocab import Citation, Label, Target

__all__ = ["RULES", "Rule", "informative_ids", "rule"]

_CODES = {t: t.value for t in Target}


class Rule(NamedTuple):
    """The declaration of one rule.

    Attributes:
        id: the stable rule id (``elig.anak.age``); never changed once released.
        kind: what the rule decides: ``eligibility``, ``services``, ``lifecycle``,
            ``coverage`` or ``funding``.
        statement: what the rule says, in Indonesian and English.
        citations: every citation a finding of the rule may carry, the primary one first (a
            rule that cites the recorded group's own source lists every such source).
        reads: the facts the rule reads, as dotted paths (``person.birth_date``,
            ``assessment.conditions``, ``on``, ``edition``): the attributes of the declared
            facts it reads, and any other path it names.
        gating: whether its findings decide an outcome (``False``: informative only).
        cites: how a finding picks its citation: ``fixed`` (the first of ``citations``),
            ``group`` (the recorded group's), ``bound`` (the group limit's), ``edition`` (the
            edition's target list), ``floor`` (PP 39/2012 Pasal 6) or ``gate`` (the data
            gate's).
        facts: the declared facts (:mod:`atensi.rules.facts`) the rule reads, with what it
            compares them with; a decision memo keys on these.
    """

    id: str
    kind: str
    statement: Label
    citations: tuple[Citation, ...]
    reads: tuple[str, ...]
    gating: bool = True
    cites: str = "fixed"
    facts: tuple[FactRead, ...] = ()

    @property
    def citation(self) -> Citation | None:
        """The primary citation, if the rule declares any."""
        return self.citations[0] if self.citations else None

    def finding(
        self,
        status: Status,
        en: str,
        id_: str,
        facts: Facts = (),
        *,
        target: Target | None = None,
        citation: Citation | None = None,
    ) -> Finding:
        """A finding of this rule (the primary citation unless another is given)."""
        return Finding(
            self.id,
            status,
            Label(id_, en),
            self.citation if citation is None else citation,
            facts,
            None if target is None else _CODES[target],
        )

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-serialisable mapping of the declaration."""
        return {
            "id": self.id,
            "kind": self.kind,
            "statement": {"id": self.statement.id, "en": self.statement.en},
            "citations": [c.to_dict() for c in self.citations],
            "reads": list(self.reads),
            "gating": self.gating,
            "cites": self.cites,
        }


#: Every declared rule, by id, in declaration order.
RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    kind: str,
    en: str,
    id_: str,
    citations: Citation | Iterable[Citation] | None,
    reads: Iterable[str | Fact | FactRead],
    *,
    gating: bool = True,
    cites: str = "fixed",
) -> Rule:
    """Declare a rule (once; a second declaration of the same id is a programming error).

    ``reads`` names what the rule reads: declared facts (a :class:`~atensi.rules.facts.Fact`,
    or one :meth:`~atensi.rules.facts.Fact.compared_with` the thresholds the rule compares it
    with) and, for anything no fact declares, dotted paths (``case.legal_basis.kind``).
    """
    if rule_id in RULES:  # pragma: no cover - guards the declarations
        raise AssertionError(f"rule {rule_id} declared twice")
    if citations is None:
        cited: tuple[Citation, ...] = ()
    elif isinstance(citations, Citation):
        cited = (citations,)
    else:
        cited = tuple(dict.fromkeys(citations))
    facts: list[FactRead] = []
    paths: list[str] = []
    for read in reads:
        if isinstance(read, Fact):
            read = read.read()
        if isinstance(read, FactRead):
            facts.append(read)
            paths.extend(read.fact.attributes)
        else:
            paths.append(read)
    declared = Rule(
        rule_id,
        kind,
        Label(id_, en),
        cited,
        tuple(dict.fromkeys(paths)),
        gating,
        cites,
        tuple(facts),
    )
    RULES[rule_id] = declared
    STATEMENTS[rule_id] = declared.statement
    return declared


def informative_ids(kind: str | None = None) -> frozenset[str]:
    """The ids of the rules that never change an outcome (of one kind, or of all)."""
    return frozenset(
        r.id for r in RULES.values() if not r.gating and (kind is None or r.kind == kind)
    )
