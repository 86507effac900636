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


class Importnokkel(models.Model):
    """A key an HR system uses to push files to the import API of one virksomhet.

    Only a SHA-256 of the key is stored: the key itself is shown once, when it is made, and a
    copy of the database gives nobody the right to import. A revoked key is kept (with the time
    it was revoked) so the import log still says which key did what.
    """

    virksomhet = models.ForeignKey(
        Virksomhet, on_delete=models.CASCADE, related_name="importnokler"
    )
    navn: models.CharField[str, str] = models.CharField(max_length=100)
    hash: models.CharField[str, str] = models.CharField(max_length=64, unique=True)
    prefiks: models.CharField[str, str] = models.CharField(
        max_length=12, help_text="de første tegnene i nøkkelen, så den kan kjennes igjen"
    )
    opprettet: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sist_brukt: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )
    tilbakekalt: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        null=True, blank=True
    )

    class Meta:
        verbose_name = "importnøkkel"
        verbose_name_plural = "importnøkler"
        ordering = ("-opprettet",)

    def __str__(self) -> str:
        return f"{self.navn} ({self.prefiks}…)"

    @property
    def er_aktiv(self) -> bool:
        return self.tilbakekalt is None


class Importlogg(models.Model):
    """One import that was saved: who, when, how, which files, and what it changed."""

    class Kanal(models.TextChoices):
        WEB = "WEB", "nettsiden"
        CLI = "CLI", "kommandolinjen"
        API = "API", "API-et"

    virksomhet = models.ForeignKey(Virksomhet, on_delete=models.CASCADE, related_name="importlogg")
    tidspunkt: models.DateTimeField[datetime, datetime] = models.DateTimeField(auto_now_add=True)
    kanal: models.CharField[str, str] = models.CharField(max_length=3, choices=Kanal.choices)
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nokkel = models.ForeignKey(
        Importnokkel, on_delete=models.SET_NULL, null=True, blank=True, related_name="importer"
    )
    hvem: models.CharField[str, str] = models.CharField(
        max_length=254, help_text="e-post, nøkkelens navn eller brukeren på maskinen"
    )
    filer: models.JSONField[list[str], list[str]] = models.JSONField(default=list)
    antall: models.JSONField[dict[str, dict[str, int]], dict[str, dict[str, int]]] = (
        models.JSONField(default=dict, help_text="per tabell: nye, endrede, uendrede, fjernede")
    )
    advarsler: models.PositiveIntegerField[int, int] = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "import"
        verbose_name_plural = "importlogg"
        ordering = ("-tidspunkt", "-id")
        indexes = [  # noqa: RUF012
            models.Index(fields=["virksomhet", "-tidspunkt"], name="importlogg_virksomhet_tid"),
        ]

    def __str__(self) -> str:
        return f"{self.tidspunkt:%Y-%m-%d %H:%M} {self.get_kanal_display()} {self.hvem}"

    @property
    def endringer(self) -> list[str]:
        """«fravær: 1 nye, 2 endret, 1 fjernet» for each table that changed."""
        ut = []
        for tabell, tall in self.antall.items():
            if tall.get("nye") or tall.get("endrede") or tall.get("fjernede"):
                tekst = f"{tabell}: {tall.get('nye', 0)} nye, {tall.get('endrede', 0)} endret"
                if tall.get("fjernede"):
                    tekst += f", {tall['fjernede']} fjernet"
                ut.append(tekst)
        return ut
