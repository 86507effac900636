"""The administrator's thresholds for early warning: /virksomhet/<orgnr>/tidlig-varsel/grenser/."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from naervaer.web.tidligvarsel.models import Varselinnstillinger
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db

STI = f"/virksomhet/{SOLSIKKEN}/tidlig-varsel/grenser/"
GYLDIG = {
    "korttid_antall": "4",
    "korttid_maaneder": "12",
    "bradford_aktiv": "on",
    "bradford_terskel": "250",
    "langtid_okning": "2,5",
    "langtid_sammenligning": "forrige",
    "bransje_faktor": "1.3",
}


def test_the_form_shows_the_standard(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.get(STI)
    assert svar.status_code == 200
    html = svar.content.decode()
    for navn, verdi in (
        ("korttid_antall", "3"),
        ("korttid_maaneder", "6"),
        ("bradford_terskel", "125"),
        ("langtid_okning", "2,0"),
        ("bransje_faktor", "1,5"),
    ):
        assert f'name="{navn}" id="id_{navn}" value="{verdi}"' in html
    assert 'value="i_fjor" checked' in html
    assert (
        'name="bradford_aktiv"' in html and "checked>" not in html.split("bradford_aktiv")[1][:200]
    )


def test_saving(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(STI, GYLDIG, follow=True)
    assert svar.redirect_chain == [(f"/virksomhet/{SOLSIKKEN}/tidlig-varsel/", 302)]
    t = tekst(svar.content)
    assert "Grensene for tidlig varsel er lagret." in t
    assert "4 eller flere fraværstilfeller" in t and "økt med mer enn 2,5 prosentpoeng" in t
    rad = Varselinnstillinger.objects.get(virksomhet_id=SOLSIKKEN)
    assert (rad.korttid_antall, rad.korttid_maaneder, rad.bradford_aktiv, rad.bradford_terskel) == (
        4,
        12,
        True,
        250,
    )
    assert (rad.langtid_okning, rad.langtid_sammenligning, rad.bransje_faktor) == (
        Decimal("2.5"),
        "forrige",
        Decimal("1.3"),
    )
    assert rad.endret_av == egendata.inst.admin

    # Saving again changes the one row; an unticked box turns the Bradford factor off.
    client.post(STI, {**GYLDIG, "bradford_aktiv": "", "korttid_antall": "2"})
    rad = Varselinnstillinger.objects.get(virksomhet_id=SOLSIKKEN)
    assert (rad.korttid_antall, rad.bradford_aktiv) == (2, False)
    assert Varselinnstillinger.objects.count() == 1


@pytest.mark.parametrize(
    ("felt", "verdi", "melding"),
    [
        ("korttid_antall", "1", "Antall tilfeller må være mellom 2 og 10, ikke 1."),
        ("korttid_antall", "2,5", "Antall tilfeller må være et helt tall, ikke «2,5»."),
        ("korttid_maaneder", "", "Skriv inn antall måneder."),
        ("bradford_terskel", "mange", "Grensen for Bradford-faktoren må være et helt tall"),
        ("langtid_okning", "2,05", "Økningen i langtidsfravær kan ha høyst én desimal"),
        ("langtid_okning", "99", "Økningen i langtidsfravær må være mellom 0,1 og 50, ikke 99."),
        ("bransje_faktor", "1", "Ganger bransjens sykefravær må være mellom 1,1 og 5, ikke 1."),
        ("langtid_sammenligning", "", "Velg hva de siste tre månedene skal sammenlignes med."),
    ],
)
def test_bad_input_saves_nothing_and_names_the_field(
    client: Client, egendata: Egendata, felt: str, verdi: str, melding: str
) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(STI, {**GYLDIG, felt: verdi})
    assert svar.status_code == 200
    html = svar.content.decode()
    t = tekst(svar.content)
    assert t.startswith("Feil i skjemaet: Grenser for tidlig varsel") and melding in t
    assert "Rett opp dette før du lagrer:" in t
    # The summary links to the field, and the message is tied to it.
    assert f'href="#id_{felt}"' in html
    feil = html.split(f'id="feil-{felt}"')[1].split("</div>")[0]
    assert melding[:30] in feil
    if felt != "langtid_sammenligning":
        assert f'aria-describedby="beskrivelse-{felt} feil-{felt}" aria-invalid="true"' in html
    assert not Varselinnstillinger.objects.exists()


def test_every_error_at_once(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.admin)
    svar = client.post(STI, {**GYLDIG, "korttid_antall": "0", "bransje_faktor": "x"})
    t = tekst(svar.content)
    assert "Antall tilfeller må være mellom 2 og 10, ikke 0." in t
    assert "Ganger bransjens sykefravær må være et tall, ikke «x»." in t
    assert "<title>Feil i skjemaet: " in svar.content.decode()


@pytest.mark.parametrize("rolle", ["HR", "LEDER", "VERNEOMBUD", "ANSATT"])
def test_only_the_administrator(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(STI).status_code == 404
    assert client.post(STI, GYLDIG).status_code == 404
    assert not Varselinnstillinger.objects.exists()


def test_the_page_has_the_menu(client: Client, egendata: Egendata, settings: Any) -> None:
    client.force_login(egendata.inst.admin)
    t = tekst(client.get(STI).content)
    assert "Tidlig varsel" in t and "Tilganger og roller" in t
