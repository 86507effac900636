from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models

from naervaer.statistikk.enheter import FYLKER, Bransje, bransje_for, normaliser_naeringskode


class Virksomhet(models.Model):
    """A virksomhet (underenhet) as the register or Enhetsregisteret describes it."""

    orgnr: models.CharField[str, str] = models.CharField(max_length=9, primary_key=True)
    navn: models.CharField[str, str] = models.CharField(max_length=200)
    overordnet_orgnr: models.CharField[str, str] = models.CharField(max_length=9, db_index=True)
    naeringskode: models.CharField[str, str] = models.CharField(
        max_length=6, help_text="5 siffer uten punktum"
    )
    sektor: models.CharField[str, str] = models.CharField(max_length=10)
    kommunenummer: models.CharField[str, str] = models.CharField(max_length=4)
    oppdatert: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "virksomhet"
        verbose_name_plural = "virksomheter"
        ordering = ("navn",)

    def __str__(self) -> str:
        return f"{self.navn} ({self.orgnr})"

    @property
    def naering(self) -> str:
        return normaliser_naeringskode(self.naeringskode)[:2]

    @property
    def bransje(self) -> Bransje | None:
        return bransje_for(self.naeringskode)

    @property
    def fylke(self) -> str:
        return self.kommunenummer[:2]

    @property
    def fylkesnavn(self) -> str:
        return FYLKER.get(self.fylke, f"fylke {self.fylke}")

    @property
    def orgnr_tekst(self) -> str:
        """As Norwegians write it: 987 654 321."""
        return f"{self.orgnr[:3]} {self.orgnr[3:6]} {self.orgnr[6:]}"


class Rolle(models.TextChoices):
    """What a user is in a virksomhet. ``tilgang.py`` turns a role into rights, in one place."""

    ADMINISTRATOR = "ADMINISTRATOR", "administrator"
    HR = "HR", "HR"
    LEDER = "LEDER", "leder"
    VERNEOMBUD = "VERNEOMBUD", "verneombud"
    TILLITSVALGT = "TILLITSVALGT", "tillitsvalgt"
    STATISTIKK = "STATISTIKK", "ser statistikken"
    ANSATT = "ANSATT", "ansatt"


class Tilgang(models.Model):
    """A user's tie to a virksomhet, with one role.

    Read only through ``naervaer.web.virksomheter.tilgang``: that module is the one place that
    decides who sees what.
    """

    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tilganger"
    )
    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="tilganger")
    rolle: models.CharField[str, str] = models.CharField(
        max_length=14, choices=Rolle.choices, default=Rolle.ANSATT
    )
    opprettet: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tilgang"
        verbose_name_plural = "tilganger"
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(
                fields=["bruker", "virksomhet"], name="tilgang_en_per_bruker_og_virksomhet"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bruker} → {self.virksomhet_id} ({self.rolle})"


class Tilgangsforesporsel(models.Model):
    """«Be om tilgang»: a user asks a virksomhet's administrators for the statistics right."""

    class Status(models.TextChoices):
        VENTER = "VENTER", "venter"
        INNVILGET = "INNVILGET", "innvilget"
        AVSLATT = "AVSLATT", "avslått"

    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tilgangsforesporsler"
    )
    virksomhet = models.ForeignKey(
        Virksomhet, on_delete=models.CASCADE, related_name="tilgangsforesporsler"
    )
    begrunnelse: models.TextField[str, str] = models.TextField(blank=True, max_length=500)
    status: models.CharField[str, str] = models.CharField(
        max_length=10, choices=Status.choices, default=Status.VENTER
    )
    opprettet: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)
    behandlet: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )
    behandlet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "tilgangsforespørsel"
        verbose_name_plural = "tilgangsforespørsler"
        ordering = ("-opprettet",)
        constraints = [  # noqa: RUF012
            # One open request per user and virksomhet: asking twice only reminds.
            models.UniqueConstraint(
                fields=["bruker", "virksomhet"],
                condition=models.Q(status="VENTER"),
                name="tilgangsforesporsel_en_ventende",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bruker} ber om tilgang til {self.virksomhet_id} ({self.status})"
