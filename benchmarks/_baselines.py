"""The baselines: pydantic v2 strict models and msgspec Structs equivalent to atensi's records.

Hand-written, as a user of those libraries would write them for the same JSON: the same fields,
types, enums (atensi's own vocabularies), defaults, length limits and numeric bounds, unknown
keys refused, the subject a union told apart by ``kind``. What they do **not** check that atensi
does: that a NIK encodes a real date and a serial other than 0000, that a region code exists,
that text holds no invisible or control characters and is not blank, that dates fall within
1800-2199, that a list holds no duplicate (a condition group twice), the cross-field invariants
(``until`` not before ``since``, a drug-use status that is one, a justification for
``ppks_lainnya``), and duplicate keys in the JSON (both keep the last). :func:`check` makes sure
they accept every record a benchmark feeds them, so that a stale baseline fails loudly instead
of measuring errors.

(No ``from __future__ import annotations``: msgspec and pydantic read these annotations.)
"""

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

import msgspec
import pydantic

from atensi.nik import NoNikReason
from atensi.vocab import (
    Activity,
    Approach,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    ServiceComponent,
    Sex,
    TargetGroup,
    Therapy,
)

# --- pydantic v2 ---------------------------------------------------------------------------------

_STRICT = pydantic.ConfigDict(extra="forbid", strict=True, frozen=True)
Short = Annotated[str, pydantic.StringConstraints(max_length=200)]
Id = Annotated[str, pydantic.StringConstraints(min_length=1, max_length=200)]
Long = Annotated[str, pydantic.StringConstraints(max_length=2000)]
Decile = Annotated[int, pydantic.Field(ge=1, le=10)]
NikText = Annotated[str, pydantic.StringConstraints(pattern=r"^[0-9]{16}$")]


class PNoNik(pydantic.BaseModel):
    model_config = _STRICT
    reason: NoNikReason


class PBirth(pydantic.BaseModel):
    model_config = _STRICT
    value: dt.date
    precision: Literal["hari", "bulan", "tahun"] = "hari"
    estimated: bool = False


class PDisability(pydantic.BaseModel):
    model_config = _STRICT
    type: DisabilityType
    since: dt.date | None = None
    until: dt.date | None = None
    permanent: bool | None = None
    determined_by_medical_personnel: bool | None = None


class PDrugUse(pydantic.BaseModel):
    model_config = _STRICT
    status: TargetGroup
    risk: DrugRisk | None = None
    since: dt.date | None = None
    until: dt.date | None = None


class PCondition(pydantic.BaseModel):
    model_config = _STRICT
    group: TargetGroup
    since: dt.date | None = None
    until: dt.date | None = None
    evidence: Long | None = None
    justification: Long | None = None


class PPerson(pydantic.BaseModel):
    model_config = _STRICT
    id: Id
    nik: NikText | PNoNik
    name: Id
    sex: Sex | None = None
    birth_date: PBirth | None = None
    domicile: Annotated[str, pydantic.StringConstraints(max_length=13)] | None = None
    registry_id: Short | None = None
    disabilities: Annotated[tuple[PDisability, ...], pydantic.Field(max_length=6)] = ()
    elderly_capacity: ElderlyCapacity | None = None
    drug_use: PDrugUse | None = None
    conditions: Annotated[tuple[PCondition, ...], pydantic.Field(max_length=100)] = ()


class PPersonSubject(PPerson):
    kind: Literal["person"]


class PFamily(pydantic.BaseModel):
    model_config = _STRICT
    kind: Literal["family"]
    id: Id
    family_card_number: Annotated[str, pydantic.StringConstraints(max_length=20)] | None = None
    members: Annotated[tuple[PPerson, ...], pydantic.Field(max_length=50)] = ()
    welfare_decile: Decile | None = None
    conditions: Annotated[tuple[PCondition, ...], pydantic.Field(max_length=100)] = ()


class PGroup(pydantic.BaseModel):
    model_config = _STRICT
    kind: Literal["group"]
    id: Id
    name: Id
    members: Annotated[tuple[PPerson, ...], pydantic.Field(max_length=1000)] = ()
    conditions: Annotated[tuple[PCondition, ...], pydantic.Field(max_length=100)] = ()


class PCommunity(pydantic.BaseModel):
    model_config = _STRICT
    kind: Literal["community"]
    id: Id
    name: Id
    region: Annotated[str, pydantic.StringConstraints(max_length=13)] | None = None
    conditions: Annotated[tuple[PCondition, ...], pydantic.Field(max_length=100)] = ()


class PAssessor(pydantic.BaseModel):
    model_config = _STRICT
    name: Short | None = None
    certified_social_worker: bool = False
    role: Short | None = None


class PAssessment(pydantic.BaseModel):
    model_config = _STRICT
    id: Id
    assessed_on: dt.date
    assessor: PAssessor = PAssessor()
    conditions: Annotated[tuple[PCondition, ...], pydantic.Field(max_length=100)] = ()
    needs: Annotated[tuple[ServiceComponent, ...], pydantic.Field(max_length=7)] = ()
    risks: Annotated[tuple[str, ...], pydantic.Field(max_length=50)] = ()
    welfare_decile: Decile | None = None
    in_dtks: bool | None = None
    notes: Long | None = None


