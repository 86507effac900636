"""Rising long-term absence in a department.

The langtid percentage (tapte dagsverk of cases of 17 days or more, per mulige dagsverk) of the
last three months against the same three months a year earlier (no season in the difference) or
the three months before. A warning when it rose by more than the threshold, and only for a
department whose figures may be shown in both spans (enough persons, no secondary masking).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from naervaer.statistikk.maskering import STANDARD_TERSKEL, Terskel, Vist, masker_andel
from naervaer.tidligvarsel.dagsverk import Dagsverk, dagsverk
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Avdelingstre
from naervaer.tidligvarsel.maskering import telling, viste_avdelinger
from naervaer.tidligvarsel.terskler import SAMMENLIGNINGSNAVN, Sammenligning, Terskler
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import Tilfelle
from naervaer.tidligvarsel.varsel import (
    Avdelingsvarsel,
    Rad,
    Varseltype,
    prosentpoengtekst,
    prosenttekst,
)

MAANEDER = 3

HVORFOR = (
    "Når langtidsfraværet stiger i en avdeling, kan det ha sammenheng med arbeidsmiljøet, som "
    "belastning, bemanning, konflikter eller endringer. Jo lenger et fravær varer, jo vanskeligere "
    "blir det å komme tilbake."
)
GJOR = (
    "Sørg for at hver sykmeldt følges opp etter fristene, og at dere snakker om hva som kan "
    "tilrettelegges. Se på arbeidsmiljøet i avdelingen sammen med verneombudet, og vurder å be "
    "bedriftshelsetjenesten eller NAV Arbeidslivssenter om hjelp."
)
TEMAER = ("under_sykmelding", "tilrettelegging", "tilbake_i_arbeid")


def tidsrom(dag: date, sammenligning: Sammenligning) -> tuple[Tidsrom, Tidsrom]:
    """The last three months to ``dag``, and the span they are compared with."""
    naa = Tidsrom.maaneder_til(dag, MAANEDER)
    return naa, naa.flyttet(12 if sammenligning is Sammenligning.I_FJOR else MAANEDER)


def langtidsprosent(tall: Dagsverk, terskel: Terskel) -> Vist | None:
    figur = masker_andel(tall.tapte_langtid, tall.mulige, tall.antall_personer, terskel)
    return figur if isinstance(figur, Vist) else None


def okende_langtid(
    tre: Avdelingstre,
    arbeidsforhold: Sequence[Arbeidsforhold],
    tilfeller: Mapping[int, Sequence[Tilfelle]],
    dag: date,
    terskler: Terskler,
    terskel: Terskel = STANDARD_TERSKEL,
) -> list[Avdelingsvarsel]:
    naa, foer = tidsrom(dag, terskler.langtid_sammenligning)
    viste = viste_avdelinger(tre, telling(arbeidsforhold, [naa]), terskel) & viste_avdelinger(
        tre, telling(arbeidsforhold, [foer]), terskel
    )
    varsler = []
    for avdeling in sorted(viste):
        enhet = tre.med_underavdelinger(avdeling)
        na_prosent = langtidsprosent(dagsverk(arbeidsforhold, tilfeller, enhet, naa), terskel)
        da_prosent = langtidsprosent(dagsverk(arbeidsforhold, tilfeller, enhet, foer), terskel)
        if na_prosent is None or da_prosent is None:
            continue
        # The difference of the two shown figures, so that it agrees with what the page says.
        okning = na_prosent.verdi - da_prosent.verdi
        if okning <= terskler.langtid_okning:
            continue
        navn = tre.navn(avdeling)
        funn = (
            f"Langtidsfraværet (tilfeller på 17 dager eller mer) i {navn} var "
            f"{prosenttekst(na_prosent)} av mulige dagsverk de siste tre månedene ({naa}), mot "
            f"{prosenttekst(da_prosent)} {SAMMENLIGNINGSNAVN[terskler.langtid_sammenligning]} "
            f"({foer}). Det er {prosentpoengtekst(okning)} mer, og grensen for varsel er "
            f"{prosentpoengtekst(terskler.langtid_okning)}."
        )
        varsler.append(
            Avdelingsvarsel(
                avdeling,
                navn,
                Varseltype.OKENDE_LANGTID,
                na_prosent,
                da_prosent,
                Rad(funn, HVORFOR, GJOR, TEMAER),
            )
        )
    varsler.sort(key=lambda v: (-(v.naa.verdi - v.mot.verdi), v.navn))
    return varsler
