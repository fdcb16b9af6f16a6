"""Near misses: records and situations that break exactly one rule, and what must be reported.

Three families, one per place a rule is enforced:

* :func:`near_misses` (the boundary): a record of an entity class, valid but for one change
  anywhere in it (nested objects included), with the error code and path ``structure`` must
  report, and nothing else;
* :func:`eligibility_near_misses` (the eligibility rules): a person and assessment eligible for
  a target, and the same pair with one fact changed, with the rule id and status the changed
  pair must produce;
* :func:`transition_near_misses` (the case lifecycle): a valid case and a move that
  :func:`atensi.rules.advance` must refuse, with the rule id it must refuse it under.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, NamedTuple

import attrs
from hypothesis import strategies as st

from atensi.boundary import unstructure
from atensi.boundary._plan import plan_for
from atensi.model import (
    SUBJECT_KINDS,
    Assessment,
    BirthDate,
    Case,
    Condition,
    Disability,
    DrugUse,
    Partnership,
    Person,
    ServiceDelivery,
    UnitEvent,
    UnitEventKind,
)
from atensi.nik import NoNik, NoNikReason
from atensi.rules import Status, allowed_next
from atensi.testing.entities import (
    REFERENCE_DATE,
    STRATEGIES,
    assessors,
    band_birth_range,
    cases,
    conditions,
)
from atensi.vocab import (
    CaseStage,
    DisabilityType,
    DrugRisk,
    Sex,
    Target,
    TargetGroup,
    groups_of,
)

__all__ = [
    "EligibilityNearMiss",
    "NearMiss",
    "TransitionNearMiss",
    "eligibility_near_misses",
    "near_misses",
    "transition_near_misses",
]

Loc = tuple[str | int, ...]


class NearMiss(NamedTuple):
    """A record that breaks exactly one rule, and what ``structure`` must report.

    Attributes:
        record: the JSON-like record.
        code: the one error code ``structure`` reports.
        loc: the path of that error.
        what: the change, in words (for failure messages).
    """

    record: dict[str, Any]
    code: str
    loc: Loc
    what: str


# --- What each field holds ------------------------------------------------------------------------


class _Slot(NamedTuple):
    """How a field is typed, reduced to what a near miss needs."""

    kind: str  # str, bool, int, date, enum, entity, subject, tuple, other
    item: _Slot | None
    cls: type[Any] | None
    limits: dict[str, int]
    custom: bool  # the field has validators beyond its limits
    unique: bool  # the field's items must be unique


def _slot_of(tp: Any, limits: dict[str, int], custom: bool, unique: bool) -> _Slot:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        if len(args) == 1:
            return _slot_of(args[0], limits, custom, unique)
        if all(attrs.has(a) for a in args):
            return _Slot("subject", None, None, limits, custom, unique)
        return _Slot("other", None, None, limits, custom, unique)
    if typing.get_origin(tp) is tuple:
        return _Slot("tuple", _slot_of(args[0], {}, False, False), None, limits, custom, unique)
    for kind, base in (("bool", bool), ("int", int), ("str", str), ("date", dt.date)):
        if tp is base:
            return _Slot(kind, None, None, limits, custom, unique)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _Slot("enum", None, tp, limits, custom, unique)
    if isinstance(tp, type) and attrs.has(tp):
        return _Slot("entity", None, tp, limits, custom, unique)
    return _Slot("other", None, None, limits, custom, unique)


_SLOTS: dict[type[Any], dict[str, _Slot]] = {}


def _slots(cls: type[Any]) -> dict[str, _Slot]:
    """The slots of ``cls``'s fields (built once per class)."""
    if cls in _SLOTS:
        return _SLOTS[cls]
    plan_for(cls)  # resolves the annotations
    hints = typing.get_type_hints(cls)
    out = {}
    for f in attrs.fields(cls):
        custom = f.metadata.get("custom_validators", ())
        unique = any(getattr(v, "__qualname__", "").startswith("unique_by") for v in custom)
        out[f.name] = _slot_of(
            hints[f.name], dict(f.metadata.get("limits", {})), bool(custom), unique
        )
    _SLOTS[cls] = out
    return out


# --- Where a record holds objects -----------------------------------------------------------------


