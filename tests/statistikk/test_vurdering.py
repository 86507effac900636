from __future__ import annotations

from decimal import Decimal

import pytest

from naervaer.statistikk.maskering import MASKERT, Figur, masker
from naervaer.statistikk.vurdering import Vurdering, vurder


def vist(tekst: str) -> Figur:
    return masker(Decimal(tekst), 100)


@pytest.mark.parametrize(
    ("verdi", "referanse", "vurdering"),
    [
        ("5.0", "6.0", Vurdering.UNDER),
        ("5.4", "6.0", Vurdering.MIDDELS),  # exactly 0.9 × b is MIDDELS
        ("5.3", "6.0", Vurdering.UNDER),
        ("6.6", "6.0", Vurdering.MIDDELS),  # exactly 1.1 × b is MIDDELS
        ("6.7", "6.0", Vurdering.OVER),
        ("6.0", "6.0", Vurdering.MIDDELS),
        ("0.0", "0.0", Vurdering.MIDDELS),
        ("0.1", "0.0", Vurdering.OVER),
    ],
)
def test_it_rates_against_the_benchmark(verdi: str, referanse: str, vurdering: Vurdering) -> None:
    assert vurder(vist(verdi), vist(referanse)).vurdering is vurdering


def test_it_compares_the_shown_figures() -> None:
    # 5.35 is shown as 5.4, which is exactly 0.9 × 6.0.
    assert vurder(masker(Decimal("5.35"), 100), vist("6.0")).vurdering is Vurdering.MIDDELS


def test_a_masked_figure_is_rated_masked() -> None:
    assert vurder(MASKERT, vist("6.0")).vurdering is Vurdering.MASKERT


def test_masked_against_masked_has_no_data() -> None:
    assert vurder(MASKERT, MASKERT).vurdering is Vurdering.INGEN_DATA


def test_fewer_than_four_quarters_is_incomplete() -> None:
    assert vurder(vist("5.0"), vist("6.0"), antall_kvartaler=3).vurdering is (
        Vurdering.UFULLSTENDIG_DATA
    )


def test_masking_goes_before_incomplete() -> None:
    assert vurder(MASKERT, vist("6.0"), antall_kvartaler=2).vurdering is Vurdering.MASKERT


@pytest.mark.parametrize(("verdi", "referanse"), [(None, None), (None, "6.0"), ("6.0", None)])
def test_without_both_figures_there_is_no_data(verdi: str | None, referanse: str | None) -> None:
    v = vist(verdi) if verdi else None
    b = vist(referanse) if referanse else None
    assert vurder(v, b).vurdering is Vurdering.INGEN_DATA


def test_a_high_sick_leave_is_bad_news() -> None:
    assert vurder(vist("8.0"), vist("6.0")).er_positiv is False
    assert vurder(vist("4.0"), vist("6.0")).er_positiv is True


def test_a_high_graded_share_is_good_news() -> None:
    sammenligning = vurder(vist("40.0"), vist("25.0"), hoy_er_bra=True)
    assert sammenligning.vurdering is Vurdering.OVER
    assert sammenligning.er_positiv is True
    assert vurder(vist("10.0"), vist("25.0"), hoy_er_bra=True).er_positiv is False


def test_middels_is_neither_good_nor_bad() -> None:
    assert vurder(vist("6.0"), vist("6.0")).er_positiv is None
