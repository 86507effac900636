"""The site with the keyboard alone: the skip link, every control reachable, focus always seen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from naervaer.web.virksomheter.models import Tilgangsforesporsel
from tests.nettleser.sider import Nettsted
from tests.nettleser.tastatur import gaa_gjennom_med_tab
from tests.web.conftest import SOLSIKKEN


def test_the_skip_link_is_the_first_tab_stop_and_moves_to_main(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")

    side.keyboard.press("Tab")
    hopp = side.get_by_role("link", name="Hopp til innhold")
    expect(hopp).to_be_focused()
    boks = hopp.bounding_box()
    assert boks is not None and boks["x"] >= 0 and boks["y"] >= 0, "lenken vises ikke"

    side.keyboard.press("Enter")
    expect(side.locator("main")).to_be_focused()
    # The next Tab goes on from main, not back to the header.
    side.keyboard.press("Tab")
    assert side.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize(
    ("hvem", "sti"),
    [
        (None, "/logg-inn/"),
        ("admin", "/"),
        ("leser", f"/virksomhet/{SOLSIKKEN}/"),
        ("leser", f"/virksomhet/{SOLSIKKEN}/?visning=tabell"),
        ("uten_rett", f"/virksomhet/{SOLSIKKEN}/"),
        ("admin", f"/virksomhet/{SOLSIKKEN}/tilgang/"),
    ],
)
def test_every_control_is_reached_with_tab_and_shows_focus(
    nettsted: Nettsted, hvem: str | None, sti: str
) -> None:
    inst = nettsted.installasjon
    if hvem is not None:
        nettsted.innlogget_som(getattr(inst, hvem))
    if sti.endswith("/tilgang/"):
        Tilgangsforesporsel.objects.create(bruker=inst.uten_rett, virksomhet_id=SOLSIKKEN)
    gaa_gjennom_med_tab(nettsted.gaa_til(sti))
