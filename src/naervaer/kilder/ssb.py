"""Published national sick-leave statistics from Statistics Norway (SSB).

Two ways in, one result type (``PublisertTall``):

- ``SsbKlient`` asks SSB's PxWebApi v2 (``https://data.ssb.no/api/pxwebapi/v2``) for JSON-stat 2.0:
  ``GET /tables/{id}/metadata?lang=no&outputFormat=json-stat2`` to learn the table's variables,
  then ``GET /tables/{id}/data?lang=no&outputFormat=json-stat2&valueCodes[Var]=…`` for the figures
  (``*`` for all codes, ``from(2015K1)``/``to(…)``/``range(…,…)`` for the quarters).
- ``les_referanse()`` reads the copies of published SSB figures shipped in ``referanse/`` and works
  without a network.

SSB tables used (``TABELLER``), all «sykefraværsprosent», percent of avtalte dagsverk, quarterly:

=======  =========  ===========================================================================
table    kategori   what we rely on
=======  =========  ===========================================================================
12439    LAND       kjønn (``Kjonn``, total ``0``) × type sykefravær (``Sykefraver2``: ``Alt`` =
                    egenmeldt og legemeldt, ``E`` egenmeldt, ``L`` legemeldt), ``ContentsCode``
                    ``SykefravProsent``
12440    NAERING    kjønn × næring (``NACE2007``, SSB's SN2007 groups, total ``00-99``),
                    ``SykefravProsent``; type sykefravær too if the table has it
12442    SEKTOR     kjønn × næring × sektor (``Sektor``: statlig forvaltning, kommunal forvaltning,
                    privat sektor og offentlige foretak)
12444    FYLKE      arbeidsstedsfylke (region) × kjønn
=======  =========  ===========================================================================

What is verified and what is assumed (checked against public code that queries these tables;
SSB's own pages could not be opened while this was written):
12439 (quarterly, ``Kjonn``/``Sykefraver2``/``SykefravProsent``) and 12440 (quarterly,
``Kjonn``/``NACE2007``/``SykefravProsent``) are verified, though not whether 12440 also has
``Sykefraver2`` (without it, næring figures are egenmeldt og legemeldt together). 12441 has næring
× type, but by year, so it is not used. 12442 carrying ``Sektor`` is seen in one public query
only, and 12444 as the fylke table is an assumption. That is why the client never trusts a table
id blindly: it reads the table's metadata first, picks its selections from the variables the
table really has (breakdown ``*``, the total for everything else, all quarters in the requested
span) and fails with a clear ``KildeFeil`` when a table lacks the breakdown we expect or has
periods other than quarters.
``naervaer kilder ssb --sjekk`` (``SsbKlient.sjekk_tabeller``) shows SSB's own title for each id.

Codes, mapped to Nærvær's units (statistikk.md §5):

- LAND: kode ``NO``.
- NAERING: SSB publishes sick leave by SN2007 *groups* of two-digit næringer (``01-03``, ``10-33``,
  ``86-88``, …) and a few single næringer (``84``, ``85``). The kode is SSB's code as it is, so a
  group is never passed off as a two-digit næring; ``naeringer_i_ssb_kode("86-88")`` gives the
  næringer a group covers and ``ssb_naeringsgruppe("87")`` the group to compare a virksomhet in
  næring 87 with. ``00`` is SSB's «uoppgitt næring» and is kept as published.
- SEKTOR: from SSB's sektor code when it is an institusjonell sektorkode, otherwise from its
  label (statlig → STATLIG, kommunal/fylkeskommunal → KOMMUNAL, privat → PRIVAT).
- FYLKE: SSB's two-digit region code as it is. Codes follow the county division valid for the
  quarter (``01`` Østfold before 2020, ``30`` Viken 2020-2023, ``31`` Østfold from 2024), so
  figures across a reform are not silently joined; ``FYLKER`` in ``statistikk.enheter`` lists
  today's.

The reference copies (``referanse/*.csv``) name næringer and fylker instead of coding them:
næring names map to the SSB group codes above, fylke names to the county numbers before the 2020
reform (``FYLKER_FOR_2020``, the borders those figures use). A name that has no code («Annen/
uoppgitt næring», «Uoppgitt, Svalbard, Jan Mayen og Kontinentalsokkelen») is kept as the kode.
A figure for one næring within one sektor carries the næring as kategori/kode and the sektor in
``sektor``. Rows by sex or age and the duration shares (``ssb_varighet_2002K3.csv``) have no place
in ``PublisertTall`` and are shipped for calibration only; the national line of the sex/age file
(both sexes, 16-69 år) is read as LAND.

SSB allows 30 queries a minute per IP address; the client paces itself (two seconds between
requests by default), asks one thing at a time and waits as told when SSB still answers 429.
"""

from __future__ import annotations

import csv
import logging
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import httpx

from naervaer.kilder._http import (
    STANDARD_TIMEOUT,
    HttpKlient,
    Takt,
    feil_for_status,
    feilmelding_fra_svar,
    les_json,
    send,
    ventetid_fra_retry_after,
)
from naervaer.kilder.feil import KildeFeil
from naervaer.kilder.jsonstat import Dimensjon, JsonStatDatasett, les_json_stat2
from naervaer.statistikk.enheter import LAND_KODE, Kategori, Sektor, sektor_fra_sektorkode
from naervaer.statistikk.kvartal import Kvartal

logger = logging.getLogger(__name__)

SSB_V2_ROT = "https://data.ssb.no/api/pxwebapi/v2"
KILDENAVN = "SSB (Statistisk sentralbyrå)"
SSB_MIN_INTERVALL = 2.0
"""Seconds between requests: SSB's limit is 30 queries per 60 seconds per IP address."""


class Maal(StrEnum):
    TOTAL = "total"
    EGENMELDT = "egenmeldt"
    LEGEMELDT = "legemeldt"


