"""Secondary suppression of an employer's figures: departments in a tree, months in quarters.

The property tests build random department trees with random person counts in every month and
quarter, let ``egentall.maskerte_celler`` choose the masks, and then attack the result as a
reader would: the shown figures are known, and every way the figures add up (a department is the
sum of its parts, a quarter the sum of its months) is an equation. Solving that linear system in
exact arithmetic, here with the test's own elimination, must pin down no masked figure.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from naervaer.statistikk.avdelinger import Avdelingstre, direkte
from naervaer.statistikk.egentall import Celle, maskerte_celler
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned, maneder_i
from naervaer.statistikk.maskering import Terskel
from naervaer.statistikk.perioder import Periode
from naervaer.statistikk.undertrykking import Likning, sekundaer_maskering_likninger

M1, M2, M3 = maneder_i(Kvartal(2024, 1))
K1 = Kvartal(2024, 1)


# --- The attacker's side: equations and exact elimination, written apart from the module -----


def _likninger(tre: Avdelingstre, perioder: list[Periode]) -> list[tuple[Celle, list[Celle]]]:
    ut: list[tuple[Celle, list[Celle]]] = []
    enheter: list[str | None] = [None]
    for periode in perioder:
        topp = [a for a, f in tre.overordnet.items() if tre.forelder(a) is None]
        ut.append(((None, periode), [(a, periode) for a in topp]))
        for avdeling in tre.overordnet:
            barn = [a for a in tre.overordnet if tre.forelder(a) == avdeling]
            if barn:
                deler = [(a, periode) for a in barn] + [(direkte(avdeling), periode)]
                ut.append(((avdeling, periode), deler))
    for avdeling in tre.overordnet:
        enheter.append(avdeling)
        if any(tre.forelder(a) == avdeling for a in tre.overordnet):
            enheter.append(direkte(avdeling))
    maneder = [p for p in perioder if isinstance(p, Maned)]
    for kvartal in (p for p in perioder if isinstance(p, Kvartal)):
        tre_maneder = [m for m in maneder if m.kvartal == kvartal]
        if len(tre_maneder) == 3:
            ut += [((e, kvartal), [(e, m) for m in tre_maneder]) for e in enheter]
    return ut


def _rang(rader: list[list[Fraction]]) -> int:
    rader = [list(r) for r in rader]
    rang = 0
    for kolonne in range(len(rader[0]) if rader else 0):
        pivot = next((i for i in range(rang, len(rader)) if rader[i][kolonne] != 0), None)
        if pivot is None:
            continue
        rader[rang], rader[pivot] = rader[pivot], rader[rang]
        for i in range(len(rader)):
            if i != rang and rader[i][kolonne] != 0:
                faktor = rader[i][kolonne] / rader[rang][kolonne]
                rader[i] = [a - faktor * b for a, b in zip(rader[i], rader[rang], strict=True)]
        rang += 1
    return rang


def _utledbare(
    maskerte: set[Celle], likninger: list[tuple[Celle, list[Celle]]], antall: dict[Celle, int]
) -> list[Celle]:
    """The masked cells that the shown cells and the equations determine."""
    ukjente = sorted(maskerte, key=str)
    indeks = {c: i for i, c in enumerate(ukjente)}
    rader = []
    for total, deler in likninger:
        if total not in antall:
            continue
        rad = [Fraction(0)] * len(ukjente)
        if total in indeks:
            rad[indeks[total]] += 1
        for d in deler:
            if d in indeks:
                rad[indeks[d]] -= 1
        if any(rad):
            rader.append(rad)
    if not rader:
        return []
    grunnrang = _rang(rader)
    return [
        c
        for c in ukjente
        if _rang([*rader, [Fraction(int(i == indeks[c])) for i in range(len(ukjente))]])
        == grunnrang
    ]


# --- Random trees, periods and counts --------------------------------------------------------


@st.composite
def _virksomheter(draw: st.DrawFn) -> tuple[Avdelingstre, list[Periode], dict[Celle, int]]:
    antall_avdelinger = draw(st.integers(1, 7))
    overordnet: dict[str, str | None] = {}
    for i in range(1, antall_avdelinger + 1):
        forelder = draw(st.sampled_from([None, *map(str, range(1, i))]))
        overordnet[str(i)] = forelder
    tre = Avdelingstre(overordnet)
    perioder: list[Periode] = [M1, M2, M3, K1] if draw(st.booleans()) else [M1]
    enheter: list[str | None] = [None, *tre.alle_enheter()]
    antall = {(e, p): draw(st.integers(1, 14), label=f"{e} {p}") for e in enheter for p in perioder}
    return tre, perioder, antall


@settings(max_examples=150, deadline=None)
@given(_virksomheter())
def test_no_masked_figure_can_be_worked_out_from_the_shown_ones(
    virksomhet: tuple[Avdelingstre, list[Periode], dict[Celle, int]],
) -> None:
    tre, perioder, antall = virksomhet
    maskert = maskerte_celler(antall, tre, perioder)
    for celle, personer in antall.items():
        if personer < 5:
            assert celle in maskert, celle
    likninger = _likninger(tre, perioder)
    assert _utledbare(set(maskert), likninger, antall) == []
    for total, deler in likninger:
        # The spec's own rule: never exactly one masked member of a sum.
        assert sum(c in maskert for c in (total, *deler)) != 1, (total, deler)
        # Masked parts of a shown total are, together, not a figure of fewer than five.
        skjulte = [d for d in deler if d in maskert]
        if total not in maskert and len(skjulte) > 1:
            assert sum(antall[d] for d in skjulte) >= 5, (total, skjulte)


@settings(max_examples=60, deadline=None)
@given(_virksomheter(), st.integers(5, 12))
def test_a_higher_threshold_masks_everything_a_lower_one_masks_primarily(
    virksomhet: tuple[Avdelingstre, list[Periode], dict[Celle, int]], terskel: int
) -> None:
    tre, perioder, antall = virksomhet
    maskert = maskerte_celler(antall, tre, perioder, Terskel(terskel))
    assert {c for c, n in antall.items() if n < terskel} <= maskert
    assert _utledbare(set(maskert), _likninger(tre, perioder), antall) == []


# --- Cases worked out by hand ------------------------------------------------------------------

# Solsikken: Barnehagen (A) with Småbarn (A1, 4 persons), Storbarn (A2, 5) and one person in A
# itself; Kjøkken (K, 2). The virksomhet has 12.
SOLSIKKEN = Avdelingstre({"A": None, "A1": "A", "A2": "A", "K": None})


def test_a_masked_department_takes_its_only_sibling_with_it() -> None:
    antall = {
        (None, M1): 12,
        ("A", M1): 10,
        ("A1", M1): 4,
        ("A2", M1): 5,
        (direkte("A"), M1): 1,
        ("K", M1): 2,
    }
    maskert = maskerte_celler(antall, SOLSIKKEN, [M1])
    # Kjøkken is masked, so Barnehagen (= virksomheten − Kjøkken) must go too; inside it Småbarn
    # and the one person directly in it are masked, and Storbarn alone can be shown.
    assert maskert == {("A", M1), ("A1", M1), (direkte("A"), M1), ("K", M1)}


def test_a_month_masked_inside_a_shown_quarter_takes_another_month_with_it() -> None:
    # One department of 20 persons; «Lager» had 6 in January and February, 4 in March (someone
    # left), and 6 over the quarter. Quarter − January − February would give March away.
    tre = Avdelingstre({"L": None, "P": None})
    antall: dict[Celle, int] = {}
    for periode, lager in ((M1, 6), (M2, 6), (M3, 4), (K1, 6)):
        antall[("L", periode)] = lager
        antall[("P", periode)] = 20
        antall[(None, periode)] = 20 + lager
    maskert = maskerte_celler(antall, tre, [M1, M2, M3, K1])
    assert ("L", M3) in maskert
    assert len([c for c in maskert if c[0] == "L"]) >= 2
    assert _utledbare(set(maskert), _likninger(tre, [M1, M2, M3, K1]), antall) == []


def test_a_figure_pinned_by_several_equations_together_is_found_and_protected() -> None:
    # Two equations that each hold two masked members, but whose difference isolates x:
    # t1 = x + a + b and t2 = a + b + c with a, b masked and c shown: x = t1 − t2 + c.
    antall = {"t1": 30, "t2": 30, "x": 3, "a": 2, "b": 2, "c": 10, "y": 20}
    likninger = [Likning("t1", ("x", "a", "b", "y")), Likning("t2", ("a", "b", "c", "y"))]
    maskert = sekundaer_maskering_likninger(antall, likninger)
    assert {"x", "a", "b"} <= maskert
    # y or c (the members that would let the two equations be told apart) goes as well.
    assert maskert & {"c", "y"}


def test_a_cell_without_data_is_a_known_zero_and_needs_no_partner() -> None:
    # Only Storbarn has anybody in Barnehagen this month: it equals Barnehagen, both shown.
    antall = {(None, M1): 9, ("A", M1): 6, ("A2", M1): 6, ("K", M1): 3}
    maskert = maskerte_celler(antall, SOLSIKKEN, [M1])
    assert ("K", M1) in maskert and ("A", M1) in maskert  # K's only sibling
    assert ("A2", M1) in maskert  # now the only shown part of a masked Barnehagen
