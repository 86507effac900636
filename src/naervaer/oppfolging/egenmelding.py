"""The virksomhet's egenmelding policy and what it says about a case.

The law's rule is the default: three calendar days per absence, and an employee who has had four
absences with egenmelding in twelve months can lose the right for the rest of them. The employer may
allow longer egenmelding inside the arbeidsgiverperiode after discussing it with the tillitsvalgte
(ftrl. § 8-24); many still use the former IA rule of 8 days per absence and 24 days per twelve
months. A new absence within 16 days counts together with the previous one (§ 8-24), which is how
``tilfelle`` already joins them.

The policy does not move any deadline: it tells the user which days need a sykmelding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import takewhile

from naervaer.oppfolging.regler import (
    FTRL_8_23_TIL_8_27,
    FTRL_8_24,
    REGELVERK,
    Kilde,
    Regelverk,
)
from naervaer.oppfolging.tilfelle import (
    Fravaerstype,
    Tilfelle,
    aar_tilbake,
    arbeidsgiverperiode,
)
from naervaer.statistikk.publisering import datotekst

FTRL_8_7 = Kilde("ftrl. § 8-7", "https://lovdata.no/lov/1997-02-28-19/§8-7")
IA_AVTALEN = Kilde("lokal avtale etter ftrl. § 8-24 (tidligere IA-avtalen)", FTRL_8_24.url)


@dataclass(frozen=True, slots=True)
class Egenmeldingsregel:
    navn: str
    dager_per_tilfelle: int
    ganger_per_12_mnd: int | None = None
    """Earlier absences with egenmelding in twelve months after which the right may be lost."""
    dager_per_12_mnd: int | None = None
    kilde: Kilde = FTRL_8_24


LOVENS_REGEL = Egenmeldingsregel("lovens regel", 3, ganger_per_12_mnd=4, kilde=FTRL_8_23_TIL_8_27)
IA_REGEL = Egenmeldingsregel("IA-regelen", 8, dager_per_12_mnd=24, kilde=IA_AVTALEN)


def lokal_regel(dager_per_tilfelle: int) -> Egenmeldingsregel:
    """A local extension of the days per absence, keeping the law's limit of four absences."""
    return Egenmeldingsregel(
        f"virksomhetens regel ({dager_per_tilfelle} dager)",
        dager_per_tilfelle,
        ganger_per_12_mnd=LOVENS_REGEL.ganger_per_12_mnd,
        kilde=FTRL_8_24,
    )


def kontroller_regel(regel: Egenmeldingsregel, dag: date, regelverk: Regelverk = REGELVERK) -> None:
    lov = regelverk.sats("egenmelding_dager", dag)
    maks = regelverk.sats("egenmelding_utvidet_maks_dager", dag)
    if not lov <= regel.dager_per_tilfelle <= maks:
        raise ValueError(
            f"Egenmelding kan gjelde fra {lov} til {maks} dager per tilfelle (ftrl. § 8-24), "
            f"ikke {regel.dager_per_tilfelle}."
        )


def _egenmeldte_dager(tilfelle: Tilfelle) -> list[date]:
    # An egenmelding always ends, so an ongoing case is read no further than its last one.
    slutt = max(
        (p.til for p in tilfelle.perioder if p.type is Fravaerstype.EGENMELDING and p.til),
        default=None,
    )
    if slutt is None:
        return []
    dager = takewhile(lambda d: d.dato <= slutt, tilfelle.dager())
    return [d.dato for d in dager if d.type is Fravaerstype.EGENMELDING]


def merknader(
    tilfeller: Sequence[Tilfelle],
    regel: Egenmeldingsregel = LOVENS_REGEL,
    regelverk: Regelverk = REGELVERK,
) -> tuple[str, ...]:
    """What the policy says about the egenmelding in the last case, in Norwegian."""
    naa = tilfeller[-1]
    kontroller_regel(regel, naa.fra, regelverk)
    egne = _egenmeldte_dager(naa)
    if not egne:
        return ()
    ut: list[str] = []
    if len(egne) > regel.dager_per_tilfelle:
        forste_uten = egne[regel.dager_per_tilfelle]
        ut.append(
            f"Egenmeldingen dekker {len(egne)} dager i dette tilfellet, men {regel.navn} gir "
            f"rett til {regel.dager_per_tilfelle} dager per tilfelle ({regel.kilde}). Fra "
            f"{datotekst(forste_uten)} trengs sykmelding; ellers kan arbeidsgiveren kreve "
            "legeerklæring, og retten til sykepenger for egenmeldingsperioden kan falle bort "
            f"({FTRL_8_24})."
        )
    arbeidsgivers = {d.dato for d in arbeidsgiverperiode(naa, regelverk)}
    etter = [d for d in egne if d not in arbeidsgivers]
    if etter:
        ut.append(
            f"Egenmeldte dager etter arbeidsgiverperioden (fra {datotekst(etter[0])}) gir ikke "
            f"sykepenger fra NAV; da trengs sykmelding ({FTRL_8_7})."
        )
    ut.extend(_tolv_maaneder(tilfeller, egne, regel))
    return tuple(ut)


def _tolv_maaneder(
    tilfeller: Sequence[Tilfelle], egne: list[date], regel: Egenmeldingsregel
) -> list[str]:
    start = egne[0]
    vindu = aar_tilbake(start, 1)
    tidligere = [
        dager for t in tilfeller[:-1] if (dager := [d for d in _egenmeldte_dager(t) if d > vindu])
    ]
    ut: list[str] = []
    if regel.ganger_per_12_mnd is not None and len(tidligere) >= regel.ganger_per_12_mnd:
        ut.append(
            f"Den ansatte har brukt egenmelding {len(tidligere)} ganger de siste 12 månedene før "
            f"{datotekst(start)}. Etter {regel.navn} kan retten til egenmelding da falle bort "
            f"for resten av 12-månedersperioden ({FTRL_8_23_TIL_8_27})."
        )
    if regel.dager_per_12_mnd is not None:
        brukt = sum(len(dager) for dager in tidligere)
        if brukt + len(egne) > regel.dager_per_12_mnd:
            # The first day of this case past the limit, counted with the days before it.
            forste_over = egne[max(regel.dager_per_12_mnd - brukt, 0)]
            ut.append(
                f"Med dette tilfellet er det brukt {brukt + len(egne)} egenmeldingsdager på 12 "
                f"måneder, men {regel.navn} gir {regel.dager_per_12_mnd} ({regel.kilde}). Fra "
                f"{datotekst(forste_over)} trengs sykmelding."
            )
    return ut
