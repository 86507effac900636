from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Figur, Terskel
from naervaer.statistikk.oversikt import GRUNNLAGSNAVN, Grunnlag, Linje, Oversikt, lag_oversikt
from naervaer.web.statistikk.diagram import lag_diagram
from naervaer.web.statistikk.lager import hent_enheter
from naervaer.web.statistikk.sidevalg import Sidevalg, les_sidevalg, valgte_linjer
from naervaer.web.virksomheter.models import Tilgangsforesporsel
from naervaer.web.virksomheter.tilgang import (
    Rettigheter,
    innlogget,
    med_virksomhet,
    virksomhetsdata,
)


def oversikt_for(tilgang: Rettigheter, valg: Sidevalg) -> Oversikt:
    """The overview as this user may see it: the one way the pages, files and API get figures."""
    return lag_oversikt(
        virksomhetsdata(tilgang.virksomhet),
        hent_enheter,
        kan_se_egne_tall=tilgang.kan_se_statistikk,
        grunnlag=valg.grunnlag,
        dag=timezone.localdate(),
        terskel=Terskel(settings.NAERVAER_MASKERINGSTERSKEL),
    )


def tabellrader(linjer: tuple[Linje, ...]) -> list[tuple[Kvartal, list[Figur | None]]]:
    """The history table, newest quarter first: one row per quarter, one column per line."""
    if not linjer:
        return []
    kvartaler = [p.kvartal for p in linjer[0].punkter]
    return [
        (kvartal, [linje.punkter[i].prosent for linje in linjer])
        for i, kvartal in reversed(list(enumerate(kvartaler)))
    ]


@med_virksomhet
def side(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    valg = les_sidevalg(request.GET)
    oversikt = oversikt_for(tilgang, valg)
    linjer = valgte_linjer(oversikt, valg)
    har_bedt_om_tilgang = (
        not tilgang.kan_se_statistikk
        and Tilgangsforesporsel.objects.filter(
            bruker=innlogget(request),
            virksomhet=tilgang.virksomhet,
            status=Tilgangsforesporsel.Status.VENTER,
        ).exists()
    )
    kontekst = {
        "tilgang": tilgang,
        "virksomhet": tilgang.virksomhet,
        "oversikt": oversikt,
        "valg": valg,
        "grunnlagsvalg": [
            (g, GRUNNLAGSNAVN[g], g is not Grunnlag.STORRELSE or oversikt.storrelse is not None)
            for g in Grunnlag
        ],
        "linjer": linjer,
        "valgte_nokler": {linje.nokkel for linje in linjer},
        "diagram": lag_diagram(linjer),
        "tabellrader": tabellrader(linjer),
        "har_bedt_om_tilgang": har_bedt_om_tilgang,
    }
    return render(request, "statistikk/side.html", kontekst)
