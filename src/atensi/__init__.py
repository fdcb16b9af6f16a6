"""atensi: typed entities and pure, cited rules for Indonesia's social rehabilitation programme.

The package models ATENSI (Asistensi Rehabilitasi Sosial) and the PROGRES 5.0 NP clusters of the
Ministry of Social Affairs: the vocabulary, the dated legal instruments, and (in later modules)
the entities and rules. It does no I/O: every rule takes the date it is asked for.

>>> import datetime as dt
>>> import atensi
>>> atensi.Cluster.CHILDREN.label.en
'Children'
>>> atensi.instrument_in_force(dt.date(2021, 1, 15)).base.short_name
'Permensos 16/2020'
"""

from atensi._version import __version__
from atensi.errors import AtensiError, NoInstrumentInForce, UnknownCode
from atensi.law import Edition, Instrument, instrument_in_force, instruments
from atensi.vocab import (
    Activity,
    Approach,
    CaseStage,
    Citation,
    Cluster,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    Evidence,
    IndirectService,
    Label,
    Principle,
    ServiceComponent,
    Target,
    TargetGroup,
    TechnicalPolicy,
    TerminationReason,
    Therapy,
    UnitKind,
)

__all__ = [
    "Activity",
    "Approach",
    "AtensiError",
    "CaseStage",
    "Citation",
    "Cluster",
    "DisabilityType",
    "DrugRisk",
    "Edition",
    "ElderlyCapacity",
    "Evidence",
    "IndirectService",
    "Instrument",
    "Label",
    "NoInstrumentInForce",
    "Principle",
    "ServiceComponent",
    "Target",
    "TargetGroup",
    "TechnicalPolicy",
    "TerminationReason",
    "Therapy",
    "UnitKind",
    "UnknownCode",
    "__version__",
    "instrument_in_force",
    "instruments",
]
