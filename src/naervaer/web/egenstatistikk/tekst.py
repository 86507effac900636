"""Months and quarters as Norwegian text, for the page and the downloads alike."""

from __future__ import annotations

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned
from naervaer.statistikk.perioder import Periode

_KORTE_MANEDER = (
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "mai",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "des.",
)


def periodenavn(periode: Periode) -> str:
    """«mars 2022», «1. kvartal 2022»."""
    if isinstance(periode, Kvartal):
        return f"{periode.kvartal}. kvartal {periode.arstall}"
    return periode.navn


def kort_periode(periode: Periode) -> str:
    """«mar. 2022», «1. kv. 2022»."""
    if isinstance(periode, Kvartal):
        return f"{periode.kvartal}. kv. {periode.arstall}"
    return f"{_KORTE_MANEDER[periode.maned - 1]} {periode.arstall}"


def periodeverdi(periode: Periode) -> str:
    """The period in a URL: «2022-03», «2022K1»."""
    return str(periode)


def som_maned_eller_kvartal(tekst: str) -> Periode | None:
    """A period from a URL, either kind; None when it is neither."""
    for slag in (Maned, Kvartal):
        try:
            return slag.fra_tekst(tekst)
        except ValueError:
            continue
    return None