def _sites(cls: type[Any], record: dict[str, Any], loc: Loc = ()) -> list[tuple[Loc, type[Any]]]:
    """Every object in ``record`` (itself first) with its path and entity class."""
    found: list[tuple[Loc, type[Any]]] = [(loc, cls)]
    for name, slot in _slots(cls).items():
        value = record.get(name)
        nested = _slot_class(slot, value)
        if nested is not None and isinstance(value, dict):
            found += _sites(nested, _fields_only(nested, value), (*loc, name))
        elif slot.kind == "tuple" and slot.item is not None and isinstance(value, list):
            for index, item in enumerate(value):
                nested = _slot_class(slot.item, item)
                if nested is not None and isinstance(item, dict):
                    found += _sites(nested, _fields_only(nested, item), (*loc, name, index))
    return found


def _slot_class(slot: _Slot, value: Any) -> type[Any] | None:
    if slot.kind == "entity":
        return slot.cls
    if slot.kind == "subject" and isinstance(value, dict):
        return SUBJECT_KINDS.get(value.get("kind", ""))
    return None


def _tagged(cls: type[Any]) -> bool:
    """Whether records of ``cls`` carry a ``kind`` tag that is not one of its fields."""
    return cls in SUBJECT_KINDS.values() and "kind" not in attrs.fields_dict(cls)


def _fields_only(cls: type[Any], record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "kind"} if _tagged(cls) else record


def _get(record: Any, loc: Loc) -> Any:
    for step in loc:
        record = record[step]
    return record


def _put(record: Any, loc: Loc, value: Any) -> Any:
    """A copy of ``record`` with the value at ``loc`` replaced (the input is not changed)."""
    if not loc:
        return value
    head, rest = loc[0], loc[1:]
    if isinstance(record, list):
        copy_list = list(record)
        copy_list[head] = _put(record[head], rest, value)  # type: ignore[index]
        return copy_list
    return {**record, head: _put(record[head], rest, value)}


# --- The misses of one object ---------------------------------------------------------------------


def _local_misses(
    cls: type[Any], obj: dict[str, Any]
) -> list[tuple[dict[str, Any], str, Loc, str]]:
    """Changes to one object that break one rule: (new object, code, local path, what)."""
    out: list[tuple[dict[str, Any], str, Loc, str]] = [
        ({**obj, "zz_unknown": 1}, "object.unknown_key", ("zz_unknown",), "an unknown key")
    ]
    for name in plan_for(cls).required:
        changed = {k: v for k, v in obj.items() if k != name}
        out.append((changed, "object.missing_key", (name,), f"no {name}"))
    for name, slot in _slots(cls).items():
        if name in obj:
            out += [
                ({**obj, name: new}, code, (name, *loc), f"{name}: {what}")
                for new, code, loc, what in _value_misses(slot, obj[name])
            ]
    out += _invariant_misses(cls, obj)
    return out


def _value_misses(slot: _Slot, value: Any) -> list[tuple[Any, str, Loc, str]]:
    limits = slot.limits
    out: list[tuple[Any, str, Loc, str]] = []
    if slot.kind == "str" and isinstance(value, str):
        out.append((12345, "type.string", (), "a number for a string"))
        if "max_length" in limits and not slot.custom:
            too_long = "x" * (limits["max_length"] + 1)
            out.append((too_long, "string.too_long", (), "one character too long"))
    elif slot.kind == "bool" and isinstance(value, bool):
        out.append(("true", "type.boolean", (), "a string for a boolean"))
    elif slot.kind == "int" and type(value) is int:
        out.append((str(value), "type.integer", (), "a string for an integer"))
        if "maximum" in limits:
            out.append((limits["maximum"] + 1, "number.too_large", (), "one above the maximum"))
        if "minimum" in limits:
            out.append((limits["minimum"] - 1, "number.too_small", (), "one below the minimum"))
    elif slot.kind == "date" and isinstance(value, str):
        out.append((value[:4] + "-02-30", "date.invalid", (), "30 February"))
    elif slot.kind == "enum" and isinstance(value, str):
        out.append(("zz_not_a_code", "enum.unknown", (), "an unknown code"))
    elif slot.kind == "tuple" and isinstance(value, list) and value:
        item = slot.item
        if item is not None and item.kind == "enum":
            changed = ["zz_not_a_code", *value[1:]]
            out.append((changed, "enum.unknown", (0,), "an unknown code in the list"))
        room = len(value) < limits.get("max_items", len(value) + 1)
        if slot.unique and room:
            duplicated = [*value, value[0]]
            out.append((duplicated, "array.duplicate", (len(value),), "a duplicate item"))
    return out


