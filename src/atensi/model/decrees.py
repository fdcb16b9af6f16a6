"""Beneficiary decrees (*keputusan penetapan penerima manfaat*): who is a PM, by whose decision.

Permensos 15/2025 Pasal 1 angka 7 defines a beneficiary (*Penerima Manfaat*, PM) as a person,
family, group or community that receives ARS aid, **meets the requirements and is named in a
decision** (*ditetapkan dalam keputusan*). A :class:`BeneficiaryDecree` is that decision as a
record: its number and date, the unit that issued it, the days it is valid, the basis it names,
and the PM it lists (:class:`DecreeEntry`: who, for which target or target group). Aid links to
the decree that covers it (``ServiceDelivery.decree``); whether an aid
is covered is a rule (``aid.decree.listed`` in :func:`atensi.rules.check_funding`).

Validity is a half-open interval like every span in atensi: from ``valid_from`` (inclusive) to
``valid_until`` (exclusive); a decree revoked on a day covers nothing from that day. A decree
issued after an aid's date did not exist for that aid (a decree may take effect before it was
signed, *berlaku surut*, but the rule reads the facts as they stood on the aid's date).

The record's shape is checked here: validity that ends before it begins, a revocation before
the decree was issued, the same PM listed twice, a group outside the target listed beside it.

>>> import atensi
>>> decree = atensi.structure({"id": "SK-1", "number": "12/3.4/BS.01/1/2026",
...     "issued_on": "2026-01-05", "issued_by": "SENTRA-01", "valid_from": "2026-01-01",
...     "valid_until": "2027-01-01", "basis": "Permensos 15/2025; hasil asesmen",
...     "beneficiaries": [{"subject": "P-1", "target": "anak",
...                        "target_group": "anak_yatim_piatu"}]}, BeneficiaryDecree)
>>> import datetime as dt
>>> decree.active_on(dt.date(2026, 3, 1)), decree.active_on(dt.date(2027, 1, 1))
(True, False)
>>> decree.entry_for(("P-1",)).target.value
'anak'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

from atensi.errors import ErrorDetail
from atensi.model._fields import (
    LIMITS,
    Entity,
    Sensitivity,
    detail,
    field,
    order,
    record_id,
    unique_by,
)
from atensi.vocab import AgencyKind, AidProgramme, Target, TargetGroup, cite

__all__ = ["BeneficiaryDecree", "DecreeEntry", "listing_decree"]

_SHORT = LIMITS["short_text"]
_LONG = LIMITS["long_text"]
_PM = cite("permensos-15-2025", "Pasal 1 angka 7")


@attrs.frozen(slots=True)
class DecreeEntry(Entity):
    """One PM a decree lists: who (the id the case records), and for which target."""

    subject: str = field(
        en="Id of the PM as the case records it (the person, family, group or community)",
        id="Pengenal PM sebagaimana tercatat pada kasus (orang, keluarga, kelompok, masyarakat)",
        sensitivity=Sensitivity.IDENTIFIER,
        min_length=1,
        max_length=_SHORT,
    )
    target: Target | None = field(
        en="The cluster or target the PM is named for",
        id="Klaster atau sasaran penetapan PM",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    target_group: TargetGroup | None = field(
        en="The target group the PM is named for",
        id="Kelompok sasaran penetapan PM",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    case: str | None = field(
        en="Id of the case, where the decree names it",
        id="Pengenal kasus, bila disebut dalam keputusan",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        min_length=1,
        max_length=_SHORT,
    )

    @staticmethod
    def _group_in_target(obj: DecreeEntry) -> list[ErrorDetail]:
        group, target = obj.target_group, obj.target
        if group is None or target is None or group.target is target:
            return []
        return [
            detail(
                "target_group",
                "decree.group_outside_target",
                # No codes in the text: a PM's target group is health data (shown only as the
                # input, with the caller's consent to personal data).
                "the target group belongs to another target than the one named beside it",
                "kelompok sasaran termasuk sasaran lain dari sasaran yang disebut di sampingnya",
                group.value,
            )
        ]

    _invariants: ClassVar[Any] = (_group_in_target,)

    @property
    def named_target(self) -> Target | None:
        """The target the PM is named for (the group's, where only the group is given)."""
        if self.target is not None:
            return self.target
        return None if self.target_group is None else self.target_group.target


@attrs.frozen(slots=True)
class BeneficiaryDecree(Entity):
    """A decree naming beneficiaries (keputusan penetapan PM): number, issuer, validity, PM."""

    id: str = record_id(personal=False)
    number: str = field(
        en="The decree's number as issued",
        id="Nomor keputusan",
        citation=_PM,
        min_length=1,
        max_length=_SHORT,
    )
    issued_on: dt.date = field(en="Date the decree was issued", id="Tanggal penetapan")
    issued_by: str = field(
        en="Code of the unit that issued it (a Sentra, a Dinas Sosial, the Directorate)",
        id="Kode unit yang menetapkan (Sentra, Dinas Sosial, Direktorat)",
        min_length=1,
        max_length=_SHORT,
    )
    issuer_kind: AgencyKind | None = field(
        en="The kind of agency that issued it", id="Jenis lembaga penetap", default=None
    )
    valid_from: dt.date = field(en="First day it is valid", id="Tanggal mulai berlaku")
    valid_until: dt.date | None = field(
        en="First day it is no longer valid (exclusive), if it states one",
        id="Hari pertama tidak berlaku lagi, bila disebut",
        default=None,
    )
    revoked_on: dt.date | None = field(
        en="Day it was revoked or replaced, if it was", id="Tanggal dicabut", default=None
    )
    basis: str | None = field(
        en="The basis it names (regulation, assessment, verification)",
        id="Dasar penetapan (peraturan, asesmen, verifikasi)",
        default=None,
        max_length=_LONG,
    )
    programme: AidProgramme | None = field(
        en="The named aid programme it is for, if any (YAPI)",
        id="Program bantuan bernama, bila ada (YAPI)",
        sensitivity=Sensitivity.CHILD,
        default=None,
    )
    beneficiaries: tuple[DecreeEntry, ...] = field(
        en="The PM it names",
        id="PM yang ditetapkan",
        factory=tuple,
        max_items=LIMITS["items"],
        validator=unique_by(lambda e: e.subject, "PM", "PM"),
    )

    _invariants: ClassVar[Any] = (
        order("valid_from", "valid_until"),
        order("issued_on", "revoked_on"),
    )

    def active_on(self, day: dt.date) -> bool:
        """Whether the decree covers ``day``: issued, valid and not revoked on it."""
        return (
            self.issued_on <= day
            and self.valid_from <= day
            and (self.valid_until is None or day < self.valid_until)
            and (self.revoked_on is None or day < self.revoked_on)
        )

    def entry_for(self, ids: Iterable[str], case: str | None = None) -> DecreeEntry | None:
        """The entry that lists one of ``ids`` (or names ``case``), if the decree has one."""
        wanted = frozenset(ids)
        for entry in self.beneficiaries:
            if entry.subject in wanted or (case is not None and entry.case == case):
                return entry
        return None


def listing_decree(
    decrees: Iterable[BeneficiaryDecree], ids: Iterable[str], day: dt.date, case: str | None = None
) -> BeneficiaryDecree | None:
    """The first of ``decrees`` in force on ``day`` that lists one of ``ids`` (or names ``case``).

    The question every rule on decrees asks when a record names no decree of its own: is the
    PM listed by some decree that covers the day?
    """
    wanted = frozenset(ids)
    return next(
        (d for d in decrees if d.active_on(day) and d.entry_for(wanted, case) is not None), None
    )
