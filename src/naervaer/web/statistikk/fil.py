"""Reading and validating the engine's quarterly file (``kvartal.csv`` or ``kvartal.parquet``).

Plain Python, no Django: rows are read one at a time (millions fit in no memory), and every bad
field becomes a message naming file, row and field, because the store never drops data silently.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from naervaer.statistikk.enheter import BRANSJE_ETTER_KODE, STORRELSER, Kategori, Sektor
from naervaer.statistikk.kolonner import DAGSVERK_KOLONNER, KVARTAL_KOLONNER

KOLONNER = KVARTAL_KOLONNER

SUMMER = DAGSVERK_KOLONNER

# The engine masks below 5 persons; a row from fewer must say so (the store's own threshold,
# which may be higher, is applied when figures are shown).
MINSTE_UMASKERTE = 5

MAKS_ARSTALL = 2100
MINSTE_ARSTALL = 1970


class Rad(NamedTuple):
    """A validated row; ``radnr`` is the line in a CSV file (the header is line 1) or the row
    number in a Parquet file (from 1)."""

    radnr: int
    kategori: str
    kode: str
    arstall: int
    kvartal: int
    antall_personer: int
    mulige_dagsverk: float
    tapte_dagsverk: float
    tapte_dagsverk_egenmeldt: float
    tapte_dagsverk_legemeldt: float
    tapte_dagsverk_gradert: float
    tapte_dagsverk_korttid: float
    tapte_dagsverk_langtid: float


@dataclass(frozen=True, slots=True)
class Radfeil:
    radnr: int
    melding: str


class Filfeil(Exception):
    """The file cannot be loaded; ``feil`` holds one Norwegian message per problem."""

    def __init__(self, feil: Sequence[str]) -> None:
        super().__init__("\n".join(feil))
        self.feil = list(feil)


class _Feltfeil(Exception):
    def __init__(self, felt: str, melding: str) -> None:
        super().__init__(melding)
        self.felt = felt
        self.melding = melding


def filtype(sti: Path) -> str:
    endelse = sti.suffix.lower()
    if endelse not in {".csv", ".parquet"}:
        raise Filfeil([f"{sti.name}: kan bare lese .csv og .parquet, ikke «{sti.suffix}»"])
    return endelse


def antall_rader(sti: Path) -> int:
    """Rows in the file, cheaply (for a progress bar): line breaks in a CSV, metadata in Parquet."""
    if filtype(sti) == ".parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(sti).metadata.num_rows)
    linjer = 0
    siste = b"\n"
    with sti.open("rb") as fil:
        while blokk := fil.read(1 << 20):
            linjer += blokk.count(b"\n")
            siste = blokk[-1:]
    linjer += siste != b"\n"
    return max(linjer - 1, 0)


def les_kvartalsfil(sti: Path) -> Iterator[Rad | Radfeil]:
    """Every row of the file, validated: a ``Rad``, or a ``Radfeil`` saying what is wrong.

    Raises ``Filfeil`` when the file as a whole cannot be read (missing, wrong columns).
    """
    if not sti.is_file():
        raise Filfeil([f"{sti}: finner ikke filen"])
    if filtype(sti) == ".parquet":
        yield from _les_parquet(sti)
    else:
        yield from _les_csv(sti)


def _sjekk_kolonner(navn: str, kolonner: Sequence[str]) -> list[int]:
    mangler = [k for k in KOLONNER if k not in kolonner]
    ukjente = [k for k in kolonner if k not in KOLONNER]
    doble = sorted({k for k in kolonner if list(kolonner).count(k) > 1})
    feil = []
    if mangler:
        feil.append(f"{navn}: mangler kolonnene {', '.join(mangler)}")
    if ukjente:
        feil.append(f"{navn}: ukjente kolonner {', '.join(ukjente)}")
    if doble:
        feil.append(f"{navn}: kolonnene {', '.join(doble)} står flere ganger")
    if feil:
        feil.append(f"{navn}: kolonnene skal være nøyaktig {','.join(KOLONNER)}")
        raise Filfeil(feil)
    return [list(kolonner).index(k) for k in KOLONNER]


def _les_csv(sti: Path) -> Iterator[Rad | Radfeil]:
    with sti.open(newline="", encoding="utf-8-sig") as fil:
        leser = csv.reader(fil)
        try:
            topp = next(leser)
        except StopIteration:
            raise Filfeil([f"{sti.name}: filen er tom (mangler overskriftsraden)"]) from None
        except UnicodeDecodeError:
            raise Filfeil([f"{sti.name}: filen er ikke UTF-8"]) from None
        rekkefolge = _sjekk_kolonner(sti.name, [k.strip() for k in topp])
        i_orden = rekkefolge == list(range(len(KOLONNER)))
        try:
            for felter in leser:
                radnr = leser.line_num
                if not felter:
                    continue  # a blank line, as spreadsheet programs leave at the end
                if len(felter) != len(KOLONNER):
                    hint = " (desimalkomma? bruk punktum)" if len(felter) > len(KOLONNER) else ""
                    yield Radfeil(
                        radnr,
                        f"{sti.name}, rad {radnr}: har {len(felter)} felt, skal ha "
                        f"{len(KOLONNER)}{hint}",
                    )
                    continue
                verdier = felter if i_orden else [felter[i] for i in rekkefolge]
                yield _valider(sti.name, radnr, verdier, _rask)
        except UnicodeDecodeError:
            raise Filfeil(
                [f"{sti.name}: filen er ikke UTF-8 (etter rad {leser.line_num})"]
            ) from None
        except csv.Error as feil:
            raise Filfeil(
                [f"{sti.name}, rad {leser.line_num}: kan ikke lese CSV ({feil})"]
            ) from None


def _les_parquet(sti: Path) -> Iterator[Rad | Radfeil]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(sti)
    except (pa.ArrowException, OSError) as feil:
        raise Filfeil([f"{sti.name}: kan ikke lese Parquet ({feil})"]) from None
    _sjekk_kolonner(sti.name, parquet.schema_arrow.names)
    radnr = 0
    for bolk in parquet.iter_batches(batch_size=65_536, columns=list(KOLONNER)):
        try:
            kolonner = [_typet_kolonne(bolk.column(k), k).to_pylist() for k in KOLONNER]
            rask = _rask_typet
        except pa.ArrowException:
            # Some value does not convert; the careful path finds and names it.
            kolonner = [bolk.column(k).to_pylist() for k in KOLONNER]
            rask = _ingen_rask
        for verdier in zip(*kolonner, strict=True):
            radnr += 1
            yield _valider(sti.name, radnr, verdier, rask)


def _typet_kolonne(kolonne: Any, navn: str) -> Any:
    """The column as the types ``_rask_typet`` expects, converted by Arrow (much faster than per
    value in Python)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if navn in SUMMER or navn == "prosent":
        if pa.types.is_decimal(kolonne.type):
            # Through text, as a CSV would go, so that both formats give the same float64.
            kolonne = pc.cast(kolonne, pa.string())
        return pc.cast(kolonne, pa.float64())
    if navn in {"arstall", "kvartal", "antall_personer"}:
        return pc.cast(kolonne, pa.int64())
    if navn == "er_maskert":
        return pc.cast(kolonne, pa.bool_())
    return pc.cast(kolonne, pa.string())


