"""The sources catalogue: every document atensi cites, with where a reader can open it.

Every :class:`~atensi.vocab.Citation` names a source of this catalogue (``source``; the
instrument's own entry when it was read in its own text). A source is a legal instrument (an Act,
a Government or Ministerial Regulation, a decree), a public copy or dataset of such texts, a
summary of one, a Ministry release, a news article, an operational guideline, or one of atensi's
own documented conventions. Each entry records its title, issuer, number and year, its dates
(signed, promulgated, in force; for a release or an article, the day it was published), its
gazette reference, a public address or identifier (a JDIH or BPK database page, a pasal.id page,
the Ministry's release, a file of the public ``mblonyox/data-peraturan`` repository at a fixed
commit), what of it was read, and how well the facts taken from it are established
(:class:`~atensi.vocab.Evidence`).

The catalogue is data (``src/atensi/data/law/sources.json``, described by
``sources.schema.json`` beside it), read on first use. The legal instruments among the sources
are the law catalogue of :func:`atensi.law.instruments`.

>>> from atensi.law import source, sources
>>> entry = source("uu-35-2014")
>>> entry.kind.value, entry.gazette, entry.evidence.value
('uu', 'LN 2014 No. 297, TLN 5606', 'verified')
>>> entry.addresses[0].startswith("https://github.com/mblonyox/data-peraturan/")
True
>>> source("kemensos-2021-05-01-atensi-multilayanan").published
datetime.date(2021, 5, 1)
>>> len(sources()) > 90
True
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, NamedTuple

import atensi.data as data
from atensi.errors import UnknownCode
from atensi.law._types import DateFact, InstrumentKind
from atensi.vocab import CodedEnum, Evidence, Label
from atensi.vocab._base import short_instrument_name

__all__ = ["Source", "SourceKind", "source", "source_ids", "sources"]

#: The format this module reads (the ``format`` key of the file).
FORMAT = "atensi-sources/1"


class SourceKind(CodedEnum):
    """What kind of document a source is: an instrument kind, or a kind of public document."""

    UU = "uu", InstrumentKind.UU.label
    PP = "pp", InstrumentKind.PP.label
    PERPRES = "perpres", InstrumentKind.PERPRES.label
    INPRES = "inpres", InstrumentKind.INPRES.label
    PMK = "pmk", InstrumentKind.PMK.label
    PERMENSOS = "permensos", InstrumentKind.PERMENSOS.label
    PERMENDAGRI = "permendagri", InstrumentKind.PERMENDAGRI.label
    KEPMENSOS = "kepmensos", InstrumentKind.KEPMENSOS.label
    KEPMENDAGRI = "kepmendagri", InstrumentKind.KEPMENDAGRI.label
    PERDIRJEN = "perdirjen", InstrumentKind.PERDIRJEN.label
    KEPDIRJEN = (
        "kepdirjen",
        Label(
            "Keputusan Direktur Jenderal Rehabilitasi Sosial",
            "Decision of the Director General of Social Rehabilitation",
        ),
    )
    PERKA = (
        "perka",
        Label("Peraturan Kepala Lembaga", "Regulation of the head of a national agency"),
    )
    PERDA = "perda", Label("Peraturan Daerah", "Regional regulation")
    RELEASE = "release", Label("Siaran pers pemerintah", "Government release")
    NEWS = "news", Label("Berita media", "News article")
    SUMMARY = "summary", Label("Ringkasan peraturan", "Summary of a regulation")
    GUIDELINE = "guideline", Label("Pedoman operasional", "Operational guideline")
    DATASET = "dataset", Label("Data terbuka", "Public dataset")
    ATENSI = "atensi", Label("Konvensi atensi", "atensi's documented convention")

    @property
    def is_instrument(self) -> bool:
        """Whether sources of this kind are instruments of the law catalogue."""
        return self.value in _INSTRUMENT_KINDS


_INSTRUMENT_KINDS = frozenset(k.value for k in InstrumentKind)


class Source(NamedTuple):
    """One entry of the sources catalogue.

    Attributes:
        id: the stable identifier citations use (``"uu-35-2014"``,
            ``"kemensos-2021-05-01-atensi-multilayanan"``).
        kind: what kind of document it is.
        title: its title as published (Indonesian for Indonesian documents).
        title_en: an English rendering, where the title is not English.
        issuer: who issued or published it.
        number: for an instrument, its number as written (``"7"``, ``"103/HUK"``).
        year: for an instrument, its year.
        signed: the day it was signed (ditetapkan), with how well that is established.
        promulgated: the day it was promulgated (diundangkan).
        in_force_from: the first day it applies ("from D" includes D).
        published: for a release, article or summary, the day it was published.
        gazette: the gazette reference (``"LN 2014 No. 297, TLN 5606"``, ``"BN 2021 No. 1007"``).
        addresses: public addresses or identifiers where it can be opened; empty when none was
            retained (``note`` says so).
        read: what of it was read.
        evidence: how well the facts atensi takes from it are established.
        replaces: ids of instruments it repeals and substitutes.
        amends: ids of instruments it amends.
        note: anything a reader should know.
    """

    id: str
    kind: SourceKind
    title: str
    issuer: str
    evidence: Evidence
    read: str
    addresses: tuple[str, ...] = ()
    title_en: str | None = None
    number: str | None = None
    year: int | None = None
    signed: DateFact | None = None
    promulgated: DateFact | None = None
    in_force_from: DateFact | None = None
    published: dt.date | None = None
    gazette: str | None = None
    replaces: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    note: str | None = None

    @property
    def name(self) -> str:
        """A short name: ``"UU 35/2014"`` for an instrument, else the title."""
        if self.kind.is_instrument:
            return short_instrument_name(self.id)
        return self.title

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping (the file's own shape, every key present)."""

        def fact(value: DateFact | None) -> dict[str, Any] | None:
            return None if value is None else value.to_dict()

        return {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "title_en": self.title_en,
            "issuer": self.issuer,
            "number": self.number,
            "year": self.year,
            "signed": fact(self.signed),
            "promulgated": fact(self.promulgated),
            "in_force_from": fact(self.in_force_from),
            "published": None if self.published is None else self.published.isoformat(),
            "gazette": self.gazette,
            "addresses": list(self.addresses),
            "read": self.read,
            "evidence": self.evidence.value,
            "replaces": list(self.replaces),
            "amends": list(self.amends),
            "note": self.note,
        }


