"""What the tests of the oppfølgingsplan pages share: a sick-leave case for employee 1002 (Bjørn
Berg in «Småbarn», whom the fixture's leader follows up) with a user of his own, a filled-in plan
as the form posts it, and the addresses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from naervaer.oppfolging.plan import Planinnhold, Tiltak
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolgingsplan import lagring
from naervaer.web.oppfolgingsplan.models import Oppfolgingsplan, Planversjon
from naervaer.web.revisjon.models import Hendelse
from naervaer.web.virksomheter.models import Rolle, Tilgang
from tests.web.conftest import SOLSIKKEN, Egendata, passordhash

ROLLER_UTEN_TILGANG = ("VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT")
ROLLER_MED_TILGANG = ("ADMINISTRATOR", "HR", "LEDER")


def idag() -> date:
    return timezone.localdate()


def dager(antall: int) -> date:
    return idag() + timedelta(days=antall)


@dataclass
class Sak:
    egendata: Egendata
    tilfelle: Tilfelle
    bjorn: User
    """Employee 1002's own user (role ANSATT)."""

    def url(self, navn: str, *args: object) -> str:
        return url(navn, self.tilfelle.pk, *args)


def url(navn: str, *args: object) -> str:
    return reverse(f"oppfolgingsplan:{navn}", args=[SOLSIKKEN, *args])


@pytest.fixture
def sak(egendata: Egendata) -> Sak:
    """Bjørn Berg (1002) sick since 30 days ago, with a user tied to his employee row."""
    bjorn = User.objects.create(
        username="bjorn@example.no",
        email="bjorn@example.no",
        first_name="Bjørn",
        last_name="Berg",
        password=passordhash(),
    )
    Tilgang.objects.create(bruker=bjorn, virksomhet_id=SOLSIKKEN, rolle=Rolle.ANSATT)
    ansatt = egendata.ansatte["1002"]
    ansatt.bruker = bjorn
    ansatt.save(update_fields=["bruker"])
    tilfelle = Tilfelle.objects.create(ansatt=ansatt, fra_dato=dager(-30), til_dato=dager(30))
    return Sak(egendata, tilfelle, bjorn)


INNHOLD = Planinnhold(
    arbeidsoppgaver="Pedagogisk arbeid med de minste barna\nStell og påkledning",
    som_for="Samlingsstund og planlegging",
    med_tilrettelegging="Utetid med faste pauser",
    ikke_na="Løfte barn opp på stellebordet",
    tiltak=(
        Tiltak("Hev-senk stellebord på avdelingen", "Lederen", dager(7)),
        Tiltak("Kortere arbeidsdager de to første ukene", "Lederen og den ansatte", dager(14)),
    ),
    gjelder_fra=dager(1),
    gjelder_til=dager(42),
    opptrapping="Uke 1-2: fire timer om dagen\nUke 3-4: seks timer",
    evalueres=dager(21),
    evaluering="Samtale med lederen",
    ansattes_innspill="Vil gjerne starte med formiddagene",
)


def skjemadata(
    innhold: Planinnhold = INNHOLD, grunnlag: int | None = None, **endret: Any
) -> dict[str, str]:
    """The plan as the form posts it (dates as a date field sends them), with one empty
    measure row at the end as the page shows it; ``endret`` overrides fields."""
    data: dict[str, str] = {
        "arbeidsoppgaver": innhold.arbeidsoppgaver,
        "som_for": innhold.som_for,
        "med_tilrettelegging": innhold.med_tilrettelegging,
        "ikke_na": innhold.ikke_na,
        "gjelder_fra": innhold.gjelder_fra.isoformat(),
        "gjelder_til": innhold.gjelder_til.isoformat() if innhold.gjelder_til else "",
        "opptrapping": innhold.opptrapping,
        "evalueres": innhold.evalueres.isoformat(),
        "evaluering": innhold.evaluering,
        "ansattes_innspill": innhold.ansattes_innspill,
        "grunnlag": "" if grunnlag is None else str(grunnlag),
    }
    rader = [*innhold.tiltak, None]
    data["tiltak-TOTAL_FORMS"] = str(len(rader))
    data["tiltak-INITIAL_FORMS"] = str(len(rader))
    for i, t in enumerate(rader):
        data[f"tiltak-{i}-hva"] = t.hva if t else ""
        data[f"tiltak-{i}-hvem"] = t.hvem if t else ""
        data[f"tiltak-{i}-innen"] = t.innen.isoformat() if t else ""
    data.update({k: str(v) for k, v in endret.items()})
    return data


def lagre(sak: Sak, innhold: Planinnhold = INNHOLD, bruker: User | None = None) -> Planversjon:
    """A new version saved as the leader would, on top of the newest."""
    siste = lagring.nyeste(Oppfolgingsplan.objects.filter(tilfelle=sak.tilfelle).first())
    return lagring.lagre(
        sak.tilfelle,
        innhold,
        bruker or sak.egendata.leder,
        siste.nummer if siste else None,
    )


def revisjon(hva: str) -> list[str]:
    """The employee numbers with an audit line saying ``hva``."""
    return sorted(Hendelse.objects.filter(hva=hva).values_list("ansattnummer", flat=True))
