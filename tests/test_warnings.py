"""Warnings: valid records may carry non-fatal findings; they never make a record invalid.

Issue 15, item 5 (a NIK of a woman born 1990-03-01 on the record of a man born 1985 validated
with exit 0 and no word) and item 6 (retired region codes are valid, with a warning).
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi.batch import assess_record, assess_record_json, validate_record
from atensi.boundary import WARNING_CODES, warnings_of
from atensi.model import ENTITY_NAMES, AssessmentItem, Family, Person
from atensi.vocab import Sex
from tests.test_cli import run

ROOT = pathlib.Path(__file__).resolve().parents[1]
MAN_1985 = {
    "id": "P",
    "nik": "3171014103900001",  # a woman born 1 March (19)90
    "name": "Budi",
    "sex": "laki_laki",
    "birth_date": {"value": "1985-06-02"},
}
RETIRED = next(c for c in atensi.regions.all_codes() if atensi.regions.is_retired(c))


def codes(found: Any) -> list[tuple[tuple[Any, ...], str]]:
    return [(tuple(w["loc"]), w["code"]) for w in found]


def test_a_nik_that_contradicts_the_record_is_a_warning_not_an_error() -> None:
    results = list(atensi.validate_many([MAN_1985], Person))
    assert results[0].ok
    assert [(w.loc, w.code) for w in results[0].warnings] == [
        (("birth_date",), "nik.birth_date_mismatch"),
        (("sex",), "nik.sex_mismatch"),
    ]
    result = validate_record(MAN_1985, Person)
    assert result["ok"]
    assert codes(result["warnings"]) == [
        (("birth_date",), "nik.birth_date_mismatch"),
        (("sex",), "nik.sex_mismatch"),
    ]


def test_only_what_the_record_knows_of_the_birth_date_is_compared() -> None:
    year_only = {
        **MAN_1985,
        "sex": "perempuan",
        "birth_date": {"value": "1990-12-31", "precision": "tahun"},
    }
    assert warnings_of(atensi.structure(year_only, Person)) == ()
    month = {**year_only, "birth_date": {"value": "1990-04-01", "precision": "bulan"}}
    assert [w.code for w in warnings_of(atensi.structure(month, Person))] == [
        "nik.birth_date_mismatch"
    ]


def test_a_retired_region_code_is_a_warning_where_it_is() -> None:
    person = {"id": "P", "nik": {"reason": "lainnya"}, "name": "A", "domicile": RETIRED}
    item = {"on": "2024-06-01", "subject": {"kind": "family", "id": "F", "members": [person]}}
    result = assess_record(item)
    assert result["ok"]
    assert codes(result["warnings"]) == [(("subject", "members", 0, "domicile"), "region.retired")]
    assert assess_record_json(item) == json.dumps(result, ensure_ascii=False)


def test_warnings_quote_no_personal_data_and_are_bilingual() -> None:
    result = validate_record(MAN_1985, Person, show_personal_data=True)
    text = json.dumps(result)
    for secret in ("3171014103900001", "1985", "1990", "Budi"):
        assert secret not in text
    for warning in result["warnings"]:
        assert warning["msg"]["id"] != warning["msg"]["en"]
        assert "input" not in warning


def test_the_command_line_reports_warnings_and_exits_0(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(MAN_1985) + "\n", encoding="utf-8")
    result = run("validate", str(path), "--kind", "person")
    assert result.returncode == 0
    assert [w["code"] for w in json.loads(result.stdout)["warnings"]] == [
        "nik.birth_date_mismatch",
        "nik.sex_mismatch",
    ]
    item = tmp_path / "i.jsonl"
    item.write_text(json.dumps({"subject": {"kind": "person", **MAN_1985}}) + "\n", "utf-8")
    explained = run("explain", str(item), "--on", "2024-06-01")
    assert explained.returncode == 0
    assert "  ? subject.sex: " in explained.stdout


def test_every_warning_code_is_in_the_warning_catalogue() -> None:
    catalogue = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    section = catalogue[catalogue.index("## Warnings") :]
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", section))
    assert set(WARNING_CODES) <= documented


# --- The generated warnings against a plain walk -------------------------------------------------
# warnings_of runs a function generated per record class (nested records inlined, paths written
# out). The walk below is the plain reading of the same rules, kept here as the oracle: it reads
# the fields _plan names, recursing by each value's own class.


def _walked(entity: Any) -> tuple[Any, ...]:
    from atensi.boundary import warnings as module

    found: list[Any] = []

    def person(p: Any, loc: tuple[Any, ...]) -> None:
        nik = p.nik
        if not isinstance(nik, str):
            return
        known = module._codes()[0]
        if nik[:6] not in known:
            code = "nik.unknown_district" if nik[:4] in known else "nik.unknown_regency"
            found.append(atensi.ErrorDetail((*loc, "nik"), code, *module._UNKNOWN_REGION[code]))
        parsed = atensi.nik.parse(nik, on=dt.date(2099, 12, 31))
        day, month, year = parsed.birth_date.day, parsed.birth_date.month, parsed.birth_date.year
        mismatches = []
        if p.birth_date is not None:
            size = {"tahun": 1, "bulan": 2, "hari": 3}[p.birth_date.precision.value]
            value = p.birth_date.value
            if (value.year % 100, value.month, value.day)[:size] != (year % 100, month, day)[:size]:
                mismatches.append("nik.birth_date_mismatch")
        if p.sex is not None and p.sex is not parsed.sex:
            mismatches.append("nik.sex_mismatch")
        if p.domicile is not None and not (
            nik.startswith(p.domicile[:6]) or p.domicile.startswith(nik[:6])
        ):
            mismatches.append("nik.region_differs")
        for code in mismatches:
            field, en, id_ = module._NIK_SAYS[code]
            found.append(atensi.ErrorDetail((*loc, field), code, en, id_))

    def walk(obj: Any, loc: tuple[Any, ...]) -> None:
        cls = module._record_class(obj)
        if cls is None:
            return
        if issubclass(cls, Person):
            person(obj, loc)
        retired = module._codes()[1]
        for field, kind in module._plan(cls):
            name = field.name
            value = getattr(obj, name)
            if value is None:
                continue
            if kind == "region":
                codes_ = value if isinstance(value, tuple) else (value,)
                for index, code in enumerate(codes_):
                    if code in retired:
                        where = (*loc, name, index) if isinstance(value, tuple) else (*loc, name)
                        found.append(module._retired(where))
            elif isinstance(value, tuple):
                for index, item in enumerate(value):
                    walk(item, (*loc, name, index))
            else:
                walk(value, (*loc, name))

    walk(entity, ())
    return tuple(found)


_REGIONS = sorted(atensi.regions.all_codes())
_DISTRICTS = [c for c in _REGIONS if len(c) == 6]


@st.composite
def _contradicting(draw: st.DrawFn) -> Person:
    """Persons whose NIK may contradict their birth date, sex or domicile, or name no region.

    Domiciles of any level, retired ones included.
    """
    from atensi.testing.entities import birth_dates, niks

    birth = draw(birth_dates())
    nik_birth = draw(
        st.sampled_from([birth.value, birth.value.replace(day=1), dt.date(1990, 2, 28)])
    )
    district = draw(st.sampled_from([*_DISTRICTS[:50], RETIRED, "999901", "310199"]))
    nik = draw(
        niks(nik_birth, draw(st.sampled_from(Sex)), district if len(district) == 6 else None)
    )
    own = [code for code in (nik[:6], nik[:4]) if atensi.regions.is_valid_code(code)]
    return Person(
        id="P",
        nik=nik,
        name="A",
        sex=draw(st.none() | st.sampled_from(Sex)),
        birth_date=draw(st.none() | st.just(birth)),
        domicile=draw(st.none() | st.sampled_from([*_REGIONS[:40], RETIRED, *own])),
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_contradicting())
def test_a_persons_warnings_are_the_plain_walks(person: Person) -> None:
    assert warnings_of(person) == _walked(person)
    family = Family(id="F", members=(person, attrs.evolve(person, id="Q")))
    item = AssessmentItem(subject=family, assessment=None)
    assert warnings_of(item) == _walked(item)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_entitys_warnings_are_the_plain_walks(data: st.DataObject) -> None:
    for name in ENTITY_NAMES:
        entity = data.draw(st.from_type(getattr(atensi.model, name)), label=name)
        assert warnings_of(entity) == _walked(entity)


def test_a_nested_record_of_a_subclass_is_read_as_its_own_class() -> None:
    @attrs.frozen(slots=True)
    class Member(Person):
        """A caller's own kind of person, made after the warnings function was generated."""

    warnings_of(AssessmentItem(subject=Family(id="F"), assessment=None))  # generated now
    base = atensi.structure(MAN_1985, Person)
    member = Member(**{f.name: getattr(base, f.name) for f in attrs.fields(Person)})
    item = AssessmentItem(subject=Family(id="F", members=(member,)), assessment=None)
    expected = (
        (("subject", "members", 0, "birth_date"), "nik.birth_date_mismatch"),
        (("subject", "members", 0, "sex"), "nik.sex_mismatch"),
    )
    assert tuple((w.loc, w.code) for w in warnings_of(item)) == expected
    assert warnings_of(item) == _walked(item)
    alone = AssessmentItem(subject=member, assessment=None)
    assert tuple((w.loc, w.code) for w in warnings_of(alone)) == tuple(
        (("subject", *loc[3:]), code) for loc, code in expected
    )
