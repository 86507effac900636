"""Sykefraværstilfeller (cases) and the rule that a day of fravær counts once (spec §3-§4).

The periods of one person in one virksomhet join into one case when the next starts no later than
the first working day after the latest end seen so far, so a weekend does not break a case and an
egenmelding followed by a sykmelding is one case. Varighet is counted from the case's first day.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from naervaer.statistikk.dager import neste_virkedag_etter_uttrykk

PERSON_I_VIRKSOMHET = ("person_id", "orgnr")
TILFELLE = (*PERSON_I_VIRKSOMHET, "tilfelle")
KORTTID_MAKS_DAGER = 16


def bygg_tilfeller(fravaer: ir.Table) -> ir.Table:
    """Add ``tilfelle``, ``tilfelle_fra``, ``tilfelle_til``, ``overlapper`` and ``har_overlapp``.

    ``fravaer`` has day numbers ``f_fra`` and ``f_til``. ``overlapper`` marks a period that shares a
    day with an earlier one (a warning, with ``forrige_rad`` naming the row just before it).
    """
    rekkefolge = ["f_fra", "f_til", "rad"]
    tidligere = ibis.window(group_by=list(PERSON_I_VIRKSOMHET), order_by=rekkefolge, rows=(None, -1))
    sortert = ibis.window(group_by=list(PERSON_I_VIRKSOMHET), order_by=rekkefolge)
    f = fravaer.mutate(
        _seneste_til=fravaer.f_til.max().over(tidligere),
        forrige_rad=fravaer.rad.lag().over(sortert),
        _forrige_til=fravaer.f_til.lag().over(sortert),
    )
    ny = f["_seneste_til"].isnull() | (f.f_fra > neste_virkedag_etter_uttrykk(f["_seneste_til"]))
    f = f.mutate(
        _ny=ny.cast("int64"),
        overlapper=(f.f_fra <= f["_seneste_til"]).fill_null(False),
    )
    f = f.mutate(
        tilfelle=f["_ny"].sum().over(
            ibis.cumulative_window(group_by=list(PERSON_I_VIRKSOMHET), order_by=rekkefolge)
        ),
        # Name the row just before only when it is the one overlapped; else the earlier one is
        # further back and the warning says so.
        forrige_rad=ibis.ifelse(f.f_fra <= f["_forrige_til"], f.forrige_rad, ibis.null("int64")),
    )
    hele_tilfellet = ibis.window(group_by=list(TILFELLE))
    f = f.mutate(
        tilfelle_fra=f.f_fra.min().over(hele_tilfellet),
        tilfelle_til=f.f_til.max().over(hele_tilfellet),
        har_overlapp=f.overlapper.cast("int64").max().over(hele_tilfellet) > 0,
    )
    return f.drop("_seneste_til", "_forrige_til", "_ny")


def los_overlapp(tilfeller: ir.Table) -> ir.Table:
    """Make every day count once: where periods overlap, the highest grad wins, then sykmelding.

    Most cases have no overlap and pass through untouched; the few that do are cut into
    elementary segments at every period boundary, and each segment takes the winning period.
    """
    kolonner = [*TILFELLE, "rad", "f_fra", "f_til", "sykmelding", "grad", "tilfelle_fra", "tilfelle_til"]
    enkle = tilfeller.filter(~tilfeller.har_overlapp).select(*kolonner)
    med_overlapp = tilfeller.filter(tilfeller.har_overlapp).select(*kolonner)

    grenser = (
        med_overlapp.select(*TILFELLE, grense=med_overlapp.f_fra)
        .union(med_overlapp.select(*TILFELLE, grense=med_overlapp.f_til + 1))
        .distinct()
    )
    neste = ibis.window(group_by=list(TILFELLE), order_by="grense")
    segmenter = grenser.mutate(seg_til=grenser.grense.lead().over(neste) - 1).filter(
        ibis._.seg_til.notnull()
    )
    segmenter = segmenter.rename(seg_fra="grense")
    kandidater = segmenter.join(
        med_overlapp,
        [
            *TILFELLE,
            med_overlapp.f_fra <= segmenter.seg_fra,
            med_overlapp.f_til >= segmenter.seg_til,
        ],
    )
    beste_forst = ibis.window(
        group_by=[*TILFELLE, "seg_fra"], order_by=[ibis.desc("grad"), ibis.desc("sykmelding"), "rad"]
    )
    vinnere = kandidater.mutate(_nr=ibis.row_number().over(beste_forst)).filter(ibis._["_nr"] == 0)
    losning = vinnere.select(
        *TILFELLE,
        "rad",
        f_fra=vinnere.seg_fra,
        f_til=vinnere.seg_til,
        sykmelding=vinnere.sykmelding,
        grad=vinnere.grad,
        tilfelle_fra=vinnere.tilfelle_fra,
        tilfelle_til=vinnere.tilfelle_til,
    )
    return enkle.union(losning)
