from __future__ import annotations

from django.urls import path

from naervaer.web.kalkulator import views

app_name = "kalkulator"

urlpatterns = [
    path("", views.kalkulator, name="side"),
]
