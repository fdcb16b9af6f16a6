"""The code a report writes for each member of the vocabularies it counts by.

A member's ``value`` is a property, a Python call at each read; a report reads several codes
of every case it counts (a delivery's component and channel, a finding's status), so it looks
them up here, one dictionary read each.

>>> from atensi.vocab import FundingChannel
>>> CODE[FundingChannel.SOCIAL_ASSISTANCE]
'bansos'
"""

from __future__ import annotations

from collections.abc import Mapping

from atensi.rules.decision import Status
from atensi.vocab import Approach, FundingChannel, Practice, ServiceComponent, Target, TargetGroup

__all__ = ["CODE"]

#: Each member's code (its ``value``), by the member.
CODE: Mapping[object, str] = {
    member: member.value
    for vocab in (Approach, FundingChannel, Practice, ServiceComponent, Status, Target, TargetGroup)
    for member in vocab
}
