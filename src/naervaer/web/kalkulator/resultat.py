"""The calculator's answer: the yearly cost now and at the target, and what the target means.

The arithmetic is ``naervaer.statistikk.kostnad``'s; this module only decides what the page says
about it (a saving, an extra cost or none) and how many årsverk the dagsverk are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from naervaer.statistikk.kostnad import (
    Kostnad,
    KostnadPerDag,
    Modus,
    arsverk,
    beregn_dagsverk,
    beregn_prosent,
    tapte_dagsverk_ved_prosent,
)
from naervaer.web.kalkulator.forms import Inndata

EGET_ANSLAG = "eget anslag"


@dataclass(frozen=True, slots=True)
class Resultat:
    inndata: Inndata
    kostnad: Kostnad
    dagsverk: Decimal  # tapte dagsverk a year today
    dagsverk_ved_maal: Decimal | None
    er_eget_anslag: bool  # the user changed the configured kostnad per dag

    @property
    def er_prosent(self) -> bool:
        return self.inndata.modus is Modus.PROSENT

    @property
    def har_maal(self) -> bool:
        return self.kostnad.besparelse is not None

    @property
    def besparelse(self) -> Decimal | None:
        """The saving in kroner a year; None without a target or when there is none to make."""
        besparelse = self.kostnad.besparelse
        return besparelse if besparelse is not None and besparelse > 0 else None

    @property
    def merkostnad(self) -> Decimal | None:
        """What a target above today's level costs extra a year."""
        besparelse = self.kostnad.besparelse
        return -besparelse if besparelse is not None and besparelse < 0 else None

    @property
    def maal_er_som_i_dag(self) -> bool:
        return self.kostnad.besparelse == 0

    @property
    def arsverk(self) -> Decimal:
        return arsverk(self.dagsverk)

    @property
    def endring_dagsverk(self) -> Decimal | None:
        """How many tapte dagsverk a year the target differs from today, as a positive number."""
        if self.dagsverk_ved_maal is None:
            return None
        return abs(self.dagsverk - self.dagsverk_ved_maal)

    @property
    def endring_arsverk(self) -> Decimal | None:
        endring = self.endring_dagsverk
        return arsverk(endring) if endring is not None else None


def _kostnad_per_dag(belop: Decimal, konfigurert: KostnadPerDag, dag: date) -> KostnadPerDag:
    if belop == konfigurert.belop:
        return konfigurert
    return KostnadPerDag(belop, kilde=EGET_ANSLAG, dato=dag)


def beregn(inndata: Inndata, konfigurert: KostnadPerDag, dag: date) -> Resultat:
    """The result of valid inputs; ``konfigurert`` is the default kostnad per dag."""
    kostnad_per_dag = _kostnad_per_dag(inndata.kostnad_per_dag, konfigurert, dag)
    if inndata.modus is Modus.DAGSVERK:
        assert inndata.tapte_dagsverk is not None
        kostnad = beregn_dagsverk(inndata.tapte_dagsverk, inndata.maal, kostnad_per_dag)
        dagsverk, ved_maal = inndata.tapte_dagsverk, inndata.maal
    else:
        assert inndata.prosent is not None and inndata.mulige_dagsverk is not None
        kostnad = beregn_prosent(
            inndata.prosent, inndata.mulige_dagsverk, inndata.maal, kostnad_per_dag
        )
        dagsverk = tapte_dagsverk_ved_prosent(inndata.prosent, inndata.mulige_dagsverk)
        ved_maal = (
            tapte_dagsverk_ved_prosent(inndata.maal, inndata.mulige_dagsverk)
            if inndata.maal is not None
            else None
        )
    return Resultat(
        inndata=inndata,
        kostnad=kostnad,
        dagsverk=dagsverk,
        dagsverk_ved_maal=ved_maal,
        er_eget_anslag=kostnad_per_dag is not konfigurert,
    )
