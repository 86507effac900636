"""POST /api/v1/virksomheter/{orgnr}/import: an HR system pushes its files with a key.

The key (made by the administrator on /virksomhet/<orgnr>/data/nokler/) is sent as
``Authorization: Bearer <nøkkel>`` and belongs to one virksomhet. A missing, unknown or revoked
key is 401; a key of another virksomhet gets the same 404 as an orgnr that does not exist, so a
key tells nothing about other virksomheter. The import is the same as on the page and the
command line: all or nothing, and the same files twice change nothing.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views.decorators.cache import cache_control
from ninja import Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.params.functions import File, Form, Path
from ninja.security import HttpBearer
from pydantic import ConfigDict, Field

from naervaer.egendata.feil import Importfeil
from naervaer.web.api.schemas import Feil
from naervaer.web.egendata import lagring, opplasting
from naervaer.web.egendata.kolonnevalg import OPPSETT_ETTER_NAVN
from naervaer.web.egendata.lagring import Hvem, PlanenErEndret, lagre, les_filer
from naervaer.web.egendata.models import Importlogg, Importnokkel
from naervaer.web.egendata.nokler import finn_nokkel

INGEN_NOKKEL = (
    "Mangler gyldig importnøkkel. Send den som «Authorization: Bearer <nøkkel>»; "
    "administratoren lager nøkler under Importer data → API-nøkler."
)
INGEN_VIRKSOMHET = "Ingen virksomhet med dette organisasjonsnummeret."


class Nokkel(HttpBearer):
    """A virksomhet's import key."""

    def __call__(self, request: HttpRequest) -> Importnokkel:
        svar = super().__call__(request)
        if svar is None:
            raise HttpError(401, INGEN_NOKKEL)
        return svar

    def authenticate(self, request: HttpRequest, token: str) -> Importnokkel:
        nokkel = finn_nokkel(token.strip())
        if nokkel is None:
            raise HttpError(401, INGEN_NOKKEL)
        return nokkel


router = Router(auth=Nokkel())


class _Streng(Schema):
    """Unknown keys are forbidden, so the document lists every key an answer holds."""

    model_config = ConfigDict(extra="forbid")


class Tabellantall(_Streng):
    """Hvor mange rader i én tabell som er nye, endret, uendret og fjernet."""

    nye: int
    endrede: int
    uendrede: int
    fjernede: int = Field(
        description="Bare fravær fjernes: importert fravær som en senere "
        "eksport ikke lenger har, i perioden eksporten dekker."
    )


class Lestfil(_Streng):
    """En fil (eller et ark) som ble lest, og oppsettet den ble kjent igjen som."""

    kilde: str = Field(description="Filen, eller «fil.xlsx, ark «Navn»».")
    oppsett: str = Field(description="Oppsettet filen ble kjent igjen som.")
    tabeller: list[str]
    rader: int


class Importsvar(_Streng):
    """Hva importen gjorde, eller ville gjort ved forhåndsvisning."""

    orgnr: str
    lagret: bool = Field(description="false ved forhåndsvisning: da er ingenting lagret.")
    endret: bool = Field(description="Om importen endret noe (false når alt var likt).")
    filer: list[Lestfil]
    antall: dict[str, Tabellantall] = Field(
        description="Per tabell (avdelinger, ansatte, arbeidsforhold, fravær)."
    )
    advarsler: list[str] = Field(description="Det som ikke stopper importen, f.eks. overlapp.")
    fingeravtrykk: str = Field(
        description="Planens fingeravtrykk. Sendes det med ved lagring, lagres ingenting hvis "
        "dataene er endret siden forhåndsvisningen."
    )


class Filfeil(_Streng):
    """Én feil i filene: fil (og ark), rad slik Excel nummererer dem, kolonne, verdi og hva som
    er galt."""

    fil: str
    rad: int | None
    kolonne: str | None
    verdi: str | None
    melding: str


class Importfeilsvar(_Streng):
    """Filene har feil, og ingenting er lagret."""

    detail: str
    feil: list[Filfeil] = Field(default_factory=list, description="Alle feilene, i filrekkefølge.")


SVAR = {
    200: "Importen er lagret, eller forhåndsvist (forhandsvis=true).",
    401: "Mangler gyldig importnøkkel (Authorization: Bearer).",
    404: "Nøkkelen hører ikke til denne virksomheten. Svaret er det samme for et "
    "organisasjonsnummer som ikke finnes.",
    409: "Dataene er endret siden forhåndsvisningen med dette fingeravtrykket; ingenting er "
    "lagret.",
    422: "Filene har feil, og ingenting er lagret. Alle feilene står i «feil».",
}


