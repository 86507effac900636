"""Times the recomputation of a virksomhet's own statistics (issue 4, part 3).

Builds a virksomhet of about 800 employees in a tree of 40 departments over five years (hiring,
leaving, moves between departments, egenmeldinger and sykmeldinger of every length, some graded
and overlapping) in a fresh SQLite database, and times what follows an import:
``egenstatistikk.beregning.beregn`` (reading the rows, the engine, the masking, writing), three
times, with the engine's and the masking's share of the last run.

    .venv/bin/python benchmarks/egne_tall.py [--ansatte 800] [--ar 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

ROT = Path(__file__).resolve().parents[1]
ORGNR = "910000901"
T = TypeVar("T")


def _bygg(ansatte: int, ar: int, slutt: date) -> None:
    from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer
    from naervaer.web.virksomheter.models import Virksomhet

    tilfeldig = random.Random(4)
    virksomhet = Virksomhet.objects.create(
        orgnr=ORGNR,
        navn="Målestokk AS",
        overordnet_orgnr="910000900",
        naeringskode="87101",
        sektor="PRIVAT",
        kommunenummer="0301",
    )
    avdelinger: list[Avdeling] = []
    for i in range(5):
        topp = Avdeling.objects.create(virksomhet=virksomhet, kode=f"T{i}", navn=f"Område {i}")
        avdelinger.append(topp)
        for j in range(5):
            under = Avdeling.objects.create(
                virksomhet=virksomhet, kode=f"T{i}-{j}", navn=f"Avdeling {i}.{j}", overordnet=topp
            )
            avdelinger.append(under)
            if j < 2:
                avdelinger.append(
                    Avdeling.objects.create(
                        virksomhet=virksomhet,
                        kode=f"T{i}-{j}-a",
                        navn=f"Gruppe {i}.{j}",
                        overordnet=under,
                    )
                )
    start = date(slutt.year - ar, slutt.month, 1)
    dager = (slutt - start).days
    arbeidsforhold: list[Arbeidsforhold] = []
    fravaer: list[Fravaer] = []
    for n in range(ansatte):
        ansatt = Ansatt.objects.create(virksomhet=virksomhet, ansattnummer=str(10_000 + n))
        fra = start - timedelta(days=tilfeldig.randint(0, 2000))
        if tilfeldig.random() < 0.3:
            fra = start + timedelta(days=tilfeldig.randint(0, dager - 60))
        til = None
        if tilfeldig.random() < 0.2:
            til = fra + timedelta(days=tilfeldig.randint(200, 1500))
            if til >= slutt:
                til = None
        # Most work in the large departments; the small groups have a few persons each.
        avdeling = tilfeldig.choices(avdelinger, [1 if "-a" in a.kode else 12 for a in avdelinger])[
            0
        ]
        stilling = Decimal(tilfeldig.choice(["100", "100", "100", "80", "60", "50"]))
        if til is None and tilfeldig.random() < 0.1:
            # A move to another department halfway.
            flytt = max(fra, start) + timedelta(days=tilfeldig.randint(30, 900))
            if flytt < slutt:
                arbeidsforhold.append(
                    Arbeidsforhold(
                        ansatt=ansatt,
                        avdeling=avdeling,
                        fra_dato=fra,
                        til_dato=flytt - timedelta(days=1),
                        stillingsprosent=stilling,
                    )
                )
                fra, avdeling = flytt, tilfeldig.choice(avdelinger[:5])
        arbeidsforhold.append(
            Arbeidsforhold(
                ansatt=ansatt,
                avdeling=avdeling,
                fra_dato=fra,
                til_dato=til,
                stillingsprosent=stilling,
            )
        )
        dag = max(fra, start)
        siste = min(til or slutt, slutt)
        while True:
            dag += timedelta(days=tilfeldig.randint(20, 160))
            if dag >= siste:
                break
            if tilfeldig.random() < 0.6:
                lengde, type_, grad = tilfeldig.randint(1, 3), "egenmelding", Decimal(100)
            else:
                lengde = int(tilfeldig.expovariate(1 / 25)) + 1
                type_ = "sykmelding"
                grad = Decimal(tilfeldig.choice([100, 100, 100, 50, 60, 40]))
            til_dato = min(dag + timedelta(days=lengde - 1), siste)
            fravaer.append(
                Fravaer(ansatt=ansatt, fra_dato=dag, til_dato=til_dato, type=type_, grad=grad)
            )
            dag = til_dato
    Arbeidsforhold.objects.bulk_create(arbeidsforhold, batch_size=2_000)
    Fravaer.objects.bulk_create(fravaer, batch_size=2_000)
    print(
        f"{ansatte} ansatte, {len(avdelinger)} avdelinger, {len(arbeidsforhold)} arbeidsforhold, "
        f"{len(fravaer)} fravær fra {start} til {slutt}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ansatte", type=int, default=800)
    parser.add_argument("--ar", type=int, default=5)
    args = parser.parse_args()

    mappe = tempfile.mkdtemp(prefix="naervaer-egne-tall-")
    os.environ["NAERVAER_DATA"] = mappe
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROT))
    from naervaer.web import django_setup

    django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)

    from naervaer.statistikk import egentall, motor
    from naervaer.web.egenstatistikk.beregning import beregn
    from naervaer.web.egenstatistikk.models import Egentall
    from naervaer.web.virksomheter.models import Virksomhet

    slutt = date(2026, 1, 31)
    _bygg(args.ansatte, args.ar, slutt)
    virksomhet = Virksomhet.objects.get(pk=ORGNR)

    # The engine's and the masking's own share, measured by wrapping them.
    andeler = {"motor": 0.0, "maskering": 0.0}

    def malt(navn: str, funksjon: Callable[..., T]) -> Callable[..., T]:
        def innpakket(*a: Any, **k: Any) -> T:
            t = time.perf_counter()
            try:
                return funksjon(*a, **k)
            finally:
                andeler[navn] += time.perf_counter() - t

        return innpakket

    import naervaer.web.egenstatistikk.beregning as modul

    modul.beregn_tabeller = malt("motor", motor.beregn_tabeller)
    modul.maskerte_celler = malt("maskering", egentall.maskerte_celler)
    for runde in range(1, 4):
        andeler.update(motor=0.0, maskering=0.0)
        t = time.perf_counter()
        beregning = beregn(virksomhet, dag=slutt + timedelta(days=1))
        brukt = time.perf_counter() - t
        rader = Egentall.objects.filter(virksomhet=virksomhet)
        print(
            f"runde {runde}: {brukt:.2f} s (motor {andeler['motor']:.2f} s, maskering "
            f"{andeler['maskering']:.2f} s), {rader.count()} rader, "
            f"{rader.filter(maskert=True).count()} maskert, {beregning.antall_advarsler} advarsler"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
