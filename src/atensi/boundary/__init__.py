"""The boundary: outside data in (``structure``), data out (``unstructure``), JSON Schema, batches.

Outside data enters only here. Each entry point returns typed entities or raises
:class:`atensi.InvalidRecord` listing every problem with its path, a stable code, a bilingual
message and the offending input (kept out of the message, since it may be personal data).
"""

from atensi.boundary._compiled import compiled
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
    "RecordResult",
    "compiled",
    "json_schema",
    "parse_date",
    "structure",
    "structure_json",
    "unstructure",
    "validate_many",
    "warnings_of",
]
