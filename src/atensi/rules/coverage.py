"""Which units serve a region and target on a date: multifunction coverage.

A unit's state on a date comes from its record and the history events up to that date (a
rename, a change of kind, a merger, a new working area, closure). It serves a target in a
region when:

* the region lies in its working area (a working area lists regency/city or province codes; a
  district lies in its regency) (``cov.area``, graded as the registry grades the record: a
  record the registry did not grade is ``background``, never ``verified`` by default);
* and it serves the target: its home cluster (``cov.home_cluster``); or every cluster once it is
  multifunction (``cov.multifunction``): from its own recorded date if it has one, else from the
  policy date (1 May 2021, Kemensos release, secondary; overridable), and always for a Sentra or
  Sentra Terpadu. A multifunction unit serves disaster victims and "PPKS lainnya" while the
  edition in force names them (``cov.target``: under Permensos 7/2021 the targets of the balai,
  balai besar and loka include disaster victims, secondary) or while PP 39/2012 Pasal 6 does
  beneath an edition that does not (``cov.floor``, atensi's inference). Every Sentra's disaster
  response (KBK) from 2022 is an added reason (``cov.kbk``, practice).

The edition comes from the one resolver (:func:`atensi.law.instrument_in_force`) with the
caller's pin and in-force dates, like every other rule.

A merged unit stops answering on the merger date; from then on the absorbing unit answers,
with the merged unit's working area and home clusters added to its own (atensi's convention:
no source says whether areas pass to the absorbing unit). Retired region codes are never mapped
to successors: a working area written with old codes covers only those codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from atensi.law import Edition, InForceDates, get_parameter, instrument_in_force
from atensi.regions import lookup as lookup_region
from atensi.rules._args import members
from atensi.rules.catalogue import rule
from atensi.rules.decision import Finding, Status
from atensi.vocab import Cluster, Evidence, Target, UnitKind, cite

if TYPE_CHECKING:  # pragma: no cover - the unit entities load with the first coverage question
    from atensi.model import ServiceUnit, UnitRegistry

__all__ = [
    "MULTIFUNCTION_POLICY_FROM",
    "CoverageCell",
    "CoverageReport",
    "ServingUnit",
    "UnitState",
    "coverage",
    "unit_state",
    "units_serving",
]

_MULTIFUNCTION = get_parameter("units.multifunction_policy")
_KBK_PRACTICE = get_parameter("units.sentra_kbk")
#: The multifunction directive: every single-cluster balai serves all clusters in its area from
#: this day (the start of the dated parameter ``units.multifunction_policy``).
MULTIFUNCTION_POLICY_FROM: dt.date = _MULTIFUNCTION.since(True) or dt.date.min

_UNGRADED = "the registry did not grade this record"
_MULTI = _MULTIFUNCTION.entries[-1].citation
_SENTRA = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="tribunnews-2023-12-22-atensi",
    note="every Sentra is multi-service by design",
)
_KBK = _KBK_PRACTICE.entries[-1].citation
_HOME = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="kemensos-2019-progres-5-0-np",
    note="the cluster the unit was built for",
)
_FLOOR_SERVED = cite(
    "pp-39-2012",
    "Pasal 6",
    Evidence.CONVENTION,
    note="PP 39/2012 Pasal 6 names the target beneath the edition; that a multifunction unit "
    "serves it is atensi's inference",
)
_KIND = "coverage"  # the kind of every rule declared here
R_AREA = rule(
    "cov.area",
    _KIND,
    "the region lies in the unit's working area on the date",
    "wilayah termasuk wilayah kerja unit pada tanggal itu",
    [cite(None, None, e, note="working area as the registry records it") for e in Evidence],
    ("unit.working_area", "unit.history", "unit.evidence", "registry.evidence", "on"),
    cites="registry",
)
R_HOME = rule(
    "cov.home_cluster",
    _KIND,
    "the unit was built for the target's cluster",
    "unit dibentuk untuk klaster sasaran",
    _HOME,
    ("unit.home_clusters", "registry.units"),
)
R_MULTI = rule(
    "cov.multifunction",
    _KIND,
    "the unit is multifunction on the date and serves every cluster",
    "unit multifungsi pada tanggal itu dan melayani semua klaster",
    (_MULTI, _SENTRA),
    ("unit.kind", "unit.history", "multifunction_policy_from", "on"),
)
R_TARGET = rule(
    "cov.target",
    _KIND,
    "the edition in force names the target, so a multifunction unit serves it",
    "edisi yang berlaku menyebut sasaran, sehingga unit multifungsi melayaninya",
    None,
    ("edition",),
    cites="edition",
)
R_FLOOR = rule(
    "cov.floor",
    _KIND,
    "PP 39/2012 Pasal 6 names the target beneath the edition (inference)",
    "PP 39/2012 Pasal 6 menyebut sasaran di bawah edisi (inferensi)",
    _FLOOR_SERVED,
    ("edition",),
)
R_KBK = rule(
    "cov.kbk",
    _KIND,
    "every Sentra responds to disasters and emergencies (KBK) in its area from 2022",
    "setiap Sentra merespons bencana dan kedaruratan (KBK) di wilayahnya sejak 2022",
    _KBK,
    ("unit.kind", "on"),
)
_CLUSTER_OF = {Target(c.value): c for c in Cluster}
_SENTRA_KINDS = (UnitKind.SENTRA, UnitKind.SENTRA_TERPADU)


class UnitState(NamedTuple):
    """A unit as it stood on a date."""

    code: str
    name: str
    kind: UnitKind
    home_clusters: frozenset[Cluster]
    working_area: frozenset[str]
    multifunction_since: dt.date | None
    absorbed: tuple[str, ...]
    evidence: Evidence | None = None
    source: str | None = None


def _events_until(unit: ServiceUnit, on: dt.date) -> Iterable[Any]:
    return (e for e in unit.history if e.on <= on)


def unit_state(
    unit: ServiceUnit,
    on: dt.date,
    registry: Mapping[str, ServiceUnit] | None = None,
    *,
    multifunction_policy_from: dt.date = MULTIFUNCTION_POLICY_FROM,
) -> UnitState | None:
    """The unit's state on ``on``, or ``None`` if it did not exist, had closed or had merged.

    Args:
        unit: the unit.
        on: the date.
        registry: all units by code, so that units merged into this one add their areas.
        multifunction_policy_from: the policy date for units without their own date.
    """
    from atensi.model.unit import UnitEventKind  # loaded on first use (atensi.model)

    if unit.established_on is not None and on < unit.established_on:
        return None
    name, kind = unit.name, unit.kind
    clusters = set(unit.home_clusters)
    area = set(unit.working_area)
    since: dt.date | None = None
    for event in _events_until(unit, on):
        if event.kind is UnitEventKind.RENAMED and event.name:
            name = event.name
        elif event.kind is UnitEventKind.KIND_CHANGED and event.unit_kind is not None:
            kind = event.unit_kind
            if kind in _SENTRA_KINDS and since is None:
                since = event.on
        elif event.kind is UnitEventKind.MULTIFUNCTION:
            since = since or event.on
        elif event.kind is UnitEventKind.WORKING_AREA_CHANGED and event.working_area is not None:
            area = set(event.working_area)
        elif event.kind in (UnitEventKind.MERGED_INTO, UnitEventKind.CLOSED):
            return None
    absorbed = []
    for other in (registry or {}).values():
        for event in _events_until(other, on):
            if event.kind is UnitEventKind.MERGED_INTO and event.merged_into == unit.code:
                previous = unit_state(
                    other,
                    event.on - dt.timedelta(days=1),
                    registry,
                    multifunction_policy_from=multifunction_policy_from,
                )
                if previous is not None:
                    area |= previous.working_area
                    clusters |= previous.home_clusters
                absorbed.append(other.code)
    if kind in _SENTRA_KINDS and since is None:
        since = unit.established_on or dt.date.min
    own_date = any(e.kind is UnitEventKind.MULTIFUNCTION for e in unit.history)
    if since is None and not own_date and kind.is_ministry_unit and on >= multifunction_policy_from:
        # A unit that records its own multifunction date is not covered by the policy date.
        since = multifunction_policy_from
    return UnitState(
        unit.code,
        name,
        kind,
        frozenset(clusters),
        frozenset(area),
        since,
        tuple(absorbed),
        unit.evidence,
        unit.source,
    )


class ServingUnit(NamedTuple):
    """A unit that serves a region and target on a date, with the reasons."""

    code: str
    name: str
    kind: UnitKind
    reasons: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind.value,
            "reasons": [r.to_json() for r in self.reasons],
        }


def _area_match(state: UnitState, region: str) -> str | None:
    for length in (6, 4, 2):
        if len(region) >= length and region[:length] in state.working_area:
            return region[:length]
    return None


def _serves(
    state: UnitState, target: Target, on: dt.date, edition: Edition
) -> tuple[Finding, ...] | None:
    """The reasons ``state`` serves ``target`` on ``on`` (None when it does not)."""
    cluster = _CLUSTER_OF.get(target)
    if cluster is not None and cluster in state.home_clusters:
        return (
            R_HOME.finding(
                Status.MET,
                f"home cluster {cluster.value}",
                f"klaster asal {cluster.value}",
                (("cluster", cluster.value),),
            ),
        )
    if state.multifunction_since is None or on < state.multifunction_since:
        return None
    since = (
        state.multifunction_since.isoformat()
        if state.multifunction_since != dt.date.min
        else "establishment"
    )
    multi = R_MULTI.finding(
        Status.MET,
        f"multifunction since {since}",
        f"multifungsi sejak {since}",
        (("since", since),),
        citation=_SENTRA if state.kind in _SENTRA_KINDS else _MULTI,
    )
    if cluster is not None:
        return (multi,)
    basis = edition.basis(target)
    if basis.how == "named":
        why = R_TARGET.finding(
            Status.MET,
            f"{edition.name} names the target",
            f"{edition.name} menyebut sasaran ini",
            (("edition", edition.id),),
            citation=basis.citation,
        )
    elif basis.how == "floor":
        why = R_FLOOR.finding(
            Status.MET,
            f"{basis.citation.article} names the target beneath {edition.name}",
            f"{basis.citation.article} menyebut sasaran ini di bawah {edition.name}",
            (("edition", edition.id),),
        )
    else:
        return None
    if (
        target is Target.DISASTER_VICTIMS
        and state.kind in _SENTRA_KINDS
        and _KBK_PRACTICE.on_date(on).flag
    ):
        kbk = R_KBK.finding(
            Status.MET, "Sentra disaster response (KBK)", "respons bencana dan kedaruratan Sentra"
        )
        return (multi, why, kbk)
    return (multi, why)


def _area_finding(state: UnitState, matched: str, code: str, registry: _Registry) -> Finding:
    evidence = state.evidence or registry.evidence
    citation = cite(
        None,
        None,
        evidence or Evidence.BACKGROUND,
        source=state.source or registry.source,
        note="working area as the registry records it"
        + ("" if evidence is not None else f"; {_UNGRADED}"),
    )
    return R_AREA.finding(
        Status.MET,
        f"{code} lies in working area code {matched}",
        f"{code} termasuk wilayah kerja {matched}",
        (("area_code", matched),),
        citation=citation,
    )


class _Registry(NamedTuple):
    """The units by code, with the registry's own grade and source."""

    units: dict[str, ServiceUnit]
    evidence: Evidence | None
    source: str | None