@dataclass(frozen=True, slots=True)
class PublisertTall:
    """One published figure for one unit, one quarter and one kind of absence."""

    kategori: Kategori
    kode: str
    kvartal: Kvartal
    maal: Maal
    prosent: Decimal | None
    """Tapte dagsverk in percent of avtalte (mulige) dagsverk; None when not published."""
    tapte_dagsverk: Decimal | None
    mulige_dagsverk: Decimal | None
    kilde: str
    navn: str | None = None
    sektor: Sektor | None = None
    """Set when the figure is for one næring within one sektor."""
    sesongjustert: bool = False
    status: str | None = None
    """SSB's symbol for why a value is missing: ``..``, ``:``, ``.`` or ``...``."""


# --- SSB's næring groups -------------------------------------------------------------------------

SSB_NAERINGSGRUPPER: dict[str, str] = {
    "01-03": "Jordbruk, skogbruk og fiske",
    "05-09": "Bergverksdrift og utvinning",
    "10-33": "Industri",
    "35-39": "Elektrisitet, vann og renovasjon",
    "41-43": "Bygge- og anleggsvirksomhet",
    "45-47": "Varehandel, reparasjon av motorvogner",
    "49-53": "Transport og lagring",
    "55-56": "Overnattings- og serveringsvirksomhet",
    "58-63": "Informasjon og kommunikasjon",
    "64-66": "Finansiering og forsikring",
    "68-75": "Teknisk tjenesteyting, eiendomsdrift",
    "77-82": "Forretningsmessig tjenesteyting",
    "84": "Off.adm., forsvar, sosialforsikring",
    "85": "Undervisning",
    "86-88": "Helse- og sosialtjenester",
    "90-99": "Personlig tjenesteyting",
}
"""The SN2007 groups SSB publishes sick leave for (plus ``00-99`` all and ``00`` uoppgitt)."""

SSB_ALLE_NAERINGER = "00-99"
SSB_UOPPGITT_NAERING = "00"

_SN2007_NAERINGER: tuple[str, ...] = tuple(
    f"{n:02d}"
    for n in (
        *range(1, 4), *range(5, 34), *range(35, 40), *range(41, 44), *range(45, 48),
        *range(49, 54), 55, 56, *range(58, 67), *range(68, 76), *range(77, 83), 84, 85,
        *range(86, 89), *range(90, 100),
    )
)  # fmt: skip

_SN2007_HOVEDOMRADER: dict[str, str] = {
    "A": "01-03", "B": "05-09", "C": "10-33", "D": "35", "E": "36-39", "F": "41-43",
    "G": "45-47", "H": "49-53", "I": "55-56", "J": "58-63", "K": "64-66", "L": "68",
    "M": "69-75", "N": "77-82", "O": "84", "P": "85", "Q": "86-88", "R": "90-93",
    "S": "94-96", "T": "97-98", "U": "99",
}  # fmt: skip


def naeringer_i_ssb_kode(kode: str) -> tuple[str, ...]:
    """The two-digit SN2007 næringer an SSB næring code covers.

    Handles ranges (``86-88``), lists (``05, 07-09``), single næringer (``84``) and section
    letters (``Q``). ``00`` (uoppgitt) and unknown codes cover nothing.
    """
    kode = kode.strip().upper()
    if kode in _SN2007_HOVEDOMRADER:
        return naeringer_i_ssb_kode(_SN2007_HOVEDOMRADER[kode])
    naeringer: list[str] = []
    for del_ in kode.split(","):
        del_ = del_.strip()
        treff = re.fullmatch(r"(\d{2})(?:-(\d{2}))?", del_)
        if not treff:
            return ()
        fra = int(treff.group(1))
        til = int(treff.group(2) or treff.group(1))
        naeringer.extend(n for n in _SN2007_NAERINGER if fra <= int(n) <= til)
    return tuple(dict.fromkeys(naeringer))


def ssb_naeringsgruppe(naeringskode: str) -> str | None:
    """SSB's group for a næring or næringskode (``87``, ``87.101``, ``87101``), or None."""
    naering = naeringskode.replace(".", "").strip()[:2]
    for gruppe in SSB_NAERINGSGRUPPER:
        if naering in naeringer_i_ssb_kode(gruppe):
            return gruppe
    return None


FYLKER_FOR_2020: dict[str, str] = {
    "Østfold": "01",
    "Akershus": "02",
    "Oslo": "03",
    "Hedmark": "04",
    "Oppland": "05",
    "Buskerud": "06",
    "Vestfold": "07",
    "Telemark": "08",
    "Aust-Agder": "09",
    "Vest-Agder": "10",
    "Rogaland": "11",
    "Hordaland": "12",
    "Sogn og Fjordane": "14",
    "Møre og Romsdal": "15",
    "Sør-Trøndelag": "16",
    "Nord-Trøndelag": "17",
    "Nordland": "18",
    "Troms": "19",
    "Finnmark": "20",
}
"""County numbers before the 2020 reform, the borders of the older published fylke figures."""


# --- Tables -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tabell:
    id: str
    kategori: Kategori
    beskrivelse: str
    maal_uten_type: Maal | None = None
    """Which absence the table measures when it has no type variable; None reads it from SSB's
    title (a title saying only «legemeldt» means legemeldt, otherwise egenmeldt og legemeldt)."""


TABELLER: tuple[Tabell, ...] = (
    Tabell("12439", Kategori.LAND, "Sykefravær for lønnstakere, etter kjønn og type sykefravær"),
    Tabell("12440", Kategori.NAERING, "Sykefravær for lønnstakere, etter kjønn og næring (SN2007)"),
    Tabell("12442", Kategori.SEKTOR, "Sykefravær for lønnstakere, etter næring, sektor og kjønn"),
    Tabell("12444", Kategori.FYLKE, "Sykefravær for lønnstakere, etter arbeidsstedsfylke"),
)
TABELL_ETTER_KATEGORI = {t.kategori: t for t in TABELLER}


