"""The small forms on a task: done (date and note), postponed (new date and reason), obviously
unnecessary (reason). Each message names the field and says what to write instead."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from naervaer.statistikk.publisering import kort_datotekst

DATOFORMATER = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y")
NOTAT_MAKS = 500
UTSETT_MAKS = timedelta(days=366)
INGEN_HELSE = (
    "Ikke skriv diagnose eller andre helseopplysninger. Den ansatte kan se det du skriver."
)


def _dato(etikett: str) -> forms.DateField:
    return forms.DateField(
        label=etikett,
        input_formats=DATOFORMATER,
        error_messages={
            "required": f"{etikett}: skriv en dato.",
            "invalid": f"{etikett}: skriv datoen som dd.mm.åååå, for eksempel 03.02.2026.",
        },
    )


def _tekst(etikett: str, *, paakrevd: bool) -> forms.CharField:
    return forms.CharField(
        label=etikett,
        required=paakrevd,
        max_length=NOTAT_MAKS,
        strip=True,
        error_messages={
            "required": f"{etikett}: skriv en kort begrunnelse.",
            "max_length": f"{etikett}: skriv høyst {NOTAT_MAKS} tegn.",
        },
    )


class Oppgaveskjema(forms.Form):
    """A form about one task of a case that began on ``fra``, on the day ``dag``."""

    handling = ""
    tekst = ""
    """What the disclosure that holds the form says."""
    knapp = ""

    def __init__(self, *args: Any, fra: date, dag: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fra = fra
        self.dag = dag

    @property
    def feilliste(self) -> list[tuple[str, str]]:
        """(id of the field, message) for the summary above the form."""
        return [
            (self[navn].auto_id, str(melding))
            for navn, feil in self.errors.items()
            if navn in self.fields
            for melding in feil
        ]


class Utfortskjema(Oppgaveskjema):
    handling = "utfort"
    tekst = "Marker som utført"
    knapp = "Lagre som utført"
    dato = _dato("Dato det ble gjort")
    notat = _tekst("Kort notat (valgfritt)", paakrevd=False)

    def clean_dato(self) -> date:
        dato: date = self.cleaned_data["dato"]
        if dato > self.dag:
            raise forms.ValidationError(
                f"Dato det ble gjort: {kort_datotekst(dato)} er etter i dag. Marker oppgaven "
                "når den er gjort."
            )
        if dato < self.fra:
            raise forms.ValidationError(
                f"Dato det ble gjort: {kort_datotekst(dato)} er før sykefraværet begynte "
                f"({kort_datotekst(self.fra)})."
            )
        return dato


class Utsettskjema(Oppgaveskjema):
    handling = "utsett"
    tekst = "Utsett"
    knapp = "Utsett oppgaven"
    ny_frist = _dato("Ny dato")
    grunn = _tekst("Hvorfor utsettes den?", paakrevd=True)

    def clean_ny_frist(self) -> date:
        dato: date = self.cleaned_data["ny_frist"]
        if dato <= self.dag:
            raise forms.ValidationError(
                f"Ny dato: velg en dato etter i dag ({kort_datotekst(self.dag)})."
            )
        if dato > self.dag + UTSETT_MAKS:
            raise forms.ValidationError("Ny dato: utsett høyst ett år fram i tid.")
        return dato


class Unodvendigskjema(Oppgaveskjema):
    handling = "unodvendig"
    tekst = "Åpenbart unødvendig"
    knapp = "Lagre som åpenbart unødvendig"
    grunn = _tekst("Hvorfor er den åpenbart unødvendig?", paakrevd=True)


SKJEMAER: dict[str, type[Oppgaveskjema]] = {
    "utfort": Utfortskjema,
    "utsett": Utsettskjema,
    "unodvendig": Unodvendigskjema,
}
