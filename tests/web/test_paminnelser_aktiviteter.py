"""/paminnelser/<orgnr>/aktiviteter/: planning preventive activities and conversations, changing
and calling them off."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from naervaer.web.paminnelser.models import Aktivitet
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db

LISTE = f"/paminnelser/{SOLSIKKEN}/aktiviteter/"


def fram_i_tid(dager: int = 10) -> datetime:
    return timezone.localtime() + timedelta(days=dager)


def skjema(**endre: Any) -> dict[str, Any]:
    dag = fram_i_tid()
    data = {
        "tittel": "Arbeidsmiljøkartlegging",
        "type": "FOREBYGGENDE",
        "dato": dag.date().isoformat(),
        "klokkeslett": "10:00",
        "varighet": "90",
        "sted": "Møterom Solsikke",
        "notat": "",
    }
    data.update(endre)
    return data


def planlegg(client: Client, bruker: Any, **endre: Any) -> Aktivitet:
    client.force_login(bruker)
    # Followed, so the confirmation is shown here and not on the next user's page.
    svar = client.post(LISTE, skjema(ansvarlig=str(bruker.pk), **endre), follow=True)
    assert "er planlagt" in tekst(svar.content)
    return Aktivitet.objects.latest("pk")


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    svar = client.post(LISTE, skjema(ansvarlig=str(egendata.leder.pk)), follow=True)
    t = tekst(svar.content)
    assert "«Arbeidsmiljøkartlegging» er planlagt." in t
    aktivitet = Aktivitet.objects.get()
    assert aktivitet.ansvarlig == egendata.leder
    assert aktivitet.opprettet_av == egendata.leder
    assert timezone.localtime(aktivitet.start).hour == 10
    assert aktivitet.varighet == 90
    assert "Kommende" in t and "Arbeidsmiljøkartlegging" in t and "kl. 10.00 (90 min)" in t
    assert "Møterom Solsikke" in t


def test_the_menu_leads_here_for_those_who_plan(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    svar = client.get(f"/virksomhet/{SOLSIKKEN}/")
    assert LISTE in svar.content.decode()
    client.force_login(egendata.ansatt)
    assert LISTE not in client.get(f"/virksomhet/{SOLSIKKEN}/").content.decode()


def test_the_page_tells_when_reminders_go_out(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    t = tekst(client.get(LISTE).content)
    assert "påminnelse 7 dager før og 1 dag før" in t
    assert "Endre når påminnelsene sendes" in t


@pytest.mark.parametrize(
    ("endre", "felt", "melding"),
    [
        pytest.param({"tittel": ""}, "tittel", "Skriv en tittel.", id="no_title"),
        pytest.param(
            {"dato": (timezone.localdate() - timedelta(days=1)).isoformat()},
            "dato",
            "Tidspunktet har passert.",
            id="past",
        ),
        pytest.param({"dato": "31.02.2026"}, "dato", "Skriv datoen som", id="bad_date"),
        pytest.param({"klokkeslett": "kl 10"}, "klokkeslett", "Skriv klokkeslettet", id="time"),
        pytest.param({"varighet": "2"}, "varighet", "minst 5 minutter", id="short"),
        pytest.param({"type": "FEST"}, "type", "Velg en av typene.", id="type"),
        pytest.param({"ansvarlig": "99999"}, "ansvarlig", "Velg en ansvarlig fra lista.", id="who"),
    ],
)
def test_wrong_input_is_explained_at_its_field_and_nothing_is_planned(
    client: Client, egendata: Egendata, endre: dict[str, str], felt: str, melding: str
) -> None:
    client.force_login(egendata.leder)
    svar = client.post(LISTE, skjema(ansvarlig=str(egendata.leder.pk)) | endre)
    assert svar.status_code == 200
    html = svar.content.decode()
    assert melding in tekst(svar.content)
    tag = re.search(rf'<(?:input|select|textarea)[^>]*name="{felt}"[^>]*>', html)
    assert tag is not None
    assert f"id_{felt}-feil" in tag.group(0) and 'aria-invalid="true"' in tag.group(0)
    assert not Aktivitet.objects.exists()


def test_a_user_outside_the_virksomhet_cannot_be_made_responsible(
    client: Client, egendata: Egendata
) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(LISTE, skjema(ansvarlig=str(egendata.inst.fremmed.pk)))
    assert "Velg en ansvarlig fra lista." in tekst(svar.content)
    assert str(egendata.inst.fremmed.email) not in svar.content.decode()


def test_the_notes_field_warns_against_health_data(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    assert "Ikke skriv diagnose eller andre helseopplysninger." in tekst(client.get(LISTE).content)


def test_leaders_see_their_own_and_hr_sees_all(client: Client, egendata: Egendata) -> None:
    planlegg(client, egendata.leder, tittel="Medarbeidersamtale med Bjørn")
    planlegg(client, egendata.verneombud, tittel="Vernerunde")
    client.force_login(egendata.leder)
    t = tekst(client.get(LISTE).content)
    assert "Medarbeidersamtale med Bjørn" in t and "Vernerunde" not in t
    client.force_login(egendata.hr)
    t = tekst(client.get(LISTE).content)
    assert "Medarbeidersamtale med Bjørn" in t and "Vernerunde" in t
    vernerunde = Aktivitet.objects.get(tittel="Vernerunde")
    client.force_login(egendata.leder)
    assert client.get(f"{LISTE}{vernerunde.pk}/").status_code == 404
    assert client.post(f"{LISTE}{vernerunde.pk}/avlys/").status_code == 404
    vernerunde.refresh_from_db()
    assert vernerunde.avlyst is None


@pytest.mark.parametrize("rolle", ["ANSATT", "STATISTIKK"])
def test_roles_that_do_not_plan_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(LISTE).status_code == 404
    assert client.post(LISTE, skjema(ansvarlig=str(egendata.bruker(rolle).pk))).status_code == 404


def test_another_virksomhets_activity_is_not_found(client: Client, egendata: Egendata) -> None:
    aktivitet = planlegg(client, egendata.inst.admin)
    client.force_login(egendata.inst.admin)
    assert client.get(f"/paminnelser/{SMAABYGG}/aktiviteter/{aktivitet.pk}/").status_code == 404


def test_changing_the_time_raises_the_sequence_but_a_note_does_not(
    client: Client, egendata: Egendata
) -> None:
    aktivitet = planlegg(client, egendata.leder)
    side = f"{LISTE}{aktivitet.pk}/"
    html = client.get(side).content.decode()
    assert 'value="Arbeidsmiljøkartlegging"' in html and 'value="10:00"' in html
    svar = client.post(
        side, skjema(ansvarlig=str(egendata.leder.pk), notat="Ta med plantegning"), follow=True
    )
    assert "Endringen er lagret." in tekst(svar.content)
    aktivitet.refresh_from_db()
    assert (aktivitet.notat, aktivitet.sekvens) == ("Ta med plantegning", 0)
    client.post(side, skjema(ansvarlig=str(egendata.leder.pk), klokkeslett="12:30"))
    aktivitet.refresh_from_db()
    assert timezone.localtime(aktivitet.start).strftime("%H:%M") == "12:30"
    assert aktivitet.sekvens == 1


def test_calling_off(client: Client, egendata: Egendata) -> None:
    aktivitet = planlegg(client, egendata.leder)
    svar = client.post(f"{LISTE}{aktivitet.pk}/avlys/", follow=True)
    assert "«Arbeidsmiljøkartlegging» er avlyst." in tekst(svar.content)
    aktivitet.refresh_from_db()
    assert aktivitet.avlyst is not None and aktivitet.sekvens == 1
    assert "Avlyst" in tekst(svar.content)
    side = tekst(client.get(f"{LISTE}{aktivitet.pk}/").content)
    assert "er avlyst og kan ikke endres" in side
    # A change posted to a called-off activity changes nothing.
    client.post(f"{LISTE}{aktivitet.pk}/", skjema(ansvarlig=str(egendata.leder.pk), tittel="Ny"))
    aktivitet.refresh_from_db()
    assert aktivitet.tittel == "Arbeidsmiljøkartlegging"


def test_calling_off_needs_post(client: Client, egendata: Egendata) -> None:
    aktivitet = planlegg(client, egendata.leder)
    assert client.get(f"{LISTE}{aktivitet.pk}/avlys/").status_code == 405
