"""The statistics store: idempotent bulk loading, one transaction, reading a unit back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from naervaer.statistikk.kvartal import Kvartal
from naervaer.web.statistikk import lager
from naervaer.web.statistikk.fil import Filfeil
from naervaer.web.statistikk.lager import Lasteresultat, hent_kvartalstall, last_inn
from naervaer.web.statistikk.models import Kvartalsstatistikk
from tests.web.conftest import SkrivCsv, rad

pytestmark = pytest.mark.django_db


def test_it_works(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3", personer=3)])
    assert last_inn(sti) == Lasteresultat(nye=2, endrede=0, uendrede=0)
    lagret = Kvartalsstatistikk.objects.get(arstall=2024, kvartal=4)
    assert lagret.kategori == "VIRKSOMHET"
    assert lagret.antall_personer == 10
    assert lagret.tapte_dagsverk_gradert == 12.75
    assert lagret.kilde == str(sti.resolve())


def test_loading_the_same_file_twice_changes_nothing(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3")])
    last_inn(sti)
    for_ = list(Kvartalsstatistikk.objects.order_by("id").values())
    assert last_inn(sti) == Lasteresultat(nye=0, endrede=0, uendrede=2)
    assert list(Kvartalsstatistikk.objects.order_by("id").values()) == for_


def test_a_corrected_file_replaces_rows(skriv_csv: SkrivCsv, tmp_path: Path) -> None:
    last_inn(skriv_csv([rad(), rad(periode="2024K3")]))
    lastet_for = Kvartalsstatistikk.objects.get(kvartal=3).lastet
    rettet = skriv_csv(
        [rad(tapte="70"), rad(periode="2024K3"), rad(periode="2025K1")], navn="rettet.csv"
    )
    assert last_inn(rettet) == Lasteresultat(nye=1, endrede=1, uendrede=1)
    endret = Kvartalsstatistikk.objects.get(kvartal=4)
    assert endret.tapte_dagsverk == 70.0
    assert endret.kilde == str(rettet.resolve())
    uendret = Kvartalsstatistikk.objects.get(kvartal=3)
    assert uendret.kilde.endswith("kvartal.csv")
    assert uendret.lastet == lastet_for
    assert Kvartalsstatistikk.objects.count() == 3


def test_nothing_is_written_when_a_row_is_bad(skriv_csv: SkrivCsv) -> None:
    last_inn(skriv_csv([rad()]))
    sti = skriv_csv(
        [rad(tapte="70"), rad(periode="2025K1"), rad(periode="2025K2", kvartal="7")],
        navn="feil.csv",
    )
    with pytest.raises(Filfeil) as unntak:
        last_inn(sti)
    assert unntak.value.feil == ["feil.csv, rad 4, felt «kvartal»: 7 er ikke 1-4"]
    assert Kvartalsstatistikk.objects.count() == 1
    assert Kvartalsstatistikk.objects.get().tapte_dagsverk == 68.0


def test_it_stops_after_twenty_errors(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(kvartal="9", kode=f"9100000{i:02d}") for i in range(30)])
    with pytest.raises(Filfeil) as unntak:
        last_inn(sti)
    assert len(unntak.value.feil) == 21
    assert "stopper etter 20 feil" in unntak.value.feil[-1]


def test_it_refuses_two_rows_for_one_quarter(skriv_csv: SkrivCsv) -> None:
    sti = skriv_csv([rad(), rad(periode="2024K3"), rad(tapte="1")])
    with pytest.raises(Filfeil) as unntak:
        last_inn(sti)
    assert unntak.value.feil == [
        "kvartal.csv, rad 2 og rad 4: samme enhet og kvartal to ganger "
        "(VIRKSOMHET 910000001 2024K4)"
    ]
    assert not Kvartalsstatistikk.objects.exists()


def test_it_loads_in_batches(skriv_csv: SkrivCsv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lager, "BOLK", 7)
    rader = [rad(kode=f"9100{i:05d}", periode=f"2024K{k}") for i in range(10) for k in (1, 2, 3, 4)]
    sti = skriv_csv(rader)
    fremdrift: list[int] = []
    assert last_inn(sti, fremdrift=fremdrift.append).nye == 40
    assert sum(fremdrift) == 40
    assert Kvartalsstatistikk.objects.count() == 40
    assert last_inn(sti).uendrede == 40


def test_it_keeps_full_precision(skriv_csv: SkrivCsv) -> None:
    last_inn(skriv_csv([rad(mulige="1234.56789012345", tapte="0.1")]))
    lagret = Kvartalsstatistikk.objects.get()
    assert lagret.mulige_dagsverk == 1234.56789012345
    assert lagret.tapte_dagsverk == 0.1


def test_it_reads_a_unit_back_as_decimals(skriv_csv: SkrivCsv) -> None:
    last_inn(
        skriv_csv(
            [rad(periode="2024K4", tapte="0.1"), rad(periode="2024K3"), rad(kode="910000002")]
        )
    )
    kvartaler = hent_kvartalstall("VIRKSOMHET", "910000001")
    assert [k.kvartal for k in kvartaler] == [Kvartal(2024, 3), Kvartal(2024, 4)]
    # The number as the file wrote it, not 0.1000000000000000055…
    assert kvartaler[1].tall.tapte_dagsverk == Decimal("0.1")
    assert kvartaler[1].tall.antall_personer == 10


def test_an_unknown_unit_has_no_quarters() -> None:
    assert hent_kvartalstall("VIRKSOMHET", "999999999") == []


def test_benchmarks_are_read_again_after_a_load(skriv_csv: SkrivCsv) -> None:
    land = ("LAND", "NO")
    last_inn(skriv_csv([rad("LAND", "NO", "2024K4", 1000, "1000", "60")]))
    # Twice: the second answer comes from the process's copy of the benchmarks.
    for _ in range(2):
        [kvartal] = lager.hent_enheter([land])[(lager.Kategori.LAND, "NO")]
        assert kvartal.tall.tapte_dagsverk == Decimal(60)
    last_inn(skriv_csv([rad("LAND", "NO", "2024K4", 1000, "1000", "75")], navn="ny.csv"))
    [kvartal] = lager.hent_enheter([land])[(lager.Kategori.LAND, "NO")]
    assert kvartal.tall.tapte_dagsverk == Decimal(75)
    # A virksomhet's own rows are never kept: they are read for each request.
    last_inn(skriv_csv([rad(periode="2024K4")], navn="virksomhet.csv"))
    egen = (lager.Kategori.VIRKSOMHET, "910000001")
    assert egen in lager.hent_enheter([land, ("VIRKSOMHET", "910000001")])
    assert egen not in lager._HURTIGLAGER.rader
    assert (lager.Kategori.LAND, "NO") in lager._HURTIGLAGER.rader
