"""GET /api/v1/publisering: the current period and the next publication."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.publisering import STANDARD_KALENDER
from tests.web.conftest import SOLSIKKEN, Installasjon
from tests.web.test_api_openapi import API, hent

pytestmark = pytest.mark.django_db

STI = f"{API}/publisering"


def test_the_period_and_the_next_date(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.uten_rett)
    svar, data = hent(client, STI)
    assert svar.status_code == 200
    # The data ends in 2025K4, published 26 February 2026 (spec §10).
    assert data["periode"] == "2025K4"
    assert data["periodetekst"] == "1. januar 2025 – 31. desember 2025"
    assert data["publisert"] == "2026-02-26"
    # The next date depends on the day the test runs: the calendar's answer, a Thursday in the
    # future, two to three months after its quarter ends.
    idag = timezone.localdate()
    neste = Kvartal.fra_tekst(data["neste_periode"])
    dato = date.fromisoformat(data["neste_publisering"])
    assert (neste, dato) == STANDARD_KALENDER.neste_publisering(idag)
    assert dato > idag and dato.weekday() == 3
    assert 50 <= (dato - neste.slutt).days <= 92


def test_it_agrees_with_the_statistics(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    _, publisering = hent(client, STI)
    _, statistikk = hent(client, f"{API}/virksomheter/{SOLSIKKEN}/statistikk")
    assert publisering["periode"] == statistikk["periode"]["kvartal"]
    assert publisering["publisert"] == statistikk["periode"]["publisert"]
    assert publisering["periodetekst"] == statistikk["periode"]["tekst"]


def test_before_any_statistics_there_is_no_period(client: Client, django_user_model: type) -> None:
    client.force_login(django_user_model.objects.create_user("ny@example.no"))
    _, data = hent(client, STI)
    assert (data["periode"], data["periodetekst"], data["publisert"]) == (None, None, None)
    assert data["neste_periode"] and data["neste_publisering"]


def test_anonymous_gets_401(client: Client, installasjon: Installasjon) -> None:
    svar, data = hent(client, STI)
    assert svar.status_code == 401
    assert data == {"detail": "Du må logge inn for å bruke API-et."}
