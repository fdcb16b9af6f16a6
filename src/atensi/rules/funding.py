"""Assistance and budget: whether an aid's funding is sound, as an explained decision.

:func:`check_funding` reads a delivery's :class:`~atensi.model.Funding` with its amounts and
answers with findings (kind ``funding``); :func:`check_partner_aid` does the same for aid handed
over under a partnership. None of these rules says "no": the sources behind them are secondary
or the caller's own configuration, so the worst they find is ``needs_review``, and what a record
does not hold is ``unknown``. A record that *contradicts* the law (bantuan pemerintah before the
channel existed, a negative or fractional amount) never gets this far: the boundary refuses it.

* ``aid.channel.basis``: the channel rests on an instrument in force on the aid's date (the
  PMK of the channel, :func:`atensi.law.funding_basis`); in a year whose change of regulation
  has no known day, review; before the oldest instrument atensi holds for bansos (June 2012),
  unknown.
* ``aid.agreement.on_file``: bantuan pemerintah to an LKS or a community rests on an agreement
  on file: an agreement number, or a partnership (MoU or PKS) of the portfolio that runs on the
  aid's date (PMK 168/PMK.05/2015 as the Directorate General of Treasury presents it, and the
  sector guidelines that carry it out: the cooperation agreement is signed by the recipient and
  the commitment officer before the first payment; secondary).
* ``aid.amount.ceiling``: the cash amount plus the value of the items in kind stays within a
  ceiling the caller sets (per aid, or per service component); no statute sets one for ATENSI,
  whose aid is set per person after assessment (secondary: the Director General, source
  ``tribunnews-2023-12-22-atensi``).
* ``aid.yapi.rate``: a YAPI payment is Rp200,000 per child per month (secondary; several months
  are often paid at once: Rp600,000 for three); before December 2022 two rates stood,
  Rp300,000 for children not yet in school and Rp200,000 for schoolchildren.
* ``aid.budget_year``: the budget year is the calendar year of the aid (the state budget year
  runs 1 January to 31 December: UU 17/2003 Pasal 4, background knowledge, not read).
* ``aid.data_gate``: aid paid to a person (bansos, or the aid component) goes to someone inside
  the welfare-data gate of its date (DTKS 2021-2024, DTSEN deciles 1-5 from 2025; practice):
  outside it, or unchecked, review. The gates concern aid only: whether a person is a target of
  rehabilitation never depends on them (UU 35/2014 Pasal 59A ties only huruf c, social aid, to
  a poor family).
* ``aid.channel.recipient``: the channel may go to the kind of recipient the aid names
  (``Funding.recipient_kind``), a dated parameter per channel and kind
  (``aid.recipients.<channel>.<kind>``): bansos to persons, families, groups, communities and
  non-government institutions such as an LKS, not to a government body (PMK 81/PMK.05/2012,
  then PMK 254/PMK.05/2015, as the accounting standards committee's bulletin and the
  Treasury present them); bantuan pemerintah to persons who are not civil servants, soldiers
  or police, groups, communities and government or non-government institutions (PMK
  168/PMK.05/2015; the recipients as PMK 62/2023 lists them). All secondary: a recipient the
  channel does not reach is reviewed, and one whose kind is not recorded is unknown.
* ``aid.decree.listed``: the aid goes to a PM that a beneficiary decree (*keputusan penetapan
  PM*, :class:`~atensi.model.BeneficiaryDecree`) in force on the aid's date lists — the decree
  the delivery names (``ServiceDelivery.decree``), or any of the decrees given. Permensos
  15/2025 Pasal 1 angka 7 defines the PM as one named in a decree (the dated parameter
  ``aid.decree_required``: from the ``ars-2025`` edition; before it no instrument atensi holds
  says so, and aid that names no decree is not asked; a decree the aid names is checked on any
  day, citing atensi's convention before the definition). A definition is not a prohibition:
  aid that no decree covers is flagged for review, never refused; decrees not given, or a named
  decree not among them, are ``unknown``. An entitlement's cycle gets the same answer
  (:mod:`atensi.rules.decreed`).

The decision names the edition of ATENSI in force on the aid's date, from the one resolver, with
the caller's pin; the funding channel's own instruments are resolved by
:func:`atensi.law.funding_basis` (they are not editions of ATENSI).

>>> import atensi
>>> from atensi.model import Case
>>> from atensi.rules import check_funding
>>> case = atensi.structure({"id": "C-1", "unit": "SENTRA-01", "opened_on": "2024-01-02",
...     "subject": {"kind": "community", "id": "K-1", "name": "Kampung Pemulung"},
...     "deliveries": [{"id": "D-1", "component": "dukungan_aksesibilitas",
...         "approach": "komunitas", "provider": "LKS-07", "start": "2024-03-01",
...         "amount_idr": 25000000,
...         "funding": {"channel": "bantuan_pemerintah", "budget_year": 2024,
...                     "recipient_kind": "lks", "recipient": "LKS-07"}}]}, Case)
>>> decision = check_funding(case, case.deliveries[0], ceiling_idr=20_000_000)
>>> decision.outcome.value
'needs_review'
>>> for finding in decision.findings:
...     print(finding.rule_id, finding.status.value)
aid.channel.basis met
aid.agreement.on_file needs_review
aid.amount.ceiling needs_review
aid.yapi.rate not_applicable
aid.budget_year met
aid.channel.recipient met
aid.data_gate not_applicable
aid.decree.listed not_applicable
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping

import attrs

from atensi.law import (
    DataGate,
    Edition,
    InForceDates,
    funding_basis,
    get_parameter,
    instrument_in_force,
)
from atensi.model import (
    BeneficiaryDecree,
    Case,
    Family,
    Funding,
    Group,
    InKindItem,
    PartnerAid,
    Partnership,
    ServiceDelivery,
)
from atensi.rules.catalogue import rule
from atensi.rules.decision import Decision, Facts, Finding, Status, outcome_of
from atensi.rules.decreed import DecreeWords, decree_finding
from atensi.rules.gates import gate_answer
from atensi.vocab import (
    AidProgramme,
    Citation,
    Evidence,
    FundingChannel,
    RecipientKind,
    ServiceComponent,
    cite,
)

__all__ = [
    "YAPI_MONTHLY_IDR",
    "Ceiling",
    "check_funding",
    "check_partner_aid",
    "funding_findings",
]

_KIND = "funding"  # the kind of every rule declared here

#: The YAPI rates per child per month, a dated parameter (two before the unification of
#: December 2022, one flat rate since; secondary, see ``AidProgramme.YAPI``).
_YAPI_RATES = get_parameter("aid.yapi.monthly_rates_idr")
#: The published flat YAPI rate, per child per month: the parameter's latest value.
YAPI_MONTHLY_IDR: int = max(_YAPI_RATES.on_date(dt.date.max).numbers)

#: A caller's ceiling: one amount for every aid, or one per service component.
Ceiling = int | Mapping[ServiceComponent, int]

R_BASIS = rule(
    "aid.channel.basis",
    _KIND,
    "the funding channel rests on an instrument in force on the aid's date",
    "jalur pendanaan berdasar pada peraturan yang berlaku pada tanggal bantuan",
    tuple(c for c in (channel.citation for channel in FundingChannel) if c is not None),
    ("funding.channel", "delivery.start"),
)
R_AGREEMENT = rule(
    "aid.agreement.on_file",
    _KIND,
    "bantuan pemerintah to an LKS or a community rests on an agreement on file",
    "bantuan pemerintah kepada LKS atau masyarakat berdasar perjanjian yang terarsip",
    cite(
        "pmk-168-pmk.05-2015",
        None,
        Evidence.SECONDARY,
        source="djpb-bantuan-pemerintah",
        note="the PMK's own article was not read; the Ministry's mechanism is Permensos 11/2020",
    ),
    (
        "funding.channel",
        "funding.recipient_kind",
        "funding.agreement",
        "funding.partnership",
        "portfolio.partnerships",
        "delivery.start",
    ),
)
R_CEILING = rule(
    "aid.amount.ceiling",
    _KIND,
    "an aid's amount (cash and the value of items in kind) stays within the caller's ceiling",
    "nilai bantuan (uang dan nilai barang) tidak melebihi batas yang ditetapkan pengguna",
    cite(
        None,
        None,
        Evidence.CONVENTION,
        source="tribunnews-2023-12-22-atensi",
        note="no statute sets a ceiling for ATENSI aid; the ceiling is the caller's",
    ),
    ("delivery.amount_idr", "delivery.in_kind", "delivery.component", "ceiling_idr"),
)
R_YAPI = rule(
    "aid.yapi.rate",
    _KIND,
    "a YAPI payment is Rp200,000 per child per month",
    "pembayaran YAPI sebesar Rp200.000 per anak per bulan",
    AidProgramme.YAPI.citation,
    ("funding.programme", "funding.months", "delivery.amount_idr", "delivery.start"),
)
R_BUDGET_YEAR = rule(
    "aid.budget_year",
    _KIND,
    "the budget year is the calendar year of the aid",
    "tahun anggaran sama dengan tahun kalender bantuan",
    cite(
        None,
        None,
        Evidence.BACKGROUND,
        source="uu-17-2003",
    ),
    ("funding.budget_year", "delivery.start"),
)

#: Whether a PM is one named in a decree: by edition (Permensos 15/2025 Pasal 1 angka 7).
_DECREE_REQUIRED = get_parameter("aid.decree_required")
R_DECREE = rule(
    "aid.decree.listed",
    _KIND,
    "the aid goes to a PM that a beneficiary decree in force on the aid's date lists",
    "bantuan diberikan kepada PM yang tercantum dalam keputusan penetapan yang berlaku pada "
    "tanggal bantuan",
    (
        cite("permensos-15-2025", "Pasal 1 angka 7", Evidence.VERIFIED),
        *(entry.citation for entry in _DECREE_REQUIRED.entries),
    ),
    (
        "delivery.decree",
        "portfolio.decrees",
        "case.subject",
        "case.id",
        "delivery.start",
        "edition",
    ),
)
#: Whether a channel may go to a kind of recipient, by date: one parameter per pair.
_RECIPIENTS = {
    (channel, kind): get_parameter(f"aid.recipients.{channel.value}.{kind.value}")
    for channel in FundingChannel
    for kind in RecipientKind
}
R_RECIPIENT = rule(
    "aid.channel.recipient",
    _KIND,
    "the funding channel may go to the kind of recipient the aid names",
    "jalur pendanaan boleh diberikan kepada jenis penerima yang dicatat",
    tuple(
        entry.citation
        for parameter in _RECIPIENTS.values()
        for entry in parameter.entries
        if entry.value is not None
    ),
    ("funding.channel", "funding.recipient_kind", "delivery.start"),
)


R_DATA_GATE = rule(
    "aid.data_gate",
    _KIND,
    "aid to a person goes to someone inside the welfare-data gate of its date (DTKS 2021-2024, "
    "DTSEN deciles 1-5 from 2025; practice): outside it, or unchecked, the aid needs review",
    "bantuan kepada orang diberikan kepada yang berada dalam gerbang data kesejahteraan pada "
    "tanggalnya (DTKS 2021-2024, desil DTSEN 1-5 sejak 2025; praktik): di luarnya, atau belum "
    "diperiksa, bantuan perlu ditinjau",
    None,
    (
        "case.assessments",
        "assessment.in_dtks",
        "assessment.welfare_decile",
        "family.welfare_decile",
        "delivery.component",
        "funding.channel",
        "delivery.start",
        "edition",
    ),
    cites="gate",
)
#: Findings that read nothing particular to an aid: made once.
_NO_CEILING = R_CEILING.finding(
    Status.NOT_APPLICABLE, "no ceiling set", "tidak ada batas yang ditetapkan"
)
_NOT_YAPI = R_YAPI.finding(Status.NOT_APPLICABLE, "not a YAPI payment", "bukan pembayaran YAPI")
_UNFUNDED = R_BASIS.finding(Status.NOT_APPLICABLE, "no funding recorded", "pendanaan tidak dicatat")


def _rp(amount: int) -> str:
    return f"Rp{amount:,}"


def _basis(funding: Funding, on: dt.date) -> Finding:
    return _basis_on(funding.channel, on)


# A finding is a value: one per channel and day is enough, and a report reads thousands of aids
# a day (so are the budget year's, below).
@functools.lru_cache(maxsize=1 << 14)
def _basis_on(funding_channel: FundingChannel, on: dt.date) -> Finding:
    channel = funding_channel.value
    basis = funding_basis(funding_channel, on)
    facts = (("channel", channel), ("on", on.isoformat()))
    if basis is None:
        return R_BASIS.finding(
            Status.UNKNOWN,
            f"atensi holds no instrument for '{channel}' on {on.isoformat()} (its catalogue "
            "starts with PMK 81/PMK.05/2012, 1 June 2012)",
            f"atensi tidak memuat peraturan untuk '{channel}' pada {on.isoformat()} (katalog "
            "dimulai dengan PMK 81/PMK.05/2012, 1 Juni 2012)",
            facts,
        )
    names = " or ".join(basis.governing)
    if not basis.certain:
        return R_BASIS.finding(
            Status.NEEDS_REVIEW,
            f"'{channel}' on {on.isoformat()}: {names}; the day the regulation changed that "
            "year was not found",
            f"'{channel}' pada {on.isoformat()}: {names}; tanggal perubahan peraturan pada "
            "tahun itu tidak ditemukan",
            facts,
            citation=basis.citation,
        )
    return R_BASIS.finding(
        Status.MET,
        f"'{channel}' on {on.isoformat()} rests on {names}",
        f"'{channel}' pada {on.isoformat()} berdasar pada {names}",
        facts,
        citation=basis.citation,
    )


def _agreement(
    funding: Funding, on: dt.date, partnerships: Iterable[Partnership] | None
) -> Finding:
    facts = (
        ("channel", funding.channel.value),
        (
            "recipient_kind",
            None if funding.recipient_kind is None else funding.recipient_kind.value,
        ),
    )
    if funding.channel is not FundingChannel.GOVERNMENT_ASSISTANCE:
        return _not_government_assistance(facts)
    if funding.recipient_kind is None:
        return R_AGREEMENT.finding(
            Status.UNKNOWN,
            "bantuan pemerintah to a recipient of unrecorded kind: whether an agreement is "
            "needed is not known",
            "bantuan pemerintah kepada penerima yang jenisnya tidak dicatat: perlu tidaknya "
            "perjanjian tidak diketahui",
            facts,
        )
    if not funding.recipient_kind.institutional:
        return R_AGREEMENT.finding(
            Status.NOT_APPLICABLE,
            "bantuan pemerintah to the people served, not to an LKS or a community",
            "bantuan pemerintah kepada penerima layanan, bukan kepada LKS atau masyarakat",
            facts,
        )
    if funding.agreement:
        return R_AGREEMENT.finding(
            Status.MET,
            "an agreement number is on file",
            "nomor perjanjian tercatat",
            facts,
        )
    if funding.partnership is None:
        return R_AGREEMENT.finding(
            Status.NEEDS_REVIEW,
            "bantuan pemerintah to an LKS or a community with no agreement on file",
            "bantuan pemerintah kepada LKS atau masyarakat tanpa perjanjian yang terarsip",
            facts,
        )
    if partnerships is None:
        return R_AGREEMENT.finding(
            Status.UNKNOWN,
            "the aid names a partnership, but the partnerships were not given",
            "bantuan merujuk kemitraan, tetapi daftar kemitraan tidak diberikan",
            facts,
        )
    found = next((p for p in partnerships if p.id == funding.partnership), None)
    if found is None or not found.active_on(on) or found.agreement is None:
        why = (
            "is not in the portfolio"
            if found is None
            else "does not run on the aid's date"
            if not found.active_on(on)
            else "records no agreement document"
        )
        why_id = (
            "tidak ada dalam portofolio"
            if found is None
            else "tidak berlaku pada tanggal bantuan"
            if not found.active_on(on)
            else "tidak mencatat dokumen perjanjian"
        )
        return R_AGREEMENT.finding(
            Status.NEEDS_REVIEW,
            f"the partnership the aid names {why}",
            f"kemitraan yang dirujuk bantuan {why_id}",
            facts,
        )
    return R_AGREEMENT.finding(
        Status.MET,
        f"rests on a partnership ({found.agreement.value}) that runs on the aid's date",
        f"berdasar kemitraan ({found.agreement.value}) yang berlaku pada tanggal bantuan",
        facts,
    )


@functools.lru_cache(maxsize=64)
def _not_government_assistance(facts: Facts) -> Finding:
    return R_AGREEMENT.finding(
        Status.NOT_APPLICABLE, "not bantuan pemerintah", "bukan bantuan pemerintah", facts
    )


def _limit(ceiling: Ceiling | None, component: ServiceComponent | None) -> int | None:
    if ceiling is None or isinstance(ceiling, int):
        return ceiling
    return None if component is None else ceiling.get(component)


def _ceiling(
    amount: int | None,
    items: tuple[InKindItem, ...],
    component: ServiceComponent | None,
    ceiling: Ceiling | None,
) -> Finding:
    limit = _limit(ceiling, component)
    if limit is None:
        return _NO_CEILING
    known = (amount or 0) + sum(i.value_idr for i in items if i.value_idr is not None)
    unvalued = sum(1 for i in items if i.value_idr is None)
    facts = (("amount_idr", known), ("ceiling_idr", limit), ("items_without_value", unvalued))
    if known > limit:
        return R_CEILING.finding(
            Status.NEEDS_REVIEW,
            f"{_rp(known)} is above the ceiling of {_rp(limit)}",
            f"{_rp(known)} melebihi batas {_rp(limit)}",
            facts,
        )
    if unvalued:
        return R_CEILING.finding(
            Status.UNKNOWN,
            f"{_rp(known)} so far, but {unvalued} item(s) in kind have no recorded value",
            f"{_rp(known)} sejauh ini, tetapi {unvalued} barang tidak tercatat nilainya",
            facts,
        )
    if amount is None and not items:
        return R_CEILING.finding(
            Status.NOT_APPLICABLE,
            "no amount and no items recorded",
            "tidak ada jumlah uang atau barang yang tercatat",
            facts,
        )
    return R_CEILING.finding(
        Status.MET,
        f"{_rp(known)} is within the ceiling of {_rp(limit)}",
        f"{_rp(known)} dalam batas {_rp(limit)}",
        facts,
    )


def _yapi(funding: Funding | None, amount: int | None, on: dt.date) -> Finding:
    if funding is None or funding.programme is not AidProgramme.YAPI:
        return _NOT_YAPI
    months = funding.months
    facts = (("amount_idr", amount), ("months", months), ("on", on.isoformat()))
    if amount is None:
        return R_YAPI.finding(
            Status.UNKNOWN,
            "a YAPI payment with no amount recorded",
            "pembayaran YAPI tanpa jumlah yang tercatat",
            facts,
        )
    rates = frozenset(_YAPI_RATES.on_date(on).numbers)
    shown = " or ".join(_rp(r) for r in sorted(rates))
    if months is not None:
        if amount % months == 0 and amount // months in rates:
            return R_YAPI.finding(
                Status.MET,
                f"{_rp(amount)} for {months} month(s): {shown} a month",
                f"{_rp(amount)} untuk {months} bulan: {shown} per bulan",
                facts,
            )
        return R_YAPI.finding(
            Status.NEEDS_REVIEW,
            f"{_rp(amount)} for {months} month(s) is not the published rate of {shown} a month",
            f"{_rp(amount)} untuk {months} bulan bukan tarif {shown} per bulan yang diumumkan",
            facts,
        )
    if amount in rates:
        return R_YAPI.finding(
            Status.MET,
            f"{_rp(amount)}: one month at the published rate",
            f"{_rp(amount)}: satu bulan sesuai tarif yang diumumkan",
            facts,
        )
    if any(amount > 0 and amount % rate == 0 for rate in rates):
        return R_YAPI.finding(
            Status.UNKNOWN,
            f"{_rp(amount)} is several months at the published rate, but the months it covers "
            "are not recorded",
            f"{_rp(amount)} adalah beberapa bulan sesuai tarif, tetapi jumlah bulannya tidak "
            "dicatat",
            facts,
        )
    return R_YAPI.finding(
        Status.NEEDS_REVIEW,
        f"{_rp(amount)} is no whole number of months at the published rate of {shown}",
        f"{_rp(amount)} bukan kelipatan bulanan tarif {shown} yang diumumkan",
        facts,
    )


def _budget_year(funding: Funding, on: dt.date) -> Finding:
    return _budget_year_on(funding.budget_year, on)


@functools.lru_cache(maxsize=1 << 14)
def _budget_year_on(budget_year: int | None, on: dt.date) -> Finding:
    facts = (("budget_year", budget_year), ("on", on.isoformat()))
    if budget_year is None:
        return R_BUDGET_YEAR.finding(
            Status.UNKNOWN, "no budget year recorded", "tahun anggaran tidak dicatat", facts
        )
    if budget_year != on.year:
        return R_BUDGET_YEAR.finding(
            Status.NEEDS_REVIEW,
            f"budget year {budget_year} for an aid of {on.year}",
            f"tahun anggaran {budget_year} untuk bantuan tahun {on.year}",
            facts,
        )
    return R_BUDGET_YEAR.finding(
        Status.MET, "the budget year of the aid", "tahun anggaran bantuan", facts
    )


def _pm_ids(case: Case) -> frozenset[str]:
    """The ids a decree may list the case's PM by: the subject's and its members'."""
    subject = case.subject
    ids = {subject.id}
    if isinstance(subject, (Family, Group)):
        ids.update(member.id for member in subject.members)
    return frozenset(ids)


