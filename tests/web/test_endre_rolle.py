"""The administrator sets a user's role, the departments a leader leads, and the employee."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.web.egendata.models import Ansatt
from naervaer.web.virksomheter.models import Tilgang
from naervaer.web.virksomheter.tilgang import rettigheter, synlige_ansatte
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db


def sti(tilgang: Tilgang) -> str:
    return f"/virksomhet/{SOLSIKKEN}/tilgang/rolle/{tilgang.pk}/"


def synlige(bruker: object) -> list[str]:
    r = rettigheter(bruker, SOLSIKKEN)  # type: ignore[arg-type]
    return sorted(synlige_ansatte(r).values_list("ansattnummer", flat=True))


def test_a_leader_of_a_parent_department_sees_everyone_below(
    client: Client, egendata: Egendata
) -> None:
    client.force_login(egendata.inst.admin)
    vera = Tilgang.objects.get(bruker=egendata.verneombud)
    svar = client.post(
        sti(vera), {"rolle": "LEDER", "avdeling": [egendata.avdelinger["A"].pk]}, follow=True
    )
    assert "Vera er nå leder." in tekst(svar.content)
    # A holds A1 (1001-1004), A2 (1005-1009) and 1012 directly; the kitchen is not below it.
    assert synlige(egendata.verneombud) == [f"{n}" for n in range(1001, 1010)] + ["1012"]


def test_a_leader_who_becomes_verneombud_leads_nothing(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    lars = Tilgang.objects.get(bruker=egendata.leder)
    assert synlige(egendata.leder) == ["1001", "1002", "1003", "1004"]
    client.post(sti(lars), {"rolle": "VERNEOMBUD", "avdeling": [egendata.avdelinger["A1"].pk]})
    assert synlige(egendata.leder) == []
    assert not egendata.avdelinger["A1"].ledere.filter(pk=egendata.leder.pk).exists()
    # Made leader again, the old department does not come back by itself.
    client.post(sti(lars), {"rolle": "LEDER"})
    assert synlige(egendata.leder) == []


def test_tying_a_user_to_an_employee_number(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    lars = Tilgang.objects.get(bruker=egendata.leder)
    client.post(sti(lars), {"rolle": "LEDER", "ansattnummer": "1012"})
    assert Ansatt.objects.get(ansattnummer="1012").bruker == egendata.leder
    assert rettigheter(egendata.leder, SOLSIKKEN).eget_ansatt_id == egendata.ansatte["1012"].pk
    # One employee is one user: tying Anna's number to Lars takes it from Anna.
    client.post(sti(lars), {"rolle": "LEDER", "ansattnummer": "1001"})
    assert Ansatt.objects.get(ansattnummer="1001").bruker == egendata.leder
    assert Ansatt.objects.get(ansattnummer="1012").bruker is None
    assert rettigheter(egendata.ansatt, SOLSIKKEN).eget_ansatt_id is None


def test_an_unknown_employee_number_changes_nothing(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    lars = Tilgang.objects.get(bruker=egendata.leder)
    svar = client.post(sti(lars), {"rolle": "HR", "ansattnummer": "9999"}, follow=True)
    assert "Fant ingen ansatt med ansattnummer «9999»" in tekst(svar.content)
    assert Tilgang.objects.get(pk=lars.pk).rolle == "LEDER"


def test_the_last_administrator_cannot_step_down(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    ada = Tilgang.objects.get(bruker=egendata.inst.admin, virksomhet_id=SOLSIKKEN)
    svar = client.post(sti(ada), {"rolle": "HR"}, follow=True)
    assert "minst én administrator" in tekst(svar.content)
    assert Tilgang.objects.get(pk=ada.pk).rolle == "ADMINISTRATOR"


def test_an_unknown_role_is_refused(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    lars = Tilgang.objects.get(bruker=egendata.leder)
    svar = client.post(sti(lars), {"rolle": "SJEF"}, follow=True)
    assert "Velg en av rollene i listen." in tekst(svar.content)
    assert Tilgang.objects.get(pk=lars.pk).rolle == "LEDER"


@pytest.mark.parametrize("rolle", ["HR", "LEDER", "VERNEOMBUD", "STATISTIKK", "ANSATT"])
def test_only_the_administrator_sets_roles(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    vera = Tilgang.objects.get(bruker=egendata.verneombud)
    assert client.post(sti(vera), {"rolle": "HR"}).status_code == 403
    assert Tilgang.objects.get(pk=vera.pk).rolle == "VERNEOMBUD"


def test_a_tie_of_another_virksomhet_is_not_found(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    annen = Tilgang.objects.get(bruker=egendata.inst.admin, virksomhet_id=SMAABYGG)
    assert client.post(sti(annen), {"rolle": "HR"}).status_code == 404


def test_the_page_shows_roles_departments_and_employee_numbers(
    client: Client, egendata: Egendata
) -> None:
    client.force_login(egendata.inst.admin)
    t = tekst(client.get(f"/virksomhet/{SOLSIKKEN}/tilgang/").content)
    assert "Lars (leder@example.no) · leder for Småbarn (A1)" in t
    assert "Anna (ansatt@example.no) · ansatt · ansattnummer 1001" in t
    assert "Vera (verneombud@example.no) · verneombud" in t
