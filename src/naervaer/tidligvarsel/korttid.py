"""Repeated short-term absence of one person.

A warning when the person has had ``korttid_antall`` occurrences or more that began in the last
``korttid_maaneder`` months, an occurrence being a case of the statistics (periods joined when the
next starts no later than the first working day after the previous) of at most 16 days. Longer
cases are followed up on the law's timeline in Oppfølging, so they do not count here.

Optionally also by the Bradford factor S² × D over the last 52 weeks, S the short cases and D
their working days of absence: it weighs many short spells above one longer one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from naervaer.tidligvarsel.terskler import Terskler
from naervaer.tidligvarsel.tidsrom import EN_DAG, Tidsrom, dagtekst
from naervaer.tidligvarsel.tilfeller import Tilfelle
from naervaer.tidligvarsel.varsel import Bradford, Personvarsel, Rad, oppramsing

BRADFORD_UKER = 52

HVORFOR = (
    "Gjentatt korttidsfravær kan være et tidlig tegn på at noe er tungt, i jobben eller ellers, "
    "og det går ofte foran lengre fravær. Jo tidligere dere snakker sammen, jo lettere er det å "
    "finne grep som hjelper."
)
GJOR = (
    "Inviter til en samtale om hvordan arbeidsdagen er. Si hva du har sett, spør om jobben og "
    "ikke om helsen, og avtal tiltak og en ny samtale. Varselet er et signal om å ta en prat, "
    "ikke en konklusjon."
)
TEMAER = ("hyppig_korttidsfravaer", "forebyggende")


def bradford_tidsrom(dag: date) -> Tidsrom:
    return Tidsrom(dag - timedelta(weeks=BRADFORD_UKER) + EN_DAG, dag)


def bradford(tilfeller: Sequence[Tilfelle], dag: date) -> Bradford:
    """The Bradford factor of the short cases with a day in the 52 weeks ending ``dag``."""
    tid = bradford_tidsrom(dag)
    korte = [t for t in tilfeller if t.er_korttid() and t.til >= tid.fra and t.fra <= tid.til]
    return Bradford(len(korte), sum(t.virkedager(tid.fra, tid.til) for t in korte), tid)


def gjentatt_korttid(
    tilfeller: Mapping[int, Sequence[Tilfelle]], dag: date, terskler: Terskler
) -> list[Personvarsel]:
    """The persons with repeated short-term absence on ``dag``: most occurrences first."""
    tid = Tidsrom.maaneder_til(dag, terskler.korttid_maaneder)
    varsler = []
    for ansatt, egne in tilfeller.items():
        korte = tuple(t for t in egne if t.er_korttid() and tid.fra <= t.fra <= tid.til)
        etter_antall = len(korte) >= terskler.korttid_antall
        faktor = bradford(egne, dag) if terskler.bradford_aktiv else None
        etter_bradford = faktor is not None and faktor.faktor >= terskler.bradford_terskel
        if not (etter_antall or etter_bradford):
            continue
        if not etter_antall:
            # Found by the factor alone: show the cases the factor counts.
            bredde = bradford_tidsrom(dag)
            korte = tuple(
                t for t in egne if t.er_korttid() and t.til >= bredde.fra and t.fra <= dag
            )
        varsler.append(
            Personvarsel(ansatt, korte, faktor, _rad(korte, faktor, etter_antall, terskler))
        )
    varsler.sort(key=lambda v: (-len(v.tilfeller), -v.tilfeller[-1].fra.toordinal(), v.ansatt))
    return varsler


def _rad(
    korte: Sequence[Tilfelle], faktor: Bradford | None, etter_antall: bool, terskler: Terskler
) -> Rad:
    datoer = oppramsing([dagtekst(t.fra, t.til) for t in korte])
    if etter_antall:
        funn = (
            f"{len(korte)} korte fraværstilfeller (16 dager eller kortere) som begynte de "
            f"siste {terskler.korttid_maaneder} månedene: {datoer}."
        )
    else:
        funn = f"{len(korte)} korte fraværstilfeller de siste {BRADFORD_UKER} ukene: {datoer}."
    if faktor is not None:
        over = faktor.faktor >= terskler.bradford_terskel
        funn += (
            f" Bradford-faktoren for de siste {BRADFORD_UKER} ukene er {faktor.faktor} "
            f"({faktor.tilfeller} × {faktor.tilfeller} tilfeller × {faktor.dager} fraværsdager), "
            + (
                f"som er over grensen på {terskler.bradford_terskel}."
                if over
                else f"og grensen er {terskler.bradford_terskel}."
            )
        )
    return Rad(funn, HVORFOR, GJOR, TEMAER)
