"""Consent by intervention mode: which rule applies, and whether it is met on a date.

PP 39/2012 Pasal 5 (verified) lets rehabilitation be persuasive, motivational or coercive. The
first two work on the person's own willingness, so an intervention under them waits for the
person's consent; atensi records that consent once per case (:class:`atensi.model.Consent`).
Coercion is action "not of one's own will" (the elucidation of ayat (4)); atensi asks for its
legal basis instead (:class:`atensi.model.LegalBasis`), and an order (a court's measure for a
child, a judge's rehabilitation order for an addict, a diversion agreement) replaces consent
while it runs. For a child, consent comes from a parent or guardian, and the child's own views
are heard and recorded (UU 23/2002 Pasal 10, verified: the child's right to be heard).

What is atensi's reading and what is law is graded on each rule: the modes and their meaning
are verified law; that voluntary modes need recorded consent, that coercion needs a recorded
basis, and that a child's consent is a parent's or guardian's are atensi's conventions from the
rights-based principle (Permensos 7/2021 and 15/2025 Pasal 4 ayat (1) huruf e) and the articles
cited. A case whose mode is not recorded is read as voluntary, and the finding says so.

The lifecycle (entering intervention) and the delivery check both ask
:func:`consent_findings`; each passes the rule its refusal for missing consent is filed under.
"""

from __future__ import annotations

import datetime as dt

from atensi.model import Case, Consent, LegalBasis, Person
from atensi.rules.age import age_range, child_age_limit, months_after
from atensi.rules.catalogue import Rule, rule
from atensi.rules.decision import Finding, Status
from atensi.vocab import ConsentGiver, Evidence, LegalBasisKind, cite

__all__ = [
    "CONSENT_FIRST",
    "R_CHILD_VIEWS",
    "R_GUARDIAN",
    "R_MODE",
    "R_ORDER_PERIOD",
    "consent_findings",
]

_KIND = "lifecycle"  # the kind of every rule declared here
_PP39_5 = cite(
    "pp-39-2012",
    "Pasal 5 ayat (1)-(4)",
    Evidence.VERIFIED,
    note="persuasive, motivational, coercive; coercion 'bukan atas kemauan sendiri' "
    "(elucidation of ayat (4))",
)
_BY_MODE = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="perda-ntb-4-2022",
    note="voluntary modes wait for consent, coercion for its recorded legal basis: atensi's "
    "reading of PP 39/2012 Pasal 5 and the rights-based principle",
)
#: The citation of "no intervention or delivery before consent" (voluntary modes).
CONSENT_FIRST = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="perda-ntb-4-2022",
    note="rights-based principle (Permensos 7/2021 and 15/2025 Pasal 4 ayat (1) huruf e)",
)
_GUARDIAN = cite(
    "uu-23-2002",
    "Pasal 26 ayat (1); Pasal 33-34",
    Evidence.CONVENTION,
    note="parents care for and protect the child, a court-appointed guardian represents it "
    "(verified text); that a child's consent to rehabilitation is theirs is atensi's reading",
)
_HEARD = cite(
    "uu-23-2002",
    "Pasal 10",
    Evidence.VERIFIED,
    note="every child may express views and be heard; also UU 11/2012 Pasal 2 huruf e",
)
_PERIOD = cite(
    "uu-11-2012",
    "Pasal 82 ayat (2); Pasal 21 ayat (1) huruf b; Pasal 10 ayat (2) huruf d",
    Evidence.VERIFIED,
    note="care at an LPKS at most one year; a child under twelve at most six months "
    "(extendable once); diversion at most three months",
)

R_MODE = rule(
    "case.consent.mode",
    _KIND,
    "consent follows the intervention mode: the person's (or for a child a parent's or "
    "guardian's) consent for persuasive and motivational rehabilitation; for coercive or "
    "ordered rehabilitation the recorded legal basis replaces it",
    "persetujuan mengikuti cara rehabilitasi: persetujuan orang itu (untuk anak, orang tua "
    "atau wali) untuk rehabilitasi persuasif dan motivatif; untuk rehabilitasi koersif atau "
    "atas perintah, dasar hukum yang dicatat menggantikannya",
    (_PP39_5, _BY_MODE),
    ("case.mode", "case.consent", "case.legal_basis", "on"),
)
R_GUARDIAN = rule(
    "case.consent.guardian",
    _KIND,
    "a child's consent is given by a parent or guardian; an adult consents personally",
    "persetujuan anak diberikan oleh orang tua atau wali; orang dewasa menyetujui sendiri",
    _GUARDIAN,
    ("case.subject.birth_date", "case.consent.given_by", "on"),
)
R_CHILD_VIEWS = rule(
    "case.consent.child_views",
    _KIND,
    "a child's own views are heard and recorded beside the parent's or guardian's consent",
    "pendapat anak sendiri didengar dan dicatat di samping persetujuan orang tua atau wali",
    _HEARD,
    ("case.consent.child_views_recorded", "case.subject.birth_date", "on"),
)
R_ORDER_PERIOD = rule(
    "case.consent.order_period",
    _KIND,
    "an order replaces consent only for the period it runs and the law allows",
    "perintah menggantikan persetujuan hanya selama masa berlakunya dan batas undang-undang",
    _PERIOD,
    ("case.legal_basis.kind", "case.legal_basis.issued_on", "case.legal_basis.until", "on"),
)