_DECREE_WORDS = DecreeWords("the aid", "bantuan", "the aid's date", "tanggal bantuan")


def _decree(
    case: Case,
    delivery: ServiceDelivery,
    decrees: Iterable[BeneficiaryDecree] | None,
    current: Edition,
) -> Finding:
    on = delivery.start
    required = _DECREE_REQUIRED.at(on, current)
    return decree_finding(
        R_DECREE,
        _DECREE_WORDS,
        named=delivery.decree,
        decrees=None if decrees is None else tuple(decrees),
        ids=_pm_ids(case),
        case=case.id,
        day=on,
        asked=required.flag,
        # Cite the definition only on the days it is in force (before it, atensi's convention).
        citation=None if required.flag else required.citation,
    )


def _recipient(funding: Funding, on: dt.date) -> Finding:
    return _recipient_on(funding.channel, funding.recipient_kind, on)


@functools.lru_cache(maxsize=1 << 14)
def _recipient_on(channel: FundingChannel, kind: RecipientKind | None, on: dt.date) -> Finding:
    facts: Facts = (
        ("channel", channel.value),
        ("recipient_kind", None if kind is None else kind.value),
        ("on", on.isoformat()),
    )
    if kind is None:
        return R_RECIPIENT.finding(
            Status.UNKNOWN,
            "the kind of recipient is not recorded",
            "jenis penerima tidak dicatat",
            facts,
        )
    allowed = _RECIPIENTS[(channel, kind)].on_date(on)
    if allowed.value is None:
        return R_RECIPIENT.finding(
            Status.UNKNOWN,
            f"atensi holds no instrument on the recipients of '{channel.value}' on "
            f"{on.isoformat()}",
            f"atensi tidak memuat peraturan tentang penerima '{channel.value}' pada "
            f"{on.isoformat()}",
            facts,
        )
    if allowed.flag:
        return R_RECIPIENT.finding(
            Status.MET,
            f"'{channel.value}' may go to a recipient of kind '{kind.value}'",
            f"'{channel.value}' boleh diberikan kepada penerima berjenis '{kind.value}'",
            facts,
            citation=allowed.citation,
        )
    return R_RECIPIENT.finding(
        Status.NEEDS_REVIEW,
        f"'{channel.value}' does not go to a recipient of kind '{kind.value}'",
        f"'{channel.value}' tidak diberikan kepada penerima berjenis '{kind.value}'",
        facts,
        citation=allowed.citation,
    )


