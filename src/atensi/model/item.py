"""The envelope of one eligibility question: a subject, its assessment, and the decision date.

``atensi assess`` and ``explain``, the batch functions (:mod:`atensi.batch`) and the scale-out
recipes read items of this shape, one per line. The envelope is an entity like any other, so it
is as strict as the records inside it: an unknown key (``"assesment"``, a typo) is an error with
its path, never a part quietly dropped, and every problem of the whole item is reported with its
full path (``("assessment", "notes")``). Its JSON Schema is ``atensi.json_schema(AssessmentItem)``
(``atensi schema item``).
"""

from __future__ import annotations

import datetime as dt

import attrs

from atensi.model._fields import Entity, Sensitivity, field
from atensi.model.case import Assessment
from atensi.model.subjects import Subject

__all__ = ["AssessmentItem"]


@attrs.frozen(slots=True)
class AssessmentItem(Entity):
    """One item to decide: ``{"subject": {..., "kind": ...}, "assessment": {...} | null, "on"?}``.

    ``on`` is the decision date of this item; an item without one is decided on the date the
    caller gives (``--on``), and an item with neither is the item's problem (``item.no_date``).
    """

    subject: Subject = field(
        en="Who is assessed: a person, family, group or community, tagged with 'kind'",
        id="Yang diases: perseorangan, keluarga, kelompok atau masyarakat, bertanda 'kind'",
        sensitivity=Sensitivity.GENERAL,
    )
    assessment: Assessment | None = field(
        en="The assessment, or null when there is none yet",
        id="Asesmen, atau null bila belum ada",
        sensitivity=Sensitivity.HEALTH,
        default=None,
    )
    on: dt.date | None = field(
        en="The decision date of this item (otherwise the caller's)",
        id="Tanggal keputusan butir ini (bila tidak ada, tanggal dari pemanggil)",
        default=None,
    )
