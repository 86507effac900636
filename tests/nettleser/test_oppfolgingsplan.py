"""The oppfølgingsplan in a real browser: the leader fills it in (a mistake first), shares it,
the employee reads it, comments and agrees, both download it, and the leader's next version
needs agreement again; then the measures added and removed without JavaScript. axe at 375 and
1280 px, with screenshots of every page."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from docx import Document
from playwright.sync_api import Browser, Page, expect

from naervaer.web.oppfolgingsplan.models import Enighet, Kommentar, Planversjon
from tests.nettleser.sider import SKJERMBILDER, SKRIVEBORD, Nettsted, sjekk_i_begge_bredder
from tests.web.conftest import SOLSIKKEN
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import Sak, dager
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture


def dato(antall: int) -> str:
    return f"{dager(antall):%Y-%m-%d}"


def fyll_ut(side: Page) -> None:
    side.get_by_label("Arbeidsoppgavene").fill("Pedagogisk arbeid med de minste barna")
    side.get_by_label("Kan gjøres som før").fill("Samlingsstund og planlegging")
    side.get_by_label("Kan gjøres med tilrettelegging").fill("Utetid med faste pauser")
    side.get_by_label("Kan ikke gjøres nå").fill("Løfte barn opp på stellebordet")
    tiltak1 = side.get_by_role("group", name="Tiltak 1")
    tiltak1.get_by_label("Hva skal gjøres").fill("Hev-senk stellebord på avdelingen")
    tiltak1.get_by_label("Hvem har ansvaret").fill("Lederen")
    tiltak1.get_by_label("Innen").fill(dato(7))
    side.get_by_label("Planen gjelder til (valgfritt)").fill(dato(42))
    side.get_by_label("Tidsplan", exact=True).fill("Uke 1–2: fire timer om dagen")
    side.get_by_label("Evalueres", exact=True).fill(dato(21))
    side.get_by_label("Den ansattes innspill").fill("Vil gjerne starte med formiddagene")


def pdftekst(sti: Path) -> str:
    ut = subprocess.run(["pdftotext", str(sti), "-"], check=True, capture_output=True, text=True)
    return " ".join(ut.stdout.split())


def test_a_plan_filled_in_shared_commented_agreed_and_exported(
    nettsted: Nettsted, sak: Sak, tmp_path: Path
) -> None:
    plan_sti = f"/virksomhet/{SOLSIKKEN}/oppfolgingsplan/tilfelle/{sak.tilfelle.pk}/"
    nettsted.innlogget_som(sak.egendata.leder)
    side = nettsted.gaa_til(plan_sti)
    expect(side.get_by_role("heading", level=1)).to_have_text("Oppfølgingsplan for Bjørn Berg")
    expect(
        side.get_by_text("Ikke skriv diagnose eller andre helseopplysninger.").first
    ).to_be_visible()
    sjekk_i_begge_bredder(side, "oppfolgingsplan-ny")

    # A second measure, added with the button, left half filled in: the form says so.
    fyll_ut(side)
    side.get_by_role("button", name="Legg til et tiltak").click()
    tiltak2 = side.get_by_role("group", name="Tiltak 2")
    expect(tiltak2).to_be_visible()
    expect(side.get_by_label("Arbeidsoppgavene")).to_have_value(
        "Pedagogisk arbeid med de minste barna"
    )
    tiltak2.get_by_label("Hva skal gjøres").fill("Kortere arbeidsdager de to første ukene")
    side.get_by_role("button", name="Lagre ny versjon").click()
    expect(side.get_by_text("Rett opp dette før planen kan lagres:")).to_be_visible()
    expect(tiltak2.get_by_label("Hvem har ansvaret")).to_have_attribute("aria-invalid", "true")
    sjekk_i_begge_bredder(side, "oppfolgingsplan-feil")
    tiltak2.get_by_label("Hvem har ansvaret").fill("Lederen og den ansatte")
    tiltak2.get_by_label("Innen").fill(dato(14))
    side.get_by_role("button", name="Lagre ny versjon").click()
    expect(side.get_by_text("Versjon 1 er lagret.")).to_be_visible()
    expect(side.get_by_text("Versjon 1 er ikke delt med Bjørn Berg ennå.")).to_be_visible()
    versjon = Planversjon.objects.get()
    assert [t.hva for t in versjon.tiltak.all()] == [
        "Hev-senk stellebord på avdelingen",
        "Kortere arbeidsdager de to første ukene",
    ]
    sjekk_i_begge_bredder(side, "oppfolgingsplan-lagret")

    side.get_by_role("button", name="Del versjon 1 med Bjørn Berg").click()
    expect(side.get_by_text("Versjon 1 er delt med Bjørn Berg.")).to_be_visible()

    # The employee: from the menu to the plan, a comment, and «enig».
    nettsted.innlogget_som(sak.bjorn)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name="Min oppfølgingsplan").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Min oppfølgingsplan")
    expect(side.get_by_role("cell", name="Hev-senk stellebord på avdelingen")).to_be_visible()
    sjekk_i_begge_bredder(side, "oppfolgingsplan-mitt")
    side.get_by_label("Ny kommentar").fill("Kan vi starte klokka ni?")
    side.get_by_role("button", name="Lagre kommentaren").click()
    expect(side.get_by_text("Kommentaren er lagret.")).to_be_visible()
    side.get_by_role("button", name="Jeg er enig i versjon 1").click()
    expect(side.get_by_text("Du har bekreftet at du er enig i versjon 1.")).to_be_visible()
    assert Enighet.objects.get().deling.versjon == versjon
    assert Kommentar.objects.get().fra_ansatt
    sjekk_i_begge_bredder(side, "oppfolgingsplan-mitt-enig")
    with side.expect_download() as nedlasting:
        side.get_by_role("link", name="Last ned planen som PDF").click()
    fil = nedlasting.value
    assert fil.suggested_filename.startswith("oppfolgingsplan-versjon-1-")
    fil.save_as(tmp_path / "ansatt.pdf")
    tekst = pdftekst(tmp_path / "ansatt.pdf")
    assert "Hev-senk stellebord på avdelingen" in tekst
    assert "Den ansatte bekreftet" in tekst and "at hen er enig i denne versjonen" in tekst

    # The leader sees the comment and the agreement, and downloads the file for the sykmelder.
    nettsted.innlogget_som(sak.egendata.leder)
    side = nettsted.gaa_til(plan_sti)
    expect(side.get_by_text("Bjørn Berg er enig i versjon 1")).to_be_visible()
    expect(side.get_by_text("Kan vi starte klokka ni?")).to_be_visible()
    with side.expect_download() as nedlasting:
        side.get_by_role("link", name="Last ned versjon 1 som Word").click()
    assert nedlasting.value.suggested_filename.endswith(".docx")
    nedlasting.value.save_as(tmp_path / "plan.docx")
    tabeller = Document(str(tmp_path / "plan.docx")).tables
    assert any(t.rows[0].cells[0].text == "Tiltak" for t in tabeller)

    # A new version needs agreement again; the history and the changes.
    side.get_by_label("Kan gjøres som før").fill("Samlingsstund, planlegging og foreldremøter")
    side.get_by_role("button", name="Lagre ny versjon").click()
    expect(side.get_by_text("Versjon 2 er lagret.")).to_be_visible()
    expect(
        side.get_by_text("Bjørn Berg var enig i versjon 1; endringene etter den trenger enighet")
    ).to_be_visible()
    side.get_by_role("link", name="Alle versjoner (2)").click()
    expect(side.get_by_role("heading", level=1)).to_have_text(
        "Versjoner av oppfølgingsplanen for Bjørn Berg"
    )
    sjekk_i_begge_bredder(side, "oppfolgingsplan-versjoner")
    side.get_by_role("link", name="Hva ble endret fra versjon 1").click()
    expect(side.get_by_role("heading", name="Kan gjøres som før")).to_be_visible()
    sjekk_i_begge_bredder(side, "oppfolgingsplan-endringer")
    side.get_by_role("link", name="versjon 1", exact=True).click()
    expect(side.get_by_role("heading", level=1)).to_have_text(
        "Versjon 1 av oppfølgingsplanen for Bjørn Berg"
    )
    sjekk_i_begge_bredder(side, "oppfolgingsplan-versjon")


def test_measures_are_added_and_removed_without_javascript(
    nettleser: Browser, live_server: Any, nettinstallasjon: Any, sak: Sak
) -> None:
    kontekst = nettleser.new_context(viewport=SKRIVEBORD, locale="nb-NO", java_script_enabled=False)
    kontekst.set_default_timeout(10_000)
    try:
        nettsted = Nettsted(kontekst, live_server.url, nettinstallasjon)
        nettsted.innlogget_som(sak.egendata.hr)
        side = nettsted.gaa_til(
            f"/virksomhet/{SOLSIKKEN}/oppfolgingsplan/tilfelle/{sak.tilfelle.pk}/"
        )
        fyll_ut(side)
        for _ in range(2):
            side.get_by_role("button", name="Legg til et tiltak").click()
        expect(side.get_by_role("group", name="Tiltak 3")).to_be_visible()
        assert side.url.endswith("#tiltak-3")
        side.get_by_role("group", name="Tiltak 2").get_by_label("Hva skal gjøres").fill(
            "Dette fjernes"
        )
        side.get_by_role("group", name="Tiltak 3").get_by_label("Hva skal gjøres").fill("Ny stol")
        side.get_by_role("group", name="Tiltak 3").get_by_label("Hvem har ansvaret").fill("HR")
        side.get_by_role("group", name="Tiltak 3").get_by_label("Innen").fill(dato(10))
        side.get_by_role("button", name="Fjern tiltak 2").click()
        expect(side.get_by_role("group", name="Tiltak 3")).to_have_count(0)
        expect(side.get_by_text("Dette fjernes")).to_have_count(0)
        expect(
            side.get_by_role("group", name="Tiltak 2").get_by_label("Hva skal gjøres")
        ).to_have_value("Ny stol")
        side.screenshot(path=SKJERMBILDER / "oppfolgingsplan-uten-js.png", full_page=True)
        # Enter in a field saves, as the «Lagre» button does.
        side.get_by_role("group", name="Tiltak 2").get_by_label("Hvem har ansvaret").press("Enter")
        expect(side.get_by_text("Versjon 1 er lagret.")).to_be_visible()
    finally:
        kontekst.close()
    versjon = Planversjon.objects.get()
    assert [t.hva for t in versjon.tiltak.all()] == ["Hev-senk stellebord på avdelingen", "Ny stol"]
    assert versjon.lagret_av == sak.egendata.hr
