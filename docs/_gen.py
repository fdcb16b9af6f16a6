"""Generate documentation pages from the library's own data, so nothing is typed twice."""

from __future__ import annotations

import pathlib

from atensi.law import editions, instruments
from atensi.vocab import VOCABULARIES, Citation


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _citation(citation: Citation | None) -> str:
    if citation is None:
        return ""
    text = str(citation)
    if citation.note:
        text += f" ({citation.note})"
    return _cell(text)


def glossary() -> str:
    """Return the bilingual glossary in Markdown."""
    lines = [
        "# Glossary (generated)",
        "",
        "Every term of the vocabulary, generated from `atensi.vocab`. **Code** is the stable value",
        "you store and send; **Evidence** says whether the term is law (`verified`), practice",
        "(`secondary`), unchecked background (`background`) or atensi's own convention",
        "(`convention`).",
        "",
    ]
    for vocab in VOCABULARIES:
        lines += [f"## {vocab.__name__}", ""]
        doc = (vocab.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        lines += [doc, ""]
        lines += ["| Code | Bahasa Indonesia | English | Citation |", "|---|---|---|---|"]
        for member in vocab:
            lines.append(
                f"| `{member.value}` | {_cell(member.label.id)} | {_cell(member.label.en)} "
                f"| {_citation(member.citation)} |"
            )
        lines.append("")
    return "\n".join(lines)


def timeline() -> str:
    """Return the timeline of instruments and ATENSI editions in Markdown."""

    def date(fact: object) -> str:
        if fact is None:
            return "not found"
        value = getattr(fact, "value")  # noqa: B009 - DateFact
        verified = getattr(fact, "verified")  # noqa: B009
        return value.isoformat() + ("" if verified else " (unverified)")

    lines = [
        "# Timeline of instruments (generated)",
        "",
        "Generated from `atensi.law`. An *unverified* date is atensi's best evidence, not",
        "a date read in the instrument; `instrument_in_force(on, in_force_dates=...)` replaces it.",
        "",
        "## ATENSI editions",
        "",
        "| Edition | Instruments | From (inclusive) | Until (exclusive) | Dates verified |",
        "|---|---|---|---|---|",
    ]
    for edition in editions():
        until = edition.valid_until.isoformat() if edition.valid_until else "—"
        lines.append(
            f"| `{edition.id}` | {_cell(edition.name)} | {edition.valid_from.isoformat()} "
            f"| {until} | {'yes' if edition.dates_verified else 'no'} |"
        )
    lines += [
        "",
        "## Instruments",
        "",
        "| Instrument | Title | Signed | In force from | Gazette | Evidence | Notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for item in sorted(instruments(), key=lambda i: (i.year, i.id)):
        notes = item.note or ""
        if item.in_force_from is not None and item.in_force_from.note:
            notes = (
                f"{notes}; in force: {item.in_force_from.note}"
                if notes
                else (f"in force: {item.in_force_from.note}")
            )
        lines.append(
            f"| {item.short_name} | {_cell(item.title)} | {date(item.signed)} "
            f"| {date(item.in_force_from)} | {_cell(item.gazette)} | {item.evidence.value} "
            f"| {_cell(notes)} |"
        )
    return "\n".join(lines) + "\n"


def rule_catalogue() -> str:
    """Return the rule catalogue, collected from the findings the rules produce on the scenarios.

    Every rule id, its statement, its citation and the editions under which it fired come from
    running the rules themselves, so the page cannot drift from the code.
    """
    import datetime as dt

    from atensi.boundary import structure
    from atensi.model import SUBJECT_KINDS, Assessment
    from atensi.rules import assess_eligibility
    from atensi.scenarios import SCENARIOS

    seen: dict[str, tuple[str, str, set[str]]] = {}
    for scenario in SCENARIOS:
        record = dict(scenario["subject"])
        subject = structure(record, SUBJECT_KINDS[record.pop("kind")])
        assessment = (
            None
            if scenario["assessment"] is None
            else structure(scenario["assessment"], Assessment)
        )
        decision = assess_eligibility(
            subject,
            assessment,
            on=dt.date.fromisoformat(scenario["on"]),
            edition=scenario.get("edition"),
        )
        for finding in decision.findings:
            statement, citation, editions = seen.setdefault(
                finding.rule_id,
                (finding.message.en, _citation(finding.citation), set()),
            )
            editions.add(decision.edition)
    lines = [
        "# Rule catalogue (generated)",
        "",
        "Collected from the findings the eligibility rules produce on the scenario catalogue",
        "(`atensi.scenarios`). The statement is one example message of the rule.",
        "",
        "| Rule id | Example statement | Citation | Editions seen |",
        "|---|---|---|---|",
    ]
    for rule_id in sorted(seen):
        statement, citation, editions = seen[rule_id]
        lines.append(
            f"| `{rule_id}` | {_cell(statement)} | {citation} | {', '.join(sorted(editions))} |"
        )
    return "\n".join(lines) + "\n"


def write_generated_pages(target: pathlib.Path) -> None:
    """Write the generated pages into ``target`` (only when their text changed)."""
    target.mkdir(parents=True, exist_ok=True)
    pages = (
        ("glossary.md", glossary()),
        ("timeline.md", timeline()),
        ("rules.md", rule_catalogue()),
    )
    for name, text in pages:
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
