"""Reading and validating the register (spec §2), and the warnings of spec §3.

A bad row stops the computation with ``RegisterFeil`` naming file, row (the CSV line number, the
header being line 1) and field; nothing is dropped silently and nothing is written. Overlapping
fravær and fravær outside the arbeidsforhold are not errors but warnings, which are kept in
``Resultat.advarsler`` and written to ``advarsler.csv`` by the command line.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from naervaer.cli import app
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.motor import Resultat, beregn_med_advarsler
from naervaer.statistikk.register import RegisterFeil
from tests.statistikk.handregnet import (
    ARBEIDSFORHOLD_KOLONNER,
    FRAVAER_KOLONNER,
    VIRKSOMHET_KOLONNER,
)

KOLONNER = {
    "virksomheter": VIRKSOMHET_KOLONNER,
    "arbeidsforhold": ARBEIDSFORHOLD_KOLONNER,
    "fravaer": FRAVAER_KOLONNER,
}
Tabeller = dict[str, list[list[str]]]


def _gyldig() -> Tabeller:
    """A small valid register; the comments give each row's line number in its file."""
    return {
        "virksomheter": [
            ["910000001", "810000001", "Barnehagen", "88.911", "KOMMUNAL", "0301"],  # 2
            ["910000002", "810000001", "Bussen", "49100", "PRIVAT", "4601"],  # 3
        ],
        "arbeidsforhold": [
            ["p1", "910000001", "", "2024-01-01", "", "100"],  # 2
            ["p2", "910000001", "A", "2024-01-01", "2024-06-30", "50"],  # 3
            ["p3", "910000002", "", "2024-02-01", "", "80"],  # 4
        ],
        "fravaer": [
            ["p1", "910000001", "2024-01-08", "2024-01-12", "sykmelding", "100"],  # 2
            ["p2", "910000001", "2024-02-05", "2024-02-06", "egenmelding", "100"],  # 3
            ["p3", "910000002", "2024-03-04", "2024-03-15", "sykmelding", "50"],  # 4
        ],
    }


def _skriv(
    mappe: Path, tabeller: Tabeller, kolonner: dict[str, tuple[str, ...]] | None = None
) -> Path:
    mappe.mkdir(parents=True, exist_ok=True)
    for navn, rader in tabeller.items():
        with (mappe / f"{navn}.csv").open("w", encoding="utf-8", newline="") as fil:
            skriver = csv.writer(fil)
            skriver.writerow((kolonner or KOLONNER)[navn])
            skriver.writerows(rader)
    return mappe


def _med(fil: str, linje: int, felt: str, verdi: str) -> Tabeller:
    """The valid register with one field of one line changed."""
    tabeller = _gyldig()
    tabeller[fil][linje - 2][KOLONNER[fil].index(felt)] = verdi
    return tabeller


def _feil(mappe: Path) -> RegisterFeil:
    with pytest.raises(RegisterFeil) as feil:
        beregn_med_advarsler(mappe, Kvartal(2024, 1), Kvartal(2024, 1))
    return feil.value


def test_it_works(tmp_path: Path) -> None:
    resultat = beregn_med_advarsler(_skriv(tmp_path, _gyldig()), Kvartal(2024, 1), Kvartal(2024, 1))
    land = [r for r in resultat.kvartal.to_pylist() if r["kategori"] == "LAND"]
    assert [r["antall_personer"] for r in land] == [3]
    # p1 5 days, p2 2 days × 0.5, p3 10 days × 0.8 × 0.5
    assert land[0]["tapte_dagsverk"] == Decimal(10)
    assert resultat.advarsler.num_rows == 0


# --- one bad field --------------------------------------------------------------------------

