"""Entitlements: periodic aid that falls due cycle by cycle until something stops it.

Some ATENSI aid is not a one-off: YAPI pays an orphan a flat rate every month until the child
turns 18 (secondary sources). An :class:`Entitlement` records such an aid for the case's subject
(or one member of a family or group): the programme or the amount per cycle, how often it falls
due (:class:`~atensi.vocab.CycleFrequency`), from when and until when, the channel it is paid
through and the decree that grants it. The payments are the case's deliveries that name it
(``ServiceDelivery.entitlement``), each covering ``Funding.months`` months from
``Funding.covers_from``.

Whether a cycle is due — the age limit, the condition it rests on (an orphan who is no longer
one), a death, the case's termination, the entitlement's own end and its decree's validity —
and whether what was paid was due, are rules (:mod:`atensi.rules.entitlements`:
:func:`~atensi.rules.check_entitlement`, :func:`~atensi.rules.entitlement_cycles`,
:func:`~atensi.rules.cycles_due`, :func:`~atensi.rules.overpaid`). A record that contradicts
itself there (a payment for a cycle after the end, an amount against the rate) is a finding, not
a refusal; the record's shape alone is checked here (an end before the start).

>>> import atensi
>>> grant = atensi.structure({"id": "E-1", "programme": "yapi", "channel": "bansos",
...     "condition": "anak_yatim_piatu", "starts_on": "2023-01-01"}, Entitlement)
>>> grant.frequency.value, grant.amount_idr is None, "E-1" in repr(grant)
('bulanan', True, False)
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.model._fields import LIMITS, Entity, Sensitivity, field, order, record_id, whole_rupiah
from atensi.vocab import (
    AidProgramme,
    CycleFrequency,
    FundingChannel,
    RecipientKind,
    TargetGroup,
)

__all__ = ["Entitlement"]

_SHORT = LIMITS["short_text"]


@attrs.frozen(slots=True)
class Entitlement(Entity):
    """A periodic aid granted to the case's subject (or one member): a schedule and its terms."""

    id: str = record_id(personal=True)
    channel: FundingChannel = field(
        en="The funding channel it is paid through", id="Jalur pendanaan pembayarannya"
    )
    starts_on: dt.date = field(en="First day of the first cycle", id="Hari pertama siklus pertama")
    until: dt.date | None = field(
        en="First day it no longer runs (exclusive), if it states an end",
        id="Hari pertama tidak berlaku lagi, bila disebut",
        default=None,
    )
    frequency: CycleFrequency = field(
        en="How often it falls due", id="Frekuensi jatuh tempo", default=CycleFrequency.MONTHLY
    )
    programme: AidProgramme | None = field(
        en="The named programme whose published terms apply (YAPI)",
        id="Program bantuan bernama yang ketentuannya berlaku (YAPI)",
        sensitivity=Sensitivity.CHILD,  # YAPI reveals that a child lost a parent
        default=None,
    )
    amount_idr: int | None = field(
        en="Amount per cycle in whole rupiah (none: the programme's rate on each cycle's day)",
        id="Jumlah per siklus dalam rupiah (kosong: tarif program pada tanggal siklus)",
        sensitivity=Sensitivity.FINANCIAL,
        default=None,
        minimum=0,
        maximum=LIMITS["amount_idr"],
        validator=whole_rupiah,
    )
    condition: TargetGroup | None = field(
        en="The condition it rests on (an orphan's, for YAPI): it stops when that ends",
        id="Kondisi yang menjadi dasarnya (yatim, untuk YAPI): berhenti bila kondisi berakhir",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    age_under: int | None = field(
        en="An age limit of its own (the programme's, a dated parameter, applies otherwise)",
        id="Batas usia tersendiri (bila tidak, batas program yang berlaku)",
        default=None,
        minimum=1,
        maximum=150,
    )
    member: str | None = field(
        en="Id of the member who holds it, when the subject is a family or a group",
        id="Pengenal anggota pemegang hak, bila subjek berupa keluarga atau kelompok",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    decree: str | None = field(
        en="Id of the beneficiary decree that grants it",
        id="Pengenal keputusan penetapan PM yang menjadi dasarnya",
        default=None,
        min_length=1,
        max_length=_SHORT,
    )
    recipient_kind: RecipientKind | None = field(
        en="Who receives the payments: the person, the family, an LKS ... (each payment's own "
        "funding is what aid.channel.recipient checks)",
        id="Jenis penerima pembayaran: perseorangan, keluarga, LKS ... (pendanaan tiap "
        "pembayaran yang diperiksa aid.channel.recipient)",
        default=None,
    )

    _invariants: ClassVar[Any] = (order("starts_on", "until"),)
