from __future__ import annotations

from django.apps import AppConfig


class OppfolgingConfig(AppConfig):
    name = "naervaer.web.oppfolging"
    label = "oppfolging"
    verbose_name = "Oppfølging"

    def ready(self) -> None:
        from naervaer.web.egendata.signaler import fravaer_endret
        from naervaer.web.oppfolging.synk import fravaer_endret_mottak

        fravaer_endret.connect(fravaer_endret_mottak, dispatch_uid="oppfolging_synk")
