"""Juvenile justice, article by article: diversion's thresholds, the Bapas, periods and extensions.

UU 11/2012 (Sistem Peradilan Pidana Anak; in force since 30 July 2014) and PP 65/2015 (diversion
and children under twelve), read in their own texts, set conditions on the decisions that bring a
child to a Sentra or LPKS and duties on the institution that receives the child:

* **diversion is for offences punishable by under seven years that are not a repeat**
  (``justice.diversion.threshold``; Pasal 7 ayat (2), whose elucidation counts an earlier
  offence settled by diversion as a repeat; PP 65/2015 Pasal 3 ayat (2));
* **the diversion agreement needs the victim's consent** (a child victim's family's), unless the
  offence is a misdemeanour, a minor offence (punishable by at most three months), has no victim,
  or the loss is not above the local provincial minimum wage (``justice.diversion.victim_consent``;
  Pasal 9 ayat (2); PP 65/2015 Pasal 7 ayat (1));
* **the Bapas's research report (litmas) comes first**: a diversion weighs it (Pasal 9 ayat (1)
  huruf c), a judgment without it is void (Pasal 60 ayat (3)-(4)), and for a child under twelve
  it is a mandatory prerequisite of the decision (elucidation of Pasal 21 ayat (1); PP 65/2015
  Pasal 68) (``justice.litmas.before_decision``);
* **an extension stays within the law's limit** (``justice.extension.limit``): six months and an
  extension of at most six for a child under twelve (Pasal 21 ayat (1) huruf b, (4)); a measure
  of care at an LPKS at most one year in all (Pasal 82 ayat (2)); an LPKS placement by diversion
  at most three months (Pasal 10 ayat (2) huruf d, 11 huruf c); and the extension for a child
  under twelve follows the Bapas's evaluation that finds the child still needs the programme
  (``justice.extension.evaluation``; Pasal 21 ayat (3)-(4));
* **the institution reports to the Bapas every month** while it runs a child under twelve's
  programme (``justice.report.monthly``; Pasal 21 ayat (5); PP 65/2015 Pasal 85);
* **the juvenile court keeps an offence committed before 18 only until 21** (``justice.court.
  age_21``; Pasal 20): the age that counts is the age on the day the case was brought to court.

How the findings are graded: a condition of the law that the record shows unmet is ``not_met``
(the rules are verified); a document of the Bapas the record does not hold is ``needs_review``
(the case file may simply lack its copy: obtain it, or review the decision); what the record does
not say is ``unknown``. A court's order still binds until the court sets it aside (issue 24's
rules in :mod:`atensi.rules.orders` and :mod:`atensi.rules.consent`): these findings tell the
social worker what to raise with the Bapas or the court, they do not end a placement. Every
number is a dated parameter (``justice.*``, ``orders.*``).

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C", "unit": "U", "opened_on": "2024-03-10",
...     "subject": {"kind": "person", "id": "P", "nik": {"reason": "belum_terdaftar"},
...                 "name": "A", "birth_date": {"value": "2008-05-01"}},
...     "offence": {"committed_on": "2024-03-01", "max_penalty_months": 96,
...                 "repeat_offence": False, "victim": "orang_dewasa", "victim_consent": True},
...     "orders": [{"id": "D-1", "kind": "kesepakatan_diversi", "issued_on": "2024-03-08",
...                 "placement": "residensial", "months": 3}]}, Case)
>>> [(f.rule_id, f.status.value) for f in justice_findings(case, on=dt.date(2024, 3, 20))]
[('justice.diversion.threshold', 'not_met'), ('justice.diversion.victim_consent', 'met'), \
('justice.litmas.before_decision', 'needs_review')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from atensi.law import Parameter, get_parameter
from atensi.model import BapasDocument, Case, CourtOrder, Offence, Person
from atensi.model.orders import order_limit_months
from atensi.rules.age import age_range, months_after
from atensi.rules.catalogue import rule
from atensi.rules.decision import Facts, Finding, Status
from atensi.vocab import (
    Approach,
    BapasDocumentKind,
    Evidence,
    LegalBasisKind,
    OffenceCategory,
    VictimKind,
    cite,
)

__all__ = [
    "R_COURT_AGE",
    "R_DIVERSION",
    "R_EVALUATION",
    "R_EXTENSION",
    "R_LITMAS",
    "R_MONTHLY",
    "R_VICTIM",
    "chain_end",
    "chain_of",
    "justice_findings",
    "progress_reports_due",
]

_LIFECYCLE = "lifecycle"

#: The thresholds, dated parameters of the law (see ``src/atensi/data/law/parameters/``).
_PENALTY_UNDER = get_parameter("justice.diversion.penalty_under_months")
_MINOR_OFFENCE = get_parameter("justice.diversion.minor_offence_max_months")
_INTERVAL = get_parameter("justice.progress_report.interval_months")
_COURT_UNDER = get_parameter("age.juvenile_court_under")
_CHILD_UNDER = get_parameter("groups.anak_berkonflik_hukum.age_under")
_EXTENSION: dict[LegalBasisKind, Parameter] = {
    LegalBasisKind.SPPA_UNDER_TWELVE: get_parameter(
        "orders.keputusan_anak_belum_12.extension_max_months"
    ),
    LegalBasisKind.SPPA_MEASURE: get_parameter(
        "orders.tindakan_perawatan_lpks.extension_max_months"
    ),
    LegalBasisKind.SPPA_DIVERSION: get_parameter("orders.kesepakatan_diversi.extension_max_months"),
}

_THRESHOLD = cite(
    "uu-11-2012",
    "Pasal 7 ayat (2)",
    Evidence.VERIFIED,
    note="diversion where the offence is punishable by imprisonment under 7 years and is not a "
    "repeat; the elucidation counts an offence settled by diversion as a repeat (also PP "
    "65/2015 Pasal 3 ayat (2))",
)
_VICTIM = cite(
    "uu-11-2012",
    "Pasal 9 ayat (2)",
    Evidence.VERIFIED,
    note="the agreement needs the victim's (a child victim's family's) consent, except for a "
    "misdemeanour, a minor offence (at most 3 months, elucidation of huruf b), an offence "
    "without a victim, or a loss not above the local provincial minimum wage (also PP 65/2015 "
    "Pasal 7 ayat (1))",
)
_LITMAS_UNDER_12 = cite(
    "uu-11-2012",
    "Pasal 21 ayat (1) (penjelasan)",
    Evidence.VERIFIED,
    note="the community counsellor's research report is 'persyaratan wajib' before the decision "
    "(also PP 65/2015 Pasal 68 ayat (1), 72 huruf a)",
)
_LITMAS_DIVERSION = cite(
    "uu-11-2012",
    "Pasal 9 ayat (1) huruf c",
    Evidence.VERIFIED,
    note="investigator, prosecutor and judge weigh the Bapas's research report in a diversion "
    "(also PP 65/2015 Pasal 6 ayat (2) huruf c)",
)
_LITMAS_JUDGMENT = cite(
    "uu-11-2012",
    "Pasal 60 ayat (3)-(4)",
    Evidence.VERIFIED,
    note="the judge weighs the research report before the judgment; a judgment that does not is "
    "void",
)
_LIMITS = cite(
    "uu-11-2012",
    "Pasal 21 ayat (1) huruf b, (4); Pasal 82 ayat (2); Pasal 10 ayat (2) huruf d",
    Evidence.VERIFIED,
    note="a child under 12: at most 6 months, extendable by at most 6; a measure of care at an "
    "LPKS: at most one year; an LPKS placement by diversion: at most 3 months (the Act provides "
    "no extension of the last two)",
)
_EVALUATED = cite(
    "uu-11-2012",
    "Pasal 21 ayat (3)-(4)",
    Evidence.VERIFIED,
    note="the Bapas evaluates the programme; it may be extended where the evaluation finds the "
    "child still needs it",
)
_MONTHLY = cite(
    "uu-11-2012",
    "Pasal 21 ayat (5)",
    Evidence.VERIFIED,
    note="the government institution or LPKS reports the child's progress to the Bapas every "
    "month (also PP 65/2015 Pasal 85: in writing, by the head of the LPKS)",
)
_TWENTY_ONE = cite(
    "uu-11-2012",
    "Pasal 20",
    Evidence.VERIFIED,
    note="an offence committed before 18 and brought to court after 18 but before 21 stays in "
    "the juvenile court; the Act does not say so of a case brought at 21 or later",
)

R_DIVERSION = rule(
    "justice.diversion.threshold",
    _LIFECYCLE,
    "diversion is for an offence punishable by imprisonment under seven years that is not a "
    "repeat (an earlier diversion counts as one)",
    "Diversi untuk tindak pidana yang diancam pidana penjara di bawah tujuh tahun dan bukan "
    "pengulangan (termasuk yang pernah diselesaikan melalui Diversi)",
    _THRESHOLD,
    (
        "case.orders",
        "case.offence.max_penalty_months",
        "case.offence.repeat_offence",
        "case.offence.earlier_diversion",
    ),
)
R_VICTIM = rule(
    "justice.diversion.victim_consent",
    _LIFECYCLE,
    "a diversion agreement has the victim's consent (a child victim's family's), unless the "
    "offence is a misdemeanour, a minor offence, has no victim or a loss within the minimum wage",
    "kesepakatan Diversi disetujui korban (keluarga Anak Korban), kecuali pelanggaran, tindak "
    "pidana ringan, tanpa korban, atau kerugian tidak lebih dari upah minimum provinsi",
    _VICTIM,
    (
        "case.orders",
        "case.offence.category",
        "case.offence.max_penalty_months",
        "case.offence.victim",
        "case.offence.victim_consent",
        "case.offence.loss_idr",
        "case.offence.minimum_wage_idr",
    ),
)
R_LITMAS = rule(
    "justice.litmas.before_decision",
    _LIFECYCLE,
    "the Bapas's research report (litmas) comes before a diversion, a decision for a child under "
    "twelve and a judgment",
    "laporan penelitian kemasyarakatan (litmas) Bapas mendahului Diversi, keputusan untuk anak "
    "di bawah dua belas tahun dan putusan",
    (_LITMAS_UNDER_12, _LITMAS_DIVERSION, _LITMAS_JUDGMENT),
    ("case.orders", "case.bapas_documents", "on"),
)
R_EXTENSION = rule(
    "justice.extension.limit",
    _LIFECYCLE,
    "an extension keeps the placement within the law's limit: six months and six more for a "
    "child under twelve, a year for a measure, three months for a diversion",
    "perpanjangan menjaga penempatan dalam batas undang-undang: enam bulan ditambah enam untuk "
    "anak di bawah dua belas tahun, satu tahun untuk tindakan, tiga bulan untuk Diversi",
    _LIMITS,
    ("case.orders", "on"),
)
R_EVALUATION = rule(
    "justice.extension.evaluation",
    _LIFECYCLE,
    "a child under twelve's programme is extended after the Bapas's evaluation finds the child "
    "still needs it",
    "program anak di bawah dua belas tahun diperpanjang setelah evaluasi Bapas menilai anak masih "
    "memerlukannya",
    _EVALUATED,
    ("case.orders", "case.bapas_documents", "on"),
)
R_MONTHLY = rule(
    "justice.report.monthly",
    _LIFECYCLE,
    "the institution running a child under twelve's programme reports to the Bapas every month",
    "instansi atau LPKS yang menjalankan program anak di bawah dua belas tahun melapor kepada "
    "Bapas setiap bulan",
    _MONTHLY,
    ("case.orders", "case.bapas_documents", "on"),
)
R_COURT_AGE = rule(
    "justice.court.age_21",
    _LIFECYCLE,
    "an offence committed before 18 stays in the juvenile court when brought to court before 21",
    "tindak pidana sebelum umur 18 tetap disidangkan di sidang Anak bila diajukan sebelum umur 21",
    _TWENTY_ONE,
    (
        "case.orders",
        "case.offence.committed_on",
        "case.offence.court_on",
        "case.subject.birth_date",
    ),
)

_JUVENILE = (
    LegalBasisKind.SPPA_UNDER_TWELVE,
    LegalBasisKind.SPPA_DIVERSION,
    LegalBasisKind.SPPA_MEASURE,
)
_LITMAS_OF = {
    LegalBasisKind.SPPA_UNDER_TWELVE: _LITMAS_UNDER_12,
    LegalBasisKind.SPPA_DIVERSION: _LITMAS_DIVERSION,
    LegalBasisKind.SPPA_MEASURE: _LITMAS_JUDGMENT,
}


def _number(found: Parameter, on: dt.date) -> int | None:
    return found.on_date(on).number


def chain_of(case: Case, order: CourtOrder) -> tuple[CourtOrder, ...]:
    """The order and every order it extends, the first decision first.

    >>> import datetime as dt
    >>> from atensi.model import Case, CourtOrder, Community
    >>> from atensi.vocab import LegalBasisKind
    >>> first = CourtOrder(id="A", kind=LegalBasisKind.SPPA_UNDER_TWELVE,
    ...                    issued_on=dt.date(2024, 1, 1), months=6)
    >>> second = CourtOrder(id="B", kind=LegalBasisKind.SPPA_UNDER_TWELVE,
    ...                     issued_on=dt.date(2024, 6, 20), starts_on=dt.date(2024, 7, 1),
    ...                     months=6, extends="A")
    >>> case = Case(id="C", subject=Community(id="K", name="K"), unit="U",
    ...             opened_on=dt.date(2024, 1, 1), orders=(first, second))
    >>> [o.id for o in chain_of(case, second)]
    ['A', 'B']
    """
    by_id = {o.id: o for o in case.orders}
    chain = [order]
    seen = {order.id}
    while chain[0].extends is not None:
        earlier = by_id.get(chain[0].extends)
        if earlier is None or earlier.id in seen:
            break
        seen.add(earlier.id)
        chain.insert(0, earlier)
    return tuple(chain)


def _limit_end(first: CourtOrder) -> dt.date | None:
    """The last day (exclusive) the law lets a chain begun by ``first`` run, or None."""
    most = order_limit_months(first.kind, first.start)
    if most is None:
        return None
    extension = _EXTENSION.get(first.kind)
    more = 0 if extension is None else (_number(extension, first.start) or 0)
    return months_after(first.start, most + more)


def chain_end(case: Case, order: CourtOrder, on: dt.date | None = None) -> dt.date | None:
    """The first day an order's chain (it and its extensions) no longer runs, within the law.

    The latest end any order of the chain states, cut at the law's limit for the first decision
    (its period and the extension the law allows). ``None`` when neither says. With ``on``,
    only the extensions made by that day count (a later one does not exist yet).
    """
    chain = chain_of(case, order)
    extensions = [
        o
        for o in case.orders
        if o.extends is not None
        and (on is None or o.issued_on <= on)
        and chain[0] in chain_of(case, o)
    ]
    ends = [e for e in (o.ends_on() for o in (*chain, *extensions)) if e is not None]
    end = max(ends) if ends else None
    limit = _limit_end(chain[0])
    if end is None:
        return limit
    return end if limit is None else min(end, limit)


def _orders_on(case: Case, on: dt.date) -> list[CourtOrder]:
    return [o for o in case.orders if o.issued_on <= on and o.kind in _JUVENILE]


def _documents(case: Case, kind: BapasDocumentKind, on: dt.date) -> list[BapasDocument]:
    return sorted((d for d in case.bapas_documents if d.kind is kind and d.on <= on), key=_on)


def _on(document: BapasDocument) -> dt.date:
    return document.on


def _concerns(document: BapasDocument, ids: set[str]) -> bool:
    """A document that names no order concerns every order of the case."""
    return document.order is None or document.order in ids


def _diversion_threshold(offence: Offence | None, order: CourtOrder) -> Finding | None:
    limit = _number(_PENALTY_UNDER, order.issued_on)
    if limit is None:  # before UU 11/2012 came into force: no diversion to judge
        return None
    if offence is None:
        return R_DIVERSION.finding(
            Status.UNKNOWN,
            "no offence recorded: its maximum penalty and whether it is a repeat decide whether "
            "diversion is open",
            "tindak pidana tidak dicatat: ancaman pidana dan pengulangan menentukan terbukanya "
            "Diversi",
            (("order", order.id),),
        )
    penalty, repeat = offence.max_penalty_months, offence.repeat
    facts: Facts = (("max_penalty_months", penalty), ("repeat", repeat), ("limit_months", limit))
    if penalty is not None and penalty >= limit:
        return R_DIVERSION.finding(
            Status.NOT_MET,
            f"punishable by {penalty} months: diversion is for an offence punishable by under "
            f"{limit} months; raise it with the Bapas and the court that confirmed the agreement",
            f"diancam {penalty} bulan: Diversi untuk tindak pidana yang diancam di bawah {limit} "
            "bulan; sampaikan kepada Bapas dan pengadilan yang menetapkan kesepakatan",
            facts,
        )
    if repeat is True:
        return R_DIVERSION.finding(
            Status.NOT_MET,
            "a repeat offence (an earlier offence settled by diversion counts): diversion is not "
            "open; raise it with the Bapas and the court",
            "pengulangan tindak pidana (termasuk yang pernah diselesaikan melalui Diversi): "
            "Diversi tidak terbuka; sampaikan kepada Bapas dan pengadilan",
            facts,
        )
    if penalty is None or repeat is None:
        return R_DIVERSION.finding(
            Status.UNKNOWN,
            "the maximum penalty or whether the offence is a repeat is not recorded",
            "ancaman pidana atau pengulangan tidak dicatat",
            facts,
        )
    return R_DIVERSION.finding(
        Status.MET,
        f"punishable by {penalty} months, not a repeat: diversion is open",
        f"diancam {penalty} bulan, bukan pengulangan: Diversi terbuka",
        facts,
    )


def _exception(offence: Offence, on: dt.date) -> tuple[str | None, bool]:
    """The Pasal 9 ayat (2) exception that applies (its letter), and whether one may apply."""
    minor = _number(_MINOR_OFFENCE, on)
    penalty = offence.max_penalty_months
    if offence.category is OffenceCategory.MISDEMEANOUR:
        return "a", True
    if minor is not None and penalty is not None and penalty <= minor:
        return "b", True
    if offence.victim is VictimKind.NONE:
        return "c", True
    loss, wage = offence.loss_idr, offence.minimum_wage_idr
    if loss is not None and wage is not None and loss <= wage:
        return "d", True
    unknown = (
        offence.category is None
        or penalty is None
        or offence.victim is None
        or loss is None
        or wage is None
    )
    return None, unknown


def _victim_consent(offence: Offence | None, order: CourtOrder) -> Finding | None:
    if offence is None or _number(_PENALTY_UNDER, order.issued_on) is None:
        return None  # the threshold's finding already says no offence is recorded
    letter, may = _exception(offence, order.issued_on)
    consent = offence.victim_consent
    facts: Facts = (
        ("victim", None if offence.victim is None else offence.victim.value),
        ("victim_consent", consent),
        ("exception", letter),
    )
    if letter is not None:
        return R_VICTIM.finding(
            Status.MET,
            f"no victim's consent needed: Pasal 9 ayat (2) huruf {letter}",
            f"persetujuan korban tidak diperlukan: Pasal 9 ayat (2) huruf {letter}",
            facts,
        )
    if consent is True:
        whose = "the child victim's family" if offence.victim is VictimKind.CHILD else "the victim"
        return R_VICTIM.finding(
            Status.MET,
            f"{whose} agreed to the diversion",
            "korban (keluarga Anak Korban) menyetujui Diversi",
            facts,
        )
    if consent is False and not may:
        return R_VICTIM.finding(
            Status.NOT_MET,
            "the victim did not agree, and no exception of Pasal 9 ayat (2) applies: the "
            "agreement lacks the consent the Act asks for",
            "korban tidak menyetujui dan tidak ada pengecualian Pasal 9 ayat (2): kesepakatan "
            "tidak memiliki persetujuan yang diminta undang-undang",
            facts,
        )
    return R_VICTIM.finding(
        Status.UNKNOWN,
        "the victim's consent, or the facts of an exception (misdemeanour, penalty, victim, loss "
        "and minimum wage), are not recorded",
        "persetujuan korban, atau fakta pengecualian (pelanggaran, ancaman, korban, kerugian dan "
        "upah minimum), tidak dicatat",
        facts,
    )


def _litmas(case: Case, order: CourtOrder, on: dt.date) -> Finding:
    citation = _LITMAS_OF[order.kind]
    reports = [
        d
        for d in _documents(case, BapasDocumentKind.LITMAS, on)
        if d.on <= order.issued_on and _concerns(d, {order.id})
    ]
    facts: Facts = (("order", order.id), ("kind", order.kind.value), ("litmas", bool(reports)))
    if reports:
        return R_LITMAS.finding(
            Status.MET,
            f"a litmas of {reports[-1].on.isoformat()} precedes the decision",
            f"litmas tanggal {reports[-1].on.isoformat()} mendahului keputusan",
            facts,
            citation=citation,
        )
    return R_LITMAS.finding(
        Status.NEEDS_REVIEW,
        "no Bapas research report (litmas) is recorded before the decision: the law asks for one "
        "first; obtain it from the Bapas, or review the decision",
        "tidak tercatat litmas Bapas sebelum keputusan: undang-undang memintanya lebih dahulu; "
        "mintalah kepada Bapas, atau tinjau keputusan",
        facts,
        citation=citation,
    )


def _extension_limit(case: Case, order: CourtOrder) -> Finding | None:
    chain = chain_of(case, order)
    first = chain[0]
    limit = _limit_end(first)
    extension = _EXTENSION.get(first.kind)
    more = None if extension is None else _number(extension, first.start)
    if limit is None or more is None:
        return None
    stated = order.until
    if order.months is not None:
        by_months = months_after(order.start, order.months)
        stated = by_months if stated is None else min(stated, by_months)
    facts: Facts = (
        ("order", order.id),
        ("first", first.id),
        ("extension_allowed_months", more),
        ("runs_to", None if stated is None else stated.isoformat()),
        ("limit", limit.isoformat()),
    )
    if stated is None:
        return R_EXTENSION.finding(
            Status.UNKNOWN,
            "the extension states no period or end: whether it stays within the law's limit is "
            "unknown",
            "perpanjangan tidak menyebut jangka waktu atau akhir: tidak diketahui apakah dalam "
            "batas undang-undang",
            facts,
        )
    runs_to = stated
    if runs_to > limit:
        return R_EXTENSION.finding(
            Status.NOT_MET,
            f"the extension runs to {runs_to.isoformat()}, past the law's limit of "
            f"{limit.isoformat()}: the time past it rests on no order the law allows",
            f"perpanjangan berjalan sampai {runs_to.isoformat()}, melewati batas undang-undang "
            f"{limit.isoformat()}: waktu sesudahnya tidak berdasar putusan yang diizinkan",
            facts,
        )
    if more == 0:
        return R_EXTENSION.finding(
            Status.NEEDS_REVIEW,
            f"the Act provides no extension of this order ({first.kind.label.en}); the whole "
            f"stays within {limit.isoformat()}: review",
            f"undang-undang tidak mengatur perpanjangan putusan ini ({first.kind.label.id}); "
            f"seluruhnya dalam batas {limit.isoformat()}: perlu ditinjau",
            facts,
        )
    return R_EXTENSION.finding(
        Status.MET,
        f"the extension stays within the law's limit ({limit.isoformat()})",
        f"perpanjangan dalam batas undang-undang ({limit.isoformat()})",
        facts,
    )


def _evaluation(case: Case, order: CourtOrder, on: dt.date) -> Finding:
    chain = chain_of(case, order)
    ids = {o.id for o in chain}
    before = chain[-2] if len(chain) > 1 else chain[0]
    found = [
        d
        for d in _documents(case, BapasDocumentKind.EVALUATION, on)
        if before.start <= d.on <= order.issued_on and _concerns(d, ids)
    ]
    facts: Facts = (("order", order.id), ("evaluations", len(found)))
    if not found:
        return R_EVALUATION.finding(
            Status.NEEDS_REVIEW,
            "no Bapas evaluation is recorded before the extension: the Act extends the programme "
            "where the evaluation finds the child still needs it; obtain it, or review",
            "tidak tercatat evaluasi Bapas sebelum perpanjangan: undang-undang memperpanjang "
            "program bila evaluasi menilai anak masih memerlukannya; mintalah, atau tinjau",
            facts,
        )
    latest = found[-1]
    facts = (*facts, ("still_needed", latest.still_needed))
    if latest.still_needed is False:
        return R_EVALUATION.finding(
            Status.NOT_MET,
            f"the Bapas's evaluation of {latest.on.isoformat()} found the child no longer needs "
            "the programme, and it was extended",
            f"evaluasi Bapas tanggal {latest.on.isoformat()} menilai anak tidak lagi memerlukan "
            "program, namun diperpanjang",
            facts,
        )
    if latest.still_needed is None:
        return R_EVALUATION.finding(
            Status.UNKNOWN,
            "a Bapas evaluation precedes the extension, but its finding is not recorded",
            "evaluasi Bapas mendahului perpanjangan, tetapi hasilnya tidak dicatat",
            facts,
        )
    return R_EVALUATION.finding(
        Status.MET,
        f"the Bapas's evaluation of {latest.on.isoformat()} found the child still needs the "
        "programme",
        f"evaluasi Bapas tanggal {latest.on.isoformat()} menilai anak masih memerlukan program",
        facts,
    )


def _programme(order: CourtOrder) -> bool:
    """A Pasal 21 decision for a programme (huruf b), not a return to the parents (huruf a)."""
    return (
        order.kind is LegalBasisKind.SPPA_UNDER_TWELVE
        and order.placement is not Approach.FAMILY_BASED
    )


def progress_reports_due(
    case: Case, order: CourtOrder, on: dt.date
) -> tuple[list[dt.date], dt.date]:
    """The monthly report deadlines missed up to ``on``, and the next one, for a programme.

    Each report is due within one month (the parameter ``justice.progress_report.
    interval_months``) of the programme's start or of the report before; a deadline on or
    after the programme's end is no longer due.
    """
    chain = chain_of(case, order)
    ids = {o.id for o in chain}
    start = chain[0].start
    end = chain_end(case, order, on)
    interval = _number(_INTERVAL, start) or 1
    missed: list[dt.date] = []
    last = start
    for report in _documents(case, BapasDocumentKind.PROGRESS_REPORT, on):
        if report.on < start or not _concerns(report, ids):
            continue
        due = months_after(last, interval)
        while due < report.on and (end is None or due < end):
            missed.append(due)
            due = months_after(due, interval)
        last = report.on
    due = months_after(last, interval)
    while due < on and (end is None or due < end):
        missed.append(due)
        due = months_after(due, interval)
    return missed, due


def _monthly(case: Case, order: CourtOrder, on: dt.date) -> Finding | None:
    if _number(_INTERVAL, order.start) is None or order.start > on:
        return None
    missed, due = progress_reports_due(case, order, on)
    end = chain_end(case, order, on)
    running = end is None or due < end
    facts: Facts = (
        ("order", order.id),
        ("missed", len(missed)),
        ("next_due", due.isoformat() if running else None),
    )
    if missed:
        return R_MONTHLY.finding(
            Status.NOT_MET,
            f"{len(missed)} monthly progress report(s) to the Bapas not sent by the deadline "
            f"(first: {missed[0].isoformat()})",
            f"{len(missed)} laporan perkembangan bulanan kepada Bapas tidak dikirim tepat waktu "
            f"(pertama: {missed[0].isoformat()})",
            facts,
        )
    return R_MONTHLY.finding(
        Status.MET,
        "the monthly progress reports to the Bapas are up to date"
        + (f"; the next is due by {due.isoformat()}" if running else ""),
        "laporan perkembangan bulanan kepada Bapas lengkap"
        + (f"; berikutnya paling lambat {due.isoformat()}" if running else ""),
        facts,
    )


def _court_age(case: Case, order: CourtOrder) -> Finding | None:
    subject = case.subject
    offence = case.offence
    if not isinstance(subject, Person) or subject.birth_date is None or offence is None:
        return None
    committed = offence.committed_on if offence.committed_on is not None else order.offence_on
    if committed is None or offence.court_on is None:
        return None
    court_under = _number(_COURT_UNDER, offence.court_on)
    child_under = _number(_CHILD_UNDER, committed)
    if court_under is None or child_under is None:
        return None
    at_offence = age_range(subject.birth_date, committed)
    at_court = age_range(subject.birth_date, offence.court_on)
    facts: Facts = (
        ("order", order.id),
        ("age_at_offence", at_offence[0]),
        ("age_at_court", at_court[0]),
    )
    if at_offence[1] >= child_under:
        return None  # not a child's offence: the age rule of issue 24 says so
    if at_court[0] >= court_under:
        return R_COURT_AGE.finding(
            Status.NEEDS_REVIEW,
            f"brought to court at {at_court[0]}: Pasal 20 keeps an offence committed before "
            f"{child_under} in the juvenile court only until {court_under}; a juvenile measure "
            "for this person needs a lawyer's review",
            f"diajukan ke sidang pada umur {at_court[0]}: Pasal 20 menahan perkara sebelum umur "
            f"{child_under} di sidang Anak hanya sampai umur {court_under}; tindakan untuk orang "
            "ini perlu ditinjau ahli hukum",
            facts,
        )
    if at_court[1] >= court_under:
        return R_COURT_AGE.finding(
            Status.UNKNOWN,
            f"the estimated age when brought to court, {at_court[0]}-{at_court[1]}, straddles "
            f"{court_under}",
            f"perkiraan umur saat diajukan ke sidang, {at_court[0]}-{at_court[1]}, melintasi "
            f"{court_under}",
            facts,
        )
    return R_COURT_AGE.finding(
        Status.MET,
        f"an offence before {child_under}, brought to court at {at_court[0]}: the juvenile court "
        "keeps it",
        f"tindak pidana sebelum umur {child_under}, diajukan ke sidang pada umur {at_court[0]}: "
        "tetap di sidang Anak",
        facts,
    )


def _per_order(case: Case, order: CourtOrder, on: dt.date) -> Iterator[Finding | None]:
    if order.kind is LegalBasisKind.SPPA_DIVERSION and order.extends is None:
        yield _diversion_threshold(case.offence, order)
        yield _victim_consent(case.offence, order)
    if order.extends is None:
        if _number(_PENALTY_UNDER, order.issued_on) is not None:
            yield _litmas(case, order, on)
    else:
        yield _extension_limit(case, order)
        if chain_of(case, order)[0].kind is LegalBasisKind.SPPA_UNDER_TWELVE:
            yield _evaluation(case, order, on)
    if order.kind is LegalBasisKind.SPPA_MEASURE and order.extends is None:
        yield _court_age(case, order)
    if order.extends is None and _programme(order):
        yield _monthly(case, order, on)


def justice_findings(case: Case, *, on: dt.date) -> tuple[Finding, ...]:
    """Every juvenile-justice finding for ``case`` on ``on`` (orders and documents made by then).

    Empty for a case without a juvenile order (a Pasal 21 decision, a diversion agreement, a
    juvenile court's measure).
    """
    found: list[Finding] = []
    for order in _orders_on(case, on):
        found.extend(f for f in _per_order(case, order, on) if f is not None)
    return tuple(found)
