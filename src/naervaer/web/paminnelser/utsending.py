"""Sending the outbox: safe to run every few minutes from cron or a systemd timer, and safe when
two runs overlap or one dies half-way.

A row goes out in four steps:

1. **Claim.** The row moves from VENTER to SENDER with the run's token (``krav``) and the time
   (``tatt``), and that is committed before anything is sent. On PostgreSQL the row is locked
   with ``SELECT … FOR UPDATE SKIP LOCKED``, so a run passes over rows another run is claiming
   instead of waiting for them. SQLite has no row locks; there the claim is a conditional
   ``UPDATE … WHERE status = 'VENTER'``, and since SQLite lets one writer in at a time, only one
   run's update can match.
2. **Check and write** the mail from what holds now (``brev.lag``): nothing for a closed case,
   a task done or moved, an activity called off.
3. **Send** it: one message per SMTP transaction.
4. **Mark** it SENDT in its own short commit, on the condition that the run still holds it.

A run that dies leaves its rows in SENDER; once ``LEIETID`` has passed, the next run claims them
again. So no reminder is lost, and one is sent twice only if a run dies (or loses the database)
after the mail server has answered 250 to the message and before step 4 has committed. That
window cannot be closed: a mail server and a database cannot commit together (SMTP has no
two-phase commit), and marking before sending would turn a rare repeat into a rare loss, which
is worse for a legal deadline. It is kept as small as it can be: one message per SMTP
transaction, each marked in its own commit the moment the server accepts it, never in batches.
And a repeat carries the same Message-ID as the first (``brev.message_id``), so a receiving
system that drops duplicates drops it.

When the mail server fails (refuses the connection, answers 4xx, hangs up) the run puts the row
back as it was and stops: the server is the problem, and the next run tries again. When the
server refuses one message for good (5xx), the row waits longer for each attempt and is marked
FEILET after ``MAKS_FORSOK``; a row whose attempts keep killing the run ends the same way, since
each claim counts an attempt.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from naervaer.oppfolging.paminnelse import SAMLES_DAGLIG, Art, Frekvens
from naervaer.web.egendata.models import Ansatt
from naervaer.web.paminnelser import brev
from naervaer.web.paminnelser.models import Paminnelse
from naervaer.web.paminnelser.planlegging import planlegg
from naervaer.web.virksomheter.tilgang import IngenTilgang, logg, rettigheter

logger = logging.getLogger(__name__)
Status = Paminnelse.Status

LEIETID = timedelta(minutes=15)
"""How long a claim holds. Far longer than one send (the SMTP timeout is 10 s a command)."""
MAKS_FORSOK = 5
PARTI = 50
SAMLES = [a.value for a in SAMLES_DAGLIG]


@dataclass
class Resultat:
    sendt: int = 0
    bortfalt: int = 0
    valgt_bort: int = 0
    feilet: int = 0
    utsatt: int = 0
    stoppet: str = ""
    """Why the run stopped before the outbox was empty (the mail server), or empty."""

    def tekst(self) -> str:
        deler = [f"Sendte {self.sendt} e-post{'er' if self.sendt != 1 else ''}"]
        if self.bortfalt:
            deler.append(f"{self.bortfalt} ikke lenger aktuelle")
        if self.valgt_bort:
            deler.append(f"{self.valgt_bort} valgt bort av mottakeren")
        if self.utsatt:
            deler.append(f"{self.utsatt} prøves igjen senere")
        if self.feilet:
            deler.append(f"{self.feilet} kunne ikke sendes")
        return ", ".join(deler) + "."


class _Stopp(Exception):
    """The mail server failed: stop the run, the next one tries again."""


def kjor(naa: datetime | None = None, tilkobling: BaseEmailBackend | None = None) -> Resultat:
    """Plan what is due at ``naa`` (default: now) and send the outbox."""
    naa = naa or timezone.now()
    if timezone.is_naive(naa):
        raise ValueError("tidspunktet må ha tidssone")
    planlegg(naa)
    return send(naa, tilkobling)


def send(naa: datetime, tilkobling: BaseEmailBackend | None = None) -> Resultat:
    krav = uuid.uuid4()
    resultat = Resultat()
    buffer = brev.Buffer(naa)
    tilkobling = tilkobling or get_connection(fail_silently=False)
    forsokt: set[int] = set()
    try:
        while True:
            ider = list(
                _kandidater(naa).exclude(pk__in=forsokt).values_list("pk", flat=True)[:PARTI]
            )
            if not ider:
                break
            for pk in ider:
                forsokt.add(pk)
                rad = _ta(pk, naa, krav)
                if rad is not None:
                    _send_en(rad, naa, krav, buffer, tilkobling, resultat)
    except _Stopp as stopp:
        resultat.stoppet = str(stopp)
    finally:
        tilkobling.close()
    return resultat


def _kandidater(naa: datetime) -> QuerySet[Paminnelse]:
    """Due rows, and rows whose claim has run out; not the reminders a «daglig samlet» person
    gets in the daily mail."""
    return (
        Paminnelse.objects.filter(
            Q(status=Status.VENTER, send_etter__lte=naa)
            | Q(status=Status.SENDER, tatt__lt=naa - LEIETID)
        )
        .exclude(
            status=Status.VENTER,
            art__in=SAMLES,
            mottaker__epostvalg__frekvens=Frekvens.DAGLIG.value,
        )
        .order_by("send_etter", "pk")
    )


def _ta(pk: int, naa: datetime, krav: uuid.UUID) -> Paminnelse | None:
    """Claim the row for this run and commit, or None when another run has it."""
    ledig = Q(status=Status.VENTER, send_etter__lte=naa)
    utlopt = Q(status=Status.SENDER, tatt__lt=naa - LEIETID)
    felt = {"status": Status.SENDER, "tatt": naa, "krav": krav, "forsok": F("forsok") + 1}
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            status = (
                Paminnelse.objects.select_for_update(skip_locked=True)
                .filter(ledig | utlopt, pk=pk)
                .values_list("status", flat=True)
                .first()
            )
            if status is None:
                return None
            Paminnelse.objects.filter(pk=pk).update(**felt)
            fra_ko = status == Status.VENTER
        else:
            fra_ko = Paminnelse.objects.filter(ledig, pk=pk).update(**felt) == 1
            if not fra_ko and Paminnelse.objects.filter(utlopt, pk=pk).update(**felt) == 0:
                return None
        rad = Paminnelse.objects.select_related("mottaker", "virksomhet").get(pk=pk)
        if fra_ko and rad.art == Art.DAGLIG.value:
            # Gathered once, at the first claim: a retry after a crash sends the same content
            # as the attempt that may have reached the inbox.
            Paminnelse.objects.filter(
                status=Status.VENTER,
                mottaker_id=rad.mottaker_id,
                virksomhet_id=rad.virksomhet_id,
                art__in=SAMLES,
                send_etter__lte=naa,
            ).update(status=Status.SAMLET, samlet_i=rad)
    return rad


def _send_en(
    rad: Paminnelse,
    naa: datetime,
    krav: uuid.UUID,
    buffer: brev.Buffer,
    tilkobling: BaseEmailBackend,
    resultat: Resultat,
) -> None:
    try:
        utfall = brev.lag(rad, buffer)
    except Exception as feil:
        # A fault in Nærvær for this one row must not stop the others.
        logger.exception("Kunne ikke lage påminnelse %s", rad.pk)
        _slipp(rad, krav, naa, f"{type(feil).__name__}: {feil}", tell=True, resultat=resultat)
        return
    if isinstance(utfall, Status):
        _avslutt(rad, krav, utfall, naa, ())
        if utfall == Status.BORTFALT:
            resultat.bortfalt += 1
        else:
            resultat.valgt_bort += 1
        return
    try:
        # One connection for the whole run (a no-op once open), one SMTP transaction a mail.
        tilkobling.open()
        tilkobling.send_messages([utfall.epost])
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as feil:
        _slipp(rad, krav, naa, f"Mottakeren ble avvist: {feil}", tell=True, resultat=resultat)
        return
    except smtplib.SMTPResponseException as feil:
        if feil.smtp_code >= 500:
            _slipp(rad, krav, naa, f"Avvist for godt: {feil}", tell=True, resultat=resultat)
            return
        _slipp(rad, krav, naa, f"E-postserveren: {feil}", tell=False, resultat=resultat)
        raise _Stopp(f"E-postserveren svarte {feil.smtp_code}: {_tekst(feil)}") from feil
    except (smtplib.SMTPException, OSError) as feil:
        _slipp(rad, krav, naa, f"E-postserveren: {feil}", tell=False, resultat=resultat)
        raise _Stopp(f"Fikk ikke sendt: {type(feil).__name__}: {feil}") from feil
    _avslutt(rad, krav, Status.SENDT, naa, utfall.ansatt_ider)
    resultat.sendt += 1


def _tekst(feil: smtplib.SMTPResponseException) -> str:
    melding = feil.smtp_error
    return melding.decode(errors="replace") if isinstance(melding, bytes) else str(melding)


def _avslutt(
    rad: Paminnelse, krav: uuid.UUID, status: Status, naa: datetime, ansatt_ider: tuple[int, ...]
) -> None:
    with transaction.atomic():
        endret = Paminnelse.objects.filter(pk=rad.pk, krav=krav, status=Status.SENDER).update(
            status=status, sendt=naa if status == Status.SENDT else None, feil=""
        )
        if not endret:
            # The claim ran out and another run took the row: this run's send may be the
            # repeat the module describes.
            logger.warning("Påminnelse %s ble tatt av en annen kjøring underveis", rad.pk)
            return
        if rad.art == Art.DAGLIG.value and status != Status.SENDT:
            rad.innhold.filter(status=Status.SAMLET).update(status=status)
        if ansatt_ider:
            _logg(rad, ansatt_ider)


def _logg(rad: Paminnelse, ansatt_ider: tuple[int, ...]) -> None:
    """A mail naming an employee shows person-level data to its recipient: one audit line per
    employee, as for a page."""
    try:
        r = rettigheter(rad.mottaker, rad.virksomhet_id)
    except IngenTilgang:
        return
    ansatte = Ansatt.objects.filter(pk__in=ansatt_ider, virksomhet_id=rad.virksomhet_id)
    hva = f"Påminnelse på e-post ({Art(rad.art).value.lower()}) til {rad.mottaker.email}"
    logg(None, r, ansatte, hva)


def _slipp(
    rad: Paminnelse,
    krav: uuid.UUID,
    naa: datetime,
    feil: str,
    *,
    tell: bool,
    resultat: Resultat,
) -> None:
    """Put the row back. ``tell``: the fault is the row's, so it counts as an attempt and waits
    longer each time; otherwise (the server) it does not count and is tried by the next run."""
    logger.warning("Påminnelse %s ble ikke sendt: %s", rad.pk, feil)
    felt: dict[str, object] = {"feil": feil[:500], "tatt": None, "krav": None}
    if tell and rad.forsok >= MAKS_FORSOK:
        felt["status"] = Status.FEILET
        resultat.feilet += 1
    else:
        felt["status"] = Status.VENTER
        if tell:
            felt["send_etter"] = naa + timedelta(minutes=5 * 2 ** (rad.forsok - 1))
        else:
            felt["forsok"] = max(rad.forsok - 1, 0)
        resultat.utsatt += 1
    with transaction.atomic():
        Paminnelse.objects.filter(pk=rad.pk, krav=krav, status=Status.SENDER).update(**felt)
        if felt["status"] == Status.FEILET and rad.art == Art.DAGLIG.value:
            rad.innhold.filter(status=Status.SAMLET).update(status=Status.FEILET)


def les_tidspunkt(tekst: str) -> datetime:
    """«2025-02-17T07:05» (Norwegian time) or with an offset → an aware datetime."""
    try:
        tid = datetime.fromisoformat(tekst.strip())
    except ValueError:
        raise ValueError(
            f"«{tekst}» er ikke et tidspunkt. Skriv det som 2025-02-17T07:05 "
            "(norsk tid) eller med tidssone, 2025-02-17T07:05+01:00."
        ) from None
    if timezone.is_naive(tid):
        tid = timezone.make_aware(tid, timezone.get_default_timezone())
    return tid
