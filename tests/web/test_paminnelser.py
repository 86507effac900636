"""``send-paminnelser``: the right mail to the right person at the right time, through a real
SMTP server (``postkasse``) and with the clock given to each run."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from icalendar import Calendar
from typer.testing import CliRunner

from naervaer.cli import app
from naervaer.oppfolging.paminnelse import Frekvens, Varslingsplan
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.paminnelser import aktiviteter, utsending
from naervaer.web.paminnelser.innstillinger import lagre_plan, velg_frekvens
from naervaer.web.paminnelser.models import Aktivitet, Paminnelse
from naervaer.web.paminnelser.planlegging import planlegg
from naervaer.web.virksomheter.models import Rolle, Tilgang, Virksomhet
from naervaer.web.virksomheter.tilgang import rettigheter
from tests.web.conftest import SOLSIKKEN, Egendata, Postkasse

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
NETTADRESSE = "https://naervaer.test"
LEDER = "leder@example.no"
HR = "hr@example.no"
ADMIN = "admin@example.no"

# Bjørn Berg (1002, in A1, led by «leder») is away from Wednesday 8 January 2025. The digest
# goes out on Mondays, so the reminders 7 and 1 days before a deadline fall on other days.
FORSTE_DAG = date(2025, 1, 8)
PLANFRIST = date(2025, 2, 5)  # oppfølgingsplan: 4 weeks
MOTEFRIST = date(2025, 2, 26)  # dialogmøte 1: 7 weeks


def kl(dag: date, timer: int = 7, minutter: int = 5) -> datetime:
    return datetime.combine(dag, time(timer, minutter), tzinfo=OSLO)


@pytest.fixture(autouse=True)
def _nettadresse(settings: Any) -> None:
    settings.NAERVAER_NETTADRESSE = NETTADRESSE
    settings.DEFAULT_FROM_EMAIL = "Nærvær <ikke-svar@naervaer.test>"


def apne_tilfelle(ansatt: Any, fra: date = FORSTE_DAG, **frister: date) -> dict[str, Oppgave]:
    """A case with the given tasks, written straight to the models (the sync is not ours)."""
    tilfelle = Tilfelle.objects.create(ansatt=ansatt, fra_dato=fra)
    return {
        kode: Oppgave.objects.create(
            tilfelle=tilfelle,
            kode=kode,
            frist=frist,
            ansvarlig="arbeidsgiver",
            hva="Regelteksten",
            kilde="aml. § 4-6",
        )
        for kode, frist in frister.items()
    }


@pytest.fixture
def bjorn(egendata: Egendata) -> dict[str, Oppgave]:
    return apne_tilfelle(
        egendata.ansatte["1002"], oppfolgingsplan=PLANFRIST, dialogmote_1=MOTEFRIST
    )


def emne(brev: EmailMessage) -> str:
    # Django folds a long encoded subject onto the next line; unfolding leaves a space first,
    # which mail clients drop.
    return str(brev["Subject"]).strip()


def brodtekst(brev: EmailMessage) -> str:
    del_ = brev.get_body(preferencelist=("plain",))
    assert isinstance(del_, EmailMessage)
    return str(del_.get_content())


def kalender(brev: EmailMessage) -> Calendar:
    [del_] = [d for d in brev.iter_attachments() if d.get_content_type() == "text/calendar"]
    assert del_.get_param("method") in ("REQUEST", "CANCEL")
    return Calendar.from_ical(del_.get_content())


def kalendere(brev: EmailMessage) -> list[Calendar]:
    return [
        Calendar.from_ical(d.get_content())
        for d in brev.iter_attachments()
        if d.get_content_type() == "text/calendar"
    ]


def test_it_works(postkasse: Postkasse, bjorn: dict[str, Oppgave]) -> None:
    resultat = utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    assert resultat.sendt == 1
    [brev] = postkasse.brev
    assert brev["To"] == LEDER
    assert emne(brev) == "Frist om 7 dager: Lag oppfølgingsplan sammen med den ansatte"
    tekst = brodtekst(brev)
    assert "Hei Lars," in tekst
    assert "Ansatt: Bjørn Berg" in tekst
    assert "Frist: onsdag 5. februar 2025 (om 7 dager)" in tekst
    assert f"Se saken: {NETTADRESSE}/virksomhet/{SOLSIKKEN}/oppfolging/" in tekst
    assert f"{NETTADRESSE}/paminnelser/" in tekst
    # The subject line names nobody: it shows on locked phones and in shared inboxes.
    assert "Bjørn" not in emne(brev) and "Berg" not in emne(brev)
    assert brev["Message-ID"] == f"<paminnelse.{Paminnelse.objects.get().pk}@naervaer.test>"
    assert brev["Auto-Submitted"] == "auto-generated"


def test_nothing_goes_before_the_time_of_day_or_twice(
    postkasse: Postkasse, bjorn: dict[str, Oppgave]
) -> None:
    dag = PLANFRIST - timedelta(days=7)
    assert utsending.kjor(kl(dag, 6, 55)).sendt == 0
    assert utsending.kjor(kl(dag, 7, 5)).sendt == 1
    assert utsending.kjor(kl(dag, 7, 10)).sendt == 0
    assert utsending.kjor(kl(dag + timedelta(days=2), 9)).sendt == 0
    assert len(postkasse.brev) == 1


def test_the_day_before_is_a_reminder_of_its_own(
    postkasse: Postkasse, bjorn: dict[str, Oppgave]
) -> None:
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    utsending.kjor(kl(PLANFRIST - timedelta(days=1)))
    assert [emne(b) for b in postkasse.til(LEDER)] == [
        "Frist om 7 dager: Lag oppfølgingsplan sammen med den ansatte",
        "Frist i morgen: Lag oppfølgingsplan sammen med den ansatte",
    ]


def test_a_late_run_sends_only_the_reminder_nearest_the_deadline(
    postkasse: Postkasse, bjorn: dict[str, Oppgave]
) -> None:
    # The server was off all week: one reminder, not two at once.
    utsending.kjor(kl(PLANFRIST - timedelta(days=1), 9))
    [brev] = postkasse.brev
    assert emne(brev).startswith("Frist i morgen:")


def test_a_dialogue_meeting_has_a_calendar_entry_that_moves_with_the_deadline(
    postkasse: Postkasse, bjorn: dict[str, Oppgave]
) -> None:
    bjorn["oppfolgingsplan"].status = Oppgave.Status.UTFORT
    bjorn["oppfolgingsplan"].utfort_dato = PLANFRIST
    bjorn["oppfolgingsplan"].save()
    utsending.kjor(kl(MOTEFRIST - timedelta(days=7)))
    [brev] = postkasse.brev
    assert emne(brev) == "Frist om 7 dager: Kall inn til og hold dialogmøte 1"
    forste = kalender(brev)
    assert forste["METHOD"] == "REQUEST"
    [event] = forste.walk("VEVENT")
    assert event["DTSTART"].dt == MOTEFRIST
    uid = str(event["UID"])
    assert uid == f"oppgave-{bjorn['dialogmote_1'].pk}@naervaer.test"
    # No name in a calendar: it is often shared with colleagues.
    assert "Bjørn" not in forste.to_ical().decode()

    mote = bjorn["dialogmote_1"]
    mote.status = Oppgave.Status.UTSATT
    mote.utsatt_til = MOTEFRIST + timedelta(days=7)
    mote.notat = "Den ansatte er bortreist"
    mote.save()
    utsending.kjor(kl(MOTEFRIST, 8))  # the new deadline is 7 days away
    nytt = postkasse.brev[-1]
    [flyttet] = kalender(nytt).walk("VEVENT")
    assert str(flyttet["UID"]) == uid
    assert flyttet["DTSTART"].dt == MOTEFRIST + timedelta(days=7)
    assert flyttet["SEQUENCE"] > event["SEQUENCE"]
    assert "Frist: onsdag 5. mars 2025 (om 7 dager)" in brodtekst(nytt)


def test_a_missed_deadline_goes_to_hr_once(postkasse: Postkasse, bjorn: dict[str, Oppgave]) -> None:
    utsending.kjor(kl(PLANFRIST, 23))
    assert postkasse.til(HR) == []
    utsending.kjor(kl(PLANFRIST + timedelta(days=1)))
    [brev] = postkasse.til(HR)
    assert emne(brev) == "Frist passert: Lag oppfølgingsplan sammen med den ansatte"
    tekst = brodtekst(brev)
    assert "Ansatt: Bjørn Berg" in tekst
    assert "Frist: onsdag 5. februar 2025 (i går)" in tekst
    assert "Ansvarlig: Lars" in tekst
    utsending.kjor(kl(PLANFRIST + timedelta(days=2)))
    utsending.kjor(kl(PLANFRIST + timedelta(days=5), 12))  # Monday: the digest lists it
    assert [emne(b).split(":")[0] for b in postkasse.til(HR)] == [
        "Frist passert",
        "Ukeoversikt uke 7",
    ]
    # The leader hears of it in the digest, not by an escalation.
    assert not [b for b in postkasse.til(LEDER) if emne(b).startswith("Frist passert")]


def test_without_hr_the_administrators_hear_of_a_missed_deadline(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    Tilgang.objects.filter(bruker=egendata.hr).delete()
    utsending.kjor(kl(PLANFRIST + timedelta(days=1)))
    [brev] = postkasse.til(ADMIN)
    assert emne(brev).startswith("Frist passert:")


def test_a_task_done_in_time_is_not_escalated(
    postkasse: Postkasse, bjorn: dict[str, Oppgave]
) -> None:
    plan = bjorn["oppfolgingsplan"]
    plan.status = Oppgave.Status.UTFORT
    plan.utfort_dato = PLANFRIST
    plan.save()
    utsending.kjor(kl(PLANFRIST + timedelta(days=1)))
    assert postkasse.brev == []


def test_a_department_without_a_leader_passes_the_duty_up(
    postkasse: Postkasse, egendata: Egendata
) -> None:
    # Eva Fjeld works in «Storbarn» (A2), which has no leader; «Barnehagen» (A) above it has.
    egendata.avdelinger["A"].ledere.add(egendata.verneombud)
    apne_tilfelle(egendata.ansatte["1005"], oppfolgingsplan=PLANFRIST)
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    assert [b["To"] for b in postkasse.brev] == ["verneombud@example.no"]


def test_no_leader_anywhere_means_hr(postkasse: Postkasse, egendata: Egendata) -> None:
    apne_tilfelle(egendata.ansatte["1010"], oppfolgingsplan=PLANFRIST)  # «Kjøkken»
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    assert [b["To"] for b in postkasse.brev] == [HR]


def test_a_leader_who_lost_access_gets_nothing(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    Tilgang.objects.filter(bruker=egendata.leder).delete()
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    assert [b["To"] for b in postkasse.brev] == [HR]


def test_a_sick_leader_is_not_reminded_to_follow_up_themselves(
    postkasse: Postkasse, egendata: Egendata
) -> None:
    lars = egendata.ansatte["1003"]
    lars.bruker = egendata.leder
    lars.save()
    apne_tilfelle(lars, oppfolgingsplan=PLANFRIST)
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    assert [b["To"] for b in postkasse.brev] == [HR]


def test_nothing_for_a_closed_case(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    Tilfelle.objects.update(til_dato=date(2025, 1, 20), avsluttet=date(2025, 1, 21))
    for dag in (PLANFRIST - timedelta(days=7), PLANFRIST + timedelta(days=1), MOTEFRIST):
        utsending.kjor(kl(dag))
    assert postkasse.brev == []


def test_a_reminder_planned_before_the_case_closed_is_not_sent(
    postkasse: Postkasse, bjorn: dict[str, Oppgave]
) -> None:
    naa = kl(PLANFRIST - timedelta(days=7))
    planlegg(naa)
    assert Paminnelse.objects.filter(status=Paminnelse.Status.VENTER).count() == 1
    Tilfelle.objects.update(avsluttet=date(2025, 1, 27))
    resultat = utsending.send(naa)
    assert (resultat.sendt, resultat.bortfalt) == (0, 1)
    assert postkasse.brev == []
    assert Paminnelse.objects.get().status == Paminnelse.Status.BORTFALT


def test_a_task_done_after_planning_is_not_sent(
    postkasse: Postkasse, bjorn: dict[str, Oppgave]
) -> None:
    naa = kl(PLANFRIST - timedelta(days=1))
    planlegg(naa)
    oppgave = bjorn["oppfolgingsplan"]
    oppgave.status = Oppgave.Status.UTFORT
    oppgave.utfort_dato = PLANFRIST - timedelta(days=1)
    oppgave.save()
    utsending.send(naa)
    assert postkasse.brev == []


def test_the_weekly_digest(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    apne_tilfelle(egendata.ansatte["1010"], oppfolgingsplan=date(2025, 2, 14))
    mandag = date(2025, 2, 17)
    utsending.kjor(kl(mandag))
    [til_leder] = [b for b in postkasse.til(LEDER) if emne(b).startswith("Ukeoversikt")]
    assert emne(til_leder) == ("Ukeoversikt uke 8: 1 forfalt, 1 frist (Solsikken barnehage AS)")
    tekst = brodtekst(til_leder)
    forfalt, kommende = tekst.split("Frister de neste to ukene")
    assert "Forfalt og ikke utført (1)" in forfalt
    assert "Lag oppfølgingsplan" in forfalt and "(for 12 dager siden)" in forfalt
    assert "Kall inn til og hold dialogmøte 1" in kommende and "(om 9 dager)" in kommende
    # Jon Kvam's case is not the leader's.
    assert "Jon Kvam" not in tekst

    [til_hr] = [b for b in postkasse.til(HR) if emne(b).startswith("Ukeoversikt")]
    hr_tekst = brodtekst(til_hr)
    # HR sees every overdue deadline, and its own («Kjøkken» has no leader).
    assert "Bjørn Berg" in hr_tekst and "Ansvarlig: Lars" in hr_tekst
    assert "Jon Kvam" in hr_tekst
    # Once a week.
    utsending.kjor(kl(mandag + timedelta(days=1)))
    utsending.kjor(kl(mandag + timedelta(days=6), 23))
    assert len([b for b in postkasse.til(LEDER) if emne(b).startswith("Ukeoversikt")]) == 1


def test_the_digest_follows_the_virksomhets_weekday(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    lagre_plan(
        Virksomhet.objects.get(pk=SOLSIKKEN),
        Varslingsplan(dager_for=(), klokkeslett=time(15, 0), ukedag=4),
        egendata.inst.admin,
    )
    utsending.kjor(kl(date(2025, 1, 27), 16))  # Monday
    assert postkasse.brev == []
    utsending.kjor(kl(date(2025, 1, 31), 14, 59))  # Friday, before the time
    assert postkasse.brev == []
    utsending.kjor(kl(date(2025, 1, 31), 15, 1))
    assert [emne(b).split(":")[0] for b in postkasse.til(LEDER)] == ["Ukeoversikt uke 5"]


def test_weekly_only_means_no_single_reminders(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    velg_frekvens(egendata.leder, Frekvens.UKENTLIG)
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    assert postkasse.brev == []
    utsending.kjor(kl(date(2025, 2, 3)))  # Monday
    assert [emne(b).split(":")[0] for b in postkasse.til(LEDER)] == ["Ukeoversikt uke 6"]
    utsending.kjor(kl(PLANFRIST - timedelta(days=1)))
    assert len(postkasse.til(LEDER)) == 1
    assert Paminnelse.objects.filter(status=Paminnelse.Status.VALGT_BORT).count() == 2


def test_no_mail_means_none_except_escalations_to_hr(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    velg_frekvens(egendata.leder, Frekvens.INGEN)
    velg_frekvens(egendata.hr, Frekvens.INGEN)
    for dag in (PLANFRIST - timedelta(days=7), PLANFRIST - timedelta(days=1)):
        utsending.kjor(kl(dag))
    assert postkasse.brev == []
    utsending.kjor(kl(PLANFRIST + timedelta(days=1)))
    assert [(b["To"], emne(b).split(":")[0]) for b in postkasse.brev] == [(HR, "Frist passert")]


def test_daily_gathers_the_days_reminders_in_one_mail(
    postkasse: Postkasse, egendata: Egendata
) -> None:
    velg_frekvens(egendata.leder, Frekvens.DAGLIG)
    apne_tilfelle(egendata.ansatte["1002"], oppfolgingsplan=PLANFRIST)
    apne_tilfelle(egendata.ansatte["1004"], dialogmote_1=PLANFRIST)
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    utsending.kjor(kl(PLANFRIST - timedelta(days=7), 9))
    [brev] = [b for b in postkasse.til(LEDER) if not emne(b).startswith("Ukeoversikt")]
    assert emne(brev) == "Dagens påminnelser: 2 påminnelser (Solsikken barnehage AS)"
    tekst = brodtekst(brev)
    assert "Bjørn Berg" in tekst and "David Eng" in tekst
    # The meeting's calendar entry comes along.
    [mote] = kalendere(brev)
    assert mote.walk("VEVENT")[0]["DTSTART"].dt == PLANFRIST
    utsending.kjor(kl(PLANFRIST - timedelta(days=1)))
    assert [emne(b) for b in postkasse.til(LEDER)][-1] == (
        "Dagens påminnelser: 2 påminnelser (Solsikken barnehage AS)"
    )


def test_no_health_data_in_any_mail(postkasse: Postkasse, egendata: Egendata) -> None:
    # Bjørn Berg has a graded sick note in the fixture (50 %); nothing of it may show.
    apne_tilfelle(
        egendata.ansatte["1002"],
        oppfolgingsplan=PLANFRIST,
        dialogmote_1=MOTEFRIST,
        aktivitetskrav=date(2025, 3, 3),
    )
    dag = PLANFRIST - timedelta(days=8)
    while dag <= date(2025, 3, 10):
        utsending.kjor(kl(dag))
        dag += timedelta(days=1)
    assert len(postkasse.brev) > 5
    for brev in postkasse.brev:
        innhold = brodtekst(brev) + emne(brev)
        innhold += "".join(k.to_ical().decode() for k in kalendere(brev))
        for ord_ in ("sykmelding", "egenmelding", "gradert", "50 %", "diagnos", "grad "):
            assert ord_ not in innhold.lower(), (ord_, emne(brev))


def _aktivitet(egendata: Egendata, start: datetime) -> Aktivitet:
    r = rettigheter(egendata.inst.admin, SOLSIKKEN)
    return aktiviteter.opprett(
        r,
        aktiviteter.Utkast(
            tittel="Arbeidsmiljøkartlegging",
            type=Aktivitet.Type.FOREBYGGENDE,
            start=start,
            varighet=90,
            sted="Møterom Solsikke",
            ansvarlig_id=egendata.leder.pk,
            notat="",
        ),
    )


def test_a_planned_activity_invites_reminds_moves_and_is_called_off(
    postkasse: Postkasse, egendata: Egendata
) -> None:
    start = kl(date(2025, 3, 4), 10, 0)
    aktivitet = _aktivitet(egendata, start)
    uid = f"aktivitet-{aktivitet.pk}@naervaer.test"

    utsending.kjor(kl(date(2025, 2, 20), 12))
    [invitasjon] = postkasse.til(LEDER)
    assert emne(invitasjon) == ("Invitasjon: forebyggende aktivitet tirsdag 4. mars 2025 kl. 10.00")
    [event] = kalender(invitasjon).walk("VEVENT")
    assert str(event["UID"]) == uid
    assert event["DTSTART"].dt.astimezone(OSLO) == start
    assert str(event["SUMMARY"]) == "Arbeidsmiljøkartlegging"

    utsending.kjor(kl(date(2025, 2, 25)))  # 7 days before
    paminnelse = postkasse.til(LEDER)[-1]
    assert emne(paminnelse).startswith("Påminnelse: forebyggende aktivitet")
    assert "Aktivitet: Arbeidsmiljøkartlegging" in brodtekst(paminnelse)
    assert len(kalendere(paminnelse)) == 1

    r = rettigheter(egendata.inst.admin, SOLSIKKEN)
    flyttet = kl(date(2025, 3, 5), 12, 0)
    aktiviteter.endre(
        r,
        aktivitet.pk,
        aktiviteter.Utkast(
            "Arbeidsmiljøkartlegging",
            Aktivitet.Type.FOREBYGGENDE,
            flyttet,
            90,
            "Møterom Solsikke",
            egendata.leder.pk,
            "",
        ),
    )
    utsending.kjor(kl(date(2025, 2, 25), 12))
    endret = postkasse.til(LEDER)[-1]
    assert emne(endret) == "Endret: forebyggende aktivitet onsdag 5. mars 2025 kl. 12.00"
    [ny] = kalender(endret).walk("VEVENT")
    assert str(ny["UID"]) == uid and ny["SEQUENCE"] > event["SEQUENCE"]
    assert ny["DTSTART"].dt.astimezone(OSLO) == flyttet

    aktiviteter.avlys(r, aktivitet.pk)
    utsending.kjor(kl(date(2025, 2, 26)))
    avlyst = postkasse.til(LEDER)[-1]
    assert emne(avlyst).startswith("Avlyst: forebyggende aktivitet")
    avlysning = kalender(avlyst)
    assert avlysning["METHOD"] == "CANCEL"
    assert str(avlysning.walk("VEVENT")[0]["UID"]) == uid
    # Nothing more about it: no reminder the day before, no second cancellation.
    antall = len(postkasse.brev)
    utsending.kjor(kl(date(2025, 3, 4), 7))
    assert len(postkasse.brev) == antall


def test_a_new_responsible_gets_the_invitation_and_the_old_one_a_cancellation(
    postkasse: Postkasse, egendata: Egendata
) -> None:
    aktivitet = _aktivitet(egendata, kl(date(2025, 3, 4), 10, 0))
    utsending.kjor(kl(date(2025, 2, 20), 12))
    r = rettigheter(egendata.inst.admin, SOLSIKKEN)
    aktiviteter.endre(
        r,
        aktivitet.pk,
        aktiviteter.Utkast(
            "Arbeidsmiljøkartlegging",
            Aktivitet.Type.FOREBYGGENDE,
            aktivitet.start,
            90,
            "Møterom Solsikke",
            egendata.hr.pk,
            "",
        ),
    )
    utsending.kjor(kl(date(2025, 2, 20), 13))
    assert kalender(postkasse.til(LEDER)[-1])["METHOD"] == "CANCEL"
    assert kalender(postkasse.til(HR)[-1])["METHOD"] == "REQUEST"
    utsending.kjor(kl(date(2025, 2, 21), 13))
    assert len(postkasse.til(LEDER)) == 2


def test_the_management_command(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("send_paminnelser", naa="2025-01-27T07:05")
    assert capsys.readouterr().out.strip() == "Sendte 1 e-post."
    assert len(postkasse.brev) == 1


def test_the_cli(postkasse: Postkasse, bjorn: dict[str, Oppgave]) -> None:
    resultat = CliRunner().invoke(app, ["send-paminnelser", "--naa", "2025-01-27T07:05+01:00"])
    assert resultat.exit_code == 0, resultat.output
    assert resultat.stdout.strip() == "Sendte 1 e-post."
    [brev] = postkasse.brev
    assert brev["To"] == LEDER


def test_the_cli_explains_a_wrong_time(bjorn: dict[str, Oppgave]) -> None:
    resultat = CliRunner().invoke(app, ["send-paminnelser", "--naa", "27.01.2025"])
    assert resultat.exit_code == 2
    assert "--naa: «27.01.2025» er ikke et tidspunkt" in resultat.stderr
    assert not Paminnelse.objects.exists()


def test_the_cli_fails_when_the_mail_server_is_down(
    settings: Any, bjorn: dict[str, Oppgave]
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        ledig = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", ledig
    resultat = CliRunner().invoke(app, ["send-paminnelser", "--naa", "2025-01-27T07:05"])
    assert resultat.exit_code == 1
    assert "Stoppet: Fikk ikke sendt: ConnectionRefusedError" in resultat.stderr
    # Nothing is lost: the reminder waits for the next run.
    rad = Paminnelse.objects.get()
    assert (rad.status, rad.forsok) == (Paminnelse.Status.VENTER, 0)


def test_a_time_without_zone_is_norwegian() -> None:
    assert utsending.les_tidspunkt("2025-06-02T07:00") == datetime(2025, 6, 2, 7, tzinfo=OSLO)


def test_a_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError, match="tidssone"):
        utsending.kjor(datetime(2025, 1, 27, 7, 5))


def test_only_leaders_tied_to_the_virksomhet_count_even_as_leaders_of_a_department(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    # A user in another role still tied to the virksomhet may lead a department.
    Tilgang.objects.filter(bruker=egendata.leder).update(rolle=Rolle.HR)
    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    assert sorted(b["To"] for b in postkasse.brev) == [LEDER]


def test_a_sent_reminder_is_in_the_audit_log(
    postkasse: Postkasse, bjorn: dict[str, Oppgave], egendata: Egendata
) -> None:
    from naervaer.web.revisjon.models import Hendelse

    utsending.kjor(kl(PLANFRIST - timedelta(days=7)))
    [linje] = Hendelse.objects.all()
    assert linje.bruker == egendata.leder
    assert linje.ansattnummer == "1002"
    assert linje.hva == f"Påminnelse på e-post (for_frist) til {LEDER}"
    # A reminder not sent shows nobody anything.
    Tilfelle.objects.update(avsluttet=date(2025, 2, 1))
    utsending.kjor(kl(PLANFRIST - timedelta(days=1)))
    assert Hendelse.objects.count() == 1
