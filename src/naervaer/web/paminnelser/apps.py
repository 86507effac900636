from __future__ import annotations

from django.apps import AppConfig


class PaminnelserConfig(AppConfig):
    name = "naervaer.web.paminnelser"
    label = "paminnelser"
    verbose_name = "Påminnelser"
