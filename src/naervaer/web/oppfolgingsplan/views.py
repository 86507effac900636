"""The leader's (or HR's) plan page: the form that saves a new version, sharing a version with
the employee, and the comments.

Access and the audit lines go through ``adgang``; what a step does is ``lagring``'s. A POST that
adds or removes a measure row saves nothing: it shows the form again with the row changed, so the
repeating group works without script.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from naervaer.oppfolging.plan import (
    HVEM_FORSLAG,
    INGEN_HELSE,
    INGEN_HELSE_FORKLART,
    KILDE,
    KILDE_URL,
    MAKS_TILTAK,
    TEKSTFELT,
)
from naervaer.oppfolging.regler import Kode
from naervaer.oppfolging.varseltekst import oppgavetittel
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.oppfolging.synk import idag
from naervaer.web.oppfolgingsplan import lagring
from naervaer.web.oppfolgingsplan.adgang import er_egen, leders_tilfelle
from naervaer.web.oppfolgingsplan.forms import Kommentarskjema, Planredigering
from naervaer.web.oppfolgingsplan.status import Planstatus, status
from naervaer.web.oppfolgingsplan.varsel import varsle_ansatt
from naervaer.web.virksomheter.tilgang import Rettigheter, innlogget, logg, med_virksomhet

HVA_SE = "så oppfølgingsplanen"
HVA_LAGRE = "lagret en ny versjon av oppfølgingsplanen"
HVA_DELE = "delte oppfølgingsplanen med den ansatte"
HVA_KOMMENTERE = "kommenterte oppfølgingsplanen"

PLANFRISTER = (Kode.OPPFOLGINGSPLAN.value, Kode.OPPDATERT_PLAN.value)


def kontekst(tilgang: Rettigheter, tilfelle: Tilfelle, **andre: Any) -> dict[str, Any]:
    """What every plan page shows: the menu, the case and the plan's words."""
    return {
        "tilgang": tilgang,
        "virksomhet": tilgang.virksomhet,
        "tilfelle": tilfelle,
        "ansatt": tilfelle.ansatt,
        "tekstfelt": {f.navn: f for f in TEKSTFELT},
        "ingen_helse": INGEN_HELSE,
        "ingen_helse_forklart": INGEN_HELSE_FORKLART,
        "kilde": KILDE,
        "kilde_url": KILDE_URL,
        **andre,
    }


def plan_url(tilfelle: Tilfelle) -> str:
    return reverse(
        "oppfolgingsplan:plan",
        kwargs={"orgnr": tilfelle.ansatt.virksomhet_id, "tilfelle_id": tilfelle.pk},
    )


def _frister(tilfelle: Tilfelle) -> list[dict[str, Any]]:
    """The case's deadlines for the plan, as the follow-up has them."""
    return [
        {"tittel": oppgavetittel(o.kode), "frist": o.gjeldende_frist, "oppgave": o}
        for o in Oppgave.objects.filter(tilfelle=tilfelle, kode__in=PLANFRISTER).order_by("frist")
    ]


def _side(
    request: HttpRequest,
    tilgang: Rettigheter,
    tilfelle: Tilfelle,
    plan: Planstatus,
    redigering: Planredigering,
    *,
    kommentarskjema: Kommentarskjema | None = None,
    status_kode: int = 200,
) -> HttpResponse:
    return render(
        request,
        "oppfolgingsplan/plan.html",
        kontekst(
            tilgang,
            tilfelle,
            plan=plan,
            nyeste=plan.nyeste,
            redigering=redigering,
            kommentarer=plan.kommentarer(),
            kommentarskjema=kommentarskjema or Kommentarskjema(),
            frister=_frister(tilfelle),
            hvem_forslag=HVEM_FORSLAG,
            maks_tiltak=MAKS_TILTAK,
            har_bruker=tilfelle.ansatt.bruker_id is not None,
            tilfelle_url=reverse("oppfolging:tilfelle", args=[tilgang.virksomhet.pk, tilfelle.pk]),
            dag=idag(),
        ),
        status=status_kode,
    )


def _ny_redigering(tilfelle: Tilfelle, plan: Planstatus) -> Planredigering:
    nyeste = plan.nyeste
    return Planredigering.fra_innhold(
        tilfelle.fra_dato,
        nyeste.versjon.innhold() if nyeste else None,
        nyeste.nummer if nyeste else None,
        idag(),
    )


