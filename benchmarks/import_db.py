"""Times the whole import of an employer's own data into the database (issue 4).

Builds the export of ``benchmarks/innlesing.py`` (100 000 absence rows, 20 000 employees and their
positions, in Nærvær's template as CSV and in the HR layout as XLSX) and times, on SQLite and on
PostgreSQL, what a user waits for: reading and checking the files, planning against the stored
rows, writing in one transaction and the receivers of ``fravaer_endret`` that are connected at
that time (they are named in the output). Five runs, on an empty virksomhet or on what the run
before left; each prints wall-clock seconds and this process's CPU seconds, since other work on a
shared machine stretches the first but not the second:

0. ``forste_uten_mottakere``: as 1, with the receivers disconnected (the import's own time), and
   ``forste_bare_<app>``: as 1, with that app's receiver alone;
1. ``forste``: the CSV files into an empty virksomhet (the goal: ≤ 10 s);
2. ``igjen``: the same files again, which must change nothing;
3. ``rettet``: a later export where a tenth of the absence is corrected, removed or new;
4. ``xlsx``: the XLSX workbook into an empty virksomhet.

Each database runs in its own process, since Django reads its settings once:

    .venv/bin/python benchmarks/import_db.py [--rader 100000] [--databaser sqlite,postgres]

PostgreSQL: the database ``naervaer_import_bench`` on 127.0.0.1:5432 (user postgres, trust),
made when missing; ``--postgres-url`` names another.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ORGNR = "910000901"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/naervaer_import_bench"
ROT = Path(__file__).resolve().parents[1]
_VIRKSOMHET: dict[type, str] = {}


def _lag_postgres_database(url: str) -> None:
    import psycopg

    navn = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as forbindelse:
        finnes = forbindelse.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [navn]
        ).fetchone()
        if not finnes:
            forbindelse.execute(f'CREATE DATABASE "{navn}"')


def _funksjon(mottaker: tuple[object, ...]) -> object:
    """The function of a connected receiver (Django keeps a weak reference to most)."""
    ref = mottaker[1]
    return ref() if isinstance(ref, weakref.ReferenceType) else ref


def _navn(mottaker: tuple[object, ...]) -> str:
    funksjon = _funksjon(mottaker)
    return f"{getattr(funksjon, '__module__', '?')}.{getattr(funksjon, '__qualname__', '?')}"


def _kort(mottaker: tuple[object, ...]) -> str:
    """A receiver by its app: ``naervaer.web.oppfolging.synk.…`` is «oppfolging»."""
    deler = _navn(mottaker).split(".")
    return deler[2] if len(deler) > 3 else deler[0]


def _rettet(data: object, seed: int = 7) -> object:
    """A later export: of every ten absences one is longer, one is gone, and one is new."""
    from benchmarks.innlesing import Data

    assert isinstance(data, Data)
    tilfeldig = random.Random(seed)
    fravaer = []
    for i, (nummer, fra, til, type_, grad) in enumerate(data.fravaer):
        if i % 10 == 3:
            continue
        if i % 10 == 5:
            til += timedelta(days=tilfeldig.randrange(1, 5))
            if type_ == "sykmelding":
                grad = 100
        fravaer.append((nummer, fra, til, type_, grad))
        if i % 10 == 9:
            # After the person's last absence (every fifth row), so it overlaps nothing.
            ny = til + timedelta(days=30)
            fravaer.append((nummer, ny, ny + timedelta(days=1), "egenmelding", 100))
    return replace(data, fravaer=fravaer)


def maal(rader: int) -> dict[str, object]:
    """The four runs on the database of this process's settings."""
    from naervaer.web import django_setup

    django_setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer

    _VIRKSOMHET.update(
        {
            Fravaer: "ansatt__virksomhet_id",
            Arbeidsforhold: "ansatt__virksomhet_id",
            Ansatt: "virksomhet_id",
            Avdeling: "virksomhet_id",
        }
    )

    from benchmarks.innlesing import lag_data, skriv_csv, skriv_xlsx
    from naervaer.egendata.lesing import Fil
    from naervaer.web.egendata.lagring import Hvem, lagre, les_filer
    from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer, Importlogg
    from naervaer.web.egendata.signaler import fravaer_endret
    from naervaer.web.virksomheter.models import Virksomhet

    def slett() -> None:
        # Departments are protected while employments point to them: the leaves go first.
        for modell in (Fravaer, Arbeidsforhold, Ansatt, Avdeling):
            modell.objects.filter(**{_VIRKSOMHET[modell]: ORGNR}).delete()
        Virksomhet.objects.filter(orgnr=ORGNR).delete()

    def tom_virksomhet() -> Virksomhet:
        slett()
        return Virksomhet.objects.create(
            orgnr=ORGNR,
            navn="Furuly sykehjem (måling)",
            overordnet_orgnr="910000900",
            naeringskode="87101",
            sektor="KOMMUNAL",
            kommunenummer="4601",
        )

    def importer(virksomhet: Virksomhet, stier: list[Path]) -> tuple[float, dict[str, object]]:
        cpu = time.process_time()
        start = time.perf_counter()
        filer = [Fil.fra_sti(s) for s in stier]
        innlesing = les_filer(virksomhet, filer)
        lest = time.perf_counter()
        lagret = lagre(virksomhet, innlesing, Hvem(Importlogg.Kanal.CLI, "måling"))
        slutt = time.perf_counter()
        # The own statistics follow in a thread after the commit (as in the web application):
        # the import is done when ``lagre`` returns, and the figures are ready when it ends.
        for trad in threading.enumerate():
            if trad.name.startswith("egne-tall-"):
                trad.join()
        tall_klare = time.perf_counter()
        return slutt - start, {
            "lesing_s": round(lest - start, 2),
            "lagring_s": round(slutt - lest, 2),
            "s": round(slutt - start, 2),
            "egne_tall_etterpaa_s": round(tall_klare - slutt, 2),
            "cpu_s": round(time.process_time() - cpu, 2),
            "antall": lagret.plan.antall(),
        }

    mottakere = sorted(_navn(m) for m in fravaer_endret.receivers)
    data = lag_data(rader)
    resultat: dict[str, object] = {
        "database": connection.vendor,
        "fravaer": len(data.fravaer),
        "ansatte": len(data.ansatte),
        "arbeidsforhold": len(data.arbeidsforhold),
        "mottakere": mottakere,
    }
    with tempfile.TemporaryDirectory() as mappe_tekst:
        mappe = Path(mappe_tekst)
        (mappe / "forste").mkdir()
        (mappe / "rettet").mkdir()
        csv = skriv_csv(data, mappe / "forste")
        rettet = skriv_csv(_rettet(data), mappe / "rettet")  # type: ignore[arg-type]
        xlsx = skriv_xlsx(data, mappe)

        # Once without the receivers, and once with each alone, to tell their time apart.
        alle = list(fravaer_endret.receivers)
        for nr in (None, *range(len(alle))):
            virksomhet = tom_virksomhet()
            fravaer_endret.receivers[:] = [] if nr is None else [alle[nr]]
            fravaer_endret.sender_receivers_cache.clear()
            navn = "forste_uten_mottakere" if nr is None else f"forste_bare_{_kort(alle[nr])}"
            try:
                _, resultat[navn] = importer(virksomhet, csv)
            finally:
                fravaer_endret.receivers[:] = alle
                fravaer_endret.sender_receivers_cache.clear()
        virksomhet = tom_virksomhet()
        _, resultat["forste"] = importer(virksomhet, csv)
        assert Fravaer.objects.filter(ansatt__virksomhet=virksomhet).count() == len(data.fravaer)
        _, resultat["igjen"] = importer(virksomhet, csv)
        _, resultat["rettet"] = importer(virksomhet, rettet)
        virksomhet = tom_virksomhet()
        _, resultat["xlsx"] = importer(virksomhet, [xlsx])
        slett()
    return resultat


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rader", type=int, default=100_000, help="antall fraværsrader")
    parser.add_argument("--databaser", default="sqlite,postgres")
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--barn", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.barn:
        print(json.dumps(maal(args.rader), ensure_ascii=False))
        return
    for database in args.databaser.split(","):
        miljo = {**os.environ, "PYTHONPATH": str(ROT)}
        miljo.pop("DATABASE_URL", None)
        with tempfile.TemporaryDirectory() as data_mappe:
            miljo["NAERVAER_DATA"] = data_mappe
            if database == "postgres":
                _lag_postgres_database(args.postgres_url)
                miljo["DATABASE_URL"] = args.postgres_url
            svar = subprocess.run(
                [sys.executable, __file__, "--barn", "--rader", str(args.rader)],
                env=miljo,
                capture_output=True,
                text=True,
                check=False,
            )
        if svar.returncode:
            sys.stderr.write(svar.stderr)
            raise SystemExit(svar.returncode)
        resultat = json.loads(svar.stdout.strip().splitlines()[-1])
        print(f"{resultat['database']}: mottakere {', '.join(resultat['mottakere']) or 'ingen'}")
        for navn, r in resultat.items():
            if not isinstance(r, dict):
                continue
            print(
                f"  {navn}: {r['s']:.2f} s, CPU {r['cpu_s']:.2f} s "
                f"(lesing og kontroll {r['lesing_s']:.2f} s, "
                f"plan og lagring {r['lagring_s']:.2f} s), "
                + json.dumps(r["antall"], ensure_ascii=False)
            )
        print(json.dumps(resultat, ensure_ascii=False))


if __name__ == "__main__":
    main()
