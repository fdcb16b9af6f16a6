"""Personal data by design (UU 27/2022): sensitivity classes, and copies safe for analytics.

Almost everything atensi models is personal data, much of it *specific* personal data under
UU 27/2022 Pasal 4 ayat (2): health (disability, HIV status, drug use), criminal records (children
in conflict with the law, former prisoners), children's data and personal financial data. The
law was promulgated on 17 October 2022 and binds controllers fully from 17 October 2024
(secondary: the law's date as widely reported, source ``uu-27-2022``).

* Every entity field carries a :class:`~atensi.model.Sensitivity` class in its metadata
  (:func:`field_sensitivity` lists them; the JSON Schema exports them as
  ``x-atensi-sensitivity``).
* :func:`record_sensitivity` gives the classes a whole record holds; **a person under 18 makes
  the whole record children's data**, and a condition such as ``anak_berkonflik_hukum`` or
  ``bekas_warga_binaan_pemasyarakatan`` makes it criminal-record data.
* :func:`redact` returns a copy safe for analytics under a documented policy.

The library holds no key, reads no environment and uses no randomness: pseudonyms are an HMAC
with the key the caller passes, at least 16 random bytes (make one with
``python -c "import secrets; print(secrets.token_hex(32))"`` and keep it apart from the copies),
and a key of its own for each field, derived from it. ``docs/privacy.md`` states the threat
model: what someone holding a redacted copy can and cannot recover.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Person
>>> person = atensi.structure({"id": "P-1", "nik": "3171014103900001", "name": "Siti",
...                           "birth_date": {"value": "1990-03-01"}, "domicile": "317101",
...                           "disabilities": [{"type": "fisik"}]}, Person)
>>> redact(person, on=dt.date(2026, 1, 1))
{'sex': None, 'birth_year': 1990, 'age_band': '35-39', 'domicile': '3171'}
>>> key = bytes.fromhex("9f1c0a7e5b3d2c4e8a6f1b0d3e5c7a9b")  # secrets.token_bytes(16) in real use
>>> copy = redact(person, pseudonym_key=key, keep=("disabilities",))
>>> copy["nik"][:3], copy["id"] != copy["nik"]
('ps:', True)
>>> redact(person, keep=("id",))["id"]  # ids the caller says are not personal
'P-1'
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from atensi.boundary import structure, unstructure
from atensi.errors import AtensiError, type_label
from atensi.model import ENTITIES, BirthDate, Entity, Person, Sensitivity
from atensi.rules.age import age_range
from atensi.vocab import TargetGroup

__all__ = [
    "CRIMINAL_GROUPS",
    "MIN_KEY_BYTES",
    "NotAnEntity",
    "WeakKey",
    "field_sensitivity",
    "record_sensitivity",
    "redact",
]

#: The shortest pseudonym key ``redact`` accepts: 16 bytes (128 bits) from a random source.
MIN_KEY_BYTES = 16


class NotAnEntity(AtensiError, TypeError):
    """:func:`redact` was given something other than an entity or a mapping with ``cls=``.

    Also a :class:`TypeError`, which it was before it was the library's own error.
    """

    code = "privacy.not_an_entity"

    def __init__(self, en: str, id_: str) -> None:
        super().__init__(en, message_id=id_)


class WeakKey(AtensiError):
    """A pseudonym key that would let pseudonyms be reversed by trying candidates."""

    code = "privacy.weak_key"

    def __init__(self, en: str, id_: str) -> None:
        super().__init__(en, message_id=id_, ctx={"min_bytes": MIN_KEY_BYTES})


S = Sensitivity

#: Target groups that reveal a criminal record (UU 27/2022 Pasal 4 ayat (2) huruf d).
CRIMINAL_GROUPS = frozenset(
    {
        TargetGroup.CHILD_IN_CONFLICT_WITH_LAW,
        TargetGroup.CHILD_IN_CONTACT_WITH_LAW,
        TargetGroup.FORMER_PRISONER,
    }
)


def field_sensitivity() -> tuple[tuple[str, str, Sensitivity], ...]:
    """Every field of every public entity with its class: ``(entity, field, sensitivity)``."""
    rows = []
    for cls in ENTITIES:
        for f in attrs.fields(cls):  # type: ignore[arg-type]
            rows.append((cls.__name__, f.name, f.metadata["sensitivity"]))
    return tuple(rows)


def record_sensitivity(entity: Any, *, on: dt.date | None = None) -> frozenset[Sensitivity]:
    """The personal-data classes a record holds, walking nested entities.

    Args:
        entity: any atensi entity.
        on: the date to judge age on; a person under 18 then makes the record children's data.
            Without a date, a person with a birth date less than 18 years before any possible
            date cannot be judged, so a birth date alone does not add the class; nor does one
            whose age on ``on`` cannot be computed (an ``on`` at the edge of the calendar).
    """
    found: set[Sensitivity] = set()

    def walk(obj: Any) -> None:
        if isinstance(obj, tuple | list):
            for item in obj:
                walk(item)
            return
        if not attrs.has(type(obj)):
            return
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            if value is None or value == ():
                continue
            sensitivity = f.metadata.get("sensitivity", S.NOT_PERSONAL)
            if sensitivity is not S.NOT_PERSONAL:
                found.add(sensitivity)
            if f.name == "group" and value in CRIMINAL_GROUPS:
                found.add(S.CRIMINAL)
            walk(value)
        if isinstance(obj, Person) and obj.birth_date is not None and on is not None:
            ages = _ages(obj.birth_date, on)
            if ages is not None and ages[0] < 18:
                found.add(S.CHILD)

    walk(entity)
    return frozenset(found)


def _ages(birth: BirthDate, on: dt.date) -> tuple[int, int] | None:
    """The age range on ``on``, or ``None`` (unknown) where its date arithmetic leaves the calendar.

    Entities hold dates from 1800 to 2199 only, but ``on`` is the caller's, and a record built
    around the boundary may hold anything: a shift past year 1 or 9999 is "unknown", not an
    exception, so that redaction and classification answer for every record.
    """
    try:
        return age_range(birth, on)
    except (ValueError, OverflowError):
        return None


def _age_band(birth: BirthDate, on: dt.date) -> str | None:
    ages = _ages(birth, on)
    if ages is None or ages[1] < 0:  # unknown, or not yet born on ``on``
        return None
    low, high = max(ages[0], 0), ages[1]
    start = low - low % 5
    if high - start > 4:
        return f"{low}-{high}"
    return f"{start}-{start + 4}"


def check_key(key: object) -> bytes:
    r"""The key, if it can keep pseudonyms secret; else :class:`WeakKey`.

    A NIK is recoverable from its pseudonym by trying the candidates that the rest of a redacted
    copy leaves (regency, birth year, sex: about 3.6e8) unless the key is unguessable, so a short,
    empty or constant key is refused. HMAC pads a short key with zero bytes (``b""`` and
    ``b"\x00"`` would be the same key); the derivation below hashes the length in as well.
    """
    if not isinstance(key, bytes):
        raise WeakKey(
            f"the pseudonym key must be bytes, not {type(key).__name__}",
            f"kunci pseudonim harus berupa bytes, bukan {type(key).__name__}",
        )
    if len(key) < MIN_KEY_BYTES or len(set(key)) == 1:
        raise WeakKey(
            f"the pseudonym key must be at least {MIN_KEY_BYTES} random bytes "
            "(secrets.token_bytes(32)); a short or constant key lets pseudonyms be reversed",
            f"kunci pseudonim harus paling sedikit {MIN_KEY_BYTES} bait acak "
            "(secrets.token_bytes(32)); kunci pendek atau seragam membuat pseudonim dapat dibalik",
        )
    return key


class _Keys:
    """One pseudonym key per field (``Person.nik``, ``Case.id``), derived from the caller's key.

    A value gets different pseudonyms in different fields, so a registry id equal to the NIK does
    not show that it is; the same field in every entity of a copy (and of every copy made with
    the same key) gets the same pseudonym, so copies still join on it.
    """

    def __init__(self, key: bytes) -> None:
        # HKDF-style extract, with the length in, so keys differing in trailing zeros differ.
        self.root = hashlib.sha256(
            b"atensi pseudonym key v2\x00" + len(key).to_bytes(8, "big") + key
        ).digest()
        self.by_field: dict[str, bytes] = {}

    def pseudonym(self, field: str, value: str) -> str:
        key = self.by_field.get(field)
        if key is None:
            key = hmac.new(self.root, field.encode("utf-8"), hashlib.sha256).digest()
            self.by_field[field] = key
        return "ps:" + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def redact(
    obj_or_record: Any,
    *,
    cls: type[Any] | None = None,
    keep: Iterable[str] = (),
    pseudonym_key: bytes | None = None,
    on: dt.date | None = None,
) -> dict[str, Any]:
    """Return a copy of an entity (or a record of ``cls``) that is safe for analytics.

    Policy, field by field, by sensitivity class:

    * not personal: kept (nested entities are redacted in turn);
    * identifier (NIK, registry ids, family card number, and the ``id`` of records about people,
      which source systems often fill with the NIK): replaced by a keyed pseudonym (``"ps:"`` +
      32 hex digits of HMAC-SHA256 under a key of the field's own) when ``pseudonym_key`` is
      given, else dropped; a missing NIK keeps its reason; ``keep=("id",)`` keeps ids the
      caller knows are not personal;
    * general personal data: the name is dropped; a birth date becomes ``birth_year`` and, with
      ``on``, an ``age_band`` of five years (wider for an uncertain date); a domicile is cut to
      the regency (4 digits); sex is kept; an age band that cannot be computed (an ``on`` at
      the edge of the calendar) is ``None``;
    * specific personal data (health, criminal record, children's, financial): dropped.

    Args:
        obj_or_record: an entity, or a mapping to structure as ``cls`` first (raising
            :class:`atensi.InvalidRecord` if it is not valid).
        cls: the entity class of a mapping.
        keep: field names to keep unredacted, with everything inside them, wherever they occur
            (an explicit opt-in).
        pseudonym_key: the key for pseudonyms, at least 16 random bytes; the library holds
            none.
        on: the date for age bands.

    Raises:
        WeakKey: a key that is not bytes, shorter than 16 bytes, or one byte repeated.
        InvalidRecord: a mapping that is not a valid record of ``cls``.
        NotAnEntity: anything else than an entity or a mapping (a string, a list, ``None``), or
            a mapping without ``cls``.
    """
    entity = obj_or_record
    if isinstance(obj_or_record, Mapping):
        if cls is None:
            raise NotAnEntity(
                "redact() needs cls= to structure a mapping",
                "redact() memerlukan cls= untuk menstrukturkan sebuah pemetaan",
            )
        entity = structure(obj_or_record, cls)
    elif not isinstance(obj_or_record, Entity):
        # Named by its type only: its repr may be anything, personal data included.
        what = type_label(obj_or_record)
        raise NotAnEntity(
            f"redact() takes an atensi entity or a mapping with cls=, not {what}",
            f"redact() menerima entitas atensi atau pemetaan dengan cls=, bukan {what}",
        )
    keys = None if pseudonym_key is None else _Keys(check_key(pseudonym_key))
    keep_set = frozenset(keep)
    result: dict[str, Any] = _redact_entity(entity, keep_set, keys, on)
    return result


def _redact_value(value: Any, keep: frozenset[str], key: _Keys | None, on: dt.date | None) -> Any:
    if isinstance(value, tuple):
        return [_redact_value(v, keep, key, on) for v in value]
    if attrs.has(type(value)):
        return _redact_entity(value, keep, key, on)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value  # a vocabulary member
    return value


def _redact_entity(obj: Any, keep: frozenset[str], key: _Keys | None, on: dt.date | None) -> Any:
    from atensi.model import SUBJECT_KINDS, subject_kind
    from atensi.nik import NoNik

    out: dict[str, Any] = {}
    if type(obj) in SUBJECT_KINDS.values() and type(obj) is not Person:
        out["kind"] = subject_kind(obj)
    for f in attrs.fields(type(obj)):
        name = f.name
        value = getattr(obj, name)
        sensitivity = f.metadata.get("sensitivity", S.NOT_PERSONAL)
        if name in keep:
            # An explicit opt-in keeps the field and everything inside it.
            out[name] = unstructure(value) if value is not None else None
        elif sensitivity is S.NOT_PERSONAL:
            out[name] = _redact_value(value, keep, key, on)
        elif sensitivity is S.IDENTIFIER:
            if isinstance(value, NoNik):
                out[name] = {"reason": value.reason.value}
            elif value is not None and key is not None:
                out[name] = key.pseudonym(f"{type(obj).__name__}.{name}", str(value))
        elif sensitivity is S.GENERAL:
            if isinstance(value, BirthDate):
                out["birth_year"] = value.value.year
                if on is not None:
                    out["age_band"] = _age_band(value, on)
            elif name == "domicile" and isinstance(value, str):
                out[name] = value.replace(".", "")[:4]
            elif name == "sex":
                out[name] = None if value is None else value.value
            # names and other general fields are dropped
        # specific personal data is dropped
    return out
