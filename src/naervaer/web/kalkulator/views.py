from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from naervaer.web.virksomheter.tilgang import Rettigheter, med_virksomhet


@med_virksomhet
def kalkulator(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    return HttpResponse("Kostnadskalkulatoren kommer")
