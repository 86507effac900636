"""The text of reminder mails, in Norwegian.

A mail names the employee, what to do, the deadline and a link; never a diagnosis, a grade or
anything else about health, and the subject line names nobody (it shows in notifications on a
locked phone and in shared inboxes). The link leads into Nærvær, where access is checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from naervaer.oppfolging.paminnelse import OSLO, UKEDAGER
from naervaer.oppfolging.regler import Kode
from naervaer.statistikk.publisering import datotekst

OPPGAVETITLER: dict[Kode, str] = {
    Kode.ARBEIDSGIVERPERIODE_SLUTT: "Arbeidsgiverperioden slutter",
    Kode.OPPFOLGINGSPLAN: "Lag oppfølgingsplan sammen med den ansatte",
    Kode.DIALOGMOTE_1: "Kall inn til og hold dialogmøte 1",
    Kode.AKTIVITETSKRAV: "Dokumenter tilretteleggingen (aktivitetskravet)",
    Kode.DIALOGMOTE_2_BEHOV: "NAV spør om det trengs dialogmøte 2",
    Kode.OPPDATERT_PLAN: "Send oppdatert oppfølgingsplan til NAV",
    Kode.DIALOGMOTE_2: "Dialogmøte 2 med NAV",
    Kode.UKE_39: "NAV informerer om slutten av sykepengeperioden",
    Kode.MAKSDATO: "Siste dag med sykepenger (maksdato)",
}
MOTEKODER = frozenset({Kode.DIALOGMOTE_1, Kode.DIALOGMOTE_2})
"""The tasks that are meetings: their mails carry a calendar entry for the deadline."""

IKKE_SVAR = "Ikke svar på denne e-posten; ingen leser svarene."
INGEN_HELSE = "E-posten inneholder ingen helseopplysninger. Logg inn for å se mer."


def oppgavetittel(kode: str) -> str:
    try:
        return OPPGAVETITLER[Kode(kode)]
    except ValueError:
        return kode


@dataclass(frozen=True, slots=True)
class Punkt:
    """One thing to remember: a task of a case, or a planned activity."""

    hva: str
    """What to do («Kall inn til og hold dialogmøte 1») or the activity's kind."""
    gjelder: str
    """The employee's name, or the activity's title."""
    frist: date
    lenke: str
    tidspunkt: datetime | None = None
    """When an activity begins (a task has a date only)."""
    ansvarlige: tuple[str, ...] = ()
    """Who is responsible, for HR's escalation and digest."""
    ansatt_id: int | None = None
    """Whose case it is, for the audit log; never shown."""


@dataclass(frozen=True, slots=True)
class Brev:
    emne: str
    tekst: str


def dag_tekst(dag: date) -> str:
    """«mandag 24. februar 2025»."""
    return f"{UKEDAGER[dag.weekday()]} {datotekst(dag)}"


def klokke_tekst(tidspunkt: datetime) -> str:
    """«tirsdag 4. mars 2025 kl. 10.00», in Norwegian time."""
    lokal = tidspunkt.astimezone(OSLO)
    return f"{dag_tekst(lokal.date())} kl. {lokal:%H.%M}"


def avstand_tekst(frist: date, idag: date) -> str:
    dager = (frist - idag).days
    if dager == 0:
        return "i dag"
    if dager == 1:
        return "i morgen"
    if dager == -1:
        return "i går"
    if dager > 0:
        return f"om {dager} dager"
    return f"for {-dager} dager siden"


def _bunn(grunn: str, valg_lenke: str) -> str:
    return (
        f"--\n{grunn} Velg hvor ofte du vil ha e-post fra Nærvær:\n{valg_lenke}\n\n"
        f"{INGEN_HELSE} {IKKE_SVAR}\n"
    )


def _hilsen(navn: str) -> str:
    return f"Hei {navn}," if navn else "Hei,"


