"""The JSON API (django-ninja), described by OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from naervaer.web.api.endpoints import router
from naervaer.web.api.importering import router as import_router

BESKRIVELSE = """\
Sykefraværsstatistikk for virksomhetene brukeren er knyttet til: de samme tallene som
statistikksiden viser, med de samme tilgangsreglene.

- Innlogging: API-et bruker sesjonen fra nettsidene. Uten innlogging er svaret 401.
- Tilgang: en virksomhet brukeren ikke er knyttet til, gir 404 med samme svar som et
  organisasjonsnummer som ikke finnes. Uten statistikkretten vises bare sammenligningstallene.
- Tall: prosenter og prosentpoeng er JSON-tall med én desimal, avrundet halvt opp (8.1).
- Maskering: tall som bygger på færre personer enn maskeringsterskelen (minst 5), er null, med
  "maskert": true ved siden av. null med "maskert": false betyr at det mangler data.
- Svar med tall sendes med Cache-Control: private, no-store.
"""

# The interactive docs page is off: ninja would load it from a CDN, which the content security
# policy and offline installations forbid.
api = NinjaAPI(
    title="Nærvær API",
    version="1",
    urls_namespace="api",
    description=BESKRIVELSE,
    docs_url=None,
)
api.add_router("", router)
api.add_router("", import_router)


@api.exception_handler(AuthenticationError)
def ikke_innlogget(request: HttpRequest, feil: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Du må logge inn for å bruke API-et."}, status=401
    )


@api.exception_handler(ValidationError)
def ugyldig_parameter(request: HttpRequest, feil: ValidationError) -> HttpResponse:
    # Only query parameters can be wrong here (every endpoint is GET); name them in Norwegian
    # instead of passing on pydantic's English.
    navn = sorted({str(f["loc"][-1]) for f in feil.errors if f.get("loc")})
    return api.create_response(
        request, {"detail": f"Ugyldig verdi for {', '.join(navn)}."}, status=422
    )
