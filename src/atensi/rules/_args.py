"""The arguments of the public rule functions, checked where they enter.

The rules receive entities and vocabulary members, so their annotations are true inside. A
caller who passes a code as text where a :class:`~enum.StrEnum` member is typed gets the member
(``advance(case, "asesmen", on=...)``); a text that is no code raises
:class:`~atensi.errors.UnknownCode`; a value of another kind (a dict where an entity belongs)
raises :class:`~atensi.errors.WrongArgument`. Both are documented ``ValueError`` subclasses,
never an ``AttributeError`` from deep inside a rule.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any, TypeVar

from atensi.errors import WrongArgument

__all__ = ["date_argument", "entity_argument", "member", "members"]

E = TypeVar("E", bound=enum.Enum)


def member(cls: type[E], value: Any, name: str) -> E:
    """``value`` as a member of ``cls``: a member, or its code as text."""
    if isinstance(value, cls):
        return value
    if type(value) is str:
        return cls(value)  # UnknownCode for a text that is no code
    raise WrongArgument(
        name, f"a {cls.__name__} member or its code", value, f"anggota {cls.__name__} atau kodenya"
    )


def entity_argument(value: Any, classes: tuple[type[Any], ...], name: str) -> None:
    """Refuse plain data where an entity of ``classes`` belongs (a dict, a list, a text ...).

    Plain data only: anything else is let through, so that what reads like an entity (the
    compiled path's twins, a test's tracking proxy) is decided as one.
    """
    if value is None or isinstance(value, _PLAIN):
        names = " or ".join(c.__name__ for c in classes)
        raise WrongArgument(name, f"a {names}", value, f"objek {names.replace(' or ', ' atau ')}")


_PLAIN = (Mapping, list, tuple, str, bytes, int, float)


def date_argument(value: Any, name: str) -> None:
    """Refuse anything but a ``datetime.date`` (a datetime too: it does not compare with one)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise WrongArgument(name, "a datetime.date", value, "datetime.date")


def members(classes: tuple[type[E], ...], value: Any, name: str) -> E:
    """``value`` as a member of the first of ``classes`` that has it (a member, or a code)."""
    if isinstance(value, classes):
        return value
    if type(value) is str:
        for cls in classes[:-1]:
            if value in cls._value2member_map_:
                return cls(value)
        return classes[-1](value)  # UnknownCode names the last: the widest
    names = " or ".join(c.__name__ for c in classes)
    raise WrongArgument(
        name, f"a {names} member or its code", value, f"anggota {names} atau kodenya"
    )
