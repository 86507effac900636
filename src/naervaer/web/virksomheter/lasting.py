"""Loading the register's ``virksomheter`` file (spec §2) into the store: names, næring, sektor,
kommune and overordnet enhet, which the pages need beside the figures.

All or nothing: one bad row stops the load with messages naming file, row and field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
from django.db import transaction

from naervaer.statistikk.enheter import Sektor
from naervaer.statistikk.register import Feil, RegisterFeil, les_csv
from naervaer.web.virksomheter.models import Virksomhet

KOLONNER = ("orgnr", "overordnet_orgnr", "navn", "naeringskode", "sektor", "kommunenummer")
MAKS_FEIL = 50
BOLK = 2_000


@dataclass(frozen=True, slots=True)
class Lastet:
    nye: int
    oppdaterte: int


def _rader(sti: Path) -> Iterator[tuple[int, dict[str, str | None]]]:
    if sti.suffix == ".parquet":
        tabell = pq.read_table(sti)
        forste = 1  # Parquet has no header line: rows count from 1
    else:
        tabell = les_csv(sti).drop_columns(["rad"])
        forste = 2  # line 1 is the header
    mangler = [k for k in KOLONNER if k not in tabell.column_names]
    if mangler:
        raise RegisterFeil(
            [Feil(sti.name, None, k, None, "kolonnen mangler i overskriften") for k in mangler]
        )
    kolonner = {k: tabell.column(k).to_pylist() for k in KOLONNER}
    for i in range(tabell.num_rows):
        yield (
            forste + i,
            {k: (None if v[i] is None else str(v[i]).strip()) for k, v in kolonner.items()},
        )


def _sjekk(fil: str, rad: int, verdier: dict[str, str | None]) -> tuple[list[Feil], Virksomhet]:
    feil: list[Feil] = []

    def krav(felt: str, ok: bool, melding: str) -> None:
        if not ok:
            feil.append(Feil(fil, rad, felt, verdier[felt], melding))

    orgnr = verdier["orgnr"] or ""
    overordnet = verdier["overordnet_orgnr"] or ""
    naeringskode = (verdier["naeringskode"] or "").replace(".", "")
    sektor = (verdier["sektor"] or "").upper()
    kommunenummer = verdier["kommunenummer"] or ""
    krav("orgnr", bool(re.fullmatch(r"\d{9}", orgnr)), "orgnr må ha 9 sifre")
    krav("overordnet_orgnr", bool(re.fullmatch(r"\d{9}", overordnet)), "orgnr må ha 9 sifre")
    krav("navn", bool(verdier["navn"]), "navnet mangler")
    krav(
        "naeringskode",
        bool(re.fullmatch(r"\d{5}", naeringskode)),
        "næringskoden må ha fem sifre (f.eks. 88911 eller 88.911)",
    )
    krav(
        "sektor",
        sektor in {s.value for s in Sektor},
        "sektor må være STATLIG, KOMMUNAL, PRIVAT eller UKJENT",
    )
    krav(
        "kommunenummer",
        bool(re.fullmatch(r"\d{4}", kommunenummer)),
        "kommunenummeret må ha fire sifre",
    )
    return feil, Virksomhet(
        orgnr=orgnr,
        overordnet_orgnr=overordnet,
        navn=(verdier["navn"] or "")[:200],
        naeringskode=naeringskode,
        sektor=sektor,
        kommunenummer=kommunenummer,
    )


def last_virksomheter(sti: Path) -> Lastet:
    """Insert or update every virksomhet in ``sti``; virksomheter not in the file are kept."""
    alle_feil: list[Feil] = []
    antall_feil = 0
    sett: dict[str, int] = {}
    virksomheter: list[Virksomhet] = []
    for rad, verdier in _rader(sti):
        feil, virksomhet = _sjekk(sti.name, rad, verdier)
        if virksomhet.orgnr in sett:
            feil.append(
                Feil(
                    sti.name,
                    rad,
                    "orgnr",
                    virksomhet.orgnr,
                    f"orgnr står også på rad {sett[virksomhet.orgnr]}",
                )
            )
        sett.setdefault(virksomhet.orgnr, rad)
        antall_feil += len(feil)
        alle_feil.extend(feil[: max(0, MAKS_FEIL - len(alle_feil))])
        virksomheter.append(virksomhet)
    if antall_feil:
        raise RegisterFeil(alle_feil, antall_feil)
    with transaction.atomic():
        for_lasting = Virksomhet.objects.count()
        Virksomhet.objects.bulk_create(
            virksomheter,
            batch_size=BOLK,
            update_conflicts=True,
            unique_fields=["orgnr"],
            update_fields=[*(k for k in KOLONNER if k != "orgnr"), "oppdatert"],
        )
        nye = Virksomhet.objects.count() - for_lasting
    return Lastet(nye=nye, oppdaterte=len(virksomheter) - nye)
