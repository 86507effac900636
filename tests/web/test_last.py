"""``naervaer statistikk last``."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from naervaer.cli import app
from naervaer.web.statistikk.models import Kvartalsstatistikk
from tests.web.conftest import SkrivCsv, rad

pytestmark = pytest.mark.django_db

runner = CliRunner()


def test_it_works(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3", personer=3)])
    resultat = runner.invoke(app, ["statistikk", "last", str(sti)])
    assert resultat.exit_code == 0, resultat.output
    assert resultat.stdout == "Lastet 2 rader fra kvartal.csv: 2 nye, 0 endret, 0 uendret.\n"
    assert Kvartalsstatistikk.objects.count() == 2


def test_it_reports_unchanged_rows_the_second_time(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3")])
    runner.invoke(app, ["statistikk", "last", str(sti)])
    resultat = runner.invoke(app, ["statistikk", "last", str(sti)])
    assert "0 nye, 0 endret, 2 uendret" in resultat.stdout


def test_it_loads_parquet(skriv_csv: SkrivCsv, tmp_path: Path) -> None:
    csv = skriv_csv([rad(), rad(periode="2024K3")])
    tabell = pacsv.read_csv(
        csv, convert_options=pacsv.ConvertOptions(column_types={"kode": pa.string()})
    )
    parquet = tmp_path / "kvartal.parquet"
    pq.write_table(tabell, parquet)
    resultat = runner.invoke(app, ["statistikk", "last", str(parquet)])
    assert resultat.exit_code == 0, resultat.output
    assert "2 nye" in resultat.stdout


def test_it_names_the_bad_rows_and_writes_nothing(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3", antall_personer="mange")])
    resultat = runner.invoke(app, ["statistikk", "last", str(sti)])
    assert resultat.exit_code == 1
    assert "Ingenting ble lastet" in resultat.stderr
    assert "kvartal.csv, rad 3, felt «antall_personer»: «mange»" in resultat.stderr
    assert not Kvartalsstatistikk.objects.exists()


def test_it_handles_a_missing_file(tmp_path: Path) -> None:
    resultat = runner.invoke(app, ["statistikk", "last", str(tmp_path / "borte.csv")])
    assert resultat.exit_code == 1
    assert "finner ikke filen" in resultat.stderr