def _invariant_misses(
    cls: type[Any], obj: dict[str, Any]
) -> list[tuple[dict[str, Any], str, Loc, str]]:
    """Changes that break a class's cross-field rule."""
    out: list[tuple[dict[str, Any], str, Loc, str]] = []
    if cls in (ServiceDelivery, Partnership) and obj.get("end") is not None:
        before = dt.date.fromisoformat(obj["start"]) - dt.timedelta(days=1)
        out.append(
            ({**obj, "end": before.isoformat()}, "date.before_start", ("end",), "end before start")
        )
    if cls is Condition and obj["group"] == TargetGroup.OTHER_PPKS.value:
        out.append(
            (
                {**obj, "justification": None},
                "condition.justification_required",
                ("justification",),
                "'ppks_lainnya' without a justification",
            )
        )
    if cls is DrugUse:
        out.append(
            (
                {**obj, "status": groups_of(Target.CHILDREN)[0].value},
                "drug_use.not_a_drug_status",
                ("status",),
                "a status that is not a drug-use status",
            )
        )
    if cls is UnitEvent:
        needed = UnitEvent._REQUIRES.get(UnitEventKind(obj["kind"]))
        if needed is not None:
            out.append(
                (
                    {**obj, needed: None},
                    "unit_event.missing_payload",
                    (needed,),
                    f"a '{obj['kind']}' event without its {needed}",
                )
            )
    if cls is Person and isinstance(obj.get("nik"), str):
        out.append(
            (
                {**obj, "nik": obj["nik"][:12] + "0000"},
                "nik.invalid_serial",
                ("nik",),
                "serial 0000",
            )
        )
    return out


@st.composite
def near_misses(draw: st.DrawFn, cls: type[Any]) -> NearMiss:
    """Records of ``cls`` that break exactly one rule, with the code and path to expect.

    The record starts as a valid value of :data:`STRATEGIES` ``[cls]``; then one object in it
    (the record itself or any nested one) gets one change: an unknown key, a missing required
    key, a value of the wrong JSON type, a text one character too long, a number past its
    bound, 30 February, an unknown vocabulary code, a duplicate where items must be unique, or
    a broken cross-field rule (end before start, ``ppks_lainnya`` without justification, a
    drug-use status that is not one, a unit event without its payload, a NIK with serial
    0000). Shrinks to the first change (an unknown key) on the smallest record.
    """
    raw = unstructure(draw(STRATEGIES[cls]))
    options: list[NearMiss] = []
    for site, site_cls in _sites(cls, raw):
        obj = _get(raw, site)
        for new, code, loc, what in _local_misses(site_cls, _fields_only(site_cls, obj)):
            if _tagged(site_cls) and "kind" in obj:
                new = {"kind": obj["kind"], **new}
            where = ".".join(map(str, site)) or "the record"
            options.append(NearMiss(_put(raw, site, new), code, (*site, *loc), f"{where}: {what}"))
    chosen: NearMiss = draw(st.sampled_from(options))
    return chosen


# --- Eligibility ----------------------------------------------------------------------------------


class EligibilityNearMiss(NamedTuple):
    """A person eligible for a target, and the same person with one fact changed.

    ``assess_eligibility(*eligible, on=on)`` finds ``target`` eligible;
    ``assess_eligibility(*miss, on=on)`` has a finding ``rule_id`` with ``status``, and does not
    find ``target`` eligible.
    """

    eligible: tuple[Person, Assessment]
    miss: tuple[Person, Assessment]
    on: dt.date
    target: Target
    rule_id: str
    status: Status
    what: str


@st.composite
def _person_aged(draw: st.DrawFn, /, youngest: int, oldest: int, **extra: Any) -> Person:
    low, high = band_birth_range(youngest, oldest, REFERENCE_DATE)
    return Person(
        id=draw(st.sampled_from(["P-1", "P-2", "P-3"])),
        nik=NoNik(draw(st.sampled_from(NoNikReason))),
        name="Nama Samaran",
        sex=draw(st.sampled_from(Sex)),
        birth_date=BirthDate(value=draw(st.dates(min_value=low, max_value=high))),
        **extra,
    )


