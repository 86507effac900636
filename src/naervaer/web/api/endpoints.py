"""The API's endpoints: thin, like the views. Access comes from ``virksomheter.tilgang`` and the
figures from ``statistikk.views.oversikt_for``, the same calls the statistics page makes."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from django.views.decorators.cache import cache_control
from ninja import Router, Status
from ninja.decorators import decorate_view
from ninja.params.functions import Path, Query
from ninja.security import django_auth

from naervaer.statistikk.oversikt import Grunnlag, gjeldende_publisering
from naervaer.web.api import schemas as s
from naervaer.web.api import svar
from naervaer.web.statistikk.lager import hent_enheter
from naervaer.web.statistikk.sidevalg import STANDARD_LINJER, Sidevalg, Visning
from naervaer.web.statistikk.views import oversikt_for
from naervaer.web.virksomheter.tilgang import (
    IngenTilgang,
    Rettigheter,
    rettigheter,
    virksomheter_for,
)

router = Router(auth=django_auth)

# The same words for an unknown orgnr and for a virksomhet the user is not tied to, so that
# nobody learns which virksomheter use Nærvær.
INGEN_VIRKSOMHET = "Ingen virksomhet med dette organisasjonsnummeret."

# Answers about a user's virksomheter and their figures stay out of every shared cache and
# off the disk of the browser.
ikke_lagre = decorate_view(cache_control(private=True, no_store=True))

ORGNR = Path(..., description="Virksomhetens organisasjonsnummer (9 siffer).")
SAMMENLIGN = Query(Grunnlag.BRANSJE, description=s.GRUNNLAG_BESKRIVELSE)


def _svarbeskrivelser(*koder: int) -> dict[str, object]:
    tekster = {
        200: "OK.",
        401: "Ikke innlogget: API-et bruker innloggingen (sesjonen) fra nettsidene.",
        404: "Ingen virksomhet med dette organisasjonsnummeret som brukeren er knyttet til. "
        "Svaret er det samme for et organisasjonsnummer som ikke finnes.",
        422: "En parameter har en ugyldig verdi.",
    }
    return {"responses": {kode: {"description": tekster[kode]} for kode in koder}}


def _tilgang(request: HttpRequest, orgnr: str) -> Rettigheter | None:
    try:
        return rettigheter(request.user, orgnr)
    except IngenTilgang:
        return None


def _valg(grunnlag: Grunnlag) -> Sidevalg:
    # Only the benchmark changes the figures; the chart and table choices are the page's own.
    return Sidevalg(grunnlag, Visning.DIAGRAM, STANDARD_LINJER)


@router.get(
    "/virksomheter",
    response={200: s.Virksomheter, 401: s.Feil},
    operation_id="virksomheter",
    summary="Brukerens virksomheter",
    tags=["Virksomheter"],
    openapi_extra=_svarbeskrivelser(200, 401),
)
@ikke_lagre
def virksomheter(request: HttpRequest) -> s.Virksomheter:
    """Virksomhetene den innloggede brukeren er knyttet til, med brukerens rettigheter i hver."""
    return svar.virksomheter(virksomheter_for(request.user))


@router.get(
    "/virksomheter/{orgnr}/statistikk",
    response={200: s.Statistikk, 401: s.Feil, 404: s.Feil, 422: s.Feil},
    operation_id="statistikk",
    summary="Sykefraværet de siste fire kvartalene",
    tags=["Statistikk"],
    openapi_extra=_svarbeskrivelser(200, 401, 404, 422),
)
@ikke_lagre
def statistikk(
    request: HttpRequest,
    orgnr: str = ORGNR,
    sammenlign: s.Grunnlagsvalg = SAMMENLIGN,
) -> s.Statistikk | Status[s.Feil]:
    """Virksomhetens sykefravær de siste fire kvartalene for seks mål (totalt, egenmeldt,
    legemeldt, gradert, korttid og langtid), med trend og vurdering mot sammenligningen. De
    samme tallene som statistikksiden viser. Uten statistikkretten er egne tall null."""
    tilgang = _tilgang(request, orgnr)
    if tilgang is None:
        return Status(404, s.Feil(detail=INGEN_VIRKSOMHET))
    return svar.statistikk(tilgang, oversikt_for(tilgang, _valg(sammenlign)))


@router.get(
    "/virksomheter/{orgnr}/historikk",
    response={200: s.Historikk, 401: s.Feil, 404: s.Feil},
    operation_id="historikk",
    summary="Sykefraværet kvartal for kvartal",
    tags=["Statistikk"],
    openapi_extra=_svarbeskrivelser(200, 401, 404),
)
@ikke_lagre
def historikk(request: HttpRequest, orgnr: str = ORGNR) -> s.Historikk | Status[s.Feil]:
    """Sykefraværsprosenten per kvartal for virksomheten, den overordnede enheten, bransjen,
    sektoren, landet, fylket og størrelsesklassen: de samme linjene som diagrammet og tabellen
    på statistikksiden. Uten statistikkretten mangler virksomhetens egne linjer."""
    tilgang = _tilgang(request, orgnr)
    if tilgang is None:
        return Status(404, s.Feil(detail=INGEN_VIRKSOMHET))
    return svar.historikk(tilgang, oversikt_for(tilgang, _valg(Grunnlag.BRANSJE)))


@router.get(
    "/publisering",
    response={200: s.Publisering, 401: s.Feil},
    operation_id="publisering",
    summary="Gjeldende periode og neste publisering",
    tags=["Publisering"],
    openapi_extra=_svarbeskrivelser(200, 401),
)
@ikke_lagre
def publisering(request: HttpRequest) -> s.Publisering:
    """Perioden tallene gjelder, når den ble publisert, og når neste kvartal publiseres."""
    naa = gjeldende_publisering(hent_enheter, timezone.localdate())
    return svar.publisering(naa.periode, naa.publisert, naa.neste)
