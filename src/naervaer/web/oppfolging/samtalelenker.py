"""Which part of Samtalestøtte helps with which task, as a link with the content's own title.

The content may be an operator's own (``NAERVAER_SAMTALE_INNHOLD``): a step or theme it lacks
falls back to the theme «Under sykmeldingen», and then to Samtalestøtte's front page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from naervaer.oppfolging.regler import Kode
from naervaer.samtale.veiviser import finn_steg
from naervaer.web.samtale.innhold import hent


@dataclass(frozen=True, slots=True)
class Steg:
    del_kode: str
    steg_kode: str


@dataclass(frozen=True, slots=True)
class Tema:
    kode: str


@dataclass(frozen=True, slots=True)
class Samtalelenke:
    tekst: str
    url: str


UNDER_SYKMELDING = Tema("under_sykmelding")
TILBAKE_I_ARBEID = Tema("tilbake_i_arbeid")

OPPGAVER: dict[Kode, Steg | Tema] = {
    # Making the plan together: the guide's step about the plan says what goes in it.
    Kode.OPPFOLGINGSPLAN: Steg("etterpaa", "oppfolgingsplan"),
    Kode.OPPDATERT_PLAN: Steg("etterpaa", "oppfolgingsplan"),
    # The theme's goals include preparing dialogmøte 1, and its questions are the meeting's.
    Kode.DIALOGMOTE_1: UNDER_SYKMELDING,
    # Work-related activity is about what can be arranged at work.
    Kode.AKTIVITETSKRAV: Tema("tilrettelegging"),
}


def lenke(maal: Steg | Tema) -> Samtalelenke:
    innhold = hent()
    if isinstance(maal, Steg):
        plassering = finn_steg(innhold.veileder, maal.del_kode, maal.steg_kode)
        if plassering is not None:
            return Samtalelenke(
                plassering.steg.tittel,
                reverse("samtale:steg", args=(maal.del_kode, maal.steg_kode)),
            )
        maal = UNDER_SYKMELDING
    tema = innhold.temaer.get(maal.kode) or innhold.temaer.get(UNDER_SYKMELDING.kode)
    if tema is None:
        return Samtalelenke("Samtalestøtte", reverse("samtale:forside"))
    return Samtalelenke(tema.navn, reverse("samtale:tema", args=(tema.kode,)))


def for_oppgave(kode: str) -> Samtalelenke:
    try:
        maal = OPPGAVER.get(Kode(kode), UNDER_SYKMELDING)
    except ValueError:
        maal = UNDER_SYKMELDING
    return lenke(maal)
