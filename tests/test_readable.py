"""Code that reads like what it does: no speed aliases in rules, no private names across modules.

A rule reads like its article (``finding(MET, ...)``, ``Target.CHILDREN``), not like a
micro-benchmark (``_E, _N, _R, _U = Outcome...``); a helper one module shares with another has a
public name (private submodules of a package stay within it); the packages that import names on
first use share one helper (:mod:`atensi._lazy`) instead of a ladder of import statements each.
"""

from __future__ import annotations

import ast
import enum
import importlib
import pathlib

import pytest

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "atensi"


def _modules() -> list[pathlib.Path]:
    return sorted(SRC.rglob("*.py"))


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_of(module: str, path: pathlib.Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _crossings() -> list[str]:
    """Every private name one atensi module takes from another."""
    found = []
    for path in _modules():
        module = _module_name(path)
        package = _package_of(module, path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("atensi"):
                source = node.module or ""
                for alias in node.names:
                    if not _private(alias.name):
                        continue
                    # A private submodule of the importer's own package is the package's own.
                    if (
                        source == package
                        and (SRC.parent / source.replace(".", "/"))
                        .joinpath(alias.name)
                        .with_suffix(".py")
                        .exists()
                    ):
                        continue
                    found.append(f"{module}: from {source} import {alias.name}")
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("atensi") and alias.asname:
                        imported[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and _private(node.attr)
                and isinstance(node.value, ast.Name)
                and node.value.id in imported
            ):
                found.append(f"{module}: {imported[node.value.id]}.{node.attr}")
    return found


def test_no_private_name_crosses_a_module_line() -> None:
    assert _crossings() == []


def _enum_classes() -> dict[str, type[enum.Enum]]:
    import atensi.model
    import atensi.rules.decision
    import atensi.vocab

    found: dict[str, type[enum.Enum]] = {}
    for module in (atensi.vocab, atensi.model, atensi.rules.decision):
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, enum.Enum):
                found[name] = value
    return found


@pytest.mark.parametrize(
    "path", sorted((SRC / "rules").rglob("*.py")), ids=lambda p: str(p.relative_to(SRC))
)
def test_rules_name_the_vocabulary_instead_of_aliasing_it(path: pathlib.Path) -> None:
    """No module of the rules binds a private name to vocabulary members (``_MET = Status.MET``)."""
    enums = _enum_classes()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        targets = [
            n.id
            for t in node.targets
            for n in ([t] if isinstance(t, ast.Name) else getattr(t, "elts", []))
            if isinstance(n, ast.Name)
        ]
        values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
        members = [
            v
            for v in values
            if isinstance(v, ast.Attribute)
            and isinstance(v.value, ast.Name)
            and v.value.id in enums
            and v.attr.isupper()
        ]
        # An alias binds names one to one to members (``_MET = Status.MET``, ``_A, _B = X.A,
        # X.B``); a named set of members (``_CONSIDERED = (ELIGIBLE, NEEDS_REVIEW)``) is not one.
        one_to_one = len(targets) == len(values) == len(members)
        aliased = [t for t in targets if _private(t)]
        assert not (aliased and one_to_one), f"{path.name}:{node.lineno} aliases {aliased}"
        typevar = (
            isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "TypeVar"
        )
        short = [t for t in targets if len(t.strip("_")) == 1 and not typevar]
        assert not short, f"{path.name}:{node.lineno} {short}"


def test_the_packages_that_load_names_late_share_one_helper() -> None:
    from atensi._lazy import lazy_names

    for name in ("atensi", "atensi.model", "atensi.rules", "atensi.boundary"):
        module = importlib.import_module(name)
        source = pathlib.Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "lazy_names(__name__" in source, name
        assert "elif where ==" not in source, name  # no ladder of import statements
    # The helper: a name asked for is imported once and kept in the package.
    namespace: dict[str, object] = {}
    load = lazy_names("atensi", {"nik": "nik", "structure": "boundary"}, namespace)
    assert load("structure") is namespace["structure"]
    with pytest.raises(AttributeError):
        load("nothing_here")
    # Only the helper (and the package-data reader) may import modules by name in the core.
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        if "import importlib" in text:
            assert _module_name(path) in ("atensi._lazy", "atensi.data"), path
