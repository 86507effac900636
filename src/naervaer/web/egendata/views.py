"""The import pages: upload, recognised layout or own columns, preview, confirm, result; the
template; and the administrator's API keys. Thin: the work is in ``lagring``, ``plan``,
``opplasting``, ``kolonnevalg`` and ``nokler``."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from naervaer.egendata.feil import Importfeil
from naervaer.egendata.kolonner import FELTER
from naervaer.egendata.oppsett import OPPSETT
from naervaer.web.egendata import kolonnevalg, lagring, opplasting
from naervaer.web.egendata.importmal import MALFILER, malfil
from naervaer.web.egendata.models import Ansatt, Importlogg
from naervaer.web.egendata.nokler import lag_nokkel, nokler_for, tilbakekall
from naervaer.web.egendata.visning import tabelltekst
from naervaer.web.virksomheter.tilgang import Rettigheter, innlogget, krev, logg, med_virksomhet

SESJON = "egendata_import"
"""The session's waiting uploads: a list of their random names."""
SISTE_IMPORTER = 10


def _venter(request: HttpRequest, tilgang: Rettigheter, noekkel: str) -> opplasting.Venter:
    if noekkel not in request.session.get(SESJON, []):
        raise Http404("Ingen slik import")
    venter = opplasting.hent(noekkel, tilgang.virksomhet.orgnr, innlogget(request).pk)
    if venter is None:
        raise Http404("Importen finnes ikke lenger; last opp filene på nytt")
    return venter


def _glem(request: HttpRequest, venter: opplasting.Venter) -> None:
    venter.slett()
    request.session[SESJON] = [n for n in request.session.get(SESJON, []) if n != venter.noekkel]


