"""Reading files and cells, ``naervaer.egendata.lesing``: encodings, delimiters, dates, numbers."""

from __future__ import annotations

import codecs
import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from naervaer.egendata.lesing import (
    Fil,
    Ugyldig,
    dekod,
    finn_skilletegn,
    les_fil,
    tolk_dato,
    tolk_tall,
    tolk_tekst,
)
from naervaer.egendata.oppsett import kjente_overskrifter
from tests.egendata.hjelp import fil

KJENTE = kjente_overskrifter()
NAVN = "ansattnummer;navn\r\n1001;Bjørn Ærø\r\n"


def test_it_reads_windows_1252() -> None:
    tekst, koding = dekod(NAVN.encode("cp1252"))

    assert koding == "Windows-1252"
    assert "Bjørn Ærø" in tekst


def test_it_reads_utf8_with_and_without_bom() -> None:
    assert dekod(NAVN.encode("utf-8")) == (NAVN, "UTF-8")
    assert dekod(codecs.BOM_UTF8 + NAVN.encode("utf-8")) == (NAVN, "UTF-8 med BOM")


def test_it_reads_excels_unicode_text() -> None:
    assert dekod(NAVN.encode("utf-16")) == (NAVN, "UTF-16")


def test_it_reads_the_payroll_sample_in_windows_1252() -> None:
    (ark,), feil = les_fil(fil("lonn/ansatte_og_stillinger.csv"), KJENTE)

    assert feil == []
    assert (ark.koding, ark.skilletegn) == ("Windows-1252", ";")
    assert ark.rader[1][1:3] == ["Ærø", "Bjørn"]


def test_it_names_the_row_of_a_broken_utf8_file() -> None:
    innhold = codecs.BOM_UTF8 + b"ansattnummer;navn\n1001;Kari\n1002;\xc3(\n"
    arkene, (feil,) = les_fil(Fil("ansatte.csv", innhold), KJENTE)

    assert arkene == []
    assert (feil.rad, feil.melding) == (
        3,
        "filen sier at den er UTF-8, men har tegn som ikke er det",
    )


@pytest.mark.parametrize("skilletegn", [";", ",", "\t"])
def test_it_finds_the_delimiter_from_the_header(skilletegn: str) -> None:
    tekst = skilletegn.join(["ansattnummer", "fra_dato", "til_dato", "type", "grad"]) + "\n"
    tekst += skilletegn.join(["1001", "2025-01-06", "2025-01-08", "egenmelding", "100"]) + "\n"

    assert finn_skilletegn(tekst, KJENTE) == skilletegn


def test_it_finds_the_delimiter_below_title_lines_and_beside_decimal_commas() -> None:
    tekst = (
        "Fraværsliste, Furuly sykehjem, 2025\n"
        "\n"
        "Ansattnr;Fraværstype;Fra dato;Til dato;Sykmeldingsgrad %\n"
        "1001;Sykmelding;03.02.2025;28.02.2025;50,5\n"
    )

    assert finn_skilletegn(tekst, KJENTE) == ";"


def test_it_falls_back_to_the_most_frequent_delimiter() -> None:
    assert finn_skilletegn("a,b,c\n1,2,3\n", KJENTE) == ","
    assert finn_skilletegn("a;b;c\n1;2;3\n", KJENTE) == ";"


def test_it_keeps_row_numbers_across_blank_lines() -> None:
    innhold = b"ansattnummer;navn\n\n1001;Kari\n"
    (ark,), _ = les_fil(Fil("ansatte.csv", innhold), KJENTE)

    assert ark.rader[2] == ["1001", "Kari"]


def test_it_stops_at_an_unterminated_quote_and_keeps_the_rows_before() -> None:
    innhold = b'ansattnummer;navn\n1001;"Kari"\n1002;"Ola\n'
    (ark,), _ = les_fil(Fil("ansatte.csv", innhold), KJENTE)

    assert ark.rader == [["ansattnummer", "navn"], ["1001", "Kari"]]
    assert ark.brudd is not None
    assert (ark.brudd.rad, ark.brudd.melding) == (
        3,
        "et felt i anførselstegn avsluttes aldri (er filen avkortet?)",
    )


def test_it_reads_each_sheet_of_a_workbook_with_typed_cells() -> None:
    arkene, feil = les_fil(fil("hr/hr_eksport.xlsx"), KJENTE)

    assert feil == []
    assert [a.kilde for a in arkene] == [
        "hr_eksport.xlsx, ark «Info»",
        "hr_eksport.xlsx, ark «Employees»",
        "hr_eksport.xlsx, ark «Employments»",
        "hr_eksport.xlsx, ark «Absences»",
    ]
    fravaer = arkene[3]
    assert fravaer.rader[1][:3] == (1001, datetime(2025, 1, 6), datetime(2025, 1, 8))
    # «FTE %» is formatted as percent: the cell holds 1.0 for 100 %.
    assert arkene[2].prosentkolonner == frozenset({5})


