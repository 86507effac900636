"""The figures for the verneombud and the tillitsvalgt: /virksomhet/<orgnr>/oppfolging/tall/.
Open cases are about persons: a figure from fewer than five is masked, and so is any figure that
could be found from the others by subtraction."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from naervaer.web.egendata.models import Ansatt, Arbeidsforhold
from naervaer.web.oppfolging.synk import synk
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.oppfolging_hjelp import dager, fravaer, revisjon, url

SIDE = url("tall")


@pytest.fixture
def mange_syke(egendata: Egendata) -> None:
    """Storbarn: its five employees sick, four of them for so long that the plan is overdue.
    Kjøkken: five more employees, all sick for a week. Småbarn: one sick."""
    virksomhet = Virksomhet.objects.get(pk=SOLSIKKEN)
    for n, nummer in enumerate(("1005", "1006", "1007", "1008", "1009")):
        fravaer(egendata.ansatte[nummer], dager(-40 if n else -5), dager(20))
    for n in range(5):
        ansatt = Ansatt.objects.create(
            virksomhet=virksomhet, ansattnummer=f"30{n}", navn=f"Kokk {n}"
        )
        Arbeidsforhold.objects.create(
            ansatt=ansatt,
            avdeling=egendata.avdelinger["K"],
            fra_dato=dager(-400),
            stillingsprosent=100,
        )
        fravaer(ansatt, dager(-7), dager(7))
    fravaer(egendata.ansatte["1002"], dager(-40), dager(20))
    synk(virksomhet)


def celler(html: str, avdeling: str) -> list[str]:
    rad = re.search(rf'scope="row">{re.escape(avdeling)}</th>(.*?)</tr>', html, re.S)
    assert rad is not None, avdeling
    return re.findall(r"<td[^>]*>([^<]*)</td>", rad.group(1))


@pytest.mark.parametrize("rolle", ["VERNEOMBUD", "TILLITSVALGT", "HR", "ADMINISTRATOR"])
def test_the_figures_per_department_with_small_ones_masked(
    client: Client, egendata: Egendata, mange_syke: None, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    svar = client.get(SIDE)
    assert svar.status_code == 200
    html = svar.content.decode()
    # Five people have an overdue plan: four in Storbarn and one in Småbarn.
    assert celler(html, "Hele virksomheten") == ["11", "5"]
    # Småbarn has one, Barnehagen none: both masked, and together fewer than five, so one
    # more department is masked, or the two could be found from the total.
    assert celler(html, "Barnehagen › Småbarn") == ["Maskert", "Maskert"]
    assert celler(html, "Barnehagen") == ["Maskert", "Maskert"]
    storbarn, kjokken = celler(html, "Barnehagen › Storbarn"), celler(html, "Kjøkken")
    assert sorted([storbarn[0], kjokken[0]]) == ["5", "Maskert"]
    # Per department, each figure of overdue tasks concerns fewer than five: all masked.
    assert storbarn[1] == kjokken[1] == "Maskert"
    assert "<caption" in html and 'scope="col"' in html


def test_no_person_is_named_and_nothing_is_logged(
    client: Client, egendata: Egendata, mange_syke: None
) -> None:
    client.force_login(egendata.verneombud)
    html = client.get(SIDE).content.decode()
    for ansatt in Ansatt.objects.filter(virksomhet_id=SOLSIKKEN):
        assert ansatt.navn not in html
    assert "/oppfolging/tilfelle/" not in html
    assert revisjon("så oppfølgingslisten") == []


def test_a_department_s_figure_is_masked_when_the_rest_would_give_it_away(
    client: Client, egendata: Egendata, mange_syke: None
) -> None:
    # Eva's sick leave began 45 days ago after all: five people in Storbarn have an overdue
    # plan now, but Småbarn's one could be found from the total, so Storbarn is masked too.
    fravaer(egendata.ansatte["1005"], dager(-45), dager(-6))
    synk(Virksomhet.objects.get(pk=SOLSIKKEN))
    client.force_login(egendata.tillitsvalgt)
    html = client.get(SIDE).content.decode()
    assert celler(html, "Hele virksomheten")[1] == "6"
    assert celler(html, "Barnehagen › Storbarn")[1] == "Maskert"
    assert celler(html, "Barnehagen › Småbarn")[1] == "Maskert"


@pytest.mark.parametrize("rolle", ["LEDER", "STATISTIKK", "ANSATT"])
def test_other_roles_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
