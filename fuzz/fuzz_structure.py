"""Coverage-guided fuzzing of ``atensi.structure`` for the main entities (atheris).

Run: ``python fuzz/fuzz_structure.py fuzz/corpus/structure -max_total_time=60`` (extra
``fuzz``); any argument of libFuzzer works. The corpus directory holds seed records (copy it
first if you do not want new inputs added to the repository). The first byte picks the entity;
the second byte picks a hostile rewrite (none; every date moved to a calendar edge such as
``9999-12-31`` or ``0001-01-01``; hostile keys added to every object: NIK-shaped, multi-line,
ANSI-escaped, 10,000 characters long, a lone surrogate); the rest is read as JSON when it
parses, else as a string. Every entity must then structure or raise ``InvalidRecord``; every
text of the error must encode as UTF-8, and its default outputs must not show the planted NIK.
A crash is written where ``-artifact_prefix`` says and becomes a named case in
``tests/test_hostile.py``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import atheris

with atheris.instrument_imports():
    import atensi
    import atensi.boundary
    import atensi.boundary._fast
    import atensi.boundary._plan
    import atensi.model
    import atensi.nik
    import atensi.regions
    from atensi.model import Assessment, Case, Person, Portfolio, ServiceDelivery, UnitRegistry

ENTITIES = (Person, Assessment, Case, ServiceDelivery, UnitRegistry, Portfolio)
NIK = "3171014103900009"
EDGE_DATES = ("9999-12-31", "0001-01-01", "9999-07-01", "1799-12-31", "2200-01-01", "2199-12-31")
HOSTILE_KEYS = (NIK, "a\n[forged] line", "\x1b[2J\x1b[31m", "k" * 10_000, "\ud800", "\u202e")


def _rewrite(value: Any, how: int, depth: int = 0) -> Any:
    """``value`` with its dates moved to calendar edges (how 1) or hostile keys added (how 2)."""
    if depth > 50:
        return value
    if isinstance(value, dict):
        out = {k: _rewrite(v, how, depth + 1) for k, v in value.items()}
        if how == 2:
            out.update({key: index for index, key in enumerate(HOSTILE_KEYS)})
        return out
    if isinstance(value, list):
        return [_rewrite(v, how, depth + 1) for v in value]
    if how == 1 and isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return EDGE_DATES[len(value.encode()) % len(EDGE_DATES) if value[:4].isdigit() else 0]
    return value


def test_one_input(data: bytes) -> None:
    """Feed one input to every entity."""
    which = data[0] % len(ENTITIES) if data else 0
    how = data[1] % 3 if len(data) > 1 else 0
    text = data[2:].decode("utf-8", errors="replace")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = text
    value = _rewrite(value, how)
    try:
        atensi.structure(value, ENTITIES[which])
    except atensi.InvalidRecord as err:
        json.dumps(err.to_json(include_input=True, include_personal=True)).encode("utf-8")
        for shown in (str(err), repr(err), json.dumps(err.to_json(), ensure_ascii=False)):
            shown.encode("utf-8")
            if NIK in shown:
                raise AssertionError("a NIK-shaped key leaked into an error") from None


def main() -> None:
    """Start the fuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
