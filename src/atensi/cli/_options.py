"""The options several subcommands share, each offered only where it changes something.

``--lang`` where a message is printed, ``--quiet`` where a summary or progress goes to standard
error, ``--show-personal-data`` where personal data can be shown; ``atensi schema`` has none.
"""

from __future__ import annotations

import argparse

__all__ = ["add_lang", "add_personal_data", "add_quiet", "common_parent"]


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang id|en``: the language of messages."""
    parser.add_argument(
        "--lang", choices=("id", "en"), default="en", help="language of messages (default: en)"
    )


def add_quiet(parser: argparse.ArgumentParser) -> None:
    """``--quiet``: no progress and no closing summary on standard error."""
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress line and no closing summary on standard error (faults still are)",
    )


def add_personal_data(parser: argparse.ArgumentParser) -> None:
    """``--show-personal-data``: print what is redacted by default."""
    parser.add_argument(
        "--show-personal-data",
        action="store_true",
        help="print personal data (inputs, facts, full NIKs); off by default",
    )


def common_parent(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The parent parser of the commands that take all three (validate, assess, explain, report)."""
    common = parser_class(add_help=False)
    add_lang(common)
    add_quiet(common)
    add_personal_data(common)
    return common
