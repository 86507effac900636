"""/paminnelser/<orgnr>/innstillinger/: the administrator chooses when reminders go out."""

from __future__ import annotations

import re
from datetime import time

import pytest
from django.test import Client

from naervaer.web.paminnelser.innstillinger import varslingsplan
from naervaer.web.paminnelser.models import Innstilling
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db

SIDE = f"/paminnelser/{SOLSIKKEN}/innstillinger/"


def felt(html: str, navn: str) -> str:
    """The input or select tag of the field ``navn``."""
    treff = re.search(rf'<(?:input|select|textarea)[^>]*name="{navn}"[^>]*>', html)
    assert treff is not None, navn
    return treff.group(0)


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.get(SIDE)
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "Når påminnelsene sendes" in tekst(svar.content)
    assert 'value="7, 1"' in html
    assert 'value="07:00"' in html
    assert '<option value="0" selected>Mandag</option>' in html
    assert "checked" in felt(html, "eskalering")
    assert "no-store" in svar["Cache-Control"]


def test_the_choice_is_saved(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(
        SIDE, {"dager": "1, 14 7", "klokkeslett": "06:30", "ukedag": "4"}, follow=True
    )
    assert "Innstillingene for påminnelser er lagret." in tekst(svar.content)
    plan = varslingsplan(SOLSIKKEN)
    assert plan.dager_for == (14, 7, 1)
    assert plan.klokkeslett == time(6, 30)
    assert plan.ukedag == 4
    assert plan.eskalering is False  # an unticked box
    assert 'value="14, 7, 1"' in svar.content.decode()
    assert Innstilling.objects.get().endret_av == egendata.inst.admin
    # Another virksomhet keeps the defaults.
    assert varslingsplan(SMAABYGG).dager_for == (7, 1)


def test_no_days_means_no_reminders_before_the_deadline(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    client.post(SIDE, {"dager": "", "klokkeslett": "07:00", "ukedag": "0", "eskalering": "on"})
    assert varslingsplan(SOLSIKKEN).dager_for == ()


@pytest.mark.parametrize(
    ("navn", "data", "melding"),
    [
        pytest.param("dager", {"dager": "7, x"}, "«x» er ikke et helt antall dager", id="text"),
        pytest.param("dager", {"dager": "90"}, "90: antall dager må være mellom 0 og 60", id="far"),
        pytest.param(
            "klokkeslett", {"klokkeslett": "25:00"}, "Skriv klokkeslettet som timer", id="time"
        ),
        pytest.param("ukedag", {"ukedag": "9"}, "Velg en ukedag.", id="weekday"),
    ],
)
def test_wrong_input_is_explained_at_its_field_and_nothing_is_saved(
    client: Client, egendata: Egendata, navn: str, data: dict[str, str], melding: str
) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(SIDE, {"dager": "7, 1", "klokkeslett": "07:00", "ukedag": "0", **data})
    assert svar.status_code == 200
    html = svar.content.decode()
    assert melding in tekst(svar.content)
    assert f'id="id_{navn}-feil"' in html
    feltet = felt(html, navn)
    assert f"id_{navn}-feil" in feltet and 'aria-invalid="true"' in feltet
    assert not Innstilling.objects.exists()


@pytest.mark.parametrize("rolle", ["HR", "LEDER", "VERNEOMBUD", "ANSATT", "STATISTIKK"])
def test_only_administrators_see_the_page(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert client.post(SIDE, {"dager": "1"}).status_code == 404
    assert not Innstilling.objects.exists()


def test_a_stranger_gets_404(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.fremmed)
    assert client.get(SIDE).status_code == 404
