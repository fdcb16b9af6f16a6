"""NIK: real-shaped cases, every failure an InvalidNik, masking, round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atensi import nik
from atensi.vocab import Sex

D = dt.date
ON = D(2026, 11, 22)


def make(region: str, birth: dt.date, sex: Sex, serial: str = "0001") -> str:
    day = birth.day + (40 if sex is Sex.FEMALE else 0)
    return f"{region}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial}"


def test_a_woman_born_1_march_1990_in_jakarta_pusat() -> None:
    value = make("317101", D(1990, 3, 1), Sex.FEMALE)
    parsed = nik.parse(value, on=ON)
    assert parsed.birth_date == D(1990, 3, 1)
    assert parsed.sex is Sex.FEMALE
    assert (parsed.province, parsed.regency, parsed.district) == ("31", "3171", "317101")
    assert parsed.warnings == ()


def test_a_man_born_2005_in_kalimantan_utara() -> None:
    parsed = nik.parse(make("650101", D(2005, 5, 15), Sex.MALE), on=ON)
    assert parsed.birth_date == D(2005, 5, 15)
    assert parsed.sex is Sex.MALE
    assert parsed.province == "65"


def test_a_child_born_2020_in_papua_selatan() -> None:
    parsed = nik.parse(make("930101", D(2020, 8, 17), Sex.FEMALE), on=ON)
    assert parsed.birth_date == D(2020, 8, 17)
    assert parsed.warnings == ()


def test_a_regency_retired_in_2022_is_accepted() -> None:
    value = make("910101", D(1985, 1, 1), Sex.MALE)  # Merauke, now Papua Selatan
    assert nik.validate(value, strict=True) == value
    assert nik.parse(value, on=ON).warnings == ()


def test_an_unknown_region_is_a_warning_unless_strict() -> None:
    value = make("319901", D(1985, 1, 1), Sex.MALE)
    assert nik.parse(value, on=ON).warnings == ("nik.unknown_regency",)
    with pytest.raises(nik.InvalidRegion):
        nik.validate(value, strict=True)


def test_the_century_is_the_latest_one_not_after_on() -> None:
    value = make("317101", D(2005, 5, 15), Sex.MALE)
    assert nik.parse(value, on=D(2026, 1, 1)).birth_date == D(2005, 5, 15)
    assert nik.parse(value, on=D(2004, 1, 1)).birth_date == D(1905, 5, 15)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("3171013102900001", nik.InvalidDate),  # 31 February
        ("3171017203900001", nik.InvalidDate),  # day 72: a woman's 32nd
        ("3171012902010001", nik.InvalidDate),  # 29 February 2001 / 1901
        ("3171011513900001", nik.InvalidDate),  # month 13
        ("3171010003900001", nik.InvalidDate),  # day 00
        ("3171014103900000", nik.InvalidSerial),
        ("317101410390000", nik.InvalidLength),
        ("31710141039000012", nik.InvalidLength),
        ("31710141O3900001", nik.InvalidFormat),
        ("３１７１０１４１０３９０００01", nik.InvalidFormat),  # full-width digits
        ("", nik.InvalidLength),
    ],
)
def test_bad_niks(value: str, error: type[nik.InvalidNik]) -> None:
    with pytest.raises(error) as info:
        nik.validate(value)
    assert info.value.code.startswith("nik.")
    assert info.value.value == value
    if len(value) == 16 and value.isascii():
        assert value not in str(info.value)
        assert value not in info.value.message_id
    assert not nik.is_valid(value)


def test_29_february_in_a_leap_year() -> None:
    value = make("317101", D(2000, 2, 29), Sex.MALE)
    assert nik.parse(value, on=ON).birth_date == D(2000, 2, 29)


@given(
    st.one_of(st.text(max_size=24), st.none(), st.integers(), st.binary(max_size=20), st.floats())
)
def test_validate_returns_or_raises_invalid_nik(value: object) -> None:
    if nik.is_valid(value):
        result = nik.validate(value)
        assert len(result) == 16
        assert result.isdigit()
    else:
        with pytest.raises(nik.InvalidNik) as info:
            nik.validate(value)
        assert info.value.code.startswith("nik.")


@st.composite
def valid_niks(draw: st.DrawFn) -> tuple[str, dt.date, Sex]:
    from atensi import regions

    district = draw(st.sampled_from([r.code for r in regions._load().values() if r.level == 3]))
    birth = draw(st.dates(min_value=D(1927, 1, 1), max_value=D(2026, 11, 22)))
    sex = draw(st.sampled_from(Sex))
    serial = draw(st.integers(1, 9999))
    return make(district, birth, sex, f"{serial:04d}"), birth, sex


@given(valid_niks())
def test_generated_valid_niks_validate_parse_and_round_trip(case: tuple[str, dt.date, Sex]) -> None:
    value, birth, sex = case
    assert nik.validate(value, strict=True) == value
    parsed = nik.parse(nik.format(value), on=ON)
    assert parsed.value == value
    assert parsed.birth_date == birth
    assert parsed.sex is sex
    assert nik.check_consistency(value, on=ON, birth_date=birth, sex=sex) == ()
    assert value not in repr(parsed)
    assert value not in str(parsed)


def test_consistency_findings() -> None:
    value = make("317101", D(1990, 3, 1), Sex.FEMALE)
    found = nik.check_consistency(
        value, on=ON, birth_date=D(1990, 3, 2), sex=Sex.MALE, region="3273"
    )
    assert [(f.code, f.severity) for f in found] == [
        ("nik.birth_date_mismatch", "error"),
        ("nik.sex_mismatch", "error"),
        ("nik.region_differs", "warning"),
    ]
    assert nik.check_consistency(value, on=ON, region="31.71.01") == ()


def test_no_nik_is_an_explicit_value() -> None:
    missing = nik.NoNik(nik.NoNikReason.NOT_REGISTERED)
    assert missing.reason.value == "belum_terdaftar"
    from atensi import InvalidRecord, structure
    from atensi.model import Person

    with pytest.raises(InvalidRecord) as info:
        structure({"id": "P", "nik": "", "name": "A"}, Person)
    assert info.value.errors[0].code == "nik.invalid_length"


def test_the_day_months_of_every_year_are_those_validate_accepts_in_every_year() -> None:
    # The leap cycle of two-digit years is 4: 00-03 try every case of 29 February.
    every_year = {
        f"{number:04d}"
        for number in range(10000)
        if all(nik.is_valid(f"317101{number:04d}{year}0001") for year in ("00", "01", "02", "03"))
    }
    assert every_year == nik.DAY_MONTHS_OF_EVERY_YEAR
    assert "2902" not in every_year
    assert "6902" not in every_year
    assert len(every_year) == 2 * 365


@pytest.mark.parametrize(
    "written",
    ["3171 0141 0390 0001", "31.71.01-410390-0001", "31 71 01 41 03 90 0001", "3171014103900001"],
)
def test_a_nik_may_be_written_in_groups(written: str) -> None:
    assert nik.validate(written) == "3171014103900001"


@pytest.mark.parametrize(
    "written",
    [
        "-" * 1_000_000 + "3171014103900001",  # a million dashes in front
        "-3171014103900001",
        " 3171014103900001 ",
        "3171014103900001 ",
        "3171  0141 0390 0001",  # two in a row
        "3.1.7.1.0.1.4.1.0.3.9.0.0.0.0.1",  # more than six
        "3171-0141-0390-0001" + "-" * 10,
    ],
    ids=lambda text: repr(text[:24]),
)
def test_separators_are_bounded_to_a_few_between_digit_groups(written: str) -> None:
    from atensi import InvalidRecord, structure
    from atensi.model import Person

    with pytest.raises(nik.InvalidFormat):
        nik.validate(written)
    assert not nik.is_written(written)
    with pytest.raises(InvalidRecord) as info:
        structure({"id": "P", "name": "A", "nik": written}, Person)
    assert [e.code for e in info.value.errors] == ["nik.invalid_format"]


@given(st.lists(st.sampled_from(" .-"), max_size=12), st.lists(st.integers(1, 15), max_size=12))
def test_is_written_is_digits_and_at_most_six_single_separators(
    separators: list[str], cuts: list[int]
) -> None:
    text = "3171014103900001"
    positions = sorted(set(cuts))[: len(separators)]
    for sep, at in sorted(zip(separators, positions, strict=False), key=lambda p: -p[1]):
        text = text[:at] + sep + text[at:]
    expected = len(positions[: len(separators)]) <= nik.MAX_SEPARATORS
    assert nik.is_written(text) is expected
    assert nik.is_valid(text) is expected
