"""Storing an import, ``web.egendata.lagring``: upsert on natural keys, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naervaer.egendata.feil import Importfeil
from naervaer.egendata.lesing import Fil
from naervaer.web.egendata.lagring import (
    Hvem,
    PlanenErEndret,
    forhandsvis,
    lagre,
    les_filer,
)
from naervaer.web.egendata.models import Ansatt, Avdeling, Fravaer, Importlogg
from naervaer.web.egendata.signaler import fravaer_endret
from naervaer.web.virksomheter.models import Virksomhet
from tests.egendata.importfiler import (
    HR,
    LONN,
    MAL,
    filer,
    fravaersfil,
    innhold,
    mal_med_komma,
    rettet_fravaer,
    uten_id,
)
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata, Installasjon

pytestmark = pytest.mark.django_db

CLI = Hvem(Importlogg.Kanal.CLI, "test")


@pytest.fixture
def solsikken(installasjon: Installasjon) -> Virksomhet:
    return Virksomhet.objects.get(orgnr=SOLSIKKEN)


@pytest.fixture
def signaler() -> Iterator[list[dict[str, Any]]]:
    """What ``fravaer_endret`` was sent with, by a receiver of the test's own."""
    mottatt: list[dict[str, Any]] = []

    def mottaker(sender: object, **kwargs: Any) -> None:
        mottatt.append(kwargs)

    fravaer_endret.connect(mottaker, dispatch_uid="test_import_lagring")
    yield mottatt
    fravaer_endret.disconnect(dispatch_uid="test_import_lagring")


def importer(virksomhet: Virksomhet, filene: list[Fil], **kwargs: Any) -> Any:
    return lagre(virksomhet, les_filer(virksomhet, filene), CLI, **kwargs)


def test_the_template_files_make_every_row(
    solsikken: Virksomhet, signaler: list[dict[str, Any]]
) -> None:
    lagret = importer(solsikken, filer(*MAL))
    assert lagret.plan.antall() == {
        "avdelinger": {"nye": 4, "endrede": 0, "uendrede": 0, "fjernede": 0},
        "ansatte": {"nye": 8, "endrede": 0, "uendrede": 0, "fjernede": 0},
        "arbeidsforhold": {"nye": 9, "endrede": 0, "uendrede": 0, "fjernede": 0},
        "fravær": {"nye": 13, "endrede": 0, "uendrede": 0, "fjernede": 0},
    }
    data = uten_id(innhold(SOLSIKKEN))
    assert data["avdelinger"] == [
        ("110", "Kjøkken og vaskeri", None),
        ("210", "Furuly bo- og behandling", None),
        ("220", "Granly skjermet enhet", None),
        ("900", "Administrasjon", None),
    ]
    assert ("1005", "Fatima Rahimi", None) in data["ansatte"]
    assert ("1005", "220", date(2023, 2, 1), None, Decimal("50.50")) in data["arbeidsforhold"]
    assert (
        "1008",
        date(2025, 10, 1),
        date(2025, 10, 31),
        "sykmelding",
        Decimal("50"),
        "IMPORT",
        None,
    ) in data["fravaer"]
    assert len(data["fravaer"]) == 13
    # One signal, inside the transaction, naming every employee whose data changed.
    assert len(signaler) == 1
    assert signaler[0]["virksomhet"] == solsikken
    assert signaler[0]["ansatt_ids"] == frozenset(
        Ansatt.objects.filter(virksomhet=solsikken).values_list("pk", flat=True)
    )
    logg = Importlogg.objects.get()
    assert (logg.kanal, logg.hvem, logg.virksomhet_id) == ("CLI", "test", SOLSIKKEN)
    assert logg.filer == ["ansatte.csv", "arbeidsforhold.csv", "fravaer.csv"]
    assert logg.antall["fravær"]["nye"] == 13
    # The overlap of 1003's two sykmeldinger in the file is told, naming both rows.
    assert logg.advarsler == 1


@pytest.mark.parametrize(
    "filene",
    [lambda: filer(*LONN), lambda: filer(*HR), mal_med_komma],
    ids=["lonn-windows-1252", "hr-xlsx", "mal-bom-komma"],
)
def test_every_layout_stores_the_same(solsikken: Virksomhet, filene: Any) -> None:
    importer(solsikken, filer(*MAL))
    forventet = uten_id(innhold(SOLSIKKEN))
    for modell in (Fravaer, Ansatt):
        modell.objects.all().delete()
    Avdeling.objects.all().delete()
    importer(solsikken, filene())
    assert uten_id(innhold(SOLSIKKEN)) == forventet


