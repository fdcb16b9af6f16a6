"""The scenario catalogue: named cases with their expected outcomes and citations, as data.

Each scenario is a JSON-ready mapping with a ``name``, a ``kind``, the date ``on``, an optional
``edition`` pin, the ``citation`` of the article (or practice, or convention) it pins down, and
what is expected:

* ``eligibility``: ``subject`` (a record for :func:`atensi.structure`, tagged with ``kind``),
  ``assessment`` (a record or ``null``), ``expected`` (target code → outcome; targets not listed
  are expected ``not_eligible``), ``overall``, ``rule_ids`` (rule ids that must appear among the
  findings), and optionally ``statuses`` (rule id → the status its finding must have) and
  ``citations`` (rule id → ``[instrument, evidence]`` its finding must cite);
* ``services``: the same inputs (or a ``case`` record), ``expected`` item → outcome, ``overall``,
  ``rule_ids``, ``statuses``;
* ``coverage``: ``registry`` (unit records), ``region``, ``target``, ``expected`` unit codes and
  ``rule_ids`` the first unit's reasons must include;
* ``edition``: ``expected`` edition id on the date;
* ``compare``: ``subject``, ``assessment``, ``editions``, and ``expected`` target → edition →
  outcome for the targets that differ, ``rule_ids`` among the differing rules;
* ``pin``: ``subject``, ``assessment`` and an ``edition`` pin that eligibility, services, the
  lifecycle and coverage must all report (``expected``);
* ``instrument``: ``instrument`` id and ``expected`` fields of its catalogue entry;
* ``lifecycle`` (:mod:`atensi.lifecycle_scenarios`): a ``case`` record and a ``check``: a
  ``transition`` (``stage``, ``reason``), a ``delivery`` record or a ``referral`` record (with a
  ``registry`` or not); ``expected`` is ``allowed``, ``refused``, ``needs_review`` or
  ``undetermined``, ``rule_ids`` the rules among the findings (for a refusal, the rule that
  refuses), ``statuses`` as above.

The test suite runs them all; integrators run them against their own systems
(``run_scenario``). The dates on which editions change are atensi's unverified estimates; the
scenarios that sit on an edition boundary name it (``edition``) so they keep their meaning if the
estimates move.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from atensi.boundary import structure
from atensi.law import get as get_instrument
from atensi.law import instrument_in_force
from atensi.lifecycle_scenarios import LIFECYCLE_SCENARIOS
from atensi.model import (
    SUBJECT_KINDS,
    Assessment,
    Case,
    Referral,
    ServiceDelivery,
    UnitRegistry,
)
from atensi.rules.catalogue import RULES
from atensi.rules.compare import compare_editions
from atensi.rules.coverage import coverage, units_serving
from atensi.rules.decision import Decision, Outcome
from atensi.rules.deliveries import assess_delivery
from atensi.rules.eligibility import assess_eligibility
from atensi.rules.lifecycle import check_transition
from atensi.rules.referrals import check_referral
from atensi.rules.services import recommend_services
from atensi.vocab import CaseStage, Target, TargetGroup, TerminationReason

__all__ = ["LIFECYCLE_OUTCOMES", "SCENARIOS", "Scenario", "run_scenario"]

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
    *,
    kind: str = "eligibility",
    citation: str | None = None,
    statuses: dict[str, str] | None = None,
    citations: dict[str, list[str | None]] | None = None,
    **extra: Any,
) -> Scenario:
    return {
        "name": name,
        "kind": kind,
        "on": on,
        "edition": edition,
        "citation": citation,
        "subject": subject,
        "assessment": assessment,
        "expected": expected,
        "overall": overall,
        "rule_ids": rule_ids,
        "statuses": statuses or {},
        "citations": citations or {},
        **extra,
    }


def _member(person: dict[str, Any], member_id: str) -> dict[str, Any]:
    return {k: v for k, v in person.items() if k != "kind"} | {"id": member_id}


_ELIGIBILITY: tuple[Scenario, ...] = (
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
        "child born 29 Feb, 28 Feb of common year, still 17 (a graded convention)",
        "2026-02-28",
        _person("2008-02-29"),
        _assessment("anak_terlantar"),
        {ANAK: E},
        E,
        ["elig.anak.age", "elig.age.leap_day"],
        citation="atensi convention: the law is silent on 29 February birthdays",
        citations={"elig.age.leap_day": [None, "convention"]},
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
        "disaster victim under 16/2020 is a target through PP 39/2012 Pasal 6",
        "2021-02-01",
        _person(),
        _assessment("korban_bencana_alam", on="2021-01-20"),
        {BENCANA: E},
        E,
        ["elig.edition.floor", "elig.bencana.condition"],
        edition="atensi-2020",
        citation="PP 39/2012 Pasal 6 ayat (1) huruf n [verified]",
        citations={"elig.edition.floor": ["pp-39-2012", "verified"]},
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
        "PPKS lainnya under 16/2020 needs review under PP 39/2012 Pasal 6 ayat (2)",
        "2021-02-01",
        _person(),
        _assessment("ppks_lainnya", on="2021-01-20"),
        {LAIN: R},
        R,
        ["elig.edition.floor", "elig.lainnya.condition"],
        edition="atensi-2020",
        citation="PP 39/2012 Pasal 6 ayat (2) [verified]",
        statuses={"elig.lainnya.condition": "needs_review"},
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
        "homeless disaster victim under 16/2020: TS-KPO and disaster victims",
        "2021-02-01",
        _person(),
        _assessment("gelandangan", "korban_bencana_alam", on="2021-01-20"),
        {TS: E, BENCANA: E},
        E,
        ["elig.tskpo.condition", "elig.edition.floor"],
        edition="atensi-2020",
        citation="PP 39/2012 Pasal 6 ayat (1) huruf e, n [verified]",
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


_PP39 = "PP 39/2012 Pasal 6 ayat (1) [verified]"
_ELDER = _person("1950-01-01", elderly_capacity="tidak_potensial")

#: Rules III: each scenario failed before the rules were corrected, and passes now.
_RULES_III: tuple[Scenario, ...] = (
    # 1. Unknown permanence is unknown, not "not permanent".
    _s(
        "disability of unknown permanence, under six months so far, is unknown",
        "2024-06-01",
        _person(disabilities=[_dis("mental", permanent=None, since="2024-03-01")]),
        _assessment(on="2024-05-20"),
        {DIS: U},
        U,
        ["elig.disabilitas.duration"],
        citation="UU 8/2016 Pasal 4 ayat (2) dan Penjelasannya [verified]",
        statuses={"elig.disabilitas.duration": "unknown"},
    ),
    # 2. Facts dated after the decision date do not exist for it.
    _s(
        "a condition that starts after the decision date does not count",
        "2024-06-01",
        _person(),
        _assessment(on="2024-05-20", conditions=[{"group": "gelandangan", "since": "2024-07-01"}]),
        {},
        N,
        ["elig.tskpo.condition"],
        citation="atensi convention: facts are read as of the decision date",
        statuses={"elig.tskpo.condition": "not_met"},
    ),
    _s(
        "a disaster condition that ended before the decision date does not count",
        "2024-06-01",
        _person(),
        _assessment(
            on="2024-05-20",
            conditions=[
                {"group": "korban_bencana_alam", "since": "2023-01-05", "until": "2024-03-01"}
            ],
        ),
        {},
        N,
        ["elig.bencana.condition"],
        citation="atensi convention: facts are read as of the decision date",
    ),
    _s(
        "a disability recorded from after the decision date does not count",
        "2024-06-01",
        _person(disabilities=[_dis("fisik", since="2024-09-01")]),
        _assessment(on="2024-05-20"),
        {},
        N,
        ["elig.disabilitas.type"],
        citation="atensi convention: facts are read as of the decision date",
        statuses={"elig.disabilitas.type": "not_met"},
    ),
    _s(
        "drug use that ended before the decision date is no current status",
        "2024-06-01",
        _person(drug_use={"status": "pecandu_narkotika", "until": "2024-01-01"}),
        _assessment(on="2024-05-20"),
        {},
        N,
        ["elig.napza.status"],
        citation="atensi convention: facts are read as of the decision date",
    ),
    # 4. Every statutory target of PP 39/2012 Pasal 6.
    _s(
        "former chronic-disease patient is a statutory target (huruf g)",
        "2024-06-01",
        _person(),
        _assessment("eks_penderita_penyakit_kronis", on="2024-05-20"),
        {LAIN: E},
        E,
        ["elig.lainnya.condition"],
        citation="PP 39/2012 Pasal 6 ayat (1) huruf g [verified]",
        citations={"elig.lainnya.condition": ["pp-39-2012", "verified"]},
    ),
    _s(
        "child with special needs is a statutory target (huruf q)",
        "2024-06-01",
        _person("2015-01-01"),
        _assessment("anak_dengan_kebutuhan_khusus", on="2024-05-20"),
        {ANAK: E},
        E,
        ["elig.anak.condition"],
        citation="PP 39/2012 Pasal 6 ayat (1) huruf q [verified]",
        citations={"elig.anak.condition": ["pp-39-2012", "verified"]},
    ),
    # 5. Families and groups keep their members' facts.
    _s(
        "family whose member is an addict is a NAPZA target",
        "2024-06-01",
        {
            "kind": "family",
            "id": "F-3",
            "members": [
                _member(_person("1980-01-01"), "P-1"),
                _member(_person("1999-01-01", drug_use={"status": "pecandu_narkotika"}), "P-2"),
            ],
        },
        _assessment(on="2024-05-20"),
        {NAPZA: E},
        E,
        ["elig.napza.status"],
        citation="UU 35/2009 Pasal 1 angka 13 [verified]; atensi convention (members)",
    ),
    _s(
        "group whose member is a trafficking victim is a TS-KPO target",
        "2024-06-01",
        {
            "kind": "group",
            "id": "G-2",
            "name": "Kelompok Pekerja Migran",
            "members": [
                _member(_person(conditions=[{"group": "korban_perdagangan_orang"}]), "P-1"),
            ],
        },
        _assessment(on="2024-05-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
        citation="UU 21/2007 Pasal 1 angka 3 [verified]; atensi convention (members)",
    ),
    # 6. Groups have their own limits.
    _s(
        "neglected toddler's group recorded for a 16-year-old needs review",
        "2024-06-01",
        _person("2008-01-10"),
        _assessment("anak_balita_terlantar", on="2024-05-20"),
        {ANAK: R},
        R,
        ["elig.group.age_band"],
        citation="Permensos 8/2012 (anak balita terlantar: 5 tahun ke bawah) [secondary]",
        statuses={"elig.group.age_band": "needs_review"},
    ),
    _s(
        "a ten-year-old recorded as in conflict with the law needs review",
        "2024-06-01",
        _person("2014-01-10", sex="laki_laki"),
        _assessment("anak_berkonflik_hukum", on="2024-05-20"),
        {ANAK: R},
        R,
        ["elig.group.age_band"],
        citation="UU 11/2012 Pasal 1 angka 3 [verified]",
        citations={"elig.group.age_band": ["uu-11-2012", "verified"]},
    ),
    _s(
        "an orphan recorded before ATENSI YAPI began needs review",
        "2022-06-01",
        _person("2014-01-10"),
        _assessment("anak_yatim_piatu", on="2022-05-20"),
        {ANAK: R},
        R,
        ["elig.group.period"],
        citation="ATENSI YAPI from December 2022 [secondary]",
    ),
    _s(
        "a man recorded as a socio-economically vulnerable woman needs review",
        "2024-06-01",
        _person("1990-01-10", sex="laki_laki"),
        _assessment("perempuan_rawan_sosial_ekonomi", on="2024-05-20"),
        {TS: R},
        R,
        ["elig.group.sex"],
        citation="Permensos 8/2012 (perempuan rawan sosial ekonomi) [secondary]",
    ),
    # 7. Welfare data gates.
    _s(
        "homeless person outside DTKS in 2023 needs review, never a hard no",
        "2023-06-01",
        _person(),
        _assessment("gelandangan", on="2023-05-20", in_dtks=False),
        {TS: R},
        R,
        ["elig.dtks.listed"],
        citation="Permensos 3/2021 (DTKS) [secondary: practice]",
        statuses={"elig.dtks.listed": "needs_review"},
    ),
    _s(
        "welfare decile 7 in 2026 needs review under the DTSEN gate",
        "2026-01-10",
        _person(),
        _assessment("gelandangan", on="2026-01-05", welfare_decile=7),
        {TS: R},
        R,
        ["elig.dtsen.decile"],
        edition="ars-2025",
        citation="Inpres 4/2025 (DTSEN desil 1-5) [secondary: practice]",
    ),
    _s(
        "welfare decile 3 in 2026 passes the DTSEN gate",
        "2026-01-10",
        _person(),
        _assessment("gelandangan", on="2026-01-05", welfare_decile=3),
        {TS: E},
        E,
        ["elig.dtsen.decile"],
        edition="ars-2025",
        citation="Inpres 4/2025 (DTSEN desil 1-5) [secondary: practice]",
        statuses={"elig.dtsen.decile": "met"},
    ),
    _s(
        "welfare decile 7 but listed in DTKS in March 2025: DTSEN is not yet the gate",
        "2025-03-15",
        _person(),
        _assessment("gelandangan", on="2025-03-10", welfare_decile=7, in_dtks=True),
        {TS: E},
        E,
        ["elig.dtks.listed"],
        citation="Kemensos distributes against DTSEN from April 2025 [secondary: practice]",
        statuses={"elig.dtks.listed": "met"},
    ),
    _s(
        "welfare decile 7 in April 2025 needs review under the DTSEN gate",
        "2025-04-15",
        _person(),
        _assessment("gelandangan", on="2025-04-10", welfare_decile=7, in_dtks=True),
        {TS: R},
        R,
        ["elig.dtsen.decile"],
        citation="Kemensos distributes against DTSEN from April 2025 [secondary: practice]",
        statuses={"elig.dtsen.decile": "needs_review"},
    ),
    # 8. The years before ATENSI.
    _s(
        "homeless person in 2016 is decided under PP 39/2012",
        "2016-06-01",
        _person(),
        _assessment("gelandangan", on="2016-05-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
        citation="PP 39/2012 Pasal 6 ayat (1) huruf e [verified]",
    ),
    _s(
        "neglected elderly person in 2016 needs review: PP 39/2012 Pasal 6 does not list them",
        "2016-06-01",
        _person("1940-01-01"),
        _assessment("lanjut_usia_terlantar", on="2016-05-20"),
        {LANSIA: R},
        R,
        ["elig.edition.target"],
        citation="PP 39/2012 Pasal 6 ayat (1) [verified text; convention reading]",
        statuses={"elig.edition.target": "needs_review"},
    ),
    _s(
        "neglected elderly person in June 2020 is a PROGRES 5.0 NP target",
        "2020-06-01",
        _person("1940-01-01"),
        _assessment("lanjut_usia_terlantar", on="2020-05-20"),
        {LANSIA: E},
        E,
        ["elig.lansia.age"],
        citation="Permensos 16/2019 (PROGRES 5.0 NP) [secondary]",
    ),
    _s(
        "physical disability in 2015, before UU 8/2016: PP 39/2012 Pasal 6 huruf a",
        "2015-06-01",
        _person(disabilities=[_dis("fisik", permanent=None, determined_by_medical_personnel=None)]),
        _assessment(on="2015-05-20"),
        {DIS: E},
        E,
        ["elig.disabilitas.type"],
        citation="PP 39/2012 Pasal 6 ayat (1) huruf a-c [verified]",
        statuses={
            "elig.disabilitas.duration": "not_applicable",
            "elig.disabilitas.medical": "not_applicable",
        },
    ),
    _s(
        "child victim of violence in 2013 rests on UU 23/2002, before UU 35/2014",
        "2013-06-01",
        _person("2005-01-10"),
        _assessment("anak_korban_kekerasan", on="2013-05-20"),
        {ANAK: E},
        E,
        ["elig.anak.age", "elig.anak.condition"],
        citation="UU 23/2002 Pasal 1 angka 1, angka 15; Pasal 59 [verified]",
        citations={
            "elig.anak.age": ["uu-23-2002", "verified"],
            "elig.anak.condition": ["uu-23-2002", "verified"],
        },
    ),
    _s(
        "a child stigmatised for a parent's condition in 2013 needs review (new in 2014)",
        "2013-06-01",
        _person("2005-01-10"),
        _assessment("anak_korban_stigmatisasi", on="2013-05-20"),
        {ANAK: R},
        R,
        ["elig.group.period"],
        citation="UU 35/2014 Pasal 59 ayat (2) huruf o; Pasal II (in force 17 Oct 2014) [verified]",
    ),
    # 9. Citations say what they rest on.
    _s(
        "scavenger cites Permensos 8/2012 (secondary), not PP 39/2012",
        "2024-06-01",
        _person(),
        _assessment("pemulung", on="2024-05-20"),
        {TS: E},
        E,
        ["elig.tskpo.condition"],
        citation="Permensos 8/2012 (pemulung) [secondary]",
        citations={"elig.tskpo.condition": ["permensos-8-2012", "secondary"]},
    ),
    _s(
        "elderly condition cites its own source, not the age definition",
        "2024-06-01",
        _person("1950-01-01"),
        _assessment("lanjut_usia_terlantar", on="2024-05-20"),
        {LANSIA: E},
        E,
        ["elig.lansia.condition"],
        citation="Permensos 8/2012 (lanjut usia terlantar) [secondary]",
        citations={
            "elig.lansia.condition": ["permensos-8-2012", "secondary"],
            "elig.lansia.age": ["uu-13-1998", "verified"],
        },
    ),
    # The NIK and the record.
    _s(
        "no birth date recorded: the age is read from the NIK",
        "2024-06-01",
        _person(None, nik="3171014103120001"),
        _assessment("anak_terlantar", on="2024-05-20"),
        {ANAK: E},
        E,
        ["elig.anak.age", "elig.age.nik"],
        citation="UU 24/2013 Pasal 1 angka 12 (the NIK's digits) [secondary]",
    ),
    _s(
        "a NIK that contradicts the recorded sex needs review",
        "2024-06-01",
        _person("1990-03-01", sex="laki_laki", nik="3171014103900001"),
        _assessment("gelandangan", on="2024-05-20"),
        {TS: R},
        R,
        ["elig.nik.consistency"],
        citation="UU 24/2013 Pasal 1 angka 12; Pasal 58 ayat (2) [secondary]",
    ),
)


def _sv(
    name: str,
    on: str,
    subject: dict[str, Any] | None,
    assessment: dict[str, Any] | None,
    expected: dict[str, str],
    overall: str,
    rule_ids: list[str],
    *,
    citation: str,
    statuses: dict[str, str] | None = None,
    case: dict[str, Any] | None = None,
    edition: str | None = None,
) -> Scenario:
    return _s(
        name,
        on,
        subject or {},
        assessment,
        dict(expected),
        overall,
        rule_ids,
        edition,
        kind="services",
        citation=citation,
        statuses=statuses,
        case=case,
    )


_SERVICES: tuple[Scenario, ...] = (
    _sv(
        "tidak potensial elder with an assessed need for aid: flagged, never refused",
        "2024-06-01",
        _ELDER,
        _assessment("lanjut_usia_terlantar", on="2024-05-20", needs=["bantuan_asistensi_sosial"]),
        {
            "component:bantuan_asistensi_sosial": R,
            "component:perawatan_sosial_pengasuhan_anak": E,
            "component:pelatihan_vokasional_kewirausahaan": N,
        },
        E,
        ["svc.eligibility", "svc.lansia.capacity"],
        citation="UU 13/1998 Pasal 1 angka 8; Pasal 5 ayat (3) [verified]",
        statuses={"svc.lansia.capacity": "needs_review"},
    ),
    _sv(
        "potensial elder with an assessed need for continuing care: flagged (Pasal 5(4))",
        "2024-06-01",
        _person("1955-01-01", elderly_capacity="potensial"),
        _assessment(
            "lanjut_usia_terlantar", on="2024-05-20", needs=["perawatan_sosial_pengasuhan_anak"]
        ),
        {
            "component:bantuan_asistensi_sosial": E,
            "component:perawatan_sosial_pengasuhan_anak": R,
            "component:pelatihan_vokasional_kewirausahaan": E,
        },
        E,
        ["svc.lansia.capacity"],
        citation="UU 13/1998 Pasal 1 angka 7; Pasal 5 ayat (4) [verified]",
        statuses={"svc.lansia.capacity": "needs_review"},
    ),
    _sv(
        "trafficking victim: the rights of UU 21/2007 Pasal 51",
        "2024-06-01",
        _person(),
        _assessment("korban_perdagangan_orang", on="2024-05-20"),
        {
            "right:rehabilitasi_sosial": E,
            "right:reintegrasi_sosial": E,
            "right:pemulangan": R,
            "therapy:psikososial": E,
            "component:dukungan_keluarga": E,
        },
        E,
        ["svc.kpo.rights", "svc.kpo.pemulangan"],
        citation="UU 21/2007 Pasal 51 ayat (1) and its Penjelasan [verified]",
    ),
    _sv(
        "an adult recorded with a child's condition gets no services",
        "2024-06-01",
        _person("1990-01-01"),
        _assessment("anak_jalanan", on="2024-05-20", needs=["dukungan_keluarga"]),
        {},
        N,
        ["svc.eligibility"],
        citation="PP 39/2012 Pasal 6; Pasal 7 [verified]",
        statuses={"svc.eligibility": "not_met"},
    ),
    _sv(
        "a child's residential plan without a justification is flagged by services too",
        "2024-06-01",
        None,
        None,
        {"approach:keluarga": E, "approach:residensial": R},
        E,
        ["svc.anak.family_first"],
        citation="Kemensos practice: family-based care first [secondary]",
        statuses={"svc.anak.family_first": "needs_review"},
        case={
            "id": "C-1",
            "unit": "U",
            "opened_on": "2024-05-01",
            "subject": _person("2012-05-01", conditions=[{"group": "anak_terlantar"}]),
            "assessments": [_assessment("anak_terlantar", on="2024-05-10")],
            "plan": {"drawn_up_on": "2024-05-15", "approaches": ["residensial"]},
        },
    ),
    _sv(
        "medium NAPZA risk: a further assessment decides the setting",
        "2024-06-01",
        _person(drug_use={"status": "pecandu_narkotika", "risk": "sedang"}),
        _assessment(on="2024-05-20"),
        {"approach:komunitas": R, "approach:residensial": R},
        R,
        ["svc.napza.approach"],
        citation="Kemensos, 9 Nov 2020 (asesmen lanjut) [secondary]",
    ),
    _sv(
        "disaster victim: decent-living and psychosocial support (KBK)",
        "2024-06-01",
        _person(),
        _assessment("korban_bencana_alam", on="2024-05-20"),
        {
            "component:dukungan_pemenuhan_kebutuhan_hidup_layak": E,
            "therapy:psikososial": E,
        },
        E,
        ["svc.bencana.kbk"],
        citation="Sentra KBK practice; PP 39/2012 Pasal 30 [secondary]",
    ),
    _sv(
        "orphan from December 2022: ATENSI YAPI aid",
        "2024-06-01",
        _person("2014-01-10"),
        _assessment("anak_yatim_piatu", on="2024-05-20"),
        {"component:bantuan_asistensi_sosial": E, "approach:keluarga": E},
        E,
        ["svc.anak.yapi"],
        citation="ATENSI YAPI, Rp200,000 a month from December 2022 [secondary]",
    ),
)

_MULTIFUNCTION_LOKA = {
    "code": "L-1",
    "name": "Loka Rehabilitasi Sosial",
    "kind": "loka",
    "home_clusters": ["korban_napza"],
    "working_area": ["7305"],
}

_OTHERS: tuple[Scenario, ...] = (
    {
        "name": "under 7/2021 a multifunction loka serves disaster victims",
        "kind": "coverage",
        "on": "2021-12-01",
        "edition": "atensi-2021",
        "citation": "Permensos 7/2021 Pasal 3: targets of balai and loka "
        "(gerakinklusi-permensos-7-2021) [secondary]",
        "registry": [_MULTIFUNCTION_LOKA],
        "region": "7305",
        "target": BENCANA,
        "expected": ["L-1"],
        "rule_ids": ["cov.multifunction", "cov.target"],
    },
    {
        "name": "a date in 2016 is decided under PP 39/2012",
        "kind": "edition",
        "on": "2016-06-01",
        "edition": None,
        "citation": "PP 39/2012 Pasal 80: in force on promulgation, 5 March 2012 [verified]",
        "expected": "pp39-2012",
    },
    {
        "name": "one record, two editions: the DTSEN gate of 2025 asks for review",
        "kind": "compare",
        "on": "2024-06-01",
        "edition": None,
        "citation": "Inpres 4/2025 (DTSEN desil 1-5) [secondary: practice]",
        "subject": _person(),
        "assessment": _assessment("gelandangan", on="2024-05-20", welfare_decile=7),
        "editions": ["atensi-2021", "ars-2025"],
        "expected": {TS: {"atensi-2021": E, "ars-2025": R}},
        "rule_ids": ["elig.dtsen.decile"],
    },
    {
        "name": "one pin reaches eligibility, services, the lifecycle and coverage",
        "kind": "pin",
        "on": "2024-06-01",
        "edition": "ars-2025",
        "citation": "atensi convention: one edition resolver (atensi.law.instrument_in_force)",
        "subject": _person("2012-01-01"),
        "assessment": _assessment("anak_terlantar", on="2024-05-20"),
        "expected": "ars-2025",
    },
    {
        "name": "the catalogue names the bantuan pemerintah mechanism, Permensos 11/2020",
        "kind": "instrument",
        "on": "2021-01-01",
        "edition": None,
        "citation": "Permensos 11/2020 (title and menimbang read) [secondary]",
        "instrument": "permensos-11-2020",
        "expected": {"kind": "permensos", "evidence": "secondary", "year": 2020},
    },
)


def _cited(scenario: Scenario) -> Scenario:
    """The scenario with its citation: given, or the first expected rule's own citation."""
    if scenario.get("citation"):
        return scenario
    declared = RULES[scenario["rule_ids"][0]]
    citation = declared.citation
    if declared.cites == "group" and scenario.get("assessment"):
        groups = [c["group"] for c in scenario["assessment"]["conditions"]]
        citation = TargetGroup(groups[0]).citation if groups else citation
    return {**scenario, "citation": None if citation is None else str(citation)}


