"""The lifecycle diagram in the docs is drawn from the transition table and cannot drift."""

from __future__ import annotations

import importlib.util
import pathlib
import xml.etree.ElementTree as ElementTree
from types import ModuleType

import pytest

from atensi.rules import Finding, lifecycle
from atensi.vocab import CaseStage, Label

ROOT = pathlib.Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


def _gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_gen", ROOT / "docs" / "_gen.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_diagram_holds_every_move_and_guard_of_the_table() -> None:
    svg = _gen().lifecycle_svg()
    root = ElementTree.fromstring(svg)
    moves = {
        (p.get("data-from"), p.get("data-to"))
        for p in root.iter(f"{SVG}path")
        if p.get("class") == "move"
    }
    for source, targets in lifecycle.TRANSITIONS.items():
        name = "new case" if source is None else source.value
        assert {(name, t.value) for t in targets} <= moves
    assert {("open stage", t.value) for t in lifecycle.DETOURS} <= moves
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for guards in (*lifecycle.GUARDS.values(), *lifecycle.EDGE_GUARDS.values()):
        assert all(g.label.en in texts for g in guards)
    assert all(stage.value in texts for stage in CaseStage)


def test_the_diagram_fetches_nothing() -> None:
    svg = _gen().lifecycle_svg()
    for fetching in ("href", "@import", "<script", "<image"):
        assert fetching not in svg
    assert svg.count("http") == 1  # the SVG namespace, which is a name, not a fetch


def test_a_table_the_diagram_does_not_show_fails_the_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gen = _gen()
    svg = gen.lifecycle_svg()

    def nothing(move: lifecycle.Move) -> list[Finding]:
        return []

    extra = lifecycle.Guard(
        Label("baru", "a guard the picture lacks"), (lifecycle.R_DATE,), nothing
    )
    guarded = {**lifecycle.EDGE_GUARDS, (CaseStage.PLANNING, CaseStage.INTERVENTION): (extra,)}
    monkeypatch.setattr(lifecycle, "EDGE_GUARDS", guarded)
    with pytest.raises(RuntimeError, match="drifted"):
        gen._check_lifecycle_svg(ElementTree.fromstring(svg))
    moved = {**lifecycle.TRANSITIONS, CaseStage.AFTERCARE: frozenset({CaseStage.EVALUATION})}
    monkeypatch.setattr(lifecycle, "EDGE_GUARDS", lifecycle.EDGE_GUARDS)
    monkeypatch.setattr(lifecycle, "TRANSITIONS", moved)
    with pytest.raises(RuntimeError, match="drifted"):
        gen._check_lifecycle_svg(ElementTree.fromstring(svg))


def test_the_lifecycle_page_lists_every_move_with_its_basis() -> None:
    page = _gen().lifecycle_page()
    assert "![The case lifecycle" in page
    assert page.count("PP 39/2012 Pasal 7 ayat (2) [verified]") == 7  # the legal order
    assert "`case.transition.resocialisation_required`" in page
