"""atensi.testing: valid strategies are valid, near misses fail exactly as they say."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import InvalidRecord, nik, structure, unstructure
from atensi.model import Case, Person
from atensi.rules import advance
from atensi.testing import REFERENCE_DATE, STRATEGIES, near_misses, persons
from atensi.vocab import Target

CLASSES = sorted(STRATEGIES, key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=25)
@given(data=st.data())
def test_valid_strategies_structure_unchanged(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cls])
    assert structure(unstructure(value), cls) == value


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=25)
@given(data=st.data())
def test_near_misses_fail_with_their_stated_code(cls: type[Any], data: st.DataObject) -> None:
    miss = data.draw(near_misses(cls))
    with pytest.raises(InvalidRecord) as info:
        structure(miss.record, cls)
    assert [(e.loc, e.code) for e in info.value.errors] == [(miss.loc, miss.code)], miss.what


@settings(max_examples=60)
@given(persons())
def test_generated_niks_agree_with_the_person(person: Person) -> None:
    if isinstance(person.nik, str):
        assert person.birth_date is not None
        assert (
            nik.check_consistency(
                person.nik,
                on=REFERENCE_DATE,
                birth_date=person.birth_date.value,
                sex=person.sex,
                region=person.domicile,
            )
            == ()
        )


@settings(max_examples=60)
@given(persons())
def test_generated_ages_fit_the_conditions(person: Person) -> None:
    from atensi.rules import age_on

    assert person.birth_date is not None
    age = age_on(person.birth_date.value, REFERENCE_DATE)
    for condition in person.conditions:
        if condition.group.target is Target.CHILDREN:
            assert age < 18
        if condition.group.target is Target.ELDERLY:
            assert age >= 60


@settings(max_examples=40)
@given(st.from_type(Case))
def test_generated_stage_histories_obey_the_lifecycle(case: Case) -> None:
    replay = attrs.evolve(case, stages=(), termination=None)
    for entry in case.stages:
        reason = case.termination.reason if case.termination else None
        replay = advance(replay, entry.stage, on=entry.on, reason=reason)
    assert [s.stage for s in replay.stages] == [s.stage for s in case.stages]


@settings(max_examples=10)
@given(data=st.data())
def test_from_type_is_registered_for_every_strategy(data: st.DataObject) -> None:
    for cls in CLASSES:
        assert isinstance(data.draw(st.from_type(cls)), cls)
