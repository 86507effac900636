"""The plan's form: its fields, a repeating group of measures that grows and shrinks without
script, and every mistake named by the field (and the measure's number) it is in.

The rules that span fields (dates in order, at least one measure) are
``naervaer.oppfolging.plan.kontroller``'s; this module checks each field on its own and puts the
rules' messages on the fields they name.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.forms import BaseFormSet, formset_factory

from naervaer.oppfolging.plan import (
    ANSATTES_INNSPILL,
    ARBEIDSOPPGAVER,
    EVALUERING,
    IKKE_NA,
    MAKS_HVA,
    MAKS_HVEM,
    MAKS_KOMMENTAR,
    MAKS_TEKST,
    MAKS_TILTAK,
    MED_TILRETTELEGGING,
    OPPTRAPPING,
    SOM_FOR,
    Planinnhold,
    Tekstfelt,
    Tiltak,
    kontroller,
    rens,
)
from naervaer.web.oppfolging.forms import DATOFORMATER

TILTAK_PREFIKS = "tiltak"
TILTAKSFELT = ("hva", "hvem", "innen")


class Tekst(forms.CharField):
    """A typed text, cleaned as it is stored (``plan.rens``)."""

    def to_python(self, value: Any) -> str:
        return rens(super().to_python(value) or "")


def _tekst(etikett: str, *, paakrevd: bool = False, maks: int = MAKS_TEKST) -> Tekst:
    return Tekst(
        label=etikett,
        required=paakrevd,
        max_length=maks,
        strip=False,
        error_messages={
            "required": f"{etikett}: fyll ut feltet.",
            "max_length": f"{etikett}: skriv høyst {maks} tegn.",
        },
    )


def _felt(felt: Tekstfelt, *, paakrevd: bool = False) -> Tekst:
    return _tekst(felt.tittel, paakrevd=paakrevd)


def _dato(etikett: str, *, paakrevd: bool = True) -> forms.DateField:
    return forms.DateField(
        label=etikett,
        required=paakrevd,
        input_formats=DATOFORMATER,
        error_messages={
            "required": f"{etikett}: velg en dato.",
            "invalid": f"{etikett}: skriv datoen som dd.mm.åååå, for eksempel 02.03.2026.",
        },
    )


class Planskjema(forms.Form):
    grunnlag = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    arbeidsoppgaver = _felt(ARBEIDSOPPGAVER, paakrevd=True)
    som_for = _felt(SOM_FOR)
    med_tilrettelegging = _felt(MED_TILRETTELEGGING)
    ikke_na = _felt(IKKE_NA)
    gjelder_fra = _dato("Planen gjelder fra")
    gjelder_til = _dato("Planen gjelder til (valgfritt)", paakrevd=False)
    opptrapping = _felt(OPPTRAPPING)
    evalueres = _dato("Evalueres")
    evaluering = _felt(EVALUERING)
    ansattes_innspill = _felt(ANSATTES_INNSPILL)


class Tiltaksskjema(forms.Form):
    """One measure; a row left empty is no measure, a row half filled in is a mistake."""

    hva = _tekst("Hva skal gjøres", maks=MAKS_HVA)
    hvem = _tekst("Hvem har ansvaret", maks=MAKS_HVEM)
    innen = _dato("Innen", paakrevd=False)

    def __init__(self, *args: Any, nr: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nr = nr
        for navn, felt in self.fields.items():
            etikett = str(felt.label)
            felt.error_messages = {
                **felt.error_messages,
                "max_length": f"Tiltak {nr}, {etikett.lower()}: skriv høyst "
                f"{MAKS_HVA if navn == 'hva' else MAKS_HVEM} tegn.",
                "invalid": f"Tiltak {nr}, {etikett.lower()}: skriv datoen som dd.mm.åååå, "
                "for eksempel 02.03.2026.",
            }

    @property
    def tom(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return not any(data.get(navn) for navn in TILTAKSFELT) and not self.errors

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(navn) for navn in TILTAKSFELT) and not self.errors:
            return data
        mangler = {
            "hva": "skriv hva som skal gjøres",
            "hvem": "skriv hvem som har ansvaret",
            "innen": "velg datoen det skal være gjort innen",
        }
        for navn, melding in mangler.items():
            if not data.get(navn) and navn not in self.errors:
                self.add_error(navn, f"Tiltak {self.nr}: {melding}.")
        return data

    def tiltak(self) -> Tiltak:
        d = self.cleaned_data
        return Tiltak(d["hva"], d["hvem"], d["innen"])


if TYPE_CHECKING:
    _Formsett = BaseFormSet[Tiltaksskjema]
else:
    # django-stubs makes the class generic for the type checker only.
    _Formsett = BaseFormSet


class BaseTiltaksskjemaer(_Formsett):
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {"nr": (index or 0) + 1}


Tiltaksskjemaer = formset_factory(
    Tiltaksskjema,
    formset=BaseTiltaksskjemaer,
    extra=0,
    max_num=MAKS_TILTAK + 1,
    absolute_max=MAKS_TILTAK + 1,
)


class Planredigering:
    """The plan form and its measures as one: bound to what was posted, or filled in from a
    version (or what was posted, after a row was added or removed) to be edited further."""

    def __init__(
        self,
        sykefravaer_fra: date,
        data: Mapping[str, Any] | None = None,
        *,
        initial: dict[str, Any] | None = None,
        tiltak: list[dict[str, Any]] | None = None,
    ) -> None:
        self.sykefravaer_fra = sykefravaer_fra
        if data is not None:
            self.skjema = Planskjema(data)
            self.tiltaksskjemaer = Tiltaksskjemaer(data, prefix=TILTAK_PREFIKS)
        else:
            self.skjema = Planskjema(initial=initial or {})
            self.tiltaksskjemaer = Tiltaksskjemaer(prefix=TILTAK_PREFIKS, initial=tiltak or [{}])
        self._innhold: Planinnhold | None = None
        self.tiltaksfeil: list[str] = []

    @classmethod
    def fra_innhold(
        cls, sykefravaer_fra: date, innhold: Planinnhold | None, grunnlag: int | None, dag: date
    ) -> Planredigering:
        """A form to edit ``innhold`` (a new plan when None), with an empty row for one more
        measure."""
        if innhold is None:
            return cls(sykefravaer_fra, initial={"gjelder_fra": dag}, tiltak=[{}])
        verdier = {
            navn: getattr(innhold, navn) for navn in Planskjema.base_fields if navn != "grunnlag"
        }
        rader = [{"hva": t.hva, "hvem": t.hvem, "innen": t.innen} for t in innhold.tiltak]
        if len(rader) < MAKS_TILTAK:
            rader.append({})
        return cls(sykefravaer_fra, initial={**verdier, "grunnlag": grunnlag}, tiltak=rader)

    @classmethod
    def endret(
        cls, sykefravaer_fra: date, data: Mapping[str, Any], *, legg_til: bool, fjern: int | None
    ) -> Planredigering:
        """What was posted, shown again unsaved with a measure row added or row ``fjern``
        (numbered from 1) taken away: without script, adding and removing is a round trip."""
        verdier = {navn: data.get(navn, "") for navn in Planskjema.base_fields}
        rader = _tiltaksrader(data)
        if fjern is not None and 1 <= fjern <= len(rader):
            del rader[fjern - 1]
        if legg_til and len(rader) < MAKS_TILTAK:
            rader.append({})
        while len(rader) > MAKS_TILTAK and not any(rader[-1].values()):
            rader.pop()
        if not rader:
            rader.append({})
        return cls(sykefravaer_fra, initial=verdier, tiltak=rader)

    @property
    def kan_legge_til(self) -> bool:
        return len(self.tiltaksskjemaer.forms) < MAKS_TILTAK

    def er_gyldig(self) -> bool:
        """Every field right on its own, and the plan as a whole (``plan.kontroller``)."""
        if not self.skjema.is_bound:
            return False
        gyldig = self.skjema.is_valid()
        if not self.tiltaksskjemaer.is_valid():
            gyldig = False
            self.tiltaksfeil = [str(f) for f in self.tiltaksskjemaer.non_form_errors()]
        if not gyldig:
            return False
        d = self.skjema.cleaned_data
        skjemaer = [f for f in self.tiltaksskjemaer.forms if not f.tom]
        innhold = Planinnhold(
            arbeidsoppgaver=d["arbeidsoppgaver"],
            som_for=d["som_for"],
            med_tilrettelegging=d["med_tilrettelegging"],
            ikke_na=d["ikke_na"],
            tiltak=tuple(f.tiltak() for f in skjemaer),
            gjelder_fra=d["gjelder_fra"],
            gjelder_til=d["gjelder_til"],
            opptrapping=d["opptrapping"],
            evalueres=d["evalueres"],
            evaluering=d["evaluering"],
            ansattes_innspill=d["ansattes_innspill"],
        )
        feil = kontroller(innhold, self.sykefravaer_fra)
        for f in feil:
            if f.felt == "tiltak":
                self.tiltaksfeil.append(f.melding)
            elif f.felt.startswith("tiltak-"):
                _, nr, navn = f.felt.split("-")
                # The rules count the measures; the form counts its rows, empty ones too.
                skjema = skjemaer[int(nr) - 1]
                skjema.add_error(
                    navn, f.melding.replace(f"Tiltak {nr},", f"Tiltak {skjema.nr},", 1)
                )
            else:
                self.skjema.add_error(f.felt, f.melding)
        if feil:
            return False
        self._innhold = innhold
        return True

    @property
    def innhold(self) -> Planinnhold:
        assert self._innhold is not None, "er_gyldig() først"
        return self._innhold

    @property
    def grunnlag(self) -> int | None:
        verdi: int | None = self.skjema.cleaned_data.get("grunnlag")
        return verdi

    @property
    def feilliste(self) -> list[tuple[str, str]]:
        """(id of the field, message) for the summary above the form, in the form's order."""
        if not self.skjema.is_bound:
            return []
        ut: list[tuple[str, str]] = []
        for navn in self.skjema.fields:
            ut += [(self.skjema[navn].auto_id, str(m)) for m in self.skjema.errors.get(navn, [])]
            if navn == "ikke_na":
                # The measures come after the three fields of what the employee can do.
                ut += [("tiltak-tittel", m) for m in self.tiltaksfeil]
                for skjema in self.tiltaksskjemaer.forms:
                    for felt in TILTAKSFELT:
                        ut += [(skjema[felt].auto_id, str(m)) for m in skjema.errors.get(felt, [])]
        return ut


def _tiltaksrader(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The measure rows as posted, empty ones too, as far as the form allows."""
    try:
        antall = int(data.get(f"{TILTAK_PREFIKS}-TOTAL_FORMS", 0))
    except (TypeError, ValueError):
        antall = 0
    antall = max(0, min(antall, MAKS_TILTAK + 1))
    return [
        {navn: data.get(f"{TILTAK_PREFIKS}-{i}-{navn}", "") for navn in TILTAKSFELT}
        for i in range(antall)
    ]


class Kommentarskjema(forms.Form):
    tekst = _tekst("Kommentar", paakrevd=True, maks=MAKS_KOMMENTAR)
