"""What the administrators' page shows about each user: role, departments led, employee."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from naervaer.web.virksomheter.models import Tilgang
from naervaer.web.virksomheter.tilgang import Rettigheter, brukere_med_tilgang


@dataclass(frozen=True, slots=True)
class Avdelingsvalg:
    pk: int
    navn: str
    valgt: bool


@dataclass(frozen=True, slots=True)
class Brukerrad:
    tilgang: Tilgang
    avdelinger: tuple[Avdelingsvalg, ...]
    ansattnummer: str

    @property
    def leder_for(self) -> list[str]:
        return [a.navn for a in self.avdelinger if a.valgt]


@dataclass(frozen=True, slots=True)
class Rolleoversikt:
    brukere: tuple[Brukerrad, ...]
    har_avdelinger: bool


def rolleoversikt(administrator: Rettigheter) -> Rolleoversikt:
    from naervaer.web.egendata.models import Ansatt, Avdeling

    virksomhet = administrator.virksomhet
    avdelinger = list(Avdeling.objects.filter(virksomhet=virksomhet).order_by("kode"))
    ledes_av: dict[int, set[int]] = defaultdict(set)
    for avdeling_id, bruker_id in Avdeling.ledere.through.objects.filter(
        avdeling__virksomhet=virksomhet
    ).values_list("avdeling_id", "user_id"):
        ledes_av[bruker_id].add(avdeling_id)
    ansattnummer = dict(
        Ansatt.objects.filter(virksomhet=virksomhet, bruker__isnull=False).values_list(
            "bruker_id", "ansattnummer"
        )
    )
    rader = tuple(
        Brukerrad(
            t,
            tuple(
                Avdelingsvalg(a.pk, f"{a.visningsnavn} ({a.kode})", a.pk in ledes_av[t.bruker_id])
                for a in avdelinger
            ),
            ansattnummer.get(t.bruker_id, ""),
        )
        for t in brukere_med_tilgang(administrator)
    )
    return Rolleoversikt(rader, bool(avdelinger))
