"""The plan's rules: what a valid plan is, with messages that name the field; the text as
stored; times and file names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from naervaer.oppfolging.plan import (
    MAKS_TILTAK,
    Feil,
    Tiltak,
    filnavn,
    kontroller,
    rens,
    tidspunkttekst,
)
from tests.oppfolging.plandokumenter import FULL, VANLIG

START = date(2026, 2, 2)


def test_an_ordinary_plan_and_the_fullest_are_valid() -> None:
    assert kontroller(VANLIG, START) == ()
    assert kontroller(FULL, date(2026, 3, 2)) == ()


def test_what_the_employee_can_do_needs_one_of_three() -> None:
    tom = replace(VANLIG, som_for="", med_tilrettelegging="", ikke_na="")
    (feil,) = kontroller(tom, START)
    assert feil.felt == "som_for" and "minst ett av feltene" in feil.melding
    for felt in ("som_for", "med_tilrettelegging", "ikke_na"):
        assert kontroller(replace(tom, **{felt: "Noe"}), START) == ()


def test_a_plan_has_measures_but_not_too_many() -> None:
    assert kontroller(replace(VANLIG, tiltak=()), START) == (
        Feil("tiltak", "Tiltak: legg inn minst ett tiltak med hva, hvem og innen når."),
    )
    mange = replace(VANLIG, tiltak=VANLIG.tiltak[:1] * (MAKS_TILTAK + 1))
    assert [f.felt for f in kontroller(mange, START)] == ["tiltak"]


def test_dates_are_in_order_within_the_sick_leave() -> None:
    feil = kontroller(
        replace(
            VANLIG,
            gjelder_fra=date(2026, 1, 30),
            gjelder_til=date(2026, 1, 29),
            evalueres=date(2026, 1, 20),
            tiltak=(Tiltak("Stol", "HR", date(2030, 1, 1)),),
        ),
        START,
    )
    assert feil == (
        Feil(
            "gjelder_fra",
            "Planen gjelder fra: 30.01.2026 er før sykefraværet begynte (02.02.2026).",
        ),
        Feil("gjelder_til", "Planen gjelder til: 29.01.2026 er før planen begynner (30.01.2026)."),
        Feil("evalueres", "Evalueres: 20.01.2026 er før planen begynner (30.01.2026)."),
        Feil(
            "tiltak-1-innen", "Tiltak 1, innen: 01.01.2030 er mer enn to år fram. Sjekk årstallet."
        ),
    )


def test_text_is_stored_with_one_kind_of_line_break_and_no_control_characters() -> None:
    assert rens("  Én\r\nTo \rTre\x00\x0b\t fire  \n\n") == "Én\nTo\nTre\t fire"


@given(st.text())
def test_cleaned_text_is_clean_and_cleaning_again_changes_nothing(tekst: str) -> None:
    renset = rens(tekst)
    assert "\r" not in renset
    assert not any(ord(t) < 32 and t not in "\n\t" for t in renset)
    assert rens(renset) == renset


def test_times_and_file_names() -> None:
    assert tidspunkttekst(datetime(2026, 3, 2, 9, 5)) == "02.03.2026 kl. 09.05"
    assert filnavn(3, date(2026, 3, 2)) == "oppfolgingsplan-versjon-3-2026-03-02"
