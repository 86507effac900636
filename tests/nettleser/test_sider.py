"""Every page passes axe (WCAG 2.1 AA) and fits 375 px, with a screenshot at both widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from naervaer.web.virksomheter.models import Tilgangsforesporsel
from tests.nettleser.sider import Nettsted, sjekk_i_begge_bredder
from tests.web.conftest import HEMMELIG_PROSENT, SMAABYGG, SOLSIKKEN, SYKEHJEMMET


def test_login_page_and_its_error(nettsted: Nettsted) -> None:
    svar = nettsted.side.goto(nettsted.url("/logg-inn/"))
    side = nettsted.side
    # The strict CSP is on, and the browser keeps it: an inline script does not run. axe gets in
    # all the same, through the DevTools protocol (sjekk_i_begge_bredder below).
    assert svar is not None and "script-src 'self'" in svar.headers["content-security-policy"]
    with pytest.raises(PlaywrightError):
        side.add_script_tag(content="window.innebygdSkript = true")
    assert side.evaluate("window.innebygdSkript") is None
    # Both stylesheets really load: without Aksel the button has the browser's own look, and
    # without Nærvær's own the skip link sits visibly on top of the page.
    knapp = side.get_by_role("button", name="Logg inn")
    assert knapp.evaluate("e => getComputedStyle(e).fontFamily").startswith('"Source Sans 3"')
    assert knapp.evaluate("e => getComputedStyle(e).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "rgb(239, 239, 239)",
    )
    hopp = side.get_by_role("link", name="Hopp til innhold")
    assert hopp.evaluate("e => e.getBoundingClientRect().right") < 0
    sjekk_i_begge_bredder(side, "logg-inn")

    nettsted.logg_inn_med_skjema("leser@example.no", "feil-passord")
    feil = side.get_by_role("alert")
    assert "Feil e-postadresse eller passord." in feil.inner_text()
    sjekk_i_begge_bredder(side, "logg-inn-med-feil")


def test_company_picker(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.admin)
    side = nettsted.gaa_til("/")
    assert side.get_by_role("link", name="Solsikken barnehage AS").is_visible()
    assert side.get_by_role("link", name="Småbygg AS").is_visible()
    sjekk_i_begge_bredder(side, "velg-virksomhet")


@pytest.mark.parametrize(
    ("sammenlign", "visning"),
    [
        ("bransje", "diagram"),
        ("bransje", "tabell"),
        ("sektor", "tabell"),
        ("land", "diagram"),
        ("fylke", "tabell"),
        ("storrelse", "diagram"),
    ],
)
def test_statistics_page_with_the_right(nettsted: Nettsted, sammenlign: str, visning: str) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/?sammenlign={sammenlign}&visning={visning}")
    assert side.get_by_role("radio", name=visning.capitalize()).is_checked()
    sjekk_i_begge_bredder(side, f"statistikk-{sammenlign}-{visning}")


def test_statistics_page_without_the_right(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.uten_rett)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    assert side.get_by_role("button", name="Be om tilgang").is_visible()
    sjekk_i_begge_bredder(side, "statistikk-uten-rett")


def test_masked_virksomhet(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.admin)
    side = nettsted.gaa_til(f"/virksomhet/{SMAABYGG}/?visning=tabell")
    assert HEMMELIG_PROSENT not in side.content()
    assert "Maskert" in side.locator("main").inner_text()
    sjekk_i_begge_bredder(side, "statistikk-maskert")


def test_incomplete_virksomhet(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.sykehjem)
    side = nettsted.gaa_til(f"/virksomhet/{SYKEHJEMMET}/")
    assert "Bygger bare på 2 av de fire kvartalene." in side.locator("main").inner_text()
    sjekk_i_begge_bredder(side, "statistikk-ufullstendig")


def test_access_page_with_a_waiting_request(nettsted: Nettsted) -> None:
    inst = nettsted.installasjon
    Tilgangsforesporsel.objects.create(
        bruker=inst.uten_rett, virksomhet_id=SOLSIKKEN, begrunnelse="Jeg er verneombud."
    )
    nettsted.innlogget_som(inst.admin)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/tilgang/")
    assert side.get_by_role("button", name="Gi tilgang til Ulla").is_visible()
    sjekk_i_begge_bredder(side, "tilganger")


def test_not_found_page(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    svar = nettsted.side.goto(nettsted.url("/virksomhet/999999999/"))
    assert svar is not None and svar.status == 404
    side = nettsted.side
    # In Norwegian and in the site's layout, with the way back, not Django's bare English page.
    expect(side.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")
    expect(side.get_by_role("main").get_by_role("link", name="Mine virksomheter")).to_be_visible()
    sjekk_i_begge_bredder(side, "ikke-funnet")
