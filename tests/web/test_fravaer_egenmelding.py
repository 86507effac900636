"""The virksomhet's egenmelding rule: /virksomhet/<orgnr>/fravaer/egenmelding/."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from naervaer.oppfolging.egenmelding import IA_REGEL, LOVENS_REGEL, lokal_regel
from naervaer.web.egendata.models import Egenmeldingspolicy
from naervaer.web.fravaer.regel import regel_for
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.fravaer_hjelp import inputfelt, url

SIDE = url("egenmelding")


def regel() -> Any:
    return regel_for(Virksomhet.objects.get(pk=SOLSIKKEN))


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.get(SIDE)
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert 'id="valg-lov" value="lov" checked' in tekst
    assert "Gjelder nå</dt><dd>Lovens regel: 3 dager per tilfelle, 4 ganger på 12 måneder" in tekst
    assert "drøftes med de tillitsvalgte" in tekst


@pytest.mark.parametrize(
    ("skjema", "ventet"),
    [
        ({"valg": "ia", "droftet": "on"}, IA_REGEL),
        ({"valg": "lokal", "dager": "10", "droftet": "on"}, lokal_regel(10)),
        ({"valg": "lokal", "dager": "16", "droftet": "on"}, lokal_regel(16)),
    ],
)
def test_choosing_a_rule(
    client: Client, egendata: Egendata, skjema: dict[str, str], ventet: Any
) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(SIDE, skjema)
    assert svar.status_code == 302
    assert regel() == ventet
    side = client.get(SIDE).content.decode()
    assert f"Egenmeldingsregelen er nå {ventet.navn}." in side
    assert f'id="valg-{skjema["valg"]}" value="{skjema["valg"]}" checked' in side


def test_back_to_the_law(client: Client, egendata: Egendata) -> None:
    Egenmeldingspolicy.objects.create(virksomhet_id=SOLSIKKEN, dager_per_tilfelle=8)
    client.force_login(egendata.inst.admin)
    assert client.post(SIDE, {"valg": "lov"}).status_code == 302
    # No row: a change in the law reaches the virksomhet by itself.
    assert not Egenmeldingspolicy.objects.exists()
    assert regel() == LOVENS_REGEL


@pytest.mark.parametrize(
    ("skjema", "felt", "melding"),
    [
        (
            {"valg": "lokal", "dager": "17", "droftet": "on"},
            "dager",
            "Egenmelding kan gjelde fra 3 til 16 dager per tilfelle (ftrl. § 8-24), ikke 17.",
        ),
        (
            {"valg": "lokal", "dager": "2", "droftet": "on"},
            "dager",
            "Egenmelding kan gjelde fra 3 til 16 dager per tilfelle (ftrl. § 8-24), ikke 2.",
        ),
        (
            {"valg": "lokal", "dager": "", "droftet": "on"},
            "dager",
            "Skriv hvor mange dager per tilfelle, fra 3 til 16.",
        ),
        (
            {"valg": "lokal", "dager": "ti", "droftet": "on"},
            "dager",
            "Dager per tilfelle må være et helt tall fra 3 til 16.",
        ),
        (
            {"valg": "ia"},
            "droftet",
            "Bekreft at regelen er drøftet med de tillitsvalgte",
        ),
        ({"valg": "alt"}, None, "Velg lovens regel, IA-regelen eller en egen regel."),
    ],
)
def test_bad_input_is_named_at_its_field(
    client: Client, egendata: Egendata, skjema: dict[str, str], felt: str | None, melding: str
) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(SIDE, skjema)
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert melding in tekst
    if felt is not None:
        assert 'aria-invalid="true"' in inputfelt(tekst, felt)
        assert f'id="{felt}-feil"' in tekst
    assert not Egenmeldingspolicy.objects.exists()


@pytest.mark.parametrize(
    "rolle", ["HR", "LEDER", "VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"]
)
def test_only_the_administrator(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert client.post(SIDE, {"valg": "ia", "droftet": "on"}).status_code == 404
    assert not Egenmeldingspolicy.objects.exists()
