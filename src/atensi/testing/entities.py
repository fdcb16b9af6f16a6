"""Valid strategies, one per entity: every value they draw is a record ``structure`` accepts.

Each strategy's docstring says what it shrinks to (``tests/test_testing.py`` checks those
statements). The general rules: identifiers shrink to ``"0"``, names and required texts to
``"A"``, optional fields to ``None``, lists to empty, vocabulary members to the first member of
their enum, dates to 2000-01-01 or to the lower end of their range, birth dates to the
youngest person their range allows, and a stage history to no stages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from atensi.law import group_bounds
from atensi.model import (
    Accreditation,
    AccreditationGrade,
    Assessment,
    Assessor,
    BapasDocument,
    BeneficiaryDecree,
    BirthDate,
    BudgetTarget,
    Case,
    CaseEvent,
    CaseOutcome,
    Community,
    CompulsoryReport,
    Condition,
    Consent,
    CourtOrder,
    DatePrecision,
    DecreeEntry,
    Disability,
    DrugUse,
    Emergency,
    Entitlement,
    Episode,
    Family,
    FollowUp,
    Funding,
    Group,
    Incapacity,
    InKindItem,
    InterventionPlan,
    IpwlAssessment,
    LegalBasis,
    Lks,
    LksRegistration,
    Offence,
    PartnerAid,
    PartnerKind,
    Partnership,
    Period,
    Person,
    PlanPart,
    PmTarget,
    Portfolio,
    ProgrammeActivity,
    Referral,
    ReferralDirection,
    RegistrationLevel,
    RehabilitationPlan,
    ServiceDelivery,
    ServiceUnit,
    StaffMember,
    StageEntry,
    Termination,
    UnitEvent,
    UnitEventKind,
    UnitRegistry,
)
from atensi.nik import NoNik, NoNikReason
from atensi.rules import Outcome, advance, age_range, allowed_next, check_transition
from atensi.rules.age import ESTIMATE_MARGIN_YEARS, months_after, shift_years
from atensi.vocab import (
    Activity,
    AgencyKind,
    AgreementKind,
    AidProgramme,
    Approach,
    BapasDocumentKind,
    CaseStage,
    Cluster,
    ConsentGiver,
    CycleFrequency,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    EmergencyKind,
    FundingChannel,
    IndirectService,
    InterventionMode,
    IpwlDesignation,
    LegalBasisKind,
    OffenceCategory,
    Practice,
    RecipientKind,
    ReferralReason,
    Relation,
    ServiceComponent,
    ServiceLine,
    Sex,
    Target,
    TargetGroup,
    TerminationReason,
    Therapy,
    UnitKind,
    VictimKind,
    groups_of,
)

__all__ = [
    "REFERENCE_DATE",
    "accreditations",
    "assessments",
    "assessors",
    "bapas_documents",
    "beneficiary_decrees",
    "birth_dates",
    "budget_targets",
    "case_events",
    "case_outcomes",
    "cases",
    "communities",
    "compulsory_reports",
    "conditions",
    "consents",
    "court_orders",
    "decree_entries",
    "deliveries",
    "disabilities",
    "drug_uses",
    "emergencies",
    "entitlements",
    "episodes",
    "families",
    "follow_ups",
    "fundings",
    "groups",
    "in_kind_items",
    "incapacities",
    "intervention_plans",
    "ipwl_assessments",
    "legal_bases",
    "lks",
    "lks_registrations",
    "niks",
    "offences",
    "partner_aid",
    "partnerships",
    "periods",
    "persons",
    "plan_parts",
    "pm_targets",
    "portfolios",
    "programme_activities",
    "referrals",
    "registries",
    "rehabilitation_plans",
    "staff_members",
    "stage_entries",
    "terminations",
    "unit_events",
    "units",
]

T = TypeVar("T")

#: The date on which generated ages fit generated conditions.
REFERENCE_DATE = dt.date(2024, 6, 1)

_FIRST, _LAST = dt.date(2000, 1, 1), dt.date(2030, 12, 31)
_DATES = st.dates(min_value=_FIRST, max_value=_LAST)
_IDS = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTUVWXYZ-", min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
# Explicit alphabets: Hypothesis' Unicode character map costs about a second to build once.
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèäöüñçÉ'"
_NAMES = st.text(alphabet=_LETTERS + " ", min_size=1, max_size=40).filter(lambda s: s.strip() != "")
_LINE_ALPHABET = _LETTERS + " 0123456789.,;:-/()\u00a0\u2019\u20ac"
#: Long text (notes, evidence) may hold line breaks; short text (a source, a name) may not.
_TEXT = st.text(alphabet=_LINE_ALPHABET + "\n", max_size=60)
_LINE = st.text(alphabet=_LINE_ALPHABET, max_size=60)
#: District codes (current and retired) that NIKs and domiciles are drawn from.
_DISTRICTS = ("317101", "327301", "650101", "930101", "737101", "910101", "520101", "110101")
#: Province and regency codes that working areas and community regions are drawn from.
_AREAS = ("31", "3171", "73", "7371", "65", "6501", "93")


def _unique(items: Iterable[T], key: Callable[[T], Hashable]) -> tuple[T, ...]:
    """Keep the first item of each key, in order (entities refuse duplicates)."""
    seen: dict[Hashable, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return tuple(seen.values())


def _subset(values: Iterable[T], max_size: int) -> st.SearchStrategy[tuple[T, ...]]:
    """Distinct members of ``values``, in their declared order."""
    pool = list(values)
    return st.lists(st.sampled_from(pool), max_size=max_size, unique=True).map(
        lambda chosen: tuple(sorted(chosen, key=pool.index))
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


# --- Identity -------------------------------------------------------------------------------------


def niks(birth: dt.date, sex: Sex, district: str | None = None) -> st.SearchStrategy[str]:
    """NIKs that encode ``birth`` and ``sex`` (and ``district`` when given).

    Shrinks to serial ``0001`` in the first district of the pool (``317101``, Jakarta).
    """
    day = birth.day + (40 if sex is Sex.FEMALE else 0)
    middle = f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"
    region = st.just(district) if district else st.sampled_from(_DISTRICTS)
    return st.builds(lambda r, serial: f"{r}{middle}{serial:04d}", region, st.integers(1, 9999))


@st.composite
def birth_dates(
    draw: st.DrawFn, min_value: dt.date = _FIRST, max_value: dt.date = REFERENCE_DATE
) -> BirthDate:
    """Birth dates, exact or estimated, whose whole span lies in ``[min_value, max_value]``.

    A date known to the month or year is recorded on the first day of its month or year; an
    ``estimated`` date also stands for :data:`atensi.rules.age.ESTIMATE_MARGIN_YEARS` either side
    (as :func:`atensi.rules.age_range` reads it). Every day a drawn date may stand for stays in
    range, so an age worked out from it cannot straddle a band's limit. Shrinks to an exact
    ``max_value``: the youngest person the range allows.
    """
    # Drawn as days before ``max_value``, so the same choices stay valid in any range and a
    # person shrinks across age bands (a date would shrink towards 2000-01-01 within one).
    drawn = max_value - dt.timedelta(days=draw(st.integers(0, (max_value - min_value).days)))
    precision = draw(st.sampled_from(DatePrecision))
    estimated = draw(st.booleans())
    value = drawn
    if precision is DatePrecision.MONTH:
        value = drawn.replace(day=1)
    elif precision is DatePrecision.YEAR:
        value = drawn.replace(month=1, day=1)
    candidate = BirthDate(value=value, precision=precision, estimated=estimated)
    earliest, latest = candidate.earliest(), candidate.latest()
    if estimated:
        earliest = shift_years(earliest, -ESTIMATE_MARGIN_YEARS)
        latest = shift_years(latest, ESTIMATE_MARGIN_YEARS)
    if min_value <= earliest and latest <= max_value:
        return candidate
    return BirthDate(value=drawn)


# --- People ---------------------------------------------------------------------------------------


def _fits(group: TargetGroup, band: tuple[int, int], sex: Sex | None, on: dt.date) -> bool:
    """Whether ``group``'s own limits admit everyone aged ``band`` of ``sex`` on ``on``."""
    bounds = group_bounds(group, on)
    youngest, oldest = band
    if bounds.age_min is not None and youngest < bounds.age_min:
        return False
    if bounds.age_under is not None and oldest >= bounds.age_under:
        return False
    if bounds.sex is not None and sex is not bounds.sex:
        return False
    return bounds.recognised


