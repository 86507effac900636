"""The follow-up pages: the worklist, a case with its timeline and tasks, the employee's own
follow-up, and the figures for the verneombud and the tillitsvalgt.

Access goes through ``tilgang`` and ``roller``; every page with person-level data writes its
audit lines (``logg``, ``se_ansatt``, ``egen_ansatt``). Before reading, the cases whose employee
is back are closed (``synk.avslutt_ferdige``): days passing close cases with no absence written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from naervaer.oppfolging.varseltekst import oppgavetittel
from naervaer.statistikk.maskering import Terskel
from naervaer.statistikk.publisering import kort_datotekst
from naervaer.web.oppfolging import handlinger, roller, visning
from naervaer.web.oppfolging.forms import INGEN_HELSE, SKJEMAER, Oppgaveskjema
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.oppfolging.synk import avslutt_ferdige, egenmeldingsregel, idag
from naervaer.web.virksomheter.tilgang import (
    Rettigheter,
    egen_ansatt,
    innlogget,
    kan_se_ansatt,
    krev,
    logg,
    med_virksomhet,
    se_ansatt,
    synlige_ansatte,
)

PER_SIDE = 50

VISNINGER = {"alle": "Alle jeg følger opp", "mine": "Der jeg er ansvarlig leder"}

HVA_LISTE = "så oppfølgingslisten"
HVA_TILFELLE = "så oppfølgingen av et sykefraværstilfelle"
HVA_HANDLING = {
    "utfort": "markerte en oppfølgingsoppgave som utført",
    "utsett": "utsatte en oppfølgingsoppgave",
    "unodvendig": "markerte en oppfølgingsoppgave som åpenbart unødvendig",
    "angre": "angret en endring av en oppfølgingsoppgave",
}


def _kontekst(tilgang: Rettigheter, **andre: Any) -> dict[str, Any]:
    return {"tilgang": tilgang, "virksomhet": tilgang.virksomhet, **andre}


# --- The worklist -----------------------------------------------------------------------------


@require_safe
@med_virksomhet
def liste(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The open cases of the people the user follows up, by the next deadline."""
    krev(roller.ser_oppfolging(tilgang))
    dag = idag()
    avslutt_ferdige(tilgang.virksomhet, dag)
    vis = request.GET.get("vis", "alle")
    if vis not in VISNINGER:
        vis = "alle"
    bare_forfalte = request.GET.get("forfalte") == "1"
    ansatte = synlige_ansatte(tilgang, dag)
    if tilgang.eget_ansatt_id is not None:
        # Nobody follows up their own case; it is on «Min oppfølging».
        ansatte = ansatte.exclude(pk=tilgang.eget_ansatt_id)
    arbeidsliste = visning.arbeidsliste(
        tilgang.virksomhet,
        ansatte,
        dag,
        tilgang.bruker_id,
        bare_mine=vis == "mine",
        bare_forfalte=bare_forfalte,
    )
    side = Paginator(arbeidsliste.rader, PER_SIDE).get_page(request.GET.get("side"))
    logg(
        request,
        tilgang,
        [r.ansatt for r in side] + [r.ansatt for r in arbeidsliste.tilbake],
        HVA_LISTE,
    )
    return render(
        request,
        "oppfolging/liste.html",
        _kontekst(
            tilgang,
            liste=arbeidsliste,
            side=side,
            vis=vis,
            visninger=VISNINGER,
            bare_forfalte=bare_forfalte,
            dag=dag,
            ser_tall=roller.ser_tall(tilgang),
        ),
    )


# --- One case ---------------------------------------------------------------------------------


def _tilfelle(
    request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int, hva: str | None
) -> Tilfelle:
    """A case of someone the user follows up (not the user's own), logged as ``hva`` (the
    caller logs when None); else 404."""
    krev(roller.ser_oppfolging(tilgang))
    tilfelle = (
        visning.med_oppgaver(Tilfelle.objects.filter(ansatt__virksomhet=tilgang.virksomhet))
        .filter(pk=tilfelle_id)
        .first()
    )
    if (
        tilfelle is None
        or tilfelle.ansatt_id == tilgang.eget_ansatt_id
        or not kan_se_ansatt(tilgang, tilfelle.ansatt_id)
    ):
        raise Http404("Ingen slik sak")
    if hva is not None:
        se_ansatt(request, tilgang, tilfelle.ansatt_id, hva)
    return tilfelle


