"""The own statistics page as files: CSV for Norwegian Excel and an XLSX workbook.

Built from the same ``Egenoversikt`` as the page, so a file holds what the user may see and
nothing else: a leader's file has the leader's departments only. The cells keep the masking types
until a writer turns them into text or numbers, and only ``Vist`` has a value, so no writer can
put out a figure that was masked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from naervaer.statistikk.egentall import Egenoversikt
from naervaer.statistikk.maskering import Maskert, Vist
from naervaer.statistikk.publisering import datotekst
from naervaer.web.egenstatistikk.tekst import kort_periode, periodenavn
from naervaer.web.statistikk.csvfil import trygg_tekst
from naervaer.web.statistikk.eksport import (
    MASKERT_I_REGNEARK,
    Celle,
    Innhold,
    Kolonne,
    Tabell,
    orgnr_tekst,
)
from naervaer.web.virksomheter.models import Virksomhet


@dataclass(frozen=True, slots=True)
class Egeneksport:
    tittel: str
    fakta: tuple[tuple[str, str], ...]
    tabeller: tuple[Tabell, ...]
    merknader: tuple[str, ...]


def lag_eksport(oversikt: Egenoversikt, virksomhet: Virksomhet, *, laget: date) -> Egeneksport:
    o = oversikt
    naa, da = periodenavn(o.periode), periodenavn(o.i_fjor)
    fakta = (
        ("Virksomhet", virksomhet.navn),
        ("Organisasjonsnummer", orgnr_tekst(virksomhet.orgnr)),
        ("Enhet", o.enhet.navn),
        ("Periode", naa),
        ("Sammenlignet med", da),
        ("Laget", datotekst(laget)),
    )
    kolonner = [
        Kolonne("Mål"),
        Kolonne(f"{naa} (%)", Innhold.PROSENT),
        Kolonne(f"{da} (%)", Innhold.PROSENT),
        Kolonne("Endring (prosentpoeng)", Innhold.PROSENTPOENG),
    ]
    if o.bransje is not None:
        kolonner.append(Kolonne(f"{o.bransje.navn}, {naa} (%)", Innhold.PROSENT))
    nokkeltall = Tabell(
        f"Sykefravær i {o.enhet.navn}, {naa}",
        tuple(kolonner),
        tuple(
            (n.navn, n.naa, n.i_fjor, n.endring, *((n.bransje,) if o.bransje else ()))
            for n in o.nokkeltall
        ),
    )
    avdelinger = Tabell(
        f"Per avdeling, {naa}",
        (
            Kolonne("Avdeling"),
            Kolonne("Personer"),
            Kolonne("Sykefravær (%)", Innhold.PROSENT),
            Kolonne("Egenmeldt (%)", Innhold.PROSENT),
            Kolonne("Legemeldt (%)", Innhold.PROSENT),
            Kolonne(f"Endring fra {da} (prosentpoeng)", Innhold.PROSENTPOENG),
        ),
        tuple(
            (
                r.navn if r.overordnet is None else f"{r.navn} (under {r.overordnet})",
                r.antall_personer,
                r.totalt,
                r.egenmeldt,
                r.legemeldt,
                r.endring,
            )
            for r in o.avdelinger
        ),
    )
    historikk = Tabell(
        f"Utvikling for {o.enhet.navn}",
        (
            Kolonne("Periode"),
            *(Kolonne(f"{s.navn} (%)", Innhold.PROSENT) for s in o.serier),
        ),
        tuple((kort_periode(p), *rad) for p, rad in o.historikkrader()),
    )
    merknader = (
        f"{MASKERT_I_REGNEARK}: tallet vises ikke fordi det bygger på færre enn "
        f"{o.terskel.antall_personer} personer, eller fordi det sammen med tallene som vises "
        "ville avsløre et slikt tall.",
        "Tallene er beregnet fra fraværet og arbeidsforholdene som er registrert i Nærvær. "
        "Helligdager er ikke trukket fra de mulige dagsverkene.",
    )
    return Egeneksport(
        f"Egne tall for {virksomhet.navn}, {naa}",
        fakta,
        (nokkeltall, avdelinger, historikk),
        merknader,
    )


# --- CSV --------------------------------------------------------------------------------------


def _csv_celle(celle: Celle) -> str:
    match celle:
        case Vist(verdi=verdi):
            # Norwegian Excel reads «-0,4» as a number; the figure is rounded already.
            return format(verdi, "f").replace(".", ",")
        case Maskert():
            return MASKERT_I_REGNEARK
        case None:
            return ""
    return trygg_tekst(celle)


def som_csv(eksport: Egeneksport) -> bytes:
    """Semicolons, decimal commas, CRLF and a byte order mark, as the statistics page's CSV."""
    tekst = io.StringIO(newline="")
    skriver = csv.writer(tekst, delimiter=";", lineterminator="\r\n")
    skriver.writerow([trygg_tekst(eksport.tittel)])
    skriver.writerows([navn, trygg_tekst(verdi)] for navn, verdi in eksport.fakta)
    for tabell in eksport.tabeller:
        skriver.writerow([])
        skriver.writerow([trygg_tekst(tabell.tittel)])
        skriver.writerow([trygg_tekst(k.navn) for k in tabell.kolonner])
        skriver.writerows([_csv_celle(c) for c in rad] for rad in tabell.rader)
    skriver.writerow([])
    skriver.writerows([trygg_tekst(m)] for m in eksport.merknader)
    return tekst.getvalue().encode("utf-8-sig")


