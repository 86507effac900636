from __future__ import annotations

from django.urls import URLPattern, path

from naervaer.web.oppfolgingsplan import egen, nedlasting, versjoner, views

app_name = "oppfolgingsplan"

TILFELLE = "tilfelle/<int:tilfelle_id>/"
VERSJON = f"{TILFELLE}versjoner/<int:nummer>/"
MITT = "mitt/<int:tilfelle_id>/"

urlpatterns: list[URLPattern] = [
    path(TILFELLE, views.plan, name="plan"),
    path(f"{TILFELLE}del/", views.del_plan, name="del"),
    path(f"{TILFELLE}kommentar/", views.kommenter, name="kommenter"),
    path(f"{TILFELLE}versjoner/", versjoner.historikk, name="versjoner"),
    path(VERSJON, versjoner.versjon, name="versjon"),
    path(f"{VERSJON}endringer/", versjoner.endringer_i, name="endringer"),
    path("mitt/", egen.mitt, name="mitt"),
    path(MITT, egen.mitt_tilfelle, name="mitt_tilfelle"),
    path(f"{MITT}kommentar/", egen.mitt_kommenter, name="mitt_kommenter"),
    path(f"{MITT}enig/", egen.mitt_enig, name="mitt_enig"),
]
# One address per format, so a link names the file it gives.
for _format in ("docx", "pdf"):
    urlpatterns += [
        path(
            f"{TILFELLE}plan.{_format}", nedlasting.fil, {"format": _format}, name=f"fil_{_format}"
        ),
        path(
            f"{VERSJON}plan.{_format}",
            nedlasting.fil,
            {"format": _format},
            name=f"versjonsfil_{_format}",
        ),
        path(
            f"{MITT}plan.{_format}",
            nedlasting.mitt_fil,
            {"format": _format},
            name=f"mitt_fil_{_format}",
        ),
    ]
