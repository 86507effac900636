"""The site as a browser sees it: logging in, the two widths, and what every page must pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client
from playwright.sync_api import BrowserContext, Page, ViewportSize

from tests.nettleser import axe
from tests.web.conftest import PASSORD, Installasjon

# /build/ is ignored by git and kept by CI.
SKJERMBILDER = Path(__file__).resolve().parents[2] / "build" / "skjermbilder"

MOBIL: ViewportSize = {"width": 375, "height": 812}
SKRIVEBORD: ViewportSize = {"width": 1280, "height": 900}
BREDDER = {"375": MOBIL, "1280": SKRIVEBORD}


@dataclass
class Nettsted:
    kontekst: BrowserContext
    adresse: str
    installasjon: Installasjon
    _side: Page | None = field(default=None, init=False)

    @property
    def side(self) -> Page:
        if self._side is None:
            self._side = self.kontekst.new_page()
        return self._side

    def url(self, sti: str) -> str:
        return self.adresse + sti

    def gaa_til(self, sti: str) -> Page:
        svar = self.side.goto(self.url(sti))
        assert svar is not None
        return self.side

    def innlogget_som(self, bruker: Any) -> None:
        """A session made on the server, without the form: logging in through the form is a
        flow of its own (test_flyt), and a cookie saves two page loads in every other test."""
        klient = Client()
        klient.force_login(bruker)
        self.kontekst.clear_cookies()
        self.kontekst.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": klient.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": self.adresse,
                }
            ]
        )

    def logg_inn_med_skjema(self, epost: str, passord: str = PASSORD) -> Page:
        side = self.side
        side.get_by_label("E-postadresse").fill(epost)
        side.get_by_label("Passord").fill(passord)
        with side.expect_navigation():
            side.get_by_role("button", name="Logg inn").click()
        return side


def sidebredde(side: Page) -> int:
    """The width of the page's content: wider than the window means sideways scrolling."""
    bredde: int = side.evaluate("document.documentElement.scrollWidth")
    return bredde


def sjekk_i_begge_bredder(side: Page, navn: str) -> None:
    """axe (WCAG 2.1 AA) at both widths, no sideways scrolling at 375 px, and a full-page
    screenshot of each into the folder CI keeps; every problem is listed in one failure."""
    problemer: list[str] = []
    for bredde, storrelse in BREDDER.items():
        side.set_viewport_size(storrelse)
        problemer += [f"{bredde} px: {linje}" for linje in axe.beskriv(axe.brudd(side))]
        if storrelse is MOBIL and (innhold := sidebredde(side)) > MOBIL["width"]:
            problemer.append(f"{bredde} px: siden er {innhold} px bred og ruller sidelengs")
        side.screenshot(path=SKJERMBILDER / f"{navn}-{bredde}.png", full_page=True)
    side.set_viewport_size(SKRIVEBORD)
    assert not problemer, f"{navn}:\n" + "\n".join(problemer)
