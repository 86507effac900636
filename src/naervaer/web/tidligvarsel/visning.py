"""The worklist as one user may see it: their own people and departments, with links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from naervaer.tidligvarsel.arbeidsliste import Varsler
from naervaer.tidligvarsel.varsel import Avdelingsvarsel, Personvarsel
from naervaer.web.egendata.models import Ansatt, Arbeidsforhold
from naervaer.web.samtale.innhold import hent
from naervaer.web.virksomheter.tilgang import Rettigheter, synlige_ansatte


@dataclass(frozen=True, slots=True)
class Temalenke:
    navn: str
    url: str


@dataclass(frozen=True, slots=True)
class Personrad:
    ansatt: Ansatt
    avdelinger: tuple[str, ...]
    varsel: Personvarsel
    url: str | None
    temaer: tuple[Temalenke, ...]


@dataclass(frozen=True, slots=True)
class Avdelingsrad:
    varsel: Avdelingsvarsel
    url: str | None
    temaer: tuple[Temalenke, ...]


@dataclass(frozen=True, slots=True)
class Arbeidsliste:
    personer: tuple[Personrad, ...]
    avdelinger: tuple[Avdelingsrad, ...]


def _lenke(navn: str, **kwargs: object) -> str | None:
    """The page's address, or None while the page does not exist yet (another app's)."""
    try:
        return reverse(navn, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _temaer(koder: Iterable[str], orgnr: str) -> tuple[Temalenke, ...]:
    temaer = hent().temaer
    # The virksomhet chooses the bransje's examples in Samtalestøtte.
    sporring = "?" + urlencode({"virksomhet": orgnr})
    return tuple(
        Temalenke(temaer[kode].navn, reverse("samtale:tema", args=[kode]) + sporring)
        for kode in koder
        if kode in temaer
    )


def _avdelinger_i_dag(ansatte: Iterable[int], dag: date) -> dict[int, tuple[str, ...]]:
    navn: dict[int, list[str]] = {}
    for forhold in (
        Arbeidsforhold.objects.filter(ansatt_id__in=list(ansatte), fra_dato__lte=dag)
        .filter(Q(til_dato__isnull=True) | Q(til_dato__gte=dag))
        .select_related("avdeling")
        .order_by("avdeling__navn")
    ):
        navn.setdefault(forhold.ansatt_id, []).append(forhold.avdeling.visningsnavn)
    return {a: tuple(dict.fromkeys(n)) for a, n in navn.items()}


def arbeidsliste(r: Rettigheter, varsler: Varsler) -> Arbeidsliste:
    """Only the user's own people (``synlige_ansatte``) and departments (``ser_avdeling``)."""
    orgnr = r.virksomhet.orgnr
    aktuelle = [v.ansatt for v in varsler.personer]
    ansatte = {a.pk: a for a in synlige_ansatte(r, varsler.dag).filter(pk__in=aktuelle)}
    avdelinger = _avdelinger_i_dag(ansatte, varsler.dag)
    personer = tuple(
        Personrad(
            ansatt=ansatte[v.ansatt],
            avdelinger=avdelinger.get(v.ansatt, ()),
            varsel=v,
            url=_lenke("fravaer:ansatt", orgnr=orgnr, ansatt_id=v.ansatt),
            temaer=_temaer(v.rad.temaer, orgnr),
        )
        for v in varsler.personer
        if v.ansatt in ansatte
    )
    statistikk = _lenke("egenstatistikk:side", orgnr=orgnr)
    avdelingsrader = tuple(
        Avdelingsrad(
            varsel=v,
            url=f"{statistikk}?{urlencode({'enhet': v.avdeling})}" if statistikk else None,
            temaer=_temaer(v.rad.temaer, orgnr),
        )
        for v in varsler.avdelinger
        if r.ser_avdeling(v.avdeling)
    )
    return Arbeidsliste(personer, avdelingsrader)
