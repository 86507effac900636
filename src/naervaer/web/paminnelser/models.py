"""Reminders: each person's choice of mail, each virksomhet's timing, planned activities, and the
outbox that makes sending safe to repeat.

``Paminnelse`` is the outbox. A row is one mail to one person about one thing, and its natural
key (recipient, kind, task or activity or virksomhet, date, step) is unique in the database, so
planning the same reminder twice, in one run or in two at once, leaves one row. How a row is
claimed and sent is explained in ``naervaer.web.paminnelser.utsending``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from django.conf import settings
from django.db import models
from django.db.models import Q

from naervaer.oppfolging.paminnelse import (
    MAKS_DAGER_FOR,
    STANDARD_KLOKKESLETT,
    UKEDAGER,
    Art,
    Frekvens,
    Varslingsplan,
)
from naervaer.web.oppfolging.models import Oppgave
from naervaer.web.virksomheter.models import Virksomhet


class Epostvalg(models.Model):
    """How often one person wants mail (the same in every virksomhet). No row: every reminder."""

    bruker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="epostvalg"
    )
    frekvens: models.CharField[str, str] = models.CharField(
        max_length=10,
        choices=[(f.value, f.tekst) for f in Frekvens],
        default=Frekvens.HVER.value,
    )
    endret: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "e-postvalg"
        verbose_name_plural = "e-postvalg"
        constraints = [  # noqa: RUF012
            models.CheckConstraint(
                condition=Q(frekvens__in=[f.value for f in Frekvens]),
                name="epostvalg_kjent_frekvens",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bruker_id}: {self.frekvens}"


class Innstilling(models.Model):
    """A virksomhet's choice of when reminders go out. No row: the defaults
    (``naervaer.oppfolging.paminnelse.STANDARD``)."""

    virksomhet = models.OneToOneField(
        Virksomhet, on_delete=models.CASCADE, related_name="paminnelsesinnstilling"
    )
    klokkeslett: models.TimeField[time, time] = models.TimeField(default=STANDARD_KLOKKESLETT)
    ukedag: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        default=0, choices=list(enumerate(UKEDAGER))
    )
    eskalering: models.BooleanField[bool, bool] = models.BooleanField(default=True)
    endret: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)
    endret_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "påminnelsesinnstilling"
        verbose_name_plural = "påminnelsesinnstillinger"
        constraints = [  # noqa: RUF012
            models.CheckConstraint(condition=Q(ukedag__lte=6), name="innstilling_ukedag"),
        ]

    def __str__(self) -> str:
        return f"Påminnelser for {self.virksomhet_id}"

    def plan(self) -> Varslingsplan:
        return Varslingsplan(
            dager_for=tuple(self.varseldager.values_list("dager", flat=True)),
            klokkeslett=self.klokkeslett,
            ukedag=self.ukedag,
            eskalering=self.eskalering,
        )


class Varseldag(models.Model):
    """One reminder before each deadline: «so many days before»."""

    innstilling = models.ForeignKey(
        Innstilling, on_delete=models.CASCADE, related_name="varseldager"
    )
    dager: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "varseldag"
        verbose_name_plural = "varseldager"
        ordering = ("-dager",)
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["innstilling", "dager"], name="varseldag_unik"),
            models.CheckConstraint(
                condition=Q(dager__lte=MAKS_DAGER_FOR), name="varseldag_hoyst_60"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dager} dager før"


class Aktivitet(models.Model):
    """A preventive activity or a conversation the virksomhet plans; reminded like a task.

    ``sekvens`` counts the changes a calendar must hear of (time, place, title, who): each
    change raises it, so the next invitation replaces the one before (iTIP SEQUENCE).
    """

    class Type(models.TextChoices):
        FOREBYGGENDE = "FOREBYGGENDE", "Forebyggende aktivitet"
        MEDARBEIDERSAMTALE = "MEDARBEIDERSAMTALE", "Medarbeidersamtale"
        ANNET = "ANNET", "Annet"

    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="aktiviteter")
    tittel: models.CharField[str, str] = models.CharField(max_length=200)
    type: models.CharField[str, str] = models.CharField(max_length=20, choices=Type.choices)
    start: models.DateTimeField[datetime, datetime] = models.DateTimeField()
    varighet: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        default=60, help_text="minutter"
    )
    sted: models.CharField[str, str] = models.CharField(max_length=200, blank=True)
    ansvarlig = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ansvar_for_aktiviteter"
    )
    notat: models.CharField[str, str] = models.CharField(
        max_length=500, blank=True, help_text="aldri diagnose eller helseopplysninger"
    )
    avlyst: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )
    sekvens: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opprettet: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)
    endret: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "planlagt aktivitet"
        verbose_name_plural = "planlagte aktiviteter"
        ordering = ("start",)
        constraints = [  # noqa: RUF012
            models.CheckConstraint(
                condition=Q(varighet__gte=5, varighet__lte=720), name="aktivitet_varighet"
            ),
            models.CheckConstraint(
                condition=Q(type__in=["FOREBYGGENDE", "MEDARBEIDERSAMTALE", "ANNET"]),
                name="aktivitet_kjent_type",
            ),
        ]
        indexes = [models.Index(fields=["virksomhet", "start"], name="aktivitet_virksomhet_start")]  # noqa: RUF012

    def __str__(self) -> str:
        return f"{self.tittel} {self.start:%Y-%m-%d %H:%M}"


class Kalenderutgave(models.Model):
    """The version of a calendar event Nærvær last sent for a task's deadline.

    iTIP replaces an event only by a higher SEQUENCE; this counts the changes of what the event
    shows (``noekkel``), so a moved deadline always replaces the one before.
    """

    uid: models.CharField[str, str] = models.CharField(max_length=200, unique=True)
    sekvens: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    noekkel: models.CharField[str, str] = models.CharField(max_length=200)

    class Meta:
        verbose_name = "kalenderutgave"
        verbose_name_plural = "kalenderutgaver"

    def __str__(self) -> str:
        return f"{self.uid} #{self.sekvens}"


OPPGAVEARTER = [Art.FOR_FRIST.value, Art.ESKALERING.value]
AKTIVITETSARTER = [Art.AKTIVITET.value, Art.INVITASJON.value, Art.AVLYSNING.value]
VIRKSOMHETSARTER = [Art.SAMMENDRAG.value, Art.DAGLIG.value]


class Paminnelse(models.Model):
    """One mail in the outbox.

    - ``frist``: the deadline (task), the day of the activity, the Monday of the digest's week
      or the day of the daily mail.
    - ``trinn``: days before the deadline for a reminder, the activity's ``sekvens`` for an
      invitation or cancellation, otherwise 0.
    """

    class Status(models.TextChoices):
        VENTER = "VENTER", "venter"
        SENDER = "SENDER", "sendes nå"
        SENDT = "SENDT", "sendt"
        SAMLET = "SAMLET", "sendt i daglig e-post"
        BORTFALT = "BORTFALT", "ikke lenger aktuell"
        VALGT_BORT = "VALGT_BORT", "valgt bort av mottakeren"
        FEILET = "FEILET", "kunne ikke sendes"

    art: models.CharField[str, str] = models.CharField(
        max_length=12, choices=[(a.value, a.value) for a in Art]
    )
    mottaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="paminnelser"
    )
    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="+")
    oppgave = models.ForeignKey(
        Oppgave, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    aktivitet = models.ForeignKey(
        Aktivitet, on_delete=models.CASCADE, null=True, blank=True, related_name="paminnelser"
    )
    frist: models.DateField[date, date] = models.DateField()
    trinn: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    send_etter: models.DateTimeField[datetime, datetime] = models.DateTimeField()
    status: models.CharField[str, str] = models.CharField(
        max_length=10, choices=Status.choices, default=Status.VENTER
    )
    tatt: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True, help_text="når en kjøring tok raden for å sende den"
    )
    krav: models.UUIDField[uuid.UUID | None, uuid.UUID | None] = models.UUIDField(
        null=True, blank=True, help_text="kjøringen som har raden"
    )
    forsok: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(default=0)
    sendt: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )
    samlet_i = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="innhold"
    )
    feil: models.CharField[str, str] = models.CharField(max_length=500, blank=True)
    opprettet: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "påminnelse"
        verbose_name_plural = "påminnelser"
        ordering = ("send_etter", "pk")
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(
                fields=["mottaker", "art", "oppgave", "frist", "trinn"],
                condition=Q(oppgave__isnull=False),
                name="paminnelse_oppgave_en_gang",
            ),
            models.UniqueConstraint(
                fields=["mottaker", "art", "aktivitet", "frist", "trinn"],
                condition=Q(aktivitet__isnull=False),
                name="paminnelse_aktivitet_en_gang",
            ),
            models.UniqueConstraint(
                fields=["mottaker", "art", "virksomhet", "frist", "trinn"],
                condition=Q(oppgave__isnull=True, aktivitet__isnull=True),
                name="paminnelse_virksomhet_en_gang",
            ),
            models.CheckConstraint(
                condition=(
                    Q(art__in=OPPGAVEARTER, oppgave__isnull=False, aktivitet__isnull=True)
                    | Q(art__in=AKTIVITETSARTER, oppgave__isnull=True, aktivitet__isnull=False)
                    | Q(art__in=VIRKSOMHETSARTER, oppgave__isnull=True, aktivitet__isnull=True)
                ),
                name="paminnelse_art_passer_til_emnet",
            ),
            models.CheckConstraint(
                condition=~Q(status="SENDER") | Q(tatt__isnull=False, krav__isnull=False),
                name="paminnelse_sender_er_tatt",
            ),
            models.CheckConstraint(
                condition=~Q(status="SENDT") | Q(sendt__isnull=False),
                name="paminnelse_sendt_har_tid",
            ),
            models.CheckConstraint(
                condition=~Q(status="SAMLET") | Q(samlet_i__isnull=False),
                name="paminnelse_samlet_har_samling",
            ),
        ]
        indexes = [  # noqa: RUF012
            models.Index(fields=["status", "send_etter"], name="paminnelse_ko"),
        ]

    def __str__(self) -> str:
        return f"{self.art} til {self.mottaker_id} om {self.frist} ({self.status})"
