"""Whether a beneficiary decree covers a PM on a day: one answer for aid and entitlements.

Aid (``aid.decree.listed``) and a periodic entitlement's cycle (``aid.entitlement.decree``) ask
the same question of the decrees (Permensos 15/2025 Pasal 1 angka 7: a PM is one named in a
decision), each on its own day, and must not answer it two ways. :func:`decree_finding` is that
answer; the two rules differ only in their words (the aid and its date, the entitlement and its
cycle's first day) and in the ids a decree may list their PM by.

The answer, in order:

* the record names no decree and no instrument in force on the day defines the PM by a decree:
  ``not_applicable``;
* the decrees were not given: ``unknown``;
* the record names a decree: ``unknown`` when it is not among those given (whether it lists the
  PM cannot be told), ``needs_review`` when it is not in force on the day (issued after it,
  revoked, or not valid) or does not list the PM, ``met`` otherwise. A decree the record names is
  checked whenever it is named: before the definition is in force it is the record's own claim,
  and the finding then cites atensi's convention, not the regulation;
* it names none: ``met`` when a decree in force on the day lists the PM, ``needs_review``
  otherwise.

A definition is not a prohibition: no answer is ``not_met``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import NamedTuple

from atensi.model import BeneficiaryDecree
from atensi.model.decrees import listing_decree
from atensi.rules.catalogue import Rule
from atensi.rules.decision import Facts, Finding, Status
from atensi.vocab import Citation

__all__ = ["DecreeWords", "decree_finding"]


class DecreeWords(NamedTuple):
    """How a rule names its record and its day, in English and Indonesian."""

    record_en: str
    record_id: str
    day_en: str
    day_id: str


def decree_finding(
    rule: Rule,
    words: DecreeWords,
    *,
    named: str | None,
    decrees: Iterable[BeneficiaryDecree] | None,
    ids: frozenset[str],
    case: str,
    day: dt.date,
    asked: bool,
    citation: Citation | None,
) -> Finding:
    """The finding of ``rule`` on whether a decree covers the PM on ``day``.

    Args:
        rule: the rule asking (its id and citations).
        words: how it names its record and day.
        named: the id of the decree the record names, if any.
        decrees: the decrees given (``None``: not given).
        ids: the ids a decree may list the PM by.
        case: the case's id (a decree may list a case).
        day: the day the question is asked for.
        asked: whether an instrument in force on ``day`` defines the PM by a decree.
        citation: the citation of the finding (``None``: the rule's own, the definition).
    """
    if named is None and not asked:
        return _not_asked(rule, day, citation)
    if decrees is None:
        return _not_given(rule, named, day, citation)
    facts: Facts = (("decree", named), ("on", day.isoformat()))
    if named is None:
        decree = listing_decree(decrees, ids, day, case)
        if decree is None:
            return rule.finding(
                Status.NEEDS_REVIEW,
                f"no decree in force on {words.day_en} lists the PM",
                f"tidak ada keputusan yang berlaku pada {words.day_id} yang mencantumkan PM",
                facts,
                citation=citation,
            )
    else:
        decree = next((d for d in decrees if d.id == named), None)
        if decree is None:
            return rule.finding(
                Status.UNKNOWN,
                f"the decree {words.record_en} names is not among the decrees given",
                f"keputusan yang dirujuk {words.record_id} tidak ada di antara keputusan yang "
                "diberikan",
                facts,
                citation=citation,
            )
        if not decree.active_on(day):
            why, why_id = _why_not(decree, day, words)
            return rule.finding(
                Status.NEEDS_REVIEW,
                f"decree {decree.number} {why}",
                f"keputusan {decree.number} {why_id}",
                facts,
                citation=citation,
            )
        if decree.entry_for(ids, case) is None:
            return rule.finding(
                Status.NEEDS_REVIEW,
                f"decree {decree.number} does not list the PM",
                f"keputusan {decree.number} tidak mencantumkan PM",
                facts,
                citation=citation,
            )
    return rule.finding(
        Status.MET,
        f"decree {decree.number} lists the PM and is in force on {words.day_en}",
        f"keputusan {decree.number} mencantumkan PM dan berlaku pada {words.day_id}",
        facts,
        citation=citation,
    )


def _why_not(decree: BeneficiaryDecree, day: dt.date, words: DecreeWords) -> tuple[str, str]:
    """Why a decree does not cover ``day`` (it is not active on it), in both languages."""
    if day < decree.issued_on:
        return f"was issued after {words.day_en}", f"ditetapkan setelah {words.day_id}"
    if decree.revoked_on is not None and decree.revoked_on <= day:
        return f"was revoked before {words.day_en}", f"dicabut sebelum {words.day_id}"
    return f"is not valid on {words.day_en}", f"tidak berlaku pada {words.day_id}"


# A report reads thousands of aids a day, most of them before the decree was asked for: the
# findings that read only the day are values, made once.
@functools.lru_cache(maxsize=1 << 12)
def _not_asked(rule: Rule, day: dt.date, citation: Citation | None) -> Finding:
    iso = day.isoformat()
    return rule.finding(
        Status.NOT_APPLICABLE,
        f"no decree is named, and no instrument in force on {iso} defines the PM by a decree",
        f"tidak ada keputusan yang dirujuk, dan tidak ada peraturan yang berlaku pada {iso} yang "
        "mendefinisikan PM melalui keputusan",
        (("on", iso),),
        citation=citation,
    )


@functools.lru_cache(maxsize=1 << 12)
def _not_given(rule: Rule, named: str | None, day: dt.date, citation: Citation | None) -> Finding:
    return rule.finding(
        Status.UNKNOWN,
        "the beneficiary decrees were not given",
        "keputusan penetapan PM tidak diberikan",
        (("decree", named), ("on", day.isoformat())),
        citation=citation,
    )
