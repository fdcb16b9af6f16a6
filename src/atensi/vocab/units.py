"""Kinds of units that deliver ATENSI.

Ministry technical units (UPT) were balai besar, balai and loka from the 2018 reorganisation
(Permensos 16-20/2018, secondary) until 2022, when they became Sentra and Sentra Terpadu (the
regulation that did it was not found). Regional units (UPTD) and licensed social welfare
organisations (LKS) deliver ATENSI too.

>>> from atensi.vocab import UnitKind
>>> UnitKind.SENTRA_TERPADU.is_ministry_unit
True
>>> UnitKind.LKS.is_ministry_unit
False
>>> UnitKind.SENTRA.agency_kind.service_line.value
'layanan_langsung'
"""

from __future__ import annotations

from atensi.vocab._base import CodedEnum, Evidence, Label, cite
from atensi.vocab.agencies import AgencyKind

__all__ = ["UnitKind"]

_OTK_2018 = cite(
    "permensos-18-2018",
    None,
    Evidence.SECONDARY,
    note="the 2018 OTK regulations (Permensos 16-20/2018) converted panti into balai and loka",
)
_SENTRA = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="tribunnews-2023-12-22-atensi",
    note="the 2022 regulation that created Sentra was not found; from practice and news",
)


class UnitKind(CodedEnum):
    """The kind of a unit that delivers ATENSI."""

    BALAI_BESAR = "balai_besar", Label("Balai besar", "Large rehabilitation centre"), _OTK_2018
    BALAI = "balai", Label("Balai", "Rehabilitation centre"), _OTK_2018
    LOKA = "loka", Label("Loka", "Small rehabilitation unit"), _OTK_2018
    SENTRA = "sentra", Label("Sentra", "Multi-service centre (Sentra)"), _SENTRA
    SENTRA_TERPADU = (
        "sentra_terpadu",
        Label("Sentra terpadu", "Integrated multi-service centre (Sentra Terpadu)"),
        _SENTRA,
    )
    REGIONAL_UNIT = (
        "uptd",
        Label("Unit pelaksana teknis daerah (UPTD)", "Regional technical unit (UPTD)"),
        cite(None, None, Evidence.SECONDARY, source="gerakinklusi-permensos-7-2021"),
    )
    LKS = (
        "lks",
        Label("Lembaga kesejahteraan sosial (LKS)", "Social welfare organisation (LKS)"),
        cite("pp-39-2012", "Pasal 1 angka 10", Evidence.VERIFIED),
    )

    @property
    def is_ministry_unit(self) -> bool:
        """Whether the unit is a technical unit (UPT) of the Ministry of Social Affairs."""
        return self in _MINISTRY_UNITS

    @property
    def agency_kind(self) -> AgencyKind:
        """The kind of agency the unit is (all deliver direct service: ATENSI)."""
        if self in _MINISTRY_UNITS:
            return AgencyKind.MINISTRY_UNIT
        return AgencyKind.LKS if self is UnitKind.LKS else AgencyKind.REGIONAL_UNIT


_MINISTRY_UNITS = frozenset(
    {
        UnitKind.BALAI_BESAR,
        UnitKind.BALAI,
        UnitKind.LOKA,
        UnitKind.SENTRA,
        UnitKind.SENTRA_TERPADU,
    }
)
