"""Working days (Monday to Friday), counted by arithmetic rather than by iterating over days.

Public holidays are not subtracted: SSB stopped adjusting avtalte dagsverk for holidays from 2018K4.
"""

from __future__ import annotations

from datetime import date

# A Monday: day numbers are counted from here, so weekday = day number mod 7 (0 = Monday).
MANDAG_NULL = date(1970, 1, 5)
_EPOKE_ORDINAL = MANDAG_NULL.toordinal()


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