SCENARIOS: tuple[Scenario, ...] = tuple(
    _cited(s) for s in (*_ELIGIBILITY, *_RULES_III, *_SERVICES, *_OTHERS, *LIFECYCLE_SCENARIOS)
)

#: The outcome each expectation of a ``lifecycle`` scenario names.
LIFECYCLE_OUTCOMES = {
    "allowed": Outcome.ELIGIBLE,
    "refused": Outcome.NOT_ELIGIBLE,
    "needs_review": Outcome.NEEDS_REVIEW,
    "undetermined": Outcome.UNDETERMINED,
}


def _subject_and_assessment(scenario: Scenario) -> tuple[Any, Assessment | None]:
    record = dict(scenario["subject"])
    subject = structure(record, SUBJECT_KINDS[record.pop("kind")])
    raw = scenario["assessment"]
    return subject, None if raw is None else structure(raw, Assessment)


def _check_findings(scenario: Scenario, findings: tuple[Any, ...], problems: list[str]) -> None:
    ids = [f.rule_id for f in findings]
    for rule_id in scenario.get("rule_ids", ()):
        if rule_id not in ids:
            problems.append(f"rule {rule_id} not among the findings")
    for rule_id, status in scenario.get("statuses", {}).items():
        found = [f.status.value for f in findings if f.rule_id == rule_id]
        if status not in found:
            problems.append(f"rule {rule_id}: {found} has no {status}")
    for rule_id, (instrument, evidence) in scenario.get("citations", {}).items():
        cited = [
            (f.citation.instrument, f.citation.evidence.value)
            for f in findings
            if f.rule_id == rule_id and f.citation is not None
        ]
        if (instrument, evidence) not in cited:
            problems.append(f"rule {rule_id}: cites {cited}, not {[instrument, evidence]}")


