from __future__ import annotations

from django.apps import AppConfig


class KalkulatorConfig(AppConfig):
    name = "naervaer.web.kalkulator"
    label = "kalkulator"
    verbose_name = "Kostnadskalkulator"
