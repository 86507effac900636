from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naervaer.statistikk.maskering import (
    MASKERT,
    STANDARD_TERSKEL,
    Del,
    Maskert,
    Sti,
    Terskel,
    Vist,
    avrund,
    masker,
    masker_andel,
    sekundaer_maskering,
)


def test_it_shows_a_figure_from_five_persons() -> None:
    assert masker(Decimal("6.84"), 5) == masker(Decimal("6.8"), 100)
    figur = masker(Decimal("6.84"), 5)
    assert isinstance(figur, Vist)
    assert figur.verdi == Decimal("6.8")


def test_it_masks_a_figure_from_four_persons() -> None:
    assert masker(Decimal("6.84"), 4) is MASKERT


def test_a_masked_figure_has_no_value() -> None:
    assert not hasattr(Maskert(), "verdi")
    assert Maskert() == MASKERT


def test_only_the_masking_step_makes_a_shown_figure() -> None:
    with pytest.raises(TypeError):
        Vist(Decimal("6.8"))


def test_it_refuses_floats() -> None:
    with pytest.raises(TypeError):
        flyttall: Any = 6.8
        masker(flyttall, 10)


def test_it_rounds_half_up_in_decimal() -> None:
    assert avrund(Decimal("6.85")) == Decimal("6.9")
    assert avrund(Decimal("6.75")) == Decimal("6.8")
    assert avrund(Decimal("-0.05")) == Decimal("-0.1")
    assert avrund(Decimal("12.5"), 0) == Decimal(13)
    assert str(avrund(Decimal("-0.04"))) == "0.0"


def test_it_computes_a_share_from_full_precision_sums() -> None:
    # 1/3 × 100 would be 33.3; the sums are never rounded before dividing.
    figur = masker_andel(Decimal("0.685"), Decimal("10"), 10)
    assert isinstance(figur, Vist)
    assert figur.verdi == Decimal("6.9")


def test_a_share_without_denominator_is_missing_not_zero() -> None:
    assert masker_andel(Decimal(0), Decimal(0), 10) is None


def test_a_masked_share_does_not_tell_that_it_is_undefined() -> None:
    assert masker_andel(Decimal(0), Decimal(0), 2) is MASKERT


def test_the_threshold_can_go_up() -> None:
    terskel = Terskel(10)
    assert masker(Decimal(1), 9, terskel) is MASKERT
    assert isinstance(masker(Decimal(1), 10, terskel), Vist)


@pytest.mark.parametrize("antall", [4, 0, -1])
def test_the_threshold_never_goes_below_five(antall: int) -> None:
    with pytest.raises(ValueError, match="lavere enn 5"):
        Terskel(antall)


def test_secondary_suppression_masks_the_next_smallest_part() -> None:
    assert sekundaer_maskering({"a": 3, "b": 20, "c": 8, "d": 12}) == {("a",), ("c",)}


def test_secondary_suppression_leaves_two_masked_parts_alone() -> None:
    assert sekundaer_maskering({"a": 3, "b": 2, "c": 8}) == {("a",), ("b",)}


def test_secondary_suppression_leaves_unmasked_parts_alone() -> None:
    assert sekundaer_maskering({"a": 30, "b": 20}) == frozenset()


def test_an_only_masked_part_masks_its_total() -> None:
    assert sekundaer_maskering({"a": 3}) == {(), ("a",)}


def test_secondary_suppression_goes_across_levels() -> None:
    deler = {
        "a": Del(25, {"a1": 3, "a2": 22}),
        "b": Del(30, {"b1": 15, "b2": 15}),
    }
    maskert = sekundaer_maskering(deler)
    # a1 masks a2; a is then still shown, because a = a1 + a2 reveals neither.
    assert maskert == {("a", "a1"), ("a", "a2")}


def test_a_masked_total_keeps_its_parts_from_adding_up_to_it() -> None:
    maskert = sekundaer_maskering({"a": 6, "b": 7}, total_maskert=True)
    assert ("a",) in maskert


# --- Property: nothing masked can be recovered by arithmetic on the shown figures ----------------


def _tre(antall: st.SearchStrategy[int]) -> st.SearchStrategy[Del | int]:
    def node(deler: dict[str, Del | int]) -> Del:
        total = sum(d.antall_personer if isinstance(d, Del) else d for d in deler.values())
        return Del(total, deler)

    return st.recursive(
        antall,
        lambda barn: st.dictionaries(st.sampled_from("abcde"), barn, min_size=1, max_size=4).map(
            node
        ),
        max_leaves=12,
    )


