"""The employee's own follow-up: /virksomhet/<orgnr>/oppfolging/mitt/."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.web.oppfolging import handlinger
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolging.synk import synk
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.oppfolging_hjelp import dager, fravaer, lag_saker, oppgave, revisjon, url

SIDE = url("mitt")
HVA = "så egen oppfølging"


@pytest.fixture
def anna_sykmeldt(egendata: Egendata) -> Tilfelle:
    """Employee 1001 (the user ``ansatt``), sick for 30 days with 20 more to go."""
    lag_saker(egendata.ansatte)
    anna = egendata.ansatte["1001"]
    fravaer(anna, dager(-30), dager(20))
    synk(Virksomhet.objects.get(pk=SOLSIKKEN), [anna.pk])
    return Tilfelle.objects.get(ansatt=anna, avsluttet=None)


def test_the_employee_sees_own_deadlines_and_what_was_recorded(
    client: Client, egendata: Egendata, anna_sykmeldt: Tilfelle
) -> None:
    plan = oppgave(anna_sykmeldt, "oppfolgingsplan")
    handlinger.marker_utfort(plan, egendata.leder, dager(-3), "Laget sammen")
    client.force_login(egendata.ansatt)
    svar = client.get(SIDE)
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "Min oppfølging</h1>" in html
    # The egenmelding 10 days ago continues into the sykmelding: one case from 30 days ago.
    assert f"Sykefravær fra {dager(-30):%d.%m.%Y} (pågår, uke 5)" in html
    assert "Lag oppfølgingsplan sammen med den ansatte" in html
    assert f"Utført {dager(-3):%d.%m.%Y}" in html and "Laget sammen" in html
    assert f"{dager(19):%d.%m.%Y}" in html  # dialogmøte 1, in seven weeks
    assert "Følges opp av Lars" in html
    assert 'href="/samtalestotte/forbered-deg/"' in html
    assert revisjon(HVA) == ["1001"]


def test_read_only_and_nothing_about_anyone_else(
    client: Client, egendata: Egendata, anna_sykmeldt: Tilfelle
) -> None:
    client.force_login(egendata.ansatt)
    html = client.get(SIDE).content.decode()
    assert "<form" not in html.split('id="innhold"')[1].split("</main>")[0]
    assert "Marker som utført" not in html and "Angre" not in html
    for nummer, ansatt in egendata.ansatte.items():
        if nummer != "1001":
            assert ansatt.navn not in html
    assert "/oppfolging/tilfelle/" not in html


def test_an_employee_with_nothing_followed_up(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.ansatt)
    html = client.get(SIDE).content.decode()
    assert "Du har ikke noe sykefravær som følges opp nå." in html
    assert revisjon(HVA) == ["1001"]


@pytest.mark.parametrize("rolle", ["ADMINISTRATOR", "HR", "LEDER", "VERNEOMBUD", "STATISTIKK"])
def test_users_who_are_not_employees_here_get_404(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert revisjon(HVA) == []


def test_a_leader_who_is_also_an_employee_sees_own_case_here(
    client: Client, egendata: Egendata
) -> None:
    lars = egendata.ansatte["1003"]
    lars.bruker = egendata.leder
    lars.save(update_fields=["bruker"])
    fravaer(lars, dager(-30), dager(10))
    synk(Virksomhet.objects.get(pk=SOLSIKKEN), [lars.pk])
    client.force_login(egendata.leder)
    html = client.get(SIDE).content.decode()
    assert f"Sykefravær fra {dager(-30):%d.%m.%Y}" in html
    assert revisjon(HVA) == ["1003"]
