"""JSON Schema (draft 2020-12) for every entity, generated from the same fields as ``structure``.

Why our own generator and not msgspec's: the schema must carry atensi's metadata (bilingual
labels, citations, personal-data classes, size limits) and must agree with ``structure`` rule
for rule; both read the same type tree (:func:`atensi.boundary._shape.shape_of`), which keeps
them in step, and it adds no dependency.

What a schema cannot say: cross-field invariants (an end date after a start date, an activity
that belongs to its component), uniqueness of objects by a key, and the finer NIK checks (a real
birth date, a serial other than 0000). ``structure`` checks those; a record that passes the schema
may still be rejected by ``structure``, never the other way round.

Extension keywords (ignored by validators): ``x-atensi-label`` (``{"id", "en"}``),
``x-atensi-citation`` (a citation mapping) and ``x-atensi-sensitivity`` (the personal-data class
code of the field, see :class:`atensi.model.Sensitivity`).
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from typing import Any

from atensi.boundary._shape import (
    Boolean,
    Code,
    Date,
    Field,
    Integer,
    Node,
    Optional,
    Record,
    Tagged,
    Text,
    TextOr,
    TupleOf,
    shape_of,
)
from atensi.model import Entity
from atensi.model._fields import refused_character
from atensi.regions import all_codes
from atensi.rules import DECISION_JSON_VERSION, Decision, Outcome, Status
from atensi.vocab import CodedEnum, Evidence

__all__ = ["SCHEMA_DIALECT", "json_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Patterns are written for every engine a validator may use (Python's ``re``, ECMA 262, Rust's
# regex): ASCII classes (``[0-9]``, never ``\d``, which Python reads as any Unicode digit), and
# an end written ``(?![\s\S])`` (Python's ``$`` also matches before a final line break).
_END = "(?![\\s\\S])"
_YEAR = "(?:18|19|20|21)[0-9]{2}"
_LEAP_YEAR = "(?:(?:18|19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)"

#: A real calendar date from 1800-01-01 to 2199-12-31, exactly what ``structure`` accepts:
#: days that exist in their month, 29 February in leap years only (1900 and 2100 are not).
DATE_PATTERN = (
    f"^(?:{_YEAR}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    "|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    f"|{_LEAP_YEAR}-02-29){_END}"
)


def _ranges(codes: list[int]) -> str:
    """A character class body for code points, escaped for every engine."""

    def esc(cp: int) -> str:
        if cp <= 0xFF:
            return f"\\x{cp:02x}"
        if cp <= 0xFFFF:
            return f"\\u{cp:04x}"
        return f"\\U{cp:08x}"

    out = []
    start = prev = codes[0]
    for cp in [*codes[1:], -1]:
        if cp == prev + 1:
            prev = cp
            continue
        out.append(esc(start) if start == prev else f"{esc(start)}-{esc(prev)}")
        start = prev = cp
    return "".join(out)


@functools.cache
def _unprintable() -> tuple[list[int], list[int]]:
    """Code points text may refuse (unprintable, not lone surrogates), and the white space.

    The first list is a superset: ``text_pattern`` keeps those ``refused_character`` refuses.
    Characters of the categories text always allows (other spaces, private use, unassigned)
    are left out here, so that the exact check runs on a few hundred characters only.
    """
    odd, space = [], []
    for cp in range(0x110000):
        char = chr(cp)
        if char.isspace():
            space.append(cp)
        if not char.isprintable() and unicodedata.category(char) not in ("Zs", "Co", "Cn", "Cs"):
            odd.append(cp)
    return odd, space


@functools.cache
def text_pattern(multiline: bool, non_blank: bool) -> str:
    """The pattern of text ``structure`` accepts.

    No refused character (:func:`atensi.model._fields.refused_character`, read from this
    Python's Unicode tables) and, with ``non_blank``, at least one character that is not white
    space. Lone surrogates are left out: UTF-8 JSON text cannot carry them, and the Rust engine
    cannot name them (``structure`` refuses them as ``string.invalid_unicode``).
    """
    odd, space = _unprintable()
    refused = [cp for cp in odd if refused_character(chr(cp), multiline) is not None]
    bad = _ranges(refused)
    if not non_blank:
        return f"^[^{bad}]*{_END}"
    blank = sorted({*refused, *space})
    return f"^[^{bad}]*[^{_ranges(blank)}][^{bad}]*{_END}"


def _first_paragraph(doc: str | None) -> str:
    return (doc or "").strip().split("\n\n")[0].replace("\n", " ").strip()


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            schema: dict[str, Any] = {
                "title": name,
                "description": _first_paragraph(cls.__doc__),
                "type": "string",
                "enum": [m.value for m in cls],
            }
            if issubclass(cls, CodedEnum):
                schema["x-atensi-labels"] = {
                    m.value: {"id": m.label.id, "en": m.label.en} for m in cls
                }
            self.defs[name] = schema
        return {"$ref": f"#/$defs/{name}"}

    def entity(self, cls: type[Any], *, tag: str | None = None) -> dict[str, Any]:
        name = cls.__name__ if tag is None else f"{cls.__name__}Subject"
        if name in self.defs:
            return {"$ref": f"#/$defs/{name}"}
        self.defs[name] = {}  # reserve: recursive references resolve to the name
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["kind"] = {"const": tag, "description": "The subject kind tag."}
            required.append("kind")
        for field in shape_of(cls).fields:
            prop = self.node(field.node, field)
            metadata = field.metadata
            doc = metadata.get("doc")
            if doc is not None:
                prop = {**prop, "title": doc.en, "x-atensi-label": {"id": doc.id, "en": doc.en}}
            citation = metadata.get("citation")
            if citation is not None:
                prop["x-atensi-citation"] = citation.to_dict()
            sensitivity = metadata.get("sensitivity")
            if sensitivity is not None:
                prop["x-atensi-sensitivity"] = sensitivity.value
            if field.required:
                required.append(field.name)
            properties[field.name] = prop
        self.defs[name] = {
            "title": cls.__name__,
            "description": _first_paragraph(cls.__doc__),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return {"$ref": f"#/$defs/{name}"}

    def region(self) -> dict[str, Any]:
        if "RegionCode" not in self.defs:
            self.defs["RegionCode"] = {
                "title": "RegionCode",
                "description": "A Kemendagri region code (province, regency or district), "
                "current or retired, as 2, 4 or 6 digits without dots.",
                "type": "string",
                "enum": list(all_codes()),
            }
        return {"$ref": "#/$defs/RegionCode"}

    def node(self, node: Node, field: Field) -> dict[str, Any]:
        """The schema of a field's node (``anyOf`` its alternatives, where it has several)."""
        options = self.options(node, field)
        return options[0] if len(options) == 1 else {"anyOf": options}

    def options(self, node: Node, field: Field) -> list[dict[str, Any]]:
        """The alternatives a node allows, each a schema."""
        if isinstance(node, Optional):
            return [*self.options(node.inner, field), {"type": "null"}]
        if isinstance(node, TextOr):
            return [self.text(node.text), self.entity(node.other.cls)]
        if isinstance(node, Tagged):
            return [{"oneOf": [self.entity(cls, tag=tag) for tag, cls in node.tags]}]
        return [self.single(node, field)]

    def text(self, node: Text) -> dict[str, Any]:
        if node.region:
            return self.region()
        schema: dict[str, Any] = {"type": "string"}
        if node.max_length is not None:
            schema["maxLength"] = node.max_length
        if node.pattern:
            schema["pattern"] = node.pattern
            return schema
        if node.min_length:
            schema["minLength"] = node.min_length
        schema["pattern"] = text_pattern(node.multiline, bool(node.min_length))
        return schema

    def single(self, node: Node, field: Field) -> dict[str, Any]:
        if isinstance(node, Text):
            return self.text(node)
        if isinstance(node, Boolean):
            return {"type": "boolean"}
        if isinstance(node, Integer):
            schema: dict[str, Any] = {"type": "integer"}
            if node.minimum is not None:
                schema["minimum"] = node.minimum
            if node.maximum is not None:
                schema["maximum"] = node.maximum
            return schema
        if isinstance(node, Date):
            # The pattern says the accepted range too (years 1800 to 2199, DATE_MIN to
            # DATE_MAX): validators do not assert ``format`` by default in draft 2020-12.
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if isinstance(node, Code):
            return self.enum(node.enum)
        if isinstance(node, Record):
            return self.entity(node.cls)
        if isinstance(node, TupleOf):
            schema = {"type": "array", "items": self.node(node.item, field)}
            if node.max_items is not None:
                schema["maxItems"] = node.max_items
            if isinstance(node.item, Text | Code) and field.unique() is not None:
                schema["uniqueItems"] = True
            return schema
        raise TypeError(f"no schema for {node!r}")  # pragma: no cover - every node has one


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an entity class, or of a decision's JSON.

    Every entity has one, the envelope of ``atensi assess`` included
    (:class:`atensi.model.AssessmentItem`); :class:`atensi.rules.Decision` gives the schema of
    :meth:`~atensi.rules.Decision.to_json` (version 1), the decision each output line carries.

    >>> from atensi.model import Referral
    >>> schema = json_schema(Referral)
    >>> schema["$schema"], schema["additionalProperties"], schema["required"]
    ('https://json-schema.org/draft/2020-12/schema', False, ['on', 'direction'])
    >>> from atensi.rules import Decision
    >>> json_schema(Decision)["properties"]["version"]
    {'const': 1}
    """
    if cls is Decision:
        return _decision_schema()
    if not (isinstance(cls, type) and issubclass(cls, Entity)):
        raise TypeError(f"{cls!r} is not an atensi entity class")
    builder = _Builder()
    builder.entity(cls)
    root = dict(builder.defs.pop(cls.__name__))
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://atensi.invalid/schema/{cls.__name__}.json",
        **root,
    }
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    rewritten: dict[str, Any] = _rewrite_root_refs(schema, cls.__name__)
    return rewritten


def _label_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"id": {"type": "string"}, "en": {"type": "string"}},
        "required": ["id", "en"],
        "additionalProperties": False,
    }


def _decision_schema() -> dict[str, Any]:
    """The schema of ``Decision.to_json()`` (:data:`atensi.rules.DECISION_JSON_VERSION`)."""
    outcome = {"$ref": "#/$defs/Outcome"}
    nullable = {"type": ["string", "null"]}
    citation = {
        "type": "object",
        "properties": {
            "instrument": nullable,
            "article": nullable,
            "evidence": {"enum": [e.value for e in Evidence]},
            "source": nullable,
            "note": nullable,
        },
        "required": ["instrument", "article", "evidence", "source", "note"],
        "additionalProperties": False,
    }
    finding = {
        "type": "object",
        "properties": {
            "rule_id": {"type": "string", "description": "A rule id of the rule catalogue."},
            "status": {"enum": [s.value for s in Status]},
            "target": nullable,
            "facts": {
                "type": "object",
                "description": "The facts the rule used; '<redacted>' in a redacted decision.",
                "additionalProperties": {"type": ["string", "integer", "boolean", "null"]},
            },
            "message": _label_schema(),
            "citation": {"anyOf": [citation, {"type": "null"}]},
        },
        "required": ["rule_id", "status", "target", "facts", "message", "citation"],
        "additionalProperties": False,
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "https://atensi.invalid/schema/Decision.json",
        "title": "Decision",
        "description": _first_paragraph(Decision.__doc__),
        "type": "object",
        "properties": {
            "version": {"const": DECISION_JSON_VERSION},
            "kind": {"type": "string"},
            "outcome": outcome,
            "on": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            "edition": {"type": "string"},
            "instruments": {"type": "array", "items": {"type": "string"}},
            "targets": {"type": "object", "additionalProperties": outcome},
            "findings": {"type": "array", "items": finding},
            "notes": {"type": "array", "items": _label_schema()},
        },
        "required": [
            "version",
            "kind",
            "outcome",
            "on",
            "edition",
            "instruments",
            "targets",
            "findings",
            "notes",
        ],
        "additionalProperties": False,
        "$defs": {"Outcome": {"title": "Outcome", "enum": [o.value for o in Outcome]}},
    }


def _rewrite_root_refs(node: Any, root: str) -> Any:
    if isinstance(node, dict):
        return {
            k: ("#" if k == "$ref" and v == f"#/$defs/{root}" else _rewrite_root_refs(v, root))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_root_refs(v, root) for v in node]
    return node
