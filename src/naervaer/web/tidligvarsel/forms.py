"""The administrator's thresholds: numbers as Norwegians type them, every message naming its
field, and nothing saved unless every field is right."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from naervaer.statistikk.tallformat import norsk_tall
from naervaer.tidligvarsel import terskler as t
from naervaer.web.kalkulator.forms import les_tall

HELTALL = {
    "korttid_antall": t.KORTTID_ANTALL,
    "korttid_maaneder": t.KORTTID_MAANEDER,
    "bradford_terskel": t.BRADFORD_TERSKEL,
}
DESIMALTALL = {"langtid_okning": t.LANGTID_OKNING, "bransje_faktor": t.BRANSJE_FAKTOR}


class Innstillingsskjema(forms.Form):
    korttid_antall = forms.CharField(label="Antall korte fraværstilfeller")
    korttid_maaneder = forms.CharField(label="I løpet av antall måneder")
    bradford_aktiv = forms.BooleanField(
        required=False, label="Varsle også når Bradford-faktoren når grensen"
    )
    bradford_terskel = forms.CharField(label="Grense for Bradford-faktoren")
    langtid_okning = forms.CharField(label="Økning i langtidsfraværet (prosentpoeng)")
    langtid_sammenligning = forms.ChoiceField(
        label="Sammenlign de siste tre månedene med",
        choices=[(s.value, t.SAMMENLIGNINGSNAVN[s]) for s in t.Sammenligning],
        widget=forms.RadioSelect,
        error_messages={"required": "Velg hva de siste tre månedene skal sammenlignes med."},
    )
    bransje_faktor = forms.CharField(label="Ganger bransjens sykefravær")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for navn, grense in (*HELTALL.items(), *DESIMALTALL.items()):
            self.fields[navn].error_messages["required"] = f"Skriv inn {grense.navn.lower()}."

    @classmethod
    def fra_terskler(cls, terskler: t.Terskler) -> Innstillingsskjema:
        return cls(
            initial={
                "korttid_antall": str(terskler.korttid_antall),
                "korttid_maaneder": str(terskler.korttid_maaneder),
                "bradford_aktiv": terskler.bradford_aktiv,
                "bradford_terskel": str(terskler.bradford_terskel),
                "langtid_okning": norsk_tall(terskler.langtid_okning, 1),
                "langtid_sammenligning": terskler.langtid_sammenligning.value,
                "bransje_faktor": norsk_tall(terskler.bransje_faktor, 1),
            }
        )

    def _tall(self, navn: str, grense: t.Grense, heltall: bool) -> Decimal | None:
        tekst = self.cleaned_data.get(navn)
        if tekst is None:
            return None  # already told: the field is empty
        try:
            verdi = les_tall(tekst)
        except ValueError:
            verdi = None
        if verdi is None or (heltall and verdi != verdi.to_integral()):
            slag = "et helt tall" if heltall else "et tall"
            self.add_error(navn, f"{grense.navn} må være {slag}, ikke «{tekst}».")
            return None
        try:
            grense.sjekk(verdi)
        except ValueError as feil:
            self.add_error(navn, str(feil))
            return None
        # The limits keep the number small, so rounding it cannot overflow.
        if not heltall and verdi != verdi.quantize(Decimal("0.1")):
            self.add_error(navn, f"{grense.navn} kan ha høyst én desimal, ikke «{tekst}».")
            return None
        return verdi

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        verdier = {navn: self._tall(navn, g, heltall=True) for navn, g in HELTALL.items()}
        verdier |= {navn: self._tall(navn, g, heltall=False) for navn, g in DESIMALTALL.items()}
        if self.errors:
            return data
        data["terskler"] = t.Terskler(
            korttid_antall=int(verdier["korttid_antall"] or 0),
            korttid_maaneder=int(verdier["korttid_maaneder"] or 0),
            bradford_aktiv=bool(data.get("bradford_aktiv")),
            bradford_terskel=int(verdier["bradford_terskel"] or 0),
            langtid_okning=Decimal(verdier["langtid_okning"] or 0),
            langtid_sammenligning=t.Sammenligning(data["langtid_sammenligning"]),
            bransje_faktor=Decimal(verdier["bransje_faktor"] or 0),
        )
        return data

    def terskler(self) -> t.Terskler:
        terskler: t.Terskler = self.cleaned_data["terskler"]
        return terskler
