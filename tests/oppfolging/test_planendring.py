"""What changed between two versions: the parts that differ, before and after, and the
measures matched as a person would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from naervaer.oppfolging.plan import Tiltak
from naervaer.oppfolging.planendring import Feltendring, Tiltaksendring, endringer
from tests.oppfolging.plandokumenter import VANLIG


def test_the_same_plan_has_no_changes() -> None:
    assert endringer(VANLIG, VANLIG).ingen


def test_changed_parts_in_the_plans_order_with_dates_as_read() -> None:
    ny = replace(
        VANLIG, ikke_na="", arbeidsoppgaver="Kontor", gjelder_til=None, evalueres=date(2026, 4, 1)
    )
    assert endringer(VANLIG, ny).felt == (
        Feltendring("Arbeidsoppgavene", VANLIG.arbeidsoppgaver, "Kontor"),
        Feltendring("Kan ikke gjøres nå", "Løfte barn opp på stellebordet", ""),
        Feltendring("Planen gjelder", "03.03.2026 – 14.04.2026", "fra 03.03.2026"),
        Feltendring("Evalueres", "24.03.2026", "01.04.2026"),
    )


def test_measures_added_changed_removed_and_moved() -> None:
    stellebord, kortere = VANLIG.tiltak
    stol = Tiltak("Ny stol", "HR", date(2026, 3, 5))
    senere = replace(kortere, innen=date(2026, 3, 30))
    e = endringer(VANLIG, replace(VANLIG, tiltak=(stol, senere)))
    assert e.tiltak_nye == (stol,)
    assert e.tiltak_endret == (Tiltaksendring(kortere, senere),)
    assert e.tiltak_fjernet == (stellebord,)
    # The same measures in another order are no change.
    assert endringer(VANLIG, replace(VANLIG, tiltak=(kortere, stellebord))).ingen
