"""Finding the data in each file: which sheets hold what, where the header is, which rows count.

Each CSV file or workbook sheet is matched against the layouts; a recognised one becomes a ``Del``
with its data rows, each as wide as the header. A file no layout fits, one with a diagnosis
column, or one whose header fits two layouts equally, is reported here and read no further.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from naervaer.egendata.feil import Advarsel, Feil, Rapport
from naervaer.egendata.kolonner import DIAGNOSE_MELDING, ser_ut_som_diagnose
from naervaer.egendata.lesing import SOEKEDYBDE, Ark, Celle, Fil, er_tom, les_fil
from naervaer.egendata.oppsett import (
    Oppsett,
    Treff,
    finn_oppsett,
    kjente_overskrifter,
    naermeste,
    overskriftstekst,
)


@dataclass(slots=True)
class Del:
    """One recognised file or sheet and its data rows, each as wide as the header."""

    nr: int
    ark: Ark
    treff: Treff
    radnumre: list[int]
    rader: list[Sequence[Celle]]

    @property
    def kilde(self) -> str:
        return self.ark.kilde


def gjenkjente_deler(
    filer: Sequence[Fil], valg: Mapping[str, Oppsett], oppsett: Sequence[Oppsett], rapport: Rapport
) -> list[Del]:
    """The recognised parts of ``filer`` in file order; everything else goes to ``rapport``.

    ``valg`` maps a file name or sheet name to the layout the user chose for it.
    """
    deler: list[Del] = []
    kjente_navn = kjente_overskrifter([*oppsett, *valg.values()])
    rekkefolge = 0
    for fil in filer:
        arkene, filfeil = les_fil(fil, kjente_navn)
        for feil in filfeil:
            rapport.feil(rekkefolge, feil)
        rekkefolge += 1
        gjenkjent: list[Del] = []
        ukjente: list[tuple[int, Ark, Sequence[Oppsett]]] = []
        for ark in arkene:
            kandidater = [valg[k] for k in (ark.kilde, fil.navn) if k in valg][:1] or oppsett
            treffene = _gjenkjenn(ark, kandidater, rapport, rekkefolge)
            if treffene == []:
                ukjente.append((rekkefolge, ark, kandidater))
            elif treffene:
                gjenkjent.append(_datarader(ark, treffene[0], rapport, rekkefolge))
            rekkefolge += 1
        for nr, ark, kandidater in ukjente:
            # A workbook may hold a sheet of notes beside the data; a CSV file is only its data.
            if ark.er_regneark and gjenkjent:
                melding = "arket er ikke lest: overskriften passer ikke til noe kjent oppsett"
                rapport.advarsel(nr, Advarsel(ark.kilde, None, melding))
            else:
                melding = _ukjent_overskrift(ark, kandidater)
                rapport.feil(nr, Feil(ark.kilde, None, None, None, melding))
        deler.extend(gjenkjent)
    return deler


def _gjenkjenn(
    ark: Ark, kandidater: Sequence[Oppsett], rapport: Rapport, nr: int
) -> list[Treff] | None:
    """``[treff]`` for a recognised sheet, ``[]`` when no layout fits, None when it is empty or
    its problem is already reported."""
    if all(er_tom(c) for rad in ark.rader for c in rad):
        if not ark.er_regneark:
            rapport.feil(nr, Feil(ark.kilde, None, None, None, "filen har ingen rader"))
        return None
    if ark.brudd is not None:
        rapport.feil(nr, ark.brudd)
    treffene = finn_oppsett(ark.rader, kandidater)
    toppen = (
        [(treffene[0].rad, treffene[0].overskrift)]
        if treffene
        else [(i, overskriftstekst(r)) for i, r in enumerate(ark.rader[:SOEKEDYBDE], start=1)]
    )
    diagnose = [(i, k) for i, rad in toppen for k in rad if k and ser_ut_som_diagnose(k)]
    for i, kolonne in diagnose:
        rapport.feil(nr, Feil(ark.kilde, i, kolonne, None, DIAGNOSE_MELDING))
    if diagnose:
        return None
    if len(treffene) > 1:
        navn = " og ".join(f"«{t.oppsett.tittel}: {t.filoppsett.navn}»" for t in treffene)
        melding = f"overskriften passer like godt til {navn}; velg kolonnene selv"
        rapport.feil(nr, Feil(ark.kilde, treffene[0].rad, None, None, melding))
        return None
    for treff in treffene:
        for kolonne in treff.doble:
            melding = "kolonnen finnes mer enn én gang; fjern den ene eller gi den et annet navn"
            rapport.feil(nr, Feil(ark.kilde, treff.rad, kolonne, None, melding))
        if treff.doble:
            return None
    return treffene


def _ukjent_overskrift(ark: Ark, kandidater: Sequence[Oppsett]) -> str:
    melding = (
        f"fant ingen overskrift som passer til et kjent oppsett i de første {SOEKEDYBDE} radene; "
        "velg kolonnene selv"
    )
    naer = naermeste(ark.rader, kandidater)
    if naer is not None:
        o, filoppsett, mangler = naer
        kolonner = ", ".join(f"«{k}»" for k in mangler)
        melding += f" (nærmest er «{o.tittel}: {filoppsett.navn}», som mangler {kolonner})"
    return melding


def _datarader(ark: Ark, treff: Treff, rapport: Rapport, nr: int) -> Del:
    """The rows under the header, without blank ones, padded to the header's width.

    A CSV row with too few or too many fields is reported and left out, since its values would
    land in the wrong columns; a spreadsheet simply leaves trailing empty cells out.
    """
    radnumre: list[int] = []
    rader: list[Sequence[Celle]] = []
    bredde = max(i for i, k in enumerate(treff.overskrift) if k) + 1
    tomme: tuple[None, ...] = (None,) * bredde
    for radnr in range(treff.rad + 1, len(ark.rader) + 1):
        rad = ark.rader[radnr - 1]
        if ark.er_regneark:
            if all(er_tom(c) for c in rad):
                continue
            if len(rad) < bredde:
                rad = (*rad, *tomme[len(rad) :])
        else:
            tekster = cast(list[str], rad)
            if not "".join(tekster).strip():
                continue
            if len(rad) < bredde:
                melding = (
                    f"raden har {len(rad)} felt, men overskriften har {bredde} (er filen avkortet?)"
                )
                rapport.feil(nr, Feil(ark.kilde, radnr, None, None, melding))
                continue
            if len(rad) > len(treff.overskrift) and "".join(tekster[bredde:]).strip():
                melding = (
                    f"raden har {len(rad)} felt, men overskriften har {bredde}; står det et "
                    "skilletegn i en verdi uten anførselstegn rundt?"
                )
                rapport.feil(nr, Feil(ark.kilde, radnr, None, None, melding))
                continue
        radnumre.append(radnr)
        rader.append(rad)
    return Del(nr, ark, treff, radnumre, rader)
