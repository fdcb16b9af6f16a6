"""Court orders bind: what an order means for a case, article by article.

An order (:class:`~atensi.model.CourtOrder`, held in ``Case.orders``) is the legal basis of the
placement it orders, and it binds the case while it runs:

* **it replaces consent** for its period and within the law's limit (``case.consent.mode``,
  ``case.consent.order_period``, in :mod:`atensi.rules.consent`); an order's own end, its
  period and the law's limit are read together (the earliest decides);
* **the age at the offence decides the regime** (``case.order.age_at_offence``, UU 11/2012,
  verified): a decision under Pasal 21 is for a child *under twelve when the offence was
  committed*; a juvenile court's measure is for one who was twelve to seventeen then (Pasal 1
  angka 3), and one who offended before 18 stays in the juvenile court until 21 (Pasal 20); an
  order that does not fit, or an offence date that is not recorded, asks for review or is
  unknown, never a refusal (the order is the court's, not atensi's);
* **it binds past the 18th birthday** (``case.order.past_18``): a measure runs its term (Pasal
  82 ayat (2)); the Act ends no measure at 18, and carries a sentence on past 18 and 21 (Pasal
  86);
* **a withdrawal does not end it** (``case.order.withdrawal``): closing a case that runs under
  an order with the reason "the beneficiary withdrew" needs review (UU 35/2009 Pasal 103 and
  PP 25/2011 Pasal 13 ayat (2) make an ordered rehabilitation an obligation; a juvenile
  measure is the court's);
* **it justifies the placement it orders** (``svc.order.placement`` in the services decision,
  and ``svc.anak.family_first`` for a child, which the policy indicator reads too).

:func:`assess_order` answers these for one order on a date, as a decision of kind ``order``.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C", "unit": "U", "opened_on": "2024-01-02",
...     "subject": {"kind": "person", "id": "P", "nik": {"reason": "belum_terdaftar"},
...                 "name": "A", "birth_date": {"value": "2012-05-01"}},
...     "orders": [{"id": "O-1", "kind": "keputusan_anak_belum_12", "issued_on": "2024-01-03",
...                 "offence_on": "2023-12-20", "placement": "residensial"}]}, Case)
>>> decision = assess_order(case, case.orders[0], on=dt.date(2024, 2, 1))
>>> [(f.rule_id, f.status.value) for f in decision.findings]
[('case.consent.order_period', 'met'), ('case.order.age_at_offence', 'met')]
"""

from __future__ import annotations

import datetime as dt

from atensi.law import Edition, InForceDates, Parameter, get_parameter, instrument_in_force
from atensi.model import Case, CourtOrder, Person
from atensi.rules._args import entity_argument
from atensi.rules.age import age_range, child_age_limit
from atensi.rules.catalogue import rule
from atensi.rules.decision import Decision, Facts, Finding, Status, outcome_of
from atensi.vocab import Citation, Evidence, LegalBasisKind, cite

__all__ = [
    "R_AGE_AT_OFFENCE",
    "R_PAST_18",
    "R_WITHDRAWAL",
    "age_at_offence_finding",
    "assess_order",
    "order_running",
    "past_18_finding",
    "withdrawal_finding",
]

#: The juvenile regime's ages, dated parameters of the law: a child under ``age_min`` at the
#: offence is dealt with under UU 11/2012 Pasal 21; one aged ``age_min`` to ``age_under`` - 1
#: then is "in conflict with the law" (Pasal 1 angka 3); one who offended before ``age_under``
#: stays in the juvenile court until ``age.juvenile_court_under`` (Pasal 20).
_SPPA_AGE_MIN = get_parameter("groups.anak_berkonflik_hukum.age_min")
_SPPA_AGE_UNDER = get_parameter("groups.anak_berkonflik_hukum.age_under")
_JUVENILE_COURT_UNDER = get_parameter("age.juvenile_court_under")

_REGIME = cite(
    "uu-11-2012",
    "Pasal 1 angka 3; Pasal 20; Pasal 21 ayat (1)",
    Evidence.VERIFIED,
    note="a child under 12 when the offence was committed: a decision of investigator, "
    "community counsellor and social worker (Pasal 21); aged 12 to 17 then: the juvenile "
    "court, which keeps an offence committed before 18 until the person is 21 (Pasal 20)",
)
_PAST_18 = cite(
    "uu-11-2012",
    "Pasal 82 ayat (2); Pasal 86",
    Evidence.VERIFIED,
    note="the measure runs the term the court set (at most one year); the Act ends no measure "
    "at 18, and carries a sentence on past 18 and 21 (Pasal 86)",
)
_BINDS = cite(
    "pp-25-2011",
    "Pasal 13 ayat (2)",
    Evidence.VERIFIED,
    note="an addict ordered by a court's verdict or order must undergo the rehabilitation "
    "(also UU 35/2009 Pasal 103); a juvenile measure is the court's (UU 11/2012 Pasal 82)",
)

