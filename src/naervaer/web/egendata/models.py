"""The employer's own data: departments, employees, employments and absence periods.

No field holds a diagnosis, a fødselsnummer or free text about health: the employer may keep the
dates, the type and the grad of an absence, nothing more (regelverk.md, «Privacy»). Natural keys
are the import's keys (``naervaer.egendata.kolonner.NOEKLER``), so importing a file twice changes
nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db import models

from naervaer.oppfolging.tilfelle import Fravaerstype
from naervaer.web.virksomheter.models import Virksomhet


class Avdeling(models.Model):
    """A department; ``overordnet`` makes the tree (a department inside another)."""

    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="avdelinger")
    kode: models.CharField[str, str] = models.CharField(max_length=40)
    navn: models.CharField[str, str] = models.CharField(max_length=200, blank=True)
    overordnet = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="underavdelinger"
    )
    ledere = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="ledede_avdelinger"
    )

    class Meta:
        verbose_name = "avdeling"
        verbose_name_plural = "avdelinger"
        ordering = ("kode",)
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["virksomhet", "kode"], name="avdeling_kode_unik"),
        ]

    def __str__(self) -> str:
        return self.navn or self.kode

    @property
    def visningsnavn(self) -> str:
        return self.navn or f"Avdeling {self.kode}"


class Ansatt(models.Model):
    """An employee, known by the virksomhet's own employee number (never a fødselsnummer)."""

    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="ansatte")
    ansattnummer: models.CharField[str, str] = models.CharField(max_length=40)
    navn: models.CharField[str, str] = models.CharField(max_length=200, blank=True)
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ansattforhold",
        help_text="brukeren som er denne ansatte, så den ansatte ser sitt eget fravær",
    )

    class Meta:
        verbose_name = "ansatt"
        verbose_name_plural = "ansatte"
        ordering = ("navn", "ansattnummer")
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(
                fields=["virksomhet", "ansattnummer"], name="ansatt_ansattnummer_unikt"
            ),
            models.UniqueConstraint(
                fields=["virksomhet", "bruker"], name="ansatt_en_bruker_per_virksomhet"
            ),
        ]

    def __str__(self) -> str:
        return self.navn or f"Ansatt {self.ansattnummer}"

    @property
    def visningsnavn(self) -> str:
        return self.navn or f"Ansatt {self.ansattnummer}"


class Arbeidsforhold(models.Model):
    ansatt = models.ForeignKey(Ansatt, on_delete=models.CASCADE, related_name="arbeidsforhold")
    avdeling = models.ForeignKey(Avdeling, on_delete=models.PROTECT, related_name="arbeidsforhold")
    fra_dato: models.DateField[date, date] = models.DateField()
    til_dato: models.DateField[date | None, date | None] = models.DateField(null=True, blank=True)
    stillingsprosent: models.DecimalField[Decimal, Decimal] = models.DecimalField(
        max_digits=5, decimal_places=2
    )

    class Meta:
        verbose_name = "arbeidsforhold"
        verbose_name_plural = "arbeidsforhold"
        ordering = ("fra_dato",)
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["ansatt", "fra_dato"], name="arbeidsforhold_noekkel"),
            models.CheckConstraint(
                condition=models.Q(til_dato__isnull=True)
                | models.Q(til_dato__gte=models.F("fra_dato")),
                name="arbeidsforhold_til_etter_fra",
            ),
            models.CheckConstraint(
                condition=models.Q(stillingsprosent__gt=0, stillingsprosent__lte=100),
                name="arbeidsforhold_stillingsprosent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ansatt} i {self.avdeling} fra {self.fra_dato}"


class Fravaer(models.Model):
    """A period of sick leave: dates, type and grad, and where it came from. Nothing else."""

    class Kilde(models.TextChoices):
        IMPORT = "IMPORT", "importert"
        REGISTRERT = "REGISTRERT", "registrert i Nærvær"

    ansatt = models.ForeignKey(Ansatt, on_delete=models.CASCADE, related_name="fravaer")
    fra_dato: models.DateField[date, date] = models.DateField()
    til_dato: models.DateField[date, date] = models.DateField()
    type: models.CharField[str, str] = models.CharField(
        max_length=12, choices=[(t.value, t.value) for t in Fravaerstype]
    )
    grad: models.DecimalField[Decimal, Decimal] = models.DecimalField(
        max_digits=5, decimal_places=2
    )
    kilde: models.CharField[str, str] = models.CharField(
        max_length=10, choices=Kilde.choices, default=Kilde.IMPORT
    )
    registrert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    endret: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "fravær"
        verbose_name_plural = "fravær"
        ordering = ("fra_dato",)
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["ansatt", "fra_dato", "type"], name="fravaer_noekkel"),
            models.CheckConstraint(
                condition=models.Q(til_dato__gte=models.F("fra_dato")),
                name="fravaer_til_etter_fra",
            ),
            models.CheckConstraint(
                condition=models.Q(grad__gte=20, grad__lte=100), name="fravaer_grad"
            ),
            models.CheckConstraint(
                condition=~models.Q(type=Fravaerstype.EGENMELDING.value) | models.Q(grad=100),
                name="fravaer_egenmelding_hel",
            ),
        ]
        indexes = [models.Index(fields=["ansatt", "til_dato"], name="fravaer_ansatt_til")]  # noqa: RUF012

    def __str__(self) -> str:
        return f"{self.type} {self.fra_dato}–{self.til_dato} ({self.ansatt})"


class Egenmeldingspolicy(models.Model):
    """The virksomhet's local egenmelding rule (``oppfolging.egenmelding.Egenmeldingsregel``).

    Without a row, the law's rule applies.
    """

    virksomhet = models.OneToOneField(
        Virksomhet, on_delete=models.CASCADE, related_name="egenmeldingspolicy"
    )
    dager_per_tilfelle: models.PositiveSmallIntegerField[int, int] = (
        models.PositiveSmallIntegerField(default=3)
    )
    ganger_per_12_mnd: models.PositiveSmallIntegerField[int | None, int | None] = (
        models.PositiveSmallIntegerField(null=True, blank=True, default=4)
    )
    dager_per_12_mnd: models.PositiveSmallIntegerField[int | None, int | None] = (
        models.PositiveSmallIntegerField(null=True, blank=True)
    )

    class Meta:
        verbose_name = "egenmeldingsregel"
        verbose_name_plural = "egenmeldingsregler"

    def __str__(self) -> str:
        return f"{self.dager_per_tilfelle} dager per tilfelle ({self.virksomhet_id})"
