"""The employee's own plan: the newest version the leader shared, the comments, and the button
that says «enig» to that exact version.

The employee never sees a version that was not shared with them, nor anyone else's plan. Every
page and step is audit-logged like the leader's (``egen_ansatt``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe

from naervaer.oppfolging.plan import INGEN_HELSE, INGEN_HELSE_FORKLART, TEKSTFELT
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolgingsplan import lagring
from naervaer.web.oppfolgingsplan.adgang import eget_tilfelle
from naervaer.web.oppfolgingsplan.forms import Kommentarskjema
from naervaer.web.oppfolgingsplan.status import Planstatus, status
from naervaer.web.virksomheter.tilgang import (
    Rettigheter,
    egen_ansatt,
    innlogget,
    krev,
    logg,
    med_virksomhet,
)

HVA_SE = "så egen oppfølgingsplan"
HVA_KOMMENTERE = "kommenterte egen oppfølgingsplan"
HVA_ENIG = "bekreftet enighet i egen oppfølgingsplan"


def _url(tilfelle: Tilfelle) -> str:
    return reverse(
        "oppfolgingsplan:mitt_tilfelle",
        kwargs={"orgnr": tilfelle.ansatt.virksomhet_id, "tilfelle_id": tilfelle.pk},
    )


def _side(
    request: HttpRequest,
    tilgang: Rettigheter,
    plan: Planstatus | None,
    andre: list[Planstatus],
    *,
    kommentarskjema: Kommentarskjema | None = None,
    status_kode: int = 200,
) -> HttpResponse:
    delt = plan.nyeste_delte if plan else None
    kontekst: dict[str, Any] = {
        "tilgang": tilgang,
        "virksomhet": tilgang.virksomhet,
        "plan": plan,
        "delt": delt,
        "innhold": delt.versjon.innhold() if delt else None,
        "dokument": (
            plan.dokument(delt, delt.versjon.lagret.date(), for_ansatt=True)
            if plan and delt
            else None
        ),
        # Only what was said on versions the employee was shown.
        "kommentarer": [
            k for k in (plan.kommentarer() if plan else []) if _vist(plan, k.versjon.nummer)
        ],
        "kommentarskjema": kommentarskjema or Kommentarskjema(),
        "andre": andre,
        "tekstfelt": {f.navn: f for f in TEKSTFELT},
        "ingen_helse": INGEN_HELSE,
        "ingen_helse_forklart": INGEN_HELSE_FORKLART,
    }
    return render(request, "oppfolgingsplan/mitt.html", kontekst, status=status_kode)


def _vist(plan: Planstatus | None, nummer: int) -> bool:
    """The employee has seen version ``nummer``: it, or a later one, was shared."""
    delt = plan.nyeste_delte if plan else None
    return delt is not None and nummer <= delt.nummer


def _egne_planer(tilgang: Rettigheter) -> list[Planstatus]:
    """The user's own cases that have a shared plan: the one going on first, then newest."""
    if tilgang.eget_ansatt_id is None:
        return []
    tilfeller = (
        Tilfelle.objects.select_related("ansatt", "ansatt__virksomhet")
        .filter(
            ansatt_id=tilgang.eget_ansatt_id,
            oppfolgingsplan__versjoner__deling__isnull=False,
        )
        .distinct()
        .order_by(F("avsluttet").desc(nulls_first=True), "-fra_dato")
    )
    return [status(t) for t in tilfeller]


@require_safe
@med_virksomhet
def mitt(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The plan of the employee's current (or latest) case, and links to earlier ones."""
    krev(tilgang.er_ansatt_her)
    egen_ansatt(request, tilgang, HVA_SE)
    planer = _egne_planer(tilgang)
    return _side(request, tilgang, planer[0] if planer else None, planer[1:])


@require_safe
@med_virksomhet
def mitt_tilfelle(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    tilfelle = eget_tilfelle(request, tilgang, tilfelle_id, HVA_SE)
    andre = [p for p in _egne_planer(tilgang) if p.tilfelle.pk != tilfelle.pk]
    return _side(request, tilgang, status(tilfelle), andre)


@sensitive_post_parameters()
@require_POST
@med_virksomhet
def mitt_kommenter(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    tilfelle = eget_tilfelle(request, tilgang, tilfelle_id, None)
    plan = status(tilfelle)
    delt = plan.nyeste_delte
    skjema = Kommentarskjema(request.POST)
    if delt is None or not skjema.is_valid():
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        if delt is None:
            messages.error(request, "Du kan kommentere når lederen har delt planen med deg.")
            return redirect(_url(tilfelle))
        return _side(request, tilgang, plan, [], kommentarskjema=skjema, status_kode=400)
    lagring.kommenter(
        delt.versjon, innlogget(request), skjema.cleaned_data["tekst"], fra_ansatt=True
    )
    logg(request, tilgang, [tilfelle.ansatt], HVA_KOMMENTERE)
    messages.success(request, "Kommentaren er lagret. Lederen din ser den sammen med planen.")
    return redirect(_url(tilfelle) + "#kommentarer")


@require_POST
@med_virksomhet
def mitt_enig(request: HttpRequest, tilgang: Rettigheter, tilfelle_id: int) -> HttpResponse:
    """«Enig» to the version the employee read (its number comes with the form)."""
    tilfelle = eget_tilfelle(request, tilgang, tilfelle_id, None)
    nummer = request.POST.get("versjon", "")
    try:
        if not nummer.isdigit():
            raise lagring.Avvist("Velg versjonen du er enig i.")
        enighet = lagring.bekreft_enig(tilfelle, int(nummer), innlogget(request))
    except lagring.Avvist as e:
        logg(request, tilgang, [tilfelle.ansatt], HVA_SE)
        messages.error(request, str(e))
        return redirect(_url(tilfelle))
    logg(request, tilgang, [tilfelle.ansatt], HVA_ENIG)
    messages.success(
        request,
        f"Du har bekreftet at du er enig i versjon {enighet.deling.versjon.nummer}. Lederen din "
        "ser det. Endres planen senere, blir du spurt igjen.",
    )
    return redirect(_url(tilfelle))
