from __future__ import annotations

from django.apps import AppConfig


class RevisjonConfig(AppConfig):
    name = "naervaer.web.revisjon"
    label = "revisjon"
    verbose_name = "Revisjonslogg"
