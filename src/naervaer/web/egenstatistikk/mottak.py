"""Recomputing the own statistics when a virksomhet's absence data changes.

The recomputation reads what the import or registration wrote, so it waits until that is
committed (``transaction.on_commit``), and runs once per virksomhet however many times the signal
came in the same transaction. In the web application it runs in a thread of its own, so the
answer to an import does not wait for it (``NAERVAER_EGNE_TALL_I_BAKGRUNNEN``). A failure is
logged and leaves the previous figures; the command ``beregn_egne_tall`` computes them again.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import connections, transaction

from naervaer.web.virksomheter.models import Virksomhet

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Omberegning:
    """The deferred recomputation of one virksomhet (equal by orgnr, so it is queued once)."""

    orgnr: str

    def __call__(self) -> None:
        if settings.NAERVAER_EGNE_TALL_I_BAKGRUNNEN:
            # The import's answer need not wait for the figures (a few seconds for a large
            # virksomhet). Not a daemon: a command that imports waits for it before it exits.
            # The nightly ``beregn_egne_tall`` catches a thread that died with its worker.
            threading.Thread(
                target=self._i_bakgrunnen, name=f"egne-tall-{self.orgnr}", daemon=False
            ).start()
        else:
            self.beregn()

    def beregn(self) -> None:
        from naervaer.web.egenstatistikk.beregning import beregn

        virksomhet = Virksomhet.objects.filter(pk=self.orgnr).first()
        if virksomhet is not None:
            beregn(virksomhet)

    def _i_bakgrunnen(self) -> None:
        try:
            self.beregn()
        except Exception:
            logger.exception("Kunne ikke beregne egne tall for %s", self.orgnr)
        finally:
            connections.close_all()


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
