from __future__ import annotations

from django.apps import AppConfig


class PersonvernConfig(AppConfig):
    name = "naervaer.web.personvern"
    label = "personvern"
    verbose_name = "Personvern"
