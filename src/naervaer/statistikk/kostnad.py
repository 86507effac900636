"""The cost calculator (kostnadskalkulator): what sick leave costs a year and what a target saves.

Inputs are the user's (prefilled from the last four quarters' shown figures, but editable), so this
module works on plain decimals; the kostnad per dag is configuration that carries its own source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

# About 230 dagsverk a year for one full-time person (spec §9), for showing dagsverk as årsverk.
DAGSVERK_PER_ARSVERK = Decimal(230)


@dataclass(frozen=True, slots=True)
class KostnadPerDag:
    """What one lost dagsverk costs the employer, with where the figure comes from."""

    belop: Decimal
    kilde: str
    dato: date
    beskrivelse: str = ""
    tidligere_belop: tuple[Decimal, ...] = ()

    def __post_init__(self) -> None:
        if self.belop < 0:
            raise ValueError("kostnad per dag kan ikke være negativ")


STANDARD_KOSTNAD_PER_DAG = KostnadPerDag(
    belop=Decimal(4700),
    kilde="NAV",
    dato=date(2026, 5, 1),
    beskrivelse=(
        "SINTEFs anslag for tapt produksjon og ekstra kostnader ved sykefravær, uten lønn og "
        "refusjon av sykepenger, justert for lønnsvekst"
    ),
    tidligere_belop=(Decimal(2600), Decimal(4200)),
)


class Modus(StrEnum):
    DAGSVERK = "DAGSVERK"
    PROSENT = "PROSENT"


@dataclass(frozen=True, slots=True)
class Kostnad:
    """Whole kroner a year. ``besparelse`` is None without a target; it is negative when the
    target is above today's level."""

    modus: Modus
    kostnad: Decimal
    kostnad_ved_maal: Decimal | None
    besparelse: Decimal | None
    kostnad_per_dag: KostnadPerDag


def _kroner(belop: Decimal) -> Decimal:
    return belop.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _ikke_negativ(navn: str, verdi: Decimal) -> Decimal:
    if verdi < 0:
        raise ValueError(f"{navn} kan ikke være negativ")
    return verdi


def _prosent(navn: str, verdi: Decimal) -> Decimal:
    if not 0 <= verdi <= 100:
        raise ValueError(f"{navn} må være mellom 0 og 100 prosent")
    return verdi


def kostnad_dagsverk(
    tapte_dagsverk: Decimal, kostnad_per_dag: KostnadPerDag = STANDARD_KOSTNAD_PER_DAG
) -> Decimal:
    """Dagsverk mode: tapte dagsverk over the last four quarters × kostnad per dag, unrounded."""
    return _ikke_negativ("tapte dagsverk", tapte_dagsverk) * kostnad_per_dag.belop


def kostnad_prosent(
    prosent: Decimal,
    mulige_dagsverk: Decimal,
    kostnad_per_dag: KostnadPerDag = STANDARD_KOSTNAD_PER_DAG,
) -> Decimal:
    """Prosent mode: sykefraværsprosent × mulige dagsverk (last four quarters) / 100 × kostnad per
    dag, unrounded."""
    return (
        _prosent("sykefraværsprosenten", prosent)
        * _ikke_negativ("mulige dagsverk", mulige_dagsverk)
        / 100
        * kostnad_per_dag.belop
    )


def _er_tom(maal: Decimal | str | None) -> bool:
    return maal is None or (isinstance(maal, str) and not maal.strip())


def _som_desimal(maal: Decimal | str) -> Decimal:
    if isinstance(maal, Decimal):
        return maal
    # A form field: Norwegian users type a decimal comma and may group thousands with spaces.
    tekst = maal.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        verdi = Decimal(tekst)
    except InvalidOperation:
        raise ValueError(f"målet «{maal}» er ikke et tall") from None
    if not verdi.is_finite():
        raise ValueError(f"målet «{maal}» er ikke et tall")
    return verdi


def beregn_dagsverk(
    tapte_dagsverk: Decimal,
    maal: Decimal | str | None = None,
    kostnad_per_dag: KostnadPerDag = STANDARD_KOSTNAD_PER_DAG,
) -> Kostnad:
    """Cost a year in dagsverk mode; ``maal`` is a target in tapte dagsverk a year."""
    kostnad = kostnad_dagsverk(tapte_dagsverk, kostnad_per_dag)
    # NAV showed the whole cost as a saving when the target was empty; an empty target has none.
    if _er_tom(maal):
        return Kostnad(Modus.DAGSVERK, _kroner(kostnad), None, None, kostnad_per_dag)
    assert maal is not None
    ved_maal = kostnad_dagsverk(_som_desimal(maal), kostnad_per_dag)
    return Kostnad(
        Modus.DAGSVERK,
        _kroner(kostnad),
        _kroner(ved_maal),
        _kroner(kostnad - ved_maal),
        kostnad_per_dag,
    )


def beregn_prosent(
    prosent: Decimal,
    mulige_dagsverk: Decimal,
    maal: Decimal | str | None = None,
    kostnad_per_dag: KostnadPerDag = STANDARD_KOSTNAD_PER_DAG,
) -> Kostnad:
    """Cost a year in prosent mode; ``maal`` is a target sykefraværsprosent."""
    kostnad = kostnad_prosent(prosent, mulige_dagsverk, kostnad_per_dag)
    if _er_tom(maal):
        return Kostnad(Modus.PROSENT, _kroner(kostnad), None, None, kostnad_per_dag)
    assert maal is not None
    ved_maal = kostnad_prosent(_som_desimal(maal), mulige_dagsverk, kostnad_per_dag)
    return Kostnad(
        Modus.PROSENT,
        _kroner(kostnad),
        _kroner(ved_maal),
        _kroner(kostnad - ved_maal),
        kostnad_per_dag,
    )


def tapte_dagsverk_ved_prosent(prosent: Decimal, mulige_dagsverk: Decimal) -> Decimal:
    """The tapte dagsverk a sykefraværsprosent means, so that prosent mode can be shown as årsverk
    too; unrounded."""
    return (
        _prosent("sykefraværsprosenten", prosent)
        * _ikke_negativ("mulige dagsverk", mulige_dagsverk)
        / 100
    )


def arsverk(dagsverk: Decimal) -> Decimal:
    """Dagsverk as full-time persons a year, one decimal."""
    return (dagsverk / DAGSVERK_PER_ARSVERK).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
