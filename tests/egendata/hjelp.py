"""Reading the sample files in ``filer/`` the way the import does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from naervaer.egendata.feil import Feil, Importfeil
from naervaer.egendata.kontroll import Innlesing, les_inn
from naervaer.egendata.lesing import Fil

FILER = Path(__file__).parent / "filer"


def fil(navn: str) -> Fil:
    """A sample file by its path under ``filer/``, named in reports by its file name."""
    return Fil.fra_sti(FILER / navn)


def les(*navn: str, **valg: Any) -> Innlesing:
    return les_inn([fil(n) for n in navn], **valg)


def les_tekst(innhold: dict[str, bytes], **valg: Any) -> Innlesing:
    return les_inn([Fil(n, b) for n, b in innhold.items()], **valg)


def feil_fra(*filer: Fil, **valg: Any) -> tuple[Feil, ...]:
    with pytest.raises(Importfeil) as feil:
        les_inn(list(filer), **valg)
    return feil.value.feil


def feil_i(*navn: str, **valg: Any) -> tuple[Feil, ...]:
    return feil_fra(*(fil(n) for n in navn), **valg)
