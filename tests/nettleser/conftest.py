"""A real headless Chromium against Django's live server, with the installation of tests/web.

One browser for the whole run (starting Chromium costs more than a test), a fresh context, and
so fresh cookies, for every test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from tests.nettleser.sider import SKJERMBILDER, SKRIVEBORD, Nettsted
from tests.web.conftest import Installasjon
from tests.web.conftest import egendata as egendata  # the fixtures, registered here too
from tests.web.conftest import installasjon as installasjon

# Playwright's sync API runs an asyncio event loop in the main thread, so Django's guard against
# blocking database calls from async code would refuse every ORM call the tests make (building
# the installation, the transactional flush). The calls are plain synchronous ones from test
# code; nothing here runs inside a coroutine.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling Google's services, which the
# closed network answers with nothing but delays.
CHROMIUM_FLAGG = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def nettleser() -> Iterator[Browser]:
    SKJERMBILDER.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGG)
        yield browser
        browser.close()


@pytest.fixture
def nettinstallasjon(
    transactional_db: None, live_server: Any, installasjon: Installasjon
) -> Installasjon:
    """The installation of tests/web, committed: the live server answers from its own thread
    and connection, so it sees only committed rows (a test using ``live_server`` gets
    pytest-django's transactional database, also through ``installasjon``'s ``db``)."""
    return installasjon


@pytest.fixture
def kontekst(nettleser: Browser) -> Iterator[BrowserContext]:
    context = nettleser.new_context(viewport=SKRIVEBORD, locale="nb-NO")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def nettsted(
    kontekst: BrowserContext, live_server: Any, nettinstallasjon: Installasjon
) -> Nettsted:
    return Nettsted(kontekst, live_server.url, nettinstallasjon)
