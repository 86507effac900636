"""Downloads of the statistics page: CSV for Norwegian Excel, XLSX and a PDF report.

Every file is made from ``oversikt_for`` with the page's own query string, so it holds what the
user was looking at, under the same access rules: without the statistics right it holds the
benchmarks only, and a virksomhet the user is not tied to is 404 (``med_virksomhet``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from naervaer.statistikk.oversikt import Oversikt
from naervaer.web.statistikk.csvfil import som_csv
from naervaer.web.statistikk.eksport import lag_eksport
from naervaer.web.statistikk.sidevalg import Sidevalg, les_sidevalg
from naervaer.web.statistikk.views import oversikt_for
from naervaer.web.virksomheter.tilgang import Rettigheter, med_virksomhet


@dataclass(frozen=True, slots=True)
class Format:
    innholdstype: str
    lag: Callable[[Oversikt, Sidevalg], bytes]


def _csv(oversikt: Oversikt, valg: Sidevalg) -> bytes:
    return som_csv(lag_eksport(oversikt, laget=timezone.localdate()))


# openpyxl and WeasyPrint take most of a second each to import: only their downloads load them,
# so that a web worker starts, and serves every other page, without them.


def _xlsx(oversikt: Oversikt, valg: Sidevalg) -> bytes:
    from naervaer.web.statistikk.xlsxfil import som_xlsx

    return som_xlsx(lag_eksport(oversikt, laget=timezone.localdate()))


def _pdf(oversikt: Oversikt, valg: Sidevalg) -> bytes:
    from naervaer.web.statistikk.rapport import rapport_html, som_pdf

    return som_pdf(rapport_html(oversikt, valg, laget=timezone.localdate()))


FORMATER = {
    "csv": Format("text/csv; charset=utf-8", _csv),
    "xlsx": Format("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx),
    "pdf": Format("application/pdf", _pdf),
}


@require_safe
@med_virksomhet
def nedlasting(request: HttpRequest, tilgang: Rettigheter, format: str) -> HttpResponse:
    valgt = FORMATER.get(format)
    if valgt is None:
        raise Http404("Ukjent format")
    valg = les_sidevalg(request.GET)
    oversikt = oversikt_for(tilgang, valg)
    if oversikt.periode is None:
        raise Http404("Det finnes ingen publisert statistikk ennå")
    svar = HttpResponse(valgt.lag(oversikt, valg), content_type=valgt.innholdstype)
    filnavn = f"sykefravaer-{oversikt.virksomhet.orgnr}-{oversikt.periode}.{format}"
    svar["Content-Disposition"] = f'attachment; filename="{filnavn}"'
    # Sick-leave figures are health data: no shared cache may keep them, nor the browser's.
    svar["Cache-Control"] = "private, no-store"
    return svar
