"""The downloads of the statistics page and the cost calculator, in a real browser."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from tests.nettleser.sider import Nettsted, sjekk_i_begge_bredder
from tests.nettleser.tastatur import gaa_gjennom_med_tab
from tests.web.conftest import KVARTALER, SOLSIKKEN


def last_ned(side: Page, lenketekst: str) -> tuple[str, bytes]:
    with side.expect_download() as nedlasting:
        side.get_by_role("link", name=lenketekst).click()
    fil = nedlasting.value
    sti = fil.path()
    return fil.suggested_filename, sti.read_bytes()


@pytest.mark.parametrize(
    ("lenketekst", "format", "begynner_med"),
    [
        ("CSV for Excel", "csv", b"\xef\xbb\xbf"),  # the BOM Excel needs to read UTF-8
        ("Excel-fil (XLSX)", "xlsx", b"PK"),  # a zip archive
        ("Rapport til arbeidsmiljøutvalget (PDF)", "pdf", b"%PDF-"),
    ],
)
def test_the_downloads_are_named_for_the_virksomhet_and_quarter(
    nettsted: Nettsted, lenketekst: str, format: str, begynner_med: bytes
) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")

    filnavn, innhold = last_ned(side, lenketekst)

    assert filnavn == f"sykefravaer-{SOLSIKKEN}-{KVARTALER[-1]}.{format}"
    assert innhold.startswith(begynner_med)
    if format == "csv":
        tekst = innhold.decode("utf-8-sig")
        assert "Solsikken barnehage AS" in tekst
        # Semicolons between the cells, decimal commas inside them: Norwegian Excel.
        linje = next(linje for linje in tekst.splitlines() if linje.startswith("Sykefravær totalt"))
        # (190 + 193 + 196 + 199) / 9 600 = 8,1 % and 450 000 / 5 000 000 = 9,0 %
        assert ";8,1;" in f"{linje};" and ";9,0;" in f"{linje};"


def kroner(belop: Decimal) -> str:
    """Whole kroner with a space between thousands: «836 600 kr»."""
    return f"{int(belop):,} kr".replace(",", " ")


def test_the_calculator_updates_as_the_target_is_typed(nettsted: Nettsted) -> None:
    nettsted.innlogget_som(nettsted.installasjon.leser)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name=re.compile("Kostnadskalkulator")).click()
    expect(side.get_by_role("heading", level=1)).to_have_text(
        "Hva koster sykefraværet i Solsikken barnehage AS?"
    )
    sjekk_i_begge_bredder(side, "kalkulator")

    # Filled in from the last four quarters: 190 + 193 + 196 + 199 = 778 lost dagsverk.
    tapte = Decimal(190 + 193 + 196 + 199)
    expect(side.get_by_label("Tapte dagsverk i året", exact=True)).to_have_value(str(tapte))
    # The configured cost of a day, as the field shows it: «4 700».
    kostnadsfelt = side.get_by_label("Kostnad per tapte dagsverk (kr)")
    per_dag = Decimal(re.sub(r"\s", "", kostnadsfelt.input_value()).replace(",", "."))
    resultat = side.locator("#resultat")
    expect(resultat).to_contain_text(kroner(tapte * per_dag))
    side.evaluate("window.nettlesertestMerke = true")

    maal = Decimal(600)
    side.get_by_label("Mål for tapte dagsverk i året").press_sequentially(str(maal))

    # (778 − 600) × the cost of a day, without pressing a button and without a reload.
    expect(resultat).to_contain_text(kroner((tapte - maal) * per_dag) + " mindre i året")
    assert side.evaluate("window.nettlesertestMerke === true")
    # The figures stay out of the address bar and the history.
    assert "maal_dagsverk" not in side.url and "tapte_dagsverk" not in side.url
    sjekk_i_begge_bredder(side, "kalkulator-med-maal")
    side.reload()
    gaa_gjennom_med_tab(side)
