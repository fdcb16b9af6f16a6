"""The six technical policies of social rehabilitation and the twelve ATENSI principles.

The six technical policies were announced at the national coordination meeting (Rakornas) on
the evaluation of the 2020 programme, held on 10 and 11 December 2020 at the El Royale hotel in
Jakarta (the Minister's speech with the six policies on the 11th; Kemensos, Kompas and Media
Indonesia agree; no report of a third day was found); they are policy, not law, and no official
indicators exist for them (secondary evidence). The twelve principles are law: Permensos 15/2025
Pasal 4 ayat (1) names them and ayat (2)-(13) explain them; Permensos 7/2021 has the same twelve.

>>> from atensi.vocab import Principle, TechnicalPolicy
>>> len(TechnicalPolicy), len(Principle)
(6, 12)
>>> Principle.SYSTEMATIC.citation.article
'Pasal 4 ayat (1) huruf c'
"""

from __future__ import annotations

from atensi.vocab._base import Citation, CodedEnum, Evidence, Label, cite

__all__ = ["Principle", "TechnicalPolicy"]

_RAKORNAS = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="kemensos-2020-12-10-rakornas",
    note="policy announced by the Minister; not in a regulation; no official indicators",
)


class TechnicalPolicy(CodedEnum):
    """The six technical policies of social rehabilitation (Rakornas, December 2020)."""

    RIGHTS = (
        "penghormatan_hak_ppks",
        Label(
            "Penghormatan, perlindungan, dan pemenuhan hak-hak PPKS",
            "Respect for, protection and fulfilment of the rights of PPKS",
        ),
        _RAKORNAS,
    )
    INTEGRATED_SYSTEM = (
        "sistem_terintegrasi",
        Label(
            "Penguatan sistem rehabilitasi sosial yang terintegrasi",
            "An integrated social rehabilitation system",
        ),
        _RAKORNAS,
    )
    REACH = (
        "perluasan_jangkauan",
        Label(
            "Perluasan jangkauan rehabilitasi sosial berbasis keluarga, komunitas, dan residensial",
            "Wider reach through family-, community- and residential-based rehabilitation",
        ),
        _RAKORNAS,
    )
    CAPACITY = (
        "penguatan_kapasitas_kelembagaan",
        Label(
            "Penguatan kapasitas dan kelembagaan balai rehabilitasi sosial dan LKS",
            "Stronger capacity and institutions of rehabilitation centres and LKS",
        ),
        _RAKORNAS,
    )
    CAMPAIGNS = (
        "kampanye_sosialisasi",
        Label(
            "Kampanye sosial dan sosialisasi program di seluruh sektor",
            "Social campaigns and socialisation of the programme across all sectors",
        ),
        _RAKORNAS,
    )
    PARTICIPATION = (
        "peran_serta_masyarakat",
        Label(
            "Peningkatan peran serta masyarakat dan swasta",
            "More participation by the community and the private sector",
        ),
        _RAKORNAS,
    )


def _principle(letter: str, verified: bool = True) -> Citation:
    return cite(
        "permensos-15-2025",
        f"Pasal 4 ayat (1) huruf {letter}",
        Evidence.VERIFIED,
        note=None if verified else "the name is verified; the explanation was not read",
    )


class Principle(CodedEnum):
    """The twelve principles of ATENSI, in legal order."""

    MULTIFUNCTION = (
        "multifungsi_layanan",
        Label("Multifungsi layanan", "Multi-function service"),
        _principle("a"),
        Label(
            "Menjawab seluruh masalah sosial yang perlu penanganan segera.",
            "Respond to the full range of social problems that need urgent handling.",
        ),
    )
    HOLISTIC = (
        "holistik",
        Label("Holistik", "Holistic"),
        _principle("b"),
        Label(
            "Memandang PPKS sebagai sistem biologis, psikologis, sosial, dan spiritual.",
            "See the PPKS as a whole biological, psychological, social and spiritual system.",
        ),
    )
    SYSTEMATIC = (
        "sistematik",
        Label("Sistematik", "Systematic"),
        _principle("c"),
        Label(
            "Tahapan terencana melalui manajemen kasus agar hasil dan dampak dapat dievaluasi.",
            "Planned stages through case management, so that outcome and impact can be evaluated.",
        ),
    )
    STANDARDISED = (
        "terstandar",
        Label("Terstandar", "Standardised"),
        _principle("d"),
        Label("Sesuai peraturan perundang-undangan.", "In line with the legislation."),
    )
    RIGHTS_BASED = (
        "berbasis_hak",
        Label("Berbasis hak", "Rights-based"),
        _principle("e"),
        Label(
            "Menghormati norma dan prinsip hak asasi manusia.",
            "Respect human-rights norms and principles.",
        ),
    )
    MULTI_PROFESSIONAL = (
        "multiprofesi",
        Label("Multiprofesi", "Multi-professional"),
        _principle("f"),
        Label(
            "Melibatkan profesi lain agar program lebih efektif.",
            "Involve other professions to make the programme more effective.",
        ),
    )
    MULTILEVEL_INTERVENTION = (
        "multilevel_intervensi",
        Label("Multilevel intervensi", "Multi-level intervention"),
        _principle("g"),
        Label(
            "Intervensi pada tingkat individu, keluarga, komunitas, dan masyarakat.",
            "Intervene at the individual, family, community and society levels.",
        ),
    )
    MULTI_ACTOR_COLLABORATION = (
        "multiaktor_kolaborasi",
        Label("Multiaktor kolaborasi", "Multi-actor collaboration"),
        _principle("h"),
        Label(
            "Melibatkan SDM kesejahteraan sosial dan pelaku lain, bukan hanya pekerja sosial.",
            "Involve other social welfare personnel and actors, not only social workers.",
        ),
    )
    DYNAMIC = (
        "dinamis",
        Label("Dinamis", "Dynamic"),
        _principle("i", verified=False),
        Label(
            "Menyesuaikan dengan perubahan kebutuhan dan situasi PPKS.",
            "Adapt to changes in the PPKS's needs and situation.",
        ),
    )
    INTEGRATIVE = (
        "integratif",
        Label("Integratif", "Integrative"),
        _principle("j", verified=False),
        Label(
            "Terpadu dengan fungsi kesejahteraan sosial lain dan sektor lain.",
            "Integrated with other social welfare functions and other sectors.",
        ),
    )
    COMPLEMENTARY = (
        "komplementer",
        Label("Komplementer", "Complementary"),
        _principle("k", verified=False),
        Label(
            "Melengkapi, tidak menduplikasi, layanan pemerintah daerah, LKS dan lainnya.",
            "Complement, without duplicating, services of regional governments, LKS and others.",
        ),
    )
    NETWORKED = (
        "berjejaring",
        Label("Berjejaring", "Networked"),
        _principle("l", verified=False),
        Label("Bekerja melalui jejaring dan rujukan.", "Work through networks and referral."),
    )
