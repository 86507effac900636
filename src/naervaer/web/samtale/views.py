"""Samtalestøtte's pages. Open to everyone, as NAV's guide is; a logged-in leader only gets the
bransje of their virksomhet chosen for them (``bransjevalg``)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe

from naervaer.samtale.dokument import (
    MAKS_EGET_MAAL,
    MAKS_MAAL,
    MAKS_SPORSMAL,
    Samtaleguide,
    lag_samtaleguide,
)
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.veiviser import alle_steg, finn_steg, forste_steg
from naervaer.web.samtale.bransjevalg import INGEN, Bransjevalg, velg_bransje
from naervaer.web.samtale.forms import Samtaleguideskjema, TemaOgBransje
from naervaer.web.samtale.innhold import hent
from naervaer.web.samtale.nedlasting import filsvar


def _grunnlag(request: HttpRequest) -> tuple[Innhold, Bransjevalg]:
    innhold = hent()
    return innhold, velg_bransje(request, innhold.bransjer)


def _stegadresse(adresse: tuple[str, str], bransjevalg: Bransjevalg) -> str:
    return reverse("samtale:steg", args=adresse) + bransjevalg.querystring


def _felles(innhold: Innhold, bransjevalg: Bransjevalg) -> dict[str, object]:
    return {
        "innhold": innhold,
        "bransjevalg": bransjevalg,
        "ingen_bransje": INGEN,
        "start": _stegadresse(forste_steg(innhold.veileder), bransjevalg),
    }


@require_safe
def forside(request: HttpRequest) -> HttpResponse:
    innhold, bransjevalg = _grunnlag(request)
    return render(request, "samtale/forside.html", _felles(innhold, bransjevalg))


@require_safe
def veileder(request: HttpRequest) -> HttpResponse:
    innhold, bransjevalg = _grunnlag(request)
    return redirect(_stegadresse(forste_steg(innhold.veileder), bransjevalg))


@require_safe
def steg(request: HttpRequest, del_kode: str, steg_kode: str) -> HttpResponse:
    innhold, bransjevalg = _grunnlag(request)
    plassering = finn_steg(innhold.veileder, del_kode, steg_kode)
    if plassering is None:
        raise Http404("Veilederen har ikke dette steget")
    forste_i_del: dict[str, str] = {}
    for d, s in alle_steg(innhold.veileder):
        forste_i_del.setdefault(d.kode, _stegadresse((d.kode, s.kode), bransjevalg))
    kontekst = {
        **_felles(innhold, bransjevalg),
        "plassering": plassering,
        "deler": [(d, forste_i_del[d.kode]) for d in innhold.veileder.deler],
        "steg_i_delen": [
            (s, _stegadresse((plassering.del_.kode, s.kode), bransjevalg))
            for s in plassering.del_.steg
        ],
        "forrige": _nabo(innhold, plassering.forrige, bransjevalg),
        "neste": _nabo(innhold, plassering.neste, bransjevalg),
    }
    return render(request, "samtale/steg.html", kontekst)


def _nabo(
    innhold: Innhold, adresse: tuple[str, str] | None, bransjevalg: Bransjevalg
) -> tuple[str, str] | None:
    """The link to the step before or after, and that step's title."""
    if adresse is None:
        return None
    plassering = finn_steg(innhold.veileder, *adresse)
    assert plassering is not None
    return (_stegadresse(adresse, bransjevalg), plassering.steg.tittel)


@require_safe
def tema(request: HttpRequest, kode: str) -> HttpResponse:
    innhold, bransjevalg = _grunnlag(request)
    valgt = innhold.temaer.get(kode)
    if valgt is None:
        raise Http404("Ukjent tema")
    parametre = {"tema": kode, **bransjevalg.parametre}
    kontekst = {
        **_felles(innhold, bransjevalg),
        "tema": valgt,
        "lag": reverse("samtale:lag") + "?" + urlencode(parametre),
    }
    return render(request, "samtale/tema.html", kontekst)


@require_safe
def bransje(request: HttpRequest, kode: str) -> HttpResponse:
    innhold, bransjevalg = _grunnlag(request)
    valgt = innhold.bransjer.get(kode)
    if valgt is None:
        raise Http404("Ukjent bransje")
    kontekst = {
        **_felles(innhold, bransjevalg),
        "bransje": valgt,
        "lag": reverse("samtale:lag") + "?" + urlencode({"bransje": kode}),
    }
    return render(request, "samtale/bransje.html", kontekst)


@require_safe
def grenser(request: HttpRequest) -> HttpResponse:
    innhold, bransjevalg = _grunnlag(request)
    return render(request, "samtale/grenser.html", _felles(innhold, bransjevalg))


@require_safe
def ansatt(request: HttpRequest) -> HttpResponse:
    return render(request, "samtale/ansatt.html", {"ansatt": hent().ansatt})


# What the leader writes is health-adjacent: never in an error report, never in a cache, never
# stored. The file is made in memory and sent back in the same answer.
@sensitive_variables()
@sensitive_post_parameters("eget_maal", "maal", "sporsmal")
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def lag(request: HttpRequest) -> HttpResponse:
    innhold, bransjevalg = _grunnlag(request)
    if request.method == "POST":
        tema, bransjekode = TemaOgBransje(innhold, request.POST).valgt()
        skjema = Samtaleguideskjema(innhold, tema, bransjekode, request.POST)
        if skjema.is_valid():
            guide = lag_samtaleguide(innhold, skjema.valg(), laget=timezone.localdate())
            return _fil(guide, skjema.cleaned_data["format"], tema)
    else:
        tema = request.GET.get("tema") if request.GET.get("tema") in innhold.temaer else None
        bransjekode = bransjevalg.kode
        skjema = Samtaleguideskjema(innhold, tema, bransjekode)
    velger = TemaOgBransje(innhold, initial={"tema": tema or "", "bransje": bransjekode or INGEN})
    kontekst = {
        **_felles(innhold, bransjevalg),
        "velger": velger,
        "skjema": skjema,
        "tema": innhold.temaer[tema] if tema else None,
        "valgt_bransje": innhold.bransjer[bransjekode] if bransjekode else None,
        "maks_sporsmal": MAKS_SPORSMAL,
        "maks_maal": MAKS_MAAL,
        "maks_eget_maal": MAKS_EGET_MAAL,
    }
    return render(request, "samtale/lag.html", kontekst)


@sensitive_variables()
def _fil(guide: Samtaleguide, format: str, tema: str | None) -> HttpResponse:
    filnavn = f"samtaleguide-{(tema or 'samtale').replace('_', '-')}-{guide.laget}"
    svar = filsvar(guide, format, filnavn)
    svar["Cache-Control"] = "private, no-store"
    return svar
