from __future__ import annotations

from django.urls import path

from naervaer.web.samtale import views

app_name = "samtale"

urlpatterns = [
    path("", views.forside, name="forside"),
    path("veileder/", views.veileder, name="veileder"),
    path("veileder/<str:del_kode>/<str:steg_kode>/", views.steg, name="steg"),
    path("tema/<str:kode>/", views.tema, name="tema"),
    path("bransje/<str:kode>/", views.bransje, name="bransje"),
    path("dette-spor-du-ikke-om/", views.grenser, name="grenser"),
    path("forbered-deg/", views.ansatt, name="ansatt"),
    path("lag/", views.lag, name="lag"),
]
