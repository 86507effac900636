"""A synthetic national register of virksomheter, arbeidsforhold and fravær (spec §2).

The register is calibrated so that the statistics engine reproduces SSB's published levels
(see ``fordelinger``). It is generated in chunks of virksomheter, each with its own random
stream seeded from (seed, chunk number), and written as it goes, so memory stays bounded and the
same skala, seed and period always give the same files.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from naervaer.statistikk.kvartal import Kvartal
from naervaer.syntetisk import fordelinger as F
from naervaer.syntetisk.arbeidsforhold import Arbeidsforhold, lag_arbeidsforhold
from naervaer.syntetisk.dager import dagnummer, som_datoer
from naervaer.syntetisk.fravaer import EGENMELDING, Fravaer, lag_fravaer
from naervaer.syntetisk.orgnr import som_tekst
from naervaer.syntetisk.personer import person_id, tilboyelighet
from naervaer.syntetisk.virksomheter import Virksomheter, lag_virksomheter

Filformat = Literal["parquet", "csv"]
Fremdrift = Callable[[str, int, int], None]

# Sick leave is simulated from this many days before the period, so that long cases are under
# way when the period starts (the longest case is 52 weeks).
INNKJORING_DAGER = 730

SKJEMA: dict[str, pa.Schema] = {
    "virksomheter": pa.schema(
        [
            ("orgnr", pa.string()),
            ("overordnet_orgnr", pa.string()),
            ("navn", pa.string()),
            ("naeringskode", pa.string()),
            ("sektor", pa.string()),
            ("kommunenummer", pa.string()),
        ]
    ),
    "arbeidsforhold": pa.schema(
        [
            ("person_id", pa.string()),
            ("orgnr", pa.string()),
            ("avdeling", pa.string()),
            ("fra_dato", pa.date32()),
            ("til_dato", pa.date32()),
            ("stillingsprosent", pa.float64()),
        ]
    ),
    "fravaer": pa.schema(
        [
            ("person_id", pa.string()),
            ("orgnr", pa.string()),
            ("fra_dato", pa.date32()),
            ("til_dato", pa.date32()),
            ("type", pa.string()),
            ("grad", pa.float64()),
        ]
    ),
}

# Five years up to the latest published quarter: the history a page shows.
STANDARD_FRA = Kvartal(2021, 3)
STANDARD_TIL = Kvartal(2026, 2)

_AVDELINGER = pa.array([f"AVD{i:02d}" for i in range(1, 21)])
_TYPER = pa.array(["egenmelding", "sykmelding"])


@dataclass(frozen=True, slots=True)
class Sammendrag:
    """What was written: counts of rows and units, and the files."""

    virksomheter: int
    overordnede_enheter: int
    personer: int
    arbeidsforhold: int
    fravaer: int
    egenmeldinger: int
    sykmeldinger: int
    filer: tuple[Path, ...]


class _Skriver:
    """Writes one table incrementally, to a temporary name that is renamed when all is written."""

    def __init__(self, ut: Path, navn: str, filformat: Filformat) -> None:
        self.sti = ut / f"{navn}.{filformat}"
        self.midlertidig = ut / f".{navn}.{filformat}.skrives"
        self.skjema = SKJEMA[navn]
        self.parquet: pq.ParquetWriter | None = None
        self.csv: pacsv.CSVWriter | None = None
        self.fil: pa.NativeFile | None = None
        if filformat == "parquet":
            self.parquet = pq.ParquetWriter(self.midlertidig, self.skjema, compression="zstd")
        else:
            # Every value is generated here and none holds a comma, quote or line break, so no
            # quoting is needed; plain fields are what most CSV readers expect. Arrow quotes the
            # header even then, so the header is written first by hand.
            self.fil = pa.OSFile(str(self.midlertidig), "wb")
            self.fil.write((",".join(self.skjema.names) + "\n").encode())
            self.csv = pacsv.CSVWriter(
                self.fil,
                self.skjema,
                write_options=pacsv.WriteOptions(include_header=False, quoting_style="none"),
            )

    def skriv(self, tabell: pa.Table) -> None:
        tabell = tabell.cast(self.skjema)
        if self.parquet is not None:
            self.parquet.write_table(tabell, row_group_size=1 << 20)
        elif self.csv is not None:
            self.csv.write_table(tabell)

    def _lukk_filer(self) -> None:
        if self.parquet is not None:
            self.parquet.close()
        if self.csv is not None:
            self.csv.close()
        if self.fil is not None:
            self.fil.close()

    def lukk(self) -> Path:
        self._lukk_filer()
        os.replace(self.midlertidig, self.sti)
        return self.sti

    def forkast(self) -> None:
        with contextlib.suppress(Exception):
            self._lukk_filer()
        self.midlertidig.unlink(missing_ok=True)


def _datoer(dager: npt.NDArray[np.int64], tom: npt.NDArray[np.bool_] | None = None) -> pa.Array:
    return pa.array(som_datoer(dager), type=pa.date32(), mask=tom)


def _biter(stillinger: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The chunk of each virksomhet: consecutive virksomheter up to about STILLINGER_PER_BIT
    positions. It depends on the virksomheter alone, so results never depend on memory."""
    for_ = np.concatenate([[0], np.cumsum(stillinger)[:-1]])
    bit = for_ // F.STILLINGER_PER_BIT
    # Renumber so that chunks are 0, 1, 2, … with none empty.
    return np.unique(bit, return_inverse=True)[1].astype(np.int64)


