"""Calendar invitations (iCalendar, RFC 5545 and iTIP, RFC 5546) for meetings and deadlines.

An invitation has METHOD:REQUEST; the same ``uid`` with a higher ``sekvens`` replaces the event in
the receiver's calendar, and METHOD:CANCEL with the same ``uid`` removes it. Nothing about health
goes into an event: calendars are often shared with colleagues and assistants, so the title says
what kind of meeting it is and the link leads to Nærvær, where access is checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Nærvær//Påminnelser//NO"


class Metode(StrEnum):
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


@dataclass(frozen=True, slots=True)
class Person:
    epost: str
    navn: str = ""


@dataclass(frozen=True, slots=True)
class Hendelse:
    """One meeting or deadline. A ``date`` start makes an all-day event (a deadline, which
    does not make anyone busy); a ``datetime`` start must carry its time zone."""

    uid: str
    sekvens: int
    tittel: str
    start: date | datetime
    slutt: date | datetime | None = None
    beskrivelse: str = ""
    sted: str = ""
    lenke: str = ""

    def __post_init__(self) -> None:
        if not self.uid.strip():
            raise ValueError("en kalenderhendelse må ha en UID")
        if self.sekvens < 0:
            raise ValueError(f"sekvensen må være 0 eller mer, ikke {self.sekvens}")
        if isinstance(self.start, datetime):
            if self.start.tzinfo is None:
                raise ValueError("starttidspunktet må ha tidssone")
            if not isinstance(self.slutt, datetime) or self.slutt.tzinfo is None:
                raise ValueError("et møte med klokkeslett må ha et sluttidspunkt med tidssone")
        elif self.slutt is not None and isinstance(self.slutt, datetime):
            raise ValueError("en heldagshendelse slutter på en dato, ikke et klokkeslett")
        if self.slutt is not None and self.slutt <= self.start:
            raise ValueError("hendelsen må slutte etter at den begynner")

    @property
    def heldag(self) -> bool:
        return not isinstance(self.start, datetime)


def invitasjon(
    hendelse: Hendelse, arrangor: Person, deltakere: Sequence[Person], stempel: datetime
) -> bytes:
    """An invitation (METHOD:REQUEST) that adds the event, or updates it when sent again with a
    higher ``sekvens``."""
    return _kalender(Metode.REQUEST, hendelse, arrangor, deltakere, stempel)


def avlysning(
    hendelse: Hendelse, arrangor: Person, deltakere: Sequence[Person], stempel: datetime
) -> bytes:
    """A cancellation (METHOD:CANCEL) that removes the event with the same UID."""
    return _kalender(Metode.CANCEL, hendelse, arrangor, deltakere, stempel)


def _adresse(person: Person, **parametre: str) -> vCalAddress:
    adresse = vCalAddress(f"mailto:{person.epost}")
    if person.navn:
        adresse.params["CN"] = vText(person.navn)
    for navn, verdi in parametre.items():
        adresse.params[navn] = vText(verdi)
    return adresse


def _kalender(
    metode: Metode,
    hendelse: Hendelse,
    arrangor: Person,
    deltakere: Sequence[Person],
    stempel: datetime,
) -> bytes:
    if stempel.tzinfo is None:
        raise ValueError("stempelet må ha tidssone")
    kalender = Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", metode.value)

    event = Event()
    event.add("uid", hendelse.uid)
    event.add("sequence", hendelse.sekvens)
    event.add("dtstamp", stempel.astimezone(UTC))
    event.add("summary", hendelse.tittel)
    if isinstance(hendelse.start, datetime):
        assert isinstance(hendelse.slutt, datetime)
        # In UTC: every client reads it, and a single event needs no VTIMEZONE rules.
        event.add("dtstart", hendelse.start.astimezone(UTC))
        event.add("dtend", hendelse.slutt.astimezone(UTC))
        event.add("transp", "OPAQUE")
    else:
        event.add("dtstart", hendelse.start)
        event.add("dtend", hendelse.slutt or hendelse.start + timedelta(days=1))
        # A deadline is not a meeting: it must not block the day in anyone's free/busy time.
        event.add("transp", "TRANSPARENT")
    beskrivelse = hendelse.beskrivelse
    if hendelse.lenke:
        beskrivelse = f"{beskrivelse}\n\n{hendelse.lenke}".strip()
        event.add("url", hendelse.lenke)
    if beskrivelse:
        event.add("description", beskrivelse)
    if hendelse.sted:
        event.add("location", hendelse.sted)
    event.add("class", "PRIVATE")
    event.add("organizer", _adresse(arrangor))
    for deltaker in deltakere:
        # RSVP=FALSE: answers would go to the no-reply sender, where nobody reads them.
        event.add(
            "attendee",
            _adresse(deltaker, ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION", RSVP="FALSE"),
            encode=False,
        )
    if metode is Metode.CANCEL:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    kalender.add_component(event)
    return kalender.to_ical()