def _run_decision(scenario: Scenario, problems: list[str]) -> None:
    on = dt.date.fromisoformat(scenario["on"])
    if scenario["kind"] == "services" and scenario.get("case"):
        decision = recommend_services(
            structure(scenario["case"], Case), on=on, edition=scenario.get("edition")
        )
    else:
        subject, assessment = _subject_and_assessment(scenario)
        if scenario["kind"] == "services":
            if assessment is None:  # pragma: no cover - services scenarios carry one
                raise AssertionError(scenario["name"])
            decision = recommend_services(
                assessment, on=on, subject=subject, edition=scenario.get("edition")
            )
        else:
            decision = assess_eligibility(
                subject, assessment, on=on, edition=scenario.get("edition")
            )
    if decision.outcome.value != scenario["overall"]:
        problems.append(f"overall {decision.outcome.value} != {scenario['overall']}")
    outcomes = {t: o.value for t, o in decision.targets}
    if scenario["kind"] == "services":
        for item, expected in scenario["expected"].items():
            if outcomes.get(item) != expected:
                problems.append(f"{item}: {outcomes.get(item)} != {expected}")
    else:
        for target, outcome in outcomes.items():
            expected = scenario["expected"].get(target, "not_eligible")
            if expected is not None and outcome != expected:
                problems.append(f"{target}: {outcome} != {expected}")
    _check_findings(scenario, decision.findings, problems)


