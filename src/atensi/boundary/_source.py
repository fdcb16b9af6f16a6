"""The source of the code the boundary generates: :func:`source_of`.

The boundary generates small Python functions per entity class (the structuring functions of
:mod:`atensi.boundary._fast`, the twins' functions of :mod:`atensi.boundary._twins`, the
warnings of :mod:`atensi.boundary.warnings`), compiled by :func:`compile_function` through
:func:`atensi._codegen.compile_source`: their source is in :mod:`linecache` (tracebacks show the
line, ``inspect.getsource`` finds it) and :func:`source_of` returns it.

>>> from atensi.model import Referral
>>> from atensi.boundary import source_of
>>> print(source_of(Referral, "structure").splitlines()[0])
def structure_Referral(d):
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from atensi._codegen import compile_source

__all__ = ["KINDS", "compile_function", "source_of"]

#: What :func:`source_of` can show, and what each kind of generated function does.
KINDS: dict[str, str] = {
    "structure": "structure Python data into the entity, refusing at the first problem",
    "counted": "the same for decoded JSON text, counting the keys of every object it reads",
    "twin entity": "check a twin msgspec decoded, build its attrs entity, count the keys given",
    "twin colons": "count the colons inside the text values of an entity",
    "warnings": "the warnings of a valid entity",
}

_SOURCES: dict[tuple[type[Any], str], str] = {}


def compile_function(
    source: str, function: str, namespace: dict[str, Any], cls: type[Any], kind: str
) -> Callable[..., Any]:
    """Compile the ``kind`` of function generated for ``cls``; keep its source for source_of."""
    module = f"atensi.generated.{kind.replace(' ', '_')}"
    made = compile_source(source, function, namespace, f"{kind} {cls.__qualname__}", module)
    _SOURCES[(cls, kind)] = source
    return made


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
    found = _SOURCES.get((cls, kind))
    if found is None:
        _generate(cls, kind)
        found = _SOURCES[(cls, kind)]
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
