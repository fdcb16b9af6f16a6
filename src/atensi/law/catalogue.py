"""The catalogue of legal instruments atensi cites, as data.

Each entry records what the team's domain reference (``shared/domain/REFERENCE.md`` and
``VERIFICATION.md``) established, with the evidence grade. Dates that were not read in the
instrument's own text are marked ``verified=False``; for the four ATENSI regulations no
promulgation date has been found, so their in-force dates are atensi's best estimates (each
``note`` gives the evidence), and :func:`atensi.law.instrument_in_force` lets callers replace them.
"""

from __future__ import annotations

import datetime as dt

from atensi.law._types import DateFact, Instrument, InstrumentKind
from atensi.vocab import Evidence

__all__ = ["CATALOGUE"]

_V = Evidence.VERIFIED
_S = Evidence.SECONDARY
_B = Evidence.BACKGROUND
_C = Evidence.CONVENTION
_D = dt.date


def _v(value: dt.date, note: str | None = None) -> DateFact:
    return DateFact(value, verified=True, evidence=_V, note=note)


def _u(value: dt.date, evidence: Evidence, note: str) -> DateFact:
    return DateFact(value, verified=False, evidence=evidence, note=note)


_K = InstrumentKind

CATALOGUE: tuple[Instrument, ...] = (
    Instrument(
        "uu-13-1998",
        _K.UU,
        "13",
        1998,
        "Kesejahteraan Lanjut Usia",
        "Welfare of the Elderly",
        signed=_v(_D(1998, 11, 30)),
        promulgated=_v(_D(1998, 11, 30)),
        in_force_from=_v(_D(1998, 11, 30), "in force on promulgation (Pasal 32)"),
        gazette="LN 1998 No. 190, TLN 3796",
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/1998/13 (REFERENCE R21)",),
    ),
    Instrument(
        "uu-21-2007",
        _K.UU,
        "21",
        2007,
        "Pemberantasan Tindak Pidana Perdagangan Orang",
        "Eradication of Human Trafficking",
        signed=_v(_D(2007, 4, 19)),
        promulgated=_v(_D(2007, 4, 19)),
        in_force_from=_v(_D(2007, 4, 19), "in force on promulgation (Pasal 67)"),
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2007/21.md (VERIFICATION §4.1)",),
    ),
    Instrument(
        "uu-23-2002",
        _K.UU,
        "23",
        2002,
        "Perlindungan Anak",
        "Child Protection",
        signed=_v(_D(2002, 10, 22)),
        promulgated=_v(_D(2002, 10, 22)),
        in_force_from=_v(_D(2002, 10, 22), "in force on promulgation (Pasal 93)"),
        gazette="LN 2002 No. 109, TLN 4235",
        evidence=_V,
        sources=(
            "mblonyox/data-peraturan uu/2002/23/fulltext.md",
            "gazette numbers as cited in the mengingat of UU 11/2012",
        ),
        note="a child is under 18 (Pasal 1 angka 1); ten kinds of child needing special "
        "protection (Pasal 1 angka 15, Pasal 59) until UU 35/2014 listed fifteen; the child's "
        "right to be heard (Pasal 10), parents' duties (Pasal 26), guardianship (Pasal 33-34)",
    ),
    Instrument(
        "uu-24-2007",
        _K.UU,
        "24",
        2007,
        "Penanggulangan Bencana",
        "Disaster Management",
        signed=_v(_D(2007, 4, 26)),
        promulgated=_v(_D(2007, 4, 26)),
        in_force_from=_v(_D(2007, 4, 26), "in force on promulgation (Pasal 85)"),
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2007/24/fulltext.md",),
        note="the emergency response begins with a rapid assessment (Pasal 48 huruf a, 49) and "
        "meets basic needs, psychosocial services included (Pasal 53)",
    ),
    Instrument(
        "uu-11-2009",
        _K.UU,
        "11",
        2009,
        "Kesejahteraan Sosial",
        "Social Welfare",
        signed=_v(_D(2009, 1, 16)),
        promulgated=_v(_D(2009, 1, 16)),
        in_force_from=_v(_D(2009, 1, 16)),
        gazette="LN 2009 No. 12, TLN 4967",
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2009/11.md (VERIFICATION §4.2)",),
        note="parent law of social rehabilitation, LKS and PPKS",
    ),
    Instrument(
        "uu-35-2009",
        _K.UU,
        "35",
        2009,
        "Narkotika",
        "Narcotics",
        signed=_v(_D(2009, 10, 12)),
        promulgated=_v(_D(2009, 10, 12)),
        in_force_from=_v(_D(2009, 10, 12)),
        gazette="LN 2009 No. 143",
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2009/35 (REFERENCE R22)",),
    ),
    Instrument(
        "pp-25-2011",
        _K.PP,
        "25",
        2011,
        "Pelaksanaan Wajib Lapor Pecandu Narkotika",
        "Compulsory reporting of narcotics addicts",
        evidence=_S,
        sources=("quoted in the menimbang of Perka BNN 11/2014 and Perkaba Bareskrim 1/2016",),
        note="Pasal 13: an addict in criminal proceedings may be placed in a rehabilitation "
        "institution by the investigator, prosecutor or judge; the PP's own text was not read "
        "and its dates were not found",
    ),
    Instrument(
        "pp-39-2012",
        _K.PP,
        "39",
        2012,
        "Penyelenggaraan Kesejahteraan Sosial",
        "Implementation of Social Welfare",
        signed=_v(_D(2012, 3, 5)),
        promulgated=_v(_D(2012, 3, 5)),
        in_force_from=_v(_D(2012, 3, 5), "in force on promulgation (Pasal 80)"),
        gazette="LN 2012 No. 68, TLN 5294",
        evidence=_V,
        sources=("mblonyox/data-peraturan pp/2012/39/fulltext.md (REFERENCE R16)",),
        note="social rehabilitation targets (Pasal 6), forms and stages (Pasal 7)",
    ),
    Instrument(
        "permensos-8-2012",
        _K.PERMENSOS,
        "8",
        2012,
        "Pedoman Pendataan dan Pengelolaan Data PMKS dan PSKS",
        "Guidelines on data collection for PMKS and PSKS",
        signed=_u(_D(2012, 5, 29), _S, "iariadi.web.id summary (research notes, question 5)"),
        promulgated=_u(_D(2012, 6, 7), _S, "iariadi.web.id summary (research notes, question 5)"),
        gazette="BN 2012 No. 567",
        evidence=_S,
        sources=(
            "REFERENCE R27, R28",
            "https://adoc.pub/berita-negara-republik-indonesia877e087568466850bf33434c21f2246399074.html",
        ),
        note="basis of the 26 PMKS/PPKS data categories; replaced Kepmensos 36/HUK/1999; the "
        "attachment with the criteria was read only as regional reproductions",
    ),
    Instrument(
        "permensos-19-2012",
        _K.PERMENSOS,
        "19",
        2012,
        "Pedoman Pelayanan Sosial Lanjut Usia",
        "Guidelines on social services for the elderly",
        gazette="BN 2012 No. 862",
        evidence=_S,
        sources=("https://123dok.com/document/qoge0vjz-berita-negara-republik-indonesia.html",),
        note="elderly services in and outside panti before PROGRES; dates not found",
    ),
    Instrument(
        "uu-11-2012",
        _K.UU,
        "11",
        2012,
        "Sistem Peradilan Pidana Anak",
        "Juvenile Criminal Justice",
        signed=_v(_D(2012, 7, 30)),
        promulgated=_v(_D(2012, 7, 30)),
        in_force_from=_v(_D(2014, 7, 30), "two years after promulgation (Pasal 108)"),
        gazette="LN 2012 No. 153, TLN 5332",
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2012/11/fulltext.md",),
        note="the three roles of a child in contact with the law (Pasal 1 angka 2-5)",
    ),
    Instrument(
        "uu-24-2013",
        _K.UU,
        "24",
        2013,
        "Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan",
        "Amendment of the Population Administration Act",
        signed=_u(_D(2013, 12, 24), _B, "background knowledge, not checked"),
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2013/24 (REFERENCE R23)",),
        note="NIK definition (Pasal 1 angka 12) and civil-registry personal data (Pasal 58)",
    ),
    Instrument(
        "uu-35-2014",
        _K.UU,
        "35",
        2014,
        "Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak",
        "Amendment of the Child Protection Act",
        signed=_v(_D(2014, 10, 17)),
        promulgated=_v(_D(2014, 10, 17)),
        in_force_from=_v(_D(2014, 10, 17), "in force on promulgation (Pasal II)"),
        amends=("uu-23-2002",),
        gazette="LN 2014 No. 297, TLN 5606",
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2014/35/fulltext.md (REFERENCE R19)",),
        note="a child is under 18 (Pasal 1 angka 1); 15 AMPK categories (Pasal 59 ayat (2)), "
        "six of them new",
    ),
    Instrument(
        "uu-8-2016",
        _K.UU,
        "8",
        2016,
        "Penyandang Disabilitas",
        "Persons with Disabilities",
        signed=_v(_D(2016, 4, 15)),
        promulgated=_v(_D(2016, 4, 15)),
        in_force_from=_v(_D(2016, 4, 15), "in force on promulgation (Pasal 153)"),
        gazette="LN 2016 No. 69, TLN 5871",
        evidence=_V,
        sources=("mblonyox/data-peraturan uu/2016/8 (REFERENCE R20)",),
    ),
    Instrument(
        "permensos-18-2018",
        _K.PERMENSOS,
        "18",
        2018,
        "Organisasi dan Tata Kerja Unit Pelaksana Teknis Rehabilitasi Sosial Penyandang "
        "Disabilitas",
        "Organisation of the disability rehabilitation technical units",
        evidence=_S,
        sources=("VERIFICATION §3.1",),
        note="one of Permensos 16-20/2018, which turned panti into balai and loka",
    ),
    Instrument(
        "permensos-16-2019",
        _K.PERMENSOS,
        "16",
        2019,
        "Standar Nasional Rehabilitasi Sosial",
        "National Standards of Social Rehabilitation",
        signed=_u(_D(2019, 10, 15), _S, "secondary summary (REFERENCE R31)"),
        promulgated=_u(_D(2019, 10, 24), _S, "secondary summary (REFERENCE R31)"),
        in_force_from=_u(
            _D(2019, 10, 24),
            _C,
            "ministerial regulations apply from promulgation; the promulgation date is from a "
            "secondary summary",
        ),
        gazette="BN 2019 No. 1306",
        evidence=_S,
        sources=(
            "REFERENCE R31",
            "https://id.scribd.com/document/446693064/permensos-16-th-2019 (the regulation's "
            "first pages: menimbang and mengingat)",
            "https://www.jogloabang.com/sosial/permensos-16-2019-standar-nasional-rehabilitasi-"
            "sosial (Pasal 3; signed 15 October 2019 by Mensos Agus Gumiwang Kartasasmita)",
        ),
        note="the national standard of basic and advanced social rehabilitation, made to "
        "implement UU 23/2014 Pasal 16 ayat (1)-(2) (menimbang, read in a copy): not the "
        "PROGRES 5.0 NP platform, which no regulation establishes. atensi dates the PROGRES "
        "baseline edition from its promulgation by convention",
    ),
    Instrument(
        "pp-52-2019",
        _K.PP,
        "52",
        2019,
        "Penyelenggaraan Kesejahteraan Sosial bagi Penyandang Disabilitas",
        "Social welfare for persons with disabilities",
        evidence=_S,
        sources=("REFERENCE R26",),
    ),
    Instrument(
        "pmk-81-pmk.05-2012",
        _K.PMK,
        "81/PMK.05",
        2012,
        "Belanja Bantuan Sosial pada Kementerian Negara/Lembaga",
        "Social-assistance (bansos) spending by ministries and agencies",
        signed=_u(_D(2012, 6, 1), _S, "BPK regulations database"),
        promulgated=_u(_D(2012, 6, 1), _S, "BPK regulations database"),
        in_force_from=_u(
            _D(2012, 6, 1),
            _S,
            "the promulgation date as the BPK database gives it; in force on promulgation "
            "assumed (the usual closing clause; not read)",
        ),
        gazette="BN 2012 No. 563",
        evidence=_S,
        sources=("http://peraturan.bpk.go.id/Details/147320/pmk-no-81pmk052012",),
        note="the bansos channel before PMK 254/PMK.05/2015, which repealed it (BPK database: "
        "'Dicabut dengan: PMK No. 254/PMK.05/2015'); research notes, question 6",
    ),
    Instrument(
        "pmk-254-pmk.05-2015",
        _K.PMK,
        "254/PMK.05",
        2015,
        "Belanja Bantuan Sosial pada Kementerian Negara/Lembaga",
        "Social-assistance (bansos) spending by ministries and agencies",
        replaces=("pmk-81-pmk.05-2012",),
        gazette="BN 2015 No. 2047",
        evidence=_S,
        sources=(
            "http://docplayer.info/31020660-menterikeuangan-republik-jndonesia-salin-an.html",
        ),
        note="the bansos funding channel; replaced PMK 81/PMK.05/2012; amended by PMK "
        "228/PMK.05/2016; dates not found",
    ),
    Instrument(
        "pmk-168-pmk.05-2015",
        _K.PMK,
        "168/PMK.05",
        2015,
        "Mekanisme Pelaksanaan Anggaran Bantuan Pemerintah pada Kementerian Negara/Lembaga",
        "Budget mechanism for government assistance (bantuan pemerintah) by ministries",
        gazette="BN 2015 No. 1340",
        evidence=_S,
        sources=("https://docplayer.info/29599756-menteri-keuangan-republik-indonesia.html",),
        note="the bantuan pemerintah channel (assistance that is not bansos); amended by PMK "
        "173/PMK.05/2016 and PMK 132/PMK.05/2021; dates not found",
    ),
    Instrument(
        "pmk-228-pmk.05-2016",
        _K.PMK,
        "228/PMK.05",
        2016,
        "Perubahan atas PMK 254/PMK.05/2015 tentang Belanja Bantuan Sosial pada K/L",
        "Amendment of PMK 254/PMK.05/2015 on bansos spending",
        amends=("pmk-254-pmk.05-2015",),
        evidence=_S,
        sources=(
            "http://docplayer.info/31020660-menterikeuangan-republik-jndonesia-salin-an.html",
        ),
        note="dates not found",
    ),
    Instrument(
        "pmk-173-pmk.05-2016",
        _K.PMK,
        "173/PMK.05",
        2016,
        "Perubahan atas PMK 168/PMK.05/2015 tentang Mekanisme Pelaksanaan Anggaran Bantuan "
        "Pemerintah pada K/L",
        "Amendment of PMK 168/PMK.05/2015 on bantuan pemerintah",
        amends=("pmk-168-pmk.05-2015",),
        gazette="BN 2016 No. 1745",
        evidence=_S,
        sources=("Permensos 11/2020, mengingat (research notes, question 6)",),
        note="dates not found",
    ),
    Instrument(
        "permensos-1-2019",
        _K.PERMENSOS,
        "1",
        2019,
        "Penyaluran Belanja Bantuan Sosial di Lingkungan Kementerian Sosial",
        "Disbursement of social-assistance spending in the Ministry of Social Affairs",
        evidence=_S,
        sources=("https://id.scribd.com/document/537328377/Permensos-Nomor-1-Tahun-2019",),
        note="implements PMK 254/PMK.05/2015 Pasal 40 (menimbang read in a partial copy); the "
        "bansos channel of ATENSI aid; dates not found",
    ),
    Instrument(
        "permensos-5-2019",
        _K.PERMENSOS,
        "5",
        2019,
        "Pengelolaan Data Terpadu Kesejahteraan Sosial",
        "Management of the DTKS",
        signed=_u(_D(2019, 6, 22), _S, "iariadi.web.id summary"),
        promulgated=_u(_D(2019, 7, 2), _S, "iariadi.web.id summary"),
        in_force_from=_u(
            _D(2019, 7, 2),
            _C,
            "ministerial regulations apply from promulgation; the date is from a secondary summary",
        ),
        gazette="BN 2019 No. 732",
        evidence=_S,
        sources=(
            "http://iariadi.web.id/pengelolaan-data-terpadu-kesejahteraan-sosial/",
            "https://anyflip.com/fmyqn/wftj/basic (the regulation's first pages)",
        ),
        note="the DTKS regulation before Permensos 3/2021, amended by Permensos 11/2019; "
        "Permensos 3/2021 replaced both (its menimbang huruf b, read in a copy)",
    ),
    Instrument(
        "permensos-11-2020",
        _K.PERMENSOS,
        "11",
        2020,
        "Mekanisme Pelaksanaan Anggaran Bantuan Pemerintah di Lingkungan Kementerian Sosial",
        "Budget mechanism for government assistance (bantuan pemerintah) in the Ministry",
        evidence=_S,
        sources=(
            "https://123dok.com/document/yj8ln6kq-rahmat-tuhan-maha-esa-menteri-sosial-republik-"
            "indonesia.html",
        ),
        note="implements PMK 168/PMK.05/2015 Pasal 6 ayat (1) (title, menimbang and mengingat "
        "read in a partial copy); the bantuan pemerintah channel the programme names, e.g. "
        "aid to LKS; dates and gazette number not found",
    ),
    Instrument(
        "permensos-16-2020",
        _K.PERMENSOS,
        "16",
        2020,
        "Asistensi Rehabilitasi Sosial",
        "Social Rehabilitation Assistance (ATENSI)",
        signed=_u(_D(2020, 12, 4), _S, "jogloabang summary (REFERENCE R8)"),
        in_force_from=_u(
            _D(2020, 12, 4),
            _C,
            "promulgation date not found; atensi takes the signing date (the earliest possible "
            "day; ministerial regulations apply from promulgation)",
        ),
        gazette="BN 2020 (number not found)",
        evidence=_S,
        sources=("https://www.jogloabang.com/sosial/permensos-16-2020-atensi",),
        note="the first ATENSI regulation; replaced by Permensos 7/2021",
    ),
    Instrument(
        "permensos-3-2021",
        _K.PERMENSOS,
        "3",
        2021,
        "Pengelolaan Data Terpadu Kesejahteraan Sosial",
        "Management of the DTKS",
        signed=_u(_D(2021, 5, 27), _S, "secondary summary (REFERENCE R32)"),
        replaces=("permensos-5-2019",),
        evidence=_S,
        sources=(
            "REFERENCE R32",
            "https://id.scribd.com/document/555977948/Permensos-Nomor-3-Tahun-2021-Copy "
            "(menimbang huruf b: replaces Permensos 28/2017 and 5/2019 as amended by 11/2019)",
        ),
    ),
    Instrument(
        "permensos-7-2021",
        _K.PERMENSOS,
        "7",
        2021,
        "Asistensi Rehabilitasi Sosial",
        "Social Rehabilitation Assistance (ATENSI)",
        in_force_from=_u(
            _D(2021, 9, 1),
            _C,
            "promulgation date not found. On 1 May 2021 Kemensos still cited 16/2020; a summary "
            "was published in September 2021; a balai applied 7/2021 by 4 Oct 2021. atensi takes "
            "1 Sep 2021, the start of the first month with positive evidence",
        ),
        replaces=("permensos-16-2020",),
        gazette="BN 2021 No. 1007",
        evidence=_V,
        sources=(
            "https://id.scribd.com/document/613517578/Permensos-Nomor-7-Tahun-2021",
            "https://www.pasal.id/6183-asistensi-rehabilitasi-sosial-nomor-7-tahun-2021",
        ),
        note="replaces 16/2020 (preamble, 'Pencabutan'); adds disaster victims and PPKS lainnya",
    ),
    Instrument(
        "permensos-1-2022",
        _K.PERMENSOS,
        "1",
        2022,
        "Organisasi dan Tata Kerja Kementerian Sosial",
        "Organisation of the Ministry of Social Affairs",
        gazette="BN 2022 No. 140",
        evidence=_V,
        sources=("REFERENCE R49",),
    ),
    Instrument(
        "permensos-7-2022",
        _K.PERMENSOS,
        "7",
        2022,
        "Perubahan atas Peraturan Menteri Sosial Nomor 7 Tahun 2021 tentang Asistensi "
        "Rehabilitasi Sosial",
        "Amendment of Permensos 7/2021 on ATENSI",
        in_force_from=_u(
            _D(2022, 7, 1),
            _C,
            "no date found at all; atensi takes 1 Jul 2022 (mid-year) as a placeholder. The "
            "amendment restates definitions (Sentra Kreasi ATENSI, Posyandu Lansia) and no atensi "
            "eligibility rule depends on it",
        ),
        amends=("permensos-7-2021",),
        evidence=_V,
        sources=("https://pasal.id/en/peraturan/permen/permensos-no-7-tahun-2022/koreksi/9724008",),
        note="Pasal 1 restated; angka 6 deleted; Sentra Kreasi ATENSI and Posyandu Lansia defined",
    ),
    Instrument(
        "pmk-132-pmk.05-2021",
        _K.PMK,
        "132/PMK.05",
        2021,
        "Perubahan Kedua atas PMK 168/PMK.05/2015 tentang Mekanisme Pelaksanaan Anggaran "
        "Bantuan Pemerintah pada K/L",
        "Second amendment of PMK 168/PMK.05/2015 on bantuan pemerintah",
        amends=("pmk-168-pmk.05-2015",),
        evidence=_S,
        sources=(
            "https://123dok.com/document/qo50d637-menter-keuangan-republik-indonesia-salinan.html",
        ),
        note="title and menimbang read in a partial copy; dates not found",
    ),
    Instrument(
        "uu-27-2022",
        _K.UU,
        "27",
        2022,
        "Pelindungan Data Pribadi",
        "Personal Data Protection",
        promulgated=_u(_D(2022, 10, 17), _S, "as stated in the project's issue text"),
        in_force_from=_u(_D(2022, 10, 17), _S, "full compliance required from 17 Oct 2024"),
        evidence=_S,
        note="specific personal data: Pasal 4 ayat (2)",
    ),
    Instrument(
        "inpres-4-2025",
        _K.INPRES,
        "4",
        2025,
        "Data Tunggal Sosial dan Ekonomi Nasional",
        "Single National Social and Economic Data",
        signed=_u(_D(2025, 2, 5), _S, "news coverage (REFERENCE R66)"),
        evidence=_S,
        sources=("REFERENCE R66",),
        note="DTSEN welfare deciles 1-10",
    ),
    Instrument(
        "permensos-3-2025",
        _K.PERMENSOS,
        "3",
        2025,
        "Usulan dan Verifikasi DTSEN",
        "Proposal and verification of DTSEN records",
        evidence=_S,
        sources=("REFERENCE R66",),
    ),
    Instrument(
        "kepmensos-103-huk-2025",
        _K.KEPMENSOS,
        "103/HUK",
        2025,
        "Pemerlu Atensi Sosial",
        "The twelve groups in need of social attention (12-PAS)",
        evidence=_S,
        sources=("REFERENCE R65", "VERIFICATION §2.1"),
        note="replaces the 26 PPKS types for targeting from 2025; names from news",
    ),
    Instrument(
        "permensos-15-2025",
        _K.PERMENSOS,
        "15",
        2025,
        "Asistensi Rehabilitasi Sosial",
        "Social Rehabilitation Assistance",
        in_force_from=_u(
            _D(2025, 10, 1),
            _C,
            "no date found; it exists on pasal.id and the BPK database lists 7/2021 as revoked by "
            "it (secondary). atensi takes 1 Oct 2025 as a placeholder within 2025",
        ),
        replaces=("permensos-7-2021", "permensos-7-2022"),
        evidence=_V,
        sources=(
            "https://pasal.id/peraturan/permen/permensos-no-15-tahun-2025",
            "https://peraturan.bpk.go.id/Details/217211/permensos-no-7-tahun-2021",
        ),
        note="Pasal 1, 4 and 34 verified; the repeal article itself was not read",
    ),
    # Kemendagri region-code decrees (dates from the compiler's README, secondary).
    Instrument(
        "permendagri-56-2015",
        _K.PERMENDAGRI,
        "56",
        2015,
        "Kode dan Data Wilayah Administrasi Pemerintahan",
        "Codes of administrative regions",
        signed=_u(_D(2015, 6, 29), _S, "cahyadsn/wilayah README"),
        evidence=_S,
    ),
    Instrument(
        "permendagri-137-2017",
        _K.PERMENDAGRI,
        "137",
        2017,
        "Kode dan Data Wilayah Administrasi Pemerintahan",
        "Codes of administrative regions",
        signed=_u(_D(2017, 12, 27), _S, "cahyadsn/wilayah README"),
        evidence=_S,
    ),
    Instrument(
        "permendagri-72-2019",
        _K.PERMENDAGRI,
        "72",
        2019,
        "Kode dan Data Wilayah Administrasi Pemerintahan",
        "Codes of administrative regions",
        signed=_u(_D(2019, 10, 8), _S, "cahyadsn/wilayah README"),
        evidence=_S,
        note="revised by Kepmendagri 146.1-4717/2020",
    ),
    Instrument(
        "permendagri-58-2021",
        _K.PERMENDAGRI,
        "58",
        2021,
        "Kode dan Data Wilayah Administrasi Pemerintahan",
        "Codes of administrative regions",
        signed=_u(_D(2021, 12, 13), _S, "cahyadsn/wilayah README"),
        evidence=_S,
        note="revised by Kepmendagri 050-145/2022",
    ),
    Instrument(
        "kepmendagri-100.1.1-6117-2022",
        _K.KEPMENDAGRI,
        "100.1.1-6117",
        2022,
        "Pemberian dan Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan dan Pulau",
        "Codes of administrative regions and islands",
        signed=_u(_D(2022, 11, 9), _S, "cahyadsn/wilayah README"),
        evidence=_S,
    ),
    Instrument(
        "kepmendagri-300.2.2-2138-2025",
        _K.KEPMENDAGRI,
        "300.2.2-2138",
        2025,
        "Pemberian dan Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan dan Pulau",
        "Codes of administrative regions and islands",
        signed=_u(_D(2025, 4, 25), _S, "cahyadsn/wilayah README"),
        evidence=_S,
    ),
)