# --- One row --------------------------------------------------------------------------------------

_SIFRE = {n: re.compile(rf"\d{{{n}}}") for n in (2, 4, 5, 9)}
_AVDELING = re.compile(r"\d{9}/\S.{0,88}")
_STORRELSER = frozenset(s.kode for s in STORRELSER)
_SEKTORER = frozenset(s.value for s in Sektor)
_KATEGORIER = frozenset(k.value for k in Kategori)


def _kode_er_gyldig(kategori: str, kode: str) -> str | None:
    """None when ``kode`` is a code of ``kategori``, else what a code of it looks like."""
    match kategori:
        case Kategori.LAND:
            return None if kode == "NO" else "NO"
        case Kategori.SEKTOR:
            return None if kode in _SEKTORER else ", ".join(sorted(_SEKTORER))
        case Kategori.NAERING | Kategori.FYLKE:
            return None if _SIFRE[2].fullmatch(kode) else "to sifre"
        case Kategori.NAERINGSKODE:
            return None if _SIFRE[5].fullmatch(kode) else "fem sifre uten punktum"
        case Kategori.BRANSJE:
            return None if kode in BRANSJE_ETTER_KODE else ", ".join(BRANSJE_ETTER_KODE)
        case Kategori.STORRELSE:
            return None if kode in _STORRELSER else ", ".join(s.kode for s in STORRELSER)
        case Kategori.VIRKSOMHET | Kategori.OVERORDNET_ENHET:
            return None if _SIFRE[9].fullmatch(kode) else "et organisasjonsnummer på ni sifre"
        case Kategori.AVDELING:
            return None if _AVDELING.fullmatch(kode) else "orgnr/avdeling"
    return "en kjent kode"


