"""The command line, ``naervaer statistikk beregn``: a register folder in, kvartal.csv out."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner, Result

from naervaer.cli import app
from tests.statistikk.handregnet import (
    MASKERT_UNDER_FEM,
    TILFELLE_OVER_KVARTALSSKIFTE,
    skriv_register,
)

KVARTAL_CSV_OVERSKRIFT = (
    "kategori,kode,arstall,kvartal,antall_personer,mulige_dagsverk,tapte_dagsverk,"
    "tapte_dagsverk_egenmeldt,tapte_dagsverk_legemeldt,tapte_dagsverk_gradert,"
    "tapte_dagsverk_korttid,tapte_dagsverk_langtid,prosent,er_maskert"
)
SUMMER = (
    "mulige_dagsverk",
    "tapte_dagsverk",
    "tapte_dagsverk_egenmeldt",
    "tapte_dagsverk_legemeldt",
    "tapte_dagsverk_gradert",
    "tapte_dagsverk_korttid",
    "tapte_dagsverk_langtid",
)


def _beregn(*argumenter: str) -> Result:
    return CliRunner().invoke(app, ["statistikk", "beregn", *argumenter], catch_exceptions=False)


@pytest.fixture(scope="module")
def beregnet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """MASKERT_UNDER_FEM has a shown row, a masked row and a row with no mulige dagsverk."""
    inn = tmp_path_factory.mktemp("inn")
    ut = tmp_path_factory.mktemp("ut")
    skriv_register(MASKERT_UNDER_FEM, inn)
    return ut, _beregn("--inn", str(inn), "--ut", str(ut), "--fra", "2024K1", "--til", "2024K1")


def _rader(ut: Path) -> dict[tuple[str, str], dict[str, str]]:
    with (ut / "kvartal.csv").open(encoding="utf-8", newline="") as fil:
        return {(r["kategori"], r["kode"]): r for r in csv.DictReader(fil)}


def test_it_works(beregnet: tuple[Path, Result]) -> None:
    ut, svar = beregnet
    assert svar.exit_code == 0, svar.output
    assert (ut / "kvartal.csv").exists()
    assert (ut / "kvartal.parquet").exists()


def test_kvartal_csv_has_exactly_the_contract_header(beregnet: tuple[Path, Result]) -> None:
    ut, _ = beregnet
    forste_linje = (ut / "kvartal.csv").read_text(encoding="utf-8").splitlines()[0]
    assert forste_linje == KVARTAL_CSV_OVERSKRIFT


def test_kvartal_csv_writes_decimals_with_a_dot_and_no_padding(
    beregnet: tuple[Path, Result],
) -> None:
    ut, _ = beregnet
    rader = _rader(ut)
    land = rader[("LAND", "NO")]
    assert (land["arstall"], land["kvartal"], land["antall_personer"]) == ("2024", "1", "14")
    assert (land["mulige_dagsverk"], land["tapte_dagsverk"]) == ("585", "5")
    assert (land["prosent"], land["er_maskert"]) == ("0.9", "false")
    for rad in rader.values():
        for kolonne in (*SUMMER, "prosent"):
            assert "," not in rad[kolonne], (rad, kolonne)
            if rad[kolonne]:
                Decimal(rad[kolonne])  # a plain decimal number
        for kolonne in SUMMER:
            assert not (rad[kolonne].endswith("0") and "." in rad[kolonne]), (rad, kolonne)


def test_kvartal_csv_leaves_prosent_empty_when_masked(beregnet: tuple[Path, Result]) -> None:
    ut, _ = beregnet
    rader = _rader(ut)
    maskert = rader[("VIRKSOMHET", "910000901")]
    assert (maskert["antall_personer"], maskert["prosent"], maskert["er_maskert"]) == (
        "4",
        "",
        "true",
    )
    # Five persons but no mulige dagsverk: nothing to divide by, yet not masked.
    uten_dagsverk = rader[("VIRKSOMHET", "910000903")]
    assert (uten_dagsverk["prosent"], uten_dagsverk["er_maskert"]) == ("", "false")
    for rad in rader.values():
        if rad["er_maskert"] == "true":
            assert rad["prosent"] == "", rad


def test_kvartal_parquet_has_the_same_rows_with_exact_decimals(
    beregnet: tuple[Path, Result],
) -> None:
    ut, _ = beregnet
    tabell = pq.read_table(ut / "kvartal.parquet")
    assert ",".join(tabell.column_names) == KVARTAL_CSV_OVERSKRIFT
    for kolonne in (*SUMMER, "prosent"):
        assert pa.types.is_decimal(tabell.schema.field(kolonne).type), kolonne
    fra_csv = _rader(ut)
    assert len(fra_csv) == tabell.num_rows
    for rad in tabell.to_pylist():
        linje = fra_csv[(rad["kategori"], rad["kode"])]
        for kolonne in SUMMER:
            assert Decimal(linje[kolonne]) == rad[kolonne], (rad, kolonne)
        assert linje["prosent"] == ("" if rad["prosent"] is None else str(rad["prosent"]))


def test_it_prints_a_norwegian_summary(beregnet: tuple[Path, Result]) -> None:
    _, svar = beregnet
    assert "Sykefravær i hele landet" in svar.stdout
    assert "2024K1" in svar.stdout
    assert "0,9 %" in svar.stdout  # decimal comma
    assert "Ingen advarsler" in svar.stdout


def test_fra_and_til_choose_the_quarters(tmp_path: Path) -> None:
    skriv_register(TILFELLE_OVER_KVARTALSSKIFTE, tmp_path / "inn")
    svar = _beregn(
        "--inn",
        str(tmp_path / "inn"),
        "--ut",
        str(tmp_path / "ut"),
        "--fra",
        "2024K2",
        "--til",
        "2024K2",
    )
    assert svar.exit_code == 0, svar.output
    rader = _rader(tmp_path / "ut")
    assert {(r["arstall"], r["kvartal"]) for r in rader.values()} == {("2024", "2")}
    virksomhet = rader[("VIRKSOMHET", "910000401")]
    assert (virksomhet["tapte_dagsverk"], virksomhet["prosent"]) == ("15", "4.6")


@pytest.mark.parametrize(
    "argumenter",
    [
        pytest.param(["--fra", "2024K5", "--til", "2024K4"], id="bad_quarter"),
        pytest.param(["--motor", "pandas"], id="unknown_engine"),
    ],
)
def test_bad_options_exit_with_code_2_and_write_nothing(
    tmp_path: Path, argumenter: list[str]
) -> None:
    skriv_register(MASKERT_UNDER_FEM, tmp_path / "inn")
    svar = _beregn("--inn", str(tmp_path / "inn"), "--ut", str(tmp_path / "ut"), *argumenter)
    assert svar.exit_code == 2
    assert svar.stderr.strip()
    assert not (tmp_path / "ut" / "kvartal.csv").exists()
