"""A department far above its bransje.

The department's sykefraværsprosent over the same four quarters as the bransje's (or næring's)
figure from the national statistics, so the two cover the same seasons. A warning above
``bransje_faktor`` times the bransje's figure, only for a department with data in all four
quarters whose figure may be shown (antall personer of the sum = the largest quarterly count).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from naervaer.statistikk.maskering import STANDARD_TERSKEL, Terskel, Vist, avrund, masker_andel
from naervaer.statistikk.publisering import periodetekst
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.tidligvarsel.dagsverk import over_kvartaler
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Avdelingstre
from naervaer.tidligvarsel.maskering import telling, viste_avdelinger
from naervaer.tidligvarsel.terskler import Terskler
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import Tilfelle
from naervaer.tidligvarsel.varsel import Avdelingsvarsel, Rad, Referanse, Varseltype, prosenttekst

HVORFOR = (
    "Virksomheter i samme bransje har ofte lignende oppgaver og belastninger. Et sykefravær langt "
    "over bransjen tyder på at noe i avdelingen kan gjøres annerledes, og at det er mye å vinne, "
    "både for de ansatte og i kostnader."
)
GJOR = (
    "Gå gjennom fraværet i avdelingen sammen med lederen, HR og verneombudet: hva skiller "
    "avdelingen fra andre? Snakk med medarbeiderne om arbeidsdagen, og sett inn tiltak der dere "
    "finner årsaker i arbeidet. NAV Arbeidslivssenter kan hjelpe."
)
TEMAER = ("forebyggende", "psykisk_helse_og_stress")


def over_bransjen(
    tre: Avdelingstre,
    arbeidsforhold: Sequence[Arbeidsforhold],
    tilfeller: Mapping[int, Sequence[Tilfelle]],
    referanse: Referanse,
    terskler: Terskler,
    terskel: Terskel = STANDARD_TERSKEL,
) -> list[Avdelingsvarsel]:
    if referanse.prosent.verdi <= 0:
        return []
    kvartaler = referanse.kvartaler
    viste = viste_avdelinger(
        tre, telling(arbeidsforhold, [Tidsrom.kvartal(k) for k in kvartaler]), terskel
    )
    grense = terskler.bransje_faktor * referanse.prosent.verdi
    varsler = []
    for avdeling in sorted(viste):
        tall, med_data = over_kvartaler(
            arbeidsforhold, tilfeller, tre.med_underavdelinger(avdeling), kvartaler
        )
        if med_data < len(kvartaler):
            continue  # fewer than four quarters would compare a part of a year with a year
        figur = masker_andel(tall.tapte, tall.mulige, tall.antall_personer, terskel)
        if not isinstance(figur, Vist) or figur.verdi <= grense:
            continue
        navn = tre.navn(avdeling)
        ganger = norsk_tall(avrund(figur.verdi / referanse.prosent.verdi), 1)
        funn = (
            f"Sykefraværet i {navn} var {prosenttekst(figur)} de siste fire kvartalene "
            f"({periodetekst(referanse.periode)}), mot {prosenttekst(referanse.prosent)} i "
            f"{referanse.navn}. Det er {ganger} ganger så høyt, og grensen for varsel er "
            f"{norsk_tall(terskler.bransje_faktor, 1)} ganger."
        )
        varsler.append(
            Avdelingsvarsel(
                avdeling,
                navn,
                Varseltype.OVER_BRANSJEN,
                figur,
                referanse.prosent,
                Rad(funn, HVORFOR, GJOR, TEMAER),
            )
        )
    varsler.sort(key=lambda v: (-v.naa.verdi, v.navn))
    return varsler
