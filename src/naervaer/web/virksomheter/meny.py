"""The pages of one virksomhet, and which role sees a link to which.

The link list only saves a click: every view still checks its own right through ``tilgang``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from naervaer.web.oppfolging import roller as oppfolging
from naervaer.web.paminnelser.aktiviteter import kan_planlegge
from naervaer.web.virksomheter.tilgang import Rettigheter


@dataclass(frozen=True, slots=True)
class Menypunkt:
    tekst: str
    url_navn: str
    synlig: Callable[[Rettigheter], bool]


@dataclass(frozen=True, slots=True)
class Lenke:
    tekst: str
    url: str
    aktiv: bool


def _alle(r: Rettigheter) -> bool:
    return True


MENY: tuple[Menypunkt, ...] = (
    Menypunkt("Statistikk", "statistikk:side", _alle),
    Menypunkt("Kostnader", "kalkulator:side", _alle),
    Menypunkt("Egne tall", "egenstatistikk:side", lambda r: r.kan_se_statistikk),
    # New pages of a virksomhet add one line each here, in the order users meet them.
    Menypunkt("Registrer fravær", "fravaer:registrer", lambda r: r.kan_registrere),
    Menypunkt("Ansatte", "fravaer:ansatte", lambda r: r.ser_personer),
    Menypunkt("Oppfølging", "oppfolging:liste", oppfolging.ser_oppfolging),
    Menypunkt("Oppfølging", "oppfolging:tall", oppfolging.tall_i_menyen),
    Menypunkt("Mitt fravær", "fravaer:mitt", lambda r: r.er_ansatt_her),
    Menypunkt("Min oppfølging", "oppfolging:mitt", oppfolging.ser_egen),
    Menypunkt("Min oppfølgingsplan", "oppfolgingsplan:mitt", lambda r: r.er_ansatt_her),
    Menypunkt("Tidlig varsel", "tidligvarsel:side", lambda r: r.ser_personer),
    Menypunkt("Aktiviteter og påminnelser", "paminnelser:aktiviteter", kan_planlegge),
    Menypunkt("Egenmeldingsregel", "fravaer:egenmelding", lambda r: r.er_administrator),
    Menypunkt("Importer data", "egendata:side", lambda r: r.kan_importere),
    Menypunkt("Tilganger og roller", "virksomheter:tilganger", lambda r: r.kan_tildele_roller),
    Menypunkt("Revisjonslogg", "revisjon:logg", lambda r: r.kan_lese_revisjonslogg),
    Menypunkt("Personvern", "personvern:side", lambda r: r.er_administrator),
)


def lenker(r: Rettigheter, sti: str) -> list[Lenke]:
    ut = []
    for punkt in MENY:
        if not punkt.synlig(r):
            continue
        url = reverse(punkt.url_navn, kwargs={"orgnr": r.virksomhet.orgnr})
        ut.append(Lenke(punkt.tekst, url, sti == url))
    # A page below a menu page (a case below the worklist) marks the longest matching link.
    if not any(lenke.aktiv for lenke in ut):
        # Every page of a virksomhet lies under the statistics page's address, so only the
        # other links count as parents.
        start = reverse("statistikk:side", kwargs={"orgnr": r.virksomhet.orgnr})
        under = [lenke for lenke in ut if lenke.url != start and sti.startswith(lenke.url)]
        if under:
            lengst = max(under, key=lambda lenke: len(lenke.url))
            ut = [Lenke(lnk.tekst, lnk.url, lnk is lengst) for lnk in ut]
    return ut
