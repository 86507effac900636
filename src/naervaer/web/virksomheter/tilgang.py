"""Who may see and do what: the one place that decides it.

Every view, download and API call that touches a virksomhet goes through ``rettigheter`` (or the
``med_virksomhet`` decorator built on it). A user without any tie to a virksomhet gets 404, so
nobody learns which virksomheter use Nærvær; a user tied to it without the statistics right sees
the benchmarks only, as on NAV's service.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from naervaer.statistikk.oversikt import Virksomhetsdata
from naervaer.web.virksomheter.models import Tilgang, Tilgangsforesporsel, Virksomhet

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponse)


@dataclass(frozen=True, slots=True)
class Rettigheter:
    virksomhet: Virksomhet
    kan_se_statistikk: bool
    er_administrator: bool


class IngenTilgang(Exception):
    """The user has no tie to the virksomhet (or it does not exist): the same answer for both."""


def virksomheter_for(bruker: User | AnonymousUser) -> list[Rettigheter]:
    """The virksomheter the user is tied to, by name."""
    if not bruker.is_authenticated:
        return []
    tilganger = Tilgang.objects.filter(bruker=bruker).select_related("virksomhet")
    return sorted(
        (
            Rettigheter(t.virksomhet, t.kan_se_statistikk or t.er_administrator, t.er_administrator)
            for t in tilganger
        ),
        key=lambda r: (r.virksomhet.navn, r.virksomhet.orgnr),
    )


def rettigheter(bruker: User | AnonymousUser, orgnr: str) -> Rettigheter:
    if not bruker.is_authenticated:
        raise IngenTilgang(orgnr)
    tilgang = (
        Tilgang.objects.filter(bruker=bruker, virksomhet_id=orgnr)
        .select_related("virksomhet")
        .first()
    )
    if tilgang is None:
        raise IngenTilgang(orgnr)
    # An administrator grants the right, so always has it.
    return Rettigheter(
        tilgang.virksomhet,
        kan_se_statistikk=tilgang.kan_se_statistikk or tilgang.er_administrator,
        er_administrator=tilgang.er_administrator,
    )


def med_virksomhet(
    visning: Callable[Concatenate[HttpRequest, Rettigheter, P], R],
) -> Callable[..., HttpResponse]:
    """A view of one virksomhet: logged in, tied to it, or 404. The view gets the rights."""

    @login_required
    @functools.wraps(visning)
    def innpakket(
        request: HttpRequest, orgnr: str, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        try:
            tilgang = rettigheter(request.user, orgnr)
        except IngenTilgang:
            raise Http404("Ingen virksomhet med dette organisasjonsnummeret") from None
        svar = visning(request, tilgang, *args, **kwargs)
        # A virksomhet's pages hold its figures: no shared cache keeps them, nor the browser's.
        patch_cache_control(svar, private=True, no_store=True)
        return svar

    return innpakket


def administratorer(virksomhet: Virksomhet) -> list[User]:
    return [
        t.bruker
        for t in Tilgang.objects.filter(virksomhet=virksomhet, er_administrator=True)
        .select_related("bruker")
        .order_by("bruker__email")
    ]


def ventende_foresporsler(administrator: Rettigheter) -> list[Tilgangsforesporsel]:
    if not administrator.er_administrator:
        return []
    return list(
        Tilgangsforesporsel.objects.filter(
            virksomhet=administrator.virksomhet, status=Tilgangsforesporsel.Status.VENTER
        ).select_related("bruker")
    )


class IkkeAdministrator(Exception):
    pass


@transaction.atomic
def behandle(
    foresporsel_id: int,
    administrator: Rettigheter,
    behandler: User,
    *,
    innvilg: bool,
) -> Tilgangsforesporsel:
    """Grant or refuse a waiting request of the administrator's own virksomhet."""
    if not administrator.er_administrator:
        raise IkkeAdministrator(administrator.virksomhet.orgnr)
    foresporsel = (
        Tilgangsforesporsel.objects.select_for_update()
        .filter(
            pk=foresporsel_id,
            virksomhet=administrator.virksomhet,
            status=Tilgangsforesporsel.Status.VENTER,
        )
        .first()
    )
    if foresporsel is None:
        raise Http404("Fant ingen ventende forespørsel")
    foresporsel.status = (
        Tilgangsforesporsel.Status.INNVILGET if innvilg else Tilgangsforesporsel.Status.AVSLATT
    )
    foresporsel.behandlet = timezone.now()
    foresporsel.behandlet_av_id = behandler.pk
    foresporsel.save(update_fields=["status", "behandlet", "behandlet_av"])
    if innvilg:
        Tilgang.objects.update_or_create(
            bruker_id=foresporsel.bruker_id,
            virksomhet=administrator.virksomhet,
            defaults={"kan_se_statistikk": True},
        )
    return foresporsel


def virksomhetsdata(virksomhet: Virksomhet) -> Virksomhetsdata:
    return Virksomhetsdata(
        orgnr=virksomhet.orgnr,
        navn=virksomhet.navn,
        overordnet_orgnr=virksomhet.overordnet_orgnr,
        naeringskode=virksomhet.naeringskode,
        sektor=virksomhet.sektor,
        kommunenummer=virksomhet.kommunenummer,
    )


def innlogget(request: HttpRequest) -> User:
    """The logged-in user of a view behind ``login_required``."""
    if not isinstance(request.user, User):
        raise PermissionError("visningen krever innlogging")
    return request.user


def brukere_med_tilgang(administrator: Rettigheter) -> list[Tilgang]:
    """Everyone tied to the administrator's virksomhet, for the page where access is taken away."""
    if not administrator.er_administrator:
        return []
    return list(
        Tilgang.objects.filter(virksomhet=administrator.virksomhet)
        .select_related("bruker")
        .order_by("-er_administrator", "bruker__email")
    )


class SisteAdministrator(Exception):
    """A virksomhet must keep one administrator, or nobody could grant access again."""


@transaction.atomic
def fjern_tilgang(tilgang_id: int, administrator: Rettigheter) -> Tilgang:
    """Take a user's tie to the administrator's virksomhet away (someone who left or moved)."""
    if not administrator.er_administrator:
        raise IkkeAdministrator(administrator.virksomhet.orgnr)
    tilgang = (
        Tilgang.objects.select_for_update()
        .select_related("bruker")
        .filter(pk=tilgang_id, virksomhet=administrator.virksomhet)
        .first()
    )
    if tilgang is None:
        raise Http404("Fant ingen slik tilgang")
    if (
        tilgang.er_administrator
        and not Tilgang.objects.filter(virksomhet=administrator.virksomhet, er_administrator=True)
        .exclude(pk=tilgang.pk)
        .exists()
    ):
        raise SisteAdministrator(administrator.virksomhet.orgnr)
    tilgang.delete()
    return tilgang
