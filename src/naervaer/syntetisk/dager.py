"""Day arithmetic on numpy arrays of day numbers (days since 1970-01-01, as Arrow's date32).

1970-01-01 was a Thursday, so the weekday (0 = Monday) of day ``d`` is ``(d + 3) % 7``.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt

Dager = npt.NDArray[np.int64]
_EPOKE = date(1970, 1, 1).toordinal()


def dagnummer(dag: date) -> int:
    return dag.toordinal() - _EPOKE


def ukedag(d: Dager) -> Dager:
    return (d + 3) % 7


def virkedagindeks(d: Dager) -> Dager:
    """Working days before day ``d``, counted from Monday 1969-12-29."""
    uker, rest = np.divmod(d + 3, 7)
    return 5 * uker + np.minimum(rest, 5)


def virkedager(fra: Dager, til: Dager) -> Dager:
    """Working days in [fra, til], both included; 0 when til is before fra."""
    return np.maximum(virkedagindeks(til + 1) - virkedagindeks(fra), 0)


def legg_til_virkedager(d: Dager, antall: Dager) -> Dager:
    """The day of the ``antall``-th working day counted from the working day ``d`` (1 = ``d``)."""
    maal = virkedagindeks(d) + antall - 1
    uker, rest = np.divmod(maal, 5)
    return 7 * uker + rest - 3


def neste_virkedag_etter(d: Dager) -> Dager:
    dag = ukedag(d)
    # Friday jumps to Monday (+3), Saturday to Monday (+2); every other day to the next day.
    return d + np.where(dag == 4, 3, np.where(dag == 5, 2, 1))


def som_datoer(d: Dager) -> npt.NDArray[np.datetime64]:
    return d.astype("datetime64[D]")
