"""Structure example records and decide eligibility, printing each decision or every error.

Run from a checkout: ``.venv/bin/python examples/quickstart.py [examples/cases.json]``. Each
item of the file holds a date (``on``), a subject record (tagged with ``kind``) and an
assessment record (or ``null``). The last item is deliberately broken.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import sys

import atensi
from atensi.model import SUBJECT_KINDS, Assessment
from atensi.rules import assess_eligibility


def main(path: pathlib.Path) -> int:
    """Assess every item of ``path`` and print a summary."""
    items = json.loads(path.read_text(encoding="utf-8"))
    invalid = 0
    for index, item in enumerate(items):
        print(f"--- item {index}")
        try:
            record = dict(item["subject"])
            subject = atensi.structure(record, SUBJECT_KINDS[record.pop("kind")])
            assessment = (
                None
                if item["assessment"] is None
                else atensi.structure(item["assessment"], Assessment)
            )
        except atensi.InvalidRecord as err:
            print(err)  # paths, codes and messages; never the personal data itself
            invalid += 1
            continue
        decision = assess_eligibility(subject, assessment, on=dt.date.fromisoformat(item["on"]))
        print(decision.explain("en"))
    decided = len(items) - invalid
    print(f"--- {decided} decided, {invalid} invalid (the last item is broken on purpose)")
    return 0


if __name__ == "__main__":
    default = pathlib.Path(__file__).with_name("cases.json")
    raise SystemExit(main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default))
