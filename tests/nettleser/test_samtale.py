"""Samtalestøtte in a real browser: the leader's guide step by step, the employee's version, the
guide of one's own, and printing; axe at 375 and 1280 px, with screenshots of every page."""

from __future__ import annotations

import io
import re

from docx import Document
from playwright.sync_api import Page, Request, expect

from naervaer.samtale.dokument import sporsmalsgrupper
from naervaer.samtale.tekst import ren_tekst
from naervaer.samtale.veiviser import BRANSJESTEG, alle_steg
from naervaer.web.samtale.innhold import hent
from tests.nettleser.sider import SKJERMBILDER, Nettsted, sjekk_i_begge_bredder


def ren(tekst: str) -> str:
    return " ".join(ren_tekst(tekst).split())


def aapne_alle(side: Page) -> None:
    """Open every expandable part, so axe checks and the screenshot shows what is inside."""
    side.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true })")


def test_the_leaders_guide_one_step_at_a_time(nettsted: Nettsted) -> None:
    innhold = hent()
    steg = alle_steg(innhold.veileder)
    side = nettsted.gaa_til("/samtalestotte/")
    expect(side.get_by_role("heading", level=1)).to_have_text("Samtalestøtte")
    sjekk_i_begge_bredder(side, "samtale-forside")

    side.get_by_role("link", name="Start veilederen").click()
    for i, (del_, s) in enumerate(steg, 1):
        expect(side.get_by_role("heading", level=1)).to_have_text(s.tittel)
        framdrift = side.get_by_role("navigation", name="Framdrift i veilederen")
        expect(framdrift).to_contain_text(f"Steg {i} av {len(steg)}")
        expect(framdrift.locator('li[aria-current="step"] > a').first).to_have_text(del_.tittel)
        if (del_.kode, s.kode) == BRANSJESTEG:
            # Pick a bransje by hand: its questions come into this step.
            side.get_by_label("Bransje", exact=True).select_option("bygg")
            side.get_by_role("button", name="Bruk bransjen").click()
            bygg = innhold.bransjer["bygg"]
            expect(side.get_by_role("heading", name=f"Spørsmål for {bygg.navn}")).to_be_visible()
            expect(side.locator("main")).to_contain_text(ren(bygg.sporsmal[0].tekst))
        if s.sporsmal:
            oppsummering = side.get_by_text(f"Spørsmål du kan stille ({len(s.sporsmal)})")
            sporsmal = side.get_by_role("listitem").filter(has_text=ren(s.sporsmal[0].tekst))
            expect(sporsmal).to_be_hidden()
            oppsummering.click()
            expect(sporsmal).to_be_visible()
        aapne_alle(side)
        sjekk_i_begge_bredder(side, f"samtale-steg-{i:02d}-{s.kode}")
        if i < len(steg):
            side.get_by_role("link", name=re.compile(r"^Neste: ")).click()
    # After the last step: on to a guide of one's own, the bransje still chosen.
    side.get_by_role("link", name="Lag din egen samtaleguide").first.click()
    expect(side.get_by_label("Bransje", exact=True)).to_have_value("bygg")


def test_the_checklist_stays_in_the_browser(nettsted: Nettsted) -> None:
    del_, steg = next((d, s) for d, s in alle_steg(hent().veileder) if s.sjekkliste)
    side = nettsted.gaa_til(f"/samtalestotte/veileder/{del_.kode}/{steg.kode}/")
    foresporsler: list[Request] = []
    side.on("request", lambda foresporsel: foresporsler.append(foresporsel))
    for punkt in steg.sjekkliste:
        boks = side.get_by_role("checkbox", name=ren(punkt))
        boks.check()
        expect(boks).to_be_checked()
    side.wait_for_timeout(300)
    assert foresporsler == []


def test_a_logged_in_leader_gets_their_bransje(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)  # Solsikken barnehage AS, 88.911
    innhold = hent()
    kode = next(k for k, b in innhold.bransjer.items() if "BARNEHAGER" in b.statistikkbransjer)
    side = nettsted.gaa_til("/samtalestotte/")
    expect(side.locator("main")).to_contain_text(
        f"Vi har valgt bransjen {innhold.bransjer[kode].navn} ut fra Solsikken barnehage AS."
    )
    expect(side.get_by_label("Bransje", exact=True)).to_have_value(kode)
    sjekk_i_begge_bredder(side, "samtale-forside-innlogget")
    side = nettsted.gaa_til(f"/samtalestotte/veileder/{BRANSJESTEG[0]}/{BRANSJESTEG[1]}/")
    expect(side.locator("main")).to_contain_text(ren(innhold.bransjer[kode].sporsmal[0].tekst))


