"""Privacy for the administrator (retention, a person's export and erasure) and the employee."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from naervaer.oppfolging.oppbevaring import grense
from naervaer.web.egendata.models import Ansatt
from naervaer.web.personvern.innsyn import innsyn, oversikt, slett
from naervaer.web.personvern.models import Sletting
from naervaer.web.virksomheter.tilgang import (
    Rettigheter,
    egen_ansatt,
    krev,
    med_virksomhet,
    se_ansatt,
)


def _json(data: object, filnavn: str) -> HttpResponse:
    svar = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    svar["Content-Disposition"] = f'attachment; filename="{filnavn}"'
    return svar


@med_virksomhet
def side(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.er_administrator)
    from django.utils import timezone

    aar = settings.NAERVAER_OPPBEVARING_AAR
    return render(
        request,
        "personvern/side.html",
        {
            "tilgang": tilgang,
            "virksomhet": tilgang.virksomhet,
            "aar": aar,
            "grense": grense(timezone.localdate(), aar),
            "slettinger": Sletting.objects.filter(virksomhet=tilgang.virksomhet)[:10],
        },
    )


@med_virksomhet
def finn(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.er_administrator)
    nummer = request.GET.get("ansattnummer", "").strip()
    ansatt = Ansatt.objects.filter(virksomhet=tilgang.virksomhet, ansattnummer=nummer).first()
    if ansatt is None:
        messages.error(request, f"Fant ingen ansatt med ansattnummer «{nummer}».")
        return redirect("personvern:side", orgnr=tilgang.virksomhet.orgnr)
    return redirect("personvern:ansatt", orgnr=tilgang.virksomhet.orgnr, ansatt_id=ansatt.pk)


@med_virksomhet
def ansatt(request: HttpRequest, tilgang: Rettigheter, ansatt_id: int) -> HttpResponse:
    krev(tilgang.er_administrator)
    person = se_ansatt(request, tilgang, ansatt_id, "så oversikten over lagrede opplysninger")
    return render(
        request,
        "personvern/ansatt.html",
        {
            "tilgang": tilgang,
            "virksomhet": tilgang.virksomhet,
            "ansatt": person,
            "lagret": oversikt(person),
        },
    )


@med_virksomhet
def ansatt_innsyn(request: HttpRequest, tilgang: Rettigheter, ansatt_id: int) -> HttpResponse:
    krev(tilgang.er_administrator)
    person = se_ansatt(request, tilgang, ansatt_id, "lastet ned innsyn (art. 15)")
    return _json(innsyn(person), f"innsyn-{person.ansattnummer}.json")


@require_POST
@med_virksomhet
def ansatt_slett(request: HttpRequest, tilgang: Rettigheter, ansatt_id: int) -> HttpResponse:
    krev(tilgang.er_administrator)
    person = se_ansatt(request, tilgang, ansatt_id, "åpnet sletting")
    if request.POST.get("bekreft", "").strip() != person.ansattnummer:
        messages.error(
            request,
            f"Skriv ansattnummeret {person.ansattnummer} for å bekrefte at alt om den ansatte "
            "skal slettes.",
        )
        return redirect("personvern:ansatt", orgnr=tilgang.virksomhet.orgnr, ansatt_id=ansatt_id)
    nummer = person.ansattnummer
    slett(request, tilgang, person)
    messages.success(request, f"Alle opplysninger om ansatt {nummer} er slettet.")
    return redirect("personvern:side", orgnr=tilgang.virksomhet.orgnr)


@med_virksomhet
def mine_opplysninger(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The employee's own export: no administrator in between."""
    person = egen_ansatt(request, tilgang, "lastet ned sine egne opplysninger (art. 15)")
    return _json(innsyn(person), "mine-opplysninger.json")