BRUDD = [
    pytest.param("arbeidsforhold", 3, "orgnr", "910000099", id="ukjent_orgnr_i_arbeidsforhold"),
    pytest.param("fravaer", 4, "orgnr", "910000099", id="ukjent_orgnr_i_fravaer"),
    pytest.param("arbeidsforhold", 4, "orgnr", "91000000", id="orgnr_med_8_sifre_i_arbeidsforhold"),
    pytest.param("fravaer", 2, "til_dato", "2024-01-07", id="til_for_fra_i_fravaer"),
    pytest.param("arbeidsforhold", 3, "til_dato", "2023-12-31", id="til_for_fra_i_arbeidsforhold"),
    pytest.param("fravaer", 4, "grad", "10", id="grad_10"),
    pytest.param("fravaer", 4, "grad", "150", id="grad_150"),
    pytest.param("fravaer", 4, "grad", "", id="grad_mangler"),
    pytest.param("fravaer", 3, "grad", "50", id="egenmelding_med_grad_50"),
    pytest.param("arbeidsforhold", 4, "stillingsprosent", "0", id="stillingsprosent_0"),
    pytest.param("arbeidsforhold", 4, "stillingsprosent", "120", id="stillingsprosent_120"),
    pytest.param("arbeidsforhold", 4, "stillingsprosent", "33.333", id="stillingsprosent_33.333"),
    pytest.param("fravaer", 2, "fra_dato", "05.01.2026", id="dato_dag_forst_i_fravaer"),
    pytest.param(
        "arbeidsforhold", 3, "til_dato", "05.01.2026", id="dato_dag_forst_i_arbeidsforhold"
    ),
    pytest.param("fravaer", 2, "til_dato", "2026-02-30", id="dato_som_ikke_finnes_i_fravaer"),
    pytest.param("arbeidsforhold", 2, "fra_dato", "2026-02-30", id="dato_som_ikke_finnes_i_af"),
    pytest.param("fravaer", 3, "person_id", "", id="person_id_mangler_i_fravaer"),
    pytest.param("arbeidsforhold", 2, "person_id", "", id="person_id_mangler_i_arbeidsforhold"),
    pytest.param("fravaer", 2, "type", "ferie", id="type_ferie"),
    pytest.param("virksomheter", 3, "orgnr", "91000000", id="orgnr_med_8_sifre"),
    pytest.param("virksomheter", 2, "overordnet_orgnr", "81000000X", id="overordnet_orgnr_ugyldig"),
    pytest.param("virksomheter", 2, "sektor", "ANNET", id="sektor_annet"),
    pytest.param("virksomheter", 2, "naeringskode", "8891", id="naeringskode_8891"),
    pytest.param("virksomheter", 3, "kommunenummer", "301", id="kommunenummer_301"),
]


@pytest.mark.parametrize(("fil", "linje", "felt", "verdi"), BRUDD)
def test_a_bad_field_is_reported_with_file_row_and_field(
    tmp_path: Path, fil: str, linje: int, felt: str, verdi: str
) -> None:
    feil = _feil(_skriv(tmp_path, _med(fil, linje, felt, verdi)))
    assert [(f.fil, f.rad, f.felt) for f in feil.feil] == [(f"{fil}.csv", linje, felt)]
    assert feil.antall == 1
    assert feil.feil[0].verdi == (verdi or None)
    assert feil.feil[0].melding
    assert f"{fil}.csv, rad {linje}, felt «{felt}»" in str(feil)


def test_a_duplicate_orgnr_names_both_rows(tmp_path: Path) -> None:
    feil = _feil(_skriv(tmp_path, _med("virksomheter", 3, "orgnr", "910000001")))
    assert [(f.fil, f.rad, f.felt) for f in feil.feil] == [
        ("virksomheter.csv", 2, "orgnr"),
        ("virksomheter.csv", 3, "orgnr"),
    ]