_KIND = "lifecycle"  # the kind of every rule declared here
R_AGE_AT_OFFENCE = rule(
    "case.order.age_at_offence",
    _KIND,
    "the age at the offence fits the order: under 12 for a Pasal 21 decision, 12 to 17 for a "
    "juvenile court's measure, tried before 21 (UU 11/2012 Pasal 1 angka 3, 20, 21)",
    "umur saat tindak pidana sesuai putusan: di bawah 12 untuk keputusan Pasal 21, 12 sampai "
    "17 untuk tindakan pengadilan anak, diadili sebelum 21 (UU 11/2012 Pasal 1 angka 3, 20, 21)",
    _REGIME,
    ("order.kind", "order.offence_on", "order.issued_on", "case.subject.birth_date"),
)
R_PAST_18 = rule(
    "case.order.past_18",
    _KIND,
    "an order binds past the 18th birthday: a juvenile measure runs its term",
    "putusan tetap mengikat setelah ulang tahun ke-18: tindakan anak berjalan sampai masanya",
    _PAST_18,
    (
        "order.kind",
        "order.starts_on",
        "order.months",
        "order.until",
        "case.subject.birth_date",
        "on",
    ),
)
R_WITHDRAWAL = rule(
    "case.order.withdrawal",
    _KIND,
    "a case under an order is not closed by the beneficiary's withdrawal without review",
    "kasus berdasarkan putusan tidak ditutup karena penerima manfaat mengundurkan diri tanpa "
    "peninjauan",
    _BINDS,
    ("case.orders", "case.legal_basis", "reason", "on"),
)

_JUVENILE = frozenset(
    {LegalBasisKind.SPPA_MEASURE, LegalBasisKind.SPPA_UNDER_TWELVE, LegalBasisKind.SPPA_DIVERSION}
)


def order_running(case: Case, on: dt.date) -> CourtOrder | None:
    """The order of the case that runs on ``on`` (the latest made, when several run)."""
    running = [o for o in case.orders if o.runs_on(on)]
    return running[-1] if running else None


def _ages(case: Case, day: dt.date) -> tuple[int, int] | None:
    subject = case.subject
    if not isinstance(subject, Person) or subject.birth_date is None:
        return None
    return age_range(subject.birth_date, day)


def _years(found: Parameter, on: dt.date) -> int:
    value = found.on_date(on).number
    if value is None:  # pragma: no cover - the band has a value from the first rule set on
        raise AssertionError(f"{found.name} has no value on {on}")
    return value


def age_at_offence_finding(case: Case, order: CourtOrder) -> Finding | None:
    """Whether the person's age at the offence fits a juvenile order (None for other kinds)."""
    kind = order.kind
    if kind not in _JUVENILE:
        return None
    facts: Facts = (("kind", kind.value), ("offence_on", None), ("age_at_offence", None))
    if order.offence_on is None:
        return R_AGE_AT_OFFENCE.finding(
            Status.UNKNOWN,
            "the date of the offence is not recorded: the age at the offence decides the regime",
            "tanggal tindak pidana tidak dicatat: umur saat itu menentukan rezimnya",
            facts,
        )
    ages = _ages(case, order.offence_on)
    facts = (
        ("kind", kind.value),
        ("offence_on", order.offence_on.isoformat()),
        ("age_at_offence", None if ages is None else ages[0]),
    )
    if ages is None:
        return R_AGE_AT_OFFENCE.finding(
            Status.UNKNOWN,
            "no birth date: the age at the offence is not known",
            "tanggal lahir tidak dicatat: umur saat tindak pidana tidak diketahui",
            facts,
        )
    youngest, oldest = ages
    under_twelve = _years(_SPPA_AGE_MIN, order.offence_on)
    childhood_ends = _years(_SPPA_AGE_UNDER, order.offence_on)
    if kind is LegalBasisKind.SPPA_UNDER_TWELVE:
        if oldest < under_twelve:
            return R_AGE_AT_OFFENCE.finding(
                Status.MET,
                f"under {under_twelve} at the offence: a decision under Pasal 21",
                f"di bawah {under_twelve} tahun saat tindak pidana: keputusan Pasal 21",
                facts,
            )
        settled = youngest >= under_twelve
        return R_AGE_AT_OFFENCE.finding(
            Status.NEEDS_REVIEW if settled else Status.UNKNOWN,
            f"a Pasal 21 decision for a person {youngest}"
            + ("" if settled else f"-{oldest}")
            + " at the offence: Pasal 21 is for a child under 12 then",
            f"keputusan Pasal 21 untuk orang berumur {youngest}"
            + ("" if settled else f"-{oldest}")
            + " saat tindak pidana: Pasal 21 untuk anak di bawah 12",
            facts,
        )
    if oldest < under_twelve or youngest >= childhood_ends:
        return R_AGE_AT_OFFENCE.finding(
            Status.NEEDS_REVIEW,
            f"aged {youngest} at the offence: a juvenile court's order is for a child who was "
            f"{under_twelve} to {childhood_ends - 1} then",
            f"berumur {youngest} saat tindak pidana: putusan pengadilan anak untuk anak berumur "
            f"{under_twelve} sampai {childhood_ends - 1} saat itu",
            facts,
        )
    if youngest < under_twelve or oldest >= childhood_ends:
        return R_AGE_AT_OFFENCE.finding(
            Status.UNKNOWN,
            f"the estimated age at the offence, {youngest}-{oldest}, straddles a threshold",
            f"perkiraan umur saat tindak pidana, {youngest}-{oldest}, melintasi batas",
            facts,
        )
    at_order = _ages(case, order.issued_on)
    court_until = _JUVENILE_COURT_UNDER.on_date(order.issued_on).number
    if at_order is not None and court_until is not None and at_order[0] >= court_until:
        return R_AGE_AT_OFFENCE.finding(
            Status.NEEDS_REVIEW,
            f"an offence before 18, but the order came at {at_order[0]}: the juvenile court "
            f"keeps such a case only until {court_until} (Pasal 20)",
            f"tindak pidana sebelum 18, tetapi putusan pada umur {at_order[0]}: pengadilan anak "
            f"hanya sampai umur {court_until} (Pasal 20)",
            facts,
        )
    return R_AGE_AT_OFFENCE.finding(
        Status.MET,
        f"aged {youngest} at the offence: the juvenile regime applies, and the order binds "
        "whatever the age today",
        f"berumur {youngest} saat tindak pidana: rezim anak berlaku, dan putusan mengikat berapa "
        "pun umurnya kini",
        facts,
    )


