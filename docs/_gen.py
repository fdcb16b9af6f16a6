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


def _date_fact(fact: object, missing: str = "not found") -> str:
    """A DateFact as the pages show it: the date, and whether it is verified."""
    if fact is None:
        return missing
    value = getattr(fact, "value")  # noqa: B009 - DateFact
    verified = getattr(fact, "verified")  # noqa: B009
    return value.isoformat() + ("" if verified else " (unverified)")


def timeline() -> str:
    """Return the timeline of instruments and ATENSI editions in Markdown."""
    date = _date_fact

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
    import atensi.rules
    from atensi.rules import RULES

    # The rule modules load on first use: load them all, or the lazily imported ones (the
    # funding rules among them) would be missing from the page.
    for name in atensi.rules.__all__:
        getattr(atensi.rules, name)

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
        ("funding", "Assistance and budget"),
        ("entitlement", "Entitlements and cycles"),
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


# --- The lifecycle diagram ----------------------------------------------------------------------

_BOX_W, _BOX_H, _GUARD_LINE = 150, 44, 13
_COLOURS = {"law": "#1f4e79", "convention": "#7a5c00", "detour": "#6b6b6b"}
_DASH = {"law": "", "convention": ' stroke-dasharray="7 4"', "detour": ' stroke-dasharray="2 3"'}


def _lifecycle_layout() -> dict[object, tuple[float, float]]:
    """Centres of the boxes: the legal order in a row, evaluation below, detours beneath."""
    from atensi.vocab import CaseStage

    centres: dict[object, tuple[float, float]] = {None: (30.0, 130.0)}
    for index, stage in enumerate(CaseStage.legal_order()):
        centres[stage] = (130.0 + index * 168.0, 130.0)
    intervention = centres[CaseStage.INTERVENTION][0]
    resocialisation = centres[CaseStage.RESOCIALISATION][0]
    centres[CaseStage.EVALUATION] = ((intervention + resocialisation) / 2, 370.0)
    centres[CaseStage.EARLY_TERMINATION] = (150.0, 560.0)
    centres["open"] = (470.0, 560.0)
    centres[CaseStage.REFERRAL] = (790.0, 560.0)
    return centres


def _size(node: object) -> tuple[float, float]:
    """Width and height of a node's box: a stage grows a line for each of its guards."""
    if node is None:
        return 18.0, 18.0
    if node == "open":
        return 290.0, 62.0
    guards = _guard_text(node)
    # About 5.6 pixels a character at the guards' 10-pixel font, and a margin.
    wide = max([float(_BOX_W), *(5.6 * len(text) + 16 for text in guards)])
    return wide, float(_BOX_H + _GUARD_LINE * len(guards))


def _box_edge(
    centre: tuple[float, float], toward: tuple[float, float], node: object
) -> tuple[float, float]:
    """The point where the line from a box's centre toward ``toward`` leaves the box."""
    (x, y), (tx, ty) = centre, toward
    wide, high = _size(node)
    dx, dy = tx - x, ty - y
    if dx == 0 and dy == 0:
        return centre
    scale = min(
        (wide / 2) / abs(dx) if dx else float("inf"),
        (high / 2) / abs(dy) if dy else float("inf"),
    )
    return x + dx * scale, y + dy * scale


def _edge_kind(source: object, target: object) -> str:
    from atensi.rules.lifecycle import DETOURS
    from atensi.vocab import CaseStage

    order = CaseStage.legal_order()
    if source == "open" or target in DETOURS:
        return "detour"
    if source is None or (
        source in order and target in order and order.index(target) == order.index(source) + 1
    ):
        return "law"
    return "convention"


def _lifecycle_edges() -> list[tuple[object, object, str]]:
    """Every move of the table (``None``: a new case; ``"open"``: any open stage), with kind."""
    from atensi.rules.lifecycle import DETOURS, TRANSITIONS
    from atensi.vocab import CaseStage

    edges: list[tuple[object, object, str]] = []
    for source in [None, *CaseStage]:
        for target in sorted(TRANSITIONS[source], key=list(CaseStage).index):
            edges.append((source, target, _edge_kind(source, target)))
    edges += [("open", target, "detour") for target in DETOURS]
    return edges


def _guard_text(stage: object) -> list[str]:
    from atensi.rules.lifecycle import GUARDS

    guards = GUARDS.get(stage, ())  # type: ignore[call-overload]
    return [g.label.en for g in guards]


def _node_name(node: object) -> str:
    if node is None:
        return "new case"
    return "open stage" if node == "open" else str(getattr(node, "value", node))


