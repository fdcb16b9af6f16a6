"""Pictures where people would rather look than read (the ``plot`` extra: matplotlib).

Each function returns a :class:`matplotlib.figure.Figure` built without pyplot (no global
state, no window, no backend to choose); :func:`write_figure` writes one to a file object the
caller opened, as PNG or SVG. matplotlib is imported inside these functions only, so ``import
atensi.reports`` never loads it; without the extra they raise :class:`PlotUnavailable`
(``report.plot_unavailable``), which says what to install. matplotlib itself reads its
configuration and font cache when first imported: that is its I/O, not atensi's.

* :func:`pm_by_target_figure`: distinct PM per cluster (target) per period, from the totals;
* :func:`achievement_figure`: achievement against the caller's targets;
* :func:`coverage_heatmap`: the coverage of the unit registry (:func:`atensi.coverage`) by
  province: per target on one date, or per date (a year each) over several;
* :func:`editions_figure`: the editions of the rules as a Gantt chart, their dates' grades shown;
* :func:`parameter_figure`: a dated parameter of the law as a timeline, each value coloured by
  the grade of its citation.

Every function takes ``lang`` (``"en"`` or ``"id"``): titles, axes and legends in that
language. Output is reproducible: SVG without a date and with fixed element ids, PNG without the
software stamp; the same inputs and matplotlib version give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from atensi.law import Edition, InForceDates, editions, get_parameter, instrument_in_force
from atensi.law._parameters import ParameterValue, Value
from atensi.reports.errors import PlotUnavailable
from atensi.reports.totals import Achievement, Totals
from atensi.rules.coverage import CoverageReport
from atensi.vocab import Label, Target
from atensi.vocab._base import check_lang

if TYPE_CHECKING:  # pragma: no cover - only for the annotations
    from matplotlib.figure import Figure

__all__ = [
    "achievement_figure",
    "coverage_heatmap",
    "editions_figure",
    "parameter_figure",
    "pm_by_target_figure",
    "write_figure",
]

#: One colour per target, in vocabulary order (colour-blind-safe, Okabe-Ito).
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")
_RC: Any = {"svg.hashsalt": "atensi", "svg.fonttype": "path", "font.size": 9}
_METADATA = {"svg": {"Date": None, "Creator": "atensi"}, "png": {"Software": None}}


def _matplotlib() -> Any:
    """The matplotlib module, or :class:`PlotUnavailable` without the ``plot`` extra."""
    try:
        import matplotlib
        import matplotlib.figure
        import matplotlib.patches
    except ImportError:  # the plot extra is not installed
        raise PlotUnavailable() from None
    return matplotlib


#: The resolution of the PNGs: the layout is computed at it too, since text measured at another
#: resolution came out a few pixels wider and ran past the edge (province names, long labels).
_DPI = 150


def _figure(width: float, height: float) -> Figure:
    figure: Figure = _matplotlib().figure.Figure(
        figsize=(width, height), layout="constrained", dpi=_DPI
    )
    engine: Any = figure.get_layout_engine()
    engine.set(w_pad=5 / 72, h_pad=5 / 72)
    return figure


def _rc() -> Any:
    return _matplotlib().rc_context(_RC)


def _done(figure: Figure) -> Figure:
    """Lay the figure out once and freeze it, so that every save writes the same bytes."""
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
    return figure


#: Short names of the targets, for legends and axes (the labels are long), in each language.
_SHORT = {
    "anak": Label("Anak", "Children"),
    "penyandang_disabilitas": Label("Disabilitas", "Disability"),
    "tuna_sosial_kpo": Label("Tuna sosial & KPO", "Tuna sosial & KPO"),
    "korban_napza": Label("NAPZA", "NAPZA"),
    "lanjut_usia": Label("Lanjut usia", "Elderly"),
    "korban_bencana": Label("Korban bencana", "Disaster (KBK)"),
    "ppks_lainnya": Label("PPKS lainnya", "Other PPKS"),
}
#: Every other word the pictures write, in each language.
_WORDS = {
    "not_recorded": Label("(tidak tercatat)", "(not recorded)"),
    "pm_title": Label(
        "Penerima manfaat (PM) per klaster dan periode", "Beneficiaries (PM) per cluster and period"
    ),
    "distinct_pm": Label("PM berbeda", "distinct PM"),
    "achievement_title": Label("Capaian terhadap target", "Achievement against targets"),
    "achievement_axis": Label("PM terlayani, % target", "PM served, % of target"),
    "not_computed": Label("tidak dihitung", "not computed"),
    "met": Label("target tercapai", "target met"),
    "below": Label("di bawah target", "below target"),
    "all_pm": Label("semua PM", "all PM"),
    "coverage_title": Label("Cakupan per provinsi dan sasaran", "Coverage by province and target"),
    "coverage_history_title": Label(
        "Cakupan per provinsi dan tahun", "Coverage by province and year"
    ),
    "share_served": Label("bagian kabupaten/kota terlayani", "share of regencies served"),
    "share_cells": Label(
        "bagian kabupaten/kota × sasaran terlayani", "share of regencies × targets served"
    ),
    "editions_title": Label(
        "Edisi aturan (arsir: tanggal berlaku belum terverifikasi)",
        "Editions of the rules (hatched: unverified in-force date)",
    ),
}


def _word(key: str, lang: str) -> str:
    return _WORDS[key].in_lang(lang)


def _label(code: str | None, lang: str = "en") -> str:
    if code is None:
        return _word("not_recorded", lang)
    short = _SHORT.get(code)
    return short.in_lang(lang) if short is not None else code


def _label_of(value: str, lang: str) -> str:
    """A target code as its short name, a period as itself."""
    return _label(value, lang) if value in _SHORT else value


def pm_by_target_figure(totals: Totals, *, title: str | None = None, lang: str = "en") -> Figure:
    """Distinct PM per target (cluster) per period, as grouped bars.

    The legend sits outside the axes, where it covers no bar.
    """
    lang = check_lang(lang)
    with _rc():
        rows = totals.counts(("period", "target"))
        periods = sorted({r[0][0] for r in rows if r[0][0] is not None})
        targets = [t.value for t in Target if any(r[0][1] == t.value for r in rows)]
        if any(r[0][1] is None for r in rows):
            targets.append(None)  # type: ignore[arg-type]
        counts = dict(rows)
        figure = _figure(max(7.5, 2.8 + 0.9 * len(periods)), 4.0)
        axes = figure.add_subplot()
        width = 0.8 / max(1, len(targets))
        for index, target in enumerate(targets):
            xs = [p + (index - (len(targets) - 1) / 2) * width for p in range(len(periods))]
            ys = [counts.get((period, target), 0) for period in periods]
            axes.bar(
                xs, ys, width, label=_label(target, lang), color=_COLOURS[index % len(_COLOURS)]
            )
        axes.set_xticks(range(len(periods)), periods)
        axes.set_ylabel(_word("distinct_pm", lang))
        axes.set_title(title or _word("pm_title", lang))
        if targets:
            figure.legend(loc="outside right upper", fontsize=7, frameon=False)
        return _done(figure)


def achievement_figure(
    rows: Sequence[Achievement], *, title: str | None = None, lang: str = "en"
) -> Figure:
    """Achievement against targets: PM served as a percentage of each target.

    Bars are named as the other pictures name targets; green where the target was met, orange
    where not (the legend says so); the axis leaves room for the counts written after the bars.
    """
    lang = check_lang(lang)
    with _rc():
        shown = [a for a in rows if a.ratio is not None]
        figure = _figure(7.5, max(2.5, 0.3 * len(shown) + 1.5))
        axes = figure.add_subplot()
        names = [
            " · ".join(_label_of(v, lang) for _, v in a.target.axes()) or _word("all_pm", lang)
            for a in shown
        ]
        values = [float(a.ratio) * 100 for a in shown if a.ratio is not None]
        met, below = _COLOURS[2], _COLOURS[5]
        colours = [met if v >= 100 else below for v in values]
        axes.barh(range(len(shown)), values, color=colours)
        axes.set_yticks(range(len(shown)), names, fontsize=7)
        axes.invert_yaxis()
        axes.axvline(100, color="black", linewidth=0.8)
        for index, a in enumerate(shown):
            axes.annotate(
                f"{a.achieved:,} / {a.target.pm:,}",
                (values[index], index),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                # Legible where it crosses the 100% line.
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
            )
        # Room after the longest bar for its count ("26 / 16" was cut at the frame).
        axes.set_xlim(0, max([100.0, *values]) * 1.22)
        patches = _matplotlib().patches
        # Below the axes, where it covers no bar and no count.
        figure.legend(
            handles=[
                patches.Patch(color=met, label=_word("met", lang)),
                patches.Patch(color=below, label=_word("below", lang)),
            ],
            loc="outside lower center",
            ncols=2,
            fontsize=7,
            frameon=False,
        )
        skipped = len(rows) - len(shown)
        note = f" ({skipped} {_word('not_computed', lang)})" if skipped else ""
        axes.set_xlabel(_word("achievement_axis", lang) + note)
        axes.set_title(title or _word("achievement_title", lang))
        return _done(figure)


def coverage_heatmap(
    report: CoverageReport | Sequence[CoverageReport],
    *,
    title: str | None = None,
    lang: str = "en",
) -> Figure:
    """Coverage of the unit registry by province, as a heatmap.

    Given one report: province × target, the share of each province's regencies that at least
    one unit serves. Since the multifunction directive of 2021 every unit serves every target,
    so those columns are alike; given reports on several dates (a year each, say): province ×
    date, the share of the province's regency × target cells served, which shows where and when
    coverage came (the jump of 2021 included) and which provinces have none.
    """
    lang = check_lang(lang)
    reports = [report] if isinstance(report, CoverageReport) else list(report)
    history = not isinstance(report, CoverageReport)
    with _rc():
        provinces = sorted({c.region[:2] for r in reports for c in r.cells})
        if history:
            columns = [r.on.isoformat() if r.on.month != 7 else str(r.on.year) for r in reports]
            grid = [[_share(r, p, None) for r in reports] for p in provinces]
            legend = _word("share_cells", lang)
            heading = _word("coverage_history_title", lang)
        else:
            targets = list(reports[0].targets)
            columns = [_label(t, lang) for t in targets]
            grid = [[_share(reports[0], p, t) for t in targets] for p in provinces]
            legend = _word("share_served", lang)
            heading = f"{_word('coverage_title', lang)}, {reports[0].on.isoformat()}"
        names = [_province_name(p) for p in provinces]
        longest = max((len(n) for n in names), default=10)
        figure = _figure(2.2 + 0.055 * longest + 0.55 * len(columns), 1.4 + 0.2 * len(provinces))
        axes = figure.add_subplot()
        image = axes.imshow(grid, aspect="auto", cmap="Blues", vmin=0, vmax=1)
        axes.set_xticks(range(len(columns)), columns, rotation=40, ha="right")
        axes.set_yticks(range(len(provinces)), names, fontsize=6)
        figure.colorbar(image, ax=axes, label=legend)
        axes.set_title(title or heading)
        return _done(figure)


def _share(report: CoverageReport, province: str, target: str | None) -> float:
    """The share of a province's cells (of one target, or of all) at least one unit serves."""
    cells = [
        c
        for c in report.cells
        if c.region[:2] == province and (target is None or c.target == target)
    ]
    return sum(bool(c.units) for c in cells) / len(cells) if cells else 0.0