def _fact(raw: dict[str, Any] | None) -> DateFact | None:
    if raw is None:
        return None
    return DateFact(
        dt.date.fromisoformat(raw["date"]),
        verified=raw["verified"],
        evidence=Evidence(raw["evidence"]),
        note=raw.get("note"),
    )


def _source(raw: dict[str, Any]) -> Source:
    published = raw.get("published")
    return Source(
        id=raw["id"],
        kind=SourceKind(raw["kind"]),
        title=raw["title"],
        issuer=raw["issuer"],
        evidence=Evidence(raw["evidence"]),
        read=raw["read"],
        addresses=tuple(raw.get("addresses", ())),
        title_en=raw.get("title_en"),
        number=raw.get("number"),
        year=raw.get("year"),
        signed=_fact(raw.get("signed")),
        promulgated=_fact(raw.get("promulgated")),
        in_force_from=_fact(raw.get("in_force_from")),
        published=None if published is None else dt.date.fromisoformat(published),
        gazette=raw.get("gazette"),
        replaces=tuple(raw.get("replaces", ())),
        amends=tuple(raw.get("amends", ())),
        note=raw.get("note"),
    )


@functools.cache
def _catalogue() -> tuple[tuple[Source, ...], dict[str, Source]]:
    document = data.read_json("law/sources.json")
    if document.get("format") != FORMAT:  # pragma: no cover - the file ships with the code
        raise AssertionError(f"law/sources.json is not {FORMAT}")
    entries = tuple(_source(raw) for raw in document["sources"])
    return entries, {s.id: s for s in entries}


def sources() -> tuple[Source, ...]:
    """Every source in the catalogue, in file order (instruments first, oldest first)."""
    return _catalogue()[0]


def source_ids() -> frozenset[str]:
    """The identifiers of every source."""
    return frozenset(_catalogue()[1])


def source(identifier: str) -> Source:
    """The source with identifier ``identifier``.

    Raises:
        UnknownCode: if no source has that identifier (code ``law.unknown_source``).
    """
    try:
        return _catalogue()[1][identifier]
    except (KeyError, TypeError):
        raise UnknownCode(
            "source",
            identifier,
            sorted(_catalogue()[1]),
            code="law.unknown_source",
            vocabulary_id="sumber",
        ) from None