def _findings(
    funding: Funding | None,
    on: dt.date,
    amount: int | None,
    items: tuple[InKindItem, ...],
    component: ServiceComponent | None,
    partnerships: Iterable[Partnership] | None,
    ceiling: Ceiling | None,
) -> tuple[Finding, ...]:
    if funding is None:
        return (_UNFUNDED, _ceiling(amount, items, component, ceiling), _NOT_YAPI)
    return (
        _basis(funding, on),
        _agreement(funding, on, partnerships),
        _ceiling(amount, items, component, ceiling),
        _yapi(funding, amount, on),
        _budget_year(funding, on),
        _recipient(funding, on),
    )


def _data_gates(case: Case, delivery: ServiceDelivery, edition: Edition) -> list[Finding]:
    """The welfare-data gates of the aid's date, for aid paid to a person.

    Aid is the bansos channel or the aid component; the gates concern aid, never
    rehabilitation (UU 35/2014 Pasal 59A huruf c).
    """
    funding = delivery.funding
    aid = delivery.component is ServiceComponent.AID_AND_SOCIAL_ASSISTANCE or (
        funding is not None and funding.channel is FundingChannel.SOCIAL_ASSISTANCE
    )
    on = delivery.start
    gates = edition.gates_on(on)
    if not aid or not gates:
        return [_no_gate(gates[0].citation if gates else None)]
    past = [a for a in case.assessments if a.assessed_on <= on]
    assessment = past[-1] if past else None
    decile = None if assessment is None else assessment.welfare_decile
    if decile is None and isinstance(case.subject, Family):
        decile = case.subject.welfare_decile
    listed = None if assessment is None else assessment.in_dtks
    return [_gate_finding(gate, decile, listed) for gate in gates]


