"""Eligibility: is this subject, on this date, a target of social rehabilitation, and why?

For every target, the rules below produce findings; the target's outcome follows from its
*gating* findings (any ``not_met`` → not eligible; else any ``unknown`` → undetermined; else any
``needs_review`` → needs review; else eligible). Decision-level findings (a NIK that contradicts
the record, a welfare-data gate the subject is outside) cap every target at "needs review". The
overall outcome is the best target's. The generated rule catalogue lists every rule with its
citations and their grades; :mod:`atensi.rules.catalogue` holds the declarations.

How the rules read a record, article by article:

* **The edition** comes from the one resolver (:func:`atensi.law.instrument_in_force`), with the
  caller's pin and in-force dates. A target is one when the edition names it, or when PP 39/2012
  Pasal 6 does (the floor beneath every edition: disaster victims under Permensos 16/2020, for
  instance). A target neither names is "not met" only when the edition's list is verified law;
  otherwise it needs review.
* **As of the date.** A condition, disability or drug-use status counts only from its ``since``
  and until its ``until`` (exclusive); an assessment dated after the decision date decides
  nothing. A retroactive audit sees what was true on its date.
* **Unknown never becomes "not met".** A missing fact is ``unknown``; a silent law or a secondary
  source is at most ``needs_review``; ``not_met`` comes only from a cited rule that says no (an
  age over the statutory limit, a disability recorded as neither permanent nor six months old).
* **Groups have limits of their own** (a neglected toddler is under six): outside them, review.
* **Families and groups** are decided through their members for every person-level fact (age,
  disability, drug use, conditions) and through their own conditions for the rest; the best
  candidate wins and its member id is in the facts.
* **Ages** are whole years on the date; a missing birth date falls back to the NIK's, graded.

Speed: the findings whose message, citation and facts do not depend on the record are built
once, at import, and shared (findings are immutable named tuples).
"""

from atensi.rules.eligibility.decide import assess_eligibility
from atensi.rules.eligibility.declarations import PRIMARY_ORDER
from atensi.rules.eligibility.facts import groups_in_force
from atensi.rules.eligibility.reading import six_months_after

__all__ = ["PRIMARY_ORDER", "assess_eligibility", "groups_in_force", "six_months_after"]