def consent_findings(case: Case, on: dt.date, missing: Rule, what: str) -> list[Finding]:
    """What the consent rules find for an intervention or delivery on ``on``.

    Args:
        case: the case.
        on: the day of the move or the delivery.
        missing: the rule a refusal for missing consent is filed under.
        what: the act, in words ("intervention", "delivery"), for the messages.

    Returns:
        The findings in order; a ``not_met`` one refuses the act.
    """
    mode = case.mode
    if mode is not None and not mode.voluntary:
        return _ordered(case.legal_basis, mode.value, on, what)
    consent = case.consent
    read_as = "" if mode is not None else " (no mode recorded: read as voluntary)"
    dibaca = "" if mode is not None else " (cara tidak dicatat: dibaca sukarela)"
    if consent is None or not consent.valid_on(on):
        state, keadaan = _absence(consent, on)
        return [
            missing.finding(
                Status.NOT_MET,
                f"no {what} before consent is recorded: {state}{read_as}",
                f"tidak ada {_ID.get(what, what)} sebelum persetujuan dicatat: {keadaan}{dibaca}",
                (("mode", None if mode is None else mode.value),),
            )
        ]
    mode_code = "voluntary" if mode is None else mode.value
    found = [
        R_MODE.finding(
            Status.MET,
            f"{mode_code}: consent given by {consent.given_by.value} on "
            f"{consent.on.isoformat()}{read_as}",
            f"{mode_code}: persetujuan oleh {consent.given_by.value} pada "
            f"{consent.on.isoformat()}{dibaca}",
            (("mode", mode_code), ("given_by", consent.given_by.value)),
        )
    ]
    found.extend(_by_age(case, consent, on))
    return found


_ID = {"intervention": "intervensi", "delivery": "layanan"}


def _absence(consent: Consent | None, on: dt.date) -> tuple[str, str]:
    if consent is None:
        return "none is recorded", "belum dicatat"
    if consent.on > on:
        return (
            f"it is dated {consent.on.isoformat()}",
            f"persetujuan bertanggal {consent.on.isoformat()}",
        )
    withdrawn = consent.withdrawn_on.isoformat() if consent.withdrawn_on else "?"
    return f"it was withdrawn on {withdrawn}", f"persetujuan dicabut pada {withdrawn}"


def _ordered(basis: LegalBasis | None, mode: str, on: dt.date, what: str) -> list[Finding]:
    if basis is None or basis.issued_on > on:
        state = "none is recorded" if basis is None else f"it is dated {basis.issued_on}"
        keadaan = "belum dicatat" if basis is None else f"bertanggal {basis.issued_on}"
        return [
            R_MODE.finding(
                Status.NOT_MET,
                f"a {mode} {what} rests on its legal basis, not on consent: {state}",
                f"{_ID.get(what, what)} {mode} berdasar pada dasar hukumnya, bukan persetujuan: "
                f"{keadaan}",
                (("mode", mode),),
            )
        ]
    found = [
        R_MODE.finding(
            Status.MET,
            f"{mode}: the {basis.kind.value} of {basis.issued_on.isoformat()} replaces consent",
            f"{mode}: {basis.kind.value} tanggal {basis.issued_on.isoformat()} menggantikan "
            "persetujuan",
            (("mode", mode), ("legal_basis", basis.kind.value)),
        )
    ]
    ends = []
    if basis.until is not None:
        ends.append(basis.until)
    limit = basis.kind.limit_months
    if limit is not None:
        ends.append(months_after(basis.issued_on, limit))
    end = min(ends) if ends else None
    facts = (("legal_basis", basis.kind.value), ("runs_until", None if end is None else str(end)))
    if end is not None and on >= end:
        # Say which end applied, and offer an extension only where one can be had: the law
        # extends a placement of a child under twelve once; diversion and the measures of
        # UU 11/2012 have a maximum, not an extension. An order's own term is its issuer's.
        if limit is None:
            why_en, why_id = "its own end", "akhir masanya sendiri"
        elif basis.until is None or months_after(basis.issued_on, limit) <= basis.until:
            why_en = f"the law's limit of {limit} months"
            why_id = f"batas undang-undang {limit} bulan"
        else:
            why_en, why_id = "its own end", "akhir masanya sendiri"
        extendable = limit is None or basis.kind is LegalBasisKind.SPPA_UNDER_TWELVE
        needed_en = (
            "an extension, a new order or consent is needed"
            if extendable
            else "a new order or consent is needed"
        )
        needed_id = (
            "perlu perpanjangan, perintah baru atau persetujuan"
            if extendable
            else "perlu perintah baru atau persetujuan"
        )
        found.append(
            R_ORDER_PERIOD.finding(
                Status.NEEDS_REVIEW,
                f"the order ran until {end.isoformat()} ({why_en}): {needed_en}",
                f"perintah berlaku sampai {end.isoformat()} ({why_id}): {needed_id}",
                facts,
            )
        )
    elif end is not None:
        found.append(
            R_ORDER_PERIOD.finding(
                Status.MET,
                f"within the order's period (until {end.isoformat()})",
                f"dalam masa berlaku perintah (sampai {end.isoformat()})",
                facts,
            )
        )
    return found


