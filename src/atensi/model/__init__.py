"""The entities: frozen, slotted attrs classes with validators and documented fields.

Construct them directly in Python (invalid values raise :class:`atensi.InvalidRecord` located at
the field), or from outside data with :func:`atensi.structure`.

The entities of a case and its item load with this package; the registries of units and LKS,
the portfolio and the reporting targets load on first use (PEP 562), so that deciding a record
(``atensi assess``) does not build classes it never reads.
"""

import sys
from typing import TYPE_CHECKING, Any

from atensi._lazy import lazy_names
from atensi.model._fields import LIMITS, Entity, Sensitivity
from atensi.model.case import (
    Assessment,
    Assessor,
    Case,
    InKindItem,
    InterventionPlan,
    Referral,
    ReferralDirection,
    ServiceDelivery,
    StageEntry,
    Termination,
)
from atensi.model.entitlements import Entitlement
from atensi.model.funding import Funding
from atensi.model.item import AssessmentItem
from atensi.model.justice import BapasDocument, Offence
from atensi.model.napza import (
    CompulsoryReport,
    Episode,
    IpwlAssessment,
    PlanPart,
    RehabilitationPlan,
)
from atensi.model.orders import CourtOrder, order_limit_months
from atensi.model.outcomes import CaseOutcome, FollowUp
from atensi.model.person import BirthDate, Condition, DatePrecision, Disability, DrugUse, Person
from atensi.model.practice import CaseEvent, Consent, Emergency, Incapacity, LegalBasis
from atensi.model.subjects import SUBJECT_KINDS, Community, Family, Group, Subject, subject_kind

if TYPE_CHECKING:  # pragma: no cover - what type checkers see: loaded on first use
    from atensi.model.decrees import BeneficiaryDecree, DecreeEntry
    from atensi.model.portfolio import (
        PartnerAid,
        PartnerKind,
        Partnership,
        Portfolio,
        ProgrammeActivity,
        StaffMember,
    )
    from atensi.model.reporting import (
        BUDGET_TARGET_AXES,
        PERIOD_LABEL,
        TARGET_AXES,
        BudgetTarget,
        Period,
        PmTarget,
    )
    from atensi.model.unit import (
        Accreditation,
        AccreditationGrade,
        Lks,
        LksRegistration,
        RegistrationLevel,
        ServiceUnit,
        UnitEvent,
        UnitEventKind,
        UnitRegistry,
    )

    #: Every public entity class, for generic tools (schema, strategies, tests).
    ENTITIES: tuple[type[Entity], ...]

__all__ = [
    "BUDGET_TARGET_AXES",
    "ENTITIES",
    "ENTITY_NAMES",
    "LIMITS",
    "PERIOD_LABEL",
    "SUBJECT_KINDS",
    "TARGET_AXES",
    "Accreditation",
    "AccreditationGrade",
    "Assessment",
    "AssessmentItem",
    "Assessor",
    "BapasDocument",
    "BeneficiaryDecree",
    "BirthDate",
    "BudgetTarget",
    "Case",
    "CaseEvent",
    "CaseOutcome",
    "Community",
    "CompulsoryReport",
    "Condition",
    "Consent",
    "CourtOrder",
    "DatePrecision",
    "DecreeEntry",
    "Disability",
    "DrugUse",
    "Emergency",
    "Entitlement",
    "Entity",
    "Episode",
    "Family",
    "FollowUp",
    "Funding",
    "Group",
    "InKindItem",
    "Incapacity",
    "InterventionPlan",
    "IpwlAssessment",
    "LegalBasis",
    "Lks",
    "LksRegistration",
    "Offence",
    "PartnerAid",
    "PartnerKind",
    "Partnership",
    "Period",
    "Person",
    "PlanPart",
    "PmTarget",
    "Portfolio",
    "ProgrammeActivity",
    "Referral",
    "ReferralDirection",
    "RegistrationLevel",
    "RehabilitationPlan",
    "Sensitivity",
    "ServiceDelivery",
    "ServiceUnit",
    "StaffMember",
    "StageEntry",
    "Subject",
    "Termination",
    "UnitEvent",
    "UnitEventKind",
    "UnitRegistry",
    "order_limit_months",
    "subject_kind",
]

#: The names of the public entity classes, in the order of :data:`ENTITIES` (the command line
#: lists them without loading the classes).
ENTITY_NAMES: tuple[str, ...] = (
    "Incapacity",
    "Person",
    "BirthDate",
    "Disability",
    "Condition",
    "DrugUse",
    "Family",
    "Group",
    "Community",
    "Assessor",
    "Assessment",
    "InKindItem",
    "Funding",
    "Entitlement",
    "ServiceDelivery",
    "StageEntry",
    "InterventionPlan",
    "Referral",
    "CaseOutcome",
    "Termination",
    "FollowUp",
    "Consent",
    "LegalBasis",
    "CourtOrder",
    "Emergency",
    "Offence",
    "BapasDocument",
    "IpwlAssessment",
    "CompulsoryReport",
    "PlanPart",
    "RehabilitationPlan",
    "Episode",
    "CaseEvent",
    "Case",
    "UnitEvent",
    "ServiceUnit",
    "UnitRegistry",
    "LksRegistration",
    "Accreditation",
    "Lks",
    "ProgrammeActivity",
    "PartnerAid",
    "Partnership",
    "StaffMember",
    "Portfolio",
    "Period",
    "PmTarget",
    "BudgetTarget",
    "DecreeEntry",
    "BeneficiaryDecree",
)

#: The names loaded on first use, by the submodule that defines them.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "PartnerAid",
            "PartnerKind",
            "Partnership",
            "Portfolio",
            "ProgrammeActivity",
            "StaffMember",
        ),
        "portfolio",
    ),
    **dict.fromkeys(
        (
            "BUDGET_TARGET_AXES",
            "PERIOD_LABEL",
            "TARGET_AXES",
            "BudgetTarget",
            "Period",
            "PmTarget",
        ),
        "reporting",
    ),
    **dict.fromkeys(("BeneficiaryDecree", "DecreeEntry"), "decrees"),
    **dict.fromkeys(
        (
            "Accreditation",
            "AccreditationGrade",
            "Lks",
            "LksRegistration",
            "RegistrationLevel",
            "ServiceUnit",
            "UnitEvent",
            "UnitEventKind",
            "UnitRegistry",
        ),
        "unit",
    ),
}


_lazy = lazy_names(__name__, _LAZY, globals())


def __getattr__(name: str) -> Any:
    """Load the registries, the portfolio, the reporting targets and ENTITIES on first use."""
    if name == "ENTITIES":
        value = tuple(globals().get(n) or _lazy(n) for n in ENTITY_NAMES)
        globals()[name] = value
        return value
    return _lazy(name)


def __dir__() -> list[str]:
    """The module's names, the lazy ones included."""
    return sorted(set(globals()) | set(__all__))


# The Hypothesis plugin (src/_atensi_hypothesis.py), if Hypothesis loaded it before the
# entities existed, registers their strategies now. Looked up, not imported: the model imports
# nothing above it, and a process without Hypothesis pays one dictionary look-up.
_plugin = sys.modules.get("_atensi_hypothesis")
if _plugin is not None:
    _plugin.model_loaded()
