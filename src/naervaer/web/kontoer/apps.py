from __future__ import annotations

from django.apps import AppConfig


class KontoerConfig(AppConfig):
    name = "naervaer.web.kontoer"
    label = "kontoer"
    verbose_name = "Kontoer"