def _tekst(felt: str, verdi: object) -> str:
    if verdi is None:
        raise _Feltfeil(felt, "mangler")
    tekst = str(verdi).strip()
    if not tekst:
        raise _Feltfeil(felt, "mangler")
    return tekst


def _heltall(felt: str, verdi: object) -> int:
    if isinstance(verdi, int) and not isinstance(verdi, bool):
        if verdi < 0:
            raise _Feltfeil(felt, f"{verdi} er negativ")
        return verdi
    if isinstance(verdi, float) and verdi.is_integer() and verdi >= 0:
        return int(verdi)  # a Parquet file written from pandas may store counts as floats
    tekst = _tekst(felt, verdi)
    if not tekst.isdecimal() or not tekst.isascii():
        raise _Feltfeil(felt, f"«{tekst}» er ikke et ikke-negativt heltall")
    return int(tekst)


def _tall(felt: str, verdi: object) -> float:
    if isinstance(verdi, float | int | Decimal) and not isinstance(verdi, bool):
        # The engine's Parquet has exact decimals; the store keeps float64 (spec: full precision).
        tall = float(verdi)
        tekst = str(verdi)
    else:
        tekst = _tekst(felt, verdi)
        if "," in tekst:
            raise _Feltfeil(felt, f"«{tekst}» har komma; bruk punktum som desimaltegn")
        try:
            tall = float(tekst)
        except ValueError:
            raise _Feltfeil(felt, f"«{tekst}» er ikke et tall") from None
        if "_" in tekst:
            raise _Feltfeil(felt, f"«{tekst}» er ikke et tall")
    if not math.isfinite(tall):
        raise _Feltfeil(felt, f"«{tekst}» er ikke et endelig tall")
    return tall


def _sannhetsverdi(felt: str, verdi: object) -> bool:
    if isinstance(verdi, bool):
        return verdi
    tekst = _tekst(felt, verdi).lower()
    if tekst in {"true", "1"}:
        return True
    if tekst in {"false", "0"}:
        return False
    raise _Feltfeil(felt, f"«{tekst}» er verken true eller false")


def _tom(verdi: object) -> bool:
    return verdi is None or (isinstance(verdi, str) and not verdi.strip())


def _omtrent(a: float, b: float, skala: float) -> bool:
    # The sums are float64 totals of many terms; a millionth of a dagsverk is noise, not an error.
    return abs(a - b) <= 1e-6 * max(1.0, abs(skala))


def _valider(
    filnavn: str,
    radnr: int,
    verdier: Sequence[object],
    rask: Callable[[int, Sequence[object]], Rad | None],
) -> Rad | Radfeil:
    try:
        return rask(radnr, verdier) or _valider_felter(radnr, verdier)
    except _Feltfeil as feil:
        return Radfeil(radnr, f"{filnavn}, rad {radnr}, felt «{feil.felt}»: {feil.melding}")


