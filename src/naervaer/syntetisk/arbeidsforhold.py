"""Arbeidsforhold of one chunk of virksomheter: positions filled by a chain of persons over time.

Each position (stilling) of a virksomhet is held by one person after another: the holder when
the simulation starts, then, after a vacancy, a newly hired person, and so on. On top come
second jobs of persons whose main job is elsewhere, and a few extra arbeidsforhold of a person
in the virksomhet where they already work.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from naervaer.syntetisk import fordelinger as F
from naervaer.syntetisk.personer import Nokler, person_nokkel
from naervaer.syntetisk.virksomheter import ETTER_ALT, FOR_ALT, Virksomheter

Heltall = npt.NDArray[np.int64]
Flyttall = npt.NDArray[np.float64]

# The earliest fra_dato written: 1975-01-01.
TIDLIGSTE_START = 1826
_DELTID = np.array([n.deltid for n in F.NAERINGER])
_KORT_ANDEL = np.array([F.KORT_JOBB_ANDEL[n.turnover] for n in F.NAERINGER])


@dataclass(frozen=True)
class Arbeidsforhold:
    virksomhet: Heltall  # index into Virksomheter
    person: Nokler
    avdeling: Heltall  # department number, -1 = none
    fra: Heltall  # day numbers
    til: Heltall  # ETTER_ALT-like large values = ongoing
    stilling: Flyttall
    med_fravaer: npt.NDArray[np.bool_]  # False for the extra ones, covered by the main job's fravær

    def __len__(self) -> int:
        return len(self.fra)


def _varighet(rng: np.random.Generator, kort_andel: Flyttall) -> Heltall:
    kort = rng.random(len(kort_andel)) < kort_andel
    middel = np.where(kort, F.KORT_JOBB_DAGER, F.LANG_JOBB_DAGER)
    return np.maximum(1, rng.exponential(middel)).astype(np.int64)


def _trekk(
    rng: np.random.Generator, verdier: npt.NDArray[np.int64], andeler: Flyttall, antall: int
) -> Heltall:
    return np.asarray(verdier[rng.choice(len(verdier), size=antall, p=andeler / andeler.sum())])


def lag_arbeidsforhold(
    rng: np.random.Generator,
    v: Virksomheter,
    bit: int,
    fra_virksomhet: int,
    til_virksomhet: int,
    stillinger_per_bit: Heltall,
    t0: int,
    p0: int,
    p1: int,
) -> Arbeidsforhold:
    """The arbeidsforhold of virksomheter [fra_virksomhet, til_virksomhet), chunk number ``bit``.

    ``t0`` is the start of the simulation (before the period, so that jobs and sick leave are
    under way when the period starts), [p0, p1] the period written.
    """
    virksomheter = np.arange(fra_virksomhet, til_virksomhet)
    posisjon_v = np.repeat(virksomheter, v.stillinger[virksomheter])
    antall_pos = len(posisjon_v)
    naering = v.naering[posisjon_v]
    avd_antall = v.avdelinger[posisjon_v]
    # Skewed department sizes: the first departments of a virksomhet are the largest.
    avdeling = np.where(
        avd_antall > 0, np.floor(avd_antall * rng.random(antall_pos) ** 1.4), -1
    ).astype(np.int64)
    oppstart = v.oppstart[posisjon_v]
    siste_dag = np.minimum(v.nedlagt[posisjon_v] - 1, ETTER_ALT)
    kort_andel = _KORT_ANDEL[naering]

    # The first holder of each position: in the job already when the simulation starts (the
    # ones there then are mostly in long jobs), or hired when the virksomhet starts.
    startet_for = oppstart == FOR_ALT
    ansiennitet = rng.exponential(F.ANSIENNITET_DAGER, antall_pos).astype(np.int64)
    fra = np.where(
        startet_for,
        np.maximum(t0 - ansiennitet, TIDLIGSTE_START),
        oppstart + rng.integers(0, 60, antall_pos),
    )
    rest = _varighet(rng, kort_andel * 0.3)
    ny = _varighet(rng, kort_andel)
    til = np.where(startet_for, t0 + rest, fra + ny)
    lokal = np.arange(antall_pos, dtype=np.int64)

    jobber_pos: list[Heltall] = []
    jobber_fra: list[Heltall] = []
    jobber_til: list[Heltall] = []
    jobber_person: list[Heltall] = []
    aktive = np.arange(antall_pos)
    neste_lokal = antall_pos
    while len(aktive):
        til = np.minimum(til, siste_dag[aktive])
        jobber_pos.append(aktive)
        jobber_fra.append(fra)
        jobber_til.append(til)
        jobber_person.append(lokal)
        # The next holder starts after a vacancy, unless the virksomhet has closed or the
        # period is over.
        neste = til + 1 + rng.exponential(F.LEDIG_STILLING_DAGER, len(aktive)).astype(np.int64)
        videre = (neste <= np.minimum(siste_dag[aktive], p1)) & (til < siste_dag[aktive])
        aktive = aktive[videre]
        fra = neste[videre]
        til = fra + _varighet(rng, kort_andel[aktive])
        lokal = neste_lokal + np.arange(len(aktive), dtype=np.int64)
        neste_lokal += len(aktive)

    pos = np.concatenate(jobber_pos)
    fra = np.concatenate(jobber_fra)
    til = np.concatenate(jobber_til)
    person_lokal = np.concatenate(jobber_person)
    behold = (til >= p0) & (fra <= p1)
    pos, fra, til, person_lokal = pos[behold], fra[behold], til[behold], person_lokal[behold]
    antall = len(pos)
    deltid = _DELTID[naering[pos]]
    stilling = np.where(
        deltid,
        _trekk(rng, F.STILLINGER, F.STILLING_ANDEL_DELTID, antall),
        _trekk(rng, F.STILLINGER, F.STILLING_ANDEL_VANLIG, antall),
    ).astype(np.float64)
    hoved = Arbeidsforhold(
        virksomhet=posisjon_v[pos],
        person=person_nokkel(bit, person_lokal),
        avdeling=avdeling[pos],
        fra=fra,
        til=til,
        stilling=stilling,
        med_fravaer=np.ones(antall, dtype=bool),
    )
    ekstra = _ekstra_i_samme_virksomhet(rng, hoved, p0, p1)
    bijobber = _bijobber(rng, v, bit, posisjon_v, avdeling, stillinger_per_bit, antall, t0, p0, p1)
    return _slaa_sammen(hoved, ekstra, bijobber)


def _ekstra_i_samme_virksomhet(
    rng: np.random.Generator, hoved: Arbeidsforhold, p0: int, p1: int
) -> Arbeidsforhold:
    """A small extra arbeidsforhold (extra shifts) inside a part-time main job.

    It lies within the main job, so the main job's fravær covers it: the engine counts a fravær
    for every arbeidsforhold of the person in the virksomhet that is active on those days.
    """
    deltid = np.flatnonzero(hoved.stilling <= 80)
    andel = F.EKSTRA_SAMME_VIRKSOMHET_ANDEL * len(hoved) / max(len(deltid), 1)
    valgt = deltid[rng.random(len(deltid)) < andel]
    fra = np.maximum(hoved.fra[valgt], p0)
    slutt = np.minimum(hoved.til[valgt], p1)
    lengde = slutt - fra
    start = fra + (rng.random(len(valgt)) * lengde * 0.7).astype(np.int64)
    til = start + (rng.random(len(valgt)) * (slutt - start)).astype(np.int64)
    # When the main job goes on after the period, the extra one often does too.
    pagaende = (hoved.til[valgt] > p1) & (rng.random(len(valgt)) < 0.5)
    til = np.where(pagaende, hoved.til[valgt], til)
    stilling = np.minimum(100 - hoved.stilling[valgt], rng.choice([10.0, 20.0], len(valgt)))
    return Arbeidsforhold(
        virksomhet=hoved.virksomhet[valgt],
        person=hoved.person[valgt],
        avdeling=hoved.avdeling[valgt],
        fra=start,
        til=til,
        stilling=stilling,
        med_fravaer=np.zeros(len(valgt), dtype=bool),
    )


def _bijobber(
    rng: np.random.Generator,
    v: Virksomheter,
    bit: int,
    posisjon_v: Heltall,
    avdeling: Heltall,
    stillinger_per_bit: Heltall,
    antall_hoved: int,
    t0: int,
    p0: int,
    p1: int,
) -> Arbeidsforhold:
    """Second jobs here of persons whose main job is anywhere in the register.

    The person is drawn among the first holders of the positions of any chunk (their keys are
    known without generating that chunk); one whose main job is in this very virksomhet is
    dropped, and so is a second draw of the same person for the same virksomhet.
    """
    antall = int(rng.binomial(antall_hoved, F.BIJOBB_ANDEL))
    vekt = np.where(_DELTID[v.naering[posisjon_v]], 2.0, 1.0)
    pos = rng.choice(len(posisjon_v), size=antall, p=vekt / vekt.sum())
    virksomhet = posisjon_v[pos]
    annen_bit = rng.choice(
        len(stillinger_per_bit), size=antall, p=stillinger_per_bit / stillinger_per_bit.sum()
    )
    lokal = (rng.random(antall) * stillinger_per_bit[annen_bit]).astype(np.int64)
    # A first holder's local number is the position number in its chunk.
    egen = annen_bit == bit
    egen_virksomhet = np.full(antall, -1, dtype=np.int64)
    egen_virksomhet[egen] = posisjon_v[lokal[egen]]
    nokkel = (annen_bit.astype(np.uint64) << np.uint64(32)) | lokal.astype(np.uint64)
    _, forste = np.unique(
        np.stack([nokkel, virksomhet.astype(np.uint64)]), axis=1, return_index=True
    )
    unik = np.zeros(antall, dtype=bool)
    unik[forste] = True
    ok = unik & (egen_virksomhet != virksomhet)

    # Only second jobs that touch the period are of interest: pick a day in the period on which
    # the job is held and place a job of random length around it.
    varighet = _varighet(rng, np.full(antall, 0.5))
    holdt = rng.integers(p0, p1 + 1, antall)
    fra = holdt - (rng.random(antall) * varighet).astype(np.int64)
    til = fra + varighet
    fra = np.maximum(fra, np.maximum(v.oppstart[virksomhet], TIDLIGSTE_START))
    til = np.minimum(til, v.nedlagt[virksomhet] - 1)
    ok &= (fra <= til) & (til >= p0) & (fra <= p1)
    stilling = _trekk(rng, F.STILLINGER, F.STILLING_ANDEL_BIJOBB, antall).astype(np.float64)
    return Arbeidsforhold(
        virksomhet=virksomhet[ok],
        person=nokkel[ok],
        avdeling=avdeling[pos][ok],
        fra=fra[ok],
        til=til[ok],
        stilling=stilling[ok],
        med_fravaer=np.ones(int(ok.sum()), dtype=bool),
    )


def _slaa_sammen(*deler: Arbeidsforhold) -> Arbeidsforhold:
    return Arbeidsforhold(
        virksomhet=np.concatenate([d.virksomhet for d in deler]),
        person=np.concatenate([d.person for d in deler]),
        avdeling=np.concatenate([d.avdeling for d in deler]),
        fra=np.concatenate([d.fra for d in deler]),
        til=np.concatenate([d.til for d in deler]),
        stilling=np.concatenate([d.stilling for d in deler]),
        med_fravaer=np.concatenate([d.med_fravaer for d in deler]),
    )
