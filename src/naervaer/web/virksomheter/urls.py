from __future__ import annotations

from django.urls import path

from naervaer.web.virksomheter import views

app_name = "virksomheter"

urlpatterns = [
    path("be-om-tilgang/", views.be_om_tilgang, name="be_om_tilgang"),
    path("virksomhet/<str:orgnr>/tilgang/", views.tilganger, name="tilganger"),
    path(
        "virksomhet/<str:orgnr>/tilgang/<int:foresporsel_id>/",
        views.behandle_foresporsel,
        name="behandle",
    ),
    path("virksomhet/<str:orgnr>/tilgang/ny/", views.legg_til, name="legg_til"),
    path(
        "virksomhet/<str:orgnr>/tilgang/rolle/<int:tilgang_id>/",
        views.endre_rolle,
        name="endre_rolle",
    ),
    path(
        "virksomhet/<str:orgnr>/tilgang/fjern/<int:tilgang_id>/",
        views.fjern,
        name="fjern",
    ),
]
