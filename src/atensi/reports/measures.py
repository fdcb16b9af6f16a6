"""The evaluation framework as data: input, process, output, outcome and impact measures.

The Directorate General frames its evaluation from input to impact (secondary, source
``faktapers-2020-12-11-atensi``;
:class:`~atensi.vocab.EvaluationLevel`), but **no official list of measures was found**. Every
measure below is atensi's convention (``evidence`` is ``convention`` for each); its
``citation`` names what the measure rests on where a source says what is measured (certified
social workers, the stages, the definition of a PM, social functioning), graded on its own.

A measure is one of four units:

* ``count``: a whole number (with a ``breakdown`` by code where one helps);
* ``share``: a fraction of the records *that hold the data*: ``value = numerator /
  denominator``, where the denominator counts only records with the fact recorded (``True`` or
  ``False``), never those without;
* ``days``: the median number of days between two dated events (``breakdown`` holds the mean,
  the least, the most and how many);
* ``rupiah``: a sum of whole rupiah (``breakdown`` by funding channel).

Every value comes with its **coverage**: ``in_scope`` records the measure looked at, and
``with_data`` of them that held the data. Where none did, the value is ``None`` ("no data"),
never 0.

>>> from atensi.reports.measures import MEASURES
>>> [m.id for m in MEASURES if m.level.value == "dampak"][:2]
['im.functioning_maintained_6m', 'im.living_with_family_6m']
>>> {m.evidence.value for m in MEASURES}
{'convention'}
"""

from __future__ import annotations

from typing import NamedTuple

from atensi.reports.aftercare import SCHEDULE
from atensi.vocab import Citation, EvaluationLevel, Evidence, Label, cite

__all__ = ["MEASURES", "MEASURE_IDS", "UNITS", "Measure"]

#: The units a measure may have.
UNITS = ("count", "share", "days", "rupiah")

_L = EvaluationLevel


class Measure(NamedTuple):
    """The definition of one evaluation measure (data, not code).

    Attributes:
        id: the stable id (``oc.functioning_improved``).
        level: input, process, output, outcome or impact.
        label: Indonesian and English names.
        formula: how it is computed, in words.
        unit: ``count``, ``share``, ``days`` or ``rupiah``.
        evidence: how well the *measure* is established (``convention`` for all of them).
        citation: what it rests on, graded on its own, where a source names it.
    """

    id: str
    level: EvaluationLevel
    label: Label
    formula: str
    unit: str
    evidence: Evidence = Evidence.CONVENTION
    citation: Citation | None = None


def _m(
    id_: str,
    level: EvaluationLevel,
    label_id: str,
    en: str,
    formula: str,
    unit: str,
    citation: Citation | None = None,
) -> Measure:
    return Measure(id_, level, Label(label_id, en), formula, unit, Evidence.CONVENTION, citation)


_CERTIFIED = cite("pp-39-2012", "Pasal 8", Evidence.VERIFIED)
_STAGES = cite("pp-39-2012", "Pasal 7 ayat (2)", Evidence.VERIFIED)
_ENTRY = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="tribunnews-2023-12-22-atensi",
)
_PM = cite("permensos-15-2025", "Pasal 1 angka 7", Evidence.VERIFIED)
_FUNCTIONING = cite("permensos-15-2025", "Pasal 1 angka 3", Evidence.VERIFIED)
_AFTERCARE = cite(
    "pp-39-2012",
    "Pasal 7 ayat (2) huruf g",
    Evidence.VERIFIED,
    note="aftercare is a stage (verified); the 6- and 12-month points are atensi's convention",
)
_CHANNELS = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="pedop-atensi-pd-2022",
)

_FOLLOW_UP_FIELDS = (
    ("functioning_maintained", "keberfungsian sosial terjaga", "social functioning maintained"),
    ("living_with_family", "tinggal bersama keluarga", "living with family"),
    ("independent_income", "berpenghasilan mandiri", "earning an independent income"),
)


def _impact() -> tuple[Measure, ...]:
    out = []
    for months in SCHEDULE:
        for name, id_text, en in _FOLLOW_UP_FIELDS:
            out.append(
                _m(
                    f"im.{name}_{months}m",
                    _L.IMPACT,
                    f"{id_text.capitalize()} {months} bulan setelah terminasi",
                    f"{en.capitalize()} {months} months after termination",
                    f"follow-ups at the {months}-month point whose due day (termination + "
                    f"{months} months) falls in the period and that record whether {en}: those "
                    f"that say yes / those that record it (cases closed by death excluded)",
                    "share",
                    _AFTERCARE,
                )
            )
    return tuple(out)


