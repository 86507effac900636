"""Importing own data in a real browser: upload, preview, the column-mapping step, the error
report, confirming, and the API keys; axe at 375 and 1280 px, with screenshots of every page."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.egendata.hjelp import FILER
from tests.egendata.importfiler import MAL, importmappe
from tests.nettleser.sider import Nettsted, sjekk_i_begge_bredder
from tests.web.conftest import SOLSIKKEN

__all__ = ["importmappe"]

DATA = f"/virksomhet/{SOLSIKKEN}/data/"


def aapne_alle(side: Page) -> None:
    side.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true })")


def last_opp(side: Page, *stier: Path) -> None:
    side.get_by_label("Filer (CSV eller XLSX)").set_input_files([str(s) for s in stier])
    side.get_by_role("button", name="Les filene og vis hva som endres").click()


def test_upload_preview_and_confirm(nettsted: Nettsted, importmappe: Path) -> None:
    nettsted.innlogget_som(nettsted.installasjon.admin)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name="Importer data").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Importer egne data")
    sjekk_i_begge_bredder(side, "import-side")

    last_opp(side, *(FILER / n for n in MAL))
    expect(side.get_by_role("heading", level=1)).to_have_text("Forhåndsvisning av importen")
    expect(side.get_by_role("table", name="Rader per tabell")).to_contain_text("Fravær")
    expect(side.get_by_role("heading", name="Advarsler (1)")).to_be_visible()
    aapne_alle(side)
    sjekk_i_begge_bredder(side, "import-forhandsvisning")

    side.get_by_role("button", name="Lagre endringene").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Importen er lagret")
    expect(side.get_by_role("table", name="Rader per tabell")).to_contain_text("Fravær 13 0 0 0")
    sjekk_i_begge_bredder(side, "import-resultat")

    side.get_by_role("link", name="Importer flere filer").click()
    expect(side.get_by_role("table", name=re.compile("De siste 1 importene"))).to_be_visible()


def test_errors_and_the_mapping_step(nettsted: Nettsted, importmappe: Path) -> None:
    nettsted.innlogget_som(nettsted.installasjon.admin)
    side = nettsted.gaa_til(DATA)
    last_opp(side, FILER / "feil" / "egne_kolonner.csv", FILER / "feil" / "grad_10.csv")
    expect(side.get_by_role("alert")).to_contain_text("og ingenting er lagret")
    expect(side.get_by_role("table", name=re.compile("Feil i filene"))).to_be_visible()
    expect(side.get_by_role("heading", name="Velg oppsett eller kolonner")).to_be_visible()
    sjekk_i_begge_bredder(side, "import-feil-og-kolonnevalg")

    # A required column left out: the error is shown at the form.
    skjema = side.locator("form.kolonnevalg").first
    skjema.get_by_label("Filen inneholder").select_option("fravaer")
    skjema.get_by_role("button", name=re.compile("^Les .* på nytt med dette$")).click()
    expect(side.locator(".kolonnevalg .aksel-error-message").first).to_contain_text("Velg kolonnen")
    sjekk_i_begge_bredder(side, "import-kolonnevalg-feil")

    side.get_by_role("button", name="Avbryt og slett filene").click()
    expect(side.get_by_role("status")).to_contain_text("Importen er avbrutt")


def test_api_keys(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.admin)
    side = nettsted.gaa_til(DATA + "nokler/")
    expect(side.get_by_role("heading", level=1)).to_have_text("API-nøkler for import")
    side.get_by_role("button", name="Lag nøkkel").click()
    expect(side.locator("#navn-feil")).to_contain_text("Gi nøkkelen et navn")
    sjekk_i_begge_bredder(side, "import-nokler-feil")
    side.get_by_label("Navn på nøkkelen").fill("Lønnssystemet")
    side.get_by_role("button", name="Lag nøkkel").click()
    expect(side.locator("#ny-nokkel")).to_have_text(re.compile(r"^nvr_"))
    sjekk_i_begge_bredder(side, "import-nokler")
    side.get_by_role("button", name="Trekk tilbake «Lønnssystemet»").click()
    expect(side.get_by_role("table", name=re.compile("Nøkler for"))).to_contain_text(
        "trukket tilbake"
    )
