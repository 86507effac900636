"""Logging out, which only a POST may do (a link in a mail must not log anyone out)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.conftest import SOLSIKKEN, Installasjon

pytestmark = pytest.mark.django_db


def test_post_logs_out(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    assert client.get("/logg-ut/").status_code == 405
    svar = client.post("/logg-ut/")
    assert svar.status_code == 302 and svar["Location"] == "/logg-inn/"
    assert client.get(f"/virksomhet/{SOLSIKKEN}/").status_code == 302
