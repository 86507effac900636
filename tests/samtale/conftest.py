"""The shipped content and the longest guide it allows, read once for the document tests."""

from __future__ import annotations

import pytest

from naervaer.samtale.dokument import Samtaleguide
from naervaer.samtale.lasting import Innhold, les_innhold
from tests.samtale.dokumenter import lengste_guide


@pytest.fixture(scope="session")
def innhold() -> Innhold:
    return les_innhold()


@pytest.fixture(scope="session")
def lang(innhold: Innhold) -> Samtaleguide:
    return lengste_guide(innhold)
