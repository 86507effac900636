"""«Be om tilgang»: asking a virksomhet's administrators for the statistics right."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from naervaer.web.virksomheter.models import Tilgangsforesporsel
from naervaer.web.virksomheter.views import REGISTRERT
from tests.web.conftest import SOLSIKKEN, Installasjon, Postkasse
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db


def test_asking_from_the_page_mails_the_administrators(
    client: Client, installasjon: Installasjon, postkasse: Postkasse
) -> None:
    client.force_login(installasjon.uten_rett)
    svar = client.post(
        "/be-om-tilgang/",
        {
            "orgnr": SOLSIKKEN,
            "begrunnelse": "Jeg leder avdeling Blå",
            "tilbake": f"/virksomhet/{SOLSIKKEN}/",
        },
        follow=True,
    )
    t = tekst(svar.content)
    assert REGISTRERT in t
    assert "Du har bedt om tilgang." in t
    [brev] = postkasse.til("admin@example.no")
    assert brev["Subject"] == "Forespørsel om tilgang: Solsikken barnehage AS"
    innhold = brev.get_content()
    assert "uten.rett@example.no" in innhold and "Jeg leder avdeling Blå" in innhold
    assert f"http://testserver/virksomhet/{SOLSIKKEN}/tilgang/" in innhold
    # Only administrators are asked: the reader of the same virksomhet gets nothing.
    assert postkasse.til("leser@example.no") == []


def test_asking_twice_keeps_one_request(
    client: Client, installasjon: Installasjon, postkasse: Postkasse
) -> None:
    client.force_login(installasjon.uten_rett)
    client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN})
    svar = client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN}, follow=True)
    assert REGISTRERT in tekst(svar.content)
    assert Tilgangsforesporsel.objects.filter(bruker=installasjon.uten_rett).count() == 1
    assert len(postkasse.brev) == 1


def test_a_stranger_can_ask_by_orgnr(
    client: Client, installasjon: Installasjon, postkasse: Postkasse
) -> None:
    client.force_login(installasjon.fremmed)
    svar = client.post("/be-om-tilgang/", {"orgnr": "910 000 001"}, follow=True)
    assert REGISTRERT in tekst(svar.content)
    # The answer names no virksomhet: a stranger learns nothing from it.
    assert "Solsikken" not in tekst(svar.content)
    assert Tilgangsforesporsel.objects.get().virksomhet_id == SOLSIKKEN


def test_a_malformed_orgnr_is_explained(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.fremmed)
    svar = client.post("/be-om-tilgang/", {"orgnr": "12345"}, follow=True)
    assert "Organisasjonsnummeret må ha 9 siffer." in tekst(svar.content)
    assert not Tilgangsforesporsel.objects.exists()


def test_an_unknown_orgnr_gets_the_same_answer_as_a_known(
    client: Client, installasjon: Installasjon, postkasse: Postkasse
) -> None:
    client.force_login(installasjon.fremmed)
    ukjent = tekst(client.post("/be-om-tilgang/", {"orgnr": "999999999"}, follow=True).content)
    kjent = tekst(client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN}, follow=True).content)
    assert REGISTRERT in ukjent and ukjent == kjent
    assert Tilgangsforesporsel.objects.count() == 1
    assert len(postkasse.brev) == 1


def test_a_refusal_is_not_renewed_at_once(
    client: Client, installasjon: Installasjon, postkasse: Postkasse
) -> None:
    client.force_login(installasjon.fremmed)
    client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN})
    Tilgangsforesporsel.objects.update(status="AVSLATT", behandlet=timezone.now())
    svar = client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN}, follow=True)
    assert REGISTRERT in tekst(svar.content)
    assert Tilgangsforesporsel.objects.count() == 1 and len(postkasse.brev) == 1


def test_a_mail_server_that_is_down_does_not_lose_the_request(
    client: Client, installasjon: Installasjon, settings: object
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # type: ignore[attr-defined]
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # type: ignore[attr-defined]
    client.force_login(installasjon.uten_rett)
    svar = client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN}, follow=True)
    assert REGISTRERT in tekst(svar.content)
    assert Tilgangsforesporsel.objects.filter(status="VENTER").count() == 1


def test_a_link_back_elsewhere_is_not_followed(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.uten_rett)
    for annensteds in ("https://example.com/", "//example.com/", "/\\example.com/"):
        svar = client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN, "tilbake": annensteds})
        assert svar["Location"] == "/?velg=1"


def test_only_post_and_only_logged_in(client: Client, installasjon: Installasjon) -> None:
    assert client.post("/be-om-tilgang/", {"orgnr": SOLSIKKEN}).status_code == 302
    client.force_login(installasjon.uten_rett)
    assert client.get("/be-om-tilgang/").status_code == 405
