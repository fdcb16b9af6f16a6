"""The compiled path (extra ``fast``): what it accepts, the detailed path accepts, alike.

msgspec decodes a line into twins of the entities; a twin the path accepts must be the entity
the detailed path builds from the same text, read the same by the warnings and the rules, and
every line it does not accept must go the detailed way. Without msgspec these tests skip; the
differential tests of the batch functions and the command line run either way.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("msgspec")

import atensi
from atensi import batch
from atensi.boundary import _compiled, _twins
from atensi.boundary.converter import structure_detailed
from atensi.model import ENTITIES, AssessmentItem, Person
from tests.line_mutations import (
    EXAMPLE_FILES,
    FIELD_EDGES,
    broken_lines,
    detailed,
    encoded,
    example_lines,
    one_leaf_changed,
)
from tests.strategies_model import ENTITY_STRATEGIES, JSON_LIKE, STRATEGY_CLASSES, entity_name

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
ON = dt.date(2024, 6, 1)


def _compiled_or_none(text: bytes | str, cls: type[Any]) -> Any:
    try:
        return _twins.decode(text, cls)
    except _twins.REFUSALS:  # anything else is a defect: the test fails
        return None


def _agrees(text: bytes | str, cls: type[Any]) -> Any:
    """Whatever the compiled path accepts, the detailed path accepts as the same entity."""
    twin = _compiled_or_none(text, cls)
    if twin is None:
        return None
    entity = detailed(text, cls)
    assert entity is not None, "the compiled path accepted what the detailed path refuses"
    assert twin == entity
    assert type(twin) is type(entity)
    return twin


@pytest.mark.parametrize(("name", "cls"), EXAMPLE_FILES)
def test_the_examples_agree_and_the_valid_ones_take_the_compiled_path(
    name: str, cls: type[Any]
) -> None:
    for line in example_lines(name):
        twin = _agrees(line, cls)
        assert (twin is not None) == (detailed(line, cls) is not None), line[:80]


def test_twins_never_leave_the_boundary() -> None:
    """The quick paths hand entities on: the rules and the warnings never see a twin."""
    seen: list[Any] = []
    real = atensi.rules.assess_eligibility

    def spy(subject: Any, assessment: Any, **kwargs: Any) -> Any:
        seen.append((type(subject), type(assessment)))
        return real(subject, assessment, **kwargs)

    lines = example_lines("assessments.jsonl")[:50]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("atensi.rules.memo.assess_eligibility", spy)
        patch.setattr("atensi.rules.memo.MEMO", atensi.rules.memo.DecisionMemo())
        patch.setattr(batch, "MEMO", atensi.rules.memo.MEMO)
        for line in lines:
            batch.assess_line_json(line, on=ON)
    assert seen
    for subject, assessment in seen:
        assert issubclass(subject, atensi.model.Entity), subject
        assert assessment is None or issubclass(assessment, atensi.model.Entity), assessment
    assert type(_twins.decode(lines[0], AssessmentItem)) is AssessmentItem


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_entity_round_trips_through_its_twin(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(ENTITY_STRATEGIES[cls])
    text = json.dumps(encoded(value, cls))
    twin = _twins.decode(text, cls)
    assert twin == value
    # The twin itself, were it ever shown, hides personal fields as the entity hides them.
    assert repr(_twins._decoder(cls).decode(text)) == repr(value)


# --- Lines the compiled path must not take for valid --------------------------------------------


@pytest.mark.parametrize("cls", [Person, AssessmentItem], ids=entity_name)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_one_leaf_changed_the_paths_agree(cls: type[Any], data: st.DataObject) -> None:
    if cls is AssessmentItem:
        from atensi.testing import assessments, persons

        value = AssessmentItem(subject=data.draw(persons()), assessment=data.draw(assessments()))
    else:
        value = data.draw(ENTITY_STRATEGIES[cls])
    one_leaf_changed(value, cls, _agrees)


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_near_misses_go_the_detailed_way(cls: type[Any], data: st.DataObject) -> None:
    from atensi.testing import near_misses

    miss = data.draw(near_misses(cls))
    assert _agrees(json.dumps(miss.record), cls) is None, miss.what


def _persons() -> st.SearchStrategy[Any]:
    return ENTITY_STRATEGIES[Person]


@settings(max_examples=60, deadline=None)
@given(_persons(), st.lists(st.tuples(st.text(max_size=8), JSON_LIKE), max_size=2))
def test_broken_lines_go_the_detailed_way(person: Any, noise: list[tuple[str, Any]]) -> None:
    broken_lines(encoded(person, Person), noise, _agrees)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=60) | st.text(max_size=60).map(str.encode) | JSON_LIKE.map(json.dumps))
def test_garbage_never_takes_the_compiled_path_wrongly(line: bytes | str) -> None:
    for cls in (Person, AssessmentItem):
        _agrees(line, cls)


def test_a_colon_inside_text_is_counted_not_taken_for_a_key() -> None:
    line = json.dumps(
        {
            "id": "P:1",
            "nik": {"reason": "belum_terdaftar"},
            "name": "Siti: A",
            "conditions": [{"group": "gelandangan", "evidence": "a:b:c"}],
        }
    )
    assert _agrees(line, Person) is not None
    assert _agrees(line.replace("a:b:c", "a\\u003ab:c"), Person) is None  # escaped: detailed
    assert detailed(line.replace("a:b:c", "a\\u003ab:c"), Person) is not None


# --- The batch functions, with and without the compiled path -------------------------------------


def _outputs(lines: Sequence[bytes | str]) -> list[Any]:
    out: list[Any] = []
    for number, line in enumerate(lines, 1):
        for redaction in ("full", "facts"):
            out.append(batch.assess_line_json(line, number=number, on=ON, redaction=redaction))
        out.append(batch.assess_line_json(line, on=ON, show_personal_data=True))
        out.append(batch.assess_line_json(line, on=ON, law=batch.Law("ars-2025")))
        out.append(batch.assess_line_json(line, on=ON, redaction="bogus"))  # the caller's defect
        out.append(batch.validate_line_json(line, Person, number=number, ensure_ascii=True))
        try:
            out.append(atensi.structure_json(line, Person))
        except atensi.InvalidRecord as err:
            out.append([e.to_dict() for e in err.errors])
    return out


def test_line_functions_answer_alike_without_the_extra(pytestconfig: Any) -> None:
    lines = example_lines("assessments.jsonl")[::7] + example_lines("assessments-broken.jsonl")
    lines += example_lines("persons.jsonl")[::11] + example_lines("persons-broken.jsonl")
    lines += [b'{"subject": {"kind": "person"}, "subject": {}}', b"   ", b"{oops", b"\xff"]
    assert atensi.boundary.compiled()
    fast = _outputs(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_compiled, "_FOUND", [None])
        slow = _outputs(lines)
    assert fast == slow


@settings(max_examples=100, deadline=None)
@given(JSON_LIKE.map(json.dumps) | st.binary(max_size=40))
def test_any_line_is_answered_alike_without_the_extra(line: str | bytes) -> None:
    raw = line.encode() if isinstance(line, str) else line
    text = raw.decode(errors="replace")
    fast = _outputs([raw]) + _outputs([text])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_compiled, "_FOUND", [None])
        assert _outputs([raw]) + _outputs([text]) == fast


def test_a_defect_of_the_compiled_path_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A defect of the compiled path is not hidden behind the strict path: it is reported."""
    line = example_lines("assessments.jsonl")[3]
    person = example_lines("persons.jsonl")[3]

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a defect of the compiled path")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_twins, "_ENTITIES", {})
        patch.setattr(_twins, "_entity_function", lambda kind: broken)
        with pytest.raises(RuntimeError):
            atensi.structure_json(person, Person)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_twins, "decode", broken)
        with pytest.raises(RuntimeError):
            atensi.structure_json(person, Person)
        for result in (
            batch.assess_line_json(line, on=ON),
            batch.validate_line_json(person, Person),
        ):
            assert result is not None
            (error,) = json.loads(result)["errors"]
            assert error["code"] == "record.internal_error"
            assert error["ctx"]["exception"] == "RuntimeError"
            assert error["ctx"]["where"].startswith("atensi.batch:_")  # the quick path's call


