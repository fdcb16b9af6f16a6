"""A dotted region code means the same everywhere (issue 27, item 8).

``atensi region 31.71.01`` and ``atensi coverage --regions 31.71`` read dotted codes, while a
record holding ``"domicile": "31.71.01"`` was refused as ``region.unknown``. A record now stores
it as the table writes it, on every path; the schema describes the stored form (like a NIK with
separators, a documented "normalised on input" difference).
"""

from __future__ import annotations

import contextlib
import io
import json

import jsonschema
import pytest

import atensi
from atensi.cli import main
from atensi.model import Person, ServiceUnit

PERSON = {"id": "P", "nik": "3171014103900001", "name": "Siti"}


@pytest.mark.parametrize(
    ("written", "stored"), [("31.71.01", "317101"), ("31.71", "3171"), ("31 71", "3171")]
)
def test_a_dotted_code_is_read_as_the_command_line_reads_it(written: str, stored: str) -> None:
    record = {**PERSON, "domicile": written}
    assert atensi.structure(record, Person).domicile == stored
    assert atensi.structure_json(json.dumps(record), Person).domicile == stored
    assert Person(id="P", nik="3171014103900001", name="S", domicile=written).domicile == stored
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["region", written]) == 0
    assert json.loads(out.getvalue())["code"] == stored


def test_a_list_of_dotted_codes_too_and_malformed_codes_are_still_refused() -> None:
    unit = {"code": "U", "name": "Sentra", "kind": "sentra", "working_area": ["31.71", "73"]}
    assert atensi.structure(unit, ServiceUnit).working_area == ("3171", "73")
    for bad in ("31.7x", "99", "31.71.01.01", "3171x", "."):
        with pytest.raises(atensi.InvalidRecord) as caught:
            atensi.structure({**PERSON, "domicile": bad}, Person)
        assert [e.code for e in caught.value.errors] == ["region.unknown"], bad


def test_the_schema_describes_the_stored_form() -> None:
    check = jsonschema.Draft202012Validator(atensi.json_schema(Person))
    assert not check.is_valid({**PERSON, "domicile": "31.71.01"})
    stored = atensi.unstructure(atensi.structure({**PERSON, "domicile": "31.71.01"}, Person))
    assert check.is_valid(stored)
