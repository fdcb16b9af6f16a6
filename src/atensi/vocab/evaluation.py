"""The levels of programme evaluation: input, process, output, outcome and impact.

The Directorate General of Social Rehabilitation frames its evaluation as oriented to input,
process, output, outcome and impact, towards positive change (the Rakornas of December 2020 as the
press reported it: secondary, source ``faktapers-2020-12-11-atensi``); Permensos 15/2025 Pasal 4
requires the stages to run through case management so that outcome and impact can be evaluated
(verified). The measures at each level are atensi's convention (:mod:`atensi.reports.measures`).

>>> from atensi.vocab import EvaluationLevel
>>> [level.value for level in EvaluationLevel]
['input', 'proses', 'output', 'outcome', 'dampak']
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite

__all__ = ["EvaluationLevel"]

_FRAME = cite(
    "permensos-15-2025",
    "Pasal 4",
    Evidence.SECONDARY,
    source="faktapers-2020-12-11-atensi",
    note="outcome and impact must be evaluable (Pasal 4, verified); the five levels are the "
    "Directorate General's framing (secondary)",
)


class EvaluationLevel(CodedEnum):
    """A level of the evaluation chain, from what goes in to the change it makes."""

    INPUT = "input", Label("Masukan (input)", "Input"), _FRAME
    PROCESS = "proses", Label("Proses", "Process"), _FRAME
    OUTPUT = "output", Label("Keluaran (output)", "Output"), _FRAME
    OUTCOME = "outcome", Label("Hasil (outcome)", "Outcome"), _FRAME
    IMPACT = "dampak", Label("Dampak", "Impact"), _FRAME
