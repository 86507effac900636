"""Every parameter of the synthetic register, with where each figure comes from.

Three kinds of figure live here:

* **Published** figures, copied from the files in ``shared/reference`` (SSB tables) or from
  the NAV/SSB publications named beside them. These set relative levels.
* **Structure** figures (employment by næring, sizes, sectors, geography): rounded from SSB's
  register-based employment statistics and the 2024 population of the kommuner and fylker, to
  the precision a synthetic register needs. Where a figure is only an assumption, it says so.
* **Tuned** figures: a handful of base rates and seasonal factors that have no published
  counterpart, set by running the generator and comparing the engine's output with the
  published levels (see ``tests/syntetisk/test_kalibrering.py``). Each says what it was tuned to.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# ---------------------------------------------------------------------------------------------
# Scale
# ---------------------------------------------------------------------------------------------

# At skala 1.0 the files hold about 3.4 million persons (everyone with an arbeidsforhold at some
# time in the five years, so turnover counts) in about 240 000 virksomheter. About 1.43 persons
# pass through each position in five years (measured: 2.55 million positions gave 3.64 million
# persons), so 2.38 million positions give that, with about 2.2 million employed in a quarter.
STILLINGER_VED_SKALA_1 = 2_380_000

# Positions per chunk: small enough that a chunk (≈ 2 million fravær rows) stays at about a
# gigabyte of memory, large enough that the per-chunk overhead is negligible.
STILLINGER_PER_BIT = 200_000

# ---------------------------------------------------------------------------------------------
# Published levels: SSB, sykefraværsdagsverk i prosent av avtalte dagsverk
# ---------------------------------------------------------------------------------------------

# shared/reference/ssb_naering_sektor.csv (SSB tables 122735, 139305, 322688), columns
# 2012K1, 2013K1, 2012K2, 2013K2, 2016K2, 2017K2, by næring (SN2007 section group) and sektor.
# Cells SSB did not publish, or that rest on a handful of persons (privat in public
# administration, «Annen/uoppgitt»), are left out; the næring's «alle» value stands in for them.
SSB_NAERING_SEKTOR: dict[str, dict[str, tuple[float, ...]]] = {
    "ALLE": {
        "alle": (6.9, 7.2, 6.0, 6.0, 5.8, 6.0),
        "statlig": (7.0, 7.2, 5.8, 5.8, 5.6, 5.8),
        "kommunal": (9.0, 9.5, 7.9, 7.8, 7.8, 8.0),
        "privat": (6.3, 6.6, 5.5, 5.5, 5.3, 5.4),
    },
    "A": {"alle": (4.9, 5.4, 4.1, 4.4, 4.4, 4.5)},
    "C": {"alle": (6.4, 6.5, 5.6, 5.4, 5.2, 5.4)},
    "DE": {"alle": (5.5, 5.9, 4.4, 4.6, 4.5, 4.7), "privat": (5.8, 6.2, 4.5, 4.8, 4.7, 4.9)},
    "F": {"alle": (6.6, 7.1, 5.5, 5.7, 5.3, 5.4)},
    "G": {"alle": (6.2, 6.5, 5.6, 5.6, 5.3, 5.4)},
    "H": {"alle": (7.7, 7.9, 6.6, 6.7, 6.5, 6.6)},
    "I": {"alle": (6.6, 7.0, 6.4, 6.3, 5.1, 5.3)},
    "J": {"alle": (4.6, 4.7, 3.8, 3.8, 3.6, 3.7)},
    "K": {"alle": (5.2, 5.4, 4.3, 4.3, 4.2, 4.2)},
    "LM": {
        "alle": (4.5, 4.7, 3.9, 3.7, 3.7, 3.9),
        "statlig": (6.0, 5.9, 4.8, 4.6, 4.4, 4.6),
        "privat": (4.5, 4.6, 3.8, 3.7, 3.6, 3.9),
    },
    "N": {"alle": (6.8, 7.2, 5.7, 5.9, 5.6, 5.8)},
    "O": {
        "alle": (6.4, 6.7, 5.4, 5.3, 5.1, 5.3),
        "statlig": (6.3, 6.4, 5.2, 5.1, 4.9, 5.0),
        "kommunal": (6.6, 7.1, 5.7, 5.8, 5.6, 5.8),
    },
    "P": {
        "alle": (7.1, 7.7, 6.1, 5.9, 5.8, 6.0),
        "statlig": (5.0, 5.2, 4.4, 3.9, 3.9, 4.3),
        "kommunal": (7.8, 8.5, 6.7, 6.4, 6.4, 6.6),
        "privat": (6.1, 6.6, 5.4, 5.5, 5.2, 5.6),
    },
    "Q": {
        "alle": (9.8, 10.1, 8.5, 8.8, 8.6, 8.6),
        "statlig": (8.7, 9.1, 7.1, 7.6, 7.3, 7.4),
        "kommunal": (10.6, 11.0, 9.3, 9.4, 9.6, 9.6),
        "privat": (9.4, 9.2, 8.3, 8.9, 7.9, 7.9),
    },
    "RS": {
        "alle": (6.9, 7.0, 6.4, 5.8, 5.4, 5.4),
        "kommunal": (7.3, 7.8, 6.5, 6.2, 6.0, 5.8),
        "privat": (6.9, 7.0, 6.4, 5.7, 5.4, 5.4),
    },
}

# Bergverksdrift og utvinning (B) is not in ssb_naering_sektor.csv. shared/reference/
# ssb_type_naering.csv (SSB table 301240) has its legemeldt level for 2015K4-2016K4:
# 4.0, 3.8, 3.8, 4.0, 4.0 against 5.4, 5.4, 5.0, 5.4, 5.4 for all næringer.
BERGVERK_RELATIV = (4.0 + 3.8 + 3.8 + 4.0 + 4.0) / (5.4 + 5.4 + 5.0 + 5.4 + 5.4)

# shared/reference/ssb_fylke.csv (SSB tables 301242, 313345), columns 2015K3, 2015K4, 2016K1,
# 2016K3, 2016K4, 2017K1, by arbeidsstedsfylke with the borders before 2020.
SSB_FYLKE: dict[str, tuple[float, ...]] = {
    "Hele landet": (6.2, 6.3, 6.6, 6.2, 6.5, 6.8),
    "Østfold": (7.2, 7.5, 7.6, 7.0, 7.4, 7.5),
    "Akershus": (6.1, 6.3, 6.4, 6.1, 6.5, 6.6),
    "Oslo": (5.3, 5.5, 5.7, 5.3, 5.7, 6.1),
    "Hedmark": (6.3, 6.6, 7.1, 6.4, 6.9, 7.2),
    "Oppland": (6.5, 7.0, 7.4, 6.7, 7.0, 7.3),
    "Buskerud": (6.2, 6.5, 6.6, 6.1, 6.6, 6.8),
    "Vestfold": (6.0, 6.4, 6.8, 6.2, 6.6, 6.7),
    "Telemark": (6.7, 6.6, 7.0, 6.7, 7.1, 7.2),
    "Aust-Agder": (6.5, 6.6, 7.0, 6.4, 7.1, 7.5),
    "Vest-Agder": (5.9, 6.2, 6.5, 6.1, 6.4, 6.7),
    "Rogaland": (5.2, 5.6, 5.7, 5.6, 5.9, 6.3),
    "Hordaland": (6.4, 6.6, 6.8, 6.5, 6.6, 7.0),
    "Sogn og Fjordane": (5.8, 5.9, 6.2, 5.8, 5.9, 6.1),
    "Møre og Romsdal": (7.0, 6.6, 7.2, 6.5, 6.5, 7.0),
    "Sør-Trøndelag": (6.4, 6.5, 6.8, 6.2, 6.6, 6.9),
    "Nord-Trøndelag": (6.8, 7.2, 7.5, 6.9, 7.2, 7.6),
    "Nordland": (7.3, 7.6, 8.0, 7.4, 7.5, 7.9),
    "Troms": (6.8, 7.2, 7.5, 6.7, 7.0, 7.5),
    "Finnmark": (7.3, 7.8, 7.9, 6.8, 7.4, 8.0),
}

# Today's fylker from the old ones, weighted by the old fylker's population in 2017 (thousands,
# SSB table 07459), so a merged fylke gets the employment-weighted level of its parts. Akershus
# and Buskerud of 2024 differ a little from those of 2019 (Asker, Jevnaker, Lunner); ignored.
FYLKE_FRA_GAMLE: dict[str, tuple[tuple[str, float], ...]] = {
    "03": (("Oslo", 1.0),),
    "11": (("Rogaland", 1.0),),
    "15": (("Møre og Romsdal", 1.0),),
    "18": (("Nordland", 1.0),),
    "31": (("Østfold", 1.0),),
    "32": (("Akershus", 1.0),),
    "33": (("Buskerud", 1.0),),
    "34": (("Hedmark", 196.0), ("Oppland", 189.0)),
    "39": (("Vestfold", 1.0),),
    "40": (("Telemark", 1.0),),
    "42": (("Aust-Agder", 117.0), ("Vest-Agder", 184.0)),
    "46": (("Hordaland", 519.0), ("Sogn og Fjordane", 110.0)),
    "50": (("Sør-Trøndelag", 317.0), ("Nord-Trøndelag", 137.0)),
    "55": (("Troms", 1.0),),
    "56": (("Finnmark", 1.0),),
}

# National level today, shared/reference/nasjonalt_nokkeltall.csv: 6.7 % in 2023 and 6.8 % in
# 2024 (SSB/NAV); seasonally adjusted 2024K4: egenmeldt 1.0, legemeldt 5.6. The base rates
# below are tuned so that the generated register gives these over the last four quarters.
MAL_TOTAL_PROSENT = 6.75
MAL_EGENMELDT_PROSENT = 1.05
MAL_LEGEMELDT_PROSENT = 5.7

# ---------------------------------------------------------------------------------------------
# Tuned base rates and the season
# ---------------------------------------------------------------------------------------------

# Onsets per working day of a person at relative level 1.0, before the season. Tuned with the
# engine: skala 0.2 gives egenmeldt 1.04 %, legemeldt 5.72 % and in all 6.76 % over
# 2025K3-2026K2 (the at-risk time is shortened by being sick, so these are a little above the
# naive «cases per year / 261»).
RATE_EGENMELDING = 0.00405
RATE_SYKMELDING = 0.00288

# Relative onset intensity by calendar month (January first). The quarterly pattern is SSB's:
# shared/reference/ssb_type_naering.csv, all næringer 2016: egenmeldt 1.2, 0.8, 0.8, 1.1 % and
# legemeldt 5.4, 5.0, 5.4, 5.4 % in Q1-Q4; 2001: egenmeldt 1.0, 0.7, 0.6, 0.8. Egenmelding
# follows the flu season closely; legemeldt prevalence lags its onsets by weeks to months, so
# its onset curve is steeper than the quarterly pattern it produces. July is low for both because
# sickness during the summer holiday is mostly not reported. Tuned so that Q1 is the highest
# quarter and Q3 the lowest in the total, as in SSB's unadjusted series since 2018.
SESONG_EGENMELDING = (1.40, 1.40, 1.20, 0.95, 0.85, 0.80, 0.50, 0.85, 0.95, 1.05, 1.15, 1.15)
SESONG_SYKMELDING = (1.15, 1.12, 1.05, 0.95, 0.95, 0.90, 0.72, 0.97, 1.02, 1.05, 1.08, 0.98)

# The onset rate of a virksomhet is its relative level raised to this power. A person who is
# sick is not at risk of a new case, so the realised level rises less than in proportion to the
# onset rate; the power undoes that, so that high-level groups (helse, kommunal) reach SSB's
# relative levels. Tuned.
NIVA_EKSPONENT = 1.15

# Person-level heterogeneity: a lognormal multiplier with mean 1. A large spread reproduces the
# known concentration of sick leave (NAV, Arbeid og velferd 1/2024: 9 % of persons with legemeldt
# sick leave stand for 29 % of the cases); 0.9 is an assumption, not a published figure.
PERSON_SPREDNING = 0.9

# ---------------------------------------------------------------------------------------------
# Episodes
# ---------------------------------------------------------------------------------------------

# Working days of an egenmelding: mostly 1-3 (the law's three days), some up to the eight days
# many IA-virksomheter allow (NAV, «Utviklingen i sykefraværet» notes). Assumed shares.
EGENMELDING_DAGER = np.array([1, 2, 3, 4, 5, 6, 7, 8])
EGENMELDING_ANDEL = np.array([0.30, 0.25, 0.25, 0.08, 0.05, 0.03, 0.02, 0.02])

# Share of sykmelding cases that start with a few days of egenmelding (then the doctor's note
# follows the next day, one case). Assumption: employees may self-certify the first days.
EGENMELDING_FOR_SYKMELDING = 0.35
EGENMELDING_FOR_SYKMELDING_DAGER = np.array([1, 2, 3])
EGENMELDING_FOR_SYKMELDING_ANDEL = np.array([0.35, 0.35, 0.30])

# Duration of a sykmelding case in calendar days, by SSB's bins, from shared/reference/
# ssb_varighet_2002K3.csv (archived SSB table 27): the share of legemeldt dagsverk by case
# duration («I alt»: 4.4, 5.0, 5.0, 8.9, 9.2, 8.5, 8.1, 17.7, 26.1 %) turned into a share of
# cases by dividing by each bin's mean length. NAV's mean duration of started legemeldte cases,
# 42-47 days in 2002-2011 (NAV table «Påbegynte sykefraværstilfeller, varighet»), checks it:
# this distribution has a mean of 43 days.
VARIGHET_GRENSER = np.array(
    # (first day, last day) of each bin
    [(1, 8), (9, 16), (17, 28), (29, 56), (57, 98), (99, 140), (141, 182), (183, 273), (274, 364)]
)
_VARIGHET_DAGSVERK_ANDEL = np.array([4.4, 5.0, 5.0, 8.9, 9.2, 8.5, 8.1, 17.7, 26.1])
# Mean length of the last bin: about half of those cases run to the 52-week maximum.
_VARIGHET_MIDDEL = np.array([4.5, 12.5, 22.5, 42.5, 77.5, 119.5, 161.5, 228.0, 340.0])
_VARIGHET_TILFELLER = _VARIGHET_DAGSVERK_ANDEL / _VARIGHET_MIDDEL
VARIGHET_ANDEL = _VARIGHET_TILFELLER / _VARIGHET_TILFELLER.sum()
# Sykepenger stop after 52 weeks (folketrygdloven § 8-12); a case is cut there.
MAKS_VARIGHET = 364
MAKS_VARIGHET_ANDEL_AV_SISTE = 0.45
# After a case that reached the maximum the person is on arbeidsavklaringspenger, not sykmeldt,
# for a while; 26 weeks assumed.
PAUSE_ETTER_MAKS = 182

# Graded sick notes. Brage et al. (NAV, «Gradert sykmelding – omfang, utvikling og bruk», 2012):
# 2.2 % of cases up to 16 days graded, 57 % of cases over 90 days graded at some point, 46 % of
# graded cases graded from the start. Nossen og Lysø (Arbeid og velferd 2/2018): half of the
# sykepengetilfeller (over 16 days) started in 2016 were graded, a quarter of those returned to
# full sick leave, and just over half of graded notes had grad 50 %.
GRADERT_ANDEL_ETTER_VARIGHET = (
    # (up to and including this many days, probability that the case has a graded part)
    (16, 0.03),
    (56, 0.32),
    (182, 0.55),
    (MAKS_VARIGHET, 0.60),
)
GRADERT_FRA_START = 0.46
GRADERT_TILBAKE_TIL_FULL = 0.25
GRADER = np.array([20, 30, 40, 50, 60, 70, 80])
GRAD_ANDEL = np.array([0.06, 0.08, 0.13, 0.52, 0.10, 0.06, 0.05])
# The target that follows from those figures: graded days are about 60 % of the days of the
# graded cases, at an average grad of about 50 %, and cases over 16 days carry about 90 % of the
# legemeldt dagsverk, so roughly 0.9 × 0.55 × 0.6 × 0.5 / (1 - 0.9 × 0.55 × 0.6 × 0.5) ≈ 17-20 %
# of legemeldt tapte dagsverk are on graded notes. A derived assumption, not a published figure.
MAL_GRADERT_ANDEL = 0.19

# A long sick leave is written as several sick notes in a row (forlengelser). Notes are cut to
# between four and eight weeks; assumed (the usual first note is a few weeks, and a doctor
# rarely writes more than two months at a time). It changes no statistic, only the rows.
SYKMELDING_LENGDE = (28, 56)

# ---------------------------------------------------------------------------------------------
# Arbeidsforhold
# ---------------------------------------------------------------------------------------------

# Stillingsprosent (SSB's labour force survey: roughly a quarter of employees work part time,
# far more in health care and retail). Two mixes; the shares are rounded assumptions.
STILLINGER = np.array([100, 80, 75, 60, 50, 40, 30, 20, 10])
STILLING_ANDEL_VANLIG = np.array([0.80, 0.05, 0.02, 0.03, 0.04, 0.02, 0.01, 0.02, 0.01])
STILLING_ANDEL_DELTID = np.array([0.48, 0.12, 0.07, 0.08, 0.09, 0.05, 0.04, 0.05, 0.02])
# A second job is usually small.
STILLING_ANDEL_BIJOBB = np.array([0.00, 0.02, 0.00, 0.05, 0.15, 0.18, 0.20, 0.25, 0.15])

# Second jobs in another virksomhet, per main job. About 8-10 % of employees have more than one
# arbeidsforhold (SSB's register-based employment statistics report a share of that order; the
# exact share here is an assumption). Some drawn holders of second jobs have left their main job
# before the period, so 0.125 gives about 9 % of the persons in the files a job in two or more
# virksomheter.
BIJOBB_ANDEL = 0.125
# A few persons have a second, small arbeidsforhold in the same virksomhet (extra shifts).
EKSTRA_SAMME_VIRKSOMHET_ANDEL = 0.01

# Job durations: a mixture of short (temporary) and long jobs, in days. The short share differs
# by turnover class; together they give an annual separation rate of roughly 8-15 %. Assumed.
KORT_JOBB_DAGER = 300.0
LANG_JOBB_DAGER = 5500.0
KORT_JOBB_ANDEL = {"lav": 0.10, "normal": 0.20, "hoy": 0.40}
LEDIG_STILLING_DAGER = 30.0
# Tenure of those employed when the simulation starts.
ANSIENNITET_DAGER = 3000.0

# Virksomheter started or closed during the period (a few per cent a year each; assumed).
OPPSTART_I_PERIODEN = 0.08
NEDLEGGELSE_I_PERIODEN = 0.06

# Departments for virksomheter with at least this many positions.
AVDELING_FRA = 20

# Share of private virksomheter without a known institusjonell sektorkode (new registrations):
# they are UKJENT in the statistics.
UKJENT_SEKTOR_ANDEL = 0.005

# ---------------------------------------------------------------------------------------------
# Næringer: employment, sectors, sizes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Naering:
    kode: str  # five digits, SN2007 (85100 is SN2025)
    sysselsatte: float  # thousands of employees in Norway, rounded
    privat: float  # sector shares of the employment
    kommunal: float
    statlig: float
    median: float  # lognormal size of a virksomhet in positions: median and spread (log scale)
    spredning: float
    relativ: float  # sick leave relative to its næring group and sector (normalised, see below)
    deltid: bool  # the part-time-heavy mix of stillingsprosent
    turnover: str  # "lav", "normal" or "hoy"
    navn: str  # the stem of the virksomheter's names


# Employment (``syss``, thousands): SSB's employees by næring (register-based employment
# statistics, about 2023), rounded and spread over the larger five-digit codes of each næring
# by judgement. Sizes (``median``, ``spr``): Enhetsregisteret has most
# underenheter with one to four employees; these give that and put most employees in
# virksomheter with 20 or more. Sectors (``P K S`` = privat, kommunal, statlig shares):
# helseforetak and universities are in SSB's statsforvaltning; schools, sykehjem, home care and
# the kommunal half of the barnehager in kommuneforvaltningen; state-owned companies (Vy, NRK,
# Norsk Tipping) in «privat sektor og offentlige foretak». ``rel`` moves a code within its group
# and sector and is normalised so the group keeps SSB's level; the bransjer of the IA-avtale get
# their high levels (barnehager, sykehjem and rutebuss around 9-11 %, næringsmiddelindustri
# about 8 %, against 6-7 % for all, as NAV's bransjeprogram figures show them; rounded from
# memory, not from a file here, so treat them as assumptions).
# ``f``: D = part-time-heavy; L/N/H = low, normal, high turnover.
_NAERINGSTABELL = """
kode  syss    P    K    S median  spr  rel f  navn
01110    5 1.00 0.00 0.00   0.60 1.43 1.00 -N Kornbruk
01410    7 1.00 0.00 0.00   0.60 1.43 1.00 -N Gårdsbruk
02100    3 1.00 0.00 0.00   0.60 1.63 1.00 -N Skogsdrift
03111    5 1.00 0.00 0.00   0.60 1.63 1.00 -N Fiskebåt
03211   12 1.00 0.00 0.00   1.55 1.53 1.00 -N Oppdrett
06100   30 1.00 0.00 0.00 120.00 1.40 1.00 -L Petroleum
09101   14 1.00 0.00 0.00  50.00 1.30 1.00 -N Boring
09109   12 1.00 0.00 0.00  30.00 1.30 1.00 -N Offshore Service
08110    3 1.00 0.00 0.00   1.17 1.43 1.00 -N Steinbrudd
10110    9 1.00 0.00 0.00   4.84 1.83 1.45 -N Slakteri
10200   12 1.00 0.00 0.00  15.00 1.40 1.50 -H Fiskeindustri
10510    5 1.00 0.00 0.00  40.00 1.10 1.30 -N Meieri
10710    9 1.00 0.00 0.00   1.55 1.73 1.40 DN Bakeri
10910    3 1.00 0.00 0.00   2.90 1.53 1.20 -N Fôrfabrikk
10890    8 1.00 0.00 0.00   2.32 1.73 1.40 -N Matproduksjon
11070    3 1.00 0.00 0.00   3.87 1.73 1.10 -N Bryggeri
16100    5 1.00 0.00 0.00   1.94 1.63 1.10 -N Sagbruk
18120    3 1.00 0.00 0.00   1.17 1.63 1.00 -N Trykkeri
20140    5 1.00 0.00 0.00  40.00 1.30 0.85 -N Kjemi
21200    5 1.00 0.00 0.00  50.00 1.20 0.80 -N Farmasi
22220    4 1.00 0.00 0.00   2.90 1.63 1.00 -N Plastindustri
23610    5 1.00 0.00 0.00   2.32 1.63 1.10 -N Betong
24420    7 1.00 0.00 0.00 120.00 1.00 0.90 -L Aluminiumsverk
25110   15 1.00 0.00 0.00   1.94 1.73 1.00 -N Stålkonstruksjon
25620   10 1.00 0.00 0.00   1.55 1.73 1.00 -N Mekanisk Verksted
26510    6 1.00 0.00 0.00   3.87 1.83 0.75 -N Instrument
28990   12 1.00 0.00 0.00   2.90 1.83 0.90 -N Maskinfabrikk
29100    3 1.00 0.00 0.00   2.90 1.73 1.00 -N Kjøretøyfabrikk
30111   15 1.00 0.00 0.00  40.00 1.50 1.00 -N Verft
31010    4 1.00 0.00 0.00   1.94 1.63 1.10 -N Møbelfabrikk
32500    4 1.00 0.00 0.00   1.17 1.73 0.85 -N Medisinteknikk
33150   12 1.00 0.00 0.00   2.32 1.73 1.00 -N Skipsreparasjon
33200   12 1.00 0.00 0.00   1.55 1.73 1.00 -N Industriinstallasjon
35110    8 1.00 0.00 0.00   2.90 1.83 1.00 -L Kraftverk
35130    9 1.00 0.00 0.00   4.84 1.73 1.00 -L Nett
36000    3 0.40 0.60 0.00   8.00 1.00 1.00 -L Vannverk
37000    3 0.40 0.60 0.00   8.00 1.00 1.00 -L Renseanlegg
38110    8 1.00 0.00 0.00   2.32 1.63 1.25 -N Renovasjon
38320    4 1.00 0.00 0.00   1.94 1.63 1.10 -N Gjenvinning
41200   70 1.00 0.00 0.00   0.77 2.03 1.05 -N Bygg
41109    5 1.00 0.00 0.00   0.60 1.83 0.70 -N Eiendomsutvikling
42110   15 1.00 0.00 0.00   1.94 2.03 0.95 -N Veibygg
42120    3 1.00 0.00 0.00   2.90 1.73 0.95 -N Banebygg
42210    5 1.00 0.00 0.00   1.17 1.73 0.95 -N VA-Anlegg
42990   10 1.00 0.00 0.00   1.17 1.93 0.95 -N Anlegg
43120   12 1.00 0.00 0.00   0.77 1.83 1.00 -N Graving
43210   30 1.00 0.00 0.00   0.97 1.93 1.00 -N Elektro
43220   20 1.00 0.00 0.00   0.97 1.83 1.00 -N Rørlegger
43320   12 1.00 0.00 0.00   0.60 1.73 1.00 -N Snekker
43341    8 1.00 0.00 0.00   0.60 1.73 1.10 -N Maler
43910    4 1.00 0.00 0.00   0.77 1.63 1.10 -N Tak
43999    8 1.00 0.00 0.00   0.60 1.83 1.00 -N Byggservice
45111   15 1.00 0.00 0.00   2.32 1.63 1.00 -N Bilforhandler
45200   12 1.00 0.00 0.00   0.77 1.63 1.00 -N Bilverksted
46130    5 1.00 0.00 0.00   0.60 1.83 1.00 -N Agentur
46390   16 1.00 0.00 0.00   1.55 2.03 1.00 -N Grossist
46460    6 1.00 0.00 0.00   1.94 1.93 0.80 -N Legemiddelgrossist
46690   25 1.00 0.00 0.00   0.97 1.83 0.85 -N Maskinhandel
46730   12 1.00 0.00 0.00   1.55 1.83 1.00 -N Byggevaregrossist
46900   10 1.00 0.00 0.00   0.60 1.93 1.00 -N Engros
47111   95 1.00 0.00 0.00  12.00 0.90 1.10 DH Dagligvare
47300   10 1.00 0.00 0.00   6.00 0.80 1.00 DH Bensinstasjon
47521   14 1.00 0.00 0.00   1.55 1.43 1.00 DN Jernvare
47540    8 1.00 0.00 0.00   1.55 1.43 1.00 DH Elektrobutikk
47591    8 1.00 0.00 0.00   1.17 1.43 1.00 DN Møbelbutikk
47710   20 1.00 0.00 0.00   4.00 0.80 1.00 DH Klesbutikk
47730    9 1.00 0.00 0.00   7.00 0.60 1.00 DN Apotek
47789   22 1.00 0.00 0.00   0.60 1.53 1.00 DH Butikk
47911   12 1.00 0.00 0.00   0.77 2.23 1.00 -H Nettbutikk
47410    4 1.00 0.00 0.00   0.97 1.43 1.00 DN Databutikk
47650    3 1.00 0.00 0.00   0.97 1.33 1.00 DH Leketøy
49100    5 1.00 0.00 0.00  60.00 1.30 1.20 -L Jernbane
49311   10 1.00 0.00 0.00  60.00 1.10 1.50 -N Bybuss
49312    3 1.00 0.00 0.00  80.00 1.00 1.40 -N Trikk og T-bane
49391    6 1.00 0.00 0.00  25.00 1.20 1.50 -N Rutebil
49392    3 1.00 0.00 0.00   6.00 1.10 1.15 -N Turbuss
49320    8 1.00 0.00 0.00   0.60 1.43 0.85 -N Taxi
49410   25 1.00 0.00 0.00   0.77 1.83 1.00 -N Transport
50101    6 1.00 0.00 0.00  50.00 1.30 0.80 -N Rederi
50201    5 1.00 0.00 0.00   3.87 1.73 0.60 -N Shipping
51101    7 1.00 0.00 0.00  80.00 1.30 1.10 -N Flyselskap
52100    8 1.00 0.00 0.00   2.90 1.83 1.00 -H Lager
52219    6 1.00 0.00 0.00   1.94 1.93 1.00 -N Transportservice
52230    5 1.00 0.00 0.00  40.00 1.40 1.00 -N Lufthavn
52291    6 1.00 0.00 0.00   1.94 1.83 0.85 -N Spedisjon
53100   10 1.00 0.00 0.00  40.00 1.10 1.15 -N Post
53200    6 1.00 0.00 0.00   1.94 1.83 1.00 -H Bud
55101   30 1.00 0.00 0.00  20.00 1.00 1.00 DH Hotell
56101   45 1.00 0.00 0.00   5.00 1.10 1.00 DH Restaurant
56102    8 1.00 0.00 0.00   1.17 1.43 1.00 DH Gatekjøkken
56291    7 1.00 0.00 0.00   1.17 1.33 1.00 DN Kantine
56300    6 1.00 0.00 0.00   1.17 1.43 1.00 DH Bar
55300    2 1.00 0.00 0.00   0.60 1.43 1.00 DH Camping
58130    7 1.00 0.00 0.00   2.90 1.93 1.00 -N Avis
58290    8 1.00 0.00 0.00   1.55 2.03 1.00 -N Programvare
60200    6 1.00 0.00 0.00  60.00 1.60 1.00 -N TV
61100   10 1.00 0.00 0.00  40.00 1.60 1.10 -N Telekom
61200    4 1.00 0.00 0.00  40.00 1.50 1.00 -N Mobil
62010   35 1.00 0.00 0.00   1.17 2.03 0.90 -N Utvikling
62020   26 1.00 0.00 0.00   0.97 2.03 1.00 -N IT-Konsult
62030    7 1.00 0.00 0.00   2.32 1.93 1.10 -N IT-Drift
63110    5 1.00 0.00 0.00   1.55 1.93 1.00 -N Data
64110    1 0.00 0.00 1.00 300.00 0.30 1.00 -L Sentralbanken
64190   25 1.00 0.00 0.00   2.90 1.83 1.00 -L Bank
65110    5 1.00 0.00 0.00  40.00 1.50 1.00 -L Livsforsikring
65120    8 1.00 0.00 0.00  40.00 1.50 1.10 -L Forsikring
66190    5 1.00 0.00 0.00   0.97 1.93 0.90 -N Finans
66220    3 1.00 0.00 0.00   0.97 1.83 1.00 -N Forsikringsmegler
68100    5 1.00 0.00 0.00   0.60 1.73 1.00 -N Eiendom
68209   12 1.00 0.00 0.00   0.60 1.83 1.00 -N Utleie
68310    6 1.00 0.00 0.00   0.97 1.63 1.00 -N Eiendomsmegler
68320    5 1.00 0.00 0.00   0.77 1.83 1.10 -N Eiendomsforvaltning
69100   12 1.00 0.00 0.00   0.77 1.93 0.85 -N Advokat
69201    8 1.00 0.00 0.00   1.17 2.03 0.90 -N Revisjon
69202   14 1.00 0.00 0.00   0.77 1.73 1.10 -N Regnskap
70100   20 1.00 0.00 0.00   1.94 2.13 1.00 -N Konsern
70220   20 1.00 0.00 0.00   0.60 1.93 1.00 -N Rådgivning
71112    8 1.00 0.00 0.00   0.77 1.93 0.90 -N Arkitekt
71129   40 1.00 0.00 0.00   0.97 2.13 1.00 -N Rådgivende Ingeniør
71200    7 1.00 0.00 0.00   2.32 1.83 1.10 -N Laboratorium
72190   10 0.60 0.00 0.40   4.84 1.93 0.95 -N Forskning
73110    6 1.00 0.00 0.00   0.97 1.83 1.00 -N Reklame
74100    3 1.00 0.00 0.00   0.60 1.73 1.00 -N Design
75000    3 1.00 0.00 0.00   0.97 1.43 1.20 -N Dyreklinikk
78200   45 1.00 0.00 0.00   2.90 2.23 1.00 -H Bemanning
78100    3 1.00 0.00 0.00   0.77 1.83 0.80 -N Rekruttering
81210   25 1.00 0.00 0.00   1.55 2.03 1.20 DH Renhold
81100   10 1.00 0.00 0.00   1.17 1.93 1.00 -N Drift
81300    5 1.00 0.00 0.00   0.60 1.63 1.00 -H Anleggsgartner
80100   10 1.00 0.00 0.00   3.87 2.03 1.10 -H Vakt
77110    3 1.00 0.00 0.00   0.97 1.73 1.00 -N Bilutleie
77320    5 1.00 0.00 0.00   1.55 1.73 1.00 -N Maskinutleie
79110    3 1.00 0.00 0.00   1.17 1.73 0.85 -N Reisebyrå
82110    4 1.00 0.00 0.00   0.77 1.83 1.00 -N Kontorservice
82200    6 1.00 0.00 0.00   4.84 1.83 1.30 -H Kundesenter
82990    6 1.00 0.00 0.00   0.60 1.83 1.00 -N Service
84110   70 0.00 0.65 0.35  25.00 1.40 1.00 -L Administrasjon
84120   20 0.00 0.60 0.40  20.00 1.30 1.00 -L Helse- og oppvekstforvaltning
84130   10 0.00 0.35 0.65  20.00 1.30 1.00 -L Næringsforvaltning
84220   20 0.00 0.00 1.00  80.00 1.30 1.00 -L Forsvaret
84230   10 0.00 0.00 1.00  40.00 1.00 1.15 -L Kriminalomsorg
84240   18 0.00 0.00 1.00  60.00 1.10 1.00 -L Politi
84250    8 0.00 1.00 0.00  20.00 0.90 0.90 -L Brannvesen
84300   14 0.00 0.00 1.00  40.00 1.00 1.10 -L NAV
85201  100 0.04 0.96 0.00  35.00 0.60 1.00 -L Skole
85310   30 0.10 0.90 0.00  60.00 0.60 0.90 -L Videregående Skole
85320   20 0.10 0.90 0.00  60.00 0.60 1.10 -L Yrkesskole
85421   40 0.10 0.00 0.90 150.00 1.20 1.00 -L Universitet
85422   12 0.35 0.00 0.65  60.00 1.20 1.00 -L Høgskole
85520    5 0.20 0.80 0.00  12.00 0.80 1.00 DN Kulturskole
85590   10 0.80 0.20 0.00   0.97 1.83 1.00 DN Kurs
85600    5 0.60 0.20 0.20   1.55 1.83 1.00 -N Pedagogisk Tjeneste
86101   90 0.06 0.00 0.94 350.00 1.10 1.00 DL Sykehus
86102   15 0.05 0.00 0.95 120.00 1.00 1.05 DL Psykiatrisk Sykehus
86105    5 0.60 0.00 0.40  60.00 1.00 1.00 DN Spesialsykehus
86211   15 0.70 0.30 0.00   5.00 0.80 0.75 -N Legekontor
86221    6 1.00 0.00 0.00   0.77 1.43 0.75 -N Spesialistklinikk
86230   10 0.70 0.30 0.00   4.00 0.80 0.75 DN Tannklinikk
86901   25 0.05 0.95 0.00  40.00 0.80 1.05 DN Hjemmesykepleie
86902    8 0.85 0.15 0.00   0.60 1.33 0.70 -N Fysioterapi
86909    8 0.50 0.50 0.00   6.00 1.20 0.90 -N Helsetjeneste
87101   85 0.12 0.88 0.00  45.00 0.70 1.08 DN Sykehjem
87102    5 0.30 0.70 0.00  25.00 0.70 1.08 DN Aldershjem
87201   10 0.20 0.80 0.00  20.00 0.80 1.00 DN Bofellesskap
87301    8 0.20 0.80 0.00  25.00 0.80 1.00 DN Omsorgsbolig
87901    8 0.60 0.20 0.20   2.90 1.23 1.00 DN Barnevernsinstitusjon
88101   55 0.08 0.92 0.00  35.00 0.90 1.05 DN Hjemmetjeneste
88102   40 0.12 0.88 0.00  25.00 0.90 1.05 DN Miljøtjeneste
88911   78 0.55 0.45 0.00  14.00 0.60 1.08 DN Barnehage
85100   10 0.55 0.45 0.00  14.00 0.60 1.08 DN Barnehage
88991   40 0.15 0.85 0.00  15.00 1.00 1.00 -N Sosialtjeneste
88992    8 1.00 0.00 0.00   4.84 1.33 1.10 -N Arbeidssenter
90010    3 0.80 0.20 0.00   0.77 1.93 1.00 DN Scene
90040    3 0.50 0.50 0.00   6.00 1.20 1.00 DN Kulturhus
91011    3 0.00 1.00 0.00   6.00 0.90 1.00 DL Bibliotek
91020    4 0.70 0.20 0.10   1.55 1.63 1.00 -N Museum
92000    2 1.00 0.00 0.00   3.87 1.73 1.00 -N Spill
93110    6 0.50 0.50 0.00   5.00 1.20 1.00 DH Idrettsanlegg
93130    8 1.00 0.00 0.00   1.55 1.33 1.00 DH Treningssenter
93290    3 1.00 0.00 0.00   0.60 1.73 1.00 DH Fritid
94110    4 1.00 0.00 0.00   1.55 1.83 0.85 -N Arbeidsgiverforening
94200    4 1.00 0.00 0.00   1.17 1.83 0.90 -N Fagforening
94910    8 1.00 0.00 0.00   0.97 1.53 1.00 DN Menighet
94990    8 1.00 0.00 0.00   0.60 1.73 1.00 DN Forening
95110    2 1.00 0.00 0.00   0.60 1.43 1.00 -N Datareparasjon
96021   10 1.00 0.00 0.00   0.60 1.23 1.10 DN Frisør
96090    3 1.00 0.00 0.00   0.60 1.43 1.00 DN Velvære
"""

_TURNOVER = {"L": "lav", "N": "normal", "H": "hoy"}


def _les_naeringer(tabell: str) -> tuple[Naering, ...]:
    rader = []
    for linje in tabell.strip().splitlines()[1:]:
        felt = linje.split(maxsplit=9)
        rader.append(
            Naering(
                kode=felt[0],
                sysselsatte=float(felt[1]),
                privat=float(felt[2]),
                kommunal=float(felt[3]),
                statlig=float(felt[4]),
                median=float(felt[5]),
                spredning=float(felt[6]),
                relativ=float(felt[7]),
                deltid=felt[8][0] == "D",
                turnover=_TURNOVER[felt[8][1]],
                navn=felt[9],
            )
        )
    return tuple(rader)


NAERINGER: tuple[Naering, ...] = _les_naeringer(_NAERINGSTABELL)

# Codes that must have at least one virksomhet in the given sector however small the scale:
# every bransje of spec §5 (with both barnehage codes) and every sector.
PAKREVDE_KODER: tuple[tuple[str, str], ...] = (
    ("88911", "kommunal"),
    ("85100", "privat"),
    ("86101", "statlig"),
    ("87101", "kommunal"),
    ("49311", "privat"),
    ("41200", "privat"),
    ("42110", "privat"),
    ("10200", "privat"),
    ("85201", "kommunal"),
    ("84240", "statlig"),
)


def naeringsgruppe(kode: str) -> str:
    """SSB's næring group (section group) of a five-digit code, as in ssb_naering_sektor.csv."""
    n = int(kode[:2])
    # SN2025 moved barnehager to 85.10; statistically they are still barnehager (Q-like level).
    if kode == "85100":
        return "Q"
    for grense, gruppe in (
        (3, "A"),
        (9, "B"),
        (33, "C"),
        (39, "DE"),
        (43, "F"),
        (47, "G"),
        (53, "H"),
        (56, "I"),
        (63, "J"),
        (66, "K"),
        (75, "LM"),
        (82, "N"),
        (84, "O"),
        (85, "P"),
        (88, "Q"),
        (99, "RS"),
    ):
        if n <= grense:
            return gruppe
    raise ValueError(f"ukjent næring {kode}")


