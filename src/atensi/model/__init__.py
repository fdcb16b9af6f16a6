"""The entities: frozen, slotted attrs classes with validators and documented fields.

Construct them directly in Python (invalid values raise :class:`atensi.InvalidRecord` located at
the field), or from outside data with :func:`atensi.structure`.
"""

import sys

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
from atensi.model.funding import Funding
from atensi.model.item import AssessmentItem
from atensi.model.outcomes import CaseOutcome, FollowUp
from atensi.model.person import BirthDate, Condition, DatePrecision, Disability, DrugUse, Person
from atensi.model.portfolio import (
    PartnerAid,
    PartnerKind,
    Partnership,
    Portfolio,
    ProgrammeActivity,
    StaffMember,
)
from atensi.model.practice import CaseEvent, Consent, LegalBasis
from atensi.model.reporting import PERIOD_LABEL, TARGET_AXES, Period, PmTarget
from atensi.model.subjects import SUBJECT_KINDS, Community, Family, Group, Subject, subject_kind
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

__all__ = [
    "ENTITIES",
    "LIMITS",
    "PERIOD_LABEL",
    "SUBJECT_KINDS",
    "TARGET_AXES",
    "Accreditation",
    "AccreditationGrade",
    "Assessment",
    "AssessmentItem",
    "Assessor",
    "BirthDate",
    "Case",
    "CaseEvent",
    "CaseOutcome",
    "Community",
    "Condition",
    "Consent",
    "DatePrecision",
    "Disability",
    "DrugUse",
    "Entity",
    "Family",
    "FollowUp",
    "Funding",
    "Group",
    "InKindItem",
    "InterventionPlan",
    "LegalBasis",
    "Lks",
    "LksRegistration",
    "PartnerAid",
    "PartnerKind",
    "Partnership",
    "Period",
    "Person",
    "PmTarget",
    "Portfolio",
    "ProgrammeActivity",
    "Referral",
    "ReferralDirection",
    "RegistrationLevel",
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
    "subject_kind",
]

#: Every public entity class, for generic tools (schema, strategies, tests).
ENTITIES: tuple[type[Entity], ...] = (
    Person,
    BirthDate,
    Disability,
    Condition,
    DrugUse,
    Family,
    Group,
    Community,
    Assessor,
    Assessment,
    InKindItem,
    Funding,
    ServiceDelivery,
    StageEntry,
    InterventionPlan,
    Referral,
    CaseOutcome,
    Termination,
    FollowUp,
    Consent,
    LegalBasis,
    CaseEvent,
    Case,
    UnitEvent,
    ServiceUnit,
    UnitRegistry,
    LksRegistration,
    Accreditation,
    Lks,
    ProgrammeActivity,
    PartnerAid,
    Partnership,
    StaffMember,
    Portfolio,
    Period,
    PmTarget,
)

# The Hypothesis plugin (src/_atensi_hypothesis.py), if Hypothesis loaded it before the
# entities existed, registers their strategies now. Looked up, not imported: the model imports
# nothing above it, and a process without Hypothesis pays one dictionary look-up.
_plugin = sys.modules.get("_atensi_hypothesis")
if _plugin is not None:
    _plugin.model_loaded()
