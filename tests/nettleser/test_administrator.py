"""The administrator's pages in a browser: roles, the audit log and privacy."""

from __future__ import annotations

from django.test import RequestFactory

from naervaer.web.virksomheter.models import Tilgang
from naervaer.web.virksomheter.tilgang import rettigheter, se_ansatt
from tests.nettleser.sider import Nettsted, sjekk_i_begge_bredder
from tests.web.conftest import SOLSIKKEN, Egendata


def test_making_someone_leader_of_a_department(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.inst.admin)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/tilgang/")
    assert side.get_by_role("navigation", name="Sider for Solsikken barnehage AS").is_visible()
    sjekk_i_begge_bredder(side, "tilganger-og-roller")

    # With the keyboard: open Vera's details, choose leader, tick «Kjøkken», save.
    side.get_by_text("Endre rollen til Vera").focus()
    side.keyboard.press("Enter")
    vera = Tilgang.objects.get(bruker=egendata.verneombud).pk
    side.locator(f"#rolle-{vera}").select_option("LEDER")
    kjokken = side.locator(f"#avdeling-{vera}-{egendata.avdelinger['K'].pk}")
    kjokken.focus()
    side.keyboard.press("Space")
    assert kjokken.is_checked()
    sjekk_i_begge_bredder(side, "tilganger-endre-rolle")
    with side.expect_navigation():
        side.get_by_role("button", name="Lagre rollen til Vera").click()
    assert "Vera er nå leder." in side.locator(".meldinger").inner_text()
    assert (
        "Vera (verneombud@example.no) · leder for Kjøkken (K)" in side.locator("main").inner_text()
    )


def test_the_audit_log_and_the_privacy_pages(nettsted: Nettsted, egendata: Egendata) -> None:
    request = RequestFactory().get("/")
    request.user = egendata.hr
    for nummer in ("1002", "1007"):
        se_ansatt(
            request,
            rettigheter(egendata.hr, SOLSIKKEN),
            egendata.ansatte[nummer].pk,
            "så fraværshistorikken",
        )
    nettsted.innlogget_som(egendata.inst.admin)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/revisjonslogg/")
    assert "2 linjer" in side.locator("caption").inner_text()
    sjekk_i_begge_bredder(side, "revisjonslogg")

    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/personvern/")
    sjekk_i_begge_bredder(side, "personvern")
    side.get_by_label("Ansattnummer").fill("1002")
    with side.expect_navigation():
        side.get_by_role("button", name="Finn den ansatte").click()
    assert side.get_by_role("heading", name="Bjørn Berg (ansattnummer 1002)").is_visible()
    sjekk_i_begge_bredder(side, "personvern-ansatt")
