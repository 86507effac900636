"""The forms of quick registration: one period of absence, the day back, the egenmelding rule.

Every message names its field, so it reads the same next to the field and in the error summary.
The checks that need the rules (overlap, employment, the egenmelding rule) live here, the rules
themselves in ``naervaer.oppfolging``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet

from naervaer.oppfolging.egenmelding import Egenmeldingsregel, kontroller_regel, lokal_regel
from naervaer.oppfolging.kvote import Advarsel, ansatt_siden, overlapper, vurder
from naervaer.oppfolging.regler import FTRL_8_13, FTRL_8_24, REGELVERK, UtenforRegelverket
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode
from naervaer.statistikk.publisering import kort_datotekst
from naervaer.web.egendata.models import Ansatt, Fravaer
from naervaer.web.fravaer.personfravaer import ansettelser, periode
from naervaer.web.fravaer.regel import Valg

DATOFORMATER = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d%m%Y"]
LENGSTE_PERIODE = timedelta(days=366)
"""Longer than the sykepenger can last: a typo in the year, not a sick note."""

TYPER = [
    (Fravaerstype.EGENMELDING.value, "Egenmelding"),
    (Fravaerstype.SYKMELDING.value, "Sykmelding"),
]


def _datofelt(navn: str) -> forms.DateField:
    return forms.DateField(
        input_formats=DATOFORMATER,
        error_messages={
            "required": f"Skriv {navn}, for eksempel 02.03.2026.",
            "invalid": f"{navn[0].upper()}{navn[1:]} må være en dato, for eksempel 02.03.2026.",
        },
    )


def periodetekst(fra: date, til: date) -> str:
    return kort_datotekst(fra) if fra == til else f"{kort_datotekst(fra)}–{kort_datotekst(til)}"


class MedFeilliste(forms.Form):
    """A form whose fields have their names as ids, and a list of its errors for the summary
    at the top of the page, each linking to its field."""

    ANKERE: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)

    def feilliste(self) -> list[tuple[str, str]]:
        return [
            (self.ANKERE.get(navn, navn), str(melding))
            for navn, meldinger in self.errors.items()
            for melding in meldinger
        ]


class Fravaerskjema(MedFeilliste):
    """One period for one employee: what is registered, or what a registered period becomes."""

    ANKERE: ClassVar[dict[str, str]] = {"type": "type-egenmelding", "ansatt": "ansattvalg"}

    type = forms.ChoiceField(
        choices=TYPER,
        initial=Fravaerstype.EGENMELDING.value,
        error_messages={
            "required": "Velg om fraværet er egenmelding eller sykmelding.",
            "invalid_choice": "Velg egenmelding eller sykmelding.",
        },
    )
    fra_dato = _datofelt("første fraværsdag")
    til_dato = _datofelt("siste fraværsdag (til og med)")
    grad = forms.IntegerField(
        required=False,
        initial=100,
        error_messages={"invalid": "Sykmeldingsgraden må være et helt tall fra 20 til 100."},
    )
    bekreft = forms.BooleanField(required=False)
    bekreftet = forms.CharField(required=False)
    """The warnings the user saw when ticking ``bekreft``: a new warning asks again."""

    def __init__(
        self,
        *args: Any,
        regel: Egenmeldingsregel,
        dag: date,
        ansatt: Ansatt | None = None,
        endres: Fravaer | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.regel = regel
        self.dag = dag
        self.fast_ansatt = ansatt
        self.endres = endres
        self.advarsler: tuple[Advarsel, ...] = ()
        self.fields["fra_dato"].initial = dag
        self.fields["til_dato"].initial = dag

    @property
    def valgt_type(self) -> str:
        verdi = self.data.get("type") if self.is_bound else None
        return verdi if verdi in dict(TYPER) else str(self["type"].initial)

    @property
    def advarselskoder(self) -> str:
        return ",".join(a.kode.value for a in self.advarsler)

    @property
    def er_bekreftet(self) -> bool:
        """Ticked, and for every warning there is now."""
        if not self.is_bound or self.data.get("bekreft") not in ("on", "true", "1"):
            return False
        sett = set(str(self.data.get("bekreftet", "")).split(","))
        return all(a.kode.value in sett for a in self.advarsler)

    def _ansatt(self) -> Ansatt | None:
        return self.fast_ansatt

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        type_, fra, til = data.get("type"), data.get("fra_dato"), data.get("til_dato")
        if type_ is None or fra is None:
            return data
        try:
            REGELVERK.sats("minste_grad", fra)
        except UtenforRegelverket:
            self.add_error("fra_dato", "Første fraværsdag kan ikke være før 1. juli 2011.")
            return data
        egenmelding = type_ == Fravaerstype.EGENMELDING
        if egenmelding:
            data["grad"] = 100
            if fra > self.dag:
                self.add_error(
                    "fra_dato",
                    "Første fraværsdag kan ikke være fram i tid for en egenmelding: den gjelder "
                    "dager den ansatte er syk.",
                )
        else:
            self._sjekk_grad(data)
        if til is None:
            return data
        if til < fra:
            self.add_error(
                "til_dato",
                f"Siste fraværsdag (til og med) kan ikke være før første fraværsdag "
                f"({kort_datotekst(fra)}).",
            )
            return data
        maks = REGELVERK.sats("egenmelding_utvidet_maks_dager", fra)
        if egenmelding and (til - fra).days + 1 > maks:
            self.add_error(
                "til_dato",
                f"En egenmelding kan gjelde høyst {maks} dager ({FTRL_8_24}). Registrer lengre "
                "fravær som sykmelding.",
            )
        elif til - fra >= LENGSTE_PERIODE:
            self.add_error("til_dato", "Perioden kan ikke være lengre enn ett år. Sjekk årstallet.")
        ansatt = self._ansatt()
        if ansatt is not None and not self.errors:
            self._sjekk_mot_lagret(ansatt, type_, fra, til, data)
        return data

    def _sjekk_grad(self, data: dict[str, Any]) -> None:
        grad = data.get("grad")
        minste = REGELVERK.sats("minste_grad", data["fra_dato"])
        if grad is None and "grad" not in self.errors:
            self.add_error("grad", "Skriv sykmeldingsgraden i prosent, 100 for hel sykmelding.")
        elif grad is not None and not minste <= grad <= 100:
            self.add_error(
                "grad",
                f"Sykmeldingsgraden må være fra {minste} til 100 prosent ({FTRL_8_13}), "
                f"ikke {grad}.",
            )

    def _sjekk_mot_lagret(
        self, ansatt: Ansatt, type_: str, fra: date, til: date, data: dict[str, Any]
    ) -> None:
        arbeidsforhold = ansettelser(ansatt.arbeidsforhold.all())
        if arbeidsforhold:
            forste = min(a[0] for a in arbeidsforhold)
            if fra < forste:
                self.add_error(
                    "fra_dato",
                    f"{ansatt.visningsnavn} begynte {kort_datotekst(forste)}. Første fraværsdag "
                    "kan ikke være før det.",
                )
                return
            if all(a[1] is not None for a in arbeidsforhold):
                sluttet = max(a[1] for a in arbeidsforhold if a[1] is not None)
                if fra > sluttet:
                    self.add_error(
                        "fra_dato",
                        f"{ansatt.visningsnavn} sluttet {kort_datotekst(sluttet)}. Første "
                        "fraværsdag kan ikke være etter det.",
                    )
                    return
        andre = ansatt.fravaer.all()
        if self.endres is not None:
            andre = andre.exclude(pk=self.endres.pk)
        lagret = [(periode(f), f) for f in andre]
        ny = Periode(fra, til, Fravaerstype(type_), int(data.get("grad") or 100))
        if (treff := overlapper(ny, [p for p, _ in lagret])) is not None:
            f = next(f for p, f in lagret if p is treff)
            importert = " (importert fra lønnssystemet)" if f.kilde == Fravaer.Kilde.IMPORT else ""
            self.add_error(
                "fra_dato",
                f"{ansatt.visningsnavn} har allerede {f.type} "
                f"{periodetekst(f.fra_dato, f.til_dato)}{importert}, og perioder kan ikke "
                "overlappe. Endre den perioden i stedet.",
            )
            return
        siden = ansatt_siden(arbeidsforhold, fra)
        self.advarsler = vurder(ny, [p for p, _ in lagret], self.regel, siden)
        if self.advarsler and not self.er_bekreftet:
            self.add_error(
                "bekreft",
                "Registreringen går ut over egenmeldingsregelen. Les advarselen, og kryss av "
                "hvis du vil registrere likevel.",
            )


class Registreringsskjema(Fravaerskjema):
    """A new period; the employee is chosen among those the user may register for."""

    ansatt = forms.ModelChoiceField(
        queryset=Ansatt.objects.none(),
        error_messages={
            "required": "Velg hvem fraværet gjelder.",
            "invalid_choice": "Velg en ansatt fra listen.",
        },
    )

    field_order = ("ansatt", "type", "fra_dato", "til_dato", "grad", "bekreft")

    def __init__(self, *args: Any, ansatte: QuerySet[Ansatt], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        felt = self.fields["ansatt"]
        assert isinstance(felt, forms.ModelChoiceField)
        felt.queryset = ansatte

    def _ansatt(self) -> Ansatt | None:
        valgt = self.cleaned_data.get("ansatt")
        return valgt if isinstance(valgt, Ansatt) else None


class Tilbakeskjema(MedFeilliste):
    """The employee came back before the registered period ended."""

    forste_dag = forms.DateField(
        input_formats=DATOFORMATER,
        error_messages={
            "required": "Skriv første dag tilbake på jobb, for eksempel 02.03.2026.",
            "invalid": "Første dag tilbake på jobb må være en dato, for eksempel 02.03.2026.",
        },
    )

    def __init__(self, *args: Any, fravaer: Fravaer, dag: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fravaer = fravaer
        self.fields["forste_dag"].initial = min(
            max(dag, fravaer.fra_dato + timedelta(days=1)), fravaer.til_dato + timedelta(days=1)
        )

    def clean_forste_dag(self) -> date:
        dag: date = self.cleaned_data["forste_dag"]
        tidligst = self.fravaer.fra_dato + timedelta(days=1)
        senest = self.fravaer.til_dato + timedelta(days=1)
        if not tidligst <= dag <= senest:
            raise forms.ValidationError(
                f"Første dag tilbake på jobb må være fra {kort_datotekst(tidligst)} til "
                f"{kort_datotekst(senest)}. Var den ansatte borte lenger, endrer du perioden; "
                "var den ikke borte i det hele tatt, sletter du den."
            )
        return dag


class Regelskjema(MedFeilliste):
    """The virksomhet's egenmelding rule."""

    ANKERE: ClassVar[dict[str, str]] = {"valg": "valg-lov"}

    valg = forms.ChoiceField(
        choices=[(v.value, v.value) for v in Valg],
        error_messages={
            "required": "Velg hvilken egenmeldingsregel som gjelder.",
            "invalid_choice": "Velg lovens regel, IA-regelen eller en egen regel.",
        },
    )
    dager = forms.IntegerField(
        required=False,
        error_messages={"invalid": "Dager per tilfelle må være et helt tall fra 3 til 16."},
    )
    droftet = forms.BooleanField(required=False)

    def __init__(self, *args: Any, dag: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dag = dag

    @property
    def valgt(self) -> str:
        verdi = self.data.get("valg") if self.is_bound else self.initial.get("valg")
        return str(verdi or Valg.LOV.value)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        valg = data.get("valg")
        if valg == Valg.LOKAL:
            dager = data.get("dager")
            if dager is None and "dager" not in self.errors:
                self.add_error("dager", "Skriv hvor mange dager per tilfelle, fra 3 til 16.")
            elif dager is not None:
                try:
                    kontroller_regel(lokal_regel(dager), self.dag)
                except ValueError as feil:
                    self.add_error("dager", str(feil))
        if valg in (Valg.IA, Valg.LOKAL) and not data.get("droftet"):
            self.add_error(
                "droftet",
                "Bekreft at regelen er drøftet med de tillitsvalgte: utvidet egenmelding krever "
                f"det ({FTRL_8_24}).",
            )
        return data
