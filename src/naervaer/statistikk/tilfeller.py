"""Sykefraværstilfeller (cases) and the rule that a day of fravær counts once (spec §3-§4).

The periods of one person in one virksomhet join into one case when the next starts no later than
the first working day after the latest end seen so far, so a weekend does not break a case and an
egenmelding followed by a sykmelding is one case. Varighet is counted from the case's first day.

At national scale this is the costliest part of the computation, so it is arranged to sort the
fravær once: one window pass finds each period's neighbours; the rare person whose periods overlap
is resolved on the side; a period with no neighbour close enough is a case by itself, and only
periods that chain with a neighbour need a second, smaller window pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import ibis
import ibis.expr.types as ir

from naervaer.statistikk.dager import neste_virkedag_etter_uttrykk

# A person in a virksomhet: the register numbers each such pair (see register.les_register).
PERSON_I_VIRKSOMHET = ("tilknytning",)
KORTTID_MAKS_DAGER = 16
REKKEFOLGE = ("f_fra", "f_til", "rad")
PERIODE = ("rad", *PERSON_I_VIRKSOMHET, "f_fra", "f_til", "q_fra", "q_til", "sykmelding", "grad")


class Materialisering(Protocol):
    def materialiser(self, uttrykk: ir.Table) -> ir.Table: ...


@dataclass(frozen=True, slots=True)
class Tilfeller:
    perioder: ir.Table
    """Non-overlapping periods with ``tilfelle_fra`` and ``tilfelle_til`` of their case."""
    overlapp: ir.Table
    """One row per period that overlaps an earlier one: ``rad`` and, when known, ``forrige_rad``."""
    naboer: ir.Table
    """Every period as given, with its neighbours and, on each row, ``alle_fra``/``alle_til``:
    the first and last day of fravær of that person in that virksomhet."""


def _naboer(perioder: ir.Table, med_ytterpunkter: bool = False) -> ir.Table:
    w = ibis.window(group_by=list(PERSON_I_VIRKSOMHET), order_by=list(REKKEFOLGE))
    ekstra = {}
    if med_ytterpunkter:
        # Same partitioning as the neighbours, so the engine computes them in the same pass.
        hele = ibis.window(group_by=list(PERSON_I_VIRKSOMHET))
        ekstra = {
            "alle_fra": perioder.f_fra.min().over(hele),
            "alle_til": perioder.f_til.max().over(hele),
        }
    return perioder.mutate(
        forrige_til=perioder.f_til.lag().over(w),
        forrige_rad=perioder.rad.lag().over(w),
        neste_fra=perioder.f_fra.lead().over(w),
        **ekstra,
    )


def bygg_tilfeller(fravaer: ir.Table, motor: Materialisering) -> Tilfeller:
    """``fravaer`` has day numbers ``f_fra``/``f_til`` and quarter indices ``q_fra``/``q_til``."""
    med_naboer = motor.materialiser(_naboer(fravaer.select(*PERIODE), med_ytterpunkter=True))
    # Sorted by start, a period that overlaps any earlier one makes some adjacent pair overlap,
    # so the neighbour test finds every person and virksomhet with overlaps.
    noekler = motor.materialiser(
        med_naboer.filter(med_naboer.f_fra <= med_naboer.forrige_til)
        .select(*PERSON_I_VIRKSOMHET)
        .distinct()
    )
    uten_overlapp = med_naboer.anti_join(noekler, list(PERSON_I_VIRKSOMHET))
    med_overlapp = motor.materialiser(
        med_naboer.select(*PERIODE).semi_join(noekler, list(PERSON_I_VIRKSOMHET))
    )

    losning = _naboer(_los_overlapp(med_overlapp))
    kolonner = [*PERIODE, "forrige_til", "neste_fra"]
    alle = uten_overlapp.select(*kolonner).union(losning.select(*kolonner))
    return Tilfeller(_knytt_til_tilfeller(alle), _overlappende(med_overlapp), med_naboer)


def _knytt_til_tilfeller(perioder: ir.Table) -> ir.Table:
    bak = perioder.forrige_til.notnull() & (
        perioder.f_fra <= neste_virkedag_etter_uttrykk(perioder.forrige_til)
    )
    fram = perioder.neste_fra.notnull() & (
        perioder.neste_fra <= neste_virkedag_etter_uttrykk(perioder.f_til)
    )
    merket = perioder.mutate(_bak=bak.fill_null(False), _fram=fram.fill_null(False))

    alene = merket.filter(~merket["_bak"] & ~merket["_fram"])
    alene = alene.mutate(tilfelle_fra=alene.f_fra, tilfelle_til=alene.f_til)

    kjede = merket.filter(merket["_bak"] | merket["_fram"])
    kjede = kjede.mutate(
        _tilfelle=(~kjede["_bak"])
        .cast("int64")
        .sum()
        .over(ibis.cumulative_window(group_by=list(PERSON_I_VIRKSOMHET), order_by=list(REKKEFOLGE)))
    )
    hele = ibis.window(group_by=[*PERSON_I_VIRKSOMHET, "_tilfelle"])
    kjede = kjede.mutate(
        tilfelle_fra=kjede.f_fra.min().over(hele), tilfelle_til=kjede.f_til.max().over(hele)
    )

    kolonner = [*PERIODE, "tilfelle_fra", "tilfelle_til"]
    return alene.select(*kolonner).union(kjede.select(*kolonner))


def _overlappende(perioder: ir.Table) -> ir.Table:
    """Every period that shares a day with an earlier one, for the warnings (few rows)."""
    tidligere = ibis.window(
        group_by=list(PERSON_I_VIRKSOMHET), order_by=list(REKKEFOLGE), rows=(None, -1)
    )
    sortert = ibis.window(group_by=list(PERSON_I_VIRKSOMHET), order_by=list(REKKEFOLGE))
    p = perioder.mutate(
        _seneste_til=perioder.f_til.max().over(tidligere),
        _forrige_rad=perioder.rad.lag().over(sortert),
        _forrige_til=perioder.f_til.lag().over(sortert),
    )
    p = p.filter(p.f_fra <= p["_seneste_til"])
    # Name the row just before only when it is the one overlapped; otherwise the overlapped
    # period lies further back and the warning says so.
    return p.select(
        "rad",
        forrige_rad=ibis.ifelse(
            p.f_fra <= p["_forrige_til"], p["_forrige_rad"], ibis.null("int64")
        ),
    )


def _los_overlapp(perioder: ir.Table) -> ir.Table:
    """Cut overlapping periods at every boundary.

    Each piece takes the highest grad, then sykmelding.
    """
    noekkel = list(PERSON_I_VIRKSOMHET)
    grenser = (
        perioder.select(*noekkel, grense=perioder.f_fra)
        .union(perioder.select(*noekkel, grense=perioder.f_til + 1))
        .distinct()
    )
    neste = ibis.window(group_by=noekkel, order_by="grense")
    segmenter = grenser.mutate(seg_til=grenser.grense.lead().over(neste) - 1).filter(
        ibis._.seg_til.notnull()
    )
    segmenter = segmenter.rename(seg_fra="grense")
    kandidater = segmenter.join(
        perioder,
        [*noekkel, perioder.f_fra <= segmenter.seg_fra, perioder.f_til >= segmenter.seg_til],
    )
    beste_forst = ibis.window(
        group_by=[*noekkel, "seg_fra"], order_by=[ibis.desc("grad"), ibis.desc("sykmelding"), "rad"]
    )
    vinnere = kandidater.mutate(_nr=ibis.row_number().over(beste_forst)).filter(ibis._["_nr"] == 0)
    # A piece keeps its winning period's quarter range, a superset of its own: in a quarter the
    # piece does not touch it has no working days, so it adds nothing there.
    return vinnere.select(
        "rad",
        *noekkel,
        f_fra=vinnere.seg_fra,
        f_til=vinnere.seg_til,
        q_fra=vinnere.q_fra,
        q_til=vinnere.q_til,
        sykmelding=vinnere.sykmelding,
        grad=vinnere.grad,
    )
