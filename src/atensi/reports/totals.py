"""Beneficiary totals: distinct PM per cell, streamed, mergeable, re-aggregated exactly.

**What is counted.** A PM (penerima manfaat: a person, family, group or community that receives
the programme's aid, Permensos 15/2025 Pasal 1 angka 7, verified) is *served* in a bucket when a
delivery of its case overlaps the bucket: from the delivery's start to its end (a delivery with
no end counts on its first day only; record ``end`` for a stay that spans buckets). A person
served three times in a year is **one** PM that year. Who is the same PM, and what kind of PM,
is :mod:`atensi.rules.beneficiaries`: a family is one PM of kind ``family``, or, with
``members=True``, one PM per member.

**The axes** of a cell (:data:`AXES`):

==================  ==========================================================================
``period``          the bucket: ``2024``, ``2024-Q1``, ``2024-03`` or the whole period
``kind``            ``person``, ``family``, ``group``, ``community``
``target``          the cluster, or ``korban_bencana`` / ``ppks_lainnya`` beyond the clusters
``target_group``    the target group (``anak_jalanan``, ``lanjut_usia_terlantar`` ...)
``province``        2-digit Kemendagri code of where the PM lives
``regency``         4-digit code of the regency or city
``approach``        ``keluarga``, ``komunitas``, ``residensial`` (of the delivery)
``unit``            the serving unit of the case
``channel``         the delivery's funding channel (``bansos``, ``bantuan_pemerintah``)
``component``       the service component delivered
==================  ==========================================================================

A value that is not recorded (no domicile, no condition, no funding) is ``None``: the PM is
counted in a cell that says so, never dropped and never guessed.

**Re-aggregation is exact, by union, not by sums.** Each cell holds the *set* of its PM's keys
(:mod:`atensi.reports.keys`); a coarser table (province instead of regency, the whole year,
every unit) is the union of the finer cells' sets. A PM falls in **every** cell its values put
it in: a person in two target groups counts once in each and once in their target; a family
whose members live in two regencies counts once in each regency and once in the province. So a
coarser total is never more than the sum of its parts, and equals it exactly when every PM lies
in one part (a person living in one regency: regency totals then sum to the province total).

**Memory** is proportional to the (cell, PM) pairs, not to the records, and held packed
(:mod:`atensi.reports.packed`): each distinct pair is one record of the cell's *tag* (each kept
axis's value numbered in one byte, two where an axis has more than 255 values, such as the 514
regencies of a national report) and the PM's 16-byte key, sorted and merged as it grows; no
Python object is kept per PM or per cell. With the seven default axes that is 23 to 25 bytes
a pair: about 40 bytes a distinct PM when each PM lies in one or two cells (the figures are in
the performance notes). Partial totals of partitions merge exactly (:meth:`Totals.merge`); that
is why they carry keys and not counts.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case, Period
>>> delivery = {"component": "terapi", "approach": "keluarga", "provider": "S-1"}
>>> case = atensi.structure({"id": "C-1", "unit": "S-1", "opened_on": "2024-01-02",
...     "subject": {"kind": "person", "id": "P-1", "nik": "3171014103900001", "name": "Siti",
...                 "domicile": "317101", "conditions": [{"group": "lanjut_usia_terlantar"}]},
...     "deliveries": [{**delivery, "id": f"D-{n}", "start": f"2024-0{n}-01"} for n in (2, 3, 4)]},
...     Case)
>>> totals = Totals(Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)))
>>> totals.add(case)
>>> totals.counts(("period", "target", "province"))
((('2024', 'lanjut_usia', '31'), 1),)
"""

from __future__ import annotations

