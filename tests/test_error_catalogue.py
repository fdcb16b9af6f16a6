"""Every error code the source can produce is in the documented catalogue."""

from __future__ import annotations

import ast
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
PREFIXES = {
    "type",
    "date",
    "enum",
    "object",
    "union",
    "record",
    "string",
    "array",
    "number",
    "condition",
    "drug_use",
    "delivery",
    "case",
    "unit",
    "unit_event",
    "portfolio",
    "partnership",
    "referral",
    "vocab",
    "law",
    "boundary",
    "value",
    "nik",
    "region",
    "decision",
    "services",
    "privacy",
    "input",
    "item",
    "funding",
    "termination",
    "report",
}
CODE = re.compile(r"^([a-z_]+)(\.[a-z_]+){1,2}$")


def test_every_error_code_is_documented() -> None:
    from atensi.rules import RULES

    catalogue = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    # The facts a rule reads are dotted paths too, and the allowed move is no error.
    not_codes = {path for r in RULES.values() for path in r.reads} | {"case.transition.allowed"}
    # The files `atensi report` writes, not error codes.
    not_codes |= {"report.json", "report.xlsx", "report.html"}
    used: set[str] = set()
    for path in (ROOT / "src" / "atensi").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = CODE.match(node.value)
                if match and match.group(1) in PREFIXES and node.value not in not_codes:
                    used.add(node.value)
    assert used, "no codes found: the scan is broken"
    missing = sorted(code for code in used if f"`{code}`" not in catalogue)
    assert not missing, f"undocumented error codes: {missing}"
