"""Rules: pure functions of typed entities and a date, returning explained decisions.

The names are imported on first use (PEP 562): deciding eligibility, as the command line and
the batch functions do, does not load the lifecycle, coverage or policy rules.
"""

from typing import TYPE_CHECKING

from atensi._lazy import lazy_names

# Eager: the submodule ``coverage`` and its function ``coverage`` share a name; the function
# must be what ``atensi.rules.coverage`` is, whoever imports the submodule first.
from atensi.rules.coverage import (
    CoverageCell,
    CoverageReport,
    ServingUnit,
    coverage,
    unit_state,
    units_serving,
)

if TYPE_CHECKING:  # pragma: no cover - what type checkers see
    from atensi.rules.age import age_on, age_range
    from atensi.rules.catalogue import RULES, Rule
    from atensi.rules.children import child_residential_finding
    from atensi.rules.compare import (
        EditionComparison,
        RuleDifference,
        TargetDifference,
        compare_editions,
    )
    from atensi.rules.decision import (
        DECISION_JSON_VERSION,
        Decision,
        Finding,
        Outcome,
        Redaction,
        Status,
        decision_from_json,
    )
    from atensi.rules.deliveries import assess_delivery, check_delivery
    from atensi.rules.eligibility import PRIMARY_ORDER, assess_eligibility
    from atensi.rules.entitlements import (
        Cycle,
        Overpayment,
        check_entitlement,
        cycles_due,
        entitlement_cycles,
        overpaid,
    )
    from atensi.rules.funding import check_funding, check_partner_aid
    from atensi.rules.lifecycle import (
        InvalidTransition,
        advance,
        allowed_next,
        check_transition,
        stage_on,
    )
    from atensi.rules.policies import INDICATORS, IndicatorValue, PolicyReport, evaluate_policies
    from atensi.rules.referrals import check_referral, refer
    from atensi.rules.services import recommend_services

__all__ = [
    "DECISION_JSON_VERSION",
    "INDICATORS",
    "PRIMARY_ORDER",
    "RULES",
    "CoverageCell",
    "CoverageReport",
    "Cycle",
    "Decision",
    "EditionComparison",
    "Finding",
    "IndicatorValue",
    "InvalidTransition",
    "Outcome",
    "Overpayment",
    "PolicyReport",
    "Redaction",
    "Rule",
    "RuleDifference",
    "ServingUnit",
    "Status",
    "TargetDifference",
    "advance",
    "age_on",
    "age_range",
    "allowed_next",
    "assess_delivery",
    "assess_eligibility",
    "check_delivery",
    "check_entitlement",
    "check_funding",
    "check_partner_aid",
    "check_referral",
    "check_transition",
    "child_residential_finding",
    "compare_editions",
    "coverage",
    "cycles_due",
    "decision_from_json",
    "entitlement_cycles",
    "evaluate_policies",
    "overpaid",
    "recommend_services",
    "refer",
    "stage_on",
    "unit_state",
    "units_serving",
]

#: The submodule of each name.
_MODULES = {
    "advance": "lifecycle",
    "age_on": "age",
    "age_range": "age",
    "allowed_next": "lifecycle",
    "assess_delivery": "deliveries",
    "assess_eligibility": "eligibility",
    "check_delivery": "deliveries",
    "check_entitlement": "entitlements",
    "Cycle": "entitlements",
    "cycles_due": "entitlements",
    "entitlement_cycles": "entitlements",
    "overpaid": "entitlements",
    "Overpayment": "entitlements",
    "check_funding": "funding",
    "check_partner_aid": "funding",
    "check_referral": "referrals",
    "check_transition": "lifecycle",
    "child_residential_finding": "children",
    "compare_editions": "compare",
    "Decision": "decision",
    "decision_from_json": "decision",
    "DECISION_JSON_VERSION": "decision",
    "EditionComparison": "compare",
    "evaluate_policies": "policies",
    "Finding": "decision",
    "INDICATORS": "policies",
    "IndicatorValue": "policies",
    "InvalidTransition": "lifecycle",
    "Outcome": "decision",
    "PolicyReport": "policies",
    "PRIMARY_ORDER": "eligibility",
    "recommend_services": "services",
    "Redaction": "decision",
    "refer": "referrals",
    "Rule": "catalogue",
    "RuleDifference": "compare",
    "RULES": "catalogue",
    "stage_on": "lifecycle",
    "Status": "decision",
    "TargetDifference": "compare",
}


#: Import the submodule of a name on its first use.
__getattr__ = lazy_names(__name__, _MODULES, globals())


def __dir__() -> list[str]:
    """The module's names, the lazy ones included (for ``dir()``, completion and autodoc)."""
    return sorted(set(globals()) | set(__all__))
