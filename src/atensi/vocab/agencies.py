"""Who does what: the two service lines of the programme and the kinds of agency a case meets.

The Rehabilitasi Sosial programme draws one line through its own work (Permensos 7/2021, as the
Ministry's releases of 2021 describe it; the article was not found, so secondary evidence):
**indirect services** (layanan tidak langsung: campaigns, technical guidance, policy reflection,
monitoring, guidelines, coordination meetings, advocacy) are run by the technical directorates
at headquarters; **direct services** (ATENSI itself) are delivered by the Ministry's technical
units (balai and loka, then Sentra), by regional units (UPTD) and by licensed social welfare
organisations (LKS). A case also meets agencies outside the programme: hospitals and
puskesmas, the institutions that receive compulsory drug-use reports (IPWL), the police,
prosecutors and courts, the juvenile-justice bodies (the Bapas, whose community counsellors
write the research reports and receive the progress reports; the LPKA and LPAS, where a child
serves a sentence or waits for trial), the National Narcotics Agency (BNN), the regional social
affairs office, other ministries.

:class:`AgencyKind` names all of them once, so a referral's counterpart, the authority behind
an order, a delivery's provider and the organiser of an activity use one vocabulary, and
:attr:`AgencyKind.service_line` tells direct from indirect service.

>>> from atensi.vocab import AgencyKind, ServiceLine
>>> AgencyKind.LKS.service_line is ServiceLine.DIRECT
True
>>> AgencyKind.DIRECTORATE.service_line is ServiceLine.INDIRECT
True
>>> AgencyKind.COURT.service_line is None
True
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite

__all__ = ["AgencyKind", "ServiceLine"]


_LINES = cite(
    "permensos-7-2021",
    None,
    Evidence.SECONDARY,
    source="acuanbersama-permensos-7-2021",
    note="the programme is indirect services by the directorates plus direct services (ATENSI) "
    "by UPT/Sentra, UPTD and LKS; the article was not found",
)
_NARCOTICS_55 = cite(
    "uu-35-2009",
    "Pasal 55 ayat (1)",
    Evidence.VERIFIED,
    note="'pusat kesehatan masyarakat, rumah sakit, dan/atau lembaga rehabilitasi medis dan "
    "rehabilitasi sosial yang ditunjuk oleh Pemerintah'",
)


class ServiceLine(CodedEnum):
    """Direct or indirect service: the line the programme draws through its own work."""

    DIRECT = (
        "layanan_langsung",
        Label("Layanan langsung (ATENSI)", "Direct service (ATENSI)"),
        _LINES,
        Label(
            "Diberikan oleh UPT/Sentra, UPTD dan LKS kepada penerima manfaat.",
            "Delivered to beneficiaries by UPT/Sentra, UPTD and LKS.",
        ),
    )
    INDIRECT = (
        "layanan_tidak_langsung",
        Label("Layanan tidak langsung", "Indirect service"),
        _LINES,
        Label(
            "Dijalankan oleh direktorat teknis di kantor pusat.",
            "Run by the technical directorates at headquarters.",
        ),
    )


class AgencyKind(CodedEnum):
    """A kind of agency a case meets: a unit of the programme, or a body outside it."""

    DIRECTORATE = (
        "direktorat_teknis",
        Label("Direktorat teknis Ditjen Rehabilitasi Sosial", "Technical directorate"),
        _LINES,
    )
    MINISTRY_UNIT = (
        "upt_kemensos",
        Label("UPT Kementerian Sosial (balai, loka, Sentra)", "Ministry unit (UPT, Sentra)"),
        cite(None, None, Evidence.SECONDARY, source="kemensos-2021-05-01-atensi-multilayanan"),
    )
    REGIONAL_UNIT = (
        "uptd",
        Label("Unit pelaksana teknis daerah (UPTD)", "Regional technical unit (UPTD)"),
        cite(None, None, Evidence.SECONDARY, source="gerakinklusi-permensos-7-2021"),
    )
    LKS = (
        "lks",
        Label("Lembaga kesejahteraan sosial (LKS)", "Social welfare organisation (LKS)"),
        cite("uu-11-2009", "Pasal 1 angka 7", Evidence.VERIFIED),
    )
    SOCIAL_AFFAIRS_OFFICE = (
        "dinas_sosial",
        Label("Dinas sosial daerah", "Regional social affairs office"),
        cite(
            "uu-21-2007",
            "Pasal 51 ayat (3)",
            Evidence.VERIFIED,
            note="'instansi yang menangani masalah-masalah kesehatan dan sosial di daerah'",
        ),
    )
    HOSPITAL = "rumah_sakit", Label("Rumah sakit", "Hospital"), _NARCOTICS_55
    PUSKESMAS = (
        "puskesmas",
        Label("Pusat kesehatan masyarakat (puskesmas)", "Community health centre (puskesmas)"),
        _NARCOTICS_55,
    )
    IPWL = (
        "ipwl",
        Label("Institusi penerima wajib lapor (IPWL)", "Compulsory-report institution (IPWL)"),
        _NARCOTICS_55,
    )
    POLICE = (
        "kepolisian",
        Label("Kepolisian", "Police"),
        cite("uu-21-2007", "Pasal 51 ayat (2)", Evidence.VERIFIED),
    )
    PROSECUTOR = (
        "kejaksaan",
        Label("Kejaksaan (penuntut umum)", "Prosecutor"),
        cite("uu-11-2012", "Pasal 1 angka 9", Evidence.VERIFIED),
    )
    COURT = (
        "pengadilan",
        Label("Pengadilan", "Court"),
        cite("uu-35-2009", "Pasal 103 ayat (1)", Evidence.VERIFIED),
    )
    BAPAS = (
        "bapas",
        Label("Balai Pemasyarakatan (Bapas)", "Community-corrections office (Bapas)"),
        cite("uu-11-2012", "Pasal 1 angka 13, 24", Evidence.VERIFIED),
        Label(
            "Pembimbing Kemasyarakatannya menyusun litmas, mengevaluasi program anak di bawah "
            "12 tahun dan menerima laporan perkembangan bulanan",
            "its community counsellors write the research report (litmas), evaluate a child "
            "under 12's programme and receive its monthly progress reports",
        ),
    )
    BNN = (
        "bnn",
        Label("Badan Narkotika Nasional (BNN)", "National Narcotics Agency (BNN)"),
        cite(
            "pp-25-2011",
            "Pasal 6 ayat (2) (penjelasan); Pasal 21 ayat (2)",
            Evidence.VERIFIED,
            note="a report made to the police or BNN is passed on to an IPWL; BNN and the social "
            "ministry supervise those who finished rehabilitation",
        ),
        Label(
            "menerima dan meneruskan wajib lapor kepada IPWL; membina dan mengawasi "
            "pascarehabilitasi",
            "receives compulsory reports and passes them on to an IPWL; supervises aftercare",
        ),
    )
    LPKA = (
        "lpka",
        Label("Lembaga Pembinaan Khusus Anak (LPKA)", "Juvenile correctional institution (LPKA)"),
        cite("uu-11-2012", "Pasal 1 angka 20", Evidence.VERIFIED),
        Label("tempat Anak menjalani masa pidananya", "where a child serves a sentence"),
    )
    LPAS = (
        "lpas",
        Label(
            "Lembaga Penempatan Anak Sementara (LPAS)", "Temporary placement for children (LPAS)"
        ),
        cite("uu-11-2012", "Pasal 1 angka 21; Pasal 33 ayat (4)", Evidence.VERIFIED),
        Label(
            "tempat sementara bagi Anak selama proses peradilan (penahanan)",
            "where a child stays while the case is tried (detention)",
        ),
    )
    OTHER_MINISTRY = (
        "kementerian_lembaga_lain",
        Label("Kementerian atau lembaga lain", "Another ministry or agency"),
        cite(
            "permensos-15-2025",
            "Pasal 4 ayat (1) huruf j",
            Evidence.CONVENTION,
            note="the 'integratif' principle joins other sectors; as a kind of counterpart, "
            "atensi's convention",
        ),
    )
    OTHER = (
        "lainnya",
        Label("Lainnya", "Other"),
        cite(
            None,
            None,
            Evidence.CONVENTION,
            source="atensi-conventions",
            note="an agency of no kind listed here",
        ),
    )

    @property
    def service_line(self) -> ServiceLine | None:
        """The programme's line this agency works on, or ``None`` outside the programme."""
        return _LINE_OF.get(self)


_LINE_OF: dict[AgencyKind, ServiceLine] = {
    AgencyKind.DIRECTORATE: ServiceLine.INDIRECT,
    AgencyKind.MINISTRY_UNIT: ServiceLine.DIRECT,
    AgencyKind.REGIONAL_UNIT: ServiceLine.DIRECT,
    AgencyKind.LKS: ServiceLine.DIRECT,
}
