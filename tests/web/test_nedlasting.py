"""Downloads of the statistics page: CSV, XLSX and the PDF report, read back as a user would."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zlib
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from django.http import HttpResponse, QueryDict
from django.test import Client
from openpyxl import load_workbook

from naervaer.web.statistikk.rapport import rapport_html
from naervaer.web.statistikk.sidevalg import les_sidevalg
from naervaer.web.statistikk.views import oversikt_for
from naervaer.web.virksomheter.tilgang import rettigheter
from tests.web.conftest import (
    HEMMELIG_PROSENT,
    HEMMELIG_PROSENT_PUNKTUM,
    SMAABYGG,
    SOLSIKKEN,
    Installasjon,
)

pytestmark = pytest.mark.django_db

FORMATER = ("csv", "xlsx", "pdf")
ALLE_KVARTALER = "2025K1, 2025K2, 2025K3, 2025K4"


def pst(tapte: float, mulige: float) -> Decimal:
    """The percentage worked out by hand: one decimal, half up."""
    return (Decimal(str(tapte)) * 100 / Decimal(str(mulige))).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def norsk(verdi: Decimal) -> str:
    return str(verdi).replace(".", ",")


# Solsikken: 2 400 mulige dagsverk and 190, 193, 196, 199 tapte in the quarters of each year.
EGEN_TOTALT = pst(190 + 193 + 196 + 199, 4 * 2400)  # 8,1
BRANSJE_TOTALT = pst(450_000, 5_000_000)  # 9,0
# The fixture's breakdowns: a quarter of the loss egenmeldt, the rest legemeldt.
EGEN_EGENMELDT = pst((190 + 193 + 196 + 199) / 4, 4 * 2400)  # 2,0
BRANSJE_EGENMELDT = pst(450_000 / 4, 5_000_000)  # 2,25 → 2,3
# The figures only a user with the right may see: Solsikken per quarter and its overordnet enhet.
EGNE_KVARTALSTALL = {norsk(pst(t, 2400)) for t in (190, 193, 196, 199)}  # 7,9 8,0 8,2 8,3
KONSERN_KVARTALSTALL = {norsk(pst(t, 3650)) for t in (362, 365, 368, 371)}  # 9,9 … 10,2


def hent(client: Client, orgnr: str, format: str, **parametre: Any) -> HttpResponse:
    svar = client.get(f"/virksomhet/{orgnr}/sykefravaer.{format}", parametre)
    assert svar.status_code == 200, svar.status_code
    return svar  # type: ignore[return-value]


def csv_rader(svar: HttpResponse) -> list[list[str]]:
    innhold = svar.content
    assert innhold.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    assert innhold.count(b"\n") == innhold.count(b"\r\n") > 0
    return list(csv.reader(io.StringIO(innhold.decode("utf-8-sig"), newline=""), delimiter=";"))


def rad(rader: list[list[Any]], forste: str) -> list[Any]:
    treff = [r for r in rader if r and r[0] == forste]
    assert len(treff) == 1, f"{forste!r}: {len(treff)} rader"
    return treff[0]


def ark_rader(ark: Any) -> list[list[Any]]:
    return [list(r) for r in ark.iter_rows(values_only=True)]


def pdf_objekter(pdf: bytes) -> bytes:
    """The PDF's objects with their streams inflated, since WeasyPrint compresses them."""
    deler = [pdf]
    for strom in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, flags=re.S):
        try:
            deler.append(zlib.decompress(strom.group(1)))
        except zlib.error:
            continue
    return b"\n".join(deler)


def rapport(bruker: Any, orgnr: str, parametre: str = "") -> str:
    """The report's HTML as the PDF download renders it, as one line of visible text (the
    chart's SVG left out)."""
    oversikt = oversikt_for(rettigheter(bruker, orgnr), les_sidevalg(QueryDict(parametre)))
    html = rapport_html(oversikt, les_sidevalg(QueryDict(parametre)), laget=date(2026, 3, 2))
    return html


