"""The package's own data files, and the one module that reads them.

Long tables are kept as data, not as Python: the sources catalogue and the dated parameters of
the law (``law/``), the scenarios (``scenarios/``), the example registry of units and the region
codes (``regions/``). They live in this folder, ship inside the wheel, and another language can
read them as they are (JSON and tab-separated text, each with its format documented beside it).

Reading them is not I/O in the sense of the purity contract: the files are part of the package,
like its code, and never change while it runs. This module is the only one allowed to reach them
(the import-linter contract in ``pyproject.toml`` ignores exactly ``atensi.data -> importlib``). A
file is read through the loader that imported this package (``get_data``: a plain file, or a
member of a zip archive), which costs no import; a folder is listed through
:mod:`importlib.resources`, imported on the first listing. Nothing is cached here: each reader
parses its file once into typed values and keeps those.

Paths are ``/``-separated and relative to this folder.

>>> from atensi import data
>>> "sources.json" in data.list_dir("law")
True
>>> data.read_json("law/sources.json")["format"]
'atensi-sources/1'
"""

from __future__ import annotations

from typing import Any

__all__ = ["list_dir", "read_bytes", "read_json", "read_text"]


def _resource(path: str) -> Any:
    """The traversable file or folder at ``path`` (``/``-separated) inside this package."""
    from importlib.resources import files

    node = files(__name__)
    for part in _checked(path):
        node = node.joinpath(part)
    return node


def _checked(path: str) -> list[str]:
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"not a path inside atensi's data: {path!r}")
    return parts


def read_bytes(path: str) -> bytes:
    """The bytes of the data file at ``path``.

    Raises:
        FileNotFoundError: if the package holds no such file.
        ValueError: if ``path`` is empty or climbs out of the data folder.
    """
    parts = _checked(path)
    spec = __spec__
    locations = spec.submodule_search_locations if spec is not None else None
    get_data = getattr(spec.loader if spec is not None else None, "get_data", None)
    if locations and get_data is not None:
        # The loader reads a file of the package, from a folder or a zip archive, without an
        # import ("/" is accepted as the separator on every platform).
        content: bytes = get_data("/".join([locations[0], *parts]))
        return content
    data: bytes = _resource(path).read_bytes()  # pragma: no cover - an unusual loader
    return data


def read_text(path: str) -> str:
    """The text (UTF-8) of the data file at ``path``."""
    return read_bytes(path).decode("utf-8")


def read_json(path: str) -> Any:
    """The parsed JSON document at ``path`` (a fresh object on every call)."""
    import json

    return json.loads(read_bytes(path))


def list_dir(path: str) -> tuple[str, ...]:
    """The names of the entries of the data folder at ``path``, sorted.

    Raises:
        FileNotFoundError: if the package holds no such folder.
    """
    node = _resource(path)
    if not node.is_dir():
        raise FileNotFoundError(f"no data folder {path!r} in atensi")
    return tuple(sorted(child.name for child in node.iterdir()))