import functools
import itertools
import operator
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from atensi.model import TARGET_AXES, Case, Period, PmTarget, ServiceDelivery
from atensi.reports import _window
from atensi.reports.codes import CODE
from atensi.reports.errors import ReportError
from atensi.reports.keys import BeneficiaryKeys, different_keys
from atensi.reports.packed import KEY_BYTES, PackedPairs, distinct_keys
from atensi.reports.periods import GRANULARITIES, buckets, buckets_between
from atensi.reports.render import csv_text, sort_key
from atensi.rules.beneficiaries import identity, regencies
from atensi.vocab import TargetGroup

__all__ = [
    "AXES",
    "DEFAULT_BY",
    "Achievement",
    "Cell",
    "Totals",
    "TotalsSpec",
    "beneficiary_totals",
]

#: Every axis a cell may have, in the order tables show them (a target names the same axes).
AXES: tuple[str, ...] = TARGET_AXES
#: The axes kept by default: the finest that answer the usual questions (``target`` and
#: ``province`` are derived from ``target_group`` and ``regency``).
DEFAULT_BY: tuple[str, ...] = (
    "period",
    "kind",
    "target_group",
    "regency",
    "approach",
    "unit",
    "channel",
)
_TARGET_OF = {g.value: g.target.value for g in TargetGroup}
#: Axes a coarser table can derive from a kept one, and how.
_DERIVED: dict[str, tuple[str, Callable[[str], str]]] = {
    "target": ("target_group", _TARGET_OF.__getitem__),
    "province": ("regency", lambda code: code[:2]),
}

#: Where each axis is in the values :meth:`Totals.contributions` gathers (the order of AXES).
_POSITION = {axis: i for i, axis in enumerate(AXES)}
#: The values of an axis that was not asked for (never read: the axis is not kept).
_NOT_ASKED: tuple[str | None, ...] = (None,)

#: A cell: one value (or ``None``, not recorded) per axis.
Cell = tuple[str | None, ...]
#: How ``struct`` reads a big-endian number of 1, 2 or 4 bytes (an axis's width).
_STRUCT_CODE = {1: "B", 2: "H", 4: "I"}


def _no_values(cell: Cell) -> tuple[()]:
    return ()


@functools.lru_cache(maxsize=64)
def _reading(by: tuple[str, ...]) -> tuple[tuple[int, ...], bool]:
    """Where each kept axis is in the values a delivery gives, and whether groups are read."""
    return tuple(_POSITION[axis] for axis in by), "target_group" in by or "target" in by


class _Kept(NamedTuple):
    """What the tables read of the pairs, kept until the next record.

    The kept cells, where each one's records are in the run (``(first, count)``), and the key
    of every record (one object each, its hash worked out once for every table).
    """

    cells: list[Cell]
    spans: list[tuple[int, int]]
    keys: list[bytes]


class _Derived(dict[Any, Cell]):
    """The cell of each distinct pick of a kept cell's values, worked out when first asked.

    ``derives`` holds, per picked value, how to derive the wanted axis from it (``None``: the
    value itself); ``single``: the pick is one value, not a tuple (``itemgetter`` of one index).
    """

    __slots__ = ("derives", "single")

    def __init__(self, derives: list[Callable[[str], str] | None], *, single: bool) -> None:
        super().__init__()
        self.derives = derives
        self.single = single

    def __missing__(self, picked: Any) -> Cell:
        values = (picked,) if self.single else picked
        cell = tuple(
            value if derive is None or value is None else derive(value)
            for value, derive in zip(values, self.derives, strict=True)
        )
        self[picked] = cell
        return cell


