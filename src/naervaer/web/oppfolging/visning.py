"""What the follow-up pages show, read from the database and the rules: the worklist's rows, a
case with its timeline and tasks, and the figures per department. The views only choose, check
access and log."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from naervaer.oppfolging.egenmelding import Egenmeldingsregel
from naervaer.oppfolging.frister import Frist, fridagsmerknad, tidslinje
from naervaer.oppfolging.oppgaver import (
    er_oppgave,
    fortsetter_til,
    kan_vaere_unodvendig,
    regel_for,
)
from naervaer.oppfolging.regler import Kilde, UtenforRegelverket
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode
from naervaer.oppfolging.varseltekst import oppgavetittel
from naervaer.statistikk.maskering import Figur, Terskel, masker, sekundaer_maskering
from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer
from naervaer.web.oppfolging import samtalelenker
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.oppfolging.samtalelenker import Samtalelenke
from naervaer.web.oppfolging.synk import periode
from naervaer.web.paminnelser.ansvar import Ansvarskart, navn
from naervaer.web.virksomheter.models import Virksomhet

# --- Deadlines and tasks ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fristvisning:
    dato: date
    dager: int
    """Days from today to the deadline; below zero when it has passed."""

    @property
    def forfalt(self) -> bool:
        return self.dager < 0

    @property
    def tekst(self) -> str:
        if self.dager == 0:
            return "i dag"
        if self.dager == 1:
            return "i morgen"
        if self.dager > 1:
            return f"om {self.dager} dager"
        if self.dager == -1:
            return "i går"
        return f"for {-self.dager} dager siden"


def fristvisning(dato: date, dag: date) -> Fristvisning:
    return Fristvisning(dato, (dato - dag).days)


@dataclass(frozen=True, slots=True)
class Oppgavevisning:
    oppgave: Oppgave
    tittel: str
    frist: Fristvisning
    kilde: Kilde
    samtale: Samtalelenke
    kan_vaere_unodvendig: bool
    fridag: str | None
    gjelder_ikke: bool = False
    """Kept for what was recorded, though the milestone is no longer in the case (it got
    shorter)."""

    @property
    def er_apen(self) -> bool:
        return self.oppgave.er_apen

    @property
    def forfalt(self) -> bool:
        return self.er_apen and self.frist.forfalt


def oppgavevisning(
    oppgave: Oppgave, tilfelle: Tilfelle, dag: date, gjelder_ikke: bool = False
) -> Oppgavevisning:
    regel = regel_for(oppgave.kode, tilfelle.fra_dato)
    url = regel.kilde.url if regel is not None and str(regel.kilde) == oppgave.kilde else None
    return Oppgavevisning(
        oppgave=oppgave,
        tittel=oppgavetittel(oppgave.kode),
        frist=fristvisning(oppgave.gjeldende_frist, dag),
        kilde=Kilde(oppgave.kilde, url),
        samtale=samtalelenker.for_oppgave(oppgave.kode),
        kan_vaere_unodvendig=kan_vaere_unodvendig(oppgave.kode, tilfelle.fra_dato),
        fridag=fridagsmerknad(oppgave.frist) if regel is not None and regel.frist else None,
        gjelder_ikke=gjelder_ikke,
    )


def uke(tilfelle: Tilfelle, dag: date) -> int:
    """The week of the absence the case is in today (or was in on its last day)."""
    siste = min(dag, tilfelle.til_dato) if tilfelle.til_dato else dag
    return max((siste - tilfelle.fra_dato).days, 0) // 7 + 1


def gjeldende_avdelinger(ansatt_ids: Iterable[int], dag: date) -> dict[int, Avdeling]:
    """Each employee's department on the day: the newest employment going on, or the last one."""
    per_ansatt: dict[int, list[Arbeidsforhold]] = defaultdict(list)
    for rad in Arbeidsforhold.objects.filter(ansatt_id__in=list(ansatt_ids)).select_related(
        "avdeling"
    ):
        per_ansatt[rad.ansatt_id].append(rad)
    ut: dict[int, Avdeling] = {}
    for ansatt_id, forhold in per_ansatt.items():
        naa = [
            f for f in forhold if f.fra_dato <= dag and (f.til_dato is None or f.til_dato >= dag)
        ]
        valgt = max(naa or forhold, key=lambda f: (f.fra_dato, f.stillingsprosent))
        ut[ansatt_id] = valgt.avdeling
    return ut


