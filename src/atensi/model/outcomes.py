"""What a case achieved: the outcome at termination and the follow-ups of aftercare.

The evaluation of the programme runs from input to impact (the Directorate General's framing at
the December 2020 Rakornas, secondary; Permensos 15/2025 Pasal 4 requires case management so
that *outcome and impact* can be evaluated, verified). A report can only measure what a case
records, so the outcome and the follow-ups are typed fields, each tri-state: ``True``, ``False``
or ``None`` for "not recorded", which a report counts as missing, never as "no".

* :class:`CaseOutcome`, on :class:`~atensi.model.Termination`: whether social functioning
  improved, whether the person was reintegrated with their family, whether they earn an
  independent income. It is recorded at or after termination, never before
  (``termination.outcome_before_termination``).
* :class:`FollowUp`, on :class:`~atensi.model.Case` (``followups``): aftercare (bimbingan lanjut,
  PP 39/2012 Pasal 7 ayat (2) huruf g, verified) at a point some months after termination (6 and
  12 by atensi's convention), with what it found. A follow-up needs a termination and comes on
  or after it (``case.followup_without_termination``, ``case.followup_before_termination``).

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import CaseOutcome, Termination
>>> from atensi.vocab import TerminationReason
>>> try:
...     Termination(on=dt.date(2024, 5, 2), reason=TerminationReason.GOALS_MET,
...                 outcome=CaseOutcome(recorded_on=dt.date(2024, 5, 1)))
... except atensi.InvalidRecord as err:
...     print(err.errors[0].loc, err.errors[0].code)
('outcome', 'recorded_on') termination.outcome_before_termination
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from atensi.model._fields import LIMITS, Entity, Sensitivity, field
from atensi.vocab import Citation, Evidence, cite

__all__ = ["CaseOutcome", "FollowUp"]

_LONG = LIMITS["long_text"]
_FUNCTIONING = cite("permensos-15-2025", "Pasal 1 angka 3", Evidence.VERIFIED)
_REINTEGRATION = cite(
    "pp-39-2012",
    "Pasal 7 ayat (2) huruf e",
    Evidence.CONVENTION,
    note="resocialisation prepares the return to family and community (verified stage); "
    "recording reintegration as an outcome is atensi's convention",
)
_INCOME = cite(
    "permensos-15-2025",
    "Pasal 34 ayat (4)",
    Evidence.CONVENTION,
    note="independent income at the regional minimum wage ends a Sentra Kreasi service "
    "(verified); as an outcome of every case, atensi's convention",
)
_AFTERCARE = cite("pp-39-2012", "Pasal 7 ayat (2) huruf g", Evidence.VERIFIED)


def _found(en: str, id_: str, sensitivity: Sensitivity, citation: Citation) -> Any:
    """A tri-state finding of an outcome or follow-up: yes, no, or not recorded (``None``)."""
    return field(en=en, id=id_, sensitivity=sensitivity, default=None, citation=citation)


def _income() -> Any:
    return _found(
        "Earns an independent income", "Berpenghasilan mandiri", Sensitivity.FINANCIAL, _INCOME
    )


def _note() -> Any:
    return field(
        en="Note", id="Catatan", sensitivity=Sensitivity.HEALTH, default=None, max_length=_LONG
    )


@attrs.frozen(slots=True)
class CaseOutcome(Entity):
    """The outcome of a case as recorded at termination (hasil pada terminasi)."""

    recorded_on: dt.date = field(
        en="Date the outcome was recorded (at or after termination)",
        id="Tanggal hasil dicatat (pada atau setelah terminasi)",
    )
    functioning_improved: bool | None = _found(
        "Social functioning improved (keberfungsian sosial membaik)",
        "Keberfungsian sosial membaik",
        Sensitivity.HEALTH,
        _FUNCTIONING,
    )
    reintegrated_with_family: bool | None = _found(
        "Reintegrated with family (kembali ke keluarga)",
        "Kembali dan diterima keluarga",
        Sensitivity.GENERAL,
        _REINTEGRATION,
    )
    independent_income: bool | None = _income()
    note: str | None = _note()


@attrs.frozen(slots=True)
class FollowUp(Entity):
    """An aftercare follow-up (bimbingan lanjut) some months after termination."""

    on: dt.date = field(en="Date of the follow-up", id="Tanggal bimbingan lanjut")
    months_after: int = field(
        en="The point it answers, in months after termination (6, 12 ...)",
        id="Titik yang dijawab, dalam bulan setelah terminasi (6, 12 ...)",
        minimum=1,
        maximum=120,
        citation=_AFTERCARE,
    )
    functioning_maintained: bool | None = _found(
        "Social functioning maintained",
        "Keberfungsian sosial terjaga",
        Sensitivity.HEALTH,
        _FUNCTIONING,
    )
    living_with_family: bool | None = _found(
        "Living with family", "Tinggal bersama keluarga", Sensitivity.GENERAL, _REINTEGRATION
    )
    independent_income: bool | None = _income()
    note: str | None = _note()
