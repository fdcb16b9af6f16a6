"""The ATENSI vocabulary: every term with a stable code, bilingual labels and a citation.

Every enum here derives from :class:`CodedEnum`: the member *value* is the stable lowercase code
(what you store and send), the member *name* is English (what Python code reads), ``.label``
holds the Indonesian and English names and ``.citation`` says where the term comes from and how
well that is established (:class:`Evidence`). Codes never change once released; labels may.

>>> from atensi.vocab import Cluster
>>> Cluster.ELDERLY.value, Cluster.ELDERLY.label.id
('lanjut_usia', 'Lanjut usia')
>>> Cluster("orang_tua")
Traceback (most recent call last):
...
atensi.errors.UnknownCode: 'orang_tua' is not a Cluster code; expected one of: anak, ...
"""

from atensi.vocab._base import Citation, CodedEnum, Evidence, Label, cite
from atensi.vocab.agencies import AgencyKind, ServiceLine
from atensi.vocab.clusters import Cluster, Target
from atensi.vocab.evaluation import EvaluationLevel
from atensi.vocab.funding import AidProgramme, CycleFrequency, FundingChannel, RecipientKind
from atensi.vocab.groups import (
    Carry,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    GroupBounds,
    TargetGroup,
    groups_of,
)
from atensi.vocab.justice import BapasDocumentKind, IpwlDesignation, OffenceCategory, VictimKind
from atensi.vocab.modes import (
    ConsentGiver,
    EmergencyKind,
    InterventionMode,
    LegalBasisKind,
    Relation,
)
from atensi.vocab.person import Sex
from atensi.vocab.policies import Principle, TechnicalPolicy
from atensi.vocab.practice import Practice
from atensi.vocab.referrals import AgreementKind, ReferralReason, ReferralStatus
from atensi.vocab.services import Activity, Approach, IndirectService, ServiceComponent, Therapy
from atensi.vocab.stages import CaseStage, TerminationReason
from atensi.vocab.units import UnitKind

__all__ = [
    "VOCABULARIES",
    "Activity",
    "AgencyKind",
    "AgreementKind",
    "AidProgramme",
    "Approach",
    "BapasDocumentKind",
    "Carry",
    "CaseStage",
    "Citation",
    "Cluster",
    "CodedEnum",
    "ConsentGiver",
    "CycleFrequency",
    "DisabilityType",
    "DrugRisk",
    "ElderlyCapacity",
    "EmergencyKind",
    "EvaluationLevel",
    "Evidence",
    "FundingChannel",
    "GroupBounds",
    "IndirectService",
    "InterventionMode",
    "IpwlDesignation",
    "Label",
    "LegalBasisKind",
    "OffenceCategory",
    "Practice",
    "Principle",
    "RecipientKind",
    "ReferralReason",
    "ReferralStatus",
    "Relation",
    "ServiceComponent",
    "ServiceLine",
    "Sex",
    "Target",
    "TargetGroup",
    "TechnicalPolicy",
    "TerminationReason",
    "Therapy",
    "UnitKind",
    "VictimKind",
    "cite",
    "groups_of",
]

#: Every public vocabulary, in the order the glossary shows them.
VOCABULARIES: tuple[type[CodedEnum], ...] = (
    Cluster,
    Target,
    TargetGroup,
    DisabilityType,
    ElderlyCapacity,
    DrugRisk,
    Sex,
    ServiceComponent,
    Activity,
    Therapy,
    Approach,
    IndirectService,
    CaseStage,
    TerminationReason,
    UnitKind,
    TechnicalPolicy,
    Principle,
    ServiceLine,
    AgencyKind,
    Practice,
    InterventionMode,
    LegalBasisKind,
    ConsentGiver,
    Relation,
    EmergencyKind,
    OffenceCategory,
    VictimKind,
    BapasDocumentKind,
    IpwlDesignation,
    ReferralReason,
    ReferralStatus,
    AgreementKind,
    FundingChannel,
    RecipientKind,
    AidProgramme,
    CycleFrequency,
    EvaluationLevel,
)
