from __future__ import annotations

from django.apps import AppConfig


class VirksomheterConfig(AppConfig):
    name = "naervaer.web.virksomheter"
    label = "virksomheter"
    verbose_name = "Virksomheter og tilgang"
