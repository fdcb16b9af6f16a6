"""The boundary: outside data in (``structure``), data out (``unstructure``), JSON Schema, batches.

Outside data enters only here. Each entry point returns typed entities or raises
:class:`atensi.InvalidRecord` listing every problem with its path, a stable code, a bilingual
message and the offending input (kept out of the message, since it may be personal data).

The names are imported on first use (PEP 562), so that the command line, which reads lines
through :mod:`atensi.boundary._lines`, starts without the converter, the schema or cattrs.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - what type checkers see
    from atensi.boundary._compiled import compiled
    from atensi.boundary._quick import Fallback, fallbacks
    from atensi.boundary._source import source_of
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
    "source_of": "_source",
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
    "DATE_MAX": "fields",
    "DATE_MIN": "fields",
}


def __getattr__(name: str) -> Any:
    """Import the module of a name on its first use (plain imports: the core has no importlib)."""
    where = _MODULES.get(name)
    if where is None:
        raise AttributeError(f"module 'atensi.boundary' has no attribute {name!r}")
    if where == "_compiled":
        import atensi.boundary._compiled as module
    elif where == "_quick":
        import atensi.boundary._quick as module  # type: ignore[no-redef]
    elif where == "_source":
        import atensi.boundary._source as module  # type: ignore[no-redef]
    elif where == "converter":
        import atensi.boundary.converter as module  # type: ignore[no-redef]
    elif where == "schema":
        import atensi.boundary.schema as module  # type: ignore[no-redef]
    elif where == "warnings":
        import atensi.boundary.warnings as module  # type: ignore[no-redef]
    else:
        import atensi.model._fields as module  # type: ignore[no-redef]
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazy ones included (for ``dir()``, completion and autodoc)."""
    return sorted(set(globals()) | set(__all__))
