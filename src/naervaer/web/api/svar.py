"""From the overview the pages show to the API's answers.

Nothing here decides a figure: the period, the benchmark, the rating and the masking all come
from ``naervaer.statistikk.oversikt``. This module only changes the form, and ``_tall`` is the
one place a shown ``Decimal`` becomes a JSON number. A masked figure is a type without a value,
so it can only become ``null``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from naervaer.statistikk import oversikt as o
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Figur, Maskert, Vist
from naervaer.statistikk.publisering import periodetekst
from naervaer.web.api import schemas as s
from naervaer.web.virksomheter.tilgang import Rettigheter


def _tall(figur: Figur | None) -> float | None:
    # The value is already rounded to one decimal, so the float prints as the page shows it.
    return float(figur.verdi) if isinstance(figur, Vist) else None


def _maskert(figur: Figur | None) -> bool:
    return isinstance(figur, Maskert)


def virksomhet(tilgang: Rettigheter) -> s.Virksomhet:
    return s.Virksomhet(
        orgnr=tilgang.virksomhet.orgnr,
        navn=tilgang.virksomhet.navn,
        kan_se_statistikk=tilgang.kan_se_statistikk,
        er_administrator=tilgang.er_administrator,
        rolle=tilgang.rolle.value,
    )


def virksomheter(tilganger: Iterable[Rettigheter]) -> s.Virksomheter:
    return s.Virksomheter(virksomheter=[virksomhet(t) for t in tilganger])


def _enhet(enhet: o.Enhet) -> s.Enhet:
    return s.Enhet(kategori=enhet.kategori, kode=enhet.kode, navn=enhet.navn)


def _trend(utvikling: o.Utvikling) -> s.Trend:
    return s.Trend(
        periode=str(utvikling.periode),
        sammenlignet_med=str(utvikling.sammenlignet_med),
        prosentpoeng=_tall(utvikling.prosentpoeng),
        maskert=_maskert(utvikling.prosentpoeng),
    )


def _tallsett(tall: o.Tall) -> s.Tall:
    return s.Tall(
        enhet=_enhet(tall.enhet),
        prosent=_tall(tall.prosent),
        maskert=_maskert(tall.prosent),
        kvartaler=[str(k) for k in tall.kvartaler],
        trend=_trend(tall.utvikling),
    )


def _panel(panel: o.Panel) -> s.Panel:
    sammenligning = panel.sammenligning
    return s.Panel(
        maal=panel.maal,
        tittel=panel.tittel,
        hoy_er_bra=panel.hoy_er_bra,
        egen=_tallsett(panel.egen) if panel.egen is not None else None,
        referanse=_tallsett(panel.referanse),
        vurdering=sammenligning.vurdering if sammenligning is not None else None,
        vurdering_er_positiv=sammenligning.er_positiv if sammenligning is not None else None,
    )


def _periode(periode: Kvartal, publisert: date) -> s.Periode:
    return s.Periode(
        kvartal=str(periode),
        fra=(periode - 3).start,
        til=periode.slutt,
        tekst=periodetekst(periode),
        publisert=publisert,
    )


def statistikk(tilgang: Rettigheter, oversikt: o.Oversikt) -> s.Statistikk:
    periode = (
        _periode(oversikt.periode, oversikt.publisert)
        if oversikt.periode is not None and oversikt.publisert is not None
        else None
    )
    return s.Statistikk(
        virksomhet=virksomhet(tilgang),
        kan_se_egne_tall=oversikt.kan_se_egne_tall,
        maskeringsterskel=oversikt.terskel.antall_personer,
        periode=periode,
        sammenlign=oversikt.grunnlag,
        referanse=_enhet(oversikt.referanse),
        paneler=[_panel(p) for p in oversikt.paneler],
    )


def _linje(linje: o.Linje) -> s.Linje:
    return s.Linje(
        nokkel=linje.nokkel,
        enhet=_enhet(linje.enhet),
        punkter=[
            s.Punkt(kvartal=str(p.kvartal), prosent=_tall(p.prosent), maskert=_maskert(p.prosent))
            for p in linje.punkter
        ],
    )


def historikk(tilgang: Rettigheter, oversikt: o.Oversikt) -> s.Historikk:
    return s.Historikk(
        virksomhet=virksomhet(tilgang),
        kan_se_egne_tall=oversikt.kan_se_egne_tall,
        maskeringsterskel=oversikt.terskel.antall_personer,
        periode=str(oversikt.periode) if oversikt.periode is not None else None,
        kvartaler=[str(k) for k in oversikt.kvartaler],
        linjer=[_linje(linje) for linje in oversikt.linjer],
    )


def publisering(
    periode: Kvartal | None, publisert: date | None, neste: tuple[Kvartal, date]
) -> s.Publisering:
    return s.Publisering(
        periode=str(periode) if periode is not None else None,
        periodetekst=periodetekst(periode) if periode is not None else None,
        publisert=publisert,
        neste_periode=str(neste[0]),
        neste_publisering=neste[1],
    )
