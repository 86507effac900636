"""Norwegian public holidays, to tell the user when a deadline falls on a day off.

Computed rather than taken from a library: the movable holidays follow Easter, and Easter is a
formula (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). The days are those of lov om
helligdager og helligdagsfred § 2 (1995) and the høytidsdager 1 and 17 May (lov 26. april 1947
nr. 1).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

LOERDAG, SOENDAG = 5, 6

# Days counted from Easter Sunday.
_BEVEGELIGE = (
    (-3, "skjærtorsdag"),
    (-2, "langfredag"),
    (0, "1. påskedag"),
    (1, "2. påskedag"),
    (39, "Kristi himmelfartsdag"),
    (49, "1. pinsedag"),
    (50, "2. pinsedag"),
)
_FASTE = (
    (1, 1, "1. nyttårsdag"),
    (5, 1, "1. mai"),
    (5, 17, "17. mai"),
    (12, 25, "1. juledag"),
    (12, 26, "2. juledag"),
)


def paaskedag(aar: int) -> date:
    """Easter Sunday in the Gregorian calendar."""
    a = aar % 19
    b, c = divmod(aar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ukedag = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ukedag) // 451
    maaned, dag = divmod(h + ukedag - 7 * m + 114, 31)
    return date(aar, maaned, dag + 1)


@cache
def helligdager(aar: int) -> dict[date, str]:
    """The public holidays of ``aar`` other than ordinary Sundays, with their names."""
    paaske = paaskedag(aar)
    dager = {paaske + timedelta(days=n): navn for n, navn in _BEVEGELIGE}
    dager.update({date(aar, maaned, dag): navn for maaned, dag, navn in _FASTE})
    return dict(sorted(dager.items()))


def fridag(dag: date) -> str | None:
    """Why ``dag`` is not a working day («lørdag», «søndag», «2. påskedag»), or None."""
    navn = helligdager(dag.year).get(dag)
    if navn is not None:
        return navn
    if dag.weekday() == LOERDAG:
        return "lørdag"
    if dag.weekday() == SOENDAG:
        return "søndag"
    return None


def siste_virkedag(dag: date) -> date:
    """``dag`` itself if it is a working day, otherwise the nearest working day before it."""
    while fridag(dag) is not None:
        dag -= timedelta(days=1)
    return dag
