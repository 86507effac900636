"""Statistics computed from each virksomhet's own data, kept until the data changes.

The sums are the engine's exact integers (mulige dagsverk in 1/10 000, tapte in 1/100 000 000 of
a dagsverk), so nothing is lost to floating point on any database. Whether a row may be shown is
decided when it is computed, for the whole virksomhet at once (secondary suppression needs every
department and period together), and stored with the threshold it was decided with.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from naervaer.statistikk.aggregering import Fravaerstall
from naervaer.statistikk.beregning import MULIGE_SKALA, TAPTE_SKALA
from naervaer.statistikk.perioder import Inndeling, Periode
from naervaer.web.egendata.models import Avdeling
from naervaer.web.virksomheter.models import Virksomhet


class Egenberegning(models.Model):
    """When a virksomhet's own statistics were last computed, from which months, and the
    department tree they were computed with."""

    virksomhet = models.OneToOneField(
        Virksomhet, on_delete=models.CASCADE, primary_key=True, related_name="egenberegning"
    )
    beregnet: models.DateTimeField[datetime, datetime] = models.DateTimeField()
    fra_maned: models.DateField[date | None, date | None] = models.DateField(
        null=True, blank=True, help_text="første dag i første måned som er beregnet"
    )
    til_maned: models.DateField[date | None, date | None] = models.DateField(
        null=True, blank=True, help_text="første dag i siste måned som er beregnet"
    )
    terskel: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        help_text="maskeringsterskelen (antall personer) tallene ble maskert med"
    )
    avdelingstre: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(
        default=dict, help_text="avdeling-id → overordnet avdeling-id da tallene ble beregnet"
    )
    antall_advarsler: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(
        default=0, help_text="overlappende fravær og fravær utenfor arbeidsforhold"
    )
    varighet_ms: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "beregning av egne tall"
        verbose_name_plural = "beregninger av egne tall"
        constraints = [  # noqa: RUF012
            models.CheckConstraint(
                condition=models.Q(terskel__gte=5), name="egenberegning_terskel_minst_fem"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.virksomhet_id} beregnet {self.beregnet:%Y-%m-%d %H:%M}"


class Egentall(models.Model):
    """One unit's sums in one month or quarter, from the virksomhet's own data.

    The unit is the whole virksomhet (no ``avdeling``), a department with its sub-departments,
    or (``direkte``) the staff employed in a parent department itself.
    """

    class Inndeling(models.TextChoices):
        MANED = Inndeling.MANED.value, "måned"
        KVARTAL = Inndeling.KVARTAL.value, "kvartal"

    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="egentall")
    inndeling: models.CharField[str, str] = models.CharField(
        max_length=7, choices=Inndeling.choices
    )
    arstall: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField()
    nummer: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        help_text="måned 1-12 eller kvartal 1-4"
    )
    avdeling = models.ForeignKey(
        Avdeling, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    direkte: models.BooleanField[bool, bool] = models.BooleanField(
        default=False, help_text="bare de som er ansatt direkte i avdelingen, ikke underavdelinger"
    )
    antall_personer: models.PositiveIntegerField[int, int] = models.PositiveIntegerField()
    mulige: models.BigIntegerField[int, int] = models.BigIntegerField(
        help_text="mulige dagsverk × 10 000"
    )
    tapte: models.BigIntegerField[int, int] = models.BigIntegerField(
        help_text="tapte dagsverk × 100 000 000"
    )
    tapte_egenmeldt: models.BigIntegerField[int, int] = models.BigIntegerField()
    tapte_legemeldt: models.BigIntegerField[int, int] = models.BigIntegerField()
    tapte_gradert: models.BigIntegerField[int, int] = models.BigIntegerField()
    tapte_korttid: models.BigIntegerField[int, int] = models.BigIntegerField()
    tapte_langtid: models.BigIntegerField[int, int] = models.BigIntegerField()
    maskert: models.BooleanField[bool, bool] = models.BooleanField(
        help_text="for få personer, eller et tall som ville avsløre et maskert tall"
    )

    class Meta:
        verbose_name = "egne tall"
        verbose_name_plural = "egne tall"
        constraints = [  # noqa: RUF012
            models.CheckConstraint(
                condition=models.Q(inndeling="maned", nummer__gte=1, nummer__lte=12)
                | models.Q(inndeling="kvartal", nummer__gte=1, nummer__lte=4),
                name="egentall_periode",
            ),
            models.CheckConstraint(
                condition=models.Q(direkte=False) | models.Q(avdeling__isnull=False),
                name="egentall_direkte_har_avdeling",
            ),
            models.CheckConstraint(
                condition=models.Q(maskert=True) | models.Q(antall_personer__gte=5),
                name="egentall_under_fem_er_maskert",
            ),
            models.UniqueConstraint(
                fields=["virksomhet", "inndeling", "arstall", "nummer"],
                condition=models.Q(avdeling__isnull=True),
                name="egentall_en_rad_for_virksomheten",
            ),
            models.UniqueConstraint(
                fields=["virksomhet", "inndeling", "arstall", "nummer", "avdeling", "direkte"],
                condition=models.Q(avdeling__isnull=False),
                name="egentall_en_rad_per_avdeling",
            ),
        ]
        indexes = [  # noqa: RUF012
            models.Index(fields=["virksomhet", "inndeling"], name="egentall_virksomhet"),
        ]

    def __str__(self) -> str:
        enhet = self.avdeling_id or "virksomheten"
        return f"{self.virksomhet_id} {enhet} {self.arstall}/{self.nummer} ({self.inndeling})"

    @property
    def periode(self) -> Periode:
        return Inndeling(self.inndeling).periode(self.arstall, self.nummer)

    @property
    def fravaerstall(self) -> Fravaerstall:
        return fravaerstall(
            self.antall_personer,
            self.mulige,
            self.tapte,
            self.tapte_egenmeldt,
            self.tapte_legemeldt,
            self.tapte_gradert,
            self.tapte_korttid,
            self.tapte_langtid,
        )


SUMFELT = (
    "mulige",
    "tapte",
    "tapte_egenmeldt",
    "tapte_legemeldt",
    "tapte_gradert",
    "tapte_korttid",
    "tapte_langtid",
)


def fravaerstall(antall_personer: int, mulige: int, *tapte: int) -> Fravaerstall:
    """The exact decimal sums from the stored integers."""
    t = [Decimal(verdi) / TAPTE_SKALA for verdi in tapte]
    return Fravaerstall(antall_personer, Decimal(mulige) / MULIGE_SKALA, *t)