def _sjekk_summer(summer: Sequence[float]) -> None:
    mulige, tapte, egenmeldt, legemeldt, gradert, korttid, langtid = summer
    if tapte > mulige and not _omtrent(tapte, mulige, mulige):
        raise _Feltfeil("tapte_dagsverk", f"{tapte!r} er større enn mulige_dagsverk {mulige!r}")
    if not _omtrent(egenmeldt + legemeldt, tapte, tapte):
        raise _Feltfeil(
            "tapte_dagsverk",
            f"{tapte!r} er ikke tapte_dagsverk_egenmeldt + tapte_dagsverk_legemeldt "
            f"({egenmeldt + legemeldt!r})",
        )
    if not _omtrent(korttid + langtid, tapte, tapte):
        raise _Feltfeil(
            "tapte_dagsverk",
            f"{tapte!r} er ikke tapte_dagsverk_korttid + tapte_dagsverk_langtid "
            f"({korttid + langtid!r})",
        )
    if gradert > legemeldt and not _omtrent(gradert, legemeldt, legemeldt):
        raise _Feltfeil(
            "tapte_dagsverk_gradert", f"{gradert!r} er større enn tapte_dagsverk_legemeldt"
        )


def _sjekk_prosent(oppgitt: float, mulige: float, tapte: float) -> None:
    beregnet = tapte / mulige * 100
    # The file has the percentage rounded to one decimal; it must be that rounding.
    if abs(oppgitt - beregnet) > 0.05 + 1e-9:
        raise _Feltfeil(
            "prosent",
            f"{oppgitt!r} stemmer ikke med tapte_dagsverk / mulige_dagsverk × 100 ({beregnet:.3f})",
        )


def _rask(radnr: int, verdier: Sequence[object]) -> Rad | None:
    """A well-formed CSV row without the per-field bookkeeping of ``_valider_felter`` (three times
    faster on millions of rows). It accepts a subset of what that accepts, with the same result;
    None leaves the row to it, which then explains any error."""
    try:
        kategori, kode, a, k, p, m, t, e, lg, g, kt, lt, prosent, maskert = verdier
        assert isinstance(kategori, str) and isinstance(kode, str) and isinstance(prosent, str)
        assert isinstance(a, str) and isinstance(k, str) and isinstance(p, str)
        assert isinstance(m, str) and isinstance(t, str) and isinstance(e, str)
        assert isinstance(lg, str) and isinstance(g, str) and isinstance(kt, str)
        assert isinstance(lt, str)
        kode = kode.strip()
        if kategori not in _KATEGORIER or not kode or _kode_er_gyldig(kategori, kode) is not None:
            return None
        if not (a + k + p).isascii() or not (a.isdigit() and k.isdigit() and p.isdigit()):
            return None
        arstall, kvartal, personer = int(a), int(k), int(p)
        if not (MINSTE_ARSTALL <= arstall <= MAKS_ARSTALL and 1 <= kvartal <= 4):
            return None
        if "_" in m + t + e + lg + g + kt + lt + prosent:
            return None
        summer = [float(m), float(t), float(e), float(lg), float(g), float(kt), float(lt)]
        if not math.isfinite(sum(summer)) or min(summer) < 0:
            return None
        _sjekk_summer(summer)
        if maskert == "true":
            if prosent:
                return None
        elif maskert == "false" and personer >= MINSTE_UMASKERTE:
            if summer[0] == 0:
                if prosent:
                    return None
            else:
                oppgitt = float(prosent)
                if not math.isfinite(oppgitt):
                    return None
                _sjekk_prosent(oppgitt, summer[0], summer[1])
        else:
            return None
        return Rad(radnr, kategori, kode, arstall, kvartal, personer, *summer)
    except (ValueError, AssertionError, _Feltfeil):
        return None


