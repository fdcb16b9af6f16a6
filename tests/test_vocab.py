"""The vocabulary: stable codes, bilingual labels, citations, and clear errors for bad codes."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import atensi
from atensi.law import get
from atensi.vocab import (
    VOCABULARIES,
    Activity,
    CaseStage,
    Cluster,
    CodedEnum,
    DisabilityType,
    Evidence,
    Principle,
    ServiceComponent,
    Target,
    TargetGroup,
    TechnicalPolicy,
    groups_of,
)

ALL_MEMBERS = [m for vocab in VOCABULARIES for m in vocab]
CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_a_stable_code_and_two_labels(member: CodedEnum) -> None:
    assert CODE.match(member.value), member.value
    assert member.code == member.value
    assert member.label.id.strip()
    assert member.label.en.strip()
    assert member.name.isupper()


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda v: v.__name__)
def test_codes_are_unique_within_a_vocabulary(vocab: type[CodedEnum]) -> None:
    codes = [m.value for m in vocab]
    assert len(codes) == len(set(codes))
    # No member is an alias of another (aliases would make codes ambiguous).
    assert len(vocab.__members__) == len(list(vocab))


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_citations_name_catalogued_instruments(member: CodedEnum) -> None:
    citation = member.citation
    if citation is None:
        return
    assert isinstance(citation.evidence, Evidence)
    if citation.instrument is not None:
        assert get(citation.instrument).id == citation.instrument
    else:
        # A fact from practice must say where it was read.
        assert citation.source


def test_members_defined_by_law_carry_a_citation() -> None:
    for vocab in (Cluster, Target, TargetGroup, DisabilityType, Activity, Principle, CaseStage):
        for member in vocab:
            assert member.citation is not None, member


def test_the_five_clusters_and_seven_targets() -> None:
    assert Cluster.codes() == (
        "anak",
        "penyandang_disabilitas",
        "tuna_sosial_kpo",
        "korban_napza",
        "lanjut_usia",
    )
    assert {t.cluster for t in Target} - {None} == set(Cluster)
    assert Target.DISASTER_VICTIMS.cluster is None
    assert Target.OTHER_PPKS.cluster is None


def test_every_target_group_maps_to_exactly_one_target() -> None:
    seen: dict[TargetGroup, Target] = {}
    for target in Target:
        for group in groups_of(target):
            assert group not in seen, f"{group} maps to {seen[group]} and {target}"
            seen[group] = target
            assert group.target is target
    assert set(seen) == set(TargetGroup)


def test_the_fifteen_ampk_categories_follow_uu_35_2014_in_order() -> None:
    ampk = [
        g
        for g in TargetGroup
        if g.citation is not None
        and g.citation.instrument == "uu-35-2014"
        and g.citation.article is not None
        and g.citation.article.startswith("Pasal 59 ayat (2)")
    ]
    letters = [g.citation.article[-1] for g in ampk if g.citation and g.citation.article]
    assert letters == list("abcdefghijklmno")
    assert all(g.target is Target.CHILDREN for g in ampk)


def test_disability_types_of_uu_8_2016() -> None:
    assert {d.value for d in DisabilityType} == {
        "fisik",
        "intelektual",
        "mental",
        "sensorik_netra",
        "sensorik_rungu",
        "sensorik_wicara",
    }
    assert [d.is_sensory for d in DisabilityType].count(True) == 3


def test_ten_activities_grouped_into_seven_components() -> None:
    assert len(Activity) == 10
    assert len(ServiceComponent) == 7
    assert {a.component for a in Activity} == set(ServiceComponent)
    assert sum(len(c.activities) for c in ServiceComponent) == 10


def test_case_stages_keep_the_pp_39_2012_order() -> None:
    legal = CaseStage.legal_order()
    assert len(legal) == 7
    letters = [s.citation.article[-1] for s in legal if s.citation and s.citation.article]
    assert letters == list("abcdefg")
    added = set(CaseStage) - set(legal)
    assert all(s.citation and s.citation.evidence is Evidence.CONVENTION for s in added)


def test_six_policies_are_graded_secondary_and_twelve_principles_cite_15_2025() -> None:
    assert len(TechnicalPolicy) == 6
    assert all(p.citation and p.citation.evidence is Evidence.SECONDARY for p in TechnicalPolicy)
    assert len(Principle) == 12
    letters = [p.citation.article[-1] for p in Principle if p.citation and p.citation.article]
    assert letters == list("abcdefghijkl")


def test_unknown_code_error_names_the_value_and_the_choices() -> None:
    with pytest.raises(atensi.UnknownCode) as info:
        Cluster("orang_tua")
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, atensi.AtensiError)
    assert err.code == "vocab.unknown_code"
    assert err.value == "orang_tua"
    assert err.choices == Cluster.codes()
    assert "orang_tua" in str(err)
    assert "anak" in err.message_id
    json.dumps(err.to_dict())


@given(st.one_of(st.text(), st.integers(), st.none(), st.floats(allow_nan=True)))
def test_lookup_of_any_value_returns_a_member_or_raises_unknown_code(value: object) -> None:
    for vocab in VOCABULARIES:
        if value in vocab.codes():
            assert vocab(value).value == value
        else:
            with pytest.raises(atensi.UnknownCode) as info:
                vocab(value)
            assert info.value.choices == vocab.codes()


def test_members_serialise_as_their_code() -> None:
    assert json.dumps([Cluster.ELDERLY, TargetGroup.STREET_CHILD]) == (
        '["lanjut_usia", "anak_jalanan"]'
    )
    # The repr shows the code a file or an output holds (issue 27, item 4).
    assert repr(Cluster.ELDERLY) == "<Cluster.ELDERLY: 'lanjut_usia'>"
    assert "'rencana_intervensi'" in repr(CaseStage.PLANNING)
    assert Cluster("anak") is Cluster.CHILDREN


def test_label_in_lang() -> None:
    assert Cluster.ELDERLY.label.in_lang("id") == "Lanjut usia"
    assert Cluster.ELDERLY.label.in_lang("en") == "Elderly"
    with pytest.raises(atensi.UnknownCode):
        Cluster.ELDERLY.label.in_lang("fr")
