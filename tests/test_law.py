"""The law catalogue and which ATENSI edition applies on a date."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import atensi
from atensi.law import EDITION_IDS, Edition, editions, get, instrument_in_force, instruments
from atensi.vocab import Evidence, Target

D = dt.date


def test_catalogue_names_every_instrument_of_the_reference() -> None:
    ids = {i.id for i in instruments()}
    for required in (
        "uu-13-1998",
        "uu-11-2009",
        "uu-35-2009",
        "uu-21-2007",
        "pp-39-2012",
        "uu-35-2014",
        "uu-8-2016",
        "permensos-16-2020",
        "permensos-7-2021",
        "permensos-7-2022",
        "permensos-15-2025",
        "kepmensos-103-huk-2025",
        "inpres-4-2025",
    ):
        assert required in ids


def test_identifiers_are_unique_and_every_entry_serialises() -> None:
    ids = [i.id for i in instruments()]
    assert len(ids) == len(set(ids))
    for instrument in instruments():
        data = json.loads(json.dumps(instrument.to_dict()))
        assert data["id"] == instrument.id
        assert instrument.year == int(instrument.id.rsplit("-", 1)[1])
        for ref in (*instrument.replaces, *instrument.amends):
            assert get(ref)


def test_unverified_dates_say_how_they_were_estimated() -> None:
    for instrument in instruments():
        for fact in (instrument.signed, instrument.promulgated, instrument.in_force_from):
            if fact is not None and not fact.verified:
                assert fact.note, instrument.id
                assert fact.evidence is not Evidence.VERIFIED


def test_atensi_promulgation_dates_are_not_claimed_as_verified() -> None:
    for ident in ("permensos-16-2020", "permensos-7-2021", "permensos-7-2022", "permensos-15-2025"):
        fact = get(ident).in_force_from
        assert fact is not None
        assert fact.verified is False


def test_verified_statute_dates() -> None:
    fact = get("pp-39-2012").in_force_from
    assert fact is not None
    assert fact.value == D(2012, 3, 5)
    assert fact.verified
    uu13 = get("uu-13-1998").in_force_from
    assert uu13 is not None
    assert uu13.value == D(1998, 11, 30)


def test_16_2020_applies_in_january_2021() -> None:
    edition = instrument_in_force(D(2021, 1, 15))
    assert edition.id == "atensi-2020"
    assert edition.base.id == "permensos-16-2020"
    assert edition.amendments == ()
    assert Target.DISASTER_VICTIMS not in edition.targets


def test_7_2021_not_yet_amended_between_its_start_and_7_2022() -> None:
    by_id = {e.id: e for e in editions()}
    e2021, e2022 = by_id["atensi-2021"], by_id["atensi-2022"]
    assert e2021.valid_until == e2022.valid_from
    mid = e2021.valid_from + (e2022.valid_from - e2021.valid_from) / 2
    edition = instrument_in_force(mid)
    assert edition.base.id == "permensos-7-2021"
    assert edition.amendments == ()
    assert {Target.DISASTER_VICTIMS, Target.OTHER_PPKS} <= edition.targets
    amended = instrument_in_force(e2022.valid_from)
    assert amended.instrument_ids == ("permensos-7-2021", "permensos-7-2022")


def test_15_2025_applies_on_new_year_2026() -> None:
    edition = instrument_in_force(D(2026, 1, 1))
    assert edition.id == "ars-2025"
    assert edition.base.id == "permensos-15-2025"
    assert edition.valid_until is None
    assert edition.dates_verified is False
    assert edition.targets_citation.evidence is Evidence.CONVENTION


def test_before_pp_39_2012_is_a_clear_error_even_with_a_pin() -> None:
    first = editions()[0].valid_from
    assert first == D(2012, 3, 5)
    for pin in (None, "atensi-2021"):
        with pytest.raises(atensi.NoInstrumentInForce) as info:
            instrument_in_force(first - dt.timedelta(days=1), edition=pin)
        assert info.value.first == first
        assert info.value.code == "law.no_instrument_in_force"
        assert "PP 39/2012" in info.value.message_en
        assert "PP 39/2012" in info.value.message_id
    assert instrument_in_force(first).id == "pp39-2012"


def test_the_years_before_atensi_have_baseline_editions() -> None:
    before = instrument_in_force(D(2016, 6, 1))
    assert (before.id, before.kind.value, before.base.id) == ("pp39-2012", "baseline", "pp-39-2012")
    assert before.basis(Target.DISASTER_VICTIMS).how == "named"
    assert before.basis(Target.ELDERLY).how == "review"
    progres = instrument_in_force(D(2020, 6, 1))
    assert (progres.id, progres.kind.value) == ("progres-2019", "baseline")
    assert Target.ELDERLY in progres.targets
    assert instrument_in_force(D(2020, 12, 4)).id == "atensi-2020"


def test_pp_39_2012_is_the_floor_beneath_every_edition() -> None:
    # Permensos 16/2020's own list was not found to name disaster victims; PP 39/2012 does.
    edition = instrument_in_force(D(2021, 2, 1))
    basis = edition.basis(Target.DISASTER_VICTIMS)
    assert (basis.how, basis.citation.instrument) == ("floor", "pp-39-2012")
    assert basis.citation.article == "Pasal 6 ayat (1) huruf n"
    assert basis.citation.evidence is Evidence.VERIFIED
    for each in editions():
        for target in Target:
            assert each.basis(target).how != "absent", (each.id, target)


def test_data_gates_by_edition() -> None:
    gates = {e.id: [g.id for g in e.gates_on(D(2024, 6, 1))] for e in editions()}
    assert gates["atensi-2021"] == ["dtks"]
    assert gates["ars-2025"] == ["dtsen"]
    assert gates["pp39-2012"] == []
    amended = instrument_in_force(D(2025, 6, 1))
    assert [g.id for g in amended.gates_on(D(2025, 6, 1))] == ["dtsen"]
    for gate in amended.data_gates:
        assert gate.citation.evidence is Evidence.SECONDARY


def test_boundaries_are_inclusive_from_and_exclusive_until() -> None:
    for earlier, later in zip(editions(), editions()[1:], strict=False):
        assert earlier.valid_until == later.valid_from
        assert earlier.valid_until is not None
        assert instrument_in_force(earlier.valid_until - dt.timedelta(days=1)) == earlier
        assert instrument_in_force(later.valid_from) == later
        assert earlier.applies_on(earlier.valid_from)
        assert not earlier.applies_on(later.valid_from)


def test_callers_can_replace_unverified_dates() -> None:
    real = D(2021, 8, 20)
    edition = instrument_in_force(real, in_force_dates={"permensos-7-2021": real})
    assert edition.id == "atensi-2021"
    assert instrument_in_force(D(2021, 8, 20)).id == "atensi-2020"
    before = instrument_in_force(D(2021, 8, 19), in_force_dates={"permensos-7-2021": real})
    assert before.id == "atensi-2020"
    assert before.valid_until == real


def test_callers_can_pin_an_edition() -> None:
    pinned = instrument_in_force(D(2030, 1, 1), edition="atensi-2021")
    assert pinned.id == "atensi-2021"
    assert instrument_in_force(D(2030, 1, 1), edition=pinned) is pinned
    with pytest.raises(atensi.UnknownCode) as info:
        instrument_in_force(D(2030, 1, 1), edition="atensi-1999")
    assert info.value.code == "law.unknown_edition"
    assert info.value.message_id != info.value.message_en
    with pytest.raises(atensi.AtensiError) as wrong:
        instrument_in_force(D(2030, 1, 1), edition=2021)  # type: ignore[arg-type]
    assert wrong.value.code == "law.unknown_edition"


def test_bad_overrides_are_refused() -> None:
    with pytest.raises(atensi.UnknownCode) as unknown:
        editions({"uu-13-1998": D(2021, 1, 1)})
    assert unknown.value.code == "law.unknown_instrument"
    with pytest.raises(atensi.AtensiError) as not_a_date:
        editions({"permensos-7-2021": "2021-08-20"})  # type: ignore[dict-item]
    assert not_a_date.value.code == "law.bad_date"
    with pytest.raises(atensi.AtensiError) as not_a_mapping:
        editions([("permensos-7-2021", D(2021, 8, 20))])  # type: ignore[arg-type]
    assert not_a_mapping.value.code == "law.bad_in_force_dates"
    with pytest.raises(atensi.AtensiError) as info:
        editions({"permensos-7-2021": D(2030, 1, 1)})
    assert info.value.code == "law.editions_out_of_order"


def test_a_datetime_is_not_a_date() -> None:
    with pytest.raises(atensi.AtensiError):
        instrument_in_force(dt.datetime(2022, 1, 1, tzinfo=dt.UTC))


@given(st.dates(min_value=D(2012, 3, 5), max_value=D(2100, 1, 1)))
def test_exactly_one_edition_applies_on_every_date(on: dt.date) -> None:
    applying = [e for e in editions() if e.applies_on(on)]
    assert len(applying) == 1
    assert instrument_in_force(on) == applying[0]


def test_editions_serialise() -> None:
    data = [json.loads(json.dumps(e.to_dict())) for e in editions()]
    assert [d["id"] for d in data] == list(EDITION_IDS)
    assert isinstance(editions()[0], Edition)
