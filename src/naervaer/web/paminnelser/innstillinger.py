"""Reading and saving the choices: a virksomhet's timing and a person's mail frequency."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from naervaer.oppfolging.paminnelse import STANDARD, Frekvens, Varslingsplan
from naervaer.web.paminnelser.models import Epostvalg, Innstilling, Varseldag
from naervaer.web.virksomheter.models import Virksomhet


def varslingsplan(virksomhet_id: str) -> Varslingsplan:
    innstilling = (
        Innstilling.objects.filter(virksomhet_id=virksomhet_id)
        .prefetch_related("varseldager")
        .first()
    )
    return innstilling.plan() if innstilling is not None else STANDARD


@transaction.atomic
def lagre_plan(virksomhet: Virksomhet, plan: Varslingsplan, bruker: User) -> Innstilling:
    innstilling, _ = Innstilling.objects.select_for_update().get_or_create(virksomhet=virksomhet)
    innstilling.klokkeslett = plan.klokkeslett
    innstilling.ukedag = plan.ukedag
    innstilling.eskalering = plan.eskalering
    innstilling.endret_av = bruker
    innstilling.save()
    innstilling.varseldager.all().delete()
    Varseldag.objects.bulk_create(
        Varseldag(innstilling=innstilling, dager=d) for d in plan.dager_for
    )
    return innstilling


def frekvens(bruker_id: int) -> Frekvens:
    verdi = Epostvalg.objects.filter(bruker_id=bruker_id).values_list("frekvens", flat=True).first()
    return Frekvens(verdi) if verdi else Frekvens.HVER


def velg_frekvens(bruker: User, valg: Frekvens) -> None:
    Epostvalg.objects.update_or_create(bruker=bruker, defaults={"frekvens": valg.value})