def lifecycle_svg() -> str:
    """Return the lifecycle diagram as a self-contained SVG, drawn from the transition table.

    Boxes are the stages, each with the guards of ``GUARDS`` on entering it (in red); arrows are
    exactly the moves of ``TRANSITIONS`` (solid: the order of PP 39/2012 Pasal 7 ayat (2);
    dashed: atensi's convention; dotted: the detours from every open stage), those of
    ``EDGE_GUARDS`` labelled with their guard. No fonts, scripts or links to fetch: it renders
    offline.

    Raises:
        RuntimeError: when the drawing does not hold every move and guard of the table (the docs
            build then fails rather than show a picture that has drifted).
    """
    import xml.etree.ElementTree as ElementTree
    from xml.sax.saxutils import escape

    from atensi.rules.lifecycle import EDGE_GUARDS, OPEN_STAGES
    from atensi.vocab import CaseStage

    centres = _lifecycle_layout()
    width, height = 1250, 690
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="sans-serif" font-size="12" '
        'role="img" aria-labelledby="lifecycle-title">',
        '<title id="lifecycle-title">The case lifecycle of atensi: stages, moves and guards, '
        "drawn from atensi.rules.lifecycle</title>",
        "<defs>",
    ]
    for kind, colour in _COLOURS.items():
        out.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    out.append(f'<rect width="{width}" height="{height}" fill="#ffffff"/>')
    out.append(f'<circle cx="{centres[None][0]}" cy="{centres[None][1]}" r="9" fill="#1f4e79"/>')
    for stage in CaseStage:
        x, y = centres[stage]
        wide, high = _size(stage)
        top = y - high / 2
        fill = "#e8f0f8" if stage in CaseStage.legal_order() else "#fbf3df"
        out.append(
            f'<g class="stage" data-stage="{stage.value}"><rect x="{x - wide / 2:.1f}" '
            f'y="{top:.1f}" width="{wide:.1f}" height="{high:.1f}" rx="7" fill="{fill}" '
            f'stroke="#34495e" stroke-width="1.2"/>'
            f'<text x="{x:.1f}" y="{top + 18:.1f}" text-anchor="middle" font-weight="bold">'
            f"{escape(stage.value)}</text>"
            f'<text x="{x:.1f}" y="{top + 33:.1f}" text-anchor="middle" font-size="10.5" '
            f'fill="#333333">{escape(stage.label.en)}</text>'
        )
        for line, text in enumerate(_guard_text(stage)):
            out.append(
                f'<text class="guard" x="{x:.1f}" y="{top + 47 + _GUARD_LINE * line:.1f}" '
                f'text-anchor="middle" font-size="10" fill="#9c2b2b">{escape(text)}</text>'
            )
        out.append("</g>")
    ox, oy = centres["open"]
    wide, high = _size("open")
    names = [s.value for s in OPEN_STAGES]
    half = (len(names) + 1) // 2
    out.append(
        f'<g class="stage" data-stage="open"><rect x="{ox - wide / 2:.1f}" y="{oy - high / 2:.1f}" '
        f'width="{wide:.1f}" height="{high:.1f}" rx="7" fill="#f2f2f2" stroke="#6b6b6b" '
        f'stroke-dasharray="2 3"/><text x="{ox:.1f}" y="{oy - 12:.1f}" text-anchor="middle" '
        'font-weight="bold">from any open stage</text>'
    )
    for line, chunk in enumerate((names[:half], names[half:])):
        out.append(
            f'<text x="{ox:.1f}" y="{oy + 5 + 13 * line:.1f}" text-anchor="middle" '
            f'font-size="10">{escape(", ".join(chunk))}</text>'
        )
    out.append("</g>")
    for source, target, kind in _lifecycle_edges():
        (sx, sy), (tx, ty) = centres[source], centres[target]
        if sy == ty and kind == "convention":
            cx, cy = (sx + tx) / 2, sy - 120  # along the row: an arc above it
        else:
            # A move and its reverse bend to opposite sides, so neither hides the other.
            bend = 0.0 if kind != "convention" else 0.12
            mx, my = (sx + tx) / 2, (sy + ty) / 2
            cx, cy = mx - (ty - sy) * bend, my + (tx - sx) * bend
        start = _box_edge((sx, sy), (cx, cy), source)
        end = _box_edge((tx, ty), (cx, cy), target)
        guards = [g.label.en for g in EDGE_GUARDS.get((source, target), ())]  # type: ignore[arg-type]
        name = escape(_node_name(source))
        tip = f"{name} to {target.value}" + (f": {escape('; '.join(guards))}" if guards else "")
        out.append(
            f'<path class="move" data-from="{name}" data-to="{target.value}" '
            f'd="M{start[0]:.1f},{start[1]:.1f} Q{cx:.1f},{cy:.1f} {end[0]:.1f},{end[1]:.1f}" '
            f'fill="none" stroke="{_COLOURS[kind]}" stroke-width="1.6"{_DASH[kind]} '
            f'marker-end="url(#arrow-{kind})"><title>{tip}</title></path>'
        )
        for guard in guards:
            lx, ly = (start[0] + 2 * cx + end[0]) / 4, (start[1] + 2 * cy + end[1]) / 4
            half = 2.9 * len(guard)
            out.append(
                f'<rect x="{lx - half:.1f}" y="{ly - 15:.1f}" width="{2 * half:.1f}" '
                f'height="14" fill="#ffffff" opacity="0.9"/><text class="edge-guard" '
                f'x="{lx:.1f}" y="{ly - 4:.1f}" text-anchor="middle" font-size="10.5" '
                f'fill="#9c2b2b">{escape(guard)}</text>'
            )
    legend = (
        ("law", "the order of PP 39/2012", "Pasal 7 ayat (2) (verified)"),
        ("convention", "atensi's convention (evaluation", "loops, skipping resocialisation)"),
        ("detour", "from every open stage: referral", "and early termination"),
    )
    lx, ly = 960.0, 470.0
    out.append(f'<text x="{lx}" y="{ly}" font-weight="bold">Moves</text>')
    for index, (kind, first, second) in enumerate(legend):
        y = ly + 20 + 32 * index
        out.append(
            f'<line x1="{lx}" y1="{y}" x2="{lx + 36}" y2="{y}" stroke="{_COLOURS[kind]}" '
            f'stroke-width="1.6"{_DASH[kind]} marker-end="url(#arrow-{kind})"/>'
            f'<text x="{lx + 46}" y="{y + 4}" font-size="10">{escape(first)}</text>'
            f'<text x="{lx + 46}" y="{y + 16}" font-size="10">{escape(second)}</text>'
        )
    notes = (
        "Red: the guards of a stage (on entering it) or of one move; a refusal names its rule.",
        "A closed case moves only to aftercare (case.transition.closed); the table below the "
        "picture lists every move and guard with its rules.",
    )
    for index, note in enumerate(notes):
        out.append(
            f'<text x="24" y="{height - 36 + 16 * index}" font-size="10.5">{escape(note)}</text>'
        )
    out.append("</svg>")
    svg = "\n".join(out) + "\n"
    _check_lifecycle_svg(ElementTree.fromstring(svg))
    return svg


