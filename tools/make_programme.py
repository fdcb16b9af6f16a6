"""Write the example programme for ``atensi report``: 800 synthetic cases over 2021-2025.

Usage: ``python tools/make_programme.py``. A seeded generator (the same seed writes the same
files on every machine), not atensi's Hypothesis strategies: the report's pictures need a
programme that looks like one (clusters in plausible shares, units serving their working areas,
aid through both channels, outcomes and follow-ups recorded for most cases, some data missing
on purpose), where the strategies aim at edge cases. Every record goes through
``atensi.structure`` before it is written. All people are invented: no NIKs (a registry id or
"no NIK" with a reason), made-up names.

Writes:
* ``examples/programme.jsonl``: one case per line, then one portfolio of staff and
  partnerships (with aid through LKS) for the input measures;
* ``examples/targets.jsonl``: PM targets per year and cluster (:class:`atensi.model.PmTarget`).
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import random
from typing import Any

from atensi import structure
from atensi.model import Case, PmTarget, Portfolio
from atensi.regions import children

ROOT = pathlib.Path(__file__).resolve().parents[1] / "examples"
SEED = 14
CASES = 800
FIRST, LAST = dt.date(2021, 1, 1), dt.date(2025, 10, 31)

#: Units of the example registry and the provinces they serve (examples/registry.json).
UNITS = {
    "HANDAYANI": ("31", "32", "36"),
    "MULYA-JAYA": ("31", "36"),
    "KARTINI": ("33",),
    "SOEHARSO": ("33", "62"),
    "TODDOPULI": ("73", "71", "74"),
    "PANGURANGI": ("73",),
    "BUDI-LUHUR": ("63", "62"),
}
#: Target groups by cluster, with the share of cases (roughly the 2023 shares reported by
#: tribunnews-2023-12-22-atensi).
GROUPS = (
    (0.24, ("anak_jalanan", "anak_terlantar", "anak_yatim_piatu", "anak_berhadapan_hukum")),
    (0.26, ("penyandang_disabilitas",)),
    (0.22, ("lanjut_usia_terlantar", "lanjut_usia_tunggal")),
    (0.10, ("gelandangan", "pengemis", "pemulung", "korban_perdagangan_orang")),
    (0.07, ("korban_penyalahgunaan_narkotika", "penyalah_guna_narkotika")),
    (0.11, ("korban_bencana_alam", "korban_bencana_sosial")),
)
AGES = {"anak": (6, 16), "lanjut_usia": (61, 85)}
COMPONENTS = (
    "dukungan_pemenuhan_kebutuhan_hidup_layak",
    "perawatan_sosial_pengasuhan_anak",
    "dukungan_keluarga",
    "terapi",
    "pelatihan_vokasional_kewirausahaan",
    "bantuan_asistensi_sosial",
    "dukungan_aksesibilitas",
)


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange(max(1, (last - first).days + 1)))


def _maybe(rng: random.Random, share: float, value: Any) -> Any:
    return value if rng.random() < share else None


def _compact(record: Any) -> Any:
    """Drop empty values: the boundary fills the defaults back in."""
    if isinstance(record, dict):
        return {k: _compact(v) for k, v in record.items() if v not in (None, [], {})}
    if isinstance(record, list):
        return [_compact(v) for v in record]
    if isinstance(record, dt.date):
        return record.isoformat()
    return record


class Programme:
    """The generator's state: regencies per province and the people served so far."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.regencies = {
            p: [r.code for r in children(p) if r.current]
            for p in {p for ps in UNITS.values() for p in ps}
        }
        self.people: list[tuple[dict[str, Any], str]] = []
        self.districts: dict[str, list[str]] = {}

    def district(self, regency: str, number: int) -> str:
        """A current district (kecamatan) of ``regency``, or the regency when it lists none."""
        if regency not in self.districts:
            self.districts[regency] = [r.code for r in children(regency) if r.current]
        found = self.districts[regency]
        return found[number % len(found)] if found else regency

    def group(self) -> str:
        """The target group of a new case, by the shares of GROUPS."""
        roll, total = self.rng.random(), 0.0
        for share, groups in GROUPS:
            total += share
            if roll < total:
                return self.rng.choice(groups)
        return GROUPS[-1][1][0]

    def person(self, group: str, unit: str, on: dt.date) -> dict[str, Any]:
        """A person of ``group`` living where ``unit`` serves (now and then one served before)."""
        rng = self.rng
        if self.people and rng.random() < 0.08:  # served again, in another case
            person, kept = rng.choice(self.people)
            if kept == group:
                return person
        cluster = "anak" if group.startswith("anak") else group.split("_")[0]
        low, high = AGES.get("lanjut_usia" if group.startswith("lanjut") else cluster, (19, 55))
        age = rng.randint(low, high)
        born = dt.date(on.year - age - 1, rng.randint(1, 12), rng.randint(1, 28))
        province = rng.choice(UNITS[unit])
        regency = rng.choice(self.regencies[province])
        number = len(self.people)
        person = {
            "kind": "person",
            "id": f"P-{number:05d}",
            "nik": {"reason": "belum_terdaftar"},
            "registry_id": _maybe(rng, 0.6, f"DTKS-{number:07d}"),
            "name": f"Penerima {number}",
            "sex": rng.choice(("laki_laki", "perempuan")),
            "birth_date": {"value": born},
            # A district of the regency, chosen without a draw so that the rest of the
            # programme stays as it was; some domiciles are missing.
            "domicile": _maybe(rng, 0.93, self.district(regency, number)),
            "conditions": [{"group": group}],
        }
        self.people.append((person, group))
        return person

    def subject(self, group: str, unit: str, on: dt.date, number: int) -> dict[str, Any]:
        """A person, family, group or community of ``group``."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.76 or group in ("penyandang_disabilitas",):
            return self.person(group, unit, on)
        members = [
            {k: v for k, v in self.person(group, unit, on).items() if k not in ("kind",)}
            for _ in range(rng.randint(2, 4))
        ]
        if roll < 0.9:
            return {
                "kind": "family",
                "id": f"F-{number:05d}",
                "members": members,
                "conditions": [{"group": group}],
            }
        if roll < 0.96:
            return {
                "kind": "group",
                "id": f"G-{number:05d}",
                "name": f"Kelompok {number}",
                "members": members,
                "conditions": [{"group": group}],
            }
        province = rng.choice(UNITS[unit])
        return {
            "kind": "community",
            "id": f"K-{number:05d}",
            "name": f"Kampung {number}",
            "region": rng.choice(self.regencies[province]),
            "conditions": [{"group": group}],
        }

    def funding(self, subject: dict[str, Any], on: dt.date, component: str) -> Any:
        """The funding, cash amount and items of a delivery on ``on``."""
        rng = self.rng
        if rng.random() < 0.15:
            return None, None, []
        community = subject["kind"] in ("community", "group")
        if community and rng.random() < 0.7:
            funding = {
                "channel": "bantuan_pemerintah",
                "budget_year": on.year,
                "recipient_kind": "lks",
                "recipient": "LKS-07",
                "agreement": _maybe(rng, 0.8, f"PKS-{rng.randint(1, 99)}/{on.year}"),
            }
            return funding, rng.randrange(5, 40) * 1_000_000, []
        funding = {
            "channel": "bansos",
            "budget_year": on.year if rng.random() < 0.97 else None,
            "recipient_kind": {"person": "perseorangan", "family": "keluarga"}.get(
                subject["kind"], "kelompok"
            ),
        }
        conditions = subject.get("conditions", [{}])
        if conditions[0].get("group") == "anak_yatim_piatu" and on >= dt.date(2022, 12, 1):
            months = rng.choice((1, 3, 3, 6))
            return {**funding, "programme": "yapi", "months": months}, 200_000 * months, []
        if component in ("dukungan_aksesibilitas", "pelatihan_vokasional_kewirausahaan"):
            item = {
                "name": rng.choice(("kursi roda", "alat bantu dengar", "gerobak usaha")),
                "value_idr": _maybe(rng, 0.8, rng.randrange(10, 60) * 100_000),
            }
            return funding, None, [item]
        return funding, rng.randrange(5, 50) * 100_000, []

    def case(self, number: int) -> dict[str, Any]:
        """One case: stages, assessment, plan, deliveries, closing and follow-ups."""
        rng = self.rng
        unit = rng.choice(tuple(UNITS))
        opened = _day(rng, FIRST, LAST)
        group = self.group()
        subject = self.subject(group, unit, opened, number)
        assessed = opened + dt.timedelta(days=rng.choice((2, 5, 7, 10, 14, 21, 30)))
        planned = assessed + dt.timedelta(days=rng.randint(1, 20))
        started = planned + dt.timedelta(days=rng.randint(1, 14))
        residential = rng.random() < 0.2
        approaches = (
            ["residensial"] if residential else [rng.choice(("keluarga", "keluarga", "komunitas"))]
        )
        stages = [
            {"stage": "pendekatan_awal", "on": opened},
            {"stage": "asesmen", "on": assessed},
            {"stage": "rencana_intervensi", "on": planned},
            {"stage": "intervensi", "on": started},
        ]
        if rng.random() < 0.04:  # a history with a gap, as registries hold some
            del stages[2]
        deliveries = []
        day = started
        for index in range(rng.randint(1, 3)):
            component = rng.choice(COMPONENTS)
            funding, amount, items = self.funding(subject, day, component)
            span = rng.randint(30, 150) if residential else 0
            deliveries.append(
                {
                    "id": f"D-{number:05d}-{index}",
                    "component": component,
                    "approach": approaches[0],
                    "provider": unit,
                    "start": day,
                    "end": day + dt.timedelta(days=span) if span else None,
                    "amount_idr": amount,
                    "in_kind": items,
                    "funding": funding,
                    "practice": _maybe(
                        rng,
                        0.4,
                        rng.choice(("kunjungan_rumah", "dukungan_keluarga", "mediasi_keluarga")),
                    ),
                }
            )
            day += dt.timedelta(days=span + rng.randint(10, 90))
        record: dict[str, Any] = {
            "id": f"C-{number:05d}",
            "unit": unit,
            "opened_on": opened,
            "subject": subject,
            "approaches": approaches,
            "assessments": [{"id": f"A-{number:05d}", "assessed_on": assessed}],
            "plan": {"drawn_up_on": planned, "approaches": approaches},
            "deliveries": deliveries,
            "events": [
                {
                    "id": f"E-{number:05d}",
                    "practice": "temu_bahas_kasus",
                    "on": started + dt.timedelta(days=rng.randint(0, 30)),
                }
            ]
            if rng.random() < 0.35
            else [],
        }
        closed = day + dt.timedelta(days=rng.randint(5, 60))
        if closed <= dt.date(2025, 11, 30) and rng.random() < 0.75:
            if residential:
                stages.append({"stage": "resosialisasi", "on": closed - dt.timedelta(days=3)})
            stages.append({"stage": "terminasi", "on": closed})
            reason = rng.choices(
                ("tujuan_tercapai", "mengundurkan_diri", "meninggal_dunia"), (0.85, 0.1, 0.05)
            )[0]
            outcome = None
            if reason != "meninggal_dunia" and rng.random() < 0.8:
                improved = rng.random() < 0.72
                outcome = {
                    "recorded_on": closed,
                    "functioning_improved": improved,
                    "reintegrated_with_family": _maybe(rng, 0.8, rng.random() < 0.8),
                    "independent_income": _maybe(rng, 0.6, improved and rng.random() < 0.45),
                }
            record["termination"] = {"on": closed, "reason": reason, "outcome": outcome}
            followups = []
            for months, share in ((6, 0.65), (12, 0.45)):
                due = closed + dt.timedelta(days=round(months * 30.44))
                if (
                    reason != "meninggal_dunia"
                    and due <= dt.date(2025, 12, 31)
                    and (rng.random() < share)
                ):
                    followups.append(
                        {
                            "on": due + dt.timedelta(days=rng.randint(0, 20)),
                            "months_after": months,
                            "functioning_maintained": rng.random() < 0.8,
                            "living_with_family": _maybe(rng, 0.7, rng.random() < 0.85),
                        }
                    )
            record["followups"] = followups
        record["stages"] = stages
        return record

    def portfolio(self) -> dict[str, Any]:
        """The staff and the partnership (with aid through an LKS) of the programme."""
        rng = self.rng
        staff = [
            {
                "id": f"S-{n:03d}",
                "role": "pekerja sosial" if n % 3 else "pendamping",
                "certified_social_worker": n % 3 != 0,
            }
            for n in range(48)
        ]
        aid = [
            {
                "on": dt.date(year, rng.randint(3, 11), 15),
                "recipient_kind": "masyarakat",
                "recipient": f"Kampung {year}",
                "via_lks": "LKS-07",
                "amount_idr": rng.randrange(20, 80) * 1_000_000,
                "funding": {
                    "channel": "bantuan_pemerintah",
                    "budget_year": year,
                    "recipient_kind": "masyarakat",
                },
            }
            for year in range(2021, 2026)
        ]
        partnership = {
            "id": "M-LKS-07",
            "partner_kind": "lks",
            "partner": "LKS-07",
            "start": FIRST,
            "agreement": "perjanjian_kerja_sama",
            "unit": "PANGURANGI",
            "target_groups": ["pemulung"],
            "aid": aid,
        }
        return {
            "id": "PF-PROGRAMME",
            "owner": "DITJEN-REHSOS",
            "start": FIRST,
            "end": dt.date(2025, 12, 31),
            "staff": staff,
            "partnerships": [partnership],
        }


#: PM targets per cluster and year (a fraction of the 2023 national targets,
#: tribunnews-2023-12-22-atensi).
TARGETS = {
    "anak": 45,
    "penyandang_disabilitas": 50,
    "lanjut_usia": 38,
    "tuna_sosial_kpo": 18,
    "korban_napza": 13,
    "korban_bencana": 16,
}


def main() -> None:
    """Write the files."""
    programme = Programme(SEED)
    lines = []
    for number in range(CASES):
        record = _compact(programme.case(number))
        structure(record, Case)  # every record is valid
        lines.append(json.dumps(record, ensure_ascii=False))
    portfolio = _compact(programme.portfolio())
    structure(portfolio, Portfolio)
    lines.append(json.dumps(portfolio, ensure_ascii=False))
    (ROOT / "programme.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    targets = []
    for year in range(2021, 2026):
        for target, pm in TARGETS.items():
            goal = {"period": str(year), "target": target, "pm": pm}
            structure(goal, PmTarget)
            targets.append(json.dumps(goal))
    (ROOT / "targets.jsonl").write_text("\n".join(targets) + "\n", encoding="utf-8")
    print(f"wrote {CASES} cases and a portfolio, {len(targets)} targets to {ROOT}")


if __name__ == "__main__":
    main()