def test_a_missing_column_is_reported_from_the_header(tmp_path: Path) -> None:
    tabeller = _gyldig()
    tabeller["fravaer"] = [rad[:-1] for rad in tabeller["fravaer"]]
    kolonner = {**KOLONNER, "fravaer": FRAVAER_KOLONNER[:-1]}
    feil = _feil(_skriv(tmp_path, tabeller, kolonner))
    assert [(f.fil, f.rad, f.felt) for f in feil.feil] == [("fravaer.csv", 1, "grad")]


def test_a_truncated_row_is_reported_with_its_line(tmp_path: Path) -> None:
    _skriv(tmp_path, _gyldig())
    with (tmp_path / "fravaer.csv").open("a", encoding="utf-8") as fil:
        fil.write("p1,910000001,2024-03-")  # line 5, cut off mid-row
    feil = _feil(tmp_path)
    assert [(f.fil, f.rad) for f in feil.feil] == [("fravaer.csv", 5)]
    assert "3" in feil.feil[0].melding and "6" in feil.feil[0].melding  # 3 fields of 6


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    _skriv(tmp_path, _gyldig())
    (tmp_path / "arbeidsforhold.csv").unlink()
    feil = _feil(tmp_path)
    assert len(feil.feil) == 1
    assert feil.feil[0].fil.startswith("arbeidsforhold.")
    assert "arbeidsforhold" in feil.feil[0].melding


def test_csv_and_parquet_of_the_same_table_are_refused(tmp_path: Path) -> None:
    _skriv(tmp_path, _gyldig())
    pq.write_table(
        pa.table({k: [r[i] for r in _gyldig()["fravaer"]] for i, k in enumerate(FRAVAER_KOLONNER)}),
        tmp_path / "fravaer.parquet",
    )
    feil = _feil(tmp_path)
    assert len(feil.feil) == 1
    assert feil.feil[0].fil.startswith("fravaer.")
    assert "fravaer.csv" in feil.feil[0].melding and "fravaer.parquet" in feil.feil[0].melding


def test_more_than_fifty_bad_rows_report_fifty_and_the_total(tmp_path: Path) -> None:
    tabeller = _gyldig()
    tabeller["fravaer"] = [
        ["p1", "910000001", "2024-01-08", "2024-01-12", "sykmelding", "10"] for _ in range(60)
    ]
    feil = _feil(_skriv(tmp_path, tabeller))
    assert [(f.fil, f.rad, f.felt) for f in feil.feil] == [
        ("fravaer.csv", linje, "grad") for linje in range(2, 52)
    ]
    assert feil.antall == 60
    assert "10 feil til" in str(feil)


def test_the_command_line_writes_nothing_for_a_bad_register(tmp_path: Path) -> None:
    inn = _skriv(tmp_path / "inn", _med("fravaer", 4, "grad", "150"))
    ut = tmp_path / "ut"
    svar = CliRunner().invoke(
        app, ["statistikk", "beregn", "--inn", str(inn), "--ut", str(ut)], catch_exceptions=False
    )
    assert svar.exit_code == 2
    assert "fravaer.csv, rad 4, felt «grad»" in svar.stderr
    assert not (ut / "kvartal.csv").exists()
    assert not (ut / "kvartal.parquet").exists()


# --- warnings -------------------------------------------------------------------------------


def _med_advarsler() -> Tabeller:
    tabeller = _gyldig()
    tabeller["arbeidsforhold"] = [
        *([f"p{n}", "910000001", "2024-01-01", "", "100"] for n in range(1, 6)),  # 2-6
        ["p6", "910000002", "2024-02-01", "", "100"],  # 7: starts Thu 1 Feb
    ]
    tabeller["fravaer"] = [
        ["p1", "910000001", "2024-01-08", "2024-01-19", "sykmelding", "50"],  # 2
        ["p1", "910000001", "2024-01-15", "2024-01-17", "sykmelding", "100"],  # 3: inside 2
        # 4: Mon 29-Wed 31 Jan are before p6's job: 3 days (calendar and working days alike)
        ["p6", "910000002", "2024-01-29", "2024-02-02", "sykmelding", "100"],
        ["p2", "910000001", "2024-03-04", "2024-03-05", "egenmelding", "100"],  # 5: clean
    ]
    return tabeller


