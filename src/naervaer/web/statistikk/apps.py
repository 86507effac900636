from __future__ import annotations

from django.apps import AppConfig


class StatistikkConfig(AppConfig):
    name = "naervaer.web.statistikk"
    label = "statistikk"
    verbose_name = "Sykefraværsstatistikk"
