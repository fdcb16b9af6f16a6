"""Every rule, declared once: id, statement, citations, the facts it reads, whether it gates.

A rule module declares its rules with :func:`rule` at import and builds its findings through
them (:meth:`Rule.finding`), so a finding can only carry a rule id that is declared here, and
the generated rule catalogue, the per-target pages and any memo keyed on the facts a rule reads
are derived from these declarations instead of being kept by hand.

*Gating* rules decide an outcome: the worst gating finding of a target decides it (any
``not_met`` → not eligible; else ``unknown`` → undetermined; else ``needs_review``; else
eligible). *Informative* rules explain (which source an age came from, which convention
applied) and never change an outcome.

**Only verified law says no.** Every rule declares its *grade* (:class:`~atensi.vocab.Evidence`):
the grade of the reasoning behind a refusal. A finding can be ``not_met`` only when the rule is
graded ``verified`` *and* the citation the finding carries is ``verified``; otherwise
:meth:`Rule.finding` turns the ``not_met`` into ``needs_review`` and says so in the message. The
cap sits here, where every finding of a declared rule is made, so eligibility, services,
consent, deliveries, referrals, lifecycle guards, termination and coverage all obey it; a test
sweeps the whole catalogue (``tests/test_grades.py``).

>>> from atensi.rules.catalogue import RULES
>>> RULES["elig.anak.age"].reads
('person.birth_date', 'person.nik', 'on')
>>> RULES["elig.anak.age"].citations[0].evidence.value
'verified'
>>> RULES["case.delivery.service_line"].grade.value
'secondary'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from atensi.rules.decision import NEEDS_REVIEW, NOT_MET, STATEMENTS, Facts, Finding, Status
from atensi.rules.facts import Fact, FactRead
from atensi.vocab import Citation, Evidence, Label, Target

__all__ = ["RULES", "Rule", "informative_ids", "rule", "weakest"]

_CODES = {t: t.value for t in Target}
#: The grades from strongest to weakest.
_ORDER = (Evidence.VERIFIED, Evidence.SECONDARY, Evidence.BACKGROUND, Evidence.CONVENTION)
_RANK = {grade: rank for rank, grade in enumerate(_ORDER)}


def weakest(grades: Iterable[Evidence]) -> Evidence:
    """The weakest of ``grades`` (``convention`` when there are none: nothing was read).

    >>> weakest([Evidence.VERIFIED, Evidence.SECONDARY]).value
    'secondary'
    """
    return max(grades, key=_RANK.__getitem__, default=Evidence.CONVENTION)


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
        grade: the grade of the rule's reasoning when it refuses: ``verified`` only when the
            refusal is what a statute's text says. A rule of any other grade never says no
            (:meth:`finding` caps it at ``needs_review``).
    """

    id: str
    kind: str
    statement: Label
    citations: tuple[Citation, ...]
    reads: tuple[str, ...]
    gating: bool = True
    cites: str = "fixed"
    facts: tuple[FactRead, ...] = ()
    grade: Evidence = Evidence.VERIFIED

    @property
    def citation(self) -> Citation | None:
        """The primary citation, if the rule declares any."""
        return self.citations[0] if self.citations else None

    def may_refuse(self, citation: Citation | None) -> bool:
        """Whether a finding of this rule carrying ``citation`` may say ``not_met``.

        Only a rule graded ``verified`` whose finding cites a ``verified`` article may; every
        other refusal is a question for a reviewer.
        """
        return (
            self.grade is Evidence.VERIFIED
            and citation is not None
            and citation.evidence is Evidence.VERIFIED
        )

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
        """A finding of this rule (the primary citation unless another is given).

        A ``not_met`` the rule may not give (:meth:`may_refuse`) becomes ``needs_review``, and
        its message says why.
        """
        cited = self.citation if citation is None else citation
        if status is NOT_MET and not self.may_refuse(cited):
            grade = weakest([self.grade, Evidence.CONVENTION if cited is None else cited.evidence])
            status = NEEDS_REVIEW
            en = f"{en} (a {grade.value} rule never says no: needs review)"
            id_ = f"{id_} (aturan berderajat {grade.value} tidak menolak: perlu ditinjau)"
        return Finding(
            self.id,
            status,
            Label(id_, en),
            cited,
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
            "grade": self.grade.value,
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
    grade: Evidence | None = None,
) -> Rule:
    """Declare a rule (once; a second declaration of the same id is a programming error).

    ``reads`` names what the rule reads: declared facts (a :class:`~atensi.rules.facts.Fact`,
    or one :meth:`~atensi.rules.facts.Fact.compared_with` the thresholds the rule compares it
    with) and, for anything no fact declares, dotted paths (``case.legal_basis.kind``).

    ``grade`` defaults to the weakest grade among the citations of a rule that cites them as
    declared (``cites="fixed"``): a rule that rests on a convention anywhere is a convention
    rule unless it says otherwise. A rule whose finding picks its citation from data (a group, a
    bound, the edition, a gate, the registry) is ``verified`` by default: the citation each
    finding carries then decides (:meth:`Rule.may_refuse`).
    """
    if rule_id in RULES:  # pragma: no cover - guards the declarations
        raise AssertionError(f"rule {rule_id} declared twice")
    if citations is None:
        cited: tuple[Citation, ...] = ()
    elif isinstance(citations, Citation):
        cited = (citations,)
    else:
        cited = tuple(dict.fromkeys(citations))
    if grade is None:
        grade = weakest(c.evidence for c in cited) if cites == "fixed" else Evidence.VERIFIED
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
        grade,
    )
    RULES[rule_id] = declared
    STATEMENTS[rule_id] = declared.statement
    return declared


def informative_ids(kind: str | None = None) -> frozenset[str]:
    """The ids of the rules that never change an outcome (of one kind, or of all)."""
    return frozenset(
        r.id for r in RULES.values() if not r.gating and (kind is None or r.kind == kind)
    )
