"""Quick registration of absence, the person pages and the virksomhet's egenmelding rule.

Every page that shows a person's absence goes through ``tilgang`` (``se_ansatt``, ``egen_ansatt``
or ``logg``), which decides and writes the audit line. Every write sends ``fravaer_endret``
inside its transaction, so the cases and the own statistics follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from naervaer.oppfolging.egenmelding import IA_REGEL, LOVENS_REGEL
from naervaer.oppfolging.kvote import Advarsel, Status
from naervaer.oppfolging.regler import FTRL_8_24, REGELVERK
from naervaer.statistikk.publisering import kort_datotekst
from naervaer.web.egendata.models import Ansatt, Fravaer
from naervaer.web.egendata.signaler import send_fravaer_endret
from naervaer.web.fravaer import personfravaer, regel
from naervaer.web.fravaer.forms import (
    Fravaerskjema,
    Regelskjema,
    Registreringsskjema,
    Tilbakeskjema,
    periodetekst,
)
from naervaer.web.virksomheter.tilgang import (
    Rettigheter,
    egen_ansatt,
    innlogget,
    krev,
    logg,
    med_virksomhet,
    se_ansatt,
    synlige_ansatte,
)

PER_SIDE = 50
VALGLISTE_MAKS = 30
SOK_FRA = 12
"""With more employees than this to choose among, the registration offers a search."""

TYPENAVN = {"egenmelding": "Egenmelding", "sykmelding": "Sykmelding"}


def _idag() -> date:
    return timezone.localdate()


def _kontekst(tilgang: Rettigheter, **andre: Any) -> dict[str, Any]:
    return {"tilgang": tilgang, "virksomhet": tilgang.virksomhet, **andre}


# --- Choosing the employee ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ansattvalg:
    ansatte: list[Ansatt]
    antall: int
    """How many match the search; more than are listed when the list is cut."""
    sok: str
    valgt_id: int | None
    vis_sok: bool


def _som_id(verdi: object) -> int | None:
    try:
        return int(str(verdi))
    except ValueError:
        return None


def _ansattvalg(tilgang: Rettigheter, sok: str, valgt: object) -> Ansattvalg:
    alle = synlige_ansatte(tilgang).order_by("navn", "ansattnummer")
    sok = sok.strip()[:100]
    treff = alle
    if sok:
        treff = alle.filter(Q(navn__icontains=sok) | Q(ansattnummer__istartswith=sok))
    liste = list(treff[:VALGLISTE_MAKS])
    valgt_id = _som_id(valgt)
    if valgt_id is not None and all(a.pk != valgt_id for a in liste):
        # The chosen one stays on the list while the user searches for nobody else.
        valgt_ansatt = alle.filter(pk=valgt_id).first()
        if valgt_ansatt is None:
            valgt_id = None
        else:
            liste.insert(0, valgt_ansatt)
    antall_alle = alle.count()
    if antall_alle == 1 and valgt_id is None:
        valgt_id = liste[0].pk
    return Ansattvalg(
        ansatte=liste,
        antall=treff.count() if sok else antall_alle,
        sok=sok,
        valgt_id=valgt_id,
        vis_sok=antall_alle > SOK_FRA,
    )


@med_virksomhet
@require_POST
def ansattvalg(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The list of employees to choose from, for the search while typing (names only)."""
    krev(tilgang.kan_registrere)
    valg = _ansattvalg(tilgang, request.POST.get("sok", ""), request.POST.get("ansatt"))
    return render(request, "fravaer/ansattvalg.html", _kontekst(tilgang, valg=valg))


# --- Registering -------------------------------------------------------------------------------


def _las_ansatt(virksomhet_id: str, ansatt_id: object) -> None:
    """Lock the employee's row: two registrations for one person wait for each other, so the
    overlap check and the insert see the same periods."""
    if (pk := _som_id(ansatt_id)) is not None:
        list(
            Ansatt.objects.select_for_update()
            .filter(pk=pk, virksomhet_id=virksomhet_id)
            .values_list("pk", flat=True)
        )


