"""``naervaer statistikk vis``."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from typer.testing import CliRunner

from naervaer.cli import app
from naervaer.web.statistikk.lager import last_inn
from tests.web.conftest import SkrivCsv

pytestmark = pytest.mark.django_db

runner = CliRunner()


@pytest.fixture(autouse=True)
def lastet(skriv_csv: SkrivCsv, enhet_med_historikk: list[dict[str, object]]) -> None:
    last_inn(skriv_csv(enhet_med_historikk))


def vis(*argumenter: str) -> tuple[int, str, str]:
    resultat = runner.invoke(app, ["statistikk", "vis", *argumenter])
    return resultat.exit_code, resultat.stdout, resultat.stderr


def test_it_works() -> None:
    kode, ut, _ = vis("--kategori", "VIRKSOMHET", "--kode", "910000001")
    assert kode == 0
    assert "Sykefravær for virksomhet 910000001" in ut
    assert "1. januar 2024 – 31. desember 2024" in ut
    # (70 + 60 + 55 + 68) / 4000 = 6.325 %
    assert "6,3 %" in ut
    assert "+0,5 prosentpoeng" in ut
    assert "4. kvartal 2023" in ut
    assert "maskert (færre enn 5 personer)" in ut  # 2024K2 had three persons


def test_it_prints_json() -> None:
    kode, ut, _ = vis("--kategori", "VIRKSOMHET", "--kode", "910000001", "--json")
    assert kode == 0
    assert json.loads(ut) == {
        "kategori": "VIRKSOMHET",
        "kode": "910000001",
        "periode": "2024K4",
        "siste_fire_kvartaler": {
            "prosent": "6.3",
            "kvartaler": ["2024K1", "2024K2", "2024K3", "2024K4"],
            "antall_personer": 12,
            "er_maskert": False,
            "tapte_dagsverk": "253.0",
            "mulige_dagsverk": "4000.0",
        },
        "trend": {"prosentpoeng": "0.5", "er_maskert": False},
        "kvartaler": [
            {"periode": "2023K4", "prosent": "6.3", "er_maskert": False},
            {"periode": "2024K1", "prosent": "7.0", "er_maskert": False},
            {"periode": "2024K2", "prosent": None, "er_maskert": True},
            {"periode": "2024K3", "prosent": "5.5", "er_maskert": False},
            {"periode": "2024K4", "prosent": "6.8", "er_maskert": False},
        ],
    }


def test_it_shows_an_earlier_period() -> None:
    _kode, ut, _ = vis(
        "--kategori", "VIRKSOMHET", "--kode", "910000001", "--periode", "2024K2", "--json"
    )
    data = json.loads(ut)
    assert data["periode"] == "2024K2"
    assert data["siste_fire_kvartaler"]["kvartaler"] == ["2023K4", "2024K1", "2024K2"]
    assert data["trend"] == {"prosentpoeng": None, "er_maskert": False}
    assert [k["periode"] for k in data["kvartaler"]] == ["2023K4", "2024K1", "2024K2"]


def test_it_masks_a_unit_of_few_persons() -> None:
    kode, ut, _ = vis("--kategori", "VIRKSOMHET", "--kode", "910000002", "--json")
    assert kode == 0
    data = json.loads(ut)
    assert data["siste_fire_kvartaler"] == {
        "prosent": None,
        "kvartaler": ["2024K4"],
        "antall_personer": None,
        "er_maskert": True,
        "tapte_dagsverk": None,
        "mulige_dagsverk": None,
    }
    assert data["trend"] == {"prosentpoeng": None, "er_maskert": True}
    assert "37" not in ut  # neither the tapte dagsverk nor a percentage (3.7) leaks
    assert "3.7" not in ut


def test_the_table_masks_too() -> None:
    _, ut, _ = vis("--kategori", "VIRKSOMHET", "--kode", "910000002")
    assert "%" not in ut
    assert "maskert (færre enn 5 personer)" in ut


@override_settings(NAERVAER_MASKERINGSTERSKEL=11)
def test_it_uses_the_configured_threshold() -> None:
    _, ut, _ = vis("--kategori", "VIRKSOMHET", "--kode", "910000001", "--json")
    data = json.loads(ut)
    assert data["siste_fire_kvartaler"]["prosent"] == "6.3"  # 12 persons in 2024K1
    assert data["trend"]["er_maskert"] is True
    assert all(k["er_maskert"] for k in data["kvartaler"] if k["periode"] != "2024K1")


def test_it_handles_an_unknown_unit() -> None:
    kode, ut, feil = vis("--kategori", "VIRKSOMHET", "--kode", "999999999")
    assert kode == 1
    assert ut == ""
    assert "Fant ingen statistikk for VIRKSOMHET 999999999" in feil


def test_it_handles_an_unknown_kategori() -> None:
    kode, _, feil = vis("--kategori", "KOMMUNE", "--kode", "0301")
    assert kode == 1
    assert "Ukjent kategori «KOMMUNE»" in feil


def test_it_handles_a_bad_periode() -> None:
    kode, _, feil = vis("--kategori", "VIRKSOMHET", "--kode", "910000001", "--periode", "2024-4")
    assert kode == 1
    assert "Ugyldig periode" in feil


def test_kategori_is_case_insensitive() -> None:
    kode, ut, _ = vis("--kategori", "virksomhet", "--kode", "910000001", "--json")
    assert kode == 0
    assert json.loads(ut)["kategori"] == "VIRKSOMHET"
