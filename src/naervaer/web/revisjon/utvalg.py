"""Choosing lines of the audit log: by whose data, by who looked, and by dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from naervaer.web.revisjon.models import Hendelse
from naervaer.web.virksomheter.models import Virksomhet


@dataclass(frozen=True, slots=True)
class Utvalg:
    ansattnummer: str = ""
    bruker: str = ""
    fra: date | None = None
    til: date | None = None
    feil: tuple[tuple[str, str], ...] = ()
    """(field, message) for a field the user filled in wrongly; the field is then ignored."""

    def som_parametre(self) -> str:
        deler = {
            "ansattnummer": self.ansattnummer,
            "bruker": self.bruker,
            "fra": self.fra.isoformat() if self.fra else "",
            "til": self.til.isoformat() if self.til else "",
        }
        q = QueryDict(mutable=True)
        q.update({k: v for k, v in deler.items() if v})
        return q.urlencode()


def _dato(tekst: str, felt: str, feil: list[tuple[str, str]]) -> date | None:
    tekst = tekst.strip()
    if not tekst:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        feil.append((felt, f"«{tekst}» er ikke en dato. Bruk datovelgeren eller skriv ÅÅÅÅ-MM-DD."))
        return None


def les_utvalg(parametre: QueryDict) -> Utvalg:
    feil: list[tuple[str, str]] = []
    fra = _dato(parametre.get("fra", ""), "fra", feil)
    til = _dato(parametre.get("til", ""), "til", feil)
    if fra and til and til < fra:
        feil.append(("til", "Til-datoen er før fra-datoen."))
        til = None
    return Utvalg(
        ansattnummer=parametre.get("ansattnummer", "").strip()[:40],
        bruker=parametre.get("bruker", "").strip()[:254],
        fra=fra,
        til=til,
        feil=tuple(feil),
    )


def hendelser(virksomhet: Virksomhet, utvalg: Utvalg) -> QuerySet[Hendelse]:
    linjer = Hendelse.objects.filter(virksomhet=virksomhet)
    if utvalg.ansattnummer:
        linjer = linjer.filter(ansattnummer=utvalg.ansattnummer)
    if utvalg.bruker:
        linjer = linjer.filter(bruker_epost__icontains=utvalg.bruker)
    sone = timezone.get_current_timezone()
    if utvalg.fra:
        linjer = linjer.filter(tidspunkt__gte=datetime.combine(utvalg.fra, time(), sone))
    if utvalg.til:
        neste = utvalg.til + timedelta(days=1)
        linjer = linjer.filter(tidspunkt__lt=datetime.combine(neste, time(), sone))
    return linjer.order_by("-tidspunkt", "-id")