def _snitt(tall: tuple[float, ...]) -> float:
    return sum(tall) / len(tall)


def naering_sektor_niva(gruppe: str, sektor: str) -> float:
    """SSB's level for a næring group and sector relative to all næringer and sectors."""
    landet = _snitt(SSB_NAERING_SEKTOR["ALLE"]["alle"])
    if gruppe == "B":
        # Only a legemeldt ratio is published for B; apply it to the whole.
        return BERGVERK_RELATIV
    celler = SSB_NAERING_SEKTOR[gruppe]
    celle = celler.get(sektor, celler["alle"])
    return _snitt(celle) / landet


def fylke_niva() -> dict[str, float]:
    """Each of today's fylker relative to the whole country."""
    landet = _snitt(SSB_FYLKE["Hele landet"])
    niva = {}
    for fylke, deler in FYLKE_FRA_GAMLE.items():
        vekt = sum(v for _, v in deler)
        niva[fylke] = sum(_snitt(SSB_FYLKE[navn]) * v for navn, v in deler) / vekt / landet
    return niva


# ---------------------------------------------------------------------------------------------
# Geography: kommuner with their population in 2024 (thousands, SSB table 07459, rounded)
# ---------------------------------------------------------------------------------------------

# The larger kommuner of each fylke stand for the whole fylke: employment is spread over them by
# population, and the fylke's total by the fylke's population (workplace ≈ residence).
_KOMMUNETABELL = """
nr   folk navn
0301  717 Oslo
1103  148 Stavanger
1108   83 Sandnes
1149   43 Karmøy
1106   38 Haugesund
1124   28 Sola
1120   20 Klepp
1121   20 Time
1101   15 Eigersund
1508   58 Ålesund
1506   32 Molde
1505   24 Kristiansund
1520   11 Ørsta
1577   11 Volda
1580    9 Haram
1804   53 Bodø
1833   26 Rana
1806   22 Narvik
1824   13 Vefsn
1865   10 Vågan
1813    8 Brønnøy
3107   85 Fredrikstad
3105   59 Sarpsborg
3103   51 Moss
3118   46 Indre Østfold
3101   32 Halden
3201  130 Bærum
3203   98 Asker
3205   90 Lillestrøm
3207   62 Nordre Follo
3209   42 Ullensaker
3301  103 Drammen
3305   31 Ringerike
3303   28 Kongsberg
3411   35 Ringsaker
3403   32 Hamar
3407   31 Gjøvik
3405   29 Lillehammer
3420   21 Elverum
3401   18 Kongsvinger
3907   66 Sandefjord
3905   58 Tønsberg
3909   48 Larvik
3901   28 Horten
3903   25 Holmestrand
4003   56 Skien
4001   37 Porsgrunn
4005   13 Notodden
4204  116 Kristiansand
4203   46 Arendal
4202   24 Grimstad
4205   23 Lindesnes
4201    7 Risør
4601  291 Bergen
4626   39 Øygarden
4631   30 Alver
4624   26 Bjørnafjorden
4647   22 Sunnfjord
4614   19 Stord
4602   17 Kinn
4621   16 Voss
5001  214 Trondheim
5035   25 Stjørdal
5006   24 Steinkjer
5037   20 Levanger
5007   15 Namsos
5501   78 Tromsø
5503   25 Harstad
5601   21 Alta
5603   11 Hammerfest
5605   10 Sør-Varanger
5607    6 Vadsø
"""