@st.composite
def _assessment_of(
    draw: st.DrawFn, /, *targets: Target, fitting: tuple[tuple[int, int], Sex | None]
) -> Assessment:
    """An assessment recording conditions of ``targets`` only (none when none are given).

    The conditions hold on :data:`REFERENCE_DATE` and their groups admit ``fitting`` (an age
    band and a sex), so the assessment cannot be the reason a target fails.
    """
    drawn = conditions(targets, holding_on=REFERENCE_DATE, fitting=fitting)
    found = draw(st.lists(drawn, min_size=1, max_size=2)) if targets else []
    return Assessment(
        id="A-1",
        assessed_on=draw(st.dates(min_value=dt.date(2023, 1, 1), max_value=REFERENCE_DATE)),
        assessor=draw(assessors()),
        conditions=tuple({c.group: c for c in found}.values()),
    )


@st.composite
def _age_miss(draw: st.DrawFn, target: Target) -> EligibilityNearMiss:
    child = target is Target.CHILDREN
    hit_band, miss_band = ((0, 17), (18, 30)) if child else ((60, 95), (45, 59))
    person = draw(_person_aged(*hit_band))
    older = draw(_person_aged(*miss_band))
    # The groups must admit both ages: the birth date alone decides.
    both = (min(hit_band[0], miss_band[0]), max(hit_band[1], miss_band[1]))
    assessment = draw(_assessment_of(target, fitting=(both, person.sex)))
    miss = attrs.evolve(person, birth_date=older.birth_date)
    rule = "elig.anak.age" if child else "elig.lansia.age"
    what = "aged 18 or more" if child else "aged under 60"
    return EligibilityNearMiss(
        (person, assessment), (miss, assessment), REFERENCE_DATE, target, rule, Status.NOT_MET, what
    )


@st.composite
def _disability_miss(draw: st.DrawFn) -> EligibilityNearMiss:
    disability = Disability(
        type=draw(st.sampled_from(DisabilityType)),
        permanent=True,
        determined_by_medical_personnel=True,
    )
    person = draw(_person_aged(18, 59, disabilities=(disability,)))
    assessment = draw(_assessment_of(fitting=((18, 59), person.sex)))
    if draw(st.booleans()):
        recent = REFERENCE_DATE - dt.timedelta(days=draw(st.integers(0, 150)))
        changed = attrs.evolve(disability, since=recent, permanent=False)
        rule, status, what = (
            "elig.disabilitas.duration",
            Status.NOT_MET,
            "a disability of under six months",
        )
    else:
        changed = attrs.evolve(disability, determined_by_medical_personnel=False)
        rule, status, what = (
            "elig.disabilitas.medical",
            Status.NEEDS_REVIEW,
            "not determined by medical personnel",
        )
    miss = attrs.evolve(person, disabilities=(changed,))
    return EligibilityNearMiss(
        (person, assessment),
        (miss, assessment),
        REFERENCE_DATE,
        Target.PERSONS_WITH_DISABILITIES,
        rule,
        status,
        what,
    )


@st.composite
def _drug_miss(draw: st.DrawFn) -> EligibilityNearMiss:
    # Undated, so the status holds on any date and the miss shrinks as simply as before.
    use = DrugUse(
        status=draw(st.sampled_from(groups_of(Target.DRUG_ABUSE_VICTIMS))),
        risk=draw(st.none() | st.sampled_from(DrugRisk)),
    )
    person = draw(_person_aged(18, 59, drug_use=use))
    assessment = draw(_assessment_of(fitting=((18, 59), person.sex)))
    miss = attrs.evolve(person, drug_use=None)
    return EligibilityNearMiss(
        (person, assessment),
        (miss, assessment),
        REFERENCE_DATE,
        Target.DRUG_ABUSE_VICTIMS,
        "elig.napza.status",
        Status.NOT_MET,
        "no drug-use status recorded",
    )


