"""Working days (Monday to Friday), counted by arithmetic rather than by iterating over days.

Public holidays are not subtracted: SSB stopped adjusting avtalte dagsverk for holidays from 2018K4.
"""

from __future__ import annotations

from datetime import date

import ibis
import ibis.expr.types as ir

# A Monday early enough that every real date has a positive day number, so integer division and
# modulo behave the same on every engine; weekday = day number mod 7 (0 = Monday).
MANDAG_NULL = date(1900, 1, 1)
_EPOKE_ORDINAL = MANDAG_NULL.toordinal()
# epoch_days counts from 1970-01-01.
_EPOKE_FORSKYVNING = date(1970, 1, 1).toordinal() - _EPOKE_ORDINAL


def dagnummer(dag: date) -> int:
    return dag.toordinal() - _EPOKE_ORDINAL


def virkedager_for(dagnr: int) -> int:
    """Working days in [MANDAG_NULL, day ``dagnr``), also for days before the epoch."""
    uker, rest = divmod(dagnr, 7)
    return 5 * uker + min(rest, 5)


def virkedager(fra: date, til: date) -> int:
    """Working days in [fra, til], both included; 0 when til is before fra."""
    if til < fra:
        return 0
    return virkedager_for(dagnummer(til) + 1) - virkedager_for(dagnummer(fra))


def neste_virkedag_etter(dag: date) -> date:
    """The first working day after ``dag``."""
    return date.fromordinal(neste_virkedag_etter_nr(dagnummer(dag)) + _EPOKE_ORDINAL)


def neste_virkedag_etter_nr(dagnr: int) -> int:
    ukedag = dagnr % 7
    # Friday jumps to Monday (+3), Saturday to Monday (+2); every other day to the next day.
    return dagnr + (3 if ukedag == 4 else 2 if ukedag == 5 else 1)


# The same arithmetic as Ibis expressions, so that it runs inside DuckDB and Spark.


def dagnummer_uttrykk(dato: ir.DateValue) -> ir.IntegerValue:
    return dato.epoch_days().cast("int64") + _EPOKE_FORSKYVNING


def virkedager_for_uttrykk(dagnr: ir.IntegerValue) -> ir.IntegerValue:
    return (dagnr // 7) * 5 + ibis.least(dagnr % 7, 5)


def virkedager_uttrykk(fra: ir.IntegerValue, til: ir.IntegerValue) -> ir.IntegerValue:
    """Working days in [fra, til] (day numbers), 0 when til is before fra."""
    return ibis.greatest(virkedager_for_uttrykk(til + 1) - virkedager_for_uttrykk(fra), 0)


def neste_virkedag_etter_uttrykk(dagnr: ir.IntegerValue) -> ir.IntegerValue:
    ukedag = dagnr % 7
    return ibis.cases((ukedag == 4, dagnr + 3), (ukedag == 5, dagnr + 2), else_=dagnr + 1)
