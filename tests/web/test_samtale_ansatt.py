"""«Forbered deg til samtalen»: the employee's version, open to anyone."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.samtale.nettsider import innhold, ren, tekst
from tests.web.conftest import Installasjon


def test_it_works(client: Client) -> None:
    ansatt = innhold().ansatt
    svar = client.get("/samtalestotte/forbered-deg/")
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert ren(ansatt.tittel) in t and ren(ansatt.ingress) in t
    html = svar.content.decode()
    for del_ in ansatt.deler:
        assert ren(del_.tittel) in t and ren(del_.ingress) in t
        assert f'href="#{del_.kode}"' in html  # from the list at the top
        for punkt in del_.punkter:
            assert ren(punkt.tittel) in t and ren(punkt.tekst) in t
    for sporsmal in ansatt.sporsmal_du_kan_stille:
        assert ren(sporsmal) in t


def test_it_speaks_to_the_employee_not_the_leader(client: Client) -> None:
    html = client.get("/samtalestotte/forbered-deg/").content.decode()
    assert "Forbered deg til samtalen: versjonen for den ansatte" not in html
    assert "Vi har valgt bransjen" not in html
    assert 'href="https://www.nav.no/sykepenger"' in html


@pytest.mark.django_db
def test_it_is_the_same_for_a_logged_in_user(client: Client, installasjon: Installasjon) -> None:
    anonym = tekst(client.get("/samtalestotte/forbered-deg/").content)
    client.force_login(installasjon.leser)
    svar = client.get("/samtalestotte/forbered-deg/")
    assert svar.status_code == 200
    innlogget = tekst(svar.content)
    # Only the menu differs.
    assert innlogget.replace("Mine virksomheter Logg ut ", "") == anonym.replace("Logg inn ", "")


def test_it_offers_the_employees_version_as_files(client: Client) -> None:
    html = client.get("/samtalestotte/forbered-deg/").content.decode()
    assert "Last ned veiledningen som Word (DOCX)" in tekst(html.encode())
    assert 'href="/samtalestotte/forbered-deg.docx"' in html
    assert 'href="/samtalestotte/forbered-deg.pdf"' in html
