"""Where the boundary compiles the code it generates, and keeps its source.

The boundary generates small Python functions per entity class (the structuring functions of
:mod:`atensi.boundary._fast`, the twins' functions of :mod:`atensi.boundary._twins`, the
warnings of :mod:`atensi.boundary.warnings`), compiled by :func:`compile_function` through
:func:`atensi._codegen.compile_source`: their source is in :mod:`linecache` (tracebacks show the
line, ``inspect.getsource`` finds it) and :func:`kept_source` returns it. The generators import
this module; :mod:`atensi.boundary._shown`, above them, makes what is asked for and shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from atensi._codegen import compile_source

__all__ = ["KINDS", "compile_function", "kept_source"]

#: What :func:`atensi.boundary.source_of` can show, and what each kind of generated function does.
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
    """Compile the ``kind`` of function generated for ``cls``; keep its source to be shown."""
    module = f"atensi.generated.{kind.replace(' ', '_')}"
    made = compile_source(source, function, namespace, f"{kind} {cls.__qualname__}", module)
    _SOURCES[(cls, kind)] = source
    return made


def kept_source(cls: type[Any], kind: str) -> str | None:
    """The source of the ``kind`` of function generated for ``cls``, if it was generated."""
    return _SOURCES.get((cls, kind))
