from __future__ import annotations

from django.urls import path

from naervaer.web.revisjon import views

app_name = "revisjon"

urlpatterns = [
    path("", views.logg, name="logg"),
    path("revisjonslogg.csv", views.logg_csv, name="csv"),
]