def generer(
    skala: float,
    ut: Path,
    *,
    seed: int = 2026,
    fra: Kvartal = STANDARD_FRA,
    til: Kvartal = STANDARD_TIL,
    filformat: Filformat = "parquet",
    fremdrift: Fremdrift | None = None,
) -> Sammendrag:
    """Write ``virksomheter``, ``arbeidsforhold`` and ``fravaer`` for quarters fra..til to ``ut``.

    skala 1.0 is about Norway (3.4 million persons, 250 000 virksomheter); 0.001 is about
    3 400 persons and still has every bransje, fylke and sektor. Files of the other format with
    the same names in ``ut`` are removed, since the engine refuses a folder with both.
    """
    if not skala > 0:
        raise ValueError(f"skala må være større enn 0, ikke {skala}")
    if til < fra:
        raise ValueError(f"til ({til}) kan ikke være før fra ({fra})")
    if filformat not in ("parquet", "csv"):
        raise ValueError(f"filformat må være parquet eller csv, ikke {filformat}")
    if not 0 <= seed < 2**63:
        raise ValueError("seed må være et ikke-negativt heltall")

    def meld(steg: str, ferdig: int, totalt: int) -> None:
        if fremdrift is not None:
            fremdrift(steg, ferdig, totalt)

    ut = Path(ut)
    ut.mkdir(parents=True, exist_ok=True)
    p0 = dagnummer(fra.start)
    p1 = dagnummer(til.slutt)
    t0 = p0 - INNKJORING_DAGER

    meld("virksomheter", 0, 1)
    v = lag_virksomheter(skala, np.random.default_rng([seed, 0]), p0, p1)
    bit_for_virksomhet = _biter(v.stillinger)
    antall_biter = int(bit_for_virksomhet.max()) + 1
    stillinger_per_bit = np.bincount(bit_for_virksomhet, weights=v.stillinger).astype(np.int64)
    grenser = np.searchsorted(bit_for_virksomhet, np.arange(antall_biter + 1))
    orgnr_tekst = som_tekst(v.orgnr, 9)

    annet = "csv" if filformat == "parquet" else "parquet"
    for navn in SKJEMA:
        (ut / f"{navn}.{annet}").unlink(missing_ok=True)
    skrivere = {navn: _Skriver(ut, navn, filformat) for navn in SKJEMA}
    try:
        skrivere["virksomheter"].skriv(v.tabell())
        meld("virksomheter", 1, 1)
        meld("arbeidsforhold og fravær", 0, antall_biter)
        personer: list[npt.NDArray[np.uint64]] = []
        antall_af = antall_fravaer = antall_egen = 0
        for bit in range(antall_biter):
            rng = np.random.default_rng([seed, 1, bit])
            af = lag_arbeidsforhold(
                rng,
                v,
                bit,
                int(grenser[bit]),
                int(grenser[bit + 1]),
                stillinger_per_bit,
                t0,
                p0,
                p1,
            )
            fr = _fravaer_for(rng, af, v, seed, t0, p0, p1)
            unike, person_indeks = np.unique(af.person, return_inverse=True)
            id_tekst = person_id(unike, seed)
            skrivere["arbeidsforhold"].skriv(
                _af_tabell(af, person_indeks, id_tekst, orgnr_tekst, p1)
            )
            skrivere["fravaer"].skriv(_fravaer_tabell(fr, af, person_indeks, id_tekst, orgnr_tekst))
            personer.append(unike)
            antall_af += len(af)
            antall_fravaer += len(fr)
            antall_egen += int((fr.type == EGENMELDING).sum())
            meld("arbeidsforhold og fravær", bit + 1, antall_biter)
        filer = tuple(skrivere[navn].lukk() for navn in SKJEMA)
    except BaseException:
        for skriver in skrivere.values():
            skriver.forkast()
        raise
    return Sammendrag(
        virksomheter=len(v),
        overordnede_enheter=v.antall_overordnede,
        personer=len(np.unique(np.concatenate(personer))) if personer else 0,
        arbeidsforhold=antall_af,
        fravaer=antall_fravaer,
        egenmeldinger=antall_egen,
        sykmeldinger=antall_fravaer - antall_egen,
        filer=filer,
    )


