"""Rebuild the follow-up cases and tasks from the stored absence: after a change in the rules
(a new ``Regel`` row), after restoring a backup, or to check that nothing is out of step. With
``--avslutt`` it only closes the cases whose employee is back, which is quick: run it each night
so that reminders and worklists never count a case that is over."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.oppfolging.synk import avslutt_ferdige, idag, synk
from naervaer.web.virksomheter.utvalg import virksomheter_med_egne_data


class Command(BaseCommand):
    help = (
        "Regner ut sykefraværstilfellene og oppfølgingsoppgavene på nytt fra fraværet som er "
        "lagret. Det brukerne har registrert på oppgavene, beholdes. Uten --orgnr: alle "
        "virksomheter med egne data. Med --avslutt: bare avslutt tilfeller der den ansatte er "
        "tilbake (kjør hver natt)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--orgnr", action="append", default=[], help="bare denne virksomheten (kan gjentas)"
        )
        parser.add_argument(
            "--avslutt",
            action="store_true",
            help="bare avslutt tilfeller der den ansatte er tilbake på jobb",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        virksomheter = virksomheter_med_egne_data(options["orgnr"])
        dag = idag()
        for virksomhet in virksomheter:
            start = time.perf_counter()
            if options["avslutt"]:
                antall = avslutt_ferdige(virksomhet, dag)
                self.stdout.write(f"{virksomhet.orgnr} {virksomhet.navn}: {antall} avsluttet")
                continue
            r = synk(virksomhet, dag=dag, laas=True)
            self.stdout.write(
                f"{virksomhet.orgnr} {virksomhet.navn}: {r.ansatte} ansatte, "
                f"tilfeller {r.nye_tilfeller} nye, {r.endrede_tilfeller} endret, "
                f"{r.slettede_tilfeller} slettet; oppgaver {r.nye_oppgaver} nye, "
                f"{r.endrede_oppgaver} endret, {r.slettede_oppgaver} slettet "
                f"({norsk_tall(Decimal(time.perf_counter() - start), 1)} s)"
            )
        if not virksomheter:
            self.stdout.write("Ingen virksomheter har egne data ennå.")
