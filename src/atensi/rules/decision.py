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
from atensi.vocab._base import check_lang

__all__ = [
    "DECISION_JSON_VERSION",
    "KIND_LABELS",
    "MET",
    "NEEDS_REVIEW",
    "NOT_APPLICABLE",
    "NOT_MET",
    "OUTCOME_LABELS",
    "STATUS_LABELS",
    "UNKNOWN",
    "Decision",
    "Finding",
    "Outcome",
    "Redaction",
    "Status",
    "decision_from_json",
    "facts_of",
    "outcome_of",
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


#: The statuses by name, as rules write their findings (``finding(MET, ...)``).
MET, NOT_MET, NOT_APPLICABLE, UNKNOWN, NEEDS_REVIEW = (
    Status.MET,
    Status.NOT_MET,
    Status.NOT_APPLICABLE,
    Status.UNKNOWN,
    Status.NEEDS_REVIEW,
)


class Outcome(enum.StrEnum):
    """The outcome of a decision (or of one target within it)."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"
    UNDETERMINED = "undetermined"


#: How readable text names each status (English: the code, as the JSON has it).
STATUS_LABELS = {
    Status.MET: Label("terpenuhi", "met"),
    Status.NOT_MET: Label("tidak terpenuhi", "not_met"),
    Status.NOT_APPLICABLE: Label("tidak berlaku", "not_applicable"),
    Status.UNKNOWN: Label("belum diketahui", "unknown"),
    Status.NEEDS_REVIEW: Label("perlu ditinjau", "needs_review"),
}
#: How readable text names each outcome.
OUTCOME_LABELS = {
    Outcome.ELIGIBLE: Label("memenuhi syarat", "eligible"),
    Outcome.NOT_ELIGIBLE: Label("tidak memenuhi syarat", "not_eligible"),
    Outcome.NEEDS_REVIEW: Label("perlu ditinjau", "needs_review"),
    Outcome.UNDETERMINED: Label("belum dapat ditentukan", "undetermined"),
}
#: How readable text names each kind of decision.
KIND_LABELS = {
    "eligibility": Label("kelayakan", "eligibility"),
    "services": Label("layanan", "services"),
    "transition": Label("perpindahan tahap", "transition"),
    "referral": Label("rujukan", "referral"),
    "delivery": Label("pemberian layanan", "delivery"),
    "funding": Label("pendanaan", "funding"),
    "procedure": Label("prosedur", "procedure"),
    "entitlement": Label("hak bantuan berkala", "entitlement"),
}


def target_label(code: str, lang: str) -> str:
    """A target's name in ``lang`` (its label), or the code of a target atensi does not know."""
    from atensi.vocab import Target

    try:
        return Target(code).label.in_lang(lang)
    except ValueError:
        return code


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


# The worst finding decides: not met, then unknown, then needs review.
_OUTCOME_OF_STATUS = {
    Status.NOT_MET: Outcome.NOT_ELIGIBLE,
    Status.UNKNOWN: Outcome.UNDETERMINED,
    Status.NEEDS_REVIEW: Outcome.NEEDS_REVIEW,
}


def outcome_of(findings: tuple[Finding, ...] | list[Finding]) -> Outcome:
    """The outcome the worst of ``findings`` gives (``not_met`` > ``unknown`` > review).

    >>> outcome_of([]).value
    'eligible'
    """
    statuses = {f.status for f in findings}
    for status, outcome in _OUTCOME_OF_STATUS.items():
        if status in statuses:
            return outcome
    return Outcome.ELIGIBLE


class Redaction(enum.StrEnum):
    """How much of a decision's findings a JSON text or an explanation shows.

    ``full`` (the default, ``redact=True``): every fact's value reads ``<redacted>`` and every
    finding's message is its rule's statement (the rule's reasoning, the same for everyone:
    "under 18 on the date (the 18th birthday ends childhood)"), because a finding's own message
    may be built from a person's facts (an age, a date, a condition). Rule ids, statuses,
    targets, citations and the names of the facts stay.

    ``facts``: fact values redacted as above; a finding's own message is kept where it holds no
    personal value, that is where the finding used no facts (its message then depends on the
    rule and status only: "no disability is recorded in force on the date"), and is the rule's
    statement otherwise.

    ``none`` (``redact=False``): everything, facts and messages as the rule made them.
    """

    FULL = "full"
    FACTS = "facts"
    NONE = "none"


def redaction(redact: bool | str | Redaction) -> Redaction:
    """The level a ``redact=`` argument asks for (``True`` is ``full``, ``False`` ``none``)."""
    if type(redact) is Redaction:
        return redact
    if redact is True:
        return Redaction.FULL
    if redact is False:
        return Redaction.NONE
    return Redaction(redact)


_REDACTED = "<redacted>"
_REDACTED_ID = "rincian disembunyikan"
_REDACTED_EN = "details redacted"
#: The statement of every declared rule, by id (filled by ``atensi.rules.catalogue.rule``):
#: what a redacted finding says instead of its own message.
STATEMENTS: dict[str, Label] = {}
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

    def to_json(self, *, redact: bool | str | Redaction = False) -> dict[str, Any]:
        """Return the finding as JSON-ready data (``redact``: a :class:`Redaction` level)."""
        facts: dict[str, Fact]
        level = redaction(redact)
        if level is Redaction.NONE:
            facts = dict(self.facts)
        else:
            facts = dict.fromkeys([k for k, _ in self.facts], _REDACTED) if self.facts else {}
        message = self._message(level)
        citation = self.citation
        return {
            "rule_id": self.rule_id,
            "status": _STATUS_CODES[self.status],
            "target": self.target,
            "facts": facts,
            "message": {"id": message.id, "en": message.en},
            "citation": None if citation is None else dict(_citation_json_cached(citation)),
        }

    def _message(self, level: Redaction) -> Label:
        """The message shown at ``level`` (see :class:`Redaction`)."""
        if level is Redaction.NONE or (level is Redaction.FACTS and not self.facts):
            return self.message
        return STATEMENTS.get(self.rule_id, _REDACTED_LABEL)

    def __repr__(self) -> str:
        # Facts and messages may hold personal data (ages, conditions): never in a repr.
        return f"Finding({self.rule_id!r}, {self.status.value!r})"

    def redacted(self, level: bool | str | Redaction = Redaction.FULL) -> Finding:
        """Return the finding as ``level`` shows it (for logs): by default, without its facts.

        Fact values read ``<redacted>`` and the message is the rule's statement (its reasoning,
        the same for everyone), since a finding's own message may repeat a person's facts; at
        ``facts``, a message built from no facts is kept. The rule id, status, target and
        citation remain.
        """
        level = redaction(level)
        if level is Redaction.NONE:
            return self
        return self._replace(
            facts=tuple((k, _REDACTED) for k, _ in self.facts), message=self._message(level)
        )


_REDACTED_LABEL = Label(_REDACTED_ID, _REDACTED_EN)


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

    def to_json(self, *, redact: bool | str | Redaction = False) -> dict[str, Any]:
        """Return the documented, versioned JSON shape of the decision.

        Args:
            redact: a :class:`Redaction` level (``True`` is ``full``): give the shape of
                :meth:`redacted` without building a redacted copy first.
        """
        data = self._head()
        level = redaction(redact)
        data["findings"] = [f.to_json(redact=level) for f in self.findings]
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

    def to_json_text(
        self, *, redact: bool | str | Redaction = False, ensure_ascii: bool = False
    ) -> str:
        """Return ``json.dumps(self.to_json(redact=redact), ensure_ascii=ensure_ascii)``.

        The same text, made faster when ``redact`` is true: a redacted finding holds nothing
        particular to the person, so its encoded text is memoised, and so is the head of the
        decision (outcome, date, edition, targets). Batch runs write one such text per record;
        encoding the decision was about half the cost of a record.
        """
        level = redaction(redact)
        if level is Redaction.NONE:
            return json.dumps(self.to_json(), ensure_ascii=ensure_ascii)
        memo = _FRAGMENTS[ensure_ascii]
        key = (self.kind, self.outcome, self.on, self.edition, self.instruments, self.targets)
        head = memo.texts.get(key)
        if head is None:
            # json.dumps of the head without its closing brace: the findings follow its keys.
            text = json.dumps(self._head(), ensure_ascii=ensure_ascii)[:-1]
            head = memo.put(key, text + ', "findings": [')
        findings = ", ".join(_redacted_findings_text(self.findings, memo, ensure_ascii, level))
        if not self.notes:
            return f'{head}{findings}], "notes": []}}'
        notes = json.dumps(
            [{"id": n.id, "en": n.en} for n in self.notes], ensure_ascii=ensure_ascii
        )
        return f'{head}{findings}], "notes": {notes}}}'

    def redacted(self, level: bool | str | Redaction = Redaction.FULL) -> Decision:
        """Return the decision as ``level`` shows it (:class:`Redaction`; safe for logs).

        By default every fact's value reads ``<redacted>`` and every finding says its rule's
        statement instead of its own message, so that :meth:`explain` still explains (which
        rule, what it requires, met or not, under which article) without a person's data.
        """
        return attrs.evolve(self, findings=tuple(f.redacted(level) for f in self.findings))

    def explain(self, lang: str = "en") -> str:
        """Return the decision as readable text in ``lang`` (``"id"`` or ``"en"``).

        The text shows what the decision holds: explain a :meth:`redacted` copy for logs. In
        Indonesian every word comes from an Indonesian label (statuses, outcomes, targets,
        grades); rule ids and edition ids are codes in both.

        Raises:
            UnknownCode: ``lang`` is not ``"id"`` or ``"en"``.
        """
        lang = check_lang(lang)
        head = {"en": "Decision", "id": "Keputusan"}[lang]
        kind = KIND_LABELS[self.kind].in_lang(lang) if self.kind in KIND_LABELS else self.kind
        outcome = OUTCOME_LABELS[self.outcome].in_lang(lang)
        lines = [f"{head} ({kind}, {self.on.isoformat()}, {self.edition}): {outcome}"]
        for target, target_outcome in self.targets:
            shown = target_label(target, lang) if lang == "id" else target
            lines.append(f"  {shown}: {OUTCOME_LABELS[target_outcome].in_lang(lang)}")
        for finding in self.findings:
            cite = f" [{finding.citation.text(lang)}]" if finding.citation else ""
            status = STATUS_LABELS[finding.status].in_lang(lang)
            lines.append(f"  - {finding.rule_id} {status}: {finding.message.in_lang(lang)}{cite}")
        for note in self.notes:
            lines.append(f"  * {note.in_lang(lang)}")
        return "\n".join(lines)


def _redacted_findings_text(
    findings: tuple[Finding, ...], memo: _Fragments, ensure_ascii: bool, level: Redaction
) -> list[str]:
    """``json.dumps(f.to_json(redact=level))`` of each finding, memoised.

    What remains of a finding after redaction is its rule id, status, target, citation and the
    names of its facts (the statement follows from the rule id), so those are the key; at
    ``facts``, the message of a finding without facts is kept, so it is part of the key too.
    """
    texts = memo.texts
    out = []
    keep = level is Redaction.FACTS
    for finding in findings:
        rule_id, status, message, citation, facts, target = finding
        key: Hashable = (rule_id, status, target, citation, tuple([k for k, _ in facts]))
        if keep:  # a longer key: the texts of the two levels never share one
            key = (key, message if not facts else None)
        text = texts.get(key)
        if text is None:
            encoded = json.dumps(finding.to_json(redact=level), ensure_ascii=ensure_ascii)
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