def _lifecycle_decision(scenario: Scenario, on: dt.date) -> Decision:
    case = structure(scenario["case"], Case)
    pin = scenario.get("edition")
    if scenario["check"] == "delivery":
        return assess_delivery(case, structure(scenario["delivery"], ServiceDelivery), edition=pin)
    if scenario["check"] == "referral":
        raw = scenario.get("registry")
        registry = None if raw is None else structure(raw, UnitRegistry)
        referral = structure(scenario["referral"], Referral)
        return check_referral(case, referral, registry=registry, edition=pin)
    reason = scenario.get("reason")
    return check_transition(
        case,
        CaseStage(scenario["stage"]),
        on=on,
        reason=None if reason is None else TerminationReason(reason),
        edition=pin,
    )


def _run_lifecycle(scenario: Scenario, on: dt.date, problems: list[str]) -> None:
    decision = _lifecycle_decision(scenario, on)
    expected = LIFECYCLE_OUTCOMES[scenario["expected"]]
    if decision.outcome is not expected:
        problems.append(f"outcome {decision.outcome.value} != {expected.value}")
    if decision.on != on:
        problems.append(f"decided on {decision.on}, not {on}")
    if expected is Outcome.NOT_ELIGIBLE:
        refusing = [f.rule_id for f in decision.findings if f.status.value == "not_met"]
        if refusing[:1] != scenario["rule_ids"][:1]:
            problems.append(f"refused under {refusing[:1]}, not {scenario['rule_ids'][:1]}")
    _check_findings(scenario, decision.findings, problems)


