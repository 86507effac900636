"""Demo virksomheter, their own data and users on top of a loaded demo register.

Picks real virksomheter from the store (several bransjer and sizes, one too small to show its own
figures), imports an invented export of employees, departments and absence for each through the
import (``naervaer.egendata.demofiler``), gives users every role, and prints their passwords (new
on every run). Running it again imports the same files again, which changes nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from naervaer import innstillinger
from naervaer.egendata.demofiler import lag_demodata, skriv_demofiler
from naervaer.egendata.lesing import Fil
from naervaer.statistikk.enheter import bransje_for, storrelse_for
from naervaer.web.egendata.lagring import Hvem, lagre, les_filer
from naervaer.web.egendata.models import Ansatt, Avdeling, Importlogg
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
    # e-post, navn, {ønske: rolle}, ((ønske, avdelinger hun eller han leder), …),
    # ansatt i (ønske, avdeling)
    (
        "daglig.leder@demo.no",
        ("Dagny", "Leder"),
        {
            "barnehage": Rolle.ADMINISTRATOR,
            "sykehjem": Rolle.ADMINISTRATOR,
            "bygg": Rolle.ADMINISTRATOR,
        },
        None,
        ("barnehage", "100"),
    ),
    (
        "hr@demo.no",
        ("Hanne", "Rådgiver"),
        {
            "barnehage": Rolle.HR,
            "sykehjem": Rolle.HR,
            "stor": Rolle.ADMINISTRATOR,
            "liten": Rolle.ADMINISTRATOR,
        },
        None,
        None,
    ),
    (
        "mellomleder@demo.no",
        ("Mats", "Mellomleder"),
        {"barnehage": Rolle.LEDER, "sykehjem": Rolle.LEDER},
        (("barnehage", ("110",)), ("sykehjem", ("11", "12"))),
        ("barnehage", "110"),
    ),
    ("verneombud@demo.no", ("Vera", "Verneombud"), {"barnehage": Rolle.VERNEOMBUD}, None, None),
    (
        "tillitsvalgt@demo.no",
        ("Tore", "Tillitsvalgt"),
        {"barnehage": Rolle.TILLITSVALGT},
        None,
        None,
    ),
    ("ansatt@demo.no", ("Anne", "Ansatt"), {"barnehage": Rolle.ANSATT}, None, ("barnehage", "120")),
)
DEMOART = {"barnehage": "barnehage", "sykehjem": "sykehjem", "bygg": "bygg"}
STORST = 400
"""Employees in the largest demo virksomhet: enough to show an HR leader's lists, few enough
that the demo is built in seconds."""


def velg_virksomheter() -> tuple[dict[str, Virksomhet], dict[str, int]]:
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
    return valgt, personer


def importer_demofiler(
    virksomheter: dict[str, Virksomhet], personer: dict[str, int], mappe: Path, til: date
) -> dict[str, int]:
    """Write each demo virksomhet's export in the import template and import it the way an
    employer's file is imported: the demo runs the import path. Answers rows per virksomhet."""
    ut: dict[str, int] = {}
    for i, (onske, virksomhet) in enumerate(sorted(virksomheter.items())):
        antall = max(1, min(personer[virksomhet.orgnr], STORST))
        data = lag_demodata(antall, DEMOART.get(onske, "annet"), date(2021, 7, 1), til, 2026 + i)
        filer = skriv_demofiler(data, mappe / virksomhet.orgnr)
        innlesing = les_filer(virksomhet, [Fil.fra_sti(f) for f in filer])
        lagre(virksomhet, innlesing, Hvem(Importlogg.Kanal.CLI, "demo (lag_demo)"))
        ut[onske] = len(data.fravaer)
    return ut


def _knytt(bruker: Any, virksomheter: dict[str, Virksomhet], leder_for: Any, ansatt_i: Any) -> None:
    for onske, koder in leder_for or ():
        for avdeling in Avdeling.objects.filter(virksomhet=virksomheter[onske], kode__in=koder):
            avdeling.ledere.add(bruker)
    if ansatt_i:
        onske, kode = ansatt_i
        # The first employee of the department without a login becomes this user.
        ansatt = (
            Ansatt.objects.filter(
                virksomhet=virksomheter[onske],
                bruker__isnull=True,
                arbeidsforhold__avdeling__kode=kode,
                arbeidsforhold__til_dato__isnull=True,
            )
            .order_by("ansattnummer")
            .first()
        )
        if ansatt is not None:
            ansatt.bruker = bruker
            ansatt.save(update_fields=["bruker"])


class Command(BaseCommand):
    help = (
        "Lager demobrukere med tilgang til virksomheter i demoregisteret og skriver ut passordene."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        virksomheter, personer = velg_virksomheter()
        mappe = innstillinger.datamappe() / "demo" / "import"
        rader = importer_demofiler(virksomheter, personer, mappe, timezone.localdate())
        Bruker = get_user_model()
        with transaction.atomic():
            passord: list[tuple[str, str, list[str]]] = []
            for epost, (fornavn, etternavn), roller, leder_for, ansatt_i in BRUKERE:
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
                Avdeling.ledere.through.objects.filter(user_id=bruker.pk).delete()
                Ansatt.objects.filter(bruker=bruker).update(bruker=None)
                _knytt(bruker, virksomheter, leder_for, ansatt_i)
                passord.append((epost, nytt, beskrivelser))
        self.stdout.write(
            f"Importerte demofiler fra {mappe}: "
            + ", ".join(f"{onske} {antall} fraværsperioder" for onske, antall in rader.items())
        )
        self.stdout.write("Demobrukere (nye passord ved hver kjøring):")
        for epost, nytt, beskrivelser in passord:
            self.stdout.write(f"  {epost}  passord: {nytt}")
            for beskrivelse in beskrivelser:
                self.stdout.write(f"      {beskrivelse}")
