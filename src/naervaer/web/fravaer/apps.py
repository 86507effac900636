from __future__ import annotations

from django.apps import AppConfig


class FravaerConfig(AppConfig):
    name = "naervaer.web.fravaer"
    label = "fravaer"
    verbose_name = "Fravær og registrering"