@dataclass
class Oppgavekort:
    """A task on the case page with its forms; ``apen`` names the form to show open (the one
    with errors), ``melding`` what was just saved (after an htmx request)."""

    visning: visning.Oppgavevisning
    skjemaer: dict[str, Oppgaveskjema]
    apen: str = ""
    melding: str = ""


def _kort(
    oppgave: visning.Oppgavevisning,
    tilfelle: Tilfelle,
    dag: date,
    bundet: tuple[str, Oppgaveskjema] | None = None,
    melding: str = "",
) -> Oppgavekort:
    skjemaer: dict[str, Oppgaveskjema] = {}
    if oppgave.er_apen and not oppgave.gjelder_ikke:
        prefiks = f"o{oppgave.oppgave.pk}"
        for navn, skjema in SKJEMAER.items():
            if navn == "unodvendig" and not oppgave.kan_vaere_unodvendig:
                continue
            initial = {"dato": dag} if navn == "utfort" else {}
            skjemaer[navn] = skjema(prefix=prefiks, fra=tilfelle.fra_dato, dag=dag, initial=initial)
    if bundet is not None:
        skjemaer[bundet[0]] = bundet[1]
    return Oppgavekort(oppgave, skjemaer, bundet[0] if bundet else "", melding)


def _tilfelleside(
    request: HttpRequest,
    tilgang: Rettigheter,
    tilfelle: Tilfelle,
    bundet: tuple[int, str, Oppgaveskjema] | None = None,
    status: int = 200,
) -> HttpResponse:
    dag = idag()
    data = visning.tilfellevisning(tilfelle, dag, egenmeldingsregel(tilgang.virksomhet, dag))
    kort = [
        _kort(
            o,
            tilfelle,
            dag,
            (bundet[1], bundet[2]) if bundet and bundet[0] == o.oppgave.pk else None,
        )
        for o in data.oppgaver
    ]
    return render(
        request,
        "oppfolging/tilfelle.html",
        _kontekst(
            tilgang,
            data=data,
            kort=kort,
            dag=dag,
            ingen_helse=INGEN_HELSE,
            fravaer_url=reverse("fravaer:ansatt", args=[tilgang.virksomhet.pk, tilfelle.ansatt_id]),
        ),
        status=status,
    )


