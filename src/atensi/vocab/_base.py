"""Building blocks shared by every vocabulary: labels, evidence grades, citations, coded enums.

Why a custom enum base: every term of the programme needs a *stable code* (what is stored and sent
over the wire), an *English member name* (what Python code reads), *labels in Indonesian and
English* (what people read) and, where the law defines the term, a *citation* with the evidence
grade of the fact. Keeping all four on the member means they cannot drift apart.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, NamedTuple, Self

from atensi.errors import UnknownCode

__all__ = [
    "EVIDENCE_LABELS",
    "LANGUAGES",
    "Citation",
    "CodedEnum",
    "Evidence",
    "Label",
    "check_lang",
    "cite",
]


class Evidence(enum.StrEnum):
    """How well a fact encoded in atensi is established.

    The grades follow the team's domain reference, so a user can always tell the law from
    practice from atensi's own convention.
    """

    #: Read in the regulation's own text (gazette copy, consolidated text, official database).
    VERIFIED = "verified"
    #: From a government release, a regional office page or a summary; probably right, not
    #: checked against the gazette.
    SECONDARY = "secondary"
    #: Background knowledge that was not checked against a source.
    BACKGROUND = "background"
    #: atensi's own design choice or inference where the sources are silent.
    CONVENTION = "convention"


#: The languages of every label and message: Indonesian and English.
LANGUAGES = ("id", "en")


def check_lang(lang: object) -> str:
    """Return ``lang`` if it is a language atensi speaks (``"id"`` or ``"en"``).

    Raises:
        UnknownCode: for anything else (``"fr"``, ``None``), with the choices.
    """
    if type(lang) is str and lang in LANGUAGES:
        return lang
    raise UnknownCode("language", lang, LANGUAGES, vocabulary_id="bahasa")


class Label(NamedTuple):
    """A human-readable name in Indonesian (``id``) and English (``en``).

    Value types of the vocabulary are named tuples, not attrs classes, so that ``import atensi``
    stays cheap (attrs generates and compiles methods for every class at import time).

    >>> Label("Lanjut usia", "Elderly").en
    'Elderly'
    """

    id: str
    en: str

    def in_lang(self, lang: str) -> str:
        """Return the label in ``lang`` (``"id"`` or ``"en"``)."""
        if lang == "id":
            return self.id
        if lang == "en":
            return self.en
        raise UnknownCode("language", lang, LANGUAGES, vocabulary_id="bahasa")


#: How a citation names its grade in each language (English: the code, as before).
EVIDENCE_LABELS = {
    Evidence.VERIFIED: Label("terverifikasi", "verified"),
    Evidence.SECONDARY: Label("sekunder", "secondary"),
    Evidence.BACKGROUND: Label("latar belakang", "background"),
    Evidence.CONVENTION: Label("konvensi atensi", "convention"),
}


class Citation(NamedTuple):
    """Where a fact comes from: an instrument, an article, and how well the fact is established.

    Attributes:
        instrument: the catalogue identifier of the instrument (see :mod:`atensi.law`), e.g.
            ``"uu-35-2014"``; ``None`` when the fact comes from practice, not from an instrument.
        article: the article as the instrument numbers it (``"Pasal 59 ayat (2) huruf a"``), or
            ``None`` when the article was not found.
        evidence: the evidence grade of the fact.
        source: the identifier of the source the fact was read in, an entry of atensi's sources
            catalogue (:func:`atensi.law.source` gives its title, dates, gazette and public
            address): the instrument's own entry when it was read in its own text, else the
            release, summary, copy or guideline that gives it.
        note: anything a reader should know (e.g. "article number not found").

    >>> c = cite("uu-13-1998", "Pasal 1 angka 2", Evidence.VERIFIED)
    >>> str(c), c.source
    ('UU 13/1998 Pasal 1 angka 2 [verified]', 'uu-13-1998')
    """

    instrument: str | None
    article: str | None = None
    evidence: Evidence = Evidence.VERIFIED
    source: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The citation as a reader sees it, in ``lang``: instrument, article, grade.

        >>> Citation(None, None, Evidence.SECONDARY).text("id")
        'praktik [sekunder]'
        """
        parts = []
        if self.instrument is not None:
            parts.append(short_instrument_name(self.instrument))
        if self.article:
            parts.append(self.article)
        if not parts:
            parts.append({"id": "praktik", "en": "practice"}[check_lang(lang)])
        return f"{' '.join(parts)} [{EVIDENCE_LABELS[self.evidence].in_lang(lang)}]"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable mapping of the citation."""
        return {
            "instrument": self.instrument,
            "article": self.article,
            "evidence": self.evidence.value,
            "source": self.source,
            "note": self.note,
        }


def short_instrument_name(identifier: str) -> str:
    """Render a catalogue identifier the way Indonesian lawyers write it.

    >>> short_instrument_name("permensos-7-2021")
    'Permensos 7/2021'
    >>> short_instrument_name("kepmensos-103-huk-2025")
    'Kepmensos 103/HUK/2025'
    >>> short_instrument_name("pmk-168-pmk.05-2015")
    'PMK 168/PMK.05/2015'
    """
    kind, _, rest = identifier.partition("-")
    pieces = rest.split("-")
    names = {
        "uu": "UU",
        "pp": "PP",
        "perpres": "Perpres",
        "inpres": "Inpres",
        "pmk": "PMK",
        "permensos": "Permensos",
        "kepmensos": "Kepmensos",
        "perdirjen": "Perdirjen Rehsos",
        "kepdirjen": "Kepdirjen Rehsos",
        "permendagri": "Permendagri",
        "kepmendagri": "Kepmendagri",
    }
    return f"{names.get(kind, kind)} {'/'.join(p.upper() for p in pieces)}"


def cite(
    instrument: str | None,
    article: str | None = None,
    evidence: Evidence = Evidence.VERIFIED,
    source: str | None = None,
    note: str | None = None,
) -> Citation:
    """Shorthand for :class:`Citation` used by the vocabulary tables.

    ``source`` defaults to the instrument: a fact read in the instrument's own text cites the
    instrument's entry of the sources catalogue.
    """
    return Citation(instrument, article, evidence, instrument if source is None else source, note)


class CodedEnum(enum.StrEnum):
    """Base of every vocabulary enum: a stable code, bilingual labels, and a citation.

    Members are declared as ``NAME = code, Label(...), citation, description`` (the citation and
    the description may be omitted).
    Looking up an unknown code raises :class:`atensi.errors.UnknownCode`, which names the valid
    codes, instead of the bare ``ValueError`` of the standard library.
    """

    label: Label
    citation: Citation | None
    description: Label | None

    if TYPE_CHECKING:  # pragma: no cover - what type checkers see: look-up by code

        def __new__(cls, value: object) -> Self:
            """Return the member whose code is ``value``."""
            ...

    else:

        def __new__(cls, code, label, citation=None, description=None):
            """Create a member whose value is ``code`` (once per member, at class creation)."""
            obj = str.__new__(cls, code)
            obj._value_ = code
            obj.label = label
            obj.citation = citation
            obj.description = description
            return obj

    @property
    def code(self) -> str:
        """The stable code (the same as ``value``)."""
        return str(self._value_)

    @classmethod
    def _missing_(cls, value: object) -> Self:
        raise UnknownCode(cls.__name__, value, [m.value for m in cls])

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Return the codes of all members, in declaration order."""
        return tuple(m.value for m in cls)

    def __repr__(self) -> str:
        # The member and the code it stores, as Python's own enums show them: the English name
        # alone hid that CaseStage.PLANNING is "rencana_intervensi" in every file and output.
        return f"<{type(self).__name__}.{self.name}: {self._value_!r}>"
