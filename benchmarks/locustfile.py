"""Users of the statistics page and of the API, for ``benchmarks/lasttest.py``.

Each simulated user logs in through the real login form, then reads the statistics of one of the
virksomheter the load test gave it access to, changing the benchmark now and then, as a person
would. ``NAERVAER_LAST_MAAL`` chooses what is measured: ``side`` (the page) or ``api``.
"""

from __future__ import annotations

import os
import random
import re

from locust import HttpUser, between, task

ORGNR = os.environ.get("NAERVAER_LAST_ORGNR", "").split(",")
BRUKER = os.environ.get("NAERVAER_LAST_BRUKER", "last@example.no")
PASSORD = os.environ.get("NAERVAER_LAST_PASSORD", "")
MAAL = os.environ.get("NAERVAER_LAST_MAAL", "side")
GRUNNLAG = ("bransje", "sektor", "land", "fylke", "storrelse")


class Leder(HttpUser):
    # A person reads a page for a while before the next click.
    wait_time = between(1, 3)

    def on_start(self) -> None:
        skjema = self.client.get("/logg-inn/", name="innlogging").text
        treff = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', skjema)
        if treff is None:
            raise RuntimeError("fant ikke CSRF-nøkkelen i innloggingsskjemaet")
        svar = self.client.post(
            "/logg-inn/",
            {"username": BRUKER, "password": PASSORD, "csrfmiddlewaretoken": treff.group(1)},
            name="innlogging",
            allow_redirects=False,
        )
        if svar.status_code != 302:
            raise RuntimeError(f"innloggingen feilet: {svar.status_code}")

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
