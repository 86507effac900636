"""One step of the leader's guide: progress, neighbours, expandable parts, the checklist that
goes nowhere, and the bransje questions where the work is discussed."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from naervaer.samtale.veiviser import BRANSJESTEG, alle_steg
from tests.samtale.nettsider import bransje_for_statistikkbransje, innhold, ren, tekst
from tests.web.conftest import Installasjon


def adresse(del_kode: str, steg_kode: str) -> str:
    return f"/samtalestotte/veileder/{del_kode}/{steg_kode}/"


def hent(client: Client, del_kode: str, steg_kode: str, **parametre: str) -> str:
    svar = client.get(adresse(del_kode, steg_kode), parametre)
    assert svar.status_code == 200
    return svar.content.decode()


def test_it_works(client: Client) -> None:
    veileder = innhold().veileder
    steg = alle_steg(veileder)
    (del_, forste), (neste_del, neste) = steg[0], steg[1]
    html = hent(client, del_.kode, forste.kode)
    t = tekst(html.encode())
    assert f"Steg 1 av {len(steg)}" in t
    assert f'<progress class="samtale__framdriftslinje" max="{len(steg)}" value="1"' in html
    assert ren(forste.tittel) in t and ren(forste.ingress) in t
    for punkt in forste.punkter:
        assert ren(punkt.tittel) in t and ren(punkt.tekst) in t
    # The parts in an ordered list, this one marked as the current step.
    assert re.search(
        r'<li class="samtale__del samtale__del--her" aria-current="step">\s*'
        rf'<a class="aksel-link" href="{adresse(del_.kode, forste.kode)}">',
        html,
    )
    assert f'href="{adresse(neste_del.kode, neste.kode)}"' in html
    assert f"Neste: {neste.tittel}" in t and "Forrige:" not in t


def test_every_step_shows_its_number_and_links_to_its_neighbours(client: Client) -> None:
    steg = alle_steg(innhold().veileder)
    for i, (del_, s) in enumerate(steg):
        html = hent(client, del_.kode, s.kode)
        t = tekst(html.encode())
        assert f"Steg {i + 1} av {len(steg)}" in t
        assert ren(s.tittel) in t
        if i > 0:
            forrige_del, forrige = steg[i - 1]
            assert f'href="{adresse(forrige_del.kode, forrige.kode)}"' in html
            assert f"Forrige: {forrige.tittel}" in t
        if i + 1 < len(steg):
            neste_del, neste = steg[i + 1]
            assert f'href="{adresse(neste_del.kode, neste.kode)}"' in html
        else:
            # The last step leads on to making one's own guide.
            assert 'href="/samtalestotte/lag/"' in html
            assert "Lag din egen samtaleguide" in t


def test_an_unknown_step_is_404(client: Client) -> None:
    assert client.get(adresse("gjennomfor", "finnes_ikke")).status_code == 404
    assert client.get(adresse("finnes_ikke", BRANSJESTEG[1])).status_code == 404


def test_questions_are_behind_an_expandable_part(client: Client) -> None:
    del_, steg = next((d, s) for d, s in alle_steg(innhold().veileder) if s.sporsmal)
    html = hent(client, del_.kode, steg.kode)
    assert re.search(
        rf"<details[^>]*>\s*<summary[^>]*>Spørsmål du kan stille \({len(steg.sporsmal)}\)",
        html,
    )
    t = tekst(html.encode())
    for s in steg.sporsmal:
        assert ren(s.tekst) in t


def test_the_checklist_is_not_sent_or_stored_anywhere(client: Client) -> None:
    del_, steg = next((d, s) for d, s in alle_steg(innhold().veileder) if s.sjekkliste)
    html = hent(client, del_.kode, steg.kode)
    t = tekst(html.encode())
    for punkt in steg.sjekkliste:
        assert ren(punkt) in t
    avkrysninger = re.findall(r'<input[^>]*type="checkbox"[^>]*>', html)
    assert len(avkrysninger) == len(steg.sjekkliste)
    # No name: even inside a form, a box without a name is never sent.
    assert not any("name=" in a for a in avkrysninger)
    sjekkliste = html[html.index('class="samtale__sjekkliste') :]
    forran = html[: html.index('class="samtale__sjekkliste')]
    assert forran.count("<form") == forran.count("</form>")  # not inside a form
    assert "lagres ikke" in tekst(sjekkliste.encode())


def test_the_bransje_questions_come_in_the_work_step(client: Client) -> None:
    bygg = innhold().bransjer["bygg"]
    html = hent(client, *BRANSJESTEG, bransje="bygg")
    t = tekst(html.encode())
    assert f"Spørsmål for {bygg.navn}" in t
    for s in bygg.sporsmal:
        assert ren(s.tekst) in t
    for e in bygg.eksempler:
        assert ren(e.situasjon) in t
    # The choice follows the links to the steps before and after.
    assert "/?bransje=bygg" in html[html.index('aria-label="Forrige og neste steg"') :]
    # Not in any other step.
    for del_, steg in alle_steg(innhold().veileder):
        if (del_.kode, steg.kode) != BRANSJESTEG:
            assert ren(bygg.sporsmal[0].tekst) not in tekst(
                hent(client, del_.kode, steg.kode, bransje="bygg").encode()
            )


def test_without_a_bransje_the_work_step_offers_to_pick_one(client: Client) -> None:
    html = hent(client, *BRANSJESTEG)
    assert "Spørsmål for din bransje" in tekst(html.encode())
    assert '<select class="aksel-select__input aksel-body-short" name="bransje"' in html


@pytest.mark.django_db
def test_a_logged_in_leader_gets_their_bransje_questions(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.sykehjem)  # Fjordheim sykehjem, 87.101
    bransje = innhold().bransjer[bransje_for_statistikkbransje("SYKEHJEM")]
    t = tekst(hent(client, *BRANSJESTEG).encode())
    assert f"Spørsmål for {bransje.navn}" in t
    assert ren(bransje.sporsmal[0].tekst) in t
    assert f"Vi har valgt bransjen {bransje.navn} ut fra Fjordheim sykehjem." in t


def test_every_step_offers_the_whole_guide_as_files(client: Client) -> None:
    for del_, steg in alle_steg(innhold().veileder):
        html = hent(client, del_.kode, steg.kode, bransje="bygg")
        assert "Last ned hele veilederen som Word (DOCX)" in tekst(html.encode())
        assert 'href="/samtalestotte/veileder.docx?bransje=bygg"' in html
        assert 'href="/samtalestotte/veileder.pdf?bransje=bygg"' in html