def _check_lifecycle_svg(root: object) -> None:
    """Fail unless the SVG holds one arrow per move and every guard's words."""
    from atensi.rules.lifecycle import EDGE_GUARDS, GUARDS
    from atensi.vocab import CaseStage

    ns = "{http://www.w3.org/2000/svg}"
    tree = root  # an xml.etree Element
    moves = {
        (p.get("data-from"), p.get("data-to"))
        for p in tree.iter(f"{ns}path")  # type: ignore[attr-defined]
        if p.get("class") == "move"
    }
    expected = {
        (getattr(s, "value", None) or ("new case" if s is None else "open stage"), t.value)
        for s, t, _ in _lifecycle_edges()
    }
    texts = " ".join(t.text or "" for t in tree.iter(f"{ns}text"))  # type: ignore[attr-defined]
    missing = [g.label.en for gs in (*GUARDS.values(), *EDGE_GUARDS.values()) for g in gs]
    missing = [m for m in missing if m not in texts]
    stages = [s.value for s in CaseStage if s.value not in texts]
    if moves != expected or missing or stages:
        raise RuntimeError(
            f"the lifecycle diagram drifted from the table: moves {sorted(expected ^ moves)}, "
            f"guards {missing}, stages {stages}"
        )


def lifecycle_page() -> str:
    """Return the lifecycle page: the picture and the same table in words."""
    from atensi.rules.lifecycle import EDGE_GUARDS, OPEN_STAGES
    from atensi.vocab import CaseStage

    lines = [
        "# The case lifecycle (generated)",
        "",
        "Drawn from `atensi.rules.lifecycle` (`TRANSITIONS`, `DETOURS`, `OPEN_STAGES`, `GUARDS`,",
        "`EDGE_GUARDS`) when the docs are built: the picture cannot drift from the rules, and the",
        "build fails if it cannot be drawn.",
        "",
        "![The case lifecycle: stages, moves and guards](lifecycle.svg)",
        "",
        "## Moves",
        "",
        "| From | To | Basis | Guards on this move |",
        "|---|---|---|---|",
    ]
    basis = {
        "law": "PP 39/2012 Pasal 7 ayat (2) [verified]",
        "convention": "atensi's convention",
        "detour": "atensi's convention (from every open stage)",
    }
    open_text = ", ".join(f"`{s.value}`" for s in OPEN_STAGES)
    for source, target, kind in _lifecycle_edges():
        name = (
            "(a new case)"
            if source is None
            else f"any open stage ({open_text})"
            if source == "open"
            else f"`{getattr(source, 'value', source)}`"
        )
        guards = EDGE_GUARDS.get((source, target), ())  # type: ignore[arg-type]
        text = "; ".join(f"{g.label.en} (`{g.rules[0].id}`)" for g in guards) or ""
        lines.append(f"| {name} | `{target.value}` | {basis[kind]} | {_cell(text)} |")
    lines += ["", "## Guards on entering a stage", "", "| Stage | Guard | Rules |", "|---|---|---|"]
    from atensi.rules.lifecycle import GUARDS

    for stage in CaseStage:
        for guard in GUARDS.get(stage, ()):
            rules = ", ".join(f"`{r.id}`" for r in guard.rules)
            lines.append(f"| `{stage.value}` | {guard.label.en} | {rules} |")
    return "\n".join(lines) + "\n"


def measures_page() -> str:
    """Return the evaluation framework: every measure of ``atensi.reports.MEASURES``."""
    from atensi.reports import MEASURES

    lines = [
        "# Evaluation measures (generated)",
        "",
        "Generated from `atensi.reports.MEASURES`: every measure of the evaluation, input to",
        "impact. **All are atensi's convention** (no official list was found); the last column",
        "names what a measure rests on where a source says what is measured, graded on its own.",
        "Each value a report gives carries its coverage (`with_data` of `in_scope` records); no",
        "data is `null`, never 0.",
        "",
        "| Id | Level | Measure | Unit | Formula | Rests on |",
        "|---|---|---|---|---|---|",
    ]
    for m in MEASURES:
        lines.append(
            f"| `{m.id}` | {m.level.label.en} | {_cell(m.label.en)}<br>*{_cell(m.label.id)}* "
            f"| {m.unit} | {_cell(m.formula)} | {_citation(m.citation)} |"
        )
    return "\n".join(lines) + "\n"


