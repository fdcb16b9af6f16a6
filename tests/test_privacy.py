"""Personal data by design: classes on every field, safe reprs and errors, redaction."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import attrs
import pytest

import atensi
from atensi import InvalidRecord, structure
from atensi.model import ENTITIES, Case, Person, Sensitivity
from atensi.privacy import NotAnEntity, WeakKey, field_sensitivity, record_sensitivity, redact
from atensi.rules import assess_eligibility, recommend_services

NIK = "3171014103900001"
KEY = bytes.fromhex("00112233445566778899aabbccddeeff")
OTHER_KEY = bytes.fromhex("ffeeddccbbaa99887766554433221100")
SECRETS = [
    NIK,
    "Rahasia Sekali",
    "DTKS-RAHASIA-77",
    "3171010101209999",
    "catatan HIV rahasia",
    "alasan sangat pribadi",
    "1990-03-01",
    "2500999",
    "risiko bunuh diri",
    "PUTUSAN-RAHASIA-9",
    "Petugas Rahasia",
    "kunjungan rahasia",
]


def poison_case() -> dict[str, Any]:
    person = {
        "kind": "person",
        "id": "P-1",
        "nik": NIK,
        "name": "Rahasia Sekali",
        "sex": "perempuan",
        "birth_date": {"value": "1990-03-01"},
        "domicile": "317101",
        "registry_id": "DTKS-RAHASIA-77",
        "disabilities": [
            {
                "type": "mental",
                "since": "2015-06-01",
                "permanent": True,
                "determined_by_medical_personnel": True,
            }
        ],
        "drug_use": {"status": "pecandu_narkotika", "risk": "tinggi"},
        "conditions": [
            {"group": "odha", "evidence": "catatan HIV rahasia"},
            {"group": "ppks_lainnya", "justification": "alasan sangat pribadi"},
        ],
    }
    return {
        "id": "C-1",
        "unit": "SENTRA-01",
        "opened_on": "2024-01-02",
        "subject": person,
        "assessments": [
            {
                "id": "A-1",
                "assessed_on": "2024-01-05",
                "risks": ["risiko bunuh diri"],
                "notes": "catatan HIV rahasia",
                "conditions": [{"group": "odha"}],
            }
        ],
        "deliveries": [
            {
                "id": "D-1",
                "component": "bantuan_asistensi_sosial",
                "approach": "keluarga",
                "provider": "SENTRA-01",
                "start": "2024-02-01",
                "amount_idr": 2500999,
                "in_kind": [{"name": "paket", "value_idr": 2500999}],
            }
        ],
        "mode": "atas_perintah",
        "legal_basis": {
            "kind": "putusan_penetapan_rehabilitasi",
            "issued_on": "2024-01-03",
            "reference": "PUTUSAN-RAHASIA-9",
        },
        "consent": {"on": "2024-01-05", "given_by": "subjek", "note": "catatan HIV rahasia"},
        "referrals": [
            {"on": "2024-02-03", "direction": "keluar", "responsible": "Petugas Rahasia"}
        ],
        "events": [
            {
                "id": "E-1",
                "practice": "kunjungan_rumah",
                "on": "2024-02-02",
                "note": "kunjungan rahasia",
            }
        ],
    }


def _entities(obj: Any) -> list[Any]:
    found = []
    if isinstance(obj, tuple):
        for item in obj:
            found += _entities(item)
    elif attrs.has(type(obj)):
        found.append(obj)
        for f in attrs.fields(type(obj)):
            found += _entities(getattr(obj, f.name))
    return found


def _clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


def test_every_field_of_every_entity_has_a_sensitivity_class() -> None:
    rows = field_sensitivity()
    assert {entity for entity, _, _ in rows} == {cls.__name__ for cls in ENTITIES}
    for entity, name, sensitivity in rows:
        assert isinstance(sensitivity, Sensitivity), (entity, name)
    classes = {(e, n): s for e, n, s in rows}
    assert classes[("Person", "nik")] is Sensitivity.IDENTIFIER
    assert classes[("Person", "disabilities")] is Sensitivity.HEALTH
    assert classes[("ServiceDelivery", "amount_idr")] is Sensitivity.FINANCIAL


def test_no_sensitive_value_in_any_repr_or_str() -> None:
    case = structure(poison_case(), Case)
    entities = _entities(case)
    assert len(entities) > 8
    for entity in entities:
        _clean(repr(entity))
        _clean(str(entity))


def test_no_sensitive_value_in_errors_by_default() -> None:
    record = poison_case()
    record["subject"] = {
        **record["subject"],
        "nik": "3171014103900000",
        "sex": "x",
        "name": "Rahasia Sekali" * 40,
        "registry_id": 7,
    }
    record["deliveries"][0]["amount_idr"] = "2500999"
    with pytest.raises(InvalidRecord) as info:
        structure(record, Case)
    err = info.value
    assert len(err.errors) >= 4
    for text in (
        str(err),
        repr(err),
        repr(err.errors),
        err.message_id,
        json.dumps(err.to_json()),
        json.dumps(err.to_json(include_input=True)),
    ):
        _clean(text)
        assert "3171014103900000" not in text


def test_no_sensitive_value_in_decision_reprs_or_redacted_json() -> None:
    case = structure(poison_case(), Case)
    on = dt.date(2024, 6, 1)
    for decision in (
        assess_eligibility(case.subject, case.assessments[0], on=on),
        recommend_services(case, on=on),
    ):
        _clean(repr(decision))
        _clean(str(decision))
        _clean(repr(decision.findings))
        _clean(json.dumps(decision.redacted().to_json()))
        _clean(json.dumps(decision.redacted("facts").to_json()))
        _clean(decision.redacted().explain())
        _clean(decision.redacted("facts").explain("id"))


def test_redact_policy() -> None:
    case = structure(poison_case(), Case)
    person = case.subject
    assert isinstance(person, Person)
    plain = redact(person, on=dt.date(2024, 6, 1))
    assert plain == {
        "sex": "perempuan",
        "birth_year": 1990,
        "age_band": "30-34",
        "domicile": "3171",
    }
    keyed = redact(person, pseudonym_key=KEY)
    again = redact(person, pseudonym_key=KEY)
    other = redact(person, pseudonym_key=OTHER_KEY)
    assert keyed["nik"] == again["nik"] != other["nik"]
    assert keyed["nik"].startswith("ps:")
    assert NIK not in json.dumps(keyed)
    opted = redact(person, keep=("disabilities",))
    assert opted["disabilities"][0]["type"] == "mental"
    whole = redact(case)
    _clean(json.dumps(whole))
    assert whole["deliveries"][0]["component"] == "bantuan_asistensi_sosial"


def test_redact_structures_records_first() -> None:
    with pytest.raises(InvalidRecord):
        redact({"id": "P", "name": "A", "nik": "1"}, cls=Person)
    with pytest.raises(NotAnEntity) as info:
        redact({"id": "P"})
    assert isinstance(info.value, TypeError)  # what it raised before it was the library's


class _Secretive:
    def __repr__(self) -> str:
        return "3171014103900001"


@pytest.mark.parametrize(
    "value", ["3171014103900001", ["x"], 1, None, (), _Secretive(), Person], ids=repr
)
def test_redact_refuses_what_is_not_an_entity_with_the_librarys_error(value: Any) -> None:
    with pytest.raises(atensi.AtensiError) as info:
        redact(value, cls=Person)
    assert isinstance(info.value, NotAnEntity)
    assert info.value.code == "privacy.not_an_entity"
    assert "3171014103900001" not in str(info.value)  # named by its type, never its repr


def test_record_classes_include_child_and_criminal_data() -> None:
    child = structure(
        {
            "id": "P",
            "name": "A",
            "nik": {"reason": "belum_terdaftar"},
            "birth_date": {"value": "2012-01-01"},
            "conditions": [{"group": "anak_berkonflik_hukum"}],
        },
        Person,
    )
    classes = record_sensitivity(child, on=dt.date(2024, 1, 1))
    assert Sensitivity.CHILD in classes
    assert Sensitivity.CRIMINAL in classes
    assert Sensitivity.CHILD not in record_sensitivity(child, on=dt.date(2031, 1, 1))


DETERMINISM = """
import datetime as dt, json, atensi
from atensi.model import Case
from atensi.example_units import example_registry
from tests.test_privacy import poison_case
case = atensi.structure(poison_case(), Case)
on = dt.date(2024, 6, 1)
out = [atensi.assess_eligibility(case.subject, case.assessments[0], on=on).to_json(),
       atensi.json_schema(Case),
       atensi.coverage(example_registry(), on=on).to_json()]
