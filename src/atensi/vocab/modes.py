"""How a person comes to rehabilitation: the intervention mode, its legal basis, and consent.

PP 39/2012 Pasal 5 ayat (1) (verified; UU 11/2009 Pasal 7 ayat (2) says the same) lets social
rehabilitation be carried out **persuasively** (ajakan, anjuran, bujukan: persuading someone to be
willing), **motivationally** (encouragement and reward, so that someone is moved to it of their own
accord) or **coercively** (tindakan pemaksaan; the elucidation of ayat (4): action "in certain
conditions and not of one's own will", with regard to human rights, e.g. by public-order action,
discipline or educational sanctions).

The first two rest on the person's own agreement; coercion does not, and atensi asks for its
legal basis. The basis is usually an order:

* a child in conflict with the law may be placed at an LPKS by a court's measure (UU 11/2012
  Pasal 82 ayat (1) huruf d, at most one year), by the decision of investigator, community
  counsellor and social worker for a child under twelve, confirmed by the court (Pasal 21, at
  most six months, extendable once by six), or by a diversion agreement (Pasal 10 ayat (2) huruf
  d, Pasal 11 huruf c, at most three months);
* an addict may be ordered into rehabilitation by the judge (UU 35/2009 Pasal 103 ayat (1)), or
  placed there by the investigator, prosecutor or judge while the case is tried (PP 25/2011
  Pasal 13, read only as quoted by later regulations: secondary).

atensi keeps a fourth mode, **ordered** (atas perintah), for coercion whose basis is such an
order: the order replaces the person's consent (its convention, graded so).

>>> from atensi.vocab import InterventionMode, LegalBasisKind
>>> InterventionMode.PERSUASIVE.voluntary, InterventionMode.COERCIVE.voluntary
(True, False)
>>> LegalBasisKind.SPPA_MEASURE.limit_months, LegalBasisKind.NARCOTICS_ORDER.limit_months
(12, None)
"""

from __future__ import annotations

from atensi.vocab._base import Citation, CodedEnum, Evidence, Label, cite

__all__ = ["ConsentGiver", "InterventionMode", "LegalBasisKind"]

_V = Evidence.VERIFIED
_S = Evidence.SECONDARY
_C = Evidence.CONVENTION


def _pp39(ayat: int, note: str) -> Citation:
    return cite("pp-39-2012", f"Pasal 5 ayat ({ayat})", _V, note=note)


class InterventionMode(CodedEnum):
    """How rehabilitation is carried out (PP 39/2012 Pasal 5), and atensi's 'ordered' mode."""

    PERSUASIVE = (
        "persuasif",
        Label("Persuasif", "Persuasive"),
        _pp39(2, "ajakan, anjuran, dan bujukan; also UU 11/2009 Pasal 7 ayat (2)"),
    )
    MOTIVATIONAL = (
        "motivatif",
        Label("Motivatif", "Motivational"),
        _pp39(3, "dorongan, pemberian semangat, pujian, dan/atau penghargaan"),
    )
    COERCIVE = (
        "koersif",
        Label("Koersif", "Coercive"),
        _pp39(
            4,
            "tindakan pemaksaan; the elucidation: in certain conditions, not of one's own "
            "will, with regard to human rights",
        ),
    )
    ORDERED = (
        "atas_perintah",
        Label("Atas perintah pengadilan atau pejabat berwenang", "Ordered by a court or authority"),
        cite(
            None,
            None,
            _C,
            source="atensi-conventions",
            note="atensi's own mode: coercion whose legal basis is an order (UU 11/2012 "
            "Pasal 21, 82; UU 35/2009 Pasal 103); the order replaces the person's consent",
        ),
    )

    @property
    def voluntary(self) -> bool:
        """Whether the mode rests on the person's own agreement (persuasive, motivational)."""
        return self in (InterventionMode.PERSUASIVE, InterventionMode.MOTIVATIONAL)


