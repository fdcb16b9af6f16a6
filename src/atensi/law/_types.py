"""The value types of the law catalogue: dated facts, instruments, editions and data gates."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from atensi.vocab import Citation, CodedEnum, Evidence, Label, Target
from atensi.vocab._base import short_instrument_name
from atensi.vocab.statutory import floor_citation

__all__ = [
    "DataGate",
    "DateFact",
    "Edition",
    "EditionKind",
    "Instrument",
    "InstrumentKind",
    "TargetBasis",
]


class InstrumentKind(CodedEnum):
    """The kind of a legal instrument, highest first (UU 12/2011 hierarchy, then decisions)."""

    UU = "uu", Label("Undang-Undang", "Act (statute)")
    PP = "pp", Label("Peraturan Pemerintah", "Government Regulation")
    PERPRES = "perpres", Label("Peraturan Presiden", "Presidential Regulation")
    INPRES = "inpres", Label("Instruksi Presiden", "Presidential Instruction")
    PMK = (
        "pmk",
        Label("Peraturan Menteri Keuangan", "Minister of Finance Regulation"),
    )
    PERMENSOS = (
        "permensos",
        Label("Peraturan Menteri Sosial", "Minister of Social Affairs Regulation"),
    )
    PERMENDAGRI = (
        "permendagri",
        Label("Peraturan Menteri Dalam Negeri", "Minister of Home Affairs Regulation"),
    )
    KEPMENSOS = (
        "kepmensos",
        Label("Keputusan Menteri Sosial", "Minister of Social Affairs Decision"),
    )
    KEPMENDAGRI = (
        "kepmendagri",
        Label("Keputusan Menteri Dalam Negeri", "Minister of Home Affairs Decision"),
    )
    PERDIRJEN = (
        "perdirjen",
        Label(
            "Peraturan Direktur Jenderal Rehabilitasi Sosial",
            "Regulation of the Director General of Social Rehabilitation",
        ),
    )


class DateFact(NamedTuple):
    """A date with how well it is established.

    Attributes:
        value: the date.
        verified: ``True`` only when the date was read in the instrument's own text or an official
            database; otherwise it is atensi's best evidence and callers may override it.
        evidence: the evidence grade.
        note: how the date was arrived at.
    """

    value: dt.date
    verified: bool
    evidence: Evidence = Evidence.VERIFIED
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping."""
        return {
            "value": self.value.isoformat(),
            "verified": self.verified,
            "evidence": self.evidence.value,
            "note": self.note,
        }


