"""Statistics units (statistikkategorier): which codes a virksomhet falls under.

Bransjer are the IA-avtale's bransjeprogram; the first match in ``BRANSJER``'s order wins and a
virksomhet in no bransje is compared with its næring instead (spec §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kategori(StrEnum):
    LAND = "LAND"
    SEKTOR = "SEKTOR"
    NAERING = "NAERING"
    NAERINGSKODE = "NAERINGSKODE"
    BRANSJE = "BRANSJE"
    FYLKE = "FYLKE"
    STORRELSE = "STORRELSE"
    VIRKSOMHET = "VIRKSOMHET"
    OVERORDNET_ENHET = "OVERORDNET_ENHET"
    AVDELING = "AVDELING"


class Sektor(StrEnum):
    STATLIG = "STATLIG"
    KOMMUNAL = "KOMMUNAL"
    PRIVAT = "PRIVAT"
    UKJENT = "UKJENT"


LAND_KODE = "NO"

# Enhetsregisteret's institusjonell sektorkode (of the overordnet enhet) → sektor.
_SEKTORKODER: dict[Sektor, frozenset[str]] = {
    Sektor.STATLIG: frozenset({"3100", "3900", "6100"}),
    Sektor.KOMMUNAL: frozenset({"6500"}),
    Sektor.PRIVAT: frozenset(
        [
            "1110",
            "1120",
            "1510",
            "1520",
            "2100",
            "2300",
            "2500",
            "3200",
            "3500",
            "3600",
            "4100",
            "4300",
            "4500",
            "4900",
            "5500",
            "5700",
            "7000",
            "8200",
            "8300",
            "8500",
            "9000",
        ]
    ),
}


def sektor_fra_sektorkode(sektorkode: str | None) -> Sektor:
    """Anything unknown or missing is UKJENT, which every page and API must handle."""
    kode = (sektorkode or "").strip()
    for sektor, koder in _SEKTORKODER.items():
        if kode in koder:
            return sektor
    return Sektor.UKJENT


@dataclass(frozen=True, slots=True)
class Bransje:
    kode: str
    navn: str
    naeringer: frozenset[str]  # two-digit næringer that belong whole
    naeringskoder: frozenset[str]  # five-digit SN2007 and SN2025 codes

    def omfatter(self, naeringskode: str) -> bool:
        return naeringskode[:2] in self.naeringer or naeringskode in self.naeringskoder


def _koder(*koder: str) -> frozenset[str]:
    return frozenset(koder)


BRANSJER: tuple[Bransje, ...] = (
    Bransje("BARNEHAGER", "Barnehager", frozenset(), _koder("88911", "85100")),
    Bransje("NARINGSMIDDELINDUSTRI", "Næringsmiddelindustri", _koder("10"), frozenset()),
    Bransje(
        "SYKEHUS",
        "Sykehus",
        frozenset(),
        _koder("86101", "86102", "86104", "86105", "86106", "86107", "86103"),
    ),
    Bransje(
        "SYKEHJEM",
        "Sykehjem",
        frozenset(),
        _koder("87101", "87102", "87103", "87104", "87105", "87106"),
    ),
    Bransje(
        "TRANSPORT",
        "Rutebuss og persontrafikk (transport)",
        frozenset(),
        # SN2025 49340 is deliberately not here: it is not part of the bransjeprogram.
        _koder(
            "49100",
            "49311",
            "49312",
            "49391",
            "49392",
            "49110",
            "49120",
            "49310",
            "49320",
            "49330",
            "49390",
        ),
    ),
    Bransje("BYGG", "Bygg", _koder("41"), frozenset()),
    Bransje("ANLEGG", "Anlegg", _koder("42"), frozenset()),
)

BRANSJE_ETTER_KODE = {b.kode: b for b in BRANSJER}


def normaliser_naeringskode(naeringskode: str) -> str:
    """``88.911`` and ``88911`` are the same code; the engine works on the five digits."""
    return naeringskode.replace(".", "").strip()


def bransje_for(naeringskode: str) -> Bransje | None:
    kode = normaliser_naeringskode(naeringskode)
    for bransje in BRANSJER:
        if bransje.omfatter(kode):
            return bransje
    return None


@dataclass(frozen=True, slots=True)
class Storrelse:
    kode: str
    minst: int
    hoyst: int | None


STORRELSER: tuple[Storrelse, ...] = (
    Storrelse("1-4", 1, 4),
    Storrelse("5-19", 5, 19),
    Storrelse("20-49", 20, 49),
    Storrelse("50-99", 50, 99),
    Storrelse("100-499", 100, 499),
    Storrelse("500+", 500, None),
)


def storrelse_for(antall_personer: int) -> Storrelse:
    for klasse in STORRELSER:
        if antall_personer >= klasse.minst and (
            klasse.hoyst is None or antall_personer <= klasse.hoyst
        ):
            return klasse
    raise ValueError(f"en virksomhet uten personer har ingen størrelsesklasse ({antall_personer})")


# The fylker since 1 January 2024, by the first two digits of the kommunenummer.
FYLKER: dict[str, str] = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}


_KATEGORINAVN = {
    Kategori.SEKTOR: "sektor",
    Kategori.NAERING: "næring",
    Kategori.NAERINGSKODE: "næringskode",
    Kategori.BRANSJE: "bransjen",
    Kategori.FYLKE: "fylke",
    Kategori.STORRELSE: "virksomheter med",
    Kategori.VIRKSOMHET: "virksomhet",
    Kategori.OVERORDNET_ENHET: "overordnet enhet",
    Kategori.AVDELING: "avdeling",
}


def enhetsnavn(kategori: Kategori, kode: str) -> str:
    """How a unit is named in a sentence: «hele landet», «fylke 03 Oslo», «bransjen Barnehager»."""
    if kategori == Kategori.LAND:
        return "hele landet"
    if kategori == Kategori.FYLKE and kode in FYLKER:
        return f"fylke {kode} {FYLKER[kode]}"
    if kategori == Kategori.BRANSJE and kode in BRANSJE_ETTER_KODE:
        return f"bransjen {BRANSJE_ETTER_KODE[kode].navn}"
    if kategori == Kategori.STORRELSE:
        return f"virksomheter med {kode} personer"
    return f"{_KATEGORINAVN[kategori]} {kode}"
