"""A virksomhet's statistics as the statistics page, the API and the downloads show them.

Everything that decides what a figure is (the period, the benchmark, the rating, the trend) is
here and nowhere else, free of any web framework, so the page, the JSON and the files can never
disagree. The caller says whether the user may see the virksomhet's own figures; without that
right the overview holds benchmarks only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from naervaer.statistikk import aggregering
from naervaer.statistikk.aggregering import Fravaerstall, Fravaerstype, Kvartalstall
from naervaer.statistikk.enheter import (
    BRANSJE_ETTER_KODE,
    FYLKER,
    Kategori,
    bransje_for,
    normaliser_naeringskode,
    storrelse_for,
)
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import (
    MASKERT,
    STANDARD_TERSKEL,
    Figur,
    Terskel,
    avrund,
    masker,
)
from naervaer.statistikk.publisering import (
    STANDARD_KALENDER,
    Publiseringskalender,
    gjeldende_periode,
)
from naervaer.statistikk.vurdering import Sammenligning, vurder


class Grunnlag(StrEnum):
    """What the virksomhet is compared with; BRANSJE means the bransje, else the næring."""

    BRANSJE = "bransje"
    SEKTOR = "sektor"
    LAND = "land"
    FYLKE = "fylke"
    STORRELSE = "storrelse"


class Maal(StrEnum):
    """The six figures of the panels."""

    TOTALT = "totalt"
    EGENMELDT = "egenmeldt"
    LEGEMELDT = "legemeldt"
    GRADERT = "gradert"
    KORTTID = "korttid"
    LANGTID = "langtid"


MAALNAVN: Mapping[Maal, str] = {
    Maal.TOTALT: "Sykefravær totalt",
    Maal.EGENMELDT: "Egenmeldt sykefravær",
    Maal.LEGEMELDT: "Legemeldt sykefravær",
    Maal.GRADERT: "Gradert sykmelding",
    Maal.KORTTID: "Korttidsfravær (1–16 dager)",
    Maal.LANGTID: "Langtidsfravær (17 dager eller mer)",
}

_FRAVAERSTYPE: Mapping[Maal, Fravaerstype] = {
    Maal.TOTALT: Fravaerstype.TOTALT,
    Maal.EGENMELDT: Fravaerstype.EGENMELDT,
    Maal.LEGEMELDT: Fravaerstype.LEGEMELDT,
    Maal.KORTTID: Fravaerstype.KORTTID,
    Maal.LANGTID: Fravaerstype.LANGTID,
}

GRUNNLAGSNAVN: Mapping[Grunnlag, str] = {
    Grunnlag.BRANSJE: "Bransje eller næring",
    Grunnlag.SEKTOR: "Sektor",
    Grunnlag.LAND: "Hele landet",
    Grunnlag.FYLKE: "Fylke",
    Grunnlag.STORRELSE: "Virksomheter av samme størrelse",
}

_SEKTORNAVN = {
    "STATLIG": "Statlig forvaltning",
    "KOMMUNAL": "Kommunal forvaltning",
    "PRIVAT": "Privat og offentlig næringsvirksomhet",
    "UKJENT": "Ukjent sektor",
}


@dataclass(frozen=True, slots=True)
class Enhet:
    kategori: Kategori
    kode: str
    navn: str

    @property
    def i_setning(self) -> str:
        """The name inside a sentence: «bransjen barnehager», but «Oslo»."""
        if self.kategori in (Kategori.FYLKE, Kategori.VIRKSOMHET) or not self.navn:
            return self.navn
        return self.navn[0].lower() + self.navn[1:]


@dataclass(frozen=True, slots=True)
class Virksomhetsdata:
    """What the overview needs to know about the virksomhet itself (no figures)."""

    orgnr: str
    navn: str
    overordnet_orgnr: str
    naeringskode: str
    sektor: str
    kommunenummer: str


Henter = Callable[
    [Iterable[tuple[Kategori, str]]], Mapping[tuple[Kategori, str], list[Kvartalstall]]
]


@dataclass(frozen=True, slots=True)
class Utvikling:
    """The change since the same quarter last year, in percentage points."""

    periode: Kvartal
    sammenlignet_med: Kvartal
    prosentpoeng: Figur | None


@dataclass(frozen=True, slots=True)
class Tall:
    """One unit's figure for one measure over the last four quarters."""

    enhet: Enhet
    prosent: Figur | None
    kvartaler: tuple[Kvartal, ...]
    utvikling: Utvikling


