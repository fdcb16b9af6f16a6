"""Decisions that explain themselves: outcome, edition, date, and ordered, cited findings.

A :class:`Finding` is one rule applied to the facts: a stable rule id (``elig.anak.age``), a
status (met, not met, not applicable, unknown, needs review), the facts it used, a message in
Indonesian and English, and the citation of the instrument and article. A :class:`Decision`
gathers the findings with the edition of the law it applied and the date it was asked for.
Decisions serialise to a documented, versioned JSON shape (:data:`DECISION_JSON_VERSION`) and
back (:func:`decision_from_json`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from collections.abc import Hashable, Mapping
from typing import Any, NamedTuple

import attrs

from atensi.errors import AtensiError, ErrorDetail
from atensi.model._fields import date_or_problem
from atensi.vocab import Citation, Evidence, Label

__all__ = [
    "DECISION_JSON_VERSION",
    "Decision",
    "Finding",
    "Outcome",
    "Status",
    "decision_from_json",
    "facts_of",
]

#: Version of the JSON shape of :meth:`Decision.to_json`; bumped only on a breaking change.
DECISION_JSON_VERSION = 1

Fact = str | int | bool | None
Facts = tuple[tuple[str, Fact], ...]


class Status(enum.StrEnum):
    """The status of one finding."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"
    NEEDS_REVIEW = "needs_review"


