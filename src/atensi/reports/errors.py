"""The one error a report raises when it is asked something it cannot answer.

Bad *records* are :class:`atensi.InvalidRecord` (the boundary's); a :class:`ReportError` is about
the request: an axis the report did not keep, partials made with different parameters, a plot
without matplotlib. Its ``code`` is stable (``report.*``, see the error catalogue).
"""

from __future__ import annotations

from atensi.errors import AtensiError

__all__ = ["PlotUnavailable", "ReportError"]


class ReportError(AtensiError):
    """A report cannot answer the request (``code`` says why)."""

    def __init__(self, en: str, code: str, id_: str | None = None, **ctx: object) -> None:
        super().__init__(en, message_id=id_ or en, code=code, ctx=dict(ctx))


class PlotUnavailable(ReportError):
    """A picture was asked for, but matplotlib (the ``plot`` extra) is not installed."""

    def __init__(self) -> None:
        super().__init__(
            "pictures need matplotlib: pip install 'atensi[plot]'",
            "report.plot_unavailable",
            "gambar memerlukan matplotlib: pip install 'atensi[plot]'",
        )