def _province_name(code: str) -> str:
    from atensi.regions import InvalidRegionCode, lookup

    try:
        return f"{code} {lookup(code).name}"
    except InvalidRegionCode:
        return code


def editions_figure(
    *,
    until: dt.date,
    in_force_dates: InForceDates | None = None,
    title: str | None = None,
    lang: str = "en",
) -> Figure:
    """The editions of the rules as a Gantt chart, drawn to ``until`` (no clock is read).

    A bar's start is solid when its in-force date is verified and hatched when it is atensi's
    estimate (``in_force_dates`` moves them, as it does for every rule).
    """
    lang = check_lang(lang)
    with _rc():
        shown = editions(in_force_dates)
        figure = _figure(8.0, 0.5 * len(shown) + 1.2)
        axes = figure.add_subplot()
        for index, edition in enumerate(shown):
            start = edition.valid_from
            end = min(edition.valid_until or until, until)
            if end <= start:
                continue
            axes.barh(
                index,
                (end - start).days,
                left=_days(start),
                color=_COLOURS[index % len(_COLOURS)],
                hatch=None if _verified_start(edition) else "//",
                edgecolor="black",
                linewidth=0.5,
            )
        axes.set_yticks(range(len(shown)), [f"{e.id} ({e.base.short_name})" for e in shown])
        axes.invert_yaxis()
        axes.xaxis_date()
        axes.set_title(title or _word("editions_title", lang))
        return _done(figure)