try:
    atensi.structure({**poison_case(), "subject": {"kind": "person", "zz": 1, "id": 3}}, Case)
except atensi.InvalidRecord as err:
    out.append(err.to_json())
print(json.dumps(out, sort_keys=False))
"""


def test_outputs_are_byte_identical_across_hash_seeds() -> None:
    import os
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[1]
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.add(
            subprocess.run(
                [sys.executable, "-c", DETERMINISM],
                check=True,
                cwd=root,
                env=env,
                capture_output=True,
            ).stdout
        )
    assert len(outputs) == 1


def test_the_top_level_exports_redact() -> None:
    assert atensi.redact is redact


# --- Pseudonyms (issue 16, item 9) -----------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [b"", b"\x00", b"k1", b"kunci-rahasia", b"\x00" * 16, b"a" * 64, "0123456789abcdef0123"],
    ids=["empty", "NUL", "short", "13 bytes", "16 NULs", "one byte repeated", "a str"],
)
def test_a_key_that_could_be_guessed_is_refused(key: Any) -> None:
    person = structure(poison_case(), Case).subject
    with pytest.raises(WeakKey) as info:
        redact(person, pseudonym_key=key)
    assert info.value.code == "privacy.weak_key"
    assert "bait acak" in info.value.message_id or "bytes" in info.value.message_id
    assert isinstance(info.value, atensi.AtensiError)


def test_keys_that_hmac_would_pad_alike_give_different_pseudonyms() -> None:
    person = structure(poison_case(), Case).subject
    short = bytes(range(1, 17))
    assert (
        redact(person, pseudonym_key=short)["nik"]
        != (redact(person, pseudonym_key=short + b"\x00")["nik"])
    )


def test_each_field_has_its_own_pseudonym_key() -> None:
    record = {**poison_case()["subject"], "registry_id": NIK, "id": NIK}
    del record["kind"]
    person = structure(record, Person)
    copy = redact(person, pseudonym_key=KEY)
    assert len({copy["nik"], copy["registry_id"], copy["id"]}) == 3
    # The same field of the same value joins across records and copies.
    case = structure(poison_case(), Case)
    assert redact(case, pseudonym_key=KEY)["subject"]["nik"] == copy["nik"]


def test_ids_are_identifiers_kept_only_on_request() -> None:
    case = structure(poison_case(), Case)
    plain = redact(case)
    assert "id" not in plain
    assert "id" not in plain["subject"]
    assert redact(case, pseudonym_key=KEY)["id"].startswith("ps:")
    assert redact(case, keep=("id",))["id"] == "C-1"
    classes = {(e, n): s for e, n, s in field_sensitivity()}
    for entity in ("Person", "Family", "Group", "Case", "Assessment", "ServiceDelivery"):
        assert classes[(entity, "id")] is Sensitivity.IDENTIFIER, entity
    assert "C-1" not in repr(case)
