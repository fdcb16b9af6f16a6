"""Named lifecycle scenarios: moves, deliveries and referrals with the outcome the rules give.

Data only (JSON-ready mappings), read by :mod:`atensi.scenarios`, which runs them. Each has
``kind`` ``"lifecycle"``, a ``check`` (``"transition"``, ``"delivery"`` or ``"referral"``), the
``case`` record, what is asked (``stage`` and ``reason``; a ``delivery``; a ``referral`` and
perhaps a ``registry``), the ``expected`` outcome (``allowed``, ``refused``, ``needs_review``,
``undetermined``), the ``rule_ids`` that must be among the findings (for a refusal: the rule that
refuses), optional ``statuses`` (rule id → status) and the ``citation`` of what it pins down.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LIFECYCLE_SCENARIOS"]

Scenario = dict[str, Any]

_COMMUNITY = {"kind": "community", "id": "K-1", "name": "Kampung Pemulung", "region": "3171"}
_ASSESSED = [{"id": "A-1", "assessed_on": "2024-01-05"}]
_PLAN = {"drawn_up_on": "2024-01-08", "components": ["dukungan_keluarga"]}
_AGREED = {"on": "2024-01-05", "given_by": "perwakilan"}
_PLANNED = [
    ("pendekatan_awal", "2024-01-02"),
    ("asesmen", "2024-01-05"),
    ("rencana_intervensi", "2024-01-08"),
]
_INTERVENING = [*_PLANNED, ("intervensi", "2024-01-10")]
_SENTRA_DELIVERY = {
    "id": "D-1",
    "component": "dukungan_keluarga",
    "approach": "keluarga",
    "provider": "SENTRA-1",
    "provider_kind": "upt_kemensos",
    "start": "2024-01-12",
}
_OUT = {
    "on": "2024-01-15",
    "direction": "keluar",
    "counterpart_kind": "puskesmas",
    "counterpart": "Puskesmas Kecamatan",
    "reason_code": "perawatan_medis",
    "responsible": "PEKSOS-7",
}
_REGISTRY = {"units": [{"code": "SENTRA-1", "name": "Sentra Satu", "kind": "sentra"}]}


def _person(birth: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "person",
        "id": "P-1",
        "nik": {"reason": "belum_terdaftar"},
        "name": "Penerima Manfaat",
        "birth_date": {"value": birth},
        **extra,
    }


_CHILD = _person("2012-03-01")
_ADULT = _person("1990-06-15")
_TRAFFICKED = _person("1999-02-01", conditions=[{"group": "korban_perdagangan_orang"}])
_FLOODED = _person("1980-07-07", conditions=[{"group": "korban_bencana_alam"}])


def _case(
    stages: list[tuple[str, str]],
    subject: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "C-1",
        "unit": "SENTRA-1",
        "opened_on": "2024-01-02",
        "subject": subject or _COMMUNITY,
        "stages": [{"stage": s, "on": d} for s, d in stages],
        "assessments": _ASSESSED,
        "plan": _PLAN,
        "consent": _AGREED,
    }
    record.update(extra)
    return {k: v for k, v in record.items() if v is not None}


def _lc(
    name: str,
    on: str,
    case: dict[str, Any],
    expected: str,
    rule_ids: list[str],
    *,
    check: str = "transition",
    citation: str | None = None,
    statuses: dict[str, str] | None = None,
    edition: str | None = None,
    **asked: Any,
) -> Scenario:
    if check == "transition":
        asked.setdefault("stage", "intervensi")  # the consent scenarios ask for intervention
    return {
        "name": name,
        "kind": "lifecycle",
        "check": check,
        "on": on,
        "edition": edition,
        "citation": citation,
        "case": case,
        "expected": expected,
        "rule_ids": rule_ids,
        "statuses": statuses or {},
        **asked,
    }


_RESIDENTIAL: dict[str, Any] = {"approaches": ["residensial"]}
_CLOSED_GOALS: dict[str, Any] = {"termination": {"on": "2024-03-01", "reason": "tujuan_tercapai"}}
_TERMINATED = [*_INTERVENING, ("resosialisasi", "2024-02-01"), ("terminasi", "2024-03-01")]

_TRANSITIONS: tuple[Scenario, ...] = (
    # --- Resocialisation, aftercare, termination reasons.
    _lc(
        "a residential case cannot be terminated straight from intervention",
        "2024-02-01",
        _case(_INTERVENING, **_RESIDENTIAL),
        "refused",
        ["case.transition.resocialisation_required"],
        stage="terminasi",
        reason="tujuan_tercapai",
        citation="PP 39/2012 Pasal 7 ayat (2) huruf e [verified]",
    ),
    _lc(
        "a residential case is terminated after resocialisation",
        "2024-02-10",
        _case([*_INTERVENING, ("resosialisasi", "2024-02-01")], **_RESIDENTIAL),
        "allowed",
        ["case.transition.allowed"],
        stage="terminasi",
        reason="tujuan_tercapai",
        citation="PP 39/2012 Pasal 7 ayat (2) huruf e-f [verified]",
    ),
    _lc(
        "a family-based case may skip resocialisation",
        "2024-02-01",
        _case(_INTERVENING, approaches=["keluarga"]),
        "allowed",
        ["case.transition.allowed"],
        stage="terminasi",
        reason="tujuan_tercapai",
        citation="atensi convention: resocialisation is waived without a residential approach",
    ),
    _lc(
        "a residential case back in intervention after resocialisation resocialises again",
        "2024-03-01",
        _case(
            [
                *_INTERVENING,
                ("resosialisasi", "2024-02-01"),
                ("evaluasi", "2024-02-10"),
                ("intervensi", "2024-02-12"),
                ("evaluasi", "2024-02-25"),
            ],
            **_RESIDENTIAL,
        ),
        "refused",
        ["case.transition.resocialisation_required"],
        stage="terminasi",
        reason="tujuan_tercapai",
        citation="PP 39/2012 Pasal 7 ayat (2) huruf e [verified]",
    ),
    _lc(
        "no aftercare after a termination by death",
        "2024-03-05",
        _case(_TERMINATED, termination={"on": "2024-03-01", "reason": "meninggal_dunia"}),
        "refused",
        ["case.transition.aftercare_after_death"],
        stage="bimbingan_lanjut",
    ),
    _lc(
        "aftercare follows a termination with the goals met",
        "2024-03-05",
        _case(_TERMINATED, **_CLOSED_GOALS),
        "allowed",
        ["case.transition.allowed"],
        stage="bimbingan_lanjut",
        citation="PP 39/2012 Pasal 7 ayat (2) huruf g [verified]",
    ),
    _lc(
        "an independent income is an exit reason of Sentra Kreasi cases only",
        "2025-12-01",
        _case([*_INTERVENING, ("resosialisasi", "2025-11-01")]),
        "refused",
        ["case.termination.reason"],
        stage="terminasi",
        reason="penghasilan_mandiri",
    ),
    _lc(
        "a Sentra Kreasi beneficiary leaves with an independent income under Permensos 15/2025",
        "2025-12-01",
        _case([*_INTERVENING, ("resosialisasi", "2025-11-01")], sentra_kreasi=True),
        "allowed",
        ["case.transition.allowed"],
        stage="terminasi",
        reason="penghasilan_mandiri",
        edition="ars-2025",
        citation="Permensos 15/2025 Pasal 34 ayat (4) [verified]",
    ),
    _lc(
        "before Permensos 15/2025 the Sentra Kreasi exit rule needs review",
        "2023-06-01",
        _case(
            [(stage, "2023" + day[4:]) for stage, day in _INTERVENING]
            + [("resosialisasi", "2023-05-01")],
            opened_on="2023-01-02",
            assessments=[{"id": "A-1", "assessed_on": "2023-01-05"}],
            plan={**_PLAN, "drawn_up_on": "2023-01-08"},
            consent={**_AGREED, "on": "2023-01-05"},
            sentra_kreasi=True,
        ),
        "needs_review",
        ["case.termination.reason"],
        stage="terminasi",
        reason="evaluasi_pekerja_sosial",
        edition="atensi-2022",
        statuses={"case.termination.reason": "needs_review"},
        citation="Permensos 15/2025 Pasal 34 ayat (4) [verified]; earlier exit rules not found",
    ),
    _lc(
        "did not meet the criteria at selection: an early termination after assessment",
        "2024-01-06",
        _case([("pendekatan_awal", "2024-01-02"), ("asesmen", "2024-01-05")]),
        "allowed",
        ["case.transition.allowed"],
        stage="terminasi_dini",
        reason="tidak_memenuhi_kriteria",
        citation="perda-ntb-4-2022: selection at the initial approach [secondary]",
    ),
    _lc(
        "'did not meet the criteria at selection' after an intervention needs review",
        "2024-02-01",
        _case(_INTERVENING),
        "needs_review",
        ["case.termination.reason"],
        stage="terminasi_dini",
        reason="tidak_memenuhi_kriteria",
        statuses={"case.termination.reason": "needs_review"},
        citation="perda-ntb-4-2022: selection at the initial approach [secondary]",
    ),
    # --- Consent by mode.
    _lc(
        "persuasive rehabilitation: the adult's own consent opens the intervention",
        "2024-01-10",
        _case(
            _PLANNED, _ADULT, mode="persuasif", consent={"on": "2024-01-05", "given_by": "subjek"}
        ),
        "allowed",
        ["case.transition.allowed", "case.consent.mode"],
        statuses={"case.consent.mode": "met"},
        citation="PP 39/2012 Pasal 5 ayat (2) [verified]",
    ),
    _lc(
        "motivational rehabilitation without consent is refused",
        "2024-01-10",
        _case(_PLANNED, mode="motivatif", consent=None),
        "refused",
        ["case.transition.consent_required"],
        citation="PP 39/2012 Pasal 5 ayat (3) [verified]; consent first: atensi convention",
    ),
    _lc(
        "no mode recorded is read as voluntary: no intervention before consent",
        "2024-01-10",
        _case(_PLANNED, consent=None),
        "refused",
        ["case.transition.consent_required"],
    ),
    _lc(
        "coercive rehabilitation waits for its legal basis",
        "2024-01-10",
        _case(_PLANNED, mode="koersif", consent=None),
        "refused",
        ["case.consent.mode"],
        citation="PP 39/2012 Pasal 5 ayat (4) jo. penjelasan [verified]",
    ),
    _lc(
        "a child placed at an LPKS by a court measure: the order replaces consent",
        "2024-01-10",
        _case(
            _PLANNED,
            _CHILD,
            mode="atas_perintah",
            consent=None,
            legal_basis={
                "kind": "tindakan_perawatan_lpks",
                "issued_on": "2024-01-03",
                "issued_by": "pengadilan",
            },
        ),
        "allowed",
        ["case.consent.mode", "case.consent.order_period"],
        statuses={"case.consent.mode": "met", "case.consent.order_period": "met"},
        citation="UU 11/2012 Pasal 82 ayat (1) huruf d [verified]",
    ),
    _lc(
        "a diversion agreement runs at most three months: later it needs review",
        "2024-05-10",
        _case(
            [*_PLANNED[:2], ("rencana_intervensi", "2024-05-01")],
            _CHILD,
            mode="atas_perintah",
            consent=None,
            legal_basis={"kind": "kesepakatan_diversi", "issued_on": "2024-01-03"},
        ),
        "needs_review",
        ["case.consent.order_period"],
        statuses={"case.consent.order_period": "needs_review"},
        citation="UU 11/2012 Pasal 10 ayat (2) huruf d [verified]",
    ),
    _lc(
        "an addict ordered into rehabilitation by the judge",
        "2024-01-10",
        _case(
            _PLANNED,
            _ADULT,
            mode="atas_perintah",
            consent=None,
            legal_basis={"kind": "putusan_penetapan_rehabilitasi", "issued_on": "2024-01-02"},
        ),
        "allowed",
        ["case.consent.mode"],
        statuses={"case.consent.mode": "met"},
        citation="UU 35/2009 Pasal 103 ayat (1) [verified]",
    ),
    _lc(
        "a child's consent given by the child alone is refused",
        "2024-01-10",
        _case(
            _PLANNED, _CHILD, mode="persuasif", consent={"on": "2024-01-05", "given_by": "subjek"}
        ),
        "refused",
        ["case.consent.guardian"],
    ),
    _lc(
        "a parent consents for a child whose own views are recorded",
        "2024-01-10",
        _case(
            _PLANNED,
            _CHILD,
            mode="persuasif",
            consent={"on": "2024-01-05", "given_by": "orang_tua", "child_views_recorded": True},
        ),
        "allowed",
        ["case.consent.guardian", "case.consent.child_views"],
        statuses={"case.consent.guardian": "met", "case.consent.child_views": "met"},
        citation="UU 23/2002 Pasal 10 [verified]",
    ),
    _lc(
        "a child who was not heard: the intervention needs review",
        "2024-01-10",
        _case(
            _PLANNED,
            _CHILD,
            consent={"on": "2024-01-05", "given_by": "wali", "child_views_recorded": False},
        ),
        "needs_review",
        ["case.consent.child_views"],
        statuses={"case.consent.child_views": "needs_review"},
        citation="UU 23/2002 Pasal 10 [verified]",
    ),
    _lc(
        "consent withdrawn before the intervention",
        "2024-01-10",
        _case(_PLANNED, consent={**_AGREED, "withdrawn_on": "2024-01-09"}),
        "refused",
        ["case.transition.consent_required"],
    ),
)

_DELIVERIES: tuple[Scenario, ...] = (
    _lc(
        "a planned delivery during the intervention, by a Sentra, after consent",
        "2024-01-12",
        _case(_INTERVENING),
        "allowed",
        [
            "case.delivery.assessment_required",
            "case.delivery.stage",
            "case.delivery.planned",
            "case.delivery.service_line",
        ],
        check="delivery",
        delivery=_SENTRA_DELIVERY,
        statuses={"case.delivery.planned": "met", "case.delivery.service_line": "met"},
    ),
    _lc(
        "aid before any assessment is refused",
        "2024-01-03",
        _case([("pendekatan_awal", "2024-01-02")]),
        "refused",
        ["case.delivery.assessment_required"],
        check="delivery",
        delivery={
            **_SENTRA_DELIVERY,
            "component": "bantuan_asistensi_sosial",
            "start": "2024-01-03",
        },
    ),
    _lc(
        "an emergency response to a trafficking victim before the assessment",
        "2024-01-04",
        _case(
            [("pendekatan_awal", "2024-01-02")],
            _TRAFFICKED,
            assessments=None,
            plan=None,
            referrals=[
                {"on": "2024-01-02", "direction": "masuk", "counterpart_kind": "kepolisian"}
            ],
            consent={"on": "2024-01-02", "given_by": "subjek"},
        ),
        "allowed",
        ["case.delivery.emergency", "case.delivery.first_aid_deadline"],
        check="delivery",
        delivery={
            **_SENTRA_DELIVERY,
            "component": "dukungan_pemenuhan_kebutuhan_hidup_layak",
            "practice": "respons_kasus",
            "start": "2024-01-04",
        },
        statuses={"case.delivery.emergency": "met", "case.delivery.first_aid_deadline": "met"},
        citation="UU 21/2007 Pasal 53 [verified]",
    ),
    _lc(
        "a trafficking victim's first help ten days after the application needs review",
        "2024-01-12",
        _case(
            [("pendekatan_awal", "2024-01-02")],
            _TRAFFICKED,
            assessments=None,
            plan=None,
            referrals=[
                {"on": "2024-01-02", "direction": "masuk", "counterpart_kind": "kepolisian"}
            ],
            consent={"on": "2024-01-02", "given_by": "subjek"},
        ),
        "needs_review",
        ["case.delivery.first_aid_deadline"],
        check="delivery",
        delivery={**_SENTRA_DELIVERY, "practice": "respons_kasus", "start": "2024-01-12"},
        statuses={"case.delivery.first_aid_deadline": "needs_review"},
        citation="UU 21/2007 Pasal 53 [verified]",
    ),
    _lc(
        "a rapid assessment of a flood victim before the full assessment (KBK)",
        "2024-01-03",
        _case(
            [("pendekatan_awal", "2024-01-02")],
            _FLOODED,
            assessments=None,
            plan=None,
            consent={"on": "2024-01-02", "given_by": "subjek"},
        ),
        "allowed",
        ["case.delivery.emergency"],
        check="delivery",
        delivery={
            **_SENTRA_DELIVERY,
            "component": "dukungan_pemenuhan_kebutuhan_hidup_layak",
            "practice": "asesmen_cepat",
            "start": "2024-01-03",
        },
        statuses={"case.delivery.emergency": "met"},
        citation="PP 39/2012 Pasal 29 ayat (3)-(4) [verified]; UU 24/2007 Pasal 48 huruf a "
        "[verified]",
    ),
    _lc(
        "a case response before assessment for someone not recorded as a victim needs review",
        "2024-01-03",
        _case(
            [("pendekatan_awal", "2024-01-02")],
            _ADULT,
            assessments=None,
            plan=None,
            consent={"on": "2024-01-02", "given_by": "subjek"},
        ),
        "needs_review",
        ["case.delivery.emergency"],
        check="delivery",
        delivery={**_SENTRA_DELIVERY, "practice": "respons_kasus", "start": "2024-01-03"},
        statuses={"case.delivery.emergency": "needs_review"},
    ),
    _lc(
        "a component the plan does not list, not flagged, is refused",
        "2024-01-12",
        _case(_INTERVENING),
        "refused",
        ["case.delivery.planned"],
        check="delivery",
        delivery={**_SENTRA_DELIVERY, "component": "dukungan_aksesibilitas"},
    ),
    _lc(
        "a delivery flagged as unplanned is recorded",
        "2024-01-12",
        _case(_INTERVENING),
        "allowed",
        ["case.delivery.planned"],
        check="delivery",
        delivery={**_SENTRA_DELIVERY, "component": "dukungan_aksesibilitas", "unplanned": True},
        statuses={"case.delivery.planned": "met"},
    ),
    _lc(
        "a delivery during planning is refused",
        "2024-01-09",
        _case(_PLANNED),
        "refused",
        ["case.delivery.stage"],
        check="delivery",
        delivery={**_SENTRA_DELIVERY, "start": "2024-01-09"},
    ),
    _lc(
        "a delivery by a technical directorate is not direct service: review",
        "2024-01-12",
        _case(_INTERVENING),
        "needs_review",
        ["case.delivery.service_line"],
        check="delivery",
        delivery={**_SENTRA_DELIVERY, "provider_kind": "direktorat_teknis"},
        statuses={"case.delivery.service_line": "needs_review"},
    ),
    _lc(
        "without a recorded plan, whether a delivery was planned is unknown",
        "2024-01-12",
        _case(_INTERVENING, plan=None),
        "undetermined",
        ["case.delivery.planned"],
        check="delivery",
        delivery=_SENTRA_DELIVERY,
        statuses={"case.delivery.planned": "unknown"},
    ),
)


def _counterpart(name: str, code: str, complete: bool | None, status: str) -> Scenario:
    """A referral out to the unit ``code``, looked up in a registry (complete or not) or none."""
    expected = {"met": "allowed", "unknown": "undetermined", "refused": "refused"}.get(
        status, status
    )
    return _lc(
        name,
        "2024-01-15",
        _case(_INTERVENING),
        expected,
        ["case.referral.counterpart"],
        check="referral",
        referral={**_OUT, "counterpart_kind": "upt_kemensos", "unit_code": code},
        registry=None if complete is None else {**_REGISTRY, "complete": complete},
        statuses={} if status == "refused" else {"case.referral.counterpart": status},
    )


_REFERRALS: tuple[Scenario, ...] = (
    _lc(
        "a referral out to a puskesmas during the intervention",
        "2024-01-15",
        _case(_INTERVENING),
        "allowed",
        ["case.referral.stage", "case.referral.counterpart", "case.referral.responsible"],
        check="referral",
        referral=_OUT,
        statuses={"case.referral.stage": "met"},
        citation="PP 39/2012 Pasal 7 ayat (1) huruf k [verified]",
    ),
    _lc(
        "no referral out after a case closed with its goals met",
        "2024-03-05",
        _case(_TERMINATED, **_CLOSED_GOALS),
        "refused",
        ["case.referral.stage"],
        check="referral",
        referral={**_OUT, "on": "2024-03-05"},
    ),
    _lc(
        "a referral at closing is the termination reason 'dirujuk'",
        "2024-03-01",
        _case(_TERMINATED, termination={"on": "2024-03-01", "reason": "dirujuk"}),
        "allowed",
        ["case.referral.stage"],
        check="referral",
        referral={**_OUT, "on": "2024-03-01"},
        statuses={"case.referral.stage": "met"},
    ),
    _lc(
        "a referral out in aftercare",
        "2024-04-01",
        _case([*_TERMINATED, ("bimbingan_lanjut", "2024-03-05")], **_CLOSED_GOALS),
        "allowed",
        ["case.referral.stage"],
        check="referral",
        referral={**_OUT, "on": "2024-04-01", "reason_code": "dukungan_lanjutan"},
        statuses={"case.referral.stage": "met"},
    ),
    _counterpart(
        "a unit code a complete registry does not hold is refused", "SENTRA-99", True, "refused"
    ),
    _counterpart(
        "a unit code an incomplete registry does not hold needs review",
        "SENTRA-99",
        False,
        "needs_review",
    ),
    _counterpart("a unit code the registry holds, of the kind recorded", "SENTRA-1", True, "met"),
    _counterpart(
        "a unit code without a registry to look it up in is undetermined",
        "SENTRA-99",
        None,
        "unknown",
    ),
    _lc(
        "a referral out naming no one responsible needs review",
        "2024-01-15",
        _case(_INTERVENING),
        "needs_review",
        ["case.referral.responsible"],
        check="referral",
        referral={k: v for k, v in _OUT.items() if k != "responsible"},
        statuses={"case.referral.responsible": "needs_review"},
    ),
)

#: Every lifecycle scenario, in the order the docs list them.
LIFECYCLE_SCENARIOS: tuple[Scenario, ...] = (*_TRANSITIONS, *_DELIVERIES, *_REFERRALS)
