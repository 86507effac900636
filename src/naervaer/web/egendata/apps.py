from __future__ import annotations

from django.apps import AppConfig


class EgendataConfig(AppConfig):
    name = "naervaer.web.egendata"
    label = "egendata"
    verbose_name = "Eget fravær"
