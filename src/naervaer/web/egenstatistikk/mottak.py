"""Recomputing the own statistics when a virksomhet's absence data changes.

The recomputation reads what the import or registration wrote, so it waits until that is
committed (``transaction.on_commit``), and runs once per virksomhet however many times the signal
came in the same transaction. A failure is logged and leaves the previous figures; the command
``beregn_egne_tall`` computes them again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction

from naervaer.web.virksomheter.models import Virksomhet

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Omberegning:
    """The deferred recomputation of one virksomhet (equal by orgnr, so it is queued once)."""

    orgnr: str

    def __call__(self) -> None:
        from naervaer.web.egenstatistikk.beregning import beregn

        virksomhet = Virksomhet.objects.filter(pk=self.orgnr).first()
        if virksomhet is not None:
            beregn(virksomhet)


def planlegg(orgnr: str) -> None:
    """Recompute ``orgnr``'s own statistics once the current transaction commits."""
    oppgave = Omberegning(orgnr)
    forbindelse = transaction.get_connection()
    # Django keeps the callbacks of the open transaction as (savepoints, callback, robust).
    if forbindelse.in_atomic_block and any(
        len(post) == 3 and post[1] == oppgave for post in forbindelse.run_on_commit
    ):
        return
    transaction.on_commit(oppgave, robust=True)


def fravaer_endret_mottak(sender: object, virksomhet: Virksomhet, **kwargs: object) -> None:
    planlegg(virksomhet.pk)
