"""The case calendar: for a case and a date, every duty the law sets that falls due.

A Sentra's social worker asks "what does the law ask of me this week?". :func:`duties_due`
answers for one case: the duties that fall due from the date to the end of the window (a week
by default), and those already overdue, each with its date, the article it rests on and that
article's grade:

* ``laporan_perkembangan``: the monthly progress report to the Bapas while the unit runs a
  child under twelve's programme (UU 11/2012 Pasal 21 ayat (5); PP 65/2015 Pasal 85);
* ``evaluasi_bapas``: the Bapas's evaluation, before the programme's period ends, where the law
  allows an extension (Pasal 21 ayat (3)-(4));
* ``penetapan_pengadilan``: the court's confirmation of a decision for a child under twelve,
  expected within three days of the decision reaching it, which the investigator sends within
  three days (PP 65/2015 Pasal 78-79);
* ``akhir_penempatan``: the end of a placement's period under an order and its extensions, cut
  at the law's limit (Pasal 82 ayat (2), 21 ayat (1) huruf b and (4), 10 ayat (2) huruf d): the
  return to the family, or the next decision, is prepared;
* ``akhir_masa_perawatan``: the end of a drug user's period of care; the self-report card
  serves two (PP 25/2011 Pasal 10 ayat (2)), so the end of the second means a new report and
  assessment for any further care;
* ``bimbingan_lanjut``: the aftercare follow-ups after termination (the last stage of PP
  39/2012 Pasal 7 ayat (2)); *when* they fall is atensi's convention, graded so.

Every period and interval is read from the dated parameters (``justice.*``, ``orders.*``,
``napza.*``, ``aftercare.follow_up_months``). Only what the case records by the date counts.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C", "unit": "U", "opened_on": "2024-01-10",
...     "subject": {"kind": "person", "id": "P", "nik": {"reason": "belum_terdaftar"},
...                 "name": "A", "birth_date": {"value": "2013-05-01"}},
...     "orders": [{"id": "K-1", "kind": "keputusan_anak_belum_12", "issued_on": "2024-01-08",
...                 "confirmed_on": "2024-01-10", "starts_on": "2024-01-10", "months": 6,
...                 "placement": "residensial"}],
...     "bapas_documents": [{"kind": "laporan_perkembangan", "on": "2024-02-08"}]}, Case)
>>> [(d.kind.value, d.due_on.isoformat(), d.overdue)
...  for d in duties_due(case, on=dt.date(2024, 3, 4))]
[('laporan_perkembangan', '2024-03-08', False)]
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from atensi.errors import AtensiError
from atensi.law import get_parameter
from atensi.model import Case, CourtOrder
from atensi.rules._args import date_argument, entity_argument
from atensi.rules.age import months_after
from atensi.rules.justice import chain_end, chain_of, progress_reports_due
from atensi.vocab import (
    Approach,
    BapasDocumentKind,
    Citation,
    CodedEnum,
    Evidence,
    Label,
    LegalBasisKind,
    cite,
)

__all__ = ["Duty", "DutyKind", "duties_due"]

_FOLLOW_UP = get_parameter("aftercare.follow_up_months")
_CONFIRM = get_parameter("justice.under_twelve.confirmation_days")
_CARD_PERIODS = get_parameter("napza.report_card.periods")
_EXTENSION = get_parameter("orders.keputusan_anak_belum_12.extension_max_months")


class DutyKind(CodedEnum):
    """A kind of duty that falls due on a date."""

    PROGRESS_REPORT = (
        "laporan_perkembangan",
        Label("Laporan perkembangan bulanan kepada Bapas", "Monthly progress report to the Bapas"),
        cite("uu-11-2012", "Pasal 21 ayat (5)", Evidence.VERIFIED),
    )
    BAPAS_EVALUATION = (
        "evaluasi_bapas",
        Label("Evaluasi Bapas sebelum masa program berakhir", "Bapas evaluation before the end"),
        cite("uu-11-2012", "Pasal 21 ayat (3)-(4)", Evidence.VERIFIED),
    )
    COURT_CONFIRMATION = (
        "penetapan_pengadilan",
        Label("Penetapan pengadilan atas keputusan", "The court's confirmation of the decision"),
        cite("pp-65-2015", "Pasal 78-79", Evidence.VERIFIED),
    )
    PLACEMENT_END = (
        "akhir_penempatan",
        Label("Akhir masa penempatan", "End of the placement's period"),
        cite(
            "uu-11-2012",
            "Pasal 82 ayat (2); Pasal 21 ayat (1) huruf b, (4); Pasal 10 ayat (2) huruf d",
            Evidence.VERIFIED,
        ),
    )
    CARE_PERIOD_END = (
        "akhir_masa_perawatan",
        Label("Akhir masa perawatan (kartu lapor diri)", "End of a period of care (report card)"),
        cite("pp-25-2011", "Pasal 10 ayat (2)", Evidence.VERIFIED),
    )
    FOLLOW_UP = (
        "bimbingan_lanjut",
        Label("Bimbingan lanjut setelah terminasi", "Aftercare follow-up after termination"),
        cite(
            None,
            None,
            Evidence.CONVENTION,
            source="atensi-conventions",
            note="aftercare is the last stage of PP 39/2012 Pasal 7 ayat (2); when it falls is "
            "atensi's convention (the parameter aftercare.follow_up_months)",
        ),
    )


class Duty(NamedTuple):
    """A duty that falls due.

    Attributes:
        kind: what is due.
        due_on: the date it falls due (the last day to do it).
        overdue: whether that date is already past on the day asked.
        message: what to do, in Indonesian and English.
        citation: the article it rests on, with its grade.
        order: the id of the order it concerns, if any (an identifier: personal data).
    """

    kind: DutyKind
    due_on: dt.date
    overdue: bool
    message: Label
    citation: Citation | None
    order: str | None = None

    def to_json(self, *, redact: bool = True) -> dict[str, object]:
        """JSON-ready data (``redact``: the order's id is shown as ``<redacted>``)."""
        return {
            "kind": self.kind.value,
            "due_on": self.due_on.isoformat(),
            "overdue": self.overdue,
            "message": {"id": self.message.id, "en": self.message.en},
            "citation": None if self.citation is None else self.citation.to_dict(),
            "order": None if self.order is None else ("<redacted>" if redact else self.order),
        }


#: The orders of UU 11/2012 whose periods the calendar follows (a narcotics order runs the
#: period its judge sets, under another law).
_SPPA = (
    LegalBasisKind.SPPA_UNDER_TWELVE,
    LegalBasisKind.SPPA_DIVERSION,
    LegalBasisKind.SPPA_MEASURE,
)


def _firsts(case: Case, on: dt.date) -> list[CourtOrder]:
    """The first decision of every chain of juvenile-justice orders made by ``on``."""
    return [o for o in case.orders if o.extends is None and o.issued_on <= on and o.kind in _SPPA]


def _latest(case: Case, first: CourtOrder, on: dt.date) -> CourtOrder:
    """The latest order of ``first``'s chain made by ``on``."""
    latest = first
    for other in case.orders:
        if other.issued_on <= on and chain_of(case, other)[0] is first:
            latest = other if other.issued_on >= latest.issued_on else latest
    return latest


def _duty(kind: DutyKind, due: dt.date, on: dt.date, en: str, id_: str, order: str | None) -> Duty:
    return Duty(kind, due, due < on, Label(id_, en), kind.citation, order)


def _juvenile(case: Case, on: dt.date) -> list[Duty]:
    found = []
    for first in _firsts(case, on):
        latest = _latest(case, first, on)
        end = chain_end(case, latest, on)
        running = first.start <= on and (end is None or on < end)
        if first.kind is LegalBasisKind.SPPA_UNDER_TWELVE:
            found.extend(_under_twelve(case, first, latest, end, on, running))
        if running and end is not None and first.placement is not None:
            found.append(
                _duty(
                    DutyKind.PLACEMENT_END,
                    end,
                    on,
                    f"the placement under the order ({first.kind.label.en}) ends on "
                    f"{end.isoformat()}: prepare the return to the family or the next decision",
                    f"penempatan berdasarkan putusan ({first.kind.label.id}) berakhir "
                    f"{end.isoformat()}: siapkan pengembalian kepada keluarga atau keputusan "
                    "berikutnya",
                    latest.id,
                )
            )
    return found


def _under_twelve(
    case: Case,
    first: CourtOrder,
    latest: CourtOrder,
    end: dt.date | None,
    on: dt.date,
    running: bool,
) -> list[Duty]:
    found = []
    days = _CONFIRM.on_date(first.issued_on).number
    if first.confirmed_on is None and days is not None:
        due = first.issued_on + dt.timedelta(days=days)
        found.append(
            _duty(
                DutyKind.COURT_CONFIRMATION,
                due,
                on,
                f"the court's confirmation of the decision is expected by {due.isoformat()}",
                f"penetapan pengadilan atas keputusan paling lambat {due.isoformat()}",
                first.id,
            )
        )
    if not running or first.placement is Approach.FAMILY_BASED:
        return found
    missed, due = progress_reports_due(case, latest, on)
    if missed or end is None or due < end:
        first_due = missed[0] if missed else due
        found.append(
            _duty(
                DutyKind.PROGRESS_REPORT,
                first_due,
                on,
                f"send the monthly progress report to the Bapas by {first_due.isoformat()}",
                f"kirim laporan perkembangan bulanan kepada Bapas paling lambat "
                f"{first_due.isoformat()}",
                latest.id,
            )
        )
    extendable = _EXTENSION.on_date(first.start).number
    extended = latest is not first
    evaluated = any(
        d.kind is BapasDocumentKind.EVALUATION and latest.start <= d.on <= on
        for d in case.bapas_documents
    )
    if end is not None and extendable and not extended and not evaluated:
        period_end = latest.ends_on() or end
        found.append(
            _duty(
                DutyKind.BAPAS_EVALUATION,
                period_end,
                on,
                f"the Bapas's evaluation is needed before the programme's period ends "
                f"({period_end.isoformat()}) if the child still needs it extended",
                f"evaluasi Bapas diperlukan sebelum masa program berakhir "
                f"({period_end.isoformat()}) bila anak masih memerlukan perpanjangan",
                latest.id,
            )
        )
    return found


def _care_period(case: Case, on: dt.date) -> list[Duty]:
    plan = case.rehabilitation_plan
    if plan is None or plan.months is None or plan.drawn_up_on > on:
        return []
    end = months_after(plan.starts_on, plan.months)
    if end < on:
        return []
    episode = case.episode
    period = 1 if episode is None or episode.card_period is None else episode.card_period
    periods = _CARD_PERIODS.on_date(end).number or 0
    if period < periods:
        en = (
            f"period of care {period} ends on {end.isoformat()}; the self-report card serves "
            f"{periods - period} more"
        )
        id_ = (
            f"masa perawatan ke-{period} berakhir {end.isoformat()}; kartu lapor diri masih "
            f"berlaku {periods - period} kali lagi"
        )
    else:
        en = (
            f"period of care {period} ends on {end.isoformat()}: the self-report card's last; "
            "further care needs a new report and assessment"
        )
        id_ = (
            f"masa perawatan ke-{period} berakhir {end.isoformat()}: terakhir bagi kartu lapor "
            "diri; perawatan berikutnya memerlukan lapor dan asesmen ulang"
        )
    return [_duty(DutyKind.CARE_PERIOD_END, end, on, en, id_, None)]


def _follow_ups(case: Case, on: dt.date) -> list[Duty]:
    closed = case.termination
    if closed is None or closed.on > on:
        return []
    done = {f.months_after for f in case.followups if f.on <= on}
    found = []
    for months in _FOLLOW_UP.on_date(closed.on).numbers:
        if months in done:
            continue
        due = months_after(closed.on, months)
        found.append(
            _duty(
                DutyKind.FOLLOW_UP,
                due,
                on,
                f"the aftercare follow-up {months} months after termination is due by "
                f"{due.isoformat()}",
                f"bimbingan lanjut {months} bulan setelah terminasi paling lambat "
                f"{due.isoformat()}",
                None,
            )
        )
        break  # the next one only: later points follow from it
    return found


def duties_due(case: Case, *, on: dt.date, until: dt.date | None = None) -> tuple[Duty, ...]:
    """The duties of ``case`` that fall due by ``until`` (a week after ``on`` by default).

    Overdue duties come first as they fall (``overdue`` is true); the rest in date order. A
    duty already done by ``on`` (a report sent, an evaluation made, a follow-up recorded) is not
    listed.

    Raises:
        WrongArgument: if ``case`` is not a case, or ``on`` or ``until`` not a date.
        AtensiError: ``calendar.until_before_on`` if ``until`` is before ``on``.
    """
    entity_argument(case, (Case,), "case")
    date_argument(on, "on")
    if until is not None:
        date_argument(until, "until")
    if until is not None:
        last = until
    else:  # a week; the calendar's last day where a week would pass it
        last = (
            on + dt.timedelta(days=7) if on <= dt.date.max - dt.timedelta(days=7) else dt.date.max
        )
    if last < on:
        raise AtensiError(
            "the end of the window is before its first day",
            message_id="akhir jangka waktu sebelum hari pertamanya",
            code="calendar.until_before_on",
            ctx={"on": on.isoformat(), "until": last.isoformat()},
        )
    found = [*_juvenile(case, on), *_care_period(case, on), *_follow_ups(case, on)]
    return tuple(sorted((d for d in found if d.due_on <= last), key=_when))


def _when(duty: Duty) -> tuple[dt.date, str]:
    return duty.due_on, duty.kind.value
