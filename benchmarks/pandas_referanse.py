"""An independent pandas/numpy reference implementation of the statistics contract (spec §3-§7).

It is the oracle in tests and the baseline in benchmarks, so it shares no logic with the engine in
``naervaer.statistikk``: only the plain constants in ``enheter`` (bransjer, size classes) are
imported. Everything is vectorised; the only Python loops run over quarters, categories and
bransjer, plus the decimal formatting of ``prosent`` on the aggregated rows.

Sums are kept scaled so that they stay exact for whole-number stillingsprosent and grad: mulige
dagsverk × 100 (days × stillingsprosent) and tapte dagsverk × 10 000 (days × stillingsprosent ×
grad). These are integers in float64, exact far beyond any national total, which lets ``prosent``
round half-up on the true value rather than on a binary approximation of it.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
import pandas as pd

from naervaer.statistikk.enheter import BRANSJER, STORRELSER

KOLONNER: tuple[str, ...] = (
    "kategori",
    "kode",
    "arstall",
    "kvartal",
    "antall_personer",
    "mulige_dagsverk",
    "tapte_dagsverk",
    "tapte_dagsverk_egenmeldt",
    "tapte_dagsverk_legemeldt",
    "tapte_dagsverk_gradert",
    "tapte_dagsverk_korttid",
    "tapte_dagsverk_langtid",
    "prosent",
    "er_maskert",
)

KATEGORIER: tuple[str, ...] = (
    "LAND",
    "SEKTOR",
    "NAERING",
    "NAERINGSKODE",
    "BRANSJE",
    "FYLKE",
    "STORRELSE",
    "VIRKSOMHET",
    "OVERORDNET_ENHET",
    "AVDELING",
)

TAPTE: tuple[str, ...] = (
    "tapte_dagsverk",
    "tapte_dagsverk_egenmeldt",
    "tapte_dagsverk_legemeldt",
    "tapte_dagsverk_gradert",
    "tapte_dagsverk_korttid",
    "tapte_dagsverk_langtid",
)
SUMMER: tuple[str, ...] = ("mulige_dagsverk", *TAPTE)

MASKERINGSGRENSE = 5
KORTTID_DAGER = 16  # cases of 1-16 calendar days are korttid (varighet A and B)
MULIGE_SKALA = 100.0  # mulige are summed as days × stillingsprosent
TAPTE_SKALA = 10_000.0  # tapte are summed as days × stillingsprosent × grad

# Day numbers count from a Monday, so that the weekday is the day number mod 7 (0 = Monday).
_MANDAG_NULL = np.datetime64("1970-01-05", "D")
# Stands in for an empty til_dato: far beyond any quarter, yet small enough for int64 arithmetic.
_APEN_SLUTT = 10**9

Heltall = npt.NDArray[np.int64]
Flyttall = npt.NDArray[np.float64]


class KvartalLik(Protocol):
    """Anything with ``arstall`` and ``kvartal``, like ``naervaer.statistikk.kvartal.Kvartal``."""

    @property
    def arstall(self) -> int: ...

    @property
    def kvartal(self) -> int: ...


@dataclass(frozen=True, slots=True)
class _Kvartal:
    arstall: int
    kvartal: int
    start: int  # day number of the first day
    slutt: int  # day number of the last day


# --- days -------------------------------------------------------------------------------------


def _virkedager_for(dagnr: Heltall) -> Heltall:
    """Working days in [day 0, dagnr); floor division keeps it right before the epoch too."""
    uker, rest = np.divmod(dagnr, 7)
    return 5 * uker + np.minimum(rest, 5)


def _virkedager(fra: Heltall, til: Heltall) -> Heltall:
    """Working days in [fra, til], both included; 0 where til is before fra."""
    antall = _virkedager_for(til + 1) - _virkedager_for(fra)
    return np.where(til >= fra, antall, 0)


def _neste_virkedag_etter(dagnr: Heltall) -> Heltall:
    ukedag = dagnr % 7
    # Friday (4) jumps to Monday, Saturday (5) too; every other day goes to the next day.
    return dagnr + np.where(ukedag == 4, 3, np.where(ukedag == 5, 2, 1))


def _dagnummer(kolonne: pd.Series, tom: int | None = None) -> Heltall:
    datoer = pd.to_datetime(kolonne, format="ISO8601")
    dager = datoer.to_numpy().astype("datetime64[D]")
    nummer = (dager - _MANDAG_NULL).astype(np.int64)
    if tom is not None:
        nummer = np.where(datoer.isna().to_numpy(), tom, nummer)
    return nummer


def _kvartaler(fra: tuple[int, int], til: tuple[int, int]) -> list[_Kvartal]:
    resultat = []
    for indeks in range(fra[0] * 4 + fra[1] - 1, til[0] * 4 + til[1]):
        arstall, kvartal = divmod(indeks, 4)
        start = np.datetime64(f"{arstall:04d}-{3 * kvartal + 1:02d}-01", "D")
        neste = np.datetime64(f"{arstall:04d}-{3 * kvartal + 1:02d}", "M") + 3
        slutt = neste.astype("datetime64[D]") - 1
        resultat.append(
            _Kvartal(
                arstall,
                kvartal + 1,
                int((start - _MANDAG_NULL).astype(np.int64)),
                int((slutt - _MANDAG_NULL).astype(np.int64)),
            )
        )
    return resultat


def _som_tuppel(kvartal: tuple[int, int] | KvartalLik) -> tuple[int, int]:
    if isinstance(kvartal, tuple):
        return int(kvartal[0]), int(kvartal[1])
    return int(kvartal.arstall), int(kvartal.kvartal)


# --- reading ----------------------------------------------------------------------------------


def _les(inn: Path, navn: str) -> pd.DataFrame:
    parquet = inn / f"{navn}.parquet"
    if parquet.exists():
        return pd.read_parquet(parquet)
    # Only an empty field is missing: a person_id or avdeling spelt "NA" is a value.
    return pd.read_csv(inn / f"{navn}.csv", dtype=str, keep_default_na=False, na_values=[""])


def _tekst(kolonne: pd.Series) -> pd.Series:
    return kolonne.astype("str").str.strip()


@dataclass(frozen=True, slots=True)
class _Inndeling:
    """How the virksomheter fall into one kategori: a code per virksomhet (-1 = no unit)."""

    kategori: str
    kode: Heltall
    etiketter: npt.NDArray[np.object_]


def _inndeling(kategori: str, verdier: pd.Series) -> _Inndeling:
    kode, etiketter = pd.factorize(verdier, use_na_sentinel=True)
    return _Inndeling(kategori, kode.astype(np.int64), np.asarray(etiketter, dtype=object))


def _inndelinger(virksomheter: pd.DataFrame) -> list[_Inndeling]:
    naeringskode = _tekst(virksomheter["naeringskode"]).str.replace(".", "", regex=False)
    naering = naeringskode.str[:2]

    # Walking the bransjer backwards and overwriting lets the first match in BRANSJER win.
    bransje = np.full(len(virksomheter), -1, dtype=np.int64)
    for nummer in range(len(BRANSJER) - 1, -1, -1):
        treff = naering.isin(BRANSJER[nummer].naeringer) | naeringskode.isin(
            BRANSJER[nummer].naeringskoder
        )
        bransje[treff.to_numpy()] = nummer

    return [
        _Inndeling("LAND", np.zeros(len(virksomheter), dtype=np.int64), np.array(["NO"], object)),
        _inndeling("SEKTOR", _tekst(virksomheter["sektor"])),
        _inndeling("NAERING", naering),
        _inndeling("NAERINGSKODE", naeringskode),
        _Inndeling("BRANSJE", bransje, np.array([b.kode for b in BRANSJER], dtype=object)),
        _inndeling("FYLKE", _tekst(virksomheter["kommunenummer"]).str[:2]),
        _inndeling("VIRKSOMHET", _tekst(virksomheter["orgnr"])),
        _inndeling("OVERORDNET_ENHET", _tekst(virksomheter["overordnet_orgnr"])),
    ]


@dataclass(frozen=True, slots=True)
class _Register:
    inndelinger: list[_Inndeling]
    antall_personer: int
    # One row per arbeidsforhold: af (row number), person, org, avdeling (-1 = none), fra, til,
    # stilling, and the group key g of (person, org) that fravær is matched on.
    arbeidsforhold: pd.DataFrame
    avdelinger: npt.NDArray[np.object_]
    fravaer: pd.DataFrame  # g, a, b (inclusive day numbers), grad, syk


def _les_register(inn: Path) -> _Register:
    virksomheter = _les(inn, "virksomheter")
    arbeidsforhold = _les(inn, "arbeidsforhold")
    fravaer = _les(inn, "fravaer")

    orgnr = pd.Index(_tekst(virksomheter["orgnr"]))
    af_org = orgnr.get_indexer(_tekst(arbeidsforhold["orgnr"])).astype(np.int64)
    fr_org = orgnr.get_indexer(_tekst(fravaer["orgnr"])).astype(np.int64)
    # Validation is the engine's job, but an unknown orgnr would silently corrupt the (person,
    # org) keys below, so refuse it rather than give a wrong oracle.
    for navn, koder in (("arbeidsforhold", af_org), ("fravaer", fr_org)):
        if (koder < 0).any():
            rad = int(np.flatnonzero(koder < 0)[0]) + 2  # 1-based, after the header row
            raise ValueError(f"{navn}: rad {rad}: orgnr finnes ikke i virksomheter")

    personkoder, personer = pd.factorize(
        pd.concat(
            [_tekst(arbeidsforhold["person_id"]), _tekst(fravaer["person_id"])],
            ignore_index=True,
        )
    )
    af_person = personkoder[: len(arbeidsforhold)].astype(np.int64)
    fr_person = personkoder[len(arbeidsforhold) :].astype(np.int64)
    antall_org = max(len(orgnr), 1)

    if "avdeling" in arbeidsforhold.columns:
        avdeling = arbeidsforhold["avdeling"]
        har_avdeling = avdeling.notna() & (avdeling.astype("str").str.strip() != "")
    else:
        avdeling = pd.Series(pd.NA, index=arbeidsforhold.index)
        har_avdeling = pd.Series(False, index=arbeidsforhold.index)
    avdelingsnavn = (
        _tekst(arbeidsforhold["orgnr"]) + "/" + avdeling.astype("str").str.strip()
    ).where(har_avdeling)
    af_avdeling, avdelinger = pd.factorize(avdelingsnavn, use_na_sentinel=True)

    af = pd.DataFrame(
        {
            "af": np.arange(len(arbeidsforhold), dtype=np.int64),
            "person": af_person,
            "org": af_org,
            "avdeling": af_avdeling.astype(np.int64),
            "g": af_person * antall_org + af_org,
            "fra": _dagnummer(arbeidsforhold["fra_dato"]),
            "til": _dagnummer(arbeidsforhold["til_dato"], tom=_APEN_SLUTT),
            "stilling": pd.to_numeric(arbeidsforhold["stillingsprosent"]).to_numpy(np.float64),
        }
    )
    fr = pd.DataFrame(
        {
            "g": fr_person * antall_org + fr_org,
            "a": _dagnummer(fravaer["fra_dato"]),
            "b": _dagnummer(fravaer["til_dato"]),
            "grad": pd.to_numeric(fravaer["grad"]).to_numpy(np.float64),
            "syk": (_tekst(fravaer["type"]).str.lower() == "sykmelding").to_numpy(bool),
        }
    )
    return _Register(
        _inndelinger(virksomheter),
        len(personer),
        af,
        np.asarray(avdelinger, dtype=object),
        fr,
    )


# --- fravær: cases and the one period that counts on each day ---------------------------------


def _biter(fravaer: pd.DataFrame) -> pd.DataFrame:
    """Cut the fravær of each (person, org) into non-overlapping pieces, each day once.

    Each piece carries the winning period's grad and type, and the first and last day of the
    sykefraværstilfelle it belongs to. Cases are built from the raw periods, before any clipping
    to arbeidsforhold.
    """
    kolonner = ["g", "a", "b", "grad", "syk", "tilfelle_start", "tilfelle_slutt"]
    if fravaer.empty:
        return pd.DataFrame({k: pd.Series(dtype=np.int64) for k in kolonner})
    f = fravaer.sort_values(["g", "a", "b"], kind="stable", ignore_index=True)
    g = f["g"].to_numpy()
    a = f["a"].to_numpy()
    b = f["b"].to_numpy()
    forste = np.ones(len(f), dtype=bool)
    forste[1:] = g[1:] != g[:-1]
    # The latest til_dato among the earlier periods of the same (person, org). Within a case
    # this is the case's latest day so far: every earlier case ended before this one began.
    hittil = f.groupby("g", sort=False)["b"].cummax().to_numpy()
    forrige = np.empty_like(hittil)
    forrige[1:] = hittil[:-1]
    forrige[forste] = np.iinfo(np.int64).min // 2

    nytt_tilfelle = forste | (a > _neste_virkedag_etter(forrige))
    tilfelle = np.cumsum(nytt_tilfelle) - 1
    starter = np.flatnonzero(nytt_tilfelle)
    f["tilfelle_start"] = a[starter][tilfelle]
    f["tilfelle_slutt"] = np.maximum.reduceat(b, starter)[tilfelle]

    # Overlap clusters: periods chained by shared days. Most periods overlap nothing and are
    # pieces as they are; only the clusters need a winner per day.
    ny_klynge = forste | (a > forrige)
    klynge = np.cumsum(ny_klynge) - 1
    alene = np.bincount(klynge)[klynge] == 1
    f["klynge"] = klynge
    return pd.concat(
        [f.loc[alene, kolonner], _avgjor_overlapp(f.loc[~alene])[kolonner]], ignore_index=True
    )


def _avgjor_overlapp(f: pd.DataFrame) -> pd.DataFrame:
    """Within overlap clusters: the highest grad wins a day, at equal grad sykmelding wins."""
    # Between consecutive boundaries of a cluster the set of covering periods is constant, so
    # deciding the winner per such segment decides it per day.
    grenser = (
        pd.DataFrame(
            {
                "klynge": np.concatenate([f["klynge"].to_numpy(), f["klynge"].to_numpy()]),
                "start": np.concatenate([f["a"].to_numpy(), f["b"].to_numpy() + 1]),
            }
        )
        .drop_duplicates()
        .sort_values(["klynge", "start"], ignore_index=True)
    )
    neste = grenser.groupby("klynge", sort=False)["start"].shift(-1)
    segmenter = grenser.loc[neste.notna()].assign(slutt=neste.dropna().astype(np.int64) - 1)
    segmenter["segment"] = np.arange(len(segmenter))

    kandidater = segmenter.merge(
        f[["klynge", "g", "a", "b", "grad", "syk", "tilfelle_start", "tilfelle_slutt"]],
        on="klynge",
    )
    kandidater = kandidater.loc[
        (kandidater["a"] <= kandidater["start"]) & (kandidater["b"] >= kandidater["slutt"])
    ]
    # A cluster's periods chain into one unbroken span, so every segment has a winner.
    vinnere = kandidater.sort_values(
        ["segment", "grad", "syk"], ascending=[True, False, False]
    ).drop_duplicates("segment")
    return vinnere.drop(columns=["a", "b"]).rename(columns={"start": "a", "slutt": "b"})


def _tapte_mot_arbeidsforhold(biter: pd.DataFrame, af: pd.DataFrame) -> pd.DataFrame:
    """Each piece against each arbeidsforhold of the same person in the same org, clipped."""
    par = biter.merge(af[["af", "g", "fra", "til", "stilling"]], on="g")
    lo = np.maximum(par["a"].to_numpy(), par["fra"].to_numpy())
    hi = np.minimum(par["b"].to_numpy(), par["til"].to_numpy())
    par = par.assign(lo=lo, hi=hi).loc[lo <= hi]
    return par[
        ["af", "lo", "hi", "stilling", "grad", "syk", "tilfelle_start", "tilfelle_slutt"]
    ].reset_index(drop=True)


# --- one quarter ------------------------------------------------------------------------------


def _per_arbeidsforhold(af: pd.DataFrame, tapte: pd.DataFrame, kv: _Kvartal) -> pd.DataFrame:
    """Scaled sums per arbeidsforhold active in the quarter (≥ 1 calendar day)."""
    aktive = af.loc[(af["fra"] <= kv.slutt) & (af["til"] >= kv.start)]
    dager = _virkedager(
        np.maximum(aktive["fra"].to_numpy(), kv.start),
        np.minimum(aktive["til"].to_numpy(), kv.slutt),
    )
    resultat = pd.DataFrame(
        {
            "person": aktive["person"].to_numpy(),
            "org": aktive["org"].to_numpy(),
            "avdeling": aktive["avdeling"].to_numpy(),
            "mulige_dagsverk": dager * aktive["stilling"].to_numpy(),
        },
        index=aktive["af"].to_numpy(),
    )

    t = tapte.loc[(tapte["lo"] <= kv.slutt) & (tapte["hi"] >= kv.start)]
    dager = _virkedager(
        np.maximum(t["lo"].to_numpy(), kv.start), np.minimum(t["hi"].to_numpy(), kv.slutt)
    )
    tapt = dager * t["stilling"].to_numpy() * t["grad"].to_numpy()
    syk = t["syk"].to_numpy()
    varighet = (
        np.minimum(t["tilfelle_slutt"].to_numpy(), kv.slutt) - t["tilfelle_start"].to_numpy() + 1
    )
    korttid = varighet <= KORTTID_DAGER
    per_af = (
        pd.DataFrame(
            {
                "af": t["af"].to_numpy(),
                "tapte_dagsverk": tapt,
                "tapte_dagsverk_egenmeldt": np.where(syk, 0.0, tapt),
                "tapte_dagsverk_legemeldt": np.where(syk, tapt, 0.0),
                "tapte_dagsverk_gradert": np.where(syk & (t["grad"].to_numpy() < 100), tapt, 0.0),
                "tapte_dagsverk_korttid": np.where(korttid, tapt, 0.0),
                "tapte_dagsverk_langtid": np.where(korttid, 0.0, tapt),
            }
        )
        .groupby("af")
        .sum()
    )
    return resultat.join(per_af).fillna({k: 0.0 for k in TAPTE})


def _enheter(
    inndeling: _Inndeling,
    summer: pd.DataFrame,
    sum_kode: Heltall,
    person: Heltall,
    person_kode: Heltall,
    antall_personer_totalt: int,
) -> pd.DataFrame:
    """Units of one kategori: ``summer`` row i goes to unit ``sum_kode[i]``, and person
    ``person[j]`` is counted once in unit ``person_kode[j]`` (a code of -1 is no unit)."""
    antall = len(inndeling.etiketter)
    med = person_kode >= 0
    par = pd.unique(person_kode[med] * antall_personer_totalt + person[med])
    personer = np.bincount(par // antall_personer_totalt, minlength=antall)
    med = sum_kode >= 0
    resultat = pd.DataFrame(
        {
            k: np.bincount(sum_kode[med], weights=summer[k].to_numpy()[med], minlength=antall)
            for k in SUMMER
        }
    )
    resultat.insert(0, "antall_personer", personer)
    resultat.insert(0, "kode", inndeling.etiketter)
    resultat.insert(0, "kategori", inndeling.kategori)
    return resultat.loc[personer > 0]


def _kvartal(register: _Register, tapte: pd.DataFrame, kv: _Kvartal) -> pd.DataFrame:
    rader = _per_arbeidsforhold(register.arbeidsforhold, tapte, kv)
    if rader.empty:
        return pd.DataFrame()
    person = rader["person"].to_numpy()
    org = rader["org"].to_numpy()
    antall_personer = register.antall_personer

    # Every kategori but AVDELING is a function of the virksomhet, so the others work on sums
    # per org and on distinct (org, person) pairs rather than on every arbeidsforhold again.
    antall_org = len(register.inndelinger[0].kode)
    org_summer = pd.DataFrame(
        {k: np.bincount(org, weights=rader[k].to_numpy(), minlength=antall_org) for k in SUMMER}
    )
    par = pd.unique(org * antall_personer + person)
    par_org, par_person = np.divmod(par, antall_personer)
    personer_per_org = np.bincount(par_org, minlength=antall_org)

    deler = [
        _enheter(
            inndeling,
            org_summer,
            inndeling.kode,
            par_person,
            inndeling.kode[par_org],
            antall_personer,
        )
        for inndeling in _med_storrelse(register.inndelinger, personer_per_org)
    ]
    avdeling = rader["avdeling"].to_numpy()
    avdelinger = _Inndeling("AVDELING", avdeling, register.avdelinger)
    deler.append(_enheter(avdelinger, rader, avdeling, person, avdeling, antall_personer))

    resultat = pd.concat(deler, ignore_index=True)
    resultat.insert(2, "arstall", kv.arstall)
    resultat.insert(3, "kvartal", kv.kvartal)
    return resultat


def _med_storrelse(inndelinger: list[_Inndeling], personer_per_org: Heltall) -> list[_Inndeling]:
    """STORRELSE depends on the quarter: the virksomhet's own antall personer in it."""
    grenser = np.array([s.minst for s in STORRELSER])
    klasse = np.searchsorted(grenser, personer_per_org, side="right") - 1
    storrelse = _Inndeling(
        "STORRELSE",
        np.where(personer_per_org > 0, klasse, -1).astype(np.int64),
        np.array([s.kode for s in STORRELSER], dtype=object),
    )
    posisjon = [i.kategori for i in inndelinger].index("FYLKE") + 1
    return [*inndelinger[:posisjon], storrelse, *inndelinger[posisjon:]]


