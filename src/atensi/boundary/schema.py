"""JSON Schema (draft 2020-12) for every entity, generated from the same fields as ``structure``.

Why our own generator and not msgspec's: the schema must carry atensi's metadata (bilingual
labels, citations, personal-data classes, size limits) and must agree with ``structure`` rule
for rule; both read the same type tree (:func:`atensi.boundary._shape.shape_of`), which keeps
them in step, and it adds no dependency.

What a schema cannot say: cross-field invariants (an end date after a start date, an activity
that belongs to its component), uniqueness of objects by a key, and the finer NIK checks (a real
birth date, a serial other than 0000). ``structure`` checks those; a record that passes the schema
may still be rejected by ``structure``, never the other way round.

Extension keywords (annotations, :data:`EXTENSION_KEYWORDS`): ``x-atensi-label`` (``{"id",
"en"}``), ``x-atensi-labels`` (an enum's labels by code), ``x-atensi-citation`` (a citation
mapping) and ``x-atensi-sensitivity`` (the personal-data class code of the field, see
:class:`atensi.model.Sensitivity`). ajv's strict mode compiles the schemas once they are
declared (``examples/ajv-atensi.cjs``); ``.ci/run`` compiles every kind so.
"""

from __future__ import annotations

import enum
import functools
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
from atensi.model._characters import table as character_table
from atensi.regions import all_codes
from atensi.rules import DECISION_JSON_VERSION, Decision, EditionComparison, Outcome, Status
from atensi.vocab import CodedEnum, Evidence

