"""Hypothesis strategies for every atensi entity: valid values and near misses.

Install the extra (``pip install atensi[hypothesis]``). Valid strategies produce entities that
``structure(unstructure(x))`` accepts unchanged; in particular:

* a person's NIK agrees with their birth date, sex and domicile (or is ``NoNik``);
* a person's age fits their conditions on :data:`REFERENCE_DATE` (child conditions under 18,
  elderly conditions 60 or over);
* a case's stage history follows the lifecycle rules (PP 39/2012 order with the evaluation
  loop), with assessment and consent recorded before any intervention.

:func:`near_misses` produces records that break **exactly one** rule, with the error code and
path ``structure`` must report. The entry point ``hypothesis`` registers every public entity,
so ``st.from_type(atensi.model.Person)`` works once atensi is installed.

Shrinking: strings shrink towards one letter, dates towards 2000-01-01 (Hypothesis' default
towards the middle of the range is overridden by the ranges below), lists towards empty, and
optional fields towards ``None``; a shrunk person is an adult without NIK, conditions or
disabilities.

>>> from hypothesis import given
>>> import atensi
>>> from atensi.model import Person
>>> @given(persons())
... def check(person):
...     assert atensi.structure(atensi.unstructure(person), Person) == person
>>> check()
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from hypothesis import strategies as st

from atensi.boundary import unstructure
from atensi.model import (
    Accreditation,
    AccreditationGrade,
    Assessment,
    Assessor,
    BirthDate,
    Case,
    Community,
    Condition,
    Disability,
    DrugUse,
    Family,
    Group,
    InKindItem,
    InterventionPlan,
    Lks,
    LksRegistration,
    PartnerKind,
    Partnership,
    Person,
    Portfolio,
    ProgrammeActivity,
    Referral,
    ReferralDirection,
    RegistrationLevel,
    ServiceDelivery,
    ServiceUnit,
    StaffMember,
    StageEntry,
    Termination,
    UnitRegistry,
)
from atensi.nik import NoNik, NoNikReason
from atensi.vocab import (
    Activity,
    Approach,
    CaseStage,
    Cluster,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    IndirectService,
    ServiceComponent,
    Sex,
    Target,
    TargetGroup,
    TerminationReason,
    Therapy,
    UnitKind,
    groups_of,
)

__all__ = [
    "REFERENCE_DATE",
    "STRATEGIES",
    "NearMiss",
    "assessments",
    "cases",
    "deliveries",
    "lks",
    "near_misses",
    "niks",
    "persons",
    "portfolios",
    "registries",
    "units",
]

#: The date on which generated ages fit generated conditions.
REFERENCE_DATE = dt.date(2024, 6, 1)

_DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
_IDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
# Explicit alphabets: Hypothesis' Unicode character map costs about a second to build once.
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèäöüñçÉ'"
_NAMES = st.text(alphabet=_LETTERS + " ", min_size=1, max_size=40).filter(lambda s: s.strip() != "")
_TEXT = st.text(alphabet=_LETTERS + " 0123456789.,;:-/()\n\u00a0\u2019\u20ac", max_size=60)
#: District codes (current and retired) that NIKs and domiciles are drawn from.
_DISTRICTS = ("317101", "327301", "650101", "930101", "737101", "910101", "520101", "110101")


def niks(birth: dt.date, sex: Sex, district: str | None = None) -> st.SearchStrategy[str]:
    """NIKs that encode ``birth`` and ``sex`` (and ``district`` when given)."""
    day = birth.day + (40 if sex is Sex.FEMALE else 0)
    middle = f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"
    region = st.just(district) if district else st.sampled_from(_DISTRICTS)
    return st.builds(lambda r, serial: f"{r}{middle}{serial:04d}", region, st.integers(1, 9999))


_COMPONENTS = list(ServiceComponent)


def _unique(items: list[Any], key: Any) -> tuple[Any, ...]:
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return tuple(seen.values())


@st.composite
def conditions(draw: st.DrawFn, targets: tuple[Target, ...] | None = None) -> Condition:
    """A condition of one of ``targets`` (any target by default)."""
    pool = [g for t in (targets or tuple(Target)) for g in groups_of(t)]
    group = draw(st.sampled_from(pool))
    justification = draw(_NAMES) if group is TargetGroup.OTHER_PPKS else draw(st.none() | _NAMES)
    return Condition(
        group=group,
        since=draw(st.none() | _DATES),
        evidence=draw(st.none() | _TEXT),
        justification=justification,
    )


@st.composite
def persons(draw: st.DrawFn) -> Person:
    """Valid persons whose NIK, age and conditions agree (ages on :data:`REFERENCE_DATE`)."""
    band = draw(st.sampled_from(("adult", "child", "elderly")))
    targets: tuple[Target, ...]
    if band == "child":
        low, high, targets = 0, 17, (Target.CHILDREN,)
    elif band == "elderly":
        low, high, targets = 60, 95, (Target.ELDERLY,)
    else:
        low, high, targets = (
            18,
            59,
            (
                Target.PERSONS_WITH_DISABILITIES,
                Target.SOCIAL_DEVIANCE_AND_TRAFFICKING,
                Target.DRUG_ABUSE_VICTIMS,
                Target.DISASTER_VICTIMS,
                Target.OTHER_PPKS,
            ),
        )
    ref = REFERENCE_DATE
    birth = draw(
        st.dates(
            min_value=dt.date(ref.year - high - 1, ref.month, ref.day + 1),
            max_value=dt.date(ref.year - low, ref.month, ref.day),
        )
    )
    sex = draw(st.sampled_from(Sex))
    district = draw(st.sampled_from(_DISTRICTS))
    nik = draw(niks(birth, sex, district) | st.builds(NoNik, st.sampled_from(NoNikReason)))
    disabilities = draw(
        st.lists(
            st.builds(
                Disability,
                type=st.sampled_from(DisabilityType),
                since=st.none() | _DATES,
                permanent=st.none() | st.booleans(),
                determined_by_medical_personnel=st.none() | st.booleans(),
            ),
            max_size=2,
        )
    )
    drug = draw(
        st.none()
        | st.builds(
            DrugUse,
            status=st.sampled_from(groups_of(Target.DRUG_ABUSE_VICTIMS)),
            risk=st.none() | st.sampled_from(DrugRisk),
        )
    )
    return Person(
        id=draw(_IDS),
        nik=nik,
        name=draw(_NAMES),
        sex=sex,
        birth_date=BirthDate(value=birth),
        domicile=draw(st.none() | st.just(district)),
        registry_id=draw(st.none() | _IDS),
        disabilities=_unique(disabilities, lambda d: d.type),
        elderly_capacity=(
            draw(st.none() | st.sampled_from(ElderlyCapacity)) if band == "elderly" else None
        ),
        drug_use=drug,
        conditions=_unique(draw(st.lists(conditions(targets), max_size=2)), lambda c: c.group),
    )


@st.composite
def assessments(draw: st.DrawFn, on: dt.date | None = None) -> Assessment:
    """Valid assessments (dated ``on`` when given)."""
    return Assessment(
        id=draw(_IDS),
        assessed_on=on if on is not None else draw(_DATES),
        assessor=Assessor(
            name=draw(st.none() | _NAMES),
            certified_social_worker=draw(st.booleans()),
            role=draw(st.none() | _NAMES),
        ),
        conditions=_unique(draw(st.lists(conditions(), max_size=3)), lambda c: c.group),
        needs=tuple(
            sorted(
                {a.component for a in draw(st.lists(st.sampled_from(Activity), max_size=3))},
                key=_COMPONENTS.index,
            )
        ),
        welfare_decile=draw(st.none() | st.integers(1, 10)),
        in_dtks=draw(st.none() | st.booleans()),
        consent_recorded=draw(st.booleans()),
    )


@st.composite
def deliveries(draw: st.DrawFn, start: dt.date | None = None) -> ServiceDelivery:
    """Valid deliveries (starting on or after ``start`` when given)."""
    activity = draw(st.sampled_from(Activity))
    first = start or dt.date(2000, 1, 1)
    begin = draw(st.dates(min_value=first, max_value=max(first, dt.date(2030, 12, 31))))
    end = draw(st.none() | st.dates(min_value=begin, max_value=dt.date(2031, 12, 31)))
    therapy = None
    if activity.component.value == "terapi":
        therapy = draw(st.none() | st.sampled_from([t for t in Therapy if t.activity is activity]))
    return ServiceDelivery(
        id=draw(_IDS),
        component=activity.component,
        activity=draw(st.none() | st.just(activity)),
        therapy=therapy,
        approach=draw(st.sampled_from(Approach)),
        provider=draw(_IDS),
        start=begin,
        end=end,
        amount_idr=draw(st.none() | st.integers(0, 50_000_000)),
        in_kind=tuple(
            draw(
                st.lists(
                    st.builds(
                        InKindItem,
                        name=_NAMES,
                        quantity=st.integers(1, 10),
                        value_idr=st.none() | st.integers(0, 10_000_000),
                    ),
                    max_size=2,
                )
            )
        ),
    )


_PATH = (
    CaseStage.INITIAL_APPROACH,
    CaseStage.ASSESSMENT,
    CaseStage.PLANNING,
    CaseStage.INTERVENTION,
    CaseStage.EVALUATION,
    CaseStage.RESOCIALISATION,
    CaseStage.TERMINATION,
    CaseStage.AFTERCARE,
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Valid cases whose stage history follows the lifecycle rules."""
    opened = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2029, 6, 30)))
    length = draw(st.integers(0, len(_PATH)))
    stages = []
    day = opened
    for stage in _PATH[:length]:
        day = day + dt.timedelta(days=draw(st.integers(0, 30)))
        stages.append(StageEntry(stage=stage, on=day))
    assessment_day = stages[1].on if length > 1 else opened
    subject = draw(
        persons()
        | st.builds(
            Family,
            id=_IDS,
            members=st.lists(persons(), max_size=2).map(lambda ps: _unique(ps, lambda p: p.id)),
            welfare_decile=st.none() | st.integers(1, 10),
        )
        | st.builds(
            Community, id=_IDS, name=_NAMES, region=st.none() | st.sampled_from(["7371", "3171"])
        )
    )
    residential = draw(st.booleans())
    approaches = (
        (Approach.FAMILY_BASED, Approach.RESIDENTIAL) if residential else (Approach.FAMILY_BASED,)
    )
    terminated = length >= 7
    return Case(
        id=draw(_IDS),
        subject=subject,
        unit=draw(_IDS),
        opened_on=opened,
        approaches=approaches,
        stages=tuple(stages),
        assessments=(draw(assessments(on=assessment_day)),) if length > 1 else (),
        plan=InterventionPlan(
            drawn_up_on=stages[2].on,
            approaches=approaches,
            residential_justification=draw(st.none() | _NAMES),
        )
        if length > 2
        else None,
        deliveries=_unique(
            draw(st.lists(deliveries(start=assessment_day), max_size=3)), lambda d: d.id
        )
        if length > 3
        else (),
        referrals=tuple(
            draw(
                st.lists(
                    st.builds(
                        Referral,
                        on=st.just(opened),
                        direction=st.sampled_from(ReferralDirection),
                        counterpart=st.none() | _IDS,
                    ),
                    max_size=2,
                )
            )
        ),
        consent_on=assessment_day if length > 1 else None,
        termination=Termination(on=stages[6].on, reason=draw(st.sampled_from(TerminationReason)))
        if terminated
        else None,
    )