@dataclass(frozen=True, slots=True)
class Tabellinfo:
    id: str
    tittel: str
    oppdatert: str | None
    forste_periode: str | None
    siste_periode: str | None
    tidsenhet: str | None
    variabler: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tabellsjekk:
    tabell: Tabell
    tittel: str | None
    variabler: tuple[str, ...]
    feil: str | None

    @property
    def ok(self) -> bool:
        return self.feil is None


class _Rolle(Enum):
    TID = "tid"
    INNHOLD = "innhold"
    NAERING = "naering"
    SEKTOR = "sektor"
    FYLKE = "fylke"
    TYPE = "type"
    KJONN = "kjonn"
    ANNET = "annet"


_Nokkel = tuple[Kategori, str, Kvartal, Maal, bool]

_OPPDELING: dict[Kategori, _Rolle] = {
    Kategori.NAERING: _Rolle.NAERING,
    Kategori.SEKTOR: _Rolle.SEKTOR,
    Kategori.FYLKE: _Rolle.FYLKE,
}

_ROLLENAVN: dict[_Rolle, str] = {
    _Rolle.NAERING: "næring",
    _Rolle.SEKTOR: "sektor",
    _Rolle.FYLKE: "fylke (region)",
}


# --- Client -------------------------------------------------------------------------------------