# --- the result -------------------------------------------------------------------------------


def _prosent(tapte_skalert: float, mulige_skalert: float) -> str:
    with localcontext() as kontekst:
        kontekst.prec = 50
        # The scales make tapte / mulige × 100 equal to tapte_skalert / mulige_skalert.
        verdi = Decimal(tapte_skalert) / Decimal(mulige_skalert)
        return str(verdi.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _tom_tabell() -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(dtype=object) for k in KOLONNER})


def beregn(
    inn: Path,
    fra: tuple[int, int] | KvartalLik,
    til: tuple[int, int] | KvartalLik,
) -> pd.DataFrame:
    """Quarterly statistics for the quarters ``fra``..``til`` from the register in folder ``inn``.

    One row per (kategori, kode, arstall, kvartal) with at least one person, columns
    ``KOLONNER``. The dagsverk sums are not masked (the oracle shows what the engine must hide);
    ``prosent`` is a string with one decimal, or None when masked or mulige dagsverk is 0.
    """
    register = _les_register(Path(inn))
    tapte = _tapte_mot_arbeidsforhold(_biter(register.fravaer), register.arbeidsforhold)

    deler = [_kvartal(register, tapte, kv) for kv in _kvartaler(_som_tuppel(fra), _som_tuppel(til))]
    deler = [d for d in deler if not d.empty]
    if not deler:
        return _tom_tabell()
    resultat = pd.concat(deler, ignore_index=True)

    er_maskert = resultat["antall_personer"].to_numpy() < MASKERINGSGRENSE
    mulige = resultat["mulige_dagsverk"].to_numpy()
    tapt = resultat["tapte_dagsverk"].to_numpy()
    vis = ~er_maskert & (mulige > 0)
    prosent = np.full(len(resultat), None, dtype=object)
    prosent[vis] = [_prosent(t, m) for t, m in zip(tapt[vis], mulige[vis], strict=True)]

    resultat["mulige_dagsverk"] = mulige / MULIGE_SKALA
    for kolonne in TAPTE:
        resultat[kolonne] = resultat[kolonne].to_numpy() / TAPTE_SKALA
    resultat["antall_personer"] = resultat["antall_personer"].astype(np.int64)
    resultat["prosent"] = pd.Series(prosent, dtype=object)
    resultat["er_maskert"] = er_maskert

    rekkefolge = {k: i for i, k in enumerate(KATEGORIER)}
    resultat["_orden"] = resultat["kategori"].map(rekkefolge)
    resultat = resultat.sort_values(["_orden", "kode", "arstall", "kvartal"], ignore_index=True)
    return resultat[list(KOLONNER)]


# --- command line -----------------------------------------------------------------------------


def _kvartal_fra_tekst(tekst: str) -> tuple[int, int]:
    arstall, _, kvartal = tekst.strip().upper().partition("K")
    return int(arstall), int(kvartal)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pandas reference statistics (the baseline).")
    parser.add_argument("inn", type=Path, help="folder with the three canonical files")
    parser.add_argument("fra", type=_kvartal_fra_tekst, help="first quarter, e.g. 2024K1")
    parser.add_argument("til", type=_kvartal_fra_tekst, help="last quarter, e.g. 2024K4")
    parser.add_argument("--ut", type=Path, help="write the result here (.csv or .parquet)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    resultat = beregn(args.inn, args.fra, args.til)
    brukt = time.perf_counter() - start
    if args.ut is not None:
        if args.ut.suffix == ".parquet":
            resultat.to_parquet(args.ut, index=False)
        else:
            resultat.to_csv(args.ut, index=False)
    print(f"{len(resultat)} rader på {brukt:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
