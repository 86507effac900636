"""The shapes of the API's answers, with the Norwegian descriptions the OpenAPI document shows.

Percentages and percentage points are JSON numbers with one decimal (8.1, 25.0, -0.3), rounded
half-up as on the pages; ``svar.py`` is the only place a shown ``Decimal`` becomes a number. A
masked figure is ``null`` with ``"maskert": true`` beside it: the masking type has no value, so
there is nothing else to write. Every schema forbids unknown fields, so the document lists every
key an answer can hold.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.oversikt import Grunnlag, Maal
from naervaer.statistikk.vurdering import Vurdering


def _valg(verdier: type[StrEnum], beskrivelse: str) -> WithJsonSchema:
    # The domain enums carry English docstrings; the document shows the values with Norwegian
    # text instead, and validation still goes through the enum itself.
    return WithJsonSchema(
        {"type": "string", "enum": [v.value for v in verdier], "description": beskrivelse}
    )


GRUNNLAG_BESKRIVELSE = (
    "Hva virksomheten sammenlignes med: bransje (bransjen, eller næringen når virksomheten ikke "
    "er i en bransje), sektor, land (hele landet), fylke eller storrelse (virksomheter med like "
    "mange personer)."
)

Grunnlagsvalg = Annotated[Grunnlag, _valg(Grunnlag, GRUNNLAG_BESKRIVELSE)]
Maalvalg = Annotated[
    Maal,
    _valg(
        Maal,
        "Målet: totalt, egenmeldt, legemeldt, gradert (andelen av det legemeldte fraværet som er "
        "gradert sykmelding), korttid (1–16 dager) eller langtid (17 dager eller mer).",
    ),
]
Kategorivalg = Annotated[Kategori, _valg(Kategori, "Statistikkategorien enheten hører til.")]
Vurderingsvalg = Annotated[
    Vurdering,
    _valg(
        Vurdering,
        "OVER: mer enn 10 prosent over sammenligningen; UNDER: mer enn 10 prosent under; "
        "MIDDELS: innenfor (grensene regnes som middels); MASKERT: virksomhetens tall er "
        "maskert; UFULLSTENDIG_DATA: tallet dekker færre enn fire kvartaler; INGEN_DATA: det "
        "mangler tall å sammenligne.",
    ),
]
Kvartaltekst = Annotated[
    str, Field(pattern=r"^\d{4}K[1-4]$", description="Et kvartal på formen 2025K4.")
]
Orgnr = Annotated[str, Field(description="Organisasjonsnummeret, 9 siffer.")]
Prosent = Annotated[
    float | None,
    Field(
        description="Sykefraværsprosenten som tall med én desimal, avrundet halvt opp (8.1). "
        "null når tallet er maskert (se maskert) eller når det mangler data."
    ),
]
Maskert = Annotated[
    bool,
    Field(
        description="true når tallet bygger på færre personer enn maskeringsterskelen og derfor "
        "ikke vises; tallet ved siden av er da null."
    ),
]
Maskeringsterskel = Annotated[
    int, Field(description="Tall fra færre personer enn dette vises ikke (minst 5).")
]


class Svar(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Feil(Svar):
    """Hvorfor forespørselen ikke ga noe svar."""

    detail: str = Field(description="Feilmeldingen, på norsk.")


class Virksomhet(Svar):
    """En virksomhet brukeren er knyttet til, og hva brukeren har lov til der."""

    orgnr: Orgnr
    navn: str = Field(description="Virksomhetens navn.")
    kan_se_statistikk: bool = Field(
        description="Om brukeren kan se virksomhetens egne tall (administratorer kan alltid)."
    )
    er_administrator: bool = Field(
        description="Om brukeren kan gi andre tilgang til virksomhetens tall."
    )
    rolle: str = Field(
        description=(
            "Brukerens rolle i virksomheten: ADMINISTRATOR, HR, LEDER, VERNEOMBUD, "
            "TILLITSVALGT, STATISTIKK eller ANSATT."
        )
    )


class Virksomheter(Svar):
    """Virksomhetene brukeren er knyttet til, sortert etter navn."""

    virksomheter: list[Virksomhet]


class Enhet(Svar):
    """En statistikkenhet: virksomheten selv eller det den sammenlignes med."""

    kategori: Kategorivalg
    kode: str = Field(description="Enhetens kode i kategorien (orgnr, bransje, fylkesnummer …).")
    navn: str = Field(description="Navnet sidene bruker for enheten.")


class Trend(Svar):
    """Endringen fra samme kvartal året før, i prosentpoeng."""

    periode: Kvartaltekst
    sammenlignet_med: Kvartaltekst
    prosentpoeng: float | None = Field(
        description="Prosenten i periode minus prosenten i sammenlignet_med, med én desimal. "
        "null når den er maskert (ett av kvartalene har for få personer) eller når et av "
        "kvartalene mangler data."
    )
    maskert: Maskert


class Tall(Svar):
    """Én enhets tall for ett mål over de siste fire kvartalene."""

    enhet: Enhet
    prosent: Prosent
    maskert: Maskert
    kvartaler: list[Kvartaltekst] = Field(
        description="Kvartalene tallet bygger på; kvartaler uten data er hoppet over."
    )
    trend: Trend


class Panel(Svar):
    """Ett mål: virksomhetens tall, tallet den sammenlignes med og vurderingen."""

    maal: Maalvalg
    tittel: str = Field(description="Målets navn slik sidene viser det.")
    hoy_er_bra: bool = Field(description="true når et høyt tall er bra (gradert sykmelding).")
    egen: Tall | None = Field(
        description="Virksomhetens eget tall; null når brukeren mangler statistikkretten."
    )
    referanse: Tall = Field(description="Tallet virksomheten sammenlignes med.")
    vurdering: Vurderingsvalg | None = Field(
        description="Virksomhetens tall vurdert mot referansen; null uten statistikkretten."
    )
    vurdering_er_positiv: bool | None = Field(
        description="Om vurderingen er gode nyheter; null for MIDDELS og når det ikke er noen "
        "sammenligning."
    )


class Periode(Svar):
    """De fire kvartalene tallene gjelder, og når de ble publisert."""

    kvartal: Kvartaltekst = Field(description="Det siste av de fire kvartalene.")
    fra: date = Field(description="Første dag i perioden.")
    til: date = Field(description="Siste dag i perioden.")
    tekst: str = Field(description="Perioden slik sidene skriver den: «1. januar 2025 – …».")
    publisert: date = Field(description="Dagen tallene for kvartalet ble publisert.")


class Statistikk(Svar):
    """Virksomhetens sykefravær de siste fire kvartalene, mål for mål, mot en sammenligning."""

    virksomhet: Virksomhet
    kan_se_egne_tall: bool = Field(
        description="false når brukeren mangler statistikkretten: da er egen og vurdering null "
        "i alle paneler, og bare sammenligningstallene vises."
    )
    maskeringsterskel: Maskeringsterskel
    periode: Periode | None = Field(
        description="null når det ikke er publisert statistikk ennå; paneler er da tom."
    )
    sammenlign: Grunnlagsvalg = Field(
        description="Sammenligningen som ble brukt. Uten størrelsesklasse for virksomheten "
        "brukes bransje i stedet for storrelse."
    )
    referanse: Enhet = Field(description="Enheten virksomheten sammenlignes med.")
    paneler: list[Panel]


class Punkt(Svar):
    """Én linjes sykefraværsprosent i ett kvartal."""

    kvartal: Kvartaltekst
    prosent: Prosent
    maskert: Maskert


class Linje(Svar):
    """Én enhets sykefravær kvartal for kvartal."""

    nokkel: str = Field(
        description="Hvilken linje: virksomhet, bransje (eller næring), sektor, land, fylke eller "
        "storrelse. virksomhet finnes bare med statistikkretten, storrelse bare når virksomheten "
        "har en størrelsesklasse. Den overordnede enheten vises ikke: den minus virksomheten "
        "kunne gitt et maskert tall for en annen virksomhet i samme konsern."
    )
    enhet: Enhet
    punkter: list[Punkt] = Field(description="Ett punkt per kvartal i kvartaler, eldste først.")


class Historikk(Svar):
    """Sykefraværet kvartal for kvartal for virksomheten og det den sammenlignes med."""

    virksomhet: Virksomhet
    kan_se_egne_tall: bool = Field(
        description="false når brukeren mangler statistikkretten: da mangler linjen virksomhet."
    )
    maskeringsterskel: Maskeringsterskel
    periode: Kvartaltekst | None = Field(
        description="Det siste publiserte kvartalet; null uten publisert statistikk."
    )
    kvartaler: list[Kvartaltekst] = Field(
        description="Alle kvartalene i historikken, eldste først."
    )
    linjer: list[Linje]


class Publisering(Svar):
    """Hvilken periode tallene gjelder, når de ble publisert og når neste kvartal kommer."""

    periode: Kvartaltekst | None = Field(
        description="Det siste kvartalet som både er publisert og finnes i dataene; null uten "
        "publisert statistikk."
    )
    periodetekst: str | None = Field(
        description="De fire kvartalene slik sidene skriver dem: «1. januar 2025 – …»."
    )
    publisert: date | None = Field(description="Dagen tallene for periode ble publisert.")
    neste_periode: Kvartaltekst = Field(description="Det neste kvartalet som publiseres.")
    neste_publisering: date = Field(description="Dagen neste_periode etter planen publiseres.")
