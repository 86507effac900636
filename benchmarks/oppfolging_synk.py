"""Times the sync of the follow-up cases and tasks from the stored absence (issue 6).

The sync runs inside every import (the receiver of ``fravaer_endret``), so it must be small beside
the import's 10 s. This writes employees with five absences each (the shape of
``benchmarks/innlesing.lag_data``: 2021-2023, 60 % egenmelding, sykmelding up to 60 days with
grades) straight to the models, then times ``synk`` for all of them:

1. ``forste``: no cases stored yet (the first import);
2. ``igjen``: nothing changed (an import of the same files);
3. ``rettet``: a tenth of the absence a few days longer, and a new egenmelding after every tenth
   (a corrected export);
4. ``tilbake``: the nightly closing of cases whose employee is back (``avslutt_ferdige``).

    .venv/bin/python benchmarks/oppfolging_synk.py [--ansatte 2000] [--databaser sqlite,postgres]

PostgreSQL: the database ``naervaer_synk_bench`` on 127.0.0.1:5432 (user postgres, trust), made
when missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ORGNR = "910000902"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/naervaer_synk_bench"
ROT = Path(__file__).resolve().parents[1]


def maal(antall_ansatte: int) -> dict[str, object]:
    from naervaer.web import django_setup

    django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from benchmarks.innlesing import lag_data
    from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer
    from naervaer.web.oppfolging.models import Oppgave, Tilfelle
    from naervaer.web.oppfolging.synk import avslutt_ferdige, synk
    from naervaer.web.virksomheter.models import Virksomhet

    def slett() -> None:
        # Departments are protected while employments point to them: the employees go first.
        Ansatt.objects.filter(virksomhet_id=ORGNR).delete()
        Avdeling.objects.filter(virksomhet_id=ORGNR).delete()
        Virksomhet.objects.filter(orgnr=ORGNR).delete()

    slett()
    virksomhet = Virksomhet.objects.create(
        orgnr=ORGNR,
        navn="Furuly sykehjem (måling)",
        overordnet_orgnr="910000900",
        naeringskode="87101",
        sektor="KOMMUNAL",
        kommunenummer="4601",
    )
    data = lag_data(antall_ansatte * 5)
    avdeling = Avdeling.objects.create(virksomhet=virksomhet, kode="210", navn="Furuly")
    ansatte = Ansatt.objects.bulk_create(
        Ansatt(virksomhet=virksomhet, ansattnummer=nummer, navn=navn)
        for nummer, navn in data.ansatte
    )
    per_nummer = {a.ansattnummer: a for a in ansatte}
    Arbeidsforhold.objects.bulk_create(
        Arbeidsforhold(
            ansatt=a, avdeling=avdeling, fra_dato=date(2020, 1, 1), stillingsprosent=Decimal(100)
        )
        for a in ansatte
    )
    Fravaer.objects.bulk_create(
        (
            Fravaer(
                ansatt=per_nummer[nummer],
                fra_dato=fra,
                til_dato=til,
                type=type_,
                grad=Decimal(grad),
            )
            for nummer, fra, til, type_, grad in data.fravaer
        ),
        batch_size=2000,
    )
    ider = frozenset(a.pk for a in ansatte)
    # The day the cases are looked at: three months before the data's last absence ends, so
    # that some cases go on and a year of them is followed up.
    dag = max(til for _, _, til, _, _ in data.fravaer) - timedelta(days=90)

    def tid(steg: object) -> tuple[dict[str, float], object]:
        # CPU time beside the wall clock: on a shared machine the wall clock measures the others.
        start, cpu = time.perf_counter(), time.process_time()
        svar = steg() if callable(steg) else None
        return {
            "s": round(time.perf_counter() - start, 3),
            "cpu_s": round(time.process_time() - cpu, 3),
        }, svar

    resultat: dict[str, object] = {
        "ansatte": len(ansatte),
        "fravaer": len(data.fravaer),
        "dag": dag.isoformat(),
    }
    s, r = tid(lambda: synk(virksomhet, ider, dag))
    resultat["forste"] = {**s, **asdict(r)}  # type: ignore[call-overload]
    resultat["tilfeller"] = Tilfelle.objects.filter(ansatt__virksomhet=virksomhet).count()
    resultat["oppgaver"] = Oppgave.objects.filter(tilfelle__ansatt__virksomhet=virksomhet).count()
    s, r = tid(lambda: synk(virksomhet, ider, dag))
    resultat["igjen"] = {**s, **asdict(r)}  # type: ignore[call-overload]
    rader = list(Fravaer.objects.filter(ansatt__virksomhet=virksomhet).order_by("pk"))
    endres = rader[5::10]
    for f in endres:
        f.til_dato += timedelta(days=3)
    Fravaer.objects.bulk_update(endres, ["til_dato"], batch_size=2000)
    Fravaer.objects.bulk_create(
        Fravaer(
            ansatt_id=f.ansatt_id,
            fra_dato=f.til_dato + timedelta(days=30),
            til_dato=f.til_dato + timedelta(days=31),
            type="egenmelding",
            grad=Decimal(100),
        )
        for f in rader[9::50]
    )
    s, r = tid(lambda: synk(virksomhet, ider, dag))
    resultat["rettet"] = {**s, **asdict(r)}  # type: ignore[call-overload]
    s, antall = tid(lambda: avslutt_ferdige(virksomhet, dag + timedelta(days=30)))
    resultat["tilbake"] = {**s, "avsluttet": antall}
    slett()
    return resultat


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--ansatte", type=int, default=2000)
    parser.add_argument("--databaser", default="sqlite")
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--barn", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.barn:
        print(json.dumps(maal(args.ansatte), ensure_ascii=False))
        return
    from benchmarks.import_db import _lag_postgres_database

    for database in args.databaser.split(","):
        miljo = {**os.environ, "PYTHONPATH": str(ROT)}
        miljo.pop("DATABASE_URL", None)
        with tempfile.TemporaryDirectory() as data_mappe:
            miljo["NAERVAER_DATA"] = data_mappe
            if database == "postgres":
                _lag_postgres_database(args.postgres_url)
                miljo["DATABASE_URL"] = args.postgres_url
            svar = subprocess.run(
                [sys.executable, __file__, "--barn", "--ansatte", str(args.ansatte)],
                env=miljo,
                capture_output=True,
                text=True,
                check=False,
            )
        if svar.returncode:
            sys.stderr.write(svar.stderr)
            raise SystemExit(svar.returncode)
        resultat = json.loads(svar.stdout.strip().splitlines()[-1])
        print(f"{database}: {json.dumps(resultat, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
