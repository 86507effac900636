"""Reading and checking the guide's content: every file against its schema, every theme and
bransje present, every question code unique in its file."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from naervaer.samtale.modell import (
    BRANSJEKODER,
    TEMAKODER,
    Ansattveileder,
    Bransje,
    Grenser,
    Sporsmal,
    Tema,
    Veileder,
)

INNHOLD = Path(__file__).with_name("innhold")

M = TypeVar("M", bound=BaseModel)


class Innholdsfeil(Exception):
    """The content breaks its schema; the message names the file and the place in it."""


@dataclass(frozen=True, slots=True)
class Innhold:
    veileder: Veileder
    temaer: dict[str, Tema]  # in the order of TEMAKODER
    bransjer: dict[str, Bransje]  # in the order of BRANSJEKODER
    grenser: Grenser
    ansatt: Ansattveileder


def _les(sti: Path, modell: type[M]) -> M:
    # The shipped content is named from its package; a folder of an operator's own in full.
    navn = sti.relative_to(INNHOLD.parent) if sti.is_relative_to(INNHOLD.parent) else sti
    try:
        data = yaml.safe_load(sti.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Innholdsfeil(f"{navn}: filen mangler") from None
    except yaml.YAMLError as feil:
        raise Innholdsfeil(f"{navn}: ugyldig YAML: {feil}") from None
    try:
        return modell.model_validate(data)
    except ValidationError as feil:
        steder = "; ".join(
            f"{'.'.join(str(d) for d in f['loc']) or '(roten)'}: {f['msg']}" for f in feil.errors()
        )
        raise Innholdsfeil(f"{navn}: {steder}") from None


def _unike_koder(fil: str, sporsmal: Iterable[Sporsmal]) -> None:
    sett: set[str] = set()
    for s in sporsmal:
        if s.kode in sett:
            raise Innholdsfeil(f"{fil}: spørsmålskoden «{s.kode}» er brukt to ganger")
        sett.add(s.kode)


def les_innhold(mappe: Path = INNHOLD) -> Innhold:
    veileder = _les(mappe / "veileder.yaml", Veileder)
    _unike_koder(
        "veileder.yaml", (s for d in veileder.deler for steg in d.steg for s in steg.sporsmal)
    )
    temaer = {}
    for kode in TEMAKODER:
        tema = _les(mappe / "temaer" / f"{kode}.yaml", Tema)
        if tema.kode != kode:
            raise Innholdsfeil(f"temaer/{kode}.yaml: kode må være «{kode}», ikke «{tema.kode}»")
        _unike_koder(f"temaer/{kode}.yaml", tema.sporsmal)
        temaer[kode] = tema
    bransjer = {}
    for kode in BRANSJEKODER:
        bransje = _les(mappe / "bransjer" / f"{kode}.yaml", Bransje)
        if bransje.kode != kode:
            raise Innholdsfeil(
                f"bransjer/{kode}.yaml: kode må være «{kode}», ikke «{bransje.kode}»"
            )
        _unike_koder(f"bransjer/{kode}.yaml", bransje.sporsmal)
        bransjer[kode] = bransje
    return Innhold(
        veileder=veileder,
        temaer=temaer,
        bransjer=bransjer,
        grenser=_les(mappe / "ikke_spor.yaml", Grenser),
        ansatt=_les(mappe / "ansatt.yaml", Ansattveileder),
    )


@functools.cache
def innhold() -> Innhold:
    """The shipped content, read once per process."""
    return les_innhold()
