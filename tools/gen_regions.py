"""Regenerate ``src/atensi/regions/_table.py`` from the normalised Kemendagri extract.

Usage: ``python tools/gen_regions.py [PATH_TO/kepmendagri_regions_l1-3.csv]`` (default: the
extract vendored in ``data/regions/``, with its provenance and licence). The table is
written as one compact text constant, parsed lazily on first look-up, so that importing
``atensi.regions`` costs almost nothing and reads no file.
"""

from __future__ import annotations

import csv
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "data" / "regions" / "kepmendagri_regions_l1-3.csv"
TARGET = ROOT / "src" / "atensi" / "regions" / "_table.py"
KNOWN_KEYS = ("2016", "2018", "2020", "2022", "2023", "2025")

HEADER = '''"""Kemendagri region codes (province, regency/city, district). GENERATED: do not edit.

Regenerate with ``python tools/gen_regions.py``. Source: the normalised extract in
``data/regions/kepmendagri_regions_l1-3.csv`` (sha256 {digest}), compiled from
github.com/cahyadsn/wilayah, snapshot b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7 (2026-08-08).

The compiler's licence applies to this data:

    MIT License. Copyright (c) 2017-2025 Cahya DSN.

    Permission is hereby granted, free of charge, to any person obtaining a copy of this
    software and associated documentation files (the "Software"), to deal in the Software
    without restriction, including without limitation the rights to use, copy, modify, merge,
    publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
    to whom the Software is furnished to do so, subject to the following conditions: The above
    copyright notice and this permission notice shall be included in all copies or substantial
    portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.

Format of ``ROWS``: one line per code, ``code|level|decree keys|name``.
"""

'''


def main(argv: list[str]) -> int:
    """Read the CSV and write the generated module."""
    source = pathlib.Path(argv[1]) if len(argv) > 1 else DEFAULT
    raw = source.read_bytes()
    rows = []
    with source.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            keys = record["decrees"].split()
            unknown = set(keys) - set(KNOWN_KEYS)
            if unknown:
                raise SystemExit(f"unknown decree keys {unknown} for {record['code']}")
            name = record["name"].replace("|", "/").replace("\n", " ").strip()
            rows.append(f"{record['code']}|{record['level']}|{' '.join(keys)}|{name}")
    text = "\n".join(rows)
    body = HEADER.format(digest=hashlib.sha256(raw).hexdigest())
    body += f"COUNT = {len(rows)}\n\nROWS = {text!r}\n"
    TARGET.write_text(body, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} codes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