class Instrument(NamedTuple):
    """A legal instrument, as data.

    Attributes:
        id: the stable catalogue identifier (``"permensos-7-2021"``).
        kind: the instrument kind.
        number: the number as written (``"7"``, ``"103/HUK"``).
        year: the year of the instrument.
        title: the official Indonesian title (``"Asistensi Rehabilitasi Sosial"``).
        title_en: an English rendering of the title.
        signed: the date it was signed (ditetapkan), if known.
        promulgated: the date it was promulgated (diundangkan), if known.
        in_force_from: the first day it applies ("from D" includes D), if known.
        replaces: identifiers of instruments it replaces (repeals and substitutes).
        amends: identifiers of instruments it amends.
        gazette: the gazette reference (``"BN 2021 No. 1007"``), if known.
        evidence: how well the instrument's content used by atensi is established.
        addresses: public addresses or identifiers where it can be opened (its entry in the
            sources catalogue, :func:`atensi.law.source`, says more).
        note: anything a reader should know.
        issuer: who issued it (``"Menteri Sosial"``).
        read: what of it was read.
    """

    id: str
    kind: InstrumentKind
    number: str
    year: int
    title: str
    title_en: str
    signed: DateFact | None = None
    promulgated: DateFact | None = None
    in_force_from: DateFact | None = None
    replaces: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    gazette: str | None = None
    evidence: Evidence = Evidence.VERIFIED
    addresses: tuple[str, ...] = ()
    note: str | None = None
    issuer: str | None = None
    read: str | None = None

    @property
    def short_name(self) -> str:
        """The short name lawyers write (``"Permensos 7/2021"``)."""
        return short_instrument_name(self.id)

    @property
    def dates_verified(self) -> bool:
        """Whether the in-force date is verified."""
        return self.in_force_from is not None and self.in_force_from.verified

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping of the instrument."""

        def date_or_none(fact: DateFact | None) -> dict[str, Any] | None:
            return None if fact is None else fact.to_dict()

        return {
            "id": self.id,
            "kind": self.kind.value,
            "number": self.number,
            "year": self.year,
            "short_name": self.short_name,
            "title": self.title,
            "title_en": self.title_en,
            "signed": date_or_none(self.signed),
            "promulgated": date_or_none(self.promulgated),
            "in_force_from": date_or_none(self.in_force_from),
            "replaces": list(self.replaces),
            "amends": list(self.amends),
            "gazette": self.gazette,
            "evidence": self.evidence.value,
            "issuer": self.issuer,
            "addresses": list(self.addresses),
            "read": self.read,
            "note": self.note,
        }


class EditionKind(CodedEnum):
    """Whether an edition is an ATENSI regulation or one of the rule sets before ATENSI."""

    BASELINE = (
        "baseline",
        Label("Sebelum ATENSI", "Before ATENSI"),
        None,
        Label(
            "PP 39/2012 dan PROGRES 5.0 NP, sebelum Permensos 16/2020.",
            "PP 39/2012 and PROGRES 5.0 NP, before Permensos 16/2020.",
        ),
    )
    ATENSI = (
        "atensi",
        Label("Peraturan ATENSI", "ATENSI regulation"),
        None,
        Label(
            "Permensos 16/2020, 7/2021 (diubah 7/2022) dan 15/2025.",
            "Permensos 16/2020, 7/2021 (as amended by 7/2022) and 15/2025.",
        ),
    )


class DataGate(NamedTuple):
    """A welfare-data check an edition applies to its beneficiaries (practice, not statute).

    From 2021 ATENSI beneficiaries were checked against DTKS; from 2025 the programme targets
    DTSEN welfare deciles 1 to 5 (both secondary evidence). A gate never says "not met": outside
    it, a decision needs review.

    Attributes:
        id: ``"dtks"`` or ``"dtsen"``.
        fact: the record field it reads (``"in_dtks"`` or ``"welfare_decile"``).
        max_decile: for a decile gate, the highest decile inside it.
        valid_from: the first day the gate applies within its edition, if it starts later.
        valid_until: the first day it no longer applies within its edition, if it ends earlier.
        citation: where the gate comes from and how well it is established.
    """

    id: str
    fact: str
    citation: Citation
    max_decile: int | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def applies_on(self, on: dt.date) -> bool:
        """Whether the gate applies on ``on`` (from inclusive, until exclusive)."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_until is None or on < self.valid_until
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping."""
        return {
            "id": self.id,
            "fact": self.fact,
            "max_decile": self.max_decile,
            "valid_from": None if self.valid_from is None else self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
            "citation": self.citation.to_dict(),
        }


class TargetBasis(NamedTuple):
    """Why (or whether) a target is a target under an edition.

    ``how`` is ``"named"`` (the edition's own list names it), ``"floor"`` (PP 39/2012 Pasal 6
    names it, beneath every edition), ``"review"`` (the edition's basis for it is doubtful: a
    decision needs review) or ``"absent"`` (neither names it).
    """

    how: str
    citation: Citation


class Edition(NamedTuple):
    """The rule set in force over a period: a base instrument plus its amendments.

    "From" is inclusive and "until" exclusive: an edition valid from 2021-09-01 until 2022-07-01
    applies on 2021-09-01 and on 2022-06-30, not on 2022-07-01.

    Attributes:
        id: the stable edition identifier (``"atensi-2021"``).
        base: the instrument that carries the rules.
        amendments: the amending instruments in force with it, oldest first.
        valid_from: the first day of the edition.
        valid_until: the first day it no longer applies, or ``None`` while it is current.
        targets: the target categories the edition names.
        targets_citation: where the target list comes from and how well it is established.
        dates_verified: whether both boundaries are verified dates.
        kind: an ATENSI regulation or a rule set before ATENSI.
        review_targets: targets the edition's sources leave in doubt, each with the citation
            that explains why (a decision for them needs review).
        data_gates: the welfare-data checks the edition applies.
    """

    id: str
    base: Instrument
    amendments: tuple[Instrument, ...]
    valid_from: dt.date
    valid_until: dt.date | None
    targets: frozenset[Target]
    targets_citation: Citation
    dates_verified: bool
    kind: EditionKind = EditionKind.ATENSI
    review_targets: tuple[tuple[Target, Citation], ...] = ()
    data_gates: tuple[DataGate, ...] = ()

    def basis(self, target: Target) -> TargetBasis:
        """Why ``target`` is a target under this edition, or that it is not.

        The edition's own list comes first; PP 39/2012 Pasal 6 is the floor beneath every
        edition (in force since 5 March 2012, before any edition starts).
        """
        if target in self.targets:
            return TargetBasis("named", self.targets_citation)
        floor = floor_citation(target)
        if floor is not None:
            return TargetBasis("floor", floor)
        for reviewed, citation in self.review_targets:
            if reviewed is target:
                return TargetBasis("review", citation)
        return TargetBasis("absent", self.targets_citation)

    def gates_on(self, on: dt.date) -> tuple[DataGate, ...]:
        """The data gates that apply on ``on``."""
        return tuple(g for g in self.data_gates if g.applies_on(on))

    @property
    def instruments(self) -> tuple[Instrument, ...]:
        """The base instrument followed by its amendments."""
        return (self.base, *self.amendments)

    @property
    def instrument_ids(self) -> tuple[str, ...]:
        """The identifiers of :attr:`instruments`."""
        return tuple(i.id for i in self.instruments)

    @property
    def name(self) -> str:
        """A readable name (``"Permensos 7/2021 as amended by Permensos 7/2022"``)."""
        if not self.amendments:
            return self.base.short_name
        amended = ", ".join(a.short_name for a in self.amendments)
        return f"{self.base.short_name} as amended by {amended}"

    def applies_on(self, on: dt.date) -> bool:
        """Whether the edition applies on ``on`` (from inclusive, until exclusive)."""
        return self.valid_from <= on and (self.valid_until is None or on < self.valid_until)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping of the edition."""
        return {
            "id": self.id,
            "name": self.name,
            "instruments": list(self.instrument_ids),
            "valid_from": self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
            "dates_verified": self.dates_verified,
            "kind": self.kind.value,
            "targets": sorted(t.value for t in self.targets),
            "targets_citation": self.targets_citation.to_dict(),
            "review_targets": [
                {"target": t.value, "citation": c.to_dict()} for t, c in self.review_targets
            ],
            "data_gates": [g.to_dict() for g in self.data_gates],
        }
