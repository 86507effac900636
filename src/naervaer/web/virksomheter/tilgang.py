"""Who may see and do what: the one place that decides it.

Every view, download and API call that touches a virksomhet goes through ``rettigheter`` (or the
``med_virksomhet`` decorator built on it). A user without any tie to a virksomhet gets 404, so
nobody learns which virksomheter use Nærvær; a user tied to it without the statistics right sees
the benchmarks only, as on NAV's service.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from naervaer.statistikk.oversikt import Virksomhetsdata
from naervaer.web.virksomheter.models import Rolle, Tilgang, Tilgangsforesporsel, Virksomhet

if TYPE_CHECKING:
    from naervaer.web.egendata.models import Ansatt

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponse)


LEDER_SER_SLUTTET_I = timedelta(days=183)
"""How long after an employment in the leader's department ended the leader still sees the
person: the follow-up of a case can outlast a move to another department."""

PERSONROLLER = frozenset({Rolle.ADMINISTRATOR, Rolle.HR})
STATISTIKKROLLER = frozenset(
    {
        Rolle.ADMINISTRATOR,
        Rolle.HR,
        Rolle.LEDER,
        Rolle.VERNEOMBUD,
        Rolle.TILLITSVALGT,
        Rolle.STATISTIKK,
    }
)


@dataclass(frozen=True, slots=True)
class Rettigheter:
    """What one user may see and do in one virksomhet, decided from the role in one place."""

    virksomhet: Virksomhet
    rolle: Rolle
    bruker_id: int | None = None
    ledede_avdelinger: frozenset[int] = frozenset()
    """The departments the user leads, with every department below them."""
    eget_ansatt_id: int | None = None
    """The user's own employee row in this virksomhet, if the user is an employee there."""

    @property
    def kan_se_statistikk(self) -> bool:
        """The virksomhet's own (masked) statistics, as on NAV's service."""
        return self.rolle in STATISTIKKROLLER

    @property
    def er_administrator(self) -> bool:
        return self.rolle == Rolle.ADMINISTRATOR

    @property
    def ser_alle_personer(self) -> bool:
        """Person-level data for the whole virksomhet (administrator and HR)."""
        return self.rolle in PERSONROLLER

    @property
    def ser_personer(self) -> bool:
        """Person-level data for someone other than oneself."""
        return self.ser_alle_personer or (
            self.rolle == Rolle.LEDER and bool(self.ledede_avdelinger)
        )

    @property
    def ser_alle_avdelinger(self) -> bool:
        """Statistics for every department (masked): all statistics roles except the leader."""
        return self.kan_se_statistikk and self.rolle != Rolle.LEDER

    @property
    def kan_importere(self) -> bool:
        return self.ser_alle_personer

    @property
    def kan_registrere(self) -> bool:
        """Register absence for the people one sees (a leader for their own people)."""
        return self.ser_personer

    @property
    def kan_lese_revisjonslogg(self) -> bool:
        return self.er_administrator

    @property
    def kan_tildele_roller(self) -> bool:
        return self.er_administrator

    @property
    def er_ansatt_her(self) -> bool:
        return self.eget_ansatt_id is not None

    def ser_avdeling(self, avdeling_id: int) -> bool:
        return self.ser_alle_avdelinger or avdeling_id in self.ledede_avdelinger


class IngenTilgang(Exception):
    """The user has no tie to the virksomhet (or it does not exist): the same answer for both."""


def _rettigheter(tilgang: Tilgang) -> Rettigheter:
    from naervaer.web.egendata.models import Ansatt, Avdeling

    rolle = Rolle(tilgang.rolle)
    ledede: frozenset[int] = frozenset()
    if rolle == Rolle.LEDER:
        ledede = _med_underavdelinger(
            tilgang.virksomhet_id,
            set(
                Avdeling.objects.filter(
                    virksomhet_id=tilgang.virksomhet_id, ledere=tilgang.bruker_id
                ).values_list("pk", flat=True)
            ),
        )
    eget = (
        Ansatt.objects.filter(virksomhet_id=tilgang.virksomhet_id, bruker_id=tilgang.bruker_id)
        .values_list("pk", flat=True)
        .first()
    )
    return Rettigheter(tilgang.virksomhet, rolle, tilgang.bruker_id, ledede, eget)


