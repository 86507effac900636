"""Delete personal absence data whose retention period is over. Safe to run every night."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from naervaer.oppfolging.oppbevaring import grense
from naervaer.web.personvern.oppbevaring import sammendrag, slett_utlopte


class Command(BaseCommand):
    help = "Sletter fraværsopplysninger når oppbevaringstiden er ute (standard 3 år)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--orgnr", help="bare denne virksomheten")
        parser.add_argument("--dato", help="regn som om i dag er denne datoen (ÅÅÅÅ-MM-DD)")
        parser.add_argument(
            "--aar",
            type=int,
            default=None,
            help="oppbevaringstid i år (standard fra innstillingene)",
        )

    def handle(self, *args: Any, **opsjoner: Any) -> None:
        try:
            naa = date.fromisoformat(opsjoner["dato"]) if opsjoner["dato"] else timezone.localdate()
        except ValueError:
            raise CommandError(
                f"--dato: «{opsjoner['dato']}» er ikke en dato (ÅÅÅÅ-MM-DD)"
            ) from None
        aar = opsjoner["aar"] if opsjoner["aar"] is not None else settings.NAERVAER_OPPBEVARING_AAR
        try:
            resultat = slett_utlopte(naa, aar, opsjoner["orgnr"])
        except ValueError as feil:
            raise CommandError(str(feil)) from None
        self.stdout.write(sammendrag(resultat, grense(naa, aar)))
