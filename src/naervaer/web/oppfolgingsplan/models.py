"""The oppfølgingsplan of a sick-leave case (aml § 4-6 (3)), kept as versions that never change.

Every save is a new ``Planversjon`` with its ``Tiltak``; the leader shares one version with the
employee (``Deling``), and the employee agrees to that exact version (``Enighet``, which can only
exist for a shared version). A later save is a new version without agreement, so it needs
agreement again. What the plan says is ``naervaer.oppfolging.plan.Planinnhold``; no field is
meant for health information, and the form and the files say so.

A plan belongs to its case: when the case is deleted (the retention period is over), the plan
and everything on it goes with it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from naervaer.oppfolging.plan import (
    MAKS_HVA,
    MAKS_HVEM,
    MAKS_KOMMENTAR,
    MAKS_TEKST,
    Planinnhold,
)
from naervaer.oppfolging.plan import Tiltak as Tiltaksinnhold
from naervaer.web.oppfolging.models import Tilfelle


class Uforanderlig(Exception):
    """A stored version (or what belongs to it) was about to be changed."""


class UforanderligQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise Uforanderlig(f"{self.model.__name__} endres aldri; lagre en ny versjon")


class UforanderligModell(models.Model):
    """Rows written once: saving one that is stored, or updating in bulk, is refused."""

    objects = UforanderligQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise Uforanderlig(f"{type(self).__name__} {self.pk} endres aldri")
        super().save(*args, **kwargs)


class Oppfolgingsplan(models.Model):
    tilfelle = models.OneToOneField(
        Tilfelle, on_delete=models.CASCADE, related_name="oppfolgingsplan"
    )
    opprettet: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "oppfølgingsplan"
        verbose_name_plural = "oppfølgingsplaner"

    def __str__(self) -> str:
        return f"Oppfølgingsplan for {self.tilfelle}"


def _tekst(**kwargs: Any) -> models.TextField[str, str]:
    return models.TextField(max_length=MAKS_TEKST, **kwargs)


class Planversjon(UforanderligModell):
    plan = models.ForeignKey(Oppfolgingsplan, on_delete=models.CASCADE, related_name="versjoner")
    nummer: models.PositiveIntegerField[int, int] = models.PositiveIntegerField()
    lagret: models.DateTimeField[datetime, datetime] = models.DateTimeField(default=timezone.now)
    lagret_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    lagret_av_navn: models.CharField[str, str] = models.CharField(
        max_length=254, help_text="navnet slik det var, om brukeren senere slettes"
    )
    arbeidsoppgaver = _tekst()
    som_for = _tekst(blank=True)
    med_tilrettelegging = _tekst(blank=True)
    ikke_na = _tekst(blank=True)
    gjelder_fra: models.DateField[date, date] = models.DateField()
    gjelder_til: models.DateField[date | None, date | None] = models.DateField(
        null=True, blank=True
    )
    opptrapping = _tekst(blank=True)
    evalueres: models.DateField[date, date] = models.DateField()
    evaluering = _tekst(blank=True)
    ansattes_innspill = _tekst(blank=True)

    tiltak: models.Manager[Tiltak]

    class Meta:
        verbose_name = "versjon av oppfølgingsplanen"
        verbose_name_plural = "versjoner av oppfølgingsplanen"
        ordering = ("plan", "nummer")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["plan", "nummer"], name="planversjon_nummer_unik"),
            models.CheckConstraint(condition=models.Q(nummer__gte=1), name="planversjon_fra_1"),
            models.CheckConstraint(
                condition=~models.Q(arbeidsoppgaver=""), name="planversjon_har_arbeidsoppgaver"
            ),
            models.CheckConstraint(
                condition=models.Q(gjelder_til__isnull=True)
                | models.Q(gjelder_til__gte=models.F("gjelder_fra")),
                name="planversjon_periode_i_rekkefolge",
            ),
            models.CheckConstraint(
                condition=models.Q(evalueres__gte=models.F("gjelder_fra")),
                name="planversjon_evalueres_i_perioden",
            ),
        ]

    def __str__(self) -> str:
        return f"Versjon {self.nummer} av {self.plan}"

    def innhold(self, tiltak: list[Tiltak] | None = None) -> Planinnhold:
        """What the version says; ``tiltak`` when the caller has read them already."""
        rader = tiltak if tiltak is not None else list(self.tiltak.all())
        return Planinnhold(
            arbeidsoppgaver=self.arbeidsoppgaver,
            som_for=self.som_for,
            med_tilrettelegging=self.med_tilrettelegging,
            ikke_na=self.ikke_na,
            tiltak=tuple(Tiltaksinnhold(t.hva, t.hvem, t.innen) for t in rader),
            gjelder_fra=self.gjelder_fra,
            gjelder_til=self.gjelder_til,
            opptrapping=self.opptrapping,
            evalueres=self.evalueres,
            evaluering=self.evaluering,
            ansattes_innspill=self.ansattes_innspill,
        )


class Tiltak(UforanderligModell):
    versjon = models.ForeignKey(Planversjon, on_delete=models.CASCADE, related_name="tiltak")
    nr: models.PositiveSmallIntegerField[int, int] = models.PositiveSmallIntegerField()
    hva: models.TextField[str, str] = models.TextField(max_length=MAKS_HVA)
    hvem: models.CharField[str, str] = models.CharField(max_length=MAKS_HVEM)
    innen: models.DateField[date, date] = models.DateField()

    class Meta:
        verbose_name = "tiltak"
        verbose_name_plural = "tiltak"
        ordering = ("versjon", "nr")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["versjon", "nr"], name="tiltak_nr_unikt"),
            models.CheckConstraint(condition=models.Q(nr__gte=1), name="tiltak_nr_fra_1"),
            models.CheckConstraint(
                condition=~models.Q(hva="") & ~models.Q(hvem=""), name="tiltak_har_hva_og_hvem"
            ),
        ]

    def __str__(self) -> str:
        return f"Tiltak {self.nr} i {self.versjon}"


class Deling(UforanderligModell):
    """The leader showed this version to the employee."""

    versjon = models.OneToOneField(Planversjon, on_delete=models.CASCADE, related_name="deling")
    delt: models.DateTimeField[datetime, datetime] = models.DateTimeField(default=timezone.now)
    delt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "deling med den ansatte"
        verbose_name_plural = "delinger med den ansatte"

    def __str__(self) -> str:
        return f"{self.versjon} delt {self.delt:%Y-%m-%d %H:%M}"


class Enighet(UforanderligModell):
    """The employee agreed to one exact, shared version: tied to the sharing, so there is no
    agreement to a version the employee was never shown."""

    deling = models.OneToOneField(Deling, on_delete=models.CASCADE, related_name="enighet")
    tidspunkt: models.DateTimeField[datetime, datetime] = models.DateTimeField(default=timezone.now)
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "enighet om planen"
        verbose_name_plural = "enighet om planer"

    def __str__(self) -> str:
        return f"Enig i {self.deling.versjon}"


class Kommentar(UforanderligModell):
    """A word from the employee or the leader on the version they were reading."""

    versjon = models.ForeignKey(Planversjon, on_delete=models.CASCADE, related_name="kommentarer")
    skrevet: models.DateTimeField[datetime, datetime] = models.DateTimeField(default=timezone.now)
    skrevet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    skrevet_av_navn: models.CharField[str, str] = models.CharField(max_length=254)
    fra_ansatt: models.BooleanField[bool, bool] = models.BooleanField(
        help_text="skrevet av den ansatte selv (ellers av leder eller HR)"
    )
    tekst: models.TextField[str, str] = models.TextField(max_length=MAKS_KOMMENTAR)

    class Meta:
        verbose_name = "kommentar til planen"
        verbose_name_plural = "kommentarer til planen"
        ordering = ("skrevet", "id")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=~models.Q(tekst=""), name="kommentar_har_tekst"),
        ]

    def __str__(self) -> str:
        return f"Kommentar til {self.versjon}"
