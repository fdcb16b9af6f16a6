r"""Planted secrets: personal data put anywhere in a record, and a check that no output shows it.

The list follows the adversarial probe of issue 28: a valid NIK and disguised forms of it
(whatever separates the digits), names, phone numbers, addresses, e-mail addresses, health
notes and family-card (KK) numbers. :func:`plant` puts one into a record at a place of a given
kind (the value of a personal field, a key, a nested key, a misspelt key, the value of an
unknown field, a value of the wrong type); :func:`leaks` says which secrets an output shows,
reading through the escapes outputs use (``\xa0``, ``\u2013``) and any digits (fullwidth,
Arabic-Indic) or up to three other characters between the digits of a number.

Used by the leak property tests (``tests/test_leaks.py``) and the probe
(``python -m tests.hostile_probe``).
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
import typing
import unicodedata
from collections.abc import Iterator
from typing import Any

import attrs

from atensi.model import Sensitivity

ROOT = pathlib.Path(__file__).resolve().parents[1]

#: A valid NIK: Kota Bandung (3273), a woman born 17 August 1992, serial 0003.
NIK = "3273015708920003"
#: A valid family-card number (same layout; KK numbers are personal identifiers too).
KK = "3273012505080007"

#: The NIK as people and systems write it, and as an attacker would disguise it.
NIK_FORMS = (
    NIK,
    "3273 0157 0892 0003",
    "3273.0157.0892.0003",
    "3273-0157-0892-0003",
    "3273_0157_0892_0003",
    "3273,0157,0892,0003",
    "3273\u20130157\u20130892\u20130003",  # en dash
    "3273\u20140157\u20140892\u20140003",  # em dash
    "3273  0157  0892  0003",  # double spaces
    "3273\xa00157\xa00892\xa00003",  # no-break space
    "3273 - 0157 - 0892 - 0003",
    "3273a0157b0892c0003",  # letters between digits
    "32/73/01/570892/0003",
    "\uff13\uff12\uff17\uff13\uff10\uff11\uff15\uff17\uff10\uff18\uff19\uff12\uff10\uff10\uff10\uff13",
    "NIK:" + NIK,
    "3273\u200b0157\u200b0892\u200b0003",  # zero-width spaces
)
NAMES = ("Wahyuningsih Kartikasari", "KUSUMAWARDHANI", "Raden Ajeng Sulistyaningrum")
PHONES = ("081277665544", "0812-7766-5544", "0812_7766_5544", "+62 812 7766 5544")
ADDRESSES = (
    "Jl. Melati Raya No. 17 RT 003/RW 005, Kel. Sukamaju",
    "Gang Kenanga III/42 Cibeunying",
)
EMAILS = ("wahyu.kartika@contoh.co.id", "sulistya77@surel.example")
HEALTH = ("positif HIV sejak 2019", "skizofrenia paranoid, kontrol RSJ tiap bulan")
KKS = (KK, "3273 0125 0508 0007", "KK-3273012505080007")

#: Every secret, each a string planted as it is.
SECRETS: tuple[str, ...] = (*NIK_FORMS, *NAMES, *PHONES, *ADDRESSES, *EMAILS, *HEALTH, *KKS)

#: Words that would show a text secret (distinctive: not in atensi's vocabulary or messages).
_WORDS = (
    "Wahyuningsih",
    "Kartikasari",
    "KUSUMAWARDHANI",
    "Sulistyaningrum",
    "Melati Raya",
    "Sukamaju",
    "Kenanga",
    "Cibeunying",
    "wahyu.kartika",
    "contoh.co.id",
    "sulistya77",
    "HIV sejak",
    "skizofrenia",
)
#: Digit strings that would show a number (NIK, KK, phone), however they are written.
_NUMBERS = (NIK, KK, "81277665544")


def _digits(text: str) -> str:
    """``text`` with every digit (fullwidth, Arabic-Indic ...) as an ASCII digit."""
    out = []
    for ch in text:
        value = unicodedata.digit(ch, None) if not ch.isascii() else None
        out.append(str(value) if value is not None else ch)
    return "".join(out)


_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")
_NUMBER_PATTERNS = tuple(
    re.compile(r"\D{0,3}".join(re.escape(d) for d in number)) for number in _NUMBERS
)


def _unescaped(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(next(g for g in m.groups() if g), 16)), text)


def leaks(text: str) -> list[str]:
    """The secrets (or their distinctive parts) that ``text`` shows."""
    found = []
    for variant in {text, _unescaped(text)}:
        folded = _digits(variant).casefold()
        found += [w for w in _WORDS if w.casefold() in folded]
        found += [p.pattern[:12] for p in _NUMBER_PATTERNS if p.search(_digits(variant))]
        found += [s for s in SECRETS if s in variant]
    return sorted(set(found))


# --- Where secrets go --------------------------------------------------------------------------

#: The kinds of place a secret is planted at.
PLACES = (
    "personal value",  # the value of a field that holds personal data
    "key",  # a key beside the others
    "nested key",  # a key inside a nested object
    "misspelt key",  # an existing key replaced by the secret
    "unknown field",  # the secret as the value of a field the entity does not have
    "wrong type",  # the secret inside a value of the wrong type, anywhere
)


def _entity_of(hint: Any, value: Any) -> type[Any] | None:
    """The entity class a value of a field typed ``hint`` is read as, if any."""
    from atensi.model import SUBJECT_KINDS

    args = typing.get_args(hint)
    if attrs.has(hint):
        return typing.cast(type[Any], hint)
    classes = [a for a in args if attrs.has(a)]
    if len(classes) == 1:
        return typing.cast(type[Any], classes[0])
    if len(classes) > 1 and isinstance(value, dict):
        kind = value.get("kind", "person")
        return SUBJECT_KINDS.get(kind) if isinstance(kind, str) else None
    return None


def _item_hint(hint: Any) -> Any:
    """The item type of a ``tuple[X, ...]`` (within an optional), else ``None``."""
    for candidate in (hint, *typing.get_args(hint)):
        if typing.get_origin(candidate) is tuple:
            return typing.get_args(candidate)[0]
    return None


def _walk(record: Any, cls: type[Any], path: tuple[Any, ...]) -> Iterator[tuple[str, Any]]:
    """``("personal", path)`` for every personal value, ``("object", path)`` for each object."""
    from atensi.model._fields import type_hints

    if not isinstance(record, dict):
        return
    yield "object", path
    hints = type_hints(cls)
    fields = {f.name: f for f in attrs.fields(cls)}
    for key, value in record.items():
        field = fields.get(key)
        if field is None:
            continue
        if field.metadata.get("sensitivity", Sensitivity.NOT_PERSONAL) is not (
            Sensitivity.NOT_PERSONAL
        ):
            yield "personal", (*path, key)
        hint = hints[key]
        nested = _entity_of(hint, value)
        if nested is not None:
            yield from _walk(value, nested, (*path, key))
        item = _item_hint(hint)
        if item is not None and isinstance(value, list):
            for index, element in enumerate(value[:3]):
                inner = _entity_of(item, element)
                if inner is not None:
                    yield from _walk(element, inner, (*path, key, index))


def places(record: Any, cls: type[Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The paths into ``record`` (of ``cls``) by kind: ``personal`` values and ``object``s."""
    found: dict[str, list[tuple[Any, ...]]] = {"personal": [], "object": []}
    for kind, path in _walk(record, cls, ()):
        found[kind].append(path)
    return found


