"""A local stand-in for SSB and Brreg: an HTTP server on 127.0.0.1 that serves fixture files.

Tests register what each path answers (``server.rute(...)``) and can read back what the client
asked (``server.foresporsler``). A guard refuses every connection that is not to this machine, so
no test can reach the internet even by mistake.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

FIXTURER = Path(__file__).parent / "fixtures"


def fixturtekst(navn: str) -> str:
    return (FIXTURER / navn).read_text(encoding="utf-8")


def fixturjson(navn: str) -> Any:
    return json.loads(fixturtekst(navn))


@dataclass
class Svar:
    status: int = 200
    fil: str | None = None
    tekst: str | None = None
    innholdstype: str = "application/json;charset=UTF-8"
    forsinkelse: float = 0.0
    hoder: dict[str, str] = field(default_factory=dict)

    def kropp(self) -> bytes:
        if self.fil is not None:
            return (FIXTURER / self.fil).read_bytes()
        return (self.tekst or "").encode("utf-8")


@dataclass(frozen=True)
class Foresporsel:
    sti: str
    query: dict[str, list[str]]
    hoder: dict[str, str]

    def param(self, navn: str) -> str | None:
        verdier = self.query.get(navn)
        return verdier[0] if verdier else None


class LokalServer:
    def __init__(self) -> None:
        self._ruter: dict[str, list[Svar]] = {}
        self._laas = threading.Lock()
        self.foresporsler: list[Foresporsel] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._lag_handler())
        self._server.daemon_threads = True
        # A short poll interval keeps shutdown (and so each test's teardown) quick.
        self._trad = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        vert, port = self._server.server_address[:2]
        return f"http://{vert!s}:{port}"

    def rute(self, sti: str, *svar: Svar) -> None:
        """What ``sti`` answers; several answers are given in turn, the last one repeats."""
        with self._laas:
            self._ruter[sti] = list(svar)

    def fil(self, sti: str, fil: str, status: int = 200) -> None:
        self.rute(sti, Svar(status=status, fil=fil))

    def json(self, sti: str, innhold: Any, status: int = 200) -> None:
        self.rute(sti, Svar(status=status, tekst=json.dumps(innhold, ensure_ascii=False)))

    def stier(self) -> list[str]:
        return [f.sti for f in self.foresporsler]

    def _neste_svar(self, sti: str) -> Svar | None:
        with self._laas:
            svar = self._ruter.get(sti)
            if not svar:
                return None
            return svar.pop(0) if len(svar) > 1 else svar[0]

    def _lag_handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                deler = urlsplit(self.path)
                server.foresporsler.append(
                    Foresporsel(deler.path, parse_qs(deler.query), dict(self.headers.items()))
                )
                svar = server._neste_svar(deler.path) or Svar(
                    status=501, tekst=f'{{"feil": "testserveren har ingen rute for {deler.path}"}}'
                )
                if svar.forsinkelse:
                    time.sleep(svar.forsinkelse)
                kropp = svar.kropp()
                try:
                    self.send_response(svar.status)
                    self.send_header("Content-Type", svar.innholdstype)
                    self.send_header("Content-Length", str(len(kropp)))
                    for navn, verdi in svar.hoder.items():
                        self.send_header(navn, verdi)
                    self.end_headers()
                    self.wfile.write(kropp)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first, which is what the timeout tests want

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler

    def start(self) -> None:
        self._trad.start()

    def stopp(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._trad.join(timeout=5)


@pytest.fixture
def server() -> Iterator[LokalServer]:
    lokal = LokalServer()
    lokal.start()
    try:
        yield lokal
    finally:
        lokal.stopp()


_LOKALE = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def bare_lokalt_nett(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if anything tries to open a connection off this machine."""
    ekte = socket.create_connection

    def vakt(adresse: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        if adresse[0] not in _LOKALE:
            raise AssertionError(f"testene skal ikke nå internett, men prøvde {adresse[0]}")
        return ekte(adresse, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", vakt)
