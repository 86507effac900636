"""The front page: the company picker."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.conftest import SOLSIKKEN, Installasjon
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db


def test_anonymous_users_are_sent_to_log_in(client: Client) -> None:
    svar = client.get("/")
    assert svar.status_code == 302 and svar["Location"] == "/logg-inn/?next=/"


def test_several_virksomheter_are_listed_with_the_rights(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    t = tekst(client.get("/").content)
    assert "Solsikken barnehage AS Org.nr. 910 000 001 · administrator" in t
    assert "Småbygg AS Org.nr. 910 000 002 · administrator" in t
    assert t.index("Småbygg") < t.index("Solsikken")  # by name


def test_one_virksomhet_goes_straight_to_its_statistics(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    svar = client.get("/")
    assert svar.status_code == 302 and svar["Location"] == f"/virksomhet/{SOLSIKKEN}/"
    # «Mine virksomheter» in the menu still shows the list.
    assert "Solsikken barnehage AS" in tekst(client.get("/?velg=1").content)


def test_the_missing_right_is_told(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.uten_rett)
    assert "du ser bare bransjetall" in tekst(client.get("/?velg=1").content)


def test_a_user_without_virksomheter_can_ask_for_one(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.fremmed)
    t = tekst(client.get("/").content)
    assert "Du har ikke tilgang til noen virksomhet ennå." in t
    assert "Be om tilgang til en annen virksomhet" in t
