"""The department tree as statistics units (``naervaer.statistikk.avdelinger``)."""

from __future__ import annotations

from naervaer.statistikk.avdelinger import Avdelingstre, avdeling_i, direkte, er_direkte

# 1 Drift > 2 Vest (> 5 Lager), 3 Øst; 4 Stab
TRE = Avdelingstre(
    {"1": None, "2": "1", "3": "1", "4": None, "5": "2"},
    {"1": "Drift", "2": "Vest", "3": "Øst", "4": "Stab", "5": "Lager"},
)


def test_an_employment_counts_in_its_department_and_every_department_above() -> None:
    assert TRE.enheter("5") == ("5", "2", "1")
    assert TRE.enheter("3") == ("3", "1")
    # In a parent itself it counts in the parent's own staff as well.
    assert TRE.enheter("1") == (direkte("1"), "1")
    assert TRE.enheter("2") == (direkte("2"), "2", "1")


def test_the_parts_of_a_department_are_its_children_and_its_own_staff() -> None:
    assert TRE.deler(None) == ("1", "4")
    # By name, and Ø comes after V in Norwegian.
    assert TRE.deler("1") == ("2", "3", direkte("1"))
    assert TRE.deler("3") == ()


def test_names_sort_in_norwegian_order() -> None:
    tre = Avdelingstre(
        {"1": None, "2": None, "3": None, "4": None},
        {"1": "Åsen", "2": "Ørsta", "3": "Ærfugl", "4": "Zebra"},
    )
    assert tre.barn(None) == ("4", "3", "2", "1")


def test_the_tree_order_puts_each_department_before_its_sub_departments() -> None:
    assert list(TRE.i_rekkefolge()) == ["1", "2", "5", "3", "4"]
    assert TRE.alle_enheter() == ("1", direkte("1"), "2", direkte("2"), "5", "3", "4")
    assert [TRE.niva(a) for a in TRE.i_rekkefolge()] == [1, 2, 3, 2, 1]


def test_a_loop_or_a_missing_parent_makes_a_top_department() -> None:
    tre = Avdelingstre({"1": "2", "2": "1", "3": "9"})
    assert set(tre.barn(None)) == {"1", "3"}
    assert tre.forfedre("2") == ("2", "1")
    assert tre.forelder("3") is None


def test_the_unit_table_has_one_row_per_unit_an_employment_counts_in() -> None:
    tabell = TRE.enhetstabell("910000001")
    par = set(zip(tabell["avdeling"].to_pylist(), tabell["enhet"].to_pylist(), strict=True))
    assert ("5", "1") in par and ("5", "2") in par and ("5", "5") in par
    assert ("1", direkte("1")) in par and ("4", "4") in par
    assert len(par) == sum(len(TRE.enheter(a)) for a in TRE.overordnet)
    assert set(tabell["orgnr"].to_pylist()) == {910000001}


def test_a_unit_names_its_department() -> None:
    assert er_direkte(direkte("12")) and not er_direkte("12")
    assert avdeling_i(direkte("12")) == "12" == avdeling_i("12")