#: One colour per evidence grade (the grade of the value's citation).
_GRADE_COLOURS = {
    "verified": "#009E73",
    "secondary": "#E69F00",
    "background": "#D55E00",
    "convention": "#999999",
}


def _value_text(value: Value, unit: str) -> str:
    if value is None:
        return "not in force"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(_value_text(v, unit) for v in value)
    if unit == "IDR" and isinstance(value, int):
        return f"Rp{value:,}"
    if unit == "percent":
        return f"{value}%"
    if unit in ("year", "month"):
        return f"{value} {unit}" + ("" if value == 1 else "s")
    return str(value)


def parameter_figure(
    name: str,
    *,
    until: dt.date,
    since: dt.date | None = None,
    in_force_dates: InForceDates | None = None,
) -> Figure:
    """A dated parameter's values over time, each coloured by its citation's grade.

    The values are the ones the rules read on each day (the edition in force resolved as every
    rule resolves it, with ``in_force_dates`` if given); a value's start is marked with its
    date. Drawn from ``since`` (default: the parameter's first dated value or the first rule
    set, whichever is earlier) to ``until`` (no clock is read).
    """
    found = get_parameter(name)
    table = editions(in_force_dates)
    floor = table[0].valid_from
    dated = [e.start for e in found.entries if e.start is not None]
    begin = since or min([*dated, floor])
    cuts = sorted({begin, *dated, *(e.valid_from for e in table)} - {None})
    points = [p for p in cuts if begin <= p < until]
    segments: list[tuple[dt.date, dt.date, Value, str | None, str]] = []
    for index, start in enumerate(points):
        end = points[index + 1] if index + 1 < len(points) else until
        answer: ParameterValue | None
        if found.by_date_only:
            answer = found.on_date(start)
        elif start < floor:
            answer = None  # no rule set, so no edition, before the first one
        else:
            edition = instrument_in_force(start, in_force_dates=in_force_dates)
            answer = found.at(start, edition)
        value = None if answer is None else answer.value
        cited = None if answer is None else answer.citation
        grade = None if cited is None else cited.evidence.value
        law = "" if cited is None or cited.instrument is None else str(cited).split(" Pasal")[0]
        law = law.split(" [")[0]
        segment = (start, end, value, grade, law)
        if segments and segments[-1][2:] == segment[2:]:
            segments[-1] = (segments[-1][0], end, value, grade, law)
        else:
            segments.append(segment)
    with _rc():
        figure = _figure(8.0, 1.7)
        axes = figure.add_subplot()
        inside: list[tuple[Any, Any, str]] = []  # (label, its bar, the label on one line)
        dates: list[Any] = []
        for start, end, value, grade, law in segments:
            colour = "white" if value is None else _GRADE_COLOURS.get(grade or "", "#FFFFFF")
            bars = axes.barh(
                0,
                (end - start).days,
                left=_days(start),
                height=0.6,
                color=colour,
                edgecolor="black",
                linewidth=0.5,
            )
            middle = _days(start) + (end - start).days / 2
            shown = _value_text(value, found.unit)
            source = law if law and value is not None else ""
            label = axes.text(
                middle,
                0,
                "\n".join(filter(None, (shown, source))),
                ha="center",
                va="center",
                fontsize=8,
            )
            inside.append((label, bars.patches[0], ", ".join(filter(None, (shown, source)))))
            dates.append(
                axes.text(_days(start), -0.45, start.isoformat(), ha="left", va="top", fontsize=7)
            )
        axes.set_ylim(-0.8, 0.4)
        axes.set_yticks([])
        axes.xaxis_date()
        axes.set_xlim(_days(begin), _days(until))
        _place_labels(figure, axes, inside, dates)
        grades = sorted({g for _, _, v, g, _ in segments if g is not None and v is not None})
        handles = [_matplotlib().patches.Patch(color=_GRADE_COLOURS[g], label=g) for g in grades]
        if handles:
            axes.legend(
                handles=handles,
                loc="lower right",
                bbox_to_anchor=(1.0, 1.0),
                fontsize=7,
                ncols=len(handles),
                frameon=False,
            )
        axes.set_title(name, fontsize=9, loc="left")
        return _done(figure)


