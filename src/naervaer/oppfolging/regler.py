"""The rules of following up sick leave as dated data, each with its legal source.

A change in the law is a new row with a later ``gjelder_fra``, never an edit of the code that
computes the timeline. A case is followed up by the rules in force on its first day: that is the
plain default when a change comes without transitional rules, and a change whose transitional rules
say otherwise is entered with the ``gjelder_fra`` of the cases it covers.

``gjelder_fra`` is the first day this table vouches for a row. The milestones are the «stoppunkter»
of Prop. 89 L (2010–2011), in force 1 July 2011 (oppfølgingsplan 4 weeks, dialogmøte 1 7 weeks,
dialogmøte 2 26 weeks); the figures of folketrygdloven chapter 8 are older, but earlier versions of
the rules are not entered, so a case that began before then is refused rather than computed with
rules nobody checked. Check the paragraphs on Lovdata before a release: NAV's circular to chapter 8
was reworked on 2025-12-18 for §§ 8-4, 8-5, 8-7 a and 8-8.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from naervaer.statistikk.publisering import datotekst


@dataclass(frozen=True, slots=True)
class Kilde:
    navn: str
    url: str | None = None

    def __str__(self) -> str:
        return self.navn


def _lovdata(lov: str, paragraf: str) -> str:
    return f"https://lovdata.no/lov/{lov}/§{paragraf}"


AML = "2005-06-17-62"
FTRL = "1997-02-28-19"

AML_4_6_3 = Kilde("aml. § 4-6 (3)", _lovdata(AML, "4-6"))
AML_4_6_4 = Kilde("aml. § 4-6 (4)", _lovdata(AML, "4-6"))
AML_4_6_3_FTRL_8_7_A = Kilde("aml. § 4-6 (3); ftrl. § 8-7 a", _lovdata(AML, "4-6"))
FTRL_8_7_A = Kilde("ftrl. § 8-7 a", _lovdata(FTRL, "8-7a"))
FTRL_8_8 = Kilde("ftrl. § 8-8", _lovdata(FTRL, "8-8"))
FTRL_8_11_8_12 = Kilde("ftrl. §§ 8-11 og 8-12", _lovdata(FTRL, "8-12"))
FTRL_8_12 = Kilde("ftrl. § 8-12", _lovdata(FTRL, "8-12"))
FTRL_8_13 = Kilde("ftrl. § 8-13", _lovdata(FTRL, "8-13"))
FTRL_8_19 = Kilde("ftrl. § 8-19", _lovdata(FTRL, "8-19"))
FTRL_8_24 = Kilde("ftrl. § 8-24", _lovdata(FTRL, "8-24"))
FTRL_8_23_TIL_8_27 = Kilde("ftrl. §§ 8-23 til 8-27", _lovdata(FTRL, "8-23"))
NAV_PRAKSIS = Kilde("NAV-praksis")

STOPPUNKTENE_2011 = date(2011, 7, 1)


class Kode(StrEnum):
    ARBEIDSGIVERPERIODE_SLUTT = "arbeidsgiverperiode_slutt"
    OPPFOLGINGSPLAN = "oppfolgingsplan"
    DIALOGMOTE_1 = "dialogmote_1"
    AKTIVITETSKRAV = "aktivitetskrav"
    DIALOGMOTE_2_BEHOV = "dialogmote_2_behov"
    OPPDATERT_PLAN = "oppdatert_plan"
    DIALOGMOTE_2 = "dialogmote_2"
    UKE_39 = "uke_39"
    MAKSDATO = "maksdato"


@dataclass(frozen=True, slots=True)
class Regel:
    """One milestone. ``uker`` counts whole weeks from the first day of the case; the milestone
    applies once the case has lasted that long, and falls ``dager_for`` days before that point.
    Without ``uker`` the date is computed from the days of absence (arbeidsgiverperioden,
    maksdato)."""

    kode: Kode
    gjelder_fra: date
    ansvarlig: str
    hva: str
    kilde: Kilde
    uker: int | None = None
    dager_for: int = 0
    frist: bool = False
    """A deadline for an action: the user is told when it falls on a day off."""
    hva_gradert: str | None = None
    """What to do instead when the sick note is graded all the way to the milestone."""
    kan_vaere_unodvendig: bool = False
    """The law asks for it «hvis det ikke er åpenbart unødvendig»: the employer may record that it
    was obviously unnecessary instead of doing it."""
    opphevet: bool = False
    """A row that repeals the milestone from ``gjelder_fra``."""


@dataclass(frozen=True, slots=True)
class Sats:
    """A number the rules use (16 days, 248 days, …), dated like the rules."""

    navn: str
    verdi: int
    gjelder_fra: date
    kilde: Kilde


REGLER: tuple[Regel, ...] = (
    Regel(
        Kode.ARBEIDSGIVERPERIODE_SLUTT,
        STOPPUNKTENE_2011,
        "arbeidsgiver",
        "Siste dag i arbeidsgiverperioden: arbeidsgiveren betaler sykepenger for de første 16 "
        "kalenderdagene med fravær. Deretter betaler NAV når den ansatte har sykmelding.",
        FTRL_8_19,
    ),
    Regel(
        Kode.OPPFOLGINGSPLAN,
        STOPPUNKTENE_2011,
        "arbeidsgiver",
        "Oppfølgingsplanen skal være laget sammen med den ansatte, hvis det ikke er åpenbart "
        "unødvendig, og sendt til den som sykmeldte (og til NAV når NAV ber om den).",
        AML_4_6_3,
        uker=4,
        frist=True,
        kan_vaere_unodvendig=True,
    ),
    Regel(
        Kode.DIALOGMOTE_1,
        STOPPUNKTENE_2011,
        "arbeidsgiver",
        "Dialogmøte 1 skal være holdt: arbeidsgiveren kaller inn, hvis det ikke er åpenbart "
        "unødvendig. Den som sykmeldte og bedriftshelsetjenesten kan være med.",
        AML_4_6_4,
        uker=7,
        frist=True,
        kan_vaere_unodvendig=True,
        # aml. § 4-6 (4) makes the meeting a duty when the employee is wholly absent; a graded
        # employee is met when a party finds it useful. The date is the same either way.
        hva_gradert="Ved gradert sykmelding holdes dialogmøte 1 hvis arbeidsgiveren, den ansatte "
        "eller den som sykmeldte mener det er hensiktsmessig; arbeidsgiveren kaller inn.",
    ),
    Regel(
        Kode.AKTIVITETSKRAV,
        STOPPUNKTENE_2011,
        "NAV vurderer, arbeidsgiver dokumenterer",
        "Aktivitetskravet: den ansatte skal være i arbeidsrelatert aktivitet, hvis ikke medisinske "
        "grunner eller forhold på arbeidsplassen hindrer det. Arbeidsgiveren dokumenterer "
        "tilretteleggingen eller hvorfor den ikke er mulig.",
        FTRL_8_8,
        uker=8,
        frist=True,
    ),
    Regel(
        Kode.DIALOGMOTE_2_BEHOV,
        STOPPUNKTENE_2011,
        "NAV",
        "I uke 16 av sykefraværet spør NAV arbeidsgiveren og den ansatte om det trengs "
        "dialogmøte 2.",
        NAV_PRAKSIS,
        # Week 16 begins when 15 whole weeks have passed.
        uker=15,
    ),
    Regel(
        Kode.OPPDATERT_PLAN,
        STOPPUNKTENE_2011,
        "arbeidsgiver",
        "Send oppdatert oppfølgingsplan til NAV senest en uke før dialogmøte 2. Datoen regnes "
        "fra siste frist for møtet; innkaller NAV tidligere, kommer fristen tidligere.",
        AML_4_6_3_FTRL_8_7_A,
        uker=26,
        dager_for=7,
        frist=True,
    ),
    Regel(
        Kode.DIALOGMOTE_2,
        STOPPUNKTENE_2011,
        "NAV",
        "Dialogmøte 2 skal være holdt: NAV kaller inn arbeidsgiveren og den ansatte. Alle parter "
        "kan be om møtet tidligere.",
        FTRL_8_7_A,
        uker=26,
    ),
    Regel(
        Kode.UKE_39,
        STOPPUNKTENE_2011,
        "NAV",
        "Etter 39 uker informerer NAV den ansatte om at sykepengeperioden nærmer seg slutten.",
        NAV_PRAKSIS,
        uker=39,
    ),
    Regel(
        Kode.MAKSDATO,
        STOPPUNKTENE_2011,
        "NAV",
        "Maksdato: siste dag med sykepenger (248 sykepengedager, fem dager i uken, en gradert "
        "dag teller som en hel). Ny rett krever 26 uker helt arbeidsfør.",
        FTRL_8_11_8_12,
    ),
)

SATSER: tuple[Sats, ...] = (
    Sats("arbeidsgiverperiode_dager", 16, STOPPUNKTENE_2011, FTRL_8_19),
    # A new absence less than this many calendar days after the previous one continues it.
    Sats("sammenheng_dager", 16, STOPPUNKTENE_2011, FTRL_8_19),
    Sats("sykepengedager", 248, STOPPUNKTENE_2011, FTRL_8_12),
    Sats("sykepengedager_aar", 3, STOPPUNKTENE_2011, FTRL_8_12),
    Sats("ny_rett_uker", 26, STOPPUNKTENE_2011, FTRL_8_12),
    Sats("minste_grad", 20, STOPPUNKTENE_2011, FTRL_8_13),
    Sats("egenmelding_dager", 3, STOPPUNKTENE_2011, FTRL_8_24),
    Sats("egenmelding_ganger_12_mnd", 4, STOPPUNKTENE_2011, FTRL_8_23_TIL_8_27),
    # The employer may allow egenmelding beyond three days, but only inside the
    # arbeidsgiverperiode.
    Sats("egenmelding_utvidet_maks_dager", 16, STOPPUNKTENE_2011, FTRL_8_24),
)


class UtenforRegelverket(ValueError):
    """The table has no rule for that date."""


@dataclass(frozen=True, slots=True)
class Regelverk:
    regler: tuple[Regel, ...] = REGLER
    satser: tuple[Sats, ...] = SATSER

    def regler_per(self, dag: date) -> tuple[Regel, ...]:
        """The version of each milestone in force on ``dag``, in the table's order."""
        gjeldende: dict[Kode, Regel] = {}
        for regel in self.regler:
            if regel.gjelder_fra <= dag:
                naa = gjeldende.get(regel.kode)
                if naa is None or naa.gjelder_fra <= regel.gjelder_fra:
                    gjeldende[regel.kode] = regel
        if not gjeldende:
            raise UtenforRegelverket(
                f"Nærvær har ikke reglene for sykefravær som begynte {datotekst(dag)}; "
                f"de tidligste gjelder fra {datotekst(min(r.gjelder_fra for r in self.regler))}."
            )
        rekkefolge = {kode: n for n, kode in enumerate(Kode)}
        i_kraft = (r for r in gjeldende.values() if not r.opphevet)
        return tuple(sorted(i_kraft, key=lambda r: rekkefolge[r.kode]))

    def sats(self, navn: str, dag: date) -> int:
        rader = [s for s in self.satser if s.navn == navn]
        kandidater = [s for s in rader if s.gjelder_fra <= dag]
        if not kandidater:
            fra = (
                f"; den gjelder fra {datotekst(min(s.gjelder_fra for s in rader))}" if rader else ""
            )
            raise UtenforRegelverket(f"Nærvær har ingen sats «{navn}» for {datotekst(dag)}{fra}.")
        return max(kandidater, key=lambda s: s.gjelder_fra).verdi


REGELVERK = Regelverk()
