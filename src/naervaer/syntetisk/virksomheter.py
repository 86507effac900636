"""The virksomheter and their overordnede enheter, drawn once for the whole register.

They are few (about 250 000 at skala 1.0), so they are drawn in one go and kept in memory; the
arbeidsforhold and fravær are then generated chunk by chunk over them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from naervaer.statistikk.enheter import Sektor
from naervaer.syntetisk import fordelinger as F
from naervaer.syntetisk.orgnr import som_tekst, trekk_orgnr

Heltall = npt.NDArray[np.int64]
Flyttall = npt.NDArray[np.float64]

# Sektor as a small integer in the arrays; the order is the enum's.
SEKTORER: tuple[Sektor, ...] = (Sektor.STATLIG, Sektor.KOMMUNAL, Sektor.PRIVAT, Sektor.UKJENT)
STATLIG, KOMMUNAL, PRIVAT, UKJENT = range(4)
TURNOVER_KLASSER = ("lav", "normal", "hoy")

# Day numbers that stand for «before the period» and «after the period».
FOR_ALT = -1_000_000
ETTER_ALT = 1_000_000

# Kommunal services that are run by the fylkeskommune rather than the kommune.
FYLKESKOMMUNALE_KODER = frozenset({"85310", "85320", "86230"})
MAKS_STORRELSE = 12_000


@dataclass(frozen=True)
class Virksomheter:
    orgnr: Heltall
    overordnet: Heltall  # orgnr of the overordnet enhet
    naering: Heltall  # index into F.NAERINGER
    sektor: Heltall  # index into SEKTORER
    kommune: Heltall  # index into F.KOMMUNER
    stillinger: Heltall  # positions (persons employed at a time)
    oppstart: Heltall  # day number the virksomhet started, FOR_ALT if before the simulation
    nedlagt: Heltall  # day number after its last day, ETTER_ALT if it lives on
    avdelinger: Heltall  # number of departments, 0 = none
    niva: Flyttall  # sickness level relative to the whole country
    antall_overordnede: int

    def __len__(self) -> int:
        return len(self.orgnr)

    def tabell(self) -> pa.Table:
        """The ``virksomheter`` table of spec §2."""
        koder = np.array([n.kode for n in F.NAERINGER])[self.naering]
        stammer = np.array([n.navn for n in F.NAERINGER])[self.naering]
        kommunenr = np.array([k[0] for k in F.KOMMUNER])[self.kommune]
        kommunenavn = np.array([k[1] for k in F.KOMMUNER])[self.kommune]
        nummer = (np.arange(len(self)) + 1).astype(str)
        navn = np.where(
            self.sektor == KOMMUNAL,
            _kjede(kommunenavn, " kommune ", stammer, " ", nummer),
            np.where(
                self.sektor == STATLIG,
                _kjede(stammer, " ", kommunenavn, " ", nummer),
                _kjede(stammer, " ", kommunenavn, " ", nummer, " AS"),
            ),
        )
        sektorer = pa.array([s.value for s in SEKTORER]).take(pa.array(self.sektor))
        return pa.table(
            {
                "orgnr": som_tekst(self.orgnr, 9),
                "overordnet_orgnr": som_tekst(self.overordnet, 9),
                "navn": pa.array(navn, pa.string()),
                "naeringskode": pa.array(koder, pa.string()),
                "sektor": sektorer,
                "kommunenummer": pa.array(kommunenr, pa.string()),
            }
        )


def _kjede(*deler: npt.NDArray[np.str_] | str) -> npt.NDArray[np.str_]:
    resultat: npt.NDArray[np.str_] = np.asarray(deler[0])
    for del_ in deler[1:]:
        resultat = np.char.add(resultat, del_)
    return resultat


# A fixed sample of standard normals, so that a code's mean size (which sets how many
# virksomheter it gets) is the same number in every run.
_NORMALER = np.random.default_rng(20260101).standard_normal(200_000)


def _storrelse(median: float | Flyttall, spredning: float | Flyttall, z: Flyttall) -> Heltall:
    return np.maximum(1, np.rint(median * np.exp(spredning * z))).astype(np.int64)


def _middelstorrelse(naering: F.Naering, maks: int) -> float:
    return float(np.minimum(_storrelse(naering.median, naering.spredning, _NORMALER), maks).mean())


def _indeks(kode: str) -> int:
    return next(i for i, n in enumerate(F.NAERINGER) if n.kode == kode)


def _rund_tilfeldig(rng: np.random.Generator, x: Flyttall) -> Heltall:
    """Round to an integer up or down at random, so small expected counts still add up."""
    heltall = np.floor(x)
    return (heltall + (rng.random(len(x)) < x - heltall)).astype(np.int64)


def relative_niva() -> tuple[Flyttall, Flyttall]:
    """Sickness level of each (næring, sektor) and of each fylke, both with national mean 1.

    The næring level is SSB's level for the næring group and sector, moved by the code's
    ``relativ`` normalised within the group and sector; the whole is normalised so the
    employment-weighted mean over the catalogue is 1, and likewise for the fylker by population.
    """
    naeringer = F.NAERINGER
    grupper = [F.naeringsgruppe(n.kode) for n in naeringer]
    andeler = np.array([[n.statlig, n.kommunal, n.privat, 0.0] for n in naeringer])
    andeler /= andeler.sum(axis=1, keepdims=True)
    sysselsatte = np.array([n.sysselsatte for n in naeringer])[:, None] * andeler
    relativ = np.array([n.relativ for n in naeringer])
    sektornavn = ("statlig", "kommunal", "privat", "alle")

    niva = np.zeros((len(naeringer), len(SEKTORER)))
    for s, navn in enumerate(sektornavn):
        for gruppe in set(grupper):
            rader = np.array([g == gruppe for g in grupper])
            vekt = sysselsatte[rader, s] if s != UKJENT else sysselsatte[rader].sum(axis=1)
            snitt = (vekt * relativ[rader]).sum() / vekt.sum() if vekt.sum() > 0 else 1.0
            niva[rader, s] = F.naering_sektor_niva(gruppe, navn) * relativ[rader] / snitt
    landet = (sysselsatte[:, :3] * niva[:, :3]).sum() / sysselsatte[:, :3].sum()
    niva /= landet

    fylker = list(F.FYLKE_FOLKETALL)
    fylke_niva = F.fylke_niva()
    folk = np.array([F.FYLKE_FOLKETALL[f] for f in fylker])
    fniva = np.array([fylke_niva[f] for f in fylker])
    fniva /= (folk * fniva).sum() / folk.sum()
    kommune_fylke = np.array([fylker.index(k[0][:2]) for k in F.KOMMUNER])
    return niva, fniva[kommune_fylke]


def lag_virksomheter(
    skala: float, rng: np.random.Generator, periode_start: int, periode_slutt: int
) -> Virksomheter:
    naeringer = F.NAERINGER
    totalt = F.STILLINGER_VED_SKALA_1 * skala
    maks = int(min(MAKS_STORRELSE, max(25, 0.02 * totalt)))
    syss = np.array([n.sysselsatte for n in naeringer])
    stillinger_per_kode = syss / syss.sum() * totalt
    middel = np.array([_middelstorrelse(n, maks) for n in naeringer])
    andeler = np.array([[n.statlig, n.kommunal, n.privat] for n in naeringer])
    andeler /= andeler.sum(axis=1, keepdims=True)

    # How many virksomheter of each code and sector.
    forventet = (stillinger_per_kode / middel)[:, None] * andeler
    antall = _rund_tilfeldig(rng, forventet.ravel()).reshape(forventet.shape)
    kolonne = {"statlig": STATLIG, "kommunal": KOMMUNAL, "privat": PRIVAT}
    pakrevd = [(_indeks(kode), kolonne[sektor]) for kode, sektor in F.PAKREVDE_KODER]
    for i, s in pakrevd:
        antall[i, s] = max(antall[i, s], 1)

    kode_sektor = np.argwhere(antall > 0)
    gjentak = antall[antall > 0]
    naering = np.repeat(kode_sektor[:, 0], gjentak)
    sektor = np.repeat(kode_sektor[:, 1], gjentak)  # 0, 1, 2 = statlig, kommunal, privat
    n = len(naering)

    z = rng.standard_normal(n)
    median = np.array([x.median for x in naeringer])[naering]
    spredning = np.array([x.spredning for x in naeringer])[naering]
    stillinger = np.minimum(_storrelse(median, spredning, z), maks)

    # The first virksomhet of each required code is kept through the whole period, so every
    # bransje and sector is present in every quarter even at the smallest scales.
    beskyttet = np.zeros(n, dtype=bool)
    for i, s in pakrevd:
        beskyttet[np.flatnonzero((naering == i) & (sektor == s))[:1]] = True

    privat = np.flatnonzero(sektor == PRIVAT)
    ukjent = privat[rng.random(len(privat)) < F.UKJENT_SEKTOR_ANDEL]
    if len(ukjent) == 0 and len(privat) > 0:
        ukjent = privat[~beskyttet[privat]][:1] if (~beskyttet[privat]).any() else privat[:1]
    sektor[ukjent] = UKJENT
    beskyttet[ukjent[:1]] = True

    kommune = _trekk_kommuner(rng, n, beskyttet)
    overordnet_nokkel = _overordnet(rng, naering, sektor, kommune)
    enheter, overordnet_indeks = np.unique(overordnet_nokkel, return_inverse=True)

    alle_orgnr = trekk_orgnr(rng, n + len(enheter))
    orgnr = alle_orgnr[:n]
    overordnet = alle_orgnr[n:][overordnet_indeks]

    offentlig = sektor <= KOMMUNAL
    sjanse = np.where(offentlig, 0.3, 1.0)
    starter = (rng.random(n) < F.OPPSTART_I_PERIODEN * sjanse) & ~beskyttet
    oppstart = np.where(
        starter, rng.integers(periode_start, max(periode_start + 1, periode_slutt - 90), n), FOR_ALT
    )
    slutter = (rng.random(n) < F.NEDLEGGELSE_I_PERIODEN * sjanse) & ~beskyttet
    tidligst = np.maximum(oppstart + 180, periode_start)
    nedlagt = np.where(
        slutter & (tidligst < periode_slutt),
        tidligst + (rng.random(n) * np.maximum(periode_slutt - tidligst, 1)).astype(np.int64),
        ETTER_ALT,
    )

    avdelinger = np.where(
        stillinger >= F.AVDELING_FRA,
        np.clip(np.rint(np.sqrt(stillinger) / 2) + 1, 2, 8),
        0,
    ).astype(np.int64)

    niva_ns, niva_kommune = relative_niva()
    niva = (niva_ns[naering, sektor] * niva_kommune[kommune]) ** F.NIVA_EKSPONENT

    # A random order, so that every chunk holds a mix of næringer, sizes and places.
    orden = rng.permutation(n)
    return Virksomheter(
        orgnr=orgnr[orden],
        overordnet=overordnet[orden],
        naering=naering[orden].astype(np.int64),
        sektor=sektor[orden].astype(np.int64),
        kommune=kommune[orden],
        stillinger=stillinger[orden],
        oppstart=oppstart[orden].astype(np.int64),
        nedlagt=nedlagt[orden].astype(np.int64),
        avdelinger=avdelinger[orden],
        niva=niva[orden],
        antall_overordnede=len(enheter),
    )


def _trekk_kommuner(rng: np.random.Generator, n: int, beskyttet: npt.NDArray[np.bool_]) -> Heltall:
    """Fylke by population, kommune within the fylke by population; every fylke at least once."""
    kommuner = F.KOMMUNER
    fylker = list(F.FYLKE_FOLKETALL)
    kommune_fylke = np.array([fylker.index(k[0][:2]) for k in kommuner])
    folk_fylke = np.array([F.FYLKE_FOLKETALL[f] for f in fylker])
    folk_kommune = np.array([k[2] for k in kommuner], dtype=np.float64)
    # Within a fylke, the listed kommuner share the fylke's population in proportion.
    vekt = folk_kommune / np.bincount(kommune_fylke, weights=folk_kommune)[kommune_fylke]
    vekt *= folk_fylke[kommune_fylke]
    kommune = rng.choice(len(kommuner), size=n, p=vekt / vekt.sum())
    if n >= len(fylker):
        # Put one virksomhet in each fylke, preferring those that are always present.
        kandidater = np.concatenate([np.flatnonzero(beskyttet), rng.permutation(n)])
        _, forste = np.unique(kandidater, return_index=True)
        valgte = kandidater[np.sort(forste)][: len(fylker)]
        for f, v in enumerate(valgte):
            i = np.flatnonzero(kommune_fylke == f)
            kommune[v] = i[np.argmax(folk_kommune[i])]
    return kommune.astype(np.int64)


def _overordnet(
    rng: np.random.Generator, naering: Heltall, sektor: Heltall, kommune: Heltall
) -> Heltall:
    """A number per virksomhet naming its overordnet enhet; equal numbers = the same enhet.

    Kommunal virksomheter belong to their kommune (or fylkeskommune), statlige ones to a few
    state organisations per næring (helseforetak per fylke), private ones mostly to a company of
    their own and sometimes to a chain.
    """
    n = len(naering)
    koder = [x.kode for x in F.NAERINGER]
    naering2 = np.array([int(k[:2]) for k in koder])[naering]
    fylke = np.array([int(k[0][:2]) for k in F.KOMMUNER])[kommune]
    fylkeskommunal = np.isin(np.array(koder)[naering], list(FYLKESKOMMUNALE_KODER))
    nokkel = np.zeros(n, dtype=np.int64)

    # Type in the top digits keeps the kinds of enhet apart.
    kommunal = sektor == KOMMUNAL
    oslo = fylke == 3
    fk = kommunal & fylkeskommunal & ~oslo
    nokkel[kommunal] = 1_000_000_000 + kommune[kommunal]
    nokkel[fk] = 2_000_000_000 + fylke[fk]

    statlig = np.flatnonzero(sektor == STATLIG)
    helse = statlig[naering2[statlig] == 86]
    nokkel[helse] = 3_000_000_000 + fylke[helse]
    ovrige = statlig[naering2[statlig] != 86]
    for n2 in np.unique(naering2[ovrige]):
        medlem = ovrige[naering2[ovrige] == n2]
        nokkel[medlem] = (
            4_000_000_000 + n2 * 10_000 + _zipf(rng, len(medlem), F.VIRKSOMHETER_PER_STATLIG_ENHET)
        )

    private = np.flatnonzero(sektor >= PRIVAT)
    gruppe = np.array([F.naeringsgruppe(k) for k in koder])[naering[private]]
    andel = np.array([F.KJEDE_ANDEL.get(g, F.KJEDE_ANDEL_ELLERS) for g in gruppe])
    i_kjede = private[rng.random(len(private)) < andel]
    for n2 in np.unique(naering2[i_kjede]):
        medlem = i_kjede[naering2[i_kjede] == n2]
        nokkel[medlem] = (
            5_000_000_000 + n2 * 1_000_000 + _zipf(rng, len(medlem), F.VIRKSOMHETER_PER_KJEDE)
        )
    egne = np.setdiff1d(private, i_kjede)
    nokkel[egne] = 6_000_000_000 + egne
    return nokkel


def _zipf(rng: np.random.Generator, antall: int, per_enhet: float) -> Heltall:
    """Spread ``antall`` members over enheter with heavy-tailed sizes (weights 1/rank)."""
    enheter = max(1, int(np.ceil(antall / per_enhet)))
    vekt = 1.0 / np.arange(1, enheter + 1)
    return rng.choice(enheter, size=antall, p=vekt / vekt.sum()).astype(np.int64)
