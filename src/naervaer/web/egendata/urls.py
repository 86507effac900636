from __future__ import annotations

from django.urls import URLPattern, path

from naervaer.web.egendata import views

app_name = "egendata"

urlpatterns: list[URLPattern] = [
    path("", views.side, name="side"),
    path("import/<str:noekkel>/", views.forhandsvis, name="forhandsvis"),
    path("import/<str:noekkel>/oppsett/", views.velg_oppsett, name="velg_oppsett"),
    path("import/<str:noekkel>/lagre/", views.lagre, name="lagre"),
    path("import/<str:noekkel>/avbryt/", views.avbryt, name="avbryt"),
    path("importer/<int:logg_id>/", views.resultat, name="resultat"),
    path("mal/", views.mal, name="mal"),
    path("mal/<str:navn>", views.last_ned_mal, name="last_ned_mal"),
    path("nokler/", views.nokler, name="nokler"),
    path("nokler/<int:nokkel_id>/tilbakekall/", views.tilbakekall_nokkel, name="tilbakekall"),
]