# Findings are values, and a gate's depends only on the gate and the two facts it reads: a
# report reads thousands of aids a day, made once each.
@functools.lru_cache(maxsize=1 << 6)
def _no_gate(citation: Citation | None) -> Finding:
    return R_DATA_GATE.finding(
        Status.NOT_APPLICABLE,
        "not aid to a person, or no welfare-data gate on the date",
        "bukan bantuan kepada orang, atau tidak ada gerbang data pada tanggal itu",
        citation=citation,
    )


@functools.lru_cache(maxsize=1 << 10)
def _gate_finding(gate: DataGate, decile: int | None, listed: bool | None) -> Finding:
    status, en, id_, facts = gate_answer(gate, decile=decile, listed=listed)
    return R_DATA_GATE.finding(status, en, id_, facts, citation=gate.citation)


def _decision(findings: tuple[Finding, ...], on: dt.date, current: Edition) -> Decision:
    return Decision(
        "funding", outcome_of(findings), on, current.id, current.instrument_ids, findings
    )


def check_funding(
    case: Case,
    delivery: ServiceDelivery,
    *,
    partnerships: Iterable[Partnership] | None = None,
    decrees: Iterable[BeneficiaryDecree] | None = None,
    ceiling_idr: Ceiling | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether a delivery's funding is sound, as an explained decision (kind ``funding``).

    Args:
        case: the case the delivery belongs to.
        delivery: the delivery.
        partnerships: the portfolio's partnerships, to resolve ``Funding.partnership``
            (``None``: not given, so a reference to one is ``unknown``).
        decrees: the beneficiary decrees (``Portfolio.decrees``) that may list the case's PM
            (``None``: not given, so whether one does is ``unknown`` where the law asks).
        ceiling_idr: the caller's ceiling: one amount for every aid, or one per component.
        edition: pin an edition, as for every rule; the decision names the edition in force on
            the delivery's start.
        in_force_dates: replace atensi's unverified in-force dates.
    """
    current = instrument_in_force(delivery.start, edition=edition, in_force_dates=in_force_dates)
    findings = funding_findings(
        case,
        delivery,
        partnerships=partnerships,
        decrees=decrees,
        ceiling_idr=ceiling_idr,
        current=current,
    )
    return _decision(findings, delivery.start, current)


def funding_findings(
    case: Case,
    delivery: ServiceDelivery,
    *,
    partnerships: Iterable[Partnership] | None,
    decrees: Iterable[BeneficiaryDecree] | None,
    ceiling_idr: Ceiling | None,
    current: Edition,
) -> tuple[Finding, ...]:
    """The findings :func:`check_funding` decides on, in its order, under ``current``.

    For a reader that counts findings and needs no decision around them (a report's budget):
    ``current`` is the edition :func:`~atensi.law.instrument_in_force` gives the delivery's
    start.
    """
    findings = _findings(
        delivery.funding,
        delivery.start,
        delivery.amount_idr,
        delivery.in_kind,
        delivery.component,
        partnerships,
        ceiling_idr,
    )
    return (
        *findings,
        *_data_gates(case, delivery, current),
        _decree(case, delivery, decrees, current),
    )


def check_partner_aid(
    partnership: Partnership,
    aid: PartnerAid,
    *,
    ceiling_idr: int | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether aid handed over under a partnership is soundly funded (kind ``funding``).

    The partnership is the agreement the aid rests on; ``Funding.partnership`` need not repeat
    it.
    """
    funding = aid.funding
    if funding is not None and funding.partnership is None and not funding.agreement:
        funding = attrs.evolve(funding, partnership=partnership.id)
    findings = _findings(
        funding, aid.on, aid.amount_idr, aid.items, None, (partnership,), ceiling_idr
    )
    current = instrument_in_force(aid.on, edition=edition, in_force_dates=in_force_dates)
    return _decision(findings, aid.on, current)