def _les_kommuner(tabell: str) -> tuple[tuple[str, str, float], ...]:
    rader = (linje.split(maxsplit=2) for linje in tabell.strip().splitlines()[1:])
    return tuple((nr, navn, float(folk)) for nr, folk, navn in rader)


# (kommunenummer, navn, population in thousands)
KOMMUNER: tuple[tuple[str, str, float], ...] = _les_kommuner(_KOMMUNETABELL)

# Population of the fylker 1 January 2024 (thousands, SSB table 07459, rounded).
FYLKE_FOLKETALL: dict[str, float] = {
    "03": 717,
    "11": 500,
    "15": 270,
    "18": 243,
    "31": 311,
    "32": 720,
    "33": 270,
    "34": 372,
    "39": 256,
    "40": 177,
    "42": 318,
    "46": 650,
    "50": 478,
    "55": 169,
    "56": 75,
}

# How the overordnet enheter are formed. Private virksomheter belong to a chain with these
# probabilities by næring group (retail, hotels and banks are chain-heavy); the rest are
# companies of their own or small multi-site firms. Assumed shares.
KJEDE_ANDEL: dict[str, float] = {
    "G": 0.35,
    "I": 0.30,
    "K": 0.55,
    "H": 0.25,
    "N": 0.25,
    "Q": 0.30,
    "J": 0.15,
}
KJEDE_ANDEL_ELLERS = 0.12
# Average number of virksomheter in a chain (heavy-tailed: a few national chains, many small).
VIRKSOMHETER_PER_KJEDE = 8.0
# Average number of virksomheter per state organisation (etat, helseforetak, university).
VIRKSOMHETER_PER_STATLIG_ENHET = 12.0