class SsbKlient(HttpKlient):
    """A polite, sequential client for SSB's PxWebApi v2."""

    def __init__(
        self,
        base_url: str = SSB_V2_ROT,
        *,
        timeout: float = STANDARD_TIMEOUT,
        min_intervall: float = SSB_MIN_INTERVALL,
        maks_forsok: int = 3,
        maks_ventetid: float = 60.0,
        lang: str = "no",
        http: httpx.Client | None = None,
        klokke: Callable[[], float] = time.monotonic,
        sov: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(base_url, timeout, http)
        self.lang = lang
        self.maks_forsok = max(1, maks_forsok)
        self.maks_ventetid = maks_ventetid
        self._takt = Takt(min_intervall, klokke=klokke, sov=sov)
        self._sov = sov
        self._metadata: dict[str, JsonStatDatasett] = {}

    # Raw endpoints.

    def _hent(self, sti: str, params: Mapping[str, str], *, tabell_id: str) -> Any:
        url = f"{self.base_url}{sti}"
        for forsok in range(1, self.maks_forsok + 1):
            self._takt.vent()
            svar = send(self._http, url, kilde=KILDENAVN, params=params)
            if svar.status_code == 429 and forsok < self.maks_forsok:
                ventetid = ventetid_fra_retry_after(svar, standard=10.0, maks=self.maks_ventetid)
                logger.warning("SSB svarte 429; venter %.0f sekunder før nytt forsøk", ventetid)
                self._sov(ventetid)
                continue
            if svar.status_code == 404:
                detalj = feilmelding_fra_svar(svar)
                raise KildeFeil(
                    f"SSB har ingen tabell {tabell_id} (404). Tabellen kan være avsluttet eller ha "
                    "fått nytt nummer; sjekk TABELLER i naervaer.kilder.ssb."
                    + (f" Melding fra SSB: {detalj}." if detalj else ""),
                    status=404,
                    url=str(svar.request.url),
                )
            if svar.status_code == 503:
                raise KildeFeil(
                    "SSBs statistikkbank-API er utilgjengelig akkurat nå (503); det har faste "
                    "vedlikeholdsvinduer. Prøv igjen senere, eller bruk --referanse.",
                    status=503,
                    url=str(svar.request.url),
                )
            if svar.status_code != 200:
                raise feil_for_status(svar, kilde=f"{KILDENAVN}, tabell {tabell_id},")
            return les_json(svar, kilde=KILDENAVN)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def tabellinfo(self, tabell_id: str) -> Tabellinfo:
        dokument = self._hent(f"/tables/{tabell_id}", {"lang": self.lang}, tabell_id=tabell_id)
        if not isinstance(dokument, dict) or not isinstance(dokument.get("label"), str):
            raise KildeFeil(f"SSB sendte tabellinformasjon for {tabell_id} i en ukjent form.")

        def tekst(felt: str) -> str | None:
            verdi = dokument.get(felt)
            return verdi if isinstance(verdi, str) else None

        variabler = dokument.get("variableNames")
        return Tabellinfo(
            id=tekst("id") or tabell_id,
            tittel=dokument["label"],
            oppdatert=tekst("updated"),
            forste_periode=tekst("firstPeriod"),
            siste_periode=tekst("lastPeriod"),
            tidsenhet=tekst("timeUnit"),
            variabler=tuple(v for v in variabler if isinstance(v, str))
            if isinstance(variabler, list)
            else (),
        )

    def metadata(self, tabell_id: str) -> JsonStatDatasett:
        if tabell_id not in self._metadata:
            dokument = self._hent(
                f"/tables/{tabell_id}/metadata",
                {"lang": self.lang, "outputFormat": "json-stat2"},
                tabell_id=tabell_id,
            )
            self._metadata[tabell_id] = _med_tabell(
                tabell_id, lambda: les_json_stat2(dokument, krev_verdier=False)
            )
        return self._metadata[tabell_id]

    def data(
        self,
        tabell_id: str,
        utvalg: Mapping[str, str],
        kodelister: Mapping[str, str] | None = None,
    ) -> JsonStatDatasett:
        params = {"lang": self.lang, "outputFormat": "json-stat2"}
        params.update({f"valueCodes[{variabel}]": koder for variabel, koder in utvalg.items()})
        params.update(
            {f"codelist[{variabel}]": liste for variabel, liste in (kodelister or {}).items()}
        )
        dokument = self._hent(f"/tables/{tabell_id}/data", params, tabell_id=tabell_id)
        return _med_tabell(tabell_id, lambda: les_json_stat2(dokument))

    # Sick-leave figures.

    def hent_tabell(
        self, tabell: Tabell, *, fra: Kvartal | None = None, til: Kvartal | None = None
    ) -> list[PublisertTall]:
        metadata = self.metadata(tabell.id)
        utvalg = bygg_utvalg(tabell, metadata, fra=fra, til=til)
        data = self.data(tabell.id, utvalg)
        return til_publiserte_tall(tabell, data, tittel=metadata.label or data.label)

    def hent_land(
        self, *, fra: Kvartal | None = None, til: Kvartal | None = None
    ) -> list[PublisertTall]:
        return self.hent_tabell(TABELL_ETTER_KATEGORI[Kategori.LAND], fra=fra, til=til)

    def hent_naering(
        self, *, fra: Kvartal | None = None, til: Kvartal | None = None
    ) -> list[PublisertTall]:
        return self.hent_tabell(TABELL_ETTER_KATEGORI[Kategori.NAERING], fra=fra, til=til)

    def hent_sektor(
        self, *, fra: Kvartal | None = None, til: Kvartal | None = None
    ) -> list[PublisertTall]:
        return self.hent_tabell(TABELL_ETTER_KATEGORI[Kategori.SEKTOR], fra=fra, til=til)

    def hent_fylke(
        self, *, fra: Kvartal | None = None, til: Kvartal | None = None
    ) -> list[PublisertTall]:
        return self.hent_tabell(TABELL_ETTER_KATEGORI[Kategori.FYLKE], fra=fra, til=til)

    def hent_alle(
        self,
        *,
        fra: Kvartal | None = None,
        til: Kvartal | None = None,
        tabeller: Sequence[Tabell] = TABELLER,
        ved_tabell: Callable[[Tabell], None] | None = None,
    ) -> list[PublisertTall]:
        """All tables, one after the other; ``ved_tabell`` is told when each one is done."""
        tall: list[PublisertTall] = []
        for tabell in tabeller:
            tall.extend(self.hent_tabell(tabell, fra=fra, til=til))
            if ved_tabell is not None:
                ved_tabell(tabell)
        return tall

    def sjekk_tabeller(self, tabeller: Sequence[Tabell] = TABELLER) -> list[Tabellsjekk]:
        """Whether each table id still points at a table of the shape we need."""
        resultat: list[Tabellsjekk] = []
        for tabell in tabeller:
            try:
                metadata = self.metadata(tabell.id)
                variabler = _variabelnavn(metadata)
                bygg_utvalg(tabell, metadata)
            except KildeFeil as feil:
                kjent = self._metadata.get(tabell.id)
                resultat.append(
                    Tabellsjekk(
                        tabell,
                        kjent.label if kjent else None,
                        _variabelnavn(kjent) if kjent else (),
                        str(feil),
                    )
                )
            else:
                resultat.append(Tabellsjekk(tabell, metadata.label, variabler, None))
        return resultat


def _variabelnavn(datasett: JsonStatDatasett) -> tuple[str, ...]:
    return tuple(f"{d.id} ({d.label})" for d in datasett.dimensjoner)


def _med_tabell(tabell_id: str, les: Callable[[], JsonStatDatasett]) -> JsonStatDatasett:
    try:
        return les()
    except KildeFeil as feil:
        raise KildeFeil(
            f"SSB-tabell {tabell_id}: {feil}", status=feil.status, url=feil.url
        ) from feil


def hent_publiserte_tall(
    base_url: str = SSB_V2_ROT,
    *,
    fra: Kvartal | None = None,
    til: Kvartal | None = None,
    timeout: float = STANDARD_TIMEOUT,
) -> list[PublisertTall]:
    """National figures by land, næring, sektor and fylke, straight from SSB."""
    with SsbKlient(base_url, timeout=timeout) as klient:
        return klient.hent_alle(fra=fra, til=til)


# --- From metadata to a query, and from data to PublisertTall ------------------------------------


def _rolle(dimensjon: Dimensjon, datasett: JsonStatDatasett) -> _Rolle:
    if dimensjon.id == datasett.tidsdimensjon:
        return _Rolle.TID
    if dimensjon.id == datasett.innholdsdimensjon:
        return _Rolle.INNHOLD
    if dimensjon.id in datasett.roller.get("geo", ()):
        return _Rolle.FYLKE
    ident = dimensjon.id.lower()
    etikett = dimensjon.label.lower()
    if ident.startswith("nace") or "næring" in etikett:
        return _Rolle.NAERING
    if ident.startswith("sektor") or "sektor" in etikett:
        return _Rolle.SEKTOR
    if ident.startswith("sykefrav") or "type sykefravær" in etikett:
        return _Rolle.TYPE
    if ident == "kjonn" or "kjønn" in etikett:
        return _Rolle.KJONN
    if ident in {"region", "arbstedfylke", "fylke"} or "fylke" in etikett:
        return _Rolle.FYLKE
    return _Rolle.ANNET


_TOTALKODER: dict[_Rolle, frozenset[str]] = {
    _Rolle.KJONN: frozenset({"0"}),
    _Rolle.NAERING: frozenset({SSB_ALLE_NAERINGER}),
    _Rolle.SEKTOR: frozenset({"ALLE", "0", "00"}),
    _Rolle.FYLKE: frozenset({"0", "00", "0000"}),
    _Rolle.TYPE: frozenset({"Alt"}),
}
_TOTALETIKETTER = (
    "i alt",
    "alle ",
    "begge kjønn",
    "hele landet",
    "totalt",
    "egenmeldt og legemeldt",
)


def _er_total(rolle: _Rolle, kode: str, etikett: str) -> bool:
    if kode in _TOTALKODER.get(rolle, frozenset()):
        return True
    tekst = f"{etikett.lower()} "
    return any(tekst.startswith(t) for t in _TOTALETIKETTER)


def _totalkode(dimensjon: Dimensjon, rolle: _Rolle) -> str | None:
    for kode in dimensjon.koder:
        if kode in _TOTALKODER.get(rolle, frozenset()):
            return kode
    if dimensjon.elimineringskode in dimensjon.koder:
        return dimensjon.elimineringskode
    for kode in dimensjon.koder:
        if _er_total(rolle, kode, dimensjon.etikett(kode)):
            return kode
    return None


def _innholdsfelt(kode: str, etikett: str) -> tuple[str, bool] | None:
    """Which PublisertTall field a content code fills, and whether it is seasonally adjusted."""
    tekst = etikett.lower()
    if "endring" in tekst:
        return None
    sesongjustert = (
        ("sesong" in tekst or "justert" in tekst)
        and "ikke" not in tekst
        and "ujustert" not in tekst
    )
    # Only the rate of lost days: «arbeidstakere med sykefravær (prosent)» is another measure.
    if kode == "SykefravProsent" or "sykefraværsprosent" in tekst:
        return "prosent", sesongjustert
    if "avtalte dagsverk" in tekst:
        return "mulige_dagsverk", sesongjustert
    if "sykefraværsdagsverk" in tekst or "tapte dagsverk" in tekst:
        return "tapte_dagsverk", sesongjustert
    return None


def _tidsuttrykk(fra: Kvartal | None, til: Kvartal | None) -> str:
    if fra and til:
        if til < fra:
            raise KildeFeil(f"Perioden er baklengs: {fra} kommer etter {til}.")
        return f"range({fra},{til})"
    if fra:
        return f"from({fra})"
    if til:
        return f"to({til})"
    return "*"


def bygg_utvalg(
    tabell: Tabell,
    metadata: JsonStatDatasett,
    *,
    fra: Kvartal | None = None,
    til: Kvartal | None = None,
) -> dict[str, str]:
    """``valueCodes`` for every variable the table has: the breakdown and the types in full,
    the total of everything else, the sick-leave contents, and the quarters asked for."""
    oppdeling = _OPPDELING.get(tabell.kategori)
    roller = {d.id: _rolle(d, metadata) for d in metadata.dimensjoner}
    if metadata.tidsdimensjon is None:
        raise KildeFeil(f"SSB-tabell {tabell.id} har ingen tidsvariabel.")
    if oppdeling is not None and oppdeling not in roller.values():
        raise KildeFeil(
            f"SSB-tabell {tabell.id} («{metadata.label}») har ingen variabel for "
            f"{_ROLLENAVN[oppdeling]}, så den kan ikke gi tall etter {tabell.kategori.value}. "
            "Tabell-id-en i TABELLER (naervaer.kilder.ssb) må rettes."
        )

    utvalg: dict[str, str] = {}
    for dimensjon in metadata.dimensjoner:
        rolle = roller[dimensjon.id]
        if rolle is _Rolle.TID:
            utvalg[dimensjon.id] = _tidsuttrykk(fra, til)
        elif rolle is _Rolle.INNHOLD:
            koder = [
                k for k in dimensjon.koder if _innholdsfelt(k, dimensjon.etikett(k)) is not None
            ]
            if not koder:
                raise KildeFeil(
                    f"SSB-tabell {tabell.id} («{metadata.label}») har ingen sykefraværsprosent "
                    f"blant innholdet ({', '.join(dimensjon.koder)})."
                )
            utvalg[dimensjon.id] = ",".join(koder)
        elif rolle is _Rolle.TYPE or rolle is oppdeling:
            utvalg[dimensjon.id] = "*"
        else:
            total = _totalkode(dimensjon, rolle)
            if total is not None:
                utvalg[dimensjon.id] = total
            elif not dimensjon.eliminerbar:
                raise KildeFeil(
                    f"SSB-tabell {tabell.id} har variabelen «{dimensjon.label}» ({dimensjon.id}) "
                    "uten en totalverdi Nærvær kjenner igjen. Sjekk at tabellen fortsatt er den "
                    "TABELLER i naervaer.kilder.ssb forventer."
                )
    return utvalg


def _kvartal(kode: str, tabell_id: str) -> Kvartal:
    try:
        return Kvartal.fra_tekst(kode)
    except ValueError as feil:
        raise KildeFeil(
            f"SSB-tabell {tabell_id} har ikke kvartalstall (tidskoden er «{kode}»); "
            "Nærvær bruker bare kvartaler."
        ) from feil


_MAAL_FRA_TYPEKODE = {"Alt": Maal.TOTAL, "E": Maal.EGENMELDT, "L": Maal.LEGEMELDT}


def _maal_fra_type(kode: str, etikett: str) -> Maal | None:
    if kode in _MAAL_FRA_TYPEKODE:
        return _MAAL_FRA_TYPEKODE[kode]
    tekst = etikett.lower()
    if "gradert" in tekst:
        return None
    if ("egenmeldt" in tekst and "legemeldt" in tekst) or _er_total(_Rolle.TYPE, kode, etikett):
        return Maal.TOTAL
    if "egenmeldt" in tekst:
        return Maal.EGENMELDT
    if "legemeldt" in tekst:
        return Maal.LEGEMELDT
    return None


def _maal_fra_tittel(tittel: str) -> Maal:
    tekst = tittel.lower()
    if "legemeldt" in tekst and "egenmeldt" not in tekst:
        return Maal.LEGEMELDT
    if "egenmeldt" in tekst and "legemeldt" not in tekst:
        return Maal.EGENMELDT
    return Maal.TOTAL


def _sektor(kode: str, etikett: str) -> Sektor | None:
    fra_kode = sektor_fra_sektorkode(kode)
    if fra_kode is not Sektor.UKJENT:
        return fra_kode
    tekst = etikett.lower()
    if "privat" in tekst:
        return Sektor.PRIVAT
    if "stat" in tekst:
        return Sektor.STATLIG
    if "kommun" in tekst:
        return Sektor.KOMMUNAL
    return None


def _enhet(
    rolle: _Rolle | None, kode: str, etikett: str
) -> tuple[Kategori, str, str | None] | None:
    """(kategori, kode, navn) for a category of the breakdown variable; None skips it."""
    if rolle is None:
        return Kategori.LAND, LAND_KODE, "Hele landet"
    if _er_total(rolle, kode, etikett):
        return None
    if rolle is _Rolle.NAERING:
        return Kategori.NAERING, kode, etikett
    if rolle is _Rolle.SEKTOR:
        sektor = _sektor(kode, etikett)
        if sektor is None:
            logger.warning("Hopper over SSB-sektoren %s («%s»): ukjent for Nærvær", kode, etikett)
            return None
        return Kategori.SEKTOR, sektor.value, etikett
    if rolle is _Rolle.FYLKE:
        if not re.fullmatch(r"\d{2}", kode):
            logger.warning(
                "Hopper over SSB-regionen %s («%s»): ikke et fylkesnummer", kode, etikett
            )
            return None
        return Kategori.FYLKE, kode, etikett
    raise AssertionError(f"no unit for role {rolle}")  # pragma: no cover


def til_publiserte_tall(
    tabell: Tabell, data: JsonStatDatasett, *, tittel: str = ""
) -> list[PublisertTall]:
    """Fold a JSON-stat answer into one PublisertTall per unit, quarter and kind of absence."""
    tid = data.tidsdimensjon
    if tid is None:
        raise KildeFeil(f"SSB-tabell {tabell.id} har ingen tidsvariabel.")
    roller = {d.id: _rolle(d, data) for d in data.dimensjoner}
    dimensjoner = {d.id: d for d in data.dimensjoner}
    oppdeling = _OPPDELING.get(tabell.kategori)
    oppdelingsvariabel = next((i for i, r in roller.items() if r is oppdeling), None)
    if oppdeling is not None and oppdelingsvariabel is None:
        raise KildeFeil(f"SSB-tabell {tabell.id} svarte uten variabel for {_ROLLENAVN[oppdeling]}.")
    standardmaal = tabell.maal_uten_type or _maal_fra_tittel(tittel or data.label)
    kilde = f"SSB tabell {tabell.id}"

    # A table with a single measure may leave the contents variable out; that measure is the rate.
    eneste_innhold = ("prosent", False) if data.innholdsdimensjon is None else None
    felter: dict[_Nokkel, dict[str, tuple[Decimal | None, str | None]]] = {}
    navn: dict[_Nokkel, str | None] = {}
    for celle in data.celler:
        maal = standardmaal
        innhold = eneste_innhold
        ta_med = True
        for variabel, kode in celle.koder.items():
            rolle = roller[variabel]
            etikett = dimensjoner[variabel].etikett(kode)
            if rolle is _Rolle.INNHOLD:
                innhold = _innholdsfelt(kode, etikett)
            elif rolle is _Rolle.TYPE:
                maal_for_type = _maal_fra_type(kode, etikett)
                if maal_for_type is None:
                    ta_med = False
                else:
                    maal = maal_for_type
            elif (
                rolle not in (_Rolle.TID, oppdeling)
                and len(dimensjoner[variabel].koder) > 1
                and not _er_total(rolle, kode, etikett)
            ):
                ta_med = False
        if not ta_med or innhold is None:
            continue
        if oppdelingsvariabel is None:
            enhet = _enhet(None, "", "")
        else:
            kode = celle.koder[oppdelingsvariabel]
            enhet = _enhet(oppdeling, kode, dimensjoner[oppdelingsvariabel].etikett(kode))
        if enhet is None:
            continue
        kategori, enhetskode, enhetsnavn = enhet
        felt, sesongjustert = innhold
        nokkel = (kategori, enhetskode, _kvartal(celle.koder[tid], tabell.id), maal, sesongjustert)
        rad = felter.setdefault(nokkel, {})
        if felt in rad:
            raise KildeFeil(
                f"SSB-tabell {tabell.id} gir to verdier for {kategori.value} {enhetskode} "
                f"{nokkel[2]} ({maal.value}); Nærvær kan ikke velge mellom dem."
            )
        rad[felt] = (celle.verdi, celle.status)
        navn[nokkel] = enhetsnavn

    tall = []
    for nokkel, rad in felter.items():
        kategori, enhetskode, kvartal, maal, sesongjustert = nokkel
        # The rate's status says most about the row; a dagsverk status is the fallback.
        kandidater = ([rad["prosent"]] if "prosent" in rad else []) + list(rad.values())
        status = next((s for _, s in kandidater if s), None)
        tall.append(
            PublisertTall(
                kategori=kategori,
                kode=enhetskode,
                kvartal=kvartal,
                maal=maal,
                prosent=rad.get("prosent", (None, None))[0],
                tapte_dagsverk=rad.get("tapte_dagsverk", (None, None))[0],
                mulige_dagsverk=rad.get("mulige_dagsverk", (None, None))[0],
                kilde=kilde,
                navn=navn[nokkel],
                sesongjustert=sesongjustert,
                status=status,
            )
        )
    return sorted(tall, key=_sorteringsnokkel)


def _sorteringsnokkel(tall: PublisertTall) -> tuple[Any, ...]:
    return (
        tall.kategori.value,
        tall.kode,
        tall.sektor.value if tall.sektor else "",
        tall.kvartal,
        list(Maal).index(tall.maal),
        tall.sesongjustert,
        tall.kilde,
    )


# --- The offline reference copies ----------------------------------------------------------------

_KVARTALSKOLONNE = re.compile(r"^\d{4}K[1-4]$")

REFERANSE_NAERINGER: dict[str, str] = {
    **{navn: kode for kode, navn in SSB_NAERINGSGRUPPER.items()},
    "Elektrisitet, gass, vann, avløp, renovasjon": "35-39",
}
"""Næring names used in the reference copies → SSB group code."""

_REFERANSE_SEKTORER = {
    "statlig": Sektor.STATLIG,
    "kommunal": Sektor.KOMMUNAL,
    "privat": Sektor.PRIVAT,
}

_NOKKELTALL: dict[str, tuple[str, Maal, bool]] = {
    "sykefravaer_total_sesongjustert_prosent": ("prosent", Maal.TOTAL, True),
    "egenmeldt_sesongjustert_prosent": ("prosent", Maal.EGENMELDT, True),
    "legemeldt_sesongjustert_prosent": ("prosent", Maal.LEGEMELDT, True),
    "sykefravaer_total_prosent": ("prosent", Maal.TOTAL, False),
    "legemeldt_prosent": ("prosent", Maal.LEGEMELDT, False),
    "egenmeldt_prosent": ("prosent", Maal.EGENMELDT, False),
    "tapte_dagsverk_mill": ("tapte_dagsverk", Maal.TOTAL, False),
}
"""Key figures that fit PublisertTall; figures by sex, per year or in kroner do not."""


@dataclass(frozen=True, slots=True)
class _Csv:
    fil: str
    kolonner: tuple[str, ...]
    rader: tuple[tuple[int, dict[str, str]], ...] = field(default=())


def referansemappe() -> Traversable:
    return resources.files("naervaer.kilder").joinpath("referanse")


def les_referanse(mappe: Traversable | Path | None = None) -> list[PublisertTall]:
    """The published SSB figures shipped with Nærvær, as PublisertTall (see the module doc)."""
    rot = mappe if mappe is not None else referansemappe()
    tall: list[PublisertTall] = []
    tall += _les_naering_sektor(_les_csv(rot, "ssb_naering_sektor.csv"))
    tall += _les_type_naering(_les_csv(rot, "ssb_type_naering.csv"))
    tall += _les_fylke(_les_csv(rot, "ssb_fylke.csv"))
    tall += _les_kjonn_alder(_les_csv(rot, "ssb_kjonn_alder_2016K3.csv"), Kvartal(2016, 3))
    tall += _les_nokkeltall(_les_csv(rot, "nasjonalt_nokkeltall.csv"))
    _sjekk_unike(tall)
    return sorted(tall, key=_sorteringsnokkel)


def _les_csv(rot: Traversable | Path, fil: str) -> _Csv:
    try:
        tekst = rot.joinpath(fil).read_text(encoding="utf-8")
    except FileNotFoundError as feil:
        raise KildeFeil(f"Referansefilen {fil} mangler i {rot}.") from feil
    linjer = [
        (nummer, linje)
        for nummer, linje in enumerate(tekst.splitlines(), start=1)
        if linje.strip() and not linje.lstrip().startswith("#")
    ]
    if not linjer:
        raise KildeFeil(f"Referansefilen {fil} har ingen kolonneoverskrift.")
    kolonner = tuple(k.strip() for k in linjer[0][1].split(";"))
    rader = []
    for nummer, linje in linjer[1:]:
        verdier = [v.strip() for v in linje.split(";")]
        if len(verdier) != len(kolonner):
            raise KildeFeil(
                f"{fil}, linje {nummer}: {len(verdier)} felt, men overskriften har {len(kolonner)}."
            )
        rader.append((nummer, dict(zip(kolonner, verdier, strict=True))))
    return _Csv(fil, kolonner, tuple(rader))


def _desimal(tekst: str, fil: str, linje: int, kolonne: str) -> Decimal | None:
    if not tekst:
        return None
    try:
        return Decimal(tekst.replace(" ", "").replace(",", "."))
    except InvalidOperation as feil:
        raise KildeFeil(
            f"{fil}, linje {linje}, kolonne {kolonne}: «{tekst}» er ikke et tall."
        ) from feil


def _kvartalskolonner(csv_: _Csv) -> list[tuple[str, Kvartal]]:
    return [(k, Kvartal.fra_tekst(k)) for k in csv_.kolonner if _KVARTALSKOLONNE.match(k)]


def _naeringsenhet(navn: str) -> tuple[Kategori, str]:
    if navn == "Alle næringer":
        return Kategori.LAND, LAND_KODE
    return Kategori.NAERING, REFERANSE_NAERINGER.get(navn, navn)


def _les_naering_sektor(csv_: _Csv) -> list[PublisertTall]:
    kilde = "SSB tabell 122735, 139305 og 322688 (referansekopi)"
    tall = []
    for linje, rad in csv_.rader:
        kategori, kode = _naeringsenhet(rad["naering"])
        sektornavn = rad["sektor"].lower()
        sektor: Sektor | None = None
        if sektornavn != "alle":
            if sektornavn not in _REFERANSE_SEKTORER:
                raise KildeFeil(f"{csv_.fil}, linje {linje}: ukjent sektor «{rad['sektor']}».")
            sektor = _REFERANSE_SEKTORER[sektornavn]
            if kategori is Kategori.LAND:
                kategori, kode, sektor = Kategori.SEKTOR, sektor.value, None
        for kolonne, kvartal in _kvartalskolonner(csv_):
            prosent = _desimal(rad[kolonne], csv_.fil, linje, kolonne)
            tall.append(
                PublisertTall(
                    kategori, kode, kvartal, Maal.TOTAL, prosent, None, None, kilde,
                    navn=rad["naering"], sektor=sektor,
                    # The file's header says an empty cell was «:» (not published) at SSB.
                    status=":" if prosent is None else None,
                )
            )  # fmt: skip
    return tall


def _les_type_naering(csv_: _Csv) -> list[PublisertTall]:
    kilde = "SSB tabell 301240 (referansekopi)"
    tall = []
    for linje, rad in csv_.rader:
        kategori, kode = _naeringsenhet(rad["naering"])
        try:
            maal = Maal(rad["type"])
        except ValueError as feil:
            raise KildeFeil(f"{csv_.fil}, linje {linje}: ukjent type «{rad['type']}».") from feil
        for kolonne, kvartal in _kvartalskolonner(csv_):
            prosent = _desimal(rad[kolonne], csv_.fil, linje, kolonne)
            tall.append(
                PublisertTall(
                    kategori, kode, kvartal, maal, prosent, None, None, kilde,
                    navn=rad["naering"], status=".." if prosent is None else None,
                )
            )  # fmt: skip
    return tall


def _les_fylke(csv_: _Csv) -> list[PublisertTall]:
    kilde = "SSB tabell 301242 og 313345 (referansekopi)"
    tall = []
    for linje, rad in csv_.rader:
        navn = rad["fylke"]
        if navn == "Hele landet":
            kategori, kode = Kategori.LAND, LAND_KODE
        else:
            # «Troms - Romsa»: the Sami name after the dash is not part of the lookup key.
            kategori, kode = Kategori.FYLKE, FYLKER_FOR_2020.get(navn.split(" - ")[0].strip(), navn)
        for kolonne, kvartal in _kvartalskolonner(csv_):
            prosent = _desimal(rad[kolonne], csv_.fil, linje, kolonne)
            tall.append(
                PublisertTall(
                    kategori, kode, kvartal, Maal.TOTAL, prosent, None, None, kilde, navn=navn
                )
            )
    return tall


def _les_kjonn_alder(csv_: _Csv, kvartal: Kvartal) -> list[PublisertTall]:
    kilde = "SSB tabell 288347 (referansekopi)"
    tall = []
    for linje, rad in csv_.rader:
        if (rad["kjonn"], rad["alder"]) != ("begge", "16-69"):
            continue
        dagsverk = _desimal(rad["sykefravaersdagsverk"], csv_.fil, linje, "sykefravaersdagsverk")
        for kolonne in csv_.kolonner:
            if not kolonne.startswith("prosent_"):
                continue
            periode = Kvartal.fra_tekst(kolonne.removeprefix("prosent_"))
            tall.append(
                PublisertTall(
                    Kategori.LAND, LAND_KODE, periode, Maal.LEGEMELDT,
                    _desimal(rad[kolonne], csv_.fil, linje, kolonne),
                    dagsverk if periode == kvartal else None, None, kilde, navn="Hele landet",
                )
            )  # fmt: skip
    return tall


def _les_nokkeltall(csv_: _Csv) -> list[PublisertTall]:
    tall = []
    for linje, rad in csv_.rader:
        if rad["maal"] not in _NOKKELTALL or not _KVARTALSKOLONNE.match(rad["periode"]):
            continue
        felt, maal, sesongjustert = _NOKKELTALL[rad["maal"]]
        verdi = _desimal(rad["verdi"], csv_.fil, linje, "verdi")
        if felt == "tapte_dagsverk" and verdi is not None:
            verdi = verdi * 1_000_000
        tall.append(
            PublisertTall(
                Kategori.LAND, LAND_KODE, Kvartal.fra_tekst(rad["periode"]), maal,
                verdi if felt == "prosent" else None,
                verdi if felt == "tapte_dagsverk" else None,
                None, f"{rad['kilde']} (referansekopi, nasjonalt nøkkeltall)",
                navn="Hele landet", sesongjustert=sesongjustert,
            )
        )  # fmt: skip
    return tall


def _sjekk_unike(tall: Iterable[PublisertTall]) -> None:
    sett: set[tuple[Any, ...]] = set()
    for t in tall:
        nokkel = (*_sorteringsnokkel(t), t.prosent is not None, t.tapte_dagsverk is not None)
        if nokkel in sett:
            raise KildeFeil(
                f"Referansekopiene har samme tall to ganger: {t.kategori.value} {t.kode} "
                f"{t.kvartal} {t.maal.value} ({t.kilde})."
            )
        sett.add(nokkel)


# --- CSV out ------------------------------------------------------------------------------------

CSV_KOLONNER = (
    "kategori",
    "kode",
    "navn",
    "sektor",
    "kvartal",
    "maal",
    "sesongjustert",
    "prosent",
    "tapte_dagsverk",
    "mulige_dagsverk",
    "status",
    "kilde",
)


def _norsk_tall(verdi: Decimal | None) -> str:
    return "" if verdi is None else format(verdi, "f").replace(".", ",")


def skriv_csv(tall: Iterable[PublisertTall], sti: Path) -> int:
    """CSV for Norwegian Excel (``;``, decimal comma, UTF-8 with BOM); returns the row count."""
    antall = 0
    with sti.open("w", encoding="utf-8-sig", newline="") as fil:
        skriver = csv.writer(fil, delimiter=";", lineterminator="\r\n")
        skriver.writerow(CSV_KOLONNER)
        for t in tall:
            skriver.writerow(
                [
                    t.kategori.value,
                    t.kode,
                    t.navn or "",
                    t.sektor.value if t.sektor else "",
                    str(t.kvartal),
                    t.maal.value,
                    "ja" if t.sesongjustert else "nei",
                    _norsk_tall(t.prosent),
                    _norsk_tall(t.tapte_dagsverk),
                    _norsk_tall(t.mulige_dagsverk),
                    t.status or "",
                    t.kilde,
                ]
            )
            antall += 1
    return antall