# What leader and employee write is theirs: never in an error report.
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
@med_virksomhet
def plan(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    """The plan of a case: its state, the comments, and the form for the next version."""
    if er_egen(tilgang, tilfelle_id):
        # The employee's own case (a link from «Min oppfølging»): their own view of it.
        return redirect("oppfolgingsplan:mitt_tilfelle", tilgang.virksomhet.pk, tilfelle_id)
    if request.method != "POST":
        tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, HVA_SE)
        plan_ = status(tilfelle)
        return _side(request, tilgang, tilfelle, plan_, _ny_redigering(tilfelle, plan_))

    tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, None)
    fjern = request.POST.get("fjern", "")
    if fjern.isdigit() or request.POST.get("handling") == "legg_til":
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        redigering = Planredigering.endret(
            tilfelle.fra_dato,
            request.POST,
            legg_til=not fjern.isdigit(),
            fjern=int(fjern) if fjern.isdigit() else None,
        )
        return _side(request, tilgang, tilfelle, status(tilfelle), redigering)

    redigering = Planredigering(tilfelle.fra_dato, request.POST)
    if not redigering.er_gyldig():
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        return _side(request, tilgang, tilfelle, status(tilfelle), redigering, status_kode=400)
    try:
        versjon = lagring.lagre(
            tilfelle, redigering.innhold, innlogget(request), redigering.grunnlag
        )
    except lagring.Utdatert as e:
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        messages.error(request, str(e))
        # What was typed stays, based on the new version: saving again is a choice.
        redigering = Planredigering.endret(
            tilfelle.fra_dato,
            {**request.POST.dict(), "grunnlag": str(e.nyeste)},
            legg_til=False,
            fjern=None,
        )
        return _side(request, tilgang, tilfelle, status(tilfelle), redigering, status_kode=409)
    except lagring.Avvist as e:
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        messages.info(request, str(e))
        return redirect(plan_url(tilfelle))
    logg(request, tilgang, [tilfelle.ansatt], HVA_LAGRE)
    tekst = f"Versjon {versjon.nummer} er lagret."
    if tilfelle.ansatt.bruker_id is not None:
        tekst += f" Del den med {tilfelle.ansatt.visningsnavn} når dere er ferdige."
    messages.success(request, tekst)
    return redirect(plan_url(tilfelle))


@require_POST
@med_virksomhet
def del_plan(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    """Share the newest version with the employee, and tell them by mail."""
    tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, None)
    navn = tilfelle.ansatt.visningsnavn
    nummer = request.POST.get("versjon", "")
    if tilfelle.ansatt.bruker_id is None:
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        messages.error(
            request,
            f"{navn} har ingen bruker i Nærvær og kan ikke se planen her. Last ned planen og "
            "gi den til hen.",
        )
        return redirect(plan_url(tilfelle))
    try:
        if not nummer.isdigit():
            raise lagring.Avvist("Velg versjonen du vil dele.")
        deling, ny = lagring.del_med_ansatt(tilfelle, int(nummer), innlogget(request))
    except lagring.Avvist as e:
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        messages.error(request, str(e))
        return redirect(plan_url(tilfelle))
    logg(request, tilgang, [tilfelle.ansatt], HVA_DELE)
    tekst = f"Versjon {deling.versjon.nummer} er delt med {navn}."
    if ny and varsle_ansatt(request, tilfelle):
        tekst += " Hen har fått en e-post om det."
    messages.success(request, tekst)
    return redirect(plan_url(tilfelle))


@sensitive_post_parameters()
@require_POST
@med_virksomhet
def kommenter(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    """The leader's comment on the newest version; the employee reads it with the plan."""
    tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, None)
    plan_ = status(tilfelle)
    skjema = Kommentarskjema(request.POST)
    if plan_.nyeste is None or not skjema.is_valid():
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        if plan_.nyeste is None:
            messages.error(request, "Lagre planen før du skriver en kommentar.")
            return redirect(plan_url(tilfelle))
        return _side(
            request,
            tilgang,
            tilfelle,
            plan_,
            _ny_redigering(tilfelle, plan_),
            kommentarskjema=skjema,
            status_kode=400,
        )
    lagring.kommenter(
        plan_.nyeste.versjon, innlogget(request), skjema.cleaned_data["tekst"], fra_ansatt=False
    )
    logg(request, tilgang, [tilfelle.ansatt], HVA_KOMMENTERE)
    messages.success(request, "Kommentaren er lagret.")
    return redirect(plan_url(tilfelle) + "#kommentarer")
