"""What a report's accumulators read of the case in hand, worked out once for all of them.

:class:`~atensi.reports.ProgrammeReport` gives each case to the totals, the evaluation and the
budget in turn, and each asks the same questions of it: who its PM are, their keys, their
target groups on a delivery's day. The answers are pure functions of the (frozen) case, so the
first accumulator to ask keeps them, and the others read them back, until the next case.

The window holds one case per thread (a report may be fed from several threads, each with its
own report) and a strong reference to it, so that the identities it is keyed by stay valid.
A report that gives a few cases to each accumulator in turn (:func:`holding` them) keeps the
answers of each of those cases until it lets them go.

>>> import atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C-1", "unit": "S-1", "opened_on": "2024-01-02",
...     "subject": {"kind": "community", "id": "K-1", "name": "Kampung"}}, Case)
>>> pms(case, False) is pms(case, False)
True
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from atensi.model import Case
from atensi.rules.beneficiaries import Beneficiary, beneficiaries, groups_on
from atensi.vocab import TargetGroup

__all__ = ["digest", "groups", "holding", "pms"]


class _Window(threading.local):
    """This thread's case in hand and what was asked of it; the cases held, and theirs."""

    def __init__(self) -> None:
        self.case: Case | None = None
        self.found: dict[Any, Any] = {}
        # The cases held, by identity (kept alive here, so no other object takes an identity).
        self.cases: Sequence[Case] = ()
        self.held: dict[int, dict[Any, Any]] = {}


_WINDOW = _Window()


def _answers(case: Case) -> dict[Any, Any]:
    window = _WINDOW
    if window.case is not case:
        found = window.held.get(id(case))
        window.case = case
        window.found = {} if found is None else found
    return window.found


@contextlib.contextmanager
def holding(cases: Sequence[Case]) -> Iterator[None]:
    """Keep the answers of each of ``cases`` until the block ends, not only the last case's."""
    window = _WINDOW
    window.cases, window.held = cases, {id(case): {} for case in cases}
    try:
        yield
    finally:
        window.cases, window.held = (), {}
        window.case, window.found = None, {}


def pms(case: Case, members: bool, match: bool = False) -> tuple[Beneficiary, ...]:
    """:func:`atensi.rules.beneficiaries.beneficiaries` of the case's subject."""
    found = _answers(case)
    key = ("pms", members, match)
    answer = found.get(key)
    if answer is None:
        answer = found[key] = beneficiaries(case.subject, members=members, match=match)
    return answer


def digest(case: Case, pm: Beneficiary, fingerprint: str, hashed: Callable[[str], bytes]) -> bytes:
    """The key ``hashed`` gives a PM of the case (``fingerprint`` names the hashing key)."""
    found = _answers(case)
    key = ("key", fingerprint, pm.identity)
    answer = found.get(key)
    if answer is None:
        answer = found[key] = hashed(pm.identity)
    return answer


def groups(case: Case, pm: Beneficiary, day: dt.date) -> tuple[TargetGroup | None, ...]:
    """:func:`atensi.rules.beneficiaries.groups_on` of a PM of the case on ``day``."""
    found = _answers(case)
    key = ("groups", id(pm.subject), id(pm.parent), day)
    answer = found.get(key)
    if answer is None:
        answer = found[key] = groups_on(case, pm, day)
    return answer
