"""Generated code you can read: one place compiles it, keeps its source and names what it uses.

The boundary generates small Python functions per entity class (the structuring functions of
:mod:`atensi.boundary._fast`, the twins' checks of :mod:`atensi.boundary._twins`, the warnings of
:mod:`atensi.boundary.warnings`). They are compiled here, and only here:

* the source is registered in :mod:`linecache` under a file name that says what it is
  (``<atensi structure Person>``), as attrs and cattrs do for the methods they generate, so a
  traceback through generated code shows the line, and ``inspect.getsource`` and debuggers
  find it;
* :func:`atensi.boundary.source_of` returns it;
* the globals it uses are named after what they are (:class:`Namespace`: ``nik_converter``,
  ``Sex_codes``, ``conditions_structure``), never after a counter or a memory address, and
  locals after the fields they hold.

>>> from atensi.model import Referral
>>> from atensi.boundary import source_of
>>> print(source_of(Referral, "structure").splitlines()[0])
def structure_Referral(d):
"""

from __future__ import annotations

import builtins
import keyword
import linecache
from collections.abc import Callable
from typing import Any

__all__ = [
    "KINDS",
    "Locals",
    "Namespace",
    "compile_function",
    "literal",
    "local_name",
    "source_of",
]

#: What :func:`source_of` can show, and what each kind of generated function does.
KINDS: dict[str, str] = {
    "structure": "structure Python data into the entity, refusing at the first problem",
    "counted": "the same for decoded JSON text, counting the keys of every object it reads",
    "twin check": "check what msgspec cannot of a decoded twin; count the keys given",
    "twin colons": "count the colons inside the text values of a twin",
    "twin entity": "build the attrs entity of a checked twin and check its invariants",
    "warnings": "the warnings of a valid entity",
}

_SOURCES: dict[tuple[type[Any], str], str] = {}
#: The source under each file name given out.
_FILES: dict[str, str] = {}


class Namespace(dict[str, Any]):
    """The globals of one generated function, each named after what it is.

    :meth:`name` binds a value under a readable name (the same value twice: one name), made
    unique with a number only when two different values would take the same name.
    """

    def __init__(self, fixed: dict[str, Any] | None = None) -> None:
        super().__init__(fixed or {})
        self._by_id: dict[int, str] = {}

    def name(self, value: Any, wanted: str) -> str:
        """Bind ``value`` under ``wanted`` (or ``wanted_2``...); return the name.

        A plain constant (:func:`literal`) is written as itself instead.
        """
        written = literal(value)
        if written is not None:
            return written
        known = self._by_id.get(id(value))
        if known is not None and self[known] is value:
            return known
        base = local_name(wanted)
        found, number = base, 1
        while found in self and self[found] is not value:
            number += 1
            found = f"{base}_{number}"
        self[found] = value
        self._by_id[id(value)] = found
        return found


class Locals:
    """The locals of one generated function: each new one named after what it holds."""

    __slots__ = ("names", "ns")

    def __init__(self, ns: dict[str, Any], *taken: str) -> None:
        self.ns = ns
        self.names = set(taken)

    def new(self, wanted: str) -> str:
        """A new local named after ``wanted`` (a field, an item), unique in the function."""
        base = local_name(wanted)
        found, number = base, 1
        while found in self.names or found in self.ns:
            number += 1
            found = f"{base}_{number}"
        self.names.add(found)
        return found


def literal(value: Any) -> str | None:
    """``value`` written as code, if it is a plain constant (``None``, ``()``, ``0``, ``'x'``)."""
    if value is None or (type(value) is tuple and not value):
        return repr(value)
    if type(value) in (bool, int, str):
        return repr(value)
    return None


def local_name(wanted: str) -> str:
    """``wanted`` as a Python name that shadows no keyword or builtin (``type`` -> ``type_``)."""
    text = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in wanted) or "value"
    if text[0].isdigit():
        text = "_" + text
    if keyword.iskeyword(text) or hasattr(builtins, text):
        text += "_"
    return text


def compile_function(
    source: str, function: str, namespace: dict[str, Any], cls: type[Any], kind: str
) -> Callable[..., Any]:
    """Compile ``source``, register it for tracebacks and :func:`source_of`, return ``function``.

    Args:
        source: the code of one ``def``.
        function: the name it defines.
        namespace: its globals (a :class:`Namespace`, or a plain dict).
        cls: the entity class it was generated for.
        kind: one of :data:`KINDS`.
    """
    filename = _filename(f"<atensi {kind} {cls.__qualname__}>", source)
    # What linecache keeps for a file it cannot stat: size, no mtime, the lines, the name.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace.setdefault("__name__", f"atensi.generated.{kind.replace(' ', '_')}")
    exec(compile(source, filename, "exec"), namespace)
    _SOURCES[(cls, kind)] = source
    made: Callable[..., Any] = namespace[function]
    return made


def _filename(base: str, source: str) -> str:
    """A file name not yet used for other code (the same code generated again keeps its name)."""
    name, number = base, 1
    while name in _FILES and _FILES[name] != source:
        number += 1
        name = f"{base[:-1]} {number}>"
    _FILES[name] = source
    return name


def source_of(cls: type[Any], kind: str = "structure") -> str:
    """The source of the function generated for the entity class ``cls`` (made if need be).

    ``kind`` is one of :data:`KINDS`: ``"structure"`` (Python data), ``"counted"`` (JSON text
    without the extra), ``"twin check"``, ``"twin colons"`` and ``"twin entity"`` (JSON text
    with the ``fast`` extra; msgspec must be installed), ``"warnings"``.

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
