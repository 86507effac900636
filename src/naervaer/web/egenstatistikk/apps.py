from __future__ import annotations

from django.apps import AppConfig


class EgenstatistikkConfig(AppConfig):
    name = "naervaer.web.egenstatistikk"
    label = "egenstatistikk"
    verbose_name = "Egne tall"

    def ready(self) -> None:
        from naervaer.web.egendata.signaler import fravaer_endret
        from naervaer.web.egenstatistikk.mottak import fravaer_endret_mottak

        fravaer_endret.connect(fravaer_endret_mottak, dispatch_uid="egenstatistikk_beregn")
