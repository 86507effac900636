"""The audit log: who saw or changed whose person-level absence data, what and when.

Written only through ``naervaer.web.virksomheter.tilgang`` (the one place that decides access),
so a view cannot show a person's data without leaving a line here. The e-mail and employee
number are copied, so the line still says who and whom after a user or an employee is deleted.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models

from naervaer.web.virksomheter.models import Virksomhet


class Hendelse(models.Model):
    tidspunkt: models.DateTimeField[datetime, datetime] = models.DateTimeField(
        auto_now_add=True, db_index=True
    )
    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="+")
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    bruker_epost: models.CharField[str, str] = models.CharField(max_length=254)
    ansatt = models.ForeignKey(
        "egendata.Ansatt", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ansattnummer: models.CharField[str, str] = models.CharField(max_length=40, blank=True)
    hva: models.CharField[str, str] = models.CharField(max_length=200)
    sti: models.CharField[str, str] = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "revisjonshendelse"
        verbose_name_plural = "revisjonslogg"
        ordering = ("-tidspunkt", "-id")
        indexes = [  # noqa: RUF012
            models.Index(fields=["virksomhet", "-tidspunkt"], name="hendelse_virksomhet_tid"),
            models.Index(fields=["ansatt"], name="hendelse_ansatt"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.tidspunkt:%Y-%m-%d %H:%M} {self.bruker_epost}: {self.hva} {self.ansattnummer}"
        )
