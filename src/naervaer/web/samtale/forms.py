"""The form of «Lag din egen samtaleguide»: theme, bransje, goals and questions, then the format.

The choices offered are the content's own, for the theme and bransje the form was shown with, so
a tampered or stale form cannot ask for a question the guide does not have.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict

from naervaer.samtale.dokument import (
    MAKS_EGET_MAAL,
    MAKS_MAAL,
    MAKS_SPORSMAL,
    Sporsmalsgruppe,
    Valg,
    sporsmalsgrupper,
)
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.modell import Sporsmal
from naervaer.samtale.tekst import ren_tekst
from naervaer.web.samtale.bransjevalg import INGEN

FORMATER = {"docx": "Word (DOCX)", "pdf": "PDF"}


def _valg(skjema: forms.Form, navn: str) -> forms.ChoiceField:
    felt = skjema.fields[navn]
    assert isinstance(felt, forms.ChoiceField)
    return felt


class TemaOgBransje(forms.Form):
    """The first part: which theme and bransje the goals and questions come from."""

    tema = forms.ChoiceField(label="Tema for samtalen", required=False)
    bransje = forms.ChoiceField(label="Bransje", required=False)

    def __init__(self, innhold: Innhold, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _valg(self, "tema").choices = [("", "Ingen bestemt tema")] + [
            (kode, t.navn) for kode, t in innhold.temaer.items()
        ]
        _valg(self, "bransje").choices = [(INGEN, "Ingen bestemt bransje")] + [
            (kode, b.navn) for kode, b in innhold.bransjer.items()
        ]

    def valgt(self) -> tuple[str | None, str | None]:
        """The valid choices, an unknown value read as no choice."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        bransje = data.get("bransje")
        return (data.get("tema") or None, None if bransje in ("", INGEN, None) else bransje)


class Samtaleguideskjema(TemaOgBransje):
    """The whole form, as posted: the theme and bransje come back as hidden fields."""

    maal = forms.MultipleChoiceField(
        label="Mål for samtalen", required=False, widget=forms.CheckboxSelectMultiple
    )
    eget_maal = forms.CharField(
        label="Eget mål (valgfritt)",
        required=False,
        max_length=MAKS_EGET_MAAL,
        widget=forms.Textarea,
        error_messages={
            "max_length": f"Skriv det egne målet med høyst {MAKS_EGET_MAAL} tegn "
            "(du har skrevet %(show_value)d)."
        },
    )
    sporsmal = forms.MultipleChoiceField(
        label="Spørsmål",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Velg minst ett spørsmål til samtaleguiden."},
    )
    format = forms.ChoiceField(
        choices=list(FORMATER.items()),
        error_messages={"required": "Velg om du vil laste ned Word eller PDF."},
    )

    def __init__(
        self, innhold: Innhold, tema: str | None, bransje: str | None, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(innhold, *args, **kwargs)
        self.valgt_tema, self.valgt_bransje = tema, bransje
        self.grupper: tuple[Sporsmalsgruppe, ...] = sporsmalsgrupper(innhold, tema, bransje)
        self.tilbudte_maal = innhold.temaer[tema].maal if tema else ()
        _valg(self, "maal").choices = [(m, ren_tekst(m)) for m in self.tilbudte_maal]
        _valg(self, "sporsmal").choices = [
            (nokkel, ren_tekst(s.tekst)) for g in self.grupper for nokkel, s in g.sporsmal
        ]

    def clean_sporsmal(self) -> list[str]:
        valgt: list[str] = self.cleaned_data["sporsmal"]
        if len(valgt) > MAKS_SPORSMAL:
            raise forms.ValidationError(
                f"Velg høyst {MAKS_SPORSMAL} spørsmål, så guiden blir kort nok til å ha med "
                f"i samtalen. Du har valgt {len(valgt)}."
            )
        return valgt

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        antall = len(data.get("maal", [])) + (1 if (data.get("eget_maal") or "").strip() else 0)
        if antall > MAKS_MAAL:
            self.add_error("maal", f"Velg høyst {MAKS_MAAL} mål. Du har valgt {antall}.")
        return data

    def valg(self) -> Valg:
        data = self.cleaned_data
        return Valg(
            tema=self.valgt_tema,
            bransje=self.valgt_bransje,
            maal=tuple(data["maal"]),
            eget_maal=data["eget_maal"],
            sporsmal=tuple(data["sporsmal"]),
        )

    def valgte(self, felt: str) -> set[str]:
        """The boxes the user ticked, shown ticked again when the form comes back with errors."""
        return set(self.data.getlist(felt)) if isinstance(self.data, QueryDict) else set()

    def maalvalg(self) -> list[tuple[str, bool]]:
        valgte = self.valgte("maal")
        return [(m, m in valgte) for m in self.tilbudte_maal]

    def sporsmalsvalg(self) -> list[tuple[Sporsmalsgruppe, list[tuple[str, Sporsmal, bool]]]]:
        valgte = self.valgte("sporsmal")
        return [
            (g, [(nokkel, s, nokkel in valgte) for nokkel, s in g.sporsmal]) for g in self.grupper
        ]
