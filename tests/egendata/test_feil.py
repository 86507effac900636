"""How a report reads, ``naervaer.egendata.feil``."""

from __future__ import annotations

from naervaer.egendata.feil import Advarsel, Feil, Importfeil, Kilde


def test_an_error_names_file_row_column_and_value() -> None:
    feil = Feil("fravaer.csv", 7, "Fra dato", "31.02.2025", "datoen finnes ikke")

    assert (
        str(feil)
        == "fravaer.csv, rad 7, kolonne «Fra dato», verdi «31.02.2025»: datoen finnes ikke"
    )


def test_an_error_leaves_out_what_it_does_not_have() -> None:
    assert str(Feil("fravaer.csv", None, None, None, "filen er tom")) == "fravaer.csv: filen er tom"
    assert str(Feil("a.csv", 3, "grad", None, "graden mangler")) == (
        "a.csv, rad 3, kolonne «grad»: graden mangler"
    )


def test_a_warning_names_its_row() -> None:
    advarsel = Advarsel("fravaer.csv", 7, "overlapper", ogsaa=Kilde("fravaer.csv", 6))

    assert str(advarsel) == "fravaer.csv, rad 7: overlapper"


def test_a_row_is_named_without_its_file_from_the_same_file() -> None:
    assert Kilde("a.csv", 6).sett_fra(Kilde("a.csv", 7)) == "rad 6"
    assert Kilde("a.csv", 6).sett_fra(Kilde("b.csv", 7)) == "a.csv, rad 6"


def test_the_report_of_one_error() -> None:
    feil = Importfeil([Feil("a.csv", 2, "grad", "10", "graden må være mellom 20 og 100")])

    assert feil.rapport() == (
        "Importen er stoppet av 1 feil, og ingenting er lagret:\n"
        "a.csv, rad 2, kolonne «grad», verdi «10»: graden må være mellom 20 og 100"
    )
    assert str(feil) == feil.rapport()


def test_the_report_counts_with_a_thousands_space() -> None:
    alle = [Feil("a.csv", rad, "grad", None, "graden mangler") for rad in range(2, 1236)]

    rapport = Importfeil(alle).rapport(maks=2).splitlines()

    assert rapport[0] == "Importen er stoppet av 1 234 feil, og ingenting er lagret:"
    assert rapport[-1] == "… og 1 232 feil til"
