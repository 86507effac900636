"""Persons: a 64-bit key per person, a pseudonymous id and a sickness propensity derived from it.

A person can have jobs in several chunks of the register (a second job elsewhere). Deriving the
id and the propensity from the key alone, by a hash, gives the same person the same id and the
same propensity wherever a job of theirs is generated, without any shared state between chunks.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa

Nokler = npt.NDArray[np.uint64]

_GYLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_HEKS = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)


def blande(x: Nokler) -> Nokler:
    """The splitmix64 finaliser: a bijection of 64-bit integers that scatters neighbouring keys."""
    with np.errstate(over="ignore"):
        z = x * np.uint64(1) + _GYLDEN
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
        return z ^ (z >> np.uint64(31))


def person_nokkel(bit: int, lokal: npt.NDArray[np.int64]) -> Nokler:
    """The key of a person numbered ``lokal`` within chunk ``bit``: unique across chunks."""
    return (np.uint64(bit) << np.uint64(32)) | lokal.astype(np.uint64)


def person_id(nokler: Nokler, seed: int) -> pa.StringArray:
    """Sixteen hex digits. The seed enters so that two registers do not share ids by accident;
    the mixing is a bijection, so distinct keys always give distinct ids."""
    with np.errstate(over="ignore"):
        h = blande(nokler ^ blande(np.array([seed], dtype=np.uint64))[0])
    skift = np.arange(60, -1, -4, dtype=np.uint64)
    nibbles = ((h[:, None] >> skift) & np.uint64(0xF)).astype(np.intp)
    data = _HEKS[nibbles].ravel()
    n = len(nokler)
    forskyvninger = np.arange(0, (n + 1) * 16, 16, dtype=np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(forskyvninger), pa.py_buffer(data))


def tilboyelighet(nokler: Nokler, seed: int, spredning: float) -> npt.NDArray[np.float64]:
    """A lognormal multiplier with mean 1 per person (heterogeneity in sickness)."""
    salt = blande(np.array([seed ^ 0x5A17], dtype=np.uint64))[0]
    with np.errstate(over="ignore"):
        h1 = blande(nokler ^ salt)
        h2 = blande(h1 ^ _GYLDEN)
    # 53-bit uniforms in (0, 1]; Box-Muller turns two of them into one standard normal.
    u1 = ((h1 >> np.uint64(11)).astype(np.float64) + 1.0) / 2.0**53
    u2 = (h2 >> np.uint64(11)).astype(np.float64) / 2.0**53
    z = np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)
    return np.asarray(np.exp(spredning * z - spredning**2 / 2.0))
