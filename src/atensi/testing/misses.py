"""Near misses: records and situations that break exactly one rule, and what must be reported.

Five families, one per place a rule is enforced:

* :func:`near_misses` (the boundary): a record of an entity class, valid but for one change
  anywhere in it (nested objects included), with the error code and path ``structure`` must
  report, and nothing else;
* :func:`eligibility_near_misses` (the eligibility rules): a person and assessment eligible for
  a target, and the same pair with one fact changed, with the rule id and status the changed
  pair must produce;
* :func:`transition_near_misses` (the case lifecycle): a valid case and a move that
  :func:`atensi.rules.advance` must refuse, with the rule id it must refuse it under (the
  order of stages, a closed case, dates, and the guards: consent for the mode, a child's
  consent, resocialisation of a residential case, termination reasons, aftercare after death);
* :func:`delivery_near_misses` (deliveries against the case): a case and a delivery that
  :func:`atensi.rules.check_delivery` must refuse under exactly one rule;
* :func:`referral_near_misses` (referrals): a case, a referral and a registry that
  :func:`atensi.rules.refer` must refuse under exactly one rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import attrs
from hypothesis import strategies as st

from atensi.boundary import unstructure
from atensi.boundary._shape import (
    Boolean,
    Code,
    Date,
    Integer,
    Node,
    Optional,
    Record,
    Tagged,
    Text,
    TupleOf,
    shape_of,
)
from atensi.model import (
    SUBJECT_KINDS,
    Assessment,
    BeneficiaryDecree,
    BirthDate,
    BudgetTarget,
    Case,
    Community,
    Condition,
    Consent,
    DecreeEntry,
    Disability,
    DrugUse,
    Funding,
    InterventionPlan,
    Partnership,
    Period,
    Person,
    PmTarget,
    Referral,
    ReferralDirection,
    ServiceDelivery,
    ServiceUnit,
    StageEntry,
    Termination,
    UnitEvent,
    UnitEventKind,
    UnitRegistry,
)
from atensi.model._fields import DateOrder
from atensi.nik import NoNik, NoNikReason
from atensi.rules import Status, allowed_next
from atensi.rules.age import shift_years
from atensi.testing.entities import (
    REFERENCE_DATE,
    STRATEGIES,
    assessors,
    band_birth_range,
    cases,
    conditions,
)
from atensi.vocab import (
    AgencyKind,
    Approach,
    CaseStage,
    ConsentGiver,
    DisabilityType,
    DrugRisk,
    InterventionMode,
    ServiceComponent,
    Sex,
    Target,
    TargetGroup,
    TerminationReason,
    UnitKind,
    groups_of,
)

_REVIEW = Status.NEEDS_REVIEW

__all__ = [
    "GUARD_MISS_RULES",
    "DeliveryNearMiss",
    "EligibilityNearMiss",
    "NearMiss",
    "ReferralNearMiss",
    "TransitionNearMiss",
    "delivery_near_misses",
    "eligibility_near_misses",
    "guard_near_misses",
    "near_misses",
    "referral_near_misses",
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


def _slot_of(node: Node, limits: dict[str, int], custom: bool, unique: bool) -> _Slot:
    """The slot of a field, read from its node of the type tree (``boundary._shape``)."""
    if isinstance(node, Optional):
        return _slot_of(node.inner, limits, custom, unique)
    if isinstance(node, Tagged):
        return _Slot("subject", None, None, limits, custom, unique)
    if isinstance(node, TupleOf):
        return _Slot("tuple", _slot_of(node.item, {}, False, False), None, limits, custom, unique)
    if isinstance(node, Code):
        return _Slot("enum", None, node.enum, limits, custom, unique)
    if isinstance(node, Record):
        return _Slot("entity", None, node.cls, limits, custom, unique)
    for kind, cls in (("bool", Boolean), ("int", Integer), ("str", Text), ("date", Date)):
        if isinstance(node, cls):
            return _Slot(kind, None, None, limits, custom, unique)
    return _Slot("other", None, None, limits, custom, unique)  # text or a record


_SLOTS: dict[type[Any], dict[str, _Slot]] = {}


def _slots(cls: type[Any]) -> dict[str, _Slot]:
    """The slots of ``cls``'s fields (built once per class)."""
    if cls in _SLOTS:
        return _SLOTS[cls]
    out = {}
    for f in shape_of(cls).fields:
        limits = dict(f.metadata.get("limits", {}))
        out[f.name] = _slot_of(f.node, limits, bool(f.checks), f.unique() is not None)
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
    for name in (f.name for f in shape_of(cls).fields if f.required):
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
        # A partnership's aid falls within its period: it goes, or the end would break it too.
        changed = {**obj, "end": before.isoformat(), **({"aid": []} if "aid" in obj else {})}
        out.append((changed, "date.before_start", ("end",), "end before start"))
    if cls is Partnership:
        before = dt.date.fromisoformat(obj["start"]) - dt.timedelta(days=1)
        aid = {"on": before.isoformat(), "recipient_kind": "lks", "recipient": "LKS-1"}
        out.append(
            (
                {**obj, "aid": [*obj.get("aid", []), aid]},
                "partnership.aid_outside_period",
                ("aid", len(obj.get("aid", [])), "on"),
                "aid handed over before the partnership began",
            )
        )
    if cls is Referral and obj.get("accepted_on") is not None:
        out.append(
            (
                {**obj, "declined_on": obj["accepted_on"]},
                "referral.accepted_and_declined",
                ("declined_on",),
                "accepted and declined",
            )
        )
        if obj.get("completed_on") is not None:
            out.append(
                (
                    {**obj, "accepted_on": None},
                    "referral.completed_without_acceptance",
                    ("completed_on",),
                    "completed without being accepted",
                )
            )
    if cls is Case:
        out.append(
            (
                # Without orders, a Bapas document naming one would break a second rule.
                {**obj, "mode": InterventionMode.ORDERED.value, "legal_basis": None, "orders": []}
                | {"bapas_documents": []},
                "case.ordered_without_legal_basis",
                ("legal_basis",),
                "an ordered intervention without its order",
            )
        )
        out.extend(_follow_up_misses(obj))
        out.extend(_order_history_misses(obj))
        if obj.get("deliveries"):
            taken = {e["id"] for e in obj.get("entitlements", [])}
            stranger = next(f"E{n}" for n in range(len(taken) + 1) if f"E{n}" not in taken)
            paying = {**obj["deliveries"][0], "entitlement": stranger}
            out.append(
                (
                    {**obj, "deliveries": [paying, *obj["deliveries"][1:]]},
                    "case.payment_unknown_entitlement",
                    ("deliveries", 0, "entitlement"),
                    "a payment of an entitlement the case does not hold",
                )
            )
    out.extend(_date_order_misses(cls, obj))
    out.extend(_reporting_misses(cls, obj))
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


