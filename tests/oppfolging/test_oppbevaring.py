"""Which periods are old enough to delete: whole cases, three years after their last day."""

from __future__ import annotations

from datetime import date

import pytest

from naervaer.oppfolging.oppbevaring import grense, utlopte
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode

E, S = Fravaerstype.EGENMELDING, Fravaerstype.SYKMELDING
NAA = date(2026, 11, 22)


def p(fra: str, til: str | None, type_: Fravaerstype = S, grad: int = 100) -> Periode:
    return Periode(date.fromisoformat(fra), date.fromisoformat(til) if til else None, type_, grad)


def test_the_limit_is_three_years_back_by_default() -> None:
    assert grense(NAA) == date(2023, 11, 22)
    assert grense(date(2028, 2, 29), 1) == date(2027, 2, 28)
    with pytest.raises(ValueError, match="minst ett år"):
        grense(NAA, 0)


@pytest.mark.parametrize(
    ("perioder", "slettes"),
    [
        # Ended the day before the limit: gone. Ended on the limit: kept.
        ([("a", p("2023-11-01", "2023-11-21"))], {"a"}),
        ([("a", p("2023-11-01", "2023-11-22"))], set()),
        # A long case that began long ago but ended recently is kept whole.
        ([("a", p("2022-01-03", "2022-01-05", E)), ("b", p("2022-01-06", "2024-02-01"))], set()),
        # Two cases 16 days apart are two cases; only the old one goes.
        (
            [("a", p("2023-10-02", "2023-10-04", E)), ("b", p("2023-10-21", "2023-12-01"))],
            {"a"},
        ),
        # 15 days apart: one case, which ended after the limit.
        (
            [("a", p("2023-10-02", "2023-10-04", E)), ("b", p("2023-10-20", "2023-12-01"))],
            set(),
        ),
        (
            [("a", p("2023-09-01", "2023-09-04", E)), ("b", p("2023-09-21", "2023-09-29"))],
            {"a", "b"},
        ),
        (
            [("a", p("2020-03-02", "2020-03-04", E)), ("b", p("2025-05-05", "2025-05-06", E))],
            {"a"},
        ),
        # An ongoing case is never deleted, however old its first day.
        ([("a", p("2019-01-07", None))], set()),
        ([], set()),
    ],
)
def test_whole_cases_are_deleted(perioder: list[tuple[str, Periode]], slettes: set[str]) -> None:
    assert utlopte(perioder, NAA) == slettes


def test_two_rows_with_the_same_period_both_go() -> None:
    like = p("2021-04-06", "2021-04-08", E)
    assert utlopte([(1, like), (2, like)], NAA) == {1, 2}
