"""The engine on an employer's own data: months, quarters from whole months, the department tree.

Every expected figure was worked out on paper from the calendar (2024: January 23 working days,
February 21, March 21, April 22; holidays are not subtracted, so the Easter days of 28 and 29
March and 1 April count as working days). The register, with ids as the web app passes them:

    department 1 «Drift» has sub-departments 2 «Vest» and 3 «Øst»; department 4 «Stab» is alone.
    p1 100 % in 2 from 2024-01-01.
    p2  50 % in 2 from 2024-01-01 to 2024-03-15, then 50 % in 3 (moved in the middle of March).
    p3 100 % in 1 itself (no sub-department) from 2024-02-01.
    p4  80 % in 4 from 2024-01-01.

    f1 p1 sykmelding 100 % 22 January-20 February: 8 working days in January, 14 in February.
    f2 p3 egenmelding 25-27 March (Easter week, Monday to Wednesday): 3 days.
    f3 p2 sykmelding  50 % 25 March-5 April, over Easter and a month boundary: 5 days in March
       (with Maundy Thursday and Good Friday) and 5 in April (with Easter Monday),
       each × 50 % stilling × 50 % grad = 1.25.
    f4 p4 egenmelding 2-3 April: 2 days × 80 % = 1.6.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest

from naervaer.statistikk.avdelinger import Avdelingstre, direkte
from naervaer.statistikk.beregning import MULIGE_SKALA, TAPTE_SKALA
from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned
from naervaer.statistikk.motor import Tabellresultat, beregn_tabeller
from naervaer.statistikk.motorer import SparkMotor
from naervaer.statistikk.perioder import Inndeling

ORGNR = "910000001"
TRE = Avdelingstre({"1": None, "2": "1", "3": "1", "4": None})
KATEGORIER = {Kategori.VIRKSOMHET, Kategori.AVDELING}


def _tabeller() -> dict[str, pa.Table]:
    d = date.fromisoformat
    virksomheter = pa.table(
        {
            "orgnr": [ORGNR],
            "overordnet_orgnr": [ORGNR],
            "navn": ["Prøve AS"],
            "naeringskode": ["00000"],
            "sektor": ["UKJENT"],
            "kommunenummer": ["0000"],
        }
    )
    af = [
        ("p1", "2", "2024-01-01", None, 100.0),
        ("p2", "2", "2024-01-01", "2024-03-15", 50.0),
        ("p2", "3", "2024-03-16", None, 50.0),
        ("p3", "1", "2024-02-01", None, 100.0),
        ("p4", "4", "2024-01-01", None, 80.0),
    ]
    arbeidsforhold = pa.table(
        {
            "person_id": [a[0] for a in af],
            "orgnr": [ORGNR] * len(af),
            "avdeling": [a[1] for a in af],
            "fra_dato": pa.array([d(a[2]) for a in af], pa.date32()),
            "til_dato": pa.array([None if a[3] is None else d(a[3]) for a in af], pa.date32()),
            "stillingsprosent": [a[4] for a in af],
        }
    )
    fr = [
        ("p1", "2024-01-22", "2024-02-20", "sykmelding", 100.0),
        ("p3", "2024-03-25", "2024-03-27", "egenmelding", 100.0),
        ("p2", "2024-03-25", "2024-04-05", "sykmelding", 50.0),
        ("p4", "2024-04-02", "2024-04-03", "egenmelding", 100.0),
    ]
    fravaer = pa.table(
        {
            "person_id": [f[0] for f in fr],
            "orgnr": [ORGNR] * len(fr),
            "fra_dato": pa.array([d(f[1]) for f in fr], pa.date32()),
            "til_dato": pa.array([d(f[2]) for f in fr], pa.date32()),
            "type": [f[3] for f in fr],
            "grad": [f[4] for f in fr],
        }
    )
    return {"virksomheter": virksomheter, "arbeidsforhold": arbeidsforhold, "fravaer": fravaer}


Rader = dict[tuple[str | None, int, int], dict[str, Any]]


def _rader(resultat: Tabellresultat, inndeling: Inndeling) -> Rader:
    """By (unit, arstall, number): None is the virksomhet; sums as exact decimals."""
    rader: Rader = {}
    for rad in resultat.summer[inndeling].to_pylist():
        enhet = None if rad["kategori"] == "VIRKSOMHET" else rad["kode"].partition("/")[2]
        nokkel = (enhet, rad["arstall"], rad[inndeling.value])
        assert nokkel not in rader, nokkel
        rader[nokkel] = {
            "personer": rad["antall_personer"],
            "mulige": Decimal(rad["mulige"]) / MULIGE_SKALA,
            **{
                navn: Decimal(rad[navn]) / TAPTE_SKALA
                for navn in (
                    "tapte",
                    "tapte_egenmeldt",
                    "tapte_legemeldt",
                    "tapte_gradert",
                    "tapte_korttid",
                    "tapte_langtid",
                )
            },
        }
    return rader


@pytest.fixture(scope="module")
def samlet() -> Tabellresultat:
    """January to April as months, and the first quarter (the only whole one), in one pass."""
    return beregn_tabeller(
        _tabeller(),
        Maned(2024, 1),
        Maned(2024, 4),
        med_kvartaler=True,
        avdelingsenheter=TRE.enhetstabell(ORGNR),
        kategorier=KATEGORIER,
    )


def _sjekk(rad: dict[str, Any], **forventet: str | int) -> None:
    for navn, verdi in forventet.items():
        faktisk = rad[navn]
        assert faktisk == (verdi if isinstance(verdi, int) else Decimal(verdi)), (navn, faktisk)


def test_a_month_counts_its_own_working_days_and_holidays_are_not_subtracted(
    samlet: Tabellresultat,
) -> None:
    maneder = _rader(samlet, Inndeling.MANED)
    # Stab: p4 at 80 % for 23, 21, 21 (Easter week included) and 22 (Easter Monday included).
    for maned, mulige in ((1, "18.4"), (2, "16.8"), (3, "16.8"), (4, "17.6")):
        _sjekk(maneder[("4", 2024, maned)], personer=1, mulige=mulige)
    # f2, Monday to Wednesday of Easter week: three whole days.
    _sjekk(maneder[(direkte("1"), 2024, 3)], tapte="3", tapte_egenmeldt="3", tapte_korttid="3")
    # f3 over Easter: Maundy Thursday and Good Friday in March, Easter Monday in April.
    for maned in (3, 4):
        _sjekk(
            maneder[("3", 2024, maned)],
            tapte="1.25",
            tapte_legemeldt="1.25",
            tapte_gradert="1.25",
            tapte_egenmeldt="0",
        )


def test_a_case_over_a_month_boundary_is_split_by_day_and_its_length_counts_to_month_end(
    samlet: Tabellresultat,
) -> None:
    maneder = _rader(samlet, Inndeling.MANED)
    # f1: 8 days in January, when the case is 10 days old at the month's end (korttid), and 14 in
    # February, when it is 30 days old at its own end (langtid).
    _sjekk(
        maneder[("2", 2024, 1)],
        personer=2,
        mulige="34.5",
        tapte="8",
        tapte_legemeldt="8",
        tapte_korttid="8",
        tapte_langtid="0",
    )
    _sjekk(
        maneder[("2", 2024, 2)],
        personer=2,
        mulige="31.5",
        tapte="14",
        tapte_korttid="0",
        tapte_langtid="14",
    )
    # In the quarter the same case is 30 days old at its end: all 22 days are langtid.
    kvartaler = _rader(samlet, Inndeling.KVARTAL)
    _sjekk(
        kvartaler[("2", 2024, 1)],
        personer=2,
        mulige="92.5",
        tapte="22",
        tapte_korttid="0",
        tapte_langtid="22",
    )
    # f3 is 7 days old at the end of March and 12 at its end in April: korttid in both.
    _sjekk(maneder[("3", 2024, 4)], tapte_korttid="1.25", tapte_langtid="0")


def test_a_parent_department_covers_its_sub_departments_and_its_own_staff(
    samlet: Tabellresultat,
) -> None:
    maneder = _rader(samlet, Inndeling.MANED)
    # March: Vest 26.5 (p1 21, p2 5.5 until the 15th), Øst 5 (p2 from the 16th), p3 21 directly.
    _sjekk(maneder[("2", 2024, 3)], personer=2, mulige="26.5", tapte="0")
    _sjekk(maneder[("3", 2024, 3)], personer=1, mulige="5")
    _sjekk(maneder[(direkte("1"), 2024, 3)], personer=1, mulige="21")
    # p2 moved within Drift: one person there, not two.
    _sjekk(
        maneder[("1", 2024, 3)],
        personer=3,
        mulige="52.5",
        tapte="4.25",
        tapte_egenmeldt="3",
        tapte_legemeldt="1.25",
        tapte_gradert="1.25",
    )
    _sjekk(maneder[("1", 2024, 1)], personer=2, mulige="34.5", tapte="8")
    _sjekk(maneder[("1", 2024, 2)], personer=3, mulige="52.5", tapte="14")
    _sjekk(maneder[("1", 2024, 4)], personer=3, mulige="55", tapte="1.25")
    # The virksomhet is Drift and Stab; p2 is one person in it too.
    for maned, personer, mulige, tapte in (
        (1, 3, "52.9", "8"),
        (2, 4, "69.3", "14"),
        (3, 4, "69.3", "4.25"),
        (4, 4, "72.6", "2.85"),
    ):
        _sjekk(maneder[(None, 2024, maned)], personer=personer, mulige=mulige, tapte=tapte)
    # The quarter: Vest 92.5, Øst 5, p3 21 + 21 (from February); Stab 18.4 + 16.8 + 16.8.
    kvartal = _rader(samlet, Inndeling.KVARTAL)
    _sjekk(
        kvartal[("1", 2024, 1)],
        personer=3,
        mulige="139.5",
        tapte="26.25",
        tapte_korttid="4.25",
        tapte_langtid="22",
    )
    _sjekk(kvartal[(None, 2024, 1)], personer=4, mulige="191.5", tapte="26.25")


def test_only_units_with_employments_have_rows_and_a_leaf_has_no_own_staff_unit(
    samlet: Tabellresultat,
) -> None:
    maneder = _rader(samlet, Inndeling.MANED)
    # Øst has nobody before 16 March, p3 starts in February, and only Drift has sub-departments.
    assert ("3", 2024, 1) not in maneder and ("3", 2024, 2) not in maneder
    assert (direkte("1"), 2024, 1) not in maneder
    assert {e for e, _, _ in maneder} == {None, "1", "2", "3", "4", direkte("1")}
    # Only whole quarters: April alone makes no second quarter.
    assert {(a, n) for _, a, n in _rader(samlet, Inndeling.KVARTAL)} == {(2024, 1)}


def test_the_parts_add_up_to_their_department_in_every_period(samlet: Tabellresultat) -> None:
    for inndeling in Inndeling:
        rader = _rader(samlet, inndeling)
        for (enhet, arstall, nummer), rad in rader.items():
            deler = TRE.deler(enhet) if enhet is None or ":" not in enhet else ()
            if not deler:
                continue
            for navn in ("mulige", "tapte", "tapte_egenmeldt", "tapte_legemeldt", "tapte_gradert"):
                summen = sum(
                    (
                        rader[(d, arstall, nummer)][navn]
                        for d in deler
                        if (d, arstall, nummer) in rader
                    ),
                    Decimal(0),
                )
                assert summen == rad[navn], (enhet, arstall, nummer, navn)


def test_months_and_quarters_in_one_pass_equal_separate_runs(samlet: Tabellresultat) -> None:
    for fra, til, inndeling in (
        (Maned(2024, 1), Maned(2024, 4), Inndeling.MANED),
        (Kvartal(2024, 1), Kvartal(2024, 1), Inndeling.KVARTAL),
    ):
        alene = beregn_tabeller(
            _tabeller(),
            fra,
            til,
            avdelingsenheter=TRE.enhetstabell(ORGNR),
            kategorier=KATEGORIER,
        )
        assert list(alene.summer) == [inndeling]
        assert alene.summer[inndeling].to_pylist() == samlet.summer[inndeling].to_pylist()


def test_three_months_add_up_to_their_quarter_in_the_additive_sums(
    samlet: Tabellresultat,
) -> None:
    maneder, kvartaler = _rader(samlet, Inndeling.MANED), _rader(samlet, Inndeling.KVARTAL)
    for (enhet, arstall, kvartal), rad in kvartaler.items():
        for navn in ("mulige", "tapte", "tapte_egenmeldt", "tapte_legemeldt", "tapte_gradert"):
            summen = sum(
                (
                    maneder[(enhet, arstall, m)][navn]
                    for m in range(3 * kvartal - 2, 3 * kvartal + 1)
                    if (enhet, arstall, m) in maneder
                ),
                Decimal(0),
            )
            assert summen == rad[navn], (enhet, navn)


def test_without_a_tree_each_department_is_its_own_unit() -> None:
    resultat = beregn_tabeller(
        _tabeller(), Maned(2024, 3), Maned(2024, 3), kategorier={Kategori.AVDELING}
    )
    rader = _rader(resultat, Inndeling.MANED)
    # Drift itself has only p3 when its sub-departments are not counted in it.
    assert set(rader) == {("1", 2024, 3), ("2", 2024, 3), ("3", 2024, 3), ("4", 2024, 3)}
    _sjekk(rader[("1", 2024, 3)], personer=1, mulige="21", tapte="3")


def test_a_period_that_ends_before_it_begins_or_mixes_kinds_is_refused() -> None:
    with pytest.raises(ValueError, match="før den begynner"):
        beregn_tabeller(_tabeller(), Maned(2024, 4), Maned(2024, 1))
    with pytest.raises(TypeError, match="samme slags"):
        beregn_tabeller(_tabeller(), Maned(2024, 1), Kvartal(2024, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sammen med måneder"):
        beregn_tabeller(_tabeller(), Kvartal(2024, 1), Kvartal(2024, 2), med_kvartaler=True)


def test_bad_rows_in_memory_name_the_table_row_and_field() -> None:
    from naervaer.statistikk.register import RegisterFeil

    tabeller = _tabeller()
    fravaer = tabeller["fravaer"]
    tabeller["fravaer"] = fravaer.set_column(
        fravaer.schema.get_field_index("grad"), "grad", pa.array([100.0, 100.0, 10.0, 100.0])
    )
    with pytest.raises(RegisterFeil) as feil:
        beregn_tabeller(tabeller, Maned(2024, 1), Maned(2024, 4))
    assert str(feil.value).startswith("fravaer, rad 3, felt «grad»: grad må være et tall fra 20")


@pytest.mark.spark
def test_spark_counts_months_quarters_and_the_tree_as_duckdb_does(
    samlet: Tabellresultat, spark: Any
) -> None:
    pa_spark = beregn_tabeller(
        _tabeller(),
        Maned(2024, 1),
        Maned(2024, 4),
        med_kvartaler=True,
        avdelingsenheter=TRE.enhetstabell(ORGNR),
        kategorier=KATEGORIER,
        motor=SparkMotor(spark),
    )
    for inndeling in Inndeling:
        assert pa_spark.summer[inndeling].to_pylist() == samlet.summer[inndeling].to_pylist()
