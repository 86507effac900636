"""Sharing a version with the employee: /virksomhet/<orgnr>/oppfolgingsplan/tilfelle/<id>/del/."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client

from naervaer.web.oppfolgingsplan.models import Deling
from tests.web.conftest import Postkasse
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.conftest import postkasse as postkasse
from tests.web.oppfolgingsplan_hjelp import (
    INNHOLD,
    ROLLER_UTEN_TILGANG,
    Sak,
    lagre,
    revisjon,
)
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA = "delte oppfølgingsplanen med den ansatte"


def delte(sak: Sak) -> list[int]:
    return sorted(
        Deling.objects.filter(versjon__plan__tilfelle=sak.tilfelle).values_list(
            "versjon__nummer", flat=True
        )
    )


def test_the_leader_shares_the_newest_version_and_the_employee_gets_a_mail(
    client: Client, sak: Sak, postkasse: Postkasse
) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    svar = client.post(sak.url("del"), {"versjon": "1"}, follow=True)
    html = svar.content.decode()
    assert "Versjon 1 er delt med Bjørn Berg. Hen har fått en e-post om det." in html
    assert "Versjon 1 ble delt med Bjørn Berg" in html
    assert "Del versjon 1" not in html  # shared once is shared
    deling = Deling.objects.get(versjon__plan__tilfelle=sak.tilfelle)
    assert deling.delt_av == sak.egendata.leder
    assert revisjon(HVA) == ["1002"]
    (brev,) = postkasse.til("bjorn@example.no")
    tekst = brev.get_content()
    assert sak.url("mitt_tilfelle") in tekst
    # The mail says there is a plan to read, and nothing from it.
    assert "stellebord" not in tekst and "Lars" not in tekst and "Bjørn" not in brev["Subject"]


def test_sharing_twice_is_harmless_and_mails_once(
    client: Client, sak: Sak, postkasse: Postkasse
) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    client.post(sak.url("del"), {"versjon": "1"})
    client.post(sak.url("del"), {"versjon": "1"})
    assert delte(sak) == [1]
    assert len(postkasse.til("bjorn@example.no")) == 1


def test_only_the_newest_version_is_shared(client: Client, sak: Sak) -> None:
    lagre(sak)
    lagre(sak, replace(INNHOLD, som_for="Endret"))
    client.force_login(sak.egendata.hr)
    html = client.post(sak.url("del"), {"versjon": "1"}, follow=True).content.decode()
    assert "Versjon 1 er ikke den nyeste. Del versjon 2 i stedet" in html
    assert delte(sak) == []
    client.post(sak.url("del"), {"versjon": "x"})
    assert delte(sak) == []


def test_nothing_to_share_before_the_plan_is_saved(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.leder)
    html = client.post(sak.url("del"), {"versjon": "1"}, follow=True).content.decode()
    assert "Lagre planen før du deler den." in html


def test_an_employee_without_a_user_cannot_be_shared_with(client: Client, sak: Sak) -> None:
    sak.tilfelle.ansatt.bruker = None
    sak.tilfelle.ansatt.save(update_fields=["bruker"])
    lagre(sak)
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("plan")).content.decode()
    assert "Del versjon 1" not in html
    assert "Bjørn Berg har ingen bruker i Nærvær" in html
    html = client.post(sak.url("del"), {"versjon": "1"}, follow=True).content.decode()
    assert "har ingen bruker i Nærvær og kan ikke se planen her" in html
    assert delte(sak) == []


@pytest.mark.parametrize("rolle", ROLLER_UTEN_TILGANG)
def test_other_roles_get_404(client: Client, sak: Sak, rolle: str) -> None:
    lagre(sak)
    client.force_login(sak.egendata.bruker(rolle))
    assert client.post(sak.url("del"), {"versjon": "1"}).status_code == 404
    client.force_login(sak.bjorn)  # the employee shares nothing with themself
    assert client.post(sak.url("del"), {"versjon": "1"}).status_code == 404
    assert delte(sak) == []


def test_sharing_is_a_post(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    assert client.get(sak.url("del")).status_code == 405
