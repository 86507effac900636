"""Recomputing a virksomhet's own statistics from the stored absence data.

The engine (``naervaer.statistikk``) counts months and quarters from the employments and absence
in the database, the masking is decided for every department and period together, and the rows
replace the old ones in one transaction. Only finished months are computed: a month that is not
over yet would show too little absence against a whole month of working days.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date

import pyarrow as pa
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from naervaer.statistikk.aggregering import Fravaerstall
from naervaer.statistikk.avdelinger import Avdelingstre, avdeling_i, direkte, er_direkte
from naervaer.statistikk.egentall import Celle, Egne, Enhetskode, maskerte_celler
from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned
from naervaer.statistikk.maskering import Terskel
from naervaer.statistikk.motor import beregn_tabeller
from naervaer.statistikk.perioder import Inndeling, Periode
from naervaer.web.egendata.models import Arbeidsforhold, Avdeling, Fravaer
from naervaer.web.egenstatistikk.models import SUMFELT, Egenberegning, Egentall, fravaerstall
from naervaer.web.virksomheter.models import Virksomhet

logger = logging.getLogger(__name__)

MAKS_AR = 10
"""Older data is not computed: the page shows a few years, and the cost grows with the years."""


@dataclass(frozen=True, slots=True)
class Perioder:
    maneder: tuple[Maned, Maned]
    kvartaler: tuple[Kvartal, Kvartal] | None  # None: no whole quarter among the months

    @classmethod
    def mellom(cls, fra: Maned, til: Maned) -> Perioder:
        """The months, and the quarters whose three months are all among them."""
        forste = fra.kvartal if fra.maned % 3 == 1 else fra.kvartal + 1
        siste = til.kvartal if til.maned % 3 == 0 else til.kvartal - 1
        return cls((fra, til), (forste, siste) if forste <= siste else None)

    @property
    def alle(self) -> list[Periode]:
        ut: list[Periode] = [
            Maned.fra_indeks(i) for i in range(self.maneder[0].indeks, self.maneder[1].indeks + 1)
        ]
        if self.kvartaler is not None:
            fra, til = self.kvartaler
            ut += [Kvartal.fra_indeks(i) for i in range(fra.indeks, til.indeks + 1)]
        return ut


def perioder_for(forste_fravaer: date, siste_fravaer: date, dag: date) -> Perioder | None:
    """The months to compute: from the start of the quarter of the first absence (so quarters
    are whole) to the last finished month, but not past the last absence; at most ``MAKS_AR``
    years. None until the month of the first absence is over."""
    til = min(Maned.fra_dato(siste_fravaer), Maned.fra_dato(dag) - 1)
    fra = Maned.fra_dato(Kvartal.fra_dato(forste_fravaer).start)
    fra = max(fra, Maned.fra_dato(Kvartal.fra_dato((til - 12 * MAKS_AR + 1).start).start))
    # Months before the first absence would read as months without any, not as months without
    # data: the first absence's month must be over.
    if til < fra or til < Maned.fra_dato(forste_fravaer):
        return None
    return Perioder.mellom(fra, til)


def _tabeller(virksomhet: Virksomhet) -> dict[str, pa.Table]:
    orgnr = virksomhet.orgnr
    # Only VIRKSOMHET and AVDELING are computed, so næring, sektor and kommune are placeholders
    # that pass the register's checks whatever the virksomhet's own record holds.
    virksomheter = pa.table(
        {
            "orgnr": [orgnr],
            "overordnet_orgnr": [orgnr],
            "navn": [virksomhet.navn],
            "naeringskode": ["00000"],
            "sektor": ["UKJENT"],
            "kommunenummer": ["0000"],
        }
    )
    af = list(
        Arbeidsforhold.objects.filter(ansatt__virksomhet=virksomhet).values_list(
            "ansatt_id", "avdeling_id", "fra_dato", "til_dato", "stillingsprosent"
        )
    )
    arbeidsforhold = pa.table(
        {
            "person_id": pa.array([str(a[0]) for a in af], pa.string()),
            "orgnr": pa.array([orgnr] * len(af), pa.string()),
            "avdeling": pa.array([str(a[1]) for a in af], pa.string()),
            "fra_dato": pa.array([a[2] for a in af], pa.date32()),
            "til_dato": pa.array([a[3] for a in af], pa.date32()),
            "stillingsprosent": pa.array([float(a[4]) for a in af], pa.float64()),
        }
    )
    fr = list(
        Fravaer.objects.filter(ansatt__virksomhet=virksomhet).values_list(
            "ansatt_id", "fra_dato", "til_dato", "type", "grad"
        )
    )
    fravaer = pa.table(
        {
            "person_id": pa.array([str(f[0]) for f in fr], pa.string()),
            "orgnr": pa.array([orgnr] * len(fr), pa.string()),
            "fra_dato": pa.array([f[1] for f in fr], pa.date32()),
            "til_dato": pa.array([f[2] for f in fr], pa.date32()),
            "type": pa.array([f[3] for f in fr], pa.string()),
            "grad": pa.array([float(f[4]) for f in fr], pa.float64()),
        }
    )
    return {"virksomheter": virksomheter, "arbeidsforhold": arbeidsforhold, "fravaer": fravaer}


def avdelingstre(virksomhet: Virksomhet) -> Avdelingstre:
    avdelinger = Avdeling.objects.filter(virksomhet=virksomhet).values_list(
        "pk", "overordnet_id", "navn", "kode"
    )
    return Avdelingstre(
        {str(pk): None if over is None else str(over) for pk, over, _, _ in avdelinger},
        {str(pk): navn or f"Avdeling {kode}" for pk, _, navn, kode in avdelinger},
    )


def terskel() -> Terskel:
    return Terskel(settings.NAERVAER_MASKERINGSTERSKEL)


def beregn(virksomhet: Virksomhet, *, dag: date | None = None) -> Egenberegning:
    """Compute the virksomhet's own statistics again and replace the stored rows.

    The virksomhet's row is locked while reading and writing, so two recomputations one after
    the other never leave the older data's figures behind.
    """
    start = time.perf_counter()
    dag = dag or timezone.localdate()
    grense = terskel()
    with transaction.atomic():
        Virksomhet.objects.select_for_update().filter(pk=virksomhet.pk).exists()
        tre = avdelingstre(virksomhet)
        forste_nye = forste_kvartal_som_beregnes(virksomhet)
        ytterpunkter = Fravaer.objects.filter(ansatt__virksomhet=virksomhet).aggregate(
            forste=Min("fra_dato"), siste=Max("til_dato")
        )
        forste = ytterpunkter["forste"]
        if forste is not None and forste_nye is not None:
            forste = max(forste, forste_nye.start)
        perioder = (
            perioder_for(forste, ytterpunkter["siste"], dag)
            if forste is not None and forste <= ytterpunkter["siste"]
            else None
        )
        rader: list[Egentall] = []
        advarsler = 0
        if perioder is not None:
            rader, advarsler = _beregn_rader(virksomhet, tre, perioder, grense)
        beholdes = _beholdes(virksomhet, forste_nye)
        Egentall.objects.filter(virksomhet=virksomhet).exclude(pk__in=beholdes).delete()
        Egentall.objects.bulk_create(rader, batch_size=1_000)
        fra_maned = perioder.maneder[0].start if perioder else None
        til_maned = perioder.maneder[1].start if perioder else None
        if beholdes:
            tidligere = Egenberegning.objects.filter(virksomhet=virksomhet).first()
            if tidligere is not None and tidligere.fra_maned is not None:
                fra_maned = tidligere.fra_maned
                til_maned = til_maned or tidligere.til_maned
        beregning, _ = Egenberegning.objects.update_or_create(
            virksomhet=virksomhet,
            defaults={
                "beregnet": timezone.now(),
                "fra_maned": fra_maned,
                "til_maned": til_maned,
                "terskel": grense.antall_personer,
                "avdelingstre": dict(tre.overordnet),
                "antall_advarsler": advarsler,
                "varighet_ms": round((time.perf_counter() - start) * 1000),
            },
        )
    logger.info(
        "egne tall for %s: %d rader på %d ms", virksomhet.orgnr, len(rader), beregning.varighet_ms
    )
    return beregning


def forste_kvartal_som_beregnes(virksomhet: Virksomhet) -> Kvartal | None:
    """After a retention deletion, the quarters up to the one it reached have lost absence:
    their stored figures are kept as they were, and only later quarters are computed again.
    None when nothing has been deleted."""
    from naervaer.web.personvern.oppbevaring import frossen_for

    frossen = frossen_for(virksomhet)
    return None if frossen is None else Kvartal.fra_dato(frossen) + 1


def _beholdes(virksomhet: Virksomhet, forste_nye: Kvartal | None) -> list[int]:
    if forste_nye is None:
        return []
    return [
        pk
        for pk, inndeling, arstall, nummer in Egentall.objects.filter(
            virksomhet=virksomhet
        ).values_list("pk", "inndeling", "arstall", "nummer")
        if (
            Kvartal(arstall, (nummer - 1) // 3 + 1)
            if inndeling == Inndeling.MANED.value
            else Kvartal(arstall, nummer)
        )
        < forste_nye
    ]


def _beregn_rader(
    virksomhet: Virksomhet, tre: Avdelingstre, perioder: Perioder, grense: Terskel
) -> tuple[list[Egentall], int]:
    resultat = beregn_tabeller(
        _tabeller(virksomhet),
        *perioder.maneder,
        med_kvartaler=True,
        avdelingsenheter=tre.enhetstabell(virksomhet.orgnr),
        kategorier={Kategori.VIRKSOMHET, Kategori.AVDELING},
    )
    summer: dict[Celle, dict[str, int]] = {}
    for inndeling, tabell in resultat.summer.items():
        for rad in tabell.to_pylist():
            enhet = _enhet(rad["kategori"], rad["kode"])
            periode = inndeling.periode(rad["arstall"], rad[inndeling.value])
            summer[(enhet, periode)] = rad
    maskert = maskerte_celler(
        {celle: rad["antall_personer"] for celle, rad in summer.items()},
        tre,
        perioder.alle,
        grense,
    )
    rader = []
    for (enhet, periode), rad in summer.items():
        inndeling = Inndeling.MANED if isinstance(periode, Maned) else Inndeling.KVARTAL
        rader.append(
            Egentall(
                virksomhet=virksomhet,
                inndeling=inndeling.value,
                arstall=periode.arstall,
                nummer=periode.maned if isinstance(periode, Maned) else periode.kvartal,
                avdeling_id=None if enhet is None else int(avdeling_i(enhet)),
                direkte=enhet is not None and er_direkte(enhet),
                antall_personer=rad["antall_personer"],
                maskert=(enhet, periode) in maskert,
                **{felt: rad[felt] for felt in SUMFELT},
            )
        )
    return rader, resultat.advarsler.num_rows


def _enhet(kategori: str, kode: str) -> Enhetskode:
    if kategori == Kategori.VIRKSOMHET:
        return None
    return kode.partition("/")[2]


def egne_tall(virksomhet: Virksomhet) -> Egne | None:
    """The stored figures of the virksomhet, with the department tree they were computed with
    (and today's names); None when they have never been computed.

    When the masking threshold has been changed since, the masks are decided again here.
    """
    beregning = Egenberegning.objects.filter(virksomhet=virksomhet).first()
    if beregning is None:
        return None
    navn = avdelingstre(virksomhet).navn
    tre = Avdelingstre(dict(beregning.avdelingstre), navn)
    tall, maskert = _les(virksomhet)
    perioder = sorted({p for _, p in tall}, key=lambda p: (isinstance(p, Kvartal), p.indeks))
    if beregning.fra_maned is not None and beregning.til_maned is not None:
        fra, til = Maned.fra_dato(beregning.fra_maned), Maned.fra_dato(beregning.til_maned)
        perioder = Perioder.mellom(fra, til).alle
    grense = terskel()
    if beregning.terskel != grense.antall_personer:
        return Egne.med_maskering(tall, tre, perioder, grense)
    return Egne(tall, maskert, tre, tuple(perioder))


def _les(virksomhet: Virksomhet) -> tuple[dict[Celle, Fravaerstall], frozenset[Celle]]:
    """The stored sums and masks of the virksomhet."""
    tall: dict[Celle, Fravaerstall] = {}
    maskert: set[Celle] = set()
    for (
        inndeling,
        arstall,
        nummer,
        avdeling,
        er_direkte_,
        personer,
        flagg,
        *summer,
    ) in Egentall.objects.filter(virksomhet=virksomhet).values_list(
        "inndeling",
        "arstall",
        "nummer",
        "avdeling_id",
        "direkte",
        "antall_personer",
        "maskert",
        *SUMFELT,
    ):
        enhet: Enhetskode = None
        if avdeling is not None:
            enhet = direkte(str(avdeling)) if er_direkte_ else str(avdeling)
        celle = (enhet, Inndeling(inndeling).periode(arstall, nummer))
        tall[celle] = fravaerstall(personer, *summer)
        if flagg:
            maskert.add(celle)
    return tall, frozenset(maskert)
