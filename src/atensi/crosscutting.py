"""Where the law cuts across clusters: each principle, its articles, and worked cases.

Protection law does not stop at a cluster's edge. This module names the principles that cut
across clusters and builds, from the named scenarios that pin each one (the scenarios carrying
its ``principle`` tag, :data:`atensi.scenarios.SCENARIOS`), the articles it rests on and a
worked case per scenario: what was asked, what the rules found, under which citation. The docs
page "Where the law cuts across clusters" and ``atensi explain --principles`` print
:func:`page`; nothing here is typed twice: the articles are the citations the rules' findings
carry when they decide the scenarios.

>>> [p.code for p in PRINCIPLES][:3]
['grades', 'emergencies', 'consent']
>>> text = page()
>>> "## Emergencies come before paperwork" in text
True
"""

from __future__ import annotations

from typing import Any, NamedTuple

from atensi.vocab import Citation, Label

__all__ = ["PRINCIPLES", "CrossCutting", "articles", "page", "worked_cases"]


class CrossCutting(NamedTuple):
    """A principle that cuts across clusters.

    Attributes:
        code: the ``principle`` tag of the scenarios that pin it.
        title: its name.
        statement: what it says, in a few sentences.
    """

    code: str
    title: Label
    statement: Label


PRINCIPLES: tuple[CrossCutting, ...] = (
    CrossCutting(
        "grades",
        Label("Hanya hukum terverifikasi yang menolak", "Only verified law says no"),
        Label(
            "Setiap aturan menyatakan derajat buktinya. Aturan berderajat konvensi atau sekunder "
            "tidak pernah menolak: penolakannya menjadi 'perlu ditinjau' — dalam kelayakan, "
            "layanan, persetujuan, pemberian layanan, rujukan, syarat perpindahan tahapan, "
            "terminasi dan cakupan.",
            "Every rule declares its grade. A rule graded convention or secondary never says no: "
            "its refusal becomes 'needs review' — in eligibility, services, consent, deliveries, "
            "referrals, lifecycle guards, termination and coverage alike.",
        ),
    ),
    CrossCutting(
        "emergencies",
        Label("Keadaan darurat mendahului administrasi", "Emergencies come before paperwork"),
        Label(
            "Pertolongan darurat diberikan sebelum asesmen dan persetujuan, masing-masing menurut "
            "undang-undangnya sendiri, dan ditandai untuk ditinjau: kebutuhan dasar korban "
            "bencana, pertolongan pertama korban perdagangan orang, penanganan cepat anak.",
            "Emergency help comes before the assessment and consent, each under its own law, "
            "and is flagged for review: a disaster victim's basic needs, a trafficking victim's "
            "first aid, a child's prompt handling. The rules read the situation, not only the "
            "subject's conditions.",
        ),
    ),
    CrossCutting(
        "consent",
        Label("Siapa yang menyetujui", "Who consents"),
        Label(
            "Orang dewasa yang cakap menyetujui sendiri; hanya pengadilan yang menyatakan orang "
            "dewasa tidak cakap. Untuk anak, orang tua atau wali — kecuali orang tua terduga "
            "pelaku atau tidak dapat dihubungi: keluarga, atau persetujuan anak sendiri dengan "
            "kepentingan terbaiknya, untuk ditinjau.",
            "A competent adult consents personally; only a court declares an adult incapable. "
            "For a child, a parent or guardian consents — unless a parent is the alleged "
            "perpetrator or cannot be reached: then the family, or the child's own heard consent "
            "with the child's best interest recorded, for review.",
        ),
    ),
    CrossCutting(
        "orders",
        Label("Putusan pengadilan mengikat", "Court orders bind"),
        Label(
            "Putusan adalah dasar penempatan yang diperintahkannya, menggantikan persetujuan "
            "selama berlaku, tidak berakhir karena penerima manfaat mundur, tetap mengikat "
            "setelah umur 18; umur saat tindak pidana menentukan rezimnya.",
            "An order is the justification of the placement it orders, replaces consent while "
            "it runs, is not ended by the beneficiary's withdrawal without review, and binds "
            "past the 18th birthday; the age at the offence decides its regime.",
        ),
    ),
    CrossCutting(
        "victims",
        Label("Korban tetap korban pada umur 18", "Victims stay victims at 18"),
        Label(
            "Kondisi anak yang oleh undang-undang juga disebut pada sasaran lain (korban "
            "perdagangan orang, kekerasan, ODHA, NAPZA, disabilitas) tetap berlaku pada sasaran "
            "itu berapa pun umurnya.",
            "A child's condition that the law also names under another target (a victim of "
            "trafficking or violence, a person with HIV, a NAPZA victim, a person with a "
            "disability) carries into that target at any age, with a finding that says so.",
        ),
    ),
    CrossCutting(
        "aid_gates",
        Label(
            "Syarat kemiskinan untuk bantuan, bukan rehabilitasi",
            "Poverty gates apply to aid, not rehabilitation",
        ),
        Label(
            "DTKS dan desil DTSEN menjadi gerbang bantuan dan pendanaannya, tidak pernah gerbang "
            "sasaran rehabilitasi atau perlindungan.",
            "DTKS listing and DTSEN deciles gate aid and its funding, never whether a person is "
            "a target of rehabilitation or protection.",
        ),
    ),
    CrossCutting(
        "letters",
        Label("Huruf undang-undang dihormati penuh", "The statutory letters, fully honoured"),
        Label(
            "Eks psikotik tanpa ragam disabilitas; anak di bawah 12 yang diduga melakukan tindak "
            "pidana; zat adiktif selain narkotika dan psikotropika.",
            "Eks psikotik without a disability type; a child under twelve suspected of an "
            "offence, routed to social rehabilitation; addictive substances besides narcotics "
            "and psychotropics.",
        ),
    ),
    CrossCutting(
        "regions",
        Label("Cakupan melintasi pemekaran wilayah", "Coverage across region changes"),
        Label(
            "Kode wilayah lama mencakup kelanjutannya; provinsi yang dimekarkan membuat cakupan "
            "wilayah barunya tidak diketahui, bukan 'tidak ada unit'.",
            "A retired region code covers its continuation; a province later split leaves the "
            "new provinces unknown, never 'no unit'.",
        ),
    ),
    CrossCutting(
        "exits",
        Label("Aturan keluar menurut jenis unitnya", "Exits scoped to their unit kind"),
        Label(
            "Aturan keluar Sentra Kreasi (Permensos 15/2025 Pasal 34 ayat (4)) hanya untuk "
            "Sentra Kreasi; kasus lain boleh ditutup karena orang itu kini berpenghasilan.",
            "The Sentra Kreasi exit rule (Permensos 15/2025 Pasal 34 ayat (4)) governs Sentra "
            "Kreasi services only; another case may close because the person now earns a living.",
        ),
    ),
)


