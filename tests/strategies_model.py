"""Test helpers: the public strategies of ``atensi.testing`` plus JSON-like noise."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from atensi.testing import STRATEGIES, assessments, cases, lks, persons

__all__ = [
    "ENTITY_STRATEGIES",
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
