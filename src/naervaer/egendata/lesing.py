"""From the bytes of an uploaded file to rows of cells, and from cells to dates and numbers.

A CSV file is read as UTF-8 (with or without BOM, or UTF-16 with BOM, as Excel's «Unicode text»)
and otherwise as Windows-1252, which is what Excel and most Norwegian payroll systems write; the
delimiter is the one of ``;``, tab and ``,`` under which the header is recognised. An XLSX file is
read with openpyxl in read-only mode, one ``Ark`` per sheet, with dates and numbers as the cells
hold them. Whether a file is XLSX is decided by its content, not by its name.

Rows keep their place: ``Ark.rader[0]`` is row 1, blank lines included, so a row number in a
report is the row the user finds when opening the file in Excel.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from naervaer.egendata.feil import Feil
from naervaer.egendata.kolonner import normaliser

SKILLETEGN = (";", "\t", ",")
SOEKEDYBDE = 10
"""The header is looked for in this many first rows, below any title lines an export puts on top."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls format

Celle = object
"""A cell: ``str`` from CSV; from XLSX also ``int``, ``float``, ``datetime``, ``bool`` or None."""


@dataclass(frozen=True, slots=True)
class Fil:
    """A file as uploaded or pushed: its name (for the report) and its bytes."""

    navn: str
    innhold: bytes

    @classmethod
    def fra_sti(cls, sti: Path) -> Fil:
        return cls(sti.name, sti.read_bytes())


@dataclass(frozen=True, slots=True)
class Ark:
    """A CSV file or one sheet of a workbook, as rows of cells."""

    kilde: str
    rader: Sequence[Sequence[Celle]]
    koding: str | None = None
    skilletegn: str | None = None
    prosentkolonner: frozenset[int] = frozenset()
    """XLSX columns formatted as percent, where the cell holds 0.8 for «80 %»."""
    brudd: Feil | None = None
    """Reading stopped here (an unterminated quote); the rows before it are in ``rader``."""
    er_regneark: bool = False


class Ugyldig(ValueError):
    """A cell that cannot be read as the field needs; the message is the report's."""


def les_fil(fil: Fil, kjente_overskrifter: Collection[str]) -> tuple[list[Ark], list[Feil]]:
    """The sheets of ``fil``, or the errors that make it unreadable as a whole."""
    innhold = fil.innhold
    if not innhold.strip():
        return [], [Feil(fil.navn, None, None, None, "filen er tom")]
    if innhold.startswith(_ZIP):
        return _les_xlsx(fil)
    if innhold.startswith(_OLE):
        return [], [
            Feil(
                fil.navn,
                None,
                None,
                None,
                "filen er i det gamle Excel-formatet (.xls); lagre den som .xlsx eller CSV",
            )
        ]
    try:
        tekst, koding = dekod(innhold)
    except Ugyldig as feil:
        return [], [Feil(fil.navn, _rad_ved(innhold, feil), None, None, str(feil))]
    return [_les_csv(fil.navn, tekst, koding, kjente_overskrifter)], []


class _Kodingsfeil(Ugyldig):
    def __init__(self, melding: str, posisjon: int) -> None:
        super().__init__(melding)
        self.posisjon = posisjon


def _rad_ved(innhold: bytes, feil: Ugyldig) -> int | None:
    if isinstance(feil, _Kodingsfeil):
        return innhold.count(b"\n", 0, feil.posisjon) + 1
    return None


def dekod(innhold: bytes) -> tuple[str, str]:
    """The text and the name of its encoding. UTF-8 is tried strictly before Windows-1252, since
    Windows-1252 text with æøå is almost never valid UTF-8, while the reverse always decodes."""
    if innhold.startswith(codecs.BOM_UTF8):
        return _streng(innhold[len(codecs.BOM_UTF8) :], "utf-8"), "UTF-8 med BOM"
    if innhold.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _streng(innhold, "utf-16"), "UTF-16"
    try:
        return innhold.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return innhold.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as feil:
        raise _Kodingsfeil(
            "filen er verken UTF-8 eller Windows-1252; lagre den som CSV (UTF-8) og prøv igjen",
            feil.start,
        ) from feil


def _streng(innhold: bytes, koding: str) -> str:
    try:
        return innhold.decode(koding)
    except UnicodeDecodeError as feil:
        raise _Kodingsfeil(
            f"filen sier at den er {koding.upper()}, men har tegn som ikke er det", feil.start
        ) from feil


def finn_skilletegn(tekst: str, kjente_overskrifter: Collection[str]) -> str:
    """The delimiter under which most header cells are known names; else the most frequent one."""
    linjer = list(itertools.islice(io.StringIO(tekst), SOEKEDYBDE))
    beste, flest = None, 0
    for tegn in SKILLETEGN:
        for rad in csv.reader(linjer, delimiter=tegn):
            kjente = sum(1 for celle in rad if normaliser(celle) in kjente_overskrifter)
            if kjente > flest:
                beste, flest = tegn, kjente
    if beste is not None:
        return beste
    forste = next((linje for linje in linjer if linje.strip()), "")
    return max(SKILLETEGN, key=forste.count)


def _les_csv(navn: str, tekst: str, koding: str, kjente_overskrifter: Collection[str]) -> Ark:
    skilletegn = finn_skilletegn(tekst, kjente_overskrifter)
    # strict: a quote that is never closed is an error, not the rest of the file in one field.
    leser = csv.reader(io.StringIO(tekst, newline=""), delimiter=skilletegn, strict=True)
    rader: list[list[str]] = []
    brudd = None
    try:
        rader.extend(leser)
    except csv.Error as feil:
        rad = len(rader) + 1
        melding = (
            "et felt i anførselstegn avsluttes aldri (er filen avkortet?)"
            if "unexpected end of data" in str(feil)
            else "feil bruk av anførselstegn; resten av filen er ikke lest"
        )
        brudd = Feil(navn, rad, None, None, melding)
    return Ark(navn, rader, koding=koding, skilletegn=skilletegn, brudd=brudd)