def test_it_reads_text_dates_in_a_workbook() -> None:
    arkene, _ = les_fil(fil("hr/hr_eksport_tekstdatoer.xlsx"), KJENTE)

    assert arkene[3].rader[1][:3] == (1001, "06.01.2025", "08.01.2025")
    assert arkene[2].prosentkolonner == frozenset()


def test_it_numbers_workbook_rows_from_the_top_of_the_sheet() -> None:
    bok = openpyxl.Workbook()
    ark = bok.active
    assert ark is not None
    ark["B3"] = "ansattnummer"
    ark["B4"] = 1001
    innhold = io.BytesIO()
    bok.save(innhold)

    (lest,), _ = les_fil(Fil("ansatte.xlsx", innhold.getvalue()), KJENTE)

    assert lest.rader[2][1] == "ansattnummer"
    assert lest.rader[3][1] == 1001


@pytest.mark.parametrize(
    ("celle", "dag"),
    [
        ("06.01.2025", date(2025, 1, 6)),
        ("6.1.2025", date(2025, 1, 6)),
        (" 2025-01-06 ", date(2025, 1, 6)),
        ("2025-01-06 00:00:00", date(2025, 1, 6)),
        ("2025-01-06T00:00", date(2025, 1, 6)),
        (datetime(2025, 1, 6), date(2025, 1, 6)),
        (date(2025, 1, 6), date(2025, 1, 6)),
        ("", None),
        (None, None),
    ],
)
def test_it_reads_dates(celle: object, dag: date | None) -> None:
    assert tolk_dato(celle) == dag


@pytest.mark.parametrize(
    ("celle", "melding"),
    [
        ("31.02.2025", "datoen finnes ikke"),
        ("2025-13-01", "datoen finnes ikke"),
        ("6.1.25", "året må ha fire sifre (f.eks. 31.01.2025)"),
        (
            "01/06/2025",
            "er ikke en dato; skriv datoen som dd.mm.åååå (f.eks. 31.01.2025) eller åååå-mm-dd",
        ),
        (
            "2025-01-06 08:30",
            "er ikke en dato; skriv datoen som dd.mm.åååå (f.eks. 31.01.2025) eller åååå-mm-dd",
        ),
        (datetime(2025, 1, 6, 8, 30), "cellen har et klokkeslett; den skal bare ha en dato"),
        (45663, "cellen er et tall, ikke en dato; formater kolonnen som dato i Excel"),
    ],
)
def test_it_explains_a_date_it_cannot_read(celle: object, melding: str) -> None:
    with pytest.raises(Ugyldig) as feil:
        tolk_dato(celle)

    assert str(feil.value) == melding


@pytest.mark.parametrize(
    ("celle", "tall"),
    [
        ("50,5", Decimal("50.5")),
        ("50.5", Decimal("50.5")),
        ("80 %", Decimal("80")),
        ("100%", Decimal("100")),
        ("\u00a037,50 ", Decimal("37.50")),
        (60, Decimal(60)),
        (37.5, Decimal("37.5")),
        ("", None),
        (None, None),
    ],
)
def test_it_reads_numbers(celle: object, tall: Decimal | None) -> None:
    assert tolk_tall(celle) == tall


def test_it_reads_a_percent_formatted_cell_as_percent() -> None:
    # 0.505 is not exact in binary; the shortest decimal that reads back is.
    assert tolk_tall(0.505, prosent_av_en=True) == Decimal("50.5")


@pytest.mark.parametrize(
    ("celle", "melding"),
    [
        ("hel", "er ikke et tall"),
        ("1.000,5", "er ikke et tall (bruk bare desimalkomma, ingen tusenskille)"),
        ("5-0", "er ikke et tall"),
        (True, "er ikke et tall"),
        (float("nan"), "er ikke et tall"),
    ],
)
def test_it_explains_a_number_it_cannot_read(celle: object, melding: str) -> None:
    with pytest.raises(Ugyldig) as feil:
        tolk_tall(celle)

    assert str(feil.value) == melding


@pytest.mark.parametrize(
    ("celle", "tekst"),
    [(" 1001 ", "1001"), (1001, "1001"), (1001.0, "1001"), ("  ", None), (None, None)],
)
def test_it_reads_text_as_stored(celle: object, tekst: str | None) -> None:
    assert tolk_tekst(celle) == tekst
