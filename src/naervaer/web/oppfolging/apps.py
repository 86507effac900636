from __future__ import annotations

from django.apps import AppConfig


class OppfolgingConfig(AppConfig):
    name = "naervaer.web.oppfolging"
    label = "oppfolging"
    verbose_name = "Oppfølging"
