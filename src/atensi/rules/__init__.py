"""Rules: pure functions of typed entities and a date, returning explained decisions."""

from atensi.rules.age import age_on, age_range
from atensi.rules.catalogue import RULES, Rule
from atensi.rules.children import child_residential_finding
from atensi.rules.compare import (
    EditionComparison,
    RuleDifference,
    TargetDifference,
    compare_editions,
)
from atensi.rules.coverage import (
    CoverageCell,
    CoverageReport,
    ServingUnit,
    coverage,
    unit_state,
    units_serving,
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
    "Decision",
    "EditionComparison",
    "Finding",
    "IndicatorValue",
    "InvalidTransition",
    "Outcome",
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
    "check_funding",
    "check_partner_aid",
    "check_referral",
    "check_transition",
    "child_residential_finding",
    "compare_editions",
    "coverage",
    "decision_from_json",
    "evaluate_policies",
    "recommend_services",
    "refer",
    "stage_on",
    "unit_state",
    "units_serving",
]
