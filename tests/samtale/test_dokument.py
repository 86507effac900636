"""«Din egen samtaleguide» from the leader's choices: what goes in, in which order, and what is
refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from naervaer.samtale.dokument import (
    MAKS_EGET_MAAL,
    MAKS_SPORSMAL,
    UgyldigValg,
    Valg,
    lag_samtaleguide,
    sporsmalsgrupper,
)
from naervaer.samtale.lasting import Innhold, les_innhold

FIXTUR = Path(__file__).with_name("innhold")
DAG = date(2026, 3, 2)


@pytest.fixture(scope="module")
def innhold() -> Innhold:
    return les_innhold(FIXTUR)


def test_the_choices_offered_are_theme_bransje_then_the_conversation_steps(
    innhold: Innhold,
) -> None:
    grupper = sporsmalsgrupper(innhold, "uenighet", "bygg")
    titler = [g.tittel for g in grupper]
    # The test content's conversation steps with questions: «Åpningen», «Snakk om arbeidet»,
    # «Finn løsninger sammen» (gjennomfor) and «Følg opp» (etterpaa); not the preparation.
    assert titler == [
        innhold.temaer["uenighet"].navn,
        f"Spørsmål for din bransje: {innhold.bransjer['bygg'].navn}",
        "Åpningen",
        "Snakk om arbeidet",
        "Finn løsninger sammen",
        "Følg opp",
    ]
    assert grupper[0].sporsmal[0][0] == "tema.t1"
    assert grupper[1].sporsmal[0][0] == "bransje.b1"
    assert grupper[2].sporsmal[0][0] == "veileder.apningen_1"


def test_without_theme_or_bransje_only_the_guide_questions_are_offered(
    innhold: Innhold,
) -> None:
    grupper = sporsmalsgrupper(innhold, None, None)
    assert all(n.startswith("veileder.") for g in grupper for n, _ in g.sporsmal)


def test_the_guide_keeps_the_content_order_and_the_chosen_goals(innhold: Innhold) -> None:
    tema = innhold.temaer["tilbake_i_arbeid"]
    guide = lag_samtaleguide(
        innhold,
        Valg(
            tema="tilbake_i_arbeid",
            bransje="bygg",
            maal=(tema.maal[2], tema.maal[0]),
            eget_maal="  Bli enige om   neste   samtale ",
            sporsmal=("veileder.arbeidet_2", "tema.t3", "bransje.b1", "tema.t1"),
        ),
        laget=DAG,
    )
    assert guide.tittel == f"Samtaleguide: {tema.navn}"
    assert guide.undertittel == f"Bransje: {innhold.bransjer['bygg'].navn}"
    # The theme's goals in the theme's order, the leader's own last with its spaces tidied.
    assert guide.maal == (tema.maal[0], tema.maal[2], "Bli enige om neste samtale")
    assert [(s.seksjon.anker, [q.kode for q in s.sporsmal]) for s in guide.sporsmal] == [
        ("sporsmal-1", ["t1", "t3"]),
        ("sporsmal-2", ["b1"]),
        ("sporsmal-3", ["arbeidet_2"]),
    ]
    assert [s.anker for s in guide.agenda] == [
        "maal",
        "sporsmal-1",
        "sporsmal-2",
        "sporsmal-3",
        "veien-videre",
        "frister",
    ]


def test_without_goals_the_agenda_starts_with_the_questions(innhold: Innhold) -> None:
    guide = lag_samtaleguide(innhold, Valg(sporsmal=("veileder.apningen_1",)), laget=DAG)
    assert guide.tittel == "Samtaleguide"
    assert guide.undertittel is None
    assert [s.tittel for s in guide.agenda] == [
        "Åpningen",
        "Veien videre og avtaler",
        "Frister hvis den ansatte blir sykmeldt",
    ]


def test_the_deadlines_cite_the_law(innhold: Innhold) -> None:
    guide = lag_samtaleguide(innhold, Valg(sporsmal=("veileder.apningen_1",)), laget=DAG)
    assert [f.naar for f in guide.frister][:3] == ["Innen 4 uker", "Innen 7 uker", "Innen 8 uker"]
    assert all(f.kilde.url.startswith("https://lovdata.no/") for f in guide.frister)


@pytest.mark.parametrize(
    ("valg", "feil"),
    [
        (Valg(sporsmal=()), "mellom 1 og"),
        (Valg(sporsmal=("tema.t1",)), "ukjente spørsmål"),  # no theme chosen
        (Valg(sporsmal=("veileder.din_rolle_1",)), "ukjente spørsmål"),  # preparation only
        (Valg(tema="finnes_ikke", sporsmal=("veileder.apningen_1",)), "ukjent tema"),
        (Valg(bransje="fiske", sporsmal=("veileder.apningen_1",)), "ukjent bransje"),
        (Valg(maal=("Et mål som ikke finnes",), sporsmal=("veileder.apningen_1",)), "ukjente mål"),
        (
            Valg(eget_maal="x" * (MAKS_EGET_MAAL + 1), sporsmal=("veileder.apningen_1",)),
            "eget mål",
        ),
    ],
)
def test_a_choice_the_content_does_not_offer_is_refused(
    innhold: Innhold, valg: Valg, feil: str
) -> None:
    with pytest.raises(UgyldigValg, match=feil):
        lag_samtaleguide(innhold, valg, laget=DAG)


def test_more_questions_than_fit_on_three_pages_are_refused(innhold: Innhold) -> None:
    grupper = sporsmalsgrupper(innhold, "uenighet", "bygg")
    alle = tuple(n for g in grupper for n, _ in g.sporsmal)
    assert len(alle) > MAKS_SPORSMAL
    with pytest.raises(UgyldigValg, match="mellom 1 og"):
        lag_samtaleguide(
            innhold,
            Valg(tema="uenighet", bransje="bygg", sporsmal=alle[: MAKS_SPORSMAL + 1]),
            laget=DAG,
        )
    guide = lag_samtaleguide(
        innhold, Valg(tema="uenighet", bransje="bygg", sporsmal=alle[:MAKS_SPORSMAL]), laget=DAG
    )
    assert sum(len(s.sporsmal) for s in guide.sporsmal) == MAKS_SPORSMAL