def plan_url(tilfelle: Tilfelle) -> str | None:
    """The case's oppfølgingsplan, once the plan pages exist."""
    try:
        return reverse(
            "oppfolgingsplan:plan",
            kwargs={"orgnr": tilfelle.ansatt.virksomhet_id, "tilfelle_id": tilfelle.pk},
        )
    except NoReverseMatch:
        return None


# --- The worklist -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rad:
    tilfelle: Tilfelle
    avdeling: Avdeling | None
    uke: int
    apne: tuple[Oppgavevisning, ...]
    """The tasks still to do, the next first."""
    ansvarlige: tuple[str, ...]
    er_min: bool
    samtale: Samtalelenke

    @property
    def neste(self) -> Oppgavevisning | None:
        return self.apne[0] if self.apne else None

    @property
    def forfalte(self) -> int:
        return sum(1 for o in self.apne if o.forfalt)

    @property
    def ansatt(self) -> Ansatt:
        return self.tilfelle.ansatt

    @property
    def fortsetter_til(self) -> date | None:
        til = self.tilfelle.til_dato
        return fortsetter_til(til) if til is not None else None


@dataclass(frozen=True, slots=True)
class Arbeidsliste:
    rader: list[Rad]
    tilbake: list[Rad]
    """Cases that ended within the joining window: back at work, and a new absence before
    ``fortsetter_til`` would continue the case."""
    antall_forfalte: int


def _rad(
    tilfelle: Tilfelle,
    dag: date,
    avdeling: Avdeling | None,
    kart: Ansvarskart,
    bruker_id: int | None,
) -> Rad:
    apne = sorted(
        (oppgavevisning(o, tilfelle, dag) for o in tilfelle.oppgaver.all() if o.er_apen),
        key=lambda o: (o.frist.dato, o.oppgave.frist),
    )
    ledere = kart.ledere(tilfelle.ansatt_id)
    samtale = (
        apne[0].samtale
        if apne
        else samtalelenker.lenke(
            samtalelenker.UNDER_SYKMELDING
            if tilfelle.avsluttet is None
            else samtalelenker.TILBAKE_I_ARBEID
        )
    )
    return Rad(
        tilfelle=tilfelle,
        avdeling=avdeling,
        uke=uke(tilfelle, dag),
        apne=tuple(apne),
        ansvarlige=tuple(navn(b) for b in ledere),
        er_min=any(b.pk == bruker_id for b in ledere),
        samtale=samtale,
    )


def arbeidsliste(
    virksomhet: Virksomhet,
    ansatte: QuerySet[Ansatt],
    dag: date,
    bruker_id: int | None,
    *,
    bare_mine: bool = False,
    bare_forfalte: bool = False,
) -> Arbeidsliste:
    """The open cases of ``ansatte`` by their next deadline (cases with nothing to do yet last),
    and those that ended so recently that a new absence would continue them."""
    grense = dag - timedelta(days=16)
    tilfeller = list(med_oppgaver(Tilfelle.objects.filter(ansatt__in=ansatte, avsluttet=None)))
    tilbake = [
        t
        for t in med_oppgaver(
            Tilfelle.objects.filter(
                ansatt__in=ansatte, avsluttet__isnull=False, til_dato__gte=grense
            )
        )
        if t.til_dato is not None and fortsetter_til(t.til_dato) >= dag
    ]
    kart = Ansvarskart(virksomhet, dag)
    avdelinger = gjeldende_avdelinger({t.ansatt_id for t in [*tilfeller, *tilbake]}, dag)

    def rader(liste: list[Tilfelle]) -> list[Rad]:
        return [_rad(t, dag, avdelinger.get(t.ansatt_id), kart, bruker_id) for t in liste]

    apne = rader(tilfeller)
    antall_forfalte = sum(1 for r in apne if r.forfalte)
    if bare_mine:
        apne = [r for r in apne if r.er_min]
    if bare_forfalte:
        apne = [r for r in apne if r.forfalte]
    apne.sort(
        key=lambda r: (
            r.neste is None,
            r.neste.frist.dato if r.neste else r.tilfelle.fra_dato,
            r.ansatt.visningsnavn,
        )
    )
    nylig = [] if bare_forfalte else rader(tilbake)
    if bare_mine:
        nylig = [r for r in nylig if r.er_min]
    nylig.sort(key=lambda r: (r.tilfelle.avsluttet or dag, r.ansatt.visningsnavn), reverse=True)
    return Arbeidsliste(apne, nylig, antall_forfalte)


# --- One case ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Milepael:
    frist: Frist
    er_oppgave: bool
    passert: bool
    fridag: str | None
    kilde_url: str | None