def _forhandsvisning(
    request: HttpRequest, tilgang: Rettigheter, skjema: Fravaerskjema, ansatt: Ansatt | None
) -> dict[str, Any]:
    """The chosen employee's quota beside the form: person-level data, so logged."""
    if ansatt is None:
        return {"person": None}
    se_ansatt(request, tilgang, ansatt.pk, "så egenmeldingskvoten ved registrering av fravær")
    return {"person": personfravaer.les(ansatt, skjema.regel, skjema.dag)}


@med_virksomhet
def registrer(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.kan_registrere)
    dag = _idag()
    egenregel = regel.regel_for(tilgang.virksomhet)
    ansatte = synlige_ansatte(tilgang)
    kilde = request.POST if request.method == "POST" else request.GET
    registrerer = request.method == "POST" and kilde.get("handling") != "sok"
    # From a person page the form is for that employee alone: no list to choose from.
    laast_id = _som_id(kilde.get("laast") if registrerer else request.GET.get("ansatt"))
    laast = ansatte.filter(pk=laast_id).first() if laast_id is not None else None
    if registrerer:
        skjema = Registreringsskjema(request.POST, ansatte=ansatte, regel=egenregel, dag=dag)
        with transaction.atomic():
            _las_ansatt(tilgang.virksomhet.orgnr, request.POST.get("ansatt"))
            fravaer = _lagre_ny(request, tilgang, skjema) if skjema.is_valid() else None
        if fravaer is not None:
            messages.success(
                request,
                f"{TYPENAVN[fravaer.type]} {periodetekst(fravaer.fra_dato, fravaer.til_dato)} "
                f"for {fravaer.ansatt.visningsnavn} er registrert.",
            )
            return redirect(
                "fravaer:ansatt", orgnr=tilgang.virksomhet.orgnr, ansatt_id=fravaer.ansatt_id
            )
    else:
        skjema = Registreringsskjema(ansatte=ansatte, regel=egenregel, dag=dag)
    sok = "" if registrerer else kilde.get("sok", "")
    valg = _ansattvalg(tilgang, sok, laast.pk if laast else kilde.get("ansatt"))
    valgt = laast or (ansatte.filter(pk=valg.valgt_id).first() if valg.valgt_id else None)
    if valgt is not None and not skjema.is_bound:
        # The warnings for the form as it stands (an egenmelding today) come before any tap.
        skjema.advarsler = _advarsler_for_standardvalg(skjema, ansatte, valgt)
    return render(
        request,
        "fravaer/registrer.html",
        _kontekst(
            tilgang,
            skjema=skjema,
            valg=valg,
            laast=laast,
            regel=egenregel,
            **_forhandsvisning(request, tilgang, skjema, valgt),
        ),
    )


def _advarsler_for_standardvalg(
    skjema: Registreringsskjema, ansatte: QuerySet[Ansatt], ansatt: Ansatt
) -> tuple[Advarsel, ...]:
    standard = {
        "ansatt": ansatt.pk,
        "type": skjema.valgt_type,
        "fra_dato": skjema.dag.isoformat(),
        "til_dato": skjema.dag.isoformat(),
    }
    proeve = Registreringsskjema(standard, ansatte=ansatte, regel=skjema.regel, dag=skjema.dag)
    proeve.is_valid()
    return proeve.advarsler


def _lagre_ny(
    request: HttpRequest, tilgang: Rettigheter, skjema: Registreringsskjema
) -> Fravaer | None:
    data = skjema.cleaned_data
    try:
        with transaction.atomic():
            fravaer = Fravaer.objects.create(
                ansatt=data["ansatt"],
                fra_dato=data["fra_dato"],
                til_dato=data["til_dato"],
                type=data["type"],
                grad=Decimal(data["grad"]),
                kilde=Fravaer.Kilde.REGISTRERT,
                registrert_av=innlogget(request),
            )
    except IntegrityError:
        # Only a registration made at the same moment by someone else gets here.
        skjema.add_error("fra_dato", "Perioden ble nettopp registrert av noen andre.")
        return None
    se_ansatt(request, tilgang, fravaer.ansatt_id, "registrerte fravær")
    send_fravaer_endret(tilgang.virksomhet, frozenset({fravaer.ansatt_id}))
    return fravaer


