"""From the database to the plain inputs of ``naervaer.tidligvarsel``, and the benchmark."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from naervaer.oppfolging.tilfelle import Fravaerstype
from naervaer.statistikk import aggregering
from naervaer.statistikk.maskering import Terskel, Vist
from naervaer.statistikk.oversikt import bransje_eller_naering, gjeldende_publisering
from naervaer.tidligvarsel.arbeidsliste import Varsler, finn_varsler, tidligste_dato
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Avdeling, Fravaersperiode
from naervaer.tidligvarsel.terskler import Terskler
from naervaer.tidligvarsel.varsel import Referanse
from naervaer.web.egendata import models as egen
from naervaer.web.statistikk.lager import hent_enheter
from naervaer.web.virksomheter.models import Virksomhet


def referanse(virksomhet: Virksomhet, dag: date) -> Referanse | None:
    """The bransje's (else the næring's) sykefravær over the four quarters of the current
    period, as the statistics page shows it; None without published statistics."""
    periode = gjeldende_publisering(hent_enheter, dag).periode
    if periode is None:
        return None
    enhet = bransje_eller_naering(virksomhet.naeringskode)
    rader = hent_enheter([(enhet.kategori, enhet.kode)]).get((enhet.kategori, enhet.kode), [])
    siste = aggregering.siste_fire_kvartaler(rader, periode)
    figur = aggregering.prosent(siste.tall) if siste.er_fullstendig else None
    if not isinstance(figur, Vist):
        return None
    return Referanse(enhet.i_setning, figur, periode)


def varsler_for(virksomhet: Virksomhet, dag: date, terskler: Terskler, terskel: Terskel) -> Varsler:
    """Every warning of the virksomhet on ``dag``; the caller picks what the user may see."""
    ref = referanse(virksomhet, dag)
    fra = tidligste_dato(dag, terskler, ref)
    perioder = [
        Fravaersperiode(ansatt_id, f, t, Fravaerstype(type_), grad)
        for ansatt_id, f, t, type_, grad in egen.Fravaer.objects.filter(
            ansatt__virksomhet=virksomhet, til_dato__gte=fra, fra_dato__lte=dag
        ).values_list("ansatt_id", "fra_dato", "til_dato", "type", "grad")
    ]
    arbeidsforhold = [
        Arbeidsforhold(ansatt_id, avdeling_id, f, t, stilling)
        for ansatt_id, avdeling_id, f, t, stilling in egen.Arbeidsforhold.objects.filter(
            Q(til_dato__isnull=True) | Q(til_dato__gte=fra),
            ansatt__virksomhet=virksomhet,
            fra_dato__lte=dag,
        ).values_list("ansatt_id", "avdeling_id", "fra_dato", "til_dato", "stillingsprosent")
    ]
    avdelinger = [
        Avdeling(pk, navn or f"Avdeling {kode}", overordnet)
        for pk, navn, kode, overordnet in egen.Avdeling.objects.filter(
            virksomhet=virksomhet
        ).values_list("pk", "navn", "kode", "overordnet_id")
    ]
    return finn_varsler(perioder, arbeidsforhold, avdelinger, dag, terskler, ref, terskel)
