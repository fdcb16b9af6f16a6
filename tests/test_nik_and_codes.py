"""NIKs are stored compact, and every field documented as a code is checked as one.

Issue 15, items 4 and 6.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

import atensi
from atensi import InvalidRecord, json_schema, structure
from atensi.boundary.converter import structure_detailed
from atensi.model import ENTITIES, Community, Lks, Person, ServiceUnit
from atensi.nik import NIK_PATTERN

PERSON = {"id": "P", "name": "Siti", "nik": "3171014103900001"}


@pytest.mark.parametrize(
    "written", ["3171 0141 0390 0001", "31.71.01-410390-0001", "3171-0141-0390-0001"]
)
def test_a_nik_with_separators_is_stored_compact(written: str) -> None:
    compact = structure(PERSON, Person)
    for path in (structure, structure_detailed):
        person = path({**PERSON, "nik": written}, Person)
        assert person == compact
        assert hash(person) == hash(compact)
        assert person.nik == "3171014103900001"
        assert "317101******0001" in repr(person)
    assert Person(id="P", name="Siti", nik=written) == compact


def test_the_schema_describes_the_compact_nik_and_the_separators() -> None:
    nik = json_schema(Person)["properties"]["nik"]
    assert nik["anyOf"][0]["pattern"] == NIK_PATTERN
    assert "separators" in nik["title"]
    assert re.search(NIK_PATTERN, "3171014103900001")
    for bad in ("3171 0141 0390 0001", "", "31710141039000011", "3171014103900000"):
        assert not re.search(NIK_PATTERN, bad)


def test_a_nik_that_is_not_valid_is_reported_as_written() -> None:
    with pytest.raises(InvalidRecord) as err:
        structure({**PERSON, "nik": "3171 0141 0390 000"}, Person)
    assert [e.code for e in err.value.errors] == ["nik.invalid_length"]


@pytest.mark.parametrize(
    ("cls", "record", "name"),
    [
        (Person, PERSON, "domicile"),
        (Community, {"id": "K", "name": "Kampung"}, "region"),
        (ServiceUnit, {"code": "U", "name": "S", "kind": "sentra"}, "location"),
        (Lks, {"code": "L", "name": "LKS"}, "region"),
    ],
)
@pytest.mark.parametrize("code", ["abc", "99", "31.7x", "3171 0x", "١٢"])
def test_every_region_code_field_refuses_what_is_not_a_region_code(
    cls: type[Any], record: dict[str, Any], name: str, code: str
) -> None:
    with pytest.raises(InvalidRecord) as err:
        structure({**record, name: code}, cls)
    assert [(e.loc, e.code) for e in err.value.errors] == [((name,), "region.unknown")]
    assert getattr(structure({**record, name: "3171"}, cls), name) == "3171"
    # Dotted or spaced, a code is read as ``atensi region`` reads it (issue 27, item 8).
    assert getattr(structure({**record, name: "31.71"}, cls), name) == "3171"
    assert getattr(structure({**record, name: "3171 01"}, cls), name) == "317101"


def test_every_field_documented_as_a_region_code_is_checked_as_one() -> None:
    # The audit of item 6, kept: a field whose description names Kemendagri codes is checked.
    for cls in ENTITIES:
        for field in attrs.fields(cls):  # type: ignore[arg-type]
            doc = field.metadata["doc"].en
            if "Kemendagri" in doc or "region codes" in doc:
                assert field.metadata["region"], f"{cls.__name__}.{field.name}"


def test_a_retired_code_is_valid() -> None:
    retired = next(c for c in atensi.regions.all_codes() if atensi.regions.is_retired(c))
    assert structure({**PERSON, "domicile": retired}, Person).domicile == retired