#: Classes whose date-order misses are written out by hand above (or in :func:`_aid_misses`).
_DATES_BY_HAND = (Period, BeneficiaryDecree)


def _date_order_misses(
    cls: type[Any], obj: dict[str, Any]
) -> list[tuple[dict[str, Any], str, Loc, str]]:
    """A later date put the day before the date it follows, read from the class's invariants.

    For a class whose cross-field rules are all date orders (an offence brought to court before
    it was committed, a report passed on before it was made, a court order starting before it
    was issued, a plan part ending before it starts, ...): each change breaks one declared order
    and no other, checked against every order of the class.
    """
    invariants = getattr(cls, "_invariants", ())
    if cls in _DATES_BY_HAND or not invariants:
        return []
    if not all(isinstance(check, DateOrder) for check in invariants):
        return []
    out: list[tuple[dict[str, Any], str, Loc, str]] = []
    for check in invariants:
        if obj.get(check.before) is None:
            continue
        changed = {**obj, check.after: _day_before(obj[check.before])}
        broken = [
            other
            for other in invariants
            if changed.get(other.before) is not None
            and changed.get(other.after) is not None
            and changed[other.after] < changed[other.before]
        ]
        if broken == [check]:
            what = f"{check.after} before {check.before}"
            out.append((changed, "date.before_start", (check.after,), what))
    return out


