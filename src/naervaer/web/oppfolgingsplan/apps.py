from __future__ import annotations

from django.apps import AppConfig


class OppfolgingsplanConfig(AppConfig):
    name = "naervaer.web.oppfolgingsplan"
    label = "oppfolgingsplan"
    verbose_name = "Oppfølgingsplan"
