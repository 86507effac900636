"""The employee's «enig»: /virksomhet/<orgnr>/oppfolgingsplan/mitt/<id>/enig/, recorded on the
exact version, with its time; a later version needs it again."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client
from django.utils import timezone

from naervaer.web.oppfolgingsplan import lagring
from naervaer.web.oppfolgingsplan.models import Enighet
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import INNHOLD, Sak, lagre, revisjon
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA = "bekreftet enighet i egen oppfølgingsplan"


def test_agreement_is_recorded_on_the_version_with_its_time(client: Client, sak: Sak) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    client.force_login(sak.bjorn)
    for_ = timezone.now()
    svar = client.post(sak.url("mitt_enig"), {"versjon": "1"}, follow=True)
    html = svar.content.decode()
    assert "Du har bekreftet at du er enig i versjon 1." in html
    assert "Du bekreftet" in html and "Jeg er enig i versjon" not in html
    enighet = Enighet.objects.get()
    assert enighet.deling.versjon.nummer == 1 and enighet.bruker == sak.bjorn
    assert for_ <= enighet.tidspunkt <= timezone.now()
    assert revisjon(HVA) == ["1002"]
    # The leader sees it.
    client.force_login(sak.egendata.leder)
    assert "Bjørn Berg er enig i versjon 1" in client.get(sak.url("plan")).content.decode()


def test_a_later_version_needs_agreement_again(client: Client, sak: Sak) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    lagring.bekreft_enig(sak.tilfelle, 1, sak.bjorn)
    lagre(sak, replace(INNHOLD, som_for="Endret etter enighet"))
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("plan")).content.decode()
    assert "Versjon 2 er ikke delt med Bjørn Berg ennå." in html
    assert "Bjørn Berg var enig i versjon 1; endringene etter den trenger enighet på nytt." in html
    client.post(sak.url("del"), {"versjon": "2"})
    client.force_login(sak.bjorn)
    html = client.get(sak.url("mitt_tilfelle")).content.decode()
    assert "Jeg er enig i versjon 2" in html and "Endret etter enighet" in html
    client.post(sak.url("mitt_enig"), {"versjon": "2"})
    assert sorted(Enighet.objects.values_list("deling__versjon__nummer", flat=True)) == [1, 2]


def test_agreeing_to_a_stale_page_is_refused(client: Client, sak: Sak) -> None:
    """The employee opened version 1; the leader shared version 2 meanwhile."""
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    lagre(sak, replace(INNHOLD, som_for="Ny versjon"))
    lagring.del_med_ansatt(sak.tilfelle, 2, sak.egendata.leder)
    client.force_login(sak.bjorn)
    html = client.post(sak.url("mitt_enig"), {"versjon": "1"}, follow=True).content.decode()
    assert "Lederen har delt en ny versjon (versjon 2) siden du åpnet siden." in html
    assert not Enighet.objects.exists()
    assert revisjon(HVA) == []


def test_no_agreement_to_what_was_not_shared(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.bjorn)
    html = client.post(sak.url("mitt_enig"), {"versjon": "1"}, follow=True).content.decode()
    assert "Lederen din har ikke delt planen med deg ennå." in html
    assert not Enighet.objects.exists()


def test_agreeing_twice_keeps_the_first_time(client: Client, sak: Sak) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    client.force_login(sak.bjorn)
    client.post(sak.url("mitt_enig"), {"versjon": "1"})
    forste = Enighet.objects.get().tidspunkt
    client.post(sak.url("mitt_enig"), {"versjon": "1"})
    assert Enighet.objects.get().tidspunkt == forste


@pytest.mark.parametrize("rolle", ["ADMINISTRATOR", "HR", "LEDER", "ANSATT"])
def test_only_the_employee_agrees(client: Client, sak: Sak, rolle: str) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    client.force_login(sak.egendata.bruker(rolle))
    assert client.post(sak.url("mitt_enig"), {"versjon": "1"}).status_code == 404
    assert client.get(sak.url("mitt_enig")).status_code == 405  # a POST only, for anyone
    assert not Enighet.objects.exists()
