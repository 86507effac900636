from __future__ import annotations

from django.urls import path

from naervaer.web.paminnelser import views

app_name = "paminnelser"

urlpatterns = [
    path("", views.valg, name="valg"),
    path("<str:orgnr>/innstillinger/", views.innstillinger, name="innstillinger"),
    path("<str:orgnr>/aktiviteter/", views.aktiviteter, name="aktiviteter"),
    path("<str:orgnr>/aktiviteter/<int:aktivitet_id>/", views.aktivitet, name="aktivitet"),
    path("<str:orgnr>/aktiviteter/<int:aktivitet_id>/avlys/", views.avlys, name="avlys"),
]
