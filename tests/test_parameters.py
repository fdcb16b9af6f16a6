"""Dated parameters: thresholds, amounts, periods and switches read by name on a date.

Each parameter file agrees with its schema; a value starts on its date (inclusive) and, when it
names an edition, applies under that edition and later ones; reading goes through the one
edition resolver, so a pin and in-force overrides reach every threshold; and no rule compares
with a literal threshold any more.
"""

from __future__ import annotations

import ast
import datetime as dt
import pathlib

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import data
from atensi.errors import NoInstrumentInForce, UnknownCode
from atensi.law import (
    ParameterWrongType,
    editions,
    get_parameter,
    group_bounds,
    instrument_in_force,
    parameter,
    parameter_names,
    parameters,
)
from atensi.law._parameters import _walk
from atensi.law._table import FLOOR_FROM, edition_rank, rank_of
from atensi.vocab import Evidence, Sex, TargetGroup

D = dt.date
ROOT = pathlib.Path(__file__).resolve().parents[1]

#: What the issue asks to be a parameter, at least.
REQUIRED = (
    "age.child_under",
    "age.elderly_from",
    "age.juvenile_court_under",
    "disability.long_term_months",
    "disability.medical_determination",
    "aid.yapi.monthly_rates_idr",
    "groups.anak_yatim_piatu.recognised",
    "gates.registry",
    "gates.dtsen_max_decile",
    "aftercare.follow_up_months",
    "sentra_kreasi.exit_income_percent_of_minimum_wage",
    "units.multifunction_policy",
    "units.sentra_kbk",
    "groups.anak_balita_terlantar.age_under",
    "groups.anak_berkonflik_hukum.age_min",
    "groups.anak_berkonflik_hukum.recognised",
    "groups.perempuan_rawan_sosial_ekonomi.sex",
)


def test_every_parameter_file_agrees_with_the_schema() -> None:
    schema = data.read_json("law/parameter.schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = _walk("law/parameters", "")
    assert len(files) == len(parameters()) >= len(REQUIRED)
    for name, path in files:
        errors = [e.message for e in validator.iter_errors(data.read_json(path))]
        assert not errors, (name, errors)


def test_the_schema_refuses_a_value_without_a_citation() -> None:
    schema = data.read_json("law/parameter.schema.json")
    broken = data.read_json("law/parameters/age/child_under.json")
    del broken["values"][0]["citation"]
    broken["values"][1]["from"] = "17 Oct 2014"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(broken))
    assert len(errors) == 2


def test_required_parameters_exist_with_both_languages_and_a_unit() -> None:
    names = set(parameter_names())
    assert set(REQUIRED) <= names
    for found in parameters():
        assert found.description.id.strip(), found.name
        assert found.description.en.strip(), found.name
        assert found.unit, found.name
        starts = [e.start for e in found.entries if e.start is not None and e.edition is None]
        assert starts == sorted(starts), f"{found.name}: values must be listed oldest first"


def test_child_age_limit_moves_from_uu_23_2002_to_uu_35_2014() -> None:
    before = parameter("age.child_under", D(2014, 10, 16))
    after = parameter("age.child_under", D(2014, 10, 17))
    assert before.value == after.value == 18
    assert (before.citation and before.citation.instrument) == "uu-23-2002"
    assert (after.citation and after.citation.instrument) == "uu-35-2014"
    assert after.since == D(2014, 10, 17)
    assert parameter("age.elderly_from", D(2024, 1, 1)).number == 60
    assert parameter("age.juvenile_court_under", D(2024, 1, 1)).number == 21


def test_uu_8_2016_start_is_the_start_of_its_six_month_test() -> None:
    assert parameter("disability.long_term_months", D(2016, 4, 14)).value is None
    assert parameter("disability.long_term_months", D(2016, 4, 15)).number == 6
    assert not parameter("disability.medical_determination", D(2016, 4, 14)).flag
    assert parameter("disability.medical_determination", D(2016, 4, 15)).flag


def test_an_edition_pin_and_in_force_dates_reach_the_parameters() -> None:
    name = "sentra_kreasi.exit_income_percent_of_minimum_wage"
    assert parameter(name, D(2024, 6, 1)).value is None  # no exit rule before 15/2025
    assert parameter(name, D(2026, 1, 1)).number == 100
    assert parameter(name, D(2024, 6, 1), edition="ars-2025").number == 100
    assert parameter(name, D(2026, 1, 1), edition="atensi-2022").value is None
    moved = {"permensos-15-2025": D(2025, 6, 1)}
    assert parameter(name, D(2025, 7, 1), in_force_dates=moved).number == 100
    assert parameter(name, D(2025, 7, 1)).value is None