def _order_history_misses(obj: dict[str, Any]) -> list[tuple[dict[str, Any], str, Loc, str]]:
    """A case's orders and Bapas documents that contradict each other (issue 29)."""
    orders = obj.get("orders", [])
    out: list[tuple[dict[str, Any], str, Loc, str]] = []
    documents = obj.get("bapas_documents", [])
    stray = {"kind": "litmas", "on": obj["opened_on"], "order": "ZZ-NO-ORDER"}
    out.append(
        (
            {**obj, "bapas_documents": [*documents, stray]},
            "case.document_unknown_order",
            ("bapas_documents", len(documents), "order"),
            "a Bapas document naming no order of the case",
        )
    )
    if orders:
        first = orders[0]
        unknown = {**first, "extends": "ZZ-NO-ORDER"}
        out.append(
            (
                {**obj, "orders": [unknown, *orders[1:]]},
                "case.extends_unknown_order",
                ("orders", 0, "extends"),
                "an extension of an order the case does not hold",
            )
        )
        early = _day_before(first["issued_on"])
        extension = {"id": "ZZ-EXTENSION", "kind": first["kind"], "issued_on": early}
        extension["extends"] = first["id"]
        out.append(
            (
                {**obj, "orders": [*orders, extension]},
                "case.extension_before_order",
                ("orders", len(orders), "issued_on"),
                "an extension issued before the order it extends",
            )
        )
    return out


def _day_before(text: str) -> str:
    return (dt.date.fromisoformat(text) - dt.timedelta(days=1)).isoformat()


def _follow_up_misses(obj: dict[str, Any]) -> list[tuple[dict[str, Any], str, Loc, str]]:
    """A follow-up before the termination, or on a case that was not terminated."""
    index = len(obj.get("followups", []))
    closing = obj.get("termination")
    loc: Loc
    if closing is None:
        followup = {"on": obj["opened_on"], "months_after": 99}
        code, loc = "case.followup_without_termination", ("followups", index)
    else:
        followup = {"on": _day_before(closing["on"]), "months_after": 99}
        code, loc = "case.followup_before_termination", ("followups", index, "on")
    return [({**obj, "followups": [*obj.get("followups", []), followup]}, code, loc, code)]


def _reporting_misses(
    cls: type[Any], obj: dict[str, Any]
) -> list[tuple[dict[str, Any], str, Loc, str]]:
    """The invariants of funding, outcomes and report parameters."""
    out: list[tuple[dict[str, Any], str, Loc, str]] = []
    if cls is ServiceDelivery and obj.get("funding") is not None:
        funding = {**obj["funding"], "channel": "bantuan_pemerintah"}
        early = {**obj, "start": "2014-06-01", "end": None, "funding": funding}
        out.append(
            (early, "funding.channel_not_in_force", ("funding", "channel"), "channel too early")
        )
    if cls is Termination and obj.get("outcome") is not None:
        outcome = {**obj["outcome"], "recorded_on": _day_before(obj["on"])}
        out.append(
            (
                {**obj, "outcome": outcome},
                "termination.outcome_before_termination",
                ("outcome", "recorded_on"),
                "an outcome recorded before the termination",
            )
        )
    if cls is Period:
        changed = {**obj, "end": _day_before(obj["start"])}
        out.append((changed, "date.before_start", ("end",), "end before start"))
    if cls is PmTarget:
        changed = {**obj, "province": "31", "regency": "7371"}
        out.append((changed, "report.regency_outside_province", ("regency",), "regency elsewhere"))
    if cls in (Funding, BudgetTarget):
        changed = {**obj, "account": "57411X"}
        out.append((changed, "funding.account", ("account",), "not an account"))
    out.extend(_aid_misses(cls, obj))
    return out


