"""The records the benchmarks share: a family case (~1.2 kB), and person + assessment items."""

from __future__ import annotations

import json
import pathlib
from typing import Any


def case_record(index: int = 0) -> dict[str, Any]:
    """Return one case record (~1 kB of JSON) with a distinct id."""
    return {
        "id": f"C-{index:07d}",
        "unit": "SENTRA-HANDAYANI",
        "opened_on": "2023-01-02",
        "subject": {
            "kind": "family",
            "id": f"F-{index:07d}",
            "family_card_number": "3171010101200001",
            "welfare_decile": 2,
            "members": [
                {
                    "id": f"P-{index:07d}",
                    "nik": "3171014103900001",
                    "name": "Siti Aminah",
                    "sex": "perempuan",
                    "birth_date": {"value": "1990-03-01", "precision": "hari"},
                    "domicile": "317101",
                    "disabilities": [
                        {
                            "type": "fisik",
                            "since": "2015-06-01",
                            "permanent": True,
                            "determined_by_medical_personnel": True,
                        },
                        {"type": "sensorik_rungu"},
                    ],
                    "conditions": [{"group": "perempuan_rawan_sosial_ekonomi"}],
                }
            ],
        },
        "approaches": ["keluarga"],
        "deliveries": [
            {
                "id": "D-1",
                "component": "dukungan_aksesibilitas",
                "approach": "keluarga",
                "provider": "SENTRA-HANDAYANI",
                "start": "2023-02-01",
                "amount_idr": 500000,
            },
            {
                "id": "D-2",
                "component": "terapi",
                "activity": "terapi_fisik",
                "therapy": "fisik",
                "approach": "keluarga",
                "provider": "SENTRA-HANDAYANI",
                "start": "2023-02-03",
                "end": "2023-03-03",
            },
            {
                "id": "D-3",
                "component": "bantuan_asistensi_sosial",
                "approach": "keluarga",
                "provider": "SENTRA-HANDAYANI",
                "start": "2023-02-10",
                "in_kind": [{"name": "kursi roda", "quantity": 1, "value_idr": 2500000}],
            },
        ],
    }


def json_lines(count: int) -> list[bytes]:
    """Return ``count`` encoded records, one JSON document each."""
    return [json.dumps(case_record(i)).encode() for i in range(count)]


EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples" / "assessments.jsonl"


def item_lines(count: int) -> list[bytes]:
    """``count`` valid person + assessment items (~800 bytes of JSON each), fresh ids.

    The example items repeated, each with its own subject id, as a registry's export would be.
    """
    items = [json.loads(line) for line in EXAMPLES.read_bytes().splitlines()]
    out = []
    for n in range(count):
        item = items[n % len(items)]
        out.append(
            json.dumps({**item, "subject": {**item["subject"], "id": f"P-{n:08d}"}}).encode()
        )
    return out
