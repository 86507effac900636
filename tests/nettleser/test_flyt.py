"""What a user does on the site, start to end, in a real browser."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from playwright.sync_api import Locator, Page, expect

from tests.nettleser.sider import Nettsted
from tests.web.conftest import KVARTALER, SOLSIKKEN


def norsk(verdi: Decimal) -> str:
    """One decimal, rounded half up and with a decimal comma, as the pages write figures."""
    return str(verdi.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).replace(".", ",")


def solsikkens_tapte(periode: str) -> int:
    # The fixture's season: 190 lost dagsverk plus 3 for each step into the year.
    return 190 + KVARTALER.index(periode) % 4 * 3


# Solsikken has 2 400 mulige dagsverk every quarter; the last four quarters are 2025K1-2025K4:
# (190 + 193 + 196 + 199) / 9 600 = 8,104 %.
SOLSIKKEN_TOTALT = norsk(
    Decimal(sum(solsikkens_tapte(p) for p in KVARTALER[-4:])) * 100 / (4 * 2400)
)
# Barnehager: 450 000 of 5 000 000 every quarter.
BARNEHAGER_TOTALT = norsk(Decimal(450_000 * 4) * 100 / (5_000_000 * 4))
# Oslo (fylke 03): 1 400 000 of 25 000 000.
OSLO_TOTALT = norsk(Decimal(1_400_000 * 4) * 100 / (25_000_000 * 4))


def panel(side: Page, tittel: str) -> Locator:
    return side.locator(".panel").filter(has=side.get_by_role("heading", name=tittel, exact=True))


def tall_i_panel(side: Page, tittel: str, enhet: str) -> str:
    """The figure a panel shows for one unit: the dd after the dt that names it."""
    return (
        panel(side, tittel)
        .locator("dt", has_text=re.compile(f"^{re.escape(enhet)}$"))
        .locator("xpath=following-sibling::dd[1]")
        .inner_text()
    )


def merk_siden(side: Page) -> None:
    """A mark in the page's window: gone if the page reloads, kept through htmx's swaps."""
    side.evaluate("window.nettlesertestMerke = true")


def er_samme_side(side: Page) -> bool:
    return bool(side.evaluate("window.nettlesertestMerke === true"))


def test_log_in_pick_a_virksomhet_and_read_the_panels(nettsted: Nettsted) -> None:
    side = nettsted.gaa_til("/")
    expect(side).to_have_url(re.compile(r"/logg-inn/"))
    nettsted.logg_inn_med_skjema("admin@example.no")
    # Two virksomheter: the picker first.
    expect(side.get_by_role("heading", name="Velg virksomhet", level=1)).to_be_visible()
    side.get_by_role("link", name="Solsikken barnehage AS").click()

    expect(side).to_have_url(nettsted.url(f"/virksomhet/{SOLSIKKEN}/"))
    expect(side.get_by_role("heading", level=1)).to_have_text("Sykefravær i Solsikken barnehage AS")
    assert SOLSIKKEN_TOTALT == "8,1"
    totalt = "Sykefravær totalt"
    assert tall_i_panel(side, totalt, "Solsikken barnehage AS") == f"{SOLSIKKEN_TOTALT} %"
    assert tall_i_panel(side, totalt, "Bransjen barnehager") == f"{BARNEHAGER_TOTALT} %"
    # 8,1 is not below 0,9 × 9,0 = 8,1: middels.
    expect(panel(side, totalt).locator(".vurdering")).to_have_text("Middels")


def test_the_benchmark_changes_in_place(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    merk_siden(side)

    side.get_by_role("radio", name="Fylke").check()

    expect(side).to_have_url(re.compile(r"[?&]sammenlign=fylke(&|$)"))
    totalt = panel(side, "Sykefravær totalt")
    expect(totalt.locator("dt").nth(1)).to_have_text("Oslo")
    assert tall_i_panel(side, "Sykefravær totalt", "Oslo") == f"{OSLO_TOTALT} %"
    # 8,1 is above 1,1 × 5,6 = 6,16.
    expect(totalt.locator(".vurdering")).to_have_text("Over")
    assert er_samme_side(side), "siden ble lastet på nytt i stedet for å oppdateres"
    assert side.get_by_role("radio", name="Fylke").is_checked()


def tabellkolonner(side: Page) -> list[str]:
    return side.locator("table thead th").all_inner_texts()


def valgte_linjer(side: Page) -> list[str]:
    linjer = side.get_by_role("group", name="Linjer").get_by_role("checkbox")
    return [
        (linjer.nth(i).get_attribute("value") or "")
        for i in range(linjer.count())
        if linjer.nth(i).is_checked()
    ]


def test_chart_to_table_with_the_mouse_keeps_the_lines(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    merk_siden(side)
    expect(side.get_by_role("img", name="Sykefravær i prosent per kvartal")).to_be_visible()
    # Solsikken's points as the browser places them: further up for a higher figure. Each year
    # climbs 190, 193, 196, 199 dagsverk, so y falls within a year and repeats the next.
    punkter: list[list[float]] = (
        side.locator("svg.diagram g")
        .first.locator("circle")
        .evaluate_all("cs => cs.map(c => [c.cx.baseVal.value, c.cy.baseVal.value])")
    )
    x, y = [p[0] for p in punkter], [p[1] for p in punkter]
    assert len(punkter) == len(KVARTALER) and x == sorted(set(x))
    assert y[0] > y[1] > y[2] > y[3] > 0 and y[:4] == y[4:]

    side.get_by_role("checkbox", name="Privat og offentlig næringsvirksomhet").check()
    expect(side).to_have_url(re.compile(r"linje=sektor"))
    side.get_by_text("Tabell", exact=True).click()

    tabell = side.get_by_role("table", name="Sykefravær i prosent per kvartal")
    expect(tabell).to_be_visible()
    expect(side).to_have_url(re.compile(r"visning=tabell"))
    assert er_samme_side(side), "siden ble lastet på nytt i stedet for å oppdateres"
    forventet = [
        "Kvartal",
        "Solsikken barnehage AS",
        "Bransjen barnehager",
        "Privat og offentlig næringsvirksomhet",
        "Hele landet",
    ]
    assert tabellkolonner(side) == forventet
    # Newest quarter first: 2025K4 is 199 of 2 400 for Solsikken.
    forste_rad = tabell.locator("tbody tr").first
    expect(forste_rad.locator("th")).to_have_text("4. kv. 2025")
    assert forste_rad.locator("td").first.inner_text() == norsk(
        Decimal(solsikkens_tapte("2025K4")) * 100 / 2400
    )
    assert valgte_linjer(side) == ["virksomhet", "bransje", "sektor", "land"]

    side.reload()
    assert not er_samme_side(side)
    expect(tabell).to_be_visible()
    assert tabellkolonner(side) == forventet
    assert valgte_linjer(side) == ["virksomhet", "bransje", "sektor", "land"]
    assert side.get_by_role("radio", name="Tabell").is_checked()


def test_chart_to_table_and_back_with_the_keyboard(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/?linje=virksomhet&linje=fylke")
    merk_siden(side)

    # Tab until the chosen view's radio has focus: a radio group is one Tab stop.
    for _ in range(60):
        side.keyboard.press("Tab")
        if side.evaluate("document.activeElement.name") == "visning":
            break
    diagram = side.get_by_role("radio", name="Diagram")
    expect(diagram).to_be_focused()

    side.keyboard.press("ArrowRight")

    tabell = side.get_by_role("table", name="Sykefravær i prosent per kvartal")
    expect(tabell).to_be_visible()
    # The swap keeps the focus where the user is, so the next arrow key still works.
    expect(side.get_by_role("radio", name="Tabell")).to_be_focused()
    assert tabellkolonner(side) == ["Kvartal", "Solsikken barnehage AS", "Oslo"]
    assert er_samme_side(side)

    side.keyboard.press("ArrowLeft")
    expect(side.get_by_role("img", name="Sykefravær i prosent per kvartal")).to_be_visible()
    expect(diagram).to_be_focused()
    assert valgte_linjer(side) == ["virksomhet", "fylke"]
    expect(side).to_have_url(re.compile(r"visning=diagram"))


def logg_ut(side: Page) -> None:
    side.get_by_role("button", name="Logg ut").click()
    expect(side.get_by_role("heading", name="Logg inn", level=1)).to_be_visible()


def test_ask_for_access_and_get_it_with_one_click(nettsted: Nettsted) -> None:
    side = nettsted.gaa_til("/logg-inn/")
    nettsted.logg_inn_med_skjema("uten.rett@example.no")
    # One virksomhet: straight to its page, benchmarks only.
    expect(side).to_have_url(nettsted.url(f"/virksomhet/{SOLSIKKEN}/"))
    expect(side.get_by_text("Du ser bare tall for bransjen og landet")).to_be_visible()
    assert panel(side, "Sykefravær totalt").locator("dt").all_inner_texts()[0] == (
        "Bransjen barnehager"
    )
    side.get_by_role("button", name="Be om tilgang").click()
    expect(side.get_by_role("status")).to_contain_text("Forespørselen er registrert")
    expect(side.get_by_text("Du har bedt om tilgang.")).to_be_visible()
    logg_ut(side)

    nettsted.logg_inn_med_skjema("admin@example.no")
    side.get_by_role("link", name="Solsikken barnehage AS").click()
    side.get_by_role("link", name="Tilgang og forespørsler").click()
    side.get_by_role("button", name="Gi tilgang til Ulla").click()
    expect(side.get_by_role("status")).to_contain_text("Ulla kan nå se sykefraværsstatistikken.")
    expect(side.get_by_text("Ingen venter på svar.")).to_be_visible()
    logg_ut(side)

    nettsted.logg_inn_med_skjema("uten.rett@example.no")
    expect(side).to_have_url(nettsted.url(f"/virksomhet/{SOLSIKKEN}/"))
    assert tall_i_panel(side, "Sykefravær totalt", "Solsikken barnehage AS") == (
        f"{SOLSIKKEN_TOTALT} %"
    )
    expect(side.get_by_role("button", name="Be om tilgang")).to_have_count(0)
