"""Every valid record takes the quick path: a quick path that breaks fails here, not in silence.

The quick paths (the generated structuring functions, the counted decoder, the msgspec twins,
the batch functions' line paths) answer as the strict path does, so a broken one would only be
slower. :func:`atensi.boundary.fallbacks` logs every record that leaves a quick path; these
tests hold that no valid record of any example file, and no generated record of any entity,
ever does, with the ``fast`` extra and without it.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi import batch
from atensi.boundary import _compiled, fallbacks
from atensi.model import AssessmentItem, Portfolio, UnitRegistry
from tests.line_mutations import EXAMPLE_FILES, detailed, encoded, example_lines
from tests.strategies_model import ENTITY_STRATEGIES, STRATEGY_CLASSES, entity_name

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
ON = dt.date(2024, 6, 1)


@pytest.fixture(params=["fast", "pure"])
def path(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run with the ``fast`` extra (where installed) and as if it were not installed."""
    if request.param == "pure":
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_compiled, "_FOUND", [None])
            yield "pure"
        return
    if not _compiled.compiled():
        pytest.skip("the fast extra (msgspec) is not installed")
    yield "fast"


def _every_entry(line: bytes, cls: type[Any]) -> None:
    """Read one valid line through every entry point that has a quick path."""
    atensi.structure(json.loads(line), cls)
    atensi.structure_json(line, cls)
    atensi.structure_json(line.decode(), cls)
    result = batch.validate_line_json(line, cls)
    assert result is not None
    assert json.loads(result)["ok"] is True
    if cls is AssessmentItem:
        for text in (line, line.decode()):
            decided = batch.assess_line_json(text, on=ON)
            assert decided is not None
            assert json.loads(decided)["ok"] is True, decided[:300]


def _valid_lines() -> Iterator[tuple[str, bytes, type[Any]]]:
    for name, cls in EXAMPLE_FILES:
        for line in example_lines(name):
            if detailed(line, cls) is not None:
                yield name, line, cls
    # The JSON documents: items (one is broken on purpose), a registry, a portfolio.
    items = json.loads((EXAMPLES / "cases.json").read_text(encoding="utf-8"))
    for item in items:
        line = json.dumps(item).encode()
        if detailed(line, AssessmentItem) is not None:
            yield "cases.json", line, AssessmentItem
    yield "registry.json", (EXAMPLES / "registry.json").read_bytes(), UnitRegistry
    yield "portfolio.json", (EXAMPLES / "portfolio.json").read_bytes(), Portfolio


def test_the_examples_hold_valid_records_of_every_kind() -> None:
    found: dict[str, int] = {}
    for name, _, _ in _valid_lines():
        found[name] = found.get(name, 0) + 1
    assert found["assessments.jsonl"] > 1000
    assert found["persons.jsonl"] > 500
    assert found["programme.jsonl"] > 500
    assert {"targets.jsonl", "cases.json", "registry.json", "portfolio.json"} <= set(found)


def test_every_valid_example_record_takes_the_quick_path(path: str) -> None:
    valid = list(_valid_lines())  # the strict path's own reading stays out of the log
    assert len(valid) > 2900
    with fallbacks() as log:
        for _, line, cls in valid:
            _every_entry(line, cls)
    assert log == [], log[:5]


def test_every_invalid_example_record_leaves_it(path: str) -> None:
    """The log sees the records that do leave: the test above is not blind."""
    lines = example_lines("persons-broken.jsonl")
    invalid = [line for line in lines if detailed(line, atensi.model.Person) is None]
    with fallbacks() as log:
        for line in invalid:
            batch.validate_line_json(line, atensi.model.Person)
    # Each one twice: the line function's quick path, then ``structure`` of the decoded record.
    assert len(invalid) > 10
    assert [f.entry for f in log] == ["validate_line_json", "structure"] * len(invalid)
    assert {f.target for f in log} == {"Person"}


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_generated_record_of_every_entity_takes_the_quick_path(
    path: str, cls: type[Any], data: st.DataObject
) -> None:
    value = data.draw(ENTITY_STRATEGIES[cls])
    line = json.dumps(encoded(value, cls)).encode()
    with fallbacks() as log:
        atensi.structure(json.loads(line), cls)
        atensi.structure_json(line, cls)
        batch.validate_line_json(line, cls)
    assert log == []


def test_a_broken_generator_fails_the_quick_path_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """What happens when a generated structuring function refuses every record: it is seen."""
    from atensi.boundary import _fast, _quick

    def refuses(cls: type[Any]) -> Callable[..., Any]:
        def structure(*args: Any) -> Any:
            _quick.refuse()

        return structure

    monkeypatch.setattr(_fast, "_FAST", {})
    monkeypatch.setattr(_fast, "_generate", lambda cls, counting: refuses(cls))
    line = example_lines("persons.jsonl")[0]
    with fallbacks() as log:
        atensi.structure(json.loads(line), atensi.model.Person)
    assert [f.reason for f in log] == ["Refused"]


def test_a_defect_in_the_report_quick_path_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    """``ProgrammeReport.add_line`` catches the quick path's refusals only, never a defect."""
    from atensi.reports import ProgrammeReport, parse_period, programme

    def broken() -> Callable[..., Any]:
        def decode(*args: Any) -> Any:
            raise ZeroDivisionError("a defect")

        return decode

    report = ProgrammeReport(parse_period("2024"))
    assert report.add_line(b'{"id": "C-1"} x', number=1)  # refused: the strict path says why
    monkeypatch.setattr(programme, "entity_decoder", broken)
    with pytest.raises(ZeroDivisionError):
        report.add_line(b'{"id": "C-1"}', number=2)


# --- Twins never leave the boundary ---------------------------------------------------------------

RULES_SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "atensi" / "rules"
SUBJECT_TAGS = {"person", "family", "group", "community"}


def test_the_rules_dispatch_on_classes_not_on_a_kind_tag() -> None:
    """No rule compares a ``.kind`` with a subject tag; subjects carry no ``kind`` attribute."""
    import ast

    for path in RULES_SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            parts = [node.left, *node.comparators]
            tags = {p.value for p in parts if isinstance(p, ast.Constant)} & SUBJECT_TAGS
            kinds = [p for p in parts if isinstance(p, ast.Attribute) and p.attr == "kind"]
            assert not (tags and kinds), f"{path.name}:{node.lineno} dispatches on a kind tag"
    for cls in atensi.model.SUBJECT_KINDS.values():
        assert not hasattr(cls, "kind"), cls
