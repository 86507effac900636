"""The pandas reference (the oracle) against the hand-computed registers and on random registers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from benchmarks.pandas_referanse import KOLONNER, beregn

from naervaer.statistikk.kolonner import DAGSVERK_KOLONNER
from naervaer.statistikk.kvartal import Kvartal
from tests.statistikk.handregnet import TILFELLER, Handregnet, Nokkel, skriv_register

SUMMER = DAGSVERK_KOLONNER


def _etter_nokkel(resultat: pd.DataFrame) -> dict[Nokkel, dict[str, object]]:
    rader: dict[Nokkel, dict[str, object]] = {}
    for post in resultat.to_dict("records"):
        rad = {str(k): v for k, v in post.items()}
        nokkel = (str(rad["kategori"]), str(rad["kode"]), int(rad["arstall"]), int(rad["kvartal"]))
        assert nokkel not in rader, f"{nokkel} occurs twice"
        rader[nokkel] = rad
    return rader


def _sjekk(tilfelle: Handregnet, resultat: pd.DataFrame) -> None:
    assert list(resultat.columns) == list(KOLONNER)
    rader = _etter_nokkel(resultat)
    for nokkel, forventet in tilfelle.forventet.items():
        assert nokkel in rader, f"{tilfelle.navn}: no row {nokkel}"
        rad = rader[nokkel]
        for kolonne, verdi in forventet.items():
            faktisk = rad[kolonne]
            hvor = f"{tilfelle.navn} {nokkel} {kolonne}"
            if kolonne in SUMMER:
                assert faktisk == pytest.approx(verdi, abs=1e-9), hvor
            elif kolonne == "prosent":
                assert faktisk == verdi, hvor  # a string, or None: exact
            else:
                assert faktisk == verdi, hvor
                assert type(faktisk) is not float, hvor
    for nokkel in tilfelle.ingen_rad:
        assert nokkel not in rader, f"{tilfelle.navn}: unexpected row {nokkel}"
    antall = resultat["kategori"].value_counts()
    for kategori, forventet_antall in tilfelle.rader_per_kategori.items():
        assert antall.get(kategori, 0) == forventet_antall, f"{tilfelle.navn}: {kategori}"


@pytest.mark.parametrize("tilfelle", TILFELLER, ids=[t.navn for t in TILFELLER])
def test_handregnet(tilfelle: Handregnet, tmp_path: Path) -> None:
    skriv_register(tilfelle, tmp_path)
    _sjekk(tilfelle, beregn(tmp_path, tilfelle.fra, tilfelle.til))


def test_handregnede_navn_er_unike() -> None:
    navn = [t.navn for t in TILFELLER]
    assert len(navn) == len(set(navn))


@pytest.mark.parametrize("tilfelle", TILFELLER[:4], ids=[t.navn for t in TILFELLER[:4]])
def test_parquet_gir_det_samme_som_csv(tilfelle: Handregnet, tmp_path: Path) -> None:
    skriv_register(tilfelle, tmp_path / "csv")
    (tmp_path / "parquet").mkdir()
    for navn in ("virksomheter", "arbeidsforhold", "fravaer"):
        tabell = pd.read_csv(tmp_path / "csv" / f"{navn}.csv", dtype=str)
        for kolonne in ("fra_dato", "til_dato"):
            if kolonne in tabell:
                tabell[kolonne] = pd.to_datetime(tabell[kolonne]).dt.date
        for kolonne in ("stillingsprosent", "grad"):
            if kolonne in tabell:
                tabell[kolonne] = pd.to_numeric(tabell[kolonne])
        tabell.to_parquet(tmp_path / "parquet" / f"{navn}.parquet", index=False)
    fra_csv = beregn(tmp_path / "csv", tilfelle.fra, tilfelle.til)
    fra_parquet = beregn(tmp_path / "parquet", tilfelle.fra, tilfelle.til)
    pd.testing.assert_frame_equal(fra_csv, fra_parquet)
    _sjekk(tilfelle, fra_parquet)


def test_tar_kvartal_objekter(tmp_path: Path) -> None:
    tilfelle = TILFELLER[0]
    skriv_register(tilfelle, tmp_path)
    som_tuppel = beregn(tmp_path, tilfelle.fra, tilfelle.til)
    som_kvartal = beregn(tmp_path, Kvartal(*tilfelle.fra), Kvartal(*tilfelle.til))
    pd.testing.assert_frame_equal(som_tuppel, som_kvartal)


# --- random registers -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tilfeldig:
    virksomheter: pd.DataFrame
    arbeidsforhold: pd.DataFrame
    fravaer: pd.DataFrame

    def skriv(self, mappe: Path) -> None:
        self.virksomheter.to_csv(mappe / "virksomheter.csv", index=False)
        self.arbeidsforhold.to_csv(mappe / "arbeidsforhold.csv", index=False)
        self.fravaer.to_csv(mappe / "fravaer.csv", index=False)


def _tilfeldig_register(seed: int, antall_personer: int = 40) -> _Tilfeldig:
    """A small, messy register: part time, several jobs, overlapping and misplaced fravær."""
    rng = np.random.default_rng(seed)
    virksomheter = pd.DataFrame(
        {
            "orgnr": ["910000001", "910000002", "910000003", "910000004"],
            "overordnet_orgnr": ["810000001", "810000001", "810000002", "810000003"],
            "navn": ["A", "B", "C", "D"],
            "naeringskode": ["88.911", "86103", "49.340", "41.200"],
            "sektor": ["KOMMUNAL", "STATLIG", "PRIVAT", "UKJENT"],
            "kommunenummer": ["0301", "4601", "0301", "5001"],
        }
    )
    start = date(2023, 12, 1)
    af_rader, fr_rader = [], []
    for nummer in range(antall_personer):
        person = f"p{nummer}"
        orgnr_for_person = []
        for _ in range(int(rng.integers(1, 3))):
            orgnr = str(rng.choice(virksomheter["orgnr"]))
            orgnr_for_person.append(orgnr)
            fra = start + timedelta(days=int(rng.integers(0, 200)))
            til = None if rng.random() < 0.4 else fra + timedelta(days=int(rng.integers(0, 150)))
            af_rader.append(
                {
                    "person_id": person,
                    "orgnr": orgnr,
                    "avdeling": rng.choice(["", "A", "B"]),
                    "fra_dato": fra.isoformat(),
                    "til_dato": "" if til is None else til.isoformat(),
                    "stillingsprosent": float(rng.choice([20, 37.5, 50, 60, 80, 100])),
                }
            )
        for _ in range(int(rng.integers(0, 7))):
            # Mostly in one of the person's own virksomheter, now and then in another one.
            orgnr = (
                str(rng.choice(orgnr_for_person))
                if rng.random() < 0.9
                else str(rng.choice(virksomheter["orgnr"]))
            )
            fra = start + timedelta(days=int(rng.integers(0, 230)))
            egen = rng.random() < 0.3
            lengde = int(rng.integers(0, 4 if egen else 40))
            fr_rader.append(
                {
                    "person_id": person,
                    "orgnr": orgnr,
                    "fra_dato": fra.isoformat(),
                    "til_dato": (fra + timedelta(days=lengde)).isoformat(),
                    "type": "egenmelding" if egen else "sykmelding",
                    "grad": 100 if egen else int(rng.choice([20, 40, 50, 60, 100])),
                }
            )
    return _Tilfeldig(virksomheter, pd.DataFrame(af_rader), pd.DataFrame(fr_rader))


TILFELDIGE_FROE = (1, 2, 3)


@pytest.fixture(scope="module", params=TILFELDIGE_FROE)
def tilfeldig(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[_Tilfeldig, pd.DataFrame]:
    register = _tilfeldig_register(request.param)
    mappe = tmp_path_factory.mktemp(f"tilfeldig{request.param}")
    register.skriv(mappe)
    return register, beregn(mappe, (2024, 1), (2024, 2))


def test_tilfeldig_invarianter_per_rad(tilfeldig: tuple[_Tilfeldig, pd.DataFrame]) -> None:
    _, resultat = tilfeldig
    assert not resultat.empty
    tapte = resultat["tapte_dagsverk"]
    deler = resultat["tapte_dagsverk_korttid"] + resultat["tapte_dagsverk_langtid"]
    assert np.allclose(deler, tapte, rtol=0, atol=1e-9)
    typer = resultat["tapte_dagsverk_egenmeldt"] + resultat["tapte_dagsverk_legemeldt"]
    assert np.allclose(typer, tapte, rtol=0, atol=1e-9)
    assert (tapte <= resultat["mulige_dagsverk"] + 1e-9).all()
    assert (resultat["tapte_dagsverk_gradert"] <= resultat["tapte_dagsverk_legemeldt"] + 1e-9).all()
    assert (resultat[list(SUMMER)] >= 0).all().all()
    assert (resultat["antall_personer"] >= 1).all()
    assert (resultat["er_maskert"] == (resultat["antall_personer"] < 5)).all()
    uten_prosent = resultat["er_maskert"] | (resultat["mulige_dagsverk"] == 0)
    assert (resultat["prosent"].isna() == uten_prosent).all()
    vist = resultat.loc[~uten_prosent]
    regnet = vist["tapte_dagsverk"] / vist["mulige_dagsverk"] * 100
    assert np.allclose(vist["prosent"].astype(float), regnet, rtol=0, atol=0.05 + 1e-9)


def test_tilfeldig_inndelinger_summerer_til_landet(
    tilfeldig: tuple[_Tilfeldig, pd.DataFrame],
) -> None:
    _, resultat = tilfeldig
    kvartal = ["arstall", "kvartal"]
    land = resultat.loc[resultat["kategori"] == "LAND"].set_index(kvartal)
    for kategori in (
        "SEKTOR",
        "NAERING",
        "NAERINGSKODE",
        "FYLKE",
        "STORRELSE",
        "VIRKSOMHET",
        "OVERORDNET_ENHET",
    ):
        del_ = resultat.loc[resultat["kategori"] == kategori].groupby(kvartal)
        summer = del_[list(SUMMER)].sum()
        pd.testing.assert_frame_equal(summer, land[list(SUMMER)], check_exact=False, atol=1e-9)
        # A person in several units is counted in each, but only once in the country.
        personer = del_["antall_personer"]
        assert (personer.sum() >= land["antall_personer"]).all(), kategori
        assert (personer.max() <= land["antall_personer"]).all(), kategori

    virksomhet = resultat.loc[resultat["kategori"] == "VIRKSOMHET"]
    avdeling = resultat.loc[resultat["kategori"] == "AVDELING"].copy()
    avdeling["kode"] = avdeling["kode"].str.split("/").str[0]
    per_virksomhet = avdeling.groupby(["kode", *kvartal])[list(SUMMER)].sum()
    hele = virksomhet.set_index(["kode", *kvartal]).loc[per_virksomhet.index, list(SUMMER)]
    assert (per_virksomhet <= hele + 1e-9).all().all()


def _dager(fra: date, til: date) -> list[date]:
    return [fra + timedelta(days=n) for n in range((til - fra).days + 1)]


@dataclass
class _Periode:
    fra: date
    til: date
    syk: bool
    grad: float
    tilfelle: tuple[date, date] = (date.min, date.min)  # first and last day of its case


def _neste_virkedag(dag: date) -> date:
    dag += timedelta(days=1)
    while dag.weekday() >= 5:
        dag += timedelta(days=1)
    return dag


def _dag_for_dag(register: _Tilfeldig, kvartaler: list[Kvartal]) -> dict[Kvartal, dict[str, float]]:
    """LAND, counted the slow way: day by day, each rule spelled out as plainly as possible."""
    fravaer: dict[tuple[str, str], list[_Periode]] = defaultdict(list)
    for rad in register.fravaer.to_dict("records"):
        fravaer[(str(rad["person_id"]), str(rad["orgnr"]))].append(
            _Periode(
                date.fromisoformat(str(rad["fra_dato"])),
                date.fromisoformat(str(rad["til_dato"])),
                rad["type"] == "sykmelding",
                float(rad["grad"]),
            )
        )

    for perioder in fravaer.values():
        # A period joins the case while it starts no later than the first working day after
        # the latest end so far.
        tilfeller: list[list[_Periode]] = []
        for periode in sorted(perioder, key=lambda p: p.fra):
            if tilfeller and periode.fra <= _neste_virkedag(max(p.til for p in tilfeller[-1])):
                tilfeller[-1].append(periode)
            else:
                tilfeller.append([periode])
        for tilfelle in tilfeller:
            grenser = (min(p.fra for p in tilfelle), max(p.til for p in tilfelle))
            for periode in tilfelle:
                periode.tilfelle = grenser

    resultat: dict[Kvartal, dict[str, float]] = {}
    for kv in kvartaler:
        summer = dict.fromkeys(SUMMER, 0.0)
        personer = set()
        for af in register.arbeidsforhold.to_dict("records"):
            af_fra = date.fromisoformat(str(af["fra_dato"]))
            af_til = date.fromisoformat(str(af["til_dato"])) if af["til_dato"] else date.max
            fra, til = max(af_fra, kv.start), min(af_til, kv.slutt)
            if fra > til:
                continue
            personer.add(af["person_id"])
            stilling = float(af["stillingsprosent"]) / 100
            egne = fravaer.get((str(af["person_id"]), str(af["orgnr"])), [])
            for dag in _dager(fra, til):
                if dag.weekday() >= 5:
                    continue
                summer["mulige_dagsverk"] += stilling
                dekker = [p for p in egne if p.fra <= dag <= p.til]
                if not dekker:
                    continue
                vinner = max(dekker, key=lambda p: (p.grad, p.syk))
                tapt = stilling * vinner.grad / 100
                summer["tapte_dagsverk"] += tapt
                if vinner.syk:
                    summer["tapte_dagsverk_legemeldt"] += tapt
                    if vinner.grad < 100:
                        summer["tapte_dagsverk_gradert"] += tapt
                else:
                    summer["tapte_dagsverk_egenmeldt"] += tapt
                forste, siste = vinner.tilfelle
                varighet = (min(siste, kv.slutt) - forste).days + 1
                summer[
                    "tapte_dagsverk_korttid" if varighet <= 16 else "tapte_dagsverk_langtid"
                ] += tapt
        resultat[kv] = {**summer, "antall_personer": float(len(personer))}
    return resultat


def test_tilfeldig_land_som_dag_for_dag(tilfeldig: tuple[_Tilfeldig, pd.DataFrame]) -> None:
    register, resultat = tilfeldig
    kvartaler = [Kvartal(2024, 1), Kvartal(2024, 2)]
    sakte = _dag_for_dag(register, kvartaler)
    land = resultat.loc[resultat["kategori"] == "LAND"]
    for kv in kvartaler:
        rad = land.loc[(land["arstall"] == kv.arstall) & (land["kvartal"] == kv.kvartal)]
        assert len(rad) == 1
        for kolonne, verdi in sakte[kv].items():
            assert rad[kolonne].iloc[0] == pytest.approx(verdi, abs=1e-9), f"{kv} {kolonne}"
