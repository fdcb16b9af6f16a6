"""The scenario catalogue: named eligibility cases with their expected outcomes, as data.

Each scenario is a JSON-ready mapping: ``name``, ``on`` (ISO date), ``subject`` (a record for
:func:`atensi.structure`, tagged with ``kind``), ``assessment`` (a record or ``null``),
``expected`` (target code → outcome; targets not listed are expected ``not_eligible``),
``overall`` and ``rule_ids`` (rule ids that must appear among the findings). The test suite runs
them all; integrators can run them against their own systems (``run_scenario``).

The dates on which editions change are atensi's unverified estimates; the scenarios that sit on
an edition boundary name it (``edition``) so they keep their meaning if the estimates move.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from atensi.boundary import structure
from atensi.model import SUBJECT_KINDS, Assessment
from atensi.rules.eligibility import assess_eligibility

__all__ = ["SCENARIOS", "Scenario", "run_scenario"]

Scenario = dict[str, Any]

ANAK, DIS, TS, NAPZA, LANSIA, BENCANA, LAIN = (
    "anak",
    "penyandang_disabilitas",
    "tuna_sosial_kpo",
    "korban_napza",
    "lanjut_usia",
    "korban_bencana",
    "ppks_lainnya",
)
E, N, R, U = "eligible", "not_eligible", "needs_review", "undetermined"


def _person(
    birth: str | None = "1990-06-15",
    *,
    precision: str = "hari",
    estimated: bool = False,
    sex: str = "perempuan",
    **extra: Any,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": "person",
        "id": "P-1",
        "nik": {"reason": "belum_terdaftar"},
        "name": "Penerima Manfaat",
        "sex": sex,
    }
    if birth is not None:
        record["birth_date"] = {"value": birth, "precision": precision, "estimated": estimated}
    record.update(extra)
    return record


def _assessment(*groups: str, on: str = "2024-01-10", **extra: Any) -> dict[str, Any]:
    conditions = [
        {
            "group": g,
            **(
                {"justification": "keluarga tanpa penghasilan setelah PHK"}
                if g == "ppks_lainnya"
                else {}
            ),
        }
        for g in groups
    ]
    return {
        "id": "A-1",
        "assessed_on": on,
        "conditions": conditions,
        "consent_recorded": True,
        **extra,
    }


def _dis(kind: str = "fisik", **extra: Any) -> dict[str, Any]:
    return {"type": kind, "permanent": True, "determined_by_medical_personnel": True, **extra}


def _s(
    name: str,
    on: str,
    subject: dict[str, Any],
    assessment: dict[str, Any] | None,
    expected: dict[str, str | None],
    overall: str,
    rule_ids: list[str],
    edition: str | None = None,
) -> Scenario:
    return {
        "name": name,
        "on": on,
        "edition": edition,
        "subject": subject,
        "assessment": assessment,
        "expected": expected,
        "overall": overall,
        "rule_ids": rule_ids,
    }


SCENARIOS: tuple[Scenario, ...] = (
    # --- Children: the 18th birthday, exact and estimated dates.
    _s(
        "child street 17 the day before 18th birthday",
        "2026-05-09",
        _person("2008-05-10"),
        _assessment("anak_jalanan"),
        {ANAK: E},
        E,
        ["elig.anak.age", "elig.anak.condition"],
    ),
    _s(
        "child street on 18th birthday is no longer a child",
        "2026-05-10",
        _person("2008-05-10"),
        _assessment("anak_jalanan"),
        {},
        N,
        ["elig.anak.age"],
    ),
    _s(
        "child born 29 Feb, 28 Feb of common year, still 17",
        "2026-02-28",
        _person("2008-02-29"),
        _assessment("anak_terlantar"),
        {ANAK: E},
        E,
        ["elig.anak.age"],
    ),
    _s(
        "child born 29 Feb turns 18 on 1 March in common year",
        "2026-03-01",
        _person("2008-02-29"),
        _assessment("anak_terlantar"),
        {},
        N,
        ["elig.anak.age"],
    ),
    _s(
        "child born 29 Feb 2012 is still 17 on 28 Feb 2030",
        "2030-02-28",
        _person("2012-02-29"),
        _assessment("anak_terlantar"),
        {ANAK: E},
        E,
        ["elig.anak.age"],
    ),
    _s(
        "neglected toddler",
        "2024-03-01",
        _person("2021-07-01"),
        _assessment("anak_balita_terlantar", on="2024-02-20"),
        {ANAK: E},
        E,
        ["elig.anak.condition"],
    ),
    _s(
        "child without a child condition",
        "2024-03-01",
        _person("2015-07-01"),
        _assessment(on="2024-02-20"),
        {},
        N,
        ["elig.anak.condition"],
    ),
    _s(
        "adult with a child condition is not a child",
        "2024-03-01",
        _person("1990-07-01"),
        _assessment("anak_jalanan", on="2024-02-20"),
        {},
        N,
        ["elig.anak.age"],
    ),
    _s(
        "child birth year only, far from 18",
        "2024-03-01",
        _person("2012-01-01", precision="tahun"),
        _assessment("anak_jalanan", on="2024-02-20"),
        {ANAK: E},
        E,
        ["elig.anak.age"],
    ),
    _s(
        "child birth year only, straddling 18",
        "2024-06-01",
        _person("2006-01-01", precision="tahun"),
        _assessment("anak_jalanan", on="2024-05-20"),
        {ANAK: U},
        U,
        ["elig.anak.age"],
    ),
    _s(
        "estimated birth date near 18 is unknown",
        "2024-06-01",
        _person("2007-01-01", estimated=True),
        _assessment("anak_jalanan", on="2024-05-20"),
        {ANAK: U},
        U,
        ["elig.anak.age"],
    ),
    _s(
        "child birth date unknown",
        "2024-06-01",
        _person(None),
        _assessment("anak_jalanan", on="2024-05-20"),
        {ANAK: U},
        U,
        ["elig.anak.age"],
    ),
    _s(
        "child in conflict with the law",
        "2024-06-01",
        _person("2009-01-01", sex="laki_laki"),
        _assessment("anak_berkonflik_hukum", on="2024-05-20"),
        {ANAK: E},
        E,
        ["elig.anak.condition"],
    ),
    _s(
        "child victim of sexual crime",
        "2024-06-01",
        _person("2013-01-01"),
        _assessment("anak_korban_kejahatan_seksual", on="2024-05-20"),
        {ANAK: E},
        E,
        ["elig.anak.condition"],
    ),
    _s(
        "orphan (YAPI)",
        "2024-06-01",
        _person("2014-04-04"),
        _assessment("anak_yatim_piatu", on="2024-05-20"),
        {ANAK: E},
        E,
        ["elig.anak.condition"],
    ),
    _s(
        "child of a minority group",
        "2022-01-10",
        _person("2010-04-04"),
        _assessment("anak_kelompok_minoritas_terisolasi", on="2022-01-05"),
        {ANAK: E},
        E,
        ["elig.anak.condition"],
    ),
    # --- Elderly: the 60th birthday, capacity.
    _s(
        "elderly the day before 60th birthday",
        "2024-08-19",
        _person("1964-08-20"),
        _assessment("lanjut_usia_terlantar", on="2024-08-01"),
        {},
        N,
        ["elig.lansia.age"],
    ),
    _s(
        "elderly on 60th birthday",
        "2024-08-20",
        _person("1964-08-20"),
        _assessment("lanjut_usia_terlantar", on="2024-08-01"),
        {LANSIA: E},
        E,
        ["elig.lansia.age", "elig.lansia.condition", "elig.lansia.capacity"],
    ),
    _s(
        "elderly born 28 Feb is 60 on 1 March",
        "2025-03-01",
        _person("1965-02-28"),
        _assessment("lanjut_usia_terlantar", on="2025-02-01"),
        {LANSIA: E},
        E,
        ["elig.lansia.age"],
    ),
    _s(
        "elderly born 29 Feb is 59 on 28 Feb of common year",
        "2024-02-28",
        _person("1964-02-29"),
        _assessment("lanjut_usia_terlantar", on="2024-02-01"),
        {},
        N,
        ["elig.lansia.age"],
    ),
    _s(
        "elderly born 29 Feb is 60 on 29 Feb of leap year",
        "2024-02-29",
        _person("1964-02-29"),
        _assessment("lanjut_usia_terlantar", on="2024-02-01"),
        {LANSIA: E},
        E,
        ["elig.lansia.age"],
    ),
    _s(
        "elderly potensial",
        "2024-06-01",
        _person("1950-01-01", elderly_capacity="potensial"),
        _assessment("lanjut_usia_tunggal", on="2024-05-20"),
        {LANSIA: E},
        E,
        ["elig.lansia.capacity"],
    ),
    _s(
        "elderly tidak potensial needing long-term care",
        "2024-06-01",
        _person("1940-01-01", elderly_capacity="tidak_potensial"),
        _assessment("lanjut_usia_perawatan_jangka_panjang", on="2024-05-20"),
        {LANSIA: E},
        E,
        ["elig.lansia.capacity"],
    ),
    _s(
        "elderly birth year only, clearly over 60",
        "2024-06-01",
        _person("1950-01-01", precision="tahun"),
        _assessment("lanjut_usia_terlantar", on="2024-05-20"),
        {LANSIA: E},
        E,
        ["elig.lansia.age"],
    ),
    _s(
        "elderly birth year only, straddling 60",
        "2024-06-01",
        _person("1964-01-01", precision="tahun"),
        _assessment("lanjut_usia_terlantar", on="2024-05-20"),
        {LANSIA: U},
        U,
        ["elig.lansia.age"],
    ),
    _s(
        "elderly estimated birth month straddling 60",
        "2024-06-15",
        _person("1964-06-01", precision="bulan"),
        _assessment("lanjut_usia_terlantar", on="2024-06-01"),
        {LANSIA: U},
        U,
        ["elig.lansia.age"],
    ),
    _s(
        "elderly without an elderly condition",
        "2024-06-01",
        _person("1950-01-01"),
        _assessment(on="2024-05-20"),
        {},
        N,
        ["elig.lansia.condition"],
    ),
    # --- Disability.
    _s(
        "physical disability, permanent, medically determined",
        "2024-06-01",
        _person(disabilities=[_dis()]),
        _assessment(on="2024-05-20"),
        {DIS: E},
        E,
        ["elig.disabilitas.type", "elig.disabilitas.duration", "elig.disabilitas.medical"],
    ),
    _s(
        "disability not determined by medical personnel needs review",
        "2024-06-01",
        _person(disabilities=[_dis(determined_by_medical_personnel=None)]),
        _assessment(on="2024-05-20"),
        {DIS: R},
        R,
        ["elig.disabilitas.medical"],
    ),
    _s(
        "disability of 3 months, not permanent",
        "2024-06-01",
        _person(disabilities=[_dis("mental", permanent=False, since="2024-03-01")]),
        _assessment(on="2024-05-20"),
        {},
        N,
        ["elig.disabilitas.duration"],
    ),
    _s(
        "disability exactly 6 months",
        "2024-06-01",
        _person(disabilities=[_dis("mental", permanent=False, since="2023-12-01")]),
        _assessment(on="2024-05-20"),
        {DIS: E},
        E,
        ["elig.disabilitas.duration"],
    ),
    _s(
        "disability duration unknown",
        "2024-06-01",
        _person(disabilities=[_dis("intelektual", permanent=None)]),
        _assessment(on="2024-05-20"),
        {DIS: U},
        U,
        ["elig.disabilitas.duration"],
    ),
    _s(
        "multiple disabilities (rungu-wicara)",
        "2024-06-01",
        _person(disabilities=[_dis("sensorik_rungu"), _dis("sensorik_wicara")]),
        _assessment(on="2024-05-20"),
        {DIS: E},
        E,
        ["elig.disabilitas.type"],
    ),
    _s(
        "disability condition without a recorded type",
        "2024-06-01",
        _person(),
        _assessment("penyandang_disabilitas", on="2024-05-20"),
        {DIS: R},
        R,
        ["elig.disabilitas.type"],
    ),
    _s(
        "child with a disability fits two clusters",
        "2024-06-01",
        _person("2014-01-01", disabilities=[_dis("intelektual")]),
        _assessment("anak_penyandang_disabilitas", on="2024-05-20"),
        {ANAK: E, DIS: E},
        E,
        ["elig.anak.condition", "elig.disabilitas.type"],
    ),
    _s(
        "elderly with a disability fits two clusters",
        "2024-06-01",
        _person("1950-01-01", disabilities=[_dis("sensorik_netra")]),
        _assessment("lanjut_usia_terlantar", on="2024-05-20"),
        {LANSIA: E, DIS: E},
        E,
        ["elig.lansia.age", "elig.disabilitas.type"],
    ),
    # --- NAPZA.
    _s(
        "narcotics addict, adult",
        "2024-06-01",
        _person(drug_use={"status": "pecandu_narkotika", "risk": "tinggi"}),
        _assessment(on="2024-05-20"),
        {NAPZA: E},
        E,
        ["elig.napza.status"],
    ),
    _s(
        "victim of narcotics abuse, a minor, fits children too",
        "2024-06-01",
        _person("2009-01-01", drug_use={"status": "korban_penyalahgunaan_narkotika"}),
        _assessment("anak_korban_napza", on="2024-05-20"),
        {NAPZA: E, ANAK: E},
        E,
        ["elig.napza.status", "elig.anak.condition"],
    ),
    _s(
        "former addict recorded as condition",
        "2024-06-01",
        _person(),
        _assessment("eks_pecandu_narkotika", on="2024-05-20"),
        {NAPZA: E},
        E,
        ["elig.napza.status"],
    ),
    _s(
        "no drug use recorded",
        "2024-06-01",
        _person(),
        _assessment(on="2024-05-20"),
        {},
        N,
        ["elig.napza.status"],
    ),
    # --- Tuna sosial and trafficking.
    _s(
        "homeless person",
        "2024-06-01",
        _person(sex="laki_laki"),
        _assessment("gelandangan", on="2024-05-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
    ),
    _s(
        "beggar",
        "2022-03-01",
        _person(),
        _assessment("pengemis", on="2022-02-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
    ),
    _s(
        "trafficking victim",
        "2023-03-01",
        _person(),
        _assessment("korban_perdagangan_orang", on="2023-02-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
    ),
    _s(
        "person with HIV",
        "2023-03-01",
        _person(),
        _assessment("odha", on="2023-02-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
    ),
    _s(
        "former prisoner",
        "2023-03-01",
        _person(sex="laki_laki"),
        _assessment("bekas_warga_binaan_pemasyarakatan", on="2023-02-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
    ),
    _s(
        "troubled migrant worker",
        "2023-03-01",
        _person(),
        _assessment("pekerja_migran_bermasalah_sosial", on="2023-02-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
    ),
    _s(
        "child trafficking victim fits children and TS-KPO",
        "2023-03-01",
        _person("2010-01-01"),
        _assessment(
            "anak_korban_penculikan_perdagangan", "korban_perdagangan_orang", on="2023-02-20"
        ),
        {ANAK: E, TS: E},
        E,
        ["elig.anak.condition", "elig.tskpo.condition"],
    ),
    # --- Disaster victims and other PPKS across editions.
    _s(
        "disaster victim under 16/2020 is not a target",
        "2021-02-01",
        _person(),
        _assessment("korban_bencana_alam", on="2021-01-20"),
        {},
        N,
        ["elig.edition.target"],
        edition="atensi-2020",
    ),
    _s(
        "disaster victim under 7/2021 is a target",
        "2021-12-01",
        _person(),
        _assessment("korban_bencana_alam", on="2021-11-20"),
        {BENCANA: E},
        E,
        ["elig.bencana.condition"],
        edition="atensi-2021",
    ),
    _s(
        "social disaster victim under 7/2021 as amended",
        "2023-12-01",
        _person(),
        _assessment("korban_bencana_sosial", on="2023-11-20"),
        {BENCANA: E},
        E,
        ["elig.bencana.condition"],
        edition="atensi-2022",
    ),
    _s(
        "disaster victim under 15/2025 (targets carried over)",
        "2026-01-10",
        _person(),
        _assessment("korban_bencana_lainnya", on="2026-01-05"),
        {BENCANA: E},
        E,
        ["elig.bencana.condition"],
        edition="ars-2025",
    ),
    _s(
        "PPKS lainnya under 16/2020 is not a target",
        "2021-02-01",
        _person(),
        _assessment("ppks_lainnya", on="2021-01-20"),
        {},
        N,
        ["elig.edition.target"],
        edition="atensi-2020",
    ),
    _s(
        "PPKS lainnya under 7/2021 needs review",
        "2022-01-10",
        _person(),
        _assessment("ppks_lainnya", on="2022-01-05"),
        {LAIN: R},
        R,
        ["elig.lainnya.condition"],
        edition="atensi-2021",
    ),
    _s(
        "PPKS lainnya under 15/2025 needs review",
        "2026-01-10",
        _person(),
        _assessment("ppks_lainnya", on="2026-01-05"),
        {LAIN: R},
        R,
        ["elig.lainnya.condition"],
        edition="ars-2025",
    ),
    _s(
        "homeless disaster victim under 16/2020: TS-KPO only",
        "2021-02-01",
        _person(),
        _assessment("gelandangan", "korban_bencana_alam", on="2021-01-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition", "elig.edition.target"],
        edition="atensi-2020",
    ),
    # --- Missing or late assessment.
    _s(
        "no assessment: undetermined",
        "2024-06-01",
        _person(),
        None,
        {ANAK: None},
        U,
        ["elig.assessment.present"],
    ),
    _s(
        "assessment dated after the decision date: undetermined",
        "2024-06-01",
        _person(),
        _assessment("gelandangan", on="2024-07-01"),
        {ANAK: None},
        U,
        ["elig.assessment.present"],
    ),
    _s(
        "assessment with no condition: nothing applies",
        "2024-06-01",
        _person(),
        _assessment(on="2024-05-20"),
        {},
        N,
        ["elig.tskpo.condition"],
    ),
    # --- Families, groups and communities.
    _s(
        "family with a child member",
        "2024-06-01",
        {
            "kind": "family",
            "id": "F-1",
            "members": [
                {k: v for k, v in _person("2015-01-01").items() if k != "kind"},
                {k: v for k, v in _person("1985-01-01").items() if k != "kind"} | {"id": "P-2"},
            ],
        },
        _assessment("anak_terlantar", on="2024-05-20"),
        {ANAK: E},
        E,
        ["elig.anak.age"],
    ),
    _s(
        "family disaster victims",
        "2024-06-01",
        {"kind": "family", "id": "F-2"},
        _assessment("korban_bencana_alam", on="2024-05-20"),
        {BENCANA: E},
        E,
        ["elig.bencana.condition"],
    ),
    _s(
        "community after a social disaster",
        "2024-06-01",
        {"kind": "community", "id": "K-1", "name": "Kampung Pesisir"},
        _assessment("korban_bencana_sosial", on="2024-05-20"),
        {BENCANA: E},
        E,
        ["elig.bencana.condition"],
    ),
    _s(
        "community cannot be a child",
        "2024-06-01",
        {"kind": "community", "id": "K-2", "name": "Dusun"},
        _assessment("anak_jalanan", on="2024-05-20"),
        {},
        N,
        ["elig.anak.members"],
    ),
    _s(
        "group of beggars",
        "2024-06-01",
        {"kind": "group", "id": "G-1", "name": "Kelompok Dampingan"},
        _assessment("pengemis", on="2024-05-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
    ),
)


def run_scenario(scenario: Scenario) -> list[str]:
    """Run one scenario through atensi and return the mismatches (empty when it passes)."""
    subject_record = dict(scenario["subject"])
    cls = SUBJECT_KINDS[subject_record.pop("kind")]
    subject = structure(subject_record, cls)
    assessment = (
        None if scenario["assessment"] is None else structure(scenario["assessment"], Assessment)
    )
    decision = assess_eligibility(
        subject,
        assessment,
        on=dt.date.fromisoformat(scenario["on"]),
        edition=scenario.get("edition"),
    )
    problems = []
    if decision.outcome.value != scenario["overall"]:
        problems.append(f"overall {decision.outcome.value} != {scenario['overall']}")
    outcomes = {t: o.value for t, o in decision.targets}
    for target, outcome in outcomes.items():
        expected = scenario["expected"].get(target, "not_eligible")
        if expected is not None and outcome != expected:
            problems.append(f"{target}: {outcome} != {expected}")
    for rule_id in scenario["rule_ids"]:
        if rule_id not in decision.rule_ids():
            problems.append(f"rule {rule_id} not among the findings")
    return problems
