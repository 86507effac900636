from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from naervaer.web.statistikk.fil import KOLONNER

Felter = Mapping[str, object]
SkrivCsv = Callable[..., Path]


def rad(
    kategori: str = "VIRKSOMHET",
    kode: str = "910000001",
    periode: str = "2024K4",
    personer: int = 10,
    mulige: str = "1000",
    tapte: str = "68",
    **andre: object,
) -> dict[str, object]:
    """A consistent quarterly row: a quarter of the loss is egenmeldt, a quarter of the legemeldt
    is gradert, and 30 % is korttid."""
    arstall, kvartal = periode.split("K")
    t = Decimal(tapte)
    m = Decimal(mulige)
    legemeldt = t * 3 / 4
    korttid = t * 3 / 10
    maskert = personer < 5
    prosent = (
        ""
        if maskert or m == 0
        else str((t * 100 / m).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    )
    felter: dict[str, object] = {
        "kategori": kategori,
        "kode": kode,
        "arstall": arstall,
        "kvartal": kvartal,
        "antall_personer": personer,
        "mulige_dagsverk": mulige,
        "tapte_dagsverk": tapte,
        "tapte_dagsverk_egenmeldt": t - legemeldt,
        "tapte_dagsverk_legemeldt": legemeldt,
        "tapte_dagsverk_gradert": legemeldt / 4,
        "tapte_dagsverk_korttid": korttid,
        "tapte_dagsverk_langtid": t - korttid,
        "prosent": prosent,
        "er_maskert": "true" if maskert else "false",
    }
    felter.update(andre)
    return felter


def csv_tekst(rader: Iterable[Felter], kolonner: Iterable[str] = KOLONNER) -> str:
    kolonner = list(kolonner)
    linjer = [",".join(kolonner)]
    linjer += [",".join(_felt(r[k]) for k in kolonner) for r in rader]
    return "\n".join(linjer) + "\n"


def _felt(verdi: object) -> str:
    tekst = str(verdi)
    return f'"{tekst}"' if "," in tekst else tekst


@pytest.fixture
def skriv_csv(tmp_path: Path) -> SkrivCsv:
    def skriv(rader: Iterable[Felter], navn: str = "kvartal.csv", **kwargs: object) -> Path:
        sti = tmp_path / navn
        sti.write_text(csv_tekst(rader, **kwargs), encoding="utf-8")  # type: ignore[arg-type]
        return sti

    return skriv


@pytest.fixture
def enhet_med_historikk() -> list[dict[str, object]]:
    """A virksomhet over five quarters, one of them masked, and a unit of few persons."""
    return [
        rad(periode="2023K4", tapte="63"),
        rad(periode="2024K1", tapte="70", personer=12),
        rad(periode="2024K2", tapte="60", personer=3),
        rad(periode="2024K3", tapte="55"),
        rad(periode="2024K4", tapte="68"),
        rad(kode="910000002", periode="2024K4", personer=4, tapte="37"),
        rad(kode="910000002", periode="2023K4", personer=4, tapte="37"),
    ]
