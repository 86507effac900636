from __future__ import annotations

from django.urls import path, re_path

from naervaer.web.samtale import nedlasting, views

app_name = "samtale"

# The files to download end like files: /samtalestotte/veileder.docx, …/tema/uenighet.pdf.
FORMAT = r"(?P<format>docx|pdf)"

urlpatterns = [
    path("", views.forside, name="forside"),
    path("veileder/", views.veileder, name="veileder"),
    re_path(rf"^veileder\.{FORMAT}$", nedlasting.veileder, name="veileder_fil"),
    path("veileder/<str:del_kode>/<str:steg_kode>/", views.steg, name="steg"),
    path("tema/<str:kode>/", views.tema, name="tema"),
    re_path(rf"^tema/(?P<kode>[a-z0-9_]+)\.{FORMAT}$", nedlasting.tema, name="tema_fil"),
    path("bransje/<str:kode>/", views.bransje, name="bransje"),
    path("dette-spor-du-ikke-om/", views.grenser, name="grenser"),
    path("forbered-deg/", views.ansatt, name="ansatt"),
    re_path(rf"^forbered-deg\.{FORMAT}$", nedlasting.ansatt, name="ansatt_fil"),
    path("lag/", views.lag, name="lag"),
]
