"""The five clusters of PROGRES 5.0 NP and the target categories of each ATENSI instrument.

A *cluster* is one of the five population groups the programme has been organised around since
PROGRES 5.0 NP (2019). A *target* (sasaran) is a category an instrument names as a beneficiary of
social rehabilitation: under Permensos 16/2020 the five clusters, and from Permensos 7/2021 also
victims of disasters and "PPKS lainnya" (other persons in need of social welfare services).
Beneath every edition, PP 39/2012 Pasal 6 names disaster victims and leaves others to the
Minister since 2012 (:mod:`atensi.vocab.statutory`). Which targets each edition names is data in
:mod:`atensi.law`.

>>> from atensi.vocab import Cluster, Target
>>> Cluster("lanjut_usia").label.en
'Elderly'
>>> Target.CHILDREN.cluster is Cluster.CHILDREN
True
>>> Target.DISASTER_VICTIMS.cluster is None
True
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite

__all__ = ["Cluster", "Target"]

_CLUSTERS_7_2021 = cite(
    "permensos-7-2021",
    "Pasal 3",
    Evidence.SECONDARY,
    source="dinsos-riau-2022-atensi",
    note="article number from a regional summary; the regulation's wording was not read",
)


class Cluster(CodedEnum):
    """The five clusters of PROGRES 5.0 NP, kept as the core targets by every ATENSI instrument."""

    CHILDREN = "anak", Label("Anak", "Children"), _CLUSTERS_7_2021
    PERSONS_WITH_DISABILITIES = (
        "penyandang_disabilitas",
        Label("Penyandang disabilitas", "Persons with disabilities"),
        _CLUSTERS_7_2021,
    )
    SOCIAL_DEVIANCE_AND_TRAFFICKING = (
        "tuna_sosial_kpo",
        Label(
            "Tuna sosial dan korban perdagangan orang",
            "Social deviance ('tuna sosial') and victims of human trafficking",
        ),
        _CLUSTERS_7_2021,
    )
    DRUG_ABUSE_VICTIMS = (
        "korban_napza",
        Label("Korban penyalahgunaan NAPZA", "Victims of drug (NAPZA) abuse"),
        _CLUSTERS_7_2021,
    )
    ELDERLY = "lanjut_usia", Label("Lanjut usia", "Elderly"), _CLUSTERS_7_2021


class Target(CodedEnum):
    """A target category (sasaran) of an ATENSI instrument.

    The first five mirror :class:`Cluster`; the last two were named by Permensos 7/2021 (and by
    PP 39/2012 Pasal 6, beneath every edition, since 2012).
    """

    CHILDREN = Cluster.CHILDREN.value, Cluster.CHILDREN.label, _CLUSTERS_7_2021
    PERSONS_WITH_DISABILITIES = (
        Cluster.PERSONS_WITH_DISABILITIES.value,
        Cluster.PERSONS_WITH_DISABILITIES.label,
        _CLUSTERS_7_2021,
    )
    SOCIAL_DEVIANCE_AND_TRAFFICKING = (
        Cluster.SOCIAL_DEVIANCE_AND_TRAFFICKING.value,
        Cluster.SOCIAL_DEVIANCE_AND_TRAFFICKING.label,
        _CLUSTERS_7_2021,
    )
    DRUG_ABUSE_VICTIMS = (
        Cluster.DRUG_ABUSE_VICTIMS.value,
        Cluster.DRUG_ABUSE_VICTIMS.label,
        _CLUSTERS_7_2021,
    )
    ELDERLY = Cluster.ELDERLY.value, Cluster.ELDERLY.label, _CLUSTERS_7_2021
    DISASTER_VICTIMS = (
        "korban_bencana",
        Label(
            "Korban bencana alam, bencana sosial, dan bencana lain yang ditetapkan pemerintah",
            "Victims of natural, social and other government-designated disasters",
        ),
        _CLUSTERS_7_2021,
    )
    OTHER_PPKS = (
        "ppks_lainnya",
        Label("PPKS lainnya", "Other persons in need of social welfare services (PPKS)"),
        _CLUSTERS_7_2021,
        Label(
            "Kategori terbuka; perlu justifikasi tertulis dari asesmen.",
            "An open category; needs a written justification from the assessment.",
        ),
    )

    @property
    def cluster(self) -> Cluster | None:
        """The PROGRES 5.0 NP cluster this target is, or ``None`` for the two added targets."""
        member = Cluster._value2member_map_.get(self.value)
        return member if isinstance(member, Cluster) else None
