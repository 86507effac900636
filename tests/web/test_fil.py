"""Reading and validating kvartal.csv / kvartal.parquet (no database)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naervaer.web.statistikk.fil import (
    KOLONNER,
    Filfeil,
    Rad,
    Radfeil,
    _Feltfeil,
    _rask,
    _rask_typet,
    _valider_felter,
    antall_rader,
    les_kvartalsfil,
)
from tests.web.conftest import SkrivCsv, rad


def les(sti: Path) -> list[Rad | Radfeil]:
    return list(les_kvartalsfil(sti))


def feil(sti: Path) -> list[str]:
    return [r.melding for r in les(sti) if isinstance(r, Radfeil)]


def test_it_works(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3", personer=3)])
    rader = les(sti)
    assert rader[0] == Rad(
        2, "VIRKSOMHET", "910000001", 2024, 4, 10, 1000.0, 68.0, 17.0, 51.0, 12.75, 20.4, 47.6
    )
    assert isinstance(rader[1], Rad)
    assert rader[1].radnr == 3


def test_it_accepts_the_columns_in_any_order(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad()], kolonner=reversed(KOLONNER))
    (lest,) = les(sti)
    assert isinstance(lest, Rad)
    assert lest.kode == "910000001"


def test_it_names_file_row_and_field(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3", mulige_dagsverk="1000,5")])
    assert feil(sti) == [
        "kvartal.csv, rad 3, felt «mulige_dagsverk»: «1000,5» har komma; bruk punktum som "
        "desimaltegn"
    ]


def test_it_refuses_missing_and_unknown_columns(skriv_csv: SkrivCsv) -> None:
    kolonner = [k for k in KOLONNER if k != "prosent"] + ["ekstra"]
    sti = skriv_csv([{**rad(), "ekstra": "1"}], kolonner=kolonner)
    with pytest.raises(Filfeil) as unntak:
        les(sti)
    assert "kvartal.csv: mangler kolonnene prosent" in unntak.value.feil
    assert "kvartal.csv: ukjente kolonner ekstra" in unntak.value.feil


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    sti = tmp_path / "kvartal.csv"
    sti.write_text("")
    with pytest.raises(Filfeil, match="tom"):
        les(sti)


def test_it_refuses_other_file_types(tmp_path: Path) -> None:
    sti = tmp_path / "kvartal.xlsx"
    sti.write_text("x")
    with pytest.raises(Filfeil, match=r"\.csv og \.parquet"):
        les(sti)


def test_it_refuses_a_row_of_wrong_length(skriv_csv: SkrivCsv, tmp_path: Path) -> None:
    sti = skriv_csv([rad()])
    sti.write_text(sti.read_text() + "VIRKSOMHET,910000001\n")
    assert feil(sti) == ["kvartal.csv, rad 3: har 2 felt, skal ha 14"]


def test_it_hints_at_a_decimal_comma(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad()])
    sti.write_text(sti.read_text().replace("1000,68", "1000,5,68"))
    assert feil(sti) == ["kvartal.csv, rad 2: har 15 felt, skal ha 14 (desimalkomma? bruk punktum)"]


@pytest.mark.parametrize(
    ("endring", "felt", "tekst"),
    [
        ({"kategori": "KOMMUNE"}, "kategori", "er ukjent"),
        ({"kode": "12345"}, "kode", "ni sifre"),
        ({"kategori": "SEKTOR", "kode": "OFFENTLIG"}, "kode", "KOMMUNAL"),
        ({"kategori": "NAERING", "kode": "1"}, "kode", "to sifre"),
        ({"kategori": "AVDELING", "kode": "910000001"}, "kode", "orgnr/avdeling"),
        ({"arstall": "24"}, "arstall", "utenfor"),
        ({"kvartal": "5"}, "kvartal", "ikke 1-4"),
        ({"antall_personer": "-3"}, "antall_personer", "ikke-negativt heltall"),
        ({"antall_personer": ""}, "antall_personer", "mangler"),
        ({"tapte_dagsverk_gradert": "nan"}, "tapte_dagsverk_gradert", "endelig"),
        ({"mulige_dagsverk": "mange"}, "mulige_dagsverk", "ikke et tall"),
        ({"mulige_dagsverk": "50"}, "tapte_dagsverk", "større enn mulige_dagsverk"),
        ({"tapte_dagsverk_egenmeldt": "1"}, "tapte_dagsverk", "egenmeldt"),
        ({"tapte_dagsverk_korttid": "1"}, "tapte_dagsverk", "korttid"),
        ({"tapte_dagsverk_gradert": "52"}, "tapte_dagsverk_gradert", "legemeldt"),
        ({"er_maskert": "kanskje"}, "er_maskert", "verken true eller false"),
        ({"prosent": "7.5"}, "prosent", "stemmer ikke"),
        ({"prosent": ""}, "prosent", "mangler"),
    ],
)
def test_it_validates_every_field(
    skriv_csv: SkrivCsv, endring: dict[str, Any], felt: str, tekst: str
) -> None:
    (melding,) = feil(skriv_csv([rad(**endring)]))
    assert melding.startswith(f"kvartal.csv, rad 2, felt «{felt}»: ")
    assert tekst in melding


def test_a_row_of_few_persons_must_be_masked(skriv_csv: SkrivCsv) -> None:
    (melding,) = feil(skriv_csv([rad(personer=4, er_maskert="false", prosent="6.8")]))
    assert "«er_maskert»" in melding
    assert "bare 4 personer" in melding


def test_a_masked_row_has_no_percentage(skriv_csv: SkrivCsv) -> None:
    (melding,) = feil(skriv_csv([rad(personer=4, prosent="6.8")]))
    assert "«prosent»: skal være tom" in melding


def test_a_row_without_mulige_dagsverk_needs_no_percentage(skriv_csv: SkrivCsv) -> None:
    assert feil(skriv_csv([rad(mulige="0", tapte="0")])) == []


def test_it_accepts_the_engines_number_formats(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv(
        [rad(mulige="1e3", er_maskert="False"), rad(periode="2024K3", mulige="1000.0000")]
    )
    assert feil(sti) == []


def test_it_reads_parquet_with_exact_decimals(tmp_path: Path) -> None:
    felter = rad()
    tabell = pa.table(
        {
            k: (
                pa.array([Decimal(str(felter[k]))], pa.decimal128(38, 8))
                if k.endswith("dagsverk") or k.startswith("tapte")
                else pa.array([Decimal(str(felter[k]))], pa.decimal128(6, 1))
                if k == "prosent"
                else pa.array([int(str(felter[k]))], pa.int64())
                if k in {"arstall", "kvartal", "antall_personer"}
                else pa.array([False])
                if k == "er_maskert"
                else pa.array([str(felter[k])])
            )
            for k in KOLONNER
        }
    )
    sti = tmp_path / "kvartal.parquet"
    pq.write_table(tabell, sti)
    (lest,) = les(sti)
    assert lest == Rad(
        1, "VIRKSOMHET", "910000001", 2024, 4, 10, 1000.0, 68.0, 17.0, 51.0, 12.75, 20.4, 47.6
    )
    assert antall_rader(sti) == 1


def test_it_reads_a_masked_parquet_row(tmp_path: Path) -> None:
    felter = rad(personer=3)
    data = {k: [felter[k]] for k in KOLONNER}
    data["prosent"] = [None]
    data["er_maskert"] = [True]
    data["antall_personer"] = [3]
    sti = tmp_path / "kvartal.parquet"
    pq.write_table(pa.table({k: pa.array(v) for k, v in data.items()}), sti)
    assert isinstance(les(sti)[0], Rad)


def test_it_counts_rows_cheaply(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(periode=f"2024K{k}") for k in (1, 2, 3)])
    assert antall_rader(sti) == 3
    sti.write_text(sti.read_text().rstrip("\n"))
    assert antall_rader(sti) == 3


# --- The fast paths accept nothing the careful validation refuses, with the same result ----------

_GYLDIG_CSV = (
    "VIRKSOMHET", "910000001", "2024", "4", "10",
    "1000", "68", "17", "51", "12.75", "20.4", "47.6", "6.8", "false",
)  # fmt: skip


def _varianter(tall: object) -> list[object]:
    """Texts for the same number that a careful reader may refuse, and some plainly wrong ones."""
    t = str(tall)
    return [
        f" {t}",
        f"{t} ",
        f"{t[0]}_{t[1:]}" if len(t) > 1 else f"_{t}",
        f"{t}0" if "." in t else f"{t}.0",
        f"{t}e0",
        t.replace(".", ","),
        "nan",
        "inf",
        f"-{t}",
        "",
    ]


_ANDRE_CSV: list[list[object]] = [
    ["virksomhet", "LAND", "KOMMUNE", " VIRKSOMHET", "AVDELING", ""],
    [" 910000001 ", "NO", "12345", "", "910000001/a "],
    ["2024 ", "+2024", "1800", "٢٠٢٤", ""],
    ["1", "5", " 4", "4.0", ""],
    ["3", "4", "5", "-3", "10.0", "", "٣"],
    *[_varianter(t) for t in _GYLDIG_CSV[5:12]],
    ["", " ", "6.9", "7.5", "6,8", "nan", "6_8", " 6.8", "6.80"],
    ["true", "True", "FALSE", "1", "0", "ja", ""],
]


def _endret(gyldig: Sequence[object], andre: list[list[object]]) -> st.SearchStrategy[list[object]]:
    endring = st.integers(0, len(gyldig) - 1).flatmap(
        lambda i: st.tuples(st.just(i), st.sampled_from(andre[i]))
    )

    def bruk(endringer: list[tuple[int, object]]) -> list[object]:
        rad = list(gyldig)
        for i, verdi in endringer:
            rad[i] = verdi
        return rad

    return st.lists(endring, max_size=3).map(bruk)


def _careful(verdier: Sequence[object]) -> Rad | None:
    try:
        return _valider_felter(1, verdier)
    except _Feltfeil:
        return None


def test_the_fast_paths_take_a_valid_row() -> None:
    assert _rask(1, _GYLDIG_CSV) is not None
    assert _rask_typet(1, _GYLDIG_TYPET) is not None


@settings(max_examples=400)
@given(_endret(_GYLDIG_CSV, _ANDRE_CSV))
def test_the_fast_csv_path_agrees_with_the_careful_one(verdier: list[object]) -> None:
    rask = _rask(1, verdier)
    if rask is not None:
        assert _careful(verdier) == rask


_GYLDIG_TYPET = (
    "VIRKSOMHET", "910000001", 2024, 4, 10,
    1000.0, 68.0, 17.0, 51.0, 12.75, 20.4, 47.6, 6.8, False,
)  # fmt: skip
_TALL_TYPET: list[object] = [0.0, 68.0, float("nan"), float("inf"), -1.0, None, "68", 68]
_ANDRE_TYPET: list[list[object]] = [
    ["virksomhet", "LAND", 1, None],
    [" 910000001 ", "NO", 910000001, None],
    [2024.0, 1800, "2024", None, True],
    [0, 5, 4.0, None],
    [3, 4, -1, 10.0, None, True],
    *[_TALL_TYPET] * 7,
    [None, 6.9, 7.5, float("nan"), "6.8"],
    [True, None, "false", 0],
]


@settings(max_examples=400)
@given(_endret(_GYLDIG_TYPET, _ANDRE_TYPET))
def test_the_fast_parquet_path_agrees_with_the_careful_one(verdier: list[object]) -> None:
    rask = _rask_typet(1, verdier)
    if rask is not None:
        assert _careful(verdier) == rask
