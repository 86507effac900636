"""The optional column ``overordnet_avdeling``: the department tree from the import."""

from __future__ import annotations

from naervaer.egendata.lesing import Fil
from tests.egendata.hjelp import feil_fra, les_tekst

HODE = "ansattnummer;avdeling;avdelingsnavn;overordnet_avdeling;fra_dato;til_dato;stillingsprosent"
KJENTE = {"1001", "1002", "1003"}


def fil(*rader: str) -> bytes:
    return ("\n".join((HODE, *rader)) + "\n").encode()


def test_each_department_gets_its_parent_and_empty_is_the_top() -> None:
    innlesing = les_tekst(
        {
            "arbeidsforhold.csv": fil(
                "1001;A1;Småbarn;A;01.08.2020;;100",
                "1002;A;Barnehagen;;01.01.2021;;80",
                "1003;A1;Småbarn;A;01.03.2019;;100",
            )
        },
        kjente_ansatte=KJENTE,
    )
    assert [(a.avdeling, a.overordnet) for a in innlesing.arbeidsforhold] == [
        ("A1", "A"),
        ("A", ""),
        ("A1", "A"),
    ]


def test_without_the_column_the_tree_is_not_touched() -> None:
    innlesing = les_tekst(
        {
            "arbeidsforhold.csv": b"ansattnummer;avdeling;fra_dato;stillingsprosent\n"
            b"1001;A1;01.08.2020;100\n"
        },
        kjente_ansatte=KJENTE,
    )
    assert innlesing.arbeidsforhold[0].overordnet is None


def test_a_department_with_two_parents_under_itself_or_in_a_ring_is_an_error() -> None:
    feil = feil_fra(
        Fil(
            "arbeidsforhold.csv",
            fil(
                "1001;A1;Småbarn;A;01.08.2020;;100",
                "1002;A1;Småbarn;K;01.01.2021;;80",
                "1003;K;Kjøkken;K;01.03.2019;;100",
                "1001;B;Bygg;C;01.01.2018;31.12.2018;100",
                "1002;C;Chalet;B;01.01.2018;31.12.2018;100",
            ),
        ),
        kjente_ansatte=KJENTE,
    )
    assert [str(f) for f in feil] == [
        "arbeidsforhold.csv, rad 3, kolonne «overordnet_avdeling», verdi «K»: "
        "avdeling «A1» ligger under «A» på rad 2",
        "arbeidsforhold.csv, rad 4, kolonne «overordnet_avdeling», verdi «K»: "
        "en avdeling kan ikke ligge under seg selv",
        "arbeidsforhold.csv, rad 5, kolonne «overordnet_avdeling», verdi «C»: "
        "avdelingene ligger under hverandre i ring: B → C → B",
    ]
