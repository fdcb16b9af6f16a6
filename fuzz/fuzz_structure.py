"""Coverage-guided fuzzing of ``atensi.structure`` for the main entities (atheris).

Run: ``python fuzz/fuzz_structure.py fuzz/corpus/structure -max_total_time=60`` (extra
``fuzz``); any argument of libFuzzer works. The corpus directory holds seed records (copy it
first if you do not want new inputs added to the repository). The first byte picks the entity;
the rest is read as JSON when it parses, else as a string. Every entity must then structure or
raise ``InvalidRecord``, and the error's JSON must serialise. A crash is written where
``-artifact_prefix`` says and becomes a named case in ``tests/test_hostile.py``.
"""

from __future__ import annotations

import json
import sys

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


def test_one_input(data: bytes) -> None:
    """Feed one input to every entity."""
    which = data[0] % len(ENTITIES) if data else 0
    text = data[1:].decode("utf-8", errors="replace")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = text
    try:
        atensi.structure(value, ENTITIES[which])
    except atensi.InvalidRecord as err:
        json.dumps(err.to_json(include_input=True, include_personal=True))


def main() -> None:
    """Start the fuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
