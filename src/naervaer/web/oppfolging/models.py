"""Sick-leave cases on the legal timeline, and the tasks each milestone gives.

A ``Tilfelle`` is the law's case (``naervaer.oppfolging.tilfelle.knytt_sammen``) for one employee;
it is opened and kept up to date from the stored absence by ``naervaer.web.oppfolging.synk``, never
by hand. Its ``Oppgave`` rows are the milestones of ``naervaer.oppfolging.frister`` that ask
someone to act; the milestone's date is the deadline.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import models

from naervaer.oppfolging.regler import Kode
from naervaer.web.egendata.models import Ansatt


class Tilfelle(models.Model):
    ansatt = models.ForeignKey(Ansatt, on_delete=models.CASCADE, related_name="tilfeller")
    fra_dato: models.DateField[date, date] = models.DateField()
    til_dato: models.DateField[date | None, date | None] = models.DateField(
        null=True, blank=True, help_text="siste fraværsdag som er kjent"
    )
    avsluttet: models.DateField[date | None, date | None] = models.DateField(
        null=True,
        blank=True,
        help_text="dagen den ansatte var tilbake; tom mens tilfellet er åpent",
    )
    opprettet: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)
    endret: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sykefraværstilfelle"
        verbose_name_plural = "sykefraværstilfeller"
        ordering = ("-fra_dato",)
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["ansatt", "fra_dato"], name="tilfelle_ansatt_fra"),
        ]

    def __str__(self) -> str:
        return f"{self.ansatt} fra {self.fra_dato}"

    @property
    def er_apent(self) -> bool:
        return self.avsluttet is None


class Oppgave(models.Model):
    """One milestone that asks someone to act, and what became of it."""

    class Status(models.TextChoices):
        APEN = "APEN", "åpen"
        UTFORT = "UTFORT", "utført"
        UTSATT = "UTSATT", "utsatt"
        UNODVENDIG = "UNODVENDIG", "åpenbart unødvendig"

    tilfelle = models.ForeignKey(Tilfelle, on_delete=models.CASCADE, related_name="oppgaver")
    kode: models.CharField[str, str] = models.CharField(
        max_length=30, choices=[(k.value, k.value) for k in Kode]
    )
    frist: models.DateField[date, date] = models.DateField()
    ansvarlig: models.CharField[str, str] = models.CharField(max_length=100)
    hva: models.TextField[str, str] = models.TextField()
    kilde: models.CharField[str, str] = models.CharField(max_length=200)
    status: models.CharField[str, str] = models.CharField(
        max_length=10, choices=Status.choices, default=Status.APEN
    )
    utfort_dato: models.DateField[date | None, date | None] = models.DateField(
        null=True, blank=True
    )
    utsatt_til: models.DateField[date | None, date | None] = models.DateField(null=True, blank=True)
    notat: models.CharField[str, str] = models.CharField(
        max_length=500, blank=True, help_text="kort notat; aldri diagnose eller helseopplysninger"
    )
    endret_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    endret: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)
    forrige: models.JSONField[dict[str, Any] | None, dict[str, Any] | None] = models.JSONField(
        null=True,
        blank=True,
        help_text="tilstanden før siste endring, så den kan angres",
    )

    class Meta:
        verbose_name = "oppgave"
        verbose_name_plural = "oppgaver"
        ordering = ("frist",)
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["tilfelle", "kode"], name="oppgave_en_per_milepael"),
            models.CheckConstraint(
                condition=~models.Q(status="UTFORT") | models.Q(utfort_dato__isnull=False),
                name="oppgave_utfort_har_dato",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="UTSATT") | models.Q(utsatt_til__isnull=False),
                name="oppgave_utsatt_har_dato",
            ),
            # Postponing, or skipping a duty as obviously unnecessary, needs a reason.
            models.CheckConstraint(
                condition=~models.Q(status__in=["UTSATT", "UNODVENDIG"]) | ~models.Q(notat=""),
                name="oppgave_begrunnet",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="APEN")
                | models.Q(utfort_dato__isnull=True, utsatt_til__isnull=True),
                name="oppgave_apen_uten_datoer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.frist} ({self.status})"

    @property
    def er_apen(self) -> bool:
        """Still to do: open, or postponed to a later date."""
        return self.status in (self.Status.APEN, self.Status.UTSATT)

    @property
    def gjeldende_frist(self) -> date:
        """The deadline that counts now: a postponed task is due on its new date."""
        if self.status == self.Status.UTSATT and self.utsatt_til is not None:
            return self.utsatt_til
        return self.frist
