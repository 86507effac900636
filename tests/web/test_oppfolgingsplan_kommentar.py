"""The leader's comment: /virksomhet/<orgnr>/oppfolgingsplan/tilfelle/<id>/kommentar/."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.oppfolging.plan import INGEN_HELSE, MAKS_KOMMENTAR
from naervaer.web.oppfolgingsplan.models import Kommentar
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import ROLLER_UTEN_TILGANG, Sak, lagre, revisjon
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA = "kommenterte oppfølgingsplanen"


def test_the_leaders_comment_is_kept_on_the_newest_version(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    svar = client.post(sak.url("kommenter"), {"tekst": "Vi tar en prat fredag"}, follow=True)
    html = svar.content.decode()
    assert "Kommentaren er lagret." in html
    assert "Vi tar en prat fredag" in html and "om versjon 1" in html
    kommentar = Kommentar.objects.get()
    assert (kommentar.versjon.nummer, kommentar.fra_ansatt, kommentar.skrevet_av_navn) == (
        1,
        False,
        "Lars",
    )
    assert revisjon(HVA) == ["1002"]


def test_the_comment_form_warns_and_names_its_mistakes(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("plan")).content.decode()
    skjema = html[html.index('id="kommentarer"') :]
    assert INGEN_HELSE in skjema[: skjema.index("</form>")]
    svar = client.post(sak.url("kommenter"), {"tekst": "x" * (MAKS_KOMMENTAR + 1)})
    assert svar.status_code == 400
    assert f"Kommentar: skriv høyst {MAKS_KOMMENTAR} tegn." in svar.content.decode()
    svar = client.post(sak.url("kommenter"), {"tekst": "  "})
    assert "Kommentar: fyll ut feltet." in svar.content.decode()
    assert not Kommentar.objects.exists()


def test_no_comment_before_there_is_a_plan(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.leder)
    html = client.post(sak.url("kommenter"), {"tekst": "Hei"}, follow=True).content.decode()
    assert "Lagre planen før du skriver en kommentar." in html
    assert not Kommentar.objects.exists()


@pytest.mark.parametrize("rolle", ROLLER_UTEN_TILGANG)
def test_other_roles_get_404(client: Client, sak: Sak, rolle: str) -> None:
    lagre(sak)
    client.force_login(sak.egendata.bruker(rolle))
    assert client.post(sak.url("kommenter"), {"tekst": "Hei"}).status_code == 404
    assert not Kommentar.objects.exists()
