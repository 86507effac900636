"""What the tests of the follow-up pages share: addresses, absence written and synced, audit
lines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from naervaer.web.egendata.models import Ansatt, Fravaer
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.oppfolging.synk import synk
from naervaer.web.revisjon.models import Hendelse
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN

ALLE_ROLLER = (
    "ADMINISTRATOR",
    "HR",
    "LEDER",
    "VERNEOMBUD",
    "TILLITSVALGT",
    "STATISTIKK",
    "ANSATT",
)
LEDERS_ANSATTE = ("1001", "1002", "1003", "1004")


def url(navn: str, *args: object) -> str:
    return reverse(f"oppfolging:{navn}", args=[SOLSIKKEN, *args])


def idag() -> date:
    return timezone.localdate()


def dager(antall: int) -> date:
    """Today plus ``antall`` days (minus for the past)."""
    return idag() + timedelta(days=antall)


def fravaer(
    ansatt: Ansatt, fra: date, til: date, type_: str = "sykmelding", grad: int = 100
) -> Fravaer:
    return Fravaer.objects.create(
        ansatt=ansatt, fra_dato=fra, til_dato=til, type=type_, grad=Decimal(grad)
    )


def synk_alle(dag: date | None = None) -> None:
    synk(Virksomhet.objects.get(pk=SOLSIKKEN), dag=dag)


def sykmeldt(ansatt: Ansatt, fra: int, til: int, grad: int = 100) -> Tilfelle:
    """A sykmelding from ``fra`` to ``til`` days from today, synced; answers the case."""
    fravaer(ansatt, dager(fra), dager(til), grad=grad)
    synk(Virksomhet.objects.get(pk=SOLSIKKEN), [ansatt.pk])
    return Tilfelle.objects.get(ansatt=ansatt, fra_dato=dager(fra))


def oppgave(tilfelle: Tilfelle, kode: str) -> Oppgave:
    return Oppgave.objects.get(tilfelle=tilfelle, kode=kode)


def revisjon(hva: str) -> list[str]:
    """The employee numbers with an audit line saying ``hva``, sorted."""
    return sorted(Hendelse.objects.filter(hva=hva).values_list("ansattnummer", flat=True))


def lag_saker(ansatte: dict[str, Ansatt]) -> dict[str, Tilfelle]:
    """Cases relative to today, synced with the fixture's own absence of 2025:

    - 1002 (Småbarn, the leader's): sick for 40 days, 30 more to go; the oppfølgingsplan was due
      12 days ago, dialogmøte 1 is due in 9 days.
    - 1004 (Småbarn): sick for 3 days; no deadline yet.
    - 1006 (Storbarn, no leader above it: HR is responsible): due in 8 days.
    - 1001 (Småbarn, the employee user): back 7 days ago after an egenmelding.
    """
    fravaer(ansatte["1002"], dager(-40), dager(30))
    fravaer(ansatte["1004"], dager(-3), dager(10))
    fravaer(ansatte["1006"], dager(-20), dager(20))
    fravaer(ansatte["1001"], dager(-10), dager(-8), "egenmelding")
    synk_alle()
    return {
        nummer: Tilfelle.objects.filter(ansatt=ansatte[nummer]).latest("fra_dato")
        for nummer in ("1001", "1002", "1004", "1006")
    }
