"""The leader's worklist and HR's overview: /virksomhet/<orgnr>/oppfolging/."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolging.synk import synk
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.oppfolging_hjelp import dager, fravaer, lag_saker, revisjon, url

SIDE = url("liste")
HVA = "så oppfølgingslisten"


@pytest.fixture
def saker(egendata: Egendata) -> dict[str, Tilfelle]:
    return lag_saker(egendata.ansatte)


def navn_i_rekkefolge(html: str) -> list[str]:
    """The names in the list of open cases, in order (not those back at work)."""
    apne = html.split('id="tilbake-tittel"')[0]
    return re.findall(r'<h3 class="[^"]*oppfolging-rad__navn"><a [^>]*>([^<]+)</a>', apne)


def rad(html: str, navn: str) -> str:
    """The worklist row of one person."""
    start = html.index(f">{navn}</a>")
    return html[start : html.index("</li>", start)]


def test_a_leader_sees_the_open_cases_of_own_people_by_the_next_deadline(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    svar = client.get(SIDE)
    assert svar.status_code == 200
    html = svar.content.decode()
    # The overdue plan first, the case with no deadline yet last; Storbarn is not the leader's.
    assert navn_i_rekkefolge(html)[:2] == ["Bjørn Berg", "David Eng"]
    assert "Frode Gran" not in html
    bjorn = rad(html, "Bjørn Berg")
    assert "Lag oppfølgingsplan sammen med den ansatte" in bjorn
    assert f"{dager(-12):%d.%m.%Y}" in bjorn
    assert "for 12 dager siden" in bjorn
    assert "og 2 oppgaver til" in bjorn  # dialogmøte 1 and the aktivitetskrav
    assert "Arbeidsgiver: Lars" in bjorn
    assert (
        '<a class="aksel-link" href="https://lovdata.no/lov/2005-06-17-62/§4-6">aml. § 4-6 (3)</a>'
        in bjorn
    )
    assert 'href="/samtalestotte/veileder/etterpaa/oppfolgingsplan/">Oppfølgingsplanen</a>' in bjorn
    assert "Ingen frister ennå" in rad(html, "David Eng")
    assert 'href="/samtalestotte/tema/under_sykmelding/">Under sykmeldingen</a>' in rad(
        html, "David Eng"
    )
    assert "2 sykefravær pågår, 1 med forfalt frist" in html
    # Anna is back, and a new absence within 16 days would continue her case.
    anna = rad(html, "Anna Ansatt")
    assert f"Tilbake fra {dager(-7):%d.%m.%Y}" in anna
    assert f"senest {dager(8):%d.%m.%Y}" in anna
    assert 'href="/samtalestotte/tema/tilbake_i_arbeid/">Tilbake i arbeid</a>' in anna
    assert revisjon(HVA) == ["1001", "1002", "1004"]


def test_an_overdue_deadline_stands_out_by_text_and_icon_not_colour_alone(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    html = client.get(SIDE).content.decode()
    bjorn = rad(html, "Bjørn Berg")
    assert re.search(
        r'oppfolging-forfalt"[^>]*><svg [^>]*aria-hidden="true"[^>]*>.*?</svg>Forfalt</span>', bjorn
    )
    assert "Forfalt" not in rad(html, "David Eng")


def test_hr_sees_everyone_and_can_choose_where_hr_is_responsible(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.hr)
    html = client.get(SIDE).content.decode()
    assert navn_i_rekkefolge(html)[:3] == ["Bjørn Berg", "Frode Gran", "David Eng"]
    assert "Arbeidsgiver: Hege" in rad(html, "Frode Gran")
    # Storbarn and Barnehagen above it have no leader, so HR follows Frode up.
    mine = client.get(SIDE, {"vis": "mine"}).content.decode()
    assert navn_i_rekkefolge(mine) == ["Frode Gran"]
    assert '<option value="mine" selected>' in mine


def test_only_overdue(client: Client, egendata: Egendata, saker: dict[str, Tilfelle]) -> None:
    client.force_login(egendata.hr)
    html = client.get(SIDE, {"forfalte": "1"}).content.decode()
    assert navn_i_rekkefolge(html) == ["Bjørn Berg"]
    assert "1 sykefravær med forfalt frist" in html
    assert 'id="forfalte" checked' in html
    # Only the people shown are logged.
    assert revisjon(HVA) == ["1002"]


def test_a_postponed_task_counts_by_its_new_date(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    from naervaer.web.oppfolging import handlinger

    plan = saker["1002"].oppgaver.get(kode="oppfolgingsplan")
    handlinger.utsett(plan, egendata.leder, dager(3), "Den ansatte kunne ikke møte før")
    client.force_login(egendata.leder)
    html = client.get(SIDE, {"forfalte": "1"}).content.decode()
    assert navn_i_rekkefolge(html) == []
    assert "Ingen frister er passert." in html
    bjorn = rad(client.get(SIDE).content.decode(), "Bjørn Berg")
    assert f"{dager(3):%d.%m.%Y}" in bjorn and "Utsatt fra" in bjorn


@pytest.mark.parametrize("rolle", ["VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"])
def test_roles_without_person_data_get_404(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle], rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert revisjon(HVA) == []


def test_strangers_get_404_and_the_anonymous_are_asked_to_log_in(
    client: Client, egendata: Egendata
) -> None:
    assert client.get(SIDE).status_code == 302
    client.force_login(egendata.inst.fremmed)
    assert client.get(SIDE).status_code == 404


def test_the_administrator_sees_the_whole_virksomhet(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.inst.admin)
    html = client.get(SIDE).content.decode()
    assert set(navn_i_rekkefolge(html)) >= {"Bjørn Berg", "Frode Gran", "David Eng"}


def test_a_leader_who_is_sick_is_not_on_own_worklist(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    lars = egendata.ansatte["1003"]
    lars.bruker = egendata.leder
    lars.save(update_fields=["bruker"])
    fravaer(lars, dager(-30), dager(10))
    synk(Virksomhet.objects.get(pk=SOLSIKKEN), [lars.pk])
    client.force_login(egendata.leder)
    html = client.get(SIDE).content.decode()
    assert "Cecilie Dahl" not in html
    assert "1003" not in revisjon(HVA)


def test_a_case_whose_employee_is_back_leaves_the_list_with_no_import(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    # As if the last sync ran before the sick note ended: the page closes the case first.
    Tilfelle.objects.filter(pk=saker["1004"].pk).update(til_dato=dager(-1))
    client.force_login(egendata.leder)
    html = client.get(SIDE).content.decode()
    assert navn_i_rekkefolge(html) == ["Bjørn Berg"]
    assert f"Tilbake fra {dager(0):%d.%m.%Y}" in rad(html, "David Eng")
    assert Tilfelle.objects.get(pk=saker["1004"].pk).avsluttet == dager(0)


def test_the_menu_leads_each_role_to_its_follow_up_page(client: Client, egendata: Egendata) -> None:
    forside = f"/virksomhet/{SOLSIKKEN}/"
    client.force_login(egendata.leder)
    assert f'href="{SIDE}"' in client.get(forside).content.decode()
    client.force_login(egendata.verneombud)
    html = client.get(forside).content.decode()
    assert f'href="{url("tall")}">Oppfølging<' in html and f'href="{SIDE}"' not in html
    client.force_login(egendata.ansatt)
    html = client.get(forside).content.decode()
    assert f'href="{url("mitt")}">Min oppfølging<' in html and f'href="{SIDE}"' not in html
    client.force_login(egendata.inst.leser)
    html = client.get(forside).content.decode()
    assert "/oppfolging/" not in html


def test_pages_of_a_long_list(client: Client, egendata: Egendata) -> None:
    from naervaer.web.egendata.models import Ansatt

    virksomhet = Virksomhet.objects.get(pk=SOLSIKKEN)
    nye = Ansatt.objects.bulk_create(
        Ansatt(virksomhet=virksomhet, ansattnummer=f"2{n:03d}", navn=f"Vikar {n:02d}")
        for n in range(55)
    )
    for n, ansatt in enumerate(nye):
        fravaer(ansatt, dager(-n - 1), dager(5))
    synk(virksomhet)
    client.force_login(egendata.hr)
    forste = client.get(SIDE).content.decode()
    assert len(navn_i_rekkefolge(forste)) == 50
    assert "Side 1 av 2" in forste
    andre = client.get(SIDE, {"side": "2"}).content.decode()
    assert len(navn_i_rekkefolge(andre)) == 5
    assert len(revisjon(HVA)) == 55
