"""An import's plan as Norwegian text, the same on the command line, the page and the API."""

from __future__ import annotations

from dataclasses import dataclass

from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.egendata.plan import Plan, Tabelltall


@dataclass(frozen=True, slots=True)
class Oppsummering:
    hode: str
    linjer: tuple[str, ...]


def _tall(antall: int) -> str:
    return norsk_tall(antall, 0)


def tabelltekst(t: Tabelltall) -> str:
    """«fravær: 1 ny, 2 endret, 10 uendret, 1 fjernet»."""
    deler = [
        f"{_tall(t.nye)} {'ny' if t.nye == 1 else 'nye'}",
        f"{_tall(t.endrede)} endret",
        f"{_tall(t.uendrede)} uendret",
    ]
    if t.tabell == "fravær":
        deler.append(f"{_tall(t.fjernede)} fjernet")
    return f"{t.tabell}: {', '.join(deler)}"


def oppsummering(plan: Plan, *, lagret: bool) -> Oppsummering:
    v = plan.virksomhet
    antall_filer = len(plan.innlesing.filer)
    filer = f"{_tall(antall_filer)} {'fil' if antall_filer == 1 else 'filer'}"
    if lagret:
        hode = (
            f"Importen er lagret for {v.navn} ({v.orgnr_tekst}) fra {filer}."
            if plan.har_endringer
            else f"Ingenting er endret for {v.navn} ({v.orgnr_tekst}): {filer} har de samme "
            "dataene som er lagret fra før."
        )
        return Oppsummering(hode, tuple(tabelltekst(t) for t in plan.tabeller()))
    hode = f"Forhåndsvisning for {v.navn} ({v.orgnr_tekst}) fra {filer}; ingenting er lagret."
    linjer: list[str] = []
    for t in plan.tabeller():
        linjer.append(tabelltekst(t))
        linjer.extend(f"  ny: {e}" for e in t.eksempler_nye)
        linjer.extend(f"  endret: {e}" for e in t.eksempler_endrede)
        linjer.extend(f"  fjernet: {e}" for e in t.eksempler_fjernede)
    return Oppsummering(hode, tuple(linjer))
