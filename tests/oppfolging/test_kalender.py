"""Calendar invitations, ``naervaer.oppfolging.kalender``: read back with icalendar, as a mail
client would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from naervaer.oppfolging.kalender import Hendelse, Person, avlysning, invitasjon

OSLO = ZoneInfo("Europe/Oslo")
ARRANGOR = Person("ikke-svar@naervaer.test", "Nærvær")
LARS = Person("leder@example.no", "Lars Leder")
STEMPEL = datetime(2025, 2, 17, 7, 5, tzinfo=OSLO)


def _les(ics: bytes) -> tuple[Calendar, object]:
    kalender = Calendar.from_ical(ics)
    [event] = kalender.walk("VEVENT")
    return kalender, event


def _mote(**endre: object) -> Hendelse:
    felt: dict[str, object] = {
        "uid": "aktivitet-7@naervaer.test",
        "sekvens": 0,
        "tittel": "Arbeidsmiljøkartlegging",
        "start": datetime(2025, 3, 4, 10, 0, tzinfo=OSLO),
        "slutt": datetime(2025, 3, 4, 11, 30, tzinfo=OSLO),
        "beskrivelse": "Forebyggende aktivitet, planlagt i Nærvær.",
        "sted": "Møterom Solsikke",
        "lenke": "https://naervaer.test/paminnelser/910000001/aktiviteter/7/",
    }
    felt.update(endre)
    return Hendelse(**felt)  # type: ignore[arg-type]


def test_it_works() -> None:
    kalender, event = _les(invitasjon(_mote(), ARRANGOR, [LARS], STEMPEL))
    assert kalender["METHOD"] == "REQUEST"
    assert event["UID"] == "aktivitet-7@naervaer.test"  # type: ignore[index]
    # 10:00 in Oslo in March is 09:00 UTC: the time survives the round trip.
    start = event["DTSTART"].dt  # type: ignore[index]
    assert start == datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
    assert start.astimezone(OSLO).hour == 10
    assert event["DTEND"].dt - start == timedelta(minutes=90)  # type: ignore[index]


def test_an_invitation_names_organizer_and_attendee_and_asks_no_answer() -> None:
    _, event = _les(invitasjon(_mote(), ARRANGOR, [LARS], STEMPEL))
    assert str(event["ORGANIZER"]) == "mailto:ikke-svar@naervaer.test"  # type: ignore[index]
    deltaker = event["ATTENDEE"]  # type: ignore[index]
    assert str(deltaker) == "mailto:leder@example.no"
    assert deltaker.params["CN"] == "Lars Leder"
    assert deltaker.params["RSVP"] == "FALSE"
    assert str(event["LOCATION"]) == "Møterom Solsikke"  # type: ignore[index]
    assert str(event["CLASS"]) == "PRIVATE"  # type: ignore[index]
    assert "https://naervaer.test/paminnelser/910000001/aktiviteter/7/" in str(
        event["DESCRIPTION"]  # type: ignore[index]
    )


def test_an_update_keeps_the_uid_and_raises_the_sequence() -> None:
    forst = _les(invitasjon(_mote(), ARRANGOR, [LARS], STEMPEL))[1]
    flyttet = _mote(
        sekvens=1,
        start=datetime(2025, 3, 5, 12, 0, tzinfo=OSLO),
        slutt=datetime(2025, 3, 5, 13, 0, tzinfo=OSLO),
    )
    oppdatert = _les(invitasjon(flyttet, ARRANGOR, [LARS], STEMPEL))[1]
    assert oppdatert["UID"] == forst["UID"]  # type: ignore[index]
    assert oppdatert["SEQUENCE"] > forst["SEQUENCE"]  # type: ignore[index]
    assert oppdatert["DTSTART"].dt.astimezone(OSLO) == datetime(  # type: ignore[index]
        2025, 3, 5, 12, 0, tzinfo=OSLO
    )


def test_a_cancellation_removes_the_same_event() -> None:
    kalender, event = _les(avlysning(_mote(sekvens=2), ARRANGOR, [LARS], STEMPEL))
    assert kalender["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"  # type: ignore[index]
    assert event["UID"] == "aktivitet-7@naervaer.test"  # type: ignore[index]
    assert event["SEQUENCE"] == 2  # type: ignore[index]


def test_a_deadline_is_an_all_day_event_that_keeps_the_day_free() -> None:
    frist = Hendelse("oppgave-3@naervaer.test", 5, "Frist: dialogmøte 1", date(2025, 2, 24))
    _, event = _les(invitasjon(frist, ARRANGOR, [LARS], STEMPEL))
    assert event["DTSTART"].dt == date(2025, 2, 24)  # type: ignore[index]
    assert event["DTEND"].dt == date(2025, 2, 25)  # type: ignore[index]
    assert event["TRANSP"] == "TRANSPARENT"  # type: ignore[index]


def test_summer_time_is_kept() -> None:
    sommer = _mote(
        start=datetime(2025, 6, 10, 10, 0, tzinfo=OSLO),
        slutt=datetime(2025, 6, 10, 11, 0, tzinfo=OSLO),
    )
    _, event = _les(invitasjon(sommer, ARRANGOR, [LARS], STEMPEL))
    assert event["DTSTART"].dt == datetime(2025, 6, 10, 8, 0, tzinfo=UTC)  # type: ignore[index]


@pytest.mark.parametrize(
    ("endre", "melding"),
    [
        pytest.param({"uid": " "}, "UID", id="no_uid"),
        pytest.param({"sekvens": -1}, "sekvensen", id="negative_sequence"),
        pytest.param(
            {"start": datetime(2025, 3, 4, 10), "slutt": datetime(2025, 3, 4, 11)},
            "tidssone",
            id="naive_time",
        ),
        pytest.param(
            {"slutt": datetime(2025, 3, 4, 9, 0, tzinfo=OSLO)}, "slutte etter", id="ends_first"
        ),
        pytest.param({"slutt": None}, "sluttidspunkt", id="no_end"),
    ],
)
def test_a_wrong_event_is_refused(endre: dict[str, object], melding: str) -> None:
    with pytest.raises(ValueError, match=melding):
        _mote(**endre)
