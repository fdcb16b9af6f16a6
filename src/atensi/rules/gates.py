"""The welfare-data gates of aid, answered once for the services and the funding checks.

From 2021 ATENSI aid went to people listed in DTKS; from 2025 the programme targets DTSEN
welfare deciles 1 to 5 (both practice, secondary: :class:`atensi.law.DataGate`). The gates
concern **aid**, never whether a person is a target of rehabilitation or protection (UU 35/2014
Pasal 59A ties only social aid, huruf c, to a poor family). Outside a gate, or with the registry
status not recorded, the aid needs review; the gate never says no.

>>> from atensi.law import instrument_in_force
>>> import datetime as dt
>>> (gate,) = instrument_in_force(dt.date(2026, 1, 1)).gates_on(dt.date(2026, 1, 1))
>>> gate_answer(gate, decile=7, listed=None)[0].value
'needs_review'
"""

from __future__ import annotations

from atensi.law import DataGate
from atensi.rules.decision import Facts, Status

__all__ = ["gate_answer"]


def gate_answer(
    gate: DataGate, *, decile: int | None, listed: bool | None
) -> tuple[Status, str, str, Facts]:
    """What ``gate`` says of aid to someone of ``decile`` (DTSEN) or ``listed`` (DTKS).

    Returns the status, the message in English and Indonesian, and the facts.
    """
    if gate.max_decile is not None:
        facts: Facts = (("gate", gate.id), ("welfare_decile", decile))
        if decile is None:
            return (
                Status.UNKNOWN,
                "the welfare decile is not recorded: whether the aid fits the DTSEN gate is "
                "not known",
                "desil kesejahteraan tidak tercatat: kesesuaian bantuan dengan gerbang DTSEN "
                "tidak diketahui",
                facts,
            )
        if decile <= gate.max_decile:
            return (
                Status.MET,
                f"welfare decile {decile}: inside the aid's DTSEN gate",
                f"desil kesejahteraan {decile}: dalam gerbang DTSEN bantuan",
                facts,
            )
        return (
            Status.NEEDS_REVIEW,
            f"welfare decile {decile}, above {gate.max_decile}: the aid needs review "
            "(practice); the rehabilitation does not",
            f"desil kesejahteraan {decile}, di atas {gate.max_decile}: bantuan perlu ditinjau "
            "(praktik); rehabilitasi tidak",
            facts,
        )
    facts = (("gate", gate.id), ("in_dtks", listed))
    if listed is None:
        return (
            Status.UNKNOWN,
            "DTKS listing not recorded: whether the aid fits the DTKS gate is not known",
            "status DTKS tidak tercatat: kesesuaian bantuan dengan gerbang DTKS tidak diketahui",
            facts,
        )
    if listed:
        return (
            Status.MET,
            "listed in DTKS: inside the aid's gate",
            "terdaftar di DTKS: dalam gerbang bantuan",
            facts,
        )
    return (
        Status.NEEDS_REVIEW,
        "not listed in DTKS: the aid needs review (practice); the rehabilitation does not",
        "tidak terdaftar di DTKS: bantuan perlu ditinjau (praktik); rehabilitasi tidak",
        facts,
    )
