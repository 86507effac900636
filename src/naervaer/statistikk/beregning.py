"""From the register to one row per (kategori, kode, arstall, kvartal): spec §3-§6.

The periods are quarters, or months for the employer's own data (``perioder.Inndeling``); every
step works on a running period number ``q``, so both are counted the same way. Interval
arithmetic throughout: an arbeidsforhold or a fravær is one row per period it touches, never one
row per day, and working days are counted by formula. Sums are exact integers:
stillingsprosent and grad are carried in hundredths, so mulige dagsverk are counted in units of
1/10 000 and tapte dagsverk in units of 1/100 000 000 of a dagsverk, and nothing is rounded
until a percentage is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from naervaer.statistikk.dager import dagnummer, dagnummer_uttrykk, virkedager_uttrykk
from naervaer.statistikk.enheter import BRANSJER, LAND_KODE, STORRELSER, Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.motorer import Motor
from naervaer.statistikk.perioder import Inndeling, Periode, Periodeplan, periodetabell
from naervaer.statistikk.register import GRAD_SKALA, Register
from naervaer.statistikk.tilfeller import KORTTID_MAKS_DAGER, Tilfeller, bygg_tilfeller

MULIGE_SKALA = 10_000
TAPTE_SKALA = 100_000_000
SUMMER = (
    "mulige",
    "tapte",
    "tapte_egenmeldt",
    "tapte_legemeldt",
    "tapte_gradert",
    "tapte_korttid",
    "tapte_langtid",
)
UTEN_AVDELING = ""

# (step, done, total): how the core reports progress without knowing how it is shown.
Fremdriftsmelding = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Beregning:
    """The quarterly sums (materialized on the engine) and the warnings found on the way."""

    summer: ir.Table
    advarsler: ir.Table


def kvartalstabell(fra: Kvartal, til: Kvartal) -> pa.Table:
    return periodetabell(fra, til)


def kvartalsindeks(dato: ir.DateValue) -> ir.IntegerValue:
    """The same running quarter number as ``Kvartal.indeks``."""
    return Inndeling.KVARTAL.indeks_uttrykk(dato)


AVDELINGSENHET_KOLONNER = ("orgnr", "avdeling", "enhet")


def beregn_summer(
    register: Register,
    fra: Periode,
    til: Periode,
    motor: Motor,
    fremdrift: Fremdriftsmelding | None = None,
    *,
    avdelingsenheter: pa.Table | None = None,
    kategorier: Collection[Kategori] | None = None,
    behold_register: bool = False,
    med_kvartaler: bool = False,
) -> Beregning:
    """The sums of every unit and period from ``fra`` to ``til`` (quarters or months).

    ``avdelingsenheter`` (columns ``orgnr``, ``avdeling``, ``enhet``) says which AVDELING units
    an arbeidsforhold in a department counts in: with one row per ancestor a parent covers its
    sub-departments. Without it each department is its own unit. ``kategorier`` limits the
    units computed; ``behold_register`` keeps the register for another computation.
    With ``med_kvartaler`` (``fra`` and ``til`` are months) the quarters made of whole months are
    counted in the same pass, with columns ``inndeling`` and ``nummer`` in place of ``maned``.
    """
    meld = fremdrift or (lambda navn, ferdig, totalt: None)
    steg = "Beregner dagsverk, tilfeller og enheter"
    meld(steg, 0, 4)
    plan = Periodeplan(fra, til, med_kvartaler)
    if til < fra:
        raise ValueError(f"perioden slutter ({til}) før den begynner ({fra})")
    q = motor.tabell(f"perioder_{plan.inndeling.value}", plan.tabell())

    arbeidsforhold = motor.materialiser(_arbeidsforhold_i_perioden(register.arbeidsforhold, plan))
    # Most arbeidsforhold in a virksomhet span the same days once clipped to the period (all of
    # it, for everyone hired before it began), so they are added up before being split into
    # quarters: the working days are the same, and stilling and count simply add.
    like = ["orgnr", "avdeling", "a_fra", "a_til", "aq_fra", "aq_til"]
    samlet = arbeidsforhold.group_by(*like).agg(
        stilling=arbeidsforhold.stilling.sum(), antall=arbeidsforhold.count()
    )
    per_kvartal = _per_periode(samlet, q, plan, "a_fra", "a_til", "aq_fra", "aq_til")
    mulige = per_kvartal.group_by("orgnr", "avdeling", "q").agg(
        mulige=(
            virkedager_uttrykk(per_kvartal.del_fra, per_kvartal.del_til) * per_kvartal.stilling
        ).sum(),
        rader=per_kvartal.antall.sum(),
    )
    dobbelt = _personer_med_flere_rader(arbeidsforhold, q, plan)
    meld(steg, 1, 4)

    fravaer = register.fravaer.mutate(
        f_fra=dagnummer_uttrykk(register.fravaer.fra_dato),
        f_til=dagnummer_uttrykk(register.fravaer.til_dato),
        q_fra=plan.indeks_uttrykk(register.fravaer.fra_dato),
        q_til=plan.indeks_uttrykk(register.fravaer.til_dato),
    )
    tilfeller = bygg_tilfeller(fravaer.filter(fravaer.tilknytning.notnull()), motor)
    uten_tilknytning = motor.materialiser(
        fravaer.filter(fravaer.tilknytning.isnull()).select(
            "rad", dager_utenfor=fravaer.f_til - fravaer.f_fra + 1
        )
    )
    if not behold_register:
        # From here on every step reads the periods with their neighbours, never the typed file.
        motor.slipp(register.fravaer)
    tapte = _tapte(tilfeller.perioder, arbeidsforhold, q, plan)
    meld(steg, 2, 4)

    koder = _enhetskoder(register.virksomheter)
    grunnlag = motor.materialiser(
        mulige.left_join(tapte, ["orgnr", "avdeling", "q"])
        .select(
            "orgnr",
            "avdeling",
            "q",
            "rader",
            *[ibis.coalesce(ibis._[s], 0).name(s) for s in SUMMER],
        )
        .join(koder, "orgnr")
    )
    dobbelt_med_koder = motor.materialiser(dobbelt.join(koder, "orgnr"))
    meld(steg, 3, 4)

    onskede = set(Kategori) if kategorier is None else set(kategorier)
    if not onskede:
        raise ValueError("ingen enheter å beregne")
    # The size class is read from the virksomheter's own rows.
    nivaer = [
        kategori
        for kategori in Kategori
        if kategori != Kategori.STORRELSE
        and (
            kategori in onskede
            or (kategori == Kategori.VIRKSOMHET and Kategori.STORRELSE in onskede)
        )
    ]
    rader: dict[Kategori, ir.Table] = {}
    for kategori in nivaer:
        if kategori == Kategori.AVDELING and avdelingsenheter is not None:
            rader[kategori] = _avdelinger_i_tre(
                motor.tabell("avdelingsenheter", avdelingsenheter), grunnlag, dobbelt_med_koder
            )
        else:
            rader[kategori] = _summer_for(kategori, _kode(kategori), grunnlag, dobbelt_med_koder)
    if Kategori.STORRELSE in onskede:
        rader[Kategori.VIRKSOMHET] = motor.materialiser(rader[Kategori.VIRKSOMHET])
        storrelse = _storrelse_per_virksomhet(rader[Kategori.VIRKSOMHET])
        rader[Kategori.STORRELSE] = _summer_for(
            Kategori.STORRELSE,
            ibis._.storrelse,
            grunnlag.join(storrelse, ["orgnr", "q"]),
            dobbelt_med_koder.join(storrelse, ["orgnr", "q"]),
        )
        if Kategori.VIRKSOMHET not in onskede:
            del rader[Kategori.VIRKSOMHET]
    alle = ibis.union(*rader.values()).join(q.select("q", "arstall", *plan.kolonner), "q").drop("q")
    summer = motor.materialiser(alle)
    meld(steg, 4, 4)
    advarsler = _advarsler(tilfeller, uten_tilknytning, register)
    return Beregning(summer, advarsler)


def _arbeidsforhold_i_perioden(arbeidsforhold: ir.Table, plan: Periodeplan) -> ir.Table:
    fra, til = plan.fra, plan.til
    periode_fra, periode_til = dagnummer(fra.start), dagnummer(til.slutt)
    indeks = plan.indeks_uttrykk
    a = arbeidsforhold.mutate(
        a_fra=ibis.greatest(dagnummer_uttrykk(arbeidsforhold.fra_dato), periode_fra),
        a_til=ibis.least(
            ibis.coalesce(dagnummer_uttrykk(arbeidsforhold.til_dato), periode_til), periode_til
        ),
        aq_fra=ibis.greatest(indeks(arbeidsforhold.fra_dato), fra.indeks),
        aq_til=ibis.least(ibis.coalesce(indeks(arbeidsforhold.til_dato), til.indeks), til.indeks),
        avdeling=ibis.coalesce(arbeidsforhold.avdeling, UTEN_AVDELING),
    )
    return a.filter(a.a_fra <= a.a_til).select(
        "person_id",
        "tilknytning",
        "orgnr",
        "avdeling",
        "a_fra",
        "a_til",
        "aq_fra",
        "aq_til",
        "stilling",
    )


def _per_periode(
    tabell: ir.Table, q: ir.Table, plan: Periodeplan, fra: str, til: str, q_fra: str, q_til: str
) -> ir.Table:
    """One row per period the interval touches, with the part inside that period.

    The periods come from the interval's own period numbers rather than a range join, so the
    engine never compares every interval with every period.
    """
    perioder = plan.perioder_uttrykk(tabell[q_fra], tabell[q_til])
    delt = tabell.mutate(q=perioder).unnest("q").join(q, "q")
    return delt.mutate(
        del_fra=ibis.greatest(delt[fra], delt.q_start),
        del_til=ibis.least(delt[til], delt.q_slutt),
    )


def _personer_med_flere_rader(arbeidsforhold: ir.Table, q: ir.Table, plan: Periodeplan) -> ir.Table:
    """The quarterly rows of persons who have more than one in a quarter.

    Counting rows counts persons everywhere except for these few; they are counted distinctly
    per unit instead, so a person with two jobs counts once in LAND. Only persons with more than
    one arbeidsforhold can be among them, so only those are split into quarters here.
    """
    flere = (
        arbeidsforhold.group_by("person_id")
        .agg(_antall=arbeidsforhold.count())
        .filter(ibis._["_antall"] > 1)
        .select("person_id")
    )
    kandidater = _per_periode(
        arbeidsforhold.semi_join(flere, "person_id"),
        q,
        plan,
        "a_fra",
        "a_til",
        "aq_fra",
        "aq_til",
    ).select("person_id", "orgnr", "avdeling", "q")
    med_antall = kandidater.mutate(
        _antall=kandidater.count().over(ibis.window(group_by=["person_id", "q"]))
    )
    return med_antall.filter(med_antall["_antall"] > 1).drop("_antall")


def _tapte(
    perioder: ir.Table, arbeidsforhold: ir.Table, q: ir.Table, plan: Periodeplan
) -> ir.Table:
    i_arbeid = perioder.join(
        arbeidsforhold,
        [
            "tilknytning",
            arbeidsforhold.a_fra <= perioder.f_til,
            arbeidsforhold.a_til >= perioder.f_fra,
        ],
    )
    i_arbeid = i_arbeid.mutate(
        x_fra=ibis.greatest(i_arbeid.f_fra, i_arbeid.a_fra),
        x_til=ibis.least(i_arbeid.f_til, i_arbeid.a_til),
        xq_fra=ibis.greatest(i_arbeid.q_fra, i_arbeid.aq_fra),
        xq_til=ibis.least(i_arbeid.q_til, i_arbeid.aq_til),
    ).select(
        "orgnr",
        "avdeling",
        "x_fra",
        "x_til",
        "xq_fra",
        "xq_til",
        "stilling",
        "grad",
        "sykmelding",
        "tilfelle_fra",
        "tilfelle_til",
    )
    t = _per_periode(i_arbeid, q, plan, "x_fra", "x_til", "xq_fra", "xq_til")
    t = t.mutate(
        tapte=virkedager_uttrykk(t.del_fra, t.del_til) * t.stilling * t.grad,
        korttid=(ibis.least(t.tilfelle_til, t.q_slutt) - t.tilfelle_fra + 1) <= KORTTID_MAKS_DAGER,
        gradert=t.sykmelding & (t.grad < 100 * GRAD_SKALA),
    )
    null = ibis.literal(0, "int64")
    return t.group_by("orgnr", "avdeling", "q").agg(
        tapte=t.tapte.sum(),
        tapte_egenmeldt=ibis.ifelse(~t.sykmelding, t.tapte, null).sum(),
        tapte_legemeldt=ibis.ifelse(t.sykmelding, t.tapte, null).sum(),
        tapte_gradert=ibis.ifelse(t.gradert, t.tapte, null).sum(),
        tapte_korttid=ibis.ifelse(t.korttid, t.tapte, null).sum(),
        tapte_langtid=ibis.ifelse(~t.korttid, t.tapte, null).sum(),
    )


def _enhetskoder(virksomheter: ir.Table) -> ir.Table:
    v = virksomheter
    naering = v.naeringskode.substr(0, 2)
    bransje = ibis.cases(
        *(
            (
                v.naeringskode.isin(sorted(b.naeringskoder)) | naering.isin(sorted(b.naeringer)),
                b.kode,
            )
            for b in BRANSJER
        ),
        else_=ibis.null("string"),
    )
    return v.select(
        "orgnr",
        sektor=v.sektor,
        naering=naering,
        naeringskode=v.naeringskode,
        bransje=bransje,
        fylke=v.kommunenummer.substr(0, 2),
        virksomhet=v.orgnr.cast("string").lpad(9, "0"),
        overordnet_enhet=v.overordnet_orgnr.cast("string").lpad(9, "0"),
    )


def _kode(kategori: Kategori) -> ir.Deferred:
    """The unit code of a row in the grunnlag, or null when the row is not in such a unit."""
    d = ibis._
    match kategori:
        case Kategori.LAND:
            return ibis.literal(LAND_KODE)
        case Kategori.SEKTOR:
            return d.sektor
        case Kategori.NAERING:
            return d.naering
        case Kategori.NAERINGSKODE:
            return d.naeringskode
        case Kategori.BRANSJE:
            return d.bransje
        case Kategori.FYLKE:
            return d.fylke
        case Kategori.VIRKSOMHET:
            return d.virksomhet
        case Kategori.OVERORDNET_ENHET:
            return d.overordnet_enhet
        case Kategori.AVDELING:
            return ibis.ifelse(
                d.avdeling == UTEN_AVDELING,
                ibis.null("string"),
                d.virksomhet.concat("/", d.avdeling),
            )
    raise ValueError(kategori)


def _summer_for(
    kategori: Kategori, kode: object, grunnlag: ir.Table, dobbelt: ir.Table
) -> ir.Table:
    """Roll the grunnlag up to one unit kind: sums add, persons are rows less double counts."""
    g = grunnlag.mutate(kode=kode).filter(ibis._.kode.notnull())
    summer = g.group_by("kode", "q").agg(rader=g.rader.sum(), **{s: g[s].sum() for s in SUMMER})
    d = dobbelt.mutate(kode=kode).filter(ibis._.kode.notnull())
    dobbelttelt = d.group_by("kode", "q").agg(_dobbelt=d.count() - d.person_id.nunique())
    samlet = summer.left_join(dobbelttelt, ["kode", "q"])
    return samlet.select(
        kategori=ibis.literal(kategori.value),
        kode=samlet.kode,
        q=samlet.q,
        antall_personer=(samlet.rader - ibis.coalesce(samlet["_dobbelt"], 0)).cast("int64"),
        **{s: samlet[s].cast("int64") for s in SUMMER},
    )


def _avdelinger_i_tre(enheter: ir.Table, grunnlag: ir.Table, dobbelt: ir.Table) -> ir.Table:
    """AVDELING rows of the units each department counts in (itself and its ancestors, say).

    A person with rows in two departments of one unit is in ``dobbelt`` twice for that unit, so
    the unit counts the person once, as every other unit does.
    """
    kode = ibis._.virksomhet.concat("/", ibis._.enhet)
    return _summer_for(
        Kategori.AVDELING,
        kode,
        grunnlag.join(enheter, ["orgnr", "avdeling"]),
        dobbelt.join(enheter, ["orgnr", "avdeling"]),
    )


def _storrelse_per_virksomhet(virksomheter: ir.Table) -> ir.Table:
    antall = virksomheter.antall_personer
    klasse = ibis.cases(
        *(
            (
                (antall >= k.minst) & (antall <= k.hoyst)
                if k.hoyst is not None
                else antall >= k.minst,
                k.kode,
            )
            for k in STORRELSER
        ),
        else_=ibis.null("string"),
    )
    return virksomheter.select(
        orgnr=virksomheter.kode.cast("int64"), q=virksomheter.q, storrelse=klasse
    )


def _advarsler(tilfeller: Tilfeller, uten_tilknytning: ir.Table, register: Register) -> ir.Table:
    """Overlapping periods and fravær outside every arbeidsforhold: reported, never dropped."""
    fil = ibis.literal(register.filnavn["fravaer"])
    o = tilfeller.overlapp
    overlapp = o.select(
        fil=fil,
        rad=o.rad,
        melding=ibis.ifelse(
            o.forrige_rad.notnull(),
            ibis.literal("fraværet overlapper fraværet på rad ").concat(
                o.forrige_rad.cast("string")
            ),
            ibis.literal(
                "fraværet overlapper et tidligere fravær for samme person i samme virksomhet"
            ),
        ).concat("; hver dag telles én gang, med høyeste grad"),
    )
    utenfor = (
        _fravaer_utenfor_arbeidsforhold(tilfeller.naboer, register.arbeidsforhold)
        .select("rad", "dager_utenfor")
        .union(uten_tilknytning)
    )
    utenfor = utenfor.select(
        fil=fil,
        rad=utenfor.rad,
        melding=utenfor.dager_utenfor.cast("string").concat(
            " dag(er) av fraværet er utenfor personens arbeidsforhold i virksomheten og telles ikke"
        ),
    )
    return overlapp.union(utenfor)


def _fravaer_utenfor_arbeidsforhold(naboer: ir.Table, arbeidsforhold: ir.Table) -> ir.Table:
    """Rows of fravær with days outside every arbeidsforhold of the person in the virksomhet.

    Almost always one island of arbeidsforhold covers all of a person's fravær in a virksomhet,
    from the first day to the last; that is checked once per person and virksomhet, and only the
    rest are checked row by row.
    """
    noekkel = ["tilknytning"]
    a = arbeidsforhold.mutate(
        a_fra=dagnummer_uttrykk(arbeidsforhold.fra_dato),
        # An ongoing arbeidsforhold covers every later day; this number is far beyond any date used.
        a_til=ibis.coalesce(dagnummer_uttrykk(arbeidsforhold.til_dato), 10**7),
    )
    oyer = _sammenhengende(a.select(*noekkel, "a_fra", "a_til"))
    forste = naboer.filter(naboer.forste)
    # The few tilknytninger whose fravær no single island covers; only their rows are checked
    # one by one, and probing for a few keys is cheap even over every row of fravær.
    udekket = forste.anti_join(
        oyer, [*noekkel, oyer.a_fra <= forste.alle_fra, oyer.a_til >= forste.alle_til]
    ).select(*noekkel)
    mistenkte = naboer.semi_join(udekket, noekkel).select("rad", *noekkel, "f_fra", "f_til")
    koblet = mistenkte.left_join(
        oyer,
        [*noekkel, oyer.a_fra <= mistenkte.f_til, oyer.a_til >= mistenkte.f_fra],
    )
    # LEAST and GREATEST skip nulls, so a fravær with no island must be caught before them.
    dekket = ibis.ifelse(
        koblet.a_fra.isnull(),
        0,
        ibis.least(koblet.f_til, koblet.a_til) - ibis.greatest(koblet.f_fra, koblet.a_fra) + 1,
    )
    per_rad = koblet.group_by("rad").agg(
        dekket=dekket.sum(), lengde=(koblet.f_til - koblet.f_fra + 1).max()
    )
    return per_rad.filter(per_rad.dekket < per_rad.lengde).mutate(
        dager_utenfor=per_rad.lengde - per_rad.dekket
    )


def _sammenhengende(intervaller: ir.Table) -> ir.Table:
    """Merge each person's arbeidsforhold in a virksomhet into disjoint islands of days."""
    noekkel = ["tilknytning"]
    rekkefolge = ["a_fra", "a_til"]
    tidligere = ibis.window(group_by=noekkel, order_by=rekkefolge, rows=(None, -1))
    t = intervaller.mutate(_seneste=intervaller.a_til.max().over(tidligere))
    t = t.mutate(_ny=(t["_seneste"].isnull() | (t.a_fra > t["_seneste"] + 1)).cast("int64"))
    t = t.mutate(
        _oy=t["_ny"].sum().over(ibis.cumulative_window(group_by=noekkel, order_by=rekkefolge))
    )
    return t.group_by(*noekkel, "_oy").agg(a_fra=t.a_fra.min(), a_til=t.a_til.max()).drop("_oy")
