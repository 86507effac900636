"""The deadlines of following up sick leave, as the conversation guide reminds the leader of them.

The weeks and the legal sources come from the dated rules in ``naervaer.oppfolging.regler``, the
same table the follow-up timeline uses, so the guide can never give another deadline than the
follow-up; only the words to the leader are written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from naervaer.oppfolging.regler import REGELVERK, Kode, Regel, Regelverk
from naervaer.samtale.modell import Kilde


@dataclass(frozen=True, slots=True)
class Frist:
    naar: str  # counted from the first day of absence
    hva: str
    kilde: Kilde


INNLEDNING = (
    "Fristene regnes fra første fraværsdag. Oppfølgingsplanen gjelder også ved gradert "
    "sykmelding; dialogmøte 1 er bare påbudt når medarbeideren er helt sykmeldt."
)

# What the leader does at each milestone, in the guide's voice (aml. § 4-6 (4) makes dialogmøte 1
# a duty only when the employee is wholly away; a graded employee is met when a party wants it).
_HVA: dict[Kode, str] = {
    Kode.OPPFOLGINGSPLAN: "Lag en oppfølgingsplan sammen med medarbeideren, hvis det ikke er "
    "åpenbart unødvendig. Send den til den som har sykmeldt, og til NAV når NAV ber om den.",
    Kode.DIALOGMOTE_1: "Er medarbeideren helt sykmeldt, kall inn til dialogmøte 1, med mindre "
    "det er åpenbart unødvendig. Ved gradert sykmelding holdes møtet hvis du, medarbeideren "
    "eller den som sykmeldte mener det er nyttig. Den som sykmeldte er med hvis medarbeideren "
    "ønsker det.",
    Kode.AKTIVITETSKRAV: "Medarbeideren skal være i arbeidsrelatert aktivitet, hvis ikke helsen "
    "klart hindrer det eller arbeidsplassen ikke kan legge til rette (aktivitetskravet).",
    Kode.OPPDATERT_PLAN: "Send en oppdatert oppfølgingsplan til NAV.",
    Kode.DIALOGMOTE_2: "NAV kaller inn til dialogmøte 2, med mindre det er åpenbart unødvendig. "
    "Både du og medarbeideren kan be om det tidligere.",
}


def _naar(regel: Regel) -> str:
    if regel.dager_for:
        return f"Senest {regel.dager_for // 7} uke før dialogmøte 2"
    return f"Innen {regel.uker} uker"


def _kilde(regel: Regel) -> Kilde:
    # Lovdata's paragraph links hold a «§», which a URL carries percent-encoded.
    url = regel.kilde.url or "https://lovdata.no/"
    return Kilde(navn=regel.kilde.navn, url=quote(url, safe=":/"))


def frister(dag: date, regelverk: Regelverk = REGELVERK) -> tuple[Frist, ...]:
    """The employer's milestones in force on ``dag``, in the order they fall."""
    return tuple(
        Frist(_naar(regel), _HVA[regel.kode], _kilde(regel))
        for regel in regelverk.regler_per(dag)
        if regel.kode in _HVA
    )


FRISTER: tuple[Frist, ...] = frister(date.today())
