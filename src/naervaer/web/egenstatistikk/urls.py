from __future__ import annotations

from django.urls import URLPattern, path

from naervaer.web.egenstatistikk import views

app_name = "egenstatistikk"

urlpatterns: list[URLPattern] = [
    path("", views.side, name="side"),
    path("last-ned.<str:format>", views.nedlasting, name="nedlasting"),
]