def test_registry_gate_by_edition_and_date() -> None:
    def registry(on: dt.date, edition: str | None = None) -> object:
        return parameter("gates.registry", on, edition=edition).value

    assert registry(D(2020, 12, 31)) is None
    assert registry(D(2021, 1, 1)) == "dtks"
    assert registry(D(2025, 3, 31)) == "dtks"
    assert registry(D(2025, 4, 1)) == "dtsen"
    assert registry(D(2023, 6, 1), "ars-2025") == "dtsen"
    assert registry(D(2025, 6, 1), "atensi-2021") is None
    assert registry(D(2020, 6, 1), "atensi-2021") == "dtks"
    assert parameter("gates.dtsen_max_decile", D(2025, 6, 1)).number == 5


MAY_2021 = D(2021, 5, 27)


def test_edition_data_gates_are_derived_from_the_parameters() -> None:
    # The gates an edition applies on a day are what the parameters say on that day ...
    registry, decile = get_parameter("gates.registry"), get_parameter("gates.dtsen_max_decile")
    starts = {e.start for p in (registry, decile) for e in p.entries if e.start is not None}
    days = sorted({d + dt.timedelta(days=k) for d in starts for k in (-1, 0, 1)})
    for edition in editions():
        for day in days:
            gates = edition.gates_on(day)
            wanted = registry.at(day, edition).value
            assert [g.id for g in gates] == ([] if wanted is None else [wanted]), (edition.id, day)
            for gate in gates:
                expected = decile.at(day, edition).number if gate.id == "dtsen" else None
                assert gate.max_decile == expected, (edition.id, day)
    # ... and the history they encode (windows that begin before 2026) stays as it was.
    history = {
        e.id: [
            (g.id, g.max_decile, g.valid_from, g.valid_until)
            for g in e.data_gates
            if g.valid_from is None or g.valid_from < D(2026, 1, 1)
        ]
        for e in editions()
    }
    assert history["pp39-2012"] == history["progres-2019"] == []
    # The DTKS gate cites Permensos 5/2019 until Permensos 3/2021 (27 May 2021) replaced it.
    before, after = ("dtks", None, None, MAY_2021), ("dtks", None, MAY_2021, D(2025, 4, 1))
    assert history["atensi-2020"] == [
        ("dtks", None, D(2021, 1, 1), MAY_2021),
        ("dtks", None, MAY_2021, None),
    ]
    assert history["atensi-2021"] == [before, after]
    assert history["atensi-2022"][:2] == [before, after]
    assert history["atensi-2022"][2][:3] == ("dtsen", 5, D(2025, 4, 1))
    assert history["ars-2025"][0][:3] == ("dtsen", 5, None)


def test_yapi_rates_and_start() -> None:
    assert parameter("aid.yapi.monthly_rates_idr", D(2022, 11, 30)).numbers == (200_000, 300_000)
    assert parameter("aid.yapi.monthly_rates_idr", D(2022, 12, 1)).numbers == (200_000,)
    assert not parameter("groups.anak_yatim_piatu.recognised", D(2022, 11, 30)).flag
    assert parameter("groups.anak_yatim_piatu.recognised", D(2022, 12, 1)).flag


def test_group_bounds_on_a_date() -> None:
    toddler = group_bounds(TargetGroup.NEGLECTED_TODDLER, D(2024, 1, 1))
    assert (toddler.age_min, toddler.age_under) == (None, 6)
    assert toddler.age_citation is not None
    assert toddler.age_citation.evidence is Evidence.SECONDARY
    offender = group_bounds(TargetGroup.CHILD_IN_CONFLICT_WITH_LAW, D(2014, 7, 29))
    assert not offender.recognised
    assert offender.recognised_from == D(2014, 7, 30)
    assert offender.basis is not None
    assert offender.basis.article == "Pasal 108"
    assert group_bounds(TargetGroup.CHILD_IN_CONFLICT_WITH_LAW, D(2014, 7, 30)).recognised
    woman = group_bounds(TargetGroup.ECONOMICALLY_VULNERABLE_WOMAN, D(2024, 1, 1))
    assert (woman.age_min, woman.age_under, woman.sex) == (18, 60, Sex.FEMALE)
    assert group_bounds(TargetGroup.STREET_CHILD, D(2024, 1, 1)).is_empty
    with pytest.raises(NoInstrumentInForce):
        group_bounds(TargetGroup.STREET_CHILD, D(2011, 1, 1))


