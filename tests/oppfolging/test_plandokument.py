"""What the files say about a version besides the plan: the facts, where it stands with the
employee, and the name of the file."""

from __future__ import annotations

from datetime import datetime

from tests.oppfolging.plandokumenter import OSLO, dokument


def test_the_facts_name_the_employee_the_virksomhet_and_the_version() -> None:
    assert dokument().fakta == (
        ("Ansatt", "Bjørn Berg"),
        ("Virksomhet", "Solsikken barnehage AS (org.nr. 910000001)"),
        ("Sykefraværet begynte", "02.02.2026"),
        ("Versjon", "3, lagret 02.03.2026 kl. 09.05 av Lars Leder"),
    )


def test_where_the_version_stands_with_the_employee() -> None:
    delt = datetime(2026, 3, 2, 10, 0, tzinfo=OSLO)
    enig = datetime(2026, 3, 3, 8, 30, tzinfo=OSLO)
    assert dokument().enighet == "Denne versjonen er ikke delt med den ansatte."
    assert dokument(delt=delt).enighet.startswith("Delt med den ansatte 02.03.2026 kl. 10.00.")
    assert dokument(delt=delt, enig=enig).enighet == (
        "Den ansatte bekreftet 03.03.2026 kl. 08.30 at hen er enig i denne versjonen av planen."
    )
    assert dokument().advarsel is None
    assert "nyere versjon" in (dokument(nyere_finnes=True).advarsel or "")


def test_the_file_name_holds_no_one() -> None:
    assert dokument().filnavn == "oppfolgingsplan-versjon-3-2026-03-02"