def funding_page() -> str:
    """Return the regimes of the two funding channels (``atensi.law.CHANNEL_REGIMES``)."""
    from atensi.law import CHANNEL_REGIMES, get

    lines = [
        "# Funding channels (generated)",
        "",
        "Generated from `atensi.law.CHANNEL_REGIMES`: which instrument governs (or amends, or",
        "carries out) each channel, from when. A day that is only known by its year may have",
        "applied from 1 January and certainly applied from the next year: in between, the",
        "basis of an aid is reviewed (`aid.channel.basis`), never guessed.",
        "",
        "| Channel | Instrument | Role | May apply from | Certainly from | Until | Source |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in CHANNEL_REGIMES:
        role = "governs" if r.governs else "amends or carries out"
        until = r.until.isoformat() if r.until else ""
        lines.append(
            f"| `{r.channel.value}` | {get(r.instrument).short_name} | {role} "
            f"| {r.earliest.isoformat()} | {r.certain_from.isoformat()} | {until} "
            f"| {_citation(r.citation)} |"
        )
    return "\n".join(lines) + "\n"


def _addresses(addresses: tuple[str, ...]) -> str:
    shown = []
    for address in addresses:
        if address.startswith(("http://", "https://")):
            host = address.split("/")[2]
            shown.append(f"[{_cell(host)}]({address})")
        else:
            shown.append(f"`{_cell(address)}`")
    return "<br>".join(shown) or "—"


def sources_page() -> str:
    """Return the sources catalogue, generated from ``atensi.law.sources()``."""
    from atensi.law import SourceKind, sources

    entries = sources()
    lines = [
        "# Sources catalogue (generated)",
        "",
        "Every document atensi cites, generated from `atensi.law.sources()` (the data file",
        "`src/atensi/data/law/sources.json`). A citation's `source` is an **id** of this page;",
        "open the address to read what atensi read. An *unverified* date is atensi's best",
        "evidence, not a date read in the instrument; `instrument_in_force(on,",
        "in_force_dates=...)` replaces it. Where no address was retained, the entry says so.",
        "",
        f"{len(entries)} sources.",
        "",
    ]
    for kind in SourceKind:
        chosen = [e for e in entries if e.kind is kind]
        if not chosen:
            continue
        lines += [f"## {kind.label.en}", ""]
        if kind.is_instrument:
            lines += [
                "| Id | Instrument | Issuer | Signed / promulgated / in force | Gazette | "
                "Where to read it | Read | Grade |",
                "|---|---|---|---|---|---|---|---|",
            ]
            for e in chosen:
                known = (e.signed, e.promulgated, e.in_force_from)
                dates = " / ".join(_date_fact(d, "—") for d in known)
                lines.append(
                    f"| `{e.id}` | {_cell(e.name)}: {_cell(e.title)} | {_cell(e.issuer)} "
                    f"| {dates} | {_cell(e.gazette)} | {_addresses(e.addresses)} "
                    f"| {_cell(e.read)}{'; ' + _cell(e.note) if e.note else ''} "
                    f"| {e.evidence.value} |"
                )
        else:
            lines += [
                "| Id | Title | Issuer | Published | Where to read it | Read | Grade |",
                "|---|---|---|---|---|---|---|",
            ]
            for e in chosen:
                published = e.published.isoformat() if e.published else ""
                lines.append(
                    f"| `{e.id}` | {_cell(e.title)} | {_cell(e.issuer)} | {published} "
                    f"| {_addresses(e.addresses)} "
                    f"| {_cell(e.read)}{'; ' + _cell(e.note) if e.note else ''} "
                    f"| {e.evidence.value} |"
                )
        lines.append("")
    return "\n".join(lines)


#: The parameter pictures are drawn to this day (the docs read no clock).
PICTURES_UNTIL = (2027, 1, 1)


def parameters_page() -> str:
    """Return the dated parameters, each with its timeline picture and every value cited."""
    from atensi.law import parameters

    lines = [
        "# Dated parameters (generated)",
        "",
        "Every threshold, amount, period, cut-off and switch date the rules read, generated",
        "from `atensi.law.parameters()` (one JSON file each under",
        "`src/atensi/data/law/parameters/`). Read one with `atensi.law.parameter(name, on,",
        "edition=..., in_force_dates=...)`. A value applies **from** its date (inclusive); a",
        "value tied to an edition applies under that edition and later ones; the last value",
        "whose conditions hold applies. Each picture shows what the rules read on each day",
        "(the editions resolved as every rule resolves them), coloured by the grade of the",
        "value's citation; white: the parameter does not apply.",
        "",
    ]
    for found in parameters():
        lines += [
            f"## `{found.name}`",
            "",
            f"{found.description.en}. *{found.description.id}.* Unit: `{found.unit}`.",
            "",
        ]
        if found.note:
            lines += [found.note, ""]
        lines += [
            f"![{found.name}](parameter-{found.name}.svg)",
            "",
            "| From | Edition | Value | Citation |",
            "|---|---|---|---|",
        ]
        for entry in found.entries:
            value = entry.value
            shown = (
                "—"
                if value is None
                else (", ".join(map(str, value)) if isinstance(value, tuple) else str(value))
            )
            start = entry.start.isoformat() if entry.start else "(always)"
            cited = _citation(entry.citation)
            lines.append(
                f"| {start} | {entry.edition or ''} | `{_cell(shown)}` "
                f"| {cited} (source `{entry.citation.source}`) |"
            )
        lines.append("")
    return "\n".join(lines)


def parameter_pictures() -> dict[str, bytes]:
    """Draw each parameter's timeline (matplotlib, from the docs extra)."""
    import datetime as dt
    import io

    from atensi.law import parameter_names
    from atensi.reports import PlotUnavailable

    try:
        from atensi.reports import plots

        out = {}
        for name in parameter_names():
            figure = plots.parameter_figure(name, until=dt.date(*PICTURES_UNTIL))
            buffer = io.BytesIO()
            plots.write_figure(figure, buffer, "svg")
            out[f"parameter-{name}.svg"] = buffer.getvalue()
    except PlotUnavailable as err:
        raise RuntimeError(
            "the docs draw the parameter pictures with matplotlib: pip install -e '.[docs]'"
        ) from err
    return out


EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def report_pictures() -> dict[str, bytes | str]:
    """Draw the report pictures from the example programme (``examples/programme.jsonl``).

    The build fails, loudly, without matplotlib: the docs extra installs it, and a page that
    silently lost its pictures would still read as if it had them.
    """
    import datetime as dt
    import io
    import json

    import atensi
    from atensi.model import PmTarget, UnitRegistry
    from atensi.reports import PlotUnavailable, ProgrammeReport, parse_period, structure_record

    try:
        from atensi.reports import plots

        report = ProgrammeReport(parse_period("2021-01-01/2025-12-31"))
        with (EXAMPLES / "programme.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                report.add(structure_record(json.loads(line)))
        with (EXAMPLES / "targets.jsonl").open(encoding="utf-8") as handle:
            targets = [atensi.structure(json.loads(line), PmTarget) for line in handle]
        registry = atensi.structure(
            json.loads((EXAMPLES / "registry.json").read_text(encoding="utf-8")), UnitRegistry
        )
        figures = {
            "report-pm-by-target.svg": plots.pm_by_target_figure(report.totals),
            "report-achievement.svg": plots.achievement_figure(
                report.totals.achievement([t for t in targets if t.period == "2024"]),
                title="Achievement against targets, 2024 (example data)",
            ),
            "report-coverage.svg": plots.coverage_heatmap(
                [atensi.coverage(registry, on=dt.date(y, 7, 1)) for y in range(2016, 2026)],
                title="Coverage of the example registry by province and year (1 July)",
            ),
            "report-editions.svg": plots.editions_figure(until=dt.date(2027, 1, 1)),
        }
    except PlotUnavailable as err:
        raise RuntimeError(
            "the docs draw the report pictures with matplotlib: pip install -e '.[docs]'"
        ) from err
    out = {}
    for name, figure in figures.items():
        buffer = io.BytesIO()
        plots.write_figure(figure, buffer, "svg")
        out[name] = buffer.getvalue()
    out["performance-ratios.svg"] = performance_svg()
    return out


def crosscutting_page() -> str:
    """Return "Where the law cuts across clusters", built from the scenarios that pin it."""
    from atensi.crosscutting import page

    return page("en").replace(
        "# Where the law cuts across clusters",
        "# Where the law cuts across clusters (generated)",
        1,
    )


#: The tables of docs/performance.md the chart reads: a heading of the table, the column read.
_PERFORMANCE_TABLES = (
    ("| candidate, 2026-12-07 |", -1, "validation of one item (× pydantic v2 strict)"),
    ("| records | pipeline, 2026-12-07 |", 3, "end to end, 100,000 records (× pydantic)"),
)


def _ratio(cell: str) -> tuple[float, float, float] | None:
    """``**1.30 (1.21–1.45)**`` as (median, low, high); ``None`` for a cell without a ratio."""
    import re

    found = re.search(r"([0-9.]+)(?:\s*\(([0-9.]+)–([0-9.]+)\))?", cell.replace("*", ""))
    if found is None or cell.strip() in ("—", ""):
        return None
    median = float(found.group(1))
    low = float(found.group(2) or median)
    high = float(found.group(3) or median)
    return median, low, high


def performance_svg() -> str:
    """The headline ratios of docs/performance.md as a chart, read from its own tables.

    The page's tables are the one record of the measurements; the chart is drawn from them when
    the docs build, so the two never disagree. Each bar is the median ratio of a round, the
    whiskers the lowest and highest round; the line at 1 is pydantic.
    """
    import io

    import matplotlib.figure

    text = (pathlib.Path(__file__).parent / "performance.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    panels = []
    for heading, column, title in _PERFORMANCE_TABLES:
        start = next(i for i, line in enumerate(lines) if line.startswith(heading))
        rows = []
        for line in lines[start + 2 :]:
            if not line.startswith("|"):
                break
            cells = [c.strip() for c in line.strip("|").split("|")]
            if column == 3 and cells[0].replace(",", "") != "100000":
                continue
            name = cells[1] if column == 3 else cells[0]
            ratio = _ratio(cells[column])
            if ratio is not None:
                rows.append((name.replace("*", "").replace("`", ""), ratio))
        panels.append((title, rows))
    figure = matplotlib.figure.Figure(figsize=(8.5, 6.2), layout="constrained", dpi=150)
    figure.suptitle(
        "atensi (blue) against its baselines (grey); whiskers: lowest and highest round", fontsize=9
    )
    for index, (title, rows) in enumerate(panels):
        axes = figure.add_subplot(len(panels), 1, index + 1)
        names = [name for name, _ in rows]
        medians = [r[0] for _, r in rows]
        errors = [[r[0] - r[1] for _, r in rows], [r[2] - r[0] for _, r in rows]]
        baselines = ("pydantic", "msgspec", "json.loads only")
        colours = ["#999999" if n.startswith(baselines) else "#0072B2" for n in names]
        axes.barh(range(len(rows)), medians, xerr=errors, color=colours, capsize=2)
        axes.set_yticks(range(len(rows)), names, fontsize=7)
        axes.invert_yaxis()
        axes.axvline(1.0, color="black", linewidth=0.8)
        for row, (_, (median, _low, high)) in enumerate(rows):
            axes.annotate(
                f"{median:.2f}×",
                (high, row),
                xytext=(5, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
            )
        axes.set_xlim(0, max(r[2] for _, r in rows) * 1.15)
        axes.set_title(title, fontsize=9)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "atensi"})
    return buffer.getvalue().decode("utf-8")


def write_generated_pages(target: pathlib.Path) -> None:
    """Write the generated pages into ``target`` (only when their text changed)."""
    target.mkdir(parents=True, exist_ok=True)
    pages = (
        ("glossary.md", glossary()),
        ("timeline.md", timeline()),
        ("rules.md", rule_catalogue()),
        ("pp39.md", pp39_table()),
        ("sensitivity.md", sensitivity_table()),
        ("lifecycle.svg", lifecycle_svg()),
        ("lifecycle.md", lifecycle_page()),
        *((f"target-{code}.md", target_page(code)) for code in _WHO),
        ("measures.md", measures_page()),
        ("funding.md", funding_page()),
        ("crosscutting.md", crosscutting_page()),
        ("sources.md", sources_page()),
        ("parameters.md", parameters_page()),
    )
    for name, text in pages:
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    pictures = {
        **report_pictures(),
        **parameter_pictures(),
        "boundary-route.svg": boundary_route(),
        "justice-cases.svg": justice_picture(),
    }
    for name, data in pictures.items():
        data = data.encode("utf-8") if isinstance(data, str) else data
        path = target / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


#: The boxes of the boundary's route: position and size (of a 125 x 66 canvas), text, kind.
_ROUTE_BOXES: tuple[tuple[float, float, float, float, str, str], ...] = (
    # JSON text, the quick ways.
    (
        1,
        44,
        19,
        11,
        "JSON text\nstructure_json(text, cls)\nassess_line_json,\nvalidate_line_json",
        "in",
    ),
    (
        27,
        51,
        27,
        10,
        "fast extra: msgspec decodes a twin;\n'twin entity' checks it and\n"
        "builds the attrs entity, its\ninvariants (+ 'twin colons')",
        "quick",
    ),
    (
        27,
        38,
        27,
        9,
        "no extra: json without the hook;\n'counted' structuring function\n"
        "(keys counted as it reads)",
        "quick",
    ),
    (
        62,
        43,
        18,
        10,
        "no key twice?\ncolons of the text =\nkeys + colons in strings\n(no_key_twice)",
        "quick",
    ),
    # Python data, the quick way.
    (1, 22, 19, 7, "Python data\nstructure(data, cls)", "in"),
    (27, 22, 27, 7, "generated structuring function\nsource_of(cls, 'structure')", "quick"),
    # The strict way.
    (
        27,
        3,
        27,
        9,
        "strict reader: json with the\nduplicate-key and NaN hook\n(decode_line)",
        "strict",
    ),
    (62, 3, 20, 9, "plan (reference\ninterpreter): every\nproblem, with its path", "strict"),
    (88, 3, 16, 9, "InvalidRecord\n(or the record's\nerror result)", "strict"),
    # Results.
    (88, 36, 16, 8, "attrs entity\n(twins never leave)", "out"),
    (108, 46, 16, 6.5, "warnings_of", "out"),
    (108, 33, 16, 8, "rules, decision\nmemo: entities only", "out"),
    (108, 21, 16, 6.5, "decision text", "out"),
    # The type tree every reader reads.
    (
        84,
        52,
        22,
        11,
        "type tree, shape_of(cls),\nread by the plan, the\ngenerated code, the twins,\n"
        "the warnings, the schema",
        "tree",
    ),
)
#: The arrows: from, to, label, refused (dashed), bend.
_ROUTE_ARROWS: tuple[tuple[tuple[float, float], tuple[float, float], str, bool, float], ...] = (
    ((20, 51), (27, 55), "", False, 0),
    ((20, 47), (27, 42), "", False, 0),
    ((54, 55), (62, 50), "", False, 0),
    ((54, 42), (62, 46), "", False, 0),
    ((80, 47), (88, 41.5), "yes", False, 0),
    ((20, 25.5), (27, 25.5), "", False, 0),
    ((54, 25.5), (88, 38), "valid", False, 0),
    ((104, 41), (108, 48), "", False, 0),
    ((104, 39), (108, 37), "", False, 0),
    ((116, 33), (116, 27.5), "", False, 0),
    ((54, 7.5), (62, 7.5), "", False, 0),
    ((82, 7.5), (88, 7.5), "problems", False, 0),
    ((76, 12), (92, 36), "none", False, -0.15),
    ((57, 40), (50, 12), "", True, 0),
    ((71, 43), (53, 12), "", True, 0),
    ((40.5, 22), (64, 12), "", True, 0),
)
_ROUTE_COLOURS = {
    "in": "#eef2f7",
    "quick": "#e3f1e3",
    "strict": "#fbeedd",
    "out": "#e8e4f3",
    "tree": "#f5f5f5",
}
_REFUSED = "#b5651d"


def boundary_route(fmt: str = "svg") -> bytes:
    """Draw the route of a record through the boundary (``docs/boundary.md``).

    The boxes name the functions a record passes through, so the picture can be checked
    against the code: each quick path, where it refuses, and the strict path behind it.
    """
    import io

    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    figure = Figure(figsize=(12.5, 6.6))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 125)
    ax.set_ylim(0, 66)
    ax.axis("off")
    for x, y, w, h, text, kind in _ROUTE_BOXES:
        style = "round,pad=0.3,rounding_size=1.2"
        colour = _ROUTE_COLOURS[kind]
        patch = FancyBboxPatch((x, y), w, h, boxstyle=style, facecolor=colour, linewidth=0.8)
        patch.set_edgecolor("#555555")
        ax.add_patch(patch)
        ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=8.2)
    for start, end, label, refused, bend in _ROUTE_ARROWS:
        colour = _REFUSED if refused else "#333333"
        ax.add_patch(
            FancyArrowPatch(
                start,
                end,
                arrowstyle="-|>",
                mutation_scale=10,
                linewidth=0.9,
                color=colour,
                linestyle="--" if refused else "-",
                connectionstyle=f"arc3,rad={bend}",
            )
        )
        if label:
            middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + 1.2)
            ax.text(*middle, label, ha="center", fontsize=7.2, color=colour)
    # Both quick ways of JSON text refuse into one line down to the strict reader.
    ax.plot([54, 57, 57], [56, 56, 40], color=_REFUSED, linestyle="--", linewidth=0.9)
    ax.plot([54, 57], [39, 39], color=_REFUSED, linestyle="--", linewidth=0.9)
    note = "refused: Refused, InvalidRecord,\nmsgspec DecodeError; logged by\n"
    note += "atensi.boundary.fallbacks()"
    ax.text(9, 15.5, note, fontsize=7.4, color=_REFUSED, ha="center")
    out = io.BytesIO()
    figure.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()


