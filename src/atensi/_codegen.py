"""Generated code you can read: compiled in one place, its source kept, its names readable.

atensi generates small Python functions where a hand-written loop over declarations would be
slower: the boundary's structuring functions, twins and warnings
(:func:`atensi.boundary.source_of`), the decision memo's signature
(:func:`atensi.rules.memo.signature_source`). They are compiled by :func:`compile_source`
only, which registers the source in :mod:`linecache` under a file name that says what it is
(``<atensi structure Person>``), as attrs and cattrs do for the methods they generate, so a
traceback through generated code shows the line and ``inspect.getsource`` and debuggers find
it. The globals a function uses are named after what they are (:class:`Namespace`:
``nik_converter``, ``Sex_codes``), never after a counter or a memory address, and its locals
after the fields they hold (:class:`Locals`).
"""

from __future__ import annotations

import builtins
import keyword
import linecache
from collections.abc import Callable
from typing import Any

__all__ = ["Locals", "Namespace", "compile_source", "literal", "local_name"]

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


def compile_source(
    source: str, function: str, namespace: dict[str, Any], label: str, module: str
) -> Callable[..., Any]:
    """Compile ``source`` (one ``def``) and register it for tracebacks; return ``function``.

    Args:
        source: the code.
        function: the name it defines.
        namespace: its globals (a :class:`Namespace`, or a plain dict): copied into a plain
            dict of the function's own.
        label: what it is, for its file name (``"structure Person"``).
        module: the ``__name__`` its globals give (where a traceback says it belongs).
    """
    filename = _filename(f"<atensi {label}>", source)
    # What linecache keeps for a file it cannot stat: size, no mtime, the lines, the name.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    # The globals as a plain dict of their own: Python specialises a global look-up only in an
    # exact dict (a dict subclass, as a Namespace is, made every global and builtin read slow).
    globals_ = dict(namespace)
    globals_.setdefault("__name__", module)
    exec(compile(source, filename, "exec"), globals_)
    made: Callable[..., Any] = globals_[function]
    return made


def _filename(base: str, source: str) -> str:
    """A file name not yet used for other code (the same code generated again keeps its name)."""
    name, number = base, 1
    while name in _FILES and _FILES[name] != source:
        number += 1
        name = f"{base[:-1]} {number}>"
    _FILES[name] = source
    return name
