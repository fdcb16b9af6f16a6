"""Generated code can be read: its source is kept, tracebacks show its lines, names say what.

The boundary generates functions per entity class (structuring, the twins' checks, the
warnings). :func:`atensi.boundary.source_of` returns their source, ``linecache`` holds it (so
``inspect.getsource``, tracebacks and debuggers find it), and the names in it are the fields'
and the things' own: no counters, no memory addresses.
"""

from __future__ import annotations

import inspect
import json
import re
import traceback
import weakref
from typing import Any

import attrs
import pytest

import atensi
from atensi._codegen import Namespace, local_name
from atensi.boundary import _compiled, _fast, source_of
from atensi.boundary._source import KINDS
from atensi.model import ENTITIES, Person
from tests.line_mutations import detailed, example_lines

PURE_KINDS = ("structure", "counted", "warnings")
TWIN_KINDS = ("twin colons", "twin entity")


def _kinds() -> tuple[str, ...]:
    return PURE_KINDS + (TWIN_KINDS if _compiled.compiled() else ())


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_every_entity_has_readable_source_of_every_kind(cls: type[Any]) -> None:
    for kind in _kinds():
        source = source_of(cls, kind)
        compile(source, "<test>", "exec")  # it is the code, whole
        first = source.splitlines()[0]
        assert first.startswith("def "), first
        assert cls.__name__ in first, first
        # Names say what they hold: no counters (v0, c12) and no memory addresses.
        names = set(re.findall(r"\b[A-Za-z_][A-Za-z0-9_]*\b", source))
        assert not {n for n in names if re.fullmatch(r"[a-z]{1,3}[0-9]+(_[0-9]{6,})?", n)}
        assert not {n for n in names if re.search(r"[0-9]{5,}", n)}


def test_source_of_refuses_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="twin entity"):
        source_of(Person, "twins")
    assert set(KINDS) == set(PURE_KINDS + TWIN_KINDS)


def test_inspect_finds_the_source_of_generated_functions() -> None:
    function = _fast.fast_structurer(Person)
    assert inspect.getsource(function) == source_of(Person, "structure")
    assert function.__code__.co_filename == "<atensi structure Person>"


def test_a_traceback_through_generated_code_shows_the_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A defect raised inside generated code is located at its line, with the line's text."""

    def broken(value: Any) -> Any:
        raise RuntimeError("a defect in a converter")

    function = _fast.fast_structurer(Person)
    monkeypatch.setitem(function.__globals__, "nik_converter", broken)
    record = json.loads(example_lines("persons.jsonl")[0])
    record["nik"] = "3171-0141-0390-0001"  # with separators: the converter runs
    with pytest.raises(RuntimeError) as raised:
        atensi.structure(record, Person)
    text = "".join(traceback.format_exception(raised.value))
    assert 'File "<atensi structure Person>", line' in text
    assert "nik = nik_converter(nik)" in text


def test_names_are_made_readable_and_unique() -> None:
    namespace = Namespace()
    first, second = object(), object()
    assert namespace.name(first, "nik converter") == "nik_converter"
    assert namespace.name(first, "nik converter") == "nik_converter"
    assert namespace.name(second, "nik converter") == "nik_converter_2"
    assert namespace.name(None, "sex_default") == "None"  # a constant is written as itself
    assert namespace.name((), "conditions_default") == "()"
    assert local_name("type") == "type_"  # no builtin shadowed
    assert local_name("class") == "class_"
    assert local_name("on") == "on"


def test_ascii_text_is_blank_where_str_strip_says_so() -> None:
    """The generated checks strip ASCII text with ``str.strip()``: the same ASCII blanks."""
    from atensi.model._fields import BLANK

    ascii_blanks = {c for c in BLANK if c.isascii()}
    assert ascii_blanks == {chr(cp) for cp in range(128) if chr(cp).isspace()}


@pytest.mark.parametrize("cls", ENTITIES, ids=lambda c: c.__name__)
def test_every_entity_has_a_builder_of_its_fields_alone(cls: type[Any]) -> None:
    """The twins build an entity through a class of its layout (``_twins._builder``)."""
    if not _compiled.compiled():
        pytest.skip("the fast extra is not installed")
    from atensi.boundary import _twins

    builder = _twins._builder(cls)
    assert builder is not None, cls  # every entity's layout admits one
    assert set(builder.__slots__) == {f.name for f in attrs.fields(cls)}


def test_entities_built_from_twins_are_of_their_class_and_equal_the_detailed_path() -> None:
    if not _compiled.compiled():
        pytest.skip("the fast extra is not installed")
    from atensi.boundary import _twins
    from atensi.model import AssessmentItem

    for line in example_lines("assessments.jsonl")[:200]:
        item = _twins.decode(line, AssessmentItem)
        assert item == detailed(line, AssessmentItem)
        for entity in (item, item.subject, item.assessment, item.subject.birth_date):
            if entity is not None:
                assert not type(entity).__name__.endswith("Builder"), type(entity)
                weakref.ref(entity)  # still weakly referenceable
