"""Compute the own statistics again: after a change of the masking threshold, after a failed
recomputation, or each night so that a finished month appears without a new import."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.egenstatistikk.beregning import beregn
from naervaer.web.virksomheter.models import Virksomhet


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
        orgnumre: list[str] = [o.replace(" ", "") for o in options["orgnr"]]
        if orgnumre:
            virksomheter = list(Virksomhet.objects.filter(pk__in=orgnumre).order_by("orgnr"))
            ukjente = sorted(set(orgnumre) - {v.orgnr for v in virksomheter})
            if ukjente:
                raise CommandError(f"Fant ingen virksomhet med orgnr {', '.join(ukjente)}")
        else:
            virksomheter = list(
                Virksomhet.objects.filter(ansatte__isnull=False).distinct().order_by("orgnr")
            )
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
