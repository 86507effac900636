"""Load the register's virksomheter file (CSV or Parquet) into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naervaer.statistikk.register import RegisterFeil
from naervaer.web.virksomheter.lasting import last_virksomheter


class Command(BaseCommand):
    help = "Laster virksomheter.csv eller virksomheter.parquet fra registeret inn i lageret."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("fil", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        sti: Path = options["fil"]
        if not sti.is_file():
            raise CommandError(f"{sti}: finner ikke filen")
        try:
            lastet = last_virksomheter(sti)
        except RegisterFeil as feil:
            raise CommandError(f"Ingenting ble lastet, fordi filen har feil:\n{feil}") from feil
        self.stdout.write(
            f"{sti.name}: {lastet.nye} nye og {lastet.oppdaterte} oppdaterte virksomheter"
        )
