"""A strict reader for JSON-stat 2.0 datasets, the format SSB's PxWebApi v2 answers in.

JSON-stat keeps the cube's values in one flat ``value`` array in row-major order: the dimensions
come in the order of ``id``, each with ``size`` categories, and the last dimension varies fastest.
A category's place along its dimension is given by ``category.index`` (an object code → position,
or a list of codes), not by the order of keys in ``category.label``. ``value`` may also be an
object (a sparse cube) and may hold ``null`` where nothing is published; ``status`` carries the
reason as a symbol (SSB uses ``.`` not applicable, ``..`` not available, ``...`` not yet
available, ``:`` suppressed for confidentiality, ``-`` nil), either one string for every cell, a
list parallel to ``value``, or an object keyed by cell position.

The reader checks all of that and refuses a document that does not add up, so a change on SSB's
side surfaces as a clear ``KildeFeil`` instead of numbers put in the wrong cells.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from naervaer.kilder.feil import KildeFeil


@dataclass(frozen=True, slots=True)
class Dimensjon:
    id: str
    label: str
    koder: tuple[str, ...]
    """Category codes in index order."""
    etiketter: Mapping[str, str]
    eliminerbar: bool = False
    """PxWeb may leave the variable out of a query (``extension.elimination``)."""
    elimineringskode: str | None = None

    def etikett(self, kode: str) -> str:
        return self.etiketter.get(kode, kode)


@dataclass(frozen=True, slots=True)
class Celle:
    koder: Mapping[str, str]
    """Dimension id → category code of this cell."""
    verdi: Decimal | None
    status: str | None


@dataclass(frozen=True, slots=True)
class JsonStatDatasett:
    label: str
    oppdatert: str | None
    dimensjoner: tuple[Dimensjon, ...]
    roller: Mapping[str, tuple[str, ...]]
    celler: tuple[Celle, ...] = field(default=())
    merknader: tuple[str, ...] = ()

    def dimensjon(self, dimensjon_id: str) -> Dimensjon:
        for dimensjon in self.dimensjoner:
            if dimensjon.id == dimensjon_id:
                return dimensjon
        raise KeyError(dimensjon_id)

    @property
    def tidsdimensjon(self) -> str | None:
        return _forste(self.roller.get("time")) or self._har("Tid")

    @property
    def innholdsdimensjon(self) -> str | None:
        return _forste(self.roller.get("metric")) or self._har("ContentsCode")

    def _har(self, dimensjon_id: str) -> str | None:
        return dimensjon_id if any(d.id == dimensjon_id for d in self.dimensjoner) else None


def _forste(verdier: tuple[str, ...] | None) -> str | None:
    return verdier[0] if verdier else None


def _feil(grunn: str) -> KildeFeil:
    return KildeFeil(f"Svaret er ikke gyldig JSON-stat 2.0: {grunn}.")


def les_json_stat2(dokument: Any, *, krev_verdier: bool = True) -> JsonStatDatasett:
    """Read a JSON-stat 2.0 dataset (already decoded from JSON).

    With ``krev_verdier=False`` an empty ``value`` is accepted, which is how PxWebApi v2 sends a
    table's metadata.
    """
    if not isinstance(dokument, dict):
        raise _feil("toppnivået er ikke et objekt")
    klasse = dokument.get("class", "dataset")
    if klasse != "dataset":
        raise _feil(f"forventet class «dataset», fikk «{klasse}»")

    ider = dokument.get("id")
    storrelser = dokument.get("size")
    dimensjoner_raa = dokument.get("dimension")
    if not isinstance(ider, list) or not all(isinstance(i, str) for i in ider):
        raise _feil("«id» mangler eller er ikke en liste med tekster")
    if not isinstance(storrelser, list) or not all(_er_heltall(s) for s in storrelser):
        raise _feil("«size» mangler eller er ikke en liste med heltall")
    if len(ider) != len(storrelser):
        raise _feil(f"«id» har {len(ider)} dimensjoner, men «size» har {len(storrelser)}")
    if len(set(ider)) != len(ider):
        raise _feil("«id» nevner samme dimensjon flere ganger")
    if not isinstance(dimensjoner_raa, dict):
        raise _feil("«dimension» mangler")

    dimensjoner = tuple(
        _les_dimensjon(dim_id, int(storrelse), dimensjoner_raa.get(dim_id))
        for dim_id, storrelse in zip(ider, storrelser, strict=True)
    )
    antall = math.prod(len(d.koder) for d in dimensjoner)
    verdier = _les_verdier(dokument.get("value"), antall, krev_verdier=krev_verdier)
    statuser = _les_status(dokument.get("status"), antall)

    celler: tuple[Celle, ...] = ()
    if verdier is not None:
        celler = tuple(
            Celle(
                koder=_koder_for_posisjon(posisjon, dimensjoner),
                verdi=verdier[posisjon],
                status=statuser.get(posisjon),
            )
            for posisjon in range(antall)
        )

    return JsonStatDatasett(
        label=_tekst(dokument.get("label")),
        oppdatert=dokument.get("updated") if isinstance(dokument.get("updated"), str) else None,
        dimensjoner=dimensjoner,
        roller=_les_roller(dokument.get("role"), ider),
        celler=celler,
        merknader=_les_merknader(dokument.get("note")),
    )


def _er_heltall(verdi: object) -> bool:
    if isinstance(verdi, bool):
        return False
    if isinstance(verdi, int):
        return verdi >= 0
    return isinstance(verdi, Decimal) and verdi == verdi.to_integral_value() and verdi >= 0


def _tekst(verdi: object) -> str:
    return verdi if isinstance(verdi, str) else ""


def _les_dimensjon(dim_id: str, storrelse: int, raa: object) -> Dimensjon:
    if not isinstance(raa, dict):
        raise _feil(f"dimensjonen «{dim_id}» er nevnt i «id», men mangler under «dimension»")
    kategori = raa.get("category")
    if not isinstance(kategori, dict):
        raise _feil(f"dimensjonen «{dim_id}» mangler «category»")
    indeks = kategori.get("index")
    etiketter_raa = kategori.get("label")
    etiketter: dict[str, str] = {}
    if etiketter_raa is not None:
        if not isinstance(etiketter_raa, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in etiketter_raa.items()
        ):
            raise _feil(f"«category.label» i «{dim_id}» er ikke et objekt med tekster")
        etiketter = dict(etiketter_raa)

    koder: list[str]
    if indeks is None:
        # The spec lets a single-category dimension omit the index and name its code in label.
        if storrelse != 1 or len(etiketter) != 1:
            raise _feil(f"dimensjonen «{dim_id}» mangler «category.index»")
        koder = list(etiketter)
    elif isinstance(indeks, list):
        if not all(isinstance(k, str) for k in indeks):
            raise _feil(f"«category.index» i «{dim_id}» har koder som ikke er tekst")
        koder = list(indeks)
    elif isinstance(indeks, dict):
        koder = _koder_fra_indeksobjekt(dim_id, indeks)
    else:
        raise _feil(f"«category.index» i «{dim_id}» er verken liste eller objekt")

    if len(set(koder)) != len(koder):
        raise _feil(f"dimensjonen «{dim_id}» har samme kode flere ganger")
    if len(koder) != storrelse:
        raise _feil(
            f"dimensjonen «{dim_id}» har {len(koder)} kategorier, men «size» sier {storrelse}"
        )

    utvidelse = raa.get("extension")
    eliminerbar = False
    elimineringskode: str | None = None
    if isinstance(utvidelse, dict):
        eliminerbar = utvidelse.get("elimination") is True
        kode = utvidelse.get("eliminationValueCode")
        elimineringskode = kode if isinstance(kode, str) else None

    return Dimensjon(
        id=dim_id,
        label=_tekst(raa.get("label")) or dim_id,
        koder=tuple(koder),
        etiketter=etiketter,
        eliminerbar=eliminerbar,
        elimineringskode=elimineringskode,
    )


def _koder_fra_indeksobjekt(dim_id: str, indeks: dict[Any, Any]) -> list[str]:
    plassert: dict[int, str] = {}
    for kode, posisjon in indeks.items():
        if not _er_heltall(posisjon):
            raise _feil(f"«category.index» i «{dim_id}» har en posisjon som ikke er et heltall")
        plass = int(posisjon)
        if plass in plassert:
            raise _feil(f"«category.index» i «{dim_id}» bruker posisjon {plass} to ganger")
        plassert[plass] = str(kode)
    if sorted(plassert) != list(range(len(plassert))):
        raise _feil(f"posisjonene i «category.index» i «{dim_id}» er ikke 0, 1, 2, …")
    return [plassert[i] for i in range(len(plassert))]


def _les_verdier(raa: object, antall: int, *, krev_verdier: bool) -> list[Decimal | None] | None:
    if raa is None or (isinstance(raa, list) and not raa and antall > 0):
        if krev_verdier:
            raise _feil("«value» mangler eller er tom")
        return None
    if isinstance(raa, list):
        if len(raa) != antall:
            raise _feil(
                f"«value» har {len(raa)} verdier, men dimensjonene gir {antall} celler "
                "(produktet av «size»)"
            )
        return [_tall(v) for v in raa]
    if isinstance(raa, dict):
        verdier: list[Decimal | None] = [None] * antall
        for nokkel, verdi in raa.items():
            verdier[_posisjon(nokkel, antall, "value")] = _tall(verdi)
        return verdier
    raise _feil("«value» er verken liste eller objekt")


def _tall(verdi: object) -> Decimal | None:
    if verdi is None:
        return None
    if isinstance(verdi, bool) or not isinstance(verdi, int | float | Decimal):
        raise _feil(f"«value» inneholder {verdi!r}, som ikke er et tall eller null")
    try:
        # str() first so a float from a plain json.loads keeps its short decimal form.
        tall = Decimal(str(verdi)) if isinstance(verdi, float) else Decimal(verdi)
    except InvalidOperation as feil:
        raise _feil(f"«value» inneholder {verdi!r}, som ikke er et tall") from feil
    if not tall.is_finite():
        raise _feil(f"«value» inneholder {verdi!r}, som ikke er et endelig tall")
    return tall


def _posisjon(nokkel: object, antall: int, felt: str) -> int:
    try:
        posisjon = int(str(nokkel))
    except ValueError as feil:
        raise _feil(f"«{felt}» har nøkkelen {nokkel!r}, som ikke er en celleposisjon") from feil
    if not 0 <= posisjon < antall:
        raise _feil(f"«{felt}» viser til celle {posisjon}, men kuben har bare {antall} celler")
    return posisjon


def _les_status(raa: object, antall: int) -> dict[int, str]:
    if raa is None:
        return {}
    if isinstance(raa, str):
        return dict.fromkeys(range(antall), raa)
    if isinstance(raa, list):
        if len(raa) == 1 and isinstance(raa[0], str):
            return dict.fromkeys(range(antall), raa[0])
        if len(raa) != antall:
            raise _feil(f"«status» har {len(raa)} elementer, men kuben har {antall} celler")
        return {i: s for i, s in enumerate(raa) if isinstance(s, str) and s}
    if isinstance(raa, dict):
        return {
            _posisjon(nokkel, antall, "status"): symbol
            for nokkel, symbol in raa.items()
            if isinstance(symbol, str) and symbol
        }
    raise _feil("«status» er verken tekst, liste eller objekt")


def _koder_for_posisjon(posisjon: int, dimensjoner: Sequence[Dimensjon]) -> dict[str, str]:
    koder: dict[str, str] = {}
    rest = posisjon
    for dimensjon in reversed(dimensjoner):
        rest, plass = divmod(rest, len(dimensjon.koder))
        koder[dimensjon.id] = dimensjon.koder[plass]
    return {d.id: koder[d.id] for d in dimensjoner}


def _les_roller(raa: object, ider: Sequence[str]) -> dict[str, tuple[str, ...]]:
    if not isinstance(raa, dict):
        return {}
    roller: dict[str, tuple[str, ...]] = {}
    for rolle, verdier in raa.items():
        if isinstance(rolle, str) and isinstance(verdier, list):
            roller[rolle] = tuple(v for v in verdier if isinstance(v, str) and v in ider)
    return roller


def _les_merknader(raa: object) -> tuple[str, ...]:
    if isinstance(raa, str):
        return (raa,)
    if isinstance(raa, list):
        return tuple(m for m in raa if isinstance(m, str))
    return ()
