"""The decision memo: a redacted eligibility decision looked up by what the rules read of a record.

A redacted decision holds nothing particular to a person (fact values hidden, each message its
rule's statement, see :class:`~atensi.rules.Redaction`), so two records the rules see alike get
the same text: the same condition groups in force on the date, an age on the same side of every
threshold the rules compare it with, the same disability and data-gate findings, and so on.
Deciding a record and writing its text costs tens of microseconds; its *signature*, the classes of
the facts the rules read, costs a few, and the memo answers with the text the rules made for the
first record of that signature.

**Derived from the declarations, and only from them.** Every eligibility rule declares the facts
it reads (:mod:`atensi.rules.facts`; :data:`atensi.rules.catalogue.RULES`), each fact declares
once how it is reduced for a key, computing it with the function the rules call
(:mod:`atensi.rules.eligibility.reading`), and a rule that compares a fact with thresholds (an age
with 18, 60 and the groups' own bands) declares them. The signature is the reductions of every
fact the rules declare, in declaration order, each with the thresholds of every rule that reads
it; the decision date and the law are part of every key, so ``on`` and ``edition`` need none.
A path a rule reads that no declared fact covers is read as its raw value where the field holds
no personal data; a path a declared fact covers, read some other way, or any path that may hold
personal data, and the memo stands aside: the rules decide every record. So a rule that reads
something new changes the signature, or stops the memo, and never changes a result.
``tests/test_memo.py`` fails when a rule reads a fact it did not declare (the rules run over
objects that record every attribute read), and holds the memo's texts equal to the rules' on the
examples, on generated records and on records swept across every age and every date around the
decision date, at every redaction level and edition.

**Many records at once** (:meth:`DecisionMemo.texts`, which :func:`atensi.batch.assess_lines_json`
uses): the law of each date and the options are read once, and the keys are made one declared
fact at a time across the records (``signatures``, generated beside ``signature`` from the same
derivation): the same keys, with each reduction's code run many times in a row.

**No personal data.** Only redacted results are kept: at ``redaction="none"`` the memo is not
used. A key holds the decision date, the law, the redaction settings and classes: vocabulary
codes (condition groups, a drug-use status, a sex), booleans, counts and the index of an age
band; never a name, an id, a NIK, a date of birth, a welfare decile or free text. What a key says
is what the redacted text says (which rules met, under which citation), not who. The memo is
bounded: it is emptied when full.

>>> import datetime as dt
>>> memo = DecisionMemo(limit=8)
>>> import atensi
>>> from atensi.model import Assessment, Person
>>> person = atensi.structure({"id": "P-1", "nik": {"reason": "belum_terdaftar"},
...                            "name": "Ani", "birth_date": {"value": "2015-05-01"}}, Person)
>>> other = atensi.structure({"id": "P-2", "nik": {"reason": "belum_terdaftar"},
...                           "name": "Budi", "birth_date": {"value": "2016-07-09"}}, Person)
>>> assessment = atensi.structure({"id": "A-1", "assessed_on": "2024-05-01",
...     "conditions": [{"group": "anak_jalanan"}]}, Assessment)
>>> text = memo.text(person, assessment, on=dt.date(2024, 6, 1))
>>> memo.text(other, assessment, on=dt.date(2024, 6, 1)) == text, len(memo)
(True, 1)
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Hashable, Iterable
from typing import Any, NamedTuple

import attrs

from atensi._codegen import Namespace, compile_source
from atensi.law import DataGate, Edition, InForceDates, instrument_in_force
from atensi.model import (
    Assessment,
    Condition,
    Disability,
    DrugUse,
    Family,
    Person,
    Sensitivity,
)
from atensi.model.subjects import SUBJECT_KINDS, Subject, people_of
from atensi.rules import eligibility
from atensi.rules.catalogue import RULES, Rule
from atensi.rules.decision import Decision, Redaction, redaction
from atensi.rules.facts import FACTS, KEYED, Fact, FactRead, thresholds_on

__all__ = ["MEMO", "DecisionMemo", "Derivation", "derivation", "derive", "signature_source"]

# The eligibility rules and their facts are declared when the package is imported.
assess_eligibility = eligibility.assess_eligibility


class Derivation(NamedTuple):
    """The signature derived from the rules' declarations.

    Attributes:
        facts: the declared facts the signature is made of, in declaration order, each with
            how the rules read it (their thresholds).
        raw: the paths read as their raw values (no declared fact covers them, no value of
            them is personal data).
        exact: whether every path the rules read is covered (otherwise the memo stands aside).
        uncovered: the (rule id, path) pairs no fact covers and no raw value may stand for.
    """

    facts: tuple[tuple[Fact, tuple[FactRead, ...]], ...]
    raw: tuple[str, ...]
    exact: bool
    uncovered: tuple[tuple[str, str], ...]


def derive(rules: Iterable[Rule]) -> Derivation:
    """The signature of the eligibility rules among ``rules``, from their declarations."""
    reads: dict[Fact, list[FactRead]] = {}
    covered: dict[str, Fact] = {}
    plain: list[tuple[str, str]] = []
    for declared in rules:
        if declared.kind != "eligibility":
            continue
        for read in declared.facts:
            reads.setdefault(read.fact, []).append(read)
        from_facts = {a for read in declared.facts for a in read.fact.attributes}
        plain.extend((declared.id, p) for p in declared.reads if p not in from_facts)
    for known in FACTS.values():
        for attribute in known.attributes:
            covered.setdefault(attribute, known)
    raw: list[str] = []
    uncovered: list[tuple[str, str]] = []
    for rule_id, path in plain:
        if path in KEYED or path in raw:
            continue
        if path in covered or not _raw_readable(path):
            # A declared fact's attribute read outside the fact (another reading of it), or a
            # value that may be personal data: no key can stand for it.
            uncovered.append((rule_id, path))
        else:
            raw.append(path)
    order = {f: i for i, f in enumerate(FACTS.values())}
    facts = tuple(
        (f, tuple(found)) for f, found in sorted(reads.items(), key=lambda kv: order.get(kv[0], 0))
    )
    return Derivation(facts, tuple(raw), not uncovered, tuple(uncovered))


_DERIVED: list[Derivation] = []


def derivation() -> Derivation:
    """The signature of the rules as declared now (derived once, on first use)."""
    if not _DERIVED:
        _DERIVED.append(derive(RULES.values()))
    return _DERIVED[0]


# --- Raw paths: a field no declared fact covers, of a role the memo can find -------------------

#: The entity each role of a path names, for the personal-data class of its field.
_ROLES: dict[str, tuple[type[Any], ...]] = {
    "person": (Person,),
    "member": (Person,),
    "subject": tuple(SUBJECT_KINDS.values()),
    "family": (Family,),
    "assessment": (Assessment,),
    "condition": (Condition,),
    "disability": (Disability,),
    "drug_use": (DrugUse,),
}


def _raw_readable(path: str) -> bool:
    """Whether ``path`` names a field no value of which can be personal data."""
    role, _, name = path.partition(".")
    classes = _ROLES.get(role)
    if classes is None:
        return False
    fields = [
        (cls, attrs.fields_dict(cls)[name]) for cls in classes if name in attrs.fields_dict(cls)
    ]
    if not fields:
        return False
    for cls, field in fields:
        if field.metadata.get("sensitivity") is not Sensitivity.NOT_PERSONAL:
            return False
        if _holds_entity(typing.get_type_hints(cls)[name]):
            return False
    return True


def _holds_entity(annotation: Any) -> bool:
    """Whether values of an annotation may hold a record (whose fields may be personal)."""
    if isinstance(annotation, type):
        return attrs.has(annotation)
    return any(_holds_entity(a) for a in typing.get_args(annotation) if a is not Ellipsis)


def _raw(
    path: str, subject: Subject, assessment: Assessment, people: tuple[Person, ...]
) -> Hashable:
    role, _, name = path.partition(".")
    return tuple(getattr(o, name, None) for o in _objects(role, subject, assessment, people))


def _objects(
    role: str, subject: Subject, assessment: Assessment, people: tuple[Person, ...]
) -> Iterable[Any]:
    if role == "subject":
        return (subject,)
    if role in ("person", "member"):
        return people if role == "person" or not isinstance(subject, Person) else ()
    if role == "family":
        return (subject,) if isinstance(subject, Family) else ()
    if role == "assessment":
        return (assessment,)
    if role == "condition":
        lists = (assessment.conditions, subject.conditions, *(p.conditions for p in people))
        return tuple(c for conditions in lists for c in conditions)
    if role == "disability":
        return tuple(d for p in people for d in p.disabilities)
    if role == "drug_use":
        return tuple(p.drug_use for p in people if p.drug_use is not None)
    return ()  # pragma: no cover - _raw_readable knows only these roles


# --- The signature -----------------------------------------------------------------------------


class _Law(NamedTuple):
    """What a key's law part resolves to, once per date, law and derivation.

    Attributes:
        gates: the data gates in force (what the data-gate fact reads).
        derived: the derivation it was resolved for.
        thresholds: each person fact's thresholds on the date, in the derivation's order.
        signature: the derivation's signature function (:func:`signature_source`).
        signatures: the same of many ``(subject, assessment)`` pairs on one date.
    """

    gates: tuple[DataGate, ...]
    derived: Derivation
    thresholds: tuple[tuple[int, ...], ...]
    signature: Callable[[Subject, Assessment | None, dt.date, Any], Hashable | None]
    signatures: Callable[
        [list[tuple[Subject, Assessment | None]], dt.date, Any], list[Hashable | None]
    ]


def _law_of(derived: Derivation, on: dt.date, gates: tuple[DataGate, ...]) -> _Law:
    thresholds = tuple(thresholds_on(list(reads), on) for f, reads in derived.facts if f.per_person)
    return _Law(
        gates, derived, thresholds, _signature_function(derived), _signatures_function(derived)
    )


def signature(
    subject: Subject, assessment: Assessment | None, on: dt.date, edition: Edition
) -> Hashable | None:
    """The classes of the facts the rules read of this record (``None``: not memoised)."""
    derived = derivation()
    if not derived.exact:
        return None
    law = _law_of(derived, on, edition.gates_on(on))
    return law.signature(subject, assessment, on, law)


def signature_source() -> str:
    """The source of the signature function the rules' declarations compose (for reading).

    >>> print(signature_source().splitlines()[0])
    def signature(subject, assessment, on, law):
    """
    return _composed(derivation()).source  # type: ignore[attr-defined,no-any-return]


# --- The signature, composed as code ------------------------------------------------------------
# One function per derivation, written out fact by fact: the gate first (the assessment: without
# one on the date, that is the whole decision), then each record fact, then each person fact once
# per person (a tuple of one for a person, the commonest subject), then the raw paths. A loop over
# the facts would cost as much again as the facts themselves.

_SIGNATURES: list[tuple[Derivation, Callable[..., Hashable | None]]] = []


def _composed(derived: Derivation) -> Callable[..., Hashable | None]:
    known = _SIGNATURES
    if known and known[0][0] is derived:
        return known[0][1]
    made = _compose(derived)
    known[:] = [(derived, made)]
    return made


def _signature_function(derived: Derivation) -> Callable[..., Hashable | None]:
    """``signature`` of the derivation (composed once)."""
    return _composed(derived)


def _signatures_function(derived: Derivation) -> Callable[..., list[Hashable | None]]:
    """``signatures``, composed in the same code as ``signature``."""
    many: Callable[..., list[Hashable | None]] = _composed(derived).__globals__["signatures"]
    return many


class _Named(NamedTuple):
    """The names the generated code calls the derivation's reductions by."""

    gates: list[tuple[str, str]]  # (fact name, reduction), in order: each decides alone
    record: list[str]  # the facts of the record, read once
    person: list[str]  # the facts of each person, with their thresholds in this order