def _med_underavdelinger(orgnr: str, topp: set[int]) -> frozenset[int]:
    from naervaer.web.egendata.models import Avdeling

    if not topp:
        return frozenset()
    barn: dict[int | None, list[int]] = {}
    for pk, overordnet in Avdeling.objects.filter(virksomhet_id=orgnr).values_list(
        "pk", "overordnet_id"
    ):
        barn.setdefault(overordnet, []).append(pk)
    alle, ko = set(topp), list(topp)
    while ko:
        for under in barn.get(ko.pop(), []):
            if under not in alle:
                alle.add(under)
                ko.append(under)
    return frozenset(alle)


def virksomheter_for(bruker: User | AnonymousUser) -> list[Rettigheter]:
    """The virksomheter the user is tied to, by name."""
    if not bruker.is_authenticated:
        return []
    tilganger = Tilgang.objects.filter(bruker=bruker).select_related("virksomhet")
    return sorted(
        (Rettigheter(t.virksomhet, Rolle(t.rolle), t.bruker_id) for t in tilganger),
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
    return _rettigheter(tilgang)


def krev(tillatt: bool) -> None:
    """A right the role lacks answers 404, like a page that is not there."""
    if not tillatt:
        raise Http404("Ingen slik side")


def synlige_ansatte(r: Rettigheter, dag: date | None = None) -> QuerySet[Ansatt]:
    """The employees whose person-level data the user may see (never including oneself by
    virtue of being oneself: that goes through ``egen_ansatt``)."""
    from naervaer.web.egendata.models import Ansatt

    alle = Ansatt.objects.filter(virksomhet=r.virksomhet)
    if r.ser_alle_personer:
        return alle
    if r.rolle != Rolle.LEDER or not r.ledede_avdelinger:
        return alle.none()
    grense = (dag or timezone.localdate()) - LEDER_SER_SLUTTET_I
    return alle.filter(
        Q(arbeidsforhold__til_dato__isnull=True) | Q(arbeidsforhold__til_dato__gte=grense),
        arbeidsforhold__avdeling_id__in=r.ledede_avdelinger,
    ).distinct()


def kan_se_ansatt(r: Rettigheter, ansatt_id: int) -> bool:
    return ansatt_id == r.eget_ansatt_id or synlige_ansatte(r).filter(pk=ansatt_id).exists()


def se_ansatt(request: HttpRequest, r: Rettigheter, ansatt_id: int, hva: str) -> Ansatt:
    """One employee's person-level data, for a user allowed to see it: logged, or 404."""
    from naervaer.web.egendata.models import Ansatt

    if not kan_se_ansatt(r, ansatt_id):
        raise Http404("Ingen slik ansatt")
    ansatt = Ansatt.objects.get(pk=ansatt_id, virksomhet=r.virksomhet)
    logg(request, r, [ansatt], hva)
    return ansatt


def egen_ansatt(request: HttpRequest, r: Rettigheter, hva: str) -> Ansatt:
    """The user's own employee row (the ansatt's own history), logged like any other view."""
    if r.eget_ansatt_id is None:
        raise Http404("Du er ikke registrert som ansatt i denne virksomheten")
    return se_ansatt(request, r, r.eget_ansatt_id, hva)


def logg(request: HttpRequest | None, r: Rettigheter, ansatte: Iterable[Ansatt], hva: str) -> None:
    """Write one audit line per employee whose person-level data the user sees or changes."""
    from naervaer.web.revisjon.models import Hendelse

    bruker = request.user if request is not None else None
    epost = bruker.email if isinstance(bruker, User) else "system"
    sti = request.get_full_path()[:300] if request is not None else ""
    Hendelse.objects.bulk_create(
        Hendelse(
            virksomhet=r.virksomhet,
            bruker_id=r.bruker_id,
            bruker_epost=epost,
            ansatt=a,
            ansattnummer=a.ansattnummer,
            hva=hva[:200],
            sti=sti,
        )
        for a in ansatte
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
        for t in Tilgang.objects.filter(virksomhet=virksomhet, rolle=Rolle.ADMINISTRATOR)
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
        tilgang, _ = Tilgang.objects.get_or_create(
            bruker_id=foresporsel.bruker_id, virksomhet=administrator.virksomhet
        )
        # The request asks for the statistics; a user who already has more keeps it.
        if tilgang.rolle == Rolle.ANSATT:
            tilgang.rolle = Rolle.STATISTIKK
            tilgang.save(update_fields=["rolle"])
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
        .order_by("bruker__email")
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
        tilgang.rolle == Rolle.ADMINISTRATOR
        and not Tilgang.objects.filter(
            virksomhet=administrator.virksomhet, rolle=Rolle.ADMINISTRATOR
        )
        .exclude(pk=tilgang.pk)
        .exists()
    ):
        raise SisteAdministrator(administrator.virksomhet.orgnr)
    tilgang.delete()
    return tilgang


class UkjentAnsattnummer(ValueError):
    """The administrator tied a user to an employee number the virksomhet does not have."""


@transaction.atomic
def sett_rolle(
    tilgang_id: int,
    administrator: Rettigheter,
    rolle: Rolle,
    avdeling_ids: Iterable[int] = (),
    ansattnummer: str = "",
) -> Tilgang:
    """Give a user a role, the departments they lead, and the employee they are.

    Departments count only for a leader: a user who stops being a leader leads nothing, so no
    stale tie gives person-level data. The last administrator cannot step down.
    """
    from naervaer.web.egendata.models import Ansatt, Avdeling

    if not administrator.kan_tildele_roller:
        raise IkkeAdministrator(administrator.virksomhet.orgnr)
    virksomhet = administrator.virksomhet
    tilgang = (
        Tilgang.objects.select_for_update()
        .select_related("bruker")
        .filter(pk=tilgang_id, virksomhet=virksomhet)
        .first()
    )
    if tilgang is None:
        raise Http404("Fant ingen slik tilgang")
    if (
        tilgang.rolle == Rolle.ADMINISTRATOR
        and rolle != Rolle.ADMINISTRATOR
        and not Tilgang.objects.filter(virksomhet=virksomhet, rolle=Rolle.ADMINISTRATOR)
        .exclude(pk=tilgang.pk)
        .exists()
    ):
        raise SisteAdministrator(virksomhet.orgnr)
    ansatt = None
    if ansattnummer.strip():
        ansatt = Ansatt.objects.filter(
            virksomhet=virksomhet, ansattnummer=ansattnummer.strip()
        ).first()
        if ansatt is None:
            raise UkjentAnsattnummer(ansattnummer.strip())
    tilgang.rolle = rolle
    tilgang.save(update_fields=["rolle"])

    bruker = tilgang.bruker
    ledede = Avdeling.ledere.through.objects.filter(
        user_id=bruker.pk, avdeling__virksomhet=virksomhet
    )
    ledede.delete()
    if rolle == Rolle.LEDER:
        valgte = Avdeling.objects.filter(virksomhet=virksomhet, pk__in=list(avdeling_ids))
        Avdeling.ledere.through.objects.bulk_create(
            Avdeling.ledere.through(avdeling_id=a.pk, user_id=bruker.pk) for a in valgte
        )
    tidligere = Ansatt.objects.filter(virksomhet=virksomhet, bruker=bruker)
    if ansatt is not None:
        tidligere = tidligere.exclude(pk=ansatt.pk)
    tidligere.update(bruker=None)
    if ansatt is not None and ansatt.bruker_id != bruker.pk:
        # One employee is one user: whoever had this employee before loses the tie.
        ansatt.bruker = bruker
        ansatt.save(update_fields=["bruker"])
    return tilgang


class HarAlleredeTilgang(ValueError):
    pass


@transaction.atomic
def legg_til_bruker(administrator: Rettigheter, epost: str, rolle: Rolle) -> tuple[Tilgang, bool]:
    """Tie a person to the virksomhet by e-mail, creating the user if Nærvær does not know it.

    Answers the tie and whether the user is new (and so needs an invitation to set a password).
    """
    from django.contrib.auth import get_user_model

    if not administrator.kan_tildele_roller:
        raise IkkeAdministrator(administrator.virksomhet.orgnr)
    epost = epost.strip().lower()
    Bruker = get_user_model()
    bruker = Bruker.objects.filter(email__iexact=epost).first()
    ny = bruker is None
    if bruker is None:
        bruker = Bruker(username=epost, email=epost)
        bruker.set_unusable_password()
        bruker.save()
    elif Tilgang.objects.filter(bruker=bruker, virksomhet=administrator.virksomhet).exists():
        raise HarAlleredeTilgang(epost)
    tilgang = Tilgang.objects.create(
        bruker=bruker, virksomhet=administrator.virksomhet, rolle=rolle
    )
    return tilgang, ny