def _stier(
    deler: dict[str, Del | int], sti: Sti = ()
) -> tuple[list[Sti], list[tuple[Sti, list[Sti]]]]:
    noder: list[Sti] = [sti]
    likninger: list[tuple[Sti, list[Sti]]] = [(sti, [(*sti, k) for k in deler])]
    for nokkel, del_ in deler.items():
        if isinstance(del_, Del) and del_.deler:
            under_noder, under_likninger = _stier(dict(del_.deler), (*sti, nokkel))
            noder += under_noder
            likninger += under_likninger
        else:
            noder.append((*sti, nokkel))
    return noder, likninger


def _rang(rader: list[list[Fraction]]) -> int:
    rader = [list(r) for r in rader]
    rang = 0
    kolonner = len(rader[0]) if rader else 0
    for kolonne in range(kolonner):
        pivot = next((i for i in range(rang, len(rader)) if rader[i][kolonne] != 0), None)
        if pivot is None:
            continue
        rader[rang], rader[pivot] = rader[pivot], rader[rang]
        for i in range(len(rader)):
            if i != rang and rader[i][kolonne] != 0:
                faktor = rader[i][kolonne] / rader[rang][kolonne]
                rader[i] = [a - faktor * b for a, b in zip(rader[i], rader[rang], strict=True)]
        rang += 1
    return rang


def _kan_utledes(maskerte: list[Sti], likninger: list[tuple[Sti, list[Sti]]], sti: Sti) -> bool:
    """True when the equations node = sum of parts pin down ``sti`` once the shown figures are
    known: its unit vector lies in the span of the equations restricted to the masked unknowns."""
    indeks = {s: i for i, s in enumerate(maskerte)}
    rader = []
    for node, deler in likninger:
        rad = [Fraction(0)] * len(maskerte)
        if node in indeks:
            rad[indeks[node]] += 1
        for d in deler:
            if d in indeks:
                rad[indeks[d]] -= 1
        if any(rad):
            rader.append(rad)
    enhet = [Fraction(int(i == indeks[sti])) for i in range(len(maskerte))]
    return _rang([*rader, enhet]) == _rang(rader) if rader else False


@given(
    st.dictionaries(st.sampled_from("abcdef"), _tre(st.integers(0, 30)), min_size=1, max_size=5),
    st.booleans(),
)
def test_no_masked_part_can_be_derived_from_the_shown_figures(
    deler: dict[str, Del | int], total_maskert: bool
) -> None:
    maskert = sekundaer_maskering(deler, total_maskert=total_maskert)
    noder, likninger = _stier(deler)
    # Every part with too few persons is masked, whatever else happens.
    for sti in noder:
        if sti and _antall(deler, sti) < 5:
            assert sti in maskert
    maskerte = [s for s in noder if s in maskert]
    for sti in maskerte:
        assert not _kan_utledes(maskerte, likninger, sti), sti


def _antall(deler: dict[str, Del | int], sti: Sti) -> int:
    del_: Del | int = Del(0, deler)
    for nokkel in sti:
        assert isinstance(del_, Del)
        del_ = del_.deler[nokkel]
    return del_.antall_personer if isinstance(del_, Del) else del_


@given(st.decimals(allow_nan=False, allow_infinity=False, places=6), st.integers(-3, 1000))
def test_no_figure_from_fewer_than_five_persons_is_shown(verdi: Decimal, antall: int) -> None:
    figur = masker(verdi, antall, STANDARD_TERSKEL)
    if antall < 5:
        assert figur is MASKERT
    else:
        assert isinstance(figur, Vist)
        assert abs(figur.verdi - verdi) <= Decimal("0.05")


@given(st.integers(5, 50), st.integers(0, 60))
def test_a_higher_threshold_masks_at_least_as_much(terskel: int, antall: int) -> None:
    figur = masker(Decimal(1), antall, Terskel(terskel))
    assert (figur is MASKERT) == (antall < terskel)


def test_masked_parts_that_together_are_too_few_take_one_more_with_them() -> None:
    # B and C are masked (1 person each); with A shown, total − A = B + C would be a figure
    # from 2 persons, so A goes too.
    assert sekundaer_maskering({"A": 10, "B": 1, "C": 1}) == {("A",), ("B",), ("C",)}
    # Two masked parts of 3 and 4 persons are 7 together: no third part needs to go.
    assert sekundaer_maskering({"A": 10, "B": 3, "C": 4}) == {("B",), ("C",)}
