"""Demo export files in the documented import template, for a made-up virksomhet.

The demo installation imports these files through the same path as a real employer's export,
so the demo exercises the import. Everything is invented from a seed: names drawn from common
Norwegian first and last names, departments that fit the bransje, and absence with the shape of
real sick leave (many short egenmeldinger, a few long sykmeldinger, some graded).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FORNAVN = (
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Hilde", "Nina", "Silje", "Ida", "Nora", "Emma", "Sara", "Thea", "Maja", "Ingeborg",
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Hans",
    "Geir", "Morten", "Anders", "Jonas", "Magnus", "Emil", "Henrik", "Sander", "Even", "Tobias",
    "Aisha", "Mohammed", "Fatima", "Ali", "Agnieszka", "Tomasz", "Maria", "Linnea", "Ahmed",
)  # fmt: skip
ETTERNAVN = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
    "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg",
    "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kowalski", "Ali", "Nowak",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Demoavdeling:
    kode: str
    navn: str
    andel: float
    """The share of the employees who work here."""
    overordnet: str | None = None


AVDELINGER: dict[str, tuple[Demoavdeling, ...]] = {
    "barnehage": (
        Demoavdeling("100", "Barnehagen", 0.04),
        Demoavdeling("110", "Blåbær (småbarn)", 0.35, "100"),
        Demoavdeling("120", "Tyttebær (storbarn)", 0.40, "100"),
        Demoavdeling("200", "Kjøkken og drift", 0.25),
    ),
    "sykehjem": (
        Demoavdeling("10", "Pleie og omsorg", 0.03),
        Demoavdeling("11", "Post 1 langtid", 0.30, "10"),
        Demoavdeling("12", "Post 2 korttid", 0.25, "10"),
        Demoavdeling("13", "Skjermet enhet", 0.20, "10"),
        Demoavdeling("20", "Kjøkken", 0.15),
        Demoavdeling("30", "Administrasjon", 0.10),
    ),
    "bygg": (
        Demoavdeling("P", "Prosjekter", 0.04),
        Demoavdeling("P1", "Prosjekt Nord", 0.40, "P"),
        Demoavdeling("P2", "Prosjekt Sør", 0.35, "P"),
        Demoavdeling("V", "Verksted og lager", 0.15),
        Demoavdeling("A", "Administrasjon", 0.10),
    ),
    "annet": (
        Demoavdeling("1", "Drift", 0.55),
        Demoavdeling("2", "Salg og kundeservice", 0.30),
        Demoavdeling("3", "Administrasjon", 0.15),
    ),
}


@dataclass(frozen=True, slots=True)
class Demoansatt:
    ansattnummer: str
    navn: str
    avdeling: str
    fra_dato: date
    til_dato: date | None
    stillingsprosent: int


@dataclass(frozen=True, slots=True)
class Demofravaer:
    ansattnummer: str
    fra_dato: date
    til_dato: date
    type: str
    grad: int


@dataclass(frozen=True, slots=True)
class Demodata:
    avdelinger: tuple[Demoavdeling, ...]
    ansatte: tuple[Demoansatt, ...]
    fravaer: tuple[Demofravaer, ...]


def _hverdag(dag: date) -> date:
    while dag.weekday() >= 5:
        dag += timedelta(days=1)
    return dag


def lag_demodata(
    antall: int, art: str, fra: date, til: date, seed: int, forste_nummer: int = 1001
) -> Demodata:
    """``antall`` employees, employed through [fra, til] (some came or left on the way), with
    absence drawn day by day from rates close to the Norwegian average. Absence begins no later
    than ``til``; a sick note that began before may run past it, as one that is still going on."""
    rng = random.Random(seed)
    avdelinger = AVDELINGER.get(art, AVDELINGER["annet"])
    med_folk = [a for a in avdelinger if a.andel > 0]
    ansatte: list[Demoansatt] = []
    for i in range(antall):
        # Every department gets someone first, so each has a name in the files.
        if i < len(med_folk):
            avdeling = med_folk[i]
        else:
            avdeling = rng.choices(med_folk, weights=[a.andel for a in med_folk])[0]
        start = fra - timedelta(days=rng.randint(0, 3000))
        if rng.random() < 0.15:
            start = fra + timedelta(days=rng.randint(0, (til - fra).days - 60))
        slutt = None
        if rng.random() < 0.1:
            slutt = start + timedelta(days=rng.randint(200, 900))
            if slutt >= til or slutt <= fra:
                slutt = None
        stilling = rng.choices([100, 80, 60, 50], weights=[70, 15, 10, 5])[0]
        navn = f"{rng.choice(FORNAVN)} {rng.choice(ETTERNAVN)}"
        ansatte.append(
            Demoansatt(str(forste_nummer + i), navn, avdeling.kode, start, slutt, stilling)
        )
    fravaer: list[Demofravaer] = []
    for ansatt in ansatte:
        tilboyelighet = rng.lognormvariate(0, 0.7)
        dag = max(fra, ansatt.fra_dato)
        siste = min(til, ansatt.til_dato or til)
        while dag <= siste:
            # About 1.5 egenmeldinger and 0.35 sykmeldinger per person and year.
            if rng.random() < 1.5 / 365 * tilboyelighet:
                lengde = rng.choices([1, 2, 3], weights=[45, 30, 25])[0]
                start = _hverdag(dag)
                slutt = min(start + timedelta(days=lengde - 1), siste)
                if start <= slutt:
                    fravaer.append(
                        Demofravaer(ansatt.ansattnummer, start, slutt, "egenmelding", 100)
                    )
                dag = slutt + timedelta(days=rng.randint(20, 60))
                continue
            if rng.random() < 0.35 / 365 * tilboyelighet:
                sluttdag = ansatt.til_dato or (til + timedelta(days=120))
                dag = _sykmelding(rng, ansatt.ansattnummer, _hverdag(dag), siste, sluttdag, fravaer)
                continue
            dag += timedelta(days=1)
    return Demodata(avdelinger, tuple(ansatte), tuple(fravaer))


def _sykmelding(
    rng: random.Random, nummer: str, start: date, siste: date, sluttdag: date, ut: list[Demofravaer]
) -> date:
    """A sick note, sometimes after an egenmelding, sometimes renewed as graded: the next day
    on which a new absence may begin."""
    if start > siste:
        return start
    if rng.random() < 0.3:
        slutt = min(start + timedelta(days=1), siste)
        ut.append(Demofravaer(nummer, start, slutt, "egenmelding", 100))
        start = slutt + timedelta(days=1)
        if start > siste:
            return start
    varighet = max(4, int(rng.lognormvariate(2.7, 0.9)))
    slutt = min(start + timedelta(days=varighet), sluttdag)
    ut.append(Demofravaer(nummer, start, slutt, "sykmelding", 100))
    if slutt < siste and varighet > 20 and rng.random() < 0.4:
        gradert_start = slutt + timedelta(days=1)
        gradert_slutt = min(gradert_start + timedelta(days=rng.randint(14, 60)), sluttdag)
        ut.append(
            Demofravaer(
                nummer, gradert_start, gradert_slutt, "sykmelding", rng.choice([40, 50, 60])
            )
        )
        slutt = gradert_slutt
    return slutt + timedelta(days=rng.randint(30, 120))


def _dato(dag: date | None) -> str:
    return "" if dag is None else dag.strftime("%d.%m.%Y")


def _skriv(sti: Path, overskrift: Sequence[str], rader: Sequence[Sequence[object]]) -> None:
    # As payroll systems write it for Norwegian Excel: BOM, semicolons, dd.mm.yyyy.
    with sti.open("w", encoding="utf-8-sig", newline="") as fil:
        skriver = csv.writer(fil, delimiter=";", lineterminator="\r\n")
        skriver.writerow(overskrift)
        skriver.writerows(rader)


def skriv_demofiler(data: Demodata, mappe: Path, med_overordnet: bool = True) -> list[Path]:
    """Write ansatte.csv, arbeidsforhold.csv and fravaer.csv in the documented template."""
    mappe.mkdir(parents=True, exist_ok=True)
    navn = {a.kode: a.navn for a in data.avdelinger}
    overordnet = {a.kode: a.overordnet or "" for a in data.avdelinger}
    ansatte = mappe / "ansatte.csv"
    _skriv(ansatte, ["ansattnummer", "navn"], [(a.ansattnummer, a.navn) for a in data.ansatte])
    arbeidsforhold = mappe / "arbeidsforhold.csv"
    kolonner = ["ansattnummer", "avdeling", "avdelingsnavn", "fra_dato", "til_dato"]
    kolonner.append("stillingsprosent")
    if med_overordnet:
        kolonner.append("overordnet_avdeling")
    _skriv(
        arbeidsforhold,
        kolonner,
        [
            (
                a.ansattnummer,
                a.avdeling,
                navn[a.avdeling],
                _dato(a.fra_dato),
                _dato(a.til_dato),
                a.stillingsprosent,
                *([overordnet[a.avdeling]] if med_overordnet else []),
            )
            for a in data.ansatte
        ],
    )
    fravaer = mappe / "fravaer.csv"
    _skriv(
        fravaer,
        ["ansattnummer", "fra_dato", "til_dato", "type", "grad"],
        [
            (f.ansattnummer, _dato(f.fra_dato), _dato(f.til_dato), f.type, f.grad)
            for f in data.fravaer
        ],
    )
    return [ansatte, arbeidsforhold, fravaer]
