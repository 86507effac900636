"""The plan as PDF (WeasyPrint): the plan's text as pdftotext reads it, the measures as a table,
no place for a diagnosis, and every typed text escaped."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from naervaer.oppfolging.plan import INGEN_HELSE, INGEN_HELSE_FORKLART, SEKSJONER
from naervaer.oppfolging.planpdf import dokument_html, gjengi, som_pdf
from tests.oppfolging.plandokumenter import DAGTEKST, FULL, VANLIG, dokument
from tests.samtale.dokumenter import pdftekst, sider


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sti = tmp_path_factory.mktemp("planpdf") / "plan.pdf"
    sti.write_bytes(som_pdf(dokument()))
    return sti


def test_the_pdf_holds_the_plans_text(pdf: Path) -> None:
    tekst = pdftekst(pdf)
    for del_ in (
        "Oppfølgingsplan for Bjørn Berg",
        "Solsikken barnehage AS (org.nr. 910000001)",
        "3, lagret 02.03.2026 kl. 09.05 av Lars Leder",
        *(s.tittel for s in SEKSJONER),
        "Pedagogisk arbeid med de minste barna",
        "Løfte barn opp på stellebordet",
        "Hev-senk stellebord på avdelingen Lederen 09.03.2026",
        "Kortere arbeidsdager de to første ukene Lederen og den ansatte 16.03.2026",
        "03.03.2026 – 14.04.2026",
        "Vil gjerne starte med formiddagene",
        "Denne versjonen er ikke delt med den ansatte.",
    ):
        assert del_ in tekst, del_
    for nummer, side in enumerate(sider(pdf), 1):
        assert f"Laget med Nærvær {DAGTEKST}" in side and f"Side {nummer} av" in side


def test_no_diagnosis_field_only_the_warning(pdf: Path) -> None:
    tekst = pdftekst(pdf)
    assert " ".join(INGEN_HELSE_FORKLART.split()) in tekst
    uten_advarsel = tekst.replace(" ".join(INGEN_HELSE_FORKLART.split()), "")
    assert not re.search(r"diagnose|helseopplysning|sykdom", uten_advarsel, re.I)
    assert INGEN_HELSE.rstrip(".") in tekst


def test_the_measures_are_a_table_with_column_headers() -> None:
    html = dokument_html(dokument())
    assert '<th scope="col" class="hva">Tiltak</th>' in html
    assert html.count("<tr><td") == len(VANLIG.tiltak)


def test_typed_text_is_escaped_and_never_fetched() -> None:
    farlig = '<img src="file:///etc/passwd"> **fet** [lenke](https://example.com)'
    html = dokument_html(dokument(replace(VANLIG, ansattes_innspill=farlig)))
    assert (
        "&lt;img src=&quot;file:///etc/passwd&quot;&gt; **fet** [lenke](https://example.com)"
        in html
    )
    assert "<img" not in html and 'href="https://example.com"' not in html
    sider_ = gjengi(dokument(replace(VANLIG, ansattes_innspill=farlig))).pages
    assert len(sider_) >= 1


def test_an_earlier_version_says_so() -> None:
    html = dokument_html(dokument(nyere_finnes=True))
    assert '<p class="advarsel">Dette er versjon 3. Det finnes en nyere versjon' in html


def test_the_fullest_plan_fits_the_page_width() -> None:
    dokument_ = gjengi(dokument(FULL))
    assert 2 <= len(dokument_.pages) <= 12
    # Nothing runs past the right margin: every box ends inside the page's content area.
    for side in dokument_.pages:
        sideboks = side._page_box
        hoyre = sideboks.content_box_x() + sideboks.width

        for boks in sideboks.children:
            _sjekk_bredde(boks, hoyre)


def _sjekk_bredde(boks: Any, hoyre: float) -> None:
    assert boks.position_x + boks.margin_width() <= hoyre + 0.5, boks
    for barn in getattr(boks, "children", ()) or ():
        _sjekk_bredde(barn, hoyre)
