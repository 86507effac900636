from __future__ import annotations

from datetime import date, datetime

from django.db import models

from naervaer.web.virksomheter.models import Virksomhet


class Sletting(models.Model):
    """One run of the retention deletion for one virksomhet: what went, up to which day.

    The statistics keep their aggregates for the periods before ``grense``: those can no longer
    be recomputed from the periods, which are gone (``frossen_for``).
    """

    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="+")
    kjort: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)
    grense: models.DateField[date, date] = models.DateField()
    fravaer: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    tilfeller: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    ansatte: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)
    logglinjer: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "sletting"
        verbose_name_plural = "slettinger"
        ordering = ("-kjort",)

    def __str__(self) -> str:
        return f"{self.virksomhet_id} til {self.grense}"