def _named(derived: Derivation, ns: Namespace) -> _Named:
    def name(f: Fact) -> str:
        return ns.name(f.key, f"{f.name}_key")

    facts = [f for f, _ in derived.facts]
    return _Named(
        [(f.name, name(f)) for f in facts if f.gate],
        [name(f) for f in facts if not f.gate and not f.per_person],
        [name(f) for f in facts if f.per_person],
    )


def _compose(derived: Derivation) -> Callable[..., Hashable | None]:
    ns = Namespace({"Person": Person, "people_of": people_of, "raw_path": _raw})
    named = _named(derived, ns)
    lines = ["def signature(subject, assessment, on, law):"]
    for fact, key in named.gates:
        lines.append(f"    decided = {key}(subject, assessment, on, law)")
        lines.append("    if decided is not True:")
        lines.append(f"        return ({fact!r}, decided)")
    lines.append("    if assessment is None:  # no fact below is read without an assessment")
    lines.append("        return None")
    record = [f"{key}(subject, assessment, on, law)" for key in named.record]
    raw = [f"raw_path({path!r}, subject, assessment, people)" for path in derived.raw]
    if named.person:
        lines.append("    thresholds = law.thresholds")
    lines.append("    if subject.__class__ is Person:")
    if raw:
        lines.append("        people = (subject,)")
    one = [f"({key}(subject, on, thresholds[{i}]),)" for i, key in enumerate(named.person)]
    lines += ["        return (", *(f"            {part}," for part in (*record, *one, *raw))]
    lines.append("        )")
    lines.append("    people = people_of(subject)")
    each = [
        f"tuple([{key}(p, on, thresholds[{i}]) for p in people])"
        for i, key in enumerate(named.person)
    ]
    lines += ["    return (", *(f"        {part}," for part in (*record, *each, *raw)), "    )"]
    lines += _compose_many(derived, named)
    source = "\n".join(lines) + "\n"
    made = compile_source(source, "signature", ns, "memo signature", __name__)
    made.source = source  # type: ignore[attr-defined]
    return made


