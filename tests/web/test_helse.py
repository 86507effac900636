from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_without_login(client: Client) -> None:
    svar = client.get("/helse/")
    assert svar.status_code == 200 and svar.content == b"ok"
