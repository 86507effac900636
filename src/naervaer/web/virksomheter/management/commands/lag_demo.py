"""Demo virksomheter and users on top of a loaded demo register; prints the passwords.

Picks real virksomheter from the store (several bransjer and sizes, one too small to show its own
figures) and gives each demo user a new random password on every run.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max

from naervaer.statistikk.enheter import bransje_for, storrelse_for
from naervaer.web.statistikk.models import Kvartalsstatistikk
from naervaer.web.virksomheter.models import Rolle, Tilgang, Virksomhet


@dataclass(frozen=True)
class Onske:
    rolle: str
    bransjer: tuple[str | None, ...]  # None: any næring outside the bransjer
    storrelser: tuple[str, ...]


ONSKER = (
    Onske("barnehage", ("BARNEHAGER",), ("5-19", "20-49")),
    Onske("sykehjem", ("SYKEHJEM",), ("50-99", "100-499", "20-49")),
    Onske("bygg", ("BYGG", "ANLEGG"), ("20-49", "5-19", "50-99")),
    Onske("stor", (None,), ("500+", "100-499")),
    Onske("liten", (None, "BYGG"), ("1-4",)),
)

BRUKERE = (
    # e-post, navn, {ønske: rolle}
    (
        "daglig.leder@demo.no",
        ("Dagny", "Leder"),
        {
            "barnehage": Rolle.ADMINISTRATOR,
            "sykehjem": Rolle.ADMINISTRATOR,
            "bygg": Rolle.ADMINISTRATOR,
        },
    ),
    (
        "hr@demo.no",
        ("Hanne", "Rådgiver"),
        {"stor": Rolle.ADMINISTRATOR, "liten": Rolle.ADMINISTRATOR},
    ),
    ("mellomleder@demo.no", ("Mats", "Mellomleder"), {"barnehage": Rolle.ANSATT}),
)


def velg_virksomheter() -> dict[str, Virksomhet]:
    siste = Kvartalsstatistikk.objects.filter(kategori="VIRKSOMHET").aggregate(a=Max("arstall"))[
        "a"
    ]
    if siste is None:
        raise CommandError(
            "Lageret har ingen virksomhetstall; kjør «naervaer statistikk last» først."
        )
    rader = Kvartalsstatistikk.objects.filter(kategori="VIRKSOMHET", arstall=siste).values_list(
        "kode", "kvartal", "antall_personer"
    )
    personer: dict[str, int] = {}
    for kode, _kvartal, antall in sorted(rader, key=lambda r: r[1]):
        personer[kode] = antall
    valgt: dict[str, Virksomhet] = {}
    brukt: set[str] = set()
    for virksomhet in Virksomhet.objects.filter(orgnr__in=list(personer)).order_by("orgnr"):
        antall = personer[virksomhet.orgnr]
        if antall < 1:
            continue
        bransje = bransje_for(virksomhet.naeringskode)
        bransjekode = bransje.kode if bransje else None
        klasse = storrelse_for(antall).kode
        for onske in ONSKER:
            if onske.rolle in valgt or virksomhet.orgnr in brukt:
                continue
            if bransjekode in onske.bransjer and klasse in onske.storrelser:
                valgt[onske.rolle] = virksomhet
                brukt.add(virksomhet.orgnr)
    mangler = [o.rolle for o in ONSKER if o.rolle not in valgt]
    if mangler:
        raise CommandError(f"Fant ingen passende demovirksomhet for: {', '.join(mangler)}")
    return valgt


class Command(BaseCommand):
    help = (
        "Lager demobrukere med tilgang til virksomheter i demoregisteret og skriver ut passordene."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        virksomheter = velg_virksomheter()
        Bruker = get_user_model()
        with transaction.atomic():
            passord: list[tuple[str, str, list[str]]] = []
            for epost, (fornavn, etternavn), roller in BRUKERE:
                bruker, _ = Bruker.objects.get_or_create(username=epost, defaults={"email": epost})
                bruker.email, bruker.first_name, bruker.last_name = epost, fornavn, etternavn
                nytt = secrets.token_urlsafe(12)
                bruker.set_password(nytt)
                bruker.save()
                Tilgang.objects.filter(bruker=bruker).delete()
                beskrivelser = []
                for onske, rolle in roller.items():
                    virksomhet = virksomheter[onske]
                    Tilgang.objects.create(bruker=bruker, virksomhet=virksomhet, rolle=rolle)
                    rettighet = rolle.label
                    beskrivelser.append(f"{virksomhet.navn} ({virksomhet.orgnr}, {rettighet})")
                passord.append((epost, nytt, beskrivelser))
        self.stdout.write("Demobrukere (nye passord ved hver kjøring):")
        for epost, nytt, beskrivelser in passord:
            self.stdout.write(f"  {epost}  passord: {nytt}")
            for beskrivelse in beskrivelser:
                self.stdout.write(f"      {beskrivelse}")
