"""The import template page and its downloadable files, /virksomhet/<orgnr>/data/mal/."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.egendata.lesing import Fil
from naervaer.web.egendata.lagring import les_filer
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata, Installasjon
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db

MAL = f"/virksomhet/{SOLSIKKEN}/data/mal/"


def test_the_page_describes_every_column(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    svar = client.get(MAL)
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert "Importmalen" in t
    assert "stillingsprosent ja Over 0 og høyst 100" in t
    assert "grad ja 20–100; en egenmelding er alltid 100" in t
    assert "Lønnssystem :" in t or "Lønnssystem:" in t
    assert "Nærvær tar aldri imot diagnoser" in t


def test_the_template_files_can_be_imported_as_they_are(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    filer = []
    for navn in ("ansatte.csv", "arbeidsforhold.csv", "fravaer.csv"):
        svar = client.get(MAL + navn)
        assert svar.status_code == 200
        assert svar["Content-Disposition"] == f'attachment; filename="{navn}"'
        assert svar.content.startswith(b"\xef\xbb\xbf")
        filer.append(Fil(navn, svar.content))
    innlesing = les_filer(Virksomhet.objects.get(orgnr=SOLSIKKEN), filer)
    assert len(innlesing.ansatte) == 3
    assert {(a.avdeling, a.overordnet) for a in innlesing.arbeidsforhold} == {
        ("210", "200"),
        ("220", "200"),
        ("200", ""),
    }
    assert [a.stillingsprosent for a in innlesing.arbeidsforhold][2] == 37.5
    assert len(innlesing.fravaer) == 3
    assert client.get(MAL + "annet.csv").status_code == 404


def test_only_those_who_may_import_see_it(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    assert client.get(MAL).status_code == 404
    assert client.get(MAL + "fravaer.csv").status_code == 404
