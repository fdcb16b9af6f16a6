"""The source of the code the boundary generates, shown: :func:`source_of`.

The functions are generated on first use; asking for the source of one not yet used generates it
(through the module that owns that kind), so this module stands above the generators and
:mod:`atensi.boundary._source`, where they compile and keep their source.

>>> from atensi.model import Referral
>>> from atensi.boundary import source_of
>>> print(source_of(Referral, "structure").splitlines()[0])
def structure_Referral(d):
"""

from __future__ import annotations

from typing import Any

from atensi.boundary._source import KINDS, kept_source

__all__ = ["source_of"]


def source_of(cls: type[Any], kind: str = "structure") -> str:
    """The source of the function generated for the entity class ``cls`` (made if need be).

    ``kind`` is one of :data:`KINDS`: ``"structure"`` (Python data), ``"counted"`` (JSON text
    without the extra), ``"twin entity"`` and ``"twin colons"`` (JSON text with the ``fast``
    extra; msgspec must be installed), ``"warnings"``.

    Raises:
        ValueError: for an unknown ``kind``.
        ImportError: for a twin kind without msgspec.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of: {', '.join(KINDS)}")
    found = kept_source(cls, kind)
    if found is None:
        _generate(cls, kind)
        found = kept_source(cls, kind)
        assert found is not None  # the generator compiled it through compile_function
    return found


def _generate(cls: type[Any], kind: str) -> None:
    if kind == "structure":
        from atensi.boundary._fast import fast_structurer

        fast_structurer(cls)
    elif kind == "counted":
        from atensi.boundary._fast import counting_structurer

        counting_structurer(cls)
    elif kind == "warnings":
        from atensi.boundary.warnings import warner

        warner(cls)
    else:
        from atensi.boundary._twins import generate

        generate(cls, kind)
