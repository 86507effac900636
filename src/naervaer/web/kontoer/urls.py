from __future__ import annotations

from django.urls import path

from naervaer.web.kontoer import views

app_name = "kontoer"

urlpatterns = [
    path("", views.forside, name="forside"),
    path("logg-inn/", views.LoggInn.as_view(), name="logg_inn"),
    path("logg-ut/", views.logg_ut, name="logg_ut"),
    path("nytt-passord/<uidb64>/<token>/", views.NyttPassord.as_view(), name="nytt_passord"),
]
