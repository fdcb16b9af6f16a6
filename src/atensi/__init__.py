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

from typing import TYPE_CHECKING

from atensi._lazy import lazy_names
from atensi._version import __version__
from atensi.errors import AtensiError, ErrorDetail, InvalidRecord, NoInstrumentInForce, UnknownCode
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

if TYPE_CHECKING:  # pragma: no cover - the lazy names below, for type checkers
    from atensi import boundary, law, model, privacy, reports, rules, vocab
    from atensi.boundary import (
        RecordResult,
        json_schema,
        structure,
        structure_json,
        unstructure,
        validate_many,
    )
    from atensi.privacy import redact
    from atensi.rules import (
        assess_eligibility,
        compare_editions,
        evaluate_policies,
        recommend_services,
        units_serving,
    )
    from atensi.rules.coverage import coverage

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
    "ErrorDetail",
    "Evidence",
    "IndirectService",
    "Instrument",
    "InvalidRecord",
    "Label",
    "NoInstrumentInForce",
    "Principle",
    "RecordResult",
    "ServiceComponent",
    "Target",
    "TargetGroup",
    "TechnicalPolicy",
    "TerminationReason",
    "Therapy",
    "UnitKind",
    "UnknownCode",
    "__version__",
    "assess_eligibility",
    "boundary",
    "compare_editions",
    "coverage",
    "evaluate_policies",
    "instrument_in_force",
    "instruments",
    "json_schema",
    "law",
    "model",
    "privacy",
    "recommend_services",
    "redact",
    "reports",
    "rules",
    "structure",
    "structure_json",
    "units_serving",
    "unstructure",
    "validate_many",
    "vocab",
]

# Names whose modules are imported on first use, so that ``import atensi`` stays cheap (the
# boundary pulls in cattrs; the entities compile attrs classes).
_LAZY = {
    "redact": "privacy",
    "assess_eligibility": "rules",
    "compare_editions": "rules",
    "recommend_services": "rules",
    "units_serving": "rules",
    "coverage": "rules",
    "evaluate_policies": "rules",
    "RecordResult": "boundary",
    "json_schema": "boundary",
    "structure": "boundary",
    "structure_json": "boundary",
    "unstructure": "boundary",
    "validate_many": "boundary",
}
_SUBMODULES = frozenset(
    {"boundary", "law", "model", "rules", "vocab", "nik", "regions", "privacy", "reports"}
)


#: Import submodules and the functions above on first access; a name found is kept in the
#: module's namespace, so that ``atensi.structure`` in a loop pays for the look-up once.
__getattr__ = lazy_names(__name__, {**{m: m for m in _SUBMODULES}, **_LAZY}, globals())


def __dir__() -> list[str]:
    """The public names, the lazy ones included (for ``dir()``, completion and autodoc).

    Only what a user may use: the exported names, the submodules and the module's own dunders;
    not the helpers of this file (``Any``, ``TYPE_CHECKING``, the lazy tables).
    """
    dunders = {n for n in globals() if n.startswith("__") and n.endswith("__")}
    return sorted(set(__all__) | _SUBMODULES | {"errors"} | dunders)