class LegalBasisKind(CodedEnum):
    """The kind of order or agreement that is the legal basis of a non-voluntary intervention."""

    SPPA_MEASURE = (
        "tindakan_perawatan_lpks",
        Label(
            "Tindakan perawatan di LPKS (putusan pengadilan anak)", "Court measure: care at an LPKS"
        ),
        cite(
            "uu-11-2012",
            "Pasal 82 ayat (1) huruf d",
            _V,
            note="at most one year (ayat (2))",
        ),
    )
    SPPA_UNDER_TWELVE = (
        "keputusan_anak_belum_12",
        Label(
            "Keputusan untuk anak belum berumur 12 tahun (program di LPKS)",
            "Decision for a child under twelve (programme at an LPKS)",
        ),
        cite(
            "uu-11-2012",
            "Pasal 21 ayat (1) huruf b",
            _V,
            note="decided by investigator, community counsellor and social worker, confirmed "
            "by the court within 3 days (ayat (2)); at most six months, extendable once by at "
            "most six after the Bapas evaluation (ayat (4))",
        ),
    )
    SPPA_DIVERSION = (
        "kesepakatan_diversi",
        Label("Kesepakatan diversi (pendidikan atau pelatihan di LPKS)", "Diversion agreement"),
        cite(
            "uu-11-2012",
            "Pasal 10 ayat (2) huruf d",
            _V,
            note="also Pasal 11 huruf c; at most three months; the agreement needs the "
            "willingness of the child and the family (Pasal 9 ayat (2))",
        ),
    )
    NARCOTICS_ORDER = (
        "putusan_penetapan_rehabilitasi",
        Label(
            "Putusan atau penetapan hakim untuk menjalani rehabilitasi (narkotika)",
            "Judge's order to undergo rehabilitation (narcotics)",
        ),
        cite(
            "uu-35-2009",
            "Pasal 103 ayat (1)",
            _V,
        ),
    )
    NARCOTICS_PLACEMENT = (
        "penempatan_proses_peradilan",
        Label(
            "Penempatan oleh penyidik, penuntut umum atau hakim selama proses peradilan",
            "Placement by investigator, prosecutor or judge while the case is tried",
        ),
        cite(
            "pp-25-2011",
            "Pasal 13",
            _S,
            source="perka-bnn-11-2014",
            note="the PP's own text was not read; the Peraturan Bersama of 2014 (seven "
            "agencies, incl. the Minister of Social Affairs) sets the procedure",
        ),
    )
    OTHER_ORDER = (
        "perintah_lain",
        Label("Perintah atau dasar hukum lain", "Another order or legal basis"),
        cite(
            None,
            None,
            _C,
            source="atensi-conventions",
            note="e.g. a regional regulation on public order; always reviewed",
        ),
    )

    @property
    def limit_months(self) -> int | None:
        """The longest the law lets the order last, in months, where it sets a limit."""
        return _LIMIT.get(self)


_LIMIT = {
    LegalBasisKind.SPPA_MEASURE: 12,
    LegalBasisKind.SPPA_UNDER_TWELVE: 6,
    LegalBasisKind.SPPA_DIVERSION: 3,
}


class ConsentGiver(CodedEnum):
    """Who gave the consent recorded for a case."""

    SUBJECT = (
        "subjek",
        Label("Subjek sendiri", "The subject personally"),
        cite(
            None,
            None,
            _S,
            source="perda-ntb-4-2022",
        ),
    )
    PARENT = (
        "orang_tua",
        Label("Orang tua", "Parent"),
        cite(
            "uu-23-2002",
            "Pasal 26 ayat (1)",
            _V,
            note="parents care for and protect the child",
        ),
    )
    GUARDIAN = (
        "wali",
        Label("Wali", "Guardian"),
        cite(
            "uu-11-2012",
            "Pasal 1 angka 17",
            _V,
            note="also UU 23/2002 Pasal 33-34: a guardian appointed by the court represents "
            "the child",
        ),
    )
    REPRESENTATIVE = (
        "perwakilan",
        Label(
            "Perwakilan keluarga, kelompok atau komunitas",
            "Representative of the family, group or community",
        ),
        cite(
            None, None, _C, source="atensi-conventions", note="for a subject that is not one person"
        ),
    )