def run_scenario(scenario: Scenario) -> list[str]:
    """Run one scenario through atensi and return the mismatches (empty when it passes)."""
    problems: list[str] = []
    kind = scenario.get("kind", "eligibility")
    scenario = {**scenario, "kind": kind}
    on = dt.date.fromisoformat(scenario["on"])
    if kind in ("eligibility", "services"):
        _run_decision(scenario, problems)
    elif kind == "coverage":
        registry = structure({"units": scenario["registry"]}, UnitRegistry)
        found = units_serving(
            scenario["region"],
            Target(scenario["target"]),
            on=on,
            registry=registry,
            edition=scenario.get("edition"),
        )
        codes = [u.code for u in found]
        if codes != scenario["expected"]:
            problems.append(f"units {codes} != {scenario['expected']}")
        elif found:
            _check_findings(scenario, found[0].reasons, problems)
    elif kind == "edition":
        resolved = instrument_in_force(on, edition=scenario.get("edition")).id
        if resolved != scenario["expected"]:
            problems.append(f"edition {resolved} != {scenario['expected']}")
    elif kind == "compare":
        subject, assessment = _subject_and_assessment(scenario)
        comparison = compare_editions(subject, assessment, on=on, editions=scenario["editions"])
        differing = {d.target: dict(d.outcomes) for d in comparison.differences}
        if differing != scenario["expected"]:
            problems.append(f"differences {differing} != {scenario['expected']}")
        changed = {r.rule_id for d in comparison.differences for r in d.rules}
        problems.extend(
            f"rule {r} not among the differences" for r in scenario["rule_ids"] if r not in changed
        )
    elif kind == "pin":
        subject, assessment = _subject_and_assessment(scenario)
        pin = scenario["edition"]
        if assessment is None:  # pragma: no cover - pin scenarios carry one
            raise AssertionError(scenario["name"])
        case = Case(id="C", subject=subject, unit="U", opened_on=on, assessments=(assessment,))
        reported = {
            "eligibility": assess_eligibility(subject, assessment, on=on, edition=pin).edition,
            "services": recommend_services(case, on=on, edition=pin).edition,
            "lifecycle": check_transition(
                case, CaseStage.INITIAL_APPROACH, on=on, edition=pin
            ).edition,
            "coverage": coverage(UnitRegistry(), on=on, regions=("3171",), edition=pin).edition,
        }
        problems.extend(
            f"{what} decided under {got}, not {scenario['expected']}"
            for what, got in reported.items()
            if got != scenario["expected"]
        )
    elif kind == "lifecycle":
        _run_lifecycle(scenario, on, problems)
    elif kind == "instrument":
        entry = get_instrument(scenario["instrument"]).to_dict()
        for key, value in scenario["expected"].items():
            if entry.get(key) != value:
                problems.append(f"{key}: {entry.get(key)} != {value}")
    else:
        problems.append(f"unknown scenario kind {kind!r}")
    return problems
