"""The retention deletion: personal absence data goes a number of years after the case ended.

Run by the scheduled command ``slett_utlopte`` (``naervaer slett-utlopte``); running it twice
deletes nothing more. Per virksomhet, in one transaction each:
- absence periods whose law case ended before the limit (``naervaer.oppfolging.oppbevaring``),
  and the follow-up cases (with tasks and plans) that ended before it;
- employees with nothing left: no absence, and every employment ended before the limit;
- audit-log lines older than the limit.
The statistics keep their masked aggregates; ``frossen_for`` tells the recomputation which
periods it can no longer recompute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from naervaer.oppfolging.oppbevaring import grense, utlopte
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode
from naervaer.statistikk.publisering import datotekst
from naervaer.web.egendata.models import Ansatt, Fravaer
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.personvern.models import Sletting
from naervaer.web.revisjon.models import Hendelse
from naervaer.web.virksomheter.models import Virksomhet

# (done, total): progress per virksomhet, without knowing how it is shown.
Fremdrift = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Resultat:
    virksomheter: int
    fravaer: int
    tilfeller: int
    ansatte: int
    logglinjer: int


def frossen_for(virksomhet: Virksomhet) -> date | None:
    """Periods that begin before this day have lost absence data to the retention deletion, so
    their stored statistics must be kept, not recomputed."""
    siste = Sletting.objects.filter(virksomhet=virksomhet).order_by("-grense").first()
    return siste.grense if siste else None


def _periode(f: Fravaer) -> Periode:
    return Periode(f.fra_dato, f.til_dato, Fravaerstype(f.type), int(Decimal(f.grad)))


@transaction.atomic
def slett_for_virksomhet(virksomhet: Virksomhet, naa: date, aar: int) -> Sletting:
    siste_dag = grense(naa, aar)
    per_ansatt: dict[int, list[tuple[int, Periode]]] = defaultdict(list)
    gamle = Fravaer.objects.filter(ansatt__virksomhet=virksomhet, fra_dato__lt=siste_dag).only(
        "pk", "ansatt_id", "fra_dato", "til_dato", "type", "grad"
    )
    kandidater = {f.ansatt_id for f in gamle}
    for f in Fravaer.objects.filter(ansatt_id__in=kandidater).only(
        "pk", "ansatt_id", "fra_dato", "til_dato", "type", "grad"
    ):
        per_ansatt[f.ansatt_id].append((f.pk, _periode(f)))
    slettes = set().union(*(utlopte(p, naa, aar) for p in per_ansatt.values()))
    if slettes:
        Fravaer.objects.filter(pk__in=slettes).delete()
    tilfeller = Tilfelle.objects.filter(
        ansatt__virksomhet=virksomhet, avsluttet__isnull=False, til_dato__lt=siste_dag
    )
    antall_tilfeller = tilfeller.count()
    tilfeller.delete()
    # Someone who still works here, or left after the limit, is kept with their employments.
    aktive = Ansatt.objects.filter(
        Q(arbeidsforhold__til_dato__isnull=True) | Q(arbeidsforhold__til_dato__gte=siste_dag),
        virksomhet=virksomhet,
    ).values("pk")
    ferdige = (
        Ansatt.objects.filter(
            virksomhet=virksomhet, fravaer__isnull=True, arbeidsforhold__isnull=False
        )
        .exclude(pk__in=aktive)
        .distinct()
    )
    antall_ansatte = ferdige.count()
    Ansatt.objects.filter(pk__in=list(ferdige.values_list("pk", flat=True))).delete()
    start = datetime.combine(siste_dag, time(), timezone.get_current_timezone())
    logglinjer, _ = Hendelse.objects.filter(virksomhet=virksomhet, tidspunkt__lt=start).delete()
    return Sletting.objects.create(
        virksomhet=virksomhet,
        grense=siste_dag,
        fravaer=len(slettes),
        tilfeller=antall_tilfeller,
        ansatte=antall_ansatte,
        logglinjer=logglinjer,
    )


def sammendrag(resultat: Resultat, siste_dag: date) -> str:
    return (
        f"Slettet {resultat.fravaer} fraværsperioder, {resultat.tilfeller} oppfølgingstilfeller, "
        f"{resultat.ansatte} ansatte og {resultat.logglinjer} logglinjer i "
        f"{resultat.virksomheter} virksomheter (tilfeller som var over før "
        f"{datotekst(siste_dag)})."
    )


def slett_utlopte(
    naa: date, aar: int, orgnr: str | None = None, fremdrift: Fremdrift | None = None
) -> Resultat:
    virksomheter = Virksomhet.objects.filter(ansatte__isnull=False).distinct().order_by("orgnr")
    if orgnr:
        virksomheter = virksomheter.filter(orgnr=orgnr)
    liste = list(virksomheter)
    totalt = [0, 0, 0, 0]
    for i, virksomhet in enumerate(liste):
        s = slett_for_virksomhet(virksomhet, naa, aar)
        for j, tall in enumerate((s.fravaer, s.tilfeller, s.ansatte, s.logglinjer)):
            totalt[j] += tall
        if fremdrift:
            fremdrift(i + 1, len(liste))
    return Resultat(len(liste), *totalt)
