"""Recording what became of a task:
POST /virksomhet/<orgnr>/oppfolging/tilfelle/<id>/oppgave/<id>/ (htmx, or a plain form)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from tests.web.conftest import Egendata
from tests.web.oppfolging_hjelp import dager, lag_saker, oppgave, revisjon, url

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def saker(egendata: Egendata) -> dict[str, Tilfelle]:
    return lag_saker(egendata.ansatte)


@pytest.fixture
def plan(saker: dict[str, Tilfelle]) -> Oppgave:
    return oppgave(saker["1002"], "oppfolgingsplan")


def adresse(o: Oppgave) -> str:
    return url("oppgave", o.tilfelle_id, o.pk)


def post(client: Client, o: Oppgave, handling: str, htmx: bool = False, **felter: object) -> Any:
    data = {"handling": handling, **{f"o{o.pk}-{k}": v for k, v in felter.items()}}
    return client.post(adresse(o), data, **(HTMX if htmx else {}))


def test_marking_done_without_javascript(client: Client, egendata: Egendata, plan: Oppgave) -> None:
    client.force_login(egendata.leder)
    svar = post(client, plan, "utfort", dato=dager(-1).isoformat(), notat="Laget sammen")
    assert svar.status_code == 302
    assert svar["Location"] == url("tilfelle", plan.tilfelle_id) + f"#oppgave-{plan.pk}"
    plan.refresh_from_db()
    assert (plan.status, plan.utfort_dato, plan.notat, plan.endret_av) == (
        Oppgave.Status.UTFORT,
        dager(-1),
        "Laget sammen",
        egendata.leder,
    )
    assert revisjon("markerte en oppfølgingsoppgave som utført") == ["1002"]
    html = client.get(url("tilfelle", plan.tilfelle_id)).content.decode()
    melding = (
        f"«Lag oppfølgingsplan sammen med den ansatte» er markert som utført {dager(-1):%d.%m.%Y}."
    )
    assert melding in html


def test_marking_done_with_htmx_answers_the_task_alone(
    client: Client, egendata: Egendata, plan: Oppgave
) -> None:
    client.force_login(egendata.leder)
    svar = post(client, plan, "utfort", htmx=True, dato=dager(0).strftime("%d.%m.%Y"))
    assert svar.status_code == 200
    html = svar.content.decode()
    assert html.lstrip().startswith('<li class="oppfolging-oppgave oppfolging-oppgave--utfort"')
    assert f'id="oppgave-{plan.pk}"' in html
    assert 'role="status" tabindex="-1" autofocus' in html
    assert "er markert som utført" in html and "Angre utført" in html
    assert "<html" not in html
    plan.refresh_from_db()
    assert (plan.status, plan.utfort_dato, plan.notat) == (Oppgave.Status.UTFORT, dager(0), "")


def test_a_date_in_the_future_is_refused_and_tied_to_its_field(
    client: Client, egendata: Egendata, plan: Oppgave
) -> None:
    client.force_login(egendata.leder)
    svar = post(client, plan, "utfort", dato=dager(2).isoformat())
    assert svar.status_code == 400
    html = svar.content.decode()
    felt = f"id_o{plan.pk}-dato"
    assert f"Dato det ble gjort: {dager(2):%d.%m.%Y} er etter i dag." in html
    assert re.search(rf'id="{felt}"[^>]*aria-describedby="{felt}-feil" aria-invalid="true"', html)
    assert f'<a class="aksel-link" href="#{felt}">' in html
    # The form with the mistake is open, the others closed.
    assert re.search(
        r'<details class="oppfolging-handling" open>\s*<summary[^>]*>Marker som utført', html
    )
    plan.refresh_from_db()
    assert plan.status == Oppgave.Status.APEN


def test_errors_with_htmx_come_back_in_the_task(
    client: Client, egendata: Egendata, plan: Oppgave
) -> None:
    client.force_login(egendata.leder)
    svar = post(client, plan, "utfort", htmx=True, dato="31.02.2026")
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "Dato det ble gjort: skriv datoen som dd.mm.åååå" in html
    assert "Rett opp dette først:" in html and "autofocus" in html


def test_a_date_before_the_case_began_is_refused(
    client: Client, egendata: Egendata, plan: Oppgave
) -> None:
    client.force_login(egendata.leder)
    svar = post(client, plan, "utfort", dato=dager(-41).isoformat())
    assert "er før sykefraværet begynte" in svar.content.decode()


def test_postponing_needs_a_reason_and_a_later_date(
    client: Client, egendata: Egendata, plan: Oppgave
) -> None:
    client.force_login(egendata.leder)
    uten = post(client, plan, "utsett", ny_frist=dager(5).isoformat(), grunn="  ")
    assert "Hvorfor utsettes den?: skriv en kort begrunnelse." in uten.content.decode()
    bakover = post(client, plan, "utsett", ny_frist=dager(-5).isoformat(), grunn="Syk")
    assert "Ny dato: velg en dato etter i dag" in bakover.content.decode()
    svar = post(client, plan, "utsett", ny_frist=dager(5).isoformat(), grunn="Møtet er avtalt da")
    assert svar.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.utsatt_til, plan.gjeldende_frist, plan.frist, plan.notat) == (
        Oppgave.Status.UTSATT,
        dager(5),
        dager(5),
        dager(-12),
        "Møtet er avtalt da",
    )
    assert revisjon("utsatte en oppfølgingsoppgave") == ["1002"]


def test_obviously_unnecessary_only_where_the_law_allows_it(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    client.force_login(egendata.leder)
    aktivitet = oppgave(saker["1002"], "aktivitetskrav")
    svar = post(client, aktivitet, "unodvendig", grunn="Tilbake snart")
    assert svar.status_code == 302
    html = client.get(svar["Location"]).content.decode()
    assert "Loven gir ikke unntak for denne oppgaven" in html
    aktivitet.refresh_from_db()
    assert aktivitet.status == Oppgave.Status.APEN
    dm1 = oppgave(saker["1002"], "dialogmote_1")
    assert post(client, dm1, "unodvendig", grunn="").status_code == 400
    post(client, dm1, "unodvendig", grunn="Tilbake i full jobb fra mandag")
    dm1.refresh_from_db()
    assert (dm1.status, dm1.notat) == (Oppgave.Status.UNODVENDIG, "Tilbake i full jobb fra mandag")


def test_undo_brings_back_the_state_before(
    client: Client, egendata: Egendata, plan: Oppgave
) -> None:
    client.force_login(egendata.leder)
    post(client, plan, "utsett", ny_frist=dager(5).isoformat(), grunn="Venter på legen")
    post(client, plan, "utfort", dato=dager(0).isoformat())
    plan.refresh_from_db()
    assert plan.status == Oppgave.Status.UTFORT
    svar = post(client, plan, "angre", htmx=True)
    assert "er utsatt til" in svar.content.decode()
    plan.refresh_from_db()
    assert (plan.status, plan.utsatt_til, plan.notat, plan.utfort_dato) == (
        Oppgave.Status.UTSATT,
        dager(5),
        "Venter på legen",
        None,
    )
    post(client, plan, "angre")
    plan.refresh_from_db()
    assert (plan.status, plan.utsatt_til, plan.notat) == (Oppgave.Status.APEN, None, "")
    assert revisjon("angret en endring av en oppfølgingsoppgave") == ["1002", "1002"]
    # An open task has nothing to undo.
    svar = post(client, plan, "angre", htmx=True)
    assert "det er ingenting å angre" in svar.content.decode()


def test_a_task_done_once_is_not_done_again(
    client: Client, egendata: Egendata, plan: Oppgave
) -> None:
    client.force_login(egendata.leder)
    post(client, plan, "utfort", dato=dager(-2).isoformat())
    post(client, plan, "utfort", dato=dager(0).isoformat())
    plan.refresh_from_db()
    assert plan.utfort_dato == dager(-2)


def test_a_leader_cannot_change_the_tasks_of_someone_else_s_people(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle]
) -> None:
    frode = oppgave(saker["1006"], "oppfolgingsplan")
    client.force_login(egendata.leder)
    assert post(client, frode, "utfort", dato=dager(0).isoformat()).status_code == 404
    frode.refresh_from_db()
    assert frode.status == Oppgave.Status.APEN
    assert revisjon("markerte en oppfølgingsoppgave som utført") == []


@pytest.mark.parametrize("rolle", ["VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"])
def test_roles_without_person_data_get_404(
    client: Client, egendata: Egendata, plan: Oppgave, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert post(client, plan, "utfort", dato=dager(0).isoformat()).status_code == 404
    plan.refresh_from_db()
    assert plan.status == Oppgave.Status.APEN


def test_a_task_of_another_case_and_unknown_actions(
    client: Client, egendata: Egendata, saker: dict[str, Tilfelle], plan: Oppgave
) -> None:
    client.force_login(egendata.hr)
    feil_tilfelle = url("oppgave", saker["1006"].pk, plan.pk)
    assert client.post(feil_tilfelle, {"handling": "angre"}).status_code == 404
    assert client.post(adresse(plan), {"handling": "slett"}).status_code == 400
    assert client.get(adresse(plan)).status_code == 405
