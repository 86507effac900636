"""Look up a virksomhet in Brønnøysund's Enhetsregisteret (open data, no login).

The open API (``https://data.brreg.no/enhetsregisteret/api``) answers JSON in HAL form (each
object carries ``_links``):

- ``GET /underenheter/{orgnr}``: an underenhet, the workplace sick leave is counted for, with
  ``navn``, ``naeringskode1.kode`` (``88.911``), ``overordnetEnhet`` (the owner's orgnr) and
  ``beliggenhetsadresse.kommunenummer``.
- ``GET /enheter/{orgnr}``: a juridisk enhet or organisasjonsledd, with ``institusjonellSektorkode``
  (which gives Nærvær's sektor, statistikk.md §5) and, for an organisasjonsledd, its own
  ``overordnetEnhet``.
- ``GET /underenheter?overordnetEnhet={orgnr}``: the underenheter a juridisk enhet owns.

404 means the number was never registered; 410 that the unit has been removed from the register
(the body then holds little more than ``slettedato``). A unit that is still registered but closed
carries ``slettedato`` or, for an underenhet, ``nedleggelsesdato`` in an ordinary 200 answer.

The sektor is taken from the overordnet enhet; when that is an organisasjonsledd without a
sektorkode, the client climbs to its own overordnet enhet (a few levels at most). A missing or
unknown sektorkode gives ``Sektor.UKJENT``, never an error (statistikk.md §5).
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import httpx

from naervaer.kilder._http import (
    STANDARD_TIMEOUT,
    HttpKlient,
    feil_for_status,
    les_json,
    send,
)
from naervaer.kilder.feil import KildeFeil
from naervaer.statistikk.enheter import Sektor, normaliser_naeringskode, sektor_fra_sektorkode

logger = logging.getLogger(__name__)

BRREG_ROT = "https://data.brreg.no/enhetsregisteret/api"
KILDENAVN = "Enhetsregisteret (Brønnøysundregistrene)"
MAKS_NIVAER_OPP = 5
"""How far to climb organisasjonsledd for a sektorkode; state bodies nest a few levels deep."""

_VEKTER = (3, 2, 7, 6, 5, 4, 3, 2)


class UgyldigOrgnr(KildeFeil):
    """The number cannot be an organisasjonsnummer; nothing was asked."""


class EnhetFinnesIkke(KildeFeil):
    pass


class EnhetSlettet(KildeFeil):
    def __init__(self, melding: str, *, orgnr: str, slettedato: date | None, url: str) -> None:
        super().__init__(melding, status=410, url=url)
        self.orgnr = orgnr
        self.slettedato = slettedato


class ErJuridiskEnhet(KildeFeil):
    """The number belongs to a juridisk enhet; sick leave is counted per underenhet."""

    def __init__(
        self, melding: str, *, enhet: Enhetsinfo, underenheter: tuple[Underenhetsreferanse, ...]
    ) -> None:
        super().__init__(melding)
        self.enhet = enhet
        self.underenheter = underenheter


def formater_orgnr(orgnr: str) -> str:
    """``974760673`` → ``974 760 673``, the way Norwegians write it."""
    return f"{orgnr[:3]} {orgnr[3:6]} {orgnr[6:]}" if len(orgnr) == 9 else orgnr


def kontrollsiffer(forste_atte: str) -> int | None:
    """The modulus-11 check digit for eight digits, or None when no digit works."""
    rest = sum(int(s) * v for s, v in zip(forste_atte, _VEKTER, strict=True)) % 11
    siffer = 11 - rest
    if siffer == 11:
        return 0
    return None if siffer == 10 else siffer


def valider_orgnr(orgnr: str) -> str:
    """The orgnr as nine digits, or ``UgyldigOrgnr`` saying what is wrong with it.

    Spaces (``974 760 673``) are allowed, since that is how the number is usually written.
    """
    renset = re.sub(r"\s", "", orgnr or "")
    if not renset.isdigit() or not renset.isascii():
        raise UgyldigOrgnr(
            f"«{orgnr}» er ikke et organisasjonsnummer: det skal bare inneholde sifre."
        )
    if len(renset) != 9:
        raise UgyldigOrgnr(
            f"«{orgnr}» er ikke et organisasjonsnummer: det skal ha 9 sifre, ikke {len(renset)}."
        )
    if kontrollsiffer(renset[:8]) != int(renset[8]):
        raise UgyldigOrgnr(
            f"«{orgnr}» er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke. "
            "Sjekk at du ikke har byttet om eller skrevet feil på et siffer."
        )
    return renset


def er_gyldig_orgnr(orgnr: str) -> bool:
    try:
        valider_orgnr(orgnr)
    except UgyldigOrgnr:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Virksomhetsinfo:
    """What Nærvær needs about a virksomhet (an underenhet) for its ``virksomheter`` table."""

    orgnr: str
    navn: str
    naeringskode: str | None
    """Five digits without the dot (``88911``); None when the register has none."""
    overordnet_orgnr: str | None
    sektor: Sektor
    kommunenummer: str | None
    slettet: bool
    institusjonell_sektorkode: str | None = None
    slettedato: date | None = None

    def som_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sektor"] = self.sektor.value
        data["slettedato"] = self.slettedato.isoformat() if self.slettedato else None
        return data


@dataclass(frozen=True, slots=True)
class Enhetsinfo:
    """A juridisk enhet or organisasjonsledd."""

    orgnr: str
    navn: str
    organisasjonsform: str | None
    naeringskode: str | None
    institusjonell_sektorkode: str | None
    sektor: Sektor
    overordnet_orgnr: str | None
    kommunenummer: str | None
    """From the forretningsadresse."""
    slettet: bool
    slettedato: date | None = None


@dataclass(frozen=True, slots=True)
class Underenhetsreferanse:
    orgnr: str
    navn: str


class EnhetsregisterKlient(HttpKlient):
    def __init__(
        self,
        base_url: str = BRREG_ROT,
        *,
        timeout: float = STANDARD_TIMEOUT,
        http: httpx.Client | None = None,
    ) -> None:
        super().__init__(base_url, timeout, http)

    def _hent(self, sti: str, params: dict[str, str] | None = None) -> tuple[int, Any]:
        """(status, JSON body) for 200, 404 and 410; anything else is a ``KildeFeil``."""
        svar = send(self._http, f"{self.base_url}{sti}", kilde=KILDENAVN, params=params)
        if svar.status_code == 404:
            return 404, None
        if svar.status_code not in (200, 410):
            raise feil_for_status(svar, kilde=KILDENAVN)
        innhold = les_json(svar, kilde=KILDENAVN) if svar.content else {}
        if not isinstance(innhold, dict):
            raise KildeFeil(
                f"{KILDENAVN} sendte et svar i en form vi ikke kjenner ({svar.request.url}).",
                status=svar.status_code,
                url=str(svar.request.url),
            )
        return svar.status_code, innhold

    def hent_virksomhet(self, orgnr: str) -> Virksomhetsinfo:
        """The underenhet with this orgnr, its sektor taken from its overordnet enhet.

        Raises ``UgyldigOrgnr`` before asking anything, ``EnhetFinnesIkke``, ``EnhetSlettet``, and
        ``ErJuridiskEnhet`` (listing the underenheter to choose from) when the number is a
        juridisk enhet.
        """
        orgnr = valider_orgnr(orgnr)
        sti = f"/underenheter/{orgnr}"
        status, data = self._hent(sti)
        if status == 410:
            raise _slettet(orgnr, data, "Virksomheten", f"{self.base_url}{sti}")
        if status == 404:
            raise self._ikke_underenhet(orgnr)

        overordnet = _valgfri_orgnr(data.get("overordnetEnhet"))
        sektorkode = self._sektorkode_oppover(overordnet) if overordnet else None
        slettedato = _dato(data.get("slettedato"))
        nedlagt = _dato(data.get("nedleggelsesdato"))
        return Virksomhetsinfo(
            orgnr=orgnr,
            navn=_navn(data, orgnr),
            naeringskode=_naeringskode(data),
            overordnet_orgnr=overordnet,
            sektor=_sektor(sektorkode),
            kommunenummer=_kommunenummer(data.get("beliggenhetsadresse")),
            slettet=slettedato is not None or (nedlagt is not None and nedlagt <= date.today()),
            institusjonell_sektorkode=sektorkode,
            slettedato=slettedato or nedlagt,
        )

    def hent_enhet(self, orgnr: str) -> Enhetsinfo:
        orgnr = valider_orgnr(orgnr)
        sti = f"/enheter/{orgnr}"
        status, data = self._hent(sti)
        if status == 410:
            raise _slettet(orgnr, data, "Enheten", f"{self.base_url}{sti}")
        if status == 404:
            raise EnhetFinnesIkke(
                f"Fant ingen enhet med organisasjonsnummer {formater_orgnr(orgnr)} i "
                "Enhetsregisteret.",
                status=404,
                url=f"{self.base_url}{sti}",
            )
        return _enhetsinfo(orgnr, data)

    def finn_underenheter(
        self, overordnet_orgnr: str, *, maks: int = 20
    ) -> tuple[tuple[Underenhetsreferanse, ...], int]:
        """Up to ``maks`` underenheter of a juridisk enhet, and how many it has in all."""
        overordnet_orgnr = valider_orgnr(overordnet_orgnr)
        status, data = self._hent(
            "/underenheter", {"overordnetEnhet": overordnet_orgnr, "size": str(maks)}
        )
        if status != 200:
            return (), 0
        innebygd = data.get("_embedded")
        liste = innebygd.get("underenheter") if isinstance(innebygd, dict) else None
        underenheter = tuple(
            Underenhetsreferanse(str(u["organisasjonsnummer"]), _navn(u, ""))
            for u in (liste if isinstance(liste, list) else [])
            if isinstance(u, dict) and isinstance(u.get("organisasjonsnummer"), str)
        )
        side = data.get("page")
        totalt = side.get("totalElements") if isinstance(side, dict) else None
        return underenheter, totalt if isinstance(totalt, int) else len(underenheter)

    def _ikke_underenhet(self, orgnr: str) -> KildeFeil:
        """The number is no underenhet: find out whether it is a juridisk enhet instead."""
        try:
            enhet = self.hent_enhet(orgnr)
        except EnhetFinnesIkke:
            return EnhetFinnesIkke(
                f"Fant ingen virksomhet med organisasjonsnummer {formater_orgnr(orgnr)} i "
                "Enhetsregisteret. Nummeret er gyldig, men ikke registrert.",
                status=404,
                url=f"{self.base_url}/underenheter/{orgnr}",
            )
        except EnhetSlettet as slettet:
            return slettet
        underenheter, totalt = self.finn_underenheter(orgnr)
        return ErJuridiskEnhet(
            _melding_juridisk_enhet(enhet, underenheter, totalt),
            enhet=enhet,
            underenheter=underenheter,
        )

    def _sektorkode_oppover(self, orgnr: str) -> str | None:
        neste: str | None = orgnr
        for _ in range(MAKS_NIVAER_OPP):
            if neste is None:
                return None
            try:
                enhet = self.hent_enhet(neste)
            except (EnhetFinnesIkke, EnhetSlettet) as feil:
                # An owner gone from the register leaves the sektor unknown, not the lookup failed.
                logger.warning("Overordnet enhet %s: %s", neste, feil)
                return None
            if enhet.institusjonell_sektorkode:
                return enhet.institusjonell_sektorkode
            neste = enhet.overordnet_orgnr
        return None


def hent_virksomhet(
    orgnr: str, base_url: str = BRREG_ROT, *, timeout: float = STANDARD_TIMEOUT
) -> Virksomhetsinfo:
    with EnhetsregisterKlient(base_url, timeout=timeout) as klient:
        return klient.hent_virksomhet(orgnr)


def _melding_juridisk_enhet(
    enhet: Enhetsinfo, underenheter: tuple[Underenhetsreferanse, ...], totalt: int
) -> str:
    start = (
        f"{formater_orgnr(enhet.orgnr)} er en juridisk enhet («{enhet.navn}»), ikke en "
        "virksomhet (underenhet). Sykefravær telles per virksomhet"
    )
    if not underenheter:
        return f"{start}, og denne enheten har ingen registrerte underenheter."
    liste = "; ".join(f"{formater_orgnr(u.orgnr)} {u.navn}" for u in underenheter[:10])
    resten = totalt - min(len(underenheter), 10)
    tillegg = f" og {resten} til" if resten > 0 else ""
    return f"{start}; bruk organisasjonsnummeret til en av underenhetene: {liste}{tillegg}."


def _slettet(orgnr: str, data: dict[str, Any] | None, hva: str, url: str) -> EnhetSlettet:
    slettedato = _dato((data or {}).get("slettedato"))
    naar = f" (slettedato {slettedato:%d.%m.%Y})" if slettedato else ""
    return EnhetSlettet(
        f"{hva} med organisasjonsnummer {formater_orgnr(orgnr)} er slettet fra "
        f"Enhetsregisteret{naar}.",
        orgnr=orgnr,
        slettedato=slettedato,
        url=url,
    )


def _enhetsinfo(orgnr: str, data: dict[str, Any]) -> Enhetsinfo:
    sektorkode = _sektorkode(data)
    slettedato = _dato(data.get("slettedato"))
    form = data.get("organisasjonsform")
    return Enhetsinfo(
        orgnr=orgnr,
        navn=_navn(data, orgnr),
        organisasjonsform=form.get("kode") if isinstance(form, dict) else None,
        naeringskode=_naeringskode(data),
        institusjonell_sektorkode=sektorkode,
        sektor=_sektor(sektorkode),
        overordnet_orgnr=_valgfri_orgnr(data.get("overordnetEnhet")),
        kommunenummer=_kommunenummer(data.get("forretningsadresse")),
        slettet=slettedato is not None,
        slettedato=slettedato,
    )


def _navn(data: dict[str, Any], standard: str) -> str:
    navn = data.get("navn")
    return navn.strip() if isinstance(navn, str) and navn.strip() else standard


def _naeringskode(data: dict[str, Any]) -> str | None:
    naering = data.get("naeringskode1")
    kode = naering.get("kode") if isinstance(naering, dict) else None
    if not isinstance(kode, str):
        return None
    kode = normaliser_naeringskode(kode)
    return kode if re.fullmatch(r"\d{5}", kode) else None


def _sektorkode(data: dict[str, Any]) -> str | None:
    sektor = data.get("institusjonellSektorkode")
    kode = sektor.get("kode") if isinstance(sektor, dict) else None
    return kode.strip() if isinstance(kode, str) and kode.strip() else None


def _sektor(sektorkode: str | None) -> Sektor:
    # Some units carry several codes separated by commas; they must agree to give a sektor.
    sektorer = {sektor_fra_sektorkode(k) for k in (sektorkode or "").split(",")}
    return sektorer.pop() if len(sektorer) == 1 else Sektor.UKJENT


def _kommunenummer(adresse: object) -> str | None:
    kode = adresse.get("kommunenummer") if isinstance(adresse, dict) else None
    return kode if isinstance(kode, str) and re.fullmatch(r"\d{4}", kode) else None


def _valgfri_orgnr(verdi: object) -> str | None:
    if not isinstance(verdi, str):
        return None
    return verdi if er_gyldig_orgnr(verdi) else None


def _dato(verdi: object) -> date | None:
    if not isinstance(verdi, str):
        return None
    try:
        return date.fromisoformat(verdi[:10])
    except ValueError:
        return None