def past_18_finding(case: Case, order: CourtOrder, on: dt.date) -> Finding | None:
    """For a juvenile order that runs on ``on`` after the 18th birthday: it still binds."""
    if order.kind not in _JUVENILE or not order.runs_on(on):
        return None
    ages = _ages(case, on)
    if ages is None or ages[0] < child_age_limit(on):
        return None
    end = order.ends_on()
    return R_PAST_18.finding(
        Status.MET,
        f"aged {ages[0]}: the order binds past the 18th birthday, until "
        f"{'its end' if end is None else end.isoformat()}",
        f"berumur {ages[0]}: putusan tetap mengikat setelah 18 tahun, sampai "
        f"{'akhir masanya' if end is None else end.isoformat()}",
        (("age", ages[0]), ("runs_until", None if end is None else end.isoformat())),
    )


def _kind_citation(kind: LegalBasisKind) -> Citation | None:
    return kind.citation


def withdrawal_finding(case: Case, on: dt.date) -> Finding | None:
    """For a closing by withdrawal while an order runs (or a legal basis stands): review."""
    running = order_running(case, on)
    basis = case.legal_basis
    standing = (
        basis is not None and basis.issued_on <= on and (basis.until is None or on < basis.until)
    )
    if running is None and not standing:
        return None
    kind = running.kind if running is not None else basis.kind  # type: ignore[union-attr]
    return R_WITHDRAWAL.finding(
        Status.NEEDS_REVIEW,
        f"the case runs under an order ({kind.value}): the beneficiary's withdrawal does not "
        "end it; review (the court that made it may)",
        f"kasus berjalan berdasarkan putusan ({kind.value}): pengunduran diri penerima manfaat "
        "tidak mengakhirinya; perlu ditinjau",
        (("kind", kind.value),),
    )


def assess_order(
    case: Case,
    order: CourtOrder,
    *,
    on: dt.date,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """What one order of ``case`` means on ``on``, as an explained decision (kind ``order``).

    The findings: whether it runs (its own end, its period and the law's limit;
    ``case.consent.order_period``), whether the age at the offence fits it
    (``case.order.age_at_offence``), and that it binds past the 18th birthday
    (``case.order.past_18``). The edition is the one in force on ``on``, from the one
    resolver.

    Raises:
        WrongArgument: if ``case`` or ``order`` is plain data, not the entity.
    """
    from atensi.rules.consent import order_period_finding

    entity_argument(case, (Case,), "case")
    entity_argument(order, (CourtOrder,), "order")
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    found = [order_period_finding(order, on)]
    for extra in (age_at_offence_finding(case, order), past_18_finding(case, order, on)):
        if extra is not None:
            found.append(extra)
    findings = tuple(found)
    return Decision("order", outcome_of(findings), on, current.id, current.instrument_ids, findings)
