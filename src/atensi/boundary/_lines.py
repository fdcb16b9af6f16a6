"""Decoding one line of JSON Lines as strictly as the command line does, without any I/O.

Shared by the command line's reader (:mod:`atensi.cli._reader`) and the batch functions for
engines that map over text lines (:func:`atensi.batch.assess_line_json`, Dask, Polars, Spark),
so that a line is a record, or the same documented problem, whichever runs it: not UTF-8
(``input.not_utf8``), not JSON, ``NaN`` and ``Infinity`` included (``input.not_json``), nested
too deeply to decode (``input.too_deep``), or an object with the same key twice
(``input.duplicate_key``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from atensi.errors import ErrorDetail

__all__ = [
    "Decoder",
    "bad_line",
    "decode_line",
    "decode_numbered",
    "line_where",
    "no_key_twice",
    "not_json",
    "thread_decoder",
    "too_deep",
]


def bad_line(where: tuple[str, str], code: str, en: str, id_: str) -> ErrorDetail:
    """The problem of a line or item, its position in front of the message."""
    return ErrorDetail((), code, f"{where[0]}: {en}", f"{where[1]}: {id_}")


def line_where(number: int | None) -> tuple[str, str]:
    """How a line is named in messages: ``line 3``, or ``the line`` when its number is unknown."""
    if number is None:
        return "the line", "baris ini"
    return f"line {number}", f"baris {number}"


class Decoder:
    """``json`` decoding that notices duplicate keys and ``NaN``/``Infinity`` literals.

    It keeps state between :meth:`raw_decode` and :meth:`problem`: use one per thread.
    """

    __slots__ = ("constant", "decoder", "duplicate")

    def __init__(self) -> None:
        self.duplicate = False
        self.constant = False
        self.decoder = json.JSONDecoder(
            object_pairs_hook=self._object, parse_constant=self._constant
        )

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(pairs)
        if len(value) != len(pairs):
            self.duplicate = True
        return value

    def _constant(self, name: str) -> float:
        self.constant = True
        return float(name)

    def raw_decode(self, text: str, position: int) -> tuple[Any, int]:
        """Decode one value at ``position``; :meth:`problem` then says if it may be used."""
        self.duplicate = self.constant = False
        return self.decoder.raw_decode(text, position)

    def problem(self, where: tuple[str, str]) -> ErrorDetail | None:
        """The problem of the value just decoded, if it had a duplicate key or a NaN."""
        if self.duplicate:
            return bad_line(
                where,
                "input.duplicate_key",
                "an object has the same key twice",
                "sebuah objek memuat kunci yang sama dua kali",
            )
        if self.constant:
            return bad_line(
                where,
                "input.not_json",
                "not valid JSON (NaN and Infinity are not JSON numbers)",
                "bukan JSON yang sah (NaN dan Infinity bukan bilangan JSON)",
            )
        return None


_ONLY_BREAKS_EN = "; records are separated by line breaks (\\n, \\r\\n or \\r) only"
_ONLY_BREAKS_ID = "; rekaman hanya dipisahkan oleh ganti baris (\\n, \\r\\n atau \\r)"


def decode_line(data: bytes | str, where: tuple[str, str], decoder: Decoder) -> Any:
    """One line's record, or an :class:`~atensi.ErrorDetail` naming the line's problem."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return bad_line(where, "input.not_utf8", "not UTF-8 text", "bukan teks UTF-8")
    else:
        text = data
    try:
        start = len(text) - len(text.lstrip())
        value, end = decoder.raw_decode(text, start)
    except ValueError:
        return not_json(where, text)
    except RecursionError:
        return too_deep(where)
    if text[end:].strip():
        return not_json(where, text)
    return decoder.problem(where) or value


#: Characters never found in JSON text outside an escape that a reader may take for binary data
#: or a record separator: a line holding one says so, with what it means here.
_NAMED = (
    ("\x00", "a NUL byte", "bait NUL", "", ""),
    ("\x0c", "a form feed", "form feed", _ONLY_BREAKS_EN, _ONLY_BREAKS_ID),
    ("\x0b", "a vertical tab", "tab vertikal", _ONLY_BREAKS_EN, _ONLY_BREAKS_ID),
)


def not_json(where: tuple[str, str], text: str) -> ErrorDetail:
    r"""``input.not_json``, naming a NUL byte, form feed or vertical tab the text holds.

    JSON Lines separates records by line breaks (``\n``, ``\r\n``, or a lone ``\r``, which the
    command line's reader splits at): a form feed or a vertical tab between two records joins
    them into one line, and the message says so instead of a bare "not valid JSON".
    """
    for char, en, id_, why_en, why_id in _NAMED:
        at = text.find(char)
        if at >= 0:
            return bad_line(
                where,
                "input.not_json",
                f"not valid JSON: holds {en} (U+{ord(char):04X}) at character {at}{why_en}",
                f"bukan JSON yang sah: memuat {id_} (U+{ord(char):04X}) pada karakter {at}{why_id}",
            )
    return bad_line(where, "input.not_json", "not valid JSON", "bukan JSON yang sah")


def too_deep(where: tuple[str, str]) -> ErrorDetail:
    """``input.too_deep``: JSON nested more deeply than Python's decoder goes (about 900)."""
    return bad_line(
        where,
        "input.too_deep",
        "nested too deeply to read (more than about 900 levels)",
        "bersarang terlalu dalam untuk dibaca (lebih dari sekitar 900 tingkat)",
    )


def decode_numbered(data: bytes | str, number: int | None) -> Any:
    """:func:`decode_line` of a line known by its number (or not), with this thread's decoder.

    For the functions engines map over lines (:mod:`atensi.batch`, :mod:`atensi.reports`): each
    thread has its own decoder (a decoder keeps state from one call to the next), made once, not
    for every line (making one costs about as much as decoding a short line).
    """
    return decode_line(data, line_where(number), thread_decoder())


def thread_decoder() -> Decoder:
    """This thread's decoder (made on its first use)."""
    try:
        decoder: Decoder = _PER_THREAD.decoder
    except AttributeError:
        decoder = _PER_THREAD.decoder = Decoder()
    return decoder


_PER_THREAD = threading.local()


def no_key_twice(
    data: bytes | str, keys: int, value: Any, string_colons: Callable[[Any], int]
) -> bool:
    r"""Whether the colons of ``data`` prove that no object of it gave a key twice.

    ``value`` is what a decoder that keeps the last of a repeated key (``json`` without the
    hook, msgspec) made of ``data``, and ``keys`` the number of keys its objects hold. Every
    colon of a JSON text outside its strings follows a key, so when the colons of the text are
    those keys plus the colons inside the decoded strings (``string_colons(value)``, asked only
    when the colons are not the keys alone), no key was repeated: a repeated key adds a colon the
    decoded value does not hold. An escape that writes a colon (``\u003a``) would hide one, so
    a text with one proves nothing (its caller takes the strict path).
    """
    colons = data.count(b":") if isinstance(data, bytes) else data.count(":")
    if colons == keys:
        return True
    escaped = b"\\u003" in data if isinstance(data, bytes) else "\\u003" in data
    return not escaped and colons == keys + string_colons(value)
