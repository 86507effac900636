"""Writes the XLSX sample files in ``filer/`` (the CSV samples are written by hand).

They hold the same employees, positions and absence as ``filer/mal/``, shaped like an export
from an HR system with English headers. Run it again after changing the data:

    .venv/bin/python tests/egendata/lag_xlsx.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

FILER = Path(__file__).parent / "filer"

ANSATTE = [
    (1001, "Bjørn Ærø"),
    (1002, "Åse Lindqvist"),
    (1003, "Sigrid Haugen"),
    (1004, "Ole-Petter Bakke"),
    (1005, "Fatima Rahimi"),
    (1006, "Jon Øverli"),
    (1007, "Marte Solheim"),
    (1008, "Trond Nilsen"),
]
FURULY, GRANLY = "Furuly bo- og behandling", "Granly skjermet enhet"
KJOKKEN, ADMINISTRASJON = "Kjøkken og vaskeri", "Administrasjon"
ARBEIDSFORHOLD = [
    (1001, "210", FURULY, date(2019, 3, 1), None, 1.0),
    (1002, "210", FURULY, date(2021, 8, 15), None, 0.8),
    (1003, "220", GRANLY, date(2020, 1, 1), date(2024, 12, 31), 0.6),
    (1003, "220", GRANLY, date(2025, 1, 1), None, 0.75),
    (1004, "110", KJOKKEN, date(2018, 9, 1), None, 1.0),
    (1005, "220", GRANLY, date(2023, 2, 1), None, 0.505),
    (1006, "900", ADMINISTRASJON, date(2017, 4, 10), date(2025, 6, 30), 1.0),
    (1007, "210", FURULY, date(2024, 6, 1), None, 0.375),
    (1008, "110", KJOKKEN, date(2022, 1, 1), None, 1.0),
]
EGEN, SYK = "Self-certified", "Medical certificate"
FRAVAER = [
    (1001, date(2025, 1, 6), date(2025, 1, 8), EGEN, 100),
    (1001, date(2025, 2, 3), date(2025, 2, 28), SYK, 100),
    (1001, date(2025, 3, 1), date(2025, 3, 31), SYK, 50),
    (1002, date(2025, 1, 13), date(2025, 1, 15), EGEN, 100),
    (1003, date(2025, 2, 10), date(2025, 2, 21), SYK, 60),
    (1003, date(2025, 2, 17), date(2025, 2, 28), SYK, 100),
    (1004, date(2025, 5, 5), date(2025, 5, 7), EGEN, 100),
    (1005, date(2025, 6, 2), date(2025, 6, 29), SYK, 40),
    (1006, date(2025, 1, 20), date(2025, 1, 24), EGEN, 100),
    (1006, date(2025, 1, 27), date(2025, 3, 14), SYK, 100),
    (1007, date(2025, 9, 8), date(2025, 9, 12), SYK, 100),
    (1008, date(2025, 4, 15), date(2025, 4, 16), EGEN, 100),
    (1008, date(2025, 10, 1), date(2025, 10, 31), SYK, 50),
]


def _dato(dag: date | None, som_tekst: bool) -> date | str | None:
    if dag is None or not som_tekst:
        return dag
    return f"{dag.day:02d}.{dag.month:02d}.{dag.year}"


def lag(sti: Path, som_tekst: bool = False, fravaer: list[tuple] | None = None) -> None:
    """The workbook; ``som_tekst`` writes dates and numbers as text, as some exports do."""
    bok = openpyxl.Workbook()
    notat = bok.active
    assert notat is not None
    notat.title = "Info"
    notat.append(["Eksport fra HR-systemet"])
    notat.append(["Laget", "12.01.2026 08:14"])
    notat.append(["Utvalg", "Furuly sykehjem, alle aktive og sluttede i 2025"])

    ansatte = bok.create_sheet("Employees")
    ansatte.append(["Employee ID", "Full name", "E-mail"])
    for nummer, navn in ANSATTE:
        epost = navn.split()[0].lower().replace("ø", "o").replace("å", "a") + "@furuly.example"
        ansatte.append([nummer, navn, epost])

    stillinger = bok.create_sheet("Employments")
    stillinger.append(
        ["Employee ID", "Department code", "Department", "Start date", "End date", "FTE %"]
    )
    for nummer, kode, avdeling, fra, til, andel in ARBEIDSFORHOLD:
        stilling = f"{andel * 100:g}".replace(".", ",") if som_tekst else andel
        stillinger.append(
            [nummer, kode, avdeling, _dato(fra, som_tekst), _dato(til, som_tekst), stilling]
        )
        if not som_tekst:
            rad = stillinger.max_row
            stillinger.cell(rad, 6).number_format = "0.0%"
            for kolonne in (4, 5):
                stillinger.cell(rad, kolonne).number_format = "dd.mm.yyyy"

    perioder = bok.create_sheet("Absences")
    perioder.append(["Employee ID", "Start date", "End date", "Absence type", "Degree %"])
    for nummer, fra, til, type_, grad in fravaer or FRAVAER:
        verdi = str(grad) if som_tekst else grad
        perioder.append([nummer, _dato(fra, som_tekst), _dato(til, som_tekst), type_, verdi])
        if not som_tekst:
            for kolonne in (2, 3):
                perioder.cell(perioder.max_row, kolonne).number_format = "dd.mm.yyyy"
    bok.save(sti)


def main() -> None:
    lag(FILER / "hr" / "hr_eksport.xlsx")
    lag(FILER / "hr" / "hr_eksport_tekstdatoer.xlsx", som_tekst=True)
    feil = list(FRAVAER)
    feil[6] = (1004, date(2025, 5, 5), date(2025, 5, 7), EGEN, 50)
    lag(FILER / "feil" / "hr_egenmelding_grad_50.xlsx", fravaer=feil)
    hel = (FILER / "hr" / "hr_eksport.xlsx").read_bytes()
    (FILER / "feil" / "hr_avkortet.xlsx").write_bytes(hel[: len(hel) * 2 // 3])


if __name__ == "__main__":
    main()
