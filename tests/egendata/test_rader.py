"""Typed rows, ``naervaer.egendata.rader``: a row that breaks a rule cannot be made."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from naervaer.egendata.feil import Kilde
from naervaer.egendata.rader import Ansatt, Arbeidsforhold, Fravaer
from naervaer.oppfolging.tilfelle import Fravaerstype

HER = Kilde("fravaer.csv", 2)
MANDAG, FREDAG = date(2025, 1, 6), date(2025, 1, 10)
EGEN, SYK = Fravaerstype.EGENMELDING, Fravaerstype.SYKMELDING


def test_it_keys_each_row_by_its_natural_key() -> None:
    assert Ansatt("1001", None, HER).noekkel == "1001"
    arbeidsforhold = Arbeidsforhold("1001", "210", None, MANDAG, None, Decimal(100), HER)
    assert arbeidsforhold.noekkel == ("1001", MANDAG)
    assert Fravaer("1001", MANDAG, FREDAG, SYK, Decimal(50), HER).noekkel == ("1001", MANDAG, SYK)


def test_where_a_row_came_from_takes_no_part_in_equality() -> None:
    assert Ansatt("1001", "Kari", HER) == Ansatt("1001", "Kari", Kilde("ansatte.xlsx", 9))


@pytest.mark.parametrize(
    ("til", "type_", "grad"),
    [
        (date(2025, 1, 5), SYK, Decimal(100)),
        (FREDAG, SYK, Decimal(10)),
        (FREDAG, SYK, Decimal("100.5")),
        (FREDAG, EGEN, Decimal(50)),
        (FREDAG, SYK, Decimal("50.125")),
    ],
)
def test_it_cannot_hold_a_broken_absence(til: date, type_: Fravaerstype, grad: Decimal) -> None:
    with pytest.raises(ValueError):
        Fravaer("1001", MANDAG, til, type_, grad, HER)


@pytest.mark.parametrize(
    ("til", "prosent"),
    [
        (date(2025, 1, 5), Decimal(100)),
        (None, Decimal(0)),
        (None, Decimal(101)),
        (None, Decimal("33.333")),
    ],
)
def test_it_cannot_hold_a_broken_position(til: date | None, prosent: Decimal) -> None:
    with pytest.raises(ValueError):
        Arbeidsforhold("1001", "210", None, MANDAG, til, prosent, HER)


def test_it_cannot_hold_an_employee_without_a_number() -> None:
    with pytest.raises(ValueError):
        Ansatt("", "Kari", HER)
    with pytest.raises(ValueError):
        Ansatt(" 1001", "Kari", HER)
