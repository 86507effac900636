"""Downloads of the statistics page: CSV for Norwegian Excel, XLSX and a PDF report."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from naervaer.web.virksomheter.tilgang import Rettigheter, med_virksomhet


@med_virksomhet
def nedlasting(request: HttpRequest, tilgang: Rettigheter, format: str) -> HttpResponse:
    raise Http404("Ukjent format")
