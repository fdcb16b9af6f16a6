"""What ATENSI delivers: the ten activities, the seven components, therapies, approaches.

The legal definition of the service (Permensos 7/2021 as amended by 7/2022 Pasal 1 angka 2;
Permensos 15/2025 Pasal 1 angka 4) lists **ten activities**. Kemensos groups them into **seven
components** in its programme materials (secondary evidence); the three therapies form one
component and vocational training with entrepreneurship coaching another. The approaches are
"family-based, community-based and/or residential": the "and/or" means one case may combine them.

>>> from atensi.vocab import Activity, ServiceComponent
>>> Activity.PHYSICAL_THERAPY.component is ServiceComponent.THERAPY
True
>>> [a.value for a in ServiceComponent.THERAPY.activities]
['terapi_fisik', 'terapi_psikososial', 'terapi_mental_spiritual']
"""

from __future__ import annotations

from atensi.vocab._base import Citation, CodedEnum, Evidence, Label, cite
from atensi.vocab.agencies import ServiceLine

__all__ = ["Activity", "Approach", "IndirectService", "ServiceComponent", "Therapy"]

_V = Evidence.VERIFIED
_S = Evidence.SECONDARY
_GROUPING = cite(
    None,
    None,
    _S,
    source="kemensos-2021-05-01-atensi-multilayanan",
    note="the seven-component grouping is programme practice; the law lists ten activities",
)


def _activity(number: int) -> Citation:
    return cite(
        "permensos-7-2022",
        f"Pasal 1 angka 2, kegiatan ke-{number}",
        _V,
        note="the same list in Permensos 15/2025 Pasal 1 angka 4 and (secondary) in 16/2020 "
        "and 7/2021",
    )


class ServiceComponent(CodedEnum):
    """The seven components Kemensos groups the ten ATENSI activities into."""

    DECENT_LIVING_SUPPORT = (
        "dukungan_pemenuhan_kebutuhan_hidup_layak",
        Label("Dukungan pemenuhan kebutuhan hidup layak", "Support to meet decent-living needs"),
        _GROUPING,
    )
    SOCIAL_CARE_AND_CHILD_CARE = (
        "perawatan_sosial_pengasuhan_anak",
        Label("Perawatan sosial dan/atau pengasuhan anak", "Social care and/or child care"),
        _GROUPING,
    )
    FAMILY_SUPPORT = "dukungan_keluarga", Label("Dukungan keluarga", "Family support"), _GROUPING
    THERAPY = "terapi", Label("Terapi", "Therapy"), _GROUPING
    VOCATIONAL_AND_ENTREPRENEURSHIP = (
        "pelatihan_vokasional_kewirausahaan",
        Label(
            "Pelatihan vokasional dan/atau pembinaan kewirausahaan",
            "Vocational training and/or entrepreneurship coaching",
        ),
        _GROUPING,
    )
    AID_AND_SOCIAL_ASSISTANCE = (
        "bantuan_asistensi_sosial",
        Label("Bantuan sosial dan asistensi sosial", "Aid and social assistance"),
        _GROUPING,
    )
    ACCESSIBILITY_SUPPORT = (
        "dukungan_aksesibilitas",
        Label("Dukungan aksesibilitas", "Accessibility support"),
        _GROUPING,
    )

    @property
    def activities(self) -> tuple[Activity, ...]:
        """The legal activities grouped under this component, in legal order."""
        return tuple(a for a in Activity if a.component is self)


class Activity(CodedEnum):
    """The ten activities of the legal definition of ATENSI, in legal order."""

    DECENT_LIVING_SUPPORT = (
        "dukungan_pemenuhan_kebutuhan_hidup_layak",
        ServiceComponent.DECENT_LIVING_SUPPORT.label,
        _activity(1),
    )
    SOCIAL_CARE_AND_CHILD_CARE = (
        "perawatan_sosial_pengasuhan_anak",
        ServiceComponent.SOCIAL_CARE_AND_CHILD_CARE.label,
        _activity(2),
    )
    FAMILY_SUPPORT = "dukungan_keluarga", ServiceComponent.FAMILY_SUPPORT.label, _activity(3)
    PHYSICAL_THERAPY = "terapi_fisik", Label("Terapi fisik", "Physical therapy"), _activity(4)
    PSYCHOSOCIAL_THERAPY = (
        "terapi_psikososial",
        Label("Terapi psikososial", "Psychosocial therapy"),
        _activity(5),
    )
    MENTAL_SPIRITUAL_THERAPY = (
        "terapi_mental_spiritual",
        Label("Terapi mental spiritual", "Mental and spiritual therapy"),
        _activity(6),
    )
    VOCATIONAL_TRAINING = (
        "pelatihan_vokasional",
        Label("Pelatihan vokasional", "Vocational training"),
        _activity(7),
    )
    ENTREPRENEURSHIP_COACHING = (
        "pembinaan_kewirausahaan",
        Label("Pembinaan kewirausahaan", "Entrepreneurship coaching"),
        _activity(8),
    )
    AID_AND_SOCIAL_ASSISTANCE = (
        "bantuan_asistensi_sosial",
        Label("Bantuan dan asistensi sosial", "Aid and social assistance"),
        _activity(9),
        Label(
            "Permensos 16/2020 menulis 'bantuan sosial dan asistensi sosial'; satu kegiatan.",
            "Permensos 16/2020 words it 'bantuan sosial dan asistensi sosial'; one activity.",
        ),
    )
    ACCESSIBILITY_SUPPORT = (
        "dukungan_aksesibilitas",
        ServiceComponent.ACCESSIBILITY_SUPPORT.label,
        _activity(10),
    )

    @property
    def component(self) -> ServiceComponent:
        """The component this activity is grouped under (programme practice, secondary)."""
        return _COMPONENT_OF[self]