class _Codes:
    """The numbers of one axis's values in a cell's packed tag (0 is "not recorded").

    Values are numbered as they are first met, in ``width`` big-endian bytes; when the numbers
    run out (:attr:`full`), :meth:`Totals._widen` gives the axis a byte more and re-packs what
    is held (once per byte gained). Every axis starts with one byte, 255 values: the vocabulary
    axes never need more; a national report's 514 regencies or its units take two (65,535).
    """

    __slots__ = ("_codes", "_tuples", "_values", "width")

    def __init__(self, width: int) -> None:
        self.width = width
        self._values: list[str | None] = [None]
        self._codes: dict[str | None, bytes] = {None: bytes(width)}
        # The numbers of each tuple of values asked (a case asks a few tuples many times).
        self._tuples: dict[tuple[str | None, ...], tuple[bytes, ...]] = {}

    def code(self, value: str | None) -> bytes:
        """The number of ``value`` (numbered now if it is new).

        A value the width cannot number any more gets a stand-in until :meth:`widen`; the
        caller widens (it looks at :attr:`full`) and numbers its record again.
        """
        found = self._codes.get(value)
        if found is None:
            number = len(self._values)
            self._values.append(value)
            if number >> (8 * self.width):
                found = self._codes[value] = bytes(self.width)
            else:
                found = self._codes[value] = number.to_bytes(self.width, "big")
        return found

    def codes_of(self, values: tuple[str | None, ...]) -> tuple[bytes, ...]:
        """The numbers of several values."""
        found = self._tuples.get(values)
        if found is None:
            found = tuple(map(self.code, values))
            if not self.full:  # a stand-in is never kept: the numbers change as it widens
                self._tuples[values] = found
        return found

    def value(self, code: bytes) -> str | None:
        """The value numbered ``code``."""
        return self._values[int.from_bytes(code, "big")]

    def learn(self, other: _Codes) -> None:
        """Number every value ``other`` numbered (for a merge)."""
        for value in other._values:
            self.code(value)

    @property
    def full(self) -> bool:
        """Whether the values outnumber what the width can number (a wider tag is needed)."""
        return len(self._values) > 1 << (8 * self.width)

    def __getstate__(self) -> tuple[None, dict[str, Any]]:
        """The numbering without the tuples it looked up (looked up again when asked)."""
        state = {name: getattr(self, name) for name in self.__slots__}
        state["_tuples"] = {}
        return None, state

    def widen(self) -> None:
        """One byte more for every number."""
        self.width += 1
        self._tuples = {}
        self._codes = {v: i.to_bytes(self.width, "big") for i, v in enumerate(self._values)}


class TotalsSpec(NamedTuple):
    """What a :class:`Totals` counts; partials merge only when their specs are equal."""

    period: Period
    granularity: str
    by: tuple[str, ...]
    members: bool
    key_fingerprint: str
    match: bool = False


class Achievement(NamedTuple):
    """One caller's target against the PM served in its cell.

    Attributes:
        target: the caller's target.
        achieved: distinct PM in the cell (``None`` when its period is outside the report).
        not_placed: PM that may belong to the cell but lack the value of one of its axes (no
            domicile, no condition ...): the data that is missing, counted, never assumed.
        ratio: ``achieved / target.pm`` as an exact fraction (``None`` when not computed).
    """

    target: PmTarget
    achieved: int | None
    not_placed: int | None
    ratio: Fraction | None