def _aid_misses(cls: type[Any], obj: dict[str, Any]) -> list[tuple[dict[str, Any], str, Loc, str]]:
    """The invariants of beneficiary decrees."""
    out: list[tuple[dict[str, Any], str, Loc, str]] = []
    if cls is BeneficiaryDecree:
        early = _day_before(obj["valid_from"])
        out.append(
            ({**obj, "valid_until": early}, "date.before_start", ("valid_until",), "ends early")
        )
        revoked = _day_before(obj["issued_on"])
        out.append(
            ({**obj, "revoked_on": revoked}, "date.before_start", ("revoked_on",), "revoked early")
        )
    if cls is DecreeEntry and obj.get("target_group") is not None:
        group = TargetGroup(obj["target_group"])
        other = next(t for t in Target if t is not group.target)
        out.append(
            (
                {**obj, "target": other.value},
                "decree.group_outside_target",
                ("target_group",),
                "a group outside the target named beside it",
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
    0000, a funding channel before it existed, an outcome or a follow-up before the
    termination, a follow-up without one, a regency outside its province). Shrinks to the first
    change (an unknown key) on the smallest record.
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
    """A valid case and a move the rule ``rule_id`` answers with ``status``.

    ``not_met``: :func:`atensi.rules.advance` refuses the move under ``rule_id``;
    ``needs_review``: the rule is graded below ``verified`` (it never says no), so
    :func:`atensi.rules.check_transition` leaves the move for review under ``rule_id``. Pass
    ``reason`` to ``advance`` (a termination's reason; ``None`` for other moves).
    """

    case: Case
    stage: CaseStage
    on: dt.date
    rule_id: str
    what: str
    reason: TerminationReason | None = None
    status: Status = Status.NOT_MET


@st.composite
def transition_near_misses(draw: st.DrawFn) -> TransitionNearMiss:
    """Moves that break one lifecycle rule, with the rule id the refusal must carry.

    A stage that may not follow the current one (``case.transition.order``; a move into or out
    of evaluation breaks atensi's evaluation loops, a convention, and is left for review), any
    move of a closed case but aftercare (``case.transition.closed``), an allowed move dated
    before the last one (``case.transition.date``), or a move a guard answers
    (:func:`guard_near_misses`).
    Shrinks to the assessment stage asked of a case with no history.
    """
    # The case comes first, so that a guard's miss (which draws its own, shorter case) is never
    # the simpler example to the shrinker.
    case = draw(cases())
    if draw(st.integers(0, 3)) == 3:
        return draw(guard_near_misses())
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
    asked = draw(st.sampled_from(refused))
    # Moves into or out of evaluation are refused by atensi's evaluation loops, a convention:
    # they are left for review (aftercare before termination is refused by PP 39/2012).
    current = case.current_stage
    loops = (
        current is not None
        and CaseStage.EVALUATION in (current, asked)
        and asked is not CaseStage.AFTERCARE
    )
    return TransitionNearMiss(
        case,
        asked,
        last,
        "case.transition.order",
        "out of order",
        status=_REVIEW if loops else Status.NOT_MET,
    )


# --- Practice: the guards, deliveries and referrals -------------------------------------------

_DAY = dt.timedelta(days=1)


@st.composite
def _ready(draw: st.DrawFn, *, residential: bool = False) -> Case:
    """A community's case planned and consented to, about to enter intervention.

    Opened on a drawn day D: initial approach and assessment on D, planning on D + 1, with an
    assessment, the subject's consent and a plan of one component on those days.
    """
    opened = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2028, 12, 31)))
    component = draw(st.sampled_from(ServiceComponent))
    approaches = (Approach.RESIDENTIAL,) if residential else (Approach.COMMUNITY_BASED,)
    return Case(
        id="C-1",
        subject=Community(id="K-1", name="Kampung"),
        unit="U-1",
        opened_on=opened,
        approaches=approaches,
        stages=(
            StageEntry(stage=CaseStage.INITIAL_APPROACH, on=opened),
            StageEntry(stage=CaseStage.ASSESSMENT, on=opened),
            StageEntry(stage=CaseStage.PLANNING, on=opened + _DAY),
        ),
        assessments=(Assessment(id="A-1", assessed_on=opened),),
        plan=InterventionPlan(
            drawn_up_on=opened + _DAY, components=(component,), approaches=approaches
        ),
        consent=Consent(on=opened, given_by=ConsentGiver.SUBJECT),
    )


def _entered(case: Case, *stages: CaseStage) -> Case:
    """The case with ``stages`` entered one a day after its last stage."""
    day = case.stages[-1].on
    entries = list(case.stages)
    for stage in stages:
        day += _DAY
        entries.append(StageEntry(stage=stage, on=day))
    return attrs.evolve(case, stages=tuple(entries))


def _last(case: Case) -> dt.date:
    return case.stages[-1].on + _DAY


