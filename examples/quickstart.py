"""Print which ATENSI edition applied on a few dates, and what each target covers.

Run from a checkout: ``.venv/bin/python examples/quickstart.py``.
"""

from __future__ import annotations

import datetime as dt

from atensi import Target, instrument_in_force
from atensi.vocab import groups_of


def main() -> None:
    """Print the editions in force on sample dates and the target groups per target."""
    for on in (
        dt.date(2021, 1, 15),
        dt.date(2022, 1, 15),
        dt.date(2023, 1, 15),
        dt.date(2026, 1, 1),
    ):
        edition = instrument_in_force(on)
        flag = "" if edition.dates_verified else "  (in-force dates not verified)"
        print(f"{on}: {edition.name} [{edition.id}]{flag}")
        for target in sorted(edition.targets, key=lambda t: list(Target).index(t)):
            print(f"    - {target.label.en}: {len(groups_of(target))} target groups")
    print()
    print("Target groups of the children's cluster:")
    for group in groups_of(Target.CHILDREN):
        print(f"    {group.value:<42} {group.citation}")


if __name__ == "__main__":
    main()