@st.composite
def units(draw: st.DrawFn) -> ServiceUnit:
    """Valid units (no history, so any set of them is a valid registry)."""
    return ServiceUnit(
        code=draw(_IDS),
        name=draw(_NAMES),
        kind=draw(st.sampled_from(UnitKind)),
        location=draw(st.none() | st.sampled_from(_DISTRICTS)),
        home_clusters=tuple(
            sorted(
                set(draw(st.lists(st.sampled_from(Cluster), max_size=2))), key=list(Cluster).index
            )
        ),
        working_area=tuple(
            sorted(
                set(
                    draw(
                        st.lists(
                            st.sampled_from(["31", "3171", "73", "7371", "65", "6501", "93"]),
                            max_size=4,
                        )
                    )
                )
            )
        ),
    )


def registries() -> st.SearchStrategy[UnitRegistry]:
    """Valid unit registries."""
    return st.lists(units(), max_size=5).map(
        lambda us: UnitRegistry(units=_unique(us, lambda u: u.code))
    )


@st.composite
def lks(draw: st.DrawFn) -> Lks:
    """Valid LKS."""
    return Lks(
        code=draw(_IDS),
        name=draw(_NAMES),
        registration=draw(
            st.none()
            | st.builds(
                LksRegistration,
                number=_IDS,
                level=st.sampled_from(RegistrationLevel),
                registered_on=_DATES,
            )
        ),
        accreditation=draw(
            st.none()
            | st.builds(Accreditation, grade=st.sampled_from(AccreditationGrade), awarded_on=_DATES)
        ),
        clusters=tuple(
            sorted(
                set(draw(st.lists(st.sampled_from(Cluster), max_size=2))), key=list(Cluster).index
            )
        ),
        ipwl=draw(st.booleans()),
    )


