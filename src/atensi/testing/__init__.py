"""Hypothesis strategies for every atensi entity: valid values and near misses.

Install the extra (``pip install atensi[hypothesis]``). There are two kinds of strategy.

**Valid strategies** (:data:`STRATEGIES`, one per class of :data:`atensi.model.ENTITIES`, and a
named function for each) draw entities that ``structure(unstructure(x))`` gives back unchanged;
in particular:

* a person's NIK agrees with their birth date, sex and domicile (or is ``NoNik``);
* a person's age fits their conditions on :data:`REFERENCE_DATE` (child conditions under 18,
  elderly conditions 60 or over) for every day an estimated birth date may stand for;
* a case's stage history is a walk through the lifecycle rules (PP 39/2012 order, evaluation
  loops, referral, early termination, resocialisation of a residential case), with assessment
  and consent for the mode recorded before any intervention, and deliveries that fit the case
  (assessed, planned, consented, during intervention);
* a unit's history is in date order; a registry's mergers name units of the registry.

**Near misses** break exactly one rule and say what must be reported:
:func:`near_misses` for the boundary (an error code and path), :func:`eligibility_near_misses`
for the eligibility rules (a rule id and status), :func:`transition_near_misses` for the case
lifecycle (:func:`guard_near_misses` for its guards alone), :func:`delivery_near_misses` for
deliveries and :func:`referral_near_misses` for referrals (the rule id of the refusal).

The package registers the valid strategies with Hypothesis, through its ``hypothesis`` entry
point, so ``st.from_type(atensi.model.Person)`` works once atensi is installed.

Shrinking: each strategy's docstring says what it shrinks to (identifiers to ``"0"``, names
to ``"A"``, optional fields to ``None``, lists to empty, vocabulary to the first member, dates
to 2000-01-01 or the lower end of their range, birth dates to the youngest person allowed);
``tests/test_testing.py`` checks those statements, so a failing example reads as the smallest
record that fails.

>>> from hypothesis import given
>>> import atensi
>>> from atensi.model import Person
>>> @given(persons())
... def check(person):
...     assert atensi.structure(atensi.unstructure(person), Person) == person
>>> check()
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as missing:  # pragma: no cover - tested in a subprocess
    if missing.name != "hypothesis":
        raise
    raise ModuleNotFoundError(
        "atensi.testing needs Hypothesis: pip install 'atensi[hypothesis]'", name="hypothesis"
    ) from None

from atensi.testing.entities import (
    REFERENCE_DATE,
    STRATEGIES,
    accreditations,
    assessments,
    assessors,
    bapas_documents,
    beneficiary_decrees,
    birth_dates,
    budget_targets,
    case_events,
    case_outcomes,
    cases,
    communities,
    compulsory_reports,
    conditions,
    consents,
    court_orders,
    decree_entries,
    deliveries,
    disabilities,
    drug_uses,
    emergencies,
    entitlements,
    episodes,
    families,
    follow_ups,
    fundings,
    groups,
    in_kind_items,
    incapacities,
    intervention_plans,
    ipwl_assessments,
    legal_bases,
    lks,
    lks_registrations,
    niks,
    offences,
    partner_aid,
    partnerships,
    periods,
    persons,
    plan_parts,
    pm_targets,
    portfolios,
    programme_activities,
    referrals,
    registries,
    rehabilitation_plans,
    staff_members,
    stage_entries,
    terminations,
    unit_events,
    units,
)
from atensi.testing.misses import (
    GUARD_MISS_RULES,
    DeliveryNearMiss,
    EligibilityNearMiss,
    NearMiss,
    ReferralNearMiss,
    TransitionNearMiss,
    delivery_near_misses,
    eligibility_near_misses,
    guard_near_misses,
    near_misses,
    referral_near_misses,
    transition_near_misses,
)

__all__ = [
    "GUARD_MISS_RULES",
    "REFERENCE_DATE",
    "STRATEGIES",
    "DeliveryNearMiss",
    "EligibilityNearMiss",
    "NearMiss",
    "ReferralNearMiss",
    "TransitionNearMiss",
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
    "delivery_near_misses",
    "disabilities",
    "drug_uses",
    "eligibility_near_misses",
    "emergencies",
    "entitlements",
    "episodes",
    "families",
    "follow_ups",
    "fundings",
    "groups",
    "guard_near_misses",
    "in_kind_items",
    "incapacities",
    "intervention_plans",
    "ipwl_assessments",
    "legal_bases",
    "lks",
    "lks_registrations",
    "near_misses",
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
    "referral_near_misses",
    "referrals",
    "registries",
    "rehabilitation_plans",
    "staff_members",
    "stage_entries",
    "terminations",
    "transition_near_misses",
    "unit_events",
    "units",
]


def _register() -> None:
    """Register the valid strategies with Hypothesis (the ``hypothesis`` entry point)."""
    for cls, strategy in STRATEGIES.items():
        st.register_type_strategy(cls, strategy)


_register()
