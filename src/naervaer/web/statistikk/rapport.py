"""The PDF report for the arbeidsmiljøutvalg: the page's panels, chart and table on A4.

The report is HTML rendered by a template and printed by WeasyPrint on the server, so it needs no
browser and holds the same figures as the page. WeasyPrint fetches nothing: the report has no
links to load, and its fetcher refuses every URL, so the server never reads a file or a web
address because of what a report contains.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from naervaer.statistikk.maskering import Maskert
from naervaer.statistikk.oversikt import Linje, Oversikt
from naervaer.web.statistikk.diagram import lag_diagram
from naervaer.web.statistikk.eksport import (
    EGNE_TALL,
    PERIODE,
    SAMMENLIGNET_MED,
    VIRKSOMHET,
    fakta,
    forklaring,
    i_setning,
)
from naervaer.web.statistikk.sidevalg import Sidevalg, valgte_linjer
from naervaer.web.statistikk.views import tabellrader

STIL = Path(__file__).resolve().parent / "static" / "statistikk" / "rapport.css"

# WeasyPrint draws an inline SVG as a document of its own, so the page's stylesheet does not
# reach the chart's grid lines, axes and labels: the chart gets its own copy of those rules.
DIAGRAMSTIL = (
    "<style>"
    "text{font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:12px;fill:#23262a}"
    ".akse{stroke:#6f7785;stroke-width:1}"
    ".rutenett{stroke:#dfe1e5;stroke-width:1}"
    "</style>"
)
# The report's heading, introduction and notices say these, so its fact box leaves them out.
_SAGT_ANDRE_STEDER = frozenset({VIRKSOMHET, PERIODE, SAMMENLIGNET_MED, EGNE_TALL})

_DIAGRAMSTART = re.compile(r'<svg\b[^>]*\bclass="diagram"[^>]*>')


def diagram_html(oversikt: Oversikt, linjer: tuple[Linje, ...]) -> SafeString:
    """The page's chart (the same template) for ``linjer``, styled for WeasyPrint."""
    html = render_to_string(
        "statistikk/diagram.html",
        {"diagram": lag_diagram(linjer), "linjer": linjer, "oversikt": oversikt},
    )
    # The template's output is escaped already; the rules added are a constant.
    return mark_safe(_DIAGRAMSTART.sub(lambda m: m.group(0) + DIAGRAMSTIL, html, count=1))


def rapport_html(oversikt: Oversikt, valg: Sidevalg, *, laget: date) -> str:
    """The report as HTML: what WeasyPrint prints, and what the tests read."""
    periode, publisert = oversikt.periode, oversikt.publisert
    if periode is None or publisert is None:
        raise ValueError("det finnes ingen publisert statistikk å lage en rapport av")
    # The chart and the table show the lines chosen on the page, like the page itself: a printed
    # chart with every line is hard to read, and the table is the chart's figures.
    linjer = valgte_linjer(oversikt, valg)
    return render_to_string(
        "statistikk/rapport.html",
        {
            "oversikt": oversikt,
            "virksomhet": oversikt.virksomhet,
            "periode": periode,
            "fakta": [
                (navn, verdi)
                for navn, verdi in fakta(oversikt, periode, publisert, laget)
                if navn not in _SAGT_ANDRE_STEDER
            ],
            "referanse": i_setning(oversikt.referanse),
            "paneler": [(panel, forklaring(panel)) for panel in oversikt.paneler],
            "egne_maskert": any(
                panel.egen is not None and isinstance(panel.egen.prosent, Maskert)
                for panel in oversikt.paneler
            ),
            "i_fjor": periode - 4,
            "forste_kvartal": periode - 3,
            "linjer": linjer,
            "diagram": diagram_html(oversikt, linjer),
            "tabellrader": tabellrader(linjer),
            "laget": laget,
        },
    )


def som_pdf(html: str) -> bytes:
    """Tagged PDF (headings, tables and reading order for screen readers) on A4."""
    ingen_henting = URLFetcher(allowed_protocols=())
    stil = CSS(string=STIL.read_text(encoding="utf-8"), url_fetcher=ingen_henting)
    pdf: bytes = HTML(string=html, url_fetcher=ingen_henting).write_pdf(
        stylesheets=[stil], pdf_tags=True
    )
    return pdf
