"""Downloads of the own statistics page: /virksomhet/<orgnr>/egne-tall/last-ned.<format>."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.test import Client

from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata

pytestmark = pytest.mark.django_db


@pytest.fixture
def beregnet(egendata: Egendata) -> Egendata:
    from naervaer.web.egenstatistikk.beregning import beregn
    from naervaer.web.virksomheter.models import Virksomhet

    beregn(Virksomhet.objects.get(pk=SOLSIKKEN), dag=date(2026, 3, 1))
    return egendata


def _last_ned(client: Client, bruker: object, format: str, **valg: str) -> bytes:
    client.force_login(bruker)  # type: ignore[arg-type]
    svar = client.get(f"/virksomhet/{SOLSIKKEN}/egne-tall/last-ned.{format}", valg)
    assert svar.status_code == 200
    assert "attachment" in svar["Content-Disposition"]
    assert "no-store" in svar["Cache-Control"]
    return svar.content


def _csv(innhold: bytes) -> list[list[str]]:
    assert innhold.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.reader(io.StringIO(innhold.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_holds_the_page_with_masked_figures_as_stars(
    client: Client, beregnet: Egendata
) -> None:
    client.force_login(beregnet.hr)
    svar = client.get(f"/virksomhet/{SOLSIKKEN}/egne-tall/last-ned.csv", {"periode": "2025-05"})
    assert svar["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="egne-tall-910000001-maned-2025-05.csv"' in svar["Content-Disposition"]
    rader = _csv(svar.content)
    assert rader[0] == ["Egne tall for Solsikken barnehage AS, mai 2025"]
    assert ["Periode", "mai 2025"] in rader and ["Sammenlignet med", "mai 2024"] in rader
    assert ["Storbarn (under Barnehagen)", "5", "0,0", "0,0", "0,0", ""] in rader
    for navn in ("Barnehagen", "Småbarn (under Barnehagen)", "Kjøkken"):
        assert [navn, "***", "***", "***", "***", "***"] in rader, navn
    assert ["Ansatte direkte i Barnehagen", "***", "***", "***", "***", "***"] in rader
    # Kjøkken's May (3 / 38,5 = 7,8 %) is in no cell.
    assert not any("7,8" in celle for rad in rader for celle in rad)


def test_the_csv_of_a_quarter_has_the_bransje(client: Client, beregnet: Egendata) -> None:
    rader = _csv(_last_ned(client, beregnet.hr, "csv", inndeling="kvartal", periode="2025K4"))
    overskrift = next(r for r in rader if r and r[0] == "Mål")
    assert overskrift[-1] == "Bransjen barnehager, 4. kvartal 2025 (%)"
    assert ["Sykefravær totalt", "4,2", "", "", "9,0"] in rader
    assert ["4. kv. 2025", "4,2", "0,9", "3,3", "9,0"] in rader


def test_a_leaders_file_has_only_the_departments_led(client: Client, beregnet: Egendata) -> None:
    tekst = _last_ned(client, beregnet.leder, "csv", periode="2025-05").decode("utf-8-sig")
    assert "Småbarn" in tekst
    for annen in ("Storbarn", "Kjøkken", "Barnehagen;"):
        assert annen not in tekst


def test_the_xlsx_has_numbers_and_stars(client: Client, beregnet: Egendata) -> None:
    from openpyxl import load_workbook

    bok = load_workbook(
        io.BytesIO(_last_ned(client, beregnet.hr, "xlsx", periode="2025-11")), data_only=True
    )
    assert bok.sheetnames == ["Om tallene", "Nøkkeltall", "Per avdeling", "Utvikling"]
    nokkeltall = [[c.value for c in r] for r in bok["Nøkkeltall"].iter_rows(min_row=3)]
    assert nokkeltall[0][:2] == ["Sykefravær totalt", 4.5]
    avdelinger = {r[0].value: [c.value for c in r[1:]] for r in bok["Per avdeling"].iter_rows(3)}
    assert avdelinger["Kjøkken"] == ["***"] * 5
    assert avdelinger["Storbarn (under Barnehagen)"][0] == 5


@pytest.mark.parametrize("hvem", ["ansatt", "fremmed"])
def test_no_file_for_those_without_the_right(client: Client, beregnet: Egendata, hvem: str) -> None:
    client.force_login(beregnet.ansatt if hvem == "ansatt" else beregnet.inst.fremmed)
    assert client.get(f"/virksomhet/{SOLSIKKEN}/egne-tall/last-ned.csv").status_code == 404


def test_an_unknown_format_or_no_figures_is_404(client: Client, beregnet: Egendata) -> None:
    client.force_login(beregnet.inst.admin)
    assert client.get(f"/virksomhet/{SOLSIKKEN}/egne-tall/last-ned.pdf").status_code == 404
    assert client.get(f"/virksomhet/{SMAABYGG}/egne-tall/last-ned.csv").status_code == 404


def test_the_page_links_to_the_files_with_its_own_choices(
    client: Client, beregnet: Egendata
) -> None:
    client.force_login(beregnet.hr)
    html = client.get(
        f"/virksomhet/{SOLSIKKEN}/egne-tall/", {"inndeling": "kvartal", "periode": "2025-05"}
    ).content.decode()
    assert (
        f'href="/virksomhet/{SOLSIKKEN}/egne-tall/last-ned.csv?inndeling=kvartal&amp;'
        f'periode=2025K2&amp;enhet=virksomhet"'
    ) in html
