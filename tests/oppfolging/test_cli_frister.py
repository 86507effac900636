"""``naervaer frister``: the timeline of one case as a table or as JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner, Result

from naervaer.cli import app

KODER = [
    "arbeidsgiverperiode_slutt",
    "oppfolgingsplan",
    "dialogmote_1",
    "aktivitetskrav",
    "dialogmote_2_behov",
    "oppdatert_plan",
    "dialogmote_2",
    "uke_39",
    "maksdato",
]


def _frister(*argumenter: str) -> Result:
    # Wide enough that rich does not break a date or a note across lines.
    return CliRunner().invoke(app, ["frister", *argumenter], env={"COLUMNS": "200"})


def _json(*argumenter: str) -> list[dict[str, str]]:
    svar = _frister(*argumenter, "--json")
    assert svar.exit_code == 0, svar.output
    liste = json.loads(svar.stdout)
    assert isinstance(liste, list)
    return liste


def test_it_works() -> None:
    svar = _frister("--fra", "2026-01-05")
    assert svar.exit_code == 0, svar.output
    # The issue's dates, written as Norwegian readers expect them.
    for dato in ("2. februar 2026", "23. februar 2026", "2. mars 2026", "6. juli 2026"):
        assert dato in svar.stdout
    assert "Frister for sykefraværet fra 5. januar 2026 (pågår)" in svar.stdout
    assert "aml. § 4-6 (3)" in svar.stdout


def test_json_is_the_issues_list() -> None:
    liste = _json("--fra", "2026-01-05")
    assert [f["kode"] for f in liste] == KODER
    assert all(set(f) == {"kode", "dato", "ansvarlig", "hva", "kilde"} for f in liste)
    datoer = {f["kode"]: f["dato"] for f in liste}
    # First day 2026-01-05: oppfølgingsplan +28, dialogmøte 1 +49, aktivitetskrav +56,
    # dialogmøte 2 +182 days (the issue's example).
    assert datoer["oppfolgingsplan"] == "2026-02-02"
    assert datoer["dialogmote_1"] == "2026-02-23"
    assert datoer["aktivitetskrav"] == "2026-03-02"
    assert datoer["dialogmote_2"] == "2026-07-06"


def test_til_ends_the_case() -> None:
    # 5 January-1 February is exactly four weeks: the arbeidsgiverperiode and the plan.
    liste = _json("--fra", "2026-01-05", "--til", "2026-02-01")
    assert [f["kode"] for f in liste] == ["arbeidsgiverperiode_slutt", "oppfolgingsplan"]
    svar = _frister("--fra", "2026-01-05", "--til", "2026-02-01")
    assert "fra 5. januar 2026 til 1. februar 2026" in svar.stdout


def test_it_says_so_when_no_milestone_was_reached() -> None:
    svar = _frister("--fra", "2026-01-05", "--til", "2026-01-07", "--type", "egenmelding")
    assert svar.exit_code == 0, svar.output
    assert "Ingen frister for sykefraværet fra 5. januar 2026 til 7. januar 2026" in svar.stdout
    assert _json("--fra", "2026-01-05", "--til", "2026-01-07", "--type", "egenmelding") == []


def test_a_deadline_on_a_holiday_is_marked_and_kept() -> None:
    # 9 March + 28 days = 6 April 2026, 2. påskedag.
    svar = _frister("--fra", "2026-03-09")
    assert svar.exit_code == 0, svar.output
    assert "6. april 2026" in svar.stdout
    assert "2. påskedag: fristen flyttes ikke; gjør det senest onsdag 1. april 2026." in svar.stdout
    assert {f["kode"]: f["dato"] for f in _json("--fra", "2026-03-09")}[
        "oppfolgingsplan"
    ] == "2026-04-06"


def test_periods_and_egenmelding_make_one_case() -> None:
    # Egenmelding Thursday 8-Friday 9 January and sykmelding from Monday 12 at 50 %: the case
    # starts 8 January, and the weekend counts in the arbeidsgiverperiode (8 + 15 = 23).
    liste = _json("--egenmelding", "2026-01-08:2026-01-09", "--periode", "2026-01-12::50")
    datoer = {f["kode"]: f["dato"] for f in liste}
    assert datoer["arbeidsgiverperiode_slutt"] == "2026-01-23"
    assert datoer["oppfolgingsplan"] == "2026-02-05"  # 8 Jan + 28


def test_a_new_absence_after_16_days_is_a_new_case() -> None:
    # At work 10-25 January: 16 days, so the timeline is the one of the case from 26 January.
    liste = _json("--periode", "2026-01-05:2026-01-09", "--periode", "2026-01-26:")
    assert {f["kode"]: f["dato"] for f in liste}["oppfolgingsplan"] == "2026-02-23"


def test_the_egenmelding_policy_is_a_choice() -> None:
    argumenter = ("--fra", "2026-01-05", "--til", "2026-01-12", "--type", "egenmelding")
    lov = _frister(*argumenter, "--json")
    ia = _frister(*argumenter, "--json", "--egenmeldingsregel", "ia")
    lokal = _frister(*argumenter, "--json", "--egenmeldingsregel", "8")
    assert lov.stdout == ia.stdout == lokal.stdout
    assert "Fra 8. januar 2026 trengs sykmelding" in lov.stderr
    assert ia.stderr == lokal.stderr == ""


@pytest.mark.parametrize(
    ("argumenter", "melding"),
    [
        pytest.param(
            ["--fra", "2026-02-30"], "--fra: «2026-02-30» er ikke en dato", id="no_such_date"
        ),
        pytest.param(["--fra", "5.1.2026"], "ÅÅÅÅ-MM-DD", id="norwegian_date_form"),
        pytest.param(
            ["--fra", "2026-01-05", "--til", "2026-01-04"],
            "--til (4. januar 2026) kan ikke være før --fra (5. januar 2026).",
            id="til_before_fra",
        ),
        pytest.param(["--til", "2026-01-04"], "--til krever --fra", id="til_without_fra"),
        pytest.param([], "Oppgi første fraværsdag", id="nothing"),
        pytest.param(["--fra", "2026-01-05", "--grad", "abc"], "er ikke en grad", id="grad_abc"),
        pytest.param(
            ["--fra", "2026-01-05", "--grad", "10"], "minst 20 prosent", id="grad_below_20"
        ),
        pytest.param(["--fra", "2026-01-05", "--type", "ferie"], "--type: «ferie»", id="type"),
        pytest.param(["--periode", "2026-01-05"], "har ikke formen", id="periode_form"),
        pytest.param(
            ["--egenmelding", "2026-01-05:"], "må ha en sluttdato", id="egenmelding_without_end"
        ),
        pytest.param(
            ["--fra", "2026-01-05", "--egenmeldingsregel", "fri"],
            "--egenmeldingsregel: «fri» er ukjent",
            id="unknown_policy",
        ),
        pytest.param(
            ["--fra", "2026-01-05", "--egenmeldingsregel", "20"],
            "fra 3 til 16 dager",
            id="policy_beyond_the_law",
        ),
        pytest.param(["--fra", "2010-01-04"], "1. juli 2011", id="before_the_rules"),
    ],
)
def test_bad_input_gets_a_norwegian_message_and_exit_code_2(
    argumenter: list[str], melding: str
) -> None:
    svar = _frister(*argumenter)
    assert svar.exit_code == 2, svar.output
    assert melding in svar.stderr
    assert svar.stdout == ""


def test_help_is_in_norwegian() -> None:
    svar = _frister("--help")
    assert svar.exit_code == 0
    for tekst in ("første fraværsdag", "FRA:TIL", "egenmeldingsregel", "flyttes ikke"):
        assert tekst in svar.stdout


def test_the_cli_loads_the_rules_only_when_asked() -> None:
    kode = "import sys, naervaer.cli; print('naervaer.oppfolging' in sys.modules)"
    svar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert svar.stdout.strip() == "False"
