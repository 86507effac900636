"""The statistics page as tables for the downloads: heading facts, the panels and the history.

Built from the same ``Oversikt`` as the page, so a file holds what the user may see and nothing
else. The cells keep the masking types (``Vist``, ``Maskert``) until a file writer turns them into
text or numbers, so no writer can put out a value that a masked figure never held.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Maskert, Vist
from naervaer.statistikk.oversikt import Enhet, Oversikt, Panel, Tall, enhet_for
from naervaer.statistikk.publisering import datotekst, periodetekst
from naervaer.web.statistikk.templatetags.naervaer import (
    VURDERINGSFORKLARING,
    VURDERINGSTEKST,
    kort_kvartal,
    kvartalstekst,
)

Celle = str | Vist | Maskert | None

# How the spreadsheets write a masked figure: a text that no one reads as a number.
MASKERT_I_REGNEARK = "***"

# Names of heading facts that the PDF report says in its heading and introduction instead.
VIRKSOMHET = "Virksomhet"
PERIODE = "Periode"
SAMMENLIGNET_MED = "Sammenlignet med"
EGNE_TALL = "Virksomhetens egne tall"


class Innhold(Enum):
    """What a column holds, so that each format can show it the right way."""

    TEKST = "tekst"
    PROSENT = "prosent"
    PROSENTPOENG = "prosentpoeng"


@dataclass(frozen=True, slots=True)
class Kolonne:
    navn: str
    innhold: Innhold = Innhold.TEKST


@dataclass(frozen=True, slots=True)
class Tabell:
    tittel: str
    kolonner: tuple[Kolonne, ...]
    rader: tuple[tuple[Celle, ...], ...]


@dataclass(frozen=True, slots=True)
class Eksport:
    tittel: str
    fakta: tuple[tuple[str, str], ...]
    paneler: Tabell
    historikk: Tabell
    merknader: tuple[str, ...]


def orgnr_tekst(orgnr: str) -> str:
    """As Norwegians write it: 987 654 321."""
    return f"{orgnr[:3]} {orgnr[3:6]} {orgnr[6:]}"


def i_setning(enhet: Enhet) -> str:
    return enhet.i_setning


def forklaring(panel: Panel) -> str:
    """The rating in a sentence, as on the page: «Innenfor 10 prosent av bransjen barnehager.»"""
    if panel.sammenligning is None:
        return ""
    grunn = VURDERINGSFORKLARING[panel.sammenligning.vurdering]
    tekst = f"{grunn[0].upper()}{grunn[1:]} {i_setning(panel.referanse.enhet)}."
    if panel.hoy_er_bra:
        tekst += " For gradert sykmelding er høyt bra."
    return tekst


def kvartalsliste(tall: Tall) -> str:
    return ", ".join(str(k) for k in tall.kvartaler)


def _paneltabell(oversikt: Oversikt, periode: Kvartal) -> Tabell:
    referanse = i_setning(oversikt.referanse)
    i_fjor = kort_kvartal(periode - 4)
    kolonner = [Kolonne("Mål")]
    if oversikt.kan_se_egne_tall:
        kolonner += [
            Kolonne(f"{oversikt.virksomhet.navn} (%)", Innhold.PROSENT),
            Kolonne(f"{oversikt.referanse.navn} (%)", Innhold.PROSENT),
            Kolonne("Vurdering"),
            Kolonne("Forklaring"),
            Kolonne(f"Endring fra {i_fjor}, virksomheten (prosentpoeng)", Innhold.PROSENTPOENG),
            Kolonne(f"Endring fra {i_fjor}, {referanse} (prosentpoeng)", Innhold.PROSENTPOENG),
            Kolonne("Kvartaler med tall, virksomheten"),
            Kolonne(f"Kvartaler med tall, {referanse}"),
        ]
    else:
        kolonner += [
            Kolonne(f"{oversikt.referanse.navn} (%)", Innhold.PROSENT),
            Kolonne(f"Endring fra {i_fjor}, {referanse} (prosentpoeng)", Innhold.PROSENTPOENG),
            Kolonne(f"Kvartaler med tall, {referanse}"),
        ]

    rader: list[tuple[Celle, ...]] = []
    for panel in oversikt.paneler:
        ref = panel.referanse
        if panel.egen is not None and panel.sammenligning is not None:
            rader.append(
                (
                    panel.tittel,
                    panel.egen.prosent,
                    ref.prosent,
                    VURDERINGSTEKST[panel.sammenligning.vurdering],
                    forklaring(panel),
                    panel.egen.utvikling.prosentpoeng,
                    ref.utvikling.prosentpoeng,
                    kvartalsliste(panel.egen),
                    kvartalsliste(ref),
                )
            )
        else:
            rader.append(
                (panel.tittel, ref.prosent, ref.utvikling.prosentpoeng, kvartalsliste(ref))
            )
    return Tabell(f"Siste fire kvartaler ({periodetekst(periode)})", tuple(kolonner), tuple(rader))


def _historikktabell(oversikt: Oversikt) -> Tabell:
    # Every line the user may see, not only those ticked for the chart: the choice keeps a chart
    # readable, while a spreadsheet is for working with the figures, where a column too many is
    # deleted in a second and a missing one means going back to the page. Oldest quarter first,
    # as spreadsheet charts and formulas over a time series expect.
    linjer = oversikt.linjer
    kolonner = (
        Kolonne("Kvartal"),
        *(Kolonne(f"{linje.enhet.navn} (%)", Innhold.PROSENT) for linje in linjer),
    )
    rader = tuple(
        (str(kvartal), *(linje.punkter[i].prosent for linje in linjer))
        for i, kvartal in enumerate(oversikt.kvartaler)
    )
    return Tabell("Sykefravær i prosent per kvartal", kolonner, rader)


def fakta(
    oversikt: Oversikt, periode: Kvartal, publisert: date, laget: date
) -> tuple[tuple[str, str], ...]:
    """The heading block: who, what, which period and what the figures are compared with."""
    virksomhet = oversikt.virksomhet
    bransje = oversikt.bransje_eller_naering
    neste_kvartal, neste_dato = oversikt.neste_publisering
    rader = [
        (VIRKSOMHET, virksomhet.navn),
        ("Organisasjonsnummer", orgnr_tekst(virksomhet.orgnr)),
        ("Bransje" if bransje.kategori is Kategori.BRANSJE else "Næring", bransje.navn),
        ("Fylke", enhet_for(Kategori.FYLKE, virksomhet.kommunenummer[:2]).navn),
        (PERIODE, f"{periodetekst(periode)} ({periode - 3}–{periode})"),
        ("Sist oppdatert", datotekst(publisert)),
        ("Neste oppdatering", f"{datotekst(neste_dato)} (tall for {kvartalstekst(neste_kvartal)})"),
        (SAMMENLIGNET_MED, oversikt.referanse.navn),
    ]
    if not oversikt.kan_se_egne_tall:
        rader.append((EGNE_TALL, "Ikke med: du har ikke tilgang til virksomhetens tall."))
    rader.append(("Laget", datotekst(laget)))
    return tuple(rader)


def lag_eksport(oversikt: Oversikt, *, laget: date) -> Eksport:
    """The tables of a download; the overview must have a published period."""
    periode, publisert = oversikt.periode, oversikt.publisert
    if periode is None or publisert is None:
        raise ValueError("det finnes ingen publisert statistikk å lage en fil av")
    terskel = oversikt.terskel.antall_personer
    return Eksport(
        tittel=f"Sykefravær i {oversikt.virksomhet.navn}",
        fakta=fakta(oversikt, periode, publisert, laget),
        paneler=_paneltabell(oversikt, periode),
        historikk=_historikktabell(oversikt),
        merknader=(
            f"{MASKERT_I_REGNEARK} betyr maskert: tall som bygger på færre enn {terskel} "
            "personer, vises aldri.",
            "Tom celle: ingen tall for perioden.",
            "Sykefraværsprosent = tapte dagsverk / mulige dagsverk × 100. Gradert sykmelding er "
            "andelen av det legemeldte fraværet som er gradert. Endring er forskjellen i "
            "prosentpoeng fra samme kvartal året før.",
        ),
    )
