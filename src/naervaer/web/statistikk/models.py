from __future__ import annotations

from datetime import datetime

from django.db import models


class Kvartalsstatistikk(models.Model):
    """One unit's sums in one quarter, as the statistics engine computed them.

    The sums are kept at full precision (float64) and nothing derived is stored: percentages and
    masking are computed when shown, so a change of the masking threshold needs no reload.
    """

    # No choices: the loader validates against Kategori, and a new kategori needs no migration.
    kategori: models.CharField[str, str] = models.CharField(max_length=20)
    kode: models.CharField[str, str] = models.CharField(max_length=100)
    arstall: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField()
    kvartal: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField()
    antall_personer: models.PositiveIntegerField[int, int] = models.PositiveIntegerField()
    mulige_dagsverk: models.FloatField[float, float] = models.FloatField()
    tapte_dagsverk: models.FloatField[float, float] = models.FloatField()
    tapte_dagsverk_egenmeldt: models.FloatField[float, float] = models.FloatField()
    tapte_dagsverk_legemeldt: models.FloatField[float, float] = models.FloatField()
    tapte_dagsverk_gradert: models.FloatField[float, float] = models.FloatField()
    tapte_dagsverk_korttid: models.FloatField[float, float] = models.FloatField()
    tapte_dagsverk_langtid: models.FloatField[float, float] = models.FloatField()
    kilde: models.TextField[str, str] = models.TextField(
        help_text="filen raden sist ble endret fra"
    )
    # Indexed: the newest load time tells each web process when its copy of the benchmarks is
    # out of date.
    lastet: models.DateTimeField[datetime, datetime] = models.DateTimeField(
        help_text="når raden sist ble lagt inn eller endret", db_index=True
    )

    class Meta:
        verbose_name = "kvartalsstatistikk"
        verbose_name_plural = "kvartalsstatistikk"
        constraints = [  # noqa: RUF012 (Django reads Meta as plain attributes)
            models.UniqueConstraint(
                fields=["kategori", "kode", "arstall", "kvartal"],
                name="kvartalsstatistikk_en_rad_per_kvartal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kategori} {self.kode} {self.arstall}K{self.kvartal}"
