"""The demo installation: a generated register, its statistics, virksomheter and demo users."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client

from naervaer.statistikk.enheter import bransje_for, storrelse_for
from naervaer.statistikk.motor import beregn_til_mappe
from naervaer.syntetisk.generator import generer
from naervaer.web.egendata.models import Avdeling, Fravaer, Importlogg
from naervaer.web.egenstatistikk.models import Egentall
from naervaer.web.statistikk.lager import last_inn
from naervaer.web.statistikk.models import Kvartalsstatistikk
from naervaer.web.virksomheter.models import Tilgang
from naervaer.web.virksomheter.tilgang import rettigheter

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


def test_demo_users_log_in_with_the_printed_passwords(
    demoregister: Path, django_capture_on_commit_callbacks: Any
) -> None:
    last_inn(demoregister / "statistikk" / "kvartal.parquet")
    call_command("last_virksomheter", str(demoregister / "register" / "virksomheter.parquet"))
    # The test's transaction never commits: run what the import leaves for after its commit.
    with django_capture_on_commit_callbacks(execute=True):
        passord = lag_demo()
    assert set(passord) == {
        f"{navn}@demo.no"
        for navn in (
            "daglig.leder",
            "hr",
            "mellomleder",
            "verneombud",
            "tillitsvalgt",
            "ansatt",
        )
    }

    leder = Tilgang.objects.filter(bruker__username="daglig.leder@demo.no")
    bransjer = {bransje_for(t.virksomhet.naeringskode).kode for t in leder}  # type: ignore[union-attr]
    assert bransjer >= {"BARNEHAGER", "SYKEHJEM"} and len(bransjer) == 3
    # One demo virksomhet is too small to show its own figures, so the masking can be seen.
    siste = Kvartalsstatistikk.objects.filter(kategori="VIRKSOMHET").order_by(
        "-arstall", "-kvartal"
    )
    storrelser = set()
    for tilgang in Tilgang.objects.filter(bruker__username="hr@demo.no", rolle="ADMINISTRATOR"):
        rad = siste.filter(kode=tilgang.virksomhet_id).first()
        assert rad is not None
        storrelser.add(storrelse_for(rad.antall_personer).kode)
    assert "1-4" in storrelser
    barnehage = next(t for t in leder if t.virksomhet.naeringskode in {"88911", "85100"})
    orgnr = barnehage.virksomhet_id
    # Every role has a user in the barnehage; the leader leads a department and is an employee.
    roller = set(Tilgang.objects.filter(virksomhet_id=orgnr).values_list("rolle", flat=True))
    assert roller == {"ADMINISTRATOR", "HR", "LEDER", "VERNEOMBUD", "TILLITSVALGT", "ANSATT"}
    mellomleder = rettigheter(
        Tilgang.objects.get(bruker__username="mellomleder@demo.no", virksomhet_id=orgnr).bruker,
        orgnr,
    )
    assert mellomleder.ledede_avdelinger and mellomleder.eget_ansatt_id is not None
    assert (
        rettigheter(
            Tilgang.objects.get(bruker__username="ansatt@demo.no").bruker, orgnr
        ).eget_ansatt_id
        is not None
    )

    # The own data came in through the import, from files in the documented template.
    logg = Importlogg.objects.get(virksomhet_id=orgnr)
    assert logg.filer == ["ansatte.csv", "arbeidsforhold.csv", "fravaer.csv"]
    assert logg.antall["fravær"]["nye"] > 0
    assert Fravaer.objects.filter(ansatt__virksomhet_id=orgnr, type="egenmelding").exists()
    assert Avdeling.objects.filter(virksomhet_id=orgnr, overordnet__isnull=False).exists()
    assert Egentall.objects.filter(virksomhet_id=orgnr).exists()

    klient = Client()
    svar = klient.post(
        "/logg-inn/",
        {"username": "daglig.leder@demo.no", "password": passord["daglig.leder@demo.no"]},
    )
    assert svar.status_code == 302
    assert klient.get(f"/virksomhet/{orgnr}/").status_code == 200
    assert klient.get(f"/virksomhet/{orgnr}/egne-tall/").status_code == 200

    # A second run gives new passwords; the old ones stop working.
    nye = lag_demo()
    assert nye["hr@demo.no"] != passord["hr@demo.no"]
    assert logg_inn("hr@demo.no", passord["hr@demo.no"]).status_code == 200  # the form again
    assert logg_inn("hr@demo.no", nye["hr@demo.no"]).status_code == 302
    # Importing the same files again changed nothing.
    (andre,) = Importlogg.objects.filter(virksomhet_id=orgnr).exclude(pk=logg.pk)
    assert all(tall.get("nye", 0) == 0 for tall in andre.antall.values())
