"""Programme reports: beneficiary totals, the evaluation from input to impact, budget, pictures.

Pure functions and accumulators over records (cases and portfolios), with the period and every
parameter passed in; nothing here reads a file or the clock. The command line (``atensi
report``) reads the records and writes the tables this package renders.

* :class:`Totals`: distinct PM (penerima manfaat) per cell of period × kind × target × target
  group × province × regency × approach × unit × funding channel × component, streamed and
  mergeable, re-aggregated by union; :meth:`Totals.achievement` against the caller's
  :class:`~atensi.model.PmTarget`.
* :class:`Evaluation`: the measures of :data:`MEASURES`, input to impact, each with its
  coverage (how many records held the data); missing data is ``None``, never 0.
* :data:`INDICATORS`: the official output indicators, PM served per cluster, unit and
  province against the caller's targets (:func:`indicator_rows`), graded secondary.
* :class:`Budget`: the money by budget year × channel × target × province × unit, and the
  findings of :func:`atensi.rules.check_funding` counted by rule and status.
* :class:`ProgrammeReport`: all three in one pass, with the tables a report writes.
* :mod:`atensi.reports.plots` (the ``plot`` extra): pictures as matplotlib figures.
"""

from atensi.reports.budget import BUDGET_AXES, Budget
from atensi.reports.errors import PlotUnavailable, ReportError
from atensi.reports.evaluation import Evaluation, MeasureValue, evaluate
from atensi.reports.indicators import INDICATORS, Indicator, IndicatorRow, indicator_rows
from atensi.reports.measures import MEASURES, Measure
from atensi.reports.periods import (
    GRANULARITIES,
    bucket_of,
    buckets,
    buckets_between,
    edition_for,
    parse_period,
)
from atensi.reports.programme import TABLES, ProgrammeReport, structure_record
from atensi.reports.totals import (
    AXES,
    DEFAULT_BY,
    Achievement,
    Totals,
    TotalsSpec,
    beneficiary_totals,
)
from atensi.reports.trace import TraceRow, trace

__all__ = [
    "AXES",
    "BUDGET_AXES",
    "DEFAULT_BY",
    "GRANULARITIES",
    "INDICATORS",
    "MEASURES",
    "TABLES",
    "Achievement",
    "Budget",
    "Evaluation",
    "Indicator",
    "IndicatorRow",
    "Measure",
    "MeasureValue",
    "PlotUnavailable",
    "ProgrammeReport",
    "ReportError",
    "Totals",
    "TotalsSpec",
    "TraceRow",
    "beneficiary_totals",
    "bucket_of",
    "buckets",
    "buckets_between",
    "edition_for",
    "evaluate",
    "indicator_rows",
    "parse_period",
    "structure_record",
    "trace",
]
