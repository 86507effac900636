from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from naervaer.web.virksomheter.models import Tilgangsforesporsel, Virksomhet
from naervaer.web.virksomheter.tilgang import (
    IkkeAdministrator,
    Rettigheter,
    behandle,
    innlogget,
    med_virksomhet,
    ventende_foresporsler,
)
from naervaer.web.virksomheter.varsling import varsle_administratorer


@login_required
@require_POST
def be_om_tilgang(request: HttpRequest) -> HttpResponseRedirect:
    """Ask for the statistics right, from the picker (any orgnr) or from a virksomhet's page."""
    orgnr = re.sub(r"\s", "", request.POST.get("orgnr", ""))
    tilbake = request.POST.get("tilbake") or reverse("kontoer:forside") + "?velg=1"
    if not tilbake.startswith("/"):
        tilbake = reverse("kontoer:forside")
    if not re.fullmatch(r"\d{9}", orgnr):
        messages.error(request, "Organisasjonsnummeret må ha 9 siffer.")
        return redirect(tilbake)
    virksomhet = Virksomhet.objects.filter(orgnr=orgnr).first()
    if virksomhet is None:
        messages.error(request, f"Vi finner ingen virksomhet med organisasjonsnummer {orgnr}.")
        return redirect(tilbake)
    begrunnelse = request.POST.get("begrunnelse", "").strip()[:500]
    try:
        with transaction.atomic():
            foresporsel = Tilgangsforesporsel.objects.create(
                bruker=innlogget(request), virksomhet=virksomhet, begrunnelse=begrunnelse
            )
    except IntegrityError:
        messages.info(
            request,
            f"Du har allerede bedt om tilgang til {virksomhet.navn}. "
            "Administratorene har fått beskjed.",
        )
        return redirect(tilbake)
    sendt = varsle_administratorer(request, foresporsel)
    if sendt:
        messages.success(
            request,
            f"Forespørselen er sendt til administratorene for {virksomhet.navn}. "
            "Du får tilgang så snart en av dem godkjenner den.",
        )
    else:
        messages.success(
            request,
            f"Forespørselen er registrert hos {virksomhet.navn}. Den vises for administratorene "
            "neste gang de logger inn.",
        )
    return redirect(tilbake)


@med_virksomhet
def tilganger(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The administrators' page: waiting requests, each granted or refused with one click."""
    if not tilgang.er_administrator:
        return render(
            request,
            "virksomheter/ikke_administrator.html",
            {"tilgang": tilgang},
            status=403,
        )
    return render(
        request,
        "virksomheter/tilganger.html",
        {"tilgang": tilgang, "foresporsler": ventende_foresporsler(tilgang)},
    )


@require_POST
@med_virksomhet
def behandle_foresporsel(
    request: HttpRequest, tilgang: Rettigheter, foresporsel_id: int
) -> HttpResponse:
    innvilg = request.POST.get("svar") == "innvilg"
    try:
        foresporsel = behandle(foresporsel_id, tilgang, innlogget(request), innvilg=innvilg)
    except IkkeAdministrator:
        return render(
            request, "virksomheter/ikke_administrator.html", {"tilgang": tilgang}, status=403
        )
    hvem = foresporsel.bruker.get_full_name() or foresporsel.bruker.email
    if innvilg:
        messages.success(request, f"{hvem} kan nå se sykefraværsstatistikken.")
    else:
        messages.info(request, f"Forespørselen fra {hvem} er avslått.")
    return redirect("virksomheter:tilganger", orgnr=tilgang.virksomhet.orgnr)
