"""``send_paminnelser``: the reminders that are due, for cron or a systemd timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naervaer.web.paminnelser.utsending import kjor, les_tidspunkt


class Command(BaseCommand):
    help = (
        "Sender påminnelser om frister, ukeoversikter, varsler om oversittede frister og "
        "kalenderinvitasjoner som er forfalt. Trygg å kjøre med få minutters mellomrom og "
        "flere samtidig: ingen e-post sendes to ganger."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--naa",
            help="tidspunktet kjøringen gjelder, f.eks. 2025-02-17T07:05 (norsk tid); "
            "standard er nå. For prøving.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            naa = les_tidspunkt(options["naa"]) if options["naa"] else None
        except ValueError as feil:
            raise CommandError(f"--naa: {feil}") from feil
        resultat = kjor(naa)
        self.stdout.write(resultat.tekst())
        if resultat.stoppet:
            raise CommandError(f"Stoppet: {resultat.stoppet}. Resten sendes ved neste kjøring.")
