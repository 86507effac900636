"""Thresholds as Norwegian text: «2,0», «1,5»."""

from __future__ import annotations

from decimal import Decimal

from django import template

from naervaer.statistikk.tallformat import norsk_tall

register = template.Library()


@register.filter
def desimal(verdi: Decimal) -> str:
    return norsk_tall(verdi, 1)