#: The guard rules :func:`guard_near_misses` breaks, in the order of its ``rule`` argument.
GUARD_MISS_RULES = (
    "case.transition.consent_required",
    "case.consent.mode",
    "case.consent.guardian",
    "case.transition.resocialisation_required",
    "case.transition.aftercare_after_death",
    "case.termination.reason",
    "case.transition.reason_required",
)


@st.composite
def guard_near_misses(draw: st.DrawFn, rule: str | None = None) -> TransitionNearMiss:
    """Moves the order allows that one guard refuses, with the rule the refusal names.

    A community's (or, for the guardian rule, a child's) case, planned and consented to, asks
    for intervention without consent, in a coercive mode without a basis, with the child's own
    consent; a residential case asks for termination without resocialisation; a case closed by
    death asks for aftercare; a case that is not a Sentra Kreasi case is terminated with a Sentra
    Kreasi exit reason, or without a reason. ``rule`` (one of :data:`GUARD_MISS_RULES`) picks
    one. Shrinks to the intervention asked without consent.
    """
    kinds = GUARD_MISS_RULES
    kind = kinds.index(rule) if rule is not None else draw(st.integers(0, len(kinds) - 1))
    case = draw(_ready(residential=kind == 3))
    if kind == 0:
        case = attrs.evolve(case, consent=None)
        return TransitionNearMiss(
            case,
            CaseStage.INTERVENTION,
            _last(case),
            "case.transition.consent_required",
            "an intervention without consent",
            status=_REVIEW,
        )
    if kind == 1:
        case = attrs.evolve(case, consent=None, mode=InterventionMode.COERCIVE)
        return TransitionNearMiss(
            case,
            CaseStage.INTERVENTION,
            _last(case),
            "case.consent.mode",
            "a coercive intervention without its legal basis",
            status=_REVIEW,
        )
    if kind == 2:
        child = Person(
            id="P-1",
            nik=NoNik(NoNikReason.NOT_REGISTERED),
            name="Anak",
            birth_date=BirthDate(value=shift_years(case.opened_on, -draw(st.integers(1, 17)))),
        )
        case = attrs.evolve(case, subject=child)
        return TransitionNearMiss(
            case,
            CaseStage.INTERVENTION,
            _last(case),
            "case.consent.guardian",
            "a child's consent given by the child alone",
            status=_REVIEW,
        )
    if kind == 3:
        case = _entered(case, CaseStage.INTERVENTION)
        return TransitionNearMiss(
            case,
            CaseStage.TERMINATION,
            _last(case),
            "case.transition.resocialisation_required",
            "a residential case terminated without resocialisation",
            TerminationReason.GOALS_MET,
        )
    if kind == 4:
        case = _entered(case, CaseStage.INTERVENTION, CaseStage.TERMINATION)
        ended = Termination(on=case.stages[-1].on, reason=TerminationReason.DEATH)
        case = attrs.evolve(case, termination=ended)
        return TransitionNearMiss(
            case,
            CaseStage.AFTERCARE,
            _last(case),
            "case.transition.aftercare_after_death",
            "aftercare after a death",
            status=_REVIEW,
        )
    case = _entered(case, CaseStage.INTERVENTION)
    if kind == 5:
        return TransitionNearMiss(
            case,
            CaseStage.EARLY_TERMINATION,
            _last(case),
            "case.termination.reason",
            "'did not meet the criteria at selection' after an intervention",
            TerminationReason.NOT_ELIGIBLE_AT_SELECTION,
            status=_REVIEW,
        )
    return TransitionNearMiss(
        case,
        CaseStage.TERMINATION,
        _last(case),
        "case.transition.reason_required",
        "a termination without a reason",
    )


class DeliveryNearMiss(NamedTuple):
    """A case and a delivery the rule ``rule_id`` answers with ``status``.

    ``not_met``: :func:`atensi.rules.check_delivery` refuses it; ``needs_review``: the rule is
    graded below ``verified`` and leaves it for review. Every other rule of
    :func:`atensi.rules.assess_delivery` is met (or not applicable) for it.
    """

    case: Case
    delivery: ServiceDelivery
    rule_id: str
    what: str
    status: Status = Status.NOT_MET


