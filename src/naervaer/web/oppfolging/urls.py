from __future__ import annotations

from django.urls import URLPattern, path

from naervaer.web.oppfolging import views

app_name = "oppfolging"

urlpatterns: list[URLPattern] = [
    path("", views.liste, name="liste"),
    path("tilfelle/<int:tilfelle_id>/", views.tilfelle, name="tilfelle"),
    path(
        "tilfelle/<int:tilfelle_id>/oppgave/<int:oppgave_id>/",
        views.oppgave,
        name="oppgave",
    ),
    path("mitt/", views.mitt, name="mitt"),
    path("tall/", views.tall, name="tall"),
]
