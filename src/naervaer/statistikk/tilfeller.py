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
    """One window pass: how each period relates to the one before and after it.

    ``bak``: it continues the case of the period before; ``fram``: the next period continues its
    case; ``overlapper``: it shares a day with the period before. ``forste`` marks the first period
    of each tilknytning, and ``alle_fra``/``alle_til`` span all of its fravær.
    """
    w = ibis.window(group_by=list(PERSON_I_VIRKSOMHET), order_by=list(REKKEFOLGE))
    forrige_til = perioder.f_til.lag().over(w)
    neste_fra = perioder.f_fra.lead().over(w)
    ekstra = {}
    if med_ytterpunkter:
        # The same partitioning and order as the neighbours (only the frame differs), so the
        # engine computes them from the same sort instead of partitioning the fravær again.
        hele = ibis.window(
            group_by=list(PERSON_I_VIRKSOMHET), order_by=list(REKKEFOLGE), rows=(None, None)
        )
        ekstra = {
            "forste": ibis.row_number().over(w) == 0,
            "alle_fra": perioder.f_fra.min().over(hele),
            "alle_til": perioder.f_til.max().over(hele),
        }
    return perioder.mutate(
        bak=(perioder.f_fra <= neste_virkedag_etter_uttrykk(forrige_til)).fill_null(False),
        fram=(neste_fra <= neste_virkedag_etter_uttrykk(perioder.f_til)).fill_null(False),
        overlapper=(perioder.f_fra <= forrige_til).fill_null(False),
        **ekstra,
    )


def bygg_tilfeller(fravaer: ir.Table, motor: Materialisering) -> Tilfeller:
    """``fravaer`` has day numbers ``f_fra``/``f_til`` and quarter indices ``q_fra``/``q_til``."""
    noekkel = list(PERSON_I_VIRKSOMHET)
    # Kept narrow (32-bit days and grades) because this is the one table as long as the fravær.
    smal = fravaer.select(
        "rad",
        *noekkel,
        f_fra=fravaer.f_fra.cast("int32"),
        f_til=fravaer.f_til.cast("int32"),
        q_fra=fravaer.q_fra.cast("int32"),
        q_til=fravaer.q_til.cast("int32"),
        sykmelding=fravaer.sykmelding,
        grad=fravaer.grad.cast("int32"),
    )
    med_naboer = motor.materialiser(_naboer(smal, med_ytterpunkter=True))
    # Sorted by start, a period that overlaps any earlier one makes some adjacent pair overlap,
    # so the neighbour test finds every tilknytning with overlaps.
    noekler = motor.materialiser(
        med_naboer.filter(med_naboer.overlapper).select(*noekkel).distinct()
    )
    uten_overlapp = med_naboer.anti_join(noekler, noekkel)
    med_overlapp = motor.materialiser(med_naboer.select(*PERIODE).semi_join(noekler, noekkel))

    losning = _naboer(_los_overlapp(med_overlapp))
    kolonner = [*PERIODE, "bak", "fram"]
    alle = uten_overlapp.select(*kolonner).union(losning.select(*kolonner))
    return Tilfeller(_knytt_til_tilfeller(alle), _overlappende(med_overlapp), med_naboer)


def _knytt_til_tilfeller(perioder: ir.Table) -> ir.Table:
    """Give every period the first and last day of its case.

    A period with no close neighbour is a case by itself. For the chained ones, the case starts
    at the latest chain start so far and ends at the next chain end; both are read in one more
    window pass with the same order, over the chained periods only.
    """
    alene = perioder.filter(~perioder.bak & ~perioder.fram)
    alene = alene.mutate(tilfelle_fra=alene.f_fra, tilfelle_til=alene.f_til)

    kjede = perioder.filter(perioder.bak | perioder.fram)
    noekkel, rekkefolge = list(PERSON_I_VIRKSOMHET), list(REKKEFOLGE)
    hittil = ibis.window(group_by=noekkel, order_by=rekkefolge, rows=(None, 0))
    herfra = ibis.window(group_by=noekkel, order_by=rekkefolge, rows=(0, None))
    ingen = ibis.null("int32")
    kjede = kjede.mutate(
        tilfelle_fra=ibis.ifelse(~kjede.bak, kjede.f_fra, ingen).max().over(hittil),
        tilfelle_til=ibis.ifelse(~kjede.fram, kjede.f_til, ingen).min().over(herfra),
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
        .union(perioder.select(*noekkel, grense=(perioder.f_til + 1).cast(perioder.f_fra.type())))
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
        f_fra=vinnere.seg_fra.cast(perioder.f_fra.type()),
        f_til=vinnere.seg_til.cast(perioder.f_til.type()),
        q_fra=vinnere.q_fra,
        q_til=vinnere.q_til,
        sykmelding=vinnere.sykmelding,
        grad=vinnere.grad,
    )
