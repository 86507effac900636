"""The employee's own plan: /virksomhet/<orgnr>/oppfolgingsplan/mitt/ and mitt/<id>/, and the
employee's comment (mitt/<id>/kommentar/)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client

from naervaer.oppfolging.plan import INGEN_HELSE
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolgingsplan import lagring
from naervaer.web.oppfolgingsplan.models import Kommentar
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import INNHOLD, Sak, dager, lagre, revisjon, url
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA = "så egen oppfølgingsplan"


def delt(sak: Sak) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)


def test_the_employee_reads_the_shared_version_and_is_logged(client: Client, sak: Sak) -> None:
    delt(sak)
    lagre(sak, replace(INNHOLD, som_for="Et utkast lederen ikke har delt"))
    client.force_login(sak.bjorn)
    for adresse in (url("mitt"), sak.url("mitt_tilfelle")):
        svar = client.get(adresse)
        assert svar.status_code == 200
        html = svar.content.decode()
        assert "Min oppfølgingsplan</h1>" in html
        assert "Versjon 1 ble delt med deg" in html
        assert "Samlingsstund og planlegging" in html
        assert "Et utkast lederen ikke har delt" not in html
        assert "Jeg er enig i versjon 1</span>" in html
        assert 'name="versjon" value="1"' in html
        assert "Hev-senk stellebord på avdelingen</td>" in html
        assert "no-store" in svar["Cache-Control"]
    assert revisjon(HVA) == ["1002", "1002"]


def test_nothing_shared_yet(client: Client, sak: Sak) -> None:
    lagre(sak)  # saved, not shared
    client.force_login(sak.bjorn)
    html = client.get(url("mitt")).content.decode()
    assert "Lederen din har ikke delt en oppfølgingsplan med deg." in html
    assert "Pedagogisk arbeid" not in html
    html = client.get(sak.url("mitt_tilfelle")).content.decode()
    assert "Lederen din har ikke delt oppfølgingsplanen med deg ennå." in html
    assert "Pedagogisk arbeid" not in html


def test_earlier_plans_are_listed(client: Client, sak: Sak) -> None:
    delt(sak)
    gammel = Tilfelle.objects.create(
        ansatt=sak.tilfelle.ansatt,
        fra_dato=dager(-200),
        til_dato=dager(-150),
        avsluttet=dager(-149),
    )
    lagring.lagre(
        gammel,
        replace(
            INNHOLD,
            gjelder_fra=dager(-190),
            evalueres=dager(-180),
            tiltak=tuple(replace(t, innen=dager(-185)) for t in INNHOLD.tiltak),
        ),
        sak.egendata.leder,
        None,
    )
    lagring.del_med_ansatt(gammel, 1, sak.egendata.leder)
    client.force_login(sak.bjorn)
    html = client.get(url("mitt")).content.decode()
    # The case going on is shown; the earlier one is a link.
    assert f"Sykefravær fra {dager(-30):%d.%m.%Y}." in html
    assert f'href="{url("mitt_tilfelle", gammel.pk)}">Sykefravær fra {dager(-200):%d.%m.%Y}' in html


def test_the_employee_comments_on_the_shared_version(client: Client, sak: Sak) -> None:
    delt(sak)
    lagring.kommenter(
        lagre(sak, replace(INNHOLD, som_for="Ikke delt")),
        sak.egendata.leder,
        "Notat på en versjon som ikke er delt",
        fra_ansatt=False,
    )
    client.force_login(sak.bjorn)
    html = client.get(sak.url("mitt_tilfelle")).content.decode()
    skjema = html[html.index('id="kommentarer"') :]
    assert INGEN_HELSE in skjema
    assert "Notat på en versjon som ikke er delt" not in html
    svar = client.post(sak.url("mitt_kommenter"), {"tekst": "Kan vi starte kl. 9?"}, follow=True)
    assert "Kommentaren er lagret. Lederen din ser den" in svar.content.decode()
    kommentar = Kommentar.objects.get(fra_ansatt=True)
    assert (kommentar.versjon.nummer, kommentar.skrevet_av_navn) == (1, "Bjørn Berg")
    assert revisjon("kommenterte egen oppfølgingsplan") == ["1002"]
    # The leader reads it on the plan page.
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("plan")).content.decode()
    assert "Kan vi starte kl. 9?" in html and "(den ansatte)" in html


def test_no_comment_before_anything_is_shared(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.bjorn)
    html = client.post(sak.url("mitt_kommenter"), {"tekst": "Hei"}, follow=True).content.decode()
    assert "Du kan kommentere når lederen har delt planen med deg." in html
    assert not Kommentar.objects.exists()


@pytest.mark.parametrize("rolle", ["ADMINISTRATOR", "HR", "LEDER", "VERNEOMBUD", "ANSATT"])
def test_nobody_else_reaches_the_employees_page(client: Client, sak: Sak, rolle: str) -> None:
    """Not even HR or the leader: the employee's page is the employee's. (Anna, the fixture's
    employee, is someone else.)"""
    delt(sak)
    client.force_login(sak.egendata.bruker(rolle))
    assert client.get(sak.url("mitt_tilfelle")).status_code == 404
    assert client.post(sak.url("mitt_kommenter"), {"tekst": "Hei"}).status_code == 404
    assert not Kommentar.objects.exists()


def test_a_user_who_is_no_employee_gets_404_on_mitt(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.hr)
    assert client.get(url("mitt")).status_code == 404
    client.force_login(sak.egendata.ansatt)  # Anna: an employee, with no plan
    assert "har ikke delt en oppfølgingsplan" in client.get(url("mitt")).content.decode()
