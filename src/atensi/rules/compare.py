"""What if another edition applied? One record decided under several editions, and the difference.

When a regulation changes, an analyst asks what the change does to the people on the books:
``compare_editions`` decides one record under each edition asked for (the same date, the same
facts: only the rule set changes) and lists, per target, the outcomes that differ and the rules
whose findings made them differ.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Assessment, Person
>>> person = atensi.structure({"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"},
...                          Person)
>>> found = atensi.structure({"id": "A", "assessed_on": "2024-05-01",
...     "conditions": [{"group": "gelandangan"}], "welfare_decile": 7}, Assessment)
>>> comparison = compare_editions(person, found, on=dt.date(2024, 6, 1),
...                               editions=("atensi-2021", "ars-2025"))
>>> print(comparison.explain())
Comparison on 2024-06-01: atensi-2021, ars-2025
  tuna_sosial_kpo: eligible under atensi-2021, needs_review under ars-2025
    elig.dtks.listed: unknown under atensi-2021, absent under ars-2025
    elig.dtsen.decile: absent under atensi-2021, needs_review under ars-2025
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from atensi.law import EDITION_IDS, Edition, InForceDates, instrument_in_force
from atensi.model import Assessment
from atensi.model.subjects import Subject
from atensi.rules.decision import (
    OUTCOME_LABELS,
    STATUS_LABELS,
    Decision,
    Redaction,
    target_label,
)
from atensi.rules.eligibility import assess_eligibility
from atensi.vocab import Label
from atensi.vocab._base import check_lang

__all__ = ["EditionComparison", "RuleDifference", "TargetDifference", "compare_editions"]

_ABSENT = "absent"
#: How readable text names a status or an outcome of the comparison ("absent" included).
_WORDS = {
    **{str(k): v for k, v in STATUS_LABELS.items()},
    **{str(k): v for k, v in OUTCOME_LABELS.items()},
    _ABSENT: Label("tidak diperiksa", "absent"),
}
# When a rule fires more than once (once per member), the worst status stands for it.
_WORST = {"met": 0, "not_applicable": 0, "needs_review": 1, "unknown": 2, "not_met": 3}


class RuleDifference(NamedTuple):
    """A rule whose status differs between editions (``absent`` where it did not fire)."""

    rule_id: str
    statuses: tuple[tuple[str, str], ...]


class TargetDifference(NamedTuple):
    """A target whose outcome differs between editions, and the rules behind the difference."""

    target: str
    outcomes: tuple[tuple[str, str], ...]
    rules: tuple[RuleDifference, ...]


class EditionComparison(NamedTuple):
    """One record decided under several editions.

    Attributes:
        on: the date of the decisions.
        decisions: one eligibility decision per edition, in the order asked for.
        differences: the targets whose outcome differs, in vocabulary order.
    """

    on: dt.date
    decisions: tuple[Decision, ...]
    differences: tuple[TargetDifference, ...]

    @property
    def editions(self) -> tuple[str, ...]:
        """The edition ids compared, in order."""
        return tuple(d.edition for d in self.decisions)

    def explain(self, lang: str = "en") -> str:
        """The differences as readable text (``"id"`` or ``"en"``); rule ids and statuses only.

        Raises:
            UnknownCode: ``lang`` is not ``"id"`` or ``"en"``.
        """
        lang = check_lang(lang)
        under = {"en": "under", "id": "menurut"}[lang]
        head = {"en": "Comparison on", "id": "Perbandingan pada"}[lang]
        lines = [f"{head} {self.on.isoformat()}: {', '.join(self.editions)}"]
        if not self.differences:
            lines.append("  " + {"en": "no difference", "id": "tidak ada perbedaan"}[lang])
        for difference in self.differences:
            outcomes = ", ".join(
                f"{_WORDS[o].in_lang(lang)} {under} {e}" for e, o in difference.outcomes
            )
            target = difference.target
            lines.append(f"  {target_label(target, lang) if lang == 'id' else target}: {outcomes}")
            for changed in difference.rules:
                statuses = ", ".join(
                    f"{_WORDS[s].in_lang(lang)} {under} {e}" for e, s in changed.statuses
                )
                lines.append(f"    {changed.rule_id}: {statuses}")
        return "\n".join(lines)

    def to_json(self, *, redact: bool | str | Redaction = False) -> dict[str, Any]:
        """Return JSON-ready data: the decisions (redacted if asked) and the differences."""
        return {
            "version": 1,
            "kind": "edition_comparison",
            "on": self.on.isoformat(),
            "editions": list(self.editions),
            "differences": [
                {
                    "target": d.target,
                    "outcomes": dict(d.outcomes),
                    "rules": [
                        {"rule_id": r.rule_id, "statuses": dict(r.statuses)} for r in d.rules
                    ],
                }
                for d in self.differences
            ],
            "decisions": [d.to_json(redact=redact) for d in self.decisions],
        }


def _statuses(decision: Decision, target: str) -> dict[str, str]:
    """The status of each rule of ``target`` (and of the decision-level rules), by rule id."""
    found: dict[str, str] = {}
    for finding in decision.findings:
        if finding.target in (target, None):
            previous = found.get(finding.rule_id)
            status = finding.status.value
            if previous is None or _WORST[status] > _WORST[previous]:
                found[finding.rule_id] = status
    return found


def compare_editions(
    subject: Subject,
    assessment: Assessment | None,
    *,
    on: dt.date,
    editions: Iterable[str | Edition] | None = None,
    in_force_dates: InForceDates | None = None,
) -> EditionComparison:
    """Decide one record under several editions and say what differs, per target and rule.

    Args:
        subject: the subject, as for :func:`atensi.rules.assess_eligibility`.
        assessment: the assessment (``None`` makes every decision undetermined).
        on: the date: the same facts are read as of it under every edition.
        editions: the editions to compare (ids or values), in order; default every edition.
        in_force_dates: replace atensi's unverified in-force dates (they affect which edition
            an id stands for only through its dates, never the comparison's date).

    Raises:
        AtensiError: if an edition id is unknown (code ``law.unknown_edition``).
    """
    chosen = tuple(EDITION_IDS if editions is None else editions)
    resolved = [instrument_in_force(on, edition=e, in_force_dates=in_force_dates) for e in chosen]
    decisions = tuple(assess_eligibility(subject, assessment, on=on, edition=e) for e in resolved)
    differences = []
    targets = [t for t, _ in decisions[0].targets] if decisions else []
    for target in targets:
        outcomes = tuple((d.edition, str(d.outcome_for(target) or _ABSENT)) for d in decisions)
        if len({o for _, o in outcomes}) < 2:
            continue
        statuses = [_statuses(d, target) for d in decisions]
        rule_ids = list(dict.fromkeys(r for s in statuses for r in s))
        changed = []
        for rule_id in rule_ids:
            per_edition = tuple(
                (d.edition, s.get(rule_id, _ABSENT))
                for d, s in zip(decisions, statuses, strict=True)
            )
            if len({x for _, x in per_edition}) > 1:
                changed.append(RuleDifference(rule_id, per_edition))
        differences.append(TargetDifference(target, outcomes, tuple(changed)))
    return EditionComparison(on, decisions, tuple(differences))
