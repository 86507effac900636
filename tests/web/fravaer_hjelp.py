"""What the tests of the fravær pages share: addresses, audit lines, a listener on the signal,
and absence written relative to today (the quota looks twelve months back from today)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import timezone

from naervaer.web.egendata.models import Ansatt, Fravaer
from naervaer.web.egendata.signaler import fravaer_endret
from naervaer.web.revisjon.models import Hendelse
from tests.web.conftest import SOLSIKKEN

ROLLER_UTEN_PERSONER = ("VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT")
LEDERS_ANSATTE = ("1001", "1002", "1003", "1004")


def url(navn: str, **kwargs: object) -> str:
    return reverse(f"fravaer:{navn}", kwargs={"orgnr": SOLSIKKEN, **kwargs})


def idag() -> date:
    return timezone.localdate()


def dager_siden(antall: int) -> date:
    return idag() - timedelta(days=antall)


def fravaer(
    ansatt: Ansatt,
    fra: date,
    til: date,
    type_: str = "egenmelding",
    grad: int = 100,
    kilde: str = Fravaer.Kilde.REGISTRERT,
) -> Fravaer:
    return Fravaer.objects.create(
        ansatt=ansatt, fra_dato=fra, til_dato=til, type=type_, grad=Decimal(grad), kilde=kilde
    )


def inputfelt(html: str, id_: str) -> str:
    """The <input> tag with the id, to check its attributes."""
    treff = re.search(rf'<input[^>]*\bid="{re.escape(id_)}"[^>]*>', html)
    assert treff is not None, f"fant ikke feltet {id_}"
    return treff.group(0)


def revisjon(hva: str) -> list[str]:
    """The employee numbers with an audit line saying ``hva``, in order."""
    return sorted(Hendelse.objects.filter(hva=hva).values_list("ansattnummer", flat=True))


@dataclass
class Signalmottaker:
    mottatt: list[dict[str, Any]] = field(default_factory=list)
    sett: list[list[tuple[date, date, str]]] = field(default_factory=list)
    """The periods of the employees as the receiver saw them: written before the signal."""

    def __call__(self, sender: object, **kwargs: Any) -> None:
        self.mottatt.append(kwargs)
        self.sett.append(
            list(
                Fravaer.objects.filter(ansatt_id__in=kwargs["ansatt_ids"])
                .order_by("fra_dato")
                .values_list("fra_dato", "til_dato", "type")
            )
        )

    @property
    def ansatt_ids(self) -> list[frozenset[int]]:
        return [m["ansatt_ids"] for m in self.mottatt]


@contextmanager
def lytt() -> Iterator[Signalmottaker]:
    """A receiver on ``fravaer_endret`` for the length of the block."""
    mottaker = Signalmottaker()
    fravaer_endret.connect(mottaker, weak=False)
    try:
        yield mottaker
    finally:
        fravaer_endret.disconnect(mottaker)