class Outcome(enum.StrEnum):
    """The outcome of a decision (or of one target within it)."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"
    UNDETERMINED = "undetermined"


def facts_of(value: Mapping[str, Any]) -> Facts:
    """Turn a mapping of facts into the JSON-ready ``(name, value)`` pairs a finding holds."""
    out = []
    for key, fact in value.items():
        if isinstance(fact, dt.date):
            fact = fact.isoformat()
        elif isinstance(fact, enum.Enum):
            fact = fact.value
        out.append((key, fact))
    return tuple(out)


_REDACTED = "<redacted>"
_REDACTED_ID = "rincian disembunyikan"
_REDACTED_EN = "details redacted"
# ``member.value`` is a property call; these mappings are several times cheaper per finding.
_STATUS_CODES = {s: s.value for s in Status}
_OUTCOME_CODES = {o: o.value for o in Outcome}


@functools.lru_cache(maxsize=1024)
def _citation_json_cached(citation: Citation) -> dict[str, Any]:
    # Citations repeat across findings and decisions: each mapping is built once, and callers
    # hand out copies of it.
    return citation.to_dict()


class _Fragments:
    """A bounded memo of encoded JSON fragments.

    Redacted findings and the heads of decisions repeat from record to record (redaction removes
    everything that is particular to a person), so their encoded text is kept and reused. The
    memo is emptied when it is full, so that decisions made from arbitrary data (say, read back
    with :func:`decision_from_json`) cannot make it grow without bound.
    """

    __slots__ = ("limit", "texts")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.texts: dict[Hashable, str] = {}

    def put(self, key: Hashable, text: str) -> str:
        if len(self.texts) >= self.limit:
            self.texts.clear()
        self.texts[key] = text
        return text


# One memo per value of ``ensure_ascii``, which changes the text of non-ASCII characters.
_FRAGMENTS = {True: _Fragments(4096), False: _Fragments(4096)}


class Finding(NamedTuple):
    """One rule applied to the facts.

    A named tuple rather than an attrs class: a decision holds a dozen findings and building
    them is the bulk of a rule's cost.

    Attributes:
        rule_id: the stable rule id (see the generated rule catalogue).
        status: what the rule found.
        message: the finding in Indonesian and English.
        citation: the instrument and article the rule rests on, if any.
        facts: the facts it used, as ``(name, value)`` pairs of JSON scalars (dates as ISO
            strings); :func:`facts_of` builds them from a mapping.
        target: the target (cluster code) the finding belongs to, if any.
    """

    rule_id: str
    status: Status
    message: Label
    citation: Citation | None = None
    facts: Facts = ()
    target: str | None = None

    def to_json(self, *, redact: bool = False) -> dict[str, Any]:
        """Return the finding as JSON-ready data (``redact``: as :meth:`redacted` would)."""
        facts: dict[str, Fact]
        if redact:
            facts = dict.fromkeys([k for k, _ in self.facts], _REDACTED) if self.facts else {}
            message = {"id": _REDACTED_ID, "en": _REDACTED_EN}
        else:
            facts = dict(self.facts)
            message = {"id": self.message.id, "en": self.message.en}
        citation = self.citation
        return {
            "rule_id": self.rule_id,
            "status": _STATUS_CODES[self.status],
            "target": self.target,
            "facts": facts,
            "message": message,
            "citation": None if citation is None else dict(_citation_json_cached(citation)),
        }

    def __repr__(self) -> str:
        # Facts and messages may hold personal data (ages, conditions): never in a repr.
        return f"Finding({self.rule_id!r}, {self.status.value!r})"

    def redacted(self) -> Finding:
        """Return the finding without its facts, and with a message that repeats none (for logs).

        Messages are built from the facts (an age, a condition), so they are replaced too; the
        rule id, status and citation remain.
        """
        return self._replace(
            facts=tuple((k, _REDACTED) for k, _ in self.facts),
            message=Label(_REDACTED_ID, _REDACTED_EN),
        )


@attrs.frozen(slots=True, repr=False)
class Decision:
    """An explained decision.

    Attributes:
        kind: what was decided (``"eligibility"``, ``"services"``).
        outcome: the overall outcome.
        on: the date the decision was asked for.
        edition: the ATENSI edition applied (its id).
        instruments: the identifiers of the instruments of the edition.
        findings: the findings, in evaluation order.
        targets: the outcome per target (cluster or target code), in vocabulary order.
        notes: remarks that are not findings (e.g. atensi's convention for a primary cluster).
    """

    kind: str
    outcome: Outcome
    on: dt.date
    edition: str
    instruments: tuple[str, ...]
    findings: tuple[Finding, ...]
    targets: tuple[tuple[str, Outcome], ...] = ()
    notes: tuple[Label, ...] = ()

    def __repr__(self) -> str:
        # Findings hold facts about a person; the repr shows only the decision's shape.
        return (
            f"Decision(kind={self.kind!r}, outcome={self.outcome.value!r}, "
            f"on={self.on.isoformat()!r}, edition={self.edition!r}, "
            f"findings={len(self.findings)})"
        )

    def eligible_targets(self) -> tuple[str, ...]:
        """The targets with outcome ``eligible``."""
        return tuple(t for t, o in self.targets if o is Outcome.ELIGIBLE)

    def outcome_for(self, target: str) -> Outcome | None:
        """The outcome for one target code, or ``None`` if it was not evaluated."""
        return dict(self.targets).get(target)

    def rule_ids(self) -> tuple[str, ...]:
        """The rule ids of the findings, in order."""
        return tuple(f.rule_id for f in self.findings)

    def to_json(self, *, redact: bool = False) -> dict[str, Any]:
        """Return the documented, versioned JSON shape of the decision.

        Args:
            redact: give the shape of :meth:`redacted` (facts and messages hidden) without
                building a redacted copy first.
        """
        data = self._head()
        data["findings"] = [f.to_json(redact=redact) for f in self.findings]
        data["notes"] = [{"id": n.id, "en": n.en} for n in self.notes]
        return data

    def _head(self) -> dict[str, Any]:
        # The keys before the findings, in the documented order.
        return {
            "version": DECISION_JSON_VERSION,
            "kind": self.kind,
            "outcome": _OUTCOME_CODES[self.outcome],
            "on": self.on.isoformat(),
            "edition": self.edition,
            "instruments": list(self.instruments),
            "targets": {t: _OUTCOME_CODES[o] for t, o in self.targets},
        }

    def to_json_text(self, *, redact: bool = False, ensure_ascii: bool = False) -> str:
        """Return ``json.dumps(self.to_json(redact=redact), ensure_ascii=ensure_ascii)``.

        The same text, made faster when ``redact`` is true: a redacted finding holds nothing
        particular to the person, so its encoded text is memoised, and so is the head of the
        decision (outcome, date, edition, targets). Batch runs write one such text per record;
        encoding the decision was about half the cost of a record.
        """
        if not redact:
            return json.dumps(self.to_json(), ensure_ascii=ensure_ascii)
        memo = _FRAGMENTS[ensure_ascii]
        key = (self.kind, self.outcome, self.on, self.edition, self.instruments, self.targets)
        head = memo.texts.get(key)
        if head is None:
            # json.dumps of the head without its closing brace: the findings follow its keys.
            text = json.dumps(self._head(), ensure_ascii=ensure_ascii)[:-1]
            head = memo.put(key, text + ', "findings": [')
        findings = ", ".join(_redacted_findings_text(self.findings, memo, ensure_ascii))
        if not self.notes:
            return f'{head}{findings}], "notes": []}}'
        notes = json.dumps(
            [{"id": n.id, "en": n.en} for n in self.notes], ensure_ascii=ensure_ascii
        )
        return f'{head}{findings}], "notes": {notes}}}'

    def redacted(self) -> Decision:
        """Return the decision with every finding's facts redacted (safe for logs)."""
        return attrs.evolve(self, findings=tuple(f.redacted() for f in self.findings))

    def explain(self, lang: str = "en") -> str:
        """Return the decision as readable text in ``lang`` (``"id"`` or ``"en"``)."""
        head = {"en": "Decision", "id": "Keputusan"}[lang]
        lines = [f"{head} ({self.kind}, {self.on.isoformat()}, {self.edition}): {self.outcome}"]
        for target, outcome in self.targets:
            lines.append(f"  {target}: {outcome}")
        for finding in self.findings:
            cite = f" [{finding.citation}]" if finding.citation else ""
            lines.append(
                f"  - {finding.rule_id} {finding.status}: {finding.message.in_lang(lang)}{cite}"
            )
        for note in self.notes:
            lines.append(f"  * {note.in_lang(lang)}")
        return "\n".join(lines)


def _redacted_findings_text(
    findings: tuple[Finding, ...], memo: _Fragments, ensure_ascii: bool
) -> list[str]:
    """``json.dumps(f.to_json(redact=True))`` of each finding, memoised.

    What remains of a finding after redaction is its rule id, status, target, citation and the
    names of its facts, so those are the key; the message and the fact values are not.
    """
    texts = memo.texts
    out = []
    for finding in findings:
        rule_id, status, _, citation, facts, target = finding
        key = (rule_id, status, target, citation, tuple([k for k, _ in facts]) if facts else ())
        text = texts.get(key)
        if text is None:
            encoded = json.dumps(finding.to_json(redact=True), ensure_ascii=ensure_ascii)
            text = memo.put(key, encoded)
        out.append(text)
    return out


def _citation_from(data: Mapping[str, Any] | None) -> Citation | None:
    if data is None:
        return None
    return Citation(
        data["instrument"],
        data["article"],
        Evidence(data["evidence"]),
        data["source"],
        data["note"],
    )


def _date(value: Any) -> dt.date:
    """A decision's date, read by atensi's one date grammar."""
    found = date_or_problem(value, ("on",))
    if isinstance(found, ErrorDetail):
        raise AtensiError(
            f"not a decision in JSON shape version {DECISION_JSON_VERSION}: "
            f"'on' {found.message_en} [{found.code}]",
            message_id=f"bukan keputusan berbentuk JSON versi {DECISION_JSON_VERSION}: "
            f"'on' {found.message_id} [{found.code}]",
            code="decision.bad_json",
            ctx={"loc": ["on"], "code": found.code},
        )
    return found


def decision_from_json(data: Mapping[str, Any]) -> Decision:
    """Rebuild a decision from :meth:`Decision.to_json` output.

    Raises:
        AtensiError: if the shape or version is not one this release reads.
    """
    try:
        if data["version"] != DECISION_JSON_VERSION:
            raise AtensiError(
                f"unsupported decision JSON version {data['version']!r}",
                code="decision.unsupported_version",
            )
        return Decision(
            kind=data["kind"],
            outcome=Outcome(data["outcome"]),
            on=_date(data["on"]),
            edition=data["edition"],
            instruments=tuple(data["instruments"]),
            findings=tuple(
                Finding(
                    rule_id=f["rule_id"],
                    status=Status(f["status"]),
                    message=Label(f["message"]["id"], f["message"]["en"]),
                    citation=_citation_from(f["citation"]),
                    facts=tuple(f["facts"].items()),
                    target=f["target"],
                )
                for f in data["findings"]
            ),
            targets=tuple((t, Outcome(o)) for t, o in data["targets"].items()),
            notes=tuple(Label(n["id"], n["en"]) for n in data["notes"]),
        )
    except AtensiError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise AtensiError(
            f"not a decision in JSON shape version {DECISION_JSON_VERSION}: {err!r}",
            code="decision.bad_json",
        ) from None
