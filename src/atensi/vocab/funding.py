"""How aid is paid for: the two funding channels, who receives it, and the flat-rate programmes.

ATENSI money flows through two channels of the state budget (APBN), each under its own Minister
of Finance regulation (the operational guideline of 2022 names both, source
``pedop-atensi-pd-2022``; all secondary: the PMKs were read in partial copies and their dates
were not found):

* **bansos** (bantuan sosial, social assistance) to persons, families or groups: PMK
  254/PMK.05/2015 (amended by PMK 228/PMK.05/2016; before it PMK 81/PMK.05/2012), carried out in
  the Ministry under Permensos 1/2019;
* **bantuan pemerintah** (government assistance that is not bansos), e.g. to an LKS or a
  community: PMK 168/PMK.05/2015 (amended by PMK 173/PMK.05/2016 and PMK 132/PMK.05/2021),
  carried out in the Ministry under Permensos 11/2020, the mechanism the Ministry itself names.

Which instruments govern a channel on a date is data in :mod:`atensi.law.funding`.

>>> from atensi.vocab import FundingChannel
>>> FundingChannel("bantuan_pemerintah").label.en
'Government assistance (bantuan pemerintah)'
>>> FundingChannel.SOCIAL_ASSISTANCE.citation.instrument
'pmk-254-pmk.05-2015'
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite

__all__ = ["AidProgramme", "CycleFrequency", "FundingChannel", "RecipientKind"]

_S = Evidence.SECONDARY
_C = Evidence.CONVENTION


class FundingChannel(CodedEnum):
    """The budget channel an aid was paid from."""

    SOCIAL_ASSISTANCE = (
        "bansos",
        Label("Bantuan sosial (bansos)", "Social assistance (bansos)"),
        cite(
            "pmk-254-pmk.05-2015",
            None,
            _S,
            source="pedop-atensi-pd-2022",
            note="to persons, families or groups; before PMK 254/2015, PMK 81/PMK.05/2012",
        ),
    )
    GOVERNMENT_ASSISTANCE = (
        "bantuan_pemerintah",
        Label("Bantuan pemerintah", "Government assistance (bantuan pemerintah)"),
        cite(
            "pmk-168-pmk.05-2015",
            None,
            _S,
            source="djpb-bantuan-pemerintah",
            note="assistance that is not bansos, e.g. to an LKS or a community; in the "
            "Ministry under Permensos 11/2020; the category begins with PMK 168/2015",
        ),
    )


_RECIPIENTS = cite(
    None,
    None,
    _S,
    source="pmk-62-2023",
    note="bansos reaches persons, families and groups; bantuan pemerintah also reaches "
    "institutions and community groups",
)
_GOVERNMENT_BODY = cite(
    "pmk-62-2023",
    None,
    _S,
    note="bantuan pemerintah may go to a government or non-government institution",
)


class RecipientKind(CodedEnum):
    """Who received an aid: the case's own subject, or an institution or community for it."""

    PERSON = "perseorangan", Label("Perseorangan", "Person"), _RECIPIENTS
    FAMILY = "keluarga", Label("Keluarga", "Family"), _RECIPIENTS
    GROUP = "kelompok", Label("Kelompok", "Group"), _RECIPIENTS
    LKS = "lks", Label("Lembaga kesejahteraan sosial", "Social welfare organisation"), _RECIPIENTS
    COMMUNITY = "masyarakat", Label("Kelompok masyarakat", "Community"), _RECIPIENTS
    GOVERNMENT_BODY = (
        "lembaga_pemerintah",
        Label("Lembaga pemerintah", "Government body"),
        _GOVERNMENT_BODY,
    )

    @property
    def institutional(self) -> bool:
        """Whether the recipient is an institution or a community rather than the people served."""
        return self in (RecipientKind.LKS, RecipientKind.COMMUNITY, RecipientKind.GOVERNMENT_BODY)


_CYCLES = cite(
    None,
    None,
    _C,
    source="atensi-conventions",
    note="how often a periodic aid falls due is the entitlement's own term; YAPI's rate is per "
    "month (source idxchannel-2022-09-16-yapi)",
)


class CycleFrequency(CodedEnum):
    """How often a periodic aid (an entitlement) falls due: one cycle every so many months."""

    MONTHLY = "bulanan", Label("Bulanan", "Monthly"), _CYCLES
    QUARTERLY = "triwulanan", Label("Triwulanan", "Quarterly"), _CYCLES
    HALF_YEARLY = "semesteran", Label("Semesteran", "Half-yearly"), _CYCLES
    YEARLY = "tahunan", Label("Tahunan", "Yearly"), _CYCLES

    @property
    def months(self) -> int:
        """The length of one cycle in calendar months."""
        return _CYCLE_MONTHS[self.value]


class AidProgramme(CodedEnum):
    """A named aid programme with its own published terms."""

    YAPI = (
        "yapi",
        Label(
            "ATENSI Yatim, Piatu dan Yatim Piatu (YAPI)",
            "ATENSI for orphans (YAPI)",
        ),
        cite(
            None,
            None,
            _S,
            source="idxchannel-2022-09-16-yapi",
            note="a flat Rp200,000 per child per month, paid in arrears for several months at "
            "once (Rp600,000 for three); before the unification Rp300,000 for children not yet "
            "in school",
        ),
    )


_CYCLE_MONTHS = {"bulanan": 1, "triwulanan": 3, "semesteran": 6, "tahunan": 12}
