from __future__ import annotations

from django.apps import AppConfig


class SamtaleConfig(AppConfig):
    name = "naervaer.web.samtale"
    label = "samtale"
    verbose_name = "Samtalestøtte"
