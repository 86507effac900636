"""Loading the register's virksomheter file into the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from naervaer.web.virksomheter.models import Virksomhet

pytestmark = pytest.mark.django_db

OVERSKRIFT = "orgnr,overordnet_orgnr,navn,naeringskode,sektor,kommunenummer\n"


def skriv(tmp_path: Path, *linjer: str) -> Path:
    sti = tmp_path / "virksomheter.csv"
    sti.write_text(OVERSKRIFT + "".join(f"{linje}\n" for linje in linjer), encoding="utf-8")
    return sti


def test_new_and_changed_virksomheter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sti = skriv(
        tmp_path,
        "910000001,910000100,Solsikken barnehage AS,88.911,privat,0301",
        "910000002,910000100,Småbygg AS,41200,PRIVAT,0301",
    )
    call_command("last_virksomheter", str(sti))
    assert "2 nye og 0 oppdaterte virksomheter" in capsys.readouterr().out
    solsikken = Virksomhet.objects.get(orgnr="910000001")
    assert (solsikken.naeringskode, solsikken.sektor, solsikken.fylke) == ("88911", "PRIVAT", "03")
    sti = skriv(tmp_path, "910000001,910000100,Solsikken barnehager AS,88911,PRIVAT,4601")
    call_command("last_virksomheter", str(sti))
    assert "0 nye og 1 oppdaterte virksomheter" in capsys.readouterr().out
    solsikken.refresh_from_db()
    assert (solsikken.navn, solsikken.fylkesnavn) == ("Solsikken barnehager AS", "Vestland")
    assert Virksomhet.objects.count() == 2  # a virksomhet missing from a file is kept


def test_a_bad_file_loads_nothing_and_names_row_and_field(tmp_path: Path) -> None:
    sti = skriv(
        tmp_path,
        "910000001,910000100,Solsikken barnehage AS,88911,PRIVAT,0301",
        "91000002,910000100,Småbygg AS,4120,PRIVAT,301",
        "910000001,910000100,Dobbel AS,88911,OFFENTLIG,0301",
    )
    with pytest.raises(CommandError) as feil:
        call_command("last_virksomheter", str(sti))
    melding = str(feil.value)
    assert "Ingenting ble lastet" in melding
    assert (
        "virksomheter.csv, rad 3, felt «orgnr»: orgnr må ha 9 sifre (verdi: «91000002»)" in melding
    )
    assert "rad 3, felt «naeringskode»" in melding and "rad 3, felt «kommunenummer»" in melding
    assert "rad 4, felt «sektor»" in melding
    assert "rad 4, felt «orgnr»: orgnr står også på rad 2" in melding
    assert not Virksomhet.objects.exists()


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    sti = tmp_path / "virksomheter.csv"
    sti.write_text("orgnr,navn\n910000001,Solsikken\n", encoding="utf-8")
    with pytest.raises(CommandError, match="felt «naeringskode»: kolonnen mangler"):
        call_command("last_virksomheter", str(sti))
