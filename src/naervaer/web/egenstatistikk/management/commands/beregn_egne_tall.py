"""Compute the own statistics again: after a change of the masking threshold, after a failed
recomputation, or each night so that a finished month appears without a new import."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.egenstatistikk.beregning import beregn
from naervaer.web.virksomheter.utvalg import virksomheter_med_egne_data


class Command(BaseCommand):
    help = (
        "Beregner egne tall (sykefravær per måned, kvartal og avdeling) på nytt fra fraværet "
        "som er lagret i Nærvær. Uten --orgnr: alle virksomheter som har egne data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--orgnr", action="append", default=[], help="bare denne virksomheten (kan gjentas)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        virksomheter = virksomheter_med_egne_data(options["orgnr"])
        for virksomhet in virksomheter:
            beregning = beregn(virksomhet)
            perioder = (
                f"{beregning.fra_maned:%m.%Y}–{beregning.til_maned:%m.%Y}"
                if beregning.fra_maned and beregning.til_maned
                else "ingen hele måneder med fravær"
            )
            self.stdout.write(
                f"{virksomhet.orgnr} {virksomhet.navn}: {perioder}, "
                f"{norsk_tall(Decimal(beregning.varighet_ms) / 1000, 1)} s"
            )
        if not virksomheter:
            self.stdout.write("Ingen virksomheter har egne data ennå.")
