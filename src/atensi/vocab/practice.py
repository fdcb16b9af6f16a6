"""The professional practices of social work in the programme: what a social worker does.

The programme's own statements name the practices social workers carry out in balai, Sentra and
LKS: outreaching, tracing, home visit, family mediation, family support, family preservation,
family reunification or reintegration, community development, awareness raising and social
campaigns (the Director General's words at the Rehabilitasi Sosial coordination meeting of
11 March 2020, in the Ministry's release of that day; secondary evidence: no regulation lists
them). Case work adds four more: the case conference (temu bahas kasus), the emergency case
response (respons kasus), the rapid assessment and the family support meeting.

None of these is a legal term of an ATENSI regulation. The English names are the programme's;
where the Indonesian label is atensi's rendering, the citation says so (``convention``). Two are
anchored in statute: the rapid assessment of a disaster (UU 24/2007 Pasal 48 huruf a, "pengkajian
secara cepat dan tepat") and the first aid a trafficking victim must get within seven days
(UU 21/2007 Pasal 53), which is what a case response is for.

A delivery (:class:`atensi.model.ServiceDelivery`) or a case event
(:class:`atensi.model.CaseEvent`) records which practice it was, and the policy report counts
them (``pol.reach.practices``).

>>> from atensi.vocab import Practice, ServiceLine
>>> Practice.HOME_VISIT.value, Practice.HOME_VISIT.label.en
('kunjungan_rumah', 'Home visit')
>>> Practice.SOCIAL_CAMPAIGN.service_line is ServiceLine.INDIRECT
True
>>> sorted(p.value for p in Practice if p.before_assessment)
['asesmen_cepat', 'respons_kasus']
"""

from __future__ import annotations

from atensi.vocab._base import Citation, CodedEnum, Evidence, Label, cite
from atensi.vocab.agencies import ServiceLine

__all__ = ["Practice"]

_S = Evidence.SECONDARY
_C = Evidence.CONVENTION


def _named(
    note: str | None = None, also: str = "", source: str = "kemensos-2020-03-11-rakor-rehsos"
) -> Citation:
    """A practice named by the programme (secondary); ``note`` says where the label is ours.

    ``also`` names other releases that show the practice in use (they go into the note).
    """
    if also:
        note = f"{note}; also {also}" if note else f"also {also}"
    return cite(None, None, _S, source=source, note=note)


_OURS = "the programme names it in English; the Indonesian label is atensi's rendering"


class Practice(CodedEnum):
    """A professional practice of social work, as the programme names it."""

    OUTREACH = (
        "penjangkauan",
        Label("Penjangkauan", "Outreaching"),
        _named(
            also="the initial approach of a regional regulation's stage content (perda-ntb-4-2022)"
        ),
        Label(
            "Menemukan dan mendekati PPKS di tempatnya (jalan, rumah, komunitas).",
            "Finding and approaching people in need where they are.",
        ),
    )
    FAMILY_TRACING = (
        "penelusuran_keluarga",
        Label("Penelusuran keluarga", "Tracing"),
        _named(_OURS),
        Label(
            "Mencari keluarga atau kerabat PPKS yang terpisah.",
            "Searching for the family or relatives of a separated person.",
        ),
    )
    HOME_VISIT = (
        "kunjungan_rumah",
        Label("Kunjungan rumah", "Home visit"),
        _named(
            also="Ministry releases on LRSAMPK Darussa'adah, 6 Nov 2018, and BRSAMPK "
            "Paramita, 18 Oct 2019"
        ),
    )
    FAMILY_MEDIATION = (
        "mediasi_keluarga",
        Label("Mediasi keluarga", "Family mediation"),
        _named(_OURS),
    )
    FAMILY_SUPPORT = (
        "dukungan_keluarga",
        Label("Dukungan keluarga", "Family support"),
        _named(note="the same words name an ATENSI component (ServiceComponent.FAMILY_SUPPORT)"),
    )
    FAMILY_PRESERVATION = (
        "preservasi_keluarga",
        Label("Preservasi keluarga", "Family preservation"),
        _named(_OURS),
    )
    FAMILY_REUNIFICATION = (
        "reunifikasi_keluarga",
        Label("Reunifikasi dan reintegrasi keluarga", "Family reunification or reintegration"),
        _named(
            also="Ministry releases on BRSAMPK Paramita, 18 Oct 2019, and Balai Handayani, "
            "12 Jul 2021"
        ),
    )
    COMMUNITY_DEVELOPMENT = (
        "pengembangan_masyarakat",
        Label("Pengembangan masyarakat", "Community development"),
        _named(_OURS),
    )
    AWARENESS_RAISING = (
        "peningkatan_kesadaran",
        Label("Peningkatan kesadaran masyarakat", "Awareness raising"),
        _named(_OURS),
    )
    SOCIAL_CAMPAIGN = (
        "kampanye_sosial",
        Label("Kampanye sosial", "Social campaign"),
        _named(note="also an indirect service of Permensos 7/2021 (IndirectService)"),
    )
    CASE_CONFERENCE = (
        "temu_bahas_kasus",
        Label("Temu bahas kasus", "Case conference"),
        _named(
            note="the term is atensi's choice among 'temu bahas kasus' and 'pembahasan kasus'",
            source="kemensos-2021-07-12-handayani",
        ),
    )
    CASE_RESPONSE = (
        "respons_kasus",
        Label("Respons kasus (tanggap darurat)", "Emergency case response"),
        _named(
            source="kemensos-2022-06-22-fgd-respons-kasus",
            note="the duty it serves for trafficking victims is law: first aid at the latest "
            "7 days after the application (UU 21/2007 Pasal 53)",
        ),
    )
    RAPID_ASSESSMENT = (
        "asesmen_cepat",
        Label("Asesmen cepat", "Rapid assessment"),
        cite(
            "uu-24-2007",
            "Pasal 48 huruf a",
            Evidence.VERIFIED,
            note="'pengkajian secara cepat dan tepat' in a disaster emergency; its use for "
            "other emergencies is practice (secondary)",
        ),
    )
    FAMILY_SUPPORT_MEETING = (
        "pertemuan_dukungan_keluarga",
        Label("Pertemuan dukungan keluarga", "Family support meeting"),
        cite(
            None,
            None,
            _C,
            source="atensi-conventions",
            note="named in atensi's design of case work; no public source was found",
        ),
    )

    @property
    def service_line(self) -> ServiceLine:
        """Direct service (with a beneficiary) or indirect (campaigns, awareness)."""
        return ServiceLine.INDIRECT if self in _INDIRECT else ServiceLine.DIRECT

    @property
    def before_assessment(self) -> bool:
        """Whether the practice may come before a full assessment (an emergency exception)."""
        return self in _EMERGENCY


_INDIRECT = frozenset({Practice.AWARENESS_RAISING, Practice.SOCIAL_CAMPAIGN})
_EMERGENCY = frozenset({Practice.CASE_RESPONSE, Practice.RAPID_ASSESSMENT})