@dataclass
class Tilfellevisning:
    tilfelle: Tilfelle
    avdeling: Avdeling | None
    uke: int
    oppgaver: list[Oppgavevisning]
    tidslinje: list[Milepael]
    kommende: list[Milepael]
    """Milestones the case reaches if the absence goes on past its last known day."""
    merknader: tuple[str, ...]
    perioder: list[Fravaer]
    ansvarlige: tuple[str, ...]
    plan_url: str | None
    fortsetter_til: date | None
    samtale: Samtalelenke
    feil: str | None = None
    andre_tilfeller: list[Tilfelle] = field(default_factory=list)

    @property
    def ansatt(self) -> Ansatt:
        return self.tilfelle.ansatt

    @property
    def apne(self) -> list[Oppgavevisning]:
        return [o for o in self.oppgaver if o.er_apen and not o.gjelder_ikke]


def _milepael(frist: Frist, fra: date, dag: date) -> Milepael:
    regel = regel_for(frist.kode, fra)
    return Milepael(
        frist=frist,
        er_oppgave=regel is not None and er_oppgave(regel),
        passert=frist.dato < dag,
        fridag=fridagsmerknad(frist.dato) if regel is not None and regel.frist else None,
        kilde_url=regel.kilde.url if regel is not None else None,
    )


def _fortsatt(perioder: Sequence[Periode], til: date) -> Periode:
    """The absence as if it went on from the day after ``til``, with the grad of its last
    sick note (the text of dialogmøte 1 depends on it)."""
    siste = [p for p in perioder if p.type is Fravaerstype.SYKMELDING and p.til == til]
    grad = max((p.grad for p in siste), default=100)
    return Periode(til + timedelta(days=1), None, Fravaerstype.SYKMELDING, grad)


def tilfellevisning(tilfelle: Tilfelle, dag: date, regel: Egenmeldingsregel) -> Tilfellevisning:
    ansatt = tilfelle.ansatt
    til = tilfelle.til_dato
    alle = list(ansatt.fravaer.order_by("fra_dato", "type"))
    for_og_i = [f for f in alle if til is None or f.fra_dato <= til]
    perioder = [periode(f.fra_dato, f.til_dato, f.type, f.grad) for f in for_og_i]
    linje: list[Milepael] = []
    kommende: list[Milepael] = []
    merknader: tuple[str, ...] = ()
    feil = None
    koder: set[str] = set()
    if perioder:
        try:
            tl = tidslinje(perioder, regel)
            linje = [_milepael(f, tl.tilfelle.fra, dag) for f in tl.frister]
            merknader = tl.merknader
            koder = {f.kode.value for f in tl.frister}
            if tilfelle.avsluttet is None and til is not None:
                videre = tidslinje([*perioder, _fortsatt(perioder, til)], regel)
                kommende = [
                    _milepael(f, tl.tilfelle.fra, dag)
                    for f in videre.frister
                    if f.kode.value not in koder
                ]
        except (ValueError, UtenforRegelverket) as e:
            feil = str(e)
    oppgaver = sorted(
        (
            oppgavevisning(o, tilfelle, dag, gjelder_ikke=bool(koder) and o.kode not in koder)
            for o in tilfelle.oppgaver.all()
        ),
        key=lambda o: (o.oppgave.frist, o.oppgave.pk),
    )
    avdeling = gjeldende_avdelinger([ansatt.pk], dag).get(ansatt.pk)
    kart = Ansvarskart(ansatt.virksomhet, dag)
    lukket = tilfelle.avsluttet is not None and til is not None
    return Tilfellevisning(
        tilfelle=tilfelle,
        avdeling=avdeling,
        uke=uke(tilfelle, dag),
        oppgaver=oppgaver,
        tidslinje=linje,
        kommende=kommende,
        merknader=merknader,
        perioder=[f for f in for_og_i if f.fra_dato >= tilfelle.fra_dato],
        ansvarlige=tuple(navn(b) for b in kart.ledere(ansatt.pk)),
        plan_url=plan_url(tilfelle),
        fortsetter_til=fortsetter_til(til) if lukket and til is not None else None,
        samtale=samtalelenker.lenke(
            samtalelenker.TILBAKE_I_ARBEID if lukket else samtalelenker.UNDER_SYKMELDING
        ),
        feil=feil,
        andre_tilfeller=list(ansatt.tilfeller.exclude(pk=tilfelle.pk).order_by("-fra_dato")),
    )


def med_oppgaver(tilfeller: QuerySet[Tilfelle]) -> QuerySet[Tilfelle]:
    return tilfeller.select_related("ansatt", "ansatt__virksomhet").prefetch_related(
        Prefetch("oppgaver", queryset=Oppgave.objects.order_by("frist", "pk"))
    )