@pytest.mark.parametrize(
    "filene",
    [lambda: filer(*MAL), lambda: filer(*LONN), lambda: filer(*HR), mal_med_komma],
    ids=["mal", "lonn", "hr", "mal-bom-komma"],
)
def test_importing_the_same_files_again_changes_nothing(
    solsikken: Virksomhet, signaler: list[dict[str, Any]], filene: Any
) -> None:
    importer(solsikken, filene())
    for_ = innhold(SOLSIKKEN)
    with CaptureQueriesContext(connection) as sporringer:
        lagret = importer(solsikken, filene())
    assert innhold(SOLSIKKEN) == for_
    assert not lagret.plan.har_endringer
    assert all(
        (t["nye"], t["endrede"], t["fjernede"]) == (0, 0, 0) for t in lagret.plan.antall().values()
    )
    assert lagret.plan.antall()["fravær"]["uendrede"] == 13
    assert len(signaler) == 1  # only the first import sent one
    assert not any(
        s["sql"].lstrip().upper().startswith(('INSERT INTO "EGENDATA_F', "UPDATE", "DELETE"))
        for s in sporringer.captured_queries
    )
    assert Importlogg.objects.count() == 2


def test_a_corrected_export_replaces_the_earlier_periods(
    solsikken: Virksomhet, signaler: list[dict[str, Any]]
) -> None:
    importer(solsikken, filer(*MAL))
    signaler.clear()
    plan = forhandsvis(solsikken, les_filer(solsikken, [rettet_fravaer()]))
    antall = plan.antall()["fravær"]
    assert antall == {"nye": 1, "endrede": 1, "uendrede": 11, "fjernede": 1}
    tabell = plan.tabeller()[3]
    assert tabell.eksempler_nye == ("ansatt 1007: egenmelding 13.10.2025–14.10.2025, grad 100 %",)
    assert tabell.eksempler_endrede == (
        "ansatt 1001, sykmelding fra 01.03.2025: til-dato 31.03.2025 → 21.03.2025",
    )
    assert tabell.eksempler_fjernede == (
        "ansatt 1006: egenmelding 20.01.2025–24.01.2025, grad 100 %",
    )

    importer(solsikken, [rettet_fravaer()])
    fravaer = {
        (f.ansatt.ansattnummer, f.fra_dato): f.til_dato
        for f in Fravaer.objects.select_related("ansatt")
    }
    assert fravaer[("1001", date(2025, 3, 1))] == date(2025, 3, 21)
    assert ("1006", date(2025, 1, 20)) not in fravaer
    assert fravaer[("1007", date(2025, 10, 13))] == date(2025, 10, 14)
    assert len(fravaer) == 13
    ids = dict(Ansatt.objects.values_list("ansattnummer", "pk"))
    assert signaler[0]["ansatt_ids"] == frozenset({ids["1001"], ids["1006"], ids["1007"]})


def test_only_periods_inside_the_export_and_of_its_persons_are_removed(
    solsikken: Virksomhet,
) -> None:
    importer(solsikken, filer(*MAL))
    # An export of February for 1001 alone: 1001's January and March are outside it, and the
    # other employees are not in it, so nothing of theirs is removed.
    plan = forhandsvis(
        solsikken,
        les_filer(solsikken, [fravaersfil("1001;2025-02-03;2025-02-28;sykmelding;100")]),
    )
    assert plan.antall()["fravær"] == {"nye": 0, "endrede": 0, "uendrede": 1, "fjernede": 0}
    plan = forhandsvis(
        solsikken,
        les_filer(solsikken, [fravaersfil("1001;2025-01-01;2025-03-31;sykmelding;20")]),
    )
    # 1001's three periods lie inside 1 January–31 March and none has the new key.
    assert plan.antall()["fravær"] == {"nye": 1, "endrede": 0, "uendrede": 0, "fjernede": 3}