def _compose_many(derived: Derivation, named: _Named) -> list[str]:
    """``signatures(pairs, on, law)``: ``signature`` of each (subject, assessment), fact by fact.

    The same keys as ``signature`` record by record (``tests/test_memo.py`` holds them equal),
    made one fact at a time across the people: each reduction's code then runs many times in a
    row and stays in the processor's caches (3.9 against 4.6 µs a record). Other subjects, and
    any derivation with raw paths, go to ``signature`` one by one.
    """
    lines = ["", "", "def signatures(pairs, on, law):"]
    lines.append("    found = [None] * len(pairs)")
    lines.append("    persons = []")
    lines.append("    for n, (subject, assessment) in enumerate(pairs):")
    if derived.raw:
        lines.append("        found[n] = signature(subject, assessment, on, law)")
        lines.append("    return found")
        return lines
    for fact, key in named.gates:
        lines.append(f"        decided = {key}(subject, assessment, on, law)")
        lines.append("        if decided is not True:")
        lines.append(f"            found[n] = ({fact!r}, decided)")
        lines.append("            continue")
    lines.append("        if assessment is None:")
    lines.append("            continue")
    lines.append("        if subject.__class__ is Person:")
    lines.append("            persons.append((n, subject, assessment))")
    lines.append("        else:")
    lines.append("            found[n] = signature(subject, assessment, on, law)")
    lines.append("    if not persons:")
    lines.append("        return found")
    columns = [f"[{key}(s, a, on, law) for _, s, a in persons]" for key in named.record]
    if named.person:
        lines.append("    thresholds = law.thresholds")
    columns += [
        f"[({key}(s, on, thresholds[{i}]),) for _, s, _ in persons]"
        for i, key in enumerate(named.person)
    ]
    lines.append("    keys = zip(")
    lines += [f"        {column}," for column in columns]
    lines.append("    )")
    lines.append("    for (n, _, _), key in zip(persons, keys):")
    lines.append("        found[n] = key")
    lines.append("    return found")
    return lines


