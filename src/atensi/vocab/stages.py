"""Case stages and termination reasons.

The legal stage list is PP 39/2012 Pasal 7 ayat (2): seven stages, in this order. No ATENSI
regulation lists its own stages (Permensos 15/2025 Pasal 4 ayat (4) only requires the stages to
be run "through case management"), so atensi keeps the PP 39/2012 order and adds three states
the reference's case-management practice needs: evaluation, referral and early termination. The
citation of each added state says it is atensi's convention.

>>> from atensi.vocab import CaseStage
>>> [s.value for s in CaseStage.legal_order()][:3]
['pendekatan_awal', 'asesmen', 'rencana_intervensi']
>>> CaseStage.REFERRAL.citation.evidence.value
'convention'
"""

from __future__ import annotations

from atensi.vocab._base import Citation, CodedEnum, Evidence, Label, cite

__all__ = ["CaseStage", "TerminationReason"]


def _stage(letter: str) -> Citation:
    return cite("pp-39-2012", f"Pasal 7 ayat (2) huruf {letter}", Evidence.VERIFIED, None)


class CaseStage(CodedEnum):
    """A stage of a social rehabilitation case."""

    INITIAL_APPROACH = (
        "pendekatan_awal",
        Label("Pendekatan awal", "Initial approach"),
        _stage("a"),
        Label(
            "Penjangkauan atau rujukan masuk, skrining, seleksi, persetujuan, registrasi.",
            "Outreach or referral in, screening, selection, consent, registration.",
        ),
    )
    ASSESSMENT = (
        "asesmen",
        Label("Pengungkapan dan pemahaman masalah (asesmen)", "Assessment"),
        _stage("b"),
        Label(
            "Prasyarat setiap intervensi dan bantuan.",
            "A prerequisite of any intervention or aid.",
        ),
    )
    PLANNING = (
        "rencana_intervensi",
        Label("Penyusunan rencana pemecahan masalah", "Intervention planning"),
        _stage("c"),
    )
    INTERVENTION = (
        "intervensi",
        Label("Pemecahan masalah (intervensi)", "Intervention"),
        _stage("d"),
    )
    RESOCIALISATION = "resosialisasi", Label("Resosialisasi", "Resocialisation"), _stage("e")
    TERMINATION = "terminasi", Label("Terminasi", "Termination"), _stage("f")
    AFTERCARE = "bimbingan_lanjut", Label("Bimbingan lanjut", "Aftercare"), _stage("g")
    EVALUATION = (
        "evaluasi",
        Label("Evaluasi", "Evaluation"),
        cite(
            "permensos-15-2025",
            "Pasal 4 ayat (4)",
            Evidence.CONVENTION,
            note="the 'sistematik' principle requires evaluable outcomes; as a stage, atensi's "
            "convention",
        ),
    )
    REFERRAL = (
        "rujukan",
        Label("Rujukan", "Referral"),
        cite(
            "pp-39-2012",
            "Pasal 7 ayat (1) huruf k",
            Evidence.CONVENTION,
            note="a form (bentuk) of rehabilitation in law; a stage reachable from any stage by "
            "atensi's convention",
        ),
    )
    EARLY_TERMINATION = (
        "terminasi_dini",
        Label("Terminasi dini", "Early termination"),
        cite(
            None,
            None,
            Evidence.CONVENTION,
            source="atensi-conventions",
            note="withdrawal, death or transfer before the plan is complete; needs a reason",
        ),
    )

    @classmethod
    def legal_order(cls) -> tuple[CaseStage, ...]:
        """The seven stages of PP 39/2012 Pasal 7 ayat (2), in legal order."""
        return (
            cls.INITIAL_APPROACH,
            cls.ASSESSMENT,
            cls.PLANNING,
            cls.INTERVENTION,
            cls.RESOCIALISATION,
            cls.TERMINATION,
            cls.AFTERCARE,
        )


_TERMINATION = cite(None, None, Evidence.CONVENTION, source="perda-ntb-4-2022")


class TerminationReason(CodedEnum):
    """Why a case was closed (terminated)."""

    GOALS_MET = "tujuan_tercapai", Label("Tujuan tercapai", "Goals met"), _TERMINATION
    REFERRED_OUT = "dirujuk", Label("Dirujuk ke layanan lain", "Referred out"), _TERMINATION
    INDEPENDENT_INCOME = (
        "penghasilan_mandiri",
        Label(
            "Berpenghasilan mandiri paling sedikit upah minimum regional",
            "Earns independently at least the regional minimum wage",
        ),
        cite("permensos-15-2025", "Pasal 34 ayat (4)", Evidence.VERIFIED),
    )
    SOCIAL_WORKER_EVALUATION = (
        "evaluasi_pekerja_sosial",
        Label("Hasil evaluasi berkala pekerja sosial", "Periodic evaluation by a social worker"),
        cite("permensos-15-2025", "Pasal 34 ayat (4)", Evidence.VERIFIED),
    )
    WITHDRAWAL = "mengundurkan_diri", Label("Mengundurkan diri", "Withdrew"), _TERMINATION
    DEATH = "meninggal_dunia", Label("Meninggal dunia", "Died"), _TERMINATION
    TRANSFER = "pindah", Label("Pindah domisili atau layanan", "Moved away"), _TERMINATION
    OTHER = "lainnya", Label("Alasan lain", "Other reason"), _TERMINATION
    NOT_ELIGIBLE_AT_SELECTION = (
        "tidak_memenuhi_kriteria",
        Label(
            "Tidak memenuhi kriteria pada seleksi",
            "Did not meet the criteria at selection",
        ),
        cite(
            None,
            None,
            Evidence.SECONDARY,
            source="perda-ntb-4-2022",
            note="a reason of the initial approach or the assessment, before any intervention",
        ),
    )

    @property
    def sentra_kreasi_only(self) -> bool:
        """Whether the reason is a Sentra Kreasi exit rule (Permensos 15/2025 Pasal 34)."""
        return self in (
            TerminationReason.INDEPENDENT_INCOME,
            TerminationReason.SOCIAL_WORKER_EVALUATION,
        )
