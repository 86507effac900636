from __future__ import annotations

from django.urls import path

from naervaer.web.tidligvarsel import views

app_name = "tidligvarsel"

urlpatterns = [
    path("", views.side, name="side"),
    path("grenser/", views.innstillinger, name="innstillinger"),
]