# --- The justice and NAPZA picture (issue 29) ----------------------------------------------------

_CHILD_CASE = {
    "id": "C-1",
    "unit": "SENTRA-01",
    "opened_on": "2024-03-12",
    "subject": {
        "kind": "person",
        "id": "P-1",
        "nik": {"reason": "belum_terdaftar"},
        "name": "Anak",
        "birth_date": {"value": "2013-06-01"},
    },
    "offence": {"committed_on": "2024-03-01", "max_penalty_months": 60},
    "orders": [
        {
            "id": "K-1",
            "kind": "keputusan_anak_belum_12",
            "issued_on": "2024-03-08",
            "confirmed_on": "2024-03-11",
            "starts_on": "2024-03-12",
            "months": 6,
            "offence_on": "2024-03-01",
            "placement": "residensial",
        }
    ],
    "bapas_documents": [
        {"kind": "litmas", "on": "2024-03-05", "order": "K-1"},
        *(
            {"kind": "laporan_perkembangan", "on": f"2024-{m:02d}-10", "order": "K-1"}
            for m in range(4, 10)
        ),
        {"kind": "evaluasi", "on": "2024-08-20", "order": "K-1", "still_needed": False},
    ],
    "termination": {"on": "2024-09-12", "reason": "tujuan_tercapai"},
    "followups": [{"on": "2024-12-12", "months_after": 3}],
}
_NAPZA_CASE = {
    "id": "C-2",
    "unit": "SENTRA-02",
    "opened_on": "2024-02-01",
    "subject": {
        "kind": "person",
        "id": "P-2",
        "nik": {"reason": "belum_terdaftar"},
        "name": "Penerima Manfaat",
        "birth_date": {"value": "1995-01-01"},
    },
    "compulsory_report": {
        "reported_on": "2024-02-01",
        "reported_by": "subjek",
        "assessment": {
            "assessed_on": "2024-02-02",
            "medical": True,
            "social": True,
            "dependence": True,
        },
        "card_issued_on": "2024-02-02",
    },
    "rehabilitation_plan": {
        "drawn_up_on": "2024-02-05",
        "agreed_by": "subjek",
        "agreed_by_ipwl_head": True,
        "medical": {
            "provider_kind": "rumah_sakit",
            "starts_on": "2024-02-06",
            "ends_on": "2024-03-06",
        },
        "social": {
            "provider_kind": "upt_kemensos",
            "starts_on": "2024-03-06",
            "ends_on": "2024-06-05",
        },
    },
    "termination": {"on": "2024-06-05", "reason": "tujuan_tercapai"},
    "followups": [{"on": "2024-09-05", "months_after": 3}, {"on": "2024-12-05", "months_after": 6}],
}

