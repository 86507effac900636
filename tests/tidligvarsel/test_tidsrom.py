from __future__ import annotations

import pytest

from naervaer.tidligvarsel.tidsrom import Tidsrom, dagtekst, maaneder_tilbake
from tests.tidligvarsel.lag import d


@pytest.mark.parametrize(
    ("dag", "maaneder", "svar"),
    [
        ("2025-11-20", 3, "2025-08-20"),
        ("2026-05-31", 3, "2026-02-28"),
        ("2024-05-31", 3, "2024-02-29"),
        ("2026-01-15", 1, "2025-12-15"),
        ("2026-03-31", 12, "2025-03-31"),
        ("2024-02-29", 12, "2023-02-28"),
    ],
)
def test_months_back(dag: str, maaneder: int, svar: str) -> None:
    assert maaneder_tilbake(d(dag), maaneder) == d(svar)


def test_the_last_three_months() -> None:
    assert Tidsrom.maaneder_til(d("2025-11-20"), 3) == Tidsrom(d("2025-08-21"), d("2025-11-20"))


@pytest.mark.parametrize(
    ("maaneder", "fra", "til"),
    [
        (3, "2025-11-29", "2026-02-28"),  # ends the day before the span begins
        (12, "2025-03-01", "2025-05-31"),
    ],
)
def test_the_same_span_earlier(maaneder: int, fra: str, til: str) -> None:
    assert Tidsrom(d("2026-03-01"), d("2026-05-31")).flyttet(maaneder) == Tidsrom(d(fra), d(til))


@pytest.mark.parametrize(
    ("fra", "til", "tekst"),
    [
        ("2025-09-01", "2025-09-03", "1.–3. september 2025"),
        ("2025-09-29", "2025-10-02", "29. september–2. oktober 2025"),
        ("2025-12-29", "2026-01-02", "29. desember 2025–2. januar 2026"),
        ("2025-05-04", "2025-05-04", "4. mai 2025"),
    ],
)
def test_dates_in_text(fra: str, til: str, tekst: str) -> None:
    assert dagtekst(d(fra), d(til)) == tekst


def test_a_span_cannot_end_before_it_begins() -> None:
    with pytest.raises(ValueError, match="slutter før"):
        Tidsrom(d("2026-01-02"), d("2026-01-01"))
