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


_WHO = {
    "anak": "Children: anyone under 18 (UU 35/2014 Pasal 1 angka 1), including the 15 categories "
    "of children needing special protection (Pasal 59 ayat (2)).",
    "penyandang_disabilitas": "Persons with a long-term physical, intellectual, mental or sensory "
    "limitation (UU 8/2016 Pasal 1 angka 1, Pasal 4).",
    "tuna_sosial_kpo": "Tuna sosial (homeless people, beggars, scavengers, people in sex work, "
    "former prisoners, minority groups, people with HIV, victims of violence, troubled migrant "
    "workers, vulnerable women) and victims of human trafficking (UU 21/2007).",
    "korban_napza": "Addicts, abusers and victims of narcotics abuse, of any age (UU 35/2009).",
    "lanjut_usia": "People aged 60 or over (UU 13/1998 Pasal 1 angka 2), potensial or tidak "
    "potensial.",
    "korban_bencana": "Victims of natural, social and other government-designated disasters; a "
    "target from Permensos 7/2021.",
    "ppks_lainnya": "Other persons in need of social welfare services; an open category that "
    "always needs a written justification and review; a target from Permensos 7/2021.",
}


def target_page(code: str) -> str:
    """Return the page of one target: who, criteria with citations, and worked examples."""
    import datetime as dt

    from atensi.boundary import structure
    from atensi.model import SUBJECT_KINDS, Assessment
    from atensi.rules import assess_eligibility
    from atensi.scenarios import SCENARIOS
    from atensi.vocab import Target, groups_of

    target = Target(code)
    lines = [
        f"# {target.label.en} ({target.label.id})",
        "",
        _WHO[code],
        "",
        "## Target groups",
        "",
        "| Code | Bahasa Indonesia | English | Citation |",
        "|---|---|---|---|",
    ]
    for group in groups_of(target):
        lines.append(
            f"| `{group.value}` | {_cell(group.label.id)} | {_cell(group.label.en)} "
            f"| {_citation(group.citation)} |"
        )
    rules: dict[str, str] = {}
    examples = []
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
        mine = [f for f in decision.findings if f.target == code]
        for finding in mine:
            rules.setdefault(finding.rule_id, _citation(finding.citation))
        if code in scenario["expected"] or any(f.rule_id in scenario["rule_ids"] for f in mine):
            examples.append(
                (scenario["name"], scenario["on"], decision.edition, decision.outcome_for(code))
            )
    lines += ["", "## Rules and citations", "", "| Rule id | Citation |", "|---|---|"]
    lines += [f"| `{r}` | {c} |" for r, c in sorted(rules.items())]
    lines += [
        "",
        "## Examples (from the scenario catalogue)",
        "",
        "| Scenario | On | Edition | Outcome for this target |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {_cell(n)} | {on} | `{e}` | {o.value if o else 'not evaluated'} |"
        for n, on, e, o in examples
    ]
    return "\n".join(lines) + "\n"


def sensitivity_table() -> str:
    """Return the table of every entity field and its personal-data class."""
    from atensi.privacy import field_sensitivity

    lines = [
        "# Personal-data classes of every field (generated)",
        "",
        "Generated from the field metadata (`atensi.privacy.field_sensitivity()`). The JSON",
        "Schema carries the same code as `x-atensi-sensitivity`.",
        "",
        "| Entity | Field | Class | Citation |",
        "|---|---|---|---|",
    ]
    for entity, name, sensitivity in field_sensitivity():
        lines.append(
            f"| {entity} | `{name}` | `{sensitivity.value}` ({sensitivity.label.en}) "
            f"| {_citation(sensitivity.citation)} |"
        )
    return "\n".join(lines) + "\n"


def write_generated_pages(target: pathlib.Path) -> None:
    """Write the generated pages into ``target`` (only when their text changed)."""
    target.mkdir(parents=True, exist_ok=True)
    pages = (
        ("glossary.md", glossary()),
        ("timeline.md", timeline()),
        ("rules.md", rule_catalogue()),
        ("sensitivity.md", sensitivity_table()),
        *((f"target-{code}.md", target_page(code)) for code in _WHO),
    )
    for name, text in pages:
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
