"""The leader's plan page: /virksomhet/<orgnr>/oppfolgingsplan/tilfelle/<id>/ (name ``plan``):
who reaches it, the form, a new version per save, the measures that grow and shrink without
script, and every mistake named where it is."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from django.test import Client

from naervaer.oppfolging.plan import INGEN_HELSE, MAKS_TILTAK, Tiltak
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.oppfolgingsplan.models import Planversjon
from tests.web.conftest import Egendata
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import (
    INNHOLD,
    ROLLER_MED_TILGANG,
    ROLLER_UTEN_TILGANG,
    Sak,
    dager,
    lagre,
    revisjon,
    skjemadata,
)
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA_SE = "så oppfølgingsplanen"
HVA_LAGRE = "lagret en ny versjon av oppfølgingsplanen"


def versjoner(sak: Sak) -> list[int]:
    return list(
        Planversjon.objects.filter(plan__tilfelle=sak.tilfelle)
        .order_by("nummer")
        .values_list("nummer", flat=True)
    )


@pytest.mark.parametrize("rolle", ROLLER_MED_TILGANG)
def test_the_leader_hr_and_the_administrator_see_the_plan_and_are_logged(
    client: Client, sak: Sak, rolle: str
) -> None:
    client.force_login(sak.egendata.bruker(rolle))
    svar = client.get(sak.url("plan"))
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "Oppfølgingsplan for Bjørn Berg</h1>" in html
    assert revisjon(HVA_SE) == ["1002"]
    assert "no-store" in svar["Cache-Control"]


@pytest.mark.parametrize("rolle", ROLLER_UTEN_TILGANG)
def test_other_roles_get_404_and_nothing_is_logged(client: Client, sak: Sak, rolle: str) -> None:
    client.force_login(sak.egendata.bruker(rolle))
    assert client.get(sak.url("plan")).status_code == 404
    assert client.post(sak.url("plan"), skjemadata()).status_code == 404
    assert revisjon(HVA_SE) == revisjon(HVA_LAGRE) == []
    assert versjoner(sak) == []


def test_a_leader_of_another_department_and_a_stranger_get_404(
    client: Client, sak: Sak, egendata: Egendata
) -> None:
    # Eva Fjeld (1005) is in «Storbarn»; the leader leads «Småbarn».
    eva = Tilfelle.objects.create(ansatt=egendata.ansatte["1005"], fra_dato=dager(-20))
    client.force_login(egendata.leder)
    assert (
        client.get(sak.url("plan").replace(f"/{sak.tilfelle.pk}/", f"/{eva.pk}/")).status_code
        == 404
    )
    assert (
        client.get(sak.url("plan").replace(f"/{sak.tilfelle.pk}/", "/999999/")).status_code == 404
    )
    client.force_login(egendata.inst.fremmed)
    assert client.get(sak.url("plan")).status_code == 404
    client.logout()
    assert client.get(sak.url("plan")).status_code == 302


def test_the_employee_is_sent_to_their_own_view(client: Client, sak: Sak) -> None:
    client.force_login(sak.bjorn)
    svar = client.get(sak.url("plan"))
    assert svar.status_code == 302
    assert svar["Location"] == sak.url("mitt_tilfelle")


def test_a_new_plan_has_an_empty_form_that_warns_against_health_information(
    client: Client, sak: Sak
) -> None:
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("plan")).content.decode()
    assert "Planen er ikke laget ennå." in html
    assert "Lag planen</h2>" in html
    assert f"<strong>{INGEN_HELSE}</strong>" in html
    # Every free-text field is labelled and carries the warning in its description.
    for navn in ("arbeidsoppgaver", "som_for", "med_tilrettelegging", "ikke_na", "evaluering"):
        assert f'<label class="aksel-form-field__label aksel-label" for="id_{navn}">' in html
        beskrivelse = re.search(rf'id="id_{navn}-beskrivelse">([^<]*)</p>', html)
        assert beskrivelse is not None and INGEN_HELSE in beskrivelse.group(1)
    assert f'value="{dager(0):%Y-%m-%d}"' in html  # the plan starts today unless changed
    assert html.count("<legend") == 1 and "Tiltak 1</legend>" in html
    assert "Fjern tiltak" not in html  # one row: nothing to remove
    # No place for a diagnosis anywhere.
    assert "diagnose" not in " ".join(re.findall(r'name="([^"]+)"', html))


def test_saving_makes_version_1_with_every_part_and_logs_it(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.leder)
    svar = client.post(sak.url("plan"), skjemadata())
    # Back to the top of the page, where the message says it was saved.
    assert svar.status_code == 302 and svar["Location"] == sak.url("plan")
    versjon = Planversjon.objects.get(plan__tilfelle=sak.tilfelle)
    assert versjon.nummer == 1
    assert versjon.innhold() == INNHOLD
    assert versjon.lagret_av == sak.egendata.leder
    assert versjon.lagret_av_navn == "Lars"
    assert revisjon(HVA_LAGRE) == ["1002"]
    html = client.get(sak.url("plan")).content.decode()
    assert "Versjon 1 er lagret. Del den med Bjørn Berg når dere er ferdige." in html
    assert "Versjon 1 er ikke delt med Bjørn Berg ennå." in html
    assert "Endre planen</h2>" in html
    # The form shows version 1 again, with an empty row for one more measure.
    assert "Hev-senk stellebord på avdelingen</textarea>" in html
    assert html.count("<legend") == 3
    assert 'name="grunnlag" value="1"' in html


def test_each_save_is_a_new_version_and_the_old_one_stays(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.egendata.hr)
    data = skjemadata(grunnlag=1, ikke_na="Løfte tungt", **{"tiltak-2-hva": "Ny stol"})
    data.update({"tiltak-2-hvem": "HR", "tiltak-2-innen": dager(10).isoformat()})
    assert client.post(sak.url("plan"), data).status_code == 302
    assert versjoner(sak) == [1, 2]
    forste, andre = Planversjon.objects.filter(plan__tilfelle=sak.tilfelle).order_by("nummer")
    assert forste.innhold() == INNHOLD
    assert andre.ikke_na == "Løfte tungt"
    assert [t.hva for t in andre.tiltak.all()] == [*(t.hva for t in INNHOLD.tiltak), "Ny stol"]
    assert andre.lagret_av == sak.egendata.hr


def test_a_save_that_changes_nothing_makes_no_version(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    svar = client.post(sak.url("plan"), skjemadata(grunnlag=1), follow=True)
    assert "Ingenting er endret siden forrige versjon" in svar.content.decode()
    assert versjoner(sak) == [1]


def test_a_save_on_top_of_an_old_version_is_refused_and_keeps_what_was_typed(
    client: Client, sak: Sak
) -> None:
    lagre(sak)
    lagre(sak, replace(INNHOLD, som_for="HR endret dette"), sak.egendata.hr)
    client.force_login(sak.egendata.leder)
    svar = client.post(sak.url("plan"), skjemadata(grunnlag=1, som_for="Lederen skrev dette"))
    assert svar.status_code == 409
    html = svar.content.decode()
    assert "Noen lagret versjon 2 av planen mens du skrev" in html
    assert "Lederen skrev dette</textarea>" in html
    assert 'name="grunnlag" value="2"' in html  # saving again is now on top of version 2
    assert versjoner(sak) == [1, 2]


def test_mistakes_are_named_tied_to_their_fields_and_nothing_is_saved(
    client: Client, sak: Sak
) -> None:
    client.force_login(sak.egendata.leder)
    data = skjemadata(
        arbeidsoppgaver="   ",
        gjelder_til=dager(-3).isoformat(),
        evalueres="31.02.2026",
        **{"tiltak-1-hvem": "", "tiltak-1-innen": ""},
    )
    svar = client.post(sak.url("plan"), data)
    assert svar.status_code == 400
    html = svar.content.decode()
    assert "<title>Feil i skjemaet:" in html
    feil = {
        "id_arbeidsoppgaver": "Arbeidsoppgavene: fyll ut feltet.",
        "id_evalueres": "Evalueres: skriv datoen som dd.mm.åååå, for eksempel 02.03.2026.",
        "id_tiltak-1-hvem": "Tiltak 2: skriv hvem som har ansvaret.",
        "id_tiltak-1-innen": "Tiltak 2: velg datoen det skal være gjort innen.",
    }
    for felt, melding in feil.items():
        assert f'<a class="aksel-link" href="#{felt}">{melding}</a>' in html
        assert f'id="{felt}-feil"><p class="aksel-error-message aksel-label">{melding}' in html
        assert re.search(rf'id="{felt}"[^>]*aria-describedby="[^"]*{felt}-feil"', html)
        assert re.search(rf'id="{felt}"[^>]*aria-invalid="true"', html)
    assert versjoner(sak) == []
    assert revisjon(HVA_LAGRE) == [] and revisjon(HVA_SE) == ["1002"]


def test_the_plans_rules_are_checked_as_a_whole(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.leder)
    data = skjemadata(
        som_for="",
        med_tilrettelegging="",
        ikke_na="",
        gjelder_fra=dager(5).isoformat(),
        gjelder_til=dager(2).isoformat(),
        **{f"tiltak-{i}-{f}": "" for i in range(2) for f in ("hva", "hvem", "innen")},
    )
    html = client.post(sak.url("plan"), data).content.decode()
    assert "Hva den ansatte kan gjøre nå: fyll ut minst ett av feltene" in html
    assert "Tiltak: legg inn minst ett tiltak med hva, hvem og innen når." in html
    assert (
        f"Planen gjelder til: {dager(2):%d.%m.%Y} er før planen begynner ({dager(5):%d.%m.%Y})."
        in html
    )
    assert versjoner(sak) == []


def test_a_measure_before_the_sick_leave_is_named_by_its_row(client: Client, sak: Sak) -> None:
    """The rules count measures, the form counts rows: an empty first row must not shift the
    number the message gives."""
    client.force_login(sak.egendata.leder)
    data = skjemadata(**{"tiltak-0-hva": "", "tiltak-0-hvem": "", "tiltak-0-innen": ""})
    data["tiltak-1-innen"] = dager(-40).isoformat()
    html = client.post(sak.url("plan"), data).content.decode()
    melding = (
        f"Tiltak 2, innen: {dager(-40):%d.%m.%Y} er før sykefraværet begynte "
        f"({dager(-30):%d.%m.%Y})."
    )
    assert f'<a class="aksel-link" href="#id_tiltak-1-innen">{melding}</a>' in html


def test_a_measure_row_is_added_and_removed_without_saving(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.leder)
    data = skjemadata(som_for="Det jeg skrev", handling="legg_til")
    html = client.post(sak.url("plan"), data).content.decode()
    assert html.count("<legend") == 4 and "Tiltak 4</legend>" in html
    assert "Det jeg skrev</textarea>" in html
    assert 'formaction="' in html and "#tiltak-5" in html
    assert "Rett opp dette" not in html  # the unfinished form is not judged
    assert versjoner(sak) == []

    data = skjemadata(fjern="1")
    html = client.post(sak.url("plan"), data).content.decode()
    assert html.count("<legend") == 2
    assert "Hev-senk stellebord" not in html
    assert 'name="tiltak-0-hva"' in html and "Kortere arbeidsdager" in html
    assert versjoner(sak) == []


def test_no_more_than_the_maximum_of_measures(client: Client, sak: Sak) -> None:
    mange = replace(
        INNHOLD, tiltak=tuple(Tiltak(f"Tiltak nr {i}", "Lederen", dager(5)) for i in range(20))
    )
    client.force_login(sak.egendata.leder)
    data = skjemadata(mange, handling="legg_til")
    html = client.post(sak.url("plan"), data).content.decode()
    assert html.count("<legend") == MAKS_TILTAK
    assert "Legg til et tiltak" not in html
    # Saved, all twenty are kept (the empty last row is no measure).
    assert client.post(sak.url("plan"), skjemadata(mange)).status_code == 302
    assert Planversjon.objects.get(plan__tilfelle=sak.tilfelle).tiltak.count() == MAKS_TILTAK


def test_typed_text_is_cleaned_and_shown_escaped(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.leder)
    data = skjemadata(arbeidsoppgaver="Linje én\r\n<b>fet?</b>\x0b  \r\n")
    assert client.post(sak.url("plan"), data).status_code == 302
    versjon = Planversjon.objects.get(plan__tilfelle=sak.tilfelle)
    assert versjon.arbeidsoppgaver == "Linje én\n<b>fet?</b>"
    html = client.get(sak.url("plan")).content.decode()
    assert "&lt;b&gt;fet?&lt;/b&gt;" in html and "<b>fet?</b>" not in html


def test_the_page_shows_the_deadline_of_the_plan_from_the_follow_up(
    client: Client, sak: Sak
) -> None:
    from naervaer.web.oppfolging.models import Oppgave

    Oppgave.objects.create(
        tilfelle=sak.tilfelle,
        kode="oppfolgingsplan",
        frist=dager(-2),
        ansvarlig="Nærmeste leder",
        hva="Lag oppfølgingsplan",
        kilde="aml. § 4-6 (3)",
    )
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("plan")).content.decode()
    frist = f"<dd>Frist {dager(-2):%d.%m.%Y}, forfalt</dd>"
    assert f"<dt>Lag oppfølgingsplan sammen med den ansatte</dt>{frist}" in html
