"""Fixtures shared by the statistics engine's tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One small local Spark session for every Spark test: starting one costs ~20 s."""
    from naervaer.statistikk.motorer import lag_spark_session

    session = lag_spark_session(2)
    yield session
    session.stop()
