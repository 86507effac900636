"""Figures as Norwegian text in templates. A masked figure has no value, so these filters can only
say that it is masked."""

from __future__ import annotations

from datetime import date

from django import template

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Maskert, Vist
from naervaer.statistikk.publisering import datotekst
from naervaer.statistikk.publisering import periodetekst as _periodetekst
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.statistikk.vurdering import Sammenligning, Vurdering

register = template.Library()

MASKERT_TEKST = "Maskert"
INGEN_DATA_TEKST = "Ingen data"

VURDERINGSTEKST = {
    Vurdering.OVER: "Over",
    Vurdering.MIDDELS: "Middels",
    Vurdering.UNDER: "Under",
    Vurdering.MASKERT: "Maskert",
    Vurdering.UFULLSTENDIG_DATA: "For lite data",
    Vurdering.INGEN_DATA: "Ingen sammenligning",
}

VURDERINGSFORKLARING = {
    Vurdering.OVER: "mer enn 10 prosent over",
    Vurdering.MIDDELS: "innenfor 10 prosent av",
    Vurdering.UNDER: "mer enn 10 prosent under",
    Vurdering.MASKERT: "ikke vist fordi tallet bygger på færre enn 5 personer, sammenlignet med",
    Vurdering.UFULLSTENDIG_DATA: "ikke vurdert fordi tallet dekker færre enn fire kvartaler, mot",
    Vurdering.INGEN_DATA: "ikke vurdert fordi det mangler tall, mot",
}


@register.filter
def prosent(figur: object) -> str:
    if isinstance(figur, Vist):
        return f"{norsk_tall(figur.verdi, 1)} %"
    if isinstance(figur, Maskert):
        return MASKERT_TEKST
    return INGEN_DATA_TEKST


@register.filter
def tall(figur: object) -> str:
    """A figure without unit: for tables whose heading names the unit."""
    if isinstance(figur, Vist):
        return norsk_tall(figur.verdi, 1)
    if isinstance(figur, Maskert):
        return MASKERT_TEKST
    return INGEN_DATA_TEKST


@register.filter
def prosentpoeng(figur: object) -> str:
    if isinstance(figur, Vist):
        tekst = norsk_tall(figur.verdi, 1)
        if figur.verdi > 0:
            tekst = "+" + tekst
        return f"{tekst} prosentpoeng"
    if isinstance(figur, Maskert):
        return MASKERT_TEKST
    return INGEN_DATA_TEKST


@register.filter
def kvartalstekst(kvartal: Kvartal) -> str:
    return f"{kvartal.kvartal}. kvartal {kvartal.arstall}"


@register.filter
def kort_kvartal(kvartal: Kvartal) -> str:
    return f"{kvartal.kvartal}. kv. {kvartal.arstall}"


@register.filter
def dato(dag: date | None) -> str:
    return datotekst(dag) if dag is not None else ""


@register.filter
def vurderingstekst(sammenligning: Sammenligning | None) -> str:
    if sammenligning is None:
        return ""
    return VURDERINGSTEKST[sammenligning.vurdering]


@register.filter
def vurderingsforklaring(sammenligning: Sammenligning | None) -> str:
    if sammenligning is None:
        return ""
    return VURDERINGSFORKLARING[sammenligning.vurdering]


@register.filter
def vurderingsklasse(sammenligning: Sammenligning | None) -> str:
    if sammenligning is None or sammenligning.er_positiv is None:
        return "vurdering--noytral"
    return "vurdering--positiv" if sammenligning.er_positiv else "vurdering--negativ"


@register.filter
def er_maskert(figur: object) -> bool:
    return isinstance(figur, Maskert)


@register.filter
def periodetekst(periode: Kvartal) -> str:
    return _periodetekst(periode)
