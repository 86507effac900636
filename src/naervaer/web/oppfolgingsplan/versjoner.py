"""The plan's history for the leader: every version with who saved it and when, any earlier
version as it was, and what changed from the version before it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from naervaer.oppfolging.planendring import endringer
from naervaer.web.oppfolgingsplan.adgang import leders_tilfelle
from naervaer.web.oppfolgingsplan.status import Planstatus, Versjonsrad, status
from naervaer.web.oppfolgingsplan.views import kontekst
from naervaer.web.virksomheter.tilgang import Rettigheter, med_virksomhet

HVA_HISTORIKK = "så versjonene av oppfølgingsplanen"
HVA_VERSJON = "så en versjon av oppfølgingsplanen"
HVA_ENDRINGER = "så endringene i oppfølgingsplanen"


def finn(plan: Planstatus, nummer: int) -> Versjonsrad:
    rad = plan.rad(nummer)
    if rad is None:
        raise Http404("Ingen slik versjon")
    return rad


@require_safe
@med_virksomhet
def historikk(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, HVA_HISTORIKK)
    return render(
        request,
        "oppfolgingsplan/versjoner.html",
        kontekst(tilgang, tilfelle, plan=status(tilfelle)),
    )


@require_safe
@med_virksomhet
def versjon(
    request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int, nummer: int
) -> HttpResponse:
    tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, HVA_VERSJON)
    plan = status(tilfelle)
    rad = finn(plan, nummer)
    return render(
        request,
        "oppfolgingsplan/versjon.html",
        kontekst(
            tilgang,
            tilfelle,
            plan=plan,
            rad=rad,
            innhold=rad.versjon.innhold(),
            dokument=plan.dokument(rad, rad.versjon.lagret.date()),
        ),
    )


@require_safe
@med_virksomhet
def endringer_i(
    request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int, nummer: int
) -> HttpResponse:
    """What version ``nummer`` changed from the one before it."""
    tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, HVA_ENDRINGER)
    plan = status(tilfelle)
    rad = finn(plan, nummer)
    forrige = plan.rad(nummer - 1)
    if forrige is None:
        raise Http404("Versjon 1 har ingen versjon før seg")
    return render(
        request,
        "oppfolgingsplan/endringer.html",
        kontekst(
            tilgang,
            tilfelle,
            plan=plan,
            rad=rad,
            forrige=forrige,
            endringer=endringer(forrige.versjon.innhold(), rad.versjon.innhold()),
        ),
    )
