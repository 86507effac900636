"""How long personal absence data is kept: until a number of years after the case ended.

The law's case (``tilfelle.knytt_sammen``) decides what belongs together, so a long case is kept
whole until its last day is old enough, and an ongoing case is never deleted. Statistics keep
their masked aggregates; only the periods go.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from typing import TypeVar

from naervaer.oppfolging.tilfelle import Periode, aar_tilbake, knytt_sammen

STANDARD_AAR = 3
K = TypeVar("K", bound=Hashable)


def grense(naa: date, aar: int = STANDARD_AAR) -> date:
    """Cases that ended before this day are deleted."""
    if aar < 1:
        raise ValueError(f"Oppbevaringstiden må være minst ett år, ikke {aar}.")
    return aar_tilbake(naa, aar)


def utlopte(perioder: Sequence[tuple[K, Periode]], naa: date, aar: int = STANDARD_AAR) -> set[K]:
    """The keys of one person's periods whose case ended before the limit."""
    if not perioder:
        return set()
    siste_dag = grense(naa, aar)
    nokler: dict[Periode, list[K]] = {}
    for nokkel, periode in perioder:
        nokler.setdefault(periode, []).append(nokkel)
    ut: set[K] = set()
    for tilfelle in knytt_sammen([p for _, p in perioder]):
        if tilfelle.til is not None and tilfelle.til < siste_dag:
            for periode in set(tilfelle.perioder):
                ut.update(nokler[periode])
    return ut