def test_errors_are_documented_atensi_errors() -> None:
    with pytest.raises(UnknownCode) as unknown:
        parameter("age.child", D(2024, 1, 1))
    assert unknown.value.code == "law.unknown_parameter"
    with pytest.raises(ParameterWrongType):
        _ = parameter("units.sentra_kbk", D(2024, 1, 1)).number
    with pytest.raises(ParameterWrongType):
        get_parameter("gates.registry").on_date(D(2024, 1, 1))
    with pytest.raises(NoInstrumentInForce):
        parameter("age.child_under", D(2010, 1, 1))


def test_parameters_serialise() -> None:
    found = get_parameter("age.child_under").to_dict()
    assert found["name"] == "age.child_under"
    assert [v["from"] for v in found["values"]] == ["2002-10-22", "2014-10-17"]
    value = parameter("aftercare.follow_up_months", D(2024, 1, 1)).to_dict()
    assert value["value"] == [6, 12]
    assert value["citation"]["source"] == "atensi-conventions"


# --- No threshold is a literal in rule code ----------------------------------------------------

#: Comparisons with these numbers are arithmetic, not law (a length, a month, a day of February,
#: a NIK's 40 for women, a regency code's 4 digits, cache sizes).
_NOT_THRESHOLDS = {0, 1, -1, 2, 4, 16, 28, 29, 40, 64, 256, 1024}


def _literal_thresholds(path: pathlib.Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                if (
                    isinstance(side, ast.Constant)
                    and type(side.value) in (int, float)
                    and side.value not in _NOT_THRESHOLDS
                ):
                    found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
        if (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) in ("dt.date", "datetime.date")
            and node.args
            and all(isinstance(a, ast.Constant) for a in node.args)
        ):
            found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return found


def test_rule_code_compares_with_no_literal_threshold_or_switch_date() -> None:
    rules = ROOT / "src" / "atensi" / "rules"
    found = [hit for path in sorted(rules.rglob("*.py")) for hit in _literal_thresholds(path)]
    assert not found, "\n".join(found)


def test_the_literal_scan_finds_what_it_looks_for(tmp_path: pathlib.Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime as dt\nok = age >= 18\nX = dt.date(2022, 12, 1)\nfine = len(nik) == 16\n",
        encoding="utf-8",
    )
    assert len(_literal_thresholds(sample)) == 2


def test_an_edition_a_caller_built_reads_the_values_of_the_edition_of_its_first_day() -> None:
    """A caller's own edition (another id) is placed by its first day, under atensi's dates."""
    table = {e.id: e for e in editions()}
    registry = get_parameter("gates.registry")
    on = D(2023, 6, 1)
    mine = table["atensi-2022"]._replace(id="my-programme-2023")
    assert registry.at(on, mine) == registry.at(on, table["atensi-2022"])
    assert registry.at(on, mine).value == "dtks"
    # One that starts before PP 39/2012 takes the first edition's place: no registry gate.
    early = table["atensi-2022"]._replace(id="mine", valid_from=D(2000, 1, 1))
    assert registry.at(on, early).value is None
    assert registry.at(on, early) == registry.at(on, table["pp39-2012"])


EDITIONS = [e.id for e in editions()]
#: Each edition's first day, and the days either side of it: where a resolver can be off by one.
SWITCHES = sorted({e.valid_from + dt.timedelta(days=d) for e in editions() for d in (-1, 0, 1)})


@settings(max_examples=80, deadline=None)
@given(
    first=st.sampled_from(SWITCHES) | st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)),
    base=st.sampled_from(EDITIONS),
)
def test_a_callers_edition_is_placed_where_the_one_resolver_puts_its_first_day(
    first: dt.date, base: str
) -> None:
    """One question, one answer: a caller's edition sits where the resolver puts its first day.

    ``edition_rank`` lies beneath the resolver (it cannot call it): it must place a caller's
    edition where :func:`instrument_in_force` puts the edition of its first day, under atensi's
    own dates.
    """
    mine = {e.id: e for e in editions()}[base]._replace(id="my-programme", valid_from=first)
    resolved = instrument_in_force(max(first, FLOOR_FROM))
    assert edition_rank(mine) == rank_of(resolved.id)


def test_the_law_modules_import_one_another_without_a_circle() -> None:
    """The parameters read the edition table, the resolver reads the parameters: never both ways.

    Imports inside functions count too (a circle hidden in a function is still a circle).
    """
    folder = ROOT / "src" / "atensi" / "law"
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        name = f"atensi.law.{path.stem}" if path.stem != "__init__" else "atensi.law"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m.startswith("atensi.law.")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in graph.get(start, ()):
            if step == goal or (step not in seen and reaches(step, goal, seen | {step})):
                return True
        return False

    circles = sorted(name for name in graph if name != "atensi.law" and reaches(name, name, set()))
    assert circles == []
