"""The report pictures, drawn and measured (issue 27, item 6).

A legend covered a bar (``pm_by_target``), the last count was cut at the frame and there was no
colour legend (``achievement``), province names ran off the left edge (``coverage``), and the
coverage heatmap's columns were identical (since 2021 every unit serves every target). Each
picture is rendered to PNG here, in both languages, and measured: nothing drawn runs outside the
figure, the legend covers no bar, the counts stay inside the axes, the coverage over the years
differs between its columns, and the Indonesian pictures hold no English words of their own.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
from typing import Any

import pytest

import atensi
from atensi.model import PmTarget, UnitRegistry
from atensi.reports import ProgrammeReport, parse_period, structure_record

matplotlib = pytest.importorskip("matplotlib")
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from PIL import Image  # noqa: E402

from atensi.reports import plots  # noqa: E402

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    report = ProgrammeReport(parse_period("2021-01-01/2025-12-31"))
    with (EXAMPLES / "programme.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            report.add(structure_record(json.loads(line)))
    with (EXAMPLES / "targets.jsonl").open(encoding="utf-8") as handle:
        targets = [atensi.structure(json.loads(line), PmTarget) for line in handle]
    registry = atensi.structure(
        json.loads((EXAMPLES / "registry.json").read_text(encoding="utf-8")), UnitRegistry
    )
    years = [atensi.coverage(registry, on=dt.date(y, 7, 1)) for y in range(2016, 2026)]
    return {"report": report, "targets": targets, "registry": registry, "years": years}


def _figures(data: dict[str, Any], lang: str) -> dict[str, Any]:
    report = data["report"]
    return {
        "pm_by_target": plots.pm_by_target_figure(report.totals, lang=lang),
        "achievement": plots.achievement_figure(
            report.totals.achievement(data["targets"]), lang=lang
        ),
        "coverage_years": plots.coverage_heatmap(data["years"], lang=lang),
        "coverage_targets": plots.coverage_heatmap(
            atensi.coverage(data["registry"], on=dt.date(2020, 6, 1)), lang=lang
        ),
        "editions": plots.editions_figure(until=dt.date(2027, 1, 1), lang=lang),
    }


def _renderer(figure: Any) -> Any:
    FigureCanvasAgg(figure)
    return figure.canvas.get_renderer()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_picture_renders_and_nothing_runs_outside_it(
    data: dict[str, Any], lang: str, tmp_path: pathlib.Path
) -> None:
    for name, figure in _figures(data, lang).items():
        buffer = io.BytesIO()
        plots.write_figure(figure, buffer, "png")
        (tmp_path / f"{name}.png").write_bytes(buffer.getvalue())
        image = Image.open(io.BytesIO(buffer.getvalue()))
        width, height = figure.get_size_inches() * figure.dpi
        assert abs(image.size[0] - width) <= 1, name
        assert abs(image.size[1] - height) <= 1, name
        drawn = figure.get_tightbbox(_renderer(figure))  # inches: every drawn artist
        size = figure.get_size_inches()
        assert drawn.x0 >= 0, (name, "left", drawn.x0)
        assert drawn.y0 >= 0, (name, "bottom", drawn.y0)
        assert drawn.x1 <= size[0], (name, "right", drawn.x1)
        assert drawn.y1 <= size[1], (name, "top", drawn.y1)


def test_the_legend_covers_no_bar(data: dict[str, Any]) -> None:
    # A few bars (one year) left the legend no free corner inside the axes.
    figure = plots.pm_by_target_figure(data["report"].totals)
    renderer = _renderer(figure)
    legends: list[Any] = [*figure.legends, *(a.get_legend() for a in figure.axes)]
    legends = [legend for legend in legends if legend is not None]
    assert legends
    bars = [p for a in figure.axes for p in a.patches if isinstance(p, Rectangle)]
    assert len(bars) > 20
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for bar in bars:
            assert not box.overlaps(bar.get_window_extent(renderer))


def test_the_achievement_counts_stay_inside_the_axes_and_the_colours_are_explained(
    data: dict[str, Any],
) -> None:
    figure = plots.achievement_figure(data["report"].totals.achievement(data["targets"]))
    renderer = _renderer(figure)
    axes = figure.axes[0]
    frame = axes.get_window_extent(renderer)
    counts = [t for t in axes.texts if " / " in t.get_text()]
    assert len(counts) == 30
    for text in counts:
        box = text.get_window_extent(renderer)
        assert frame.x0 <= box.x0, text.get_text()
        assert box.x1 <= frame.x1, text.get_text()
    legend = figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["target met", "below target"]
    box = legend.get_window_extent(renderer)
    for artist in [*axes.patches, *counts]:
        assert not box.overlaps(artist.get_window_extent(renderer))
    # Targets are named as the other pictures name them, not by their codes.
    names = [t.get_text() for t in axes.get_yticklabels()]
    assert "2021 · Children" in names
    assert not any("_" in n for n in names)


def test_the_coverage_over_the_years_says_something(data: dict[str, Any]) -> None:
    figure = plots.coverage_heatmap(data["years"])
    grid: Any = figure.axes[0].images[0].get_array()
    assert grid is not None
    columns = {tuple(round(float(v), 3) for v in grid[:, j]) for j in range(grid.shape[1])}
    assert len(columns) >= 3  # before multifunction, the change of 2021, after
    before, after = grid[:, 0].sum(), grid[:, -1].sum()
    assert after > before  # the multifunction directive widened coverage


def test_the_indonesian_pictures_hold_no_english_words_of_their_own(
    data: dict[str, Any],
) -> None:
    english = {w.en for w in plots._WORDS.values()} | {w.en for w in plots._SHORT.values()}
    english -= {w.id for w in plots._WORDS.values()} | {w.id for w in plots._SHORT.values()}
    for name, figure in _figures(data, "id").items():
        texts = " | ".join(t.get_text() for t in figure.findobj(matplotlib.text.Text))
        found = [w for w in english if w in texts]
        assert not found, (name, found)
    with pytest.raises(atensi.UnknownCode):
        plots.editions_figure(until=dt.date(2027, 1, 1), lang="fr")


def test_every_parameter_timeline_keeps_its_labels_apart_and_inside_their_bars() -> None:
    # The docs draw one timeline per parameter: values whose bar is short (Permensos 5/2019's
    # five months of the DTKS gate) ran over their neighbours and start dates printed over each
    # other. A value that does not fit is numbered and written out under the dates.
    from atensi.law import parameter_names

    for name in parameter_names():
        figure = plots.parameter_figure(name, until=dt.date(2027, 1, 1))
        renderer = _renderer(figure)
        axes = figure.axes[0]
        bars = [p.get_window_extent(renderer) for p in axes.patches if isinstance(p, Rectangle)]
        texts = [t for t in axes.texts if t.get_visible() and t.get_text()]
        boxes = [t.get_window_extent(renderer) for t in texts]
        for index, box in enumerate(boxes):
            for other in boxes[index + 1 :]:
                assert not box.overlaps(other), (name, texts[index].get_text())
        for text, box in zip(texts, boxes, strict=True):
            if text.get_position()[1] == 0:  # a value inside its bar
                holder = [bar for bar in bars if bar.x0 <= box.x0 + box.width / 2 <= bar.x1]
                assert holder, (name, text.get_text())
                assert box.width <= holder[0].width, (name, text.get_text())
        drawn = figure.get_tightbbox(renderer)
        size = figure.get_size_inches()
        assert drawn.x0 >= 0, name
        assert drawn.y0 >= 0, name
        assert drawn.x1 <= size[0], name
        assert drawn.y1 <= size[1], name
