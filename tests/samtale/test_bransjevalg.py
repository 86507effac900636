"""The guide's bransje for a virksomhet's næringskode."""

from __future__ import annotations

from pathlib import Path

import pytest

from naervaer.samtale.bransjevalg import bransje_for_naeringskode
from naervaer.samtale.lasting import Innhold, les_innhold
from naervaer.statistikk.enheter import BRANSJER

FIXTUR = Path(__file__).with_name("innhold")


@pytest.fixture(scope="module")
def innhold() -> Innhold:
    return les_innhold(FIXTUR)


@pytest.mark.parametrize(
    ("naeringskode", "bransje"),
    [
        ("88911", "barnehager"),  # the bransjeprogram's barnehager
        ("85100", "barnehager"),  # næring 85 is undervisning, but the bransjeprogram decides
        ("85201", "undervisning"),  # by næring
        ("41.200", "bygg"),  # the dotted form too
        ("87101", "helse_og_omsorg"),  # sykehjem
        ("88101", "helse_og_omsorg"),  # hjemmetjenester, by næring 88
        ("86101", "sykehus"),
        ("49391", "transport"),
        ("47111", "varehandel"),
        ("62010", "kontor_og_it"),
        ("01110", None),  # farming: no bransje in the guide
    ],
)
def test_the_bransje_follows_the_naeringskode(
    innhold: Innhold, naeringskode: str, bransje: str | None
) -> None:
    assert bransje_for_naeringskode(innhold.bransjer, naeringskode) == bransje


def test_the_shipped_content_serves_every_bransje_of_the_statistics() -> None:
    bransjer = les_innhold().bransjer
    for statistikkbransje in BRANSJER:
        # A næringskode of the bransje, from the statistics' own definition of it.
        kode = min(statistikkbransje.naeringskoder) if statistikkbransje.naeringskoder else None
        kode = kode or min(statistikkbransje.naeringer) + "000"
        valgt = bransje_for_naeringskode(bransjer, kode)
        assert valgt is not None, statistikkbransje.kode
        assert statistikkbransje.kode in bransjer[valgt].statistikkbransjer
