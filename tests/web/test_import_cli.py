"""``naervaer import``: read, check and store an employer's own files from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from naervaer.cli import app
from naervaer.web.egendata.models import Importlogg
from tests.egendata.hjelp import FILER
from tests.egendata.importfiler import HR, LONN, MAL, innhold, rettet_fravaer
from tests.web.conftest import SOLSIKKEN, Egendata, Installasjon

pytestmark = pytest.mark.django_db

runner = CliRunner()


def kjor(*argumenter: str) -> object:
    return runner.invoke(app, ["import", *argumenter])


def stier(*navn: str) -> list[str]:
    return [str(FILER / n) for n in navn]


def test_it_imports_and_sums_up(installasjon: Installasjon) -> None:
    resultat = runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, *stier(*MAL)])
    assert resultat.exit_code == 0, resultat.output
    assert resultat.stdout.splitlines() == [
        "Importen er lagret for Solsikken barnehage AS (910 000 001) fra 3 filer.",
        "avdelinger: 4 nye, 0 endret, 0 uendret",
        "ansatte: 8 nye, 0 endret, 0 uendret",
        "arbeidsforhold: 9 nye, 0 endret, 0 uendret",
        "fravær: 13 nye, 0 endret, 0 uendret, 0 fjernet",
    ]
    # The warning names both overlapping rows of employee 1003.
    assert "Advarsler (1):" in resultat.stderr
    assert "fravaer.csv, rad 7: fraværet 17. februar 2025–28. februar 2025 overlapper" in (
        resultat.stderr
    )
    assert "på rad 6 for ansatt 1003" in resultat.stderr
    assert len(innhold(SOLSIKKEN)["fravaer"]) == 13
    logg = Importlogg.objects.get()
    assert logg.kanal == "CLI" and logg.hvem.endswith("(kommandolinjen)")


@pytest.mark.parametrize("filene", [LONN, HR], ids=["lonn", "hr"])
def test_the_second_time_nothing_changes(installasjon: Installasjon, filene: tuple[str]) -> None:
    assert runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, *stier(*filene)]).exit_code == 0
    for_ = innhold(SOLSIKKEN)
    resultat = runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, *stier(*filene)])
    assert resultat.exit_code == 0
    assert resultat.stdout.startswith("Ingenting er endret for Solsikken barnehage AS")
    assert "fravær: 0 nye, 0 endret, 13 uendret, 0 fjernet" in resultat.stdout
    assert innhold(SOLSIKKEN) == for_


def test_the_preview_writes_nothing(installasjon: Installasjon) -> None:
    resultat = runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, "--forhandsvis", *stier(*MAL)])
    assert resultat.exit_code == 0, resultat.output
    linjer = resultat.stdout.splitlines()
    assert linjer[0] == (
        "Forhåndsvisning for Solsikken barnehage AS (910 000 001) fra 3 filer; ingenting er lagret."
    )
    assert "  ny: ansatt 1001 Bjørn Ærø" in linjer
    assert "  ny: ansatt 1001: egenmelding 06.01.2025–08.01.2025, grad 100 %" in linjer
    assert innhold(SOLSIKKEN) == {
        "avdelinger": [],
        "ansatte": [],
        "arbeidsforhold": [],
        "fravaer": [],
    }
    assert not Importlogg.objects.exists()


def test_a_corrected_export_shows_what_it_removes(
    installasjon: Installasjon, tmp_path: Path
) -> None:
    runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, *stier(*MAL)])
    rettet = tmp_path / "fravaer.csv"
    rettet.write_bytes(rettet_fravaer().innhold)
    resultat = runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, "--forhandsvis", str(rettet)])
    assert "fravær: 1 ny, 1 endret, 11 uendret, 1 fjernet" in resultat.stdout
    assert "  fjernet: ansatt 1006: egenmelding 20.01.2025–24.01.2025, grad 100 %" in (
        resultat.stdout
    )


@pytest.mark.parametrize(
    ("fil", "melding"),
    [
        (
            "feil/datoer.csv",
            "datoer.csv, rad 5, kolonne «Fra dato», verdi «31.02.2025»: datoen finnes ikke",
        ),
        ("feil/grad_10.csv", "grad_10.csv, rad 3, kolonne «grad», verdi «10»: graden må være"),
        (
            "feil/til_foer_fra.csv",
            "til_foer_fra.csv, rad 3, kolonne «Til dato», verdi «27.01.2025»: til-datoen er før",
        ),
        ("feil/ukjent_ansatt.csv", "verdi «1099»: ukjent ansatt"),
        ("feil/avkortet.csv", "avkortet.csv, rad 5: raden har 3 felt, men overskriften har 5"),
        (
            "feil/hr_egenmelding_grad_50.xlsx",
            "verdi «50»: en egenmelding har alltid grad 100",
        ),
    ],
)
def test_errors_go_to_stderr_and_nothing_is_written(
    egendata: Egendata, fil: str, melding: str
) -> None:
    for_ = innhold(SOLSIKKEN)
    argumenter = ["import", "--orgnr", SOLSIKKEN, *stier(fil)]
    if fil.endswith(".xlsx"):
        argumenter = ["import", "--orgnr", SOLSIKKEN, *stier(*MAL[:2]), *stier(fil)]
    resultat = runner.invoke(app, argumenter)
    assert resultat.exit_code == 1
    assert resultat.stdout == ""
    assert resultat.stderr.startswith("Importen er stoppet av")
    assert "ingenting er lagret" in resultat.stderr.splitlines()[0]
    assert melding in resultat.stderr
    assert innhold(SOLSIKKEN) == for_


def test_the_whole_report_is_shown(installasjon: Installasjon, tmp_path: Path) -> None:
    sti = tmp_path / "fravaer.csv"
    rader = "".join(f"{1000 + i};2025-01-06;2025-01-08;egenmelding;100\n" for i in range(60))
    sti.write_text("ansattnummer;fra_dato;til_dato;type;grad\n" + rader, encoding="utf-8")
    resultat = runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, str(sti)])
    assert resultat.exit_code == 1
    assert resultat.stderr.count("ukjent ansatt") == 60


def test_a_chosen_layout_reads_files_it_would_not_recognise(
    installasjon: Installasjon, tmp_path: Path
) -> None:
    # Absence alone in the payroll layout, with the employee file in the template.
    resultat = runner.invoke(
        app, ["import", "--orgnr", SOLSIKKEN, "--oppsett", "lonn", *stier(*LONN)]
    )
    assert resultat.exit_code == 0, resultat.output
    resultat = runner.invoke(
        app, ["import", "--orgnr", SOLSIKKEN, "--oppsett", "ukjent", *stier(*LONN)]
    )
    assert resultat.exit_code == 2
    assert "Ukjent oppsett «ukjent». Kjente oppsett: mal (Nærværs importmal)" in resultat.stderr


def test_unknown_virksomhet_or_file(installasjon: Installasjon, tmp_path: Path) -> None:
    resultat = runner.invoke(app, ["import", "--orgnr", "999999999", *stier(*MAL)])
    assert resultat.exit_code == 2
    assert "Finner ingen virksomhet med organisasjonsnummer 999999999" in resultat.stderr
    resultat = runner.invoke(app, ["import", "--orgnr", SOLSIKKEN, str(tmp_path / "borte.csv")])
    assert resultat.exit_code == 2
    assert "Finner ikke" in resultat.stderr and "borte.csv" in resultat.stderr
