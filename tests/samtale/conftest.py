"""The shipped content, the longest guide it allows and the booklets to download, read and
made once for the document tests."""

from __future__ import annotations

import pytest

from naervaer.samtale.dokument import Samtaleguide
from naervaer.samtale.hefte import Hefte, ansatthefte, veilederhefte
from naervaer.samtale.lasting import Innhold, les_innhold
from tests.samtale.dokumenter import DAG, VALGT_BRANSJE, lengste_guide


@pytest.fixture(scope="session")
def innhold() -> Innhold:
    return les_innhold()


@pytest.fixture(scope="session")
def lang(innhold: Innhold) -> Samtaleguide:
    return lengste_guide(innhold)


@pytest.fixture(scope="session")
def veileder_med_bransje(innhold: Innhold) -> Hefte:
    """The leader's whole guide with one bransje chosen."""
    return veilederhefte(innhold, VALGT_BRANSJE, laget=DAG)


@pytest.fixture(scope="session")
def for_ansatte(innhold: Innhold) -> Hefte:
    return ansatthefte(innhold, laget=DAG)