class PItem(pydantic.BaseModel):
    model_config = _STRICT
    subject: Annotated[
        PPersonSubject | PFamily | PGroup | PCommunity, pydantic.Field(discriminator="kind")
    ]
    assessment: PAssessment | None = None
    on: dt.date | None = None


class PItemKind(pydantic.BaseModel):
    model_config = _STRICT
    name: Id
    quantity: Annotated[int, pydantic.Field(ge=1, le=10**6)] = 1
    value_idr: Annotated[int, pydantic.Field(ge=0, le=10**13)] | None = None


class PDelivery(pydantic.BaseModel):
    model_config = _STRICT
    id: Id
    component: ServiceComponent
    activity: Activity | None = None
    therapy: Therapy | None = None
    approach: Approach
    provider: Id
    start: dt.date
    end: dt.date | None = None
    amount_idr: Annotated[int, pydantic.Field(ge=0, le=10**13)] | None = None
    in_kind: tuple[PItemKind, ...] = ()


class PCase(pydantic.BaseModel):
    """The parts of a case the benchmark's case record uses (a family subject, deliveries)."""

    model_config = _STRICT
    id: Id
    subject: PFamily
    unit: Id
    opened_on: dt.date
    approaches: tuple[Approach, ...] = ()
    deliveries: tuple[PDelivery, ...] = ()


# --- msgspec -------------------------------------------------------------------------------------

_M: dict[str, Any] = {"forbid_unknown_fields": True, "frozen": True, "kw_only": True}
MShort = Annotated[str, msgspec.Meta(max_length=200)]
MId = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
MLong = Annotated[str, msgspec.Meta(max_length=2000)]
MDecile = Annotated[int, msgspec.Meta(ge=1, le=10)]


class MNoNik(msgspec.Struct, **_M):
    reason: NoNikReason


class MBirth(msgspec.Struct, **_M):
    value: dt.date
    precision: Literal["hari", "bulan", "tahun"] = "hari"
    estimated: bool = False


class MDisability(msgspec.Struct, **_M):
    type: DisabilityType
    since: dt.date | None = None
    until: dt.date | None = None
    permanent: bool | None = None
    determined_by_medical_personnel: bool | None = None


class MDrugUse(msgspec.Struct, **_M):
    status: TargetGroup
    risk: DrugRisk | None = None
    since: dt.date | None = None
    until: dt.date | None = None


class MCondition(msgspec.Struct, **_M):
    group: TargetGroup
    since: dt.date | None = None
    until: dt.date | None = None
    evidence: MLong | None = None
    justification: MLong | None = None


_PERSON: list[tuple[str, Any, Any]] = [
    ("id", MId, msgspec.NODEFAULT),
    ("nik", Annotated[str, msgspec.Meta(pattern=r"^[0-9]{16}$")] | MNoNik, msgspec.NODEFAULT),
    ("name", MId, msgspec.NODEFAULT),
    ("sex", Sex | None, None),
    ("birth_date", MBirth | None, None),
    ("domicile", Annotated[str, msgspec.Meta(max_length=13)] | None, None),
    ("registry_id", MShort | None, None),
    ("disabilities", Annotated[tuple[MDisability, ...], msgspec.Meta(max_length=6)], ()),
    ("elderly_capacity", ElderlyCapacity | None, None),
    ("drug_use", MDrugUse | None, None),
    ("conditions", Annotated[tuple[MCondition, ...], msgspec.Meta(max_length=100)], ()),
]
MPerson = msgspec.defstruct("MPerson", _PERSON, **_M)
MPersonSubject = msgspec.defstruct("MPersonSubject", _PERSON, tag="person", tag_field="kind", **_M)


class MFamily(msgspec.Struct, tag="family", tag_field="kind", **_M):
    id: MId
    family_card_number: Annotated[str, msgspec.Meta(max_length=20)] | None = None
    members: Annotated[tuple[MPerson, ...], msgspec.Meta(max_length=50)] = ()  # type: ignore[valid-type]
    welfare_decile: MDecile | None = None
    conditions: Annotated[tuple[MCondition, ...], msgspec.Meta(max_length=100)] = ()


class MGroup(msgspec.Struct, tag="group", tag_field="kind", **_M):
    id: MId
    name: MId
    members: Annotated[tuple[MPerson, ...], msgspec.Meta(max_length=1000)] = ()  # type: ignore[valid-type]
    conditions: Annotated[tuple[MCondition, ...], msgspec.Meta(max_length=100)] = ()


class MCommunity(msgspec.Struct, tag="community", tag_field="kind", **_M):
    id: MId
    name: MId
    region: Annotated[str, msgspec.Meta(max_length=13)] | None = None
    conditions: Annotated[tuple[MCondition, ...], msgspec.Meta(max_length=100)] = ()


