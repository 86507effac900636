"""Output goes through the masking types: the serializer refuses bare numbers."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from naervaer.statistikk.aggregering import Fravaerstall, Kvartalstall
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import MASKERT, masker
from naervaer.web.statistikk.visning import (
    lag_enhetsstatistikk,
    norsk_tall,
    som_json,
    til_json_tekst,
)


def test_it_serializes_shown_and_masked_figures() -> None:
    data = {
        "prosent": masker(Decimal("6.849"), 10),
        "personer": masker(Decimal(12), 12, desimaler=0),
        "maskert": MASKERT,
        "periode": Kvartal(2024, 4),
        "er_maskert": False,
    }
    assert json.loads(til_json_tekst(data)) == {
        "prosent": "6.8",
        "personer": 12,
        "maskert": None,
        "periode": "2024K4",
        "er_maskert": False,
    }


@pytest.mark.parametrize("tall", [6.8, 12, Decimal("6.8")])
def test_it_refuses_numbers_that_skipped_the_masking_step(tall: object) -> None:
    with pytest.raises(TypeError, match="maskeringen"):
        til_json_tekst({"prosent": tall})


def test_negative_and_zero_figures_keep_their_decimal() -> None:
    assert til_json_tekst([masker(Decimal("-0.2"), 10), masker(Decimal(0), 10)]) == (
        '[\n  "-0.2",\n  "0.0"\n]'
    )


def test_norwegian_numbers() -> None:
    assert norsk_tall(Decimal("6.8")) == "6,8"
    assert norsk_tall(Decimal("12345.65")) == "12 345,7"
    assert norsk_tall(Decimal("-0.2")) == "\u22120,2"
    assert norsk_tall(Decimal(42), 0) == "42"
    assert norsk_tall(Decimal("-0.04")) == "0,0"


def test_a_period_without_data_is_empty_not_masked() -> None:
    rader = [Kvartalstall(Kvartal(2020, 1), Fravaerstall(10, Decimal(100), Decimal(5)))]
    data = som_json(lag_enhetsstatistikk("LAND", "NO", rader, Kvartal(2024, 4)))
    assert data["siste_fire_kvartaler"] == {
        "prosent": None,
        "kvartaler": [],
        "antall_personer": None,
        "er_maskert": False,
        "tapte_dagsverk": None,
        "mulige_dagsverk": None,
    }
