"""The synthetic register: files and schema, determinism, coverage and the register's own rules."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from naervaer.statistikk.enheter import BRANSJER, FYLKER, Sektor, bransje_for
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.motor import beregn_med_advarsler
from naervaer.syntetisk import Sammendrag, generer
from naervaer.syntetisk.fordelinger import STILLINGER_VED_SKALA_1
from naervaer.syntetisk.orgnr import er_gyldig, kontrollsiffer
from naervaer.syntetisk.virksomheter import lag_virksomheter

TABELLER = ("virksomheter", "arbeidsforhold", "fravaer")
SKALA = 0.002
KOLONNER = {
    "virksomheter": (
        "orgnr",
        "overordnet_orgnr",
        "navn",
        "naeringskode",
        "sektor",
        "kommunenummer",
    ),
    "arbeidsforhold": (
        "person_id",
        "orgnr",
        "avdeling",
        "fra_dato",
        "til_dato",
        "stillingsprosent",
    ),
    "fravaer": ("person_id", "orgnr", "fra_dato", "til_dato", "type", "grad"),
}


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Sammendrag]:
    ut = tmp_path_factory.mktemp("register")
    return ut, generer(SKALA, ut, seed=7)


def les(ut: Path, navn: str) -> pd.DataFrame:
    return pq.read_table(ut / f"{navn}.parquet").to_pandas(date_as_object=False)


def test_it_works(register: tuple[Path, Sammendrag]) -> None:
    ut, sammendrag = register
    assert sammendrag.filer == tuple(ut / f"{navn}.parquet" for navn in TABELLER)
    assert pq.read_metadata(ut / "virksomheter.parquet").num_rows == sammendrag.virksomheter
    assert pq.read_metadata(ut / "arbeidsforhold.parquet").num_rows == sammendrag.arbeidsforhold
    assert pq.read_metadata(ut / "fravaer.parquet").num_rows == sammendrag.fravaer
    assert sammendrag.egenmeldinger + sammendrag.sykmeldinger == sammendrag.fravaer
    af = les(ut, "arbeidsforhold")
    assert af.person_id.nunique() == sammendrag.personer
    # 0.002 of Norway's 3.4 million persons
    assert 5_000 < sammendrag.personer < 9_000
    assert sammendrag.overordnede_enheter < sammendrag.virksomheter
    assert not list(ut.glob(".*"))  # no temporary files left


def test_it_writes_the_schema_of_the_spec(register: tuple[Path, Sammendrag]) -> None:
    ut, _ = register
    skjema = {navn: pq.read_schema(ut / f"{navn}.parquet") for navn in TABELLER}
    assert skjema["virksomheter"] == pa.schema([(k, pa.string()) for k in KOLONNER["virksomheter"]])
    for navn in ("arbeidsforhold", "fravaer"):
        assert tuple(skjema[navn].names) == KOLONNER[navn]
    for navn in ("arbeidsforhold", "fravaer"):
        assert skjema[navn].field("person_id").type == pa.string()
        assert skjema[navn].field("orgnr").type == pa.string()
        assert skjema[navn].field("fra_dato").type == pa.date32()
        assert skjema[navn].field("til_dato").type == pa.date32()
    v = les(ut, "virksomheter")
    assert v.orgnr.str.fullmatch(r"\d{9}").all()
    assert v.naeringskode.str.fullmatch(r"\d{5}").all()
    assert v.kommunenummer.str.fullmatch(r"\d{4}").all()
    assert v.kommunenummer.str[:2].isin(list(FYLKER)).all()


def test_it_writes_csv_with_iso_dates_and_empty_ongoing(tmp_path: Path) -> None:
    sammendrag = generer(0.001, tmp_path, seed=3, filformat="csv")
    assert [f.name for f in sammendrag.filer] == [f"{n}.csv" for n in TABELLER]
    forste = (tmp_path / "arbeidsforhold.csv").read_text().splitlines()[0]
    assert forste == "person_id,orgnr,avdeling,fra_dato,til_dato,stillingsprosent"
    tekst = {
        navn: pacsv.read_csv(
            tmp_path / f"{navn}.csv",
            convert_options=pacsv.ConvertOptions(
                column_types={k: pa.string() for k in KOLONNER[navn]}, strings_can_be_null=True
            ),
        ).to_pandas()
        for navn in TABELLER
    }
    assert tekst["virksomheter"].kommunenummer.str.fullmatch(r"\d{4}").all()
    assert tekst["virksomheter"].orgnr.str.fullmatch(r"\d{9}").all()
    af = tekst["arbeidsforhold"]
    assert af.fra_dato.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert (
        af.til_dato.isna().any() and af.til_dato.dropna().str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    )
    assert len(tekst["fravaer"]) == sammendrag.fravaer


def test_it_is_deterministic(tmp_path: Path) -> None:
    a = generer(0.001, tmp_path / "a", seed=11)
    b = generer(0.001, tmp_path / "b", seed=11)
    c = generer(0.001, tmp_path / "c", seed=12)
    for navn in TABELLER:
        innhold = (tmp_path / "a" / f"{navn}.parquet").read_bytes()
        assert innhold == (tmp_path / "b" / f"{navn}.parquet").read_bytes()
    assert (a.personer, a.fravaer) == (b.personer, b.fravaer)
    assert (tmp_path / "c" / "fravaer.parquet").read_bytes() != (
        tmp_path / "a" / "fravaer.parquet"
    ).read_bytes()
    assert c.fravaer != a.fravaer


def test_it_replaces_files_of_the_other_format(tmp_path: Path) -> None:
    generer(0.001, tmp_path, seed=1, filformat="csv")
    generer(0.001, tmp_path, seed=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.parquet" for n in TABELLER)


def test_it_reports_progress(tmp_path: Path) -> None:
    meldinger: list[tuple[str, int, int]] = []
    generer(
        0.001,
        tmp_path,
        fremdrift=lambda steg, ferdig, totalt: meldinger.append((steg, ferdig, totalt)),
    )
    steg = [m[0] for m in meldinger]
    assert steg[0] == "virksomheter" and steg[-1] == "arbeidsforhold og fravær"
    for navn in set(steg):
        egne = [(f, t) for s, f, t in meldinger if s == navn]
        assert [f for f, _ in egne] == sorted(f for f, _ in egne)
        assert egne[-1][0] == egne[-1][1]


def test_it_rejects_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generer(0, tmp_path)
    with pytest.raises(ValueError):
        generer(0.001, tmp_path, fra=Kvartal(2026, 1), til=Kvartal(2025, 4))


@pytest.mark.parametrize("seed", [1, 2, 3, 2026])
def test_it_has_every_bransje_fylke_and_sektor_at_the_smallest_scale(
    tmp_path: Path, seed: int
) -> None:
    generer(0.001, tmp_path, seed=seed)
    v = les(tmp_path, "virksomheter")
    af = les(tmp_path, "arbeidsforhold")
    # Present with persons, not only listed.
    v = v[v.orgnr.isin(af.orgnr)]
    bransjer = {b.kode for b in (bransje_for(k) for k in v.naeringskode) if b is not None}
    assert bransjer == {b.kode for b in BRANSJER}
    assert {"88911", "85100"} <= set(v.naeringskode)
    assert set(v.kommunenummer.str[:2]) == set(FYLKER)
    assert set(v.sektor) == {s.value for s in Sektor}


def test_orgnr_are_valid_and_unique(register: tuple[Path, Sammendrag]) -> None:
    ut, _ = register
    v = les(ut, "virksomheter")
    assert v.orgnr.is_unique
    assert all(er_gyldig(o) for o in pd.concat([v.orgnr, v.overordnet_orgnr]).unique())
    # An overordnet enhet is a juridisk enhet, never one of the virksomheter.
    assert not set(v.overordnet_orgnr) & set(v.orgnr)


def test_kontrollsiffer_matches_known_orgnr() -> None:
    # NAV (889640782) and Statistisk sentralbyrå (971526920) as published in Enhetsregisteret.
    assert er_gyldig("889640782") and er_gyldig("971526920")
    assert not er_gyldig("889640783")
    assert kontrollsiffer(np.array([88964078, 97152692]))[:2].tolist() == [2, 0]


def test_fravaer_lies_within_an_arbeidsforhold_and_never_overlaps(
    register: tuple[Path, Sammendrag],
) -> None:
    ut, _ = register
    af = les(ut, "arbeidsforhold")
    fr = les(ut, "fravaer").reset_index(names="rad")
    par = fr.merge(af, on=["person_id", "orgnr"], suffixes=("", "_af"))
    innenfor = (par.fra_dato >= par.fra_dato_af) & (
        par.til_dato_af.isna() | (par.til_dato <= par.til_dato_af)
    )
    assert set(par.rad[innenfor]) == set(fr.rad)

    sortert = fr.sort_values(["person_id", "orgnr", "fra_dato"])
    samme = (sortert.person_id == sortert.person_id.shift()) & (
        sortert.orgnr == sortert.orgnr.shift()
    )
    assert (sortert.fra_dato[samme] > sortert.til_dato.shift()[samme]).all()


def test_fravaer_follows_the_rules_of_the_register(register: tuple[Path, Sammendrag]) -> None:
    ut, _ = register
    fr = les(ut, "fravaer")
    assert (fr.til_dato >= fr.fra_dato).all()
    assert set(fr.type) == {"egenmelding", "sykmelding"}
    assert fr.grad.between(20, 100).all()
    egen = fr[fr.type == "egenmelding"]
    assert (egen.grad == 100).all()
    virkedager = np.busday_count(
        egen.fra_dato.to_numpy().astype("datetime64[D]"),
        (egen.til_dato.to_numpy().astype("datetime64[D]") + 1),
    )
    assert virkedager.max() <= 8 and (virkedager <= 3).mean() > 0.7
    syk = fr[fr.type == "sykmelding"]
    gradert = syk[syk.grad < 100]
    assert 0.05 < len(gradert) / len(syk) < 0.4
    assert (gradert.grad == 50).mean() > 0.4
    # Some egenmeldinger are followed directly by a sykmelding.
    neste = fr.shift(-1)
    direkte = (
        (fr.type == "egenmelding")
        & (neste.type == "sykmelding")
        & (neste.person_id == fr.person_id)
        & (neste.fra_dato == fr.til_dato + pd.Timedelta(days=1))
    )
    assert direkte.sum() > 50


def test_cases_last_at_most_52_weeks_and_some_over_39(register: tuple[Path, Sammendrag]) -> None:
    ut, _ = register
    fr = les(ut, "fravaer").sort_values(["person_id", "orgnr", "fra_dato"])
    ny = (
        (fr.person_id != fr.person_id.shift())
        | (fr.orgnr != fr.orgnr.shift())
        | (fr.fra_dato > fr.til_dato.shift() + pd.Timedelta(days=1))
    )
    tilfelle = ny.cumsum()
    lengde = (fr.groupby(tilfelle).til_dato.max() - fr.groupby(tilfelle).fra_dato.min()).dt.days + 1
    assert lengde.max() <= 364
    assert (lengde > 273).sum() > 10
    assert (lengde <= 16).mean() > 0.6


def test_arbeidsforhold_are_realistic(register: tuple[Path, Sammendrag]) -> None:
    ut, _ = register
    af = les(ut, "arbeidsforhold")
    assert af.stillingsprosent.between(0, 100, inclusive="right").all()
    assert 0.55 < (af.stillingsprosent == 100).mean() < 0.85
    assert af.til_dato.isna().mean() > 0.5  # most jobs go on
    start = pd.Timestamp(Kvartal(2021, 3).start)
    assert (af.fra_dato > start).mean() > 0.15  # hired during the period
    assert af.til_dato.dropna().between(start, pd.Timestamp(Kvartal(2026, 2).slutt)).all()
    virksomheter_per_person = af.groupby("person_id").orgnr.nunique()
    assert 0.05 < (virksomheter_per_person > 1).mean() < 0.13
    to_i_samme = af.groupby(["person_id", "orgnr"]).size()
    assert (to_i_samme > 1).sum() > 0


def test_departments_only_in_virksomheter_with_20_or_more(
    register: tuple[Path, Sammendrag],
) -> None:
    ut, _ = register
    af = les(ut, "arbeidsforhold")
    dag = pd.Timestamp("2024-01-01")
    aktiv = af[(af.fra_dato <= dag) & (af.til_dato.isna() | (af.til_dato >= dag))]
    per = aktiv.groupby("orgnr").agg(
        personer=("person_id", "nunique"),
        avdelinger=("avdeling", "nunique"),
        uten=("avdeling", "size"),
    )
    per["uten"] -= aktiv.groupby("orgnr").avdeling.count()
    store = per[per.personer >= 30]
    assert len(store) > 10
    assert store.avdelinger.between(2, 8).all() and (store.uten == 0).all()
    # Over the whole period: a large virksomhet may have few persons left on one day.
    alle = af.groupby("orgnr").agg(
        personer=("person_id", "nunique"), avdelinger=("avdeling", "count")
    )
    assert (alle[alle.personer <= 4].avdelinger == 0).all()


def test_sizes_are_heavy_tailed_at_full_scale() -> None:
    v = lag_virksomheter(1.0, np.random.default_rng(1), 18_809, 20_635)
    assert 220_000 < len(v) < 290_000
    assert 0.9 < v.stillinger.sum() / STILLINGER_VED_SKALA_1 < 1.1
    assert (v.stillinger <= 4).mean() > 0.6
    assert v.stillinger[v.stillinger >= 20].sum() / v.stillinger.sum() > 0.6
    assert (v.stillinger >= 500).sum() > 100
    # Kommuner and the state own many virksomheter each; most private ones stand alone.
    _, antall = np.unique(v.overordnet, return_counts=True)
    assert antall.max() > 500 and (antall == 1).mean() > 0.8


def test_the_engine_finds_nothing_to_warn_about(register: tuple[Path, Sammendrag]) -> None:
    ut, _ = register
    resultat = beregn_med_advarsler(ut, Kvartal(2021, 3), Kvartal(2026, 2))
    assert resultat.advarsler.num_rows == 0
