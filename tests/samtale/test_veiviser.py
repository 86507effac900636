"""The guide one step at a time: numbering and neighbours across the parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from naervaer.samtale.lasting import Innhold, les_innhold
from naervaer.samtale.veiviser import alle_steg, finn_steg, forste_steg

FIXTUR = Path(__file__).with_name("innhold")


@pytest.fixture(scope="module")
def innhold() -> Innhold:
    # The test content has 1 + 2 + 3 + 1 steps in its four parts.
    return les_innhold(FIXTUR)


def test_the_steps_are_numbered_through_all_parts(innhold: Innhold) -> None:
    veileder = innhold.veileder
    assert len(alle_steg(veileder)) == 1 + 2 + 3 + 1
    forste = finn_steg(veileder, *forste_steg(veileder))
    assert forste is not None
    assert (forste.nummer, forste.antall, forste.forrige) == (1, 7, None)
    assert forste.neste == ("forbered", "din_rolle")


def test_a_step_links_across_the_border_between_parts(innhold: Innhold) -> None:
    plassering = finn_steg(innhold.veileder, "gjennomfor", "apningen")
    assert plassering is not None
    assert plassering.nummer == 1 + 2 + 1
    assert plassering.nummer_i_delen == 1
    assert plassering.forrige == ("forbered", "maalet")
    assert plassering.neste == ("gjennomfor", "arbeidet")


def test_the_last_step_has_no_next(innhold: Innhold) -> None:
    siste = finn_steg(innhold.veileder, "etterpaa", "oppfolging")
    assert siste is not None and siste.neste is None and siste.nummer == siste.antall


def test_the_bransje_step_is_where_the_work_is_discussed(innhold: Innhold) -> None:
    arbeidet = finn_steg(innhold.veileder, "gjennomfor", "arbeidet")
    apningen = finn_steg(innhold.veileder, "gjennomfor", "apningen")
    assert arbeidet is not None and arbeidet.er_bransjesteg
    assert apningen is not None and not apningen.er_bransjesteg


@pytest.mark.parametrize(
    ("del_kode", "steg_kode"),
    [("gjennomfor", "finnes_ikke"), ("finnes_ikke", "arbeidet"), ("forbered", "arbeidet")],
)
def test_an_unknown_step_is_none(innhold: Innhold, del_kode: str, steg_kode: str) -> None:
    assert finn_steg(innhold.veileder, del_kode, steg_kode) is None