# --- The figures ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tallrad:
    navn: str
    apne: Figur
    """People with an open case."""
    forfalte: Figur
    """Overdue tasks, shown when they concern at least the threshold of people."""


@dataclass(frozen=True, slots=True)
class Tall:
    rader: list[Tallrad]
    total: Tallrad


def tall(virksomhet: Virksomhet, dag: date, terskel: Terskel) -> Tall:
    """Open cases and overdue tasks per department (the employee's department today), masked
    below the threshold of persons and masked again where a masked figure could be found by
    subtraction from the total."""
    apne = (
        Tilfelle.objects.filter(ansatt__virksomhet=virksomhet, avsluttet__isnull=True)
        .values_list("ansatt_id", flat=True)
        .distinct()
    )
    personer = set(apne)
    forfalte: dict[int, int] = defaultdict(int)
    for ansatt_id, status, frist, utsatt_til in Oppgave.objects.filter(
        tilfelle__ansatt__virksomhet=virksomhet,
        tilfelle__avsluttet__isnull=True,
        status__in=(Oppgave.Status.APEN, Oppgave.Status.UTSATT),
    ).values_list("tilfelle__ansatt_id", "status", "frist", "utsatt_til"):
        gjeldende = utsatt_til if status == Oppgave.Status.UTSATT and utsatt_til else frist
        if gjeldende < dag:
            forfalte[ansatt_id] += 1
    avdelinger = gjeldende_avdelinger(personer, dag)
    alle = list(Avdeling.objects.filter(virksomhet=virksomhet).order_by("kode"))
    uten = Avdeling(pk=0, kode="", navn="Uten avdeling")
    per_avdeling: dict[int, set[int]] = defaultdict(set)
    for ansatt_id in personer:
        per_avdeling[avdelinger[ansatt_id].pk if ansatt_id in avdelinger else 0].add(ansatt_id)
    rekke = [*alle, uten] if per_avdeling.get(0) else alle

    def noekkel(a: Avdeling) -> str:
        return str(a.pk)

    def figurer(
        antall: dict[str, int], personer_per: dict[str, int], total: tuple[int, int]
    ) -> tuple[dict[str, Figur], Figur]:
        """Each part's figure from its persons, and the total's; ``total`` is (figure, persons)."""
        maskert = sekundaer_maskering(personer_per, terskel)
        deler = {
            k: masker(
                Decimal(antall[k]),
                personer_per[k],
                terskel,
                desimaler=0,
                undertrykt=(k,) in maskert,
            )
            for k in antall
        }
        return deler, masker(
            Decimal(total[0]), total[1], terskel, desimaler=0, undertrykt=() in maskert
        )

    apne_antall = {noekkel(a): len(per_avdeling.get(a.pk, ())) for a in rekke}
    apne_fig, apne_total = figurer(apne_antall, apne_antall, (len(personer), len(personer)))
    forfalt_personer = {
        noekkel(a): sum(1 for p in per_avdeling.get(a.pk, ()) if forfalte.get(p)) for a in rekke
    }
    forfalt_antall = {
        noekkel(a): sum(forfalte.get(p, 0) for p in per_avdeling.get(a.pk, ())) for a in rekke
    }
    forfalt_fig, forfalt_total = figurer(
        forfalt_antall,
        forfalt_personer,
        (sum(forfalte.values()), sum(1 for p in personer if forfalte.get(p))),
    )
    navn_for = _fulle_navn(alle)
    return Tall(
        rader=[
            Tallrad(
                navn_for.get(a.pk, a.visningsnavn), apne_fig[noekkel(a)], forfalt_fig[noekkel(a)]
            )
            for a in rekke
        ],
        total=Tallrad("Hele virksomheten", apne_total, forfalt_total),
    )


def _fulle_navn(avdelinger: Sequence[Avdeling]) -> dict[int, str]:
    """«Barnehagen › Småbarn»: a department's name with the ones above it."""
    per_id = {a.pk: a for a in avdelinger}
    ut: dict[int, str] = {}
    for a in avdelinger:
        deler: list[str] = []
        sett: set[int] = set()
        neste: Avdeling | None = a
        while neste is not None and neste.pk not in sett:
            sett.add(neste.pk)
            deler.append(neste.visningsnavn)
            neste = per_id.get(neste.overordnet_id) if neste.overordnet_id else None
        ut[a.pk] = " › ".join(reversed(deler))
    return ut
