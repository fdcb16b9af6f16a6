"""JSON Schema (draft 2020-12) for every entity, generated from the same fields as ``structure``.

Why our own generator and not msgspec's: the schema must carry atensi's metadata (bilingual
labels, citations, personal-data classes, size limits) and must agree with ``structure`` rule
for rule; generating both from the attrs fields keeps them in step, and adds no dependency.

What a schema cannot say: cross-field invariants (an end date after a start date, an activity
that belongs to its component), uniqueness of objects by a key, and the finer NIK checks (a real
birth date, a serial other than 0000). ``structure`` checks those; a record that passes the schema
may still be rejected by ``structure``, never the other way round.

Extension keywords (ignored by validators): ``x-atensi-label`` (``{"id", "en"}``),
``x-atensi-citation`` (a citation mapping) and ``x-atensi-sensitivity`` (the personal-data class
code of the field, see :class:`atensi.model.Sensitivity`).
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

from atensi.boundary._plan import _TAGGED_UNIONS
from atensi.model import Entity
from atensi.rules import DECISION_JSON_VERSION, Decision, Outcome, Status
from atensi.vocab import CodedEnum, Evidence

__all__ = ["SCHEMA_DIALECT", "json_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^(18|19|20|21)\d{2}-\d{2}-\d{2}$"


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
        attrs.resolve_types(cls)
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["kind"] = {"const": tag, "description": "The subject kind tag."}
            required.append("kind")
        for field in attrs.fields(cls):
            prop = self.type(hints[field.name], field.metadata.get("limits", {}))
            doc = field.metadata.get("doc")
            if doc is not None:
                prop = {**prop, "title": doc.en, "x-atensi-label": {"id": doc.id, "en": doc.en}}
            citation = field.metadata.get("citation")
            if citation is not None:
                prop["x-atensi-citation"] = citation.to_dict()
            sensitivity = field.metadata.get("sensitivity")
            if sensitivity is not None:
                prop["x-atensi-sensitivity"] = sensitivity.value
            if field.default is attrs.NOTHING:
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

    def type(self, tp: Any, limits: dict[str, int]) -> dict[str, Any]:
        if tp is str:
            schema: dict[str, Any] = {"type": "string"}
            if "max_length" in limits:
                schema["maxLength"] = limits["max_length"]
            if limits.get("min_length"):
                schema["minLength"] = limits["min_length"]
                schema["pattern"] = r"\S"
            return schema
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            schema = {"type": "integer"}
            if "minimum" in limits:
                schema["minimum"] = limits["minimum"]
            if "maximum" in limits:
                schema["maximum"] = limits["maximum"]
            return schema
        if tp is dt.date:
            # The pattern says the accepted range too (years 1800 to 2199, DATE_MIN to
            # DATE_MAX): validators do not assert ``format`` by default in draft 2020-12.
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.enum(tp)
        if isinstance(tp, type) and attrs.has(tp):
            return self.entity(tp)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is tuple:
            items = self.type(args[0], {})
            schema = {"type": "array", "items": items}
            if "max_items" in limits:
                schema["maxItems"] = limits["max_items"]
            if isinstance(args[0], type) and issubclass(args[0], enum.Enum):
                schema["uniqueItems"] = True
            return schema
        if origin in (typing.Union, types.UnionType):
            non_none = tuple(a for a in args if a is not type(None))
            if len(non_none) == 1:
                options = [self.type(non_none[0], limits)]
            elif str in non_none and len(non_none) == 2:
                other = next(a for a in non_none if a is not str)
                options = [self.type(str, limits), self.type(other, {})]
            else:
                for classes, tags in _TAGGED_UNIONS:
                    if frozenset(non_none) == classes:
                        options = [
                            self.entity(cls, tag=tag)
                            for tag, cls in tags.items()
                            if cls in non_none
                        ]
                        break
                else:  # pragma: no cover - structure would have refused the type too
                    raise TypeError(f"no schema for {tp!r}")
                options = [{"oneOf": options}]
            if len(non_none) != len(args):
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        raise TypeError(f"no schema for {tp!r}")  # pragma: no cover


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
