"""Test helpers: the public strategies of ``atensi.testing`` plus JSON-like noise."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from atensi.testing import STRATEGIES, assessments, cases, lks, persons

__all__ = [
    "ENTITY_STRATEGIES",
    "HOSTILE_LIKE",
    "JSON_LIKE",
    "STRATEGY_CLASSES",
    "assessments",
    "cases",
    "entity_name",
    "lks",
    "persons",
]

ENTITY_STRATEGIES = STRATEGIES

#: The classes with a strategy, in name order (for parametrised tests).
STRATEGY_CLASSES: list[type[Any]] = sorted(ENTITY_STRATEGIES, key=lambda c: c.__name__)


def entity_name(cls: type[Any]) -> str:
    """Test id of an entity class."""
    return cls.__name__


#: Arbitrary JSON-like values, including awkward ones.
JSON_LIKE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["2024-02-30", "2024-01-01", "anak", "person", "3171014103900001"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=12) | st.sampled_from(["id", "kind", "name", "nik"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


# --- Python objects no JSON decoder makes (issue 16, item 4) ----------------------------------


class Boom(Exception):
    """What the hostile objects raise."""


def _boom(*_: Any, **__: Any) -> Any:
    raise Boom


class RaisingObject:
    """Every method a reader might call raises."""

    __eq__ = __ne__ = __lt__ = __hash__ = __str__ = __repr__ = __format__ = _boom
    __len__ = __iter__ = __bool__ = __getitem__ = __index__ = __int__ = _boom


class RaisingKey:
    """Hashable (it can be a dict key), but comparing or showing it raises."""

    def __hash__(self) -> int:
        return hash("kind")  # collides with a field name, so that comparing is needed

    __eq__ = __ne__ = __str__ = __repr__ = __format__ = _boom


class RaisingMapping(Mapping[str, Any]):
    """A mapping whose every access raises."""

    __getitem__ = __iter__ = __len__ = items = keys = values = get = _boom


class EndlessMapping(Mapping[str, Any]):
    """A mapping that never ends and lies about its length."""

    def __getitem__(self, key: str) -> Any:
        return 1

    def __iter__(self) -> Any:
        count = 0
        while True:
            count += 1
            yield f"k{count}"

    def __len__(self) -> int:
        return 1


class HugeList(list[Any]):
    """A list whose ``len`` cannot be answered (``__len__`` beyond ``sys.maxsize``)."""

    def __len__(self) -> int:
        return 2**100


class RaisingStr(str):
    """A string whose methods raise."""

    __str__ = __hash__ = __eq__ = __len__ = isascii = encode = strip = _boom


class RaisingInt(int):
    """An integer whose methods raise."""

    __index__ = __int__ = __repr__ = __str__ = __eq__ = __hash__ = bit_length = _boom


def _cyclic(value: dict[str, Any]) -> dict[str, Any]:
    value["self"] = value
    value["again"] = [value, value]
    return value


HOSTILE_LEAVES = st.builds(
    lambda make: make(),
    st.sampled_from(
        [
            lambda: 10**5000,
            lambda: -(10**5000),
            lambda: float("nan"),
            lambda: float("-inf"),
            lambda: b"\xff\xfe",
            lambda: "\ud800",
            lambda: "3171014103900001",
            lambda: "a\x1b[31m\nb",
            RaisingObject,
            RaisingMapping,
            EndlessMapping,
            lambda: HugeList([1]),
            lambda: RaisingStr("x"),
            lambda: RaisingInt(3),
            lambda: {RaisingKey(): 1},
            lambda: {10**5000: 1},
            lambda: {"3171014103900001": {"kind": "person"}},
            lambda: {"x" * 100_000: 1},
            set,
            object,
        ]
    ),
)

#: JSON-like values with Python objects no JSON decoder makes among them, and cycles.
HOSTILE_LIKE = st.recursive(
    HOSTILE_LEAVES | JSON_LIKE,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=12) | st.sampled_from(["id", "kind", "name", "nik", "subject"]),
            children,
            max_size=5,
        )
        | st.dictionaries(st.sampled_from(["id", "kind", "subject"]), children).map(_cyclic)
    ),
    max_leaves=12,
)