@st.composite
def _spans(draw: st.DrawFn, holding_on: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """A ``since``/``until`` pair; with ``holding_on``, one that holds on that date."""
    if holding_on is None:
        since = draw(_optional(_DATES))
        low = since or _FIRST
        until = draw(_optional(st.dates(min_value=low, max_value=max(low, _LAST))))
        return since, until
    since = draw(_optional(st.dates(min_value=_FIRST, max_value=holding_on)))
    later = holding_on + dt.timedelta(days=1)
    until = draw(_optional(st.dates(min_value=later, max_value=max(later, _LAST))))
    return since, until


@st.composite
def conditions(
    draw: st.DrawFn,
    targets: tuple[Target, ...] | None = None,
    *,
    holding_on: dt.date | None = None,
    fitting: tuple[tuple[int, int], Sex | None] | None = None,
) -> Condition:
    """A condition of one of ``targets`` (any target by default).

    ``ppks_lainnya`` always carries its required justification. With ``holding_on``, the
    condition holds on that date (``since`` on or before it, ``until`` after it); with
    ``fitting`` (an age band and a sex), only groups whose own limits admit that person are
    drawn (see :func:`atensi.law.group_bounds`). Shrinks to the first group of the
    first target, with no dates or texts.
    """
    pool = [g for t in (targets or tuple(Target)) for g in groups_of(t)]
    if fitting is not None:
        pool = [g for g in pool if _fits(g, fitting[0], fitting[1], holding_on or REFERENCE_DATE)]
    group = draw(st.sampled_from(pool))
    justification = draw(_NAMES) if group is TargetGroup.OTHER_PPKS else draw(_optional(_NAMES))
    since, until = draw(_spans(holding_on))
    return Condition(
        group=group,
        since=since,
        until=until,
        evidence=draw(_optional(_TEXT)),
        justification=justification,
    )


@st.composite
def disabilities(draw: st.DrawFn, *, holding_on: dt.date | None = None) -> Disability:
    """One disability of any type (UU 8/2016 Pasal 4); with ``holding_on``, in force then.

    Shrinks to ``fisik`` with nothing else.
    """
    since, until = draw(_spans(holding_on))
    return Disability(
        type=draw(st.sampled_from(DisabilityType)),
        since=since,
        until=until,
        permanent=draw(_optional(st.booleans())),
        determined_by_medical_personnel=draw(_optional(st.booleans())),
    )


@st.composite
def drug_uses(draw: st.DrawFn, *, holding_on: dt.date | None = None) -> DrugUse:
    """A drug-use status of UU 35/2009 with an optional screening risk.

    With ``holding_on``, the status holds on that date. Shrinks to the first drug-use group with
    no risk and no dates.
    """
    since, until = draw(_spans(holding_on))
    return DrugUse(
        status=draw(st.sampled_from(groups_of(Target.DRUG_ABUSE_VICTIMS))),
        risk=draw(_optional(st.sampled_from(DrugRisk))),
        since=since,
        until=until,
    )


_ADULT_TARGETS = (
    Target.PERSONS_WITH_DISABILITIES,
    Target.SOCIAL_DEVIANCE_AND_TRAFFICKING,
    Target.DRUG_ABUSE_VICTIMS,
    Target.DISASTER_VICTIMS,
    Target.OTHER_PPKS,
)
#: Age bands (youngest, oldest, targets whose conditions fit the band).
_BANDS: dict[str, tuple[int, int, tuple[Target, ...]]] = {
    "adult": (18, 59, _ADULT_TARGETS),
    "child": (0, 17, (Target.CHILDREN,)),
    "elderly": (60, 95, (Target.ELDERLY,)),
}


def band_birth_range(youngest: int, oldest: int, on: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last birth dates of people aged ``youngest`` to ``oldest`` on ``on``."""
    return shift_years(on, -(oldest + 1)) + dt.timedelta(days=1), shift_years(on, -youngest)


@st.composite
def persons(draw: st.DrawFn) -> Person:
    """Persons whose NIK, age and conditions agree on :data:`REFERENCE_DATE`.

    A person is an adult, a child (conditions of the children's target only, under 18 for every
    day their birth date may stand for) or an elderly person (60 or over, elderly conditions,
    perhaps a recorded capacity). Conditions, disabilities and drug use hold on that date, and
    each condition's group admits the person's age band and sex. A NIK encodes the recorded
    birth date, sex and district; the domicile, when present, is that district. Shrinks to an
    adult of 18 (born 2006-06-01) without NIK (``belum_terdaftar``), named ``"A"``, with no
    conditions, disabilities or drug use.
    """
    band = draw(st.sampled_from(tuple(_BANDS)))
    youngest, oldest, targets = _BANDS[band]
    low, high = band_birth_range(youngest, oldest, REFERENCE_DATE)
    birth = draw(birth_dates(low, high))
    sex = draw(st.sampled_from(Sex))
    district = draw(st.sampled_from(_DISTRICTS))
    nik = draw(st.builds(NoNik, st.sampled_from(NoNikReason)) | niks(birth.value, sex, district))
    capacity = draw(_optional(st.sampled_from(ElderlyCapacity)))
    drug_use = draw(_optional(drug_uses(holding_on=REFERENCE_DATE)))
    incapacity = draw(_optional(incapacities(st.dates(max_value=REFERENCE_DATE, min_value=_FIRST))))
    fitting = ((youngest, oldest), sex)
    found = draw(
        st.lists(conditions(targets, holding_on=REFERENCE_DATE, fitting=fitting), max_size=2)
    )
    return Person(
        id=draw(_IDS),
        nik=nik,
        name=draw(_NAMES),
        sex=sex,
        birth_date=birth,
        domicile=draw(_optional(st.just(district))),
        registry_id=draw(_optional(_IDS)),
        disabilities=_unique(
            draw(st.lists(disabilities(holding_on=REFERENCE_DATE), max_size=2)), lambda d: d.type
        ),
        # Drawn whatever the band, then kept where it fits: every band makes the same number
        # of choices, so the shrinker can move a person to the first band (adults).
        elderly_capacity=capacity if band == "elderly" else None,
        drug_use=drug_use if band == "adult" else None,
        conditions=_unique(found, lambda c: c.group),
        # A court declares an adult incapable (UU 8/2016 Pasal 32); drawn for every band, kept
        # for adults and elderly persons.
        incapacity=incapacity if band != "child" else None,
    )


def incapacities(on: st.SearchStrategy[dt.date] = _DATES) -> st.SearchStrategy[Incapacity]:
    """A court's declaration of incapacity, perhaps annulled later.

    Shrinks to a declaration of 2000-01-01 without court, number or annulment.
    """
    return on.flatmap(
        lambda day: st.builds(
            Incapacity,
            declared_on=st.just(day),
            court=_optional(_NAMES),
            reference=_optional(_IDS),
            annulled_on=_optional(st.dates(min_value=day, max_value=max(day, _LAST))),
        )
    )


def families() -> st.SearchStrategy[Family]:
    """Families of up to two members with distinct ids; shrinks to an empty family ``"0"``."""
    return st.builds(
        Family,
        id=_IDS,
        members=st.lists(persons(), max_size=2).map(lambda ps: _unique(ps, lambda p: p.id)),
        welfare_decile=_optional(st.integers(1, 10)),
        conditions=st.lists(conditions(), max_size=2).map(lambda cs: _unique(cs, _group)),
    )


def groups() -> st.SearchStrategy[Group]:
    """Groups; shrinks to ``Group(id="0", name="A")`` with no members or conditions."""
    return st.builds(
        Group,
        id=_IDS,
        name=_NAMES,
        members=st.lists(persons(), max_size=2).map(lambda ps: _unique(ps, lambda p: p.id)),
        conditions=st.lists(conditions(), max_size=2).map(lambda cs: _unique(cs, _group)),
    )


def communities() -> st.SearchStrategy[Community]:
    """Communities, perhaps located; shrinks to ``Community(id="0", name="A")``."""
    return st.builds(
        Community,
        id=_IDS,
        name=_NAMES,
        region=_optional(st.sampled_from(_AREAS)),
        conditions=st.lists(conditions(), max_size=2).map(lambda cs: _unique(cs, _group)),
    )


def _group(condition: Condition) -> TargetGroup:
    return condition.group


# --- Assessments and services ---------------------------------------------------------------------


def assessors() -> st.SearchStrategy[Assessor]:
    """Assessors; shrinks to an anonymous assessor who is not a certified social worker."""
    return st.builds(
        Assessor,
        name=_optional(_NAMES),
        certified_social_worker=st.booleans(),
        role=_optional(_NAMES),
    )


_COMPONENTS = list(ServiceComponent)


@st.composite
def assessments(draw: st.DrawFn, on: dt.date | None = None) -> Assessment:
    """Assessments (dated ``on`` when given).

    Needs are distinct components in declared order. Shrinks to ``Assessment(id="0")`` dated
    2000-01-01 (or ``on``) with an anonymous assessor and no conditions or needs.
    """
    return Assessment(
        id=draw(_IDS),
        assessed_on=on if on is not None else draw(_DATES),
        assessor=draw(assessors()),
        conditions=_unique(draw(st.lists(conditions(), max_size=3)), _group),
        needs=draw(_subset(_COMPONENTS, 3)),
        welfare_decile=draw(_optional(st.integers(1, 10))),
        in_dtks=draw(_optional(st.booleans())),
    )


def in_kind_items() -> st.SearchStrategy[InKindItem]:
    """Aid in kind; shrinks to one item named ``"A"`` of no stated value."""
    return st.builds(
        InKindItem,
        name=_NAMES,
        quantity=st.integers(1, 10),
        value_idr=_optional(st.integers(0, 10_000_000)),
    )


#: The first day bantuan pemerintah can have existed (PMK 168/PMK.05/2015's year).
_GOVERNMENT_ASSISTANCE_FROM = dt.date(2015, 1, 1)


@st.composite
def fundings(draw: st.DrawFn, on: dt.date = REFERENCE_DATE) -> Funding:
    """The funding of an aid given on ``on``: a channel that existed that day, and the rest.

    Bantuan pemerintah only from 2015 (PMK 168/PMK.05/2015). Shrinks to bansos with no budget
    year, recipient, agreement, partnership, programme, months, first month or account.
    """
    channels = [FundingChannel.SOCIAL_ASSISTANCE]
    if on >= _GOVERNMENT_ASSISTANCE_FROM:
        channels.append(FundingChannel.GOVERNMENT_ASSISTANCE)
    return Funding(
        channel=draw(st.sampled_from(channels)),
        budget_year=draw(_optional(st.sampled_from((on.year, max(2000, on.year - 1))))),
        recipient_kind=draw(_optional(st.sampled_from(RecipientKind))),
        recipient=draw(_optional(_IDS)),
        agreement=draw(_optional(_IDS)),
        partnership=draw(_optional(_IDS)),
        programme=draw(_optional(st.just(AidProgramme.YAPI))),
        months=draw(_optional(st.integers(1, 12))),
        covers_from=draw(_optional(st.dates(min_value=dt.date(on.year - 1, 1, 1), max_value=on))),
        account=draw(_optional(_ACCOUNTS)),
    )


#: Accounts of the chart of accounts: bansos for rehabilitation, goods handed over, any other.
_ACCOUNTS = st.one_of(
    st.sampled_from(("574111", "574112", "526211")),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)


_DIRECT_KINDS = [k for k in AgencyKind if k.service_line is ServiceLine.DIRECT]
_DIRECT_PRACTICES = [
    p for p in Practice if p.service_line is ServiceLine.DIRECT and not p.before_assessment
]


@st.composite
def deliveries(
    draw: st.DrawFn,
    start: dt.date | None = None,
    components: tuple[ServiceComponent, ...] | None = None,
    latest: dt.date | None = None,
) -> ServiceDelivery:
    """Deliveries whose activity, component and therapy agree (starting ``start`` to ``latest``).

    With ``components`` (a plan's), the delivery is of one of them, or flagged unplanned when
    there are none. The practice, when named, is one of direct service; the provider's kind,
    when recorded, a UPT/Sentra, UPTD or LKS. Shrinks to an open-ended delivery of the first
    activity's component, by the family-based approach, starting 2000-01-01 (or ``start``),
    with no activity, practice, provider kind, amount, items or funding named.
    """
    pool = [a for a in Activity if components is None or a.component in components]
    activity = draw(st.sampled_from(pool or list(Activity)))
    first = start or _FIRST
    begin = draw(st.dates(min_value=first, max_value=max(first, latest or _LAST)))
    end = draw(_optional(st.dates(min_value=begin, max_value=dt.date(2031, 12, 31))))
    therapy = None
    if activity.component is ServiceComponent.THERAPY:
        therapy = draw(_optional(st.sampled_from([t for t in Therapy if t.activity is activity])))
    return ServiceDelivery(
        id=draw(_IDS),
        component=activity.component,
        activity=draw(_optional(st.just(activity))),
        therapy=therapy,
        approach=draw(st.sampled_from(Approach)),
        provider=draw(_IDS),
        start=begin,
        end=end,
        amount_idr=draw(_optional(st.integers(0, 50_000_000))),
        in_kind=tuple(draw(st.lists(in_kind_items(), max_size=2))),
        practice=draw(_optional(st.sampled_from(_DIRECT_PRACTICES))),
        unplanned=components is not None and not pool,
        provider_kind=draw(_optional(st.sampled_from(_DIRECT_KINDS))),
        funding=draw(_optional(fundings(begin))),
        decree=draw(_optional(_IDS)),
    )


@st.composite
def entitlements(draw: st.DrawFn, start: dt.date | None = None) -> Entitlement:
    """Periodic aid from ``start`` (or any day from 2015): a channel that existed then, its terms.

    Shrinks to monthly bansos from 2015-01-01 (or ``start``) with no end, programme, amount,
    condition, age limit, member, decree or recipient.
    """
    first = start or dt.date(2015, 1, 1)
    begin = draw(st.dates(min_value=first, max_value=max(first, _LAST)))
    channels = [FundingChannel.SOCIAL_ASSISTANCE]
    if begin >= _GOVERNMENT_ASSISTANCE_FROM:
        channels.append(FundingChannel.GOVERNMENT_ASSISTANCE)
    return Entitlement(
        id=draw(_IDS),
        channel=draw(st.sampled_from(channels)),
        starts_on=begin,
        until=draw(_optional(st.dates(min_value=begin, max_value=dt.date(2031, 12, 31)))),
        frequency=draw(st.sampled_from(CycleFrequency)),
        programme=draw(_optional(st.just(AidProgramme.YAPI))),
        amount_idr=draw(_optional(st.integers(0, 5_000_000))),
        condition=draw(_optional(st.sampled_from(TargetGroup))),
        age_under=draw(_optional(st.integers(1, 150))),
        member=draw(_optional(_IDS)),
        decree=draw(_optional(_IDS)),
        recipient_kind=draw(_optional(st.sampled_from(RecipientKind))),
    )


def decree_entries() -> st.SearchStrategy[DecreeEntry]:
    """One PM a decree lists, its group within its target; shrinks to ``"0"`` with nothing else."""
    return st.builds(
        DecreeEntry,
        subject=_IDS,
        target=st.none(),
        target_group=_optional(st.sampled_from(TargetGroup)),
        case=_optional(_IDS),
    ).flatmap(
        lambda entry: st.sampled_from(
            [entry]
            + (
                []
                if entry.target_group is None
                else [attrs.evolve(entry, target=entry.target_group.target)]
            )
        )
    )


@st.composite
def beneficiary_decrees(draw: st.DrawFn) -> BeneficiaryDecree:
    """A decree valid from its issue day or earlier, listing distinct PM.

    Shrinks to decree ``"0"`` number ``"0"`` issued by ``"0"`` on 2000-01-01, valid from that
    day with no end, revocation, issuer kind, basis, programme or PM.
    """
    issued = draw(_DATES)
    valid_from = draw(st.dates(min_value=dt.date(issued.year - 1, 1, 1), max_value=issued))
    return BeneficiaryDecree(
        id=draw(_IDS),
        number=draw(_IDS),
        issued_on=issued,
        issued_by=draw(_IDS),
        issuer_kind=draw(_optional(st.sampled_from(AgencyKind))),
        valid_from=valid_from,
        valid_until=draw(_optional(st.dates(min_value=valid_from, max_value=_LAST))),
        revoked_on=draw(_optional(st.dates(min_value=issued, max_value=_LAST))),
        basis=draw(_optional(_TEXT)),
        programme=draw(_optional(st.just(AidProgramme.YAPI))),
        beneficiaries=_unique(draw(st.lists(decree_entries(), max_size=4)), lambda e: e.subject),
    )


# --- Cases ----------------------------------------------------------------------------------------


def stage_entries() -> st.SearchStrategy[StageEntry]:
    """One stage entry; shrinks to the initial approach on 2000-01-01 without a note."""
    return st.builds(StageEntry, stage=st.sampled_from(CaseStage), on=_DATES, note=_optional(_TEXT))


def intervention_plans() -> st.SearchStrategy[InterventionPlan]:
    """Plans with distinct components and approaches; shrinks to an empty plan of 2000-01-01."""
    return st.builds(
        InterventionPlan,
        drawn_up_on=_DATES,
        components=_subset(_COMPONENTS, 3),
        approaches=_subset(list(Approach), 3),
        goals=st.lists(_NAMES, max_size=2).map(tuple),
        residential_justification=_optional(_NAMES),
    )


@st.composite
def referrals(
    draw: st.DrawFn,
    on: st.SearchStrategy[dt.date] = _DATES,
    direction: ReferralDirection | None = None,
) -> Referral:
    """Referrals dated by ``on`` (any date by default), answered and completed in date order.

    A referral is accepted or declined (never both) on or after it was sent, and completed only
    after it was accepted. Shrinks to a referral in (``masuk``) on 2000-01-01, or the earliest
    ``on``, with no counterpart, code, reason, answer or person responsible.
    """
    sent = draw(on)
    later = st.dates(min_value=sent, max_value=max(sent, dt.date(2031, 12, 31)))
    answer = draw(st.sampled_from(("none", "accepted", "declined")))
    accepted = draw(later) if answer == "accepted" else None
    completed = (
        draw(_optional(st.dates(min_value=accepted, max_value=max(accepted, _LAST))))
        if accepted
        else None
    )
    return Referral(
        on=sent,
        direction=direction or draw(st.sampled_from(ReferralDirection)),
        counterpart=draw(_optional(_IDS)),
        reason=draw(_optional(_TEXT)),
        counterpart_kind=draw(_optional(st.sampled_from(AgencyKind))),
        unit_code=draw(_optional(_IDS)),
        reason_code=draw(_optional(st.sampled_from(ReferralReason))),
        accepted_on=accepted,
        declined_on=draw(later) if answer == "declined" else None,
        completed_on=completed,
        responsible=draw(_optional(_IDS)),
    )


def consents(on: st.SearchStrategy[dt.date] = _DATES) -> st.SearchStrategy[Consent]:
    """Consents dated by ``on``, perhaps withdrawn later.

    Shrinks to the subject's own consent on 2000-01-01 (or the earliest ``on``), the child's
    views not stated, never withdrawn.
    """
    return on.flatmap(
        lambda day: st.builds(
            Consent,
            on=st.just(day),
            given_by=st.sampled_from(ConsentGiver),
            child_views_recorded=_optional(st.booleans()),
            withdrawn_on=_optional(st.dates(min_value=day, max_value=max(day, _LAST))),
            note=_optional(_TEXT),
            parent_unreachable=_optional(st.booleans()),
            best_interest_recorded=_optional(st.booleans()),
        )
    )


def legal_bases(on: st.SearchStrategy[dt.date] = _DATES) -> st.SearchStrategy[LegalBasis]:
    """Orders and agreements issued on a date of ``on``, perhaps with an end.

    Shrinks to a court's measure of care at an LPKS issued 2000-01-01, without authority,
    number or end.
    """
    return on.flatmap(
        lambda day: st.builds(
            LegalBasis,
            kind=st.sampled_from(LegalBasisKind),
            issued_on=st.just(day),
            issued_by=_optional(st.sampled_from(AgencyKind)),
            reference=_optional(_IDS),
            until=_optional(st.dates(min_value=day, max_value=max(day, _LAST))),
        )
    )


@st.composite
def court_orders(draw: st.DrawFn, on: st.SearchStrategy[dt.date] = _DATES) -> CourtOrder:
    """Court orders made on a date of ``on``: offence before, confirmation and start after.

    Shrinks to an order ``"0"`` of the first kind (a juvenile court's measure) made on
    2000-01-01, with no issuer, offence date, confirmation, start, period, end, placement,
    extension or number.
    """
    day = draw(on)
    later = st.dates(min_value=day, max_value=max(day, _LAST))
    starts = draw(_optional(later))
    first = day if starts is None else starts
    return CourtOrder(
        id=draw(_IDS),
        kind=draw(st.sampled_from(LegalBasisKind)),
        issued_on=day,
        issued_by=draw(_optional(st.sampled_from(AgencyKind))),
        confirmed_on=draw(_optional(later)),
        starts_on=starts,
        months=draw(_optional(st.integers(1, 24))),
        until=draw(_optional(st.dates(min_value=first, max_value=max(first, _LAST)))),
        offence_on=draw(_optional(st.dates(min_value=_FIRST, max_value=day))),
        placement=draw(_optional(st.sampled_from(Approach))),
        reference=draw(_optional(_IDS)),
    )


def emergencies(on: st.SearchStrategy[dt.date] = _DATES) -> st.SearchStrategy[Emergency]:
    """Emergency situations from a date of ``on``, perhaps ended later.

    Shrinks to a disaster emergency from 2000-01-01, not ended, without a note.
    """
    return on.flatmap(
        lambda day: st.builds(
            Emergency,
            kind=st.sampled_from(EmergencyKind),
            since=st.just(day),
            until=_optional(st.dates(min_value=day, max_value=max(day, _LAST))),
            note=_optional(_TEXT),
        )
    )


@st.composite
def offences(draw: st.DrawFn, on: st.SearchStrategy[dt.date] = _DATES) -> Offence:
    """Alleged offences committed on a date of ``on``, perhaps brought to court later.

    Shrinks to an offence with nothing recorded.
    """
    day = draw(on)
    return Offence(
        committed_on=draw(_optional(st.just(day))),
        max_penalty_months=draw(_optional(st.integers(0, 1200))),
        category=draw(_optional(st.sampled_from(OffenceCategory))),
        repeat_offence=draw(_optional(st.booleans())),
        earlier_diversion=draw(_optional(st.booleans())),
        victim=draw(_optional(st.sampled_from(VictimKind))),
        victim_consent=draw(_optional(st.booleans())),
        loss_idr=draw(_optional(st.integers(0, 10**9))),
        minimum_wage_idr=draw(_optional(st.integers(0, 10**8))),
        court_on=draw(_optional(st.dates(min_value=day, max_value=max(day, _LAST)))),
    )


def bapas_documents(
    on: st.SearchStrategy[dt.date] = _DATES, orders: tuple[str, ...] = ()
) -> st.SearchStrategy[BapasDocument]:
    """Bapas documents made on a date of ``on``, naming one of ``orders`` or none.

    Shrinks to a litmas of 2000-01-01 that names no order, with no maker, finding or number.
    """
    named = st.sampled_from(orders) if orders else st.nothing()
    return st.builds(
        BapasDocument,
        kind=st.sampled_from(BapasDocumentKind),
        on=on,
        order=_optional(named),
        by=_optional(st.sampled_from(AgencyKind)),
        still_needed=_optional(st.booleans()),
        reference=_optional(_IDS),
    )


def ipwl_assessments(on: st.SearchStrategy[dt.date] = _DATES) -> st.SearchStrategy[IpwlAssessment]:
    """IPWL assessments on a date of ``on``; shrinks to one of 2000-01-01 with nothing recorded."""
    return st.builds(
        IpwlAssessment,
        assessed_on=on,
        medical=_optional(st.booleans()),
        social=_optional(st.booleans()),
        dependence=_optional(st.booleans()),
    )


@st.composite
def compulsory_reports(
    draw: st.DrawFn, on: st.SearchStrategy[dt.date] = _DATES
) -> CompulsoryReport:
    """Compulsory reports made on a date of ``on``; the assessment and card on or after it.

    Shrinks to a report by the person on 2000-01-01, with nothing else recorded.
    """
    day = draw(on)
    later = st.dates(min_value=day, max_value=max(day, _LAST))
    return CompulsoryReport(
        reported_on=day,
        reported_by=draw(st.sampled_from(ConsentGiver)),
        subject_married=draw(_optional(st.booleans())),
        received_by=draw(_optional(st.sampled_from(AgencyKind))),
        ipwl=draw(_optional(_IDS)),
        ipwl_designated=draw(_optional(st.booleans())),
        designated_by=draw(_optional(st.sampled_from(IpwlDesignation))),
        forwarded_on=draw(_optional(later)),
        assessment=draw(_optional(ipwl_assessments(later))),
        card_issued_on=draw(_optional(later)),
        card_number=draw(_optional(_IDS)),
    )


@st.composite
def plan_parts(draw: st.DrawFn, on: st.SearchStrategy[dt.date] = _DATES) -> PlanPart:
    """Parts of a rehabilitation plan starting on a date of ``on``, perhaps ended later.

    Shrinks to a part with nothing recorded.
    """
    day = draw(on)
    return PlanPart(
        provider_kind=draw(_optional(st.sampled_from(AgencyKind))),
        provider=draw(_optional(_NAMES)),
        residential=draw(_optional(st.booleans())),
        referred_on=draw(_optional(st.just(day))),
        starts_on=draw(_optional(st.just(day))),
        ends_on=draw(_optional(st.dates(min_value=day, max_value=max(day, _LAST)))),
    )


@st.composite
def rehabilitation_plans(
    draw: st.DrawFn, on: st.SearchStrategy[dt.date] = _DATES
) -> RehabilitationPlan:
    """Rehabilitation plans drawn up on a date of ``on``, their parts starting on or after it.

    Shrinks to a plan of 2000-01-01 with no period, parts or agreement.
    """
    day = draw(on)
    later = st.dates(min_value=day, max_value=max(day, _LAST))
    return RehabilitationPlan(
        drawn_up_on=day,
        months=draw(_optional(st.integers(1, 120))),
        medical=draw(_optional(plan_parts(later))),
        social=draw(_optional(plan_parts(later))),
        agreed_by=draw(_optional(st.sampled_from(ConsentGiver))),
        agreed_by_ipwl_head=draw(_optional(st.booleans())),
    )


def episodes() -> st.SearchStrategy[Episode]:
    """Episodes of care; shrinks to the first episode with nothing else recorded."""
    return st.builds(
        Episode,
        number=st.integers(1, 20),
        previous_case=_optional(_IDS),
        relapse_on=_optional(_DATES),
        card_period=_optional(st.integers(1, 3)),
    )


def case_events(on: st.SearchStrategy[dt.date] = _DATES) -> st.SearchStrategy[CaseEvent]:
    """Practice events dated by ``on``; shrinks to an outreach ``"0"`` on 2000-01-01."""
    return st.builds(
        CaseEvent,
        id=_IDS,
        practice=st.sampled_from(Practice),
        on=on,
        by=_optional(_IDS),
        participants=_optional(st.integers(0, 50)),
        note=_optional(_TEXT),
    )


def case_outcomes(after: dt.date = _FIRST) -> st.SearchStrategy[CaseOutcome]:
    """Outcomes recorded on or after ``after``; shrinks to one with nothing recorded."""
    return st.builds(
        CaseOutcome,
        recorded_on=st.dates(min_value=after, max_value=max(after, _LAST)),
        functioning_improved=_optional(st.booleans()),
        reintegrated_with_family=_optional(st.booleans()),
        independent_income=_optional(st.booleans()),
        note=_optional(_TEXT),
    )


@st.composite
def terminations(draw: st.DrawFn) -> Termination:
    """Terminations, perhaps with their outcome; shrinks to the first reason on 2000-01-01."""
    on = draw(_DATES)
    return Termination(
        on=on,
        reason=draw(st.sampled_from(TerminationReason)),
        note=draw(_optional(_TEXT)),
        outcome=draw(_optional(case_outcomes(on))),
    )


def follow_ups(after: dt.date = _FIRST) -> st.SearchStrategy[FollowUp]:
    """Aftercare follow-ups on or after ``after``; shrinks to the 1-month point with nothing."""
    return st.builds(
        FollowUp,
        on=st.dates(min_value=after, max_value=max(after, _LAST)),
        months_after=st.integers(1, 24),
        functioning_maintained=_optional(st.booleans()),
        living_with_family=_optional(st.booleans()),
        independent_income=_optional(st.booleans()),
        note=_optional(_TEXT),
    )


#: Moves are tried in this order, so a history shrinks towards the legal order of PP 39/2012.
_STAGE_ORDER = list(CaseStage)
_MAX_MOVES = 12
_MODES = (None, *InterventionMode)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Cases whose stage history is a walk through the lifecycle rules.

    The history is built with :func:`atensi.rules.advance`, so it obeys every transition and
    guard: evaluation loops, referral, early termination, the optional resocialisation (not
    for a residential case), consent for the mode and termination reasons that fit the case.
    The intervention mode, when not voluntary, comes with a legal basis issued on the opening
    day; consent is recorded when the assessment is, by a parent for a person who may be a
    child; the plan lists components when planning is entered, and deliveries of those
    components start on the day of intervention; a referral out is recorded when the case
    enters the referral stage; practice events fall within the history. Shrinks to a case
    ``"0"`` of an empty family opened on 2015-01-01, with no stages, assessments, deliveries,
    events or mode; a longer history shrinks to the legal order.
    """
    opened = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2029, 6, 30)))
    residential = draw(st.booleans())
    approaches = (
        (Approach.FAMILY_BASED, Approach.RESIDENTIAL) if residential else (Approach.FAMILY_BASED,)
    )
    mode = draw(st.sampled_from(_MODES))
    basis = None
    orders: tuple[CourtOrder, ...] = ()
    if mode is not None and not mode.voluntary:
        # The basis of a non-voluntary mode: a legal basis record, or a court order.
        if draw(st.booleans()):
            basis = draw(legal_bases(st.just(opened)))
        else:
            orders = (draw(court_orders(st.just(opened))),)
    case = Case(
        id=draw(_IDS),
        subject=draw(st.one_of(persons(), families(), groups(), communities())),
        unit=draw(_IDS),
        opened_on=opened,
        approaches=approaches,
        referrals=tuple(
            draw(st.lists(referrals(st.just(opened), ReferralDirection.IN), max_size=1))
        ),
        mode=mode,
        legal_basis=basis,
        orders=orders,
        sentra_kreasi=draw(st.booleans()),
        emergencies=tuple(draw(st.lists(emergencies(st.just(opened)), max_size=1))),
        alleged_perpetrator=draw(_optional(st.sampled_from(Relation))),
        offence=draw(_optional(offences(st.dates(min_value=_FIRST, max_value=opened)))),
        bapas_documents=tuple(
            draw(
                st.lists(bapas_documents(st.just(opened), tuple(o.id for o in orders)), max_size=1)
            )
        ),
        compulsory_report=draw(_optional(compulsory_reports(st.just(opened)))),
        rehabilitation_plan=draw(_optional(rehabilitation_plans(st.just(opened)))),
        episode=draw(_optional(episodes())),
    )
    day = opened
    for _ in range(draw(st.integers(0, _MAX_MOVES))):
        stage = _next_stage(draw, case)
        if stage is None:
            break
        day += dt.timedelta(days=draw(st.integers(0, 30)))
        prepared = _prepare(draw, case, stage, day)
        reason = None
        if stage in (CaseStage.TERMINATION, CaseStage.EARLY_TERMINATION):
            fitting = [
                r for r in TerminationReason if case.sentra_kreasi or not r.sentra_kreasi_only
            ]
            reason = draw(st.sampled_from(fitting))
        if check_transition(prepared, stage, on=day, reason=reason).outcome is Outcome.NOT_ELIGIBLE:
            break  # a guard refuses it (a residential case that skipped resocialisation)
        case = advance(prepared, stage, on=day, reason=reason)
    if case.stages:
        last = case.stages[-1].on
        events = draw(st.lists(case_events(st.dates(min_value=opened, max_value=last)), max_size=2))
        case = attrs.evolve(case, events=_unique(events, lambda e: e.id))
    if case.termination is not None:
        closed = case.termination.on
        termination = attrs.evolve(case.termination, outcome=draw(_optional(case_outcomes(closed))))
        # No follow-up after a death (the aftercare-after-death guard).
        died = termination.reason is TerminationReason.DEATH
        points = () if died else draw(_subset([6, 12], 2))
        followups = tuple(
            attrs.evolve(draw(follow_ups(months_after(closed, n))), months_after=n) for n in points
        )
        case = attrs.evolve(case, termination=termination, followups=followups)
    granted = draw(st.lists(entitlements(opened), max_size=1))
    if granted:
        case = attrs.evolve(case, entitlements=tuple(granted))
        pays = draw(st.booleans())
        if case.deliveries and pays:
            # The first delivery is a payment of the entitlement.
            paid = attrs.evolve(case.deliveries[0], entitlement=granted[0].id)
            case = attrs.evolve(case, deliveries=(paid, *case.deliveries[1:]))
    return case


def _next_stage(draw: st.DrawFn, case: Case) -> CaseStage | None:
    """Mostly the next stage in the legal order; sometimes a loop; now and then a detour.

    A uniform choice among the allowed moves would end most walks in early termination or
    referral within two moves; this keeps interventions, evaluations and aftercare common.
    """
    moves = sorted(allowed_next(case), key=_STAGE_ORDER.index)
    if not moves:
        return None
    onward = [m for m in moves if m not in _DETOURS]
    roll = draw(st.integers(0, 9))
    if onward and roll <= 6:
        return onward[0]
    if onward and roll <= 8:
        return onward[-1]  # evaluation after intervention, termination after evaluation
    return draw(st.sampled_from(moves))


_DETOURS = (CaseStage.REFERRAL, CaseStage.EARLY_TERMINATION)


def _consent_giver(case: Case, day: dt.date) -> ConsentGiver:
    """The subject personally, unless the subject is a person who may be a child on ``day``."""
    subject = case.subject
    if (
        isinstance(subject, Person)
        and subject.birth_date is not None
        and age_range(subject.birth_date, day)[0] < 18
    ):
        return ConsentGiver.PARENT
    return ConsentGiver.SUBJECT


def _prepare(draw: st.DrawFn, case: Case, stage: CaseStage, day: dt.date) -> Case:
    """Record what entering ``stage`` on ``day`` needs: assessment, consent, plan, deliveries."""
    if stage is CaseStage.ASSESSMENT:
        assessment = draw(assessments(on=day))
        if any(a.id == assessment.id for a in case.assessments):
            assessment = attrs.evolve(assessment, id=f"{assessment.id}-{len(case.assessments)}")
        consent = case.consent or Consent(
            on=day,
            given_by=_consent_giver(case, day),
            child_views_recorded=draw(_optional(st.booleans())),
        )
        return attrs.evolve(case, assessments=(*case.assessments, assessment), consent=consent)
    if stage is CaseStage.PLANNING:
        # A new plan keeps what the earlier one planned: deliveries already made stay planned.
        kept = set(case.plan.components) if case.plan is not None else set()
        drawn = set(draw(_subset(_COMPONENTS, 3)))
        plan = InterventionPlan(
            drawn_up_on=day,
            components=tuple(c for c in _COMPONENTS if c in kept | drawn),
            approaches=case.approaches,
            residential_justification=draw(_optional(_NAMES)),
        )
        return attrs.evolve(case, plan=plan)
    if stage is CaseStage.INTERVENTION:
        planned = case.plan.components if case.plan is not None else ()
        new = draw(st.lists(deliveries(day, planned, latest=day), max_size=2))
        return attrs.evolve(case, deliveries=_unique((*case.deliveries, *new), lambda d: d.id))
    if stage is CaseStage.REFERRAL:
        out = draw(referrals(st.just(day), ReferralDirection.OUT))
        return attrs.evolve(case, referrals=(*case.referrals, out))
    return case


# --- Units and LKS --------------------------------------------------------------------------------

_PAYLOAD_KINDS = (
    UnitEventKind.RENAMED,
    UnitEventKind.KIND_CHANGED,
    UnitEventKind.MULTIFUNCTION,
    UnitEventKind.WORKING_AREA_CHANGED,
    UnitEventKind.CLOSED,
)


@st.composite
def unit_events(
    draw: st.DrawFn,
    on: st.SearchStrategy[dt.date] = _DATES,
    kinds: tuple[UnitEventKind, ...] = tuple(UnitEventKind),
) -> UnitEvent:
    """A unit event carrying the payload its kind needs (a new name, kind, area or unit).

    Shrinks to a ``multifungsi`` event (it needs no payload) on 2000-01-01.
    """
    kind = draw(st.sampled_from(kinds))
    return UnitEvent(
        on=draw(on),
        kind=kind,
        name=draw(_NAMES) if kind is UnitEventKind.RENAMED else None,
        unit_kind=draw(st.sampled_from(UnitKind)) if kind is UnitEventKind.KIND_CHANGED else None,
        merged_into=draw(_IDS) if kind is UnitEventKind.MERGED_INTO else None,
        working_area=draw(_subset(_AREAS, 3))
        if kind is UnitEventKind.WORKING_AREA_CHANGED
        else None,
        source=draw(_optional(_LINE)),
    )


@st.composite
def units(draw: st.DrawFn, mergers: bool = True) -> ServiceUnit:
    """Units with a dated history: events in date order, none before establishment.

    ``mergers=False`` leaves out merger events (a registry must hold the absorbing unit).
    Shrinks to a ``balai_besar`` unit ``"0"`` named ``"A"`` with no clusters, area or
    history.
    """
    code = draw(_IDS)
    established = draw(_optional(st.dates(min_value=_FIRST, max_value=dt.date(2020, 12, 31))))
    kinds = _PAYLOAD_KINDS + ((UnitEventKind.MERGED_INTO,) if mergers else ())
    events = draw(
        st.lists(
            unit_events(st.dates(min_value=established or _FIRST, max_value=_LAST), kinds),
            max_size=3,
        )
    )
    history = _unique(sorted(events, key=lambda e: e.on), lambda e: (e.on, e.kind))
    history = tuple(
        e for e in history if not (e.kind is UnitEventKind.MERGED_INTO and e.merged_into == code)
    )
    return ServiceUnit(
        code=code,
        name=draw(_NAMES),
        kind=draw(st.sampled_from(UnitKind)),
        location=draw(_optional(st.sampled_from(_DISTRICTS))),
        home_clusters=draw(_subset(list(Cluster), 2)),
        working_area=draw(_subset(_AREAS, 4)),
        established_on=established,
        history=history,
    )


@st.composite
def registries(draw: st.DrawFn) -> UnitRegistry:
    """Registries of units with distinct codes; a merger names another unit of the registry.

    Shrinks to an empty registry.
    """
    members = list(_unique(draw(st.lists(units(mergers=False), max_size=5)), lambda u: u.code))
    if len(members) >= 2 and draw(st.booleans()):
        source, target = draw(st.permutations(range(len(members))))[:2]
        unit = members[source]
        last = unit.history[-1].on if unit.history else unit.established_on or _FIRST
        merger = UnitEvent(
            on=max(last, dt.date(2022, 1, 1)) + dt.timedelta(days=1),
            kind=UnitEventKind.MERGED_INTO,
            merged_into=members[target].code,
        )
        members[source] = attrs.evolve(unit, history=(*unit.history, merger))
    return UnitRegistry(units=tuple(members))


def lks_registrations() -> st.SearchStrategy[LksRegistration]:
    """LKS registrations; shrinks to number ``"0"`` at the first level on 2000-01-01."""
    return st.builds(
        LksRegistration, number=_IDS, level=st.sampled_from(RegistrationLevel), registered_on=_DATES
    )


def accreditations() -> st.SearchStrategy[Accreditation]:
    """Accreditations; shrinks to the first grade awarded on 2000-01-01."""
    return st.builds(Accreditation, grade=st.sampled_from(AccreditationGrade), awarded_on=_DATES)


def lks() -> st.SearchStrategy[Lks]:
    """LKS, perhaps registered and accredited; shrinks to an unregistered LKS ``"0"``."""
    return st.builds(
        Lks,
        code=_IDS,
        name=_NAMES,
        registration=_optional(lks_registrations()),
        accreditation=_optional(accreditations()),
        clusters=_subset(list(Cluster), 2),
        ipwl=st.booleans(),
    )


# --- Portfolios -----------------------------------------------------------------------------------


_INDIRECT_PRACTICES = [p for p in Practice if p.service_line is ServiceLine.INDIRECT]


def programme_activities(
    start: dt.date = _FIRST, end: dt.date = _LAST
) -> st.SearchStrategy[ProgrammeActivity]:
    """Indirect-service activities dated within ``[start, end]``.

    The practice, when named, is an indirect one (campaign, awareness raising); the organiser,
    when recorded, a technical directorate. Shrinks to the first kind, with neither named.
    """
    return st.builds(
        ProgrammeActivity,
        id=_IDS,
        kind=st.sampled_from(IndirectService),
        on=st.dates(min_value=start, max_value=end),
        participants=_optional(st.integers(0, 500)),
        practice=_optional(st.sampled_from(_INDIRECT_PRACTICES)),
        organiser_kind=_optional(st.just(AgencyKind.DIRECTORATE)),
    )


def partner_aid(on: st.SearchStrategy[dt.date] = _DATES) -> st.SearchStrategy[PartnerAid]:
    """Aid handed over on a date of ``on``; shrinks to aid to the first kind of recipient."""
    return st.builds(
        PartnerAid,
        on=on,
        recipient_kind=st.sampled_from(PartnerKind),
        recipient=_NAMES,
        via_lks=_optional(_IDS),
        items=st.lists(in_kind_items(), max_size=2).map(tuple),
        amount_idr=_optional(st.integers(0, 100_000_000)),
    ).flatmap(lambda aid: _optional(fundings(aid.on)).map(lambda f: attrs.evolve(aid, funding=f)))


@st.composite
def partnerships(draw: st.DrawFn, start: dt.date = _FIRST) -> Partnership:
    """Partnerships starting on ``start``, open or ending later, with aid within their period.

    Shrinks to an open partnership with no agreement named, no scope and no aid.
    """
    end = draw(_optional(st.dates(min_value=start, max_value=_LAST)))
    within = st.dates(min_value=start, max_value=end or _LAST)
    return Partnership(
        id=draw(_IDS),
        partner_kind=draw(st.sampled_from(PartnerKind)),
        partner=draw(_NAMES),
        start=start,
        end=end,
        agreement=draw(_optional(st.sampled_from(AgreementKind))),
        unit=draw(_optional(_IDS)),
        clusters=draw(_subset(list(Cluster), 2)),
        target_groups=draw(_subset(list(TargetGroup), 2)),
        regions=draw(_subset(_AREAS, 2)),
        aid=tuple(draw(st.lists(partner_aid(within), max_size=2))),
    )


def staff_members() -> st.SearchStrategy[StaffMember]:
    """Staff; shrinks to ``StaffMember(id="0", role="A")``, not a certified social worker."""
    return st.builds(StaffMember, id=_IDS, role=_NAMES, certified_social_worker=st.booleans())


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Reporting periods from 2012 on; shrinks to the single day 2012-03-05."""
    start = draw(st.dates(min_value=dt.date(2012, 3, 5), max_value=_LAST))
    end = draw(st.dates(min_value=start, max_value=max(start, _LAST)))
    return Period(start=start, end=end)


_PERIOD_LABELS = st.one_of(
    st.integers(2012, 2030).map(str),
    st.builds(lambda y, q: f"{y}-Q{q}", st.integers(2012, 2030), st.integers(1, 4)),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2012, 2030), st.integers(1, 12)),
)


@st.composite
def pm_targets(draw: st.DrawFn) -> PmTarget:
    """Targets of PM for a cell: some axes named, a regency within its province.

    Shrinks to a target of one PM that names no axis (the grand total).
    """
    regency = draw(_optional(st.sampled_from([a for a in _AREAS if len(a) == 4])))
    province = draw(_optional(st.just(regency[:2]) if regency else st.sampled_from(["31", "73"])))
    return PmTarget(
        pm=draw(st.integers(1, 100_000)),
        period=draw(_optional(_PERIOD_LABELS)),
        kind=draw(_optional(st.sampled_from(["person", "family", "group", "community"]))),
        target=draw(_optional(st.sampled_from(Target))),
        target_group=draw(_optional(st.sampled_from(TargetGroup))),
        province=province,
        regency=regency,
        approach=draw(_optional(st.sampled_from(Approach))),
        unit=draw(_optional(_IDS)),
        channel=draw(_optional(st.sampled_from(FundingChannel))),
        component=draw(_optional(st.sampled_from(ServiceComponent))),
    )


@st.composite
def budget_targets(draw: st.DrawFn) -> BudgetTarget:
    """An allocation (pagu) for a cell; shrinks to Rp1 for every year, account and channel."""
    return BudgetTarget(
        amount_idr=draw(st.integers(1, 10**12)),
        budget_year=draw(_optional(st.integers(2015, 2030))),
        account=draw(_optional(_ACCOUNTS)),
        channel=draw(_optional(st.sampled_from(FundingChannel))),
    )


@st.composite
def portfolios(draw: st.DrawFn) -> Portfolio:
    """A unit's portfolio over one calendar year, activities dated within it.

    Shrinks to an empty portfolio of 2021.
    """
    year = draw(st.integers(2021, 2026))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Portfolio(
        id=draw(_IDS),
        owner=draw(_IDS),
        start=start,
        end=end,
        cases=_unique(draw(st.lists(cases(), max_size=3)), lambda c: c.id),
        activities=tuple(draw(st.lists(programme_activities(start, end), max_size=3))),
        partnerships=tuple(draw(st.lists(partnerships(start), max_size=2))),
        partner_lks=_unique(draw(st.lists(lks(), max_size=2)), lambda x: x.code),
        staff=tuple(draw(st.lists(staff_members(), max_size=3))),
        decrees=_unique(draw(st.lists(beneficiary_decrees(), max_size=2)), lambda d: d.id),
    )


def _strategies() -> dict[type[Any], st.SearchStrategy[Any]]:
    return {
        Person: persons(),
        BirthDate: birth_dates(),
        Disability: disabilities(),
        Condition: conditions(),
        DrugUse: drug_uses(),
        Family: families(),
        Group: groups(),
        Community: communities(),
        Assessor: assessors(),
        Assessment: assessments(),
        InKindItem: in_kind_items(),
        Funding: fundings(),
        ServiceDelivery: deliveries(),
        StageEntry: stage_entries(),
        InterventionPlan: intervention_plans(),
        Referral: referrals(),
        CaseOutcome: case_outcomes(),
        Termination: terminations(),
        FollowUp: follow_ups(),
        Consent: consents(),
        LegalBasis: legal_bases(),
        CourtOrder: court_orders(),
        Emergency: emergencies(),
        Offence: offences(),
        BapasDocument: bapas_documents(),
        IpwlAssessment: ipwl_assessments(),
        CompulsoryReport: compulsory_reports(),
        PlanPart: plan_parts(),
        RehabilitationPlan: rehabilitation_plans(),
        Episode: episodes(),
        Incapacity: incapacities(),
        CaseEvent: case_events(),
        Entitlement: entitlements(),
        Case: cases(),
        UnitEvent: unit_events(),
        ServiceUnit: units(),
        UnitRegistry: registries(),
        LksRegistration: lks_registrations(),
        Accreditation: accreditations(),
        Lks: lks(),
        ProgrammeActivity: programme_activities(),
        PartnerAid: partner_aid(),
        Partnership: partnerships(),
        StaffMember: staff_members(),
        Portfolio: portfolios(),
        Period: periods(),
        PmTarget: pm_targets(),
        BudgetTarget: budget_targets(),
        DecreeEntry: decree_entries(),
        BeneficiaryDecree: beneficiary_decrees(),
    }


#: The valid strategy of every public entity class (:data:`atensi.model.ENTITIES`).
STRATEGIES: dict[type[Any], st.SearchStrategy[Any]] = _strategies()
