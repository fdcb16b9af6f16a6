"""Consent by intervention mode: who consents, whether an order or an emergency stands for it.

PP 39/2012 Pasal 5 (verified) lets rehabilitation be persuasive, motivational or coercive. The
first two work on the person's own willingness, so an intervention under them waits for the
person's consent; atensi records that consent once per case (:class:`atensi.model.Consent`).
Coercion is action "not of one's own will" (the elucidation of ayat (4)); atensi asks for its
legal basis instead, and an order (:class:`atensi.model.CourtOrder` in ``Case.orders``, or
the simpler :class:`atensi.model.LegalBasis`) replaces consent while it runs, whatever mode is
recorded. An emergency of its own law (:class:`atensi.model.Emergency`, or the subject's
conditions) lets help come before consent, for review.

**Who consents.** A competent adult consents personally (PP 39/2012 Pasal 5 ayat (2)-(3));
someone else consents for an adult only after a district court declared the person incapable
(UU 8/2016 Pasal 32-33: then the one the family appointed), and otherwise that needs review
(``case.consent.capacity``). For a child a parent or guardian consents, and the child's own
views are heard (UU 23/2002 Pasal 10). When the parents cannot be reached or a parent is the
alleged perpetrator, the family may act (UU 35/2014 Pasal 26 ayat (2)), and the child's own
consent, with the child's views recorded and a social worker acting in the child's best
interest, lets the intervention go ahead for review (Pasal 59 ayat (1), 59A huruf a); a
parent's consent while a parent is the alleged perpetrator needs review (UU 11/2012 Pasal 23
ayat (3): such a parent does not accompany the child) (``case.consent.guardian``).

What is atensi's reading and what is law is graded on each rule: the modes and their meaning
are verified law; that voluntary modes need recorded consent, that coercion needs a recorded
basis, and that a child's consent is a parent's or guardian's are atensi's conventions, which
never refuse (:meth:`atensi.rules.Rule.finding`). A case whose mode is not recorded is read as
voluntary, and the finding says so.

The lifecycle (entering intervention) and the delivery check both ask
:func:`consent_findings`; each passes the rule its refusal for missing consent is filed under.
"""

from __future__ import annotations

import datetime as dt

from atensi.model import Case, Consent, CourtOrder, LegalBasis, Person
from atensi.model.orders import order_limit_months
from atensi.rules.age import age_range, child_age_limit, months_after
from atensi.rules.catalogue import Rule, rule
from atensi.rules.decision import Facts, Finding, Status
from atensi.vocab import Citation, ConsentGiver, Evidence, LegalBasisKind, Relation, cite