def _get(record: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        record = record[part]
    return record


def _set(record: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(record, path[:-1])[path[-1]] = value


def plant(record: Any, cls: type[Any], secret: str, place: str, choice: int) -> Any:
    """A copy of ``record`` (of ``cls``) with ``secret`` at a place of kind ``place``.

    ``choice`` picks among the places of that kind (modulo their number).
    """
    copy = json.loads(json.dumps(record))
    where = places(copy, cls)
    objects = where["object"]
    if place == "personal value" and where["personal"]:
        _set(copy, where["personal"][choice % len(where["personal"])], secret)
    elif place == "key":
        copy[secret] = choice
    elif place == "nested key":
        target = _get(copy, objects[choice % len(objects)])
        target[secret] = {"a": choice}
    elif place == "misspelt key":
        target = _get(copy, objects[choice % len(objects)])
        if target:
            old = sorted(target)[choice % len(target)]
            target[secret] = target.pop(old)
        else:
            target[secret] = 1
    elif place == "unknown field":
        target = _get(copy, objects[choice % len(objects)])
        target["catatan_rahasia"] = secret
    else:  # a value of the wrong type (or nothing personal to set: the same)
        target = _get(copy, objects[choice % len(objects)])
        keys = sorted(target) or ["x"]
        target[keys[choice % len(keys)]] = [{"nilai": secret}, secret]
    return copy


def seeds() -> dict[str, list[Any]]:
    """Valid example records by command: persons, assessment items, cases, the registry."""
    persons = (ROOT / "examples" / "persons.jsonl").read_text(encoding="utf-8").splitlines()
    items = (ROOT / "examples" / "assessments.jsonl").read_text(encoding="utf-8").splitlines()
    with (ROOT / "examples" / "programme.jsonl").open(encoding="utf-8") as handle:
        cases = [handle.readline() for _ in range(30)]
    registry = json.loads((ROOT / "examples" / "registry.json").read_text(encoding="utf-8"))
    return {
        "person": [json.loads(line) for line in persons[:30]],
        "item": [json.loads(line) for line in items[:30]],
        "case": [json.loads(line) for line in cases if line.strip()],
        "registry": [registry if isinstance(registry, dict) else {"units": registry}],
    }


def entity_of(kind: str) -> type[Any]:
    """The entity class of a seed kind."""
    from atensi.model import AssessmentItem, Case, Person, UnitRegistry

    return {"person": Person, "item": AssessmentItem, "case": Case, "registry": UnitRegistry}[kind]


#: The date the probes decide on.
ON = dt.date(2024, 6, 1)


def library_outputs(kind: str, record: Any, on: dt.date = ON) -> list[str]:
    """Every default output of the library for one record of a seed kind.

    The error's texts and default JSON (``str``, ``repr``, the Indonesian message, the errors'
    reprs), the entity's repr and redacted copy when valid, ``validate_many``, the batch
    functions (records and lines; items are also assessed, with both redactions).
    """
    import atensi
    from atensi.batch import (
        assess_line_json,
        assess_record,
        assess_record_json,
        validate_line_json,
        validate_record,
    )
    from atensi.privacy import redact

    cls = entity_of(kind)
    texts: list[str] = []
    try:
        entity = atensi.structure(record, cls)
    except atensi.InvalidRecord as err:
        texts += [str(err), repr(err), err.message_id, repr(err.errors)]
        texts += [json.dumps(err.to_json(), ensure_ascii=False)]
    else:
        texts += [repr(entity), str(entity)]
        if kind != "item":
            texts.append(json.dumps(redact(entity, on=on), ensure_ascii=False))
    texts += [repr(result) for result in atensi.validate_many([record], cls)]
    line = json.dumps(record, ensure_ascii=False)
    texts += [
        json.dumps(validate_record(record, cls), ensure_ascii=False),
        validate_line_json(line, cls=cls) or "",
        validate_line_json(line.encode("utf-8"), cls=cls) or "",
    ]
    if kind == "item":
        texts += [
            json.dumps(assess_record(record, on=on), ensure_ascii=False),
            assess_record_json(record, on=on),
            assess_line_json(line, on=on) or "",
            assess_record_json(record, on=on, redaction="facts"),
        ]
    return texts
