"""Explanations survive redaction (issue 15, item 11).

Redacting a decision used to replace every message with "details redacted", so ``explain``
explained nothing. Now the default (``full``) hides every fact's value and says each finding's
rule statement (the rule's reasoning, the same for everyone); ``facts`` also keeps a finding's
own message where it holds no personal value (the finding used no facts); ``none`` shows all.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import pathlib
from typing import Any

from atensi.batch import decide_item
from atensi.rules import RULES, Decision, Redaction
from tests.test_cli import run

ROOT = pathlib.Path(__file__).resolve().parents[1]
ON = dt.date(2024, 6, 1)


def decisions() -> list[Decision]:
    lines = (ROOT / "examples" / "assessments.jsonl").read_text(encoding="utf-8").splitlines()
    found = [decide_item(json.loads(line), on=ON) for line in lines[:300]]
    return [d for d in found if isinstance(d, Decision)]


def test_a_redacted_finding_says_its_rules_statement_not_details_redacted() -> None:
    for decision in decisions()[:50]:
        for finding in decision.redacted().findings:
            assert finding.message == RULES[finding.rule_id].statement
            assert all(value == "<redacted>" for _, value in finding.facts)
        text = decision.redacted().explain()
        assert "details redacted" not in text


def test_the_middle_setting_keeps_only_messages_built_from_no_facts() -> None:
    for decision in decisions()[:50]:
        for full, middle in zip(
            decision.findings, decision.redacted("facts").findings, strict=True
        ):
            expected = full.message if not full.facts else RULES[full.rule_id].statement
            assert middle.message == expected


def test_messages_of_findings_without_facts_hold_no_personal_value() -> None:
    # What makes the middle setting safe: a finding that used no facts says the same for
    # everyone with the same rule, status, target and citation.
    messages: dict[Any, set[Any]] = collections.defaultdict(set)
    for decision in decisions():
        for f in decision.findings:
            if not f.facts:
                messages[(f.rule_id, f.status, f.target, f.citation)].add(f.message)
    assert messages
    assert all(len(found) == 1 for found in messages.values()), messages


def test_the_levels_are_documented_values() -> None:
    assert [r.value for r in Redaction] == ["full", "facts", "none"]
    decision = decisions()[0]
    assert decision.redacted("none") == decision
    assert decision.redacted(True) == decision.redacted(Redaction.FULL)


def test_explain_on_the_command_line_explains_by_default() -> None:
    result = run("explain", "examples/cases.json", "--on", "2024-06-01")
    assert "details redacted" not in result.stdout
    assert "under 18 on the date" in result.stdout or "an assessment dated" in result.stdout
    middle = run("explain", "examples/cases.json", "--on", "2024-06-01", "--redaction", "facts")
    assert "no condition of this target is recorded in force on the date" in middle.stdout
