"""The ``hypothesis`` entry point: register atensi's strategies for ``st.from_type``.

Hypothesis runs entry points while it is being imported. If ``atensi.testing`` is what
imported Hypothesis, it is only partly initialised at that moment and registers its strategies
itself when its import finishes; the hook then has nothing to do.
"""

from __future__ import annotations


def setup() -> None:
    """Register the strategies of ``atensi.testing`` (once it can be imported)."""
    try:
        from atensi.testing import _register
    except ImportError:  # atensi.testing is importing Hypothesis right now
        return
    _register()
