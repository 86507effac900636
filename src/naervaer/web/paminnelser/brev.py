"""Turn a claimed outbox row into the mail to send, after checking it is still wanted.

Everything is read again at send time: a case closed, a task done or postponed, an activity
moved or called off, a leader who lost access, a changed choice of mail. A row that no longer
holds is not sent (``BORTFALT``); one the person chose away is ``VALGT_BORT``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.mime.text import MIMEText

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db.models import F

from naervaer.oppfolging import kalender, varseltekst
from naervaer.oppfolging.kalender import Hendelse, Metode, Person
from naervaer.oppfolging.paminnelse import Art, Varslingsplan, sendes
from naervaer.oppfolging.varseltekst import MOTEKODER, Brev, Punkt, oppgavetittel
from naervaer.web.oppfolging.models import Oppgave
from naervaer.web.paminnelser import lenker
from naervaer.web.paminnelser.ansvar import Ansvarskart, navn
from naervaer.web.paminnelser.innhold import (
    aktivitetspunkt,
    er_apen,
    oppgavepunkt,
    slutt,
    ukeoversikt,
)
from naervaer.web.paminnelser.innstillinger import frekvens, varslingsplan
from naervaer.web.paminnelser.models import Aktivitet, Kalenderutgave, Paminnelse

Status = Paminnelse.Status


@dataclass
class Buffer:
    """What one run reads once per virksomhet."""

    naa: datetime
    _planer: dict[str, Varslingsplan] = field(default_factory=dict)
    _kart: dict[str, Ansvarskart] = field(default_factory=dict)

    def plan(self, virksomhet_id: str) -> Varslingsplan:
        if virksomhet_id not in self._planer:
            self._planer[virksomhet_id] = varslingsplan(virksomhet_id)
        return self._planer[virksomhet_id]

    def kart(self, rad: Paminnelse) -> Ansvarskart:
        if rad.virksomhet_id not in self._kart:
            dag = self.plan(rad.virksomhet_id).dag(self.naa)
            self._kart[rad.virksomhet_id] = Ansvarskart(rad.virksomhet, dag)
        return self._kart[rad.virksomhet_id]


@dataclass(frozen=True, slots=True)
class Utkast:
    """A mail ready to send, and whose cases it shows (for the audit log once it is sent)."""

    epost: EmailMessage
    ansatt_ider: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Vedlegg:
    filnavn: str
    innhold: bytes
    metode: Metode


def message_id(rad: Paminnelse) -> str:
    """The same for every attempt at one row, so a receiver can drop a repeat."""
    return f"<paminnelse.{rad.pk}@{lenker.domene()}>"


def lag(rad: Paminnelse, buffer: Buffer) -> Utkast | Status:
    """The mail for the row, or the status it ends in without a mail."""
    mottaker = rad.mottaker
    if (
        not mottaker.is_active
        or not mottaker.email
        or not buffer.kart(rad).er_tilknyttet(mottaker.pk)
    ):
        return Status.BORTFALT
    art = Art(rad.art)
    if not sendes(art, frekvens(mottaker.pk)):
        return Status.VALGT_BORT
    if art is Art.DAGLIG:
        return _daglig(rad, buffer)
    if art is Art.SAMMENDRAG:
        return _sammendrag(rad, buffer)
    gyldig = gjelder(rad, buffer)
    if gyldig is None:
        return Status.BORTFALT
    punkt, vedlegg = gyldig
    idag = buffer.plan(rad.virksomhet_id).dag(buffer.naa)
    v, hvem, valg = rad.virksomhet.navn, navn(mottaker), lenker.epostvalg()
    brev: Brev
    if art is Art.FOR_FRIST:
        brev = varseltekst.for_frist(punkt, v, idag, hvem, valg, kalender=bool(vedlegg))
    elif art is Art.ESKALERING:
        brev = varseltekst.eskalering(punkt, v, idag, hvem, valg)
    elif art is Art.AKTIVITET:
        brev = varseltekst.aktivitet(punkt, v, idag, hvem, valg)
    elif art is Art.INVITASJON:
        brev = varseltekst.invitasjon(punkt, v, hvem, valg, oppdatert=rad.trinn > 0)
    else:
        assert rad.aktivitet is not None
        brev = varseltekst.avlysning(punkt, v, hvem, valg, avlyst=rad.aktivitet.avlyst is not None)
    return _utkast(rad, brev, vedlegg, [punkt])


def gjelder(rad: Paminnelse, buffer: Buffer) -> tuple[Punkt, list[Vedlegg]] | None:
    """What a task or activity row is about, if it still holds; None when it does not."""
    art = Art(rad.art)
    mottaker = rad.mottaker
    if rad.oppgave_id is not None:
        oppgave = (
            Oppgave.objects.select_related("tilfelle__ansatt").filter(pk=rad.oppgave_id).first()
        )
        if oppgave is None or not er_apen(oppgave) or oppgave.gjeldende_frist != rad.frist:
            return None
        kart = buffer.kart(rad)
        ansatt_id = oppgave.tilfelle.ansatt_id
        ansvarlige = kart.ledere(ansatt_id) if art is Art.FOR_FRIST else kart.eskalering(ansatt_id)
        if mottaker.pk not in {b.pk for b in ansvarlige}:
            return None
        punkt = oppgavepunkt(oppgave, kart if art is Art.ESKALERING else None)
        vedlegg = []
        if art is Art.FOR_FRIST and oppgave.kode in {k.value for k in MOTEKODER}:
            vedlegg.append(_oppgavekalender(oppgave, punkt, mottaker, buffer.naa))
        return punkt, vedlegg

    aktivitet = Aktivitet.objects.filter(pk=rad.aktivitet_id).first() if rad.aktivitet_id else None
    if aktivitet is None or aktivitet.start <= buffer.naa:
        return None
    plan = buffer.plan(rad.virksomhet_id)
    punkt = aktivitetspunkt(aktivitet, plan)
    ansvarlig = aktivitet.avlyst is None and aktivitet.ansvarlig_id == mottaker.pk
    if art is Art.AVLYSNING:
        if ansvarlig:
            return None
        return punkt, [_aktivitetskalender(aktivitet, punkt, mottaker, buffer.naa, Metode.CANCEL)]
    if not ansvarlig or punkt.frist != rad.frist:
        return None
    if art is Art.INVITASJON and aktivitet.sekvens != rad.trinn:
        return None
    return punkt, [_aktivitetskalender(aktivitet, punkt, mottaker, buffer.naa, Metode.REQUEST)]


def _sammendrag(rad: Paminnelse, buffer: Buffer) -> Utkast | Status:
    plan = buffer.plan(rad.virksomhet_id)
    innhold = ukeoversikt(rad.virksomhet_id, buffer.naa, plan, buffer.kart(rad)).get(
        rad.mottaker_id
    )
    if innhold is None:
        return Status.BORTFALT
    brev = varseltekst.sammendrag(
        innhold.forfalte,
        innhold.kommende,
        innhold.aktiviteter,
        rad.virksomhet.navn,
        plan.dag(buffer.naa),
        navn(rad.mottaker),
        lenker.epostvalg(),
    )
    return _utkast(rad, brev, [], [*innhold.forfalte, *innhold.kommende])


def _daglig(rad: Paminnelse, buffer: Buffer) -> Utkast | Status:
    punkter: list[Punkt] = []
    vedlegg: list[Vedlegg] = []
    for del_ in rad.innhold.select_related("mottaker", "virksomhet").order_by("frist", "pk"):
        gyldig = gjelder(del_, buffer)
        if gyldig is None:
            Paminnelse.objects.filter(pk=del_.pk, samlet_i=rad).update(status=Status.BORTFALT)
            continue
        punkter.append(gyldig[0])
        vedlegg += gyldig[1]
    if not punkter:
        return Status.BORTFALT
    brev = varseltekst.daglig(
        punkter,
        rad.virksomhet.navn,
        buffer.plan(rad.virksomhet_id).dag(buffer.naa),
        navn(rad.mottaker),
        lenker.epostvalg(),
    )
    return _utkast(rad, brev, vedlegg, punkter)


def _sekvens(uid: str, noekkel: str) -> int:
    """0 for an event's first version, one more for each change of what it shows. Single
    statements, no read-then-write: two runs may render rows of the same task at once."""
    Kalenderutgave.objects.bulk_create(
        [Kalenderutgave(uid=uid, noekkel=noekkel)], ignore_conflicts=True
    )
    Kalenderutgave.objects.filter(uid=uid).exclude(noekkel=noekkel).update(
        sekvens=F("sekvens") + 1, noekkel=noekkel
    )
    return Kalenderutgave.objects.values_list("sekvens", flat=True).get(uid=uid)


def _oppgavekalender(oppgave: Oppgave, punkt: Punkt, mottaker: User, naa: datetime) -> Vedlegg:
    # No name in the calendar: calendars are shared with colleagues and assistants.
    uid = f"oppgave-{oppgave.pk}@{lenker.domene()}"
    hendelse = Hendelse(
        uid=uid,
        sekvens=_sekvens(uid, f"{oppgave.kode} {punkt.frist.isoformat()}"),
        tittel=f"Frist: {oppgavetittel(oppgave.kode)}",
        start=punkt.frist,
        beskrivelse="Frist i oppfølgingen av en sykmeldt ansatt. Se saken i Nærvær "
        "(krever innlogging).",
        lenke=punkt.lenke,
    )
    ics = kalender.invitasjon(
        hendelse, lenker.avsender(), [Person(mottaker.email, navn(mottaker))], naa
    )
    return Vedlegg(f"frist-{oppgave.kode}.ics", ics, Metode.REQUEST)


def _aktivitetskalender(
    aktivitet: Aktivitet, punkt: Punkt, mottaker: User, naa: datetime, metode: Metode
) -> Vedlegg:
    hendelse = Hendelse(
        uid=f"aktivitet-{aktivitet.pk}@{lenker.domene()}",
        sekvens=aktivitet.sekvens,
        tittel=aktivitet.tittel,
        start=aktivitet.start,
        slutt=slutt(aktivitet),
        beskrivelse=f"{aktivitet.get_type_display()}, planlagt i Nærvær.",
        sted=aktivitet.sted,
        lenke=punkt.lenke,
    )
    lag_ics = kalender.invitasjon if metode is Metode.REQUEST else kalender.avlysning
    ics = lag_ics(hendelse, lenker.avsender(), [Person(mottaker.email, navn(mottaker))], naa)
    return Vedlegg(f"aktivitet-{aktivitet.pk}.ics", ics, metode)


def _utkast(rad: Paminnelse, brev: Brev, vedlegg: list[Vedlegg], punkter: list[Punkt]) -> Utkast:
    ider = tuple(sorted({p.ansatt_id for p in punkter if p.ansatt_id is not None}))
    return Utkast(_epost(rad, brev, vedlegg), ider)


def _epost(rad: Paminnelse, brev: Brev, vedlegg: list[Vedlegg]) -> EmailMessage:
    epost = EmailMessage(
        brev.emne,
        brev.tekst,
        settings.DEFAULT_FROM_EMAIL,
        [rad.mottaker.email],
        headers={
            "Message-ID": message_id(rad),
            # RFC 3834: no out-of-office answers to a machine.
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
        },
    )
    for v in vedlegg:
        del_ = MIMEText(v.innhold.decode("utf-8"), "calendar", "utf-8")
        del_.set_param("method", v.metode.value)
        del_.add_header("Content-Disposition", "attachment", filename=v.filnavn)
        epost.attach(del_)
    return epost
