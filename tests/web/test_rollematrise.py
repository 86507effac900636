"""Every page of a virksomhet against every role: who gets it, and who gets 404 (or 403).

The table below is the product's access rule written once more, by hand, next to the code that
enforces it (``virksomheter/tilgang.py``). A page that is added without a line here fails
``test_every_page_of_a_virksomhet_is_in_the_matrix``, so no view escapes the matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.web.conftest import SOLSIKKEN, Egendata

pytestmark = pytest.mark.django_db

ROLLER = ("ADMINISTRATOR", "HR", "LEDER", "VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT")
ALLE = frozenset(ROLLER)
STATISTIKK = ALLE - {"ANSATT"}
PERSONER = frozenset({"ADMINISTRATOR", "HR", "LEDER"})
IMPORT = frozenset({"ADMINISTRATOR", "HR"})
ADMIN = frozenset({"ADMINISTRATOR"})
SEG_SELV = frozenset({"ANSATT"})  # in the fixture only Anna is an employee with a login
PLANLEGGERE = frozenset({"ADMINISTRATOR", "HR", "LEDER", "VERNEOMBUD", "TILLITSVALGT"})

Argumenter = Callable[[Egendata, dict[str, Any]], dict[str, object]]


def ingen(egendata: Egendata, objekter: dict[str, Any]) -> dict[str, object]:
    return {}


def ansatt_1002(egendata: Egendata, objekter: dict[str, Any]) -> dict[str, object]:
    return {"ansatt_id": egendata.ansatte["1002"].pk}


def tilfelle(egendata: Egendata, objekter: dict[str, Any]) -> dict[str, object]:
    return {"tilfelle_id": objekter["tilfelle"].pk}


def versjon_2(egendata: Egendata, objekter: dict[str, Any]) -> dict[str, object]:
    return {"tilfelle_id": objekter["tilfelle"].pk, "nummer": 2}


def annas_tilfelle(egendata: Egendata, objekter: dict[str, Any]) -> dict[str, object]:
    return {"tilfelle_id": objekter["annas_tilfelle"].pk}


def registrert(egendata: Egendata, objekter: dict[str, Any]) -> dict[str, object]:
    return {"fravaer_id": objekter["registrert"].pk}


@dataclass(frozen=True)
class Side:
    roller: frozenset[str]
    argumenter: Argumenter = ingen
    metode: str = "GET"


SIDER: dict[str, Side] = {
    "statistikk:side": Side(ALLE),
    "statistikk:nedlasting": Side(ALLE, lambda e, o: {"format": "csv"}),
    "kalkulator:side": Side(ALLE),
    "egenstatistikk:side": Side(STATISTIKK),
    "egenstatistikk:nedlasting": Side(STATISTIKK, lambda e, o: {"format": "csv"}),
    "egendata:side": Side(IMPORT),
    "egendata:mal": Side(IMPORT),
    "egendata:last_ned_mal": Side(IMPORT, lambda e, o: {"navn": "fravaer.csv"}),
    "egendata:nokler": Side(ADMIN),
    "egendata:resultat": Side(IMPORT, lambda e, o: {"logg_id": o["importlogg"].pk}),
    "fravaer:registrer": Side(PERSONER),
    "fravaer:ansatte": Side(PERSONER),
    "fravaer:ansatt": Side(PERSONER, ansatt_1002),
    "fravaer:mitt": Side(SEG_SELV),
    "fravaer:endre": Side(PERSONER, registrert),
    "fravaer:tilbake": Side(PERSONER, registrert),
    "fravaer:slett": Side(PERSONER, registrert),
    "fravaer:egenmelding": Side(ADMIN),
    "tidligvarsel:side": Side(PERSONER),
    "tidligvarsel:innstillinger": Side(ADMIN),
    "oppfolging:liste": Side(PERSONER),
    "oppfolging:tilfelle": Side(PERSONER, lambda e, o: {"tilfelle_id": o["tilfelle"].pk}),
    "oppfolging:mitt": Side(SEG_SELV),
    "oppfolging:tall": Side(frozenset({"ADMINISTRATOR", "HR", "VERNEOMBUD", "TILLITSVALGT"})),
    "oppfolgingsplan:plan": Side(PERSONER, tilfelle),
    "oppfolgingsplan:versjoner": Side(PERSONER, tilfelle),
    "oppfolgingsplan:versjon": Side(PERSONER, versjon_2),
    "oppfolgingsplan:endringer": Side(PERSONER, versjon_2),
    "oppfolgingsplan:fil_docx": Side(PERSONER, tilfelle),
    "oppfolgingsplan:fil_pdf": Side(PERSONER, tilfelle),
    "oppfolgingsplan:versjonsfil_docx": Side(PERSONER, versjon_2),
    "oppfolgingsplan:versjonsfil_pdf": Side(PERSONER, versjon_2),
    "oppfolgingsplan:mitt": Side(SEG_SELV),
    "oppfolgingsplan:mitt_tilfelle": Side(SEG_SELV, annas_tilfelle),
    "oppfolgingsplan:mitt_fil_docx": Side(SEG_SELV, annas_tilfelle),
    "oppfolgingsplan:mitt_fil_pdf": Side(SEG_SELV, annas_tilfelle),
    "personvern:side": Side(ADMIN),
    "personvern:finn": Side(ADMIN),
    "personvern:ansatt": Side(ADMIN, ansatt_1002),
    "personvern:innsyn": Side(ADMIN, ansatt_1002),
    "personvern:mine": Side(SEG_SELV),
    "revisjon:logg": Side(ADMIN),
    "revisjon:csv": Side(ADMIN),
    "virksomheter:tilganger": Side(ADMIN),
    "paminnelser:innstillinger": Side(ADMIN),
    "paminnelser:aktiviteter": Side(PLANLEGGERE),
    # The leader is responsible for the activity; verneombud and tillitsvalgt see their own.
    "paminnelser:aktivitet": Side(PERSONER, lambda e, o: {"aktivitet_id": o["aktivitet"].pk}),
}
# Pages that only take a form (POST); their rights are in the same table, tried with POST.
SKJEMAER: dict[str, Side] = {
    "virksomheter:behandle": Side(ADMIN, lambda e, o: {"foresporsel_id": o["foresporsel"].pk}),
    "virksomheter:legg_til": Side(ADMIN),
    "virksomheter:endre_rolle": Side(ADMIN, lambda e, o: {"tilgang_id": o["tilgang"].pk}),
    "virksomheter:fjern": Side(ADMIN, lambda e, o: {"tilgang_id": o["tilgang"].pk}),
    "personvern:slett": Side(ADMIN, ansatt_1002),
    "oppfolging:oppgave": Side(
        PERSONER,
        lambda e, o: {"tilfelle_id": o["tilfelle"].pk, "oppgave_id": o["oppgave"].pk},
    ),
    "egendata:tilbakekall": Side(ADMIN, lambda e, o: {"nokkel_id": o["nokkel"].pk}),
    "oppfolgingsplan:del": Side(PERSONER, tilfelle),
    "oppfolgingsplan:kommenter": Side(PERSONER, tilfelle),
    "oppfolgingsplan:mitt_kommenter": Side(SEG_SELV, annas_tilfelle),
    "oppfolgingsplan:mitt_enig": Side(SEG_SELV, annas_tilfelle),
    "fravaer:ansattvalg": Side(PERSONER),
    "fravaer:forhandsvis": Side(PERSONER),
    "paminnelser:avlys": Side(PERSONER, lambda e, o: {"aktivitet_id": o["aktivitet"].pk}),
}
# Steps of an upload in progress: they answer 404 to anyone but the session that uploaded.
UTENFOR = frozenset(
    {
        "egendata:forhandsvis",
        "egendata:velg_oppsett",
        "egendata:lagre",
        "egendata:avbryt",
    }
)


def _virksomhetssider() -> set[str]:
    navn: set[str] = set()

    def gaa(monstre: list[URLPattern | URLResolver], prefiks: str, rom: str) -> None:
        for m in monstre:
            if isinstance(m, URLResolver):
                gaa(m.url_patterns, prefiks + str(m.pattern), m.namespace or rom)
            elif "<str:orgnr>" in prefiks + str(m.pattern) and m.name:
                navn.add(f"{rom}:{m.name}")

    gaa(get_resolver().url_patterns, "", "")
    return navn


def test_every_page_of_a_virksomhet_is_in_the_matrix() -> None:
    assert _virksomhetssider() - UTENFOR == set(SIDER) | set(SKJEMAER)


@pytest.fixture
def objekter(egendata: Egendata) -> dict[str, Any]:
    from naervaer.oppfolging.plan import Planinnhold, Tiltak
    from naervaer.web.egendata.models import Fravaer, Importlogg, Importnokkel
    from naervaer.web.oppfolging.models import Oppgave, Tilfelle
    from naervaer.web.oppfolgingsplan import lagring
    from naervaer.web.paminnelser.models import Aktivitet
    from naervaer.web.virksomheter.models import Tilgang, Tilgangsforesporsel

    tilfelle = Tilfelle.objects.create(
        ansatt=egendata.ansatte["1002"], fra_dato=date(2025, 1, 6), til_dato=date(2025, 5, 30)
    )
    # The plan pages: two versions of 1002's plan, and a shared plan of Anna's (1001) own.
    annas_tilfelle = Tilfelle.objects.create(
        ansatt=egendata.ansatte["1001"], fra_dato=date(2025, 2, 3), til_dato=date(2025, 2, 5)
    )
    for sak in (tilfelle, annas_tilfelle):
        innhold = Planinnhold(
            "Arbeid", "Som før", "", "", (Tiltak("Stol", "HR", date(2025, 3, 1)),),
            date(2025, 3, 1), None, "", date(2025, 3, 15), "", "",
        )  # fmt: skip
        lagring.lagre(sak, innhold, egendata.hr, None)
        lagring.lagre(sak, replace(innhold, som_for="Mer"), egendata.hr, 1)
        lagring.del_med_ansatt(sak, 2, egendata.hr)
    return {
        "tilfelle": tilfelle,
        "annas_tilfelle": annas_tilfelle,
        "oppgave": Oppgave.objects.create(
            tilfelle=tilfelle,
            kode="oppfolgingsplan",
            frist=date(2025, 2, 3),
            ansvarlig="arbeidsgiver",
            hva="Lag oppfølgingsplan sammen med arbeidstakeren",
            kilde="aml. § 4-6 (3)",
        ),
        "registrert": Fravaer.objects.create(
            ansatt=egendata.ansatte["1002"],
            fra_dato=date(2025, 9, 1),
            til_dato=date(2025, 9, 2),
            type="egenmelding",
            grad=Decimal(100),
            kilde=Fravaer.Kilde.REGISTRERT,
        ),
        "importlogg": Importlogg.objects.create(
            virksomhet_id=SOLSIKKEN, kanal=Importlogg.Kanal.WEB, bruker=egendata.hr
        ),
        "nokkel": Importnokkel.objects.create(
            virksomhet_id=SOLSIKKEN, navn="Lønnssystemet", hash="0" * 64, prefiks="abcd"
        ),
        "aktivitet": Aktivitet.objects.create(
            virksomhet_id=SOLSIKKEN,
            tittel="Arbeidsmiljøkartlegging",
            type=Aktivitet.Type.FOREBYGGENDE,
            start=timezone.make_aware(datetime(2026, 12, 3, 9)),
            ansvarlig=egendata.leder,
        ),
        "foresporsel": Tilgangsforesporsel.objects.create(
            bruker=egendata.inst.sykehjem, virksomhet_id=SOLSIKKEN
        ),
        "tilgang": Tilgang.objects.get(bruker=egendata.inst.uten_rett),
    }


def _sti(navn: str, side: Side, egendata: Egendata, objekter: dict[str, Any]) -> str:
    return reverse(navn, kwargs={"orgnr": SOLSIKKEN, **side.argumenter(egendata, objekter)})


@pytest.mark.parametrize("rolle", ROLLER)
@pytest.mark.parametrize("navn", sorted(SIDER))
def test_a_role_gets_the_page_or_404(
    client: Client, egendata: Egendata, objekter: dict[str, Any], navn: str, rolle: str
) -> None:
    side = SIDER[navn]
    if navn.startswith("egenstatistikk:"):
        from naervaer.web.egenstatistikk.beregning import beregn

        # The figures must exist, or the download answers 404 to everyone.
        beregn(egendata.avdelinger["A"].virksomhet, dag=date(2026, 3, 1))
    client.force_login(egendata.bruker(rolle))
    svar = client.get(_sti(navn, side, egendata, objekter))
    if rolle in side.roller:
        assert svar.status_code in (200, 302), f"{rolle} skal få {navn}: {svar.status_code}"
    else:
        assert svar.status_code in (403, 404), f"{rolle} skal ikke få {navn}: {svar.status_code}"


@pytest.mark.parametrize("rolle", ROLLER)
@pytest.mark.parametrize("navn", sorted(SKJEMAER))
def test_a_role_may_send_the_form_or_gets_404(
    client: Client, egendata: Egendata, objekter: dict[str, Any], navn: str, rolle: str
) -> None:
    side = SKJEMAER[navn]
    client.force_login(egendata.bruker(rolle))
    svar = client.post(_sti(navn, side, egendata, objekter), {})
    if rolle in side.roller:
        assert svar.status_code not in (403, 404, 405), f"{rolle} skal få {navn}"
    else:
        assert svar.status_code in (403, 404), f"{rolle} skal ikke få {navn}: {svar.status_code}"


@pytest.mark.parametrize("navn", sorted(SIDER))
def test_a_stranger_gets_404_everywhere(
    client: Client, egendata: Egendata, objekter: dict[str, Any], navn: str
) -> None:
    client.force_login(egendata.inst.fremmed)
    assert client.get(_sti(navn, SIDER[navn], egendata, objekter)).status_code == 404