def _place_labels(
    figure: Figure, axes: Any, inside: list[tuple[Any, Any, str]], dates: list[Any]
) -> None:
    """Keep every label of a timeline readable: none wider than its bar, no date over another.

    A value too wide for its bar is numbered there (when even the number does not fit, left
    out) and written out under the dates; a start date that would run into the one before it
    moves down a row.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure.draw_without_rendering()
    canvas: Any = FigureCanvasAgg(figure)  # measures text at the figure's resolution
    renderer = canvas.get_renderer()
    notes: list[str] = []
    for label, bar, line in inside:
        room = bar.get_window_extent(renderer).width
        if label.get_window_extent(renderer).width <= room * 0.95:
            continue
        number = str(len(notes) + 1)
        notes.append(f"{number}: {line}")
        label.set_text(number)
        if label.get_window_extent(renderer).width > room * 0.95:
            label.set_visible(False)
    rows: list[list[Any]] = [[], [], []]
    for text in dates:
        for row, taken in enumerate(rows):
            text.set_y(-0.45 - 0.17 * row)
            box = text.get_window_extent(renderer)
            if not any(box.x0 < other.x1 + 4 and other.x0 < box.x1 + 4 for other in taken):
                taken.append(box)
                break
    used = max((row for row, taken in enumerate(rows) if taken), default=0)
    bottom = -0.45 - 0.17 * (used + 1)
    if notes:
        axes.text(
            0.0,
            bottom - 0.02,
            "   ".join(notes),
            transform=axes.get_yaxis_transform(),
            ha="left",
            va="top",
            fontsize=7,
        )
        bottom -= 0.2
    axes.set_ylim(min(-0.8, bottom - 0.05), 0.4)


def _days(day: dt.date) -> float:
    """A date as matplotlib's default date number: days since 1970-01-01."""
    return float((day - _EPOCH).days)


_EPOCH = dt.date(1970, 1, 1)


def _verified_start(edition: Edition) -> bool:
    newest = edition.amendments[-1] if edition.amendments else edition.base
    return newest.dates_verified


def write_figure(figure: Figure, stream: IO[bytes], fmt: str) -> None:
    """Write ``figure`` to an open binary stream as ``png`` or ``svg``, reproducibly."""
    with _rc():
        figure.savefig(stream, format=fmt, metadata=_METADATA[fmt], dpi=_DPI)