def test_registered_absence_is_kept_unless_the_import_has_its_key(
    egendata: Egendata,
) -> None:
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    Fravaer.objects.filter(ansatt__ansattnummer="1001").update(
        kilde=Fravaer.Kilde.REGISTRERT, registrert_av=egendata.hr
    )
    # 1001 has two egenmeldinger registered in Nærvær (3–5 February and 2–3 June 2025).
    fil = fravaersfil(
        "1001;2025-02-03;2025-02-05;egenmelding;100",
        "1001;2025-06-03;2025-06-06;sykmelding;100",
    )
    plan = forhandsvis(solsikken, les_filer(solsikken, [fil]))
    assert plan.antall()["fravær"] == {"nye": 1, "endrede": 1, "uendrede": 0, "fjernede": 0}
    assert plan.tabeller()[3].eksempler_endrede == (
        "ansatt 1001, egenmelding fra 03.02.2025: registrert i Nærvær, erstattes av importen",
    )
    assert plan.advarsler == [
        "fravaer.csv, rad 2: fraværet erstatter fravær som er registrert i Nærvær for ansatt "
        "1001 (egenmelding 03.02.2025–05.02.2025, grad 100 %); importen gjelder",
        "fravaer.csv, rad 3: fraværet 03.06.2025–06.06.2025 overlapper fraværet "
        "02.06.2025–03.06.2025 (egenmelding) som er registrert i Nærvær, for ansatt 1001; "
        "hver dag telles bare én gang",
    ]
    lagre(solsikken, plan.innlesing, CLI)
    rader = sorted(
        Fravaer.objects.filter(ansatt__ansattnummer="1001").values_list(
            "fra_dato", "type", "kilde", "registrert_av"
        )
    )
    assert rader == [
        (date(2025, 2, 3), "egenmelding", "IMPORT", None),
        (date(2025, 6, 2), "egenmelding", "REGISTRERT", egendata.hr.pk),
        (date(2025, 6, 3), "sykmelding", "IMPORT", None),
    ]


def test_an_absence_file_alone_uses_the_stored_employees(egendata: Egendata) -> None:
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    lagret = importer(solsikken, [fravaersfil("1012;2025-08-04;2025-08-06;egenmelding;100")])
    assert lagret.plan.antall()["ansatte"]["nye"] == 0
    assert Fravaer.objects.filter(ansatt=egendata.ansatte["1012"]).count() == 1


def test_departments_are_renamed_and_names_are_kept_when_the_file_has_none(
    egendata: Egendata,
) -> None:
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    fil = Fil(
        "arbeidsforhold.csv",
        b"ansattnummer;avdeling;avdelingsnavn;fra_dato;til_dato;stillingsprosent\n"
        b"1010;K;Kj\xc3\xb8kken og vask;2017-01-01;;100\n"
        b"1012;A;;2016-01-01;;100\n",
    )
    lagret = importer(solsikken, [fil])
    assert lagret.plan.antall()["avdelinger"] == {
        "nye": 0,
        "endrede": 1,
        "uendrede": 1,
        "fjernede": 0,
    }
    assert dict(Avdeling.objects.values_list("kode", "navn")) == {
        "A": "Barnehagen",
        "A1": "Småbarn",
        "A2": "Storbarn",
        "K": "Kjøkken og vask",
    }
    # The tree set up in Nærvær stays as it is.
    assert Avdeling.objects.get(kode="A1").overordnet == egendata.avdelinger["A"]


def test_a_failing_receiver_leaves_nothing_written(solsikken: Virksomhet) -> None:
    importer(solsikken, filer(*MAL))
    for_ = innhold(SOLSIKKEN)

    def feiler(sender: object, **kwargs: Any) -> None:
        raise RuntimeError("saken kunne ikke oppdateres")

    fravaer_endret.connect(feiler, dispatch_uid="test_feiler")
    try:
        with pytest.raises(RuntimeError):
            importer(solsikken, [rettet_fravaer()])
    finally:
        fravaer_endret.disconnect(dispatch_uid="test_feiler")
    assert innhold(SOLSIKKEN) == for_
    assert Importlogg.objects.count() == 1


def test_a_plan_that_changed_since_the_preview_is_refused(solsikken: Virksomhet) -> None:
    innlesing = les_filer(solsikken, filer(*MAL))
    fingeravtrykk = forhandsvis(solsikken, innlesing).fingeravtrykk
    assert forhandsvis(solsikken, innlesing).fingeravtrykk == fingeravtrykk
    # Someone else imports in between.
    importer(solsikken, filer("mal/ansatte.csv"))
    for_ = innhold(SOLSIKKEN)
    with pytest.raises(PlanenErEndret):
        lagre(solsikken, innlesing, CLI, fingeravtrykk=fingeravtrykk)
    assert innhold(SOLSIKKEN) == for_
    ny = forhandsvis(solsikken, innlesing).fingeravtrykk
    lagre(solsikken, innlesing, CLI, fingeravtrykk=ny)
    assert Fravaer.objects.count() == 13


