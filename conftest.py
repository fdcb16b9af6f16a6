"""Collection of the doctests in ``src``: a module that needs an extra is left out without it.

``atensi.boundary._twins`` is the compiled path of the ``fast`` extra and imports msgspec; the
library never imports it without msgspec (``atensi.boundary._compiled`` asks first), and neither
should the doctest collector (the oldest-dependencies job installs ``.[test]`` only).
"""

import importlib.util

collect_ignore: list[str] = []
if importlib.util.find_spec("msgspec") is None:
    collect_ignore.append("src/atensi/boundary/_twins.py")