def _pinning(code: str) -> list[dict[str, Any]]:
    from atensi.scenarios import SCENARIOS

    return [s for s in SCENARIOS if s.get("principle") == code]


def articles(code: str) -> tuple[Citation, ...]:
    """The citations the rules carry when they decide the scenarios that pin a principle.

    Only the findings of each scenario's own rules (``rule_ids``) count, verified first.
    """
    from atensi.scenarios import scenario_findings

    found: dict[Citation, None] = {}
    for scenario in _pinning(code):
        wanted = set(scenario.get("rule_ids", ()))
        for finding in scenario_findings(scenario):
            if finding.rule_id in wanted and finding.citation is not None:
                found.setdefault(finding.citation)
    return tuple(sorted(found, key=lambda c: (c.evidence.value != "verified", str(c))))


def worked_cases(code: str, lang: str = "en") -> list[str]:
    """One worked case per scenario that pins a principle, as Markdown list items."""
    from atensi.scenarios import scenario_findings

    lines = []
    for scenario in _pinning(code):
        wanted = scenario.get("rule_ids", ())
        outcome = scenario.get("overall") or scenario.get("expected")
        if isinstance(outcome, list):
            outcome = ", ".join(outcome) or "-"
        lines.append(f"- **{scenario['name']}** ({scenario['on']}): {outcome}")
        for finding in scenario_findings(scenario):
            if finding.rule_id not in wanted:
                continue
            cite = f" [{finding.citation}]" if finding.citation else ""
            message = finding.message.in_lang(lang)
            lines.append(f"  - `{finding.rule_id}` {finding.status.value}: {message}{cite}")
    return lines


def page(lang: str = "en") -> str:
    """The page "Where the law cuts across clusters", in Markdown (``lang``: ``en`` or ``id``)."""
    title = {
        "en": "Where the law cuts across clusters",
        "id": "Tempat hukum melintasi klaster",
    }[lang]
    intro = {
        "en": "Protection law does not stop at a cluster's edge. Each principle below is pinned "
        "by named scenarios (`atensi.scenarios`, tagged with its code); the articles are the "
        "citations the rules carry when they decide them, and each worked case shows what the "
        "rules found. Generated from the library: it cannot drift from the rules.",
        "id": "Hukum perlindungan tidak berhenti di batas klaster. Setiap prinsip di bawah ini "
        "dipastikan oleh skenario bernama (`atensi.scenarios`); pasal-pasalnya adalah kutipan "
        "yang dibawa aturan saat memutus skenario itu, dan setiap contoh menunjukkan temuan "
        "aturan. Dihasilkan dari pustaka: tidak dapat menyimpang dari aturan.",
    }[lang]
    heading = {"en": ("Articles", "Worked cases"), "id": ("Pasal", "Contoh kasus")}[lang]
    lines = [f"# {title}", "", intro, ""]
    for principle in PRINCIPLES:
        lines += [f"## {principle.title.in_lang(lang)}", "", principle.statement.in_lang(lang), ""]
        cited = articles(principle.code)
        if cited:
            lines += [f"**{heading[0]}:**", ""]
            lines += [f"- {c}" + (f" — {c.note}" if c.note else "") for c in cited]
            lines.append("")
        lines += [f"**{heading[1]}:**", "", *worked_cases(principle.code, lang), ""]
    return "\n".join(lines)