def synlig(html: str) -> str:
    uten_svg = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    uten_hode = re.sub(r"<head>.*?</head>", " ", uten_svg, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", uten_hode)).strip()


# --- Headers and access ---------------------------------------------------------------------------


def vedlegg(svar: HttpResponse, innholdstype: str, endelse: str) -> None:
    """An attachment named by virksomhet and period (the data end in 2025K4, the current period)
    that no cache may keep: the figures are health data."""
    assert svar["Content-Type"] == innholdstype
    filnavn = f"sykefravaer-{SOLSIKKEN}-2025K4.{endelse}"
    assert svar["Content-Disposition"] == f'attachment; filename="{filnavn}"'
    assert svar["Cache-Control"] == "private, no-store"


def test_a_download_is_an_attachment_no_cache_keeps(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    vedlegg(hent(client, SOLSIKKEN, "csv"), "text/csv; charset=utf-8", "csv")
    vedlegg(
        hent(client, SOLSIKKEN, "xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    )
    # The PDF's headers are asserted where it is rendered, below.


def test_only_users_tied_to_the_virksomhet_get_files(
    client: Client, installasjon: Installasjon
) -> None:
    for format in FORMATER:
        svar = client.get(f"/virksomhet/{SOLSIKKEN}/sykefravaer.{format}")
        assert svar.status_code == 302 and svar["Location"].startswith("/logg-inn/")
    client.force_login(installasjon.fremmed)
    for format in FORMATER:
        assert client.get(f"/virksomhet/{SOLSIKKEN}/sykefravaer.{format}").status_code == 404
    # The same answer as for an organisasjonsnummer that does not exist.
    assert client.get("/virksomhet/999999999/sykefravaer.csv").status_code == 404


def test_unknown_formats_and_methods_are_refused(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    for format in ("docx", "CSV", "json", "csv.exe"):
        assert client.get(f"/virksomhet/{SOLSIKKEN}/sykefravaer.{format}").status_code == 404
    assert client.post(f"/virksomhet/{SOLSIKKEN}/sykefravaer.csv").status_code == 405


def test_without_published_statistics_there_is_no_file(
    client: Client, installasjon: Installasjon
) -> None:
    from naervaer.web.statistikk.models import Kvartalsstatistikk

    # The period follows from the national figures; without them nothing is published.
    Kvartalsstatistikk.objects.filter(kategori="LAND").delete()
    client.force_login(installasjon.leser)
    assert client.get(f"/virksomhet/{SOLSIKKEN}/sykefravaer.csv").status_code == 404


# --- CSV ------------------------------------------------------------------------------------------


def test_csv_holds_the_heading_the_panels_and_the_history(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    # Only one line is ticked on the page; the file still has every line (see eksport.py).
    rader = csv_rader(hent(client, SOLSIKKEN, "csv", linje="virksomhet"))

    assert rader[0] == ["Sykefravær i Solsikken barnehage AS"]
    assert rad(rader, "Organisasjonsnummer") == ["Organisasjonsnummer", "910 000 001"]
    assert rad(rader, "Bransje") == ["Bransje", "Bransjen barnehager"]
    assert rad(rader, "Periode")[1].startswith("1. januar 2025 – 31. desember 2025")
    assert rad(rader, "Sist oppdatert") == ["Sist oppdatert", "26. februar 2026"]
    assert rad(rader, "Sammenlignet med") == ["Sammenlignet med", "Bransjen barnehager"]

    overskrift = rad(rader, "Mål")
    assert overskrift[1:3] == ["Solsikken barnehage AS (%)", "Bransjen barnehager (%)"]
    totalt = rad(rader, "Sykefravær totalt")
    # 8,1 is exactly 0,9 × 9,0: MIDDELS. The same quarters a year apart have the same loss, so
    # the change is 0,0 for both. Decimal comma and no unit: Excel reads a number.
    assert totalt == [
        "Sykefravær totalt",
        norsk(EGEN_TOTALT),
        norsk(BRANSJE_TOTALT),
        "Middels",
        "Innenfor 10 prosent av bransjen barnehager.",
        "0,0",
        "0,0",
        ALLE_KVARTALER,
        ALLE_KVARTALER,
    ]
    egenmeldt = rad(rader, "Egenmeldt sykefravær")
    # 2,0 < 0,9 × 2,3 = 2,07: UNDER
    assert egenmeldt[1:4] == [norsk(EGEN_EGENMELDT), norsk(BRANSJE_EGENMELDT), "Under"]
    assert rad(rader, "Gradert sykmelding")[1:3] == ["25,0", "25,0"]  # a quarter of legemeldt

    assert rad(rader, "Kvartal") == [
        "Kvartal",
        "Solsikken barnehage AS (%)",
        "Bransjen barnehager (%)",
        "Privat og offentlig næringsvirksomhet (%)",
        "Hele landet (%)",
        "Oslo (%)",
        "Virksomheter med 5-19 personer (%)",
    ]
    forste = [
        pst(190, 2400),
        BRANSJE_TOTALT,
        pst(6_000_000, 110_000_000),
        pst(10_000_000, 160_000_000),  # exactly 6,25: half up
        pst(1_400_000, 25_000_000),
        pst(1_100_000, 18_000_000),
    ]
    assert rad(rader, "2024K1")[1:] == [norsk(v) for v in forste]
    assert rad(rader, "2025K4")[1:3] == [norsk(pst(199, 2400)), norsk(BRANSJE_TOTALT)]
    # The overordnet enhet minus Solsikken would give masked Småbygg: not in any file.
    assert not any("Overordnet enhet" in celle for r in rader for celle in r)
    kvartaler = [r[0] for r in rader if re.fullmatch(r"\d{4}K[1-4]", r[0] if r else "")]
    assert kvartaler == sorted(kvartaler) and len(kvartaler) == 8  # oldest first

    assert any(r and r[0].startswith("*** betyr maskert") for r in rader)


def test_csv_of_a_small_virksomhet_shows_stars(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.admin)
    svar = hent(client, SMAABYGG, "csv", linje=["virksomhet", "bransje"])
    tekst = svar.content.decode("utf-8-sig")
    assert HEMMELIG_PROSENT not in tekst and HEMMELIG_PROSENT_PUNKTUM not in tekst
    rader = csv_rader(svar)
    totalt = rad(rader, "Sykefravær totalt")
    bygg = pst(280_000, 4_000_000)  # 7,0
    assert totalt[1:4] == ["***", norsk(bygg), "Maskert"]
    assert totalt[5:7] == ["***", "0,0"]  # the own change is masked too, the bransje's is not
    egne = [rad(rader, f"{ar}K{k}")[1] for ar in (2024, 2025) for k in (1, 2, 3, 4)]
    assert egne == ["***"] * 8


def test_csv_without_the_right_holds_benchmarks_only(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.uten_rett)
    rader = csv_rader(hent(client, SOLSIKKEN, "csv", linje=["virksomhet", "overordnet"]))
    celler = {celle for r in rader for celle in r}
    assert not celler & EGNE_KVARTALSTALL
    assert not celler & KONSERN_KVARTALSTALL
    assert norsk(EGEN_TOTALT) not in celler
    assert rad(rader, "Mål") == [
        "Mål",
        "Bransjen barnehager (%)",
        "Endring fra 4. kv. 2024, bransjen barnehager (prosentpoeng)",
        "Kvartaler med tall, bransjen barnehager",
    ]
    assert rad(rader, "Sykefravær totalt") == [
        "Sykefravær totalt",
        norsk(BRANSJE_TOTALT),
        "0,0",
        ALLE_KVARTALER,
    ]
    assert rad(rader, "Kvartal")[1] == "Bransjen barnehager (%)"
    assert not any("Solsikken barnehage AS (%)" in c or "Overordnet" in c for c in celler)


# --- XLSX -----------------------------------------------------------------------------------------


def test_xlsx_has_real_numbers_and_two_sheets(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    bok = load_workbook(io.BytesIO(hent(client, SOLSIKKEN, "xlsx").content))
    assert bok.sheetnames == ["Siste fire kvartaler", "Utvikling per kvartal"]

    paneler = bok["Siste fire kvartaler"]
    rader = ark_rader(paneler)
    assert rader[0][0] == "Sykefravær i Solsikken barnehage AS"
    assert rad(rader, "Periode")[1].startswith("1. januar 2025 – 31. desember 2025")
    overskrift = next(r for r in paneler.iter_rows() if r[0].value == "Mål")
    assert all(celle.font.b for celle in overskrift if celle.value)
    totalt = next(r for r in paneler.iter_rows() if r[0].value == "Sykefravær totalt")
    # Numbers, not text: Excel shows them with the reader's decimal comma.
    assert totalt[1].value == float(EGEN_TOTALT) and totalt[1].number_format == "0.0"
    assert totalt[2].value == float(BRANSJE_TOTALT)
    assert totalt[3].value == "Middels"
    assert totalt[5].value == 0.0 and totalt[5].number_format.startswith("+0.0")
    # Room for the measure's name: «Langtidsfravær (17 dager eller mer)» is 35 characters.
    assert paneler.column_dimensions["A"].width >= 35

    historikk = ark_rader(bok["Utvikling per kvartal"])
    assert rad(historikk, "Kvartal")[1:3] == [
        "Solsikken barnehage AS (%)",
        "Bransjen barnehager (%)",
    ]
    assert rad(historikk, "2024K1")[1:3] == [float(pst(190, 2400)), float(BRANSJE_TOTALT)]
    assert rad(historikk, "2025K4")[1] == float(pst(199, 2400))


def test_xlsx_masks_and_hides_what_it_must(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.admin)
    bok = load_workbook(io.BytesIO(hent(client, SMAABYGG, "xlsx").content))
    celler = [c for ark in bok.worksheets for r in ark_rader(ark) for c in r if c is not None]
    assert 13.7 not in celler
    assert not any(HEMMELIG_PROSENT in str(c) or HEMMELIG_PROSENT_PUNKTUM in str(c) for c in celler)
    totalt = rad(ark_rader(bok["Siste fire kvartaler"]), "Sykefravær totalt")
    assert totalt[1:4] == ["***", float(pst(280_000, 4_000_000)), "Maskert"]
    assert rad(ark_rader(bok["Utvikling per kvartal"]), "2025K4")[1] == "***"

    client.force_login(installasjon.uten_rett)
    bok = load_workbook(io.BytesIO(hent(client, SOLSIKKEN, "xlsx", linje="virksomhet").content))
    celler = [c for ark in bok.worksheets for r in ark_rader(ark) for c in r if c is not None]
    egne = {float(pst(t, 2400)) for t in (190, 193, 196, 199)} | {float(EGEN_TOTALT)}
    assert not egne & {c for c in celler if isinstance(c, float)}
    assert "Solsikken barnehage AS (%)" not in celler


# --- PDF ------------------------------------------------------------------------------------------
# The figures are asserted in the HTML the PDF is printed from, and in the PDF's own text as
# poppler's pdftotext reads it, as a reader's PDF viewer would. Few renderings: each takes most of
# a second.


def pdf_tekst(pdf: bytes) -> str:
    lest = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return re.sub(r"\s+", " ", lest.stdout.decode())


def test_the_pdf_report_has_panels_chart_and_table(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    svar = hent(client, SOLSIKKEN, "pdf", linje=["virksomhet", "bransje"])
    vedlegg(svar, "application/pdf", "pdf")
    pdf = svar.content
    assert pdf.startswith(b"%PDF-")
    objekter = pdf_objekter(pdf)
    sider = re.findall(rb"/Type\s*/Page\b(?!s)", objekter)
    assert len(sider) >= 2  # the panels, then the chart and the table
    assert len(re.findall(rb"/MediaBox \[0 0 595\.\d+ 841\.\d+\]", objekter)) == len(sider)  # A4
    lest = pdf_tekst(pdf)
    assert "Sykefravær i Solsikken barnehage AS" in lest
    assert f"{norsk(EGEN_TOTALT)} %" in lest and f"{norsk(BRANSJE_TOTALT)} %" in lest
    assert "færre enn 5 personer" in lest

    html = rapport(installasjon.leser, SOLSIKKEN, "linje=virksomhet&linje=bransje")
    t = synlig(html)
    assert "Sykefravær i Solsikken barnehage AS" in t
    assert "Siste fire kvartaler: 1. januar 2025 – 31. desember 2025 (2025K1–2025K4)" in t
    assert "Organisasjonsnummer 910 000 001" in t and "Sist oppdatert 26. februar 2026" in t
    egen, bransje = norsk(EGEN_TOTALT), norsk(BRANSJE_TOTALT)
    assert f"Sykefravær totalt Solsikken barnehage AS {egen} % Bransjen barnehager {bransje} %" in t
    assert "Middels Innenfor 10 prosent av bransjen barnehager." in t
    assert "Endring, virksomheten 0,0 prosentpoeng" in t
    # The chart: the page's SVG for the two chosen lines, with its styles inside it for WeasyPrint.
    svg = re.search(r'<svg class="diagram".*?</svg>', html, flags=re.S)
    assert svg is not None and "<style>" in svg.group(0)
    assert svg.group(0).count('stroke-width="2.5"') == 2
    # The table, newest first: 199 / 2 400 = 8,3 against 9,0.
    assert f"4. kv. 2025 {norsk(pst(199, 2400))} {norsk(BRANSJE_TOTALT)}" in t
    assert f"1. kv. 2024 {norsk(pst(190, 2400))} {norsk(BRANSJE_TOTALT)}" in t
    assert "Tall som bygger på færre enn 5 personer, vises aldri." in t


def test_the_pdf_report_keeps_masked_figures_masked(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    pdf = hent(client, SMAABYGG, "pdf", linje=["virksomhet", "land"]).content
    assert pdf.startswith(b"%PDF-")
    lest = pdf_tekst(pdf)
    assert "Maskert" in lest
    assert HEMMELIG_PROSENT not in lest and HEMMELIG_PROSENT_PUNKTUM not in lest

    html = rapport(installasjon.admin, SMAABYGG, "linje=virksomhet&linje=land")
    assert HEMMELIG_PROSENT not in html and HEMMELIG_PROSENT_PUNKTUM not in html
    t = synlig(html)
    assert f"Småbygg AS Maskert Bransjen bygg {norsk(pst(280_000, 4_000_000))} %" in t
    assert "Noen tall vises ikke." in t
    # The masked line is a gap in the chart: only the national line is drawn.
    assert html.count('stroke-width="2.5"') == 1
    assert f"4. kv. 2025 Maskert {norsk(pst(10_000_007, 160_000_000))}" in t


def test_the_pdf_report_without_the_right_has_benchmarks_only(installasjon: Installasjon) -> None:
    html = rapport(installasjon.uten_rett, SOLSIKKEN, "linje=virksomhet&linje=overordnet")
    t = synlig(html)
    assert "Bare sammenligningstall." in t
    assert f"Sykefravær totalt Bransjen barnehager {norsk(BRANSJE_TOTALT)} %" in t
    for tall in EGNE_KVARTALSTALL | KONSERN_KVARTALSTALL | {norsk(EGEN_TOTALT)}:
        assert f" {tall} " not in f" {t} "
    assert "Endring, virksomheten" not in t
