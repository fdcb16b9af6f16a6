"""Messages users read: fully Indonesian in Indonesian, and friendly where a typo is likely.

Issue 15, item 10 (``"seharusnya an object, bukan string"``) and item 13 (did you mean, a label
given for its code, unknown codes not listed three times, a pretty-printed object, an empty
input).
"""

from __future__ import annotations

import json
import pathlib
import re
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import atensi
from atensi import InvalidRecord, structure
from atensi.errors import ErrorDetail
from atensi.model import ENTITIES, Assessment, Person
from atensi.testing import near_misses
from tests.strategies_model import STRATEGY_CLASSES
from tests.test_cli import run

#: English words that have no place in an Indonesian message (outside quotes, codes and names).
ENGLISH = re.compile(
    r"\b(expected|got|an?|the|object|string|array|integer|number|boolean|null|true|false|"
    r"not|must|field|unknown|missing|required|one|or|and|of|is|did|you|mean|see|text|date)\b",
    re.IGNORECASE,
)


def english_words(message_id: str) -> list[str]:
    """English words in an Indonesian message, once quoted parts, codes and names are gone."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\[[^\]]*\]", " ", message_id)
    text = re.sub(r"pilihan( yang sah)?: .*", " ", text)  # a list of codes
    text = re.sub(r"\b\w*[_.]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|ctx\.\w+", " ", text)
    text = re.sub(r"YYYY-MM-DD|datetime\.date|None|True|False|NIK|UTF-8|JSON", " ", text)
    return ENGLISH.findall(text)


_JSON_VALUES: list[Any] = [None, True, 1, 1.5, "x", "", [], {}, ["x"], [{}], {"x": 1}]


def _details() -> list[ErrorDetail]:
    found: list[ErrorDetail] = []

    def collect(record: Any, cls: type[Any]) -> None:
        try:
            structure(record, cls)
        except InvalidRecord as err:
            found.extend(err.errors)

    for cls in ENTITIES:
        for field in attrs.fields(cls):  # type: ignore[arg-type]
            for value in _JSON_VALUES:
                collect({field.name: value, "zz": 1}, cls)
        for value in _JSON_VALUES:
            collect(value, cls)

    @settings(
        max_examples=10,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def misses(data: st.DataObject) -> None:
        for cls in STRATEGY_CLASSES:
            collect(data.draw(near_misses(cls)).record, cls)

    misses()
    return found


def test_every_indonesian_message_is_indonesian() -> None:
    details = _details()
    codes = {d.code for d in details}
    assert len(codes) >= 20, codes
    offending = {d.code: d.message_id for d in details if english_words(d.message_id)}
    assert not offending, offending


def test_the_english_word_check_finds_what_it_must() -> None:
    assert english_words("seharusnya an object, bukan string") == ["an", "object", "string"]
    assert english_words("seharusnya objek, bukan teks 'an object'") == []


def test_library_errors_outside_records_are_indonesian_too() -> None:
    for make in (
        lambda: atensi.nik.validate(5),
        lambda: atensi.nik.validate("31710141039000"),
        lambda: atensi.regions.lookup(5),  # type: ignore[arg-type]
        lambda: atensi.Cluster("lansia"),
    ):
        with pytest.raises(atensi.AtensiError) as err:
            make()
        assert not english_words(err.value.message_id), err.value.message_id


# --- Friendlier errors (item 13) -----------------------------------------------------------

_PERSON = {"id": "P", "nik": {"reason": "lainnya"}, "name": "A"}


def problems(record: dict[str, Any], cls: type[Any]) -> list[ErrorDetail]:
    with pytest.raises(InvalidRecord) as err:
        structure(record, cls)
    return list(err.value.errors)


def test_a_misspelled_key_gets_did_you_mean() -> None:
    [error] = problems({**_PERSON, "domcile": "317101"}, Person)
    assert error.message_en == "unknown field; did you mean 'domicile'?"
    assert error.message_id == "ruas tidak dikenal; mungkin maksudnya 'domicile'?"
    assert error.ctx["did_you_mean"] == "domicile"


def test_a_label_for_a_code_and_a_near_code_get_a_hint_shown_on_request() -> None:
    # Conditions and disabilities are health data: a hint names a code close to the input,
    # so it is in the output only where personal data is (show_personal_data / to_json flags).
    record = {
        "id": "A",
        "assessed_on": "2024-05-01",
        "conditions": [{"group": "Anak Jalanan"}],
    }
    [error] = problems(record, Assessment)
    assert error.ctx["did_you_mean"] == "anak_jalanan"
    assert "anak_jalanan" not in error.message_en
    with pytest.raises(InvalidRecord) as err:
        structure(record, Assessment)
    assert "did_you_mean" not in err.value.to_json()["errors"][0]["ctx"]
    shown = err.value.to_json(include_input=True, include_personal=True)
    assert shown["errors"][0]["ctx"]["did_you_mean"] == "anak_jalanan"
    person = {**_PERSON, "disabilities": [{"type": "fisk"}]}
    assert problems(person, Person)[0].ctx["did_you_mean"] == "fisik"


def test_a_hint_on_a_field_that_is_not_personal_is_in_the_message() -> None:
    [error] = problems({"on": "2024-01-01", "direction": "Masuk"}, atensi.model.Referral)
    assert error.message_en.endswith("did you mean 'masuk'?")


def test_an_unknown_code_of_a_long_vocabulary_is_not_listed_three_times() -> None:
    record = {"id": "A", "assessed_on": "2024-05-01", "conditions": [{"group": "xyz"}]}
    [error] = problems(record, Assessment)
    assert "anak_jalanan" not in error.message_en + error.message_id
    assert "anak_jalanan" in error.ctx["choices"]


def test_a_pretty_printed_object_is_one_record(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(_PERSON, indent=2) + "\n", encoding="utf-8")
    result = run("validate", str(path), "--kind", "person")
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout)["ok"]


def test_an_empty_input_says_so(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    result = run("validate", str(path), "--kind", "person")
    assert "holds no records" in result.stderr
    indonesian = run("assess", str(path), "--on", "2024-06-01", "--lang", "id")
    assert "tidak memuat rekaman" in indonesian.stderr
