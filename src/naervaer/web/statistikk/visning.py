"""One unit's statistics as the user sees them: JSON and a Norwegian table.

Every number leaves through the masking types. The JSON serializer accepts ``Vist`` and
``Maskert`` and refuses bare numbers, so a figure that skipped the masking step fails loudly
instead of leaking.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from naervaer.statistikk import aggregering
from naervaer.statistikk.aggregering import Kvartalstall
from naervaer.statistikk.enheter import Kategori, enhetsnavn
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import (
    STANDARD_TERSKEL,
    Figur,
    Maskert,
    Terskel,
    Vist,
)
from naervaer.statistikk.publisering import gjeldende_periode, periodetekst
from naervaer.statistikk.tallformat import norsk_tall


@dataclass(frozen=True, slots=True)
class Kvartalsfigur:
    periode: Kvartal
    prosent: Figur | None


@dataclass(frozen=True, slots=True)
class Enhetsstatistikk:
    kategori: str
    kode: str
    periode: Kvartal
    terskel: Terskel
    kvartaler: tuple[Kvartal, ...]  # the quarters the four-quarter figures are made of
    prosent: Figur | None
    antall_personer: Figur | None
    tapte_dagsverk: Figur | None
    mulige_dagsverk: Figur | None
    er_maskert: bool
    trend: aggregering.Trend
    historikk: tuple[Kvartalsfigur, ...]


def lag_enhetsstatistikk(
    kategori: str,
    kode: str,
    rader: Sequence[Kvartalstall],
    periode: Kvartal | None = None,
    terskel: Terskel = STANDARD_TERSKEL,
) -> Enhetsstatistikk:
    """The figures for ``periode``; ``rader`` must not be empty.

    The default is the current period: the newest quarter in the data that is published by today
    (spec §6, never a constant), or the newest in the data when none of it is published yet.
    """
    if periode is None:
        tilgjengelige = [rad.kvartal for rad in rader]
        periode = gjeldende_periode(tilgjengelige, date.today()) or max(tilgjengelige)
    siste = aggregering.siste_fire_kvartaler(rader, periode)
    return Enhetsstatistikk(
        kategori=kategori,
        kode=kode,
        periode=periode,
        terskel=terskel,
        kvartaler=siste.kvartaler,
        prosent=aggregering.prosent(siste.tall, terskel=terskel),
        antall_personer=aggregering.antall_personer(siste.tall, terskel),
        tapte_dagsverk=aggregering.tapte_dagsverk(siste.tall, terskel=terskel),
        mulige_dagsverk=aggregering.mulige_dagsverk(siste.tall, terskel),
        er_maskert=siste.er_maskert(terskel),
        trend=aggregering.trend(rader, periode, terskel=terskel),
        historikk=tuple(
            Kvartalsfigur(rad.kvartal, aggregering.prosent(rad.tall, terskel=terskel))
            for rad in sorted(rader, key=lambda r: r.kvartal)
            if rad.kvartal <= periode
        ),
    )


# --- JSON -----------------------------------------------------------------------------------------


def som_json(statistikk: Enhetsstatistikk) -> dict[str, object]:
    """The JSON structure, with figures still as masking types (``til_json_tekst`` turns them into
    text)."""
    return {
        "kategori": statistikk.kategori,
        "kode": statistikk.kode,
        "periode": statistikk.periode,
        "siste_fire_kvartaler": {
            "prosent": statistikk.prosent,
            "kvartaler": list(statistikk.kvartaler),
            "antall_personer": statistikk.antall_personer,
            "er_maskert": statistikk.er_maskert,
            "tapte_dagsverk": statistikk.tapte_dagsverk,
            "mulige_dagsverk": statistikk.mulige_dagsverk,
        },
        "trend": {
            "prosentpoeng": statistikk.trend.prosentpoeng,
            "er_maskert": statistikk.trend.er_maskert,
        },
        "kvartaler": [
            {
                "periode": k.periode,
                "prosent": k.prosent,
                "er_maskert": isinstance(k.prosent, Maskert),
            }
            for k in statistikk.historikk
        ],
    }


def _json_figur(figur: Vist) -> int | str:
    # Whole numbers (antall personer) are JSON numbers; decimals are text ("9.2") so that no
    # client reads a rounded figure as a binary float.
    if figur.verdi.as_tuple().exponent == 0:
        return int(figur.verdi)
    return format(figur.verdi, "f")


def _til_json(verdi: object) -> object:
    match verdi:
        case Vist():
            return _json_figur(verdi)
        case Maskert() | None:
            return None
        case bool() | str():
            return verdi
        case Kvartal():
            return str(verdi)
        case dict():
            return {str(nokkel): _til_json(v) for nokkel, v in verdi.items()}
        case list() | tuple():
            return [_til_json(v) for v in verdi]
    raise TypeError(
        f"{type(verdi).__name__} kan ikke skrives som JSON: tall må gå gjennom maskeringen "
        "(Vist eller Maskert)"
    )


def til_json_tekst(data: object) -> str:
    return json.dumps(_til_json(data), ensure_ascii=False, indent=2)


# --- Norwegian text -------------------------------------------------------------------------------


def figurtekst(
    figur: Figur | None,
    terskel: Terskel,
    *,
    enhet: str = "",
    desimaler: int = 1,
    fortegn: bool = False,
) -> str:
    match figur:
        case Vist(verdi=verdi):
            tekst = norsk_tall(verdi, desimaler)
            if fortegn and verdi > 0:
                tekst = "+" + tekst
            return f"{tekst} {enhet}".rstrip()
        case Maskert():
            return f"maskert (færre enn {terskel.antall_personer} personer)"
    return "ingen data"


def kvartalstekst(kvartal: Kvartal) -> str:
    return f"{kvartal.kvartal}. kvartal {kvartal.arstall}"


def som_tabell(statistikk: Enhetsstatistikk) -> RenderableType:
    s = statistikk
    t = s.terskel
    linjer: list[RenderableType] = [
        Text(f"Sykefravær for {enhetsnavn(Kategori(s.kategori), s.kode)}", style="bold"),
        Text(""),
        Text(f"Siste fire kvartaler ({periodetekst(s.periode)})"),
    ]
    oppsummering = Table.grid(padding=(0, 2))
    oppsummering.add_column(style="dim")
    oppsummering.add_column(justify="right", no_wrap=True)
    oppsummering.add_row("Sykefravær", figurtekst(s.prosent, t, enhet="%"))
    oppsummering.add_row("Tapte dagsverk", figurtekst(s.tapte_dagsverk, t))
    oppsummering.add_row("Mulige dagsverk", figurtekst(s.mulige_dagsverk, t))
    oppsummering.add_row("Antall personer", figurtekst(s.antall_personer, t, desimaler=0))
    brukte = ", ".join(str(k) for k in s.kvartaler) if s.kvartaler else "ingen"
    oppsummering.add_row("Kvartaler brukt", brukte)
    oppsummering.add_row(
        f"Endring fra {kvartalstekst(s.trend.sammenlignet_med)}",
        figurtekst(s.trend.prosentpoeng, t, enhet="prosentpoeng", fortegn=True),
    )
    linjer += [oppsummering, Text("")]

    historikk = Table(title="Sykefravær per kvartal", title_justify="left")
    historikk.add_column("Kvartal", no_wrap=True)
    historikk.add_column("Sykefravær", justify="right", no_wrap=True)
    for k in s.historikk:
        historikk.add_row(kvartalstekst(k.periode), figurtekst(k.prosent, t, enhet="%"))
    linjer.append(historikk)
    return Group(*linjer)
