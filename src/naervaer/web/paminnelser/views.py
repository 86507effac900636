"""The reminder pages: one's own choice of mail, a virksomhet's timing, planned activities."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from naervaer.oppfolging.paminnelse import UKEDAGER, Frekvens
from naervaer.web.paminnelser import aktiviteter as tjeneste
from naervaer.web.paminnelser.forms import Aktivitetsskjema, Epostvalgskjema, Innstillingsskjema
from naervaer.web.paminnelser.innstillinger import (
    frekvens,
    lagre_plan,
    varslingsplan,
    velg_frekvens,
)
from naervaer.web.paminnelser.models import Aktivitet
from naervaer.web.virksomheter.tilgang import (
    Rettigheter,
    innlogget,
    krev,
    med_virksomhet,
    virksomheter_for,
)


@login_required
def valg(request: HttpRequest) -> HttpResponse:
    bruker = innlogget(request)
    if request.method == "POST":
        skjema = Epostvalgskjema(request.POST)
        if skjema.is_valid():
            valgt = Frekvens(skjema.cleaned_data["frekvens"])
            velg_frekvens(bruker, valgt)
            messages.success(request, f"Lagret. Du får nå: {valgt.tekst.lower()}.")
            return redirect("paminnelser:valg")
    else:
        skjema = Epostvalgskjema(initial={"frekvens": frekvens(bruker.pk).value})
    virksomheter = [
        {"r": r, "planlegger": tjeneste.kan_planlegge(r)} for r in virksomheter_for(bruker)
    ]
    return render(
        request,
        "paminnelser/valg.html",
        {
            "skjema": skjema,
            "forklaringer": {f.value: f.forklaring for f in Frekvens},
            "virksomheter": virksomheter,
        },
    )


@med_virksomhet
def innstillinger(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.er_administrator)
    if request.method == "POST":
        skjema = Innstillingsskjema(request.POST)
        if skjema.is_valid():
            lagre_plan(tilgang.virksomhet, skjema.plan(), innlogget(request))
            messages.success(request, "Innstillingene for påminnelser er lagret.")
            return redirect("paminnelser:innstillinger", orgnr=tilgang.virksomhet.orgnr)
    else:
        skjema = Innstillingsskjema(
            initial=Innstillingsskjema.fra_plan(varslingsplan(tilgang.virksomhet.orgnr))
        )
    return render(request, "paminnelser/innstillinger.html", {"tilgang": tilgang, "skjema": skjema})


def _utkast(skjema: Aktivitetsskjema) -> tjeneste.Utkast:
    data = skjema.cleaned_data
    return tjeneste.Utkast(
        tittel=data["tittel"].strip(),
        type=Aktivitet.Type(data["type"]),
        start=data["start"],
        varighet=data["varighet"],
        sted=data["sted"].strip(),
        ansvarlig_id=data["ansvarlig"],
        notat=data["notat"].strip(),
    )


@med_virksomhet
def aktiviteter(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tjeneste.kan_planlegge(tilgang))
    naa = timezone.now()
    ansvarlige = tjeneste.mulige_ansvarlige(tilgang)
    if request.method == "POST":
        skjema = Aktivitetsskjema(request.POST, ansvarlige=ansvarlige, naa=naa)
        if skjema.is_valid():
            aktivitet = tjeneste.opprett(tilgang, _utkast(skjema))
            messages.success(
                request,
                f"«{aktivitet.tittel}» er planlagt. Den ansvarlige får kalenderinvitasjon "
                "på e-post.",
            )
            return redirect("paminnelser:aktiviteter", orgnr=tilgang.virksomhet.orgnr)
    else:
        skjema = Aktivitetsskjema(
            initial={"ansvarlig": tilgang.bruker_id, "varighet": 60},
            ansvarlige=ansvarlige,
            naa=naa,
        )
    synlige = tjeneste.synlige(tilgang)
    plan = varslingsplan(tilgang.virksomhet.orgnr)
    return render(
        request,
        "paminnelser/aktiviteter.html",
        {
            "tilgang": tilgang,
            "skjema": skjema,
            "kommende": synlige.filter(start__gte=naa),
            "tidligere": synlige.filter(start__lt=naa).order_by("-start")[:20],
            "plan": plan,
            "ukedag": UKEDAGER[plan.ukedag],
        },
    )


@med_virksomhet
def aktivitet(request: HttpRequest, tilgang: Rettigheter, aktivitet_id: int) -> HttpResponse:
    krev(tjeneste.kan_planlegge(tilgang))
    valgt = tjeneste.hent(tilgang, aktivitet_id)
    naa = timezone.now()
    ansvarlige = tjeneste.mulige_ansvarlige(tilgang)
    if valgt.ansvarlig not in ansvarlige:
        ansvarlige.append(valgt.ansvarlig)
    if request.method == "POST" and valgt.avlyst is None:
        skjema = Aktivitetsskjema(request.POST, ansvarlige=ansvarlige, naa=naa)
        if skjema.is_valid():
            try:
                tjeneste.endre(tilgang, valgt.pk, _utkast(skjema))
            except tjeneste.UgyldigAnsvarlig:
                skjema.add_error("ansvarlig", "Velg en ansvarlig som har tilgang til virksomheten.")
            else:
                messages.success(
                    request, "Endringen er lagret. Den ansvarlige får en oppdatert invitasjon."
                )
                return redirect("paminnelser:aktiviteter", orgnr=tilgang.virksomhet.orgnr)
    else:
        skjema = Aktivitetsskjema(
            initial=Aktivitetsskjema.fra_aktivitet(valgt), ansvarlige=ansvarlige, naa=naa
        )
    return render(
        request,
        "paminnelser/aktivitet.html",
        {"tilgang": tilgang, "skjema": skjema, "aktivitet": valgt},
    )


@require_POST
@med_virksomhet
def avlys(request: HttpRequest, tilgang: Rettigheter, aktivitet_id: int) -> HttpResponse:
    krev(tjeneste.kan_planlegge(tilgang))
    avlyst = tjeneste.avlys(tilgang, aktivitet_id)
    messages.success(
        request, f"«{avlyst.tittel}» er avlyst. Den ansvarlige får beskjed og kalenderen ryddes."
    )
    return redirect("paminnelser:aktiviteter", orgnr=tilgang.virksomhet.orgnr)
