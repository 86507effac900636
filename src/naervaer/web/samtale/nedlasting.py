"""The guide as files to download: the leader's whole guide, one theme, and the employee's
«Forbered deg til samtalen», each as Word or PDF.

Open to everyone, as the pages are. The files hold the content and nothing about the user: a
bransje chosen from the user's virksomhet brings that bransje's questions, never the
virksomhet's name, so a browser may keep a file for a while like any page of the guide.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_safe

from naervaer.samtale.dokument import Samtaleguide
from naervaer.samtale.hefte import Hefte, ansatthefte, temahefte, veilederhefte
from naervaer.web.samtale.bransjevalg import velg_bransje
from naervaer.web.samtale.innhold import hent

INNHOLDSTYPER = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}

# The content changes only with a new release; an hour keeps the footer's date about right.
MAKS_ALDER = 60 * 60


# «Din egen samtaleguide» holds what the leader wrote: never in an error report.
@sensitive_variables()
def filsvar(dokument: Samtaleguide | Hefte, format: str, filnavn: str) -> HttpResponse:
    """The document as an attachment; ``filnavn`` without its ending, in ASCII."""
    # python-docx and WeasyPrint load only when a file is asked for, so every page is served
    # without them.
    if format == "docx":
        from naervaer.samtale import wordfil, wordhefte

        data = (
            wordhefte.som_docx(dokument)
            if isinstance(dokument, Hefte)
            else wordfil.som_docx(dokument)
        )
    else:
        from naervaer.samtale import pdffil, pdfhefte

        data = (
            pdfhefte.som_pdf(dokument) if isinstance(dokument, Hefte) else pdffil.som_pdf(dokument)
        )
    svar = HttpResponse(data, content_type=INNHOLDSTYPER[format])
    svar["Content-Disposition"] = f'attachment; filename="{filnavn}.{format}"'
    return svar


def _hefte(hefte: Hefte, format: str, *, privat: bool = False) -> HttpResponse:
    svar = filsvar(hefte, format, hefte.filnavn)
    # A bransje chosen from the user's own virksomhet makes the file that user's: no shared
    # cache may hand it to the next one.
    if privat:
        patch_cache_control(svar, private=True, max_age=MAKS_ALDER)
    else:
        patch_cache_control(svar, public=True, max_age=MAKS_ALDER)
    return svar


@require_safe
def veileder(request: HttpRequest, format: str) -> HttpResponse:
    """The whole guide, with the bransje chosen as on the pages (``?bransje=``, or the user's)."""
    innhold = hent()
    bransjevalg = velg_bransje(request, innhold.bransjer)
    hefte = veilederhefte(innhold, bransjevalg.kode, laget=timezone.localdate())
    return _hefte(hefte, format, privat=bransjevalg.automatisk)


@require_safe
def tema(request: HttpRequest, kode: str, format: str) -> HttpResponse:
    innhold = hent()
    if kode not in innhold.temaer:
        raise Http404("Ukjent tema")
    return _hefte(temahefte(innhold, kode, laget=timezone.localdate()), format)


@require_safe
def ansatt(request: HttpRequest, format: str) -> HttpResponse:
    return _hefte(ansatthefte(hent(), laget=timezone.localdate()), format)
