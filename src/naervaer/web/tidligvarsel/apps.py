from __future__ import annotations

from django.apps import AppConfig


class TidligvarselConfig(AppConfig):
    name = "naervaer.web.tidligvarsel"
    label = "tidligvarsel"
    verbose_name = "Tidlig varsel"
