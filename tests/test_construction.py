"""Construction is validated: no public function fails on an entity construction accepted.

Issue 15, item 7: ``Person(sex="female")`` was accepted and ``unstructure`` then raised
``AttributeError``; a string ``assessed_on`` made ``assess_eligibility`` raise ``TypeError``;
``conditions=[]`` made the entity unhashable.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atensi
from atensi import InvalidRecord, structure, unstructure
from atensi.model import Assessment, Condition, Person
from atensi.nik import NoNik, NoNikReason
from atensi.rules import assess_eligibility
from atensi.vocab import TargetGroup
from tests.strategies_model import ENTITY_STRATEGIES, STRATEGY_CLASSES, entity_name

WRONG = [
    "female",
    3,
    2.5,
    True,
    None,
    [],
    {},
    ("x",),
    dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    object(),
]
NO_NIK = NoNik(NoNikReason.NOT_REGISTERED)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("sex", "female", "type.enum"),
        ("sex", "perempuan", "type.enum"),
        ("birth_date", "1990-01-01", "type.object"),
        ("name", 3, "type.string"),
        ("conditions", [Condition(group=TargetGroup.STREET_CHILD), "x"], "type.array"),
        ("nik", 3171014103900001, "type.union"),
    ],
)
def test_a_wrong_type_is_refused_on_construction(field: str, value: Any, code: str) -> None:
    with pytest.raises(InvalidRecord) as err:
        Person(**{"id": "P", "nik": NO_NIK, "name": "A", field: value})
    assert [(e.loc, e.code) for e in err.value.errors] == [((field,), code)]


def test_a_string_date_is_refused_before_any_rule_reads_it() -> None:
    with pytest.raises(InvalidRecord) as err:
        Assessment(id="A", assessed_on="2024-05-01")  # type: ignore[arg-type]
    assert err.value.errors[0].code == "type.date"
    with pytest.raises(InvalidRecord):
        Assessment(id="A", assessed_on=dt.datetime(2024, 5, 1, tzinfo=dt.UTC))


def test_lists_become_tuples_and_the_entity_stays_hashable() -> None:
    person = Person(id="P", nik=NO_NIK, name="A", conditions=[])  # type: ignore[arg-type]
    assert person.conditions == ()
    hash(person)
    assert structure(unstructure(person), Person) == person


@pytest.mark.parametrize("cls", STRATEGY_CLASSES, ids=entity_name)
@settings(max_examples=10)
@given(data=st.data())
def test_whatever_construction_accepts_every_public_function_handles(
    cls: type[Any], data: st.DataObject
) -> None:
    entity = data.draw(ENTITY_STRATEGIES[cls])
    for field in attrs.fields(cls):
        for value in WRONG:
            try:
                changed = attrs.evolve(entity, **{field.name: value})
            except InvalidRecord:
                continue
            # Accepted: then it round-trips, hashes, and the rules take it.
            hash(changed)
            assert structure(unstructure(changed), cls) == changed
            if isinstance(changed, Person):
                assess_eligibility(changed, None, on=dt.date(2024, 6, 1))
            atensi.boundary.warnings_of(changed)


def test_the_entity_names_are_the_entities_and_load_on_first_use() -> None:
    import subprocess
    import sys

    from atensi import model

    assert tuple(cls.__name__ for cls in model.ENTITIES) == model.ENTITY_NAMES
    for name, cls in zip(model.ENTITY_NAMES, model.ENTITIES, strict=True):
        assert getattr(model, name) is cls
    assert {"ServiceUnit", "Portfolio", "PmTarget", "ENTITIES"} <= set(dir(model))
    # The lazy names are each lazy module's whole __all__, and every one of them is public.
    from atensi.model import portfolio, reporting, unit

    for module in (portfolio, reporting, unit):
        short = module.__name__.rsplit(".", 1)[1]
        assert {n for n, m in model._LAZY.items() if m == short} == set(module.__all__)
    assert set(model._LAZY) <= set(model.__all__)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        model.Nope  # noqa: B018
    code = (
        "import sys, atensi.batch\n"
        "print([m for m in sys.modules if m.startswith('atensi.model.')])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout
    for lazy in ("unit", "portfolio", "reporting"):
        assert f"atensi.model.{lazy}'" not in loaded, lazy
    assert "atensi.model.person'" in loaded
