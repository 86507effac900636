"""The demo's export files: in the template, readable by the import, the same for a seed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from naervaer.egendata.demofiler import AVDELINGER, lag_demodata, skriv_demofiler
from naervaer.egendata.kontroll import les_inn
from naervaer.egendata.lesing import Fil

FRA, TIL = date(2021, 7, 1), date(2026, 10, 31)


def test_the_files_import_without_errors_or_warnings(tmp_path: Path) -> None:
    data = lag_demodata(120, "sykehjem", FRA, TIL, seed=3)
    filer = skriv_demofiler(data, tmp_path)
    assert [f.name for f in filer] == ["ansatte.csv", "arbeidsforhold.csv", "fravaer.csv"]
    innlesing = les_inn([Fil.fra_sti(f) for f in filer])
    assert len(innlesing.ansatte) == 120
    assert len(innlesing.fravaer) == len(data.fravaer)
    assert innlesing.advarsler == ()
    assert {f.filoppsett for f in innlesing.filer} == {
        "ansatte.csv",
        "arbeidsforhold.csv",
        "fravaer.csv",
    }
    # Every department has someone, so every department has its name in the files.
    koder = {a.avdeling for a in innlesing.arbeidsforhold}
    assert koder == {a.kode for a in AVDELINGER["sykehjem"]}
    overordnet = {a.avdeling: a.overordnet for a in innlesing.arbeidsforhold}
    assert overordnet["11"] == "10" and overordnet["10"] == ""


def test_absence_has_the_shape_of_real_sick_leave() -> None:
    data = lag_demodata(300, "barnehage", FRA, TIL, seed=11)
    egen = [f for f in data.fravaer if f.type == "egenmelding"]
    syk = [f for f in data.fravaer if f.type == "sykmelding"]
    assert len(egen) > 2 * len(syk) > 0
    assert all(f.grad == 100 and (f.til_dato - f.fra_dato).days < 3 for f in egen)
    assert any(f.grad < 100 for f in syk)
    assert max((f.til_dato - f.fra_dato).days for f in syk) > 56
    assert all(FRA <= f.fra_dato <= TIL for f in data.fravaer)
    # A sick note that began before the last day may run on past it: a case still going on.
    assert all(f.til_dato <= TIL or f.type == "sykmelding" for f in data.fravaer)


def test_a_seed_gives_the_same_files(tmp_path: Path) -> None:
    en = skriv_demofiler(lag_demodata(30, "bygg", FRA, TIL, seed=5), tmp_path / "en")
    to = skriv_demofiler(lag_demodata(30, "bygg", FRA, TIL, seed=5), tmp_path / "to")
    assert [f.read_bytes() for f in en] == [f.read_bytes() for f in to]
    assert en[0].read_bytes().startswith("\ufeffansattnummer;navn\r\n".encode())
