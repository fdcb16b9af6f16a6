"""Referrals and partnerships: why a case is referred, where a referral stands, what binds partners.

Referral (rujukan) is a form of social rehabilitation (PP 39/2012 Pasal 7 ayat (1) huruf k,
verified) and the networking principle (berjejaring) of the ATENSI regulations works through it;
no regulation read lists reasons or states for a referral, so these lists are atensi's
convention, each member graded so. The counterpart of a referral is an
:class:`~atensi.vocab.AgencyKind`.

Partnerships of a unit with an LKS, a community or a company are written as a memorandum of
understanding (MoU, nota kesepahaman) and, for the work itself, a cooperation agreement (PKS,
perjanjian kerja sama); the programme hands aid, such as equipment, to communities through LKS
(Kemensos releases, secondary).

>>> from atensi.vocab import ReferralStatus
>>> [s.value for s in ReferralStatus]
['dikirim', 'diterima', 'ditolak', 'selesai']
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite

__all__ = ["AgreementKind", "ReferralReason", "ReferralStatus"]

_C = Evidence.CONVENTION
_OURS = cite(
    "pp-39-2012",
    "Pasal 7 ayat (1) huruf k",
    _C,
    note="referral is a legal form of rehabilitation; the list is atensi's convention",
)


class ReferralReason(CodedEnum):
    """Why a case was referred (atensi's convention; the law lists no reasons)."""

    SERVICE_NOT_AVAILABLE = (
        "layanan_tidak_tersedia",
        Label("Layanan yang dibutuhkan tidak tersedia di unit", "Service not available here"),
        _OURS,
    )
    MEDICAL_CARE = (
        "perawatan_medis",
        Label("Perawatan atau rehabilitasi medis", "Medical care or medical rehabilitation"),
        cite(
            "uu-35-2009",
            "Pasal 54",
            Evidence.VERIFIED,
            note="addicts and victims of abuse must undergo medical and social rehabilitation",
        ),
    )
    SPECIALIST_SERVICE = (
        "layanan_khusus",
        Label("Layanan khusus klaster lain", "A specialist service of another cluster"),
        _OURS,
    )
    CLOSER_TO_HOME = (
        "dekat_domisili",
        Label("Lebih dekat dengan domisili atau keluarga", "Closer to home or family"),
        _OURS,
    )
    LEGAL_PROCESS = (
        "proses_hukum",
        Label("Proses hukum (laporan polisi, peradilan)", "Legal process"),
        _OURS,
    )
    CONTINUED_SUPPORT = (
        "dukungan_lanjutan",
        Label(
            "Jaminan, pemberdayaan atau perlindungan sosial lanjutan",
            "Continued social security, empowerment or protection",
        ),
        cite(
            "pp-39-2012",
            "Pasal 3",
            _C,
            note="the four functions of social welfare; referral between them is atensi's "
            "convention",
        ),
    )
    CAPACITY = "kapasitas_penuh", Label("Kapasitas unit penuh", "The unit is full"), _OURS
    OTHER = "lainnya", Label("Alasan lain", "Other reason"), _OURS


class ReferralStatus(CodedEnum):
    """Where a referral stands, from the dates recorded on it (atensi's convention)."""

    SENT = "dikirim", Label("Dikirim", "Sent"), _OURS
    ACCEPTED = "diterima", Label("Diterima", "Accepted"), _OURS
    DECLINED = "ditolak", Label("Ditolak", "Declined"), _OURS
    COMPLETED = "selesai", Label("Selesai", "Completed"), _OURS


_PARTNERS = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="jpnn-2021-ciungwanara",
    note="the document kinds are common Indonesian government practice; no ATENSI article "
    "names them",
)


class AgreementKind(CodedEnum):
    """The document a partnership rests on."""

    MOU = (
        "nota_kesepahaman",
        Label("Nota kesepahaman (MoU)", "Memorandum of understanding (MoU)"),
        _PARTNERS,
    )
    PKS = (
        "perjanjian_kerja_sama",
        Label("Perjanjian kerja sama (PKS)", "Cooperation agreement (PKS)"),
        _PARTNERS,
    )
