"""Organisasjonsnummer: nine digits whose last digit is a modulus-11 check digit.

Enhetsregisteret computes the check digit from the first eight digits with the weights
3, 2, 7, 6, 5, 4, 3, 2; a remainder that would give the check digit 10 is never issued.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa

VEKTER = np.array([3, 2, 7, 6, 5, 4, 3, 2], dtype=np.int64)

# Real orgnr start with 8 or 9; keeping to that range makes the synthetic ones look familiar.
_MINSTE_GRUNNTALL = 80_000_000
_STORSTE_GRUNNTALL = 99_999_999


def kontrollsiffer(grunntall: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The check digit for eight-digit base numbers, or -1 where no valid orgnr exists."""
    siffer = (grunntall[:, None] // 10 ** np.arange(7, -1, -1, dtype=np.int64)) % 10
    rest = (siffer * VEKTER).sum(axis=1) % 11
    siffer_k = (11 - rest) % 11
    return np.where(siffer_k == 10, -1, siffer_k)


def er_gyldig(orgnr: str) -> bool:
    if len(orgnr) != 9 or not orgnr.isdigit():
        return False
    beregnet = kontrollsiffer(np.array([int(orgnr[:8])], dtype=np.int64))[0]
    return bool(beregnet == int(orgnr[8]))


def trekk_orgnr(rng: np.random.Generator, antall: int) -> npt.NDArray[np.int64]:
    """``antall`` distinct valid orgnr as integers, in random order."""
    # About one base number in eleven has no valid check digit, so draw with a margin.
    trekk = int(antall * 1.12) + 64
    grunntall = rng.choice(
        _STORSTE_GRUNNTALL - _MINSTE_GRUNNTALL + 1, size=trekk, replace=False
    ).astype(np.int64)
    grunntall += _MINSTE_GRUNNTALL
    kontroll = kontrollsiffer(grunntall)
    gyldige = grunntall[kontroll >= 0] * 10 + kontroll[kontroll >= 0]
    if len(gyldige) < antall:  # pragma: no cover - the margin makes this practically impossible
        raise RuntimeError("for få gyldige organisasjonsnummer trukket")
    return gyldige[:antall]


def som_tekst(tall: npt.NDArray[np.int64], bredde: int) -> pa.StringArray:
    """Zero-padded fixed-width decimal strings, built from the digits without a Python loop."""
    n = len(tall)
    siffer = (tall[:, None] // 10 ** np.arange(bredde - 1, -1, -1, dtype=np.int64)) % 10
    data = (siffer + ord("0")).astype(np.uint8).ravel()
    forskyvninger = np.arange(0, (n + 1) * bredde, bredde, dtype=np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(forskyvninger), pa.py_buffer(data))