@st.composite
def _condition_miss(draw: st.DrawFn) -> EligibilityNearMiss:
    person = draw(_person_aged(18, 59))
    fitting = ((18, 59), person.sex)
    assessment = draw(_assessment_of(Target.SOCIAL_DEVIANCE_AND_TRAFFICKING, fitting=fitting))
    miss = attrs.evolve(assessment, conditions=())
    return EligibilityNearMiss(
        (person, assessment),
        (person, miss),
        REFERENCE_DATE,
        Target.SOCIAL_DEVIANCE_AND_TRAFFICKING,
        "elig.tskpo.condition",
        Status.NOT_MET,
        "no condition of the target recorded",
    )


@st.composite
def _late_assessment_miss(draw: st.DrawFn) -> EligibilityNearMiss:
    hit = draw(_condition_miss())
    person, assessment = hit.eligible
    later = REFERENCE_DATE + dt.timedelta(days=draw(st.integers(1, 365)))
    miss = attrs.evolve(assessment, assessed_on=later)
    return hit._replace(
        miss=(person, miss),
        rule_id="elig.assessment.present",
        status=Status.UNKNOWN,
        what="the assessment is dated after the decision",
    )


@st.composite
def _group_band_miss(draw: st.DrawFn) -> EligibilityNearMiss:
    person = draw(_person_aged(6, 17))
    assessment = draw(_assessment_of(Target.CHILDREN, fitting=((6, 17), person.sex)))
    toddler = Condition(group=TargetGroup.NEGLECTED_TODDLER)
    miss = attrs.evolve(assessment, conditions=(toddler,))
    return EligibilityNearMiss(
        (person, assessment),
        (person, miss),
        REFERENCE_DATE,
        Target.CHILDREN,
        "elig.group.age_band",
        Status.NEEDS_REVIEW,
        "a neglected toddler's group recorded for a child of six or more",
    )


def eligibility_near_misses() -> st.SearchStrategy[EligibilityNearMiss]:
    """Eligible persons and the one-fact change that makes a named rule fail.

    The changes: a child aged 18 (``elig.anak.age``), an elderly person under 60
    (``elig.lansia.age``), a disability of under six months (``elig.disabilitas.duration``) or
    not determined by medical personnel (``elig.disabilitas.medical``, needs review), no
    drug-use status (``elig.napza.status``), no condition of the target
    (``elig.tskpo.condition``), an assessment dated after the decision
    (``elig.assessment.present``, unknown), a group whose own age band does not admit the child
    (``elig.group.age_band``, needs review). All are decided on :data:`REFERENCE_DATE`.
    Shrinks to the removed drug-use status.
    """
    return st.one_of(
        _drug_miss(),
        _age_miss(Target.CHILDREN),
        _age_miss(Target.ELDERLY),
        _disability_miss(),
        _condition_miss(),
        _late_assessment_miss(),
        _group_band_miss(),
    )


# --- The case lifecycle ---------------------------------------------------------------------------


class TransitionNearMiss(NamedTuple):
    """A valid case and a move :func:`atensi.rules.advance` must refuse under ``rule_id``."""

    case: Case
    stage: CaseStage
    on: dt.date
    rule_id: str
    what: str


@st.composite
def transition_near_misses(draw: st.DrawFn) -> TransitionNearMiss:
    """Moves that break one lifecycle rule, with the rule id the refusal must carry.

    A stage that may not follow the current one (``case.transition.order``), any move of a
    closed case but aftercare (``case.transition.closed``), or an allowed move dated before
    the last one (``case.transition.date``). Shrinks to the assessment stage asked of a case
    with no history.
    """
    case = draw(cases())
    last = case.stages[-1].on if case.stages else case.opened_on
    if case.termination is not None:
        stage = draw(st.sampled_from([s for s in CaseStage if s is not CaseStage.AFTERCARE]))
        return TransitionNearMiss(case, stage, last, "case.transition.closed", "a closed case")
    allowed = allowed_next(case)
    refused = [s for s in CaseStage if s not in allowed]
    late = draw(st.booleans())
    if case.stages and late:
        stage = draw(st.sampled_from(sorted(allowed, key=list(CaseStage).index)))
        before = last - dt.timedelta(days=draw(st.integers(1, 30)))
        return TransitionNearMiss(
            case, stage, before, "case.transition.date", "dated before the last move"
        )
    stage = draw(st.sampled_from(refused))
    return TransitionNearMiss(case, stage, last, "case.transition.order", "out of order")