class MAssessor(msgspec.Struct, **_M):
    name: MShort | None = None
    certified_social_worker: bool = False
    role: MShort | None = None


class MAssessment(msgspec.Struct, **_M):
    id: MId
    assessed_on: dt.date
    assessor: MAssessor = MAssessor()
    conditions: Annotated[tuple[MCondition, ...], msgspec.Meta(max_length=100)] = ()
    needs: Annotated[tuple[ServiceComponent, ...], msgspec.Meta(max_length=7)] = ()
    risks: Annotated[tuple[str, ...], msgspec.Meta(max_length=50)] = ()
    welfare_decile: MDecile | None = None
    in_dtks: bool | None = None
    notes: MLong | None = None


class MItem(msgspec.Struct, **_M):
    subject: MPersonSubject | MFamily | MGroup | MCommunity  # type: ignore[valid-type]
    assessment: MAssessment | None = None
    on: dt.date | None = None


class MInKind(msgspec.Struct, **_M):
    name: MId
    quantity: Annotated[int, msgspec.Meta(ge=1, le=10**6)] = 1
    value_idr: Annotated[int, msgspec.Meta(ge=0, le=10**13)] | None = None


class MDelivery(msgspec.Struct, **_M):
    id: MId
    component: ServiceComponent
    approach: Approach
    provider: MId
    start: dt.date
    activity: Activity | None = None
    therapy: Therapy | None = None
    end: dt.date | None = None
    amount_idr: Annotated[int, msgspec.Meta(ge=0, le=10**13)] | None = None
    in_kind: tuple[MInKind, ...] = ()


class MCase(msgspec.Struct, **_M):
    id: MId
    subject: MFamily
    unit: MId
    opened_on: dt.date
    approaches: tuple[Approach, ...] = ()
    deliveries: tuple[MDelivery, ...] = ()


def pydantic_item() -> Callable[[bytes], Any]:
    """Validate one item line with pydantic (strict, ``model_validate_json``)."""
    return PItem.model_validate_json


#: Groups of two clusters, for the plain rules below.
_DISABILITY = {"penyandang_disabilitas", "eks_psikotik", "anak_penyandang_disabilitas"}
_NAPZA = {
    "pecandu_narkotika",
    "penyalah_guna_narkotika",
    "korban_penyalahgunaan_narkotika",
    "eks_pecandu_narkotika",
    "pengguna_psikotropika_ketergantungan",
    "anak_korban_napza",
}


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _plain_decision(item: PItem, on: dt.date) -> dict[str, Any]:
    """Plain hand-written eligibility, as a user of pydantic would write it instead of atensi.

    The groups named by the subject's and the assessment's conditions, each kept if the
    person's age fits it (a child under 18, an elderly person from 60), a disability or a drug
    use adding its group; eligible when one group is left. No editions, no citations, no
    explanation, no dates of the law: the answer only (about 140 bytes of JSON).
    """
    subject, assessment = item.subject, item.assessment
    on = item.on or on
    groups = {c.group.value for c in subject.conditions}
    if assessment is not None:
        groups.update(c.group.value for c in assessment.conditions)
    age = None
    if isinstance(subject, PPersonSubject):
        if subject.birth_date is not None:
            age = _age(subject.birth_date.value, on)
        if subject.disabilities:
            groups.add(
                "penyandang_disabilitas"
                if age is None or age >= 18
                else "anak_penyandang_disabilitas"
            )
        if subject.drug_use is not None:
            groups.add(subject.drug_use.status.value)
    targets = []
    for group in sorted(groups):
        if age is not None and group.startswith("anak_") and age >= 18:
            continue
        if age is not None and group.startswith("lanjut_usia_") and age < 60:
            continue
        targets.append(group)
    return {
        "subject": subject.id,
        "on": on.isoformat(),
        "eligible": bool(targets) and assessment is not None,
        "targets": targets,
        "disability": bool(groups & _DISABILITY),
        "napza": bool(groups & _NAPZA),
    }


def pydantic_plain_rules(on: dt.date) -> Callable[[bytes], str]:
    """Validation by pydantic, then plain hand-written rules writing a small decision (JSON text).

    What a user would write instead of atensi (``_plain_decision``): the yardstick of issue 23.
    """
    import json

    validate = PItem.model_validate_json
    dumps = json.dumps

    def decide(line: bytes) -> str:
        return dumps(_plain_decision(validate(line), on))

    return decide


def msgspec_item() -> Callable[[bytes], Any]:
    """Decode one item line with msgspec."""
    return msgspec.json.Decoder(MItem).decode


def pydantic_case() -> Callable[[bytes], Any]:
    """Validate one case line with pydantic."""
    return PCase.model_validate_json


def msgspec_case() -> Callable[[bytes], Any]:
    """Decode one case line with msgspec."""
    return msgspec.json.Decoder(MCase).decode


def check(decoders: Iterable[Callable[[bytes], Any]], lines: Iterable[bytes]) -> None:
    """Raise if a baseline refuses a record it is measured on (a stale model)."""
    lines = list(lines)
    for decode in decoders:
        for line in lines:
            decode(line)
