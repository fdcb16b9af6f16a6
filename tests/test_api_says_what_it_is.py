"""The API says what it is (issue 27, items 3 and 4).

Wrong arguments raise documented errors (never a ``KeyError`` or ``AttributeError`` from
inside), codes as text are accepted wherever a vocabulary member is typed, construction errors
name their entity, reprs show what is stored, ``help()`` shows the bilingual field docs, and
``dir(atensi)`` lists what a user may use.
"""

from __future__ import annotations

import datetime as dt
import inspect
import pydoc
import subprocess
import sys

import attrs
import pytest

import atensi
from atensi.errors import ErrorDetail, UnknownCode, WrongArgument
from atensi.model import Case, Community, Person, StageEntry
from atensi.rules import advance, check_transition, compare_editions, units_serving
from atensi.vocab import CaseStage, Cluster, TerminationReason

ON = dt.date(2024, 6, 1)
PERSON = {"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"}
CASE = Case(
    id="C-1",
    subject=Community(id="K", name="Kampung"),
    unit="U",
    opened_on=dt.date(2024, 1, 2),
    stages=(StageEntry(stage=CaseStage.INITIAL_APPROACH, on=dt.date(2024, 1, 2)),),
)


def _decision() -> atensi.rules.Decision:
    person = atensi.structure(PERSON, Person)
    return atensi.assess_eligibility(person, None, on=ON)


@pytest.mark.parametrize("lang", ["fr", None, "ID", 1])
def test_explain_refuses_a_language_it_does_not_speak_with_a_documented_error(lang: object) -> None:
    decision = _decision()
    person = atensi.structure(PERSON, Person)
    comparison = compare_editions(person, None, on=ON, editions=("atensi-2021", "ars-2025"))
    for explained in (decision, comparison):
        with pytest.raises(UnknownCode) as caught:
            explained.explain(lang)  # type: ignore[arg-type]
        assert caught.value.choices == ("id", "en")
        assert isinstance(caught.value, ValueError)


def test_codes_as_text_are_accepted_where_a_member_is_typed() -> None:
    by_code = advance(CASE, "asesmen", on=dt.date(2024, 1, 5))
    by_member = advance(CASE, CaseStage.ASSESSMENT, on=dt.date(2024, 1, 5))
    assert by_code == by_member
    assert by_code.stages[-1].stage is CaseStage.ASSESSMENT
    decision = check_transition(
        CASE,
        "terminasi_dini",
        on=dt.date(2024, 1, 5),
        reason="meninggal_dunia",
    )
    assert decision.kind == "transition"
    assert units_serving("3171", "anak", on=ON, registry=[]) == units_serving(
        "3171", Cluster.CHILDREN, on=ON, registry=[]
    )
    assert atensi.coverage([], on=ON, regions=["3171"], clusters=["anak"]).cells


def test_a_code_that_is_none_or_a_value_of_another_kind_is_a_documented_error() -> None:
    with pytest.raises(UnknownCode):
        advance(CASE, "asesment", on=dt.date(2024, 1, 5))
    with pytest.raises(WrongArgument) as caught:
        advance(CASE, 3, on=dt.date(2024, 1, 5))  # type: ignore[arg-type]
    assert caught.value.code == "argument.wrong_type"
    with pytest.raises(WrongArgument) as wrong:
        atensi.assess_eligibility({"kind": "person"}, None, on=ON)  # type: ignore[arg-type]
    assert isinstance(wrong.value, ValueError)
    assert isinstance(wrong.value, TypeError)
    assert "atensi.structure" in str(wrong.value)
    with pytest.raises(WrongArgument):
        check_transition({"id": "C-1"}, CaseStage.ASSESSMENT, on=ON)  # type: ignore[arg-type]
    assert TerminationReason("meninggal_dunia")


def test_construction_errors_name_the_entity() -> None:
    with pytest.raises(atensi.InvalidRecord) as caught:
        Person(id="P", nik="3171014103900001", name="")
    assert caught.value.entity == "Person"
    assert str(caught.value).startswith("invalid Person record")
    assert caught.value.to_json()["entity"] == "Person"


def test_reprs_show_what_is_stored() -> None:
    assert repr(CaseStage.PLANNING) == "<CaseStage.PLANNING: 'rencana_intervensi'>"
    detail = ErrorDetail(("name",), "string.too_short", "too short", "terlalu pendek")
    assert "message_en='too short'" in repr(detail)
    assert detail.message_en == "too short"


def test_help_shows_the_declared_types_and_the_bilingual_field_docs() -> None:
    text = pydoc.render_doc(Person, renderer=pydoc.TextDoc())
    assert "nik: 'str | NoNik'" in text or "nik: str | NoNik" in text
    assert "'Any'" not in str(inspect.signature(Person))
    assert "Full name" in text
    assert "Nama lengkap" in text
    assert "personal data: pengenal" in text
    # Every entity documents every field in its docstring (the API docs read it too).
    for cls in atensi.model.ENTITIES:
        doc = cls.__doc__ or ""
        for field in attrs.fields(cls):  # type: ignore[arg-type]
            assert f"    {field.name} (" in doc, (cls.__name__, field.name)


def test_dir_lists_only_what_a_user_may_use() -> None:
    names = dir(atensi)
    for helper in ("Any", "TYPE_CHECKING", "sys", "_LAZY", "_SUBMODULES", "_resolve"):
        assert helper not in names
    for name in names:
        getattr(atensi, name)  # every listed name resolves
    assert {"structure", "json_schema", "Cluster", "rules", "__version__"} <= set(names)


def test_atensi_testing_without_hypothesis_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import atensi.testing\n"
        "except ModuleNotFoundError as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "pip install 'atensi[hypothesis]'" in done.stdout


def test_the_order_procedure_and_calendar_functions_refuse_plain_data() -> None:
    # Issues 24 and 29's entry points, as the rules above: a documented error, never an
    # AttributeError from inside.
    from atensi.rules.calendar import duties_due
    from atensi.rules.orders import assess_order
    from atensi.rules.procedure import assess_procedure

    with pytest.raises(WrongArgument):
        assess_order({"id": "C-1"}, {"kind": "x"}, on=ON)  # type: ignore[arg-type]
    with pytest.raises(WrongArgument):
        assess_procedure({"id": "C-1"}, on=ON)  # type: ignore[arg-type]
    with pytest.raises(WrongArgument):
        duties_due(CASE, on="2024-06-01")  # type: ignore[arg-type]
    with pytest.raises(WrongArgument):
        duties_due(CASE, on=ON, until=dt.datetime(2024, 6, 9, tzinfo=dt.UTC))
    assert duties_due(CASE, on=dt.date.max) == ()
