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


def _grades(citations: tuple[Citation, ...]) -> str:
    """Distinct sources with their grades, e.g. ``UU 35/2014 Pasal 1 angka 1 [verified]``."""
    shown = dict.fromkeys(_cell(str(c)) for c in citations)
    if len(shown) > 6:
        by_grade: dict[str, int] = {}
        for c in citations:
            by_grade[c.evidence.value] = by_grade.get(c.evidence.value, 0) + 1
        summary = ", ".join(f"{n} {grade}" for grade, n in sorted(by_grade.items()))
        return f"the recorded group's own source ({summary}; see the target pages)"
    return "<br>".join(shown) or "(its finding's own, see notes)"


def rule_catalogue() -> str:
    """Return the rule catalogue, generated from the rule declarations (``atensi.rules.RULES``).

    Every rule id, statement, gating flag, the facts it reads and every citation it may carry,
    with its evidence grade, come from the declarations the rules build their findings with,
    so the page cannot drift from the code.
    """
    from atensi.rules import RULES

    lines = [
        "# Rule catalogue (generated)",
        "",
        "Generated from the rule declarations (`atensi.rules.RULES`): every rule atensi applies,",
        "what it says, whether it **gates** an outcome or only explains one, the facts it reads,",
        "and every citation its findings may carry, **with the evidence grade** of each.",
        "`convention` marks atensi's own choice where the sources are silent.",
        "",
    ]
    notes = {
        "group": "cites the recorded group's own source",
        "bound": "cites the group limit's source",
        "edition": "cites the edition's target list (see the timeline)",
        "floor": "cites PP 39/2012 Pasal 6, letter by letter",
        "gate": "cites the data gate of the edition",
        "registry": "graded as the registry grades the unit (ungraded: background)",
    }
    for kind, title in (
        ("eligibility", "Eligibility"),
        ("services", "Services"),
        ("lifecycle", "Lifecycle"),
        ("coverage", "Coverage"),
    ):
        lines += [
            f"## {title}",
            "",
            "| Rule id | Statement | Gates | Reads | Citations [grade] |",
            "|---|---|---|---|---|",
        ]
        for rule in RULES.values():
            if rule.kind != kind:
                continue
            cited = _grades(rule.citations)
            if rule.cites in notes:
                cited = f"{notes[rule.cites]}: {cited}" if rule.citations else notes[rule.cites]
            reads = ", ".join(f"`{r}`" for r in rule.reads)
            lines.append(
                f"| `{rule.id}` | {_cell(rule.statement.en)}<br>*{_cell(rule.statement.id)}* "
                f"| {'yes' if rule.gating else 'no'} | {reads} | {cited} |"
            )
        lines.append("")
    return "\n".join(lines)


def pp39_table() -> str:
    """Return the PP 39/2012 Pasal 6 mapping: letter → groups → target → cluster."""
    from atensi.vocab.statutory import OTHERS_BY_THE_MINISTER, PP39_ARTICLE_6

    lines = [
        "# PP 39/2012 Pasal 6: the statutory targets, letter by letter (generated)",
        "",
        "Generated from `atensi.vocab.statutory.PP39_ARTICLE_6`. PP 39/2012 Pasal 6 ayat (1)",
        "names seventeen kinds of person to whom social rehabilitation is given (verified: read",
        "in the regulation's text); ayat (2) leaves anyone else to the Minister. atensi applies",
        "this list beneath every edition (the *floor*): a person in one of these groups is a",
        "target on any date since 5 March 2012. The mapping to atensi's groups, targets and",
        "clusters is atensi's reading, noted where it is not obvious.",
        "",
        "| Letter | PP 39/2012 wording | atensi group(s) | Target | Cluster | Note |",
        "|---|---|---|---|---|---|",
    ]
    for row in PP39_ARTICLE_6:
        groups = ", ".join(f"`{g.value}`" for g in row.groups)
        if row.disability_types:
            groups += " (ragam: " + ", ".join(t.value for t in row.disability_types) + ")"
        targets = ", ".join(f"`{t.value}`" for t in row.targets)
        clusters = ", ".join(t.cluster.value if t.cluster else "—" for t in row.targets)
        note = row.note.en if row.note else ""
        lines.append(
            f"| {row.letter} | {row.wording} | {groups} | {targets} | {clusters} | {_cell(note)} |"
        )
    lines += [
        f"| ayat (2) | (others, set by the Minister) | `ppks_lainnya` | `ppks_lainnya` | — "
        f"| {_cell(OTHERS_BY_THE_MINISTER.note)}; always reviewed |",
        "",
        "Not in the list: **lanjut usia** (the elderly). Under the PP 39/2012 baseline edition",
        "(before PROGRES 5.0 NP) an elderly person's eligibility therefore needs review; from",
        "PROGRES 5.0 NP on, every edition names the elderly cluster.",
        "",
    ]
    return "\n".join(lines)


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
    "korban_bencana": "Victims of natural, social and other government-designated disasters: a "
    "statutory target of PP 39/2012 Pasal 6 huruf n since 2012, named by Permensos 7/2021.",
    "ppks_lainnya": "Former chronic-disease patients (PP 39/2012 Pasal 6 huruf g), and other "
    "persons in need of social welfare services (Pasal 6 ayat (2)): an open category that "
    "always needs a written justification and review; named by Permensos 7/2021.",
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
    rules: dict[str, dict[str, None]] = {}
    examples = []
    for scenario in SCENARIOS:
        if scenario.get("kind", "eligibility") != "eligibility":
            continue
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
            rules.setdefault(finding.rule_id, {})[_citation(finding.citation)] = None
        if code in scenario["expected"] or any(f.rule_id in scenario["rule_ids"] for f in mine):
            examples.append(
                (scenario["name"], scenario["on"], decision.edition, decision.outcome_for(code))
            )
    lines += [
        "",
        "## Rules and citations",
        "",
        "The citations each rule carried in the examples below (the rule catalogue lists all).",
        "",
        "| Rule id | Citations |",
        "|---|---|",
    ]
    lines += [f"| `{r}` | {'<br>'.join(c)} |" for r, c in sorted(rules.items())]
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
        ("pp39.md", pp39_table()),
        ("sensitivity.md", sensitivity_table()),
        *((f"target-{code}.md", target_page(code)) for code in _WHO),
    )
    for name, text in pages:
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
