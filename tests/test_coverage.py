"""Multifunction coverage: who serves a region and target on a date, and why."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import InvalidRecord, structure
from atensi.example_units import example_registry
from atensi.model import ServiceUnit, UnitRegistry
from atensi.regions import InvalidRegionCode
from atensi.rules import CoverageReport, coverage, units_serving
from atensi.vocab import Target

D = dt.date


def registry(*units: dict[str, Any]) -> UnitRegistry:
    return structure({"units": list(units)}, UnitRegistry)


CHILD_BALAI = {
    "code": "BA",
    "name": "Balai Anak",
    "kind": "balai",
    "home_clusters": ["anak"],
    "working_area": ["73"],
}
ELDERLY_BALAI = {
    "code": "BL",
    "name": "Balai Lansia",
    "kind": "balai",
    "home_clusters": ["lanjut_usia"],
    "working_area": ["3275"],
    "history": [{"on": "2022-03-03", "kind": "bergabung", "merged_into": "ST"}],
}
SENTRA = {
    "code": "ST",
    "name": "Sentra Terpadu Pangudi Luhur",
    "kind": "sentra_terpadu",
    "established_on": "2022-03-03",
    "working_area": ["3216"],
}


def codes(found: tuple[Any, ...]) -> list[str]:
    return [u.code for u in found]


def test_a_single_cluster_balai_before_may_2021_serves_only_its_cluster() -> None:
    reg = registry(CHILD_BALAI)
    on = D(2021, 4, 30)
    assert codes(units_serving("7371", Target.CHILDREN, on=on, registry=reg)) == ["BA"]
    assert codes(units_serving("7371", Target.ELDERLY, on=on, registry=reg)) == []


def test_after_the_multifunction_directive_it_serves_every_cluster() -> None:
    reg = registry(CHILD_BALAI)
    found = units_serving("737101", Target.ELDERLY, on=D(2021, 5, 1), registry=reg)
    assert codes(found) == ["BA"]
    assert [r.rule_id for r in found[0].reasons] == ["cov.area", "cov.multifunction"]
    assert found[0].reasons[1].citation is not None
    assert found[0].reasons[1].citation.evidence.value == "secondary"


def test_a_unit_may_record_its_own_multifunction_date() -> None:
    unit = {**CHILD_BALAI, "history": [{"on": "2021-09-01", "kind": "multifungsi"}]}
    reg = registry(unit)
    assert codes(units_serving("7371", Target.ELDERLY, on=D(2021, 8, 31), registry=reg)) == []
    assert codes(units_serving("7371", Target.ELDERLY, on=D(2021, 9, 1), registry=reg)) == ["BA"]


def test_the_policy_date_can_be_overridden() -> None:
    reg = registry(CHILD_BALAI)
    late = D(2021, 7, 1)
    found = units_serving(
        "7371", Target.ELDERLY, on=D(2021, 6, 1), registry=reg, multifunction_policy_from=late
    )
    assert found == ()


def test_a_merged_unit_answers_under_its_new_name_from_the_merger_date() -> None:
    reg = registry(ELDERLY_BALAI, SENTRA)
    before = units_serving("3275", Target.ELDERLY, on=D(2022, 3, 2), registry=reg)
    after = units_serving("3275", Target.ELDERLY, on=D(2022, 3, 3), registry=reg)
    assert [u.name for u in before] == ["Balai Lansia"]
    assert [u.name for u in after] == ["Sentra Terpadu Pangudi Luhur"]


def test_disaster_victims_are_served_by_multifunction_balai_under_7_2021() -> None:
    # VERIFICATION §2.1: under Permensos 7/2021 the targets of the balai, balai besar and loka
    # include disaster victims, so a multifunction balai serves them before the Sentra era.
    reg = registry(
        {
            **CHILD_BALAI,
            "history": [{"on": "2022-06-01", "kind": "ganti_bentuk", "unit_kind": "sentra"}],
        }
    )
    before = units_serving("7371", Target.DISASTER_VICTIMS, on=D(2022, 5, 31), registry=reg)
    assert [r.rule_id for r in before[0].reasons] == ["cov.area", "cov.multifunction", "cov.target"]
    assert before[0].reasons[2].citation is not None
    assert before[0].reasons[2].citation.instrument == "permensos-7-2021"
    found = units_serving("7371", Target.DISASTER_VICTIMS, on=D(2022, 6, 1), registry=reg)
    assert [r.rule_id for r in found[0].reasons] == [
        "cov.area",
        "cov.multifunction",
        "cov.target",
        "cov.kbk",
    ]


def test_under_16_2020_disaster_victims_are_served_through_the_pp_39_floor() -> None:
    reg = registry(CHILD_BALAI)
    found = units_serving("7371", Target.DISASTER_VICTIMS, on=D(2021, 6, 1), registry=reg)
    floor = found[0].reasons[-1]
    assert floor.rule_id == "cov.floor"
    assert floor.citation is not None
    assert floor.citation.evidence.value == "convention"


def test_registry_evidence_is_never_verified_by_default() -> None:
    reg = registry(CHILD_BALAI)
    area = units_serving("7371", Target.CHILDREN, on=D(2023, 1, 1), registry=reg)[0].reasons[0]
    assert area.citation is not None
    assert area.citation.evidence.value == "background"
    assert "did not grade" in (area.citation.note or "")
    graded = structure({"units": [CHILD_BALAI], "evidence": "secondary"}, UnitRegistry)
    area = units_serving("7371", Target.CHILDREN, on=D(2023, 1, 1), registry=graded)[0].reasons[0]
    assert area.citation is not None
    assert area.citation.evidence.value == "secondary"


def test_coverage_names_the_edition_it_was_decided_under() -> None:
    report = coverage(registry(CHILD_BALAI), on=D(2023, 1, 1), regions=["7371"])
    assert report.edition == "atensi-2022"
    pinned = coverage(
        registry(CHILD_BALAI), on=D(2023, 1, 1), regions=["7371"], edition="atensi-2021"
    )
    assert pinned.edition == "atensi-2021"
    early = coverage(registry(CHILD_BALAI), on=D(2016, 1, 1), regions=["7371"])
    assert early.edition == "pp39-2012"


def test_a_regency_outside_every_working_area_is_a_gap() -> None:
    report = coverage(registry(CHILD_BALAI), on=D(2023, 1, 1), regions=["7371", "3171"])
    gaps = {(c.region, c.target) for c in report.gaps}
    assert ("3171", "anak") in gaps
    assert ("7371", "anak") not in gaps


def test_overlaps_are_listed() -> None:
    other = {**CHILD_BALAI, "code": "BB", "name": "Balai B", "working_area": ["7371"]}
    report = coverage(registry(CHILD_BALAI, other), on=D(2023, 1, 1), regions=["7371"])
    assert {c.target for c in report.overlaps} >= {"anak", "lanjut_usia"}
    assert all(c.units == ("BA", "BB") for c in report.overlaps)


def test_report_json_round_trips_and_csv_has_a_row_per_region() -> None:
    report = coverage(example_registry(), on=D(2023, 6, 1))
    assert len(report.regions) == 514
    data = json.loads(json.dumps(report.to_json()))
    assert CoverageReport.from_json(data) == report
    assert len(report.to_csv().splitlines()) == 515


def test_an_unknown_region_is_refused() -> None:
    with pytest.raises(InvalidRegionCode):
        units_serving("9999", Target.CHILDREN, on=D(2023, 1, 1), registry=registry(CHILD_BALAI))


@pytest.mark.parametrize(
    ("units", "loc", "code"),
    [
        (
            [{**CHILD_BALAI, "working_area": ["7399"]}],
            ("units", 0, "working_area", 0),
            "region.unknown",
        ),
        (
            # A dotted code is read as the table writes it (issue 27); a malformed one is not.
            [{**CHILD_BALAI, "working_area": ["73.7x"]}],
            ("units", 0, "working_area", 0),
            "region.unknown",
        ),
        (
            [ELDERLY_BALAI],
            ("units", 0, "history", 0, "merged_into"),
            "registry.unknown_merger_target",
        ),
        (
            [
                {
                    **CHILD_BALAI,
                    "history": [
                        {"on": "2022-01-01", "kind": "multifungsi"},
                        {"on": "2022-01-01", "kind": "multifungsi"},
                    ],
                }
            ],
            ("units", 0, "history", 1),
            "unit.duplicate_event",
        ),
    ],
)
def test_bad_registries_are_invalid_records_with_paths(
    units: list[dict[str, Any]], loc: tuple[Any, ...], code: str
) -> None:
    with pytest.raises(InvalidRecord) as info:
        registry(*units)
    assert {(e.loc, e.code) for e in info.value.errors} == {(loc, code)}


AREAS = st.lists(
    st.sampled_from(["73", "7371", "31", "3171", "32", "3273", "65"]),
    min_size=1,
    max_size=3,
    unique=True,
)


@st.composite
def units(draw: st.DrawFn, code: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": f"Unit {code}",
        "kind": draw(st.sampled_from(["balai", "loka", "sentra", "balai_besar"])),
        "home_clusters": draw(
            st.lists(
                st.sampled_from(["anak", "lanjut_usia", "korban_napza"]), max_size=2, unique=True
            )
        ),
        "working_area": draw(AREAS),
    }


@settings(max_examples=40)
@given(
    extra=units("NEW"),
    first=units("A"),
    on=st.dates(min_value=D(2019, 1, 1), max_value=D(2027, 1, 1)),
)
def test_adding_a_unit_never_removes_coverage(
    extra: dict[str, Any], first: dict[str, Any], on: dt.date
) -> None:
    regions = ["7371", "3171", "3273", "6501"]
    before = coverage(registry(first), on=on, regions=regions)
    after = coverage(registry(first, extra), on=on, regions=regions)
    served_before = {(c.region, c.target) for c in before.cells if c.units}
    served_after = {(c.region, c.target) for c in after.cells if c.units}
    assert served_before <= served_after
    assert coverage(registry(first, extra), on=on, regions=regions) == after  # deterministic


def test_units_are_plain_entities() -> None:
    assert isinstance(example_registry().units[0], ServiceUnit)
