"""The own statistics page: /virksomhet/<orgnr>/egne-tall/.

Solsikken's own data (tests/web/conftest.py ``egendata``), computed as on 1 March 2026: the months
January 2025 to January 2026 and the four quarters of 2025. Barnehagen (10 persons: Småbarn 4,
Storbarn 5 and one directly in Barnehagen) and Kjøkken (2). The figures below were worked out by
hand from the calendar and the fixture's absence.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata

pytestmark = pytest.mark.django_db

URL = f"/virksomhet/{SOLSIKKEN}/egne-tall/"
ALLE_AVDELINGER = ("ADMINISTRATOR", "HR", "VERNEOMBUD", "TILLITSVALGT", "STATISTIKK")


def tekst(html: bytes | str) -> str:
    """The page's visible text in one line (without the chart), for asserting sentences."""
    if isinstance(html, bytes):
        html = html.decode()
    uten_svg = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", uten_svg)).strip()


def rad(html: str, navn: str) -> str:
    """The text of the department table's row whose header starts with ``navn``."""
    tabell = html[html.index('id="avdelinger-tittel"') :]
    for rad_html in re.findall(r"<tr.*?</tr>", tabell, flags=re.S):
        t = tekst(rad_html)
        if t.startswith(navn):
            return t
    raise AssertionError(f"ingen rad for {navn}")


@pytest.fixture
def beregnet(egendata: Egendata) -> Egendata:
    from naervaer.web.egenstatistikk.beregning import beregn
    from naervaer.web.virksomheter.models import Virksomhet

    beregn(Virksomhet.objects.get(pk=SOLSIKKEN), dag=date(2026, 3, 1))
    return egendata


def hent(client: Client, bruker: object, **parametre: str) -> str:
    client.force_login(bruker)  # type: ignore[arg-type]
    svar = client.get(URL, parametre)
    assert svar.status_code == 200
    return svar.content.decode()


def test_november_2025_for_the_whole_virksomhet(client: Client, beregnet: Egendata) -> None:
    t = tekst(hent(client, beregnet.hr, periode="2025-11"))
    assert "Solsikken barnehage AS, november 2025" in t
    assert "Sammenlignet med samme måned året før (november 2024)" in t
    # 20 working days × 10,65 full-time equivalents = 213; 1003 3 days, 1007 3 days at 50 % and
    # then 17 days at 50 % × 60 %: 3 + 1,5 + 5,1 = 9,6 dagsverk.
    assert "Personer 12 Tapte dagsverk 9,6 Mulige dagsverk 213,0" in t
    assert "Sykefravær totalt November 2025 4,5 % November 2024 Ingen data" in t
    assert "Egenmeldt sykefravær November 2025 2,1 %" in t
    assert "Legemeldt sykefravær November 2025 2,4 %" in t
    assert "Gradert sykmelding November 2025 100,0 %" in t
    # 1007's case began 3 November and is 28 days old at the month's end: langtid.
    assert "Korttidsfravær (1–16 dager) November 2025 1,4 %" in t
    assert "Langtidsfravær (17 dager eller mer) November 2025 3,1 %" in t
    assert "velg kvartal for å sammenligne med bransjen" in t


def test_a_quarter_is_compared_with_the_bransje(client: Client, beregnet: Egendata) -> None:
    t = tekst(hent(client, beregnet.hr, inndeling="kvartal", periode="2025K4"))
    assert "Solsikken barnehage AS, 4. kvartal 2025" in t
    # 66 working days × 10,65 = 702,9; 5 + 1,5 + 12 + 11,25 = 29,75 tapte.
    assert "Tapte dagsverk 29,8 Mulige dagsverk 702,9" in t
    assert "Sykefravær totalt 4. kvartal 2025 4,2 % 4. kvartal 2024 Ingen data" in t
    assert "Bransjen barnehager 9,0 %" in t
    assert "og med bransjen barnehager i hele landet i det samme kvartalet" in t
    # The history has the bransje as a fourth column, one row per quarter, newest first.
    assert "4. kv. 2025 4,2 0,9 3,3 9,0 3. kv. 2025" in t


def test_switching_to_quarters_keeps_the_time(client: Client, beregnet: Egendata) -> None:
    t = tekst(hent(client, beregnet.hr, inndeling="kvartal", periode="2025-11"))
    assert "Solsikken barnehage AS, 4. kvartal 2025" in t
    t = tekst(hent(client, beregnet.hr, inndeling="maned", periode="2025K2"))
    assert "Solsikken barnehage AS, juni 2025" in t


def test_the_default_is_the_newest_month_and_bad_choices_fall_back(
    client: Client, beregnet: Egendata
) -> None:
    assert "Solsikken barnehage AS, januar 2026" in tekst(hent(client, beregnet.hr))
    t = tekst(hent(client, beregnet.hr, periode="1999-01", enhet="finnes-ikke", inndeling="x"))
    assert "Solsikken barnehage AS, januar 2026" in t


def test_a_department_is_chosen_by_its_link(client: Client, beregnet: Egendata) -> None:
    storbarn = beregnet.avdelinger["A2"].pk
    html = hent(client, beregnet.hr, periode="2025-04", enhet=str(storbarn))
    t = tekst(html)
    # Storbarn in April 2025: 22 working days × 4,5 = 99; 1005 away 7-25 April, 15 days.
    assert "Storbarn, april 2025" in t
    assert "Sykefravær totalt April 2025 15,2 %" in t
    assert "Langtidsfravær (17 dager eller mer) April 2025 15,2 %" in t
    assert "Utvikling for Storbarn" in t
    assert f'href="?inndeling=maned&amp;periode=2025-04&amp;enhet={storbarn}"' in html


