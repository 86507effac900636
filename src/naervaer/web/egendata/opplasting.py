"""Uploaded files: size limits, and where the web flow keeps them between preview and confirm.

The page reads the files on upload, shows the preview and writes only when the user confirms, so
the files must wait somewhere in between. They wait on disk under ``NAERVAER_DATA/import/``, in a
folder with a random 128-bit name that only the user's session knows, together with who
uploaded them for which virksomhet. The folder is deleted when the import is saved or cancelled,
and every folder older than ``LEVETID`` is deleted whenever anyone opens an import page, calls
the import API or runs ``naervaer import``. Nothing in it is ever served back to a browser.
"""

from __future__ import annotations

import json
import secrets
import shutil
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from naervaer.egendata.feil import Feil, Importfeil
from naervaer.egendata.lesing import Fil

MAKS_FILER = 10
MAKS_BYTE = 50 * 1024 * 1024
"""An export of 100 000 absence rows is about 6 MB as CSV and 4 MB as XLSX."""
LEVETID = timedelta(hours=3)
_NAVN = "filer.json"


def til_filer(opplastede: Iterable[UploadedFile]) -> list[Fil]:
    """The uploads as files to read, or ``Importfeil`` naming what is too many or too large."""
    filer: list[Fil] = []
    feil: list[Feil] = []
    for opplastet in opplastede:
        navn = Path(opplastet.name or "fil").name[:200]
        if (opplastet.size or 0) > MAKS_BYTE:
            feil.append(
                Feil(navn, None, None, None, f"filen er større enn {MAKS_BYTE // 1024**2} MB")
            )
            continue
        filer.append(Fil(navn, opplastet.read()))
    if not filer and not feil:
        feil.append(Feil("(ingen fil)", None, None, None, "velg minst én fil"))
    if len(filer) + len(feil) > MAKS_FILER:
        feil.append(
            Feil("(filene)", None, None, None, f"last opp høyst {MAKS_FILER} filer om gangen")
        )
    alle = [f.navn for f in filer]
    for dobbel in sorted({n for n in alle if alle.count(n) > 1}):
        feil.append(Feil(dobbel, None, None, None, "to filer har samme navn; gi dem ulike navn"))
    if feil:
        raise Importfeil(feil)
    return filer


def _mappe() -> Path:
    return Path(settings.NAERVAER_DATA) / "import"


def rydd(naa: float | None = None) -> None:
    """Delete every waiting upload older than ``LEVETID``."""
    mappe = _mappe()
    if not mappe.is_dir():
        return
    grense = (naa if naa is not None else time.time()) - LEVETID.total_seconds()
    for under in mappe.iterdir():
        try:
            if under.stat().st_mtime < grense:
                shutil.rmtree(under, ignore_errors=True)
        except FileNotFoundError:
            continue


@dataclass
class Venter:
    """Uploaded files waiting for the user's confirmation, and the layouts the user chose."""

    noekkel: str
    orgnr: str
    bruker_id: int
    navn: list[str]
    valg: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def mappe(self) -> Path:
        return _mappe() / self.noekkel

    def filer(self) -> list[Fil]:
        return [Fil(n, (self.mappe / str(i)).read_bytes()) for i, n in enumerate(self.navn)]

    def lagre_valg(self, valg: Mapping[str, dict[str, Any]]) -> None:
        self.valg = dict(valg)
        self._skriv()

    def _skriv(self) -> None:
        data = {"orgnr": self.orgnr, "bruker_id": self.bruker_id, "navn": self.navn}
        data["valg"] = self.valg
        (self.mappe / _NAVN).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def slett(self) -> None:
        shutil.rmtree(self.mappe, ignore_errors=True)


def legg_til_side(filer: list[Fil], orgnr: str, bruker_id: int) -> Venter:
    rydd()
    noekkel = secrets.token_hex(16)
    venter = Venter(noekkel, orgnr, bruker_id, [f.navn for f in filer])
    venter.mappe.mkdir(parents=True, mode=0o700)
    for i, fil in enumerate(filer):
        (venter.mappe / str(i)).write_bytes(fil.innhold)
    venter._skriv()
    return venter


def hent(noekkel: str, orgnr: str, bruker_id: int) -> Venter | None:
    """The waiting upload, only for the user and virksomhet it was made for."""
    rydd()
    if len(noekkel) != 32 or not all(c in "0123456789abcdef" for c in noekkel):
        return None
    try:
        data = json.loads((_mappe() / noekkel / _NAVN).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    if data.get("orgnr") != orgnr or data.get("bruker_id") != bruker_id:
        return None
    return Venter(noekkel, orgnr, bruker_id, list(data["navn"]), dict(data.get("valg") or {}))
