"""Absence as Norwegian text: short dates, counts with the right noun, periods, grad."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import template

from naervaer.statistikk.publisering import kort_datotekst
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.egendata.models import Fravaer
from naervaer.web.fravaer.forms import DATOFORMATER

register = template.Library()


@register.filter
def kort_dato(dag: date | None) -> str:
    """«02.03.2026»."""
    return kort_datotekst(dag) if dag is not None else ""


@register.filter
def antall(tall: int, ord_: str) -> str:
    """``{{ 3|antall:"dag,dager" }}`` gives «3 dager», ``{{ 1|antall:"gang,ganger" }}`` «1 gang»."""
    entall, flertall = ord_.split(",")
    return f"{tall} {entall if tall == 1 else flertall}"


@register.filter
def kalenderdager(fravaer: Fravaer) -> int:
    return (fravaer.til_dato - fravaer.fra_dato).days + 1


@register.filter
def prosent(grad: Decimal | int) -> str:
    """«60 %», «62,5 %»."""
    verdi = Decimal(grad)
    return f"{norsk_tall(verdi, 0 if verdi == verdi.to_integral() else 1)} %"


@register.filter
def datoverdi(verdi: object) -> str:
    """A date field's value as a date input wants it (2026-03-02); typed text that is not a
    date stays as it was."""
    if isinstance(verdi, datetime):
        return verdi.date().isoformat()
    if isinstance(verdi, date):
        return verdi.isoformat()
    tekst = "" if verdi is None else str(verdi).strip()
    for format_ in DATOFORMATER:
        try:
            return datetime.strptime(tekst, format_).date().isoformat()
        except ValueError:
            continue
    return tekst