@st.composite
def portfolios(draw: st.DrawFn) -> Portfolio:
    """Valid portfolios over one year."""
    year = draw(st.integers(2021, 2026))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Portfolio(
        id=draw(_IDS),
        owner=draw(_IDS),
        start=start,
        end=end,
        cases=_unique(draw(st.lists(cases(), max_size=3)), lambda c: c.id),
        activities=tuple(
            draw(
                st.lists(
                    st.builds(
                        ProgrammeActivity,
                        id=_IDS,
                        kind=st.sampled_from(IndirectService),
                        on=st.dates(min_value=start, max_value=end),
                        participants=st.none() | st.integers(0, 500),
                    ),
                    max_size=3,
                )
            )
        ),
        partnerships=tuple(
            draw(
                st.lists(
                    st.builds(
                        Partnership,
                        id=_IDS,
                        partner_kind=st.sampled_from(PartnerKind),
                        partner=_NAMES,
                        start=st.just(start),
                        end=st.none() | st.just(end),
                    ),
                    max_size=2,
                )
            )
        ),
        partner_lks=_unique(draw(st.lists(lks(), max_size=2)), lambda x: x.code),
        staff=tuple(
            draw(
                st.lists(
                    st.builds(
                        StaffMember, id=_IDS, role=_NAMES, certified_social_worker=st.booleans()
                    ),
                    max_size=3,
                )
            )
        ),
    )