def test_every_entity_has_a_twin_with_its_fields() -> None:
    import attrs
    import msgspec

    for cls in ENTITIES:
        twin = _twins.twin(cls)
        assert twin.__name__ == cls.__name__
        names = [f.name for f in msgspec.structs.fields(twin)]
        assert names == [f.name for f in attrs.fields(cls)]  # type: ignore[arg-type]


# --- The command line, with and without the extra ------------------------------------------------

_WITHOUT_MSGSPEC = (
    "import sys; sys.modules['msgspec'] = None; from atensi.cli import main; sys.exit(main())"
)


def _cli(args: list[str], *, extra: bool) -> tuple[int, bytes, bytes]:
    import subprocess
    import sys

    runner = ["-m", "atensi"] if extra else ["-c", _WITHOUT_MSGSPEC]
    done = subprocess.run([sys.executable, *runner, *args], capture_output=True, check=False)
    return done.returncode, done.stdout, done.stderr


def test_the_command_line_writes_the_same_with_and_without_the_extra(
    tmp_path: pathlib.Path,
) -> None:
    item = json.loads(example_lines("assessments.jsonl")[3])
    typo = {**item, "assesment": item.pop("assessment")}
    inputs = {
        "empty.jsonl": b"",
        "garbage.jsonl": b"\x00\xff{not json\n\xc3\x28\n[1, 2\n",
        "typo.jsonl": json.dumps(typo).encode() + b"\n",
        # A line over the reader's limit, and one within it with a note far too long.
        "huge.jsonl": b'{"x": "'
        + b"y" * (16 * 1024 * 1024)
        + b'"}\n'
        + json.dumps({**item, "on": "2024-06-01"})
        .replace('"notes": null', '"notes": "' + "n" * 300_000 + '"')
        .encode()
        + b"\n",
    }
    runs: list[list[str]] = [
        ["assess", str(EXAMPLES / "assessments.jsonl"), "--on", "2024-06-01"],
        ["assess", str(EXAMPLES / "assessments-broken.jsonl"), "--on", "2024-06-01", "--jobs", "2"],
        ["validate", str(EXAMPLES / "persons-broken.jsonl"), "--kind", "person"],
    ]
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
        runs.append(["assess", str(tmp_path / name), "--on", "2024-06-01", "--redaction", "facts"])
    for args in runs:
        fast = _cli(args, extra=True)
        assert fast == _cli(args, extra=False), args
        assert fast[0] in (0, 1, 2), (args, fast[2][-300:])


@pytest.mark.parametrize(
    ("field", "value"),
    FIELD_EDGES,
)
def test_a_value_the_fast_checks_skip_or_call_for_is_judged_as_the_detailed_path_judges(
    field: str, value: str | None
) -> None:
    record = {"id": "P", "nik": {"reason": "lainnya"}, "name": "A", field: value}
    try:
        expected: Any = structure_detailed(record, Person)
    except atensi.InvalidRecord as error:
        expected = [p.code for p in error.errors]
    try:
        fast: Any = atensi.structure(record, Person)
    except atensi.InvalidRecord as error:
        fast = [p.code for p in error.errors]
    assert fast == expected
    line = json.dumps(record, ensure_ascii=False)
    twin = _compiled_or_none(line, Person)
    if isinstance(expected, list):
        assert twin is None
    else:
        assert twin is not None
        assert twin == expected
