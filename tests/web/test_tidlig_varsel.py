"""The worklist /virksomhet/<orgnr>/tidlig-varsel/ on 1 December 2025, with Solsikken's own data
(the ``egendata`` fixture): 1003 has had three egenmeldinger since September; Storbarn's
long-term absence rose to 2,4 % from 0,0 % a year earlier."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from naervaer.web.egendata.models import Fravaer
from naervaer.web.revisjon.models import Hendelse
from naervaer.web.tidligvarsel.models import Varselinnstillinger
from naervaer.web.virksomheter.models import Rolle, Tilgang
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db

DAG = date(2025, 12, 1)
STI = f"/virksomhet/{SOLSIKKEN}/tidlig-varsel/"
KORTTID = "Gjentatt korttidsfravær"


@pytest.fixture(autouse=True)
def dagen(settings: Any) -> None:
    settings.NAERVAER_DAGENS_DATO = DAG


def hent(client: Client, bruker: Any, sti: str = STI) -> str:
    client.force_login(bruker)
    svar = client.get(sti)
    assert svar.status_code == 200
    return tekst(svar.content)


def fravaer(egendata: Egendata, nummer: str, *perioder: tuple[str, str, str, int]) -> None:
    Fravaer.objects.bulk_create(
        Fravaer(
            ansatt=egendata.ansatte[nummer],
            fra_dato=date.fromisoformat(fra),
            til_dato=date.fromisoformat(til),
            type=type_,
            grad=Decimal(grad),
        )
        for fra, til, type_, grad in perioder
    )


def tre_egenmeldinger(egendata: Egendata, nummer: str) -> None:
    fravaer(
        egendata,
        nummer,
        ("2025-09-15", "2025-09-16", "egenmelding", 100),
        ("2025-10-20", "2025-10-20", "egenmelding", 100),
        ("2025-11-24", "2025-11-26", "egenmelding", 100),
    )


@pytest.mark.parametrize("rolle", ["HR", "ADMINISTRATOR"])
def test_hr_and_the_administrator_see_everyone(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    t = hent(client, egendata.bruker(rolle))
    assert "Medarbeidere med gjentatt korttidsfravær (1)" in t
    assert "Cecilie Dahl Ansattnummer 1003 · Småbarn" in t
    assert (
        "3 korte fraværstilfeller (16 dager eller kortere) som begynte de siste 6 månedene: "
        "1.–3. september 2025, 6.–7. oktober 2025 og 10.–12. november 2025." in t
    )
    assert "Storbarn: økende langtidsfravær" in t
    assert (
        "i Storbarn var 2,4 % av mulige dagsverk de siste tre månedene (2. september–"
        "1. desember 2025), mot 0,0 % de samme tre månedene året før" in t
    )
    # The benchmark the comparison with the bransje uses: 2025K3 is published by 1 December.
    assert "bransjen barnehager (9,0 %, 1. oktober 2024 – 30. september 2025)" in t
    assert "Anna Ansatt" not in t  # two egenmeldinger a year: no warning


def test_the_leader_sees_only_their_own_people_and_departments(
    client: Client, egendata: Egendata
) -> None:
    tre_egenmeldinger(egendata, "1006")  # Storbarn: not the leader's
    hr = hent(client, egendata.hr)
    assert "Medarbeidere med gjentatt korttidsfravær (2)" in hr and "Frode Gran" in hr

    t = hent(client, egendata.leder)
    assert "Du ser medarbeiderne og avdelingene du er leder for." in t
    assert "Medarbeidere med gjentatt korttidsfravær (1)" in t and "Cecilie Dahl" in t
    assert "Frode Gran" not in t
    # Storbarn is another leader's; Småbarn has four persons, too few for any figure.
    assert "Storbarn" not in t
    assert "Ingen av dine avdelinger har varsler nå." in t


def test_every_person_shown_is_in_the_audit_log(client: Client, egendata: Egendata) -> None:
    tre_egenmeldinger(egendata, "1006")
    hent(client, egendata.leder)
    linjer = Hendelse.objects.filter(bruker=egendata.leder)
    assert [(h.ansattnummer, h.hva, h.sti) for h in linjer] == [
        ("1003", "Tidlig varsel: gjentatt korttidsfravær", STI)
    ]
    hent(client, egendata.hr)
    assert sorted(
        Hendelse.objects.filter(bruker=egendata.hr).values_list("ansattnummer", flat=True)
    ) == ["1003", "1006"]


def test_no_warnings_no_audit_line(client: Client, egendata: Egendata, settings: Any) -> None:
    settings.NAERVAER_DAGENS_DATO = date(2026, 11, 20)
    t = hent(client, egendata.hr)
    assert "Ingen har gjentatt korttidsfravær nå." in t
    assert "Ingen avdelinger har varsler nå." in t
    assert not Hendelse.objects.exists()


@pytest.mark.parametrize("rolle", ["VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"])
def test_other_roles_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(STI).status_code == 404


def test_strangers_get_404_and_anonymous_must_log_in(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.inst.fremmed)
    assert client.get(STI).status_code == 404
    client.logout()
    svar = client.get(STI)
    assert svar.status_code == 302 and "logg-inn" in svar["Location"]


def test_a_leader_of_no_department_gets_404(client: Client, egendata: Egendata) -> None:
    egendata.avdelinger["A1"].ledere.remove(egendata.leder)
    client.force_login(egendata.leder)
    assert client.get(STI).status_code == 404


def test_the_menu_shows_the_page_to_those_who_may_see_it(
    client: Client, egendata: Egendata
) -> None:
    for rolle, synlig in (("HR", True), ("LEDER", True), ("VERNEOMBUD", False)):
        t = hent(client, egendata.bruker(rolle), f"/virksomhet/{SOLSIKKEN}/")
        assert ("Tidlig varsel" in t) is synlig, rolle


def test_the_themes_of_samtalestotte_are_linked(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    html = client.get(STI).content.decode()
    for kode in ("hyppig_korttidsfravaer", "forebyggende", "under_sykmelding"):
        lenke = f"/samtalestotte/tema/{kode}/?virksomhet={SOLSIKKEN}"
        assert f'href="{lenke}"' in html
        assert client.get(lenke).status_code == 200
    assert "Samtalestøtte: Hyppig korttidsfravær" in tekst(html.encode())


def test_links_to_the_person_and_to_the_department_statistics(
    client: Client, egendata: Egendata
) -> None:
    client.force_login(egendata.hr)
    html = client.get(STI).content.decode()
    person = reverse(
        "fravaer:ansatt", kwargs={"orgnr": SOLSIKKEN, "ansatt_id": egendata.ansatte["1003"].pk}
    )
    assert f'<a class="aksel-link" href="{person}">Cecilie Dahl</a>' in html
    statistikk = reverse("egenstatistikk:side", kwargs={"orgnr": SOLSIKKEN})
    avdeling = egendata.avdelinger["A2"].pk
    assert f'href="{statistikk}?enhet={avdeling}">Se sykefraværet i Storbarn</a>' in html


def test_the_virksomhet_thresholds_apply(client: Client, egendata: Egendata) -> None:
    Varselinnstillinger.objects.create(
        virksomhet_id=SOLSIKKEN,
        korttid_antall=2,
        korttid_maaneder=12,
        bradford_aktiv=True,
        langtid_okning=Decimal("2.4"),
    )
    t = hent(client, egendata.hr)
    # 1001: 3-5 February and 2-3 June; 1003 first, with three.
    assert "Medarbeidere med gjentatt korttidsfravær (2)" in t
    assert t.index("Cecilie Dahl") < t.index("Anna Ansatt")
    assert "Bradford-faktoren for de siste 52 ukene er 72 (3 × 3 tilfeller × 8 fraværsdager)" in t
    assert "Storbarn: økende langtidsfravær" not in t  # 2,4 is not more than 2,4
    assert "2 eller flere fraværstilfeller på 16 dager eller kortere som begynte de siste 12" in t


def test_a_small_department_is_never_warned_about(client: Client, egendata: Egendata) -> None:
    # Småbarn (four persons) gets much long-term absence: still no figure leaves the server.
    fravaer(egendata, "1004", ("2025-09-01", "2025-11-28", "sykmelding", 100))
    fravaer(egendata, "1003", ("2025-11-13", "2025-11-28", "sykmelding", 100))
    for bruker in (egendata.hr, egendata.leder):
        t = hent(client, bruker)
        assert "Småbarn: " not in t and "Barnehagen: " not in t


def test_a_department_far_above_its_bransje(client: Client, egendata: Egendata) -> None:
    # Storbarn, 2024K4-2025K3 (261 working days, 4,5 full-time): Eva's 15 days in April, and
    # Hans and Frode away from October 2024 to June 2025 (195 days each): 405 / 1 174,5 =
    # 34,5 %, far above 1,5 × 9,0 %.
    fravaer(egendata, "1008", ("2024-10-01", "2025-06-30", "sykmelding", 100))
    fravaer(egendata, "1006", ("2024-10-01", "2025-06-30", "sykmelding", 100))
    t = hent(client, egendata.hr)
    assert "Storbarn: høyt sykefravær sammenlignet med bransjen" in t
    assert "Sykefraværet i Storbarn var 34,5 % de siste fire kvartalene" in t
    assert "mot 9,0 % i bransjen barnehager. Det er 3,8 ganger så høyt" in t


def test_a_virksomhet_without_own_data(client: Client, egendata: Egendata) -> None:
    t = hent(client, egendata.inst.admin, f"/virksomhet/{SMAABYGG}/tidlig-varsel/")
    assert "Ingen har gjentatt korttidsfravær nå." in t


def test_the_page_is_not_kept_in_any_cache(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    svar = client.get(STI)
    assert "no-store" in svar["Cache-Control"] and "private" in svar["Cache-Control"]


def test_only_the_administrator_is_offered_the_thresholds(
    client: Client, egendata: Egendata
) -> None:
    assert "Endre grensene for varsel" in hent(client, egendata.inst.admin)
    assert "Endre grensene for varsel" not in hent(client, egendata.hr)
    Tilgang.objects.filter(bruker=egendata.hr).update(rolle=Rolle.ADMINISTRATOR)
    assert "Endre grensene for varsel" in hent(client, egendata.hr)