def _by_age(case: Case, consent: Consent, on: dt.date) -> list[Finding]:
    """The guardian and child-views rules, for a person subject (nothing for others)."""
    subject = case.subject
    if not isinstance(subject, Person):
        return []
    by = consent.given_by
    facts = (("given_by", by.value),)
    if subject.birth_date is None:
        if by is ConsentGiver.SUBJECT:
            return [
                R_GUARDIAN.finding(
                    Status.UNKNOWN,
                    "no birth date: whether a parent or guardian must consent is unknown",
                    "tanggal lahir tidak dicatat: perlu tidaknya persetujuan orang tua atau "
                    "wali tidak diketahui",
                    facts,
                )
            ]
        return []
    youngest, oldest = age_range(subject.birth_date, consent.on)
    limit = child_age_limit(consent.on)
    if youngest >= limit:
        if by in (ConsentGiver.PARENT, ConsentGiver.GUARDIAN):
            return [
                R_GUARDIAN.finding(
                    Status.NEEDS_REVIEW,
                    "an adult consents personally; consent by a parent or guardian needs review "
                    "(a court-appointed guardian, for instance)",
                    "orang dewasa menyetujui sendiri; persetujuan orang tua atau wali perlu "
                    "ditinjau",
                    facts,
                )
            ]
        return []
    if oldest >= limit:
        return [
            R_GUARDIAN.finding(
                Status.UNKNOWN,
                "the estimated birth date cannot tell whether a child consented",
                "tanggal lahir perkiraan tidak dapat menentukan apakah yang menyetujui anak",
                facts,
            )
        ]
    if by is ConsentGiver.SUBJECT:
        return [
            R_GUARDIAN.finding(
                Status.NOT_MET,
                "a child's consent is given by a parent or guardian, not by the child alone",
                "persetujuan anak diberikan oleh orang tua atau wali, bukan oleh anak sendiri",
                facts,
            )
        ]
    if by is ConsentGiver.REPRESENTATIVE:
        guardian = R_GUARDIAN.finding(
            Status.NEEDS_REVIEW,
            "a child's consent by a representative, not a parent or guardian, needs review",
            "persetujuan anak oleh perwakilan, bukan orang tua atau wali, perlu ditinjau",
            facts,
        )
    else:
        guardian = R_GUARDIAN.finding(
            Status.MET,
            f"a child: consent by {by.value}",
            f"anak: persetujuan oleh {by.value}",
            facts,
        )
    views = consent.child_views_recorded
    heard = (("child_views_recorded", views),)
    if views is None:
        child = R_CHILD_VIEWS.finding(
            Status.UNKNOWN,
            "whether the child's own views were heard is not recorded",
            "tidak dicatat apakah pendapat anak telah didengar",
            heard,
        )
    elif views:
        child = R_CHILD_VIEWS.finding(
            Status.MET, "the child's views are recorded", "pendapat anak dicatat", heard
        )
    else:
        child = R_CHILD_VIEWS.finding(
            Status.NEEDS_REVIEW,
            "the child's own views were not heard: the child has the right to be heard",
            "pendapat anak tidak didengar: anak berhak didengar pendapatnya",
            heard,
        )
    return [guardian, child]