# --- XLSX -------------------------------------------------------------------------------------

_TALLFORMAT = {Innhold.PROSENT: "0.0", Innhold.PROSENTPOENG: "+0.0;-0.0;0.0"}


def som_xlsx(eksport: Egeneksport) -> bytes:
    """One sheet per table; real numbers with one decimal, «***» where masked."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    fet, tittel, hoyre = Font(bold=True), Font(bold=True, size=14), Alignment(horizontal="right")

    def tekst(ark: Worksheet, rad: int, kolonne: int, verdi: str, font: Font | None = None) -> None:
        celle = ark.cell(row=rad, column=kolonne)
        celle.value = verdi
        # openpyxl turns a text that starts with «=» into a formula; a text cell stays text.
        celle.data_type = "s"
        if font is not None:
            celle.font = font

    def bredder(ark: Worksheet, rader: Iterable[Iterable[object]]) -> None:
        bredde: dict[int, int] = {}
        for rad in rader:
            for k, celle in enumerate(rad, start=1):
                lengde = len(celle) if isinstance(celle, str) else 8
                bredde[k] = max(bredde.get(k, 0), lengde)
        for k, tegn in bredde.items():
            ark.column_dimensions[get_column_letter(k)].width = min(max(tegn + 2, 10), 48)

    bok = Workbook()
    bok.properties.title = eksport.tittel
    bok.properties.creator = "Nærvær"
    bok.properties.language = "nb-NO"
    forside: Worksheet = bok.active
    forside.title = "Om tallene"
    tekst(forside, 1, 1, eksport.tittel, tittel)
    for i, (navn, verdi) in enumerate(eksport.fakta, start=3):
        tekst(forside, i, 1, navn, fet)
        tekst(forside, i, 2, verdi)
    for i, merknad in enumerate(eksport.merknader, start=len(eksport.fakta) + 4):
        tekst(forside, i, 1, merknad)
    bredder(forside, eksport.fakta)

    for tabell, arknavn in zip(
        eksport.tabeller, ("Nøkkeltall", "Per avdeling", "Utvikling"), strict=True
    ):
        ark: Worksheet = bok.create_sheet(arknavn)
        tekst(ark, 1, 1, tabell.tittel, tittel)
        for k, kolonne in enumerate(tabell.kolonner, start=1):
            tekst(ark, 2, k, kolonne.navn, fet)
            ark.cell(row=2, column=k).alignment = Alignment(wrap_text=True, vertical="bottom")
        for r, rad in enumerate(tabell.rader, start=3):
            for k, (kolonne, celleverdi) in enumerate(
                zip(tabell.kolonner, rad, strict=True), start=1
            ):
                match celleverdi:
                    case Vist(verdi=tall):
                        celle = ark.cell(row=r, column=k, value=_tall(tall))
                        celle.number_format = _TALLFORMAT.get(kolonne.innhold, "General")
                    case Maskert():
                        tekst(ark, r, k, MASKERT_I_REGNEARK)
                        ark.cell(row=r, column=k).alignment = hoyre
                    case str():
                        tekst(ark, r, k, celleverdi)
        ark.freeze_panes = "B3"
        bredder(ark, tabell.rader)
    fil = io.BytesIO()
    bok.save(fil)
    return fil.getvalue()


def _tall(verdi: Decimal) -> int | float:
    return int(verdi) if verdi == verdi.to_integral_value() else float(verdi)