_COMPONENT_OF: dict[Activity, ServiceComponent] = {
    Activity.DECENT_LIVING_SUPPORT: ServiceComponent.DECENT_LIVING_SUPPORT,
    Activity.SOCIAL_CARE_AND_CHILD_CARE: ServiceComponent.SOCIAL_CARE_AND_CHILD_CARE,
    Activity.FAMILY_SUPPORT: ServiceComponent.FAMILY_SUPPORT,
    Activity.PHYSICAL_THERAPY: ServiceComponent.THERAPY,
    Activity.PSYCHOSOCIAL_THERAPY: ServiceComponent.THERAPY,
    Activity.MENTAL_SPIRITUAL_THERAPY: ServiceComponent.THERAPY,
    Activity.VOCATIONAL_TRAINING: ServiceComponent.VOCATIONAL_AND_ENTREPRENEURSHIP,
    Activity.ENTREPRENEURSHIP_COACHING: ServiceComponent.VOCATIONAL_AND_ENTREPRENEURSHIP,
    Activity.AID_AND_SOCIAL_ASSISTANCE: ServiceComponent.AID_AND_SOCIAL_ASSISTANCE,
    Activity.ACCESSIBILITY_SUPPORT: ServiceComponent.ACCESSIBILITY_SUPPORT,
}


class Therapy(CodedEnum):
    """Kinds of therapy. Livelihood therapy belongs to PROGRES 5.0 NP only (before ATENSI)."""

    PHYSICAL = "fisik", Activity.PHYSICAL_THERAPY.label, _activity(4)
    PSYCHOSOCIAL = "psikososial", Activity.PSYCHOSOCIAL_THERAPY.label, _activity(5)
    MENTAL_SPIRITUAL = "mental_spiritual", Activity.MENTAL_SPIRITUAL_THERAPY.label, _activity(6)
    LIVELIHOOD = (
        "penghidupan",
        Label("Terapi penghidupan", "Livelihood therapy"),
        cite(
            None,
            None,
            _S,
            source="kemensos-2019-progres-5-0-np",
            note="not in the ATENSI definition; became vocational training and entrepreneurship",
        ),
    )

    @property
    def activity(self) -> Activity | None:
        """The ATENSI activity for this therapy, or ``None`` for livelihood therapy."""
        return {
            Therapy.PHYSICAL: Activity.PHYSICAL_THERAPY,
            Therapy.PSYCHOSOCIAL: Activity.PSYCHOSOCIAL_THERAPY,
            Therapy.MENTAL_SPIRITUAL: Activity.MENTAL_SPIRITUAL_THERAPY,
        }.get(self)


_APPROACH = cite(
    "permensos-7-2022",
    "Pasal 1 angka 2",
    _V,
    note="'berbasis keluarga, komunitas, dan/atau residensial': approaches combine",
)


class Approach(CodedEnum):
    """The approaches (pendekatan) of ATENSI; a case may combine several."""

    FAMILY_BASED = (
        "keluarga",
        Label("Berbasis keluarga", "Family-based"),
        _APPROACH,
        Label(
            "Layanan di rumah keluarga PPKS; keluarga sebagai pengasuh utama.",
            "Services in the PPKS's own family home, the family as the main carer.",
        ),
    )
    COMMUNITY_BASED = (
        "komunitas",
        Label("Berbasis komunitas", "Community-based"),
        _APPROACH,
        Label(
            "Layanan melalui LKS, IPWL, Posyandu Lansia dan kelompok masyarakat.",
            "Services through LKS, IPWL, Posyandu Lansia and community groups.",
        ),
    )
    RESIDENTIAL = (
        "residensial",
        Label("Berbasis residensial", "Residential"),
        _APPROACH,
        Label(
            "Tinggal sementara di sentra, balai, LKS atau UPTD.",
            "A time-limited stay in a centre, balai, LKS or regional unit.",
        ),
    )


_INDIRECT = cite(
    "permensos-7-2021",
    None,
    _S,
    source="gerakinklusi-permensos-7-2021",
    note="article number and exact wording not found",
)


class IndirectService(CodedEnum):
    """The seven indirect services (layanan tidak langsung) run by the directorates (7/2021)."""

    SOCIAL_CAMPAIGN = "kampanye_sosial", Label("Kampanye sosial", "Social campaign"), _INDIRECT
    TECHNICAL_GUIDANCE = (
        "bimbingan_teknis",
        Label("Bimbingan teknis", "Technical guidance"),
        _INDIRECT,
    )
    POLICY_REFLECTION = (
        "refleksi_kebijakan",
        Label("Refleksi kebijakan", "Policy reflection"),
        _INDIRECT,
    )
    SUPERVISION_MONITORING_EVALUATION_REPORTING = (
        "supervisi_monitoring_evaluasi_pelaporan",
        Label(
            "Supervisi, monitoring, evaluasi dan pelaporan",
            "Supervision, monitoring, evaluation and reporting",
        ),
        _INDIRECT,
    )
    GUIDELINE_DRAFTING = (
        "perumusan_pedoman",
        Label(
            "Perumusan pedoman umum dan pedoman operasional",
            "Drafting the general and operational guidelines",
        ),
        _INDIRECT,
    )
    TECHNICAL_COORDINATION = (
        "rapat_koordinasi_teknis",
        Label("Rapat koordinasi teknis", "Technical coordination meeting"),
        _INDIRECT,
    )
    SOCIAL_ADVOCACY = "advokasi_sosial", Label("Advokasi sosial", "Social advocacy"), _INDIRECT

    @property
    def service_line(self) -> ServiceLine:
        """Always the indirect line: the technical directorates run these services."""
        return ServiceLine.INDIRECT
