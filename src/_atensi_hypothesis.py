"""atensi's ``hypothesis`` entry point: ``st.from_type`` for its entities, at no cost elsewhere.

Hypothesis runs every installed plugin when it is imported, in every test process that has
atensi installed, whether that suite uses atensi or not; it catches nothing a plugin raises,
not even while importing it. So this plugin is a module of its own, outside the ``atensi``
package, and does almost nothing:

* it imports no atensi module at all (not even the package) until the entities exist;
* it registers a strategy for each entity only once :mod:`atensi.model` is imported (at once if
  it already is; otherwise :mod:`atensi.model` calls :func:`model_loaded` as its import ends),
  and each registered strategy is resolved on first use, importing :mod:`atensi.testing` then;
* it never raises: an atensi that cannot load leaves an unrelated suite untouched (a suite that
  does use the strategies then meets the error where it uses them).
"""

from __future__ import annotations

import functools
import sys
from typing import Any

__all__ = ["model_loaded", "setup"]


def _resolve(cls: type[Any], _: object) -> Any:
    """Resolve the strategy of ``cls`` (the first time Hypothesis asks for it)."""
    from atensi.testing import STRATEGIES

    return STRATEGIES[cls]


def model_loaded() -> None:
    """Register a lazily resolved strategy for every entity (called when the model exists)."""
    try:
        if "hypothesis.strategies" not in sys.modules:  # Hypothesis is not in this process
            return
        from hypothesis import strategies as st

        model = sys.modules["atensi.model"]
        for cls in model.ENTITIES:
            st.register_type_strategy(cls, functools.partial(_resolve, cls))
    except Exception:  # never break a test suite for atensi's sake
        return


def setup() -> None:
    """The entry point Hypothesis calls while it is imported."""
    if "atensi.model" in sys.modules:
        model_loaded()
    # Otherwise atensi.model calls model_loaded() as its import ends.