def _ingen_rask(radnr: int, verdier: Sequence[object]) -> Rad | None:
    return None


def _rask_typet(radnr: int, verdier: Sequence[object]) -> Rad | None:
    """Like ``_rask``, for values that Arrow already converted (str, int, float, bool, None)."""
    try:
        kategori, kode, arstall, kvartal, personer, *summer, prosent, maskert = verdier
        if not (type(kategori) is str and type(kode) is str and type(maskert) is bool):
            return None
        if not (type(arstall) is int and type(kvartal) is int and type(personer) is int):
            return None
        kode = kode.strip()
        if kategori not in _KATEGORIER or not kode or _kode_er_gyldig(kategori, kode) is not None:
            return None
        if not (MINSTE_ARSTALL <= arstall <= MAKS_ARSTALL and 1 <= kvartal <= 4 and personer >= 0):
            return None
        tall = [x for x in summer if type(x) is float]
        if len(tall) != len(SUMMER) or not math.isfinite(sum(tall)) or min(tall) < 0:
            return None
        _sjekk_summer(tall)
        if maskert:
            if prosent is not None:
                return None
        elif personer >= MINSTE_UMASKERTE:
            if tall[0] == 0:
                if prosent is not None:
                    return None
            else:
                if type(prosent) is not float or not math.isfinite(prosent):
                    return None
                _sjekk_prosent(prosent, tall[0], tall[1])
        else:
            return None
        return Rad(radnr, kategori, kode, arstall, kvartal, personer, *tall)
    except _Feltfeil:
        return None


def _valider_felter(radnr: int, verdier: Sequence[object]) -> Rad:
    kategori = _tekst("kategori", verdier[0]).upper()
    if kategori not in _KATEGORIER:
        raise _Feltfeil(
            "kategori", f"«{kategori}» er ukjent; gyldige er {', '.join(k.value for k in Kategori)}"
        )
    kode = _tekst("kode", verdier[1])
    if (forventet := _kode_er_gyldig(kategori, kode)) is not None:
        raise _Feltfeil("kode", f"«{kode}» er ikke en kode for {kategori} ({forventet})")
    arstall = _heltall("arstall", verdier[2])
    if not MINSTE_ARSTALL <= arstall <= MAKS_ARSTALL:
        raise _Feltfeil("arstall", f"{arstall} er utenfor {MINSTE_ARSTALL}-{MAKS_ARSTALL}")
    kvartal = _heltall("kvartal", verdier[3])
    if not 1 <= kvartal <= 4:
        raise _Feltfeil("kvartal", f"{kvartal} er ikke 1-4")
    personer = _heltall("antall_personer", verdier[4])
    summer = [_tall(navn, verdi) for navn, verdi in zip(SUMMER, verdier[5:12], strict=True)]
    for navn, verdi in zip(SUMMER, summer, strict=True):
        if verdi < 0:
            raise _Feltfeil(navn, f"{verdi!r} er negativ")
    _sjekk_summer(summer)
    mulige, tapte = summer[0], summer[1]
    er_maskert = _sannhetsverdi("er_maskert", verdier[13])
    prosent = verdier[12]
    if er_maskert:
        if not _tom(prosent):
            raise _Feltfeil("prosent", "skal være tom når raden er maskert")
    else:
        if personer < MINSTE_UMASKERTE:
            raise _Feltfeil(
                "er_maskert",
                f"er false, men raden har bare {personer} personer (under {MINSTE_UMASKERTE} "
                "skal raden være maskert)",
            )
        if mulige == 0:
            if not _tom(prosent):
                raise _Feltfeil("prosent", "skal være tom når mulige_dagsverk er 0")
        else:
            if _tom(prosent):
                raise _Feltfeil("prosent", "mangler (raden er ikke maskert)")
            _sjekk_prosent(_tall("prosent", prosent), mulige, tapte)
    return Rad(radnr, kategori, kode, arstall, kvartal, personer, *summer)
