"""Enhetsregisteret: orgnr validation, the open-API client and ``kilder enhet``."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from naervaer.kilder import KildeFeil
from naervaer.kilder._http import USER_AGENT
from naervaer.kilder.cli import app
from naervaer.kilder.enhetsregisteret import (
    EnhetFinnesIkke,
    EnhetSlettet,
    EnhetsregisterKlient,
    ErJuridiskEnhet,
    UgyldigOrgnr,
    Underenhetsreferanse,
    Virksomhetsinfo,
    er_gyldig_orgnr,
    formater_orgnr,
    kontrollsiffer,
    valider_orgnr,
)
from naervaer.statistikk.enheter import Sektor

from .conftest import LokalServer, Svar

BARNEHAGE = "991000038"
KOMMUNE = "991000011"


def klient(server: LokalServer, timeout: float = 5.0) -> EnhetsregisterKlient:
    return EnhetsregisterKlient(server.url, timeout=timeout)


@pytest.fixture
def brreg(server: LokalServer) -> LokalServer:
    """The fictional register in fixtures/brreg/, as the open API serves it."""
    for orgnr, fil in [
        ("991000038", "underenhet_991000038_barnehage.json"),
        ("991000046", "underenhet_991000046_statlig.json"),
        ("991000089", "underenhet_991000089_sentrum.json"),
        ("991000097", "underenhet_991000097_nedlagt.json"),
        ("991000127", "underenhet_991000127_uten_sektor.json"),
    ]:
        server.fil(f"/underenheter/{orgnr}", f"brreg/{fil}")
    for orgnr, fil in [
        ("991000011", "enhet_991000011_kommune.json"),
        ("991000054", "enhet_991000054_orgl.json"),
        ("991000062", "enhet_991000062_departement.json"),
        ("991000070", "enhet_991000070_as.json"),
        ("991000135", "enhet_991000135_forening.json"),
    ]:
        server.fil(f"/enheter/{orgnr}", f"brreg/{fil}")
        server.fil(f"/underenheter/{orgnr}", "brreg/ikke_funnet.json", status=404)
    for sti in ("/underenheter/991000119", "/enheter/991000119"):
        server.fil(sti, "brreg/ikke_funnet.json", status=404)
    server.fil("/underenheter/991000100", "brreg/slettet_991000100.json", status=410)
    server.fil("/underenheter", "brreg/underenheter_under_991000070.json")
    return server


# --- Organisasjonsnummer -----------------------------------------------------------------------


def test_valider_orgnr_it_works() -> None:
    assert valider_orgnr("974760673") == "974760673"
    assert valider_orgnr(" 974 760 673 ") == "974760673"
    assert er_gyldig_orgnr(BARNEHAGE)
    assert formater_orgnr("974760673") == "974 760 673"


@pytest.mark.parametrize(
    ("orgnr", "forventet"),
    [
        ("97476067", "skal ha 9 sifre, ikke 8"),
        ("9747606731", "skal ha 9 sifre, ikke 10"),
        ("", "skal bare inneholde sifre"),
        ("97476O673", "skal bare inneholde sifre"),
        ("974-760-673", "skal bare inneholde sifre"),
        ("974760674", "kontrollsifferet stemmer ikke"),
        ("991000020", "kontrollsifferet stemmer ikke"),
        ("٩٧٤٧٦٠٦٧٣", "skal bare inneholde sifre"),
    ],
)
def test_valider_orgnr_says_what_is_wrong(orgnr: str, forventet: str) -> None:
    with pytest.raises(UgyldigOrgnr) as feil:
        valider_orgnr(orgnr)

    assert forventet in str(feil.value)
    assert not er_gyldig_orgnr(orgnr)


def test_kontrollsiffer() -> None:
    assert kontrollsiffer("97476067") == 3
    assert kontrollsiffer("99100007") == 0  # 11 - 0 → 0
    assert kontrollsiffer("99100002") is None  # would need 10: no valid orgnr starts like this


def test_an_invalid_orgnr_asks_nothing(server: LokalServer) -> None:
    with klient(server) as brreg, pytest.raises(UgyldigOrgnr):
        brreg.hent_virksomhet("991000039")

    assert server.foresporsler == []


# --- Looking up a virksomhet -------------------------------------------------------------------


def test_it_works(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        info = register.hent_virksomhet(BARNEHAGE)

    assert info == Virksomhetsinfo(
        orgnr=BARNEHAGE,
        navn="TESTDAL KOMMUNE SOLSIDEN BARNEHAGE",
        naeringskode="88911",
        overordnet_orgnr=KOMMUNE,
        sektor=Sektor.KOMMUNAL,
        kommunenummer="4601",
        slettet=False,
        institusjonell_sektorkode="6500",
    )
    assert brreg.stier() == [f"/underenheter/{BARNEHAGE}", f"/enheter/{KOMMUNE}"]


def test_it_introduces_itself(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        register.hent_virksomhet(BARNEHAGE)

    hoder = brreg.foresporsler[0].hoder
    assert hoder["User-Agent"] == USER_AGENT
    assert hoder["Accept"] == "application/json"


def test_it_accepts_the_orgnr_with_spaces(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        info = register.hent_virksomhet("991 000 038")

    assert info.orgnr == BARNEHAGE


def test_sektor_climbs_past_an_organisasjonsledd(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        info = register.hent_virksomhet("991000046")

    assert (info.sektor, info.institusjonell_sektorkode) == (Sektor.STATLIG, "6100")
    assert info.overordnet_orgnr == "991000054"  # the direct owner, not the ministry
    assert info.kommunenummer == "5501"
    assert brreg.stier() == [
        "/underenheter/991000046",
        "/enheter/991000054",
        "/enheter/991000062",
    ]


def test_privat_virksomhet(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        info = register.hent_virksomhet("991000089")

    assert (info.sektor, info.naeringskode, info.kommunenummer) == (
        Sektor.PRIVAT,
        "10710",
        "0301",
    )


def test_a_closed_underenhet_is_marked_slettet(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        info = register.hent_virksomhet("991000097")

    assert info.slettet
    assert info.slettedato == date(2021, 6, 30)


def test_an_owner_without_sektorkode_gives_ukjent(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        info = register.hent_virksomhet("991000127")

    assert (info.sektor, info.institusjonell_sektorkode) == (Sektor.UKJENT, None)


def test_an_owner_gone_from_the_register_gives_ukjent(server: LokalServer) -> None:
    server.fil("/underenheter/991000038", "brreg/underenhet_991000038_barnehage.json")
    server.rute(f"/enheter/{KOMMUNE}", Svar(status=410, tekst='{"slettedato": "2020-01-01"}'))

    with klient(server) as register:
        info = register.hent_virksomhet(BARNEHAGE)

    assert info.sektor is Sektor.UKJENT
    assert info.overordnet_orgnr == KOMMUNE


def test_hent_enhet(brreg: LokalServer) -> None:
    with klient(brreg) as register:
        enhet = register.hent_enhet("991000054")

    assert (enhet.navn, enhet.organisasjonsform, enhet.sektor) == (
        "STATENS TESTKONTOR",
        "ORGL",
        Sektor.UKJENT,
    )
    assert (enhet.overordnet_orgnr, enhet.kommunenummer) == ("991000062", "0301")


# --- When the number is not a live underenhet --------------------------------------------------


def test_an_unknown_orgnr(brreg: LokalServer) -> None:
    with klient(brreg) as register, pytest.raises(EnhetFinnesIkke) as feil:
        register.hent_virksomhet("991000119")

    assert str(feil.value) == (
        "Fant ingen virksomhet med organisasjonsnummer 991 000 119 i Enhetsregisteret. "
        "Nummeret er gyldig, men ikke registrert."
    )
    assert feil.value.status == 404
    assert brreg.stier() == ["/underenheter/991000119", "/enheter/991000119"]


def test_a_deleted_virksomhet(brreg: LokalServer) -> None:
    with klient(brreg) as register, pytest.raises(EnhetSlettet) as feil:
        register.hent_virksomhet("991000100")

    assert str(feil.value) == (
        "Virksomheten med organisasjonsnummer 991 000 100 er slettet fra Enhetsregisteret "
        "(slettedato 02.05.2019)."
    )
    assert (feil.value.status, feil.value.slettedato) == (410, date(2019, 5, 2))


def test_a_juridisk_enhet_lists_its_underenheter(brreg: LokalServer) -> None:
    with klient(brreg) as register, pytest.raises(ErJuridiskEnhet) as feil:
        register.hent_virksomhet("991000070")

    assert feil.value.enhet.navn == "TESTBAKERIET AS"
    assert feil.value.underenheter == (
        Underenhetsreferanse("991000089", "TESTBAKERIET AS AVD SENTRUM"),
        Underenhetsreferanse("991000097", "TESTBAKERIET AS AVD STRAND"),
    )
    melding = str(feil.value)
    assert melding.startswith("991 000 070 er en juridisk enhet («TESTBAKERIET AS»)")
    assert "991 000 089 TESTBAKERIET AS AVD SENTRUM" in melding
    sok = brreg.foresporsler[-1]
    assert (sok.sti, sok.param("overordnetEnhet"), sok.param("size")) == (
        "/underenheter",
        "991000070",
        "20",
    )


def test_a_juridisk_enhet_without_underenheter(brreg: LokalServer) -> None:
    brreg.fil("/underenheter", "brreg/underenheter_ingen.json")

    with klient(brreg) as register, pytest.raises(ErJuridiskEnhet) as feil:
        register.hent_virksomhet("991000135")

    assert feil.value.underenheter == ()
    assert "har ingen registrerte underenheter" in str(feil.value)


def test_it_reports_a_server_error(server: LokalServer) -> None:
    server.rute(
        "/underenheter/991000038",
        Svar(status=500, tekst='{"status": 500, "error": "Internal Server Error"}'),
    )

    with klient(server) as register, pytest.raises(KildeFeil) as feil:
        register.hent_virksomhet(BARNEHAGE)

    assert feil.value.status == 500
    assert "Enhetsregisteret (Brønnøysundregistrene) har en feil på sin side (500)" in str(
        feil.value
    )


def test_it_gives_up_after_the_timeout(server: LokalServer) -> None:
    server.rute(
        "/underenheter/991000038",
        Svar(fil="brreg/underenhet_991000038_barnehage.json", forsinkelse=1.0),
    )

    with klient(server, timeout=0.2) as register, pytest.raises(KildeFeil) as feil:
        register.hent_virksomhet(BARNEHAGE)

    assert "svarte ikke innen 0.2 sekunder" in str(feil.value)


def test_it_refuses_malformed_json(server: LokalServer) -> None:
    server.rute("/underenheter/991000038", Svar(tekst='{"organisasjonsnummer": "991000038",'))

    with klient(server) as register, pytest.raises(KildeFeil, match="ikke er gyldig JSON"):
        register.hent_virksomhet(BARNEHAGE)


def test_it_refuses_json_of_the_wrong_shape(server: LokalServer) -> None:
    server.json("/underenheter/991000038", ["ikke", "et", "objekt"])

    with klient(server) as register, pytest.raises(KildeFeil, match="en form vi ikke kjenner"):
        register.hent_virksomhet(BARNEHAGE)


# --- naervaer kilder enhet ---------------------------------------------------------------------


def test_cli_enhet_json(brreg: LokalServer) -> None:
    resultat = CliRunner().invoke(app, ["enhet", BARNEHAGE, "--json", "--brreg-url", brreg.url])

    assert resultat.exit_code == 0, resultat.output
    assert json.loads(resultat.stdout) == {
        "orgnr": BARNEHAGE,
        "navn": "TESTDAL KOMMUNE SOLSIDEN BARNEHAGE",
        "naeringskode": "88911",
        "overordnet_orgnr": KOMMUNE,
        "sektor": "KOMMUNAL",
        "kommunenummer": "4601",
        "slettet": False,
        "institusjonell_sektorkode": "6500",
        "slettedato": None,
    }


def test_cli_enhet_table(brreg: LokalServer) -> None:
    resultat = CliRunner().invoke(app, ["enhet", BARNEHAGE, "--brreg-url", brreg.url])

    assert resultat.exit_code == 0, resultat.output
    assert "TESTDAL KOMMUNE SOLSIDEN BARNEHAGE" in resultat.output
    assert "4601 (Vestland)" in resultat.output
    assert "991 000 011" in resultat.output


def test_cli_enhet_refuses_an_invalid_orgnr(server: LokalServer) -> None:
    resultat = CliRunner().invoke(app, ["enhet", "12345", "--brreg-url", server.url])

    assert resultat.exit_code == 2
    # Click draws the message in a box and wraps it; compare the words, not the layout.
    assert "skal ha 9 sifre, ikke 5" in " ".join(resultat.output.replace("│", " ").split())
    assert server.foresporsler == []


def test_cli_enhet_explains_a_juridisk_enhet(brreg: LokalServer) -> None:
    resultat = CliRunner().invoke(app, ["enhet", "991000070", "--brreg-url", brreg.url])

    assert resultat.exit_code == 1
    assert "er en juridisk enhet" in resultat.output