#: The words of the picture, in each language (the other pictures' convention).
_CASE_WORDS = {
    "child": (
        "Anak di bawah 12 tahun (UU 11/2012 Pasal 21)",
        "A child under 12 (UU 11/2012 Pasal 21)",
    ),
    "napza": ("Pecandu narkotika (UU 35/2009; PP 25/2011)", "A drug user (UU 35/2009; PP 25/2011)"),
    "report": ("Laporan", "Report"),
    "decision": ("Keputusan", "Decision"),
    "bapas": ("Bapas", "Bapas"),
    "care": ("Rehabilitasi", "Rehabilitation"),
    "aftercare": ("Bimbingan lanjut", "Aftercare"),
    "offence": ("tindak pidana", "offence"),
    "issued": ("keputusan", "decision issued"),
    "confirmed": ("penetapan pengadilan", "court confirms"),
    "litmas": ("litmas", "litmas"),
    "monthly": ("laporan bulanan ke Bapas", "monthly report to Bapas"),
    "evaluation": ("evaluasi Bapas", "Bapas evaluation"),
    "reported": ("wajib lapor", "compulsory report"),
    "assessed": ("asesmen IPWL", "IPWL assessment"),
    "card": ("kartu lapor diri", "self-report card"),
    "plan": ("rencana rehabilitasi", "rehabilitation plan"),
    "termination": ("terminasi", "termination"),
    "followup": ("bimbingan lanjut", "follow-up"),
    "relapse": ("kambuh: episode baru", "relapse: a new episode"),
    "placement": ("penempatan di LPKS, 6 bulan", "placement at an LPKS, 6 months"),
    "medical": ("medis", "medical"),
    "social": ("sosial", "social"),
    "title": (
        "Dua kasus dari laporan sampai bimbingan lanjut",
        "Two cases from report to aftercare",
    ),
}

