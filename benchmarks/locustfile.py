"""Users of the statistics page and of the API, for ``benchmarks/lasttest.py``.

Each simulated user takes one of the sessions the load test logged in through the real login form
beforehand (``NAERVAER_LAST_SESJONER``), so that the measurement is of reading, not of Argon2
hashing; it then reads the statistics of the virksomheter the load test gave it access to,
changing the benchmark now and then, as a person would. ``NAERVAER_LAST_MAAL`` chooses what is
measured: ``side`` (the page) or ``api``.
"""

from __future__ import annotations

import itertools
import os
import random

from locust import HttpUser, between, task

ORGNR = os.environ.get("NAERVAER_LAST_ORGNR", "").split(",")
SESJONER = os.environ.get("NAERVAER_LAST_SESJONER", "").split(",")
MAAL = os.environ.get("NAERVAER_LAST_MAAL", "side")
GRUNNLAG = ("bransje", "sektor", "land", "fylke", "storrelse")
_NESTE_SESJON = itertools.cycle(SESJONER)


class Leder(HttpUser):
    # A person reads a page for a while before the next click.
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.cookies.set("sessionid", next(_NESTE_SESJON))

    @task
    def les(self) -> None:
        orgnr = random.choice(ORGNR)
        grunnlag = random.choice(GRUNNLAG)
        if MAAL == "api":
            self.client.get(
                f"/api/v1/virksomheter/{orgnr}/statistikk?sammenlign={grunnlag}",
                name="api: statistikk",
            )
        else:
            self.client.get(f"/virksomhet/{orgnr}/?sammenlign={grunnlag}", name="side")
