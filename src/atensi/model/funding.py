"""How an aid was paid for: its funding channel, budget year, recipient and agreement.

A delivery (:class:`~atensi.model.ServiceDelivery`) or an aid handed over under a partnership
(:class:`~atensi.model.PartnerAid`) may record its :class:`Funding`. The amounts stay where they
were: the cash amount on the delivery (``amount_idr``) and the value of each item in kind
(``InKindItem.value_idr``), whole rupiah.

The record's *shape* is checked here and by the entity that holds it: a channel that did not
exist on the delivery's date (bantuan pemerintah before PMK 168/PMK.05/2015) is refused
(``funding.channel_not_in_force``). Whether an aid is *sound* (an agreement on file for
bantuan pemerintah to an LKS or a community, an amount within a ceiling, the YAPI flat rate) is a
rule: :func:`atensi.rules.check_funding`. The expenditure account (*akun belanja*) is six
digits of the standard chart of accounts; anything else is refused (``funding.account``).

>>> from atensi.model import Funding
>>> from atensi.vocab import FundingChannel, RecipientKind
>>> paid = Funding(channel=FundingChannel.GOVERNMENT_ASSISTANCE, budget_year=2024,
...                recipient_kind=RecipientKind.LKS, recipient="LKS-07", agreement="PKS-12/2024")
>>> paid.recipient_kind.institutional, "LKS-07" in repr(paid)
(True, False)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from atensi.errors import ErrorDetail
from atensi.law.funding import channel_exists
from atensi.model._fields import LIMITS, Entity, Sensitivity, detail, field, problem
from atensi.vocab import AidProgramme, Evidence, FundingChannel, RecipientKind, cite

__all__ = ["ACCOUNT_CITATION", "ACCOUNT_PATTERN", "Funding", "account_check", "funding_in_force"]

_SHORT = LIMITS["short_text"]
#: An account of the standard chart of accounts (segmen akun): six digits, no separators.
ACCOUNT_PATTERN = "^[0-9]{6}$"
#: Where the account's shape is read (the chart of accounts, PMK 214/PMK.05/2013), graded.
ACCOUNT_CITATION = cite(
    "pmk-214-pmk.05-2013",
    None,
    Evidence.SECONDARY,
    source="djpb-kode-akun",
    note="the account segment has six digits, its first two the kind of spending (57 belanja "
    "bantuan sosial, 52 belanja barang)",
)


def account_check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse an account that is not six ASCII digits (code ``funding.account``).

    The text names no value: an account code is not personal, but the error text stays
    generic like every other.
    """
    if isinstance(value, str) and not (len(value) == 6 and value.isascii() and value.isdigit()):
        raise problem(
            attribute.name,
            "funding.account",
            "not an account of the standard chart of accounts: six digits (574111)",
            "bukan akun Bagan Akun Standar: enam angka (574111)",
            value,
        )


@attrs.frozen(slots=True)
class Funding(Entity):
    """The budget behind one aid: channel, budget year, recipient, agreement, programme."""

    channel: FundingChannel = field(
        en="The funding channel (bansos or bantuan pemerintah)",
        id="Jalur pendanaan (bansos atau bantuan pemerintah)",
    )
    budget_year: int | None = field(
        en="The budget year (tahun anggaran) it was paid from",
        id="Tahun anggaran",
        default=None,
        minimum=2000,
        maximum=2199,
    )
    recipient_kind: RecipientKind | None = field(
        en="Who received it: the person, family or group served, an LKS or a community",
        id="Jenis penerima: perseorangan, keluarga, kelompok, LKS atau masyarakat",
        default=None,
    )
    recipient: str | None = field(
        en="Code of the LKS or community that received it, when not the case's own subject",
        id="Kode LKS atau masyarakat penerima, bila bukan subjek kasus",
        sensitivity=Sensitivity.GENERAL,
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    agreement: str | None = field(
        en="Number of the agreement (PKS) the aid rests on, as filed",
        id="Nomor perjanjian kerja sama (PKS) yang menjadi dasar bantuan",
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    partnership: str | None = field(
        en="Id of the partnership (MoU or PKS) in the portfolio the aid rests on",
        id="Pengenal kemitraan (nota kesepahaman atau PKS) dalam portofolio",
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    programme: AidProgramme | None = field(
        en="A named programme with published terms (YAPI: orphans)",
        id="Program bantuan bernama (YAPI: anak yatim, piatu, yatim piatu)",
        sensitivity=Sensitivity.CHILD,  # YAPI reveals that a child lost a parent
        default=None,
    )
    months: int | None = field(
        en="How many months a periodic payment covers (YAPI is often paid for three at once)",
        id="Jumlah bulan yang dicakup pembayaran berkala",
        default=None,
        minimum=1,
        maximum=120,
    )
    covers_from: dt.date | None = field(
        en="First day of the first month a periodic payment covers (none: the months that end "
        "with the payment's own month, paid in arrears)",
        id="Hari pertama bulan pertama yang dicakup pembayaran berkala (kosong: bulan-bulan "
        "yang berakhir dengan bulan pembayaran)",
        default=None,
    )
    account: str | None = field(
        en="The expenditure account (akun belanja) it was booked on: six digits of the "
        "standard chart of accounts (574111)",
        id="Akun belanja tempat dibukukan: enam angka Bagan Akun Standar (574111)",
        citation=ACCOUNT_CITATION,
        default=None,
        min_length=6,
        max_length=6,
        pattern=ACCOUNT_PATTERN,
        validator=account_check,
    )


def funding_in_force(
    funding: Funding | None, on: dt.date, loc: tuple[str | int, ...] = ("funding", "channel")
) -> list[ErrorDetail]:
    """The problem of a funding channel that did not exist on ``on`` (an invariant's check).

    Only a channel that *certainly* did not exist is refused; an uncertain one is a finding of
    :func:`atensi.rules.check_funding`.
    """
    if funding is None or channel_exists(funding.channel, on) is not False:
        return []
    code = funding.channel.value
    return [
        detail(
            loc,
            "funding.channel_not_in_force",
            f"the funding channel '{code}' did not exist on {on.isoformat()} (bantuan "
            "pemerintah begins with PMK 168/PMK.05/2015)",
            f"jalur pendanaan '{code}' belum ada pada {on.isoformat()} (bantuan pemerintah "
            "dimulai dengan PMK 168/PMK.05/2015)",
            code,
            on=on.isoformat(),
        )
    ]
