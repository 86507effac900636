from __future__ import annotations

import re
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from naervaer.web.virksomheter.models import Rolle, Tilgangsforesporsel, Virksomhet
from naervaer.web.virksomheter.roller import rolleoversikt
from naervaer.web.virksomheter.tilgang import (
    HarAlleredeTilgang,
    IkkeAdministrator,
    Rettigheter,
    SisteAdministrator,
    UkjentAnsattnummer,
    behandle,
    fjern_tilgang,
    innlogget,
    legg_til_bruker,
    med_virksomhet,
    sett_rolle,
    ventende_foresporsler,
)
from naervaer.web.virksomheter.varsling import inviter, varsle_administratorer

# One answer whatever happens after the orgnr is well-formed: a user with no tie must not learn
# whether a virksomhet exists, what it is called or whether it uses Nærvær.
REGISTRERT = (
    "Forespørselen er registrert. Finnes virksomheten i Nærvær, får administratorene beskjed, "
    "og du får tilgang når en av dem godkjenner den."
)
# A refused request cannot be renewed at once, and nobody may flood administrators with mail.
KARANTENE_ETTER_AVSLAG = timedelta(days=30)
MAKS_FORESPORSLER_PER_DOGN = 10


@login_required
@require_POST
def be_om_tilgang(request: HttpRequest) -> HttpResponseRedirect:
    """Ask for the statistics right, from the picker (any orgnr) or from a virksomhet's page."""
    bruker = innlogget(request)
    orgnr = re.sub(r"\s", "", request.POST.get("orgnr", ""))
    tilbake = request.POST.get("tilbake", "")
    if not url_has_allowed_host_and_scheme(
        tilbake, {request.get_host()}, require_https=request.is_secure()
    ) or not tilbake.startswith("/"):
        tilbake = reverse("kontoer:forside") + "?velg=1"
    if not re.fullmatch(r"\d{9}", orgnr):
        messages.error(request, "Organisasjonsnummeret må ha 9 siffer.")
        return redirect(tilbake)
    messages.success(request, REGISTRERT)
    virksomhet = Virksomhet.objects.filter(orgnr=orgnr).first()
    naa = timezone.now()
    if (
        virksomhet is None
        or Tilgangsforesporsel.objects.filter(
            bruker=bruker,
            virksomhet=virksomhet,
            status=Tilgangsforesporsel.Status.AVSLATT,
            behandlet__gte=naa - KARANTENE_ETTER_AVSLAG,
        ).exists()
        or Tilgangsforesporsel.objects.filter(
            bruker=bruker, opprettet__gte=naa - timedelta(days=1)
        ).count()
        >= MAKS_FORESPORSLER_PER_DOGN
    ):
        return redirect(tilbake)
    begrunnelse = request.POST.get("begrunnelse", "").strip()[:500]
    try:
        with transaction.atomic():
            foresporsel = Tilgangsforesporsel.objects.create(
                bruker=bruker, virksomhet=virksomhet, begrunnelse=begrunnelse
            )
    except IntegrityError:
        return redirect(tilbake)  # asked already: the administrators know
    varsle_administratorer(request, foresporsel)
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
        {
            "tilgang": tilgang,
            "foresporsler": ventende_foresporsler(tilgang),
            "oversikt": rolleoversikt(tilgang),
            "roller": Rolle.choices,
        },
    )


def _ikke_administrator(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    return render(request, "virksomheter/ikke_administrator.html", {"tilgang": tilgang}, status=403)


@require_POST
@med_virksomhet
def endre_rolle(request: HttpRequest, tilgang: Rettigheter, tilgang_id: int) -> HttpResponse:
    """The administrator sets a user's role, the departments a leader leads, and the employee."""
    if not tilgang.kan_tildele_roller:
        return _ikke_administrator(request, tilgang)
    tilbake = redirect("virksomheter:tilganger", orgnr=tilgang.virksomhet.orgnr)
    try:
        rolle = Rolle(request.POST.get("rolle", ""))
        avdelinger = [int(a) for a in request.POST.getlist("avdeling")]
    except ValueError:
        messages.error(request, "Velg en av rollene i listen.")
        return tilbake
    try:
        endret = sett_rolle(
            tilgang_id, tilgang, rolle, avdelinger, request.POST.get("ansattnummer", "")
        )
    except IkkeAdministrator:
        return _ikke_administrator(request, tilgang)
    except SisteAdministrator:
        messages.error(
            request,
            "Virksomheten må ha minst én administrator. Gjør en annen til administrator først.",
        )
        return tilbake
    except UkjentAnsattnummer as feil:
        messages.error(
            request,
            f"Fant ingen ansatt med ansattnummer «{feil}». Sjekk nummeret, eller importer "
            "ansattlisten først.",
        )
        return tilbake
    hvem = endret.bruker.get_full_name() or endret.bruker.email
    tekst = f"{hvem} er nå {rolle.label}"
    if rolle == Rolle.LEDER and not avdelinger:
        tekst += ", men leder ingen avdeling ennå: velg avdelingene for å gi tilgang til de ansatte"
    messages.success(request, tekst + ".")
    return tilbake


@require_POST
@med_virksomhet
def legg_til(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """Give someone access by e-mail address; a person new to Nærvær gets an invitation."""
    if not tilgang.kan_tildele_roller:
        return _ikke_administrator(request, tilgang)
    tilbake = redirect("virksomheter:tilganger", orgnr=tilgang.virksomhet.orgnr)
    epost = request.POST.get("epost", "").strip()
    try:
        validate_email(epost)
    except ValidationError:
        messages.error(request, "Skriv en gyldig e-postadresse, for eksempel navn@firma.no.")
        return tilbake
    try:
        rolle = Rolle(request.POST.get("rolle", ""))
    except ValueError:
        messages.error(request, "Velg en av rollene i listen.")
        return tilbake
    try:
        ny_tilgang, ny = legg_til_bruker(tilgang, epost, rolle)
    except IkkeAdministrator:
        return _ikke_administrator(request, tilgang)
    except HarAlleredeTilgang:
        messages.info(request, f"{epost} har allerede tilgang. Endre rollen i listen under.")
        return tilbake
    sendt = inviter(request, ny_tilgang.bruker, tilgang.virksomhet, ny)
    melding = f"{ny_tilgang.bruker.email} har fått tilgang som {rolle.label}."
    if not sendt:
        melding += " E-posten med invitasjonen kunne ikke sendes; gi beskjed selv."
    messages.success(request, melding)
    return tilbake


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


@require_POST
@med_virksomhet
def fjern(request: HttpRequest, tilgang: Rettigheter, tilgang_id: int) -> HttpResponse:
    """Take a user's access away, e.g. when they leave: one click on the administrators' page."""
    try:
        fjernet = fjern_tilgang(tilgang_id, tilgang)
    except IkkeAdministrator:
        return render(
            request, "virksomheter/ikke_administrator.html", {"tilgang": tilgang}, status=403
        )
    except SisteAdministrator:
        messages.error(
            request,
            "Virksomheten må ha minst én administrator. Gjør en annen til administrator først.",
        )
        return redirect("virksomheter:tilganger", orgnr=tilgang.virksomhet.orgnr)
    hvem = fjernet.bruker.get_full_name() or fjernet.bruker.email
    messages.success(request, f"{hvem} har ikke lenger tilgang til {tilgang.virksomhet.navn}.")
    if fjernet.bruker_id == innlogget(request).pk:
        return redirect("kontoer:forside")
    return redirect("virksomheter:tilganger", orgnr=tilgang.virksomhet.orgnr)