__all__ = ["EXTENSION_KEYWORDS", "SCHEMA_DIALECT", "json_schema", "result_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: The annotation keywords atensi's schemas carry beside the standard ones. Validators ignore
#: them, except ajv in strict mode (its default), which compiles a schema only once they are
#: declared: ``ajv.addVocabulary([...])``, as ``examples/ajv-atensi.cjs`` does.
EXTENSION_KEYWORDS = (
    "x-atensi-label",
    "x-atensi-labels",
    "x-atensi-citation",
    "x-atensi-sensitivity",
)

# Patterns are written for every engine a validator may use (Python's ``re``, ECMA 262 with the
# ``u`` flag, which ajv sets, Java's ``Pattern``, Rust's regex): ASCII classes (``[0-9]``, never
# ``\d``, which Python reads as any Unicode digit), an end written ``(?![\s\S])`` (Python's
# ``$`` also matches before a final line break), characters of the Basic Multilingual Plane as
# ``\uXXXX`` (the one escape all of them read alike) and characters beyond it as themselves
# (Python's ``\U0001xxxx``, ECMA's ``\u{1xxxx}`` and Java's ``\x{1xxxx}`` are each refused by
# another engine).
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

_LAST = 0x10FFFF
_LINE_BREAKS = frozenset({0x09, 0x0A, 0x0D})


def _portable(cp: int) -> str:
    """One code point in a character class, read alike by every engine."""
    return f"\\u{cp:04x}" if cp <= 0xFFFF else chr(cp)


def _class(ranges: list[tuple[int, int]]) -> str:
    """A character class body for inclusive code point ranges, written for every engine."""
    return "".join(
        _portable(first) if first == last else f"{_portable(first)}-{_portable(last)}"
        for first, last in ranges
    )


def _complement(codes: set[int]) -> list[tuple[int, int]]:
    """The ranges of every code point not in ``codes`` (surrogates are always in it)."""
    out: list[tuple[int, int]] = []
    start = 0
    for cp in sorted(codes):
        if cp > start:
            out.append((start, cp - 1))
        start = cp + 1
    if start <= _LAST:
        out.append((start, _LAST))
    return out


def _codes(ranges: tuple[tuple[int, int], ...]) -> set[int]:
    return {cp for first, last in ranges for cp in range(first, last + 1)}


@functools.cache
def text_pattern(multiline: bool, non_blank: bool) -> str:
    r"""The pattern of text ``structure`` accepts.

    Characters of the pinned table (:mod:`atensi.model._characters`, Unicode
    :data:`~atensi.model._fields.UNICODE_VERSION`) only, the same on every interpreter; with
    ``non_blank``, at least one character that is not blank (white space or a variation
    selector). The classes list what is allowed, so that lone surrogates, which JSON text can
    carry as ``"\ud800"``, are refused without being named (Rust's engine cannot name them).
    """
    refused = _codes(character_table().refused)
    if multiline:
        refused -= _LINE_BREAKS
    allowed = _class(_complement(refused))
    if not non_blank:
        return f"^[{allowed}]*{_END}"
    visible = _class(_complement(refused | _codes(character_table().blank)))
    return f"^[{allowed}]*[{visible}][{allowed}]*{_END}"


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
                "current or retired, as 2, 4 or 6 digits without dots (the stored form: "
                "structure also reads 31.71.01 and stores 317101).",
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
    :meth:`~atensi.rules.Decision.to_json` (version 1), the decision each output line carries;
    :class:`atensi.rules.EditionComparison` that of its ``to_json`` (``--compare-editions``).
    The command line's result line is :func:`result_schema`.

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
    if cls is EditionComparison:
        return _comparison_schema()
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
    # anyOf, not a list of types: ajv's strict mode refuses union types.
    nullable = {"anyOf": [{"type": "string"}, {"type": "null"}]}
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
                "additionalProperties": {
                    "anyOf": [{"type": t} for t in ("string", "integer", "boolean", "null")]
                },
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


def _comparison_schema() -> dict[str, Any]:
    """The schema of ``EditionComparison.to_json()`` (version 1)."""
    decision = _decision_schema()
    defs = decision.pop("$defs")
    for key in ("$schema", "$id"):
        decision.pop(key)
    word = {"type": "string", "description": "a status or an outcome code, or 'absent'"}
    by_edition = {"type": "object", "additionalProperties": word}
    difference = {
        "type": "object",
        "properties": {
            "target": {"type": "string"},
            "outcomes": by_edition,
            "rules": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"rule_id": {"type": "string"}, "statuses": by_edition},
                    "required": ["rule_id", "statuses"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["target", "outcomes", "rules"],
        "additionalProperties": False,
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "https://atensi.invalid/schema/EditionComparison.json",
        "title": "EditionComparison",
        "description": _first_paragraph(EditionComparison.__doc__),
        "type": "object",
        "properties": {
            "version": {"const": 1},
            "kind": {"const": "edition_comparison"},
            "on": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            "editions": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "differences": {"type": "array", "items": difference},
            "decisions": {"type": "array", "items": {"$ref": "#/$defs/Decision"}},
        },
        "required": ["version", "kind", "on", "editions", "differences", "decisions"],
        "additionalProperties": False,
        "$defs": {**defs, "Decision": decision},
    }


def result_schema() -> dict[str, Any]:
    """The schema of one line ``atensi validate`` or ``atensi assess`` writes.

    ``{"index", "line", "offset"?, "ok", "decision" | "comparison" | "errors", "warnings"?}``:
    ``index`` counts records from 0, ``line`` is the 1-based line of the file (``offset`` the
    byte, in a JSON array), ``ok`` says whether the record was valid; a valid one carries its
    decision (``assess``) or comparison (``--compare-editions``), an invalid one its errors
    (:meth:`atensi.InvalidRecord.to_json`'s items), either may carry warnings.

    >>> result_schema()["required"]
    ['index', 'line', 'ok']
    """
    comparison = _comparison_schema()
    defs = comparison.pop("$defs")
    for key in ("$schema", "$id"):
        comparison.pop(key)
    problem = {
        "type": "object",
        "properties": {
            "loc": {
                "type": "array",
                "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            },
            "code": {"type": "string"},
            "msg": _label_schema(),
            "ctx": {"type": "object"},
            "input": {},
        },
        "required": ["loc", "code", "msg", "ctx"],
        "additionalProperties": False,
    }
    problems = {"type": "array", "items": {"$ref": "#/$defs/Problem"}}
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": "https://atensi.invalid/schema/Result.json",
        "title": "Result",
        "description": "One line of atensi validate or atensi assess: the record's result.",
        "type": "object",
        "properties": {
            "index": {"type": "integer", "minimum": 0},
            "line": {"type": "integer", "minimum": 1},
            "offset": {"type": "integer", "minimum": 0},
            "ok": {"type": "boolean"},
            "decision": {"$ref": "#/$defs/Decision"},
            "comparison": {"$ref": "#/$defs/EditionComparison"},
            "errors": {**problems, "minItems": 1},
            "warnings": problems,
        },
        "required": ["index", "line", "ok"],
        "additionalProperties": False,
        # An invalid record has errors and no decision; a valid one no errors. (``false`` for
        # an absent property, not ``not: {required}``: ajv's strict mode refuses the latter.)
        "if": {"properties": {"ok": {"const": False}}},
        "then": {
            "properties": {"errors": True, "decision": False, "comparison": False},
            "required": ["errors"],
        },
        "else": {"properties": {"errors": False}},
        "$defs": {**defs, "EditionComparison": comparison, "Problem": problem},
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
