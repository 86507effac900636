"""HTTP plumbing shared by the clients: User-Agent, timeouts, polite pacing, Norwegian errors."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from decimal import Decimal
from importlib import metadata
from types import TracebackType
from typing import Any, Self

import httpx

from naervaer.kilder.feil import KildeFeil


def _versjon() -> str:
    try:
        return metadata.version("naervaer")
    except metadata.PackageNotFoundError:
        return "0"


# Header values must be ASCII, so the product name is spelled without æ here.
USER_AGENT = f"naervaer/{_versjon()} (Naervaer sykefravaersstatistikk; python-httpx)"

STANDARD_TIMEOUT = 30.0


def lag_http_klient(timeout: float) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        follow_redirects=True,
    )


class Takt:
    """Keeps at least ``min_intervall`` seconds between the starts of two requests.

    SSB allows 30 queries a minute per IP address, shared with everyone behind the same address,
    so a batch job must pace itself instead of relying on being told off with 429.
    """

    def __init__(
        self,
        min_intervall: float,
        *,
        klokke: Callable[[], float] = time.monotonic,
        sov: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_intervall = max(0.0, min_intervall)
        self._klokke = klokke
        self._sov = sov
        self._forrige: float | None = None

    def vent(self) -> None:
        naa = self._klokke()
        if self._forrige is not None:
            igjen = self._forrige + self.min_intervall - naa
            if igjen > 0:
                self._sov(igjen)
                naa = self._klokke()
        self._forrige = naa


def send(
    http: httpx.Client,
    url: str,
    *,
    kilde: str,
    params: Mapping[str, str] | None = None,
) -> httpx.Response:
    """GET ``url``; network trouble becomes a ``KildeFeil``, HTTP statuses are the caller's job."""
    try:
        return http.get(url, params=dict(params) if params else None)
    except httpx.TimeoutException as feil:
        sekunder = _timeout_sekunder(http)
        raise KildeFeil(
            f"{kilde} svarte ikke innen {sekunder} sekunder ({url}). "
            "Tjenesten kan være treg eller nede; prøv igjen senere.",
            url=url,
        ) from feil
    except httpx.TransportError as feil:
        raise KildeFeil(
            f"Fikk ikke kontakt med {kilde} ({url}): {feil}. Sjekk nettforbindelsen og adressen.",
            url=url,
        ) from feil


def _timeout_sekunder(http: httpx.Client) -> str:
    lese = http.timeout.read
    if lese is None:
        return "rimelig tid"
    return f"{lese:g}"


def les_json(svar: httpx.Response, *, kilde: str) -> Any:
    """Decode the body, keeping decimals exact (a percentage must not become 6.6000000001)."""
    try:
        return json.loads(svar.text, parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError) as feil:
        raise KildeFeil(
            f"{kilde} sendte et svar som ikke er gyldig JSON ({svar.request.url}): {feil}.",
            status=svar.status_code,
            url=str(svar.request.url),
        ) from feil


def feilmelding_fra_svar(svar: httpx.Response) -> str | None:
    """The error detail a service put in its body, if any (problem+json, Spring or plain text)."""
    try:
        innhold = json.loads(svar.text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        tekst = svar.text.strip()
        return tekst[:300] or None
    if isinstance(innhold, dict):
        deler = [
            str(innhold[felt])
            for felt in ("title", "detail", "message", "feilmelding")
            if isinstance(innhold.get(felt), str) and innhold[felt].strip()
        ]
        if deler:
            return ": ".join(dict.fromkeys(deler))
    return None


def feil_for_status(svar: httpx.Response, *, kilde: str) -> KildeFeil:
    """A general message for an unsuccessful status; clients handle the statuses they understand."""
    status = svar.status_code
    url = str(svar.request.url)
    detalj = feilmelding_fra_svar(svar)
    tillegg = f" Melding fra tjenesten: {detalj}." if detalj else ""
    if status == 400:
        tekst = f"{kilde} avviste forespørselen som ugyldig (400).{tillegg}"
    elif status in (401, 403):
        tekst = f"{kilde} nektet tilgang ({status}).{tillegg}"
    elif status == 404:
        tekst = f"{kilde} fant ikke det vi spurte etter (404): {url}.{tillegg}"
    elif status == 429:
        tekst = (
            f"{kilde} avviser forespørsler fordi vi har spurt for ofte (429). "
            f"Vent et minutt og prøv igjen.{tillegg}"
        )
    elif status >= 500:
        tekst = f"{kilde} har en feil på sin side ({status}); prøv igjen senere.{tillegg}"
    else:
        tekst = f"{kilde} svarte med uventet status {status} ({url}).{tillegg}"
    return KildeFeil(tekst, status=status, url=url)


def ventetid_fra_retry_after(svar: httpx.Response, standard: float, maks: float) -> float:
    verdi = svar.headers.get("Retry-After", "")
    try:
        sekunder = float(verdi)
    except ValueError:
        sekunder = standard
    return min(max(sekunder, 0.0), maks)


class HttpKlient:
    """What every data-source client shares: its own HTTP connection, closed when it is done.

    A client given a connection by the caller (tests, or a caller that pools connections) leaves
    closing it to that caller.
    """

    def __init__(self, base_url: str, timeout: float, http: httpx.Client | None) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = http or lag_http_klient(timeout)
        self._eier_http = http is None

    def close(self) -> None:
        if self._eier_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        typ: type[BaseException] | None,
        verdi: BaseException | None,
        spor: TracebackType | None,
    ) -> None:
        self.close()
