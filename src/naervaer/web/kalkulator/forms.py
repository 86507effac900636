"""The calculator's form: numbers as Norwegians type them in, the inputs of the calculation out.

Only the fields of the chosen mode are read, so a leftover in the other mode's fields (hidden on
screen) never blocks a result. Every message names its field, so it can stand alone in the error
summary as well as next to the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import QueryDict

from naervaer.statistikk.kostnad import KostnadPerDag, Modus
from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web.kalkulator.forslag import Forslag

MODUSER: Mapping[str, Modus] = {"dagsverk": Modus.DAGSVERK, "prosent": Modus.PROSENT}
STANDARD_MODUS = "dagsverk"

# Spaces of every width group thousands («4 700», «4 700» from a copied figure); a minus may be
# the real sign that Nærvær itself prints.
_MELLOMROM = re.compile(r"[\s\u00a0\u2009\u202f]+")
_ENHET = re.compile(r"(kr|%|,-)$", re.IGNORECASE)
_TALL = re.compile(r"^[-\u2212]?\d+(?:[.,]\d+)?$")


def les_tall(tekst: str) -> Decimal:
    """«4 700», «4700», «6,5», «6.5» (and «4 700 kr», «6,5 %») as a Decimal; ValueError otherwise.

    Exponents and thousands separated by dots are refused rather than guessed at.
    """
    kompakt = _ENHET.sub("", _MELLOMROM.sub("", tekst.strip()))
    if not _TALL.match(kompakt):
        raise ValueError(f"«{tekst}» er ikke et tall")
    return Decimal(kompakt.replace("\u2212", "-").replace(",", "."))


def inntastingstekst(verdi: Decimal) -> str:
    """A number as the user would type it: «4 700», «8,1», «777,6»."""
    eksponent = verdi.normalize().as_tuple().exponent
    desimaler = min(-eksponent, 2) if isinstance(eksponent, int) and eksponent < 0 else 0
    return norsk_tall(verdi, desimaler)


@dataclass(frozen=True, slots=True)
class Tallfelt:
    """How a number field is named in messages and what it accepts."""

    navn: str  # as it reads inside a sentence
    eksempel: str
    maks: Decimal
    er_prosent: bool = False

    @property
    def stor_forbokstav(self) -> str:
        return self.navn[0].upper() + self.navn[1:]


DAGSVERK_MAKS = Decimal(1_000_000_000)

TALLFELT: Mapping[str, Tallfelt] = {
    "tapte_dagsverk": Tallfelt("tapte dagsverk", "120 eller 120,5", DAGSVERK_MAKS),
    "maal_dagsverk": Tallfelt("målet for tapte dagsverk", "100 eller 100,5", DAGSVERK_MAKS),
    "prosent": Tallfelt("sykefraværsprosenten", "6,5", Decimal(100), er_prosent=True),
    "mulige_dagsverk": Tallfelt("mulige dagsverk", "4 000", DAGSVERK_MAKS),
    "maal_prosent": Tallfelt(
        "målet for sykefraværsprosenten", "5,5", Decimal(100), er_prosent=True
    ),
    "kostnad_per_dag": Tallfelt("kostnaden per dag", "4 700", Decimal(1_000_000)),
}

# Which fields each mode reads, and which of them may be left empty (the target).
MODUSFELT: Mapping[Modus, tuple[tuple[str, bool], ...]] = {
    Modus.DAGSVERK: (("tapte_dagsverk", True), ("maal_dagsverk", False)),
    Modus.PROSENT: (("prosent", True), ("mulige_dagsverk", True), ("maal_prosent", False)),
}

FELTNAVN = ("modus", *TALLFELT)


def konfigurert_kostnad_per_dag() -> KostnadPerDag:
    """The default kostnad per dag with its source and date, from the settings."""
    try:
        return KostnadPerDag(
            belop=les_tall(settings.NAERVAER_KOSTNAD_PER_DAG),
            kilde=settings.NAERVAER_KOSTNAD_KILDE,
            dato=date.fromisoformat(settings.NAERVAER_KOSTNAD_DATO),
        )
    except ValueError as feil:
        raise ImproperlyConfigured(f"NAERVAER_KOSTNAD_*: {feil}") from None


@dataclass(frozen=True, slots=True)
class Inndata:
    """The numbers of the chosen mode; the target (``maal``) is None when left empty."""

    modus: Modus
    kostnad_per_dag: Decimal
    tapte_dagsverk: Decimal | None = None
    prosent: Decimal | None = None
    mulige_dagsverk: Decimal | None = None
    maal: Decimal | None = None


def les_modus(tekst: object) -> Modus:
    # An unknown mode in a bookmark falls back to the default instead of failing.
    return MODUSER.get(str(tekst or "").strip().lower(), MODUSER[STANDARD_MODUS])


def modusnavn(modus: Modus) -> str:
    return next(navn for navn, m in MODUSER.items() if m is modus)


class Kalkulatorskjema(forms.Form):
    modus = forms.CharField(required=False)
    tapte_dagsverk = forms.CharField(required=False, label="Tapte dagsverk i året")
    maal_dagsverk = forms.CharField(required=False, label="Mål for tapte dagsverk i året")
    prosent = forms.CharField(required=False, label="Sykefraværsprosent (%)")
    mulige_dagsverk = forms.CharField(required=False, label="Mulige dagsverk i året")
    maal_prosent = forms.CharField(required=False, label="Mål for sykefraværsprosent (%)")
    kostnad_per_dag = forms.CharField(required=False, label="Kostnad per tapte dagsverk (kr)")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        modus = les_modus(data.get("modus"))
        data["modus"] = modus
        for navn, kreves in (*MODUSFELT[modus], ("kostnad_per_dag", True)):
            tekst = data.get(navn, "")
            if not tekst:
                if kreves:
                    self.add_error(navn, f"Skriv inn {TALLFELT[navn].navn}.")
                data[navn] = None
                continue
            try:
                data[navn] = self._tall(navn, tekst)
            except forms.ValidationError as feil:
                self.add_error(navn, feil)
        return data

    @staticmethod
    def _tall(navn: str, tekst: str) -> Decimal:
        felt = TALLFELT[navn]
        try:
            verdi = les_tall(tekst)
        except ValueError:
            raise forms.ValidationError(
                f"{felt.stor_forbokstav} må være et tall, for eksempel {felt.eksempel}."
            ) from None
        if felt.er_prosent and not 0 <= verdi <= 100:
            raise forms.ValidationError(f"{felt.stor_forbokstav} må være mellom 0 og 100.")
        if verdi < 0:
            raise forms.ValidationError(f"{felt.stor_forbokstav} kan ikke være mindre enn 0.")
        if verdi > felt.maks:
            raise forms.ValidationError(
                f"{felt.stor_forbokstav} kan ikke være større enn {norsk_tall(felt.maks, 0)}."
            )
        return verdi

    @property
    def valgt_modus(self) -> str:
        """The mode the page shows: the submitted one, else the prefilled one."""
        verdi = self.data.get("modus") if self.is_bound else self.initial.get("modus")
        return modusnavn(les_modus(verdi))

    def feilliste(self) -> list[tuple[str, str]]:
        """(field id, message) in the order of the form, for the error summary."""
        return [
            (self[navn].auto_id, str(melding))
            for navn in self.fields
            for melding in self.errors.get(navn, [])
        ]

    def inndata(self) -> Inndata:
        if not self.is_valid():
            raise ValueError("skjemaet har feil")
        data = self.cleaned_data
        modus: Modus = data["modus"]
        maal = data["maal_dagsverk"] if modus is Modus.DAGSVERK else data["maal_prosent"]
        return Inndata(
            modus=modus,
            kostnad_per_dag=data["kostnad_per_dag"],
            tapte_dagsverk=data.get("tapte_dagsverk") if modus is Modus.DAGSVERK else None,
            prosent=data.get("prosent") if modus is Modus.PROSENT else None,
            mulige_dagsverk=data.get("mulige_dagsverk") if modus is Modus.PROSENT else None,
            maal=maal,
        )


def utgangspunkt(forslag: Forslag, kostnad_per_dag: KostnadPerDag) -> dict[str, str]:
    """The fields' starting values: the shown figures of the last four quarters, if any."""
    verdier = {
        "modus": STANDARD_MODUS,
        "kostnad_per_dag": inntastingstekst(kostnad_per_dag.belop),
    }
    for navn, figur in (
        ("tapte_dagsverk", forslag.tapte_dagsverk),
        ("prosent", forslag.prosent),
        ("mulige_dagsverk", forslag.mulige_dagsverk),
    ):
        if figur is not None:
            verdier[navn] = inntastingstekst(figur.verdi)
    return verdier


def lag_skjema(
    parametre: QueryDict, forslag: Forslag, kostnad_per_dag: KostnadPerDag
) -> Kalkulatorskjema:
    """The form of a request: what the user sent on top of the starting values.

    A first visit with prefilled figures is bound, so the cost shows at once; a first visit with
    nothing to prefill is not, so it greets the user with empty fields rather than with errors.
    """
    start = utgangspunkt(forslag, kostnad_per_dag)
    sendt = {navn: parametre[navn] for navn in FELTNAVN if navn in parametre}
    if not sendt:
        modus = les_modus(start["modus"])
        if all(navn in start for navn, kreves in MODUSFELT[modus] if kreves):
            return Kalkulatorskjema(data=start)
        return Kalkulatorskjema(initial=start)
    return Kalkulatorskjema(data={**start, **sendt})