def _checked_by(by: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(by)
    for axis in chosen:
        if axis not in AXES:
            raise ReportError(
                f"unknown axis {axis!r}; the axes are {', '.join(AXES)}",
                "report.unknown_axis",
                f"sumbu {axis!r} tidak dikenal; sumbunya {', '.join(AXES)}",
                axis=axis,
                choices=list(AXES),
            )
    if len(set(chosen)) != len(chosen):
        raise ReportError("an axis is named twice", "report.unknown_axis", "sumbu disebut dua kali")
    return chosen


class Totals:
    """A mergeable accumulator of distinct PM per cell.

    Args:
        period: the reporting period (both ends inclusive).
        granularity: ``"year"`` (default), ``"quarter"``, ``"month"`` or ``"period"``.
        by: the axes to keep (default :data:`DEFAULT_BY`); coarser tables roll up from them.
        members: count a family or group as each of its members (kind ``person``).
        pseudonym_key: key the beneficiary hashes (see :mod:`atensi.reports.keys`); without
            one a random key is drawn, and only partials with the same key merge.
        match: know a person with neither NIK nor registry id by their matching key
            (:mod:`atensi.rules.matching`), so that two records of one such person count
            once; :meth:`matching` gives the total with and without it.
    """

    __slots__ = (
        "_codes",
        "_counted",
        "_kept_cells",
        "_keys",
        "_matched",
        "_pairs",
        "_total",
        "cases",
        "deliveries",
        "spec",
    )

    def __init__(
        self,
        period: Period,
        *,
        granularity: str = "year",
        by: Iterable[str] = DEFAULT_BY,
        members: bool = False,
        pseudonym_key: bytes | None = None,
        match: bool = False,
    ) -> None:
        if granularity not in GRANULARITIES:
            raise ReportError(
                f"unknown granularity {granularity!r}; one of {', '.join(GRANULARITIES)}",
                "report.unknown_granularity",
                f"satuan periode {granularity!r} tidak dikenal",
                choices=list(GRANULARITIES),
            )
        self._keys = BeneficiaryKeys(pseudonym_key)
        self.spec = TotalsSpec(
            period, granularity, _checked_by(by), members, self._keys.fingerprint, match
        )
        #: With ``match``: (matching key, record identity) of each PM known by its key.
        self._matched = PackedPairs(tag_bytes=KEY_BYTES)
        #: How each kept axis's values are numbered in a cell's tag.
        self._codes = tuple(_Codes(1) for _ in self.spec.by)
        #: The distinct (cell, PM key) pairs, packed (:mod:`~atensi.reports.packed`).
        self._pairs = PackedPairs(tag_bytes=sum(c.width for c in self._codes))
        #: What the tables read, kept until the next record: the total, the kept cells (their
        #: records and keys), the counts.
        self._total: int | None = None
        self._kept_cells: _Kept | None = None
        self._counted: dict[tuple[str, ...] | None, tuple[tuple[Cell, int], ...]] = {}
        #: Cases read, and deliveries that fell in the period.
        self.cases = 0
        self.deliveries = 0

    def __getstate__(self) -> tuple[None, dict[str, Any]]:
        """The counts without what the tables read of them (worked out again when asked).

        A partial is pickled to be merged: the kept cells, every key and the counts a table
        read before would only add to what is shipped (a pickle three times as large).
        """
        state = {name: getattr(self, name) for name in self.__slots__}
        state.update(_total=None, _kept_cells=None, _counted={})
        return None, state

    # --- Reading records ------------------------------------------------------------------

    def add(self, case: Case) -> None:
        """Count one case."""
        layout = self._pairs.tag_bytes
        records: set[bytes] = set()
        seen: set[str] = set()
        codes = self._codes
        for values, key, delivery in self._contributions(case):
            seen.add(delivery.id)
            numbered = [axis.codes_of(found) for axis, found in zip(codes, values, strict=True)]
            for tag in itertools.product(*numbered):
                records.add(b"".join(tag) + key)
        if any(c.full for c in codes):
            self._widen()
        if self._pairs.tag_bytes != layout:  # an axis grew wider: number the case again
            self.add(case)
            return
        add = self._pairs.add
        for record in records:
            add(record)
        if self.spec.match and records:
            self._add_matched(case, {record[-KEY_BYTES:] for record in records})
        self.cases += 1
        self.deliveries += len(seen)
        self._total = self._kept_cells = None
        self._counted = {}

    def _add_matched(self, case: Case, counted: set[bytes]) -> None:
        """Keep, for each PM of the case known by its matching key, its record's own key."""
        hashed, fingerprint = self._keys.digest, self.spec.key_fingerprint
        for pm in _window.pms(case, self.spec.members, True):
            if not pm.identity.startswith("match:"):
                continue
            key = _window.digest(case, pm, fingerprint, hashed)
            if key in counted:
                self._matched.add(key + hashed(identity(pm.subject)))

    def _widen(self) -> None:
        """Give every axis that ran out of numbers one more byte, and re-pack the pairs."""
        old = [c.width for c in self._codes]
        for axis in self._codes:
            if axis.full:
                axis.widen()
        new = [c.width for c in self._codes]
        pairs, self._pairs = self._pairs, PackedPairs(tag_bytes=sum(new))

        def repack(tag: bytes) -> bytes:
            out, at = [], 0
            for before, after in zip(old, new, strict=True):
                out.append(tag[at : at + before].rjust(after, b"\x00"))
                at += before
            return b"".join(out)

        self._pairs.update(pairs, retag=repack)

    def add_all(self, cases: Iterable[Case]) -> Totals:
        """Count every case of a stream; return the accumulator."""
        for case in cases:
            self.add(case)
        return self

    def contributions(self, case: Case) -> Iterator[tuple[Cell, int, ServiceDelivery]]:
        """Each (cell, PM key, delivery) a case adds: what :meth:`add` counts and traces read."""
        for values, key, delivery in self._contributions(case):
            number = int.from_bytes(key, "big")
            for cell in itertools.product(*values):
                yield cell, number, delivery

    def _contributions(
        self, case: Case
    ) -> Iterator[tuple[list[tuple[str | None, ...]], bytes, ServiceDelivery]]:
        """Each delivery's PM: the values of each kept axis, the PM's key, the delivery.

        Every cell of the product of the values is the PM's; the key is its 16 bytes.
        """
        spec = self.spec
        wanted, groups_wanted = _reading(spec.by)
        keyed = []
        hashed, fingerprint = self._keys.digest, spec.key_fingerprint
        for pm in _window.pms(case, spec.members, spec.match):
            regs = regencies(pm.subject)
            provinces = tuple(dict.fromkeys(None if r is None else r[:2] for r in regs))
            key = _window.digest(case, pm, fingerprint, hashed)
            keyed.append((pm, key, (pm.kind,), regs, provinces))
        unit = (case.unit,)
        for delivery in case.deliveries:
            labels = buckets_between(
                delivery.start, delivery.end or delivery.start, spec.granularity, spec.period
            )
            if not labels:
                continue
            funding = delivery.funding
            approach = (CODE[delivery.approach],)
            channel = (None if funding is None else CODE[funding.channel],)
            component = (CODE[delivery.component],)
            for pm, key, kind, regs, provinces in keyed:
                codes: tuple[str | None, ...] = _NOT_ASKED
                targets: tuple[str | None, ...] = _NOT_ASKED
                if groups_wanted:
                    codes = tuple(
                        None if g is None else CODE[g]
                        for g in _window.groups(case, pm, delivery.start)
                    )
                    targets = tuple(
                        dict.fromkeys(None if c is None else _TARGET_OF[c] for c in codes)
                    )
                # In the order of AXES.
                values = (
                    labels,
                    kind,
                    targets,
                    codes,
                    provinces,
                    regs,
                    approach,
                    unit,
                    channel,
                    component,
                )
                yield [values[i] for i in wanted], key, delivery

    def merge(self, other: Totals) -> Totals:
        """Add another partial's counts to this one (in place) and return it.

        Raises:
            ReportError: ``report.cannot_merge`` when the partials count different things
                (period, granularity, axes, members or key).
        """
        if other.spec.key_fingerprint != self.spec.key_fingerprint:
            raise different_keys()
        if other.spec != self.spec:
            raise ReportError(
                "cannot merge totals made with different parameters (period, granularity, "
                "axes, members or pseudonym key)",
                "report.cannot_merge",
                "tidak dapat menggabungkan total dengan parameter berbeda",
            )
        # The same values may carry other numbers there: every cell is numbered here anew.
        for axis, theirs in zip(self._codes, other._codes, strict=True):
            axis.learn(theirs)
        if any(c.full for c in self._codes):
            self._widen()
        # Each axis's numbers there, as numbered here (a tag is its axes' numbers, side by side).
        spans, at = [], 0
        for axis, theirs in zip(self._codes, other._codes, strict=True):
            numbers = {theirs.code(value): axis.code(value) for value in theirs._values}
            spans.append((at, at + theirs.width, numbers))
            at += theirs.width

        def retag(tag: bytes) -> bytes:
            return b"".join([numbers[tag[start:end]] for start, end, numbers in spans])

        if all(k == v for _, _, numbers in spans for k, v in numbers.items()):
            # Numbered alike (merging into an empty partial, say): the records are ours as
            # they are, and their runs merge without a record renumbered.
            self._pairs.update(other._pairs)
        else:
            self._pairs.update(other._pairs, retag=retag)
        self._matched.update(other._matched)
        self.cases += other.cases
        self.deliveries += other.deliveries
        self._total = self._kept_cells = None
        self._counted = {}
        return self

    # --- Reading the totals ---------------------------------------------------------------

    def cell_of(self, tag: bytes) -> Cell:
        """The cell (a value per kept axis) a packed tag stands for."""
        out = []
        at = 0
        for axis in self._codes:
            out.append(axis.value(tag[at : at + axis.width]))
            at += axis.width
        return tuple(out)

    @property
    def cells(self) -> dict[Cell, frozenset[int]]:
        """The PM keys in each cell of the kept axes (built when asked: :meth:`rollup`)."""
        return self.rollup()

    @property
    def cell_count(self) -> int:
        """The cells of the kept axes that hold a PM."""
        return len(self._grouped(None))

    @property
    def nbytes(self) -> int:
        """Bytes of the packed (cell, PM) pairs: what the totals hold per PM."""
        return self._pairs.nbytes

    def _projection(self, by: Sequence[str]) -> list[tuple[int, Callable[[str], str] | None]]:
        """For each wanted axis, the index of the kept axis it comes from, and how to derive it."""
        kept = self.spec.by
        out: list[tuple[int, Callable[[str], str] | None]] = []
        for axis in _checked_by(by):
            if axis in kept:
                out.append((kept.index(axis), None))
            elif axis in _DERIVED and _DERIVED[axis][0] in kept:
                source, derive = _DERIVED[axis]
                out.append((kept.index(source), derive))
            else:
                raise ReportError(
                    f"the axis {axis!r} was not kept (kept: {', '.join(kept)})",
                    "report.axis_not_kept",
                    f"sumbu {axis!r} tidak disimpan",
                    axis=axis,
                    kept=list(kept),
                )
        return out

    def projector(self, by: Sequence[str]) -> Callable[[Cell], Cell]:
        """A function from a kept cell to its cell on the axes ``by`` (kept or derived)."""
        pick, derived = self._projecting(by)
        get = derived.__getitem__

        def project(cell: Cell) -> Cell:
            return get(pick(cell))

        return project

    def _projecting(self, by: Sequence[str]) -> tuple[Callable[[Cell], Any], _Derived]:
        """How a kept cell is projected on ``by``: pick its values, then look them up.

        Both are C calls once a picked value is known (a table reads every kept cell): an
        ``itemgetter``, then a mapping that works out each distinct pick's cell once.
        """
        projection = self._projection(by)
        sources = [i for i, _ in projection]
        derives = [derive for _, derive in projection]
        pick = operator.itemgetter(*sources) if sources else _no_values
        return pick, _Derived(derives, single=len(sources) == 1)

    def _kept(self) -> _Kept:
        """Each kept cell, where its records are (``(first, count)`` in the run), every key."""
        if self._kept_cells is None:
            tags, spans = [], []
            for tag, first, count in self._pairs.tags():
                tags.append(tag)
                spans.append((first, count))
            self._kept_cells = _Kept(self._cells_of(tags), spans, self._pairs.key_list())
        return self._kept_cells

    def _cells_of(self, tags: list[bytes]) -> list[Cell]:
        """The cells packed tags stand for (:meth:`cell_of`, read a whole table at once)."""
        widths = [axis.width for axis in self._codes]
        if not tags or not all(w in _STRUCT_CODE for w in widths):
            return [self.cell_of(tag) for tag in tags]
        layout = struct.Struct(">" + "".join(_STRUCT_CODE[w] for w in widths))
        values = [axis._values for axis in self._codes]
        getitem = operator.getitem
        return [
            tuple(map(getitem, values, numbers)) for numbers in layout.iter_unpack(b"".join(tags))
        ]

    def _grouped(self, by: Sequence[str] | None) -> dict[Cell, list[tuple[int, int]]]:
        """The records of each cell of ``by`` (default: the kept axes): ``(first, count)`` runs."""
        chosen = self.spec.by if by is None else tuple(by)
        cells, spans, _ = self._kept()
        if chosen == self.spec.by:  # kept cells are distinct: a run each
            return {cell: [span] for cell, span in zip(cells, spans, strict=True)}
        pick, derived = self._projecting(chosen)
        grouped: dict[Cell, list[tuple[int, int]]] = {}
        get = grouped.get
        for cell, span in zip(map(derived.__getitem__, map(pick, cells)), spans, strict=True):
            found = get(cell)
            if found is None:
                grouped[cell] = [span]
            else:
                found.append(span)
        return grouped

    def _key_sets(self, by: Sequence[str] | None) -> dict[Cell, frozenset[bytes]]:
        key_set, keys = self._pairs.key_set, self._kept().keys
        grouped = self._grouped(by)
        return {cell: frozenset(key_set(spans, keys)) for cell, spans in grouped.items()}

    def rollup(self, by: Sequence[str] | None = None) -> dict[Cell, frozenset[int]]:
        """The PM keys per cell of the axes ``by`` (default: the kept axes), by union."""
        return {
            cell: frozenset(int.from_bytes(k, "big") for k in keys)
            for cell, keys in self._key_sets(by).items()
        }

    def counts(self, by: Sequence[str] | None = None) -> tuple[tuple[Cell, int], ...]:
        """Distinct PM per cell of the axes ``by``, sorted (missing values last)."""
        asked = None if by is None else tuple(by)
        found = self._counted.get(asked)
        if found is None:
            found = self._counted[asked] = self._count(asked)
        return found

    def _count(self, by: Sequence[str] | None) -> tuple[tuple[Cell, int], ...]:
        key_set, keys = self._pairs.key_set, self._kept().keys
        rows = []
        for cell, spans in self._grouped(by).items():
            if len(spans) == 1:  # one kept cell: its records are distinct already
                rows.append((cell, spans[0][1]))
                continue
            rows.append((cell, len(key_set(spans, keys))))
        return tuple(_in_text_order(rows))

    def total(self) -> int:
        """Distinct PM over every cell."""
        if self._total is None:
            self._total = distinct_keys(self._pairs)
        return self._total

    def matching(self) -> dict[str, int] | None:
        """How many PM were known by their matching key, and the total with and without it.

        ``None`` unless the totals were made with ``match=True``. ``pm`` is :meth:`total`
        (records of one key counted once); ``pm_without_merge`` the total had every PM kept
        its own record id; ``pm_matched`` the records known by a matching key, and
        ``pm_merged`` how many fewer PM their keys make (a key shared by two records: one).
        """
        if not self.spec.match:
            return None
        matched = self._matched
        keys = {tag for tag, _, _ in matched.tags()}
        records = {k for _, first, n in matched.tags() for k in matched.keys(first, n)}
        everyone = {k for _, first, n in self._pairs.tags() for k in self._pairs.keys(first, n)}
        without = len((everyone - keys) | records)
        return {
            "pm": len(everyone),
            "pm_without_merge": without,
            "pm_matched": len(records),
            "pm_merged": without - len(everyone),
        }

    def achievement(self, targets: Iterable[PmTarget]) -> tuple[Achievement, ...]:
        """Each target against the distinct PM of its cell, in the order given.

        Raises:
            ReportError: a target naming an axis this report did not keep.
        """
        labels = set(buckets(self.spec.period, self.spec.granularity))
        rolled: dict[tuple[str, ...], dict[Cell, frozenset[bytes]]] = {}
        out = []
        for target in targets:
            named = target.axes()
            axes = tuple(a for a, _ in named)
            wanted = tuple(v for _, v in named)
            if "period" in axes and dict(named)["period"] not in labels:
                out.append(Achievement(target, None, None, None))
                continue
            table = rolled.get(axes)
            if table is None:
                table = rolled[axes] = self._key_sets(axes)
            exact = table.get(wanted, frozenset())
            maybe: set[bytes] = set()
            for cell, keys in table.items():
                if cell != wanted and all(
                    c is None or c == w for c, w in zip(cell, wanted, strict=True)
                ):
                    maybe |= keys
            out.append(
                Achievement(target, len(exact), len(maybe - exact), Fraction(len(exact), target.pm))
            )
        return tuple(out)

    def to_json(self, by: Sequence[str] | None = None) -> dict[str, Any]:
        """The documented JSON shape (version 1) of the table on ``by``."""
        chosen = self.spec.by if by is None else tuple(by)
        spec = self.spec
        return {
            "version": 1,
            "period": {"start": spec.period.start.isoformat(), "end": spec.period.end.isoformat()},
            "granularity": spec.granularity,
            "members": spec.members,
            "by": list(chosen),
            "cases": self.cases,
            "deliveries": self.deliveries,
            "pm_total": self.total(),
            "rows": [
                {**dict(zip(chosen, c, strict=True)), "pm": n} for c, n in self.counts(chosen)
            ],
        }

    def to_csv(self, by: Sequence[str] | None = None) -> str:
        """The table on ``by`` as CSV: one column per axis, then ``pm``."""
        chosen = self.spec.by if by is None else tuple(by)
        return csv_text([*chosen, "pm"], ([*c, n] for c, n in self.counts(chosen)))


def _in_text_order(rows: list[tuple[Cell, int]]) -> list[tuple[Cell, int]]:
    """Rows in the order of :func:`~atensi.reports.render.sort_key` of their cells.

    A cell's values are text or ``None``: each column's distinct values are put in that order
    once, and rows compare by their values' places (a national table has hundreds of thousands
    of rows, and a few hundred values a column).
    """
    if not rows:
        return rows
    cells = [cell for cell, _ in rows]
    places = []
    for column in range(len(cells[0])):
        values = sorted(set(map(operator.itemgetter(column), cells)), key=_text_key)
        places.append({value: place for place, value in enumerate(values)})
    getitem = operator.getitem
    return sorted(rows, key=lambda row: tuple(map(getitem, places, row[0])))


def _text_key(value: str | None) -> tuple[bool, str]:
    return sort_key((value,))[0]


def achievement_json(rows: Iterable[Achievement]) -> list[dict[str, Any]]:
    """JSON-ready rows of :meth:`Totals.achievement` (ratios as exact fractions)."""
    return [
        {
            **dict(a.target.axes()),
            "target_pm": a.target.pm,
            "achieved_pm": a.achieved,
            "not_placed_pm": a.not_placed,
            "ratio": a.ratio,
        }
        for a in rows
    ]


def beneficiary_totals(
    cases: Iterable[Case],
    period: Period,
    *,
    granularity: str = "year",
    by: Iterable[str] = DEFAULT_BY,
    members: bool = False,
    pseudonym_key: bytes | None = None,
) -> Totals:
    """Count a stream of cases into a new :class:`Totals` (see its arguments)."""
    totals = Totals(
        period, granularity=granularity, by=by, members=members, pseudonym_key=pseudonym_key
    )
    return totals.add_all(cases)
