"""The boundary: outside data in (``structure``), data out (``unstructure``), JSON Schema, batches.

Outside data enters only here. Each entry point returns typed entities or raises
:class:`atensi.InvalidRecord` listing every problem with its path, a stable code, a bilingual
message and the offending input (kept out of the message, since it may be personal data).

The names are imported on first use (PEP 562), so that the command line, which reads lines
through :mod:`atensi.boundary._lines`, starts without the converter, the schema or cattrs.
"""

from typing import TYPE_CHECKING

from atensi._lazy import lazy_names

if TYPE_CHECKING:  # pragma: no cover - what type checkers see
    from atensi.boundary._compiled import compiled
    from atensi.boundary._quick import Fallback, fallbacks
    from atensi.boundary._shown import source_of
    from atensi.boundary.converter import (
        RecordResult,
        parse_date,
        structure,
        structure_json,
        unstructure,
        validate_many,
    )
    from atensi.boundary.schema import SCHEMA_DIALECT, json_schema
    from atensi.boundary.warnings import WARNING_CODES, warnings_of
    from atensi.model._fields import DATE_MAX, DATE_MIN

__all__ = [
    "DATE_MAX",
    "DATE_MIN",
    "SCHEMA_DIALECT",
    "WARNING_CODES",
    "Fallback",
    "RecordResult",
    "compiled",
    "fallbacks",
    "json_schema",
    "parse_date",
    "source_of",
    "structure",
    "structure_json",
    "unstructure",
    "validate_many",
    "warnings_of",
]

_MODULES = {
    "compiled": "_compiled",
    "Fallback": "_quick",
    "fallbacks": "_quick",
    "source_of": "_shown",
    "RecordResult": "converter",
    "parse_date": "converter",
    "structure": "converter",
    "structure_json": "converter",
    "unstructure": "converter",
    "validate_many": "converter",
    "SCHEMA_DIALECT": "schema",
    "json_schema": "schema",
    "WARNING_CODES": "warnings",
    "warnings_of": "warnings",
    "DATE_MAX": "atensi.model._fields",
    "DATE_MIN": "atensi.model._fields",
}


#: Import the module of a name on its first use.
__getattr__ = lazy_names(__name__, _MODULES, globals())


def __dir__() -> list[str]:
    """The module's names, the lazy ones included (for ``dir()``, completion and autodoc)."""
    return sorted(set(globals()) | set(__all__))
