from __future__ import annotations

from django.urls import path

from naervaer.web.personvern import views

app_name = "personvern"

urlpatterns = [
    path("", views.side, name="side"),
    path("finn/", views.finn, name="finn"),
    path("ansatt/<int:ansatt_id>/", views.ansatt, name="ansatt"),
    path("ansatt/<int:ansatt_id>/innsyn.json", views.ansatt_innsyn, name="innsyn"),
    path("ansatt/<int:ansatt_id>/slett/", views.ansatt_slett, name="slett"),
    path("mine-opplysninger.json", views.mine_opplysninger, name="mine"),
]
