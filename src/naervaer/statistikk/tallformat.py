"""Numbers as Norwegian readers expect them: «12 345,6», «−0,2»."""

from __future__ import annotations

from decimal import Decimal

from naervaer.statistikk.maskering import avrund

MINUS = "\u2212"


def norsk_tall(verdi: Decimal | int, desimaler: int = 1) -> str:
    """Space between thousands, comma before the decimals, a real minus sign."""
    # Decimal's format rounds half to even; round half-up first, as everywhere else.
    avrundet = avrund(Decimal(verdi), desimaler)
    tekst = f"{abs(avrundet):,.{desimaler}f}".replace(",", " ").replace(".", ",")
    return f"{MINUS}{tekst}" if avrundet < 0 else tekst