@dataclass(frozen=True, slots=True)
class Panel:
    maal: Maal
    tittel: str
    egen: Tall | None  # None: the user may not see the virksomhet's own figures
    referanse: Tall
    sammenligning: Sammenligning | None

    @property
    def hoy_er_bra(self) -> bool:
        return self.maal is Maal.GRADERT


@dataclass(frozen=True, slots=True)
class Punkt:
    kvartal: Kvartal
    prosent: Figur | None


@dataclass(frozen=True, slots=True)
class Linje:
    """One unit's sykefravær per quarter, for the history chart and table."""

    nokkel: str
    enhet: Enhet
    punkter: tuple[Punkt, ...]


@dataclass(frozen=True, slots=True)
class Oversikt:
    virksomhet: Virksomhetsdata
    kan_se_egne_tall: bool
    periode: Kvartal | None  # None: no published statistics in the store yet
    grunnlag: Grunnlag
    referanse: Enhet
    bransje_eller_naering: Enhet
    naeringskoder_i_bransjen: tuple[str, ...]
    storrelse: Enhet | None
    paneler: tuple[Panel, ...]
    linjer: tuple[Linje, ...]
    kvartaler: tuple[Kvartal, ...]  # every quarter of the history, oldest first
    publisert: date | None
    neste_publisering: tuple[Kvartal, date]
    terskel: Terskel


@dataclass(frozen=True, slots=True)
class Publisering:
    periode: Kvartal | None  # None: no published statistics in the store yet
    publisert: date | None
    neste: tuple[Kvartal, date]


def gjeldende_publisering(
    hent: Henter, dag: date, kalender: Publiseringskalender = STANDARD_KALENDER
) -> Publisering:
    """The current period: the newest national quarter in the store that is published by
    ``dag``; every unit's figures are shown for that period."""
    land = hent([(Kategori.LAND, "NO")]).get((Kategori.LAND, "NO"), [])
    periode = gjeldende_periode([rad.kvartal for rad in land], dag, kalender)
    return Publisering(
        periode,
        kalender.publiseringsdato(periode) if periode is not None else None,
        kalender.neste_publisering(dag),
    )


def bransje_eller_naering(naeringskode: str) -> Enhet:
    bransje = bransje_for(naeringskode)
    if bransje is not None:
        return Enhet(Kategori.BRANSJE, bransje.kode, f"Bransjen {bransje.navn.lower()}")
    naering = normaliser_naeringskode(naeringskode)[:2]
    return Enhet(Kategori.NAERING, naering, f"Næring {naering}")


def enhet_for(kategori: Kategori, kode: str, virksomhet: Virksomhetsdata | None = None) -> Enhet:
    """A unit with the name the pages use for it."""
    match kategori:
        case Kategori.LAND:
            return Enhet(kategori, kode, "Hele landet")
        case Kategori.SEKTOR:
            return Enhet(kategori, kode, _SEKTORNAVN.get(kode, f"Sektor {kode}"))
        case Kategori.FYLKE:
            return Enhet(kategori, kode, FYLKER.get(kode, f"Fylke {kode}"))
        case Kategori.STORRELSE:
            return Enhet(kategori, kode, f"Virksomheter med {kode} personer")
        case Kategori.BRANSJE if kode in BRANSJE_ETTER_KODE:
            return Enhet(kategori, kode, f"Bransjen {BRANSJE_ETTER_KODE[kode].navn.lower()}")
        case Kategori.NAERING:
            return Enhet(kategori, kode, f"Næring {kode}")
        case Kategori.VIRKSOMHET if virksomhet is not None and virksomhet.orgnr == kode:
            return Enhet(kategori, kode, virksomhet.navn)
        case Kategori.OVERORDNET_ENHET:
            return Enhet(kategori, kode, f"Overordnet enhet {kode}")
    return Enhet(kategori, kode, f"{kategori.value.capitalize()} {kode}")


