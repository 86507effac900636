"""The demo installation: a generated register, its statistics, virksomheter and demo users."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client

from naervaer.statistikk.enheter import bransje_for, storrelse_for
from naervaer.statistikk.motor import beregn_til_mappe
from naervaer.syntetisk.generator import generer
from naervaer.web.statistikk.lager import last_inn
from naervaer.web.statistikk.models import Kvartalsstatistikk
from naervaer.web.virksomheter.models import Tilgang

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demoregister(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mappe = tmp_path_factory.mktemp("demo")
    generer(0.004, mappe / "register")
    beregn_til_mappe(mappe / "register", mappe / "statistikk")
    return mappe


def lag_demo() -> dict[str, str]:
    ut = StringIO()
    call_command("lag_demo", stdout=ut)
    return dict(re.findall(r"^  (\S+@demo\.no)  passord: (\S+)$", ut.getvalue(), re.M))


def logg_inn(epost: str, passord: str) -> HttpResponse:
    return Client().post("/logg-inn/", {"username": epost, "password": passord})


def test_demo_users_log_in_with_the_printed_passwords(demoregister: Path) -> None:
    last_inn(demoregister / "statistikk" / "kvartal.parquet")
    call_command("last_virksomheter", str(demoregister / "register" / "virksomheter.parquet"))
    passord = lag_demo()
    assert set(passord) == {"daglig.leder@demo.no", "hr@demo.no", "mellomleder@demo.no"}

    leder = Tilgang.objects.filter(bruker__username="daglig.leder@demo.no")
    bransjer = {bransje_for(t.virksomhet.naeringskode).kode for t in leder}  # type: ignore[union-attr]
    assert bransjer >= {"BARNEHAGER", "SYKEHJEM"} and len(bransjer) == 3
    # One demo virksomhet is too small to show its own figures, so the masking can be seen.
    siste = Kvartalsstatistikk.objects.filter(kategori="VIRKSOMHET").order_by(
        "-arstall", "-kvartal"
    )
    storrelser = set()
    for tilgang in Tilgang.objects.filter(bruker__username="hr@demo.no"):
        rad = siste.filter(kode=tilgang.virksomhet_id).first()
        assert rad is not None
        storrelser.add(storrelse_for(rad.antall_personer).kode)
    assert "1-4" in storrelser
    mellomleder = Tilgang.objects.get(bruker__username="mellomleder@demo.no")
    assert mellomleder.rolle == "ANSATT"

    klient = Client()
    svar = klient.post(
        "/logg-inn/",
        {"username": "daglig.leder@demo.no", "password": passord["daglig.leder@demo.no"]},
    )
    assert svar.status_code == 302
    barnehage = next(t for t in leder if t.virksomhet.naeringskode in {"88911", "85100"})
    assert klient.get(f"/virksomhet/{barnehage.virksomhet_id}/").status_code == 200

    # A second run gives new passwords; the old ones stop working.
    nye = lag_demo()
    assert nye["hr@demo.no"] != passord["hr@demo.no"]
    assert logg_inn("hr@demo.no", passord["hr@demo.no"]).status_code == 200  # the form again
    assert logg_inn("hr@demo.no", nye["hr@demo.no"]).status_code == 302
