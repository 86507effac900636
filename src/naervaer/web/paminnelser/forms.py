"""The forms of the reminder pages, with Norwegian messages tied to their fields."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from naervaer.oppfolging.paminnelse import (
    MAKS_DAGER_FOR,
    UKEDAGER,
    Frekvens,
    Varslingsplan,
    dager_tekst,
    les_dager,
)
from naervaer.web.paminnelser.ansvar import navn
from naervaer.web.paminnelser.models import Aktivitet

HELSEVARSEL = "Ikke skriv diagnose eller andre helseopplysninger."


class Tilgjengelig(forms.Form):
    """Aksel's classes on every widget, and aria-invalid and aria-describedby pointing at the
    field's help and error texts (ids ``<id>-hjelp`` and ``<id>-feil``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for navn_, felt in self.fields.items():
            widget = felt.widget
            if isinstance(widget, forms.RadioSelect):
                widget.attrs["class"] = "aksel-radio__input"
            elif isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "aksel-checkbox__input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "aksel-select__input aksel-body-short"
            elif isinstance(widget, forms.Textarea):
                widget.attrs["class"] = "aksel-textarea__input aksel-body-short"
            else:
                widget.attrs["class"] = "aksel-text-field__input aksel-body-short"
            if felt.help_text and not isinstance(widget, forms.RadioSelect):
                widget.attrs["aria-describedby"] = f"id_{navn_}-hjelp"

    def full_clean(self) -> None:
        super().full_clean()
        for navn_ in self.errors:
            if navn_ not in self.fields:
                continue
            widget = self.fields[navn_].widget
            if isinstance(widget, forms.RadioSelect):
                continue  # the fieldset carries it
            widget.attrs["aria-invalid"] = "true"
            beskrevet = widget.attrs.get("aria-describedby", "")
            widget.attrs["aria-describedby"] = f"{beskrevet} id_{navn_}-feil".strip()


class Epostvalgskjema(Tilgjengelig):
    frekvens = forms.ChoiceField(
        label="Hvor ofte vil du ha e-post?",
        choices=[(f.value, f.tekst) for f in Frekvens],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Velg hvor ofte du vil ha e-post.",
            "invalid_choice": "Velg ett av valgene.",
        },
    )


class Innstillingsskjema(Tilgjengelig):
    dager = forms.CharField(
        label="Påminnelser før hver frist (antall dager før)",
        help_text=f"Skriv dagene med komma mellom, for eksempel 7, 1. 0 er selve fristdagen. "
        f"Høyst 5 påminnelser, hver 0–{MAKS_DAGER_FOR} dager før. Tomt felt: ingen påminnelser "
        "før fristen, bare ukeoversikten.",
        required=False,
        max_length=40,
    )
    klokkeslett = forms.TimeField(
        label="Klokkeslett e-postene sendes",
        help_text="Norsk tid. Påminnelser, ukeoversikt og varsler går ut fra dette klokkeslettet.",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": "Skriv et klokkeslett, for eksempel 07:00.",
            "invalid": "Skriv klokkeslettet som timer og minutter, for eksempel 07:00.",
        },
    )
    ukedag = forms.TypedChoiceField(
        label="Dag for ukeoversikten",
        choices=[(str(n), dag.capitalize()) for n, dag in enumerate(UKEDAGER)],
        coerce=int,
        error_messages={"invalid_choice": "Velg en ukedag."},
    )
    eskalering = forms.BooleanField(
        label="Varsle HR når en frist er passert uten at oppgaven er utført",
        help_text="Uten HR-bruker går varselet til administratorene.",
        required=False,
    )

    def clean_dager(self) -> tuple[int, ...]:
        try:
            return les_dager(self.cleaned_data.get("dager", ""))
        except ValueError as feil:
            raise forms.ValidationError(str(feil)) from feil

    def plan(self) -> Varslingsplan:
        data = self.cleaned_data
        return Varslingsplan(
            dager_for=data["dager"],
            klokkeslett=data["klokkeslett"],
            ukedag=data["ukedag"],
            eskalering=data["eskalering"],
        )

    @staticmethod
    def fra_plan(plan: Varslingsplan) -> dict[str, object]:
        return {
            "dager": dager_tekst(plan.dager_for),
            "klokkeslett": plan.klokkeslett,
            "ukedag": str(plan.ukedag),
            "eskalering": plan.eskalering,
        }