def _andel(maal: Maal, tall: Fravaerstall | None, terskel: Terskel) -> Figur | None:
    if maal is Maal.GRADERT:
        return aggregering.gradert_prosent(tall, terskel)
    return aggregering.prosent(tall, _FRAVAERSTYPE[maal], terskel)


def _utvikling(
    maal: Maal, etter_kvartal: Mapping[Kvartal, Fravaerstall], periode: Kvartal, terskel: Terskel
) -> Utvikling:
    i_fjor = periode - 4
    if maal is not Maal.GRADERT:
        trend = aggregering.trend(
            [Kvartalstall(k, t) for k, t in etter_kvartal.items()],
            periode,
            _FRAVAERSTYPE[maal],
            terskel,
        )
        return Utvikling(periode, i_fjor, trend.prosentpoeng)
    # The graded share has another denominator (legemeldt loss), so the trend is built the same
    # way from its own two shown figures, and masked by the same rule.
    naa, da = etter_kvartal.get(periode), etter_kvartal.get(i_fjor)
    if naa is None or da is None:
        return Utvikling(periode, i_fjor, None)
    minst = min(naa.antall_personer, da.antall_personer)
    if terskel.maskerer(minst):
        return Utvikling(periode, i_fjor, MASKERT)
    if not naa.tapte_dagsverk_legemeldt or not da.tapte_dagsverk_legemeldt:
        return Utvikling(periode, i_fjor, None)
    endring = avrund(naa.tapte_dagsverk_gradert * 100 / naa.tapte_dagsverk_legemeldt) - avrund(
        da.tapte_dagsverk_gradert * 100 / da.tapte_dagsverk_legemeldt
    )
    return Utvikling(periode, i_fjor, masker(endring, minst, terskel))


def _tall(
    enhet: Enhet, rader: list[Kvartalstall], maal: Maal, periode: Kvartal, terskel: Terskel
) -> Tall:
    siste = aggregering.siste_fire_kvartaler(rader, periode)
    etter_kvartal = {rad.kvartal: rad.tall for rad in rader}
    return Tall(
        enhet=enhet,
        prosent=_andel(maal, siste.tall, terskel),
        kvartaler=siste.kvartaler,
        utvikling=_utvikling(maal, etter_kvartal, periode, terskel),
    )