def test_the_employees_version(nettsted: Nettsted) -> None:
    ansatt = hent().ansatt
    side = nettsted.gaa_til("/samtalestotte/")
    side.get_by_role("link", name=re.compile("Forbered deg til samtalen")).first.click()
    expect(side.get_by_role("heading", level=1)).to_have_text(ansatt.tittel)
    sjekk_i_begge_bredder(side, "samtale-ansatt")
    # The list at the top leads to each part; each point opens on its own.
    for del_ in ansatt.deler:
        side.get_by_role("navigation", name="På denne siden").get_by_role(
            "link", name=del_.tittel
        ).click()
        expect(side).to_have_url(re.compile(f"#{del_.kode}$"))
        punkt = del_.punkter[0]
        side.locator(f"#{del_.kode}").get_by_text(punkt.tittel, exact=True).click()
        expect(side.get_by_text(ren(punkt.tekst), exact=True)).to_be_visible()
    aapne_alle(side)
    sjekk_i_begge_bredder(side, "samtale-ansatt-apnet")


def test_themes_bransjer_and_what_not_to_ask(nettsted: Nettsted) -> None:
    innhold = hent()
    side = nettsted.gaa_til("/samtalestotte/")
    tema = innhold.temaer["psykisk_helse_og_stress"]
    side.get_by_role("link", name=tema.navn).click()
    expect(side.get_by_role("heading", level=1)).to_have_text(tema.navn)
    aapne_alle(side)
    sjekk_i_begge_bredder(side, "samtale-tema")

    bransje = innhold.bransjer["helse_og_omsorg"]
    side = nettsted.gaa_til("/samtalestotte/bransje/helse_og_omsorg/")
    expect(side.get_by_role("heading", level=1)).to_have_text(bransje.navn)
    aapne_alle(side)
    sjekk_i_begge_bredder(side, "samtale-bransje")

    side = nettsted.gaa_til("/samtalestotte/")
    side.get_by_role("link", name="Les om grensene og sensitive temaer").click()
    expect(side.get_by_role("heading", level=1)).to_have_text(innhold.grenser.tittel)
    sjekk_i_begge_bredder(side, "samtale-grenser")
    aapne_alle(side)
    sjekk_i_begge_bredder(side, "samtale-grenser-apnet")


def test_making_a_guide_of_ones_own(nettsted: Nettsted) -> None:
    innhold = hent()
    tema = innhold.temaer["tilbake_i_arbeid"]
    side = nettsted.gaa_til("/samtalestotte/lag/")
    expect(side.locator("main")).to_contain_text("Det du skriver her, lagres ikke.")
    sjekk_i_begge_bredder(side, "samtale-lag")

    # Choosing a theme brings its goals and questions in without reloading the page (htmx).
    side.evaluate("window.nettlesertestMerke = true")
    side.get_by_label("Tema for samtalen").select_option("tilbake_i_arbeid")
    expect(side.get_by_role("checkbox", name=ren(tema.maal[0]))).to_be_visible()
    assert side.evaluate("window.nettlesertestMerke === true")
    expect(side).to_have_url(re.compile(r"tema=tilbake_i_arbeid"))

    side.get_by_role("checkbox", name=ren(tema.maal[0])).check()
    side.get_by_label("Eget mål (valgfritt)").fill("Avtale en plan for de neste ukene")
    grupper = sporsmalsgrupper(innhold, "tilbake_i_arbeid", None)
    valgte = [s for _, s in grupper[0].sporsmal[:2]] + [grupper[-1].sporsmal[0][1]]
    # Only the first group is open; the others open by their heading.
    side.locator("summary", has_text=grupper[-1].tittel).click()
    for s in valgte:
        side.get_by_role("checkbox", name=ren(s.tekst)).check()
    sjekk_i_begge_bredder(side, "samtale-lag-utfylt")

    with side.expect_download() as nedlasting:
        side.get_by_role("button", name="Last ned som Word (DOCX)").click()
    fil = nedlasting.value
    assert re.fullmatch(
        r"samtaleguide-tilbake-i-arbeid-\d{4}-\d{2}-\d{2}\.docx", fil.suggested_filename
    )
    dok = Document(io.BytesIO(fil.path().read_bytes()))
    tekster = [a.text for a in dok.paragraphs]
    assert tekster[0] == f"Samtaleguide: {tema.navn}"
    assert "Avtale en plan for de neste ukene" in tekster
    bokser = {t.rows[0].cells[0].paragraphs[0].text for t in dok.tables if len(t.columns) == 1}
    assert bokser == {ren(s.tekst) for s in valgte}

    with side.expect_download() as nedlasting:
        side.get_by_role("button", name="Last ned som PDF").click()
    assert nedlasting.value.path().read_bytes().startswith(b"%PDF-")


