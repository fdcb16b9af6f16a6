"""Named lifecycle scenarios: moves, deliveries and referrals with the outcome the rules give.

Data (``src/atensi/data/scenarios/50-lifecycle.json``), run by :mod:`atensi.scenarios`. Each has
``kind`` ``"lifecycle"``, a ``check`` (``"transition"``, ``"delivery"`` or ``"referral"``), the
``case`` record, what is asked (``stage`` and ``reason``; a ``delivery``; a ``referral`` and
perhaps a ``registry``), the ``expected`` outcome (``allowed``, ``refused``, ``needs_review``,
``undetermined``), the ``rule_ids`` that must be among the findings (for a refusal: the rule that
refuses), optional ``statuses`` (rule id → status) and the ``citation`` of what it pins down.

>>> len(LIFECYCLE_SCENARIOS) >= 25, LIFECYCLE_SCENARIOS[0]["kind"]
(True, 'lifecycle')
"""

from __future__ import annotations

from typing import Any

from atensi import data

__all__ = ["LIFECYCLE_SCENARIOS"]

#: The lifecycle scenarios, as the file states them (JSON-ready mappings).
LIFECYCLE_SCENARIOS: tuple[dict[str, Any], ...] = tuple(
    data.read_json("scenarios/50-lifecycle.json")["scenarios"]
)
