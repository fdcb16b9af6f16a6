"""Hypothesis strategies for valid entities and JSON-like noise (moves to atensi.testing later)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from atensi.model import (
    Accreditation,
    AccreditationGrade,
    Assessment,
    Assessor,
    BirthDate,
    Case,
    Community,
    Condition,
    DatePrecision,
    Disability,
    DrugUse,
    Family,
    InKindItem,
    InterventionPlan,
    Lks,
    LksRegistration,
    Person,
    Referral,
    ReferralDirection,
    RegistrationLevel,
    ServiceDelivery,
    ServiceUnit,
    StageEntry,
    Termination,
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
    ServiceComponent,
    Sex,
    Target,
    TargetGroup,
    TerminationReason,
    UnitKind,
    groups_of,
)

DATES = st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2030, 12, 31))
IDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
NAMES = st.text(
    alphabet=st.characters(categories=["L", "Zs"], max_codepoint=0x24F), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")
SHORT_TEXT = st.text(max_size=60)
REGION_CODES = st.sampled_from(["31", "3171", "317101", "6501", "9301", "7371", "5201"])

# NIKs known to be valid: (nik, birth date, sex).
VALID_NIKS = st.sampled_from(
    [
        "3171014103900001",  # woman born 1 Mar 1990, Jakarta Pusat
        "6501011505050002",  # man born 15 May 2005, Kalimantan Utara
        "3273010101800003",
        "7371016212950004",
    ]
)


@st.composite
def birth_dates(draw: st.DrawFn) -> BirthDate:
    return BirthDate(
        value=draw(DATES),
        precision=draw(st.sampled_from(DatePrecision)),
        estimated=draw(st.booleans()),
    )


@st.composite
def conditions(draw: st.DrawFn, targets: tuple[Target, ...] | None = None) -> Condition:
    pool = [g for t in (targets or tuple(Target)) for g in groups_of(t)]
    group = draw(st.sampled_from(pool))
    justification = draw(NAMES) if group is TargetGroup.OTHER_PPKS else draw(st.none() | NAMES)
    return Condition(
        group=group,
        since=draw(st.none() | DATES),
        evidence=draw(st.none() | SHORT_TEXT),
        justification=justification,
    )


def _unique(items: list[Any], key: Any) -> tuple[Any, ...]:
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return tuple(seen.values())


@st.composite
def persons(draw: st.DrawFn) -> Person:
    disabilities = draw(
        st.lists(
            st.builds(
                Disability,
                type=st.sampled_from(DisabilityType),
                since=st.none() | DATES,
                permanent=st.none() | st.booleans(),
                determined_by_medical_personnel=st.none() | st.booleans(),
            ),
            max_size=3,
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
        id=draw(IDS),
        nik=draw(VALID_NIKS | st.builds(NoNik, st.sampled_from(NoNikReason))),
        name=draw(NAMES),
        sex=draw(st.none() | st.sampled_from(Sex)),
        birth_date=draw(st.none() | birth_dates()),
        domicile=draw(st.none() | REGION_CODES),
        registry_id=draw(st.none() | IDS),
        disabilities=_unique(disabilities, lambda d: d.type),
        elderly_capacity=draw(st.none() | st.sampled_from(ElderlyCapacity)),
        drug_use=drug,
        conditions=_unique(draw(st.lists(conditions(), max_size=3)), lambda c: c.group),
    )


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    return Assessment(
        id=draw(IDS),
        assessed_on=draw(DATES),
        assessor=Assessor(
            name=draw(st.none() | NAMES),
            certified_social_worker=draw(st.booleans()),
            role=draw(st.none() | NAMES),
        ),
        conditions=_unique(draw(st.lists(conditions(), max_size=3)), lambda c: c.group),
        needs=tuple(
            sorted(
                {a.component for a in draw(st.lists(st.sampled_from(Activity), max_size=3))},
                key=list(ServiceComponent).index,
            )
        ),
        welfare_decile=draw(st.none() | st.integers(1, 10)),
        in_dtks=draw(st.none() | st.booleans()),
        consent_recorded=draw(st.booleans()),
    )


@st.composite
def deliveries(draw: st.DrawFn) -> ServiceDelivery:
    activity = draw(st.sampled_from(Activity))
    start = draw(DATES)
    end = draw(st.none() | st.dates(min_value=start, max_value=dt.date(2031, 12, 31)))
    therapy = None
    if activity.component.value == "terapi":
        from atensi.vocab import Therapy

        therapy = draw(st.none() | st.sampled_from([t for t in Therapy if t.activity is activity]))
    return ServiceDelivery(
        id=draw(IDS),
        component=activity.component,
        activity=draw(st.none() | st.just(activity)),
        therapy=therapy,
        approach=draw(st.sampled_from(Approach)),
        provider=draw(IDS),
        start=start,
        end=end,
        amount_idr=draw(st.none() | st.integers(0, 50_000_000)),
        in_kind=tuple(
            draw(
                st.lists(
                    st.builds(
                        InKindItem,
                        name=NAMES,
                        quantity=st.integers(1, 10),
                        value_idr=st.none() | st.integers(0, 10_000_000),
                    ),
                    max_size=2,
                )
            )
        ),
    )


@st.composite
def cases(draw: st.DrawFn) -> Case:
    opened = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2029, 12, 31)))
    stage_dates = sorted(
        draw(st.lists(st.dates(min_value=opened, max_value=dt.date(2030, 12, 31)), max_size=4))
    )
    stages = tuple(StageEntry(stage=draw(st.sampled_from(CaseStage)), on=d) for d in stage_dates)
    subject = draw(
        persons()
        | st.builds(
            Family,
            id=IDS,
            members=st.lists(persons(), max_size=2).map(lambda ps: _unique(ps, lambda p: p.id)),
            welfare_decile=st.none() | st.integers(1, 10),
        )
        | st.builds(Community, id=IDS, name=NAMES, region=st.none() | REGION_CODES)
    )
    termination = draw(
        st.none()
        | st.builds(
            Termination,
            on=st.dates(min_value=opened, max_value=dt.date(2031, 12, 31)),
            reason=st.sampled_from(TerminationReason),
        )
    )
    return Case(
        id=draw(IDS),
        subject=subject,
        unit=draw(IDS),
        opened_on=opened,
        approaches=tuple(
            sorted(
                set(draw(st.lists(st.sampled_from(Approach), max_size=3))), key=list(Approach).index
            )
        ),
        stages=stages,
        assessments=_unique(draw(st.lists(assessments(), max_size=2)), lambda a: a.id),
        plan=draw(st.none() | st.builds(InterventionPlan, drawn_up_on=DATES)),
        deliveries=_unique(draw(st.lists(deliveries(), max_size=3)), lambda d: d.id),
        referrals=tuple(
            draw(
                st.lists(
                    st.builds(Referral, on=DATES, direction=st.sampled_from(ReferralDirection)),
                    max_size=2,
                )
            )
        ),
        consent_on=draw(st.none() | DATES),
        termination=termination,
    )


@st.composite
def units(draw: st.DrawFn) -> ServiceUnit:
    return ServiceUnit(
        code=draw(IDS),
        name=draw(NAMES),
        kind=draw(st.sampled_from(UnitKind)),
        location=draw(st.none() | REGION_CODES),
        home_clusters=tuple(
            sorted(
                set(draw(st.lists(st.sampled_from(Cluster), max_size=2))), key=list(Cluster).index
            )
        ),
        working_area=tuple(sorted(set(draw(st.lists(REGION_CODES, max_size=4))))),
    )


@st.composite
def lks(draw: st.DrawFn) -> Lks:
    return Lks(
        code=draw(IDS),
        name=draw(NAMES),
        registration=draw(
            st.none()
            | st.builds(
                LksRegistration,
                number=IDS,
                level=st.sampled_from(RegistrationLevel),
                registered_on=DATES,
            )
        ),
        accreditation=draw(
            st.none()
            | st.builds(Accreditation, grade=st.sampled_from(AccreditationGrade), awarded_on=DATES)
        ),
        ipwl=draw(st.booleans()),
    )


ENTITY_STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = {
    Person: persons(),
    Assessment: assessments(),
    ServiceDelivery: deliveries(),
    Case: cases(),
    ServiceUnit: units(),
    Lks: lks(),
}

#: The classes with a strategy, in name order (for parametrised tests).
STRATEGY_CLASSES: list[type[Any]] = sorted(ENTITY_STRATEGIES, key=lambda c: c.__name__)


def entity_name(cls: type[Any]) -> str:
    """Test id of an entity class."""
    return cls.__name__


#: Arbitrary JSON-like values, including awkward ones.
JSON_LIKE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["2024-02-30", "2024-01-01", "anak", "person", "3171014103900001"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=12) | st.sampled_from(["id", "kind", "name", "nik"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)
