"""The web application's URLs: one include per app, the API under /api/."""

from __future__ import annotations

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path

from naervaer.web.api.urls import api
from naervaer.web.kontoer import views as kontoer

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("naervaer.web.kontoer.urls")),
    path("virksomhet/<str:orgnr>/", include("naervaer.web.statistikk.urls")),
    path("virksomhet/<str:orgnr>/kostnad/", include("naervaer.web.kalkulator.urls")),
    path("", include("naervaer.web.virksomheter.urls")),
    path("virksomhet/<str:orgnr>/data/", include("naervaer.web.egendata.urls")),
    path("virksomhet/<str:orgnr>/egne-tall/", include("naervaer.web.egenstatistikk.urls")),
    path("virksomhet/<str:orgnr>/fravaer/", include("naervaer.web.fravaer.urls")),
    path("virksomhet/<str:orgnr>/oppfolging/", include("naervaer.web.oppfolging.urls")),
    path("virksomhet/<str:orgnr>/oppfolgingsplan/", include("naervaer.web.oppfolgingsplan.urls")),
    path("virksomhet/<str:orgnr>/tidlig-varsel/", include("naervaer.web.tidligvarsel.urls")),
    path("virksomhet/<str:orgnr>/personvern/", include("naervaer.web.personvern.urls")),
    path("virksomhet/<str:orgnr>/revisjonslogg/", include("naervaer.web.revisjon.urls")),
    path("paminnelser/", include("naervaer.web.paminnelser.urls")),
    path("samtalestotte/", include("naervaer.web.samtale.urls")),
    path("api/v1/", api.urls),
    path("helse/", kontoer.helse, name="helse"),
]
if settings.OIDC_PAA:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
