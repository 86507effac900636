"""Checking an import, ``naervaer.egendata.kontroll``: all or nothing, every error named.

The three sample layouts in ``filer/`` hold the same eight employees of a nursing home, their nine
positions and thirteen absence periods; ``FORVENTET_*`` below is that content written out by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from naervaer.egendata.feil import MAKS_FEIL_VIST, Feil, Importfeil, Kilde
from naervaer.egendata.kolonner import Tabell
from naervaer.egendata.kontroll import Innlesing, les_inn
from naervaer.egendata.lesing import Fil
from naervaer.egendata.oppsett import OPPSETT, eget_oppsett
from naervaer.egendata.rader import Ansatt, Arbeidsforhold, Fravaer
from naervaer.oppfolging.tilfelle import Fravaerstype
from tests.egendata.hjelp import feil_fra, feil_i, les, les_tekst

EGEN, SYK = Fravaerstype.EGENMELDING, Fravaerstype.SYKMELDING
HVOR = Kilde("forventet", 0)  # where a row came from takes no part in equality
FURULY, GRANLY = "Furuly bo- og behandling", "Granly skjermet enhet"
KJOKKEN, ADMINISTRASJON = "Kjøkken og vaskeri", "Administrasjon"

FORVENTET_ANSATTE = tuple(
    Ansatt(nummer, navn, HVOR)
    for nummer, navn in [
        ("1001", "Bjørn Ærø"),
        ("1002", "Åse Lindqvist"),
        ("1003", "Sigrid Haugen"),
        ("1004", "Ole-Petter Bakke"),
        ("1005", "Fatima Rahimi"),
        ("1006", "Jon Øverli"),
        ("1007", "Marte Solheim"),
        ("1008", "Trond Nilsen"),
    ]
)
FORVENTET_ARBEIDSFORHOLD = tuple(
    Arbeidsforhold(nummer, avdeling, navn, fra, til, Decimal(prosent), HVOR)
    for nummer, avdeling, navn, fra, til, prosent in [
        ("1001", "210", FURULY, date(2019, 3, 1), None, "100"),
        ("1002", "210", FURULY, date(2021, 8, 15), None, "80"),
        ("1003", "220", GRANLY, date(2020, 1, 1), date(2024, 12, 31), "60"),
        ("1003", "220", GRANLY, date(2025, 1, 1), None, "75"),
        ("1004", "110", KJOKKEN, date(2018, 9, 1), None, "100"),
        ("1005", "220", GRANLY, date(2023, 2, 1), None, "50.5"),
        ("1006", "900", ADMINISTRASJON, date(2017, 4, 10), date(2025, 6, 30), "100"),
        ("1007", "210", FURULY, date(2024, 6, 1), None, "37.5"),
        ("1008", "110", KJOKKEN, date(2022, 1, 1), None, "100"),
    ]
)
FORVENTET_FRAVAER = tuple(
    Fravaer(nummer, fra, til, type_, Decimal(grad), HVOR)
    for nummer, fra, til, type_, grad in [
        ("1001", date(2025, 1, 6), date(2025, 1, 8), EGEN, 100),
        ("1001", date(2025, 2, 3), date(2025, 2, 28), SYK, 100),
        ("1001", date(2025, 3, 1), date(2025, 3, 31), SYK, 50),
        ("1002", date(2025, 1, 13), date(2025, 1, 15), EGEN, 100),
        ("1003", date(2025, 2, 10), date(2025, 2, 21), SYK, 60),
        ("1003", date(2025, 2, 17), date(2025, 2, 28), SYK, 100),
        ("1004", date(2025, 5, 5), date(2025, 5, 7), EGEN, 100),
        ("1005", date(2025, 6, 2), date(2025, 6, 29), SYK, 40),
        ("1006", date(2025, 1, 20), date(2025, 1, 24), EGEN, 100),
        ("1006", date(2025, 1, 27), date(2025, 3, 14), SYK, 100),
        ("1007", date(2025, 9, 8), date(2025, 9, 12), SYK, 100),
        ("1008", date(2025, 4, 15), date(2025, 4, 16), EGEN, 100),
        ("1008", date(2025, 10, 1), date(2025, 10, 31), SYK, 50),
    ]
)

MAL = ("mal/ansatte.csv", "mal/arbeidsforhold.csv", "mal/fravaer.csv")
LONN = ("lonn/ansatte_og_stillinger.csv", "lonn/fravaer.csv")
HR = ("hr/hr_eksport.xlsx",)
HR_TEKST = ("hr/hr_eksport_tekstdatoer.xlsx",)
OVERLAPP = (
    "fraværet 17. februar 2025–28. februar 2025 overlapper fraværet 10. februar 2025–21. februar "
    "2025 på rad {rad} for ansatt 1003; hver dag telles bare én gang"
)


@pytest.mark.parametrize("filer", [MAL, LONN, HR, HR_TEKST], ids=["mal", "lonn", "hr", "hr-tekst"])
def test_it_reads_every_layout_to_the_same_rows(filer: tuple[str, ...]) -> None:
    innlesing = les(*filer)

    assert innlesing.ansatte == FORVENTET_ANSATTE
    assert innlesing.arbeidsforhold == FORVENTET_ARBEIDSFORHOLD
    assert innlesing.fravaer == FORVENTET_FRAVAER


def test_it_reads_the_template_with_bom_and_comma_decimals() -> None:
    innlesing = les(*MAL)

    assert [(f.kilde, f.koding, f.skilletegn) for f in innlesing.filer] == [
        ("ansatte.csv", "UTF-8 med BOM", ";"),
        ("arbeidsforhold.csv", "UTF-8 med BOM", ";"),
        ("fravaer.csv", "UTF-8 med BOM", ";"),
    ]
    # «50,5» in the file, stored with two decimals as the statistics engine reads it.
    assert str(innlesing.arbeidsforhold[5].stillingsprosent) == "50.50"


def test_it_reads_the_payroll_export_in_windows_1252() -> None:
    innlesing = les(*LONN)

    assert innlesing.ansatte[0].navn == "Bjørn Ærø"
    assert {f.koding for f in innlesing.filer} == {"Windows-1252"}
    stillinger, fravaer = innlesing.filer
    assert stillinger.tabeller == (Tabell.ANSATTE, Tabell.ARBEIDSFORHOLD)
    assert stillinger.ignorerte_kolonner == ("Lønnstrinn",)
    # Two title lines and a blank one above the header.
    assert fravaer.overskriftsrad == 4
    assert fravaer.ignorerte_kolonner == ("Navn", "Avdeling", "Dager")


def test_it_gives_an_empty_egenmelding_grade_100() -> None:
    # The payroll export leaves «Sykmeldingsgrad %» empty on egenmeldinger (file row 5).
    forste = les(*LONN).fravaer[0]

    assert (forste.type, forste.grad) == (EGEN, Decimal("100"))
    assert forste.kilde == Kilde("fravaer.csv", 5)


def test_it_leaves_out_absence_that_is_not_sick_leave_with_a_warning() -> None:
    advarsler = [(a.fil, a.rad, a.melding) for a in les(*LONN).advarsler]

    assert advarsler == [
        (
            "fravaer.csv",
            9,
            "1 rad med fraværstypen «Sykt barn» er ikke sykefravær og er ikke lest inn",
        ),
        ("fravaer.csv", 11, OVERLAPP.format(rad=10)),
        (
            "fravaer.csv",
            13,
            "1 rad med fraværstypen «Ferie» er ikke sykefravær og er ikke lest inn",
        ),
    ]


@pytest.mark.parametrize("filer", [MAL, HR], ids=["mal", "hr"])
def test_it_warns_about_overlapping_periods_naming_both_rows(filer: tuple[str, ...]) -> None:
    innlesing = les(*filer)

    overlapp = [a for a in innlesing.advarsler if "overlapper" in a.melding]
    assert len(overlapp) == 1
    (advarsel,) = overlapp
    # Rows 6 and 7 of the absence file or sheet: 1003's periods from 10 and 17 February.
    assert advarsel.rad == 7
    assert advarsel.ogsaa is not None and advarsel.ogsaa.rad == 6
    assert advarsel.ogsaa.fil == advarsel.fil
    assert advarsel.melding == OVERLAPP.format(rad=6)
    # Both periods are imported: each day counts once when the statistics are computed.
    assert FORVENTET_FRAVAER[4] in innlesing.fravaer and FORVENTET_FRAVAER[5] in innlesing.fravaer


def test_it_names_the_other_file_when_periods_overlap_across_files() -> None:
    innlesing = les_tekst(
        {
            "ansatte.csv": b"ansattnummer;navn\n1001;Kari\n",
            "januar.csv": b"ansattnummer;fra_dato;til_dato;type;grad\n1001;2025-01-27;2025-02-07;"
            b"sykmelding;100\n",
            "februar.csv": b"ansattnummer;fra_dato;til_dato;type;grad\n1001;2025-02-03;2025-02-14;"
            b"sykmelding;50\n",
        }
    )

    (advarsel,) = innlesing.advarsler
    assert (advarsel.fil, advarsel.rad, advarsel.ogsaa) == (
        "februar.csv",
        2,
        Kilde("januar.csv", 2),
    )
    assert "på januar.csv, rad 2 for ansatt 1001" in advarsel.melding


def test_it_warns_about_a_workbook_sheet_it_does_not_read() -> None:
    advarsler = [(a.fil, a.rad, a.melding) for a in les(*HR).advarsler]

    assert advarsler[0] == (
        "hr_eksport.xlsx, ark «Info»",
        None,
        "arket er ikke lest: overskriften passer ikke til noe kjent oppsett",
    )


def test_it_reads_the_same_files_to_equal_rows_again() -> None:
    # Re-importing must change nothing: the same natural keys and the same values.
    forste, andre = les(*MAL), les(*MAL)

    assert forste == andre
    assert [f.noekkel for f in forste.fravaer] == [f.noekkel for f in andre.fravaer]


def test_it_reports_the_period_an_export_covers() -> None:
    # From the first fra_dato (6 January) to the last til_dato (31 October) in the absence file.
    assert les(*MAL).tidsrom == (date(2025, 1, 6), date(2025, 10, 31))


def test_it_accepts_employees_the_caller_already_holds() -> None:
    innlesing = les("mal/fravaer.csv", kjente_ansatte={a.ansattnummer for a in FORVENTET_ANSATTE})

    assert innlesing.ansatte == ()
    assert innlesing.fravaer == FORVENTET_FRAVAER


# Each broken variant, with the valid files of its layout, gives exactly these errors.
BRUDD: dict[str, tuple[tuple[str, ...], list[Feil]]] = {
    "datoer": (
        ("lonn/ansatte_og_stillinger.csv", "feil/datoer.csv"),
        [
            Feil("datoer.csv", 5, "Fra dato", "31.02.2025", "datoen finnes ikke"),
            Feil("datoer.csv", 6, "Til dato", None, "til-datoen mangler"),
            Feil("datoer.csv", 7, "Fra dato", "2025-13-01", "datoen finnes ikke"),
            Feil(
                "datoer.csv", 8, "Fra dato", "5.5.25", "året må ha fire sifre (f.eks. 31.01.2025)"
            ),
            Feil(
                "datoer.csv", 8, "Til dato", "7.5.25", "året må ha fire sifre (f.eks. 31.01.2025)"
            ),
            Feil(
                "datoer.csv",
                9,
                "Fra dato",
                "02/06/2025",
                "er ikke en dato; skriv datoen som dd.mm.åååå (f.eks. 31.01.2025) eller åååå-mm-dd",
            ),
        ],
    ),
    "ukjent ansatt": (
        ("mal/ansatte.csv", "feil/ukjent_ansatt.csv"),
        [
            Feil(
                "ukjent_ansatt.csv",
                rad,
                "ansattnummer",
                "1099",
                "ukjent ansatt: ansattnummeret finnes ikke i ansattfilen og er ikke lest inn "
                "fra før",
            )
            for rad in (3, 5)
        ],
    ),
    "grad 10": (
        ("mal/ansatte.csv", "feil/grad_10.csv"),
        [Feil("grad_10.csv", 3, "grad", "10", "graden må være mellom 20 og 100")],
    ),
    "egenmelding med grad 50": (
        ("feil/hr_egenmelding_grad_50.xlsx",),
        [
            Feil(
                "hr_egenmelding_grad_50.xlsx, ark «Absences»",
                8,
                "Degree %",
                "50",
                "en egenmelding har alltid grad 100",
            )
        ],
    ),
    "til før fra": (
        ("lonn/ansatte_og_stillinger.csv", "feil/til_foer_fra.csv"),
        [
            Feil(
                "til_foer_fra.csv",
                3,
                "Til dato",
                "27.01.2025",
                "til-datoen er før fra-datoen (14. mars 2025)",
            )
        ],
    ),
    "avkortet siste rad": (
        ("mal/ansatte.csv", "feil/avkortet.csv"),
        [
            Feil(
                "avkortet.csv",
                5,
                None,
                None,
                "raden har 3 felt, men overskriften har 5 (er filen avkortet?)",
            )
        ],
    ),
    "avkortet i anførselstegn": (
        ("mal/ansatte.csv", "feil/avkortet_anforsel.csv"),
        [
            Feil(
                "avkortet_anforsel.csv",
                4,
                None,
                None,
                "et felt i anførselstegn avsluttes aldri (er filen avkortet?)",
            )
        ],
    ),
    "avkortet xlsx": (
        ("feil/hr_avkortet.xlsx",),
        [
            Feil(
                "hr_avkortet.xlsx",
                None,
                None,
                None,
                "filen kan ikke leses som XLSX; er den avkortet eller skadet?",
            )
        ],
    ),
    "stillingsprosent": (
        ("mal/ansatte.csv", "feil/stillingsprosent.csv"),
        [
            Feil(
                "stillingsprosent.csv",
                2,
                "stillingsprosent",
                "0",
                "stillingsprosenten må være over 0 og høyst 100",
            ),
            Feil(
                "stillingsprosent.csv",
                3,
                "stillingsprosent",
                "120",
                "stillingsprosenten må være over 0 og høyst 100",
            ),
            Feil(
                "stillingsprosent.csv", 4, "stillingsprosent", "80,555", "kan ha høyst to desimaler"
            ),
            Feil("stillingsprosent.csv", 5, "stillingsprosent", None, "stillingsprosenten mangler"),
            Feil("stillingsprosent.csv", 6, "stillingsprosent", "hel", "er ikke et tall"),
        ],
    ),
    "samme nøkkel to ganger": (
        ("mal/ansatte.csv", "feil/duplikat.csv"),
        [
            # 1001's sykmelding from 3 February twice, once with another end date; the
            # egenmelding from the same day on row 5 has another key.
            Feil(
                "duplikat.csv",
                4,
                "fra_dato",
                "03.02.2025",
                "samme ansatt, fra-dato og fraværstype som rad 2",
            )
        ],
    ),
    "fødselsnummer": (
        ("feil/fodselsnummer.csv",),
        [
            Feil(
                "fodselsnummer.csv",
                3,
                "ansattnummer",
                "15838512329",
                "ansattnummeret ser ut som et fødselsnummer; bruk virksomhetens eget "
                "ansattnummer (Nærvær tar ikke imot fødselsnumre)",
            )
        ],
    ),
    "ukjent fraværstype": (
        ("mal/ansatte.csv", "feil/ukjent_type.csv"),
        [
            Feil(
                "ukjent_type.csv",
                3,
                "type",
                "legeerklæring",
                "ukjent fraværstype; bruk egenmelding eller sykmelding",
            ),
            Feil("ukjent_type.csv", 4, "type", None, "fraværstypen mangler"),
        ],
    ),
    "diagnose": (
        ("lonn/ansatte_og_stillinger.csv", "feil/diagnose.csv"),
        [
            Feil(
                "diagnose.csv",
                1,
                "Diagnosekode (ICPC-2)",
                None,
                "filen har en kolonne som ser ut som en diagnose, og blir ikke lest. Nærvær tar "
                "aldri imot diagnoser eller andre helseopplysninger enn fraværsperiodene. Fjern "
                "kolonnen og prøv igjen",
            )
        ],
    ),
    "ukjent overskrift": (
        ("feil/egne_kolonner.csv",),
        [
            Feil(
                "egne_kolonner.csv",
                None,
                None,
                None,
                "fant ingen overskrift som passer til et kjent oppsett i de første 10 radene; "
                "velg kolonnene selv (nærmest er «Nærværs importmal: fravaer.csv», som mangler "
                "«ansattnummer», «type»)",
            )
        ],
    ),
}


@pytest.mark.parametrize("variant", list(BRUDD))
def test_it_stops_a_broken_file_with_exactly_these_errors(variant: str) -> None:
    filer, forventet = BRUDD[variant]

    assert list(feil_i(*filer)) == forventet


def test_it_reports_errors_in_every_file_at_once() -> None:
    # All or nothing, but the user sees everything to fix in one go, in file order. The
    # employee file may come after the absence file: 1001 is known from it, 1005 is not.
    feil = feil_i("feil/grad_10.csv", "feil/fodselsnummer.csv")

    assert [(f.fil, f.rad, f.kolonne) for f in feil] == [
        ("grad_10.csv", 3, "grad"),
        ("grad_10.csv", 4, "ansattnummer"),
        ("fodselsnummer.csv", 3, "ansattnummer"),
    ]


def test_it_reports_every_error_of_a_row_in_column_order() -> None:
    feil = feil_fra(
        Fil("ansatte.csv", b"ansattnummer\n1001\n"),
        Fil(
            "fravaer.csv",
            b"ansattnummer;fra_dato;til_dato;type;grad\n1001;2025-03-10;2025-03-01;egenmelding;50\n",
        ),
    )

    assert [(f.kolonne, f.melding) for f in feil] == [
        ("til_dato", "til-datoen er før fra-datoen (10. mars 2025)"),
        ("grad", "en egenmelding har alltid grad 100"),
    ]


def test_it_caps_the_report_and_gives_the_total() -> None:
    antall = MAKS_FEIL_VIST + 10
    rader = "".join(f"{1000 + i};2025-01-06;2025-01-08;egenmelding;100\n" for i in range(antall))
    with pytest.raises(Importfeil) as feil:
        les_inn(
            [Fil("fravaer.csv", ("ansattnummer;fra_dato;til_dato;type;grad\n" + rader).encode())]
        )

    assert feil.value.antall == antall
    linjer = feil.value.rapport().splitlines()
    assert linjer[0] == f"Importen er stoppet av {antall} feil, og ingenting er lagret:"
    # The header, the first fifty errors and the count of the rest.
    assert len(linjer) == 1 + MAKS_FEIL_VIST + 1
    assert linjer[-1] == "… og 10 feil til"
    assert linjer[1].startswith("fravaer.csv, rad 2, kolonne «ansattnummer», verdi «1000»:")


def test_it_refuses_a_diagnosis_column_in_a_workbook_sheet() -> None:
    import io

    import openpyxl

    bok = openpyxl.Workbook()
    ark = bok.active
    assert ark is not None
    ark.title = "Absences"
    ark.append(["Employee ID", "Start date", "End date", "Absence type", "Degree %", "ICD-10"])
    ark.append([1001, date(2025, 1, 6), date(2025, 1, 8), "Self-certified", 100, "J06"])
    innhold = io.BytesIO()
    bok.save(innhold)

    (feil,) = feil_fra(Fil("fravaer.xlsx", innhold.getvalue()), kjente_ansatte={"1001"})
    assert (feil.fil, feil.rad, feil.kolonne) == ("fravaer.xlsx, ark «Absences»", 1, "ICD-10")
    assert feil.melding.startswith("filen har en kolonne som ser ut som en diagnose")


def test_it_reads_a_file_with_columns_the_user_mapped() -> None:
    valgt = eget_oppsett(
        {
            Tabell.FRAVAER: {
                "ansattnummer": "Ansattnr",
                "fra_dato": "Fra dato",
                "til_dato": "Til dato",
                "type": "Fravær",
                "grad": "Grad",
            }
        }
    )

    innlesing = les("mal/ansatte.csv", "feil/egne_kolonner.csv", valg={"egne_kolonner.csv": valgt})

    assert innlesing.fravaer == FORVENTET_FRAVAER[:2]
    assert innlesing.filer[1].oppsett == "Egne kolonnevalg"


def test_it_merges_an_employee_repeated_on_each_position() -> None:
    # 1003 has two positions in the payroll list, so two rows with the same name.
    innlesing = les(*LONN)

    assert [a.ansattnummer for a in innlesing.ansatte].count("1003") == 1
    assert innlesing.ansatte[2].kilde == Kilde("ansatte_og_stillinger.csv", 4)


def test_it_stops_an_employee_number_with_two_names() -> None:
    hode = "Ansattnr;Etternavn;Fornavn;Avdeling;Stillingsprosent;Startdato\n"
    (feil,) = feil_fra(
        Fil(
            "stillinger.csv",
            (
                hode + "1003;Haugen;Sigrid;220;60;01.01.2020\n1003;Haugen;Siri;220;75;01.01.2025\n"
            ).encode(),
        )
    )

    assert feil == Feil(
        "stillinger.csv",
        3,
        "Fornavn + Etternavn",
        "Siri Haugen",
        "ansattnummeret står på rad 2 med et annet navn («Sigrid Haugen»)",
    )


def test_it_stops_an_employee_listed_twice_in_an_employee_file() -> None:
    (feil,) = feil_fra(Fil("ansatte.csv", b"ansattnummer;navn\n1001;Kari\n1001;Kari\n"))

    assert (feil.rad, feil.melding) == (3, "ansattnummeret står også på rad 2")


def test_it_stops_a_department_with_two_names() -> None:
    innhold = (
        "ansattnummer;avdeling;avdelingsnavn;fra_dato;stillingsprosent\n"
        "1001;110;Kjøkken;2020-01-01;100\n"
        "1002;110;Vaskeri;2020-01-01;100\n"
    )
    (feil,) = feil_fra(Fil("arbeidsforhold.csv", innhold.encode()), kjente_ansatte={"1001", "1002"})

    assert (feil.rad, feil.kolonne, feil.verdi, feil.melding) == (
        3,
        "avdelingsnavn",
        "Vaskeri",
        "avdeling «110» heter «Kjøkken» på rad 2",
    )


def test_it_stops_a_position_that_starts_twice_the_same_day() -> None:
    innhold = (
        "ansattnummer;avdeling;fra_dato;stillingsprosent\n"
        "1001;110;2020-01-01;50\n"
        "1001;210;01.01.2020;50\n"
    )
    (feil,) = feil_fra(Fil("arbeidsforhold.csv", innhold.encode()), kjente_ansatte={"1001"})

    assert (feil.rad, feil.kolonne, feil.melding) == (
        3,
        "fra_dato",
        "samme ansatt og fra-dato som rad 2",
    )


def test_it_stops_a_sick_note_without_a_grade() -> None:
    innhold = "ansattnummer;fra_dato;til_dato;type;grad\n1001;2025-01-06;2025-01-31;sykmelding;\n"
    (feil,) = feil_fra(Fil("fravaer.csv", innhold.encode()), kjente_ansatte={"1001"})

    assert (feil.kolonne, feil.verdi, feil.melding) == ("grad", None, "graden mangler")


def test_it_stops_a_row_with_more_fields_than_the_header() -> None:
    # An unquoted «Ærø, Bjørn» in a comma-separated file splits the name over two columns.
    innhold = "ansattnummer,navn\n1001,Ærø, Bjørn\n1002,Åse Lindqvist\n"
    (feil,) = feil_fra(Fil("ansatte.csv", innhold.encode()))

    assert (feil.rad, feil.melding) == (
        2,
        "raden har 3 felt, men overskriften har 2; står det et skilletegn i en verdi uten "
        "anførselstegn rundt?",
    )


def test_it_stops_an_empty_file() -> None:
    (feil,) = feil_fra(Fil("fravaer.csv", b"\r\n"))

    assert (feil.fil, feil.melding) == ("fravaer.csv", "filen er tom")


def test_it_stops_an_old_excel_file() -> None:
    (feil,) = feil_fra(Fil("fravaer.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)))

    assert (
        feil.melding == "filen er i det gamle Excel-formatet (.xls); lagre den som .xlsx eller CSV"
    )


def test_it_stops_a_header_two_layouts_fit_equally() -> None:
    # Only the employee number: the template's employee file, and nothing else to tell.
    valgt = eget_oppsett({Tabell.ANSATTE: {"ansattnummer": "ansattnummer"}}, navn="annen")
    (feil,) = feil_fra(
        Fil("ansatte.csv", b"ansattnummer\n1001\n"),
        oppsett=[*OPPSETT, valgt],
    )

    assert feil.melding == (
        "overskriften passer like godt til «Nærværs importmal: ansatte.csv» og "
        "«Egne kolonnevalg: annen»; velg kolonnene selv"
    )


def test_it_returns_an_innlesing_of_frozen_rows() -> None:
    innlesing = les(*MAL)

    assert isinstance(innlesing, Innlesing)
    with pytest.raises(AttributeError):
        innlesing.fravaer[0].grad = Decimal(50)  # type: ignore[misc]


def test_it_checks_nothing_in_a_row_it_leaves_out() -> None:
    # A holiday of someone not in the employee file, without dates: not sick leave, not read.
    hode = "Ansattnr;Fraværstype;Fra dato;Til dato;Sykmeldingsgrad %\n"
    innlesing = les_tekst(
        {
            "fravaer.csv": (
                hode + "1001;Sykmelding;03.02.2025;07.02.2025;100\n7777;Ferie;;;\n"
            ).encode()
        },
        kjente_ansatte={"1001"},
    )

    assert len(innlesing.fravaer) == 1
    assert [a.melding for a in innlesing.advarsler] == [
        "1 rad med fraværstypen «Ferie» er ikke sykefravær og er ikke lest inn"
    ]