@require_safe
@med_virksomhet
def tilfelle(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    dag = idag()
    avslutt_ferdige(tilgang.virksomhet, dag)
    return _tilfelleside(request, tilgang, _tilfelle(request, tilgang, tilfelle_id, HVA_TILFELLE))


def _lagret(oppgave: Oppgave) -> str:
    tittel = oppgavetittel(oppgave.kode)
    if oppgave.status == Oppgave.Status.UTFORT and oppgave.utfort_dato:
        return f"«{tittel}» er markert som utført {kort_datotekst(oppgave.utfort_dato)}."
    if oppgave.status == Oppgave.Status.UTSATT and oppgave.utsatt_til:
        return f"«{tittel}» er utsatt til {kort_datotekst(oppgave.utsatt_til)}."
    if oppgave.status == Oppgave.Status.UNODVENDIG:
        return f"«{tittel}» er markert som åpenbart unødvendig."
    return f"«{tittel}» er åpen igjen."


@require_POST
@med_virksomhet
def oppgave(
    request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int, oppgave_id: int
) -> HttpResponse:
    """Record what became of a task. With htmx the answer is the task alone; without, the case
    page again (after a redirect when it was saved)."""
    dag = idag()
    with transaction.atomic():
        # Access first: a role without it learns nothing, not even what a valid form is.
        tilfelle = _tilfelle(request, tilgang, tilfelle_id, None)
        handling = request.POST.get("handling", "")
        if handling not in HVA_HANDLING:
            return HttpResponseBadRequest("Ukjent handling")
        rad = (
            Oppgave.objects.select_for_update()
            .select_related("tilfelle")
            .filter(pk=oppgave_id, tilfelle=tilfelle)
            .first()
        )
        if rad is None:
            raise Http404("Ingen slik oppgave")
        bruker = innlogget(request)
        skjema: Oppgaveskjema | None = None
        feil = ""
        try:
            if handling == "angre":
                handlinger.angre(rad, bruker)
            else:
                skjema = SKJEMAER[handling](
                    request.POST, prefix=f"o{rad.pk}", fra=tilfelle.fra_dato, dag=dag
                )
                if skjema.is_valid():
                    _utfor(handling, rad, bruker, skjema.cleaned_data)
                    skjema = None
        except handlinger.IkkeTillatt as e:
            feil = str(e)
        # What was done when it was saved; else only that the case was seen again.
        lagret = skjema is None and not feil
        logg(
            request, tilgang, [tilfelle.ansatt], HVA_HANDLING[handling] if lagret else HVA_TILFELLE
        )
    htmx = request.headers.get("HX-Request") == "true"
    if skjema is None and not feil:
        melding = _lagret(rad)
        if htmx:
            return _oppgavesvar(request, tilgang, tilfelle, rad, dag, melding=melding)
        messages.success(request, melding)
        return redirect(
            reverse("oppfolging:tilfelle", args=[tilgang.virksomhet.pk, tilfelle.pk])
            + f"#oppgave-{rad.pk}"
        )
    if feil:
        if htmx:
            return _oppgavesvar(request, tilgang, tilfelle, rad, dag, melding=feil)
        messages.error(request, feil)
        return redirect("oppfolging:tilfelle", orgnr=tilgang.virksomhet.pk, tilfelle_id=tilfelle.pk)
    assert skjema is not None
    if htmx:
        return _oppgavesvar(request, tilgang, tilfelle, rad, dag, bundet=(handling, skjema))
    return _tilfelleside(request, tilgang, tilfelle, (rad.pk, handling, skjema), status=400)


def _utfor(handling: str, rad: Oppgave, bruker: User, data: dict[str, Any]) -> None:
    if handling == "utfort":
        handlinger.marker_utfort(rad, bruker, data["dato"], data["notat"])
    elif handling == "utsett":
        handlinger.utsett(rad, bruker, data["ny_frist"], data["grunn"])
    else:
        handlinger.marker_unodvendig(rad, bruker, data["grunn"])


def _oppgavesvar(
    request: HttpRequest,
    tilgang: Rettigheter,
    tilfelle: Tilfelle,
    rad: Oppgave,
    dag: date,
    *,
    melding: str = "",
    bundet: tuple[str, Oppgaveskjema] | None = None,
) -> HttpResponse:
    rad.refresh_from_db()
    o = visning.oppgavevisning(rad, tilfelle, dag)
    return render(
        request,
        "oppfolging/oppgave.html",
        _kontekst(
            tilgang,
            k=_kort(o, tilfelle, dag, bundet, melding),
            data={"tilfelle": tilfelle},
            kan_endre=True,
            ingen_helse=INGEN_HELSE,
            dag=dag,
        ),
    )


# --- The employee's own -----------------------------------------------------------------------


@require_safe
@med_virksomhet
def mitt(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The employee's own cases, their deadlines and what became of the tasks; read only."""
    krev(roller.ser_egen(tilgang))
    ansatt = egen_ansatt(request, tilgang, "så egen oppfølging")
    dag = idag()
    avslutt_ferdige(tilgang.virksomhet, dag)
    regel = egenmeldingsregel(tilgang.virksomhet, dag)
    tilfeller = visning.med_oppgaver(
        Tilfelle.objects.filter(ansatt=ansatt).order_by(
            F("avsluttet").desc(nulls_first=True), "-fra_dato"
        )
    )
    return render(
        request,
        "oppfolging/mitt.html",
        _kontekst(
            tilgang,
            ansatt=ansatt,
            tilfeller=[visning.tilfellevisning(t, dag, regel) for t in tilfeller],
            dag=dag,
        ),
    )


# --- The figures ------------------------------------------------------------------------------


@require_safe
@med_virksomhet
def tall(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """Open cases and overdue tasks per department, with no person in them."""
    krev(roller.ser_tall(tilgang))
    dag = idag()
    avslutt_ferdige(tilgang.virksomhet, dag)
    terskel = Terskel(settings.NAERVAER_MASKERINGSTERSKEL)
    return render(
        request,
        "oppfolging/tall.html",
        _kontekst(
            tilgang,
            tall=visning.tall(tilgang.virksomhet, dag, terskel),
            terskel=terskel.antall_personer,
            dag=dag,
            ser_liste=roller.ser_oppfolging(tilgang),
        ),
    )
