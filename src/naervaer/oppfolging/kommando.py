"""What ``naervaer frister`` does, for the CLI to call: read the options, print the timeline.

Bad input is an ``Inndatafeil`` with a Norwegian message; the CLI turns it into exit code 2.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from naervaer.oppfolging.egenmelding import (
    IA_REGEL,
    LOVENS_REGEL,
    Egenmeldingsregel,
    lokal_regel,
)
from naervaer.oppfolging.frister import Tidslinje, tidslinje
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode
from naervaer.statistikk.publisering import datotekst


class Inndatafeil(ValueError):
    pass


def les_dato(tekst: str, felt: str) -> date:
    try:
        return date.fromisoformat(tekst.strip())
    except ValueError:
        raise Inndatafeil(
            f"{felt}: «{tekst}» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, f.eks. 2026-01-05."
        ) from None


def les_grad(tekst: str, felt: str = "--grad") -> int:
    try:
        return int(tekst.strip().removesuffix("%"))
    except ValueError:
        raise Inndatafeil(
            f"{felt}: «{tekst}» er ikke en grad. Skriv et helt tall fra 20 til 100."
        ) from None


def les_periode(tekst: str, type_: Fravaerstype) -> Periode:
    """«FRA:TIL[:GRAD]»; an empty TIL is a period that goes on."""
    felt = f"--{type_.value}" if type_ is Fravaerstype.EGENMELDING else "--periode"
    deler = tekst.split(":")
    tillatt = 2 if type_ is Fravaerstype.EGENMELDING else 3
    if not 2 <= len(deler) <= tillatt:
        form = "FRA:TIL" if tillatt == 2 else "FRA:TIL eller FRA:TIL:GRAD"
        raise Inndatafeil(
            f"{felt}: «{tekst}» har ikke formen {form}, f.eks. 2026-01-05:2026-01-07."
        )
    fra = les_dato(deler[0], felt)
    til = les_dato(deler[1], felt) if deler[1].strip() else None
    grad = les_grad(deler[2], felt) if len(deler) == 3 else 100
    return _periode(fra, til, type_, grad)


def _periode(fra: date, til: date | None, type_: Fravaerstype, grad: int) -> Periode:
    try:
        return Periode(fra, til, type_, grad)
    except ValueError as feil:
        raise Inndatafeil(str(feil)) from None


def les_egenmeldingsregel(tekst: str) -> Egenmeldingsregel:
    navn = tekst.strip().lower()
    if navn == "lov":
        return LOVENS_REGEL
    if navn == "ia":
        return IA_REGEL
    try:
        dager = int(navn)
    except ValueError:
        raise Inndatafeil(
            f"--egenmeldingsregel: «{tekst}» er ukjent. Skriv lov, ia eller et antall dager "
            "fra 3 til 16."
        ) from None
    # The limits are checked against the rules in force on the case's first day, in beregn.
    return lokal_regel(dager)


def les_perioder(
    fra: str | None,
    til: str | None,
    grad: str,
    type_: str,
    perioder: Sequence[str],
    egenmeldinger: Sequence[str],
) -> list[Periode]:
    try:
        fravaerstype = Fravaerstype(type_.strip().lower())
    except ValueError:
        raise Inndatafeil(
            f"--type: «{type_}» er ukjent. Skriv sykmelding eller egenmelding."
        ) from None
    ut: list[Periode] = []
    if fra is not None:
        forste = les_dato(fra, "--fra")
        siste = les_dato(til, "--til") if til is not None else None
        if siste is not None and siste < forste:
            raise Inndatafeil(
                f"--til ({datotekst(siste)}) kan ikke være før --fra ({datotekst(forste)})."
            )
        ut.append(_periode(forste, siste, fravaerstype, les_grad(grad)))
    elif til is not None:
        raise Inndatafeil("--til krever --fra.")
    ut.extend(les_periode(p, Fravaerstype.SYKMELDING) for p in perioder)
    ut.extend(les_periode(e, Fravaerstype.EGENMELDING) for e in egenmeldinger)
    if not ut:
        raise Inndatafeil(
            "Oppgi første fraværsdag med --fra, eller perioder med --periode eller --egenmelding."
        )
    return ut


def beregn(perioder: Sequence[Periode], regel: Egenmeldingsregel) -> Tidslinje:
    try:
        return tidslinje(perioder, regel)
    except ValueError as feil:
        raise Inndatafeil(str(feil)) from None


def skriv_json(linje: Tidslinje, ut: Console, feil: Console) -> None:
    # Plain print keeps the JSON free of rich's wrapping and colours.
    ut.file.write(json.dumps([f.som_json() for f in linje.frister], ensure_ascii=False) + "\n")
    for merknad in linje.merknader:
        feil.print(Text(f"Merk: {merknad}"), soft_wrap=True)


def skriv_tabell(linje: Tidslinje, ut: Console) -> None:
    tilfelle = linje.tilfelle
    slutt = f"til {datotekst(tilfelle.til)}" if tilfelle.til is not None else "(pågår)"
    tittel = f"Frister for sykefraværet fra {datotekst(tilfelle.fra)} {slutt}"
    if not linje.frister:
        ut.print(Text(f"Ingen {tittel[0].lower()}{tittel[1:]}: det varte ikke lenge nok til noen."))
    else:
        tabell = Table(title=tittel, show_lines=True, expand=True)
        tabell.add_column("Dato", no_wrap=True)
        tabell.add_column("Hva", ratio=4)
        # Wide enough for «arbeidsgiver» and «ftrl. § 8-19» unbroken.
        tabell.add_column("Ansvarlig", ratio=1, min_width=12)
        tabell.add_column("Kilde", ratio=1, min_width=12)
        for frist in linje.frister:
            hva = frist.hva
            if frist.kode in linje.fridager:
                hva = f"{hva}\n{linje.fridager[frist.kode]}"
            tabell.add_row(
                Text(datotekst(frist.dato)), Text(hva), Text(frist.ansvarlig), Text(frist.kilde)
            )
        ut.print(tabell)
    for merknad in linje.merknader:
        ut.print(Text(f"Merk: {merknad}"))