#: Marker and colour per kind of event (Okabe-Ito, as the other pictures): no two kinds alike.
_EVENT_STYLE = {
    "offence": ("X", "#D55E00"),
    "issued": ("D", "#0072B2"),
    "confirmed": ("s", "#0072B2"),
    "litmas": ("^", "#009E73"),
    "monthly": ("o", "#009E73"),
    "evaluation": ("v", "#009E73"),
    "reported": ("p", "#D55E00"),
    "assessed": ("^", "#CC79A7"),
    "card": ("s", "#CC79A7"),
    "plan": ("h", "#0072B2"),
    "termination": ("P", "#000000"),
    "followup": ("o", "#999999"),
    "relapse": ("*", "#D55E00"),
}


def _case_events(
    which: str,
) -> tuple[list[tuple[str, str, object]], list[tuple[str, str, object, object]]]:
    """The markers (lane, kind, day) and spans (lane, word, start, end) of one example case."""
    import datetime as dt

    import atensi
    from atensi.model import Case
    from atensi.rules.episodes import open_episode

    if which == "child":
        case = atensi.structure(_CHILD_CASE, Case)
        assert case.offence is not None
        assert case.termination is not None
        order = case.orders[0]
        marks = [("report", "offence", case.offence.committed_on)]
        marks += [
            ("decision", "issued", order.issued_on),
            ("decision", "confirmed", order.confirmed_on),
        ]
        kinds = {"litmas": "litmas", "laporan_perkembangan": "monthly", "evaluasi": "evaluation"}
        marks += [("bapas", kinds[d.kind.value], d.on) for d in case.bapas_documents]
        spans = [("care", "placement", order.start, order.ends_on())]
    else:
        case = atensi.structure(_NAPZA_CASE, Case)
        report, plan = case.compulsory_report, case.rehabilitation_plan
        assert report is not None
        assert report.assessment is not None
        assert plan is not None
        assert plan.medical is not None
        assert plan.social is not None
        assert case.termination is not None
        marks = [
            ("report", "reported", report.reported_on),
            ("report", "assessed", report.assessment.assessed_on),
            ("report", "card", report.card_issued_on),
            ("decision", "plan", plan.drawn_up_on),
        ]
        spans = [
            ("care", "medical", plan.medical.starts_on, plan.medical.ends_on),
            ("care", "social", plan.social.starts_on, plan.social.ends_on),
        ]
        second = open_episode(
            case, id="C-3", on=dt.date(2025, 2, 3), relapse_on=dt.date(2025, 1, 28)
        )
        assert second.episode is not None
        assert second.episode.card_period == 2
        marks.append(("aftercare", "relapse", second.opened_on))
    assert case.termination is not None
    marks.append(("aftercare", "termination", case.termination.on))
    marks += [("aftercare", "followup", f.on) for f in case.followups]
    return marks, spans