__all__ = [
    "AGAINST_WILL",
    "CONSENT_FIRST",
    "R_CAPACITY",
    "R_CHILD_VIEWS",
    "R_GUARDIAN",
    "R_MODE",
    "R_ORDER_PERIOD",
    "consent_findings",
    "order_period_finding",
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
#: Why acting after the person withdrew consent is refused: persuasion and motivation work to
#: make a person willing; what is done against the person's will is coercion.
AGAINST_WILL = cite(
    "pp-39-2012",
    "Pasal 5 ayat (2)-(4)",
    Evidence.VERIFIED,
    note="persuasive and motivational rehabilitation bring a person to be willing ('agar "
    "bersedia', 'tergerak secara sadar'); rehabilitation against the person's will is coercion "
    "('bukan atas kemauan sendiri', elucidation of ayat (4)), which rests on its own basis",
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
_PERSONALLY = cite(
    "pp-39-2012",
    "Pasal 5 ayat (2)-(3)",
    Evidence.VERIFIED,
    note="persuasion and motivation bring the person to be willing: a competent adult's "
    "consent is their own",
)
_INCAPABLE = cite(
    "uu-8-2016",
    "Pasal 32-33",
    Evidence.VERIFIED,
    note="a district court may declare a person with a disability not competent (Pasal 32); "
    "the family may appoint someone to represent the person's interests (Pasal 33 ayat (3)); "
    "the declaration may be annulled (Pasal 34)",
)
_FAMILY_ACTS = cite(
    "uu-35-2014",
    "Pasal 26 ayat (2)",
    Evidence.VERIFIED,
    note="when the parents are absent, their whereabouts are unknown or they cannot carry out "
    "their duties, the duties may pass to the family",
)
_PERPETRATOR = cite(
    "uu-11-2012",
    "Pasal 23 ayat (3)",
    Evidence.VERIFIED,
    note="a parent who is the suspect or the accused does not accompany the child victim; "
    "whether that parent's consent may stand for the child is not settled by the texts read",
)
_BEST_INTEREST = cite(
    "uu-35-2014",
    "Pasal 59 ayat (1); Pasal 59A huruf a; Pasal 26 ayat (2)",
    Evidence.VERIFIED,
    note="the state's duty of special protection, through prompt handling including "
    "rehabilitation; the texts read do not say who consents when no parent can: the child's "
    "own consent, heard and with a social worker acting in the child's best interest, is "
    "reviewed",
)

R_MODE = rule(
    "case.consent.mode",
    _KIND,
    "consent follows the intervention mode: the person's (or for a child a parent's or "
    "guardian's) consent for persuasive and motivational rehabilitation; for coercive or "
    "ordered rehabilitation the recorded legal basis or a running order replaces it",
    "persetujuan mengikuti cara rehabilitasi: persetujuan orang itu (untuk anak, orang tua "
    "atau wali) untuk rehabilitasi persuasif dan motivatif; untuk rehabilitasi koersif atau "
    "atas perintah, dasar hukum yang dicatat atau putusan yang berjalan menggantikannya",
    (_PP39_5, _BY_MODE),
    ("case.mode", "case.consent", "case.legal_basis", "case.orders", "on"),
)
R_GUARDIAN = rule(
    "case.consent.guardian",
    _KIND,
    "a child's consent is given by a parent or guardian (or the family when no parent can act); "
    "a parent who is the alleged perpetrator, or the child alone, needs review",
    "persetujuan anak diberikan oleh orang tua atau wali (atau keluarga bila orang tua tidak "
    "dapat); orang tua terduga pelaku, atau anak sendiri, perlu ditinjau",
    (_GUARDIAN, _FAMILY_ACTS, _PERPETRATOR, _BEST_INTEREST),
    (
        "case.subject.birth_date",
        "case.consent.given_by",
        "case.consent.parent_unreachable",
        "case.consent.best_interest_recorded",
        "case.consent.child_views_recorded",
        "case.alleged_perpetrator",
        "on",
    ),
)
R_CAPACITY = rule(
    "case.consent.capacity",
    _KIND,
    "a competent adult consents personally; someone else consents for an adult only after a "
    "court declared the person incapable",
    "orang dewasa yang cakap menyetujui sendiri; orang lain menyetujui untuk orang dewasa hanya "
    "setelah pengadilan menetapkannya tidak cakap",
    (_PERSONALLY, _INCAPABLE),
    (
        "case.subject.birth_date",
        "case.subject.incapacity",
        "case.consent.given_by",
        "case.consent.on",
    ),
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
    (
        "case.legal_basis.kind",
        "case.legal_basis.issued_on",
        "case.legal_basis.until",
        "case.orders",
        "on",
    ),
)


def consent_findings(
    case: Case,
    on: dt.date,
    missing: Rule,
    what: str,
    emergency: Citation | None = None,
) -> list[Finding]:
    """What the consent rules find for an intervention or delivery on ``on``.

    Args:
        case: the case.
        on: the day of the move or the delivery.
        missing: the rule a refusal for missing consent is filed under.
        what: the act, in words ("intervention", "delivery"), for the messages.
        emergency: the citation of the emergency law the act answers, if it is an emergency
            response: consent not yet given (or refused) then asks for review, under that law.

    Returns:
        The findings in order; a ``not_met`` one refuses the act.
    """
    from atensi.rules.orders import age_at_offence_finding, order_running, past_18_finding

    running = order_running(case, on)
    if running is not None:
        # An order that runs is the basis, whatever mode is recorded.
        found = _ordered(running, running.kind.value, on, what)
        for extra in (age_at_offence_finding(case, running), past_18_finding(case, running, on)):
            if extra is not None:
                found.append(extra)
        return found
    mode = case.mode
    if mode is not None and not mode.voluntary:
        return _ordered(case.legal_basis or _latest(case), mode.value, on, what)
    consent = case.consent
    read_as = "" if mode is not None else " (no mode recorded: read as voluntary)"
    dibaca = "" if mode is not None else " (cara tidak dicatat: dibaca sukarela)"
    if consent is None or not consent.valid_on(on):
        state, keadaan = _absence(consent, on)
        facts: Facts = (("mode", None if mode is None else mode.value),)
        if emergency is not None:
            return [
                missing.finding(
                    Status.NEEDS_REVIEW,
                    f"an emergency {what} before consent ({state}): allowed under its own law; "
                    "consent is sought afterwards, for review",
                    f"{_ID.get(what, what)} darurat sebelum persetujuan ({keadaan}): boleh "
                    "menurut undang-undangnya; persetujuan dimintakan kemudian, untuk ditinjau",
                    facts,
                    citation=emergency,
                )
            ]
        # A withdrawal is the person's unwillingness, on the record: a voluntary mode cannot go
        # on (verified). No record yet is a gap in the paperwork: the rule that wants consent
        # first is atensi's convention, so it asks for review (Rule.finding caps it).
        withdrawn = consent is not None and consent.on <= on
        return [
            missing.finding(
                Status.NOT_MET,
                f"no {what} before consent is recorded: {state}{read_as}",
                f"tidak ada {_ID.get(what, what)} sebelum persetujuan dicatat: {keadaan}{dibaca}",
                facts,
                citation=AGAINST_WILL if withdrawn else CONSENT_FIRST,
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
    found.extend(_by_age(case, consent))
    return found


_ID = {"intervention": "intervensi", "delivery": "layanan"}


def _latest(case: Case) -> CourtOrder | None:
    """The latest order of the case (none runs on the day asked about), if any."""
    return case.orders[-1] if case.orders else None


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


def _end(basis: LegalBasis | CourtOrder) -> dt.date | None:
    """The first day a basis no longer runs: its own end, its period or the law's limit."""
    if isinstance(basis, CourtOrder):
        return basis.ends_on()
    ends = []
    if basis.until is not None:
        ends.append(basis.until)
    limit = order_limit_months(basis.kind, basis.issued_on)
    if limit is not None:
        ends.append(months_after(basis.issued_on, limit))
    return min(ends) if ends else None


def order_period_finding(basis: LegalBasis | CourtOrder, on: dt.date) -> Finding:
    """Whether an order (or legal basis) runs on ``on``: within its period and the law's."""
    end = _end(basis)
    kind: LegalBasisKind = basis.kind
    start = basis.start if isinstance(basis, CourtOrder) else basis.issued_on
    limit = order_limit_months(kind, start)
    facts: Facts = (("legal_basis", kind.value), ("runs_until", None if end is None else str(end)))
    if on < start:
        return R_ORDER_PERIOD.finding(
            Status.NEEDS_REVIEW,
            f"the order starts on {start.isoformat()}, after the day asked about",
            f"perintah mulai {start.isoformat()}, setelah tanggal yang ditanyakan",
            facts,
        )
    if end is not None and on >= end:
        # Say which end applied, and offer an extension only where one can be had: the law
        # extends a placement of a child under twelve once; diversion and the measures of
        # UU 11/2012 have a maximum, not an extension. An order's own term is its issuer's.
        if limit is not None and months_after(start, limit) <= end:
            why_en = f"the law's limit of {limit} months"
            why_id = f"batas undang-undang {limit} bulan"
        else:
            why_en, why_id = "its own end", "akhir masanya sendiri"
        extendable = limit is None or kind is LegalBasisKind.SPPA_UNDER_TWELVE
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
        return R_ORDER_PERIOD.finding(
            Status.NEEDS_REVIEW,
            f"the order ran until {end.isoformat()} ({why_en}): {needed_en}",
            f"perintah berlaku sampai {end.isoformat()} ({why_id}): {needed_id}",
            facts,
        )
    if end is not None:
        return R_ORDER_PERIOD.finding(
            Status.MET,
            f"within the order's period (until {end.isoformat()})",
            f"dalam masa berlaku perintah (sampai {end.isoformat()})",
            facts,
        )
    return R_ORDER_PERIOD.finding(
        Status.MET,
        "the order sets no end and the law no limit: it runs",
        "perintah tidak menetapkan akhir dan undang-undang tidak membatasi: berlaku",
        facts,
    )


def _ordered(
    basis: LegalBasis | CourtOrder | None, mode: str, on: dt.date, what: str
) -> list[Finding]:
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
    found.append(order_period_finding(basis, on))
    return found


def _by_age(case: Case, consent: Consent) -> list[Finding]:
    """Who consented, against the person's age (and capacity) on the day of the consent."""
    subject = case.subject
    if not isinstance(subject, Person):
        return []
    by = consent.given_by
    facts: Facts = (("given_by", by.value),)
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
        return [_adult(subject, consent, facts)]
    if oldest >= limit:
        return [
            R_GUARDIAN.finding(
                Status.UNKNOWN,
                "the estimated birth date cannot tell whether a child consented",
                "tanggal lahir perkiraan tidak dapat menentukan apakah yang menyetujui anak",
                facts,
            )
        ]
    if consent.given_by is ConsentGiver.SUBJECT:  # the child's own word: no separate hearing
        return [_child(case, consent, facts)]
    return [_child(case, consent, facts), _views(consent)]


def _adult(person: Person, consent: Consent, facts: Facts) -> Finding:
    by = consent.given_by
    incapacity = person.incapacity
    declared = incapacity is not None and incapacity.holds_on(consent.on)
    facts = (*facts, ("declared_incapable", declared))
    if declared:
        if by is ConsentGiver.SUBJECT:
            return R_CAPACITY.finding(
                Status.NEEDS_REVIEW,
                "a court declared the person incapable: the person's own consent needs review; "
                "the one the family appointed consents",
                "pengadilan menetapkan orang ini tidak cakap: persetujuannya sendiri perlu "
                "ditinjau; wakil yang ditunjuk keluarga yang menyetujui",
                facts,
                citation=_INCAPABLE,
            )
        return R_CAPACITY.finding(
            Status.MET,
            f"a court declared the person incapable: consent by {by.value}",
            f"pengadilan menetapkan orang ini tidak cakap: persetujuan oleh {by.value}",
            facts,
            citation=_INCAPABLE,
        )
    if by is ConsentGiver.SUBJECT:
        return R_CAPACITY.finding(
            Status.MET,
            "a competent adult consents personally",
            "orang dewasa yang cakap menyetujui sendiri",
            facts,
        )
    return R_CAPACITY.finding(
        Status.NEEDS_REVIEW,
        f"an adult consents personally; consent by {by.value} needs review: no court declared "
        "the person incapable",
        f"orang dewasa menyetujui sendiri; persetujuan oleh {by.value} perlu ditinjau: tidak ada "
        "penetapan pengadilan bahwa orang ini tidak cakap",
        facts,
        citation=_INCAPABLE,
    )


_PARENT_OF = {ConsentGiver.PARENT: Relation.PARENT, ConsentGiver.GUARDIAN: Relation.GUARDIAN}


def _child(case: Case, consent: Consent, facts: Facts) -> Finding:
    by = consent.given_by
    perpetrator = case.alleged_perpetrator
    unreachable = consent.parent_unreachable is True
    no_parent_can = unreachable or (perpetrator is not None and perpetrator.speaks_for_child)
    facts = (
        *facts,
        ("parent_unreachable", consent.parent_unreachable),
        ("alleged_perpetrator", None if perpetrator is None else perpetrator.value),
    )
    if by in _PARENT_OF:
        if perpetrator is _PARENT_OF[by]:
            return R_GUARDIAN.finding(
                Status.NEEDS_REVIEW,
                f"consent by a {by.value}, and a {perpetrator.value} is the alleged perpetrator: "
                "it cannot stand for the child unless the one who consented is not the one "
                "alleged; review",
                f"persetujuan oleh {by.value}, dan {perpetrator.value} adalah terduga pelaku: "
                "tidak dapat mewakili anak kecuali yang menyetujui bukan terduga pelaku; perlu "
                "ditinjau",
                facts,
                citation=_PERPETRATOR,
            )
        return R_GUARDIAN.finding(
            Status.MET,
            f"a child: consent by {by.value}",
            f"anak: persetujuan oleh {by.value}",
            facts,
        )
    if by is ConsentGiver.FAMILY:
        if no_parent_can:
            return R_GUARDIAN.finding(
                Status.MET,
                "a child whose parents cannot act: consent by the family",
                "anak yang orang tuanya tidak dapat bertindak: persetujuan oleh keluarga",
                facts,
                citation=_FAMILY_ACTS,
            )
        return R_GUARDIAN.finding(
            Status.NEEDS_REVIEW,
            "a child's consent by the family, while no parent is recorded as unreachable or as "
            "the alleged perpetrator: review",
            "persetujuan anak oleh keluarga, padahal orang tua tidak tercatat tidak dapat "
            "dihubungi atau terduga pelaku: perlu ditinjau",
            facts,
            citation=_FAMILY_ACTS,
        )
    if by is ConsentGiver.SUBJECT:
        heard = consent.child_views_recorded is True
        best = consent.best_interest_recorded is True
        if no_parent_can and heard and best:
            return R_GUARDIAN.finding(
                Status.NEEDS_REVIEW,
                "the child's own consent, heard and recorded, with a social worker acting in the "
                "child's best interest, while no parent can act: the intervention may go ahead, "
                "for review",
                "persetujuan anak sendiri, didengar dan dicatat, dengan pekerja sosial bertindak "
                "demi kepentingan terbaik anak, karena orang tua tidak dapat bertindak: intervensi "
                "dapat berjalan, untuk ditinjau",
                facts,
                citation=_BEST_INTEREST,
            )
        return R_GUARDIAN.finding(
            Status.NOT_MET,
            "a child's consent is given by a parent or guardian, not by the child alone",
            "persetujuan anak diberikan oleh orang tua atau wali, bukan oleh anak sendiri",
            facts,
        )
    return R_GUARDIAN.finding(
        Status.NEEDS_REVIEW,
        "a child's consent by a representative, not a parent or guardian, needs review",
        "persetujuan anak oleh perwakilan, bukan orang tua atau wali, perlu ditinjau",
        facts,
    )


def _views(consent: Consent) -> Finding:
    views = consent.child_views_recorded
    heard = (("child_views_recorded", views),)
    if views is None:
        return R_CHILD_VIEWS.finding(
            Status.UNKNOWN,
            "whether the child's own views were heard is not recorded",
            "tidak dicatat apakah pendapat anak telah didengar",
            heard,
        )
    if views:
        return R_CHILD_VIEWS.finding(
            Status.MET, "the child's views are recorded", "pendapat anak dicatat", heard
        )
    return R_CHILD_VIEWS.finding(
        Status.NEEDS_REVIEW,
        "the child's own views were not heard: the child has the right to be heard",
        "pendapat anak tidak didengar: anak berhak didengar pendapatnya",
        heard,
    )
