r"""Decoding a valid line in pure Python, proved free of duplicate keys by counting.

The strict decoder of :mod:`atensi.boundary._lines` hands every object of a line to a Python hook
to notice a key given twice (``input.duplicate_key``): about a third of the cost of decoding a
record. Without the ``fast`` extra, a line is first tried this way instead: ``json`` decodes it
in C without the hook (``NaN`` and ``Infinity`` refused), and the generated structuring function
(:func:`atensi.boundary._fast.counting_structurer`) builds the entity while adding up the keys
of the objects it reads; the colons of the text then prove that no key was given twice
(:func:`atensi.boundary._lines.no_key_twice`, the proof the twins make too).

Anything else (not UTF-8, not JSON, a constant, text around the value, an invalid record, a
count that does not match) is refused (:class:`atensi.boundary._quick.Refused`, or a field
validator's :class:`~atensi.InvalidRecord`), and the caller takes the strict path, which finds
and names every problem: this path decides nothing the strict path would not.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from atensi.boundary._fast import counting_structurer
from atensi.boundary._lines import no_key_twice
from atensi.boundary._quick import refuse
from atensi.model import Entity

__all__ = ["decode"]


def _no_constant(name: str) -> NoReturn:
    raise ValueError(name)


_plain = json.JSONDecoder(parse_constant=_no_constant).decode


def decode(data: bytes | str, cls: type[Any]) -> Any:
    """The entity ``cls`` of one JSON text, or refuse it: then take the strict path.

    Stricter than the strict path in what it accepts around the value (JSON whitespace only),
    never laxer: what it returns, the strict path returns too.

    Raises:
        Refused, InvalidRecord: the text is not a valid record by this path's means.
    """
    if not (isinstance(cls, type) and issubclass(cls, Entity)):
        refuse()  # not an entity class: the strict path says so
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        value = _plain(text)
    except (ValueError, RecursionError):  # not UTF-8, not JSON, a constant, nested too deep
        refuse()
    count = [0]
    entity = counting_structurer(cls)(value, count)  # reads ``value``, never changes it
    if not no_key_twice(text, count[0], value, _colons_in):
        refuse()  # a key given twice, or a colon escaped: the strict path says which
    return entity


def _colons_in(value: Any) -> int:
    """The colons inside the strings of a decoded value (few lines need it counted).

    The keys of a structured record are field names: only the values can hold colons.
    """
    if type(value) is str:
        return value.count(":")
    if type(value) is dict:
        return sum(_colons_in(item) for item in value.values())
    if type(value) is list:
        return sum(_colons_in(item) for item in value)
    return 0