@pytest.mark.parametrize("rolle", ALLE_AVDELINGER)
def test_these_roles_see_every_department_masked_alike(
    client: Client, beregnet: Egendata, rolle: str
) -> None:
    html = hent(client, beregnet.bruker(rolle), periode="2025-05")
    # Småbarn (4), Kjøkken (2) and the one person directly in Barnehagen are too few; then
    # Barnehagen = virksomheten − Kjøkken would give Kjøkken away, so it is masked as well.
    for navn in ("Barnehagen", "Ansatte direkte i Barnehagen", "Småbarn", "Kjøkken"):
        assert rad(html, navn).count("Maskert") == 5, navn
    # Storbarn in May 2025: 22 working days × 4,5 = 99, and no absence.
    assert rad(html, "Storbarn") == "Storbarn , under Barnehagen 5 0,0 0,0 0,0 Ingen data"
    # Kjøkken's May (1010 away 12-14 May: 3 / 38,5 = 7,8 %) is nowhere on the page.
    assert "7,8" not in tekst(html)
    assert "Egne tall" in tekst(html)  # the menu line


def test_a_masked_unit_chosen_shows_no_figure(client: Client, beregnet: Egendata) -> None:
    kjokken = beregnet.avdelinger["K"].pk
    html = hent(client, beregnet.hr, periode="2025-05", enhet=str(kjokken))
    t = tekst(html)
    assert "Kjøkken, mai 2025" in t
    assert "Personer Maskert Tapte dagsverk Maskert Mulige dagsverk Maskert" in t
    assert "7,8" not in t
    # No point of the chart either: a masked period is a gap.
    figur = html[html.index('<figure class="diagramfigur">') : html.index("</figure>")]
    assert "<circle" not in figur and "<path" not in figur


def test_a_leader_sees_the_virksomhet_and_the_department_led(
    client: Client, beregnet: Egendata
) -> None:
    html = hent(client, beregnet.leder, periode="2025-11")
    t = tekst(html)
    assert "Solsikken barnehage AS, november 2025" in t
    assert "Sykefravær totalt November 2025 4,5 %" in t
    assert rad(html, "Småbarn").count("Maskert") == 5
    for annen in ("Storbarn", "Kjøkken", "Barnehagen"):
        assert annen not in t
    # A link to another department shows the leader the default unit, not that department.
    kjokken = beregnet.avdelinger["K"].pk
    t = tekst(hent(client, beregnet.leder, periode="2025-11", enhet=str(kjokken)))
    assert "Kjøkken" not in t and "Solsikken barnehage AS, november 2025" in t


def test_a_leader_of_a_parent_sees_its_sub_departments(client: Client, beregnet: Egendata) -> None:
    beregnet.avdelinger["A"].ledere.add(beregnet.leder)
    html = hent(client, beregnet.leder, periode="2025-05")
    assert rad(html, "Storbarn").startswith("Storbarn , under Barnehagen 5 0,0")
    assert rad(html, "Barnehagen").count("Maskert") == 5
    assert "Kjøkken" not in tekst(html)


def test_a_leader_without_departments_is_told_why(client: Client, beregnet: Egendata) -> None:
    beregnet.avdelinger["A1"].ledere.remove(beregnet.leder)
    t = tekst(hent(client, beregnet.leder))
    assert "Du er ikke registrert som leder for noen avdeling" in t
    assert "Per avdeling" in t and "Ingen avdelinger å vise" in t


@pytest.mark.parametrize("hvem", ["ansatt", "uten_rett", "fremmed"])
def test_others_get_404(client: Client, beregnet: Egendata, hvem: str) -> None:
    bruker = {
        "ansatt": beregnet.ansatt,
        "uten_rett": beregnet.inst.uten_rett,
        "fremmed": beregnet.inst.fremmed,
    }[hvem]
    client.force_login(bruker)
    assert client.get(URL).status_code == 404


def test_the_menu_shows_the_page_only_to_those_who_may_see_it(
    client: Client, beregnet: Egendata
) -> None:
    client.force_login(beregnet.ansatt)
    assert (
        'href="/virksomhet/910000001/egne-tall/"'
        not in client.get(f"/virksomhet/{SOLSIKKEN}/").content.decode()
    )
    client.force_login(beregnet.hr)
    assert (
        'href="/virksomhet/910000001/egne-tall/"'
        in client.get(f"/virksomhet/{SOLSIKKEN}/").content.decode()
    )


def test_anonymous_is_sent_to_log_in(client: Client, beregnet: Egendata) -> None:
    svar = client.get(URL)
    assert svar.status_code == 302 and "logg-inn" in svar["Location"]


def test_without_computed_figures_the_page_says_so(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.get(f"/virksomhet/{SMAABYGG}/egne-tall/")
    assert svar.status_code == 200
    assert "Ingen tall ennå" in tekst(svar.content)


def test_the_page_is_private_and_not_cached(client: Client, beregnet: Egendata) -> None:
    client.force_login(beregnet.hr)
    svar = client.get(URL)
    assert "no-store" in svar["Cache-Control"] and "private" in svar["Cache-Control"]
    assert client.post(URL).status_code == 405


def test_the_chart_uses_svg_numbers_and_the_table_beside_it(
    client: Client, beregnet: Egendata
) -> None:
    html = hent(client, beregnet.hr, periode="2025-11")
    koordinater = re.findall(r'\b(?:cx|cy|x1|x2|y1|y2)="([^"]*)"', html)
    assert koordinater and all("," not in k for k in koordinater)
    assert "Sykefravær i prosent per måned, Solsikken barnehage AS" in tekst(html)
    # 11 months from January to November 2025, newest first.
    t = tekst(html)
    assert "nov. 2025 4,5 2,1 2,4 okt. 2025" in t and "jan. 2025" in t and "des. 2024" not in t
