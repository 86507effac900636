from __future__ import annotations

from django.apps import AppConfig


class EgenstatistikkConfig(AppConfig):
    name = "naervaer.web.egenstatistikk"
    label = "egenstatistikk"
    verbose_name = "Egne tall"