@med_virksomhet
@require_http_methods(["GET", "POST"])
def side(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """Upload one or more files."""
    krev(tilgang.kan_importere)
    opplasting.rydd()
    feil: Importfeil | None = None
    if request.method == "POST":
        try:
            filer = opplasting.til_filer(request.FILES.getlist("filer"))
        except Importfeil as f:
            feil = f
        else:
            venter = opplasting.legg_til_side(
                filer, tilgang.virksomhet.orgnr, innlogget(request).pk
            )
            request.session[SESJON] = [*request.session.get(SESJON, []), venter.noekkel]
            return redirect("egendata:forhandsvis", tilgang.virksomhet.orgnr, venter.noekkel)
    importer = Importlogg.objects.filter(virksomhet=tilgang.virksomhet)[:SISTE_IMPORTER]
    return render(
        request,
        "egendata/side.html",
        {
            "tilgang": tilgang,
            "feil": feil,
            "importer": importer,
            "maks_mb": opplasting.MAKS_BYTE // 1024**2,
            "maks_filer": opplasting.MAKS_FILER,
            "levetid_timer": int(opplasting.LEVETID.total_seconds() // 3600),
        },
        status=422 if feil else 200,
    )


@med_virksomhet
@require_GET
def forhandsvis(request: HttpRequest, tilgang: Rettigheter, noekkel: str) -> HttpResponse:
    """The recognised layouts and what the import will change, or the error report."""
    krev(tilgang.kan_importere)
    return _forhandsvisning(request, tilgang, _venter(request, tilgang, noekkel))


def _forhandsvisning(
    request: HttpRequest,
    tilgang: Rettigheter,
    venter: opplasting.Venter,
    skjemafeil: tuple[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    filer = venter.filer()
    virksomhet = tilgang.virksomhet
    kontekst: dict[str, object] = {
        "tilgang": tilgang,
        "venter": venter,
        "filnavn": venter.navn,
        "oppsett": OPPSETT,
        "innhold": kolonnevalg.INNHOLDSTEKST,
        "skjemafeil": skjemafeil,
    }
    try:
        innlesing = lagring.les_filer(virksomhet, filer, kolonnevalg.oppsett_fra(venter.valg))
        plan = lagring.forhandsvis(virksomhet, innlesing)
    except Importfeil as f:
        velg = {e.fil for e in f.feil if "velg kolonnene selv" in e.melding}
        if skjemafeil is not None:
            velg.add(skjemafeil[0])
        kontekst.update(feil=f, ark=_ark(kolonnevalg.ark_i(filer), velg, venter, skjemafeil))
        return render(request, "egendata/forhandsvis.html", kontekst, status=422)
    _logg_viste(request, tilgang, plan.viste_ansattnumre())
    kontekst.update(
        innlesing=innlesing,
        plan=plan,
        tabeller=[(t, tabelltekst(t)) for t in plan.tabeller()],
        # The recognised files' headers, so a large workbook is not read a second time.
        ark=_ark(
            [kolonnevalg.ark_fra(f.kilde, f.kolonner) for f in innlesing.filer],
            None,
            venter,
            skjemafeil,
            {
                f.kilde: {"oppsett": kolonnevalg.OPPSETT_ETTER_TITTEL[f.oppsett].navn}
                for f in innlesing.filer
                if f.oppsett in kolonnevalg.OPPSETT_ETTER_TITTEL
            },
        ),
        apen_skjema=skjemafeil is not None,
    )
    return render(request, "egendata/forhandsvis.html", kontekst, status=status)


def _ark(
    arkene: list[kolonnevalg.Ark],
    velg: set[str] | None,
    venter: opplasting.Venter,
    skjemafeil: tuple[str, str] | None,
    gjenkjent: dict[str, dict[str, object]] | None = None,
) -> list[tuple[kolonnevalg.Skjema, str]]:
    """The mapping forms, each with its error: for every file and sheet (``velg`` None), or for
    those named. A form starts from the user's choice, else from the layout recognised."""
    gjenkjent = gjenkjent or {}
    return [
        (
            kolonnevalg.skjema(
                nr,
                ark,
                venter.valg.get(ark.kilde) or gjenkjent.get(ark.kilde, {}),
                valgt_selv=ark.kilde in venter.valg,
            ),
            skjemafeil[1] if skjemafeil and skjemafeil[0] == ark.kilde else "",
        )
        for nr, ark in enumerate(arkene)
        if velg is None or ark.kilde in velg
    ]


def _logg_viste(request: HttpRequest, tilgang: Rettigheter, numre: set[str]) -> None:
    """The preview shows some employees' absence: that is person-level data, and is logged."""
    if numre:
        ansatte = Ansatt.objects.filter(virksomhet=tilgang.virksomhet, ansattnummer__in=numre)
        logg(request, tilgang, ansatte, "så forhåndsvisningen av en import")


@med_virksomhet
@require_POST
def velg_oppsett(request: HttpRequest, tilgang: Rettigheter, noekkel: str) -> HttpResponse:
    """The mapping step: a preset or own columns for one file or sheet."""
    krev(tilgang.kan_importere)
    venter = _venter(request, tilgang, noekkel)
    kilde = request.POST.get("kilde", "")
    ark = next((a for a in kolonnevalg.ark_i(venter.filer()) if a.kilde == kilde), None)
    if ark is None:
        raise Http404("Ingen slik fil")
    valg = dict(venter.valg)
    if request.POST.get("nullstill"):
        valg.pop(kilde, None)
    else:
        try:
            valg[kilde] = kolonnevalg.fra_skjema(request.POST, ark)
        except kolonnevalg.Ugyldig as f:
            return _forhandsvisning(request, tilgang, venter, (kilde, str(f)), status=422)
    venter.lagre_valg(valg)
    return redirect("egendata:forhandsvis", tilgang.virksomhet.orgnr, venter.noekkel)


@med_virksomhet
@require_POST
def lagre(request: HttpRequest, tilgang: Rettigheter, noekkel: str) -> HttpResponse:
    """Confirm: write exactly the plan that was shown, or nothing."""
    krev(tilgang.kan_importere)
    venter = _venter(request, tilgang, noekkel)
    bruker = innlogget(request)
    try:
        innlesing = lagring.les_filer(
            tilgang.virksomhet, venter.filer(), kolonnevalg.oppsett_fra(venter.valg)
        )
        lagret = lagring.lagre(
            tilgang.virksomhet,
            innlesing,
            lagring.Hvem(Importlogg.Kanal.WEB, bruker.email or bruker.get_username(), bruker),
            fingeravtrykk=request.POST.get("fingeravtrykk", ""),
        )
    except (lagring.PlanenErEndret, Importfeil) as f:
        if isinstance(f, lagring.PlanenErEndret):
            messages.error(request, str(f))
        return redirect("egendata:forhandsvis", tilgang.virksomhet.orgnr, venter.noekkel)
    _glem(request, venter)
    return redirect("egendata:resultat", tilgang.virksomhet.orgnr, lagret.logg.pk)


@med_virksomhet
@require_POST
def avbryt(request: HttpRequest, tilgang: Rettigheter, noekkel: str) -> HttpResponse:
    krev(tilgang.kan_importere)
    _glem(request, _venter(request, tilgang, noekkel))
    messages.info(request, "Importen er avbrutt, og filene er slettet. Ingenting er lagret.")
    return redirect("egendata:side", tilgang.virksomhet.orgnr)


@med_virksomhet
@require_GET
def resultat(request: HttpRequest, tilgang: Rettigheter, logg_id: int) -> HttpResponse:
    krev(tilgang.kan_importere)
    importen = get_object_or_404(Importlogg, pk=logg_id, virksomhet=tilgang.virksomhet)
    return render(request, "egendata/resultat.html", {"tilgang": tilgang, "importen": importen})


@med_virksomhet
@require_GET
def mal(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The import template: the three files and their columns, with sample files to download."""
    krev(tilgang.kan_importere)
    return render(
        request,
        "egendata/mal.html",
        {"tilgang": tilgang, "felter": FELTER, "malfiler": MALFILER, "oppsett": OPPSETT},
    )


@med_virksomhet
@require_GET
def last_ned_mal(request: HttpRequest, tilgang: Rettigheter, navn: str) -> HttpResponse:
    krev(tilgang.kan_importere)
    innhold = malfil(navn)
    if innhold is None:
        raise Http404("Ingen slik mal")
    svar = HttpResponse(innhold, content_type="text/csv; charset=utf-8")
    svar["Content-Disposition"] = f'attachment; filename="{navn}"'
    return svar


@med_virksomhet
@require_http_methods(["GET", "POST"])
def nokler(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The administrator's API keys: make one (shown once), see when each was last used."""
    krev(tilgang.er_administrator)
    ny: str | None = None
    navnfeil = ""
    navn = ""
    if request.method == "POST":
        navn = request.POST.get("navn", "").strip()
        if not navn:
            navnfeil = "Gi nøkkelen et navn, for eksempel navnet på systemet som skal bruke den."
        elif len(navn) > 100:
            navnfeil = "Navnet kan ha høyst 100 tegn."
        else:
            _, ny = lag_nokkel(tilgang.virksomhet, navn, innlogget(request))
            navn = ""
    return render(
        request,
        "egendata/nokler.html",
        {
            "tilgang": tilgang,
            "nokler": nokler_for(tilgang.virksomhet),
            "ny": ny,
            "navn": navn,
            "navnfeil": navnfeil,
        },
        status=422 if navnfeil else 200,
    )


@med_virksomhet
@require_POST
def tilbakekall_nokkel(request: HttpRequest, tilgang: Rettigheter, nokkel_id: int) -> HttpResponse:
    krev(tilgang.er_administrator)
    nokkel = tilbakekall(tilgang.virksomhet, nokkel_id)
    if nokkel is None:
        raise Http404("Ingen slik nøkkel")
    messages.success(request, f"Nøkkelen «{nokkel.navn}» er trukket tilbake og virker ikke lenger.")
    return redirect("egendata:nokler", tilgang.virksomhet.orgnr)
