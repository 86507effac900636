from __future__ import annotations

import email.policy
import functools
import socket
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from email import message_from_bytes
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from naervaer.statistikk.kolonner import DAGSVERK_KOLONNER
from naervaer.web.statistikk.fil import KOLONNER

Felter = Mapping[str, object]
SkrivCsv = Callable[..., Path]


def rad(
    kategori: str = "VIRKSOMHET",
    kode: str = "910000001",
    periode: str = "2024K4",
    personer: int = 10,
    mulige: str = "1000",
    tapte: str = "68",
    **andre: object,
) -> dict[str, object]:
    """A consistent quarterly row: a quarter of the loss is egenmeldt, a quarter of the legemeldt
    is gradert, and 30 % is korttid."""
    arstall, kvartal = periode.split("K")
    t = Decimal(tapte)
    m = Decimal(mulige)
    legemeldt = t * 3 / 4
    korttid = t * 3 / 10
    maskert = personer < 5
    prosent = (
        ""
        if maskert or m == 0
        else str((t * 100 / m).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    )
    felter: dict[str, object] = {
        "kategori": kategori,
        "kode": kode,
        "arstall": arstall,
        "kvartal": kvartal,
        "antall_personer": personer,
        "mulige_dagsverk": mulige,
        "tapte_dagsverk": tapte,
        "tapte_dagsverk_egenmeldt": t - legemeldt,
        "tapte_dagsverk_legemeldt": legemeldt,
        "tapte_dagsverk_gradert": legemeldt / 4,
        "tapte_dagsverk_korttid": korttid,
        "tapte_dagsverk_langtid": t - korttid,
        "prosent": prosent,
        "er_maskert": "true" if maskert else "false",
    }
    felter.update(andre)
    return felter


def csv_tekst(rader: Iterable[Felter], kolonner: Iterable[str] = KOLONNER) -> str:
    kolonner = list(kolonner)
    linjer = [",".join(kolonner)]
    linjer += [",".join(_felt(r[k]) for k in kolonner) for r in rader]
    return "\n".join(linjer) + "\n"


def _felt(verdi: object) -> str:
    tekst = str(verdi)
    return f'"{tekst}"' if "," in tekst else tekst


@pytest.fixture
def skriv_csv(tmp_path: Path) -> SkrivCsv:
    def skriv(rader: Iterable[Felter], navn: str = "kvartal.csv", **kwargs: object) -> Path:
        sti = tmp_path / navn
        sti.write_text(csv_tekst(rader, **kwargs), encoding="utf-8")  # type: ignore[arg-type]
        return sti

    return skriv


@pytest.fixture
def enhet_med_historikk() -> list[dict[str, object]]:
    """A virksomhet over five quarters, one of them masked, and a unit of few persons."""
    return [
        rad(periode="2023K4", tapte="63"),
        rad(periode="2024K1", tapte="70", personer=12),
        rad(periode="2024K2", tapte="60", personer=3),
        rad(periode="2024K3", tapte="55"),
        rad(periode="2024K4", tapte="68"),
        rad(kode="910000002", periode="2024K4", personer=4, tapte="37"),
        rad(kode="910000002", periode="2023K4", personer=4, tapte="37"),
    ]


# --- A small installation: virksomheter, their statistics and users -----------------------------

PASSORD = "korrekt-hest-batteri-stift"

SOLSIKKEN = "910000001"  # barnehage in Oslo, 12 persons: every figure shown
SMAABYGG = "910000002"  # bygg with 3 persons: every own figure masked
SYKEHJEMMET = "910000003"  # sykehjem with data for only two quarters: incomplete
KONSERN = "910000100"  # overordnet enhet of the first two

# The masked virksomhet's percentage if it were shown (171,7 / 1 250 = 13,736 %): a value that
# appears nowhere else, so a test can look for it in every page, file and answer.
HEMMELIG_PROSENT = "13,7"
HEMMELIG_PROSENT_PUNKTUM = "13.7"

KVARTALER = ("2024K1", "2024K2", "2024K3", "2024K4", "2025K1", "2025K2", "2025K3", "2025K4")


@dataclass(frozen=True)
class Installasjon:
    admin: Any  # administrator of Solsikken and Småbygg
    leser: Any  # the statistics right for Solsikken
    uten_rett: Any  # tied to Solsikken without the statistics right
    fremmed: Any  # tied to nothing
    sykehjem: Any  # the statistics right for Sykehjemmet


def _kvartalsrad(
    kategori: str, kode: str, periode: str, personer: int, mulige: str, tapte: str
) -> Any:
    from naervaer.web.statistikk.models import Kvartalsstatistikk

    felter = rad(kategori, kode, periode, personer, mulige, tapte)
    return Kvartalsstatistikk(
        kategori=kategori,
        kode=kode,
        arstall=int(felter["arstall"]),  # type: ignore[call-overload]
        kvartal=int(felter["kvartal"]),  # type: ignore[call-overload]
        antall_personer=personer,
        **{navn: float(felter[navn]) for navn in DAGSVERK_KOLONNER},  # type: ignore[arg-type]
        kilde="test",
        lastet=timezone.now(),
    )


@functools.cache
def passordhash() -> str:
    """PASSORD hashed once: Argon2 is slow on purpose, and every test makes five users."""
    from django.contrib.auth.hashers import make_password

    return make_password(PASSORD)


@pytest.fixture
def installasjon(db: None) -> Installasjon:
    """Three virksomheter with statistics for 2024K1-2025K4 and their benchmarks, and users.

    The data ends in 2025K4 (published 26 February 2026), so the current period is 2025K4 on
    any later day the tests run.
    """
    from django.contrib.auth import get_user_model

    from naervaer.web.statistikk.models import Kvartalsstatistikk
    from naervaer.web.virksomheter.models import Rolle, Tilgang, Virksomhet

    Virksomhet.objects.bulk_create(
        [
            Virksomhet(SOLSIKKEN, "Solsikken barnehage AS", KONSERN, "88911", "PRIVAT", "0301"),
            Virksomhet(SMAABYGG, "Småbygg AS", KONSERN, "41200", "PRIVAT", "0301"),
            Virksomhet(SYKEHJEMMET, "Fjordheim sykehjem", "910000200", "87101", "KOMMUNAL", "4601"),
        ]
    )
    rader = []
    for i, periode in enumerate(KVARTALER):
        sving = str(i % 4 * 3)  # a season: the same quarter of each year has the same loss
        rader += [
            _kvartalsrad("VIRKSOMHET", SOLSIKKEN, periode, 12, "2400", str(190 + int(sving))),
            _kvartalsrad("VIRKSOMHET", SMAABYGG, periode, 3, "1250", "171.7"),
            _kvartalsrad("OVERORDNET_ENHET", KONSERN, periode, 15, "3650", str(362 + int(sving))),
            _kvartalsrad("LAND", "NO", periode, 2_600_000, "160000000", str(10_000_000 + i)),
            _kvartalsrad("BRANSJE", "BARNEHAGER", periode, 90_000, "5000000", "450000"),
            _kvartalsrad("BRANSJE", "BYGG", periode, 80_000, "4000000", "280000"),
            _kvartalsrad("BRANSJE", "SYKEHJEM", periode, 60_000, "3000000", "330000"),
            _kvartalsrad("SEKTOR", "PRIVAT", periode, 1_800_000, "110000000", "6000000"),
            _kvartalsrad("SEKTOR", "KOMMUNAL", periode, 500_000, "30000000", "2700000"),
            _kvartalsrad("FYLKE", "03", periode, 400_000, "25000000", "1400000"),
            _kvartalsrad("FYLKE", "46", periode, 300_000, "18000000", "1150000"),
            _kvartalsrad("STORRELSE", "5-19", periode, 300_000, "18000000", "1100000"),
            _kvartalsrad("STORRELSE", "1-4", periode, 100_000, "6000000", "330000"),
            _kvartalsrad("STORRELSE", "50-99", periode, 200_000, "12000000", "800000"),
        ]
    for periode in KVARTALER[-2:]:
        rader.append(_kvartalsrad("VIRKSOMHET", SYKEHJEMMET, periode, 60, "12000", "960"))
        rader.append(_kvartalsrad("OVERORDNET_ENHET", "910000200", periode, 60, "12000", "960"))
    Kvartalsstatistikk.objects.bulk_create(rader)

    Bruker = get_user_model()

    def bruker(epost: str, fornavn: str) -> Any:
        b = Bruker(username=epost, email=epost, first_name=fornavn, password=passordhash())
        b.save()
        return b

    inst = Installasjon(
        admin=bruker("admin@example.no", "Ada"),
        leser=bruker("leser@example.no", "Leif"),
        uten_rett=bruker("uten.rett@example.no", "Ulla"),
        fremmed=bruker("fremmed@example.no", "Frida"),
        sykehjem=bruker("sykehjem@example.no", "Siri"),
    )
    Tilgang.objects.bulk_create(
        [
            Tilgang(bruker=inst.admin, virksomhet_id=SOLSIKKEN, rolle=Rolle.ADMINISTRATOR),
            Tilgang(bruker=inst.admin, virksomhet_id=SMAABYGG, rolle=Rolle.ADMINISTRATOR),
            Tilgang(bruker=inst.leser, virksomhet_id=SOLSIKKEN, rolle=Rolle.STATISTIKK),
            Tilgang(bruker=inst.uten_rett, virksomhet_id=SOLSIKKEN, rolle=Rolle.ANSATT),
            Tilgang(bruker=inst.sykehjem, virksomhet_id=SYKEHJEMMET, rolle=Rolle.STATISTIKK),
        ]
    )
    return inst


# --- Mail: a real SMTP server on loopback -------------------------------------------------------


@dataclass
class Postkasse:
    brev: list[EmailMessage]

    def til(self, adresse: str) -> list[EmailMessage]:
        return [b for b in self.brev if adresse in b["To"]]


@pytest.fixture
def postkasse(settings: Any) -> Iterator[Postkasse]:
    """An aiosmtpd server on 127.0.0.1 that Django's SMTP backend sends to."""
    from aiosmtpd.controller import Controller

    postkasse = Postkasse([])

    class Mottaker:
        async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
            postkasse.brev.append(
                message_from_bytes(envelope.content, policy=email.policy.default)  # type: ignore[arg-type]
            )
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kontroller = Controller(Mottaker(), hostname="127.0.0.1", port=port)
    kontroller.start()
    # pytest-django swaps in the in-memory backend; these tests want the real one.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    try:
        yield postkasse
    finally:
        kontroller.stop()


# --- Own data: departments, employees, absence and users in every role ----------------------


@dataclass
class Egendata:
    """Solsikken's own data: a department tree, twelve employees, absence, and one user in each
    role. ``leder`` leads «Småbarn» (A1, under «Barnehagen» A); ``ansatt`` is employee 1001."""

    inst: Installasjon
    hr: Any
    leder: Any
    verneombud: Any
    tillitsvalgt: Any
    ansatt: Any
    avdelinger: dict[str, Any]
    ansatte: dict[str, Any]

    def bruker(self, rolle: str) -> Any:
        """The user of a role by its value: ADMINISTRATOR, HR, LEDER, …, STATISTIKK, ANSATT."""
        return {
            "ADMINISTRATOR": self.inst.admin,
            "HR": self.hr,
            "LEDER": self.leder,
            "VERNEOMBUD": self.verneombud,
            "TILLITSVALGT": self.tillitsvalgt,
            "STATISTIKK": self.inst.leser,
            "ANSATT": self.ansatt,
        }[rolle]


# (ansattnummer, navn, avdeling, fra, stillingsprosent)
EGNE_ANSATTE = (
    ("1001", "Anna Ansatt", "A1", "2020-08-01", "100"),
    ("1002", "Bjørn Berg", "A1", "2021-01-01", "80"),
    ("1003", "Cecilie Dahl", "A1", "2019-03-01", "100"),
    ("1004", "David Eng", "A1", "2022-08-15", "60"),
    ("1005", "Eva Fjeld", "A2", "2018-01-01", "100"),
    ("1006", "Frode Gran", "A2", "2023-01-01", "100"),
    ("1007", "Gro Hauge", "A2", "2020-01-01", "50"),
    ("1008", "Hans Iversen", "A2", "2021-06-01", "100"),
    ("1009", "Ida Jensen", "A2", "2024-01-01", "100"),
    ("1010", "Jon Kvam", "K", "2017-01-01", "100"),
    ("1011", "Kari Lund", "K", "2022-01-01", "75"),
    ("1012", "Leif Moe", "A", "2016-01-01", "100"),
)
# (ansattnummer, fra, til, type, grad)
EGET_FRAVAER = (
    ("1001", "2025-02-03", "2025-02-05", "egenmelding", "100"),
    ("1001", "2025-06-02", "2025-06-03", "egenmelding", "100"),
    ("1002", "2025-01-06", "2025-03-28", "sykmelding", "100"),
    ("1002", "2025-03-31", "2025-05-30", "sykmelding", "50"),
    ("1003", "2025-09-01", "2025-09-03", "egenmelding", "100"),
    ("1003", "2025-10-06", "2025-10-07", "egenmelding", "100"),
    ("1003", "2025-11-10", "2025-11-12", "egenmelding", "100"),
    ("1005", "2025-04-07", "2025-04-25", "sykmelding", "100"),
    ("1007", "2025-11-03", "2025-11-05", "egenmelding", "100"),
    ("1007", "2025-11-06", "2026-01-30", "sykmelding", "60"),
    ("1010", "2025-05-12", "2025-05-14", "egenmelding", "100"),
    ("1011", "2025-12-01", "2025-12-19", "sykmelding", "100"),
)


@pytest.fixture
def egendata(installasjon: Installasjon) -> Egendata:
    """Written straight to the models (not through the import), so tests of the import and
    of the pages do not depend on each other."""
    from datetime import date

    from django.contrib.auth import get_user_model

    from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling, Fravaer
    from naervaer.web.virksomheter.models import Rolle, Tilgang

    Bruker = get_user_model()

    def bruker(epost: str, fornavn: str, rolle: Rolle) -> Any:
        b = Bruker.objects.create(
            username=epost, email=epost, first_name=fornavn, password=passordhash()
        )
        Tilgang.objects.create(bruker=b, virksomhet_id=SOLSIKKEN, rolle=rolle)
        return b

    hr = bruker("hr@example.no", "Hege", Rolle.HR)
    leder = bruker("leder@example.no", "Lars", Rolle.LEDER)
    verneombud = bruker("verneombud@example.no", "Vera", Rolle.VERNEOMBUD)
    tillitsvalgt = bruker("tillitsvalgt@example.no", "Tore", Rolle.TILLITSVALGT)
    ansatt_bruker = bruker("ansatt@example.no", "Anna", Rolle.ANSATT)

    a = Avdeling.objects.create(virksomhet_id=SOLSIKKEN, kode="A", navn="Barnehagen")
    avdelinger = {
        "A": a,
        "A1": Avdeling.objects.create(
            virksomhet_id=SOLSIKKEN, kode="A1", navn="Småbarn", overordnet=a
        ),
        "A2": Avdeling.objects.create(
            virksomhet_id=SOLSIKKEN, kode="A2", navn="Storbarn", overordnet=a
        ),
        "K": Avdeling.objects.create(virksomhet_id=SOLSIKKEN, kode="K", navn="Kjøkken"),
    }
    avdelinger["A1"].ledere.add(leder)
    ansatte = {}
    for nummer, navn, avdeling, fra, stilling in EGNE_ANSATTE:
        ansatt = Ansatt.objects.create(virksomhet_id=SOLSIKKEN, ansattnummer=nummer, navn=navn)
        Arbeidsforhold.objects.create(
            ansatt=ansatt,
            avdeling=avdelinger[avdeling],
            fra_dato=date.fromisoformat(fra),
            stillingsprosent=Decimal(stilling),
        )
        ansatte[nummer] = ansatt
    ansatte["1001"].bruker = ansatt_bruker
    ansatte["1001"].save(update_fields=["bruker"])
    Fravaer.objects.bulk_create(
        Fravaer(
            ansatt=ansatte[nummer],
            fra_dato=date.fromisoformat(fra),
            til_dato=date.fromisoformat(til),
            type=type_,
            grad=Decimal(grad),
        )
        for nummer, fra, til, type_, grad in EGET_FRAVAER
    )
    return Egendata(
        installasjon, hr, leder, verneombud, tillitsvalgt, ansatt_bruker, avdelinger, ansatte
    )
