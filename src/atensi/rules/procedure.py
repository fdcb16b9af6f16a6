"""Whether a case follows the procedure the law sets: one explained decision of kind ``procedure``.

:func:`assess_procedure` gathers, for one case on one date, the findings of the procedural law
that applies to it: juvenile justice (:mod:`atensi.rules.justice`: diversion's thresholds and
the victim's consent, the Bapas's litmas and evaluation, the limit of a placement and its
extensions, the monthly report to the Bapas, the juvenile court's age of 21), compulsory reporting
and rehabilitation of drug users (:mod:`atensi.rules.napza`), and for every case the
**professional gate**: social rehabilitation is carried out by a certified professional social
worker (PP 39/2012 Pasal 8, ``procedure.assessor.certified``), so an assessment by an assessor
recorded as not certified goes to review.

The outcome is the worst finding's (:func:`~atensi.rules.decision.outcome_of`): ``eligible``
means nothing the record shows breaks the procedure; ``not_eligible`` that a duty of the law is
shown unmet (a finding says which, with its article); ``needs_review`` that something must be
checked by a person (a Bapas document the file does not hold, a reading the texts do not settle);
``undetermined`` that the record does not say enough. What it is *not*: a refusal of service.
An order still binds, and a person still gets help, whatever this decision says.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C", "unit": "U", "opened_on": "2024-02-01",
...     "subject": {"kind": "community", "id": "K", "name": "Kampung"},
...     "assessments": [{"id": "A", "assessed_on": "2024-02-02",
...                      "assessor": {"certified_social_worker": False}}]}, Case)
>>> decision = assess_procedure(case, on=dt.date(2024, 2, 3))
>>> decision.kind, decision.outcome.value, [f.rule_id for f in decision.findings]
('procedure', 'needs_review', ['procedure.assessor.certified'])
"""

from __future__ import annotations

import datetime as dt

from atensi.law import Edition, InForceDates, get_parameter, instrument_in_force
from atensi.model import Assessment, Case
from atensi.rules._args import entity_argument
from atensi.rules.catalogue import rule
from atensi.rules.decision import Decision, Finding, Status, outcome_of
from atensi.rules.justice import justice_findings
from atensi.rules.napza import napza_findings
from atensi.vocab import Evidence, cite

__all__ = ["R_CERTIFIED", "assess_procedure", "certified_finding"]

#: Whether the gate applies on a date (from PP 39/2012's coming into force), a dated parameter.
_GATE = get_parameter("practice.certified_social_worker")

_CERTIFIED = cite(
    "pp-39-2012",
    "Pasal 8",
    Evidence.VERIFIED,
    note="'Rehabilitasi Sosial dilaksanakan oleh Pekerja Sosial Profesional yang bersertifikat "
    "dan mendapat izin praktik dari Menteri'; the practice licence is not recorded by atensi",
)

R_CERTIFIED = rule(
    "procedure.assessor.certified",
    "lifecycle",
    "social rehabilitation is carried out by a certified professional social worker: an "
    "assessment by an assessor without the certificate goes to review",
    "rehabilitasi sosial dilaksanakan pekerja sosial profesional bersertifikat: asesmen oleh "
    "asesor tanpa sertifikat perlu ditinjau",
    _CERTIFIED,
    ("assessment.assessor.certified_social_worker", "assessment.assessed_on"),
)


def certified_finding(assessment: Assessment) -> Finding:
    """The professional gate for one assessment: met, or review (not recorded as certified).

    The record holds a yes or a no (``certified_social_worker`` defaults to no), so an assessor
    not recorded as certified goes to review; never a refusal: PP 39/2012 Pasal 8 binds the
    unit, and the assessment stands until a person looks at it.
    """
    certified = assessment.assessor.certified_social_worker
    facts = (("certified_social_worker", certified), ("role", assessment.assessor.role))
    if certified:
        return R_CERTIFIED.finding(
            Status.MET,
            "assessed by a certified social worker",
            "diasesmen pekerja sosial bersertifikat",
            facts,
        )
    return R_CERTIFIED.finding(
        Status.NEEDS_REVIEW,
        "the assessor is not recorded as holding a social-work certificate: PP 39/2012 Pasal 8 "
        "has a certified professional social worker carry out social rehabilitation; review",
        "asesor tidak tercatat bersertifikat pekerja sosial: PP 39/2012 Pasal 8 meminta pekerja "
        "sosial profesional bersertifikat; perlu ditinjau",
        facts,
    )


def assess_procedure(
    case: Case,
    *,
    on: dt.date,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether ``case`` follows the procedure the law sets, on ``on``, as an explained decision.

    Only what is dated on or before ``on`` counts (an order, a report, a document made later
    does not exist for the decision). The edition is the one in force on ``on``, from the one
    resolver, with the caller's pin and in-force dates.
    """
    entity_argument(case, (Case,), "case")
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    found: list[Finding] = []
    found.extend(
        certified_finding(a)
        for a in case.assessments
        if a.assessed_on <= on and _GATE.on_date(a.assessed_on).flag
    )
    found.extend(justice_findings(case, on=on))
    found.extend(napza_findings(case, on=on))
    findings = tuple(found)
    return Decision(
        "procedure", outcome_of(findings), on, current.id, current.instrument_ids, findings
    )