@med_virksomhet
@require_POST
def forhandsvis(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The quota and the warnings while the form is filled in (htmx, POST: dates stay out of
    addresses and logs)."""
    krev(tilgang.kan_registrere)
    dag = _idag()
    ansatte = synlige_ansatte(tilgang)
    skjema = Registreringsskjema(
        request.POST, ansatte=ansatte, regel=regel.regel_for(tilgang.virksomhet), dag=dag
    )
    skjema.is_valid()
    valgt = skjema.cleaned_data.get("ansatt")
    ansatt = valgt if isinstance(valgt, Ansatt) else None
    return render(
        request,
        "fravaer/forhandsvisning.html",
        _kontekst(
            tilgang,
            skjema=skjema,
            bare_visning=True,
            **_forhandsvisning(request, tilgang, skjema, ansatt),
        ),
    )


# --- The person pages --------------------------------------------------------------------------

VISNINGER = {
    "alle": "Alle",
    "borte": "Borte nå",
    "kvote": "Egenmeldingen nesten eller helt brukt opp",
}


@med_virksomhet
def ansatte(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The employees the user follows up, with where each stands today."""
    krev(tilgang.ser_personer)
    dag = _idag()
    egenregel = regel.regel_for(tilgang.virksomhet)
    sok = request.GET.get("sok", "").strip()[:100]
    vis = request.GET.get("vis", "alle")
    if vis not in VISNINGER:
        vis = "alle"
    utvalg: QuerySet[Ansatt] = synlige_ansatte(tilgang)
    if sok:
        utvalg = utvalg.filter(Q(navn__icontains=sok) | Q(ansattnummer__istartswith=sok))
    personer = personfravaer.les_mange(utvalg, egenregel, dag)
    if vis == "borte":
        personer = [p for p in personer if p.borte is not None]
    elif vis == "kvote":
        personer = [p for p in personer if p.kvote is not None and p.kvote.status != Status.OK]
    side = Paginator(personer, PER_SIDE).get_page(request.GET.get("side"))
    logg(request, tilgang, [p.ansatt for p in side], "så fraværsstatus i listen over ansatte")
    return render(
        request,
        "fravaer/ansatte.html",
        _kontekst(
            tilgang,
            side=side,
            sok=sok,
            vis=vis,
            visninger=VISNINGER,
            regel=egenregel,
            antall=len(personer),
        ),
    )


@med_virksomhet
def ansatt(request: HttpRequest, tilgang: Rettigheter, ansatt_id: int) -> HttpResponse:
    krev(tilgang.ser_personer)
    person = se_ansatt(request, tilgang, ansatt_id, "så fraværshistorikken")
    kan_endre = tilgang.kan_registrere and synlige_ansatte(tilgang).filter(pk=person.pk).exists()
    return _historikk(request, tilgang, person, egen=False, kan_endre=kan_endre)


@med_virksomhet
def mitt(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The employee's own history and quota, and nothing about anyone else."""
    person = egen_ansatt(request, tilgang, "så eget fravær")
    return _historikk(request, tilgang, person, egen=True, kan_endre=False)


def _historikk(
    request: HttpRequest, tilgang: Rettigheter, person: Ansatt, *, egen: bool, kan_endre: bool
) -> HttpResponse:
    dag = _idag()
    egenregel = regel.regel_for(tilgang.virksomhet)
    data = personfravaer.les(person, egenregel, dag)
    return render(
        request,
        "fravaer/ansatt.html",
        _kontekst(
            tilgang,
            person=data,
            tilfeller=data.tilfeller(egenregel),
            regel=egenregel,
            egen=egen,
            kan_endre=kan_endre,
            dag=dag,
        ),
    )


# --- Changing a registered period --------------------------------------------------------------


def _registrert(
    request: HttpRequest, tilgang: Rettigheter, fravaer_id: int
) -> Fravaer | HttpResponse:
    """A period the user may change, or the way back when it came from the payroll system."""
    krev(tilgang.kan_registrere)
    fravaer = (
        Fravaer.objects.select_related("ansatt")
        .filter(pk=fravaer_id, ansatt__virksomhet=tilgang.virksomhet)
        .first()
    )
    if fravaer is None or not synlige_ansatte(tilgang).filter(pk=fravaer.ansatt_id).exists():
        raise Http404("Ingen slik fraværsperiode")
    if fravaer.kilde != Fravaer.Kilde.REGISTRERT:
        messages.info(
            request,
            f"{TYPENAVN[fravaer.type]} {periodetekst(fravaer.fra_dato, fravaer.til_dato)} er "
            "importert fra lønnssystemet. Rett den der og importer på nytt, så blir den riktig "
            "her også.",
        )
        return _til_person(tilgang, fravaer.ansatt_id)
    return fravaer


def _til_person(tilgang: Rettigheter, ansatt_id: int) -> HttpResponse:
    return redirect("fravaer:ansatt", orgnr=tilgang.virksomhet.orgnr, ansatt_id=ansatt_id)


def _endret(request: HttpRequest, tilgang: Rettigheter, fravaer: Fravaer, hva: str) -> None:
    se_ansatt(request, tilgang, fravaer.ansatt_id, hva)
    send_fravaer_endret(tilgang.virksomhet, frozenset({fravaer.ansatt_id}))


@med_virksomhet
def endre(request: HttpRequest, tilgang: Rettigheter, fravaer_id: int) -> HttpResponse:
    """Extend or correct a registered period (a sick note that was extended, a wrong date)."""
    fravaer = _registrert(request, tilgang, fravaer_id)
    if isinstance(fravaer, HttpResponse):
        return fravaer
    dag = _idag()
    egenregel = regel.regel_for(tilgang.virksomhet)

    def skjema_for(*args: Any, **kwargs: Any) -> Fravaerskjema:
        return Fravaerskjema(
            *args, regel=egenregel, dag=dag, ansatt=fravaer.ansatt, endres=fravaer, **kwargs
        )

    if request.method == "POST":
        skjema = skjema_for(request.POST)
        with transaction.atomic():
            _las_ansatt(tilgang.virksomhet.orgnr, fravaer.ansatt_id)
            if skjema.is_valid() and _lagre_endring(fravaer, skjema):
                _endret(request, tilgang, fravaer, "endret fravær")
                messages.success(
                    request,
                    f"Perioden for {fravaer.ansatt.visningsnavn} er endret til "
                    f"{fravaer.type} {periodetekst(fravaer.fra_dato, fravaer.til_dato)}.",
                )
                return _til_person(tilgang, fravaer.ansatt_id)
    else:
        skjema = skjema_for(
            initial={
                "type": fravaer.type,
                "fra_dato": fravaer.fra_dato,
                "til_dato": fravaer.til_dato,
                "grad": int(fravaer.grad),
            }
        )
    se_ansatt(request, tilgang, fravaer.ansatt_id, "så fravær for å endre det")
    return render(
        request,
        "fravaer/endre.html",
        _kontekst(
            tilgang,
            skjema=skjema,
            fravaer=fravaer,
            regel=egenregel,
            person=personfravaer.les(fravaer.ansatt, egenregel, dag),
        ),
    )


def _lagre_endring(fravaer: Fravaer, skjema: Fravaerskjema) -> bool:
    data = skjema.cleaned_data
    fravaer.type = data["type"]
    fravaer.fra_dato = data["fra_dato"]
    fravaer.til_dato = data["til_dato"]
    fravaer.grad = Decimal(data["grad"])
    try:
        with transaction.atomic():
            fravaer.save()
    except IntegrityError:
        skjema.add_error("fra_dato", "Perioden ble nettopp endret av noen andre.")
        fravaer.refresh_from_db()
        return False
    return True


@med_virksomhet
def tilbake(request: HttpRequest, tilgang: Rettigheter, fravaer_id: int) -> HttpResponse:
    """Friskmeldt: the employee came back before the registered period ended."""
    fravaer = _registrert(request, tilgang, fravaer_id)
    if isinstance(fravaer, HttpResponse):
        return fravaer
    dag = _idag()
    if request.method == "POST":
        skjema = Tilbakeskjema(request.POST, fravaer=fravaer, dag=dag)
        if skjema.is_valid():
            forste_dag: date = skjema.cleaned_data["forste_dag"]
            with transaction.atomic():
                fravaer.til_dato = forste_dag - timedelta(days=1)
                fravaer.save(update_fields=["til_dato", "endret"])
                _endret(request, tilgang, fravaer, "registrerte at den ansatte er tilbake")
            messages.success(
                request,
                f"{fravaer.ansatt.visningsnavn} er tilbake på jobb {kort_datotekst(forste_dag)}. "
                f"Siste fraværsdag er {kort_datotekst(fravaer.til_dato)}.",
            )
            return _til_person(tilgang, fravaer.ansatt_id)
    else:
        skjema = Tilbakeskjema(fravaer=fravaer, dag=dag)
    se_ansatt(request, tilgang, fravaer.ansatt_id, "så fravær for å registrere tilbake på jobb")
    return render(
        request, "fravaer/tilbake.html", _kontekst(tilgang, skjema=skjema, fravaer=fravaer)
    )


@med_virksomhet
def slett(request: HttpRequest, tilgang: Rettigheter, fravaer_id: int) -> HttpResponse:
    """Delete a period registered by mistake; asks first."""
    fravaer = _registrert(request, tilgang, fravaer_id)
    if isinstance(fravaer, HttpResponse):
        return fravaer
    if request.method == "POST":
        with transaction.atomic():
            fravaer.delete()
            _endret(request, tilgang, fravaer, "slettet fravær")
        messages.success(
            request,
            f"{TYPENAVN[fravaer.type]} {periodetekst(fravaer.fra_dato, fravaer.til_dato)} for "
            f"{fravaer.ansatt.visningsnavn} er slettet.",
        )
        return _til_person(tilgang, fravaer.ansatt_id)
    se_ansatt(request, tilgang, fravaer.ansatt_id, "så fravær for å slette det")
    return render(request, "fravaer/slett.html", _kontekst(tilgang, fravaer=fravaer))


# --- The virksomhet's egenmelding rule ---------------------------------------------------------


@med_virksomhet
def egenmelding(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.er_administrator)
    dag = _idag()
    naa = regel.regel_for(tilgang.virksomhet)
    if request.method == "POST":
        skjema = Regelskjema(request.POST, dag=dag)
        if skjema.is_valid():
            ny = regel.regel_for_valg(
                regel.Valg(skjema.cleaned_data["valg"]), skjema.cleaned_data["dager"]
            )
            regel.lagre(tilgang.virksomhet, ny, dag)
            messages.success(request, f"Egenmeldingsregelen er nå {ny.navn}.")
            return redirect("fravaer:egenmelding", orgnr=tilgang.virksomhet.orgnr)
    else:
        valg = regel.valg_for(naa)
        skjema = Regelskjema(
            initial={
                "valg": valg.value,
                "dager": naa.dager_per_tilfelle if valg is regel.Valg.LOKAL else None,
            },
            dag=dag,
        )
    return render(
        request,
        "fravaer/egenmelding.html",
        _kontekst(
            tilgang,
            skjema=skjema,
            naa=naa,
            lov=LOVENS_REGEL,
            ia=IA_REGEL,
            maks=REGELVERK.sats("egenmelding_utvidet_maks_dager", dag),
            lov_8_24=FTRL_8_24,
        ),
    )
