"""The administrator reads and exports the audit log: who saw whose absence data, and when."""

from __future__ import annotations

import csv
import io

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naervaer.web.revisjon.utvalg import hendelser, les_utvalg
from naervaer.web.statistikk.csvfil import trygg_tekst
from naervaer.web.virksomheter.tilgang import Rettigheter, krev, med_virksomhet

PER_SIDE = 50


@med_virksomhet
def logg(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.kan_lese_revisjonslogg)
    utvalg = les_utvalg(request.GET)
    side = Paginator(hendelser(tilgang.virksomhet, utvalg), PER_SIDE).get_page(
        request.GET.get("side")
    )
    return render(
        request,
        "revisjon/logg.html",
        {
            "tilgang": tilgang,
            "virksomhet": tilgang.virksomhet,
            "utvalg": utvalg,
            "feil": dict(utvalg.feil),
            "side": side,
            "parametre": utvalg.som_parametre(),
        },
    )


@med_virksomhet
def logg_csv(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    """The chosen lines for Excel in a Norwegian locale (semicolons, BOM, local time)."""
    krev(tilgang.kan_lese_revisjonslogg)
    utvalg = les_utvalg(request.GET)
    tekst = io.StringIO(newline="")
    skriver = csv.writer(tekst, delimiter=";", lineterminator="\r\n")
    skriver.writerow(["Tidspunkt", "Bruker", "Ansattnummer", "Hva", "Side"])
    for h in hendelser(tilgang.virksomhet, utvalg).iterator():
        skriver.writerow(
            [
                timezone.localtime(h.tidspunkt).strftime("%d.%m.%Y %H:%M:%S"),
                trygg_tekst(h.bruker_epost),
                trygg_tekst(h.ansattnummer),
                trygg_tekst(h.hva),
                trygg_tekst(h.sti),
            ]
        )
    svar = HttpResponse(
        ("\ufeff" + tekst.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    svar["Content-Disposition"] = (
        f'attachment; filename="revisjonslogg-{tilgang.virksomhet.orgnr}.csv"'
    )
    return svar
