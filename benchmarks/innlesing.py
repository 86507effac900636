"""Times reading and checking a large import of the employer's own data (issue 4).

Writes 100 000 absence rows, with employees (five absences each) and their positions, once as
CSV in Nærvær's import template (UTF-8 with BOM, «;», dd.mm.yyyy, decimal comma) and once as one
XLSX workbook in the HR layout (date cells, a percent-formatted FTE column), in a temporary folder.
Then it times, for each, reading the files into cells alone (``les_fil``: decoding and the csv
module, or openpyxl) and all of ``les_inn``: reading, layout detection, every check and the typed
rows. The database upsert is not part of this: the target of 10 s is for the whole import.

    .venv/bin/python benchmarks/innlesing.py [--rader 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from naervaer.egendata.kontroll import Innlesing, les_inn
from naervaer.egendata.lesing import Fil, les_fil
from naervaer.egendata.oppsett import kjente_overskrifter

AVDELINGER = [
    ("110", "Kjøkken og vaskeri"),
    ("210", "Furuly bo- og behandling"),
    ("220", "Granly skjermet enhet"),
    ("230", "Solstua korttid"),
    ("900", "Administrasjon"),
]
FORNAVN = ["Bjørn", "Åse", "Sigrid", "Ole-Petter", "Fatima", "Jon", "Marte", "Trond", "Ingrid"]
ETTERNAVN = ["Ærø", "Lindqvist", "Haugen", "Bakke", "Rahimi", "Øverli", "Solheim", "Nilsen"]
STILLINGER = [100, 100, 100, 80, 75, 60, 50, 37.5, 20]
GRADER = [100, 100, 100, 100, 80, 60, 50, 40, 20]


@dataclass(frozen=True)
class Data:
    ansatte: list[tuple[str, str]]
    arbeidsforhold: list[tuple[str, str, str, date, date | None, float]]
    fravaer: list[tuple[str, date, date, str, int]]


def lag_data(antall_fravaer: int, per_ansatt: int = 5, seed: int = 2026) -> Data:
    tilfeldig = random.Random(seed)
    antall_ansatte = antall_fravaer // per_ansatt
    ansatte: list[tuple[str, str]] = []
    arbeidsforhold: list[tuple[str, str, str, date, date | None, float]] = []
    fravaer: list[tuple[str, date, date, str, int]] = []
    start = date(2021, 1, 4)
    for i in range(antall_ansatte):
        nummer = str(10000 + i)
        ansatte.append((nummer, f"{tilfeldig.choice(FORNAVN)} {tilfeldig.choice(ETTERNAVN)}"))
        kode, navn = tilfeldig.choice(AVDELINGER)
        fra = start + timedelta(days=tilfeldig.randrange(0, 365))
        if tilfeldig.random() < 0.25:
            # A change of position: the first one ends, a new one starts the day after.
            skifte = fra + timedelta(days=tilfeldig.randrange(200, 600))
            arbeidsforhold.append((nummer, kode, navn, fra, skifte, tilfeldig.choice(STILLINGER)))
            fra = skifte + timedelta(days=1)
        arbeidsforhold.append((nummer, kode, navn, fra, None, tilfeldig.choice(STILLINGER)))
        dag = start + timedelta(days=tilfeldig.randrange(0, 200))
        for _ in range(per_ansatt):
            if tilfeldig.random() < 0.6:
                lengde, type_, grad = tilfeldig.randrange(1, 4), "egenmelding", 100
            else:
                lengde, type_ = tilfeldig.randrange(5, 60), "sykmelding"
                grad = tilfeldig.choice(GRADER)
            fravaer.append((nummer, dag, dag + timedelta(days=lengde - 1), type_, grad))
            dag += timedelta(days=lengde + tilfeldig.randrange(1, 120))
    return Data(ansatte, arbeidsforhold, fravaer)


def _norsk(dag: date | None) -> str:
    return "" if dag is None else f"{dag.day:02d}.{dag.month:02d}.{dag.year}"


def _komma(tall: float) -> str:
    return f"{tall:g}".replace(".", ",")


def skriv_csv(data: Data, mappe: Path) -> list[Path]:
    filer = {
        "ansatte.csv": ["ansattnummer;navn", *(f"{n};{navn}" for n, navn in data.ansatte)],
        "arbeidsforhold.csv": [
            "ansattnummer;avdeling;avdelingsnavn;fra_dato;til_dato;stillingsprosent",
            *(
                f"{n};{kode};{navn};{_norsk(fra)};{_norsk(til)};{_komma(stilling)}"
                for n, kode, navn, fra, til, stilling in data.arbeidsforhold
            ),
        ],
        "fravaer.csv": [
            "ansattnummer;fra_dato;til_dato;type;grad",
            *(
                f"{n};{_norsk(fra)};{_norsk(til)};{type_};{grad}"
                for n, fra, til, type_, grad in data.fravaer
            ),
        ],
    }
    stier = []
    for navn, linjer in filer.items():
        sti = mappe / navn
        sti.write_bytes(("\ufeff" + "\r\n".join(linjer) + "\r\n").encode("utf-8"))
        stier.append(sti)
    return stier


def skriv_xlsx(data: Data, mappe: Path) -> Path:
    bok = openpyxl.Workbook(write_only=True)
    ansatte = bok.create_sheet("Employees")
    ansatte.append(["Employee ID", "Full name"])
    for nummer, navn in data.ansatte:
        ansatte.append([int(nummer), navn])
    stillinger = bok.create_sheet("Employments")
    stillinger.append(
        ["Employee ID", "Department code", "Department", "Start date", "End date", "FTE %"]
    )
    for nummer, kode, avdeling, fra, til, stilling in data.arbeidsforhold:
        andel = openpyxl.cell.WriteOnlyCell(stillinger, stilling / 100)
        andel.number_format = "0.0%"
        stillinger.append([int(nummer), kode, avdeling, fra, til, andel])
    perioder = bok.create_sheet("Absences")
    perioder.append(["Employee ID", "Start date", "End date", "Absence type", "Degree %"])
    typer = {"egenmelding": "Self-certified", "sykmelding": "Medical certificate"}
    for nummer, fra, til, type_, grad in data.fravaer:
        perioder.append([int(nummer), fra, til, typer[type_], grad])
    sti = mappe / "hr_eksport.xlsx"
    bok.save(sti)
    _med_dimensjon(sti, [2, 6, 5])
    return sti


def _med_dimensjon(sti: Path, bredder: list[int]) -> None:
    """Adds each sheet's <dimension>, as Excel writes it and openpyxl's write-only mode does not.

    Without it openpyxl's reader parses every sheet once more just to learn its size, which is
    not what reading an export from Excel or an HR system costs.
    """
    with zipfile.ZipFile(sti) as inn:
        deler = {navn: inn.read(navn) for navn in inn.namelist()}
    for nr, bredde in enumerate(bredder, start=1):
        navn = f"xl/worksheets/sheet{nr}.xml"
        xml = deler[navn]
        rader = xml.count(b"<row ")
        dimensjon = f'<dimension ref="A1:{"ABCDEFGHIJ"[bredde - 1]}{rader}"/>'.encode()
        deler[navn] = xml.replace(b"</sheetPr>", b"</sheetPr>" + dimensjon, 1)
    with zipfile.ZipFile(sti, "w", zipfile.ZIP_DEFLATED) as ut:
        for navn, innhold in deler.items():
            ut.writestr(navn, innhold)


def tid(stier: list[Path]) -> tuple[float, float, Innlesing]:
    """Seconds to read the files into cells alone, and to read, check and type them."""
    filer = [Fil.fra_sti(sti) for sti in stier]
    kjente = kjente_overskrifter()
    start = time.perf_counter()
    for fil in filer:
        les_fil(fil, kjente)
    lesing = time.perf_counter() - start
    start = time.perf_counter()
    innlesing = les_inn(filer)
    return lesing, time.perf_counter() - start, innlesing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rader", type=int, default=100_000, help="antall fraværsrader")
    args = parser.parse_args()
    data = lag_data(args.rader)
    with tempfile.TemporaryDirectory() as mappe:
        csv_stier = skriv_csv(data, Path(mappe))
        xlsx_sti = skriv_xlsx(data, Path(mappe))
        resultat: dict[str, object] = {
            "fravaer": len(data.fravaer),
            "ansatte": len(data.ansatte),
            "arbeidsforhold": len(data.arbeidsforhold),
        }
        for navn, stier in (("csv", csv_stier), ("xlsx", [xlsx_sti])):
            lesing, sekunder, innlesing = tid(stier)
            assert len(innlesing.fravaer) == len(data.fravaer), "alle radene skal leses inn"
            storrelse = sum(s.stat().st_size for s in stier) / 1e6
            print(
                f"{navn.upper()}: {len(innlesing.fravaer)} fravær, {len(innlesing.ansatte)} "
                f"ansatte, {len(innlesing.arbeidsforhold)} arbeidsforhold ({storrelse:.1f} MB): "
                f"bare lesing {lesing:.2f} s, lesing og kontroll {sekunder:.2f} s"
            )
            resultat[f"{navn}_lesing_s"] = round(lesing, 2)
            resultat[f"{navn}_s"] = round(sekunder, 2)
        print(json.dumps(resultat))


if __name__ == "__main__":
    main()
