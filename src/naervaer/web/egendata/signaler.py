"""Telling the rest of the application that a virksomhet's absence data changed.

The import, the quick registration and the deletion commands send ``fravaer_endret`` inside
their transaction, after writing. Receivers in higher apps (the follow-up cases, the own
statistics) react without this app knowing them: a receiver that must see committed data
(a heavy recomputation) defers itself with ``transaction.on_commit``; one that keeps derived rows
in step (the cases) writes in the same transaction, so an import that fails leaves nothing.
"""

from __future__ import annotations

from django.dispatch import Signal

fravaer_endret = Signal()
"""Sent with ``virksomhet`` (a Virksomhet) and ``ansatt_ids`` (a frozenset of Ansatt ids whose
absence or employments changed; empty when only departments changed)."""


def send_fravaer_endret(virksomhet: object, ansatt_ids: frozenset[int]) -> None:
    fravaer_endret.send(sender=type(virksomhet), virksomhet=virksomhet, ansatt_ids=ansatt_ids)
