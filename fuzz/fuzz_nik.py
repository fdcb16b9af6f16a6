"""Coverage-guided fuzzing of ``atensi.nik`` and ``atensi.regions`` (atheris).

Run: ``python fuzz/fuzz_nik.py fuzz/corpus/nik -max_total_time=60``. Every string must
validate or raise ``InvalidNik``; a valid NIK must parse and round-trip through ``format``;
region look-ups must answer or raise ``InvalidRegionCode``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys

import atheris

with atheris.instrument_imports():
    from atensi import nik, regions

ON = dt.date(2026, 11, 22)


def test_one_input(data: bytes) -> None:
    """Check one string."""
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicode(40)
    try:
        value = nik.validate(text)
    except nik.InvalidNik:
        pass
    else:
        parsed = nik.parse(nik.format(value), on=ON)
        if parsed.value != value:
            raise AssertionError("format/parse did not round-trip")
    with contextlib.suppress(regions.InvalidRegionCode):
        regions.lookup(text)


def main() -> None:
    """Start the fuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
