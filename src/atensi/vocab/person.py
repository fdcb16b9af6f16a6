"""Terms describing a person: sex (as the civil registry records it).

>>> from atensi.vocab import Sex
>>> Sex("perempuan").label.en
'Female'
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite

__all__ = ["Sex"]

_REGISTRY = cite("uu-24-2013", "Pasal 58 ayat (2)", Evidence.VERIFIED)


class Sex(CodedEnum):
    """Sex as recorded in the civil registry (jenis kelamin)."""

    MALE = "laki_laki", Label("Laki-laki", "Male"), _REGISTRY
    FEMALE = "perempuan", Label("Perempuan", "Female"), _REGISTRY
