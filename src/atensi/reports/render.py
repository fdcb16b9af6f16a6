r"""Text a report writes: CSV and JSON that are byte-identical for the same inputs.

* **Numbers.** Counts and rupiah are integers. Every other number (a share, a ratio, a median
  or mean of days) is computed exactly as a fraction and written as a **decimal string with four
  places**, rounded half to even (``"0.6667"``, ``"1.2994"``, ``"12.5000"``): no float ever
  reaches the output, so no platform, library version or locale changes a digit. Where a value
  cannot be computed (no data), it is ``null`` in JSON and empty in CSV, never ``0``.
* **Order.** Rows are sorted by their cells (missing values last), JSON keys are sorted, and
  nothing records when the report was made.
* **CSV** follows RFC 4180 (``\r\n`` line ends, fields with a comma, quote or line break
  quoted), UTF-8 without a byte order mark. A text cell that a spreadsheet would run as a
  formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
  apostrophe: codes come from outside data.

>>> from fractions import Fraction
>>> decimal_text(Fraction(2, 3)), decimal_text(Fraction(1, 8)), decimal_text(None)
('0.6667', '0.1250', None)
>>> print(csv_text(["unit", "pm"], [["=SUM(A1)", 3], ["a,b", None]]).replace("\r\n", "|"))
unit,pm|'=SUM(A1),3|"a,b",|
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any

from atensi.boundary._compiled import compiled

__all__ = ["PLACES", "csv_lines", "csv_text", "decimal_text", "json_text", "sort_key"]

#: Decimal places of every non-integer number a report writes.
PLACES = 4
_SCALE = 10**PLACES
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
#: What makes a CSV field quoted (RFC 4180).
_QUOTED = re.compile('[,"\r\n]')


def decimal_text(value: Fraction | int | None, places: int = PLACES) -> str | None:
    """``value`` as a decimal string with ``places`` places, half to even; ``None`` stays."""
    if value is None:
        return None
    scale = 10**places
    scaled = Fraction(value) * scale
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    twice = 2 * rest
    if twice > scaled.denominator or (twice == scaled.denominator and whole % 2 == 1):
        whole += 1
    sign = "-" if whole < 0 else ""
    digits = str(abs(whole)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def sort_key(cells: Sequence[Any]) -> tuple[tuple[bool, str], ...]:
    """Order rows by their cells as text, missing values (``None``) last."""
    return tuple((cell is None, "" if cell is None else str(cell)) for cell in cells)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    kind = type(value)
    if kind is int:  # counts and rupiah: most cells of a large report
        return str(value)
    if kind is not str:  # codes and labels, the rest of them, are not asked of an ABC
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, Fraction):
            return decimal_text(value) or ""
    text = str(value)
    if not isinstance(value, int) and text.startswith(_FORMULA):
        text = "'" + text
    if _QUOTED.search(text):
        text = '"' + text.replace('"', '""') + '"'
    return text


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The lines of :func:`csv_text`, one at a time, each with its line end, for streaming.

    A table repeats its codes and labels row after row: each text's field is worked out once
    per table (counts, most of the other cells, are written as they come).
    """
    yield ",".join(_cell(h) for h in header) + "\r\n"
    texts: dict[str, str] = {}
    known = texts.get
    for row in rows:
        yield (
            ",".join(
                [
                    str(v)
                    if type(v) is int
                    else (known(v) or _text(v, texts))
                    if type(v) is str
                    else _cell(v)
                    for v in row
                ]
            )
            + "\r\n"
        )


def _text(value: str, texts: dict[str, str]) -> str:
    """The field of a text, kept in ``texts`` for the rows after."""
    found = texts[value] = _cell(value)
    return found


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """RFC 4180 text of a table (the rows as given: sort them first)."""
    return "".join(csv_lines(header, rows))


def _jsonable(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or value is None:  # most values: not asked of an ABC
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Fraction):
        return decimal_text(value)
    return value


def json_text(data: Any) -> str:
    """JSON with sorted keys, two-space indentation, UTF-8 text, fractions as decimal strings.

    With the ``fast`` extra, msgspec writes the same text (the standard library's encoder
    indents in Python, a report's largest cost after its records at a few thousand cases),
    from the values as they are (a fraction through :func:`_encoded`); keys that are not
    text are made text first; text it cannot write as the standard library does (a lone
    surrogate) falls back.
    """
    if compiled():
        text = _msgspec_text(data)
        if text is None:
            text = _msgspec_text(_jsonable(data))
        if text is not None:
            return text
    return json.dumps(_jsonable(data), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _msgspec_text(data: Any) -> str | None:
    import msgspec

    try:
        encoded = msgspec.json.encode(data, order="sorted", enc_hook=_encoded)
        return msgspec.json.format(encoded, indent=2).decode("utf-8") + "\n"
    except (TypeError, ValueError):  # a key that is not text, a lone surrogate
        return None


def _encoded(value: Any) -> Any:
    """What msgspec writes of a value it does not know: a fraction's decimal text."""
    if isinstance(value, Fraction):
        return decimal_text(value)
    raise TypeError(f"not JSON: {type(value).__name__}")
