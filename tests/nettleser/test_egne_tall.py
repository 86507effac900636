"""The own statistics page in a browser: both widths, axe, the choices by keyboard, a leader."""

from __future__ import annotations

from datetime import date

from naervaer.web.egenstatistikk.beregning import beregn
from naervaer.web.virksomheter.models import Virksomhet
from tests.nettleser.sider import Nettsted, sjekk_i_begge_bredder
from tests.web.conftest import SOLSIKKEN, Egendata

URL = f"/virksomhet/{SOLSIKKEN}/egne-tall/"


def test_months_quarters_and_departments(nettsted: Nettsted, egendata: Egendata) -> None:
    beregn(Virksomhet.objects.get(pk=SOLSIKKEN), dag=date(2026, 3, 1))
    nettsted.innlogget_som(egendata.hr)
    side = nettsted.gaa_til(URL + "?periode=2025-11")
    assert side.get_by_role("heading", name="Solsikken barnehage AS, november 2025").is_visible()
    assert side.get_by_role("img", name="Sykefravær i prosent for Solsikken barnehage AS")
    assert side.get_by_role("table", name="Sykefravær i prosent per avdeling, november 2025")
    sjekk_i_begge_bredder(side, "egne-tall-maned")

    # Quarters, by keyboard: the page is swapped in place and the focus stays on the choice.
    kvartal = side.get_by_role("radio", name="Kvartal")
    kvartal.focus()
    side.keyboard.press("Space")
    overskrift = side.get_by_role("heading", name="Solsikken barnehage AS, 4. kvartal 2025")
    overskrift.wait_for()
    assert "inndeling=kvartal" in side.url
    assert side.evaluate("document.activeElement.id") == "inndeling-kvartal"
    panel = side.locator(".panel").first.inner_text()
    assert "4,2 %" in panel and "Bransjen barnehager" in panel and "9,0 %" in panel
    sjekk_i_begge_bredder(side, "egne-tall-kvartal")

    # A department from the tree table: Storbarn's own figures and history.
    with side.expect_navigation():
        side.get_by_role("link", name="Storbarn").click()
    assert side.get_by_role("heading", name="Storbarn, 4. kvartal 2025").is_visible()
    assert side.get_by_role("heading", name="Utvikling for Storbarn").is_visible()


def test_a_leader_on_a_phone(nettsted: Nettsted, egendata: Egendata) -> None:
    beregn(Virksomhet.objects.get(pk=SOLSIKKEN), dag=date(2026, 3, 1))
    nettsted.innlogget_som(egendata.leder)
    side = nettsted.gaa_til(URL + "?periode=2025-05")
    tabell = side.get_by_role("table", name="Sykefravær i prosent per avdeling, mai 2025")
    assert "Småbarn" in tabell.inner_text() and "Maskert" in tabell.inner_text()
    assert "Storbarn" not in side.locator("main").inner_text()
    sjekk_i_begge_bredder(side, "egne-tall-leder")


def test_before_anything_is_computed(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.inst.admin)
    side = nettsted.gaa_til(URL)
    assert side.get_by_role("heading", name="Ingen tall ennå").is_visible()
    sjekk_i_begge_bredder(side, "egne-tall-tom")
