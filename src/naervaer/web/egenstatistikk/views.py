from __future__ import annotations

from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from naervaer.statistikk.egentall import Egenoversikt, Egne, lag_egenoversikt
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned
from naervaer.statistikk.maskering import Terskel
from naervaer.statistikk.oversikt import bransje_eller_naering
from naervaer.statistikk.publisering import STANDARD_KALENDER
from naervaer.web.egenstatistikk.beregning import egne_tall
from naervaer.web.egenstatistikk.diagram import lag_diagram
from naervaer.web.egenstatistikk.models import Egenberegning
from naervaer.web.egenstatistikk.sidevalg import Valg, les_valg
from naervaer.web.statistikk.lager import hent_enheter
from naervaer.web.virksomheter.tilgang import Rettigheter, krev, med_virksomhet


def oversikt_for(tilgang: Rettigheter, egne: Egne, valg: Valg, dag: date) -> Egenoversikt | None:
    """The overview as this user may see it: the one way the page and the files get figures.

    A leader sees the departments they lead (with their sub-departments) and the whole
    virksomhet: the masking is decided once for everyone, so a leader sees a subset of what HR
    sees, and the virksomhet's own figure is shown to the leader on the statistics page already.
    """
    virksomhet = tilgang.virksomhet
    bransje = bransje_eller_naering(virksomhet.naeringskode)
    rader = hent_enheter([(bransje.kategori.value, bransje.kode)]).get(
        (bransje.kategori, bransje.kode), []
    )
    # Only quarters that are published by today, as on the statistics page.
    bransjetall = {
        rad.kvartal: rad.tall
        for rad in rader
        if STANDARD_KALENDER.publiseringsdato(rad.kvartal) <= dag
    }
    synlige = (
        None
        if tilgang.ser_alle_avdelinger
        else frozenset(str(avdeling) for avdeling in tilgang.ledede_avdelinger)
    )
    return lag_egenoversikt(
        egne,
        virksomhetsnavn=virksomhet.navn,
        inndeling=valg.inndeling,
        periode=valg.periode,
        enhet=valg.enhet,
        synlige=synlige,
        ser_virksomheten=True,
        dag=dag,
        bransje=bransje,
        bransjetall=bransjetall,
        terskel=Terskel(settings.NAERVAER_MASKERINGSTERSKEL),
    )


@require_safe
@med_virksomhet
def side(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.kan_se_statistikk)
    valg = les_valg(request.GET)
    egne = egne_tall(tilgang.virksomhet)
    dag = timezone.localdate()
    oversikt = oversikt_for(tilgang, egne, valg, dag) if egne is not None else None
    beregning = Egenberegning.objects.filter(virksomhet=tilgang.virksomhet).first()
    kontekst = {
        "tilgang": tilgang,
        "virksomhet": tilgang.virksomhet,
        "oversikt": oversikt,
        "terskel": settings.NAERVAER_MASKERINGSTERSKEL,
        "beregnet": timezone.localdate(beregning.beregnet) if beregning else None,
        "beregning_til": (
            Maned.fra_dato(beregning.til_maned) if beregning and beregning.til_maned else None
        ),
        "diagram": lag_diagram(oversikt) if oversikt is not None else None,
        "leder_uten_avdeling": not tilgang.ser_alle_avdelinger and not tilgang.ledede_avdelinger,
        # The downloads get what the page shows, also when a choice fell back to the default.
        "lenkevalg": (
            Valg(oversikt.inndeling, oversikt.periode, oversikt.enhet.nokkel)
            if oversikt is not None
            else valg
        ),
    }
    return render(request, "egenstatistikk/side.html", kontekst)


FORMATER = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_safe
@med_virksomhet
def nedlasting(request: HttpRequest, tilgang: Rettigheter, format: str) -> HttpResponse:
    """The page's tables as a file, from the same overview and the same query string."""
    krev(tilgang.kan_se_statistikk)
    if format not in FORMATER:
        raise Http404("Ukjent format")
    egne = egne_tall(tilgang.virksomhet)
    dag = timezone.localdate()
    oversikt = oversikt_for(tilgang, egne, les_valg(request.GET), dag) if egne else None
    if oversikt is None:
        raise Http404("Det finnes ingen egne tall ennå")
    from naervaer.web.egenstatistikk.eksport import lag_eksport, som_csv, som_xlsx

    eksport = lag_eksport(oversikt, tilgang.virksomhet, laget=dag)
    innhold = som_csv(eksport) if format == "csv" else som_xlsx(eksport)
    svar = HttpResponse(innhold, content_type=FORMATER[format])
    periode = oversikt.periode
    slag = "kvartal" if isinstance(periode, Kvartal) else "maned"
    filnavn = f"egne-tall-{tilgang.virksomhet.orgnr}-{slag}-{periode}.{format}"
    svar["Content-Disposition"] = f'attachment; filename="{filnavn}"'
    return svar