#: Every measure, by level (input, process, output, outcome, impact).
MEASURES: tuple[Measure, ...] = (
    _m(
        "in.budget_idr",
        _L.INPUT,
        "Anggaran tersalur menurut jalur pendanaan",
        "Aid paid, by funding channel",
        "cash amounts plus the recorded value of items in kind, of deliveries starting in the "
        "period and aid handed over under partnerships in it, whose funding is recorded; by "
        "channel (items without a value are not counted: see the coverage)",
        "rupiah",
        _CHANNELS,
    ),
    _m(
        "in.certified_social_workers",
        _L.INPUT,
        "Pekerja sosial bersertifikat",
        "Certified social workers",
        "staff records marked as certified social workers (each staff list given once)",
        "count",
        _CERTIFIED,
    ),
    _m(
        "in.serving_units",
        _L.INPUT,
        "Unit pelaksana",
        "Serving units",
        "distinct units of the cases open during the period",
        "count",
    ),
    _m(
        "in.residential_places",
        _L.INPUT,
        "Daya tampung residensial",
        "Residential places",
        "residential places (beds) of the serving units, from the unit registry given",
        "count",
    ),
    _m(
        "pr.days_contact_to_assessment",
        _L.PROCESS,
        "Hari dari kontak pertama sampai asesmen",
        "Days from first contact to assessment",
        "for cases opened in the period: days from the opening (first contact) to the first "
        "assessment (or assessment stage), median",
        "days",
        _ENTRY,
    ),
    _m(
        "pr.days_assessment_to_plan",
        _L.PROCESS,
        "Hari dari asesmen sampai rencana intervensi",
        "Days from assessment to plan",
        "for cases opened in the period: days from the first assessment to the plan (or the "
        "planning stage), median",
        "days",
        _STAGES,
    ),
    _m(
        "pr.complete_stage_history",
        _L.PROCESS,
        "Kelengkapan tahapan kasus yang selesai",
        "Stage completeness of closed cases",
        "cases terminated in the period whose history holds every stage of assessment, "
        "planning and intervention up to the furthest they reached, and the closing / cases "
        "terminated in the period",
        "share",
        _STAGES,
    ),
    _m(
        "pr.case_conferences",
        _L.PROCESS,
        "Temu bahas kasus",
        "Case conferences held",
        "case-conference events dated in the period, on cases open during it (data: the cases "
        "that record any practice event)",
        "count",
    ),
    _m(
        "pr.followups_done",
        _L.PROCESS,
        "Bimbingan lanjut terlaksana",
        "Follow-ups done",
        "follow-up points (6 and 12 months after termination) falling due in the period with a "
        "follow-up recorded for the point / points falling due (deaths excluded)",
        "share",
        _AFTERCARE,
    ),
    _m(
        "out.pm_served",
        _L.OUTPUT,
        "Penerima manfaat yang dilayani",
        "Beneficiaries (PM) served",
        "distinct PM with a delivery overlapping the period, by kind (as the totals count them)",
        "count",
        _PM,
    ),
    _m(
        "out.deliveries_by_component",
        _L.OUTPUT,
        "Layanan menurut komponen",
        "Deliveries by component",
        "deliveries starting in the period, by service component",
        "count",
    ),
    _m(
        "out.deliveries_by_practice",
        _L.OUTPUT,
        "Layanan menurut praktik pekerjaan sosial",
        "Deliveries by practice",
        "deliveries starting in the period that name a practice, and case events in the "
        "period, by practice (data: deliveries naming a practice, and events)",
        "count",
    ),
    _m(
        "oc.functioning_improved",
        _L.OUTCOME,
        "Keberfungsian sosial membaik pada terminasi",
        "Social functioning improved at termination",
        "cases terminated in the period whose outcome records an improvement / those whose "
        "outcome records it either way (deaths excluded)",
        "share",
        _FUNCTIONING,
    ),
    _m(
        "oc.reintegrated_with_family",
        _L.OUTCOME,
        "Kembali ke keluarga pada terminasi",
        "Reintegrated with family at termination",
        "cases terminated in the period whose outcome records reintegration / those that "
        "record it either way (deaths excluded)",
        "share",
    ),
    _m(
        "oc.independent_income",
        _L.OUTCOME,
        "Berpenghasilan mandiri pada terminasi",
        "Independent income at termination",
        "cases terminated in the period whose outcome records an independent income / those "
        "that record it either way (deaths excluded)",
        "share",
    ),
    *_impact(),
)
MEASURE_IDS: frozenset[str] = frozenset(m.id for m in MEASURES)