@st.composite
def delivery_near_misses(draw: st.DrawFn) -> DeliveryNearMiss:
    """Deliveries that break one rule: no assessment, the wrong stage, not planned, no consent.

    The case is a community's, consented to and planned; the delivery is of the planned
    component on the first day of intervention, by a Sentra, unless the one change says
    otherwise. The first four rest on atensi's conventions or practice and are left for review;
    a delivery after the consent was withdrawn is refused (PP 39/2012 Pasal 5). Shrinks to a
    delivery on a case without its assessment.
    """
    kind = draw(st.integers(0, 4))
    case = draw(_ready())
    planned = case.plan.components[0] if case.plan is not None else ServiceComponent.THERAPY
    intervened = _entered(case, CaseStage.INTERVENTION)
    day = intervened.stages[-1].on
    delivery = ServiceDelivery(
        id="D-1",
        component=planned,
        approach=Approach.COMMUNITY_BASED,
        provider="U-1",
        start=day,
        provider_kind=AgencyKind.MINISTRY_UNIT,
    )
    if kind == 0:
        return DeliveryNearMiss(
            attrs.evolve(intervened, assessments=()),
            delivery,
            "case.delivery.assessment_required",
            "no assessment is recorded",
            _REVIEW,
        )
    if kind == 1:
        during_planning = attrs.evolve(delivery, start=case.stages[-1].on)
        return DeliveryNearMiss(
            case, during_planning, "case.delivery.stage", "a delivery during planning", _REVIEW
        )
    if kind == 2:
        other = next(c for c in ServiceComponent if c is not planned)
        return DeliveryNearMiss(
            intervened,
            attrs.evolve(delivery, component=other),
            "case.delivery.planned",
            "a component the plan does not list, not flagged",
            _REVIEW,
        )
    if kind == 3:
        return DeliveryNearMiss(
            attrs.evolve(intervened, consent=None),
            delivery,
            "case.delivery.consent_required",
            "no consent recorded",
            _REVIEW,
        )
    consent = intervened.consent
    withdrawn = attrs.evolve(consent, withdrawn_on=day) if consent is not None else None
    return DeliveryNearMiss(
        attrs.evolve(intervened, consent=withdrawn),
        delivery,
        "case.delivery.consent_required",
        "the consent was withdrawn on the delivery's first day",
    )


class ReferralNearMiss(NamedTuple):
    """A case, a referral and a registry the rule ``rule_id`` answers with ``status``.

    Both referral rules are atensi's conventions, so :func:`atensi.rules.check_referral` leaves
    these referrals for review (``needs_review``) rather than refusing them.
    """

    case: Case
    referral: Referral
    registry: UnitRegistry
    rule_id: str
    what: str
    status: Status = Status.NEEDS_REVIEW


@st.composite
def referral_near_misses(draw: st.DrawFn) -> ReferralNearMiss:
    """Referrals that break one referral rule: after a closing, or to a unit nobody knows.

    Both rules are atensi's conventions: the referral is left for review, never refused.

    The registry claims to be complete and holds the case's own unit. Shrinks to a referral
    out of a case closed for another reason.
    """
    case = _entered(draw(_ready()), CaseStage.INTERVENTION)
    registry = UnitRegistry(
        units=(ServiceUnit(code="U-1", name="Sentra", kind=UnitKind.SENTRA),), complete=True
    )
    referral = Referral(
        on=_last(case),
        direction=ReferralDirection.OUT,
        counterpart_kind=AgencyKind.MINISTRY_UNIT,
        responsible="PEKSOS-1",
    )
    if draw(st.booleans()):
        return ReferralNearMiss(
            case,
            attrs.evolve(referral, unit_code="ZZ-UNKNOWN"),
            registry,
            "case.referral.counterpart",
            "a unit code the complete registry does not hold",
        )
    closed = _entered(case, CaseStage.TERMINATION)
    ended = Termination(on=closed.stages[-1].on, reason=TerminationReason.GOALS_MET)
    closed = attrs.evolve(closed, termination=ended)
    return ReferralNearMiss(
        closed,
        attrs.evolve(referral, on=_last(closed)),
        registry,
        "case.referral.stage",
        "a referral out after the case closed for another reason",
    )
