"""The plan as Word or PDF, for the sykmelder and NAV: the newest version or any earlier one for
the leader, the newest shared version for the employee.

The files come from one ``Plandokument`` (``planword`` and ``planpdf``), are named without the
employee's name or number (``plan.filnavn``), and no cache keeps them.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from naervaer.oppfolging.plandokument import Plandokument
from naervaer.web.oppfolging.synk import idag
from naervaer.web.oppfolgingsplan.adgang import eget_tilfelle, leders_tilfelle
from naervaer.web.oppfolgingsplan.status import status
from naervaer.web.oppfolgingsplan.versjoner import finn
from naervaer.web.samtale.nedlasting import INNHOLDSTYPER
from naervaer.web.virksomheter.tilgang import Rettigheter, logg, med_virksomhet

FORMATNAVN = {"docx": "Word", "pdf": "PDF"}


def _hva(format: str, egen: bool = False) -> str:
    return f"lastet ned {'egen ' if egen else ''}oppfølgingsplan ({FORMATNAVN[format]})"


def filsvar(dokument: Plandokument, format: str) -> HttpResponse:
    # python-docx and WeasyPrint load only when a file is asked for.
    if format == "docx":
        from naervaer.oppfolging.planword import som_docx

        data = som_docx(dokument)
    else:
        from naervaer.oppfolging.planpdf import som_pdf

        data = som_pdf(dokument)
    svar = HttpResponse(data, content_type=INNHOLDSTYPER[format])
    svar["Content-Disposition"] = f'attachment; filename="{dokument.filnavn}.{format}"'
    return svar


@require_safe
@med_virksomhet
def fil(
    request: HttpRequest,
    tilgang: Rettigheter,
    tilfelle_id: int,
    format: str,
    nummer: int | None = None,
) -> HttpResponse:
    """Version ``nummer`` of the plan, or the newest."""
    tilfelle = leders_tilfelle(request, tilgang, tilfelle_id, None)
    plan = status(tilfelle)
    if nummer is None:
        if plan.nyeste is None:
            raise Http404("Planen er ikke laget ennå")
        rad = plan.nyeste
    else:
        rad = finn(plan, nummer)
    logg(request, tilgang, [tilfelle.ansatt], _hva(format))
    return filsvar(plan.dokument(rad, idag()), format)


@require_safe
@med_virksomhet
def mitt_fil(
    request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int, format: str
) -> HttpResponse:
    tilfelle = eget_tilfelle(request, tilgang, tilfelle_id, None)
    plan = status(tilfelle)
    if plan.nyeste_delte is None:
        raise Http404("Planen er ikke delt med deg ennå")
    logg(request, tilgang, [tilfelle.ansatt], _hva(format, egen=True))
    return filsvar(plan.dokument(plan.nyeste_delte, idag(), for_ansatt=True), format)
