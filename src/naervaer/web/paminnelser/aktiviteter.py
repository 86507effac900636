"""Planned activities: who may plan them, who sees which, and changes that calendars must hear of.

Administrators and HR see and change all of the virksomhet's activities; a leader, verneombud
or tillitsvalgt the ones they planned or are responsible for. An activity is never deleted, only
called off, so the calendars that got it can be told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from naervaer.web.paminnelser.models import Aktivitet
from naervaer.web.virksomheter.models import Rolle, Tilgang
from naervaer.web.virksomheter.tilgang import Rettigheter

PLANLEGGERE = frozenset(
    {Rolle.ADMINISTRATOR, Rolle.HR, Rolle.LEDER, Rolle.VERNEOMBUD, Rolle.TILLITSVALGT}
)


def kan_planlegge(r: Rettigheter) -> bool:
    return r.rolle in PLANLEGGERE


def synlige(r: Rettigheter) -> QuerySet[Aktivitet]:
    alle = Aktivitet.objects.filter(virksomhet=r.virksomhet).select_related("ansvarlig")
    if r.ser_alle_personer:
        return alle
    if not kan_planlegge(r):
        return alle.none()
    return alle.filter(Q(ansvarlig_id=r.bruker_id) | Q(opprettet_av_id=r.bruker_id))


def hent(r: Rettigheter, aktivitet_id: int) -> Aktivitet:
    aktivitet = synlige(r).filter(pk=aktivitet_id).first()
    if aktivitet is None:
        raise Http404("Ingen slik aktivitet")
    return aktivitet


def mulige_ansvarlige(r: Rettigheter) -> list[User]:
    """The virksomhet's users in a role that plans activities, by name."""
    tilganger = Tilgang.objects.filter(
        virksomhet=r.virksomhet, rolle__in=list(PLANLEGGERE), bruker__is_active=True
    ).select_related("bruker")
    return sorted(
        (t.bruker for t in tilganger),
        key=lambda b: ((b.get_full_name() or b.email).lower(), b.email),
    )


@dataclass(frozen=True, slots=True)
class Utkast:
    tittel: str
    type: Aktivitet.Type
    start: datetime
    varighet: int
    sted: str
    ansvarlig_id: int
    notat: str

    def kalenderfelt(self) -> tuple[object, ...]:
        return (self.tittel, self.start, self.varighet, self.sted, self.ansvarlig_id)


def _kalenderfelt(a: Aktivitet) -> tuple[object, ...]:
    return (a.tittel, a.start, a.varighet, a.sted, a.ansvarlig_id)


class UgyldigAnsvarlig(ValueError):
    pass


def _sjekk_ansvarlig(r: Rettigheter, ansvarlig_id: int) -> None:
    if ansvarlig_id not in {b.pk for b in mulige_ansvarlige(r)}:
        raise UgyldigAnsvarlig(ansvarlig_id)


@transaction.atomic
def opprett(r: Rettigheter, utkast: Utkast) -> Aktivitet:
    if not kan_planlegge(r):
        raise Http404("Ingen slik side")
    _sjekk_ansvarlig(r, utkast.ansvarlig_id)
    return Aktivitet.objects.create(
        virksomhet=r.virksomhet,
        tittel=utkast.tittel,
        type=utkast.type,
        start=utkast.start,
        varighet=utkast.varighet,
        sted=utkast.sted,
        ansvarlig_id=utkast.ansvarlig_id,
        notat=utkast.notat,
        opprettet_av_id=r.bruker_id,
    )


@transaction.atomic
def endre(r: Rettigheter, aktivitet_id: int, utkast: Utkast) -> Aktivitet:
    """Save the changes; a change a calendar shows raises ``sekvens``, so the next invitation
    replaces the one sent before."""
    aktivitet = hent(r, aktivitet_id)
    aktivitet = Aktivitet.objects.select_for_update().get(pk=aktivitet.pk)
    if aktivitet.avlyst is not None:
        raise Http404("Aktiviteten er avlyst")
    _sjekk_ansvarlig(r, utkast.ansvarlig_id)
    if utkast.kalenderfelt() != _kalenderfelt(aktivitet):
        aktivitet.sekvens += 1
    aktivitet.tittel = utkast.tittel
    aktivitet.type = utkast.type
    aktivitet.start = utkast.start
    aktivitet.varighet = utkast.varighet
    aktivitet.sted = utkast.sted
    aktivitet.ansvarlig_id = utkast.ansvarlig_id
    aktivitet.notat = utkast.notat
    aktivitet.save()
    return aktivitet


@transaction.atomic
def avlys(r: Rettigheter, aktivitet_id: int) -> Aktivitet:
    aktivitet = hent(r, aktivitet_id)
    aktivitet = Aktivitet.objects.select_for_update().get(pk=aktivitet.pk)
    if aktivitet.avlyst is None:
        aktivitet.avlyst = timezone.now()
        aktivitet.sekvens += 1
        aktivitet.save(update_fields=["avlyst", "sekvens", "endret"])
    return aktivitet
