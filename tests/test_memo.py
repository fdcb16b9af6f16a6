"""The decision memo: the rules read only what they declare, and the memo answers as they do."""

from __future__ import annotations

import ast
import datetime as dt
import json
import pathlib
import types
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atensi
from atensi.law import EDITION_IDS
from atensi.model import AssessmentItem, subject_kind
from atensi.rules import RULES, Redaction, assess_eligibility
from atensi.rules.catalogue import Rule
from atensi.rules.facts import FactRead, thresholds_on
from atensi.rules.memo import DecisionMemo, derivation, derive
from atensi.vocab import Label

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "atensi"
DATES = (dt.date(2021, 6, 1), dt.date(2024, 6, 1), dt.date(2026, 1, 1))


def _example_items() -> list[AssessmentItem]:
    lines = (EXAMPLES / "assessments.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    items += json.loads((EXAMPLES / "cases.json").read_text(encoding="utf-8"))
    valid = []
    for item in items:
        try:
            valid.append(atensi.structure(item, AssessmentItem))
        except atensi.InvalidRecord:
            continue  # cases.json holds a broken item for the validation demo
    return valid


ITEMS = _example_items()


# --- The rules read only the facts they declare ------------------------------------------------

#: What the items of a field are, as the declarations name them.
_CHILD_ROLES = {
    "members": ("member", "person"),
    "conditions": ("condition",),
    "disabilities": ("disability",),
    "drug_use": ("drug_use",),
    "birth_date": ("birth_date",),
    "nik": ("nik",),
    "assessor": ("assessor",),
}


class Tracked:
    """An entity that records every attribute the rules read of it, with its role.

    Methods and properties run on the tracked object, so what they read is recorded too.
    """

    __slots__ = ("_log", "_real", "_roles", "_via")

    def __init__(self, real: Any, roles: tuple[str, ...], via: frozenset[str], log: set[Any]):
        object.__setattr__(self, "_real", real)
        object.__setattr__(self, "_roles", roles)
        object.__setattr__(self, "_via", via)
        object.__setattr__(self, "_log", log)

    @property  # type: ignore[misc]
    def __class__(self) -> type[Any]:  # what isinstance asks (the rules dispatch on classes)
        return type(object.__getattribute__(self, "_real"))

    def __getattr__(self, name: str) -> Any:
        real = object.__getattribute__(self, "_real")
        on_class = getattr(type(real), name, None)
        if isinstance(on_class, property):
            return on_class.fget(self)  # type: ignore[misc]
        if isinstance(on_class, types.FunctionType):
            return types.MethodType(on_class, self)
        roles = object.__getattribute__(self, "_roles")
        via = object.__getattribute__(self, "_via")
        log = object.__getattribute__(self, "_log")
        log.add((roles, name, via))
        value = getattr(real, name)
        child_roles = _CHILD_ROLES.get(name, (name,))
        child_via = frozenset(f"{r}.{name}" for r in roles)
        if attrs.has(type(value)):
            return Tracked(value, child_roles, child_via, log)
        if isinstance(value, tuple) and value and attrs.has(type(value[0])):
            return tuple(Tracked(v, child_roles, child_via, log) for v in value)
        return value


def _undeclared(item: AssessmentItem, on: dt.date, declared: set[str]) -> set[str]:
    """The facts the eligibility rules read of ``item`` without declaring them."""
    log: set[Any] = set()
    subject = Tracked(item.subject, ("subject", subject_kind(item.subject)), frozenset(), log)
    assessment = (
        None
        if item.assessment is None
        else Tracked(item.assessment, ("assessment",), frozenset(), log)
    )
    tracked = assess_eligibility(subject, assessment, on=on)  # type: ignore[arg-type]
    assert tracked == assess_eligibility(item.subject, item.assessment, on=on)
    missing = set()
    for roles, name, via in log:
        if not (via & declared or any(f"{role}.{name}" in declared for role in roles)):
            missing.add(f"{'/'.join(roles)}.{name}")
    return missing


def _declared() -> set[str]:
    return {fact for r in RULES.values() if r.kind == "eligibility" for fact in r.reads}


@pytest.mark.parametrize("on", DATES, ids=str)
def test_the_eligibility_rules_read_only_facts_they_declare(on: dt.date) -> None:
    declared = _declared()
    missing: set[str] = set()
    for item in ITEMS:
        missing |= _undeclared(item, on, declared)
    assert not missing, f"read but not declared by any eligibility rule: {sorted(missing)}"


def test_a_fact_read_but_not_declared_is_found() -> None:
    declared = _declared() - {"person.sex"}
    found = set()
    for item in ITEMS[:200]:
        found |= _undeclared(item, DATES[1], declared)
    assert "subject/person.sex" in found


# --- The signature is derived from the declarations -------------------------------------------


def test_every_fact_the_rules_declare_is_in_the_signature() -> None:
    derived = derivation()
    assert derived.exact
    assert derived.uncovered == ()
    assert derived.raw == ()  # every path the rules read is a declared fact's
    in_key = {f for f, _ in derived.facts}
    for rule in RULES.values():
        if rule.kind != "eligibility":
            continue
        for read in rule.facts:
            assert read.fact in in_key, (rule.id, read.fact)
        covered = {a for read in rule.facts for a in read.fact.attributes}
        for path in rule.reads:
            assert path in ("on", "edition") or path in covered, (rule.id, path)


def test_the_memo_keeps_no_rule_ids_and_no_thresholds_of_its_own() -> None:
    """Everything the key holds comes from the declarations: no rule id, no age, no fact."""
    tree = ast.parse((SRC / "rules" / "memo.py").read_text(encoding="utf-8"))
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert not [c for c in constants if isinstance(c, str) and c.startswith("elig.")]
    assert not [c for c in constants if type(c) is int and c > 1 and c not in (256, 2048)]


def test_the_age_bands_come_from_the_rules_own_thresholds() -> None:
    from atensi.rules.eligibility import declarations, reading

    derived = dict(derivation().facts)
    thresholds = thresholds_on(list(derived[reading.AGE]), DATES[1])
    # Every value the parameters the rules read take over time: 18, 60, the groups' bands.
    assert set(declarations.CHILD_UNDER.values()) <= set(thresholds)
    assert set(declarations.ELDERLY_FROM.values()) <= set(thresholds)
    assert set(declarations._GROUP_AGES) <= set(thresholds)
    assert {18, 60} <= set(thresholds)


def _with(rule: Rule) -> list[Rule]:
    return [*RULES.values(), rule]


def _rule(reads: tuple[Any, ...]) -> Rule:
    """A new eligibility rule, declared as a rule module declares one (not registered)."""
    facts = tuple(
        r if isinstance(r, FactRead) else r.read() for r in reads if not isinstance(r, str)
    )
    paths = tuple(r for r in reads if isinstance(r, str))
    attributes = tuple(a for read in facts for a in read.fact.attributes)
    return Rule(
        "elig.test.new", "eligibility", Label("uji", "test"), (), (*attributes, *paths), facts=facts
    )


def test_a_new_path_that_is_not_personal_joins_the_signature() -> None:
    before = derivation()
    derived = derive(_with(_rule(("subject.region",))))  # a community's region code
    assert derived.exact
    assert derived.facts == before.facts
    assert derived.raw == ("subject.region",)


def test_a_new_rule_comparing_a_declared_fact_with_a_new_threshold_moves_the_bands() -> None:
    from atensi.rules.eligibility import reading

    derived = derive(_with(_rule((reading.AGE.compared_with(21), "on"))))
    assert derived.exact
    thresholds = thresholds_on(list(dict(derived.facts)[reading.AGE]), DATES[1])
    assert 21 in thresholds
    # Dated thresholds (a parameter) are read on the decision date.
    dated = derive(
        _with(_rule((reading.AGE.compared_with(lambda on: 17 if on.year < 2000 else 19),)))
    )
    assert 19 in thresholds_on(list(dict(dated.facts)[reading.AGE]), DATES[1])


@pytest.mark.parametrize(
    "reads",
    [
        ("assessment.assessor",),  # not personal itself, but it holds the assessor's name
        ("subject.id",),  # ids may be NIKs
        ("assessment.id",),
        ("condition.evidence", "condition.since"),  # health data
        ("disability.type",),
        ("assessment.nonexistent",),
        ("reviewer.name",),  # a role no declared fact knows
        ("person.court_order",),  # a fact no entity has yet
    ],
)
def test_a_new_path_that_may_be_personal_stops_the_memo(reads: tuple[str, ...]) -> None:
    derived = derive(_with(_rule(reads)))
    assert not derived.exact
    assert derived.uncovered[0][0] == "elig.test.new"


def test_a_new_reading_of_a_declared_fact_stops_the_memo() -> None:
    """A path a declared fact covers, read outside the fact: no key can stand for it."""
    derived = derive(_with(_rule(("person.birth_date",))))
    assert not derived.exact
    assert ("elig.test.new", "person.birth_date") in derived.uncovered


def test_a_fact_no_rule_reads_is_left_out() -> None:
    from atensi.rules.eligibility import reading

    rules = [r for r in RULES.values() if r.id != "elig.lansia.capacity"]
    assert reading.CAPACITY not in dict(derive(rules).facts)
    assert reading.CAPACITY in dict(derivation().facts)


def test_an_inexact_signature_leaves_every_record_to_the_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from atensi.rules import memo as memo_module

    monkeypatch.setattr(memo_module, "_DERIVED", [derive(_with(_rule(("person.name",))))])
    memo = DecisionMemo()
    item = ITEMS[3]
    on = DATES[1]
    text = memo.text(item.subject, item.assessment, on=on)
    assert text == assess_eligibility(item.subject, item.assessment, on=on).to_json_text(
        redact=True
    )
    assert memo.texts([(item.subject, item.assessment, on)] * 2) == [text, text]
    assert len(memo) == 0


def test_a_signature_with_raw_paths_gives_the_same_keys_many_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from atensi.rules import memo as memo_module

    derived = derive(_with(_rule(("subject.region",))))
    assert derived.raw
    monkeypatch.setattr(memo_module, "_DERIVED", [derived])
    _same_keys(ITEMS[::5], DATES[1])


# --- The memo answers as the rules do -----------------------------------------------------------

LAWS: tuple[tuple[str | None, dict[str, dt.date] | None], ...] = (
    (None, None),
    *((e, None) for e in EDITION_IDS),
    (None, {"permensos-15-2025": dt.date(2025, 7, 1)}),
)
LEVELS = (Redaction.FULL, Redaction.FACTS)


def _expected(item: AssessmentItem, on: dt.date, edition: Any, dates: Any, level: Any) -> Any:
    return assess_eligibility(
        item.subject, item.assessment, on=on, edition=edition, in_force_dates=dates
    )


def _same_keys(items: list[AssessmentItem], on: dt.date) -> None:
    """The signatures of many records at once are each record's own signature, in order."""
    memo = DecisionMemo()
    for edition, dates in LAWS:
        for when in sorted({item.on or on for item in items}):
            law = memo._resolved((when, edition, tuple(sorted((dates or {}).items()))), dates)
            assert law is not None
            pairs = [(i.subject, i.assessment) for i in items if (i.on or on) == when]
            one = [law.signature(s, a, when, law) for s, a in pairs]
            assert law.signatures(pairs, when, law) == one
            assert law.signatures([], when, law) == []


def _check(memo: DecisionMemo, items: list[AssessmentItem], on: dt.date) -> int:
    """Compare the memo's texts and decisions with the rules'; return the memo's hits.

    Record by record (``text``, ``decision``), then all at once (``texts``).
    """
    hits = 0
    _same_keys(items, on)
    records = [(i.subject, i.assessment, i.on or on) for i in items]
    for edition, dates in LAWS:
        for level in LEVELS:
            expected = [_expected(i, i.on or on, edition, dates, level) for i in items]
            for (subject, assessment, when), decision in zip(records, expected, strict=True):
                before = len(memo)
                for ensure_ascii in (False, True):
                    text = memo.text(
                        subject,
                        assessment,
                        on=when,
                        edition=edition,
                        in_force_dates=dates,
                        redact=level,
                        ensure_ascii=ensure_ascii,
                    )
                    assert text == decision.to_json_text(redact=level, ensure_ascii=ensure_ascii)
                shared = memo.decision(
                    subject,
                    assessment,
                    on=when,
                    edition=edition,
                    in_force_dates=dates,
                    redact=level,
                )
                assert shared.to_json(redact=level) == decision.to_json(redact=level)
                hits += len(memo) == before
            many = memo.texts(records, edition=edition, in_force_dates=dates, redact=level)
            assert many == [d.to_json_text(redact=level) for d in expected]
    return hits


@pytest.mark.parametrize("on", DATES, ids=str)
def test_the_memo_gives_the_rules_texts_on_the_examples(on: dt.date) -> None:
    memo = DecisionMemo()
    undated = [attrs.evolve(i, on=None) for i in ITEMS]
    hits = _check(memo, undated, on)
    assert hits > len(undated)  # most records were answered from the memo
    assert len(memo) < 0.5 * len(undated) * len(LAWS) * len(LEVELS) * 3


def test_the_memo_is_bounded_and_answers_alike_when_emptied() -> None:
    memo = DecisionMemo(limit=5)
    _check(memo, ITEMS[:120], DATES[1])
    assert len(memo) <= 10


def test_the_memo_never_keeps_unredacted_results() -> None:
    memo = DecisionMemo()
    item = ITEMS[1]
    for redact in (False, "none", Redaction.NONE):
        text = memo.text(item.subject, item.assessment, on=DATES[1], redact=redact)
        assert text == assess_eligibility(item.subject, item.assessment, on=DATES[1]).to_json_text()
        memo.decision(item.subject, item.assessment, on=DATES[1], redact=redact)
    assert len(memo) == 0
    assert repr(memo) == "DecisionMemo(0 entries, limit 2048)"


def test_a_memo_key_holds_no_personal_value() -> None:
    memo = DecisionMemo()
    for item in ITEMS:
        memo.text(item.subject, item.assessment, on=DATES[1])
    for key in memo._texts:
        for value in _leaves(key):
            assert isinstance(value, bool | int | dt.date | str | enum_type | type(None)), value
            if isinstance(value, str) and not isinstance(value, enum_type):
                # Rule ids, fact names, codes of a kind or an age source; never free text.
                assert value.replace(".", "").replace("_", "").isalnum() or " " in value, value
    names = {i.subject.name for i in ITEMS if hasattr(i.subject, "name")}
    keys = repr(list(memo._texts))
    assert not any(f"'{name}'" in keys for name in names if len(name) > 3)


enum_type = __import__("enum").Enum


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        for item in value:
            yield from _leaves(item)
    elif hasattr(value, "_fields"):  # a citation or a label: the rules' own text
        return
    else:
        yield value


# --- Generated records, and their twins one fact apart -----------------------------------------
# A memo that missed a fact would answer a record with the text of one that differs only there:
# each drawn record is checked with every variant that changes one fact the rules read, at the
# edge where it matters (a day either side of a birthday, of a threshold, of six months).

EDGE_DAYS = st.sampled_from(
    [
        dt.date(2014, 10, 16),  # the day before UU 35/2014
        dt.date(2014, 10, 17),
        dt.date(2016, 4, 14),  # the day before UU 8/2016
        dt.date(2016, 4, 15),
        dt.date(2021, 1, 1),  # the DTKS gate of Permensos 16/2020
        dt.date(2022, 2, 28),  # a 29 February 2004 birthday turns 18 (common year)
        dt.date(2024, 6, 1),
        dt.date(2025, 3, 31),  # the switch from DTKS to DTSEN
        dt.date(2025, 4, 1),
        dt.date(2025, 10, 1),
    ]
)
GROUPS = (
    "anak_jalanan",
    "anak_balita_terlantar",
    "anak_berkonflik_hukum",
    "anak_yatim_piatu",
    "lanjut_usia_terlantar",
    "perempuan_rawan_sosial_ekonomi",
    "penyandang_disabilitas",
    "gelandangan",
    "korban_bencana_alam",
    "ppks_lainnya",
)


def _day(on: dt.date, days: int) -> str:
    return (on + dt.timedelta(days=days)).isoformat()


def _years_before(on: dt.date, years: int) -> dt.date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return dt.date(on.year - years, 3, 1)


def _nik(birth: dt.date, sex: str) -> str:
    day = birth.day + (40 if sex == "perempuan" else 0)
    return f"317101{day:02d}{birth.month:02d}{birth.year % 100:02d}0001"


def _condition(group: str, span: dict[str, str]) -> dict[str, Any]:
    condition: dict[str, Any] = {"group": group, **span}
    if group == "ppks_lainnya":
        condition["justification"] = "Alasan"
    return condition


@st.composite
def _person(draw: st.DrawFn, on: dt.date, pid: str) -> dict[str, Any]:
    """A person whose birthday is on the date, at an age the rules compare with."""
    birth = _years_before(on, draw(st.sampled_from([3, 6, 12, 18, 40, 60, 70])))
    sex = draw(st.sampled_from(["laki_laki", "perempuan"]))
    groups = draw(st.lists(st.sampled_from(GROUPS), min_size=1, max_size=2, unique=True))
    person: dict[str, Any] = {
        "id": pid,
        "nik": _nik(birth, sex),
        "name": "Nama",
        "sex": sex,
        "birth_date": {"value": birth.isoformat()},
        "conditions": [_condition(g, {}) for g in groups],
    }
    if draw(st.booleans()):
        person["disabilities"] = [{"type": "fisik", "since": _day(on, -400)}]
    if draw(st.booleans()):
        person["drug_use"] = {"status": "pecandu_narkotika", "since": _day(on, -30)}
    return person


def _mutations(on: dt.date) -> dict[str, Any]:
    """Changes of one fact of a person, at the edge where the rules' answer turns."""

    def birth(person: dict[str, Any]) -> dt.date:
        return dt.date.fromisoformat(person["birth_date"]["value"])

    return {
        "a day younger": lambda p: p["birth_date"].update(
            value=(birth(p) + dt.timedelta(1)).isoformat()
        ),
        "a day older": lambda p: p["birth_date"].update(
            value=(birth(p) - dt.timedelta(1)).isoformat()
        ),
        "born on 29 February 2004": lambda p: p.update(
            birth_date={"value": "2004-02-29"}, nik=_nik(dt.date(2004, 2, 29), p["sex"])
        ),
        "no birth date": lambda p: p.pop("birth_date"),
        "no birth date, the NIK a day younger": lambda p: p.update(
            nik=_nik(
                dt.date.fromisoformat(p.pop("birth_date")["value"]) + dt.timedelta(1), p["sex"]
            )
        ),
        "no NIK": lambda p: p.update(nik={"reason": "belum_terdaftar"}),
        "the NIK a day younger": lambda p: p.update(nik=_nik(birth(p) + dt.timedelta(1), p["sex"])),
        "the other sex": lambda p: p.update(
            sex="perempuan" if p["sex"] == "laki_laki" else "laki_laki"
        ),
        "no sex": lambda p: p.pop("sex"),
        "known to the month": lambda p: p["birth_date"].update(precision="bulan"),
        "known to the year, estimated": lambda p: p["birth_date"].update(
            precision="tahun", estimated=True
        ),
        "capacity recorded": lambda p: p.update(elderly_capacity="potensial"),
        "conditions ended today": lambda p: [c.update(until=_day(on, 0)) for c in p["conditions"]],
        "conditions end tomorrow": lambda p: [c.update(until=_day(on, 1)) for c in p["conditions"]],
        "conditions start tomorrow": lambda p: [
            c.update(since=_day(on, 1)) for c in p["conditions"]
        ],
        "no conditions": lambda p: p.update(conditions=[]),
        "a child condition": lambda p: p["conditions"].append(_condition("anak_jalanan", {})),
        "an elderly condition": lambda p: p["conditions"].append(
            _condition("lanjut_usia_terlantar", {})
        ),
        "a woman's condition": lambda p: p["conditions"].append(
            _condition("perempuan_rawan_sosial_ekonomi", {})
        ),
        "a disability": lambda p: p.update(disabilities=[{"type": "fisik"}]),
        "a disability since six months": lambda p: p.update(
            disabilities=[{"type": "fisik", "since": _six_months_before(on).isoformat()}]
        ),
        "a disability since six months less a day": lambda p: p.update(
            disabilities=[
                {"type": "fisik", "since": (_six_months_before(on) + dt.timedelta(1)).isoformat()}
            ]
        ),
        "a disability, not permanent": lambda p: p.update(
            disabilities=[{"type": "fisik", "permanent": False, "since": _day(on, -10)}]
        ),
        "a permanent disability": lambda p: p.update(
            disabilities=[{"type": "fisik", "permanent": True}]
        ),
        "a disability medical personnel determined": lambda p: p.update(
            disabilities=[{"type": "fisik", "determined_by_medical_personnel": True}]
        ),
        "a disability that ended": lambda p: p.update(
            disabilities=[{"type": "fisik", "until": _day(on, 0)}]
        ),
        "drug use": lambda p: p.update(drug_use={"status": "pecandu_narkotika"}),
        "drug use from tomorrow": lambda p: p.update(
            drug_use={"status": "pecandu_narkotika", "since": _day(on, 1)}
        ),
        "drug use that ended": lambda p: p.update(
            drug_use={"status": "pecandu_narkotika", "until": _day(on, 0)}
        ),
    }


def _six_months_before(on: dt.date) -> dt.date:
    from dateutil.relativedelta import relativedelta

    found: dt.date = on - relativedelta(months=6)
    return found


def _item_mutations(on: dt.date) -> dict[str, Any]:
    """Changes of one fact of an item outside its persons."""
    return {
        "assessed the day after": lambda i: i["assessment"].update(assessed_on=_day(on, 1)),
        "no assessment": lambda i: i.update(assessment=None),
        "decile 5": lambda i: i["assessment"].update(welfare_decile=5),
        "decile 6": lambda i: i["assessment"].update(welfare_decile=6),
        "in DTKS": lambda i: i["assessment"].update(in_dtks=True),
        "not in DTKS": lambda i: i["assessment"].update(in_dtks=False),
        "a child condition assessed": lambda i: i["assessment"]["conditions"].append(
            _condition("anak_jalanan", {})
        ),
        "a family's decile 6": lambda i: (
            i["subject"].update(welfare_decile=6) if i["subject"]["kind"] == "family" else None
        ),
        "a member more": lambda i: (
            i["subject"]["members"].append({**i["subject"]["members"][0], "id": "M-extra"})
            if i["subject"].get("members")
            else None
        ),
        "a member less": lambda i: (
            i["subject"]["members"].pop() if i["subject"].get("members") else None
        ),
        "a community": lambda i: i.update(subject={"kind": "community", "id": "K", "name": "K"}),
    }


def _at_edge(
    item: dict[str, Any],
    person: dict[str, Any],
    group: str,
    born: dt.date,
    on: dt.date,
    *,
    precision: str = "hari",
    sex: str | None = "perempuan",
    capacity: str | None = None,
) -> None:
    """Set an item where one fact decides: a person born on ``born``, of ``group``, on ``on``."""
    item["on"] = on.isoformat()
    for name in ("elderly_capacity", "disabilities", "drug_use", "sex"):
        person.pop(name, None)
    person.update(
        nik={"reason": "belum_terdaftar"},
        birth_date={"value": born.isoformat(), "precision": precision},
        conditions=[_condition(group, {})],
    )
    if sex is not None:
        person["sex"] = sex
    if capacity is not None:
        person["elderly_capacity"] = capacity


def _edges() -> dict[str, Any]:
    """Pairs of records the rules tell apart by one fact, whatever the drawn record was.

    Each sets the item where that fact decides (an age the day a band starts, an estimate that
    straddles a threshold, a birthday on 29 February in a common year, a woman's group), so
    that a memo missing the fact would give one the other's text.
    """
    on = dt.date(2024, 6, 1)
    edges: dict[str, Any] = {}
    bands = (
        (6, "anak_balita_terlantar"),
        (12, "anak_berkonflik_hukum"),
        (18, "anak_jalanan"),
        (18, "perempuan_rawan_sosial_ekonomi"),
        (60, "lanjut_usia_terlantar"),
        (60, "perempuan_rawan_sosial_ekonomi"),
    )
    for age, group in bands:
        for shift in (0, 1):
            born = _years_before(on, age) + dt.timedelta(shift)
            edges[f"{group}, {age} less {shift} day"] = lambda i, p, g=group, b=born: _at_edge(
                i, p, g, b, on
            )
    # Known to the year only: the youngest and the oldest age each decide alone.
    for year, group in (
        (2006, "anak_jalanan"),
        (2007, "anak_jalanan"),
        (1964, "lanjut_usia_terlantar"),
        (1963, "lanjut_usia_terlantar"),
    ):
        edges[f"{group}, born in {year}"] = lambda i, p, g=group, y=year: _at_edge(
            i, p, g, dt.date(y, 6, 15), on, precision="tahun"
        )
    leap_on = dt.date(2022, 2, 28)
    for born in (dt.date(2004, 2, 29), dt.date(2004, 3, 1)):
        edges[f"born {born}, on {leap_on}"] = lambda i, p, b=born: _at_edge(
            i, p, "anak_jalanan", b, leap_on
        )
    for sex in ("perempuan", "laki_laki", None):
        edges[f"a woman's group, sex {sex}"] = lambda i, p, x=sex: _at_edge(
            i, p, "perempuan_rawan_sosial_ekonomi", _years_before(on, 40), on, sex=x
        )
    for capacity in (None, "potensial"):
        edges[f"elderly, capacity {capacity}"] = lambda i, p, c=capacity: _at_edge(
            i, p, "lanjut_usia_terlantar", _years_before(on, 70), on, capacity=c
        )
    return edges


@st.composite
def _base(draw: st.DrawFn) -> tuple[dt.date, dict[str, Any]]:
    on = draw(EDGE_DAYS)
    kind = draw(st.sampled_from(["person", "person", "family", "group"]))
    if kind == "person":
        subject = {"kind": kind, **draw(_person(on, "P-1"))}
    else:
        members = [draw(_person(on, f"M-{n}")) for n in range(draw(st.integers(1, 2)))]
        subject = {"kind": kind, "id": "F", "members": members}
        subject |= {"name": "Kelompok"} if kind == "group" else {"welfare_decile": 3}
    groups = draw(st.lists(st.sampled_from(GROUPS), max_size=1))
    assessment = {
        "id": "A",
        "assessed_on": _day(on, -30),
        "conditions": [_condition(g, {}) for g in groups],
        "welfare_decile": draw(st.sampled_from([None, 2])),
        "in_dtks": draw(st.sampled_from([None, True])),
    }
    return on, {"subject": subject, "assessment": assessment}


def _variants(on: dt.date, base: dict[str, Any]) -> Iterator[AssessmentItem]:
    """The item, then each valid variant one fact apart (of the subject or its first member)."""
    yield atensi.structure(base, AssessmentItem)
    changes: list[Any] = [_person_change(m) for m in _mutations(on).values()]
    changes += [_item_change(m) for m in _item_mutations(on).values()]
    changes += _edges().values()
    for change in changes:
        item = json.loads(json.dumps(base))
        subject = item["subject"]
        change(item, subject if subject["kind"] == "person" else subject["members"][0])
        try:
            yield atensi.structure(item, AssessmentItem)
        except atensi.InvalidRecord:
            continue  # a change the entity refuses (a duplicate condition, say)


def _person_change(change: Any) -> Any:
    return lambda item, person: change(person)


def _item_change(change: Any) -> Any:
    return lambda item, person: change(item)


@settings(max_examples=40, deadline=None)
@given(_base())
def test_records_one_fact_apart_get_their_own_texts_from_the_memo(
    drawn: tuple[dt.date, dict[str, Any]],
) -> None:
    on, base = drawn
    items = list(_variants(on, base))
    assert len(items) > 20
    _check(DecisionMemo(), items, on)


# --- A sweep across every age: a threshold a rule compares with and does not declare is found ----

SWEEP_ON = dt.date(2024, 6, 1)
SWEEP_GROUPS = (
    "anak_jalanan",
    "anak_balita_terlantar",
    "lanjut_usia_terlantar",
    "perempuan_rawan_sosial_ekonomi",
    "korban_bencana_alam",
)


def _swept() -> list[AssessmentItem]:
    """A woman of each group at every age from 0 to 100, born the day before, on, and after."""
    items = []
    for group in SWEEP_GROUPS:
        for years in range(101):
            for shift in (-1, 0, 1):
                born = _years_before(SWEEP_ON, years) + dt.timedelta(shift)
                if born > SWEEP_ON:
                    continue
                item = {
                    "on": SWEEP_ON.isoformat(),
                    "subject": {
                        "kind": "person",
                        "id": "P",
                        "nik": {"reason": "belum_terdaftar"},
                        "name": "Nama",
                        "sex": "perempuan",
                        "birth_date": {"value": born.isoformat()},
                        "conditions": [_condition(group, {})],
                    },
                    "assessment": {"id": "A", "assessed_on": _day(SWEEP_ON, -30)},
                }
                items.append(atensi.structure(item, AssessmentItem))
    return items


def _sweep_mismatches(memo: DecisionMemo) -> int:
    wrong = 0
    for item in _swept():
        text = memo.text(item.subject, item.assessment, on=SWEEP_ON)
        expected = assess_eligibility(item.subject, item.assessment, on=SWEEP_ON)
        wrong += text != expected.to_json_text(redact=True)
    return wrong


def test_the_memo_answers_as_the_rules_at_every_age() -> None:
    memo = DecisionMemo()
    assert _sweep_mismatches(memo) == 0
    _same_keys(_swept(), SWEEP_ON)
    assert len(memo) < 200  # the ages fall into a few bands per group


def test_a_threshold_left_out_of_the_declarations_is_found_by_the_sweep(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Mutation check: an undeclared threshold makes the sweep find wrong answers.

    Were the rules to compare ages with 60 without declaring it, the memo would answer a person
    of 59 with the text of one of 61.
    """
    from atensi.rules import memo as memo_module

    def without_60(rule: Rule) -> Rule:
        facts = tuple(
            r._replace(thresholds=tuple(t for t in r.thresholds if t != 60)) for r in rule.facts
        )
        return rule._replace(facts=facts)

    monkeypatch.setattr(memo_module, "_DERIVED", [derive([without_60(r) for r in RULES.values()])])
    assert _sweep_mismatches(DecisionMemo()) > 0


def test_the_signature_is_code_composed_from_the_declared_facts() -> None:
    """One generated function per derivation, readable, naming each declared fact's reduction."""
    from atensi.rules.memo import signature_source

    source = signature_source()
    assert source.startswith("def signature(subject, assessment, on, law):")
    for declared, _ in derivation().facts:
        assert f"{declared.name.replace('.', '_')}_key(" in source, declared.name
    assert "elig." not in source
