"""Episodes of care: a relapse after aftercare opens a new case linked to the earlier ones.

A closed case is not reopened (the lifecycle refuses moves out of termination, and a re-
assessment belongs to an open case): a person who relapses after aftercare starts a new
*episode*, a new case whose :class:`~atensi.model.Episode` names the case before it, so the new
case knows the first and the chain can be followed (:func:`episode_chain`). For a drug user the
self-report card travels with the person: it serves two periods of care (PP 25/2011 Pasal 10
ayat (2)), so the new episode carries the earlier compulsory report and counts its period under
the card; the third period needs a new report (``napza.card.periods``).

>>> import datetime as dt
>>> from atensi.model import Case, Community, Termination
>>> from atensi.vocab import TerminationReason
>>> first = Case(id="C-1", subject=Community(id="K", name="K"), unit="U",
...              opened_on=dt.date(2023, 1, 2),
...              termination=Termination(on=dt.date(2023, 9, 1),
...                                      reason=TerminationReason.GOALS_MET))
>>> second = open_episode(first, id="C-2", on=dt.date(2024, 5, 6), relapse_on=dt.date(2024, 5, 1))
>>> second.episode.number, second.episode.previous_case, second.opened_on.isoformat()
(2, 'C-1', '2024-05-06')
>>> [c.id for c in episode_chain([second, first], "C-2")]
['C-1', 'C-2']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from atensi.errors import AtensiError
from atensi.model import Case, Episode
from atensi.rules._args import entity_argument

__all__ = ["EpisodeError", "episode_chain", "open_episode"]


class EpisodeError(AtensiError):
    """A new episode cannot be opened from this case, or a chain of episodes is broken."""

    code = "case.episode"


def open_episode(
    case: Case,
    *,
    id: str,
    on: dt.date,
    relapse_on: dt.date | None = None,
    unit: str | None = None,
) -> Case:
    """A new case for the next episode of ``case``'s person, opened on ``on``.

    The subject, the unit (unless another is given) and the compulsory report (with its card)
    carry over; the stages, assessments, plan, orders and deliveries do not: the new episode is
    assessed afresh. Its :class:`~atensi.model.Episode` counts one more episode and, when the
    person holds a self-report card, one more period of care under it.

    Raises:
        EpisodeError: if ``case`` is not closed by ``on`` (re-assess within the open case), or
            ``relapse_on`` is after ``on``.
    """
    entity_argument(case, (Case,), "case")
    closed = case.termination
    if closed is None or closed.on > on:
        raise EpisodeError(
            "the case is still open: a relapse is re-assessed within it",
            message_id="kasus masih terbuka: kekambuhan diasesmen ulang di dalamnya",
            code="case.episode_open",
            ctx={"closed_on": None if closed is None else closed.on.isoformat()},
        )
    if relapse_on is not None and relapse_on > on:
        raise EpisodeError(
            "the relapse is dated after the new episode opens",
            message_id="tanggal kambuh sesudah episode baru dibuka",
            code="case.episode_relapse_after_opening",
            ctx={},
        )
    before = case.episode
    number = 1 if before is None else before.number
    report = case.compulsory_report
    card = report is not None and report.card_issued_on is not None
    period = None
    if card:
        period = (1 if before is None or before.card_period is None else before.card_period) + 1
    episode = Episode(
        number=number + 1, previous_case=case.id, relapse_on=relapse_on, card_period=period
    )
    return Case(
        id=id,
        subject=case.subject,
        unit=case.unit if unit is None else unit,
        opened_on=on,
        compulsory_report=report,
        episode=episode,
    )


def episode_chain(cases: Iterable[Case], case_id: str) -> tuple[Case, ...]:
    """The episodes that lead to the case ``case_id``, the first first, by ``previous_case``.

    A chain stops at a case that names no earlier one, or names one not among ``cases``.

    Raises:
        EpisodeError: if no case has the id ``case_id``, or the links go round in a loop.
    """
    by_id = {c.id: c for c in cases}
    current = by_id.get(case_id)
    if current is None:
        raise EpisodeError(
            "no case with that id among the cases given",
            message_id="tidak ada kasus dengan pengenal itu",
            code="case.episode_unknown_case",
            ctx={},
        )
    chain = [current]
    seen = {current.id}
    while current.episode is not None and current.episode.previous_case in by_id:
        current = by_id[current.episode.previous_case]
        if current.id in seen:
            raise EpisodeError(
                "the episodes' links go round in a loop",
                message_id="tautan episode berputar",
                code="case.episode_loop",
                ctx={},
            )
        seen.add(current.id)
        chain.append(current)
    return tuple(reversed(chain))