def lag_oversikt(
    virksomhet: Virksomhetsdata,
    hent: Henter,
    *,
    kan_se_egne_tall: bool,
    grunnlag: Grunnlag = Grunnlag.BRANSJE,
    dag: date,
    terskel: Terskel = STANDARD_TERSKEL,
    kalender: Publiseringskalender = STANDARD_KALENDER,
) -> Oversikt:
    """The overview of ``virksomhet`` on ``dag``; ``hent`` reads the quarters of several units
    (oldest first). Without ``kan_se_egne_tall`` no own figure is in the result."""
    egen = Enhet(Kategori.VIRKSOMHET, virksomhet.orgnr, virksomhet.navn)
    bransje = bransje_eller_naering(virksomhet.naeringskode)
    sektor = enhet_for(Kategori.SEKTOR, virksomhet.sektor)
    land = enhet_for(Kategori.LAND, "NO")
    fylke = enhet_for(Kategori.FYLKE, virksomhet.kommunenummer[:2])

    # The virksomhet's own rows are read also without the statistics right: its size class
    # comes from them. A class of at least the masking threshold says no more than the range
    # Enhetsregisteret publishes; the figures themselves stay inside this function unless the
    # user may see them.
    enheter = [egen, bransje, sektor, land, fylke]
    rader = dict(hent((e.kategori, e.kode) for e in enheter))

    publisering = gjeldende_publisering(lambda _: rader, dag, kalender)
    periode = publisering.periode

    storrelse: Enhet | None = None
    if periode is not None:
        i_perioden = [r for r in _rader(rader, egen) if r.kvartal <= periode]
        if i_perioden and i_perioden[-1].tall.antall_personer > 0:
            klasse = storrelse_for(i_perioden[-1].tall.antall_personer)
            # «1-4» would tell a user without the right that the figures are masked, and so
            # that fewer than five persons work there: that is the virksomhet's own figure.
            if kan_se_egne_tall or not terskel.maskerer(klasse.minst):
                storrelse = enhet_for(Kategori.STORRELSE, klasse.kode)
            if storrelse is not None:
                rader.update(hent([(storrelse.kategori, storrelse.kode)]))
    if not kan_se_egne_tall:
        del rader[(egen.kategori, egen.kode)]

    referanser = {
        Grunnlag.BRANSJE: bransje,
        Grunnlag.SEKTOR: sektor,
        Grunnlag.LAND: land,
        Grunnlag.FYLKE: fylke,
        Grunnlag.STORRELSE: storrelse,
    }
    referanse = referanser[grunnlag] or bransje
    if referanser[grunnlag] is None:
        grunnlag = Grunnlag.BRANSJE

    paneler: list[Panel] = []
    if periode is not None:
        for maal in Maal:
            ref = _tall(referanse, _rader(rader, referanse), maal, periode, terskel)
            if kan_se_egne_tall:
                eget = _tall(egen, _rader(rader, egen), maal, periode, terskel)
                sammenligning: Sammenligning | None = vurder(
                    eget.prosent,
                    ref.prosent,
                    antall_kvartaler=len(eget.kvartaler),
                    hoy_er_bra=maal is Maal.GRADERT,
                )
            else:
                eget, sammenligning = None, None
            paneler.append(Panel(maal, MAALNAVN[maal], eget, ref, sammenligning))

    linjeenheter: list[tuple[str, Enhet]] = []
    if kan_se_egne_tall:
        # No line for the overordnet enhet: it minus the user's own virksomhet would give a
        # masked sibling's figure, and spec §7 forbids a total that reveals a masked part.
        linjeenheter.append(("virksomhet", egen))
    linjeenheter += [("bransje", bransje), ("sektor", sektor), ("land", land), ("fylke", fylke)]
    if storrelse is not None:
        linjeenheter.append(("storrelse", storrelse))
    alle_kvartaler = sorted(
        {
            rad.kvartal
            for _, enhet in linjeenheter
            for rad in _rader(rader, enhet)
            if periode is not None and rad.kvartal <= periode
        }
    )
    linjer = tuple(
        Linje(nokkel, enhet, _historikk(_rader(rader, enhet), alle_kvartaler, terskel))
        for nokkel, enhet in linjeenheter
    )

    bransjeobjekt = bransje_for(virksomhet.naeringskode)
    return Oversikt(
        virksomhet=virksomhet,
        kan_se_egne_tall=kan_se_egne_tall,
        periode=periode,
        grunnlag=grunnlag,
        referanse=referanse,
        bransje_eller_naering=bransje,
        naeringskoder_i_bransjen=_naeringskoder(bransjeobjekt.kode) if bransjeobjekt else (),
        storrelse=storrelse,
        paneler=tuple(paneler),
        linjer=linjer,
        kvartaler=tuple(alle_kvartaler),
        publisert=publisering.publisert,
        neste_publisering=publisering.neste,
        terskel=terskel,
    )


def _rader(
    rader: Mapping[tuple[Kategori, str], list[Kvartalstall]], enhet: Enhet
) -> list[Kvartalstall]:
    return rader.get((enhet.kategori, enhet.kode), [])


def _historikk(
    rader: list[Kvartalstall], kvartaler: list[Kvartal], terskel: Terskel
) -> tuple[Punkt, ...]:
    etter_kvartal = {rad.kvartal: rad.tall for rad in rader}
    return tuple(
        Punkt(k, aggregering.prosent(etter_kvartal.get(k), terskel=terskel)) for k in kvartaler
    )


def _naeringskoder(bransjekode: str) -> tuple[str, ...]:
    bransje = BRANSJE_ETTER_KODE[bransjekode]
    return tuple(f"næring {n}" for n in sorted(bransje.naeringer)) + tuple(
        f"{kode[:2]}.{kode[2:]}" for kode in sorted(bransje.naeringskoder)
    )
