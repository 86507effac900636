"""Months and quarters as Norwegian text in the own statistics' templates."""

from __future__ import annotations

from django import template

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned
from naervaer.statistikk.maskering import Maskert, Vist
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.egenstatistikk.tekst import kort_periode as _kort_periode
from naervaer.web.egenstatistikk.tekst import periodenavn as _periodenavn
from naervaer.web.statistikk.templatetags.naervaer import INGEN_DATA_TEKST, MASKERT_TEKST

register = template.Library()


@register.filter
def periodenavn(periode: Kvartal | Maned) -> str:
    """«mars 2022», «1. kvartal 2022»."""
    return _periodenavn(periode)


@register.filter
def kort_periode(periode: Kvartal | Maned) -> str:
    """«mar. 2022», «1. kv. 2022»: for table rows."""
    return _kort_periode(periode)


@register.filter
def heltall(figur: object) -> str:
    """A figure shown without decimals (persons, dagsverk in a sentence)."""
    if isinstance(figur, Vist):
        return norsk_tall(figur.verdi, 0)
    if isinstance(figur, Maskert):
        return MASKERT_TEKST
    return INGEN_DATA_TEKST


@register.filter
def innrykk(niva: int) -> str:
    """Non-breaking spaces that indent a department in a list of options by its level."""
    return "\u00a0\u00a0\u00a0" * max(niva - 1, 0)


@register.filter
def trinn(niva: int) -> int:
    """The indentation step of a tree table row: deep trees stop indenting at 6."""
    return min(max(niva, 1), 6)
