"""Sick-leave episodes for a set of arbeidsforhold, simulated as a point process per arbeidsforhold.

Onsets come at a seasonal intensity scaled by the arbeidsforhold's level (næring, sektor, fylke,
person). Time is measured on the cumulative intensity (``kumulativ``), so the gap to the next
onset is simply an exponential draw divided by the level, and the onset day is found by a
binary search: one vectorised step per episode number, over all arbeidsforhold at once. After a
case the person is at risk again only after the first working day that follows it, so cases
never overlap and two cases are never joined into one by the engine's case rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from naervaer.syntetisk import fordelinger as F
from naervaer.syntetisk.dager import legg_til_virkedager, neste_virkedag_etter, ukedag

Heltall = npt.NDArray[np.int64]
Flyttall = npt.NDArray[np.float64]

EGENMELDING, SYKMELDING = 0, 1


@dataclass(frozen=True)
class Fravaer:
    arbeidsforhold: Heltall  # index into the arbeidsforhold given
    fra: Heltall
    til: Heltall
    type: Heltall  # EGENMELDING or SYKMELDING
    grad: Heltall

    def __len__(self) -> int:
        return len(self.fra)


@dataclass(frozen=True)
class _Tilfeller:
    arbeidsforhold: Heltall
    start: Heltall  # first day of the case
    egen_slutt: Heltall  # last day of the egenmelding part, start - 1 if none
    syk: npt.NDArray[np.bool_]  # has a sykmelding part
    syk_start: Heltall
    varighet: Heltall  # calendar days of the sykmelding part, uncut
    klipp: Heltall  # last day that may be written (end of the arbeidsforhold or the period)


def _sesong(dager: Heltall) -> tuple[Flyttall, Flyttall]:
    maaned = dager.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12
    hverdag = ukedag(dager) < 5
    egen = F.RATE_EGENMELDING * np.asarray(F.SESONG_EGENMELDING)[maaned] * hverdag
    syk = F.RATE_SYKMELDING * np.asarray(F.SESONG_SYKMELDING)[maaned] * hverdag
    return egen, syk


def _trekk(rng: np.random.Generator, verdier: Heltall, andeler: Flyttall, antall: int) -> Heltall:
    return np.asarray(verdier[rng.choice(len(verdier), size=antall, p=andeler / andeler.sum())])


def lag_fravaer(
    rng: np.random.Generator,
    start: Heltall,
    slutt: Heltall,
    niva: Flyttall,
    t0: int,
    p0: int,
    p1: int,
) -> Fravaer:
    """Fravær for arbeidsforhold active on days [start, slutt] (already within [t0, p1]).

    Cases that end before ``p0`` are simulated (they shape who is at risk when the period
    starts) but not returned.
    """
    dager = np.arange(t0, p1 + 1, dtype=np.int64)
    egen, syk = _sesong(dager)
    intensitet = egen + syk
    kumulativ = np.concatenate([[0.0], np.cumsum(intensitet)])
    andel_syk = np.divide(syk, intensitet, out=np.zeros_like(syk), where=intensitet > 0)

    a = start - t0
    b = slutt - t0
    aktive = np.flatnonzero(a <= b)
    u = kumulativ[a[aktive]]
    biter: list[_Tilfeller] = []
    while len(aktive):
        u = u + rng.standard_exponential(len(aktive)) / niva[aktive]
        # Weekends have no intensity, so the day found is always a working day.
        d = np.searchsorted(kumulativ, u, side="right") - 1
        inne = d <= b[aktive]
        aktive, u, d = aktive[inne], u[inne], d[inne]
        if not len(aktive):
            break
        tilfeller = _nye_tilfeller(rng, aktive, d + t0, andel_syk[d], b[aktive] + t0)
        biter.append(tilfeller)
        slutt_tilfelle = np.where(
            tilfeller.syk, tilfeller.syk_start + tilfeller.varighet - 1, tilfeller.egen_slutt
        )
        igjen = neste_virkedag_etter(slutt_tilfelle) + 1
        pause = tilfeller.syk & (slutt_tilfelle - tilfeller.start + 1 >= F.MAKS_VARIGHET)
        igjen = igjen + np.where(pause, F.PAUSE_ETTER_MAKS, 0)
        videre = igjen - t0 <= b[aktive]
        aktive = aktive[videre]
        u = kumulativ[igjen[videre] - t0]
    return _til_rader(rng, biter, p0)


def _nye_tilfeller(
    rng: np.random.Generator,
    arbeidsforhold: Heltall,
    dag: Heltall,
    andel_syk: Flyttall,
    klipp: Heltall,
) -> _Tilfeller:
    m = len(dag)
    syk = rng.random(m) < andel_syk
    forst_egen = syk & (rng.random(m) < F.EGENMELDING_FOR_SYKMELDING)
    egen_dager = np.where(
        syk,
        np.where(
            forst_egen,
            _trekk(rng, F.EGENMELDING_FOR_SYKMELDING_DAGER, F.EGENMELDING_FOR_SYKMELDING_ANDEL, m),
            0,
        ),
        _trekk(rng, F.EGENMELDING_DAGER, F.EGENMELDING_ANDEL, m),
    )
    egen_slutt = np.where(
        egen_dager > 0, legg_til_virkedager(dag, np.maximum(egen_dager, 1)), dag - 1
    )
    syk_start = egen_slutt + 1

    kategori = rng.choice(len(F.VARIGHET_ANDEL), size=m, p=F.VARIGHET_ANDEL)
    forste, siste = F.VARIGHET_GRENSER[kategori, 0], F.VARIGHET_GRENSER[kategori, 1]
    varighet = forste + (rng.random(m) * (siste - forste + 1)).astype(np.int64)
    til_maks = (kategori == len(F.VARIGHET_ANDEL) - 1) & (
        rng.random(m) < F.MAKS_VARIGHET_ANDEL_AV_SISTE
    )
    # The 52-week maximum counts the whole case, the egenmelding days before the note included.
    tak = F.MAKS_VARIGHET - (syk_start - dag)
    varighet = np.where(til_maks, tak, np.minimum(varighet, tak))
    return _Tilfeller(arbeidsforhold, dag, egen_slutt, syk, syk_start, varighet, klipp)


def _gradert_sannsynlighet(varighet: Heltall) -> Flyttall:
    grenser = np.array([g for g, _ in F.GRADERT_ANDEL_ETTER_VARIGHET])
    andeler = np.array([p for _, p in F.GRADERT_ANDEL_ETTER_VARIGHET])
    return np.asarray(andeler[np.minimum(np.searchsorted(grenser, varighet), len(andeler) - 1)])


def _forlengelser(
    rng: np.random.Generator, af: Heltall, fra: Heltall, til: Heltall, grad: Heltall
) -> tuple[Heltall, Heltall, Heltall, Heltall]:
    """Cut a long stretch of sick leave into sick notes in a row (the doctor extends the note).

    Each stretch becomes ceil(length / L) notes of about equal length, with L drawn per stretch
    between the shortest and longest usual note length.
    """
    lengde = til - fra + 1
    maks = rng.integers(F.SYKMELDING_LENGDE[0], F.SYKMELDING_LENGDE[1] + 1, len(fra))
    antall = np.maximum(1, -(-lengde // maks))
    gjentatt = np.repeat(np.arange(len(fra)), antall)
    forste = np.concatenate([[0], np.cumsum(antall)[:-1]])
    nr = np.arange(len(gjentatt)) - np.repeat(forste, antall)
    n = antall[gjentatt]
    fra_ny = fra[gjentatt] + nr * lengde[gjentatt] // n
    til_ny = fra[gjentatt] + (nr + 1) * lengde[gjentatt] // n - 1
    return af[gjentatt], fra_ny, til_ny, grad[gjentatt]


def _til_rader(rng: np.random.Generator, biter: list[_Tilfeller], p0: int) -> Fravaer:
    if not biter:
        tom = np.zeros(0, dtype=np.int64)
        return Fravaer(tom, tom, tom, tom, tom)
    felter = _Tilfeller.__dataclass_fields__
    t = _Tilfeller(*(np.concatenate([getattr(b, felt) for b in biter]) for felt in felter))
    slutt = np.where(t.syk, t.syk_start + t.varighet - 1, t.egen_slutt)
    # Cases that are over before the period starts are not written.
    med = np.minimum(slutt, t.klipp) >= p0
    t = _Tilfeller(*(getattr(t, felt)[med] for felt in felter))
    m = len(t.start)

    # The sykmelding part as up to three stretches: full, graded, full again, as offsets
    # [fra, til) from its first day.
    v = t.varighet
    gradert = t.syk & (rng.random(m) < _gradert_sannsynlighet(v))
    fra_start = rng.random(m) < F.GRADERT_FRA_START
    g0 = np.where(fra_start, 0, np.minimum((v * rng.uniform(0.15, 0.6, m)).astype(np.int64), v - 1))
    tilbake = rng.random(m) < F.GRADERT_TILBAKE_TIL_FULL
    lengde_gradert = np.maximum(1, ((v - g0) * rng.uniform(0.4, 0.8, m)).astype(np.int64))
    g1 = np.where(tilbake, np.minimum(g0 + lengde_gradert, v), v)
    grad = _trekk(rng, F.GRADER, F.GRAD_ANDEL, m)
    hel = np.full(m, 100, dtype=np.int64)
    null = np.zeros(m, dtype=np.int64)
    strekninger = (
        # (offset fra, offset til exclusive, grad, exists)
        (null, g0, hel, gradert & (g0 > 0)),
        (np.where(gradert, g0, 0), np.where(gradert, g1, v), np.where(gradert, grad, hel), t.syk),
        (g1, v, hel, gradert & (g1 < v)),
    )
    deler_af = [t.arbeidsforhold[t.egen_slutt >= t.start]]
    deler_fra = [t.start[t.egen_slutt >= t.start]]
    deler_til = [np.minimum(t.egen_slutt, t.klipp)[t.egen_slutt >= t.start]]
    deler_type = [np.full(len(deler_af[0]), EGENMELDING, dtype=np.int64)]
    deler_grad = [np.full(len(deler_af[0]), 100, dtype=np.int64)]
    for fra_off, til_off, g, finnes in strekninger:
        fra = t.syk_start + fra_off
        til = np.minimum(t.syk_start + til_off - 1, t.klipp)
        ok = finnes & (fra <= til)
        noter = _forlengelser(rng, t.arbeidsforhold[ok], fra[ok], til[ok], g[ok])
        deler_af.append(noter[0])
        deler_fra.append(noter[1])
        deler_til.append(noter[2])
        deler_type.append(np.full(len(noter[0]), SYKMELDING, dtype=np.int64))
        deler_grad.append(noter[3])
    af = np.concatenate(deler_af)
    fra = np.concatenate(deler_fra)
    orden = np.lexsort((fra, af))
    return Fravaer(
        arbeidsforhold=af[orden],
        fra=fra[orden],
        til=np.concatenate(deler_til)[orden],
        type=np.concatenate(deler_type)[orden],
        grad=np.concatenate(deler_grad)[orden],
    )