def _staggered(marks: list[tuple[str, str, object]]) -> list[tuple[str, str, object, float]]:
    """Markers of one lane within ten days of each other, spread across the lane's height."""
    out: list[tuple[str, str, object, float]] = []
    for lane in dict.fromkeys(m[0] for m in marks):
        mine = sorted((m for m in marks if m[0] == lane), key=lambda m: m[2].toordinal())  # type: ignore[attr-defined]
        clusters: list[list[tuple[str, str, object]]] = []
        for mark in mine:
            if clusters and mark[2].toordinal() - clusters[-1][-1][2].toordinal() <= 10:  # type: ignore[attr-defined]
                clusters[-1].append(mark)
            else:
                clusters.append([mark])
        for cluster in clusters:
            n = len(cluster)
            for i, (lane_, key, day) in enumerate(cluster):
                out.append((lane_, key, day, 0.0 if n == 1 else 0.27 - 0.54 * i / (n - 1)))
    return out


def justice_picture(lang: str = "en", fmt: str = "svg") -> bytes:
    """Draw one juvenile case and one NAPZA case from report to aftercare (matplotlib).

    The cases are records read through atensi's boundary; the placement's end is the order's
    own ``ends_on()``, and the second episode is opened by ``open_episode``, so the picture
    moves with the rules.
    """
    import datetime as dt
    import io

    from atensi.reports import PlotUnavailable

    try:
        from matplotlib.lines import Line2D

        from atensi.reports import plots
    except (ImportError, PlotUnavailable) as err:
        raise RuntimeError(
            "the docs draw the justice picture with matplotlib: pip install -e '.[docs]'"
        ) from err
    index = 0 if lang == "id" else 1

    def word(key: str) -> str:
        return _CASE_WORDS[key][index]

    lanes = ["report", "decision", "bapas", "care", "aftercare"]
    with plots._rc():
        figure = plots._figure(9.0, 6.4)
        axes = figure.subplots(2, 1)
        seen: dict[str, object] = {}
        for ax, which in zip(axes, ("child", "napza"), strict=True):
            marks, spans = _case_events(which)
            shown = [
                lane
                for lane in lanes
                if any(m[0] == lane for m in marks) or any(s[0] == lane for s in spans)
            ]
            row = {lane: len(shown) - 1 - i for i, lane in enumerate(shown)}
            for lane, key, start, end in spans:
                colour = "#56B4E9" if key != "medical" else "#E69F00"
                width = (end - start).days
                ax.broken_barh([(start.toordinal(), width)], (row[lane] - 0.3, 0.6), color=colour)
                ax.text(
                    start.toordinal() + width / 2,
                    row[lane],
                    word(key),
                    ha="center",
                    va="center",
                    fontsize=8,
                )
            for lane, key, day, offset in _staggered(marks):
                marker, colour = _EVENT_STYLE[key]
                y = row[lane] + offset
                handle = ax.scatter(
                    [day.toordinal()], [y], marker=marker, color=colour, s=42, zorder=3
                )
                seen.setdefault(key, handle)
            ax.set_yticks(list(row.values()), [word(lane) for lane in row])
            ax.set_ylim(-0.7, len(shown) - 0.3)
            ax.set_title(word(which), loc="left", fontsize=10)
            ax.grid(axis="x", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)
            first = min(d for _, _, d in marks)
            last = max(d for _, _, d in marks)
            ticks = [first.replace(day=1)]
            while ticks[-1] < last:
                nxt = ticks[-1].replace(day=28) + dt.timedelta(days=4)
                ticks.append(nxt.replace(day=1))
            step = 1 if len(ticks) <= 13 else 2
            ax.set_xticks(
                [t.toordinal() for t in ticks[::step]], [t.strftime("%Y-%m") for t in ticks[::step]]
            )
            ax.tick_params(axis="x", labelrotation=45, labelsize=7.5)
            ax.set_xlim(ticks[0].toordinal() - 5, ticks[-1].toordinal() + 5)
        handles = [
            Line2D(
                [],
                [],
                linestyle="",
                marker=_EVENT_STYLE[k][0],
                color=_EVENT_STYLE[k][1],
                label=word(k),
            )
            for k in seen
        ]
        figure.legend(
            handles=handles, loc="outside lower center", ncols=5, fontsize=8, frameon=False
        )
        figure.suptitle(word("title"), fontsize=11)
        plots._done(figure)
        buffer = io.BytesIO()
        plots.write_figure(figure, buffer, fmt)
    return buffer.getvalue()
