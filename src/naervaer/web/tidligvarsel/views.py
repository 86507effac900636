from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from naervaer.statistikk.maskering import Terskel
from naervaer.tidligvarsel.korttid import BRADFORD_UKER
from naervaer.tidligvarsel.langtid import tidsrom
from naervaer.tidligvarsel.terskler import SAMMENLIGNINGSNAVN
from naervaer.web.tidligvarsel.data import varsler_for
from naervaer.web.tidligvarsel.forms import Innstillingsskjema
from naervaer.web.tidligvarsel.models import Varselinnstillinger, terskler_for
from naervaer.web.tidligvarsel.visning import arbeidsliste
from naervaer.web.virksomheter.tilgang import Rettigheter, innlogget, krev, logg, med_virksomhet

HVA = "Tidlig varsel: gjentatt korttidsfravær"


def dagens_dato() -> date:
    """Today in Norway. ``NAERVAER_DAGENS_DATO`` (a date) fixes the day, so that tests and
    demonstrations can show warnings for data of a known time."""
    fast = getattr(settings, "NAERVAER_DAGENS_DATO", None)
    return fast if isinstance(fast, date) else timezone.localdate()


@require_safe
@med_virksomhet
def side(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    # Person-level patterns: HR and the administrator for everyone, a leader for their own
    # people; the other roles see the masked statistics instead.
    krev(tilgang.ser_personer)
    dag = dagens_dato()
    terskler = terskler_for(tilgang.virksomhet)
    varsler = varsler_for(
        tilgang.virksomhet, dag, terskler, Terskel(settings.NAERVAER_MASKERINGSTERSKEL)
    )
    liste = arbeidsliste(tilgang, varsler)
    logg(request, tilgang, [rad.ansatt for rad in liste.personer], HVA)
    naa, foer = tidsrom(dag, terskler.langtid_sammenligning)
    return render(
        request,
        "tidligvarsel/side.html",
        {
            "tilgang": tilgang,
            "virksomhet": tilgang.virksomhet,
            "varsler": varsler,
            "liste": liste,
            "terskler": terskler,
            "sammenligning": SAMMENLIGNINGSNAVN[terskler.langtid_sammenligning],
            "langtid_naa": naa,
            "langtid_foer": foer,
            "bradford_uker": BRADFORD_UKER,
            "maskeringsterskel": settings.NAERVAER_MASKERINGSTERSKEL,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@med_virksomhet
def innstillinger(request: HttpRequest, tilgang: Rettigheter) -> HttpResponse:
    krev(tilgang.er_administrator)
    if request.method == "POST":
        skjema = Innstillingsskjema(request.POST)
        if skjema.is_valid():
            terskler = skjema.terskler()
            Varselinnstillinger.objects.update_or_create(
                virksomhet=tilgang.virksomhet,
                defaults={
                    "korttid_antall": terskler.korttid_antall,
                    "korttid_maaneder": terskler.korttid_maaneder,
                    "bradford_aktiv": terskler.bradford_aktiv,
                    "bradford_terskel": terskler.bradford_terskel,
                    "langtid_okning": terskler.langtid_okning,
                    "langtid_sammenligning": terskler.langtid_sammenligning.value,
                    "bransje_faktor": terskler.bransje_faktor,
                    "endret_av": innlogget(request),
                },
            )
            messages.success(request, "Grensene for tidlig varsel er lagret.")
            return redirect("tidligvarsel:side", orgnr=tilgang.virksomhet.orgnr)
    else:
        skjema = Innstillingsskjema.fra_terskler(terskler_for(tilgang.virksomhet))
    return render(
        request,
        "tidligvarsel/innstillinger.html",
        {"tilgang": tilgang, "virksomhet": tilgang.virksomhet, "skjema": skjema},
    )
