"""A partial, secondary example registry of Ministry units: for trying coverage, not for use.

**This is not the official list of units and does not pretend to be.** No official list of
the balai/loka of 2018-2022 or of the 31 Sentra with their working areas was found (REFERENCE
§6.4, VERIFICATION §3). The entries below are compiled from news releases and regional pages;
working areas hold only the regions a source *saw* a unit serve, so most are incomplete, and
some units have none recorded. Each entry names its source. Integrators pass their own registry
to :func:`atensi.units_serving` and :func:`atensi.coverage`.

>>> registry = example_registry()
>>> registry.complete, registry.evidence.value
(False, 'secondary')
>>> import datetime as dt
>>> from atensi.rules import units_serving
>>> from atensi.vocab import Target
>>> [u.name for u in units_serving("7305", Target.ELDERLY, on=dt.date(2023, 6, 1),
...                                registry=registry)]
['Sentra Pangurangi', 'BRSAMPK Toddopuli']
"""

from __future__ import annotations

from typing import Any

from atensi.boundary import structure
from atensi.model import UnitRegistry

__all__ = ["EXAMPLE_UNITS", "example_registry"]

EXAMPLE_UNITS: tuple[dict[str, Any], ...] = (
    {
        "code": "PANGURANGI",
        "name": "Loka Rehabilitasi Sosial Korban NAPZA Pangurangi",
        "kind": "loka",
        "location": "7305",
        "home_clusters": ["korban_napza"],
        "working_area": ["7308", "7312", "7305", "7304", "7303", "7301", "7302", "7307", "91"],
        "history": [
            {
                "on": "2022-10-01",
                "kind": "ganti_bentuk",
                "unit_kind": "sentra",
                "source": "antaranews Makassar (R38); month only",
            },
            {"on": "2022-10-01", "kind": "ganti_nama", "name": "Sentra Pangurangi"},
        ],
        "evidence": "secondary",
        "source": "REFERENCE §6.4 (R38): working area as of the Sentra era",
    },
    {
        "code": "MULYA-JAYA",
        "name": "Balai Rehabilitasi Sosial Mulya Jaya",
        "kind": "balai",
        "location": "3175",
        "home_clusters": ["tuna_sosial_kpo"],
        "working_area": ["3671", "1303"],
        "history": [
            {"on": "2022-06-16", "kind": "ganti_bentuk", "unit_kind": "sentra"},
            {"on": "2022-06-16", "kind": "ganti_nama", "name": "Sentra Mulya Jaya"},
        ],
        "evidence": "secondary",
        "source": "REFERENCE §6.4, VERIFICATION §3.2 (R43, R56)",
    },
    {
        "code": "SOEHARSO",
        "name": "BBRSPDF Prof. Dr. Soeharso",
        "kind": "balai_besar",
        "location": "3372",
        "home_clusters": ["penyandang_disabilitas"],
        "working_area": ["6202"],
        "history": [
            {"on": "2022-07-01", "kind": "ganti_bentuk", "unit_kind": "sentra_terpadu"},
            {"on": "2022-07-01", "kind": "ganti_nama", "name": "Sentra Terpadu Prof. Dr. Soeharso"},
        ],
        "evidence": "secondary",
        "source": "REFERENCE §6.4 (R41); renamed by July 2022",
    },
    {
        "code": "KARTINI",
        "name": "BBRSPDI Kartini",
        "kind": "balai_besar",
        "location": "3323",
        "home_clusters": ["penyandang_disabilitas"],
        "working_area": ["3328"],
        "history": [
            {"on": "2022-07-01", "kind": "ganti_bentuk", "unit_kind": "sentra_terpadu"},
            {"on": "2022-07-01", "kind": "ganti_nama", "name": "Sentra Terpadu Kartini"},
        ],
        "evidence": "secondary",
        "source": "REFERENCE §6.4 (R40); date of the change not found",
    },
    {
        "code": "BUDI-LUHUR",
        "name": "Balai Budi Luhur",
        "kind": "balai",
        "location": "6372",
        "home_clusters": ["penyandang_disabilitas"],
        "working_area": ["6203"],
        "history": [
            {"on": "2022-03-14", "kind": "ganti_bentuk", "unit_kind": "sentra"},
            {"on": "2022-03-14", "kind": "ganti_nama", "name": "Sentra Budi Luhur"},
        ],
        "evidence": "secondary",
        "source": "VERIFICATION §3.2-3.3 (R42): mental disability, not elderly",
    },
    {
        "code": "PANASEA",
        "name": "Balai Residen Panasea",
        "kind": "balai",
        "home_clusters": ["korban_napza"],
        "working_area": ["31", "18", "16", "15", "17", "19"],
        "evidence": "secondary",
        "source": "REFERENCE §6.4 (R13): working area in 2021",
    },
    {
        "code": "TODDOPULI",
        "name": "BRSAMPK Toddopuli",
        "kind": "balai",
        "location": "7371",
        "home_clusters": ["anak"],
        "working_area": ["73", "71", "72", "74", "75", "91", "92"],
        "evidence": "secondary",
        "source": "VERIFICATION §3.2: working area in 2020",
    },
    {
        "code": "HANDAYANI",
        "name": "BRSAMPK Handayani",
        "kind": "balai",
        "location": "3175",
        "home_clusters": ["anak"],
        "working_area": ["36", "31", "32", "63", "64", "65", "62"],
        "history": [
            {"on": "2022-07-01", "kind": "ganti_bentuk", "unit_kind": "sentra"},
            {"on": "2022-07-01", "kind": "ganti_nama", "name": "Sentra Handayani"},
        ],
        "evidence": "secondary",
        "source": "VERIFICATION §3.2 (handayani.kemsos.go.id FAQ); Sentra date not found",
    },
    {
        "code": "TUMOU-TOU",
        "name": "BRSPDSN Tumou Tou",
        "kind": "balai",
        "location": "7171",
        "home_clusters": ["penyandang_disabilitas"],
        "working_area": ["71", "75"],
        "evidence": "secondary",
        "source": "VERIFICATION §1 (kabarpost, 4 Oct 2021)",
    },
    {
        "code": "BUDHI-DHARMA",
        "name": "Balai Budhi Dharma",
        "kind": "balai",
        "location": "3275",
        "home_clusters": ["lanjut_usia"],
        "history": [{"on": "2022-03-03", "kind": "bergabung", "merged_into": "STPL"}],
        "evidence": "secondary",
        "source": "VERIFICATION §3.2: 16 provinces in 2020 (which ones not found)",
    },
    {
        "code": "PANGUDI-LUHUR",
        "name": "Balai Pangudi Luhur",
        "kind": "balai",
        "location": "3275",
        "home_clusters": ["tuna_sosial_kpo"],
        "history": [{"on": "2022-03-03", "kind": "bergabung", "merged_into": "STPL"}],
        "evidence": "secondary",
        "source": "REFERENCE §6.4 (R37)",
    },
    {
        "code": "TAN-MIYAT",
        "name": "BRSPDSN Tan Miyat",
        "kind": "balai",
        "location": "3275",
        "home_clusters": ["penyandang_disabilitas"],
        "history": [{"on": "2022-03-03", "kind": "bergabung", "merged_into": "STPL"}],
        "evidence": "secondary",
        "source": "REFERENCE §6.4 (R37)",
    },
    {
        "code": "STPL",
        "name": "Sentra Terpadu Pangudi Luhur",
        "kind": "sentra_terpadu",
        "location": "3275",
        "established_on": "2022-03-03",
        "evidence": "secondary",
        "source": "REFERENCE §6.4 (R37): merger of Pangudi Luhur, Tan Miyat, Budhi Dharma",
    },
)


def example_registry() -> UnitRegistry:
    """Return the example registry, structured and validated like any outside data."""
    return structure(
        {
            "units": list(EXAMPLE_UNITS),
            "source": "atensi example compiled from REFERENCE §6.4 and VERIFICATION §3 (news)",
            "evidence": "secondary",
            "complete": False,
        },
        UnitRegistry,
    )
