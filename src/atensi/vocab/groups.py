"""Fine-grained target groups (PPKS groups) and the attributes that qualify them.

A :class:`TargetGroup` is a condition an assessment can find in a person (an abandoned toddler, a
beggar, a victim of trafficking, an addict, ...). Each maps to exactly one :class:`Target`, which
is how eligibility rules know which cluster or target a condition speaks for. The groups come
from the laws that define them (UU 35/2014 for the 15 categories of children needing special
protection, UU 35/2009 for drug-use statuses, UU 21/2007 for trafficking victims, PP 39/2012 for
the statutory rehabilitation targets) and, where no statute defines them, from the Ministry's
data categories (Permensos 8/2012, secondary evidence) and practice; the citation of each member
says which, with its evidence grade.

Some groups are narrower than their target: a *neglected toddler* is under six, a child *in
conflict with the law* is at least twelve, the orphans' programme (YAPI) exists only from
December 2022. Those limits are dated parameters of the law (``groups.<code>.*``, see
:func:`atensi.law.parameter`), each value with the citation and grade of its source, read on a
date as a :class:`GroupBounds` (:func:`atensi.law.group_bounds`), so the rules can tell a verified
statutory limit from a secondary one.

>>> from atensi.vocab import TargetGroup, Target
>>> TargetGroup.STREET_CHILD.target is Target.CHILDREN
True
>>> TargetGroup("korban_perdagangan_orang").citation.article
'Pasal 1 angka 3'
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from atensi.vocab._base import Citation, CodedEnum, Evidence, Label, cite
from atensi.vocab.clusters import Target
from atensi.vocab.person import Sex

__all__ = [
    "DisabilityType",
    "DrugRisk",
    "ElderlyCapacity",
    "GroupBounds",
    "TargetGroup",
    "groups_of",
]

_V = Evidence.VERIFIED
_S = Evidence.SECONDARY
_C = Evidence.CONVENTION


_DISASTER = cite(
    "pp-39-2012",
    "Pasal 6 ayat (1) huruf n",
    _V,
    note="PP 39/2012 says 'korban bencana'; the split into natural and social disasters follows "
    "Permensos 8/2012 (secondary)",
)


def _ampk(letter: str) -> Citation:
    return cite("uu-35-2014", f"Pasal 59 ayat (2) huruf {letter}", _V)


def _pmks(note: str = "Permensos 8/2012 data category") -> Citation:
    return cite("permensos-8-2012", None, _S, source="dinsos-jabar-ppks-psks", note=note)


def _pp39(letter: str) -> Citation:
    return cite("pp-39-2012", f"Pasal 6 ayat (1) huruf {letter}", _V)


class TargetGroup(CodedEnum):
    """A PPKS group an assessment can record; each belongs to exactly one :class:`Target`."""

    # --- Children: the 15 AMPK categories of UU 35/2014 Pasal 59 ayat (2), in legal order.
    CHILD_IN_EMERGENCY = (
        "anak_situasi_darurat",
        Label("Anak dalam situasi darurat", "Child in an emergency situation"),
        _ampk("a"),
        Label(
            "Pasal 60: anak pengungsi, korban kerusuhan, korban bencana alam, dalam konflik "
            "bersenjata.",
            "Article 60: refugee children, victims of riots, of natural disasters, and children "
            "in armed conflict.",
        ),
    )
    CHILD_IN_CONTACT_WITH_LAW = (
        "anak_berhadapan_hukum",
        Label("Anak yang berhadapan dengan hukum (ABH)", "Child in contact with the law"),
        _ampk("b"),
    )
    CHILD_OF_MINORITY_OR_ISOLATED_GROUP = (
        "anak_kelompok_minoritas_terisolasi",
        Label(
            "Anak dari kelompok minoritas dan terisolasi",
            "Child of a minority or isolated group",
        ),
        _ampk("c"),
    )
    CHILD_EXPLOITED = (
        "anak_tereksploitasi",
        Label(
            "Anak yang dieksploitasi secara ekonomi dan/atau seksual",
            "Child exploited economically and/or sexually",
        ),
        _ampk("d"),
    )
    CHILD_SUBSTANCE_ABUSE_VICTIM = (
        "anak_korban_napza",
        Label(
            "Anak korban penyalahgunaan narkotika, alkohol, psikotropika, dan zat adiktif lainnya",
            "Child victim of narcotics, alcohol, psychotropic or other addictive substance abuse",
        ),
        _ampk("e"),
    )
    CHILD_PORNOGRAPHY_VICTIM = (
        "anak_korban_pornografi",
        Label("Anak korban pornografi", "Child victim of pornography"),
        _ampk("f"),
    )
    CHILD_WITH_HIV = (
        "anak_dengan_hiv_aids",
        Label("Anak dengan HIV/AIDS", "Child with HIV/AIDS"),
        _ampk("g"),
    )
    CHILD_ABDUCTION_OR_TRAFFICKING_VICTIM = (
        "anak_korban_penculikan_perdagangan",
        Label(
            "Anak korban penculikan, penjualan, dan/atau perdagangan",
            "Child victim of abduction, sale and/or trafficking",
        ),
        _ampk("h"),
    )
    CHILD_VIOLENCE_VICTIM = (
        "anak_korban_kekerasan",
        Label(
            "Anak korban kekerasan fisik dan/atau psikis",
            "Child victim of physical and/or psychological violence",
        ),
        _ampk("i"),
    )
    CHILD_SEXUAL_CRIME_VICTIM = (
        "anak_korban_kejahatan_seksual",
        Label("Anak korban kejahatan seksual", "Child victim of sexual crime"),
        _ampk("j"),
    )
    CHILD_TERRORISM_NETWORK_VICTIM = (
        "anak_korban_jaringan_terorisme",
        Label("Anak korban jaringan terorisme", "Child victim of a terrorism network"),
        _ampk("k"),
    )
    CHILD_WITH_DISABILITY = (
        "anak_penyandang_disabilitas",
        Label("Anak penyandang disabilitas", "Child with a disability"),
        _ampk("l"),
    )
    CHILD_MISTREATED_OR_NEGLECTED = (
        "anak_korban_perlakuan_salah_penelantaran",
        Label(
            "Anak korban perlakuan salah dan penelantaran",
            "Child victim of mistreatment and neglect",
        ),
        _ampk("m"),
    )
    CHILD_WITH_DEVIANT_BEHAVIOUR = (
        "anak_perilaku_sosial_menyimpang",
        Label("Anak dengan perilaku sosial menyimpang", "Child with deviant social behaviour"),
        _ampk("n"),
    )
    CHILD_STIGMATISED = (
        "anak_korban_stigmatisasi",
        Label(
            "Anak korban stigmatisasi dari pelabelan terkait kondisi orang tuanya",
            "Child stigmatised or labelled because of their parents' condition",
        ),
        _ampk("o"),
    )
    # --- Children: roles of a child in contact with the law (UU 11/2012, SPPA).
    CHILD_IN_CONFLICT_WITH_LAW = (
        "anak_berkonflik_hukum",
        Label(
            "Anak yang berkonflik dengan hukum (pelaku, 12 sampai di bawah 18 tahun)",
            "Child in conflict with the law (offender, aged 12 to under 18)",
        ),
        cite("uu-11-2012", "Pasal 1 angka 3", _V),
    )
    CHILD_CRIME_VICTIM = (
        "anak_korban_tindak_pidana",
        Label("Anak yang menjadi korban tindak pidana", "Child victim of a criminal offence"),
        cite("uu-11-2012", "Pasal 1 angka 4", _V),
    )
    CHILD_WITNESS = (
        "anak_saksi_tindak_pidana",
        Label("Anak yang menjadi saksi tindak pidana", "Child witness of a criminal offence"),
        cite("uu-11-2012", "Pasal 1 angka 5", _V),
    )
    # --- Children: the Ministry's data categories and programme sub-groups.
    NEGLECTED_TODDLER = (
        "anak_balita_terlantar",
        Label("Anak balita terlantar", "Neglected child under five"),
        _pmks(),
    )
    NEGLECTED_CHILD = (
        "anak_terlantar",
        Label("Anak terlantar", "Neglected child"),
        _pp39("p"),
    )
    CHILD_WITH_SPECIAL_NEEDS = (
        "anak_dengan_kebutuhan_khusus",
        Label("Anak dengan kebutuhan khusus", "Child with special needs"),
        _pp39("q"),
        Label(
            "Penjelasan PP 39/2012: antara lain anak yang hiperaktif, berbakat, dan autis.",
            "PP 39/2012 elucidation: among others hyperactive, gifted and autistic children.",
        ),
    )
    STREET_CHILD = "anak_jalanan", Label("Anak jalanan", "Street child"), _pmks()
    CHILD_NEEDING_SOCIAL_FUNCTION_DEVELOPMENT = (
        "anak_pengembangan_fungsi_sosial",
        Label(
            "Anak yang memerlukan pengembangan fungsi sosial",
            "Child who needs development of social functioning",
        ),
        cite(None, None, _S, source="pedop-atensi-anak-2021"),
    )
    ORPHAN = (
        "anak_yatim_piatu",
        Label("Anak yatim, piatu, atau yatim piatu", "Child who lost one or both parents"),
        cite(None, None, _S, source="suara-2023-01-11-yapi"),
    )
    # --- Persons with disabilities (the type is recorded with DisabilityType).
    PERSON_WITH_DISABILITY = (
        "penyandang_disabilitas",
        Label("Penyandang disabilitas", "Person with a disability"),
        cite("uu-8-2016", "Pasal 1 angka 1", _V),
    )
    FORMER_PSYCHOTIC = (
        "eks_psikotik",
        Label("Eks psikotik", "Former psychotic patient"),
        _pp39("j"),
        Label(
            "Dipetakan ke klaster disabilitas (disabilitas mental) oleh konvensi atensi.",
            "Mapped to the disability cluster (mental disability) by atensi's convention.",
        ),
    )
    # --- Elderly.
    NEGLECTED_ELDERLY = (
        "lanjut_usia_terlantar",
        Label("Lanjut usia terlantar", "Neglected elderly person"),
        _pmks("Permensos 8/2012: aged 60 or over whose basic needs are not met"),
    )
    ELDERLY_LIVING_ALONE = (
        "lanjut_usia_tunggal",
        Label("Lanjut usia tunggal", "Elderly person living alone"),
        cite(None, None, _S, source="perdirjen-5-2021"),
    )
    ELDERLY_NEEDING_LONG_TERM_CARE = (
        "lanjut_usia_perawatan_jangka_panjang",
        Label(
            "Lanjut usia yang memerlukan perawatan jangka panjang",
            "Elderly person who needs long-term care",
        ),
        cite(None, None, _S, source="perdirjen-5-2021"),
    )
    # --- Drug abuse (UU 35/2009).
    NARCOTICS_ADDICT = (
        "pecandu_narkotika",
        Label("Pecandu narkotika", "Narcotics addict"),
        cite("uu-35-2009", "Pasal 1 angka 13", _V),
    )
    NARCOTICS_ABUSER = (
        "penyalah_guna_narkotika",
        Label("Penyalah guna narkotika", "Narcotics abuser"),
        cite("uu-35-2009", "Pasal 1 angka 15", _V),
    )
    NARCOTICS_ABUSE_VICTIM = (
        "korban_penyalahgunaan_narkotika",
        Label("Korban penyalahgunaan narkotika", "Victim of narcotics abuse"),
        cite("uu-35-2009", "Penjelasan Pasal 54", _V),
    )
    FORMER_NARCOTICS_ADDICT = (
        "eks_pecandu_narkotika",
        Label("Eks pecandu narkotika", "Former narcotics addict"),
        _pp39("i"),
    )
    DEPENDENT_PSYCHOTROPIC_USER = (
        "pengguna_psikotropika_ketergantungan",
        Label(
            "Pengguna psikotropika sindroma ketergantungan",
            "Psychotropic user with dependence syndrome",
        ),
        _pp39("k"),
    )
    # --- Tuna sosial and trafficking victims.
    HOMELESS = "gelandangan", Label("Gelandangan", "Homeless person"), _pp39("e")
    BEGGAR = "pengemis", Label("Pengemis", "Beggar"), _pp39("f")
    SCAVENGER = "pemulung", Label("Pemulung", "Scavenger"), _pmks()
    SEX_WORKER = "tuna_susila", Label("Tuna susila", "Person in sex work"), _pp39("d")
    FORMER_PRISONER = (
        "bekas_warga_binaan_pemasyarakatan",
        Label(
            "Bekas warga binaan lembaga pemasyarakatan (eks narapidana)",
            "Former prisoner",
        ),
        _pp39("h"),
    )
    MINORITY_GROUP = (
        "kelompok_minoritas",
        Label("Kelompok minoritas", "Minority group member facing discrimination"),
        _pmks(),
    )
    PERSON_WITH_HIV = (
        "odha",
        Label("Orang dengan HIV/AIDS (ODHA)", "Person with HIV/AIDS"),
        _pp39("l"),
    )
    VIOLENCE_VICTIM = (
        "korban_tindak_kekerasan",
        Label("Korban tindak kekerasan", "Victim of violence"),
        _pp39("m"),
    )
    TROUBLED_MIGRANT_WORKER = (
        "pekerja_migran_bermasalah_sosial",
        Label("Pekerja migran bermasalah sosial", "Migrant worker with social problems"),
        _pmks(),
    )
    TRAFFICKING_VICTIM = (
        "korban_perdagangan_orang",
        Label("Korban perdagangan orang", "Victim of human trafficking"),
        cite("uu-21-2007", "Pasal 1 angka 3", _V),
    )
    ECONOMICALLY_VULNERABLE_WOMAN = (
        "perempuan_rawan_sosial_ekonomi",
        Label("Perempuan rawan sosial ekonomi", "Socially and economically vulnerable woman"),
        _pmks(),
    )
    # --- Disaster victims (targets from Permensos 7/2021).
    NATURAL_DISASTER_VICTIM = (
        "korban_bencana_alam",
        Label("Korban bencana alam", "Victim of a natural disaster"),
        _DISASTER,
    )
    SOCIAL_DISASTER_VICTIM = (
        "korban_bencana_sosial",
        Label("Korban bencana sosial", "Victim of a social disaster"),
        _DISASTER,
    )
    OTHER_DISASTER_VICTIM = (
        "korban_bencana_lainnya",
        Label(
            "Korban bencana lain yang ditetapkan pemerintah",
            "Victim of another disaster designated by the government",
        ),
        cite(
            "pp-39-2012",
            "Pasal 6 ayat (1) huruf n",
            _V,
            note="PP 39/2012 says 'korban bencana', every disaster; the wording 'other disasters "
            "designated by the government' is Permensos 7/2021's (secondary)",
        ),
    )
    # --- Other PPKS: the statutory target no cluster names, and the open category.
    FORMER_CHRONIC_PATIENT = (
        "eks_penderita_penyakit_kronis",
        Label("Eks penderita penyakit kronis", "Former chronic-disease patient"),
        _pp39("g"),
        Label(
            "Tidak ada klaster yang menyebutnya; atensi memasukkannya ke PPKS lainnya (konvensi).",
            "No cluster names it; atensi files it under other PPKS (atensi's convention).",
        ),
    )
    OTHER_PPKS = (
        "ppks_lainnya",
        Label("PPKS lainnya", "Other person in need of social welfare services"),
        cite(
            "pp-39-2012",
            "Pasal 6 ayat (2)",
            _V,
            note="the Minister sets rehabilitation for persons beyond ayat (1); named as a target "
            "'PPKS lainnya' by Permensos 7/2021 (secondary)",
        ),
        Label(
            "Kategori terbuka; perlu justifikasi tertulis dan selalu ditinjau.",
            "An open category; needs a written justification and is always reviewed.",
        ),
    )

    @property
    def target(self) -> Target:
        """The target (cluster, disaster victims or other PPKS) this group belongs to."""
        return _TARGET_OF[self]


class GroupBounds(NamedTuple):
    """The limits a group sets beyond its target's on one date, each with its citation.

    Ages are whole years on the decision date: ``age_min`` inclusive, ``age_under`` exclusive
    (an ``age_under`` of 6 admits a five-year-old, not a six-year-old). The limits describe the
    *label*, not the person: someone outside them may still belong to the target under another
    group (a ten-year-old suspected of an offence is not "in conflict with the law" under
    UU 11/2012, but is a child in contact with the law under UU 35/2014 Pasal 59 ayat (2)
    huruf b). So a rule that finds a person outside a group's limits asks for review; it never
    answers "not met" on that ground.

    The values come from dated parameters (:func:`atensi.law.group_bounds` reads them on a date).

    Attributes:
        age_min: the youngest age the group admits, if it sets one.
        age_under: the first age the group no longer admits, if it sets one.
        age_citation: the source of the age band.
        recognised: whether the group exists on the date (a programme had started, the law
            that names it was in force).
        recognised_from: the first day the group is recognised, where it starts later than the
            first rule set.
        basis: what the group rests on on the date: the source of its period when it is not
            recognised, or an older law that named it before its own citation came into force
            (the special-protection categories of UU 23/2002 before UU 35/2014); ``None`` when
            it rests on its own citation.
        sex: the only sex the group admits (a group of women), if it sets one.
        sex_citation: the source of that limit.
        always_review: for an open category, why every use of it is reviewed.
    """

    age_min: int | None = None
    age_under: int | None = None
    age_citation: Citation | None = None
    recognised: bool = True
    recognised_from: dt.date | None = None
    basis: Citation | None = None
    sex: Sex | None = None
    sex_citation: Citation | None = None
    always_review: Citation | None = None

    def citation_of(self, group: TargetGroup) -> Citation | None:
        """The citation ``group`` rests on, on the date these bounds were read for."""
        return group.citation if self.basis is None else self.basis

    @property
    def is_empty(self) -> bool:
        """Whether the group sets no limit of its own on the date."""
        return self == _NO_BOUNDS


_NO_BOUNDS = GroupBounds()

_GROUPS_BY_TARGET: dict[Target, tuple[str, ...]] = {
    Target.CHILDREN: (
        "anak_situasi_darurat",
        "anak_berhadapan_hukum",
        "anak_kelompok_minoritas_terisolasi",
        "anak_tereksploitasi",
        "anak_korban_napza",
        "anak_korban_pornografi",
        "anak_dengan_hiv_aids",
        "anak_korban_penculikan_perdagangan",
        "anak_korban_kekerasan",
        "anak_korban_kejahatan_seksual",
        "anak_korban_jaringan_terorisme",
        "anak_penyandang_disabilitas",
        "anak_korban_perlakuan_salah_penelantaran",
        "anak_perilaku_sosial_menyimpang",
        "anak_korban_stigmatisasi",
        "anak_berkonflik_hukum",
        "anak_korban_tindak_pidana",
        "anak_saksi_tindak_pidana",
        "anak_balita_terlantar",
        "anak_terlantar",
        "anak_dengan_kebutuhan_khusus",
        "anak_jalanan",
        "anak_pengembangan_fungsi_sosial",
        "anak_yatim_piatu",
    ),
    Target.PERSONS_WITH_DISABILITIES: ("penyandang_disabilitas", "eks_psikotik"),
    Target.ELDERLY: (
        "lanjut_usia_terlantar",
        "lanjut_usia_tunggal",
        "lanjut_usia_perawatan_jangka_panjang",
    ),
    Target.DRUG_ABUSE_VICTIMS: (
        "pecandu_narkotika",
        "penyalah_guna_narkotika",
        "korban_penyalahgunaan_narkotika",
        "eks_pecandu_narkotika",
        "pengguna_psikotropika_ketergantungan",
    ),
    Target.SOCIAL_DEVIANCE_AND_TRAFFICKING: (
        "gelandangan",
        "pengemis",
        "pemulung",
        "tuna_susila",
        "bekas_warga_binaan_pemasyarakatan",
        "kelompok_minoritas",
        "odha",
        "korban_tindak_kekerasan",
        "pekerja_migran_bermasalah_sosial",
        "korban_perdagangan_orang",
        "perempuan_rawan_sosial_ekonomi",
    ),
    Target.DISASTER_VICTIMS: (
        "korban_bencana_alam",
        "korban_bencana_sosial",
        "korban_bencana_lainnya",
    ),
    Target.OTHER_PPKS: ("eks_penderita_penyakit_kronis", "ppks_lainnya"),
}

_TARGET_OF: dict[TargetGroup, Target] = {
    TargetGroup(code): target for target, codes in _GROUPS_BY_TARGET.items() for code in codes
}
if len(_TARGET_OF) != len(TargetGroup):  # pragma: no cover - guards the table above
    raise AssertionError("every TargetGroup must map to exactly one Target")


def groups_of(target: Target) -> tuple[TargetGroup, ...]:
    """Return the target groups that belong to ``target``, in declaration order.

    >>> [g.value for g in groups_of(Target.DISASTER_VICTIMS)]
    ['korban_bencana_alam', 'korban_bencana_sosial', 'korban_bencana_lainnya']
    """
    return tuple(g for g in TargetGroup if _TARGET_OF[g] is target)


class DisabilityType(CodedEnum):
    """The types (ragam) of disability of UU 8/2016 Pasal 4 ayat (1); sensory is split in three.

    A person may have one, two (ganda) or more (multi) types (Pasal 4 ayat (2)); the model keeps
    a set of these and derives multiplicity from its size.
    """

    PHYSICAL = (
        "fisik",
        Label("Disabilitas fisik", "Physical disability"),
        cite("uu-8-2016", "Pasal 4 ayat (1) huruf a", _V),
    )
    INTELLECTUAL = (
        "intelektual",
        Label("Disabilitas intelektual", "Intellectual disability"),
        cite("uu-8-2016", "Pasal 4 ayat (1) huruf b", _V),
    )
    MENTAL = (
        "mental",
        Label("Disabilitas mental", "Mental (psychosocial or developmental) disability"),
        cite("uu-8-2016", "Pasal 4 ayat (1) huruf c", _V),
    )
    VISUAL = (
        "sensorik_netra",
        Label("Disabilitas sensorik netra", "Sensory disability: visual"),
        cite("uu-8-2016", "Pasal 4 ayat (1) huruf d", _V),
    )
    HEARING = (
        "sensorik_rungu",
        Label("Disabilitas sensorik rungu", "Sensory disability: hearing"),
        cite("uu-8-2016", "Pasal 4 ayat (1) huruf d", _V),
    )
    SPEECH = (
        "sensorik_wicara",
        Label("Disabilitas sensorik wicara", "Sensory disability: speech"),
        cite("uu-8-2016", "Pasal 4 ayat (1) huruf d", _V),
    )

    @property
    def is_sensory(self) -> bool:
        """Whether the type is one of the three sensory types (Pasal 4 ayat (1) huruf d)."""
        return self.value.startswith("sensorik_")


class ElderlyCapacity(CodedEnum):
    """Whether an elderly person is "potensial" (can still work) or not (UU 13/1998).

    It decides which services apply: social aid (bantuan sosial) for potensial elderly, continuing
    social protection (perlindungan sosial) for tidak potensial elderly (Pasal 5).
    """

    ABLE = (
        "potensial",
        Label("Lanjut usia potensial", "Elderly person able to work"),
        cite("uu-13-1998", "Pasal 1 angka 3", _V),
    )
    NOT_ABLE = (
        "tidak_potensial",
        Label(
            "Lanjut usia tidak potensial",
            "Elderly person unable to earn a living, dependent on others",
        ),
        cite("uu-13-1998", "Pasal 1 angka 4", _V),
    )


class DrugRisk(CodedEnum):
    """The risk level found by NAPZA screening (practice, 2020; no statute defines the levels)."""

    LOW = (
        "rendah",
        Label("Risiko rendah", "Low risk"),
        cite(None, None, _S, source="kemensos-2020-11-09-atensi-napza"),
    )
    MEDIUM = (
        "sedang",
        Label("Risiko sedang", "Medium risk"),
        cite(None, None, _S, source="kemensos-2020-11-09-atensi-napza"),
    )
    HIGH = (
        "tinggi",
        Label("Risiko tinggi", "High risk"),
        cite(None, None, _S, source="kemensos-2020-11-09-atensi-napza"),
    )
