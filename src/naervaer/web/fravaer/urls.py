from __future__ import annotations

from django.urls import URLPattern, path

from naervaer.web.fravaer import views

app_name = "fravaer"

urlpatterns: list[URLPattern] = [
    path("registrer/", views.registrer, name="registrer"),
    path("registrer/ansatte/", views.ansattvalg, name="ansattvalg"),
    path("registrer/kvote/", views.forhandsvis, name="forhandsvis"),
    path("ansatte/", views.ansatte, name="ansatte"),
    path("ansatte/<int:ansatt_id>/", views.ansatt, name="ansatt"),
    path("mitt/", views.mitt, name="mitt"),
    path("periode/<int:fravaer_id>/endre/", views.endre, name="endre"),
    path("periode/<int:fravaer_id>/tilbake/", views.tilbake, name="tilbake"),
    path("periode/<int:fravaer_id>/slett/", views.slett, name="slett"),
    path("egenmelding/", views.egenmelding, name="egenmelding"),
]