def _fravaer_for(
    rng: np.random.Generator,
    af: Arbeidsforhold,
    v: Virksomheter,
    seed: int,
    t0: int,
    p0: int,
    p1: int,
) -> Fravaer:
    med = np.flatnonzero(af.med_fravaer)
    start = np.maximum(af.fra[med], t0)
    slutt = np.minimum(af.til[med], p1)
    niva = v.niva[af.virksomhet[med]] * tilboyelighet(af.person[med], seed, F.PERSON_SPREDNING)
    fr = lag_fravaer(rng, start, slutt, niva, t0, p0, p1)
    return Fravaer(med[fr.arbeidsforhold], fr.fra, fr.til, fr.type, fr.grad)


def _af_tabell(
    af: Arbeidsforhold,
    person_indeks: npt.NDArray[np.intp],
    id_tekst: pa.StringArray,
    orgnr_tekst: pa.StringArray,
    p1: int,
) -> pa.Table:
    pagaende = af.til > p1
    uten_avdeling = af.avdeling < 0
    return pa.table(
        {
            "person_id": id_tekst.take(pa.array(person_indeks)),
            "orgnr": orgnr_tekst.take(pa.array(af.virksomhet)),
            "avdeling": _AVDELINGER.take(pa.array(np.maximum(af.avdeling, 0), mask=uten_avdeling)),
            "fra_dato": _datoer(af.fra),
            "til_dato": _datoer(np.minimum(af.til, p1), pagaende),
            "stillingsprosent": pa.array(af.stilling, pa.float64()),
        }
    )


def _fravaer_tabell(
    fr: Fravaer,
    af: Arbeidsforhold,
    person_indeks: npt.NDArray[np.intp],
    id_tekst: pa.StringArray,
    orgnr_tekst: pa.StringArray,
) -> pa.Table:
    return pa.table(
        {
            "person_id": id_tekst.take(pa.array(person_indeks[fr.arbeidsforhold])),
            "orgnr": orgnr_tekst.take(pa.array(af.virksomhet[fr.arbeidsforhold])),
            "fra_dato": _datoer(fr.fra),
            "til_dato": _datoer(fr.til),
            "type": _TYPER.take(pa.array(fr.type)),
            "grad": pa.array(fr.grad.astype(np.float64), pa.float64()),
        }
    )