def test_bad_files_are_refused_before_anything_is_planned(solsikken: Virksomhet) -> None:
    importer(solsikken, filer(*MAL))
    for_ = innhold(SOLSIKKEN)
    with pytest.raises(Importfeil) as feil:
        les_filer(solsikken, filer("feil/ukjent_ansatt.csv"))
    assert "rad 3, kolonne «ansattnummer», verdi «1099»: ukjent ansatt" in str(feil.value)
    assert innhold(SOLSIKKEN) == for_


def test_one_virksomhet_never_touches_another(installasjon: Installasjon) -> None:
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    smaabygg = Virksomhet.objects.get(orgnr=SMAABYGG)
    importer(solsikken, filer(*MAL))
    for_ = innhold(SOLSIKKEN)
    lagret = importer(smaabygg, filer(*MAL))
    assert lagret.plan.antall()["ansatte"]["nye"] == 8
    assert innhold(SOLSIKKEN) == for_
    # An absence file for Småbygg cannot refer to Solsikken's employees.
    with pytest.raises(Importfeil):
        les_filer(
            Virksomhet.objects.get(orgnr="910000003"),
            [fravaersfil("1001;2025-08-04;2025-08-06;egenmelding;100")],
        )


def test_too_long_text_is_an_error_with_its_place(solsikken: Virksomhet) -> None:
    fil = Fil("ansatte.csv", ("ansattnummer;navn\n1001;" + "A" * 201 + "\n").encode())
    with pytest.raises(Importfeil) as feil:
        les_filer(solsikken, [fil])
    assert str(feil.value.feil[0]).endswith(
        "rad 2, kolonne «navn», verdi «" + "A" * 201 + "»: er for lang: høyst 200 tegn, ikke 201"
    )


TRE_HODE = (
    b"ansattnummer;avdeling;avdelingsnavn;overordnet_avdeling;fra_dato;til_dato;stillingsprosent\n"
)


def test_the_department_tree_comes_from_the_optional_column(solsikken: Virksomhet) -> None:
    fil = Fil(
        "arbeidsforhold.csv",
        TRE_HODE + "1001;A1;Småbarn;A;01.08.2020;;100\n1002;K;Kjøkken;;01.01.2021;;80\n".encode(),
    )
    ansatte = Fil("ansatte.csv", b"ansattnummer;navn\n1001;Anna\n1002;Bjarne\n")
    plan = forhandsvis(solsikken, les_filer(solsikken, [ansatte, fil]))
    assert plan.tabeller()[0].eksempler_nye == (
        "avdeling A1 «Småbarn» under A",
        "avdeling K «Kjøkken»",
        "avdeling A",
    )
    assert (
        "avdeling A finnes ikke fra før og står bare som overordnet avdeling" in (plan.advarsler[0])
    )
    lagre(solsikken, plan.innlesing, CLI)
    assert sorted(Avdeling.objects.values_list("kode", "navn", "overordnet__kode")) == [
        ("A", "", None),
        ("A1", "Småbarn", "A"),
        ("K", "Kjøkken", None),
    ]


def test_a_department_can_be_moved_but_not_into_a_ring(egendata: Egendata) -> None:
    solsikken = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    flytt = Fil("arbeidsforhold.csv", TRE_HODE + b"1005;A2;Storbarn;K;01.01.2018;;100\n")
    plan = forhandsvis(solsikken, les_filer(solsikken, [flytt]))
    assert plan.tabeller()[0].eksempler_endrede == ("avdeling A2 «Storbarn»: ligger nå under K",)
    lagre(solsikken, plan.innlesing, CLI)
    assert Avdeling.objects.get(kode="A2").overordnet == egendata.avdelinger["K"]

    for_ = innhold(SOLSIKKEN)
    ring = Fil("arbeidsforhold.csv", TRE_HODE + b"1012;A;Barnehagen;A1;01.01.2016;;100\n")
    with pytest.raises(Importfeil) as feil:
        lagre(solsikken, les_filer(solsikken, [ring]), CLI)
    assert str(feil.value.feil[0]) == (
        "arbeidsforhold.csv, rad 2, kolonne «overordnet_avdeling», verdi «A1»: avdelingen kommer "
        "da til å ligge under seg selv sammen med avdelingene som er lagret fra før: A → A1 → A"
    )
    assert innhold(SOLSIKKEN) == for_
