"""From quarterly sums to the figures users see: percentages, the last four quarters and trend.

Every function here returns masking types (``Vist``/``Maskert``), never a bare number, so that the
derived figures cannot bypass the masking step (spec §6-§7). Arithmetic is decimal on the
full-precision sums; rounding happens once, in the masking step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import (
    MASKERT,
    STANDARD_TERSKEL,
    Figur,
    Maskert,
    Terskel,
    Vist,
    avrund,
    masker,
    masker_andel,
)

NULL = Decimal(0)


class Fravaerstype(StrEnum):
    """A breakdown of tapte dagsverk, named after its column in the quarterly statistics."""

    TOTALT = "tapte_dagsverk"
    EGENMELDT = "tapte_dagsverk_egenmeldt"
    LEGEMELDT = "tapte_dagsverk_legemeldt"
    GRADERT = "tapte_dagsverk_gradert"
    KORTTID = "tapte_dagsverk_korttid"
    LANGTID = "tapte_dagsverk_langtid"


@dataclass(frozen=True, slots=True)
class Fravaerstall:
    """The full-precision sums of one unit over one or more quarters."""

    antall_personer: int
    mulige_dagsverk: Decimal
    tapte_dagsverk: Decimal
    tapte_dagsverk_egenmeldt: Decimal = NULL
    tapte_dagsverk_legemeldt: Decimal = NULL
    tapte_dagsverk_gradert: Decimal = NULL
    tapte_dagsverk_korttid: Decimal = NULL
    tapte_dagsverk_langtid: Decimal = NULL

    def tapte(self, fravaerstype: Fravaerstype = Fravaerstype.TOTALT) -> Decimal:
        verdi: Decimal = getattr(self, fravaerstype.value)
        return verdi

    def __add__(self, other: Fravaerstall) -> Fravaerstall:
        # Persons are not additive over quarters (the same person is counted in each), so a sum
        # over quarters has the largest quarterly count (spec §6).
        return Fravaerstall(
            antall_personer=max(self.antall_personer, other.antall_personer),
            mulige_dagsverk=self.mulige_dagsverk + other.mulige_dagsverk,
            tapte_dagsverk=self.tapte_dagsverk + other.tapte_dagsverk,
            tapte_dagsverk_egenmeldt=self.tapte_dagsverk_egenmeldt + other.tapte_dagsverk_egenmeldt,
            tapte_dagsverk_legemeldt=self.tapte_dagsverk_legemeldt + other.tapte_dagsverk_legemeldt,
            tapte_dagsverk_gradert=self.tapte_dagsverk_gradert + other.tapte_dagsverk_gradert,
            tapte_dagsverk_korttid=self.tapte_dagsverk_korttid + other.tapte_dagsverk_korttid,
            tapte_dagsverk_langtid=self.tapte_dagsverk_langtid + other.tapte_dagsverk_langtid,
        )


@dataclass(frozen=True, slots=True)
class Kvartalstall:
    kvartal: Kvartal
    tall: Fravaerstall


# --- Figures of one set of sums -----------------------------------------------------------------


def prosent(
    tall: Fravaerstall | None,
    fravaerstype: Fravaerstype = Fravaerstype.TOTALT,
    terskel: Terskel = STANDARD_TERSKEL,
) -> Figur | None:
    """Sykefraværsprosent of a breakdown: tapte / mulige dagsverk × 100, one decimal.

    None when there is nothing to divide: no data, or no mulige dagsverk.
    """
    if tall is None:
        return None
    return masker_andel(
        tall.tapte(fravaerstype), tall.mulige_dagsverk, tall.antall_personer, terskel
    )


def gradert_prosent(tall: Fravaerstall | None, terskel: Terskel = STANDARD_TERSKEL) -> Figur | None:
    """Share of the legemeldt loss that is on graded sick notes (high is good); None without any
    legemeldt loss."""
    if tall is None:
        return None
    return masker_andel(
        tall.tapte_dagsverk_gradert, tall.tapte_dagsverk_legemeldt, tall.antall_personer, terskel
    )


def korttid_prosent(tall: Fravaerstall | None, terskel: Terskel = STANDARD_TERSKEL) -> Figur | None:
    return prosent(tall, Fravaerstype.KORTTID, terskel)


def langtid_prosent(tall: Fravaerstall | None, terskel: Terskel = STANDARD_TERSKEL) -> Figur | None:
    return prosent(tall, Fravaerstype.LANGTID, terskel)


def tapte_dagsverk(
    tall: Fravaerstall | None,
    fravaerstype: Fravaerstype = Fravaerstype.TOTALT,
    terskel: Terskel = STANDARD_TERSKEL,
) -> Figur | None:
    if tall is None:
        return None
    return masker(tall.tapte(fravaerstype), tall.antall_personer, terskel)


def mulige_dagsverk(tall: Fravaerstall | None, terskel: Terskel = STANDARD_TERSKEL) -> Figur | None:
    if tall is None:
        return None
    return masker(tall.mulige_dagsverk, tall.antall_personer, terskel)


def antall_personer(tall: Fravaerstall | None, terskel: Terskel = STANDARD_TERSKEL) -> Figur | None:
    if tall is None:
        return None
    return masker(Decimal(tall.antall_personer), tall.antall_personer, terskel, desimaler=0)


# --- Siste fire kvartaler ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SisteFireKvartaler:
    """The sum over Q-3..Q of the quarters that have data, and which quarters those were."""

    periode: Kvartal
    kvartaler: tuple[Kvartal, ...]
    tall: Fravaerstall | None

    def er_maskert(self, terskel: Terskel = STANDARD_TERSKEL) -> bool:
        return self.tall is not None and terskel.maskerer(self.tall.antall_personer)

    @property
    def er_fullstendig(self) -> bool:
        return len(self.kvartaler) == 4


def _etter_kvartal(rader: Iterable[Kvartalstall]) -> dict[Kvartal, Fravaerstall]:
    etter_kvartal: dict[Kvartal, Fravaerstall] = {}
    for rad in rader:
        if rad.kvartal in etter_kvartal:
            raise ValueError(f"to rader for samme kvartal ({rad.kvartal})")
        etter_kvartal[rad.kvartal] = rad.tall
    return etter_kvartal


def siste_fire_kvartaler(rader: Iterable[Kvartalstall], periode: Kvartal) -> SisteFireKvartaler:
    """Sum numerators and denominators over periode-3..periode, skipping quarters without data."""
    etter_kvartal = _etter_kvartal(rader)
    brukte = tuple(
        k for k in (periode - 3, periode - 2, periode - 1, periode) if k in etter_kvartal
    )
    tall: Fravaerstall | None = None
    for kvartal in brukte:
        tall = etter_kvartal[kvartal] if tall is None else tall + etter_kvartal[kvartal]
    return SisteFireKvartaler(periode, brukte, tall)


# --- Trend ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trend:
    """prosent(periode) − prosent(periode − 4) in percentage points; None when a quarter is missing
    or has no mulige dagsverk."""

    periode: Kvartal
    sammenlignet_med: Kvartal
    prosentpoeng: Figur | None

    @property
    def er_maskert(self) -> bool:
        return isinstance(self.prosentpoeng, Maskert)


def trend(
    rader: Iterable[Kvartalstall],
    periode: Kvartal,
    fravaerstype: Fravaerstype = Fravaerstype.TOTALT,
    terskel: Terskel = STANDARD_TERSKEL,
) -> Trend:
    """The change since the same quarter a year earlier, masked unless both quarters have at least
    ``terskel`` persons (NAV served trends from masked quarters)."""
    etter_kvartal = _etter_kvartal(rader)
    i_fjor = periode - 4
    naa, da = etter_kvartal.get(periode), etter_kvartal.get(i_fjor)
    if naa is None or da is None:
        return Trend(periode, i_fjor, None)
    minst = min(naa.antall_personer, da.antall_personer)
    if terskel.maskerer(minst):
        return Trend(periode, i_fjor, MASKERT)
    if naa.mulige_dagsverk == 0 or da.mulige_dagsverk == 0:
        return Trend(periode, i_fjor, None)
    # The difference of the two rounded percentages, so that the trend agrees with the figures
    # shown beside it (6,8 % and 6,3 % give 0,5 percentage points, never 0,4).
    endring = avrund(naa.tapte(fravaerstype) * 100 / naa.mulige_dagsverk) - avrund(
        da.tapte(fravaerstype) * 100 / da.mulige_dagsverk
    )
    return Trend(periode, i_fjor, masker(endring, minst, terskel))


def verdi(figur: Figur | None) -> Decimal | None:
    """The shown value of a figure, for code that compares figures (None when masked or missing)."""
    return figur.verdi if isinstance(figur, Vist) else None
