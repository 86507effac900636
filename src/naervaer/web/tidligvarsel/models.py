"""A virksomhet's own thresholds for early warning; without a row the standard ones apply."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models

from naervaer.tidligvarsel import terskler as t
from naervaer.web.virksomheter.models import Virksomhet


def _mellom(felt: str, grense: t.Grense) -> models.Q:
    return models.Q(**{f"{felt}__gte": grense.minst, f"{felt}__lte": grense.mest})


class Varselinnstillinger(models.Model):
    virksomhet = models.OneToOneField(
        Virksomhet, on_delete=models.CASCADE, related_name="varselinnstillinger"
    )
    korttid_antall: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        default=t.STANDARD.korttid_antall
    )
    korttid_maaneder: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField(
        default=t.STANDARD.korttid_maaneder
    )
    bradford_aktiv: models.BooleanField[bool, bool] = models.BooleanField(
        default=t.STANDARD.bradford_aktiv
    )
    bradford_terskel: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(
        default=t.STANDARD.bradford_terskel
    )
    langtid_okning: models.DecimalField[Decimal, Decimal] = models.DecimalField(
        max_digits=3, decimal_places=1, default=t.STANDARD.langtid_okning
    )
    langtid_sammenligning: models.CharField[str, str] = models.CharField(
        max_length=10,
        choices=[(s.value, s.value) for s in t.Sammenligning],
        default=t.STANDARD.langtid_sammenligning.value,
    )
    bransje_faktor: models.DecimalField[Decimal, Decimal] = models.DecimalField(
        max_digits=2, decimal_places=1, default=t.STANDARD.bransje_faktor
    )
    endret: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)
    endret_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "varselinnstillinger"
        verbose_name_plural = "varselinnstillinger"
        constraints = [  # noqa: RUF012
            models.CheckConstraint(
                condition=_mellom("korttid_antall", t.KORTTID_ANTALL), name="varsel_korttid_antall"
            ),
            models.CheckConstraint(
                condition=_mellom("korttid_maaneder", t.KORTTID_MAANEDER),
                name="varsel_korttid_maaneder",
            ),
            models.CheckConstraint(
                condition=_mellom("bradford_terskel", t.BRADFORD_TERSKEL),
                name="varsel_bradford_terskel",
            ),
            models.CheckConstraint(
                condition=_mellom("langtid_okning", t.LANGTID_OKNING), name="varsel_langtid_okning"
            ),
            models.CheckConstraint(
                condition=models.Q(langtid_sammenligning__in=[s.value for s in t.Sammenligning]),
                name="varsel_langtid_sammenligning",
            ),
            models.CheckConstraint(
                condition=_mellom("bransje_faktor", t.BRANSJE_FAKTOR), name="varsel_bransje_faktor"
            ),
        ]

    def __str__(self) -> str:
        return f"Varselinnstillinger for {self.virksomhet_id}"

    def terskler(self) -> t.Terskler:
        return t.Terskler(
            korttid_antall=self.korttid_antall,
            korttid_maaneder=self.korttid_maaneder,
            bradford_aktiv=self.bradford_aktiv,
            bradford_terskel=self.bradford_terskel,
            langtid_okning=self.langtid_okning,
            langtid_sammenligning=t.Sammenligning(self.langtid_sammenligning),
            bransje_faktor=self.bransje_faktor,
        )


def terskler_for(virksomhet: Virksomhet) -> t.Terskler:
    rad = Varselinnstillinger.objects.filter(virksomhet=virksomhet).first()
    return rad.terskler() if rad is not None else t.STANDARD
