"""What leader and employee do to a plan: save a new version, share it, agree, comment.

Each step locks the plan's row, so two people saving at once get two numbered versions or a
clear refusal, never one lost. The rules each step enforces are the ones a person would expect:
only the newest version is shared; agreement is to the newest shared version the employee
read; a save that changes nothing makes no version (it would void an agreement for nothing).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from naervaer.oppfolging.plan import Planinnhold
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolgingsplan.models import (
    Deling,
    Enighet,
    Kommentar,
    Oppfolgingsplan,
    Planversjon,
    Tiltak,
)


class Avvist(Exception):
    """A step that cannot be taken now; the message says why, for the user."""


class Utdatert(Avvist):
    """Someone saved a newer version after the form was opened."""

    def __init__(self, nyeste: int) -> None:
        super().__init__(nyeste)
        self.nyeste = nyeste

    def __str__(self) -> str:
        return (
            f"Noen lagret versjon {self.nyeste} av planen mens du skrev. Det du skrev, er ikke "
            "lagret: se over den nye versjonen, og lagre igjen."
        )


class IngenEndring(Avvist):
    def __str__(self) -> str:
        return "Ingenting er endret siden forrige versjon, så det ble ikke lagret en ny."


def visningsnavn(bruker: User) -> str:
    return bruker.get_full_name() or bruker.email or bruker.get_username()


def nyeste(plan: Oppfolgingsplan | None) -> Planversjon | None:
    if plan is None:
        return None
    return plan.versjoner.order_by("-nummer").first()


def nyeste_delte(plan: Oppfolgingsplan | None) -> Planversjon | None:
    if plan is None:
        return None
    return plan.versjoner.filter(deling__isnull=False).order_by("-nummer").first()


def _last(tilfelle: Tilfelle) -> Oppfolgingsplan:
    plan, _ = Oppfolgingsplan.objects.get_or_create(tilfelle=tilfelle)
    return Oppfolgingsplan.objects.select_for_update().get(pk=plan.pk)


@transaction.atomic
def lagre(
    tilfelle: Tilfelle, innhold: Planinnhold, bruker: User, grunnlag: int | None
) -> Planversjon:
    """A new version of the case's plan; ``grunnlag`` is the version the form was filled in
    from (None for the first)."""
    plan = _last(tilfelle)
    forrige = nyeste(plan)
    if forrige is None and grunnlag is not None:
        raise Avvist("Planen du endret, finnes ikke lenger. Begynn på nytt.")
    if forrige is not None and forrige.nummer != grunnlag:
        raise Utdatert(forrige.nummer)
    if forrige is not None and forrige.innhold() == innhold:
        raise IngenEndring
    versjon = Planversjon(
        plan=plan,
        nummer=(plan.versjoner.aggregate(n=Max("nummer"))["n"] or 0) + 1,
        lagret=timezone.now(),
        lagret_av=bruker,
        lagret_av_navn=visningsnavn(bruker),
        arbeidsoppgaver=innhold.arbeidsoppgaver,
        som_for=innhold.som_for,
        med_tilrettelegging=innhold.med_tilrettelegging,
        ikke_na=innhold.ikke_na,
        gjelder_fra=innhold.gjelder_fra,
        gjelder_til=innhold.gjelder_til,
        opptrapping=innhold.opptrapping,
        evalueres=innhold.evalueres,
        evaluering=innhold.evaluering,
        ansattes_innspill=innhold.ansattes_innspill,
    )
    versjon.save()
    Tiltak.objects.bulk_create(
        Tiltak(versjon=versjon, nr=nr, hva=t.hva, hvem=t.hvem, innen=t.innen)
        for nr, t in enumerate(innhold.tiltak, 1)
    )
    return versjon


@transaction.atomic
def del_med_ansatt(tilfelle: Tilfelle, nummer: int, bruker: User) -> tuple[Deling, bool]:
    """Share version ``nummer``, which must be the newest; answers the sharing and whether it
    is new (sharing twice is harmless)."""
    plan = _last(tilfelle)
    versjon = nyeste(plan)
    if versjon is None:
        raise Avvist("Lagre planen før du deler den.")
    if versjon.nummer != nummer:
        raise Avvist(
            f"Versjon {nummer} er ikke den nyeste. Del versjon {versjon.nummer} i stedet, "
            "eller lagre en ny versjon."
        )
    if (deling := Deling.objects.filter(versjon=versjon).first()) is not None:
        return deling, False
    return Deling.objects.create(versjon=versjon, delt=timezone.now(), delt_av=bruker), True


@transaction.atomic
def bekreft_enig(tilfelle: Tilfelle, nummer: int, bruker: User) -> Enighet:
    """The employee agrees to version ``nummer``: the newest one shared with them."""
    plan = _last(tilfelle)
    versjon = nyeste_delte(plan)
    if versjon is None:
        raise Avvist("Lederen din har ikke delt planen med deg ennå.")
    if versjon.nummer != nummer:
        raise Avvist(
            f"Lederen har delt en ny versjon (versjon {versjon.nummer}) siden du åpnet siden. "
            "Les den nye versjonen før du sier at du er enig."
        )
    deling = Deling.objects.get(versjon=versjon)
    if (enighet := Enighet.objects.filter(deling=deling).first()) is not None:
        return enighet
    return Enighet.objects.create(deling=deling, tidspunkt=timezone.now(), bruker=bruker)


def kommenter(versjon: Planversjon, bruker: User, tekst: str, *, fra_ansatt: bool) -> Kommentar:
    return Kommentar.objects.create(
        versjon=versjon,
        skrevet=timezone.now(),
        skrevet_av=bruker,
        skrevet_av_navn=visningsnavn(bruker),
        fra_ansatt=fra_ansatt,
        tekst=tekst,
    )
