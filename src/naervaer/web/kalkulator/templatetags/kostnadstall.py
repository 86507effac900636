"""Kroner, dagsverk and årsverk as Norwegian text on the calculator page."""

from __future__ import annotations

from decimal import Decimal

from django import template

from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.kalkulator.forms import inntastingstekst

register = template.Library()


@register.filter
def kroner(belop: Decimal | None) -> str:
    """«123 456 kr»: whole kroner, as the calculation rounds them."""
    return "" if belop is None else f"{norsk_tall(belop, 0)} kr"


@register.filter
def desimaltall(verdi: Decimal | None) -> str:
    """A number with the decimals it has (at most two): «778», «777,6», «6,55»."""
    return "" if verdi is None else inntastingstekst(verdi)


@register.filter
def ett_desimal(verdi: Decimal | None) -> str:
    return "" if verdi is None else norsk_tall(verdi, 1)