#: The valid strategy of each entity class that has one of its own.
STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {
    Person: persons(),
    Assessment: assessments(),
    ServiceDelivery: deliveries(),
    Case: cases(),
    ServiceUnit: units(),
    UnitRegistry: registries(),
    Lks: lks(),
    Portfolio: portfolios(),
    Condition: conditions(),
    Family: st.builds(
        Family,
        id=_IDS,
        members=st.lists(persons(), max_size=2).map(lambda ps: _unique(ps, lambda p: p.id)),
    ),
    Group: st.builds(Group, id=_IDS, name=_NAMES),
    Community: st.builds(Community, id=_IDS, name=_NAMES),
}


class NearMiss(NamedTuple):
    """A record that breaks exactly one rule, and what ``structure`` must report."""

    record: dict[str, Any]
    code: str
    loc: tuple[str | int, ...]
    what: str


@st.composite
def near_misses(draw: st.DrawFn, cls: type[Any]) -> NearMiss:
    """Records of ``cls`` that break exactly one rule, with the expected code and path.

    Kinds of miss: an unknown key, a missing required key, a number for a string, a string
    for a boolean, an unknown vocabulary code, an impossible date, a NIK with serial 0000.
    """
    import attrs

    from atensi.boundary._plan import plan_for

    raw = unstructure(draw(STRATEGIES[cls]))
    plan = plan_for(cls)
    fields = {f.name: f for f in attrs.fields(cls)}
    options: list[NearMiss] = [
        NearMiss({**raw, "zz_unknown": 1}, "object.unknown_key", ("zz_unknown",), "unknown key")
    ]
    for name in plan.required:
        options.append(
            NearMiss(
                {k: v for k, v in raw.items() if k != name},
                "object.missing_key",
                (name,),
                f"missing {name}",
            )
        )
    for name, value in raw.items():
        tp = fields[name].type
        text = str(tp)
        if isinstance(value, str) and text in ("str", "str | None"):
            options.append(
                NearMiss({**raw, name: 12345}, "type.string", (name,), f"{name} as a number")
            )
        if isinstance(value, bool):
            options.append(
                NearMiss({**raw, name: "true"}, "type.boolean", (name,), f"{name} as a string")
            )
        if isinstance(value, str) and "date" in text and value[:4].isdigit():
            options.append(
                NearMiss(
                    {**raw, name: value[:4] + "-02-30"},
                    "date.invalid",
                    (name,),
                    f"{name} on 30 February",
                )
            )
        if isinstance(value, str) and any(k in text for k in ("Kind", "Cluster", "Stage")):
            options.append(
                NearMiss(
                    {**raw, name: "zz_not_a_code"}, "enum.unknown", (name,), f"unknown {name} code"
                )
            )
    if cls is Person and isinstance(raw.get("nik"), str):
        options.append(
            NearMiss(
                {**raw, "nik": raw["nik"][:12] + "0000"},
                "nik.invalid_serial",
                ("nik",),
                "NIK serial 0000",
            )
        )
    chosen: NearMiss = draw(st.sampled_from(options))
    return chosen


def _register() -> None:
    """Register the valid strategies with Hypothesis (the ``hypothesis`` entry point)."""
    for cls, strategy in STRATEGIES.items():
        st.register_type_strategy(cls, strategy)


_register()