def test_downloading_the_whole_guide_and_the_employees_version(nettsted: Nettsted) -> None:
    innhold = hent()
    side = nettsted.gaa_til(f"/samtalestotte/veileder/{BRANSJESTEG[0]}/{BRANSJESTEG[1]}/")
    side.get_by_label("Bransje", exact=True).select_option("bygg")
    side.get_by_role("button", name="Bruk bransjen").click()
    with side.expect_download() as nedlasting:
        side.get_by_role("link", name="Last ned hele veilederen som Word (DOCX)").click()
    fil = nedlasting.value
    assert fil.suggested_filename == "samtaleveileder-bygg.docx"
    dok = Document(io.BytesIO(fil.path().read_bytes()))
    steg = [s.tittel for _, s in alle_steg(innhold.veileder)]
    overskrifter = [a.text for a in dok.paragraphs if a.style and a.style.name == "Heading 3"]
    assert overskrifter[: len(steg)] == steg
    bokser = {t.rows[0].cells[0].paragraphs[0].text for t in dok.tables if len(t.columns) == 1}
    assert ren(innhold.bransjer["bygg"].sporsmal[0].tekst) in bokser

    side = nettsted.gaa_til("/samtalestotte/forbered-deg/")
    with side.expect_download() as nedlasting:
        side.get_by_role("link", name="Last ned veiledningen som PDF").click()
    assert nedlasting.value.suggested_filename == "forbered-deg-til-samtalen.pdf"
    assert nedlasting.value.path().read_bytes().startswith(b"%PDF-")


def test_a_guide_without_questions_says_what_to_fix(nettsted: Nettsted) -> None:
    side = nettsted.gaa_til("/samtalestotte/lag/?tema=uenighet")
    side.get_by_label("Eget mål (valgfritt)").fill("Finne en løsning vi begge kan leve med")
    side.get_by_role("button", name="Last ned som PDF").click()
    oppsummering = side.locator("#feiloppsummering")
    expect(oppsummering).to_be_focused()
    expect(oppsummering).to_contain_text("Velg minst ett spørsmål til samtaleguiden.")
    expect(side.get_by_label("Eget mål (valgfritt)")).to_have_value(
        "Finne en løsning vi begge kan leve med"
    )
    sjekk_i_begge_bredder(side, "samtale-lag-feil")
    oppsummering.get_by_role("link").click()
    expect(side).to_have_url(re.compile("#felt-sporsmal$"))


def test_printing_leaves_out_the_navigation_and_opens_every_part(nettsted: Nettsted) -> None:
    del_, steg = next((d, s) for d, s in alle_steg(hent().veileder) if s.sporsmal and s.punkter)
    side = nettsted.gaa_til(f"/samtalestotte/veileder/{del_.kode}/{steg.kode}/")
    sporsmal = side.get_by_role("listitem").filter(has_text=ren(steg.sporsmal[0].tekst))
    expect(sporsmal).to_be_hidden()
    side.emulate_media(media="print")
    for skjult in (
        side.locator(".topplinje"),
        side.get_by_role("navigation", name="Framdrift i veilederen"),
        side.get_by_role("navigation", name="Forrige og neste steg"),
        side.locator(".samtale__videre"),
    ):
        expect(skjult).to_be_hidden()
    expect(sporsmal).to_be_visible()
    # No question box is parted between two pages.
    regel = side.evaluate("getComputedStyle(document.querySelector('.samtale__utvid')).breakInside")
    assert regel == "avoid"
    side.screenshot(path=SKJERMBILDER / "samtale-utskrift.png", full_page=True)
    pdf = side.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    side.emulate_media(media="screen")
    expect(sporsmal).to_be_hidden()