class Aktivitetsskjema(Tilgjengelig):
    tittel = forms.CharField(
        label="Tittel",
        max_length=200,
        help_text="For eksempel «Arbeidsmiljøkartlegging» eller «Medarbeidersamtale med Kari». "
        + HELSEVARSEL,
        error_messages={
            "required": "Skriv en tittel.",
            "max_length": "Tittelen kan ha høyst 200 tegn.",
        },
    )
    type = forms.ChoiceField(
        label="Type",
        choices=Aktivitet.Type.choices,
        error_messages={"required": "Velg type.", "invalid_choice": "Velg en av typene."},
    )
    dato = forms.DateField(
        label="Dato",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Velg en dato.",
            "invalid": "Skriv datoen som dd.mm.åååå, for eksempel 04.03.2025.",
        },
    )
    klokkeslett = forms.TimeField(
        label="Klokkeslett",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": "Skriv når aktiviteten begynner, for eksempel 10:00.",
            "invalid": "Skriv klokkeslettet som timer og minutter, for eksempel 10:00.",
        },
    )
    varighet = forms.IntegerField(
        label="Varighet i minutter",
        min_value=5,
        max_value=720,
        initial=60,
        error_messages={
            "required": "Skriv hvor mange minutter aktiviteten varer.",
            "invalid": "Skriv varigheten som et helt antall minutter.",
            "min_value": "Varigheten må være minst 5 minutter.",
            "max_value": "Varigheten kan være høyst 720 minutter (12 timer).",
        },
    )
    sted = forms.CharField(
        label="Sted (valgfritt)",
        max_length=200,
        required=False,
        error_messages={"max_length": "Stedet kan ha høyst 200 tegn."},
    )
    ansvarlig = forms.TypedChoiceField(
        label="Ansvarlig",
        coerce=int,
        help_text="Den ansvarlige får kalenderinvitasjon og påminnelser på e-post.",
        error_messages={
            "required": "Velg hvem som er ansvarlig.",
            "invalid_choice": "Velg en ansvarlig fra lista.",
        },
    )
    notat = forms.CharField(
        label="Notat (valgfritt)",
        max_length=500,
        required=False,
        help_text=HELSEVARSEL,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Notatet kan ha høyst 500 tegn."},
    )

    def __init__(self, *args: Any, ansvarlige: list[User], naa: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.naa = naa
        felt = self.fields["ansvarlig"]
        assert isinstance(felt, forms.TypedChoiceField)
        felt.choices = [(b.pk, f"{navn(b)} ({b.email})") for b in ansvarlige]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        dato, klokkeslett = data.get("dato"), data.get("klokkeslett")
        if dato is not None and isinstance(klokkeslett, time):
            start = timezone.make_aware(
                datetime.combine(dato, klokkeslett), timezone.get_default_timezone()
            )
            if start <= self.naa:
                self.add_error("dato", "Tidspunktet har passert. Velg en dato fram i tid.")
            data["start"] = start
        return data

    @staticmethod
    def fra_aktivitet(a: Aktivitet) -> dict[str, object]:
        lokal = timezone.localtime(a.start)
        return {
            "tittel": a.tittel,
            "type": a.type,
            "dato": lokal.date(),
            "klokkeslett": lokal.time().replace(second=0, microsecond=0),
            "varighet": a.varighet,
            "sted": a.sted,
            "ansvarlig": a.ansvarlig_id,
            "notat": a.notat,
        }