def _registry(registry: UnitRegistry | Iterable[ServiceUnit]) -> _Registry:
    from atensi.model.unit import UnitRegistry

    if isinstance(registry, UnitRegistry):
        return _Registry({u.code: u for u in registry.units}, registry.evidence, registry.source)
    return _Registry({u.code: u for u in registry}, None, None)


def units_serving(
    region: str,
    target: Target | Cluster | str,
    *,
    on: dt.date,
    registry: UnitRegistry | Iterable[ServiceUnit],
    multifunction_policy_from: dt.date = MULTIFUNCTION_POLICY_FROM,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> tuple[ServingUnit, ...]:
    """The units serving ``target`` in ``region`` on ``on``, with the reasons, by code.

    Args:
        region: a Kemendagri code (regency/city or district; dots allowed).
        target: the target or cluster (a member or its code: ``"anak"``).
        on: the date.
        registry: the units (an :class:`~atensi.model.UnitRegistry` or any iterable of units).
        multifunction_policy_from: override the multifunction policy date.
        edition: pin an edition, exactly as for :func:`atensi.rules.assess_eligibility`.
        in_force_dates: replace atensi's unverified in-force dates.

    Raises:
        atensi.regions.InvalidRegionCode: if ``region`` is not a known code.
    """
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    code = lookup_region(region).code
    target = Target(members((Cluster, Target), target, "target").value)
    known = _registry(registry)
    units = known.units
    found = []
    for unit in sorted(units.values(), key=lambda u: u.code):
        state = unit_state(unit, on, units, multifunction_policy_from=multifunction_policy_from)
        if state is None:
            continue
        matched = _area_match(state, code)
        if matched is None:
            continue
        reasons = _serves(state, target, on, current)
        if reasons is None:
            continue
        area = _area_finding(state, matched, code, known)
        found.append(ServingUnit(state.code, state.name, state.kind, (area, *reasons)))
    return tuple(found)


class CoverageCell(NamedTuple):
    """The units serving one region and target."""

    region: str
    target: str
    units: tuple[str, ...]


class CoverageReport(NamedTuple):
    """A region × target matrix of serving units, its gaps and its overlaps."""

    on: dt.date
    regions: tuple[str, ...]
    targets: tuple[str, ...]
    cells: tuple[CoverageCell, ...]
    edition: str | None = None

    @property
    def gaps(self) -> tuple[CoverageCell, ...]:
        """Region × target pairs no unit serves."""
        return tuple(c for c in self.cells if not c.units)

    @property
    def overlaps(self) -> tuple[CoverageCell, ...]:
        """Region × target pairs more than one unit serves."""
        return tuple(c for c in self.cells if len(c.units) > 1)

    def to_json(self) -> dict[str, Any]:
        """Return the documented JSON shape (version 1)."""
        return {
            "version": 1,
            "on": self.on.isoformat(),
            "edition": self.edition,
            "regions": list(self.regions),
            "targets": list(self.targets),
            "cells": [[c.region, c.target, list(c.units)] for c in self.cells],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CoverageReport:
        """Rebuild a report from :meth:`to_json` output."""
        return cls(
            dt.date.fromisoformat(data["on"]),
            tuple(data["regions"]),
            tuple(data["targets"]),
            tuple(CoverageCell(r, t, tuple(u)) for r, t, u in data["cells"]),
            data.get("edition"),
        )

    def to_csv(self) -> str:
        """Return the matrix as CSV text: one row per region, one column per target."""
        header = ["region", *self.targets]
        by_key = {(c.region, c.target): c.units for c in self.cells}
        lines = [",".join(header)]
        for region in self.regions:
            row = [region] + [" ".join(by_key[(region, t)]) for t in self.targets]
            lines.append(",".join(row))
        return "\n".join(lines) + "\n"


def coverage(
    registry: UnitRegistry | Iterable[ServiceUnit],
    *,
    on: dt.date,
    regions: Iterable[str] | None = None,
    clusters: Iterable[Target | Cluster | str] | None = None,
    multifunction_policy_from: dt.date = MULTIFUNCTION_POLICY_FROM,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> CoverageReport:
    """The region × target matrix of serving units on ``on``.

    Args:
        registry: the units.
        on: the date.
        regions: region codes (default: every current regency and city, 514).
        clusters: targets or clusters (default: every target of the edition in force, and
            those PP 39/2012 Pasal 6 names beneath it).
        multifunction_policy_from: override the multifunction policy date.
        edition: pin an edition, exactly as for :func:`atensi.rules.assess_eligibility`.
        in_force_dates: replace atensi's unverified in-force dates.

    The work is linear in units × area codes plus regions × targets: units are indexed by the
    codes of their working areas once.
    """
    from atensi.regions import all_codes

    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    units = _registry(registry).units
    if regions is None:
        # The current regencies: the codes of four digits.
        codes = tuple(sorted(c for c in all_codes(include_retired=False) if len(c) == 4))
    else:
        codes = tuple(lookup_region(r).code for r in regions)
    wanted = (
        tuple(t for t in Target if current.basis(t).how in ("named", "floor"))
        if clusters is None
        else tuple(
            dict.fromkeys(Target(members((Cluster, Target), c, "clusters").value) for c in clusters)
        )
    )
    states = [
        s
        for u in sorted(units.values(), key=lambda u: u.code)
        if (s := unit_state(u, on, units, multifunction_policy_from=multifunction_policy_from))
    ]
    index: dict[str, list[UnitState]] = {}
    for state in states:
        for area in state.working_area:
            index.setdefault(area, []).append(state)
    serves_cache: dict[tuple[str, Target], bool] = {}
    cells = []
    for code in codes:
        candidates: dict[str, UnitState] = {}
        for length in (2, 4, 6):
            if len(code) >= length:
                for state in index.get(code[:length], ()):
                    candidates[state.code] = state
        for target in wanted:
            serving = []
            for unit_code in sorted(candidates):
                key = (unit_code, target)
                if key not in serves_cache:
                    serves_cache[key] = (
                        _serves(candidates[unit_code], target, on, current) is not None
                    )
                if serves_cache[key]:
                    serving.append(unit_code)
            cells.append(CoverageCell(code, target.value, tuple(serving)))
    return CoverageReport(on, codes, tuple(t.value for t in wanted), tuple(cells), current.id)
