"""Residential care for a child: one rule, read by the services decision and the policy report.

A child's case may use residential care (a stay in a Sentra, balai, LKS or regional unit) only
with a recorded justification in the plan; family-based care comes first. No article found in
the regulations ranks the approaches for children (secondary practice: Kemensos returning child
care to families), so the rule asks for review; it never refuses.

The same function answers for :func:`atensi.rules.recommend_services` and for the policy
indicator ``pol.rights.child_residential_justified``, so a case flagged by one is flagged by the
other.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C", "unit": "U", "opened_on": "2024-01-02",
...     "approaches": ["residensial"],
...     "subject": {"kind": "person", "id": "P", "nik": {"reason": "belum_terdaftar"},
...                 "name": "A", "birth_date": {"value": "2012-05-01"}}}, Case)
>>> child_residential_finding(case).status.value
'needs_review'
"""

from __future__ import annotations

import datetime as dt

from atensi.model import Case, Person
from atensi.rules.age import age_range, child_age_limit
from atensi.rules.catalogue import rule
from atensi.rules.decision import Finding, Status
from atensi.vocab import Approach, Evidence, Target, cite

__all__ = [
    "R_FAMILY_FIRST",
    "child_residential_finding",
    "family_first_finding",
    "residential_planned",
]

_CHILD_CARE = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="syakhruddin-2019-pengasuhan",
    note="no article found that ranks the approaches for children",
)

R_FAMILY_FIRST = rule(
    "svc.anak.family_first",
    "services",
    "a child: family-based care first; residential care needs a recorded justification",
    "anak: utamakan pengasuhan berbasis keluarga; layanan residensial perlu alasan tercatat",
    _CHILD_CARE,
    (
        "case.approaches",
        "case.plan.approaches",
        "case.plan.residential_justification",
        "case.plan.drawn_up_on",
        "case.opened_on",
        "person.birth_date",
    ),
)


def residential_planned(case: Case) -> bool:
    """Whether the case uses or plans residential care."""
    plan = case.plan
    return Approach.RESIDENTIAL in case.approaches or (
        plan is not None and Approach.RESIDENTIAL in plan.approaches
    )


def child_residential_finding(case: Case) -> Finding | None:
    """The rule's finding for a case, or ``None`` when it does not apply.

    It applies to a person's case that uses or plans residential care while the person is (or
    may be) under 18: on the day the plan was drawn up, or on opening when there is no plan.
    ``met`` with a recorded justification, ``needs_review`` without one (or when the age on
    that day is not known, so the person may be a child).
    """
    subject = case.subject
    if not isinstance(subject, Person) or not residential_planned(case):
        return None
    plan = case.plan
    when = plan.drawn_up_on if plan is not None else case.opened_on
    facts: tuple[tuple[str, str | bool | None], ...] = (("on", when.isoformat()),)
    if subject.birth_date is None:
        age_known = False
    else:
        youngest, oldest = age_range(subject.birth_date, when)
        limit = child_age_limit(when)
        if youngest >= limit:
            return None
        age_known = oldest < limit
    justified = plan is not None and bool((plan.residential_justification or "").strip())
    facts = (*facts, ("residential_justified", justified))
    if justified:
        return R_FAMILY_FIRST.finding(
            Status.MET,
            "a child in residential care, with a recorded justification",
            "anak dalam layanan residensial, dengan alasan tercatat",
            facts,
            target=Target.CHILDREN,
        )
    en = "residential care for a child without a recorded justification: needs review"
    id_ = "layanan residensial untuk anak tanpa alasan tercatat: perlu ditinjau"
    if not age_known:
        en = "residential care, the person may be a child, no recorded justification: needs review"
        id_ = "layanan residensial, mungkin anak, tanpa alasan tercatat: perlu ditinjau"
    return R_FAMILY_FIRST.finding(Status.NEEDS_REVIEW, en, id_, facts, target=Target.CHILDREN)


def family_first_finding(when: dt.date, *, residential_proposed: bool = False) -> Finding:
    """The finding for a child outside a residential case: family-based care first.

    With ``residential_proposed`` (another rule, such as a NAPZA screening, proposed residential
    care), it asks for the justification the residential care of a child needs.
    """
    facts = (("on", when.isoformat()), ("residential_proposed", residential_proposed))
    if residential_proposed:
        return R_FAMILY_FIRST.finding(
            Status.NEEDS_REVIEW,
            "a child: residential care was proposed; it needs a recorded justification",
            "anak: layanan residensial diusulkan; perlu alasan tercatat",
            facts,
            target=Target.CHILDREN,
        )
    return R_FAMILY_FIRST.finding(
        Status.MET,
        "a child: family-based care first",
        "anak: utamakan pengasuhan berbasis keluarga",
        facts,
        target=Target.CHILDREN,
    )
