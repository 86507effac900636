from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from naervaer.statistikk.kostnad import DAGSVERK_PER_ARSVERK
from naervaer.statistikk.maskering import Terskel
from naervaer.statistikk.publisering import datotekst
from naervaer.web.kalkulator.forms import (
    TALLFELT,
    inntastingstekst,
    konfigurert_kostnad_per_dag,
    lag_skjema,
)
from naervaer.web.kalkulator.forslag import lag_forslag
from naervaer.web.kalkulator.resultat import beregn
from naervaer.web.statistikk.lager import hent_enheter
from naervaer.web.virksomheter.tilgang import Rettigheter, med_virksomhet


@require_http_methods(["GET", "HEAD", "POST"])
@med_virksomhet
def kalkulator(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """One page for both the plain form and htmx: htmx picks the result region out of it."""
    dag = timezone.localdate()
    terskel = Terskel(settings.NAERVAER_MASKERINGSTERSKEL)
    forslag = lag_forslag(
        tilgang.virksomhet.orgnr,
        hent_enheter,
        kan_se_egne_tall=tilgang.kan_se_statistikk,
        dag=dag,
        terskel=terskel,
    )
    kostnad_per_dag = konfigurert_kostnad_per_dag()
    # A first visit is a GET with nothing filled in; the figures come by POST.
    skjema = lag_skjema(
        request.POST if request.method == "POST" else request.GET, forslag, kostnad_per_dag
    )
    resultat = beregn(skjema.inndata(), kostnad_per_dag, dag) if skjema.is_valid() else None
    kontekst = {
        "tilgang": tilgang,
        "virksomhet": tilgang.virksomhet,
        "forslag": forslag,
        "terskel": terskel,
        "skjema": skjema,
        "resultat": resultat,
        "kostnad_per_dag": kostnad_per_dag,
        "kostnad_per_dag_beskrivelse": (
            f"Standard er {inntastingstekst(kostnad_per_dag.belop)} kr. Kilde: "
            f"{kostnad_per_dag.kilde}, per {datotekst(kostnad_per_dag.dato)}. "
            "Endre tallet hvis dere har et eget anslag."
        ),
        "dagsverk_per_arsverk": DAGSVERK_PER_ARSVERK,
        "feilfelt": ",".join(f"#feil-{navn}" for navn in TALLFELT),
    }
    return render(request, "kalkulator/side.html", kontekst)