# Without the optional avdeling column, which this register also shows is allowed.
UTEN_AVDELING = {
    **KOLONNER,
    "arbeidsforhold": tuple(k for k in ARBEIDSFORHOLD_KOLONNER if k != "avdeling"),
}


@pytest.fixture(scope="module")
def advarsler(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Resultat]:
    mappe = _skriv(tmp_path_factory.mktemp("advarsler"), _med_advarsler(), UTEN_AVDELING)
    return mappe, beregn_med_advarsler(mappe, Kvartal(2024, 1), Kvartal(2024, 1))


def _nevnt_rad(melding: str) -> int | None:
    treff = re.search(r"\brad (\d+)\b", melding)
    return int(treff.group(1)) if treff else None


def test_the_avdeling_column_may_be_left_out(advarsler: tuple[Path, Resultat]) -> None:
    _, resultat = advarsler
    kategorier = set(resultat.kvartal["kategori"].to_pylist())
    assert "LAND" in kategorier
    assert "AVDELING" not in kategorier


def test_overlapping_fravaer_is_a_warning_naming_both_rows(
    advarsler: tuple[Path, Resultat],
) -> None:
    _, resultat = advarsler
    overlapp = [a for a in resultat.advarsler.to_pylist() if a["rad"] in (2, 3)]
    assert len(overlapp) == 1
    assert overlapp[0]["fil"] == "fravaer.csv"
    assert {overlapp[0]["rad"], _nevnt_rad(overlapp[0]["melding"])} == {2, 3}


def test_fravaer_outside_the_arbeidsforhold_is_a_warning_with_the_days(
    advarsler: tuple[Path, Resultat],
) -> None:
    _, resultat = advarsler
    utenfor = [a for a in resultat.advarsler.to_pylist() if a["rad"] == 4]
    assert len(utenfor) == 1
    assert utenfor[0]["fil"] == "fravaer.csv"
    assert re.search(r"\b3 dag", utenfor[0]["melding"]), utenfor[0]["melding"]
    # The overlap and this one, nothing for the clean row 5.
    assert resultat.advarsler.num_rows == 2


def test_warnings_do_not_change_what_is_counted(advarsler: tuple[Path, Resultat]) -> None:
    _, resultat = advarsler
    rader = {(r["kategori"], r["kode"]): r for r in resultat.kvartal.to_pylist()}
    # p1: 8-12 Jan at 50 (2.5), 15-17 at 100 (3), 18-19 at 50 (1); p2: 4-5 Mar (2)
    assert rader[("VIRKSOMHET", "910000001")]["tapte_dagsverk"] == Decimal("8.5")
    # p6: only Thu 1-Fri 2 Feb, inside the job
    assert rader[("VIRKSOMHET", "910000002")]["tapte_dagsverk"] == Decimal(2)


def test_the_command_line_writes_the_warnings_to_advarsler_csv(
    advarsler: tuple[Path, Resultat], tmp_path: Path
) -> None:
    inn, resultat = advarsler
    svar = CliRunner().invoke(
        app,
        [
            "statistikk",
            "beregn",
            "--inn",
            str(inn),
            "--ut",
            str(tmp_path),
            "--fra",
            "2024K1",
            "--til",
            "2024K1",
        ],
        catch_exceptions=False,
    )
    assert svar.exit_code == 0, svar.output
    with (tmp_path / "advarsler.csv").open(encoding="utf-8") as fil:
        skrevet = list(csv.DictReader(fil))
    assert [(r["fil"], int(r["rad"]), r["melding"]) for r in skrevet] == [
        (a["fil"], a["rad"], a["melding"]) for a in resultat.advarsler.to_pylist()
    ]
    assert "2 advarsler" in svar.stdout
