"""All warnings of a virksomhet like Solsikken (the egendata fixture of tests/web) on
1 December 2025."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maskering import Vist, masker
from naervaer.tidligvarsel.arbeidsliste import finn_varsler, tidligste_dato
from naervaer.tidligvarsel.grunnlag import Avdeling
from naervaer.tidligvarsel.terskler import STANDARD, Sammenligning, Terskler
from naervaer.tidligvarsel.varsel import Referanse, Varseltype
from tests.tidligvarsel.lag import egen, jobb, syk

DAG = date(2025, 12, 1)
A, A1, A2, K = 1, 2, 3, 4
AVDELINGER = [
    Avdeling(A, "Barnehagen"),
    Avdeling(A1, "Småbarn", A),
    Avdeling(A2, "Storbarn", A),
    Avdeling(K, "Kjøkken"),
]
FORHOLD = [
    jobb(1001, A1, "2020-08-01"),
    jobb(1002, A1, "2021-01-01", stilling="80"),
    jobb(1003, A1, "2019-03-01"),
    jobb(1004, A1, "2022-08-15", stilling="60"),
    jobb(1005, A2, "2018-01-01"),
    jobb(1006, A2, "2023-01-01"),
    jobb(1007, A2, "2020-01-01", stilling="50"),
    jobb(1008, A2, "2021-06-01"),
    jobb(1009, A2, "2024-01-01"),
    jobb(1010, K, "2017-01-01"),
    jobb(1011, K, "2022-01-01", stilling="75"),
    jobb(1012, A, "2016-01-01"),
]
PERIODER = [
    egen(1001, "2025-02-03", "2025-02-05"),
    egen(1001, "2025-06-02", "2025-06-03"),
    syk(1002, "2025-01-06", "2025-03-28"),
    syk(1002, "2025-03-31", "2025-05-30", 50),
    egen(1003, "2025-09-01", "2025-09-03"),
    egen(1003, "2025-10-06", "2025-10-07"),
    egen(1003, "2025-11-10", "2025-11-12"),
    syk(1005, "2025-04-07", "2025-04-25"),
    egen(1007, "2025-11-03", "2025-11-05"),
    syk(1007, "2025-11-06", "2026-01-30", 60),
    egen(1010, "2025-05-12", "2025-05-14"),
    syk(1011, "2025-12-01", "2025-12-19"),
]


def _vist(tekst: str) -> Vist:
    figur = masker(Decimal(tekst), 90_000)
    assert isinstance(figur, Vist)
    return figur


BARNEHAGER = Referanse("bransjen barnehager", _vist("9.0"), Kvartal(2025, 3))


def test_solsikken() -> None:
    varsler = finn_varsler(PERIODER, FORHOLD, AVDELINGER, DAG, STANDARD, BARNEHAGER)
    # 1003: three egenmeldinger since 2 June. 1001 has one, 1007's case is long.
    assert [v.ansatt for v in varsler.personer] == [1003]
    # Storbarn, 2 September-1 December 2025: 65 working days × 4,5 full-time = 292,5 mulige.
    # 1007's case (3 November on) has lasted 29 days: 3 × 0,5 + 18 × 0,5 × 0,6 = 6,9 langtid,
    # 2,36 %, against nothing a year earlier. Barnehagen is masked (Kjøkken has two), Småbarn
    # has four: no warning can be about them. Storbarn's 1,3 % for 2024K4-2025K3 is far from
    # 1,5 × 9,0 %.
    (storbarn,) = varsler.avdelinger
    assert (storbarn.avdeling, storbarn.type) == (A2, Varseltype.OKENDE_LANGTID)
    assert (storbarn.naa.verdi, storbarn.mot.verdi) == (Decimal("2.4"), Decimal("0.0"))


def test_someone_who_has_left_is_not_warned_about() -> None:
    forhold = [f for f in FORHOLD if f.ansatt != 1003]
    forhold.append(jobb(1003, A1, "2019-03-01", til="2025-11-30"))
    varsler = finn_varsler(PERIODER, forhold, AVDELINGER, DAG, STANDARD, BARNEHAGER)
    assert varsler.personer == ()


def test_far_above_a_low_bransje() -> None:
    lav = replace(BARNEHAGER, prosent=_vist("0.8"))
    varsler = finn_varsler(PERIODER, FORHOLD, AVDELINGER, DAG, STANDARD, lav)
    assert [(v.avdeling, v.type) for v in varsler.avdelinger] == [
        (A2, Varseltype.OKENDE_LANGTID),
        (A2, Varseltype.OVER_BRANSJEN),
    ]


def test_without_a_benchmark_no_comparison() -> None:
    varsler = finn_varsler(PERIODER, FORHOLD, AVDELINGER, DAG, STANDARD, None)
    assert [v.type for v in varsler.avdelinger] == [Varseltype.OKENDE_LANGTID]
    assert varsler.referanse is None


def test_a_period_beginning_after_the_day_has_not_happened() -> None:
    senere = [
        *PERIODER,
        egen(1001, "2025-12-02", "2025-12-03"),
        egen(1001, "2025-12-08", "2025-12-08"),
    ]
    varsler = finn_varsler(senere, FORHOLD, AVDELINGER, DAG, Terskler(korttid_antall=2))
    assert [v.ansatt for v in varsler.personer] == [1003]


def test_periods_before_the_earliest_day_change_nothing() -> None:
    """The web layer reads only periods ending on or after ``tidligste_dato``: a long case
    cut there must still count as long, and no short case can be lost."""
    for terskler in (
        STANDARD,
        Terskler(
            korttid_maaneder=12, bradford_aktiv=True, langtid_sammenligning=Sammenligning.FORRIGE
        ),
    ):
        grense = tidligste_dato(DAG, terskler, BARNEHAGER)
        # A chain of short periods, each joined to the next, running into the spans.
        kjede = [
            egen(
                1006,
                (grense - timedelta(days=n)).isoformat(),
                (grense - timedelta(days=n)).isoformat(),
            )
            for n in range(-40, 60)
            if (grense - timedelta(days=n)).weekday() < 5
        ]
        alle = [*PERIODER, *kjede]
        kuttet = [p for p in alle if p.til >= grense]
        hele = finn_varsler(alle, FORHOLD, AVDELINGER, DAG, terskler, BARNEHAGER)
        del_ = finn_varsler(kuttet, FORHOLD, AVDELINGER, DAG, terskler, BARNEHAGER)
        assert hele == del_
