"""Every warning of one virksomhet on one day, from its own data and one benchmark."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from naervaer.statistikk.maskering import STANDARD_TERSKEL, Terskel
from naervaer.tidligvarsel.bransje import over_bransjen
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Avdeling, Avdelingstre, Fravaersperiode
from naervaer.tidligvarsel.korttid import bradford_tidsrom, gjentatt_korttid
from naervaer.tidligvarsel.langtid import okende_langtid, tidsrom
from naervaer.tidligvarsel.terskler import STANDARD, Terskler
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import slaa_sammen
from naervaer.tidligvarsel.varsel import Avdelingsvarsel, Personvarsel, Referanse

# A case that began more than this before a span is langtid in it whatever began it, so the
# periods before ``tidligste_dato`` cannot change any result (see ``tidligste_dato``).
MARGIN = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Varsler:
    dag: date
    terskler: Terskler
    personer: tuple[Personvarsel, ...]
    avdelinger: tuple[Avdelingsvarsel, ...]
    referanse: Referanse | None
    """None when the national statistics have no figure for the bransje yet."""


def tidligste_dato(dag: date, terskler: Terskler, referanse: Referanse | None) -> date:
    """The periods and employments ending before this day do not matter on ``dag``.

    A case that the cut shortens still starts no later than two days after the cut (the next
    working day), so in every span starting ``MARGIN`` after it, it has lasted 17 days or more,
    as the whole case has: its days stay langtid, and it is no short occurrence.
    """
    starter = [
        Tidsrom.maaneder_til(dag, terskler.korttid_maaneder).fra,
        bradford_tidsrom(dag).fra,
        *(t.fra for t in tidsrom(dag, terskler.langtid_sammenligning)),
    ]
    if referanse is not None:
        starter.append(referanse.kvartaler[0].start)
    return min(starter) - MARGIN


def finn_varsler(
    perioder: Iterable[Fravaersperiode],
    arbeidsforhold: Iterable[Arbeidsforhold],
    avdelinger: Iterable[Avdeling],
    dag: date,
    terskler: Terskler = STANDARD,
    referanse: Referanse | None = None,
    terskel: Terskel = STANDARD_TERSKEL,
) -> Varsler:
    # Periods registered ahead (a sick note that goes on) count; a period that begins after
    # ``dag`` has not happened yet.
    tilfeller = slaa_sammen(p for p in perioder if p.fra <= dag)
    forhold = tuple(arbeidsforhold)
    tre = Avdelingstre(avdelinger)
    avdelingsvarsler = okende_langtid(tre, forhold, tilfeller, dag, terskler, terskel)
    if referanse is not None:
        avdelingsvarsler += over_bransjen(tre, forhold, tilfeller, referanse, terskler, terskel)
    # Someone who has left is nobody's to talk to any more.
    ansatte_naa = {a.ansatt for a in forhold if a.i(dag, dag)}
    return Varsler(
        dag=dag,
        terskler=terskler,
        personer=tuple(
            v for v in gjentatt_korttid(tilfeller, dag, terskler) if v.ansatt in ansatte_naa
        ),
        avdelinger=tuple(avdelingsvarsler),
        referanse=referanse,
    )
