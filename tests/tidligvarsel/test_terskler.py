from __future__ import annotations

from decimal import Decimal

import pytest

from naervaer.samtale.modell import TEMAKODER
from naervaer.tidligvarsel import bransje, korttid, langtid
from naervaer.tidligvarsel.terskler import STANDARD, Terskler


def test_the_standard() -> None:
    assert (STANDARD.korttid_antall, STANDARD.korttid_maaneder) == (3, 6)
    assert not STANDARD.bradford_aktiv
    assert (STANDARD.langtid_okning, STANDARD.bransje_faktor) == (Decimal(2), Decimal("1.5"))


@pytest.mark.parametrize(
    ("felt", "melding"),
    [
        ({"korttid_antall": 1}, "Antall tilfeller må være mellom 2 og 10, ikke 1."),
        ({"korttid_maaneder": 13}, "Antall måneder må være mellom 1 og 12, ikke 13."),
        (
            {"bradford_terskel": 0},
            "Grensen for Bradford-faktoren må være mellom 1 og 10 000, ikke 0.",
        ),
        (
            {"langtid_okning": Decimal(0)},
            "Økningen i langtidsfravær må være mellom 0,1 og 50, ikke 0.",
        ),
        (
            {"bransje_faktor": Decimal("5.25")},
            "Ganger bransjens sykefravær må være mellom 1,1 og 5, ikke 5,25.",
        ),
        (
            {"bransje_faktor": Decimal(1)},
            "Ganger bransjens sykefravær må være mellom 1,1 og 5, ikke 1.",
        ),
    ],
)
def test_out_of_range(felt: dict[str, object], melding: str) -> None:
    with pytest.raises(ValueError) as feil:
        Terskler(**felt)  # type: ignore[arg-type]
    assert str(feil.value).startswith(melding)


def test_every_theme_exists_in_samtalestotte() -> None:
    for temaer in (korttid.TEMAER, langtid.TEMAER, bransje.TEMAER):
        assert set(temaer) <= set(TEMAKODER)
