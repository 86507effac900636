from __future__ import annotations

from django.urls import path

from naervaer.web.statistikk import nedlasting, views

app_name = "statistikk"

urlpatterns = [
    path("", views.side, name="side"),
    path("sykefravaer.<str:format>", nedlasting.nedlasting, name="nedlasting"),
]
