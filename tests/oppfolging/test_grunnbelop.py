"""The grunnbeløp as a dated table, ``naervaer.oppfolging.grunnbelop``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from naervaer.oppfolging.grunnbelop import (
    GRUNNBELOP,
    er_kjent,
    grunnbelop,
    sykepenger_gulv,
    sykepenger_tak,
)


def test_it_works() -> None:
    # regelverk.md: «1 May 2024: 124 028 kr».
    assert grunnbelop(date(2024, 5, 1)).belop == 124_028


@pytest.mark.parametrize(
    ("dag", "belop", "gjelder_fra"),
    [
        pytest.param(date(2024, 4, 30), 118_620, date(2023, 5, 1), id="day_before_the_change"),
        pytest.param(date(2024, 5, 1), 124_028, date(2024, 5, 1), id="day_of_the_change"),
        pytest.param(date(2025, 5, 1), 130_160, date(2025, 5, 1), id="2025"),
        # Until the Storting decides a new G, the newest stays in force and says from when.
        pytest.param(date(2026, 1, 5), 130_160, date(2025, 5, 1), id="after_the_newest_row"),
    ],
)
def test_the_g_in_force_on_a_day(dag: date, belop: int, gjelder_fra: date) -> None:
    g = grunnbelop(dag)
    assert (g.belop, g.gjelder_fra) == (belop, gjelder_fra)


def test_sykepenger_limits_follow_g() -> None:
    # 6 × 124 028 = 744 168; 0.5 × 124 028 = 62 014.
    assert sykepenger_tak(date(2024, 6, 1)) == 744_168
    assert sykepenger_gulv(date(2024, 6, 1)) == Decimal("62014")
    # 0.5 × 130 160 = 65 080.
    assert sykepenger_gulv(date(2025, 6, 1)) == Decimal("65080")


def test_it_knows_when_a_newer_g_is_missing() -> None:
    # The newest row is 1 May 2025; the G from 1 May 2026 is not in the table.
    assert er_kjent(date(2026, 4, 30))
    assert not er_kjent(date(2026, 5, 1))


def test_it_refuses_a_day_before_the_table() -> None:
    with pytest.raises(ValueError, match="ikke i tabellen"):
        grunnbelop(date(2020, 4, 30))


def test_the_table_changes_every_first_of_may_and_only_rises() -> None:
    assert all(g.gjelder_fra.month == 5 and g.gjelder_fra.day == 1 for g in GRUNNBELOP)
    assert all(a.belop < b.belop for a, b in pairwise(GRUNNBELOP))
    assert all(g.kilde.url for g in GRUNNBELOP)