def _les_xlsx(fil: Fil) -> tuple[list[Ark], list[Feil]]:
    try:
        bok = openpyxl.load_workbook(io.BytesIO(fil.innhold), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        return [], [_ulesbar_xlsx(fil)]
    try:
        ark = []
        for side in bok.worksheets:
            # min_row=1: a sheet whose dimension starts lower would otherwise shift every number.
            rader = list(side.iter_rows(min_row=1, min_col=1, values_only=True))
            prosent = frozenset(
                celle.column - 1
                for rad in side.iter_rows(min_row=1, max_row=SOEKEDYBDE * 3)
                for celle in rad
                if isinstance(celle.value, int | float)
                and "%" in str(getattr(celle, "number_format", ""))
            )
            ark.append(
                Ark(
                    f"{fil.navn}, ark «{side.title}»",
                    rader,
                    prosentkolonner=prosent,
                    er_regneark=True,
                )
            )
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ParseError, ValueError):
        return [], [_ulesbar_xlsx(fil)]
    finally:
        bok.close()
    return ark, []


def _ulesbar_xlsx(fil: Fil) -> Feil:
    return Feil(
        fil.navn,
        None,
        None,
        None,
        "filen kan ikke leses som XLSX; er den avkortet eller skadet?",
    )


def er_tom(celle: Celle) -> bool:
    return celle is None or (isinstance(celle, str) and not celle.strip())


def tolk_tekst(celle: Celle) -> str | None:
    """Text as stored: trimmed, None when empty; a whole number from a spreadsheet without «.0»."""
    if celle is None:
        return None
    if isinstance(celle, str):
        return celle.strip() or None
    if isinstance(celle, float) and celle.is_integer():
        return str(int(celle))
    if isinstance(celle, datetime):
        return celle.date().isoformat() if celle.time() == time() else celle.isoformat()
    if isinstance(celle, date):
        return celle.isoformat()
    return str(celle)


_DATO_NORSK = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_DATO_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?")
_DATO_KORT_AAR = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2}")
DATOFORMAT = "skriv datoen som dd.mm.åååå (f.eks. 31.01.2025) eller åååå-mm-dd"


def tolk_dato(celle: Celle) -> date | None:
    if celle is None:
        return None
    if isinstance(celle, datetime):
        if celle.time() != time():
            raise Ugyldig("cellen har et klokkeslett; den skal bare ha en dato")
        return celle.date()
    if isinstance(celle, date):
        return celle
    if isinstance(celle, str):
        tekst = celle.strip()
        return _dato_fra_tekst(tekst) if tekst else None
    if isinstance(celle, int | float) and not isinstance(celle, bool):
        raise Ugyldig("cellen er et tall, ikke en dato; formater kolonnen som dato i Excel")
    raise Ugyldig(f"er ikke en dato; {DATOFORMAT}")


@lru_cache(maxsize=8192)
def _dato_fra_tekst(tekst: str) -> date:
    # Exports hold few distinct dates and many rows, so the cache does most of the work.
    if treff := _DATO_NORSK.fullmatch(tekst):
        dag, maaned, aar = (int(d) for d in treff.groups())
    elif treff := _DATO_ISO.fullmatch(tekst):
        aar, maaned, dag = (int(d) for d in treff.groups())
    elif _DATO_KORT_AAR.fullmatch(tekst):
        raise Ugyldig("året må ha fire sifre (f.eks. 31.01.2025)")
    else:
        raise Ugyldig(f"er ikke en dato; {DATOFORMAT}")
    try:
        return date(aar, maaned, dag)
    except ValueError as feil:
        raise Ugyldig("datoen finnes ikke") from feil


_TALL = re.compile(r"-?\d+(?:\.\d+)?")
_MELLOMROM = re.compile(r"[\s\u00a0\u202f]+")


def tolk_tall(celle: Celle, prosent_av_en: bool = False) -> Decimal | None:
    """A number with decimal comma or point, and an optional «%» after it.

    ``prosent_av_en``: a spreadsheet cell formatted as percent holds 0.8 for 80 %.
    """
    if celle is None:
        return None
    if isinstance(celle, bool):
        raise Ugyldig("er ikke et tall")
    if isinstance(celle, int | float):
        # repr gives the shortest decimal that reads back as the same float: 0.8, not 0.800000…
        tall = Decimal(repr(celle)) if isinstance(celle, float) else Decimal(celle)
        if not tall.is_finite():
            raise Ugyldig("er ikke et tall")
        return tall * 100 if prosent_av_en else tall
    if isinstance(celle, str):
        tekst = celle.strip()
        return _tall_fra_tekst(tekst) if tekst else None
    raise Ugyldig("er ikke et tall")


@lru_cache(maxsize=8192)
def _tall_fra_tekst(tekst: str) -> Decimal:
    renset = _MELLOMROM.sub("", tekst).removesuffix("%")
    if "," in renset and "." in renset:
        raise Ugyldig("er ikke et tall (bruk bare desimalkomma, ingen tusenskille)")
    renset = renset.replace(",", ".")
    if not _TALL.fullmatch(renset):
        raise Ugyldig("er ikke et tall")
    try:
        return Decimal(renset)
    except InvalidOperation as feil:
        raise Ugyldig("er ikke et tall") from feil
