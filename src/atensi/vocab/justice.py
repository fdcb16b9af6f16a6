"""The words of the two most procedural populations: children in conflict with the law, drug users.

Juvenile justice (UU 11/2012, Sistem Peradilan Pidana Anak, in force since 30 July 2014, with PP
65/2015 on diversion and on children under twelve) decides by facts of the *offence*: whether it
is a crime or a misdemeanour (:class:`OffenceCategory`), whether it has a victim and who
(:class:`VictimKind`), and by documents that pass between the case and the Bapas, the
community-corrections office (:class:`BapasDocumentKind`). Compulsory reporting of narcotics
addicts (UU 35/2009 Pasal 55; PP 25/2011) is received by institutions designated by one of two
ministers (:class:`IpwlDesignation`).

Each member cites the article it comes from; all are read in the statutes' own texts.

>>> from atensi.vocab import BapasDocumentKind, VictimKind
>>> BapasDocumentKind.LITMAS.label.en
'Community research report (litmas)'
>>> VictimKind.CHILD.citation.article
'Pasal 1 angka 4; penjelasan Pasal 9 ayat (2)'
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite

__all__ = ["BapasDocumentKind", "IpwlDesignation", "OffenceCategory", "VictimKind"]

_V = Evidence.VERIFIED


class OffenceCategory(CodedEnum):
    """Whether an offence is a crime or a misdemeanour (the criminal law's own division).

    A misdemeanour (*pelanggaran*) may be diverted without the victim's consent (UU 11/2012
    Pasal 9 ayat (2) huruf a); so may a minor offence (*tindak pidana ringan*, one punishable by at
    most three months: the penjelasan of huruf b), which atensi reads from the maximum penalty.
    """

    CRIME = (
        "kejahatan",
        Label("Kejahatan", "Crime"),
        cite(
            "uu-11-2012",
            "Pasal 7 ayat (2) huruf a",
            _V,
            note="'pidana penjara di bawah 7 (tujuh) tahun mengacu pada hukum pidana' (penjelasan)",
        ),
    )
    MISDEMEANOUR = (
        "pelanggaran",
        Label("Pelanggaran", "Misdemeanour"),
        cite("uu-11-2012", "Pasal 9 ayat (2) huruf a", _V),
    )


class VictimKind(CodedEnum):
    """Who suffered the offence: nobody, an adult, or a child (then the family consents)."""

    NONE = (
        "tanpa_korban",
        Label("Tanpa korban", "No victim"),
        cite("uu-11-2012", "Pasal 9 ayat (2) huruf c", _V, note="'tindak pidana tanpa korban'"),
    )
    ADULT = (
        "orang_dewasa",
        Label("Korban orang dewasa", "An adult victim"),
        cite("uu-11-2012", "Pasal 9 ayat (2)", _V, note="'persetujuan korban'"),
    )
    CHILD = (
        "anak",
        Label("Anak Korban", "A child victim"),
        cite(
            "uu-11-2012",
            "Pasal 1 angka 4; penjelasan Pasal 9 ayat (2)",
            _V,
            note="a victim under 18: the consent is the child victim's family's",
        ),
    )


class BapasDocumentKind(CodedEnum):
    """A document between the case and the Bapas (UU 11/2012 Pasal 1 angka 24).

    The community counsellor (Pembimbing Kemasyarakatan) of the Bapas writes the *litmas* that a
    diversion, a decision for a child under twelve and a judgment must weigh; the Bapas evaluates
    a programme for a child under twelve before it is extended; the institution that runs that
    programme reports to the Bapas every month.
    """

    LITMAS = (
        "litmas",
        Label("Laporan penelitian kemasyarakatan (litmas)", "Community research report (litmas)"),
        cite(
            "uu-11-2012",
            "Pasal 9 ayat (1) huruf c; Pasal 60 ayat (3); penjelasan Pasal 21 ayat (1)",
            _V,
            note="weighed in a diversion, required before a judgment (void otherwise, ayat (4)) "
            "and a 'persyaratan wajib' before a decision for a child under 12 (also PP 65/2015 "
            "Pasal 68 ayat (1))",
        ),
    )
    EVALUATION = (
        "evaluasi",
        Label("Evaluasi Bapas", "Bapas evaluation"),
        cite(
            "uu-11-2012",
            "Pasal 21 ayat (3)-(4)",
            _V,
            note="the Bapas evaluates the programme of a child under 12; an extension follows "
            "an evaluation that finds the child still needs it",
        ),
    )
    PROGRESS_REPORT = (
        "laporan_perkembangan",
        Label("Laporan perkembangan anak kepada Bapas", "Progress report to the Bapas"),
        cite(
            "uu-11-2012",
            "Pasal 21 ayat (5)",
            _V,
            note="the government institution or LPKS reports the child's progress to the Bapas "
            "every month (also PP 65/2015 Pasal 85: in writing, by the head of the LPKS)",
        ),
    )
    SOCIAL_REPORT = (
        "laporan_sosial",
        Label("Laporan sosial pekerja sosial profesional", "Social report"),
        cite(
            "uu-11-2012",
            "Pasal 27 ayat (3); Pasal 68 ayat (1) huruf e",
            _V,
            note="by the professional social worker or social welfare worker, on a child "
            "victim or witness, and to the community counsellor on a child under a measure",
        ),
    )


class IpwlDesignation(CodedEnum):
    """Which minister designated an institution to receive compulsory reports (IPWL)."""

    HEALTH = (
        "kesehatan",
        Label("Ditetapkan Menteri Kesehatan", "Designated by the Minister of Health"),
        cite(
            "pp-25-2011",
            "Pasal 4 ayat (2)",
            _V,
            note="puskesmas, hospitals and medical rehabilitation institutions",
        ),
    )
    SOCIAL = (
        "sosial",
        Label("Ditetapkan Menteri Sosial", "Designated by the Minister of Social Affairs"),
        cite(
            "pp-25-2011",
            "Pasal 4 ayat (3)",
            _V,
            note="social rehabilitation institutions",
        ),
    )
