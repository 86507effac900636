"""The case page: /virksomhet/<orgnr>/oppfolging/tilfelle/<id>/."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from naervaer.web.egendata.models import Egenmeldingspolicy
from naervaer.web.oppfolging import handlinger
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolging.synk import synk
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.oppfolging_hjelp import dager, fravaer, lag_saker, revisjon, url

HVA = "så oppfølgingen av et sykefraværstilfelle"


@pytest.fixture
def saker(egendata: Egendata) -> dict[str, Tilfelle]:
    return lag_saker(egendata.ansatte)


def side(tilfelle: Tilfelle) -> str:
    return url("tilfelle", tilfelle.pk)


def oppgavekort(html: str, tittel: str) -> str:
    start = html.index(f">{tittel}</h3>")
    return html[start : html.index("</li>", start)]


def test_the_case_with_its_tasks_timeline_and_periods(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    svar = client.get(side(saker["1002"]))
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "<h1" in html and "Bjørn Berg</h1>" in html
    assert f"Sykefravær fra {dager(-40):%d.%m.%Y}" in html
    assert "Pågår, uke 6" in html
    plan = oppgavekort(html, "Lag oppfølgingsplan sammen med den ansatte")
    assert f"{dager(-12):%d.%m.%Y}" in plan and "Forfalt" in plan
    assert "aml. § 4-6 (3)" in plan
    assert "<summary" in plan and "Marker som utført" in plan
    # The timeline: the employer's period ends on day 16, with its source.
    tidslinje = html[html.index('id="tidslinje-tittel"') :]
    assert f"{dager(-25):%d.%m.%Y}</span> Arbeidsgiverperioden slutter" in tidslinje
    assert "ftrl. § 8-19" in tidslinje
    assert 'href="https://lovdata.no/lov/1997-02-28-19/§8-19"' in tidslinje
    # Dialogmøte 2 is NAV's, so it is on the timeline but not a task; it comes if the leave
    # goes on.
    assert "Hvis sykefraværet varer lenger" in html
    kommende = html[html.index("Hvis sykefraværet varer lenger") :]
    assert "Dialogmøte 2 med NAV" in kommende
    assert "Send oppdatert oppfølgingsplan til NAV" in kommende
    assert f"{dager(-40):%d.%m.%Y}" in html[html.index('id="perioder-tittel"') :]
    assert revisjon(HVA) == ["1002"]


def test_obviously_unnecessary_is_offered_only_where_the_law_allows_it(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    html = client.get(side(saker["1002"])).content.decode()
    assert "Åpenbart unødvendig" in oppgavekort(html, "Lag oppfølgingsplan sammen med den ansatte")
    assert "Åpenbart unødvendig" in oppgavekort(html, "Kall inn til og hold dialogmøte 1")
    aktivitet = oppgavekort(html, "Dokumenter tilretteleggingen (aktivitetskravet)")
    assert "Åpenbart unødvendig" not in aktivitet and "Utsett" in aktivitet


def test_every_field_has_a_label_and_the_health_warning(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    html = client.get(side(saker["1002"])).content.decode()
    felter = re.findall(r'<(?:input|textarea) [^>]*id="([^"]+)"', html)
    assert felter
    for felt in felter:
        if felt.startswith("id_o"):
            assert f'<label class="aksel-form-field__label aksel-label" for="{felt}">' in html
    assert html.count("Ikke skriv diagnose eller andre helseopplysninger") >= 3
    assert "<textarea" in html


def test_a_done_task_shows_what_was_recorded_and_can_be_undone(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    plan = saker["1002"].oppgaver.get(kode="oppfolgingsplan")
    handlinger.marker_utfort(plan, egendata.hr, dager(-13), "Laget på Teams")
    client.force_login(egendata.leder)
    kort = oppgavekort(
        client.get(side(saker["1002"])).content.decode(),
        "Lag oppfølgingsplan sammen med den ansatte",
    )
    assert f"Utført {dager(-13):%d.%m.%Y}" in kort
    assert "Laget på Teams" in kort and "registrert av Hege" in kort
    assert "Forfalt" not in kort
    assert "Angre utført" in kort and "Marker som utført" not in kort


def test_a_leader_gets_404_for_someone_else_s_people(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    assert client.get(side(saker["1006"])).status_code == 404
    assert revisjon(HVA) == []
    client.force_login(egendata.hr)
    assert client.get(side(saker["1006"])).status_code == 200
    assert revisjon(HVA) == ["1006"]


@pytest.mark.parametrize("rolle", ["VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"])
def test_roles_without_person_data_get_404(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle], rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(side(saker["1002"])).status_code == 404
    # Not even the employee's own case: that is on «Min oppfølging».
    assert client.get(side(saker["1001"])).status_code == 404
    assert revisjon(HVA) == []


def test_a_case_of_another_virksomhet_is_not_there(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.inst.admin)
    annen = reverse("oppfolging:tilfelle", args=["910000002", saker["1002"].pk])
    assert client.get(annen).status_code == 404
    assert client.get(url("tilfelle", 999999)).status_code == 404


def test_a_leader_does_not_follow_up_own_case(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    lars = egendata.ansatte["1003"]
    lars.bruker = egendata.leder
    lars.save(update_fields=["bruker"])
    fravaer(lars, dager(-30), dager(10))
    synk(Virksomhet.objects.get(pk=SOLSIKKEN), [lars.pk])
    egen = Tilfelle.objects.get(ansatt=lars, avsluttet=None)
    client.force_login(egendata.leder)
    assert client.get(side(egen)).status_code == 404


def test_a_closed_case_says_until_when_a_new_absence_continues_it(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    html = client.get(side(saker["1001"])).content.decode()
    assert f"Tilbake på jobb fra {dager(-7):%d.%m.%Y}" in html
    assert f"senest {dager(8):%d.%m.%Y}, hører til dette sykefraværet" in html
    assert "Ingen oppgaver ennå" in html
    assert "Hvis sykefraværet varer lenger" not in html


def test_the_egenmelding_rule_of_the_virksomhet_is_used(client: Client, egendata: Egendata) -> None:
    david = egendata.ansatte["1004"]
    fravaer(david, dager(-30), dager(-25), "egenmelding")  # six days of egenmelding
    fravaer(david, dager(-24), dager(10))
    virksomhet = Virksomhet.objects.get(pk=SOLSIKKEN)
    synk(virksomhet, [david.pk])
    tilfelle = Tilfelle.objects.get(ansatt=david)
    client.force_login(egendata.leder)
    assert "men lovens regel gir rett til 3 dager" in client.get(side(tilfelle)).content.decode()
    # The IA rule allows eight days per absence: nothing to say.
    Egenmeldingspolicy.objects.create(
        virksomhet=virksomhet, dager_per_tilfelle=8, ganger_per_12_mnd=None, dager_per_12_mnd=24
    )
    assert "gir rett til" not in client.get(side(tilfelle)).content.decode()


def test_the_oppfolgingsplan_has_its_place(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    html = client.get(side(saker["1002"])).content.decode()
    plan = html[html.index('id="plan-tittel"') : html.index('id="tidslinje-tittel"')]
    try:
        adresse = reverse(
            "oppfolgingsplan:plan", kwargs={"orgnr": SOLSIKKEN, "tilfelle_id": saker["1002"].pk}
        )
    except NoReverseMatch:
        # The plan pages are not there yet: the section says what to do and where help is.
        assert "Lag planen sammen med den ansatte" in plan
    else:
        assert f'href="{adresse}"' in plan


def test_a_case_in_week_one_has_no_tasks_yet(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    html = client.get(side(saker["1004"])).content.decode()
    assert "Ingen oppgaver ennå" in html and "Pågår, uke 1" in html
    # Still the timeline of what comes if it goes on: the plan in four weeks.
    assert f"{dager(25):%d.%m.%Y}</span> Lag oppfølgingsplan" in html