def _oppgave_linjer(p: Punkt, idag: date) -> list[str]:
    linjer = [
        f"Ansatt: {p.gjelder}",
        f"Hva: {p.hva}",
        f"Frist: {dag_tekst(p.frist)} ({avstand_tekst(p.frist, idag)})",
    ]
    if p.ansvarlige:
        linjer.append(f"Ansvarlig: {', '.join(p.ansvarlige)}")
    linjer.append(f"Se saken: {p.lenke}")
    return linjer


def _aktivitet_linjer(p: Punkt, idag: date) -> list[str]:
    naar = klokke_tekst(p.tidspunkt) if p.tidspunkt else dag_tekst(p.frist)
    return [
        f"Aktivitet: {p.gjelder}",
        f"Type: {p.hva}",
        f"Når: {naar} ({avstand_tekst(p.frist, idag)})",
        f"Se aktiviteten: {p.lenke}",
    ]


def _linjer(p: Punkt, idag: date) -> list[str]:
    return _aktivitet_linjer(p, idag) if p.tidspunkt else _oppgave_linjer(p, idag)


LEDERGRUNN = "Du får denne e-posten fordi du er ansvarlig for oppfølgingen i Nærvær."
HRGRUNN = (
    "Du får dette varselet fordi du har rollen HR eller administrator. Varsler om oversittede "
    "frister sendes uansett hva du har valgt."
)
AKTIVITETSGRUNN = "Du får denne e-posten fordi du er ansvarlig for aktiviteten i Nærvær."


def for_frist(
    p: Punkt, virksomhet: str, idag: date, mottaker: str, valg_lenke: str, kalender: bool = False
) -> Brev:
    avstand = avstand_tekst(p.frist, idag)
    tekst = "\n".join(
        [
            _hilsen(mottaker),
            "",
            f"En frist i oppfølgingen av en sykmeldt ansatt i {virksomhet} nærmer seg.",
            "",
            *_oppgave_linjer(p, idag),
            "",
            "Merk oppgaven som utført i Nærvær når den er gjort, så stopper påminnelsene.",
            *(["Fristen ligger ved som en kalenderoppføring."] if kalender else []),
            "",
            _bunn(LEDERGRUNN, valg_lenke),
        ]
    )
    return Brev(f"Frist {avstand}: {p.hva}", tekst)


def eskalering(p: Punkt, virksomhet: str, idag: date, mottaker: str, valg_lenke: str) -> Brev:
    tekst = "\n".join(
        [
            _hilsen(mottaker),
            "",
            f"En frist i oppfølgingen av en sykmeldt ansatt i {virksomhet} er passert uten at "
            "oppgaven er merket som utført eller utsatt.",
            "",
            *_oppgave_linjer(p, idag),
            "",
            "Sjekk med den ansvarlige at oppgaven blir gjort, eller merk den som utført, utsatt "
            "eller åpenbart unødvendig.",
            "",
            _bunn(HRGRUNN, valg_lenke),
        ]
    )
    return Brev(f"Frist passert: {p.hva}", tekst)


def aktivitet(p: Punkt, virksomhet: str, idag: date, mottaker: str, valg_lenke: str) -> Brev:
    assert p.tidspunkt is not None
    tekst = "\n".join(
        [
            _hilsen(mottaker),
            "",
            f"Påminnelse om en planlagt aktivitet i {virksomhet}.",
            "",
            *_aktivitet_linjer(p, idag),
            "",
            _bunn(AKTIVITETSGRUNN, valg_lenke),
        ]
    )
    return Brev(f"Påminnelse: {p.hva.lower()} {klokke_tekst(p.tidspunkt)}", tekst)