ORGNR = Path(..., description="Virksomhetens organisasjonsnummer (9 siffer).")
FILER = File(..., description="CSV- eller XLSX-filer som beskrevet i importmalen.")
FORHANDSVIS = Form(False, description="true: vis hva som ville endres, uten å lagre.")
OPPSETT = Form("", description="Les alle filene med dette oppsettet: mal, lonn eller hr.")
FINGERAVTRYKK = Form(
    "", description="Fingeravtrykket fra en forhåndsvisning; lagrer bare den planen."
)


@router.post(
    "/virksomheter/{orgnr}/import",
    response={
        200: Importsvar,
        401: Feil,
        404: Feil,
        409: Feil,
        422: Importfeilsvar,
    },
    operation_id="importer",
    summary="Importer ansatte, arbeidsforhold og fravær",
    tags=["Import"],
    openapi_extra={"responses": {k: {"description": v} for k, v in SVAR.items()}},
)
@decorate_view(cache_control(private=True, no_store=True))
def importer(
    request: HttpRequest,
    orgnr: str = ORGNR,
    filer: list[UploadedFile] = FILER,
    forhandsvis: bool = FORHANDSVIS,
    oppsett: str = OPPSETT,
    fingeravtrykk: str = FINGERAVTRYKK,
) -> Any:
    """Leser og kontrollerer filene og lagrer dem for virksomheten: alt eller ingenting. Samme
    filer to ganger endrer ingenting, og en senere eksport erstatter importert fravær i perioden
    den dekker for personene i filene. Se importmalen for kolonnene."""
    nokkel: Importnokkel = request.auth  # type: ignore[attr-defined]
    if nokkel.virksomhet_id != orgnr:
        return Status(404, Feil(detail=INGEN_VIRKSOMHET))
    opplasting.rydd()
    virksomhet = nokkel.virksomhet
    valgt = OPPSETT_ETTER_NAVN.get(oppsett.strip()) if oppsett.strip() else None
    if oppsett.strip() and valgt is None:
        kjente = ", ".join(OPPSETT_ETTER_NAVN)
        return Status(
            422,
            Importfeilsvar(
                detail=f"Ukjent oppsett «{oppsett}». Kjente oppsett: {kjente}.", feil=[]
            ),
        )
    try:
        filene = opplasting.til_filer(filer)
        valg = {f.navn: valgt for f in filene} if valgt is not None else None
        innlesing = les_filer(virksomhet, filene, valg)
    except Importfeil as f:
        return Status(422, _feilsvar(f))
    try:
        if forhandsvis:
            return _svar(orgnr, lagring.forhandsvis(virksomhet, innlesing), lagret=False)
        lagret = lagre(
            virksomhet,
            innlesing,
            Hvem(Importlogg.Kanal.API, f"API-nøkkel «{nokkel.navn}»", nokkel=nokkel),
            fingeravtrykk=fingeravtrykk.strip() or None,
        )
    except Importfeil as f:
        return Status(422, _feilsvar(f))
    except PlanenErEndret as f:
        return Status(409, Feil(detail=str(f)))
    return _svar(orgnr, lagret.plan, lagret=True)


def _feilsvar(f: Importfeil) -> Importfeilsvar:
    return Importfeilsvar(
        detail=f.rapport(maks=0).splitlines()[0].rstrip(":") + ".",
        feil=[
            Filfeil(fil=e.fil, rad=e.rad, kolonne=e.kolonne, verdi=e.verdi, melding=e.melding)
            for e in f.feil
        ],
    )


def _svar(orgnr: str, plan: Any, *, lagret: bool) -> Importsvar:
    return Importsvar(
        orgnr=orgnr,
        lagret=lagret,
        endret=plan.har_endringer,
        filer=[
            Lestfil(
                kilde=f.kilde,
                oppsett=f"{f.oppsett}: {f.filoppsett}",
                tabeller=[t.value for t in f.tabeller],
                rader=f.rader,
            )
            for f in plan.innlesing.filer
        ],
        antall={k: Tabellantall(**v) for k, v in plan.antall().items()},
        advarsler=list(plan.advarsler),
        fingeravtrykk=plan.fingeravtrykk,
    )
