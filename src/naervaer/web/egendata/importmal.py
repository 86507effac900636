"""The import template as files to download: the three CSV files with their header and example
rows, as Excel on a Norwegian PC saves them (UTF-8 with BOM, «;», dd.mm.yyyy, decimal comma).

The example rows are made up; the employee numbers are ones a new virksomhet does not have yet.
"""

from __future__ import annotations

from naervaer.egendata.kolonner import FELTER, Tabell

EKSEMPLER: dict[Tabell, tuple[tuple[str, ...], ...]] = {
    Tabell.ANSATTE: (("1001", "Bjørn Ærø"), ("1002", "Åse Lindqvist"), ("1003", "Sigrid Haugen")),
    Tabell.ARBEIDSFORHOLD: (
        ("1001", "210", "Furuly bo- og behandling", "200", "01.03.2019", "", "100"),
        ("1002", "210", "Furuly bo- og behandling", "200", "15.08.2021", "31.12.2024", "80"),
        ("1002", "220", "Granly skjermet enhet", "200", "01.01.2025", "", "37,5"),
        ("1003", "200", "Pleie og omsorg", "", "01.06.2015", "", "100"),
    ),
    Tabell.FRAVAER: (
        ("1001", "06.01.2025", "08.01.2025", "egenmelding", "100"),
        ("1001", "03.02.2025", "28.02.2025", "sykmelding", "100"),
        ("1002", "01.03.2025", "31.03.2025", "sykmelding", "50"),
    ),
}
MALFILER: dict[str, Tabell] = {
    "ansatte.csv": Tabell.ANSATTE,
    "arbeidsforhold.csv": Tabell.ARBEIDSFORHOLD,
    "fravaer.csv": Tabell.FRAVAER,
}


def malfil(navn: str) -> bytes | None:
    tabell = MALFILER.get(navn)
    if tabell is None:
        return None
    linjer = [";".join(f.navn for f in FELTER[tabell]), *(";".join(r) for r in EKSEMPLER[tabell])]
    return "\ufeff".encode() + ("\r\n".join(linjer) + "\r\n").encode()