def invitasjon(p: Punkt, virksomhet: str, mottaker: str, valg_lenke: str, oppdatert: bool) -> Brev:
    assert p.tidspunkt is not None
    innledning = (
        f"En planlagt aktivitet i {virksomhet} er endret. Kalenderoppføringen ved siden av "
        "erstatter den du fikk før."
        if oppdatert
        else f"Du er ansvarlig for en planlagt aktivitet i {virksomhet}. Kalenderoppføringen "
        "ligger ved."
    )
    tekst = "\n".join(
        [
            _hilsen(mottaker),
            "",
            innledning,
            "",
            f"Aktivitet: {p.gjelder}",
            f"Type: {p.hva}",
            f"Når: {klokke_tekst(p.tidspunkt)}",
            f"Se aktiviteten: {p.lenke}",
            "",
            _bunn(AKTIVITETSGRUNN, valg_lenke),
        ]
    )
    forstavelse = "Endret" if oppdatert else "Invitasjon"
    return Brev(f"{forstavelse}: {p.hva.lower()} {klokke_tekst(p.tidspunkt)}", tekst)


def avlysning(p: Punkt, virksomhet: str, mottaker: str, valg_lenke: str, avlyst: bool) -> Brev:
    assert p.tidspunkt is not None
    grunn = (
        "er avlyst"
        if avlyst
        else "har fått en annen ansvarlig, så den er fjernet fra kalenderen din"
    )
    tekst = "\n".join(
        [
            _hilsen(mottaker),
            "",
            f"Aktiviteten «{p.gjelder}» i {virksomhet} {klokke_tekst(p.tidspunkt)} {grunn}.",
            "Kalenderoppføringen ved siden av tar den bort fra kalenderen.",
            "",
            _bunn(AKTIVITETSGRUNN, valg_lenke),
        ]
    )
    return Brev(f"Avlyst: {p.hva.lower()} {klokke_tekst(p.tidspunkt)}", tekst)


def daglig(
    punkter: Sequence[Punkt], virksomhet: str, idag: date, mottaker: str, valg_lenke: str
) -> Brev:
    deler = [
        _hilsen(mottaker),
        "",
        f"Dagens påminnelser fra Nærvær for {virksomhet}:",
    ]
    for n, p in enumerate(punkter, start=1):
        deler += ["", f"{n}.", *_linjer(p, idag)]
    deler += ["", _bunn(LEDERGRUNN, valg_lenke)]
    antall = "1 påminnelse" if len(punkter) == 1 else f"{len(punkter)} påminnelser"
    return Brev(f"Dagens påminnelser: {antall} ({virksomhet})", "\n".join(deler))


def sammendrag(
    forfalte: Sequence[Punkt],
    kommende: Sequence[Punkt],
    aktiviteter: Sequence[Punkt],
    virksomhet: str,
    idag: date,
    mottaker: str,
    valg_lenke: str,
) -> Brev:
    uke = idag.isocalendar().week
    deler = [
        _hilsen(mottaker),
        "",
        f"Ukeoversikt over oppfølgingen i {virksomhet}, uke {uke}.",
    ]

    def avsnitt(overskrift: str, punkter: Sequence[Punkt]) -> None:
        if not punkter:
            return
        deler.extend(["", overskrift, "=" * len(overskrift)])
        for p in punkter:
            deler.extend(["", *_linjer(p, idag)])

    avsnitt(f"Forfalt og ikke utført ({len(forfalte)})", forfalte)
    avsnitt(f"Frister de neste to ukene ({len(kommende)})", kommende)
    avsnitt(f"Planlagte aktiviteter de neste to ukene ({len(aktiviteter)})", aktiviteter)
    deler += ["", _bunn(LEDERGRUNN, valg_lenke)]
    tall = []
    if forfalte:
        tall.append(f"{len(forfalte)} forfalt")
    if kommende:
        tall.append(f"{len(kommende)} frist{'er' if len(kommende) > 1 else ''}")
    if aktiviteter:
        tall.append(f"{len(aktiviteter)} aktivitet{'er' if len(aktiviteter) > 1 else ''}")
    return Brev(f"Ukeoversikt uke {uke}: {', '.join(tall)} ({virksomhet})", "\n".join(deler))