# --- The memo ----------------------------------------------------------------------------------


class DecisionMemo:
    """Redacted eligibility decisions and their texts, by signature; bounded.

    Holds redacted results only; ``redact="none"`` (or ``False``) always asks the rules.
    Safe to share between threads (a lost race only works a decision out twice).
    """

    __slots__ = ("_decisions", "_laws", "_texts", "limit")

    def __init__(self, limit: int = 2048) -> None:
        self.limit = limit
        self._texts: dict[Hashable, str] = {}
        self._decisions: dict[Hashable, Decision] = {}
        # The data gates in force and the thresholds, by date and law: resolved once, not for
        # every record.
        self._laws: dict[Hashable, _Law] = {}

    def __len__(self) -> int:
        return len(self._texts) + len(self._decisions)

    def __repr__(self) -> str:
        # The keys are classes, not people; still, a repr shows only the size.
        return f"DecisionMemo({len(self)} entries, limit {self.limit})"

    def clear(self) -> None:
        """Forget every entry."""
        self._texts.clear()
        self._decisions.clear()
        self._laws.clear()

    def _key(
        self,
        subject: Subject,
        assessment: Assessment | None,
        on: dt.date,
        edition: str | Edition | None,
        in_force_dates: InForceDates | None,
        level: Redaction,
    ) -> Hashable | None:
        law = _law_key(on, edition, in_force_dates, level)
        resolved = None if law is None else self._resolved(law, in_force_dates)
        if resolved is None:
            return None
        found = resolved.signature(subject, assessment, on, resolved)
        if found is None:
            return None
        return (found, law, level)

    def _resolved(
        self, law: tuple[dt.date, str | None, Hashable], in_force_dates: InForceDates | None
    ) -> _Law | None:
        """The law part of a key, ``(on, edition, in-force dates)``, resolved (and kept)."""
        resolved = self._laws.get(law)
        derived = derivation()
        if resolved is None or resolved.derived is not derived:
            if not derived.exact:
                return None
            on, edition, _ = law
            edition_in_force = instrument_in_force(
                on, edition=edition, in_force_dates=in_force_dates
            )
            if len(self._laws) >= 256:
                self._laws.clear()
            resolved = self._laws[law] = _law_of(derived, on, edition_in_force.gates_on(on))
        return resolved

    def text(
        self,
        subject: Subject,
        assessment: Assessment | None,
        *,
        on: dt.date,
        edition: str | Edition | None = None,
        in_force_dates: InForceDates | None = None,
        redact: bool | str | Redaction = Redaction.FULL,
        ensure_ascii: bool = False,
    ) -> str:
        """``assess_eligibility(...).to_json_text(redact=redact, ensure_ascii=...)``, memoised.

        Raises:
            NoInstrumentInForce, AtensiError: as :func:`assess_eligibility`.
        """
        level = redaction(redact)
        keyed = self._key(subject, assessment, on, edition, in_force_dates, level)
        if keyed is not None:
            found = self._texts.get((keyed, ensure_ascii))
            if found is not None:
                return found
        return self._made_text(
            keyed, subject, assessment, on, edition, in_force_dates, level, ensure_ascii
        )

    def _made_text(
        self,
        keyed: Hashable | None,
        subject: Subject,
        assessment: Assessment | None,
        on: dt.date,
        edition: str | Edition | None,
        in_force_dates: InForceDates | None,
        level: Redaction,
        ensure_ascii: bool,
    ) -> str:
        """The rules' text of a record the memo does not hold, kept under ``keyed`` (if any)."""
        decision = assess_eligibility(
            subject, assessment, on=on, edition=edition, in_force_dates=in_force_dates
        )
        text = decision.to_json_text(redact=level, ensure_ascii=ensure_ascii)
        if keyed is not None:
            self._keep(self._texts, (keyed, ensure_ascii), text)
        return text

    def texts(
        self,
        records: Iterable[tuple[Subject, Assessment | None, dt.date]],
        *,
        edition: str | None = None,
        in_force_dates: InForceDates | None = None,
        redact: bool | str | Redaction = Redaction.FULL,
        ensure_ascii: bool = False,
    ) -> list[str]:
        """:meth:`text` of each ``(subject, assessment, on)``, in order: the same texts.

        For many records under one law and one redaction: the options and the law of each
        date are read once, not for every record.

        Raises:
            NoInstrumentInForce, AtensiError: as :meth:`text`, for the first record that
                raises (the list is then not made).
        """
        level = redaction(redact)
        listed = list(records)
        by_date: dict[dt.date, list[int]] = {}
        for n, (_, _, on) in enumerate(listed):
            by_date.setdefault(on, []).append(n)
        keys: list[Hashable | None] = [None] * len(listed)
        for on, places in by_date.items():
            law = _law_key(on, edition, in_force_dates, level)
            resolved = None if law is None else self._resolved(law, in_force_dates)
            if resolved is None:
                continue
            pairs = [(listed[n][0], listed[n][1]) for n in places]
            for n, found in zip(places, resolved.signatures(pairs, on, resolved), strict=True):
                if found is not None:
                    keys[n] = (found, law, level)
        kept = self._texts
        texts: list[str] = []
        for keyed, (subject, assessment, on) in zip(keys, listed, strict=True):
            text = None if keyed is None else kept.get((keyed, ensure_ascii))
            if text is None:  # not kept: decided once, its key not made again
                text = self._made_text(
                    keyed, subject, assessment, on, edition, in_force_dates, level, ensure_ascii
                )
            texts.append(text)
        return texts

    def decision(
        self,
        subject: Subject,
        assessment: Assessment | None,
        *,
        on: dt.date,
        edition: str | Edition | None = None,
        in_force_dates: InForceDates | None = None,
        redact: bool | str | Redaction = Redaction.FULL,
    ) -> Decision:
        """``assess_eligibility(...).redacted(redact)``, memoised (the decision shared).

        Its ``to_json(redact=redact)`` is the unredacted decision's.
        """
        level = redaction(redact)
        keyed = self._key(subject, assessment, on, edition, in_force_dates, level)
        if keyed is not None:
            found = self._decisions.get(keyed)
            if found is not None:
                return found
        decision = assess_eligibility(
            subject, assessment, on=on, edition=edition, in_force_dates=in_force_dates
        ).redacted(level)
        if keyed is not None:
            self._keep(self._decisions, keyed, decision)
        return decision

    def _keep(self, table: dict[Hashable, Any], key: Hashable, value: Any) -> None:
        """Remember ``value`` under ``key``; a full table is emptied first (the memo is bounded)."""
        if len(table) >= self.limit:
            table.clear()
        table[key] = value


def _law_key(
    on: dt.date,
    edition: str | Edition | None,
    in_force_dates: InForceDates | None,
    level: Redaction,
) -> tuple[dt.date, str | None, Hashable] | None:
    """The law part of a key: the date, the pinned edition and the in-force dates.

    ``None`` where the memo stands aside: nothing redacted, or an edition given as an object.
    """
    if level is Redaction.NONE or (edition is not None and not isinstance(edition, str)):
        return None
    dates = tuple(sorted(in_force_dates.items())) if in_force_dates else ()
    return (on, edition, dates)


#: The memo the batch functions and the command line use.
MEMO = DecisionMemo()
