"""What the calculator is prefilled with: the virksomhet's last four quarters, as far as they
may be shown to this user.

The figures come from the same store rows, the same period and the same masking step as on the
statistics page, so the calculator never offers a number that page would hide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from naervaer.statistikk import aggregering
from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import STANDARD_TERSKEL, Terskel, Vist
from naervaer.statistikk.oversikt import Henter
from naervaer.statistikk.publisering import (
    STANDARD_KALENDER,
    Publiseringskalender,
    gjeldende_periode,
)

LAND = (Kategori.LAND, "NO")


class Utfylling(StrEnum):
    FYLT_UT = "fylt_ut"
    MASKERT = "maskert"  # fewer persons than the threshold behind the figures
    INGEN_TILGANG = "ingen_tilgang"  # the user lacks the statistics right
    INGEN_DATA = "ingen_data"  # nothing published for the virksomhet yet


@dataclass(frozen=True, slots=True)
class Forslag:
    """Shown figures for the last four quarters; each is None when it is not offered."""

    utfylling: Utfylling
    periode: Kvartal | None = None
    kvartaler: tuple[Kvartal, ...] = ()
    tapte_dagsverk: Vist | None = None
    mulige_dagsverk: Vist | None = None
    prosent: Vist | None = None

    @property
    def er_fullstendig(self) -> bool:
        return len(self.kvartaler) == 4


def _vist(figur: object) -> Vist | None:
    return figur if isinstance(figur, Vist) else None


def lag_forslag(
    orgnr: str,
    hent: Henter,
    *,
    kan_se_egne_tall: bool,
    dag: date,
    terskel: Terskel = STANDARD_TERSKEL,
    kalender: Publiseringskalender = STANDARD_KALENDER,
) -> Forslag:
    """The prefill for ``orgnr`` on ``dag``; without ``kan_se_egne_tall`` its rows are not read."""
    if not kan_se_egne_tall:
        return Forslag(Utfylling.INGEN_TILGANG)
    egen = (Kategori.VIRKSOMHET, orgnr)
    rader = hent([egen, LAND])
    # The period follows the national rows and the calendar, exactly as on the statistics page,
    # so both pages speak of the same four quarters.
    periode = gjeldende_periode([r.kvartal for r in rader.get(LAND, [])], dag, kalender)
    if periode is None:
        return Forslag(Utfylling.INGEN_DATA)
    siste = aggregering.siste_fire_kvartaler(rader.get(egen, []), periode)
    if siste.tall is None:
        return Forslag(Utfylling.INGEN_DATA, periode)
    etter_kvartal = {rad.kvartal: rad.tall for rad in rader.get(egen, [])}
    # Dagsverk add up across publications: the sum now minus the sum a quarter ago gives one
    # quarter, so every quarter in the sum must pass the masking, not only the largest.
    if siste.er_maskert(terskel) or any(
        terskel.maskerer(etter_kvartal[k].antall_personer) for k in siste.kvartaler
    ):
        return Forslag(Utfylling.MASKERT, periode, siste.kvartaler)
    return Forslag(
        Utfylling.FYLT_UT,
        periode,
        siste.kvartaler,
        tapte_dagsverk=_vist(aggregering.tapte_dagsverk(siste.tall, terskel=terskel)),
        mulige_dagsverk=_vist(aggregering.mulige_dagsverk(siste.tall, terskel)),
        prosent=_vist(aggregering.prosent(siste.tall, terskel=terskel)),
    )
