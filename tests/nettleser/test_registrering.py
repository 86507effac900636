"""Quick registration and the person pages in a real browser: a leader on a phone registers an
egenmelding in two taps, HR does it with the keyboard alone, a fifth egenmelding asks for a
confirmation; axe at 375 and 1280 px, with screenshots of every page."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from playwright.sync_api import Page, expect

from naervaer.web.egendata.models import Ansatt, Fravaer
from tests.nettleser.sider import MOBIL, Nettsted, sidebredde, sjekk_i_begge_bredder
from tests.nettleser.tastatur import gaa_gjennom_med_tab
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.fravaer_hjelp import dager_siden, fravaer, idag

STI = f"/virksomhet/{SOLSIKKEN}/fravaer"


def idag_tekst() -> str:
    return f"{idag():%d.%m.%Y}"


def test_a_leader_registers_an_egenmelding_on_a_phone(
    nettsted: Nettsted, egendata: Egendata
) -> None:
    nettsted.innlogget_som(egendata.leder)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.set_viewport_size(MOBIL)
    side.get_by_role("link", name="Registrer fravær").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Registrer fravær")
    # Only the leader's own people, and no search for four of them.
    expect(side.get_by_role("radio", name=re.compile(r"\(100\d\)"))).to_have_count(4)
    expect(side.get_by_label("Finn ansatt")).to_have_count(0)
    sjekk_i_begge_bredder(side, "fravaer-registrer")
    side.set_viewport_size(MOBIL)

    # Tap one: the quota comes at once.
    side.get_by_text("David Eng").click()
    expect(side.get_by_role("heading", name="Egenmelding for David Eng")).to_be_visible()
    expect(side.locator("#forhandsvisning")).to_contain_text("4 av 4 ganger")
    knapp = side.get_by_role("button", name="Registrer fravær")
    boks = knapp.bounding_box()
    assert boks is not None and boks["height"] >= 44 and boks["width"] > 300
    # Tap two.
    knapp.click()
    expect(side.get_by_role("heading", level=1)).to_have_text("David Eng")
    expect(
        side.get_by_text(f"Egenmelding {idag_tekst()} for David Eng er registrert.")
    ).to_be_visible()
    expect(side.get_by_text("Borte nå")).to_be_visible()
    assert sidebredde(side) <= MOBIL["width"]
    lagret = Fravaer.objects.get(ansatt=egendata.ansatte["1004"])
    assert (lagret.fra_dato, lagret.til_dato, lagret.registrert_av) == (
        idag(),
        idag(),
        egendata.leder,
    )
    sjekk_i_begge_bredder(side, "fravaer-ansatt-registrert")


def test_hr_registers_with_the_keyboard_alone(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.hr)
    # (``gaa_gjennom_med_tab`` cannot walk this page: Tab stops on each part of a date field,
    # and only on the first radio of a group with none chosen, as browsers do.)
    side = nettsted.gaa_til(f"{STI}/registrer/")
    # Into the list of employees: the first radio takes focus, arrows move and choose.
    tab_til(side, lambda navn: navn.startswith("input#ansatt-"))
    for _ in range(5):
        side.keyboard.press("ArrowDown")
    expect(side.get_by_role("radio", name="Frode Gran (1006)")).to_be_checked()
    expect(side.get_by_role("heading", name="Egenmelding for Frode Gran")).to_be_visible()
    # A sykmelding: the grad appears when it is chosen.
    grad = side.get_by_label("Sykmeldingsgrad i prosent")
    expect(grad).to_be_hidden()
    tab_til(side, lambda navn: navn.startswith("input#type-egenmelding"))
    side.keyboard.press("ArrowDown")
    expect(grad).to_be_visible()
    tab_til(side, lambda navn: navn.startswith("input#grad"))
    side.keyboard.press("Control+A")
    side.keyboard.type("60")
    tab_til(side, lambda navn: navn.startswith("button") and "Registrer fravær" in navn)
    side.keyboard.press("Enter")
    expect(side.get_by_role("heading", level=1)).to_have_text("Frode Gran")
    lagret = Fravaer.objects.get(ansatt=egendata.ansatte["1006"])
    assert (lagret.type, lagret.grad) == ("sykmelding", 60)


def tab_til(side: Page, er_maalet: Callable[[str], bool], grense: int = 60) -> None:
    """Tab on until the control wanted has focus. Once in the form, focus must stay there: the
    quota that htmx swaps in while the user moves on must not throw it back to the top."""
    i_skjemaet = side.evaluate("document.activeElement.closest('#registrering') !== null")
    for _ in range(grense):
        side.wait_for_load_state("networkidle")
        side.keyboard.press("Tab")
        navn: str = side.evaluate(
            """() => { const e = document.activeElement;
                return e.closest('#registrering') === null ? ''
                    : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' '
                        + (e.innerText || e.value || ''); }"""
        )
        if er_maalet(navn):
            return
        assert navn or not i_skjemaet, "fokus hoppet ut av skjemaet"
        i_skjemaet = bool(navn)
    raise AssertionError("nådde ikke kontrollen med Tab")


def test_a_fifth_egenmelding_needs_a_confirmation(nettsted: Nettsted, egendata: Egendata) -> None:
    david = egendata.ansatte["1004"]
    for start in (300, 200, 100, 40):
        fravaer(david, dager_siden(start), dager_siden(start - 1))
    nettsted.innlogget_som(egendata.leder)
    side = nettsted.gaa_til(f"{STI}/ansatte/{david.pk}/")
    expect(side.get_by_text("Kan arbeidsgiveren nekte ny egenmelding", exact=False)).to_be_visible()
    sjekk_i_begge_bredder(side, "fravaer-ansatt-kvote-brukt-opp")
    side.get_by_role("link", name="Registrer fravær for David Eng").click()
    expect(side.get_by_text("Gjelder David Eng", exact=False)).to_be_visible()
    advarsel = side.locator("#advarsel")
    expect(advarsel).to_contain_text("Egenmelding er brukt 4 ganger de siste 12 månedene")
    expect(advarsel.get_by_role("link", name="ftrl. §§ 8-23 til 8-27")).to_be_visible()
    side.get_by_role("button", name="Registrer fravær").click()
    expect(side.get_by_role("heading", name="Rett opp dette først:")).to_be_visible()
    sjekk_i_begge_bredder(side, "fravaer-registrer-advarsel")
    side.get_by_role("link", name=re.compile("kryss av hvis du vil registrere likevel")).click()
    side.get_by_label("Jeg har lest advarselen og vil registrere likevel").check()
    side.get_by_role("button", name="Registrer fravær").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("David Eng")
    assert Fravaer.objects.filter(ansatt=david).count() == 5


def test_searching_among_many(nettsted: Nettsted, egendata: Egendata) -> None:
    Ansatt.objects.bulk_create(
        Ansatt(virksomhet_id=SOLSIKKEN, ansattnummer=f"3{n:03d}", navn=f"Vikar {n:02d}")
        for n in range(40)
    )
    nettsted.innlogget_som(egendata.hr)
    side = nettsted.gaa_til(f"{STI}/registrer/")
    expect(side.get_by_text("Viser 30 av 52. Søk for å finne flere.")).to_be_visible()
    side.get_by_role("searchbox", name="Finn ansatt").fill("vikar 3")
    expect(side.get_by_role("radio")).to_have_count(12)  # ten vikarer and the two types
    side.get_by_text("Vikar 37").click()
    expect(side.get_by_role("heading", name="Egenmelding for Vikar 37")).to_be_visible()
    sjekk_i_begge_bredder(side, "fravaer-registrer-sok")


def test_the_person_pages(nettsted: Nettsted, egendata: Egendata) -> None:
    frode = egendata.ansatte["1006"]
    sykmelding = fravaer(frode, dager_siden(5), idag() + timedelta(days=9), "sykmelding", 60)
    nettsted.innlogget_som(egendata.hr)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name="Ansatte", exact=True).click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Ansatte")
    expect(side.get_by_role("heading", name="12 ansatte")).to_be_visible()
    sjekk_i_begge_bredder(side, "fravaer-ansatte")
    gaa_gjennom_med_tab(nettsted.gaa_til(f"{STI}/ansatte/"))
    side.get_by_label("Vis", exact=True).select_option("borte")
    side.get_by_role("button", name="Vis utvalget").click()
    expect(side.get_by_role("heading", name="1 ansatt")).to_be_visible()
    side.get_by_role("link", name="Frode Gran").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Frode Gran")
    sjekk_i_begge_bredder(side, "fravaer-ansatt")
    gaa_gjennom_med_tab(nettsted.gaa_til(f"{STI}/ansatte/{frode.pk}/"))

    side.get_by_role("link", name=re.compile("^Tilbake på jobb")).click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Frode Gran er tilbake på jobb")
    sjekk_i_begge_bredder(side, "fravaer-tilbake")
    side.get_by_role("button", name="Registrer tilbake på jobb").click()
    expect(
        side.get_by_text(f"Frode Gran er tilbake på jobb {idag_tekst()}.", exact=False)
    ).to_be_visible()
    sykmelding.refresh_from_db()
    assert sykmelding.til_dato == dager_siden(1)

    side.get_by_role("link", name=re.compile("^Endre eller forleng")).click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Endre fravær for Frode Gran")
    side.get_by_label("Sykmeldingsgrad i prosent").fill("10")
    side.get_by_role("button", name="Lagre endringen").click()
    expect(side.get_by_role("heading", name="Rett opp dette først:")).to_be_visible()
    sjekk_i_begge_bredder(side, "fravaer-endre-feil")

    side = nettsted.gaa_til(f"{STI}/periode/{sykmelding.pk}/slett/")
    sjekk_i_begge_bredder(side, "fravaer-slett")
    side.get_by_role("button", name="Slett perioden").click()
    expect(side.get_by_text("er slettet", exact=False)).to_be_visible()
    assert not Fravaer.objects.filter(pk=sykmelding.pk).exists()


def test_my_own_absence(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.ansatt)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name="Mitt fravær").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Mitt fravær")
    expect(side.get_by_role("heading", name="Tilfelle 03.02.2025–05.02.2025")).to_be_visible()
    sjekk_i_begge_bredder(side, "fravaer-mitt")


def test_the_administrator_chooses_the_rule(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.inst.admin)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name="Egenmeldingsregel").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Egenmeldingsregel")
    dager = side.get_by_label("Dager per tilfelle (egen regel)")
    expect(dager).to_be_hidden()
    sjekk_i_begge_bredder(side, "fravaer-egenmelding")
    side.get_by_label("Egen regel", exact=True).check()
    expect(dager).to_be_visible()
    dager.fill("20")
    side.get_by_role("button", name="Lagre regelen").click()
    expect(side.get_by_role("heading", name="Rett opp dette først:")).to_be_visible()
    sjekk_i_begge_bredder(side, "fravaer-egenmelding-feil")
    side.get_by_label("Dager per tilfelle (egen regel)").fill("8")
    side.get_by_label(re.compile("drøftet med de tillitsvalgte")).check()
    side.get_by_role("button", name="Lagre regelen").click()
    expect(
        side.get_by_text("Egenmeldingsregelen er nå virksomhetens regel (8 dager).")
    ).to_be_visible()
