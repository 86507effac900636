"""``send-paminnelser`` when runs overlap, the mail server fails, or a run dies half-way: each
reminder reaches the inbox once, and none is lost.

The SMTP server here is a test fixture like ``postkasse`` (aiosmtpd on loopback), with a handler
the test can steer: refuse from the n-th message, or hold one message until released. The data
is committed (``transaction=True``) so runs in other threads see it, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import email.policy
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta
from email import message_from_bytes
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from naervaer.web.paminnelser import utsending
from naervaer.web.paminnelser.models import Paminnelse
from naervaer.web.paminnelser.utsending import LEIETID, Resultat
from tests.web.conftest import Egendata
from tests.web.test_paminnelser import PLANFRIST, apne_tilfelle, kl

pytestmark = pytest.mark.django_db(transaction=True)

NAA = kl(PLANFRIST - timedelta(days=7))  # a Wednesday, 07:05


class Styrbar:
    """An SMTP handler that keeps what it accepts and does as the test says."""

    def __init__(self) -> None:
        self.brev: list[EmailMessage] = []
        self.avvis_etter: int | None = None
        """Answer 421 (closing) once this many messages are accepted."""
        self.hold_neste = False
        """Hold the next message until ``slipp`` is set, then refuse it (451)."""
        self.holdt = threading.Event()
        self.slipp = threading.Event()
        self.ta_imot_og_feil_neste = False
        """Keep the next message but answer 451, as when the 250 is lost on the way back."""
        self.vent_paa_samtidige = 0
        """Accept nothing until this many runs are sending a message at the same moment."""
        self.aktive = 0
        self.samtidige = 0
        self.port = 0

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        self.aktive += 1
        try:
            return await self._data(envelope)
        finally:
            self.aktive -= 1

    async def _data(self, envelope: Any) -> str:
        if self.vent_paa_samtidige:
            for _ in range(6000):  # gives up after a minute; the test then fails on overlap
                if self.aktive >= self.vent_paa_samtidige:
                    self.vent_paa_samtidige = 0
                    break
                await asyncio.sleep(0.01)
            self.samtidige = max(self.samtidige, self.aktive)
        if self.hold_neste:
            self.hold_neste = False
            self.holdt.set()
            while not self.slipp.is_set():
                await asyncio.sleep(0.01)
            return "451 4.3.0 Prøv igjen senere"
        if self.avvis_etter is not None and len(self.brev) >= self.avvis_etter:
            return "421 4.3.2 Tjenesten stenger"
        self.brev.append(
            message_from_bytes(envelope.content, policy=email.policy.default)  # type: ignore[arg-type]
        )
        if self.ta_imot_og_feil_neste:
            self.ta_imot_og_feil_neste = False
            return "451 4.4.2 Forbindelsen ble brutt"
        return "250 OK"

    def message_ider(self) -> Counter[str]:
        return Counter(str(b["Message-ID"]) for b in self.brev)


@pytest.fixture
def smtp(settings: Any) -> Iterator[Styrbar]:
    from aiosmtpd.controller import Controller

    settings.NAERVAER_NETTADRESSE = "https://naervaer.test"
    styrbar = Styrbar()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kontroller = Controller(styrbar, hostname="127.0.0.1", port=port)
    kontroller.start()
    styrbar.port = port
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    try:
        yield styrbar
    finally:
        styrbar.slipp.set()
        kontroller.stop()


@pytest.fixture
def mange(egendata: Egendata) -> int:
    """Twelve employees, each with two deadlines due for a reminder now: 24 mails."""
    for ansatt in egendata.ansatte.values():
        apne_tilfelle(
            ansatt,
            oppfolgingsplan=PLANFRIST,
            aktivitetskrav=NAA.date() + timedelta(days=1),
        )
    return 24


def _i_traad(naa: Any, resultater: list[Resultat]) -> threading.Thread:
    def kjor() -> None:
        try:
            resultater.append(utsending.kjor(naa))
        finally:
            connection.close()

    return threading.Thread(target=kjor)


def _alt_sendt_en_gang(smtp: Styrbar, antall: int) -> None:
    ider = smtp.message_ider()
    assert len(ider) == antall
    assert [i for i, n in ider.items() if n > 1] == []
    assert set(Paminnelse.objects.values_list("status", flat=True)) == {"SENDT"}


def _database_for_prosesser(tmp_path: Path) -> dict[str, str]:
    """The environment that points a separate process at the test's database: PostgreSQL's test
    database as it is, or SQLite's in-memory one copied to a file (the shape production has,
    with WAL and a busy timeout, which the in-memory test database lacks)."""
    innstillinger = connection.settings_dict
    if connection.vendor == "postgresql":
        bruker = innstillinger["USER"] or "postgres"
        passord = f":{innstillinger['PASSWORD']}" if innstillinger["PASSWORD"] else ""
        return {
            "DATABASE_URL": f"postgres://{bruker}{passord}@{innstillinger['HOST']}:"
            f"{innstillinger['PORT'] or 5432}/{innstillinger['NAME']}"
        }
    connection.ensure_connection()
    fil = sqlite3.connect(tmp_path / "naervaer.sqlite3")
    connection.connection.backup(fil)
    fil.close()
    return {"NAERVAER_DATA": str(tmp_path)}


def _statuser(tmp_path: Path) -> Counter[str]:
    if connection.vendor == "postgresql":
        return Counter(Paminnelse.objects.values_list("status", flat=True))
    with closing(sqlite3.connect(tmp_path / "naervaer.sqlite3")) as fil:
        return Counter(
            status for (status,) in fil.execute("SELECT status FROM paminnelser_paminnelse")
        )


def test_two_runs_at_once_send_each_mail_once(smtp: Styrbar, mange: int, tmp_path: Path) -> None:
    """Two processes of the command, as cron and a hand-started run would be, with the
    production settings. The mail server holds the first message until both runs are sending,
    so they surely overlap."""
    miljo = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    miljo |= _database_for_prosesser(tmp_path)
    miljo |= {
        "DJANGO_SETTINGS_MODULE": "naervaer.web.settings",
        "SECRET_KEY": "bare-for-testene-" + "x" * 40,
        "NAERVAER_SMTP_VERT": "127.0.0.1",
        "NAERVAER_SMTP_PORT": str(smtp.port),
        "NAERVAER_NETTADRESSE": "https://naervaer.test",
    }
    smtp.vent_paa_samtidige = 2
    kommando = [sys.executable, "-m", "naervaer.web", "send_paminnelser", "--naa", NAA.isoformat()]
    prosesser = [
        subprocess.Popen(kommando, env=miljo, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    svar = [p.communicate(timeout=180) for p in prosesser]
    for p, (_, feil) in zip(prosesser, svar, strict=True):
        assert p.returncode == 0, feil.decode()
    assert smtp.samtidige == 2, "kjøringene sendte ikke samtidig"
    sendt = [int(ut.decode().split()[1]) for ut, _ in svar]
    assert sum(sendt) == mange and min(sendt) > 0, sendt
    ider = smtp.message_ider()
    assert len(ider) == mange
    assert [i for i, n in ider.items() if n > 1] == []
    assert _statuser(tmp_path) == {"SENDT": mange}


def test_a_run_that_stops_midway_leaves_the_rest_to_the_next(smtp: Styrbar, mange: int) -> None:
    smtp.avvis_etter = 2
    forste = utsending.kjor(NAA)
    assert forste.sendt == 2
    assert forste.stoppet.startswith("E-postserveren svarte 421")
    assert len(smtp.brev) == 2

    smtp.avvis_etter = None
    andre = utsending.kjor(NAA + timedelta(minutes=5))
    assert andre.sendt == mange - 2
    _alt_sendt_en_gang(smtp, mange)


def test_a_run_that_dies_while_sending_is_taken_over_after_its_claim_runs_out(
    smtp: Styrbar, mange: int
) -> None:
    smtp.hold_neste = True
    resultater: list[Resultat] = []
    doende = _i_traad(NAA, resultater)
    doende.start()
    assert smtp.holdt.wait(timeout=60)
    # The first run hangs in the middle of its first mail, holding that row. A run within the
    # claim's time leaves the row alone and sends the rest …
    underveis = utsending.kjor(NAA + timedelta(minutes=5))
    assert underveis.sendt == mange - 1
    assert Paminnelse.objects.filter(status="SENDER").count() == 1
    # … and one after it takes the row over.
    senere = utsending.kjor(NAA + LEIETID + timedelta(minutes=1))
    assert senere.sendt == 1
    smtp.slipp.set()
    doende.join(timeout=60)
    assert resultater[0].sendt == 0 and resultater[0].stoppet
    _alt_sendt_en_gang(smtp, mange)


def test_a_mail_whose_answer_was_lost_goes_again_with_the_same_message_id(
    smtp: Styrbar, egendata: Egendata
) -> None:
    # The one window the outbox cannot close (see ``utsending``): the server kept the mail but
    # the sender never heard. The repeat has the same Message-ID, so the receiver can drop it.
    apne_tilfelle(egendata.ansatte["1002"], oppfolgingsplan=PLANFRIST)
    smtp.ta_imot_og_feil_neste = True
    assert utsending.kjor(NAA).stoppet
    assert utsending.kjor(NAA + timedelta(minutes=5)).sendt == 1
    assert list(smtp.message_ider().values()) == [2]
    assert smtp.brev[0].get_body().get_content() == smtp.brev[1].get_body().get_content()  # type: ignore[union-attr]
