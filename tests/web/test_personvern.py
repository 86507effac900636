"""A person's export (art. 15) and erasure (art. 17), and the retention page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Fravaer
from naervaer.web.egendata.signaler import fravaer_endret
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.revisjon.models import Hendelse
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db
STI = f"/virksomhet/{SOLSIKKEN}/personvern/"


def sti(egendata: Egendata, nummer: str, rest: str = "") -> str:
    return f"{STI}ansatt/{egendata.ansatte[nummer].pk}/{rest}"


def test_the_page_says_how_long_data_is_kept(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    t = tekst(client.get(STI).content)
    assert "slettes 3 år etter at sykefraværstilfellet var over" in t
    assert "Slettingen har ikke kjørt for virksomheten ennå." in t


def test_finding_an_employee_by_number(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.get(f"{STI}finn/", {"ansattnummer": "1002"})
    assert svar["Location"] == sti(egendata, "1002")
    feil = client.get(f"{STI}finn/", {"ansattnummer": "4242"}, follow=True)
    assert "Fant ingen ansatt med ansattnummer «4242»." in tekst(feil.content)


def test_the_export_holds_everything_and_who_looked(client: Client, egendata: Egendata) -> None:
    tilfelle = Tilfelle.objects.create(ansatt=egendata.ansatte["1002"], fra_dato="2025-01-06")
    Oppgave.objects.create(
        tilfelle=tilfelle,
        kode="oppfolgingsplan",
        frist="2025-02-03",
        ansvarlig="leder",
        hva="Lag oppfølgingsplan",
        kilde="aml. § 4-6 (3)",
    )
    client.force_login(egendata.inst.admin)
    t = tekst(client.get(sti(egendata, "1002")).content)
    assert "Fravær: 2" in t and "Oppgaver: 1" in t and "Sykefraværstilfeller: 1" in t
    svar = client.get(sti(egendata, "1002", "innsyn.json"))
    assert svar["Content-Disposition"] == 'attachment; filename="innsyn-1002.json"'
    data = json.loads(svar.content)
    assert data["ansattnummer"] == "1002"
    typer = sorted(o["type"] for o in data["opplysninger"])
    assert typer == [
        "ansatt",
        "arbeidsforhold",
        "fravær",
        "fravær",
        "oppgave",
        "sykefraværstilfelle",
    ]
    grader = sorted(o["felter"]["grad"] for o in data["opplysninger"] if o["type"] == "fravær")
    assert grader == ["100.00", "50.00"]
    # The two views of the administrator are in the export's own log.
    hva = [linje["hva"] for linje in data["innsyn_i_loggen"]]
    assert hva == ["så oversikten over lagrede opplysninger", "lastet ned innsyn (art. 15)"]
    assert "diagnose" not in json.dumps(data["opplysninger"]).lower()


def test_erasure_needs_the_number_typed(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(sti(egendata, "1002", "slett/"), {"bekreft": "1003"}, follow=True)
    assert "Skriv ansattnummeret 1002 for å bekrefte" in tekst(svar.content)
    assert Ansatt.objects.filter(ansattnummer="1002").exists()


def test_erasure_takes_everything_and_leaves_one_line(client: Client, egendata: Egendata) -> None:
    mottatt: list[dict[str, Any]] = []

    def mottaker(**kwargs: Any) -> None:
        mottatt.append(kwargs)

    fravaer_endret.connect(mottaker)
    try:
        pk = egendata.ansatte["1002"].pk
        Tilfelle.objects.create(ansatt=egendata.ansatte["1002"], fra_dato="2025-01-06")
        client.force_login(egendata.inst.admin)
        svar = client.post(sti(egendata, "1002", "slett/"), {"bekreft": "1002"}, follow=True)
    finally:
        fravaer_endret.disconnect(mottaker)
    assert "Alle opplysninger om ansatt 1002 er slettet." in tekst(svar.content)
    assert not Ansatt.objects.filter(ansattnummer="1002").exists()
    assert not Fravaer.objects.filter(ansatt_id=pk).exists()
    assert not Arbeidsforhold.objects.filter(ansatt_id=pk).exists()
    assert not Tilfelle.objects.filter(ansatt_id=pk).exists()
    assert mottatt[0]["ansatt_ids"] == frozenset({pk})
    linje = Hendelse.objects.get(hva__startswith="slettet alle")
    assert (linje.ansattnummer, linje.ansatt, linje.bruker_epost) == (
        "1002",
        None,
        "admin@example.no",
    )


def test_the_employee_downloads_their_own_data(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.ansatt)
    data = json.loads(client.get(f"{STI}mine-opplysninger.json").content)
    assert data["ansattnummer"] == "1001"
    assert {o["felter"].get("ansattnummer") for o in data["opplysninger"]} <= {"1001", None}
    assert Hendelse.objects.filter(
        ansattnummer="1001", hva="lastet ned sine egne opplysninger (art. 15)"
    ).exists()


def test_someone_who_is_not_an_employee_has_no_own_data(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.verneombud)
    assert client.get(f"{STI}mine-opplysninger.json").status_code == 404


@pytest.mark.parametrize(
    "rolle", ["HR", "LEDER", "VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"]
)
def test_only_the_administrator_exports_and_erases(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(STI).status_code == 404
    assert client.get(sti(egendata, "1002", "innsyn.json")).status_code == 404
    assert client.post(sti(egendata, "1002", "slett/"), {"bekreft": "1002"}).status_code == 404
    assert Ansatt.objects.filter(ansattnummer="1002").exists()


def test_mitt_fravaer_links_to_the_own_export(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.ansatt)
    html = client.get(f"/virksomhet/{SOLSIKKEN}/fravaer/mitt/").content.decode()
    assert f'href="{STI}mine-opplysninger.json"' in html
