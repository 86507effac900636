"""Where a plan stands: its versions, which were shared and agreed, and that in one sentence
for the leader and one for the employee. Read in one query per plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from naervaer.oppfolging.plan import tidspunkttekst
from naervaer.oppfolging.plandokument import Plandokument
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolgingsplan.models import (
    Deling,
    Enighet,
    Kommentar,
    Oppfolgingsplan,
    Planversjon,
)


@dataclass(frozen=True, slots=True)
class Versjonsrad:
    versjon: Planversjon
    delt: datetime | None
    enig: datetime | None

    @property
    def nummer(self) -> int:
        return self.versjon.nummer


@dataclass(frozen=True, slots=True)
class Planstatus:
    tilfelle: Tilfelle
    plan: Oppfolgingsplan | None
    versjoner: tuple[Versjonsrad, ...]
    """Newest first."""

    @property
    def nyeste(self) -> Versjonsrad | None:
        return self.versjoner[0] if self.versjoner else None

    @property
    def nyeste_delte(self) -> Versjonsrad | None:
        return next((v for v in self.versjoner if v.delt is not None), None)

    @property
    def sist_enig(self) -> Versjonsrad | None:
        return next((v for v in self.versjoner if v.enig is not None), None)

    def kommentarer(self) -> list[Kommentar]:
        """Every comment on the plan, oldest first, each with the version it was written on."""
        if self.plan is None:
            return []
        return list(Kommentar.objects.filter(versjon__plan=self.plan).select_related("versjon"))

    def rad(self, nummer: int) -> Versjonsrad | None:
        return next((v for v in self.versjoner if v.nummer == nummer), None)

    @property
    def ansatt(self) -> str:
        return self.tilfelle.ansatt.visningsnavn

    @property
    def for_leder(self) -> str:
        """The leader's sentence: what is done, and what is left to do."""
        nyeste = self.nyeste
        if nyeste is None:
            return "Planen er ikke laget ennå."
        if nyeste.enig is not None:
            return (
                f"{self.ansatt} er enig i versjon {nyeste.nummer} "
                f"(bekreftet {tidspunkttekst(lokal(nyeste.enig))})."
            )
        if nyeste.delt is not None:
            return (
                f"Versjon {nyeste.nummer} ble delt med {self.ansatt} "
                f"{tidspunkttekst(lokal(nyeste.delt))}. {self.ansatt} har ikke bekreftet at "
                "hen er enig ennå."
            )
        tekst = f"Versjon {nyeste.nummer} er ikke delt med {self.ansatt} ennå."
        if (enig := self.sist_enig) is not None:
            tekst += (
                f" {self.ansatt} var enig i versjon {enig.nummer}; endringene etter den "
                "trenger enighet på nytt."
            )
        return tekst

    @property
    def for_ansatt(self) -> str:
        """The employee's sentence about the version they see."""
        delt = self.nyeste_delte
        if delt is None or delt.delt is None:
            return "Lederen din har ikke delt oppfølgingsplanen med deg ennå."
        if delt.enig is not None:
            return (
                f"Du bekreftet {tidspunkttekst(lokal(delt.enig))} at du er enig i versjon "
                f"{delt.nummer}."
            )
        return (
            f"Versjon {delt.nummer} ble delt med deg {tidspunkttekst(lokal(delt.delt))}. Les den, "
            "og si fra om du er enig, eller skriv en kommentar."
        )

    def dokument(self, rad: Versjonsrad, laget: date, *, for_ansatt: bool = False) -> Plandokument:
        """Version ``rad`` as the files lay it out; ``for_ansatt``: as the employee may see it,
        who learns nothing of versions not shared."""
        siste = self.nyeste_delte if for_ansatt else self.nyeste
        ansatt = self.tilfelle.ansatt
        return Plandokument(
            virksomhet=ansatt.virksomhet.navn,
            orgnr=ansatt.virksomhet.orgnr,
            ansatt=ansatt.visningsnavn,
            sykefravaer_fra=self.tilfelle.fra_dato,
            versjon=rad.nummer,
            lagret=lokal(rad.versjon.lagret),
            lagret_av=rad.versjon.lagret_av_navn,
            innhold=rad.versjon.innhold(),
            laget=laget,
            delt=lokal(rad.delt) if rad.delt else None,
            enig=lokal(rad.enig) if rad.enig else None,
            nyere_finnes=siste is not None and siste.nummer > rad.nummer,
        )


def lokal(tidspunkt: datetime) -> datetime:
    return timezone.localtime(tidspunkt)


def _deling(versjon: Planversjon) -> Deling | None:
    try:
        return versjon.deling
    except ObjectDoesNotExist:
        return None


def _enighet(deling: Deling | None) -> Enighet | None:
    if deling is None:
        return None
    try:
        return deling.enighet
    except ObjectDoesNotExist:
        return None


def status(tilfelle: Tilfelle) -> Planstatus:
    plan = Oppfolgingsplan.objects.filter(tilfelle=tilfelle).first()
    rader: list[Versjonsrad] = []
    if plan is not None:
        for v in plan.versjoner.select_related("deling__enighet").order_by("-nummer"):
            deling = _deling(v)
            enighet = _enighet(deling)
            rader.append(
                Versjonsrad(
                    v,
                    deling.delt if deling else None,
                    enighet.tidspunkt if enighet else None,
                )
            )
    return Planstatus(tilfelle, plan, tuple(rader))
