"""Which departments may be shown, on Solsikken's tree: A «Barnehagen» with A1 and A2 below,
and K «Kjøkken» beside it."""

from __future__ import annotations

import pytest

from naervaer.statistikk.maskering import Terskel
from naervaer.tidligvarsel.grunnlag import Avdeling, Avdelingstre
from naervaer.tidligvarsel.maskering import telling, viste_avdelinger
from naervaer.tidligvarsel.tidsrom import Tidsrom
from tests.tidligvarsel.lag import d, jobb

A, A1, A2, K = 1, 2, 3, 4
TRE = Avdelingstre(
    [
        Avdeling(A, "Barnehagen"),
        Avdeling(A1, "Småbarn", A),
        Avdeling(A2, "Storbarn", A),
        Avdeling(K, "Kjøkken"),
    ]
)
AAR = Tidsrom(d("2025-01-01"), d("2025-12-31"))


def ansatte(**antall: int) -> list:
    """``antall`` persons in each department, numbered from 1."""
    koder = {"A": A, "A1": A1, "A2": A2, "K": K}
    forhold, nummer = [], 0
    for kode, n in antall.items():
        for _ in range(n):
            nummer += 1
            forhold.append(jobb(nummer, koder[kode]))
    return forhold


@pytest.mark.parametrize(
    ("antall", "viste"),
    [
        # As the egendata fixture: K (2) is masked, so A must go too, or A = total − K would
        # give K away; below A, A1 (4) and A's own person (1) are masked together (5 persons).
        pytest.param({"A": 1, "A1": 4, "A2": 5, "K": 2}, {A2}, id="solsikken"),
        pytest.param({"A": 1, "A1": 4, "A2": 5, "K": 5}, {A, A2, K}, id="kitchen_of_five"),
        # Without anyone directly in A, A1 would be A − A2: A2 goes with it.
        pytest.param({"A1": 4, "A2": 5, "K": 5}, {A, K}, id="one_masked_part_masks_another"),
        pytest.param({"A1": 5, "A2": 5, "K": 5}, {A, A1, A2, K}, id="all_large_enough"),
    ],
)
def test_shown_departments(antall: dict[str, int], viste: set[int]) -> None:
    forhold = ansatte(**antall)
    assert viste_avdelinger(TRE, telling(forhold, [AAR])) == viste


def test_a_higher_threshold() -> None:
    # A1 and A2 are masked together; Barnehagen's 10 do not give either away.
    forhold = ansatte(A1=5, A2=5, K=6)
    assert viste_avdelinger(TRE, telling(forhold, [AAR]), Terskel(6)) == {A, K}


def test_a_loop_of_parents_is_never_shown() -> None:
    tre = Avdelingstre([Avdeling(1, "X", 2), Avdeling(2, "Y", 1), Avdeling(3, "Z")])
    forhold = [jobb(n, 1 + n % 3) for n in range(30)]
    assert viste_avdelinger(tre, telling(forhold, [AAR])) == {3}
