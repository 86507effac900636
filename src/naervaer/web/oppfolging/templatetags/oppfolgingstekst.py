"""The follow-up pages' words: milestone titles, counts that may be masked, a field's kind."""

from __future__ import annotations

from django import forms, template

from naervaer.oppfolging.varseltekst import oppgavetittel
from naervaer.statistikk.maskering import Maskert, Vist
from naervaer.statistikk.tallformat import norsk_tall

register = template.Library()


@register.filter
def milepael(kode: object) -> str:
    """«Lag oppfølgingsplan sammen med den ansatte» for ``oppfolgingsplan``."""
    return oppgavetittel(str(kode))


@register.filter
def heltall(figur: object) -> str:
    """A masked count says so; a shown one is a whole number."""
    if isinstance(figur, Vist):
        return norsk_tall(figur.verdi, 0)
    if isinstance(figur, Maskert):
        return "Maskert"
    return "Ingen data"


@register.filter
def er_dato(felt: forms.BoundField) -> bool:
    return isinstance(felt.field, forms.DateField)
