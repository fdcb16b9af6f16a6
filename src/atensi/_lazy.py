"""Names a package imports on first use (PEP 562), declared as a table: one helper for all.

``import atensi`` stays cheap because the heavy parts (the entities, the boundary, cattrs)
load when a name of them is first asked for. A package declares which module defines each
such name and takes its ``__getattr__`` from :func:`lazy_names`; the name is then kept in the
package's namespace, so a loop over ``atensi.structure`` pays for the look-up once. The one
module of the core that may import by name (the purity contract allows it ``importlib``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, where: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """A ``__getattr__`` for ``package`` that imports each name of ``where`` on first use.

    Args:
        package: the package's name (``"atensi.rules"``).
        where: for each name, the module that defines it, relative to the package
            (``"eligibility"``) or absolute (``"atensi.model._fields"``); a name that is a
            submodule of the package maps to itself (``"nik": "nik"``) and is the module.
        namespace: the package's ``globals()``, where a name found is kept.
    """

    def load(name: str) -> Any:
        module_name = where.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        full = module_name if module_name.startswith("atensi") else f"{package}.{module_name}"
        module = importlib.import_module(full)
        value = module if module_name == name else getattr(module, name)
        namespace[name] = value
        return value

    return load
