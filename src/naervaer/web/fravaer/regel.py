"""The virksomhet's egenmelding rule, kept as an ``Egenmeldingspolicy`` row.

No row is the law's rule: a virksomhet that never chose has what the law gives, and choosing the
law again deletes the row rather than copying today's figures into it, so a change in the law
reaches it.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from django.db import transaction

from naervaer.oppfolging.egenmelding import (
    IA_REGEL,
    LOVENS_REGEL,
    Egenmeldingsregel,
    kontroller_regel,
    lokal_regel,
)
from naervaer.oppfolging.regler import FTRL_8_24
from naervaer.web.egendata.models import Egenmeldingspolicy
from naervaer.web.virksomheter.models import Virksomhet


class Valg(StrEnum):
    LOV = "lov"
    IA = "ia"
    LOKAL = "lokal"


def regel_for(virksomhet: Virksomhet) -> Egenmeldingsregel:
    policy = Egenmeldingspolicy.objects.filter(virksomhet=virksomhet).first()
    return LOVENS_REGEL if policy is None else regel_fra(policy)


def regel_fra(policy: Egenmeldingspolicy) -> Egenmeldingsregel:
    tall = (policy.dager_per_tilfelle, policy.ganger_per_12_mnd, policy.dager_per_12_mnd)
    for kjent in (LOVENS_REGEL, IA_REGEL):
        if tall == (kjent.dager_per_tilfelle, kjent.ganger_per_12_mnd, kjent.dager_per_12_mnd):
            return kjent
    if policy.ganger_per_12_mnd == LOVENS_REGEL.ganger_per_12_mnd and not policy.dager_per_12_mnd:
        return lokal_regel(policy.dager_per_tilfelle)
    # A row written by hand (the admin site) with its own limits.
    return Egenmeldingsregel(
        f"virksomhetens regel ({policy.dager_per_tilfelle} dager)",
        policy.dager_per_tilfelle,
        ganger_per_12_mnd=policy.ganger_per_12_mnd,
        dager_per_12_mnd=policy.dager_per_12_mnd,
        kilde=FTRL_8_24,
    )


def valg_for(regel: Egenmeldingsregel) -> Valg:
    if regel == LOVENS_REGEL:
        return Valg.LOV
    if regel == IA_REGEL:
        return Valg.IA
    return Valg.LOKAL


def regel_for_valg(valg: Valg, dager_per_tilfelle: int | None = None) -> Egenmeldingsregel:
    if valg is Valg.LOV:
        return LOVENS_REGEL
    if valg is Valg.IA:
        return IA_REGEL
    if dager_per_tilfelle is None:
        raise ValueError("En egen regel må ha et antall dager per tilfelle.")
    return lokal_regel(dager_per_tilfelle)


@transaction.atomic
def lagre(virksomhet: Virksomhet, regel: Egenmeldingsregel, dag: date) -> None:
    """Keep the rule; ValueError (Norwegian) when the law does not allow it."""
    kontroller_regel(regel, dag)
    if regel == LOVENS_REGEL:
        Egenmeldingspolicy.objects.filter(virksomhet=virksomhet).delete()
        return
    Egenmeldingspolicy.objects.update_or_create(
        virksomhet=virksomhet,
        defaults={
            "dager_per_tilfelle": regel.dager_per_tilfelle,
            "ganger_per_12_mnd": regel.ganger_per_12_mnd,
            "dager_per_12_mnd": regel.dager_per_12_mnd,
        },
    )
