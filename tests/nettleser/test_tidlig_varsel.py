"""Tidlig varsel in a real browser: the HR worklist, a leader's, and the administrator setting
the thresholds with a mistake first; axe at 375 and 1280 px, with screenshots."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from naervaer.web.tidligvarsel.models import Varselinnstillinger
from tests.nettleser.sider import Nettsted, sjekk_i_begge_bredder
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.conftest import egendata as egendata  # the fixture, registered here too

STI = f"/virksomhet/{SOLSIKKEN}/tidlig-varsel/"


@pytest.fixture(autouse=True)
def dagen(settings: Any) -> None:
    # The live server runs in this process, so it reads the same settings.
    settings.NAERVAER_DAGENS_DATO = date(2025, 12, 1)


def test_the_hr_worklist(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.hr)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name="Tidlig varsel").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Tidlig varsel")
    expect(side.get_by_role("link", name="Tidlig varsel")).to_have_attribute("aria-current", "page")
    expect(side.get_by_role("heading", name="Cecilie Dahl")).to_be_visible()
    expect(side.get_by_role("heading", name="Storbarn: økende langtidsfravær")).to_be_visible()
    sjekk_i_begge_bredder(side, "tidlig-varsel-hr")

    side.get_by_role("link", name="Samtalestøtte: Hyppig korttidsfravær").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Hyppig korttidsfravær")


def test_a_leaders_worklist(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.leder)
    side = nettsted.gaa_til(STI)
    expect(side.get_by_role("heading", name="Cecilie Dahl")).to_be_visible()
    expect(side.get_by_text("Ingen av dine avdelinger har varsler nå.")).to_be_visible()
    sjekk_i_begge_bredder(side, "tidlig-varsel-leder")


def test_the_administrator_sets_the_thresholds(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.inst.admin)
    side = nettsted.gaa_til(STI)
    side.get_by_role("link", name="Endre grensene for varsel").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Grenser for tidlig varsel")
    sjekk_i_begge_bredder(side, "tidlig-varsel-grenser")

    side.get_by_label("Antall korte fraværstilfeller").fill("1")
    side.get_by_label("Varsle også når Bradford-faktoren når grensen").check()
    side.get_by_label("De tre månedene før").check()
    side.get_by_role("button", name="Lagre grensene").click()
    oppsummering = side.get_by_role("heading", name="Rett opp dette før du lagrer:")
    expect(oppsummering).to_be_visible()
    felt = side.get_by_label("Antall korte fraværstilfeller")
    expect(felt).to_have_accessible_description(
        "Varsel fra og med dette antallet tilfeller, fra 2 til 10. Vanlig er 3. "
        "Antall tilfeller må være mellom 2 og 10, ikke 1."
    )
    # What was typed and ticked is kept.
    expect(side.get_by_label("Varsle også når Bradford-faktoren når grensen")).to_be_checked()
    expect(side.get_by_label("De tre månedene før")).to_be_checked()
    sjekk_i_begge_bredder(side, "tidlig-varsel-grenser-feil")

    # The summary's link takes the keyboard to the field.
    side.get_by_role("link", name="Antall tilfeller må være mellom 2 og 10, ikke 1.").click()
    expect(felt).to_be_focused()
    felt.fill("2")
    side.get_by_role("button", name="Lagre grensene").click()
    expect(side.get_by_text("Grensene for tidlig varsel er lagret.")).to_be_visible()
    expect(side.get_by_role("heading", name="Anna Ansatt")).to_be_hidden()
    rad = Varselinnstillinger.objects.get(virksomhet_id=SOLSIKKEN)
    assert (rad.korttid_antall, rad.bradford_aktiv, rad.langtid_sammenligning) == (
        2,
        True,
        "forrige",
    )
