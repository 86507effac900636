"""The booklets to download, as blocks: every part and step of the guide in order, the chosen
bransje where the work is discussed, «Dette spør du ikke om» at the end; a theme; the employee's
version. The files themselves are read back in test_wordhefte and test_pdfhefte."""

from __future__ import annotations

import pytest

from naervaer.samtale.hefte import (
    Avsnitt,
    Blokk,
    Hefte,
    Kildeliste,
    Overskrift,
    Punktliste,
    Sjekkliste,
    Sporsmalsboks,
    temahefte,
    veilederhefte,
)
from naervaer.samtale.lasting import Innhold
from naervaer.samtale.modell import BRANSJEKODER, TEMAKODER
from naervaer.samtale.veiviser import BRANSJESTEG, alle_steg
from tests.samtale.dokumenter import DAG, DAGTEKST, VALGT_BRANSJE


def overskrifter(hefte: Hefte, nivaa: int) -> list[str]:
    return [b.tekst for b in hefte.blokker if isinstance(b, Overskrift) and b.nivaa == nivaa]


def bokser(blokker: tuple[Blokk, ...] | list[Blokk]) -> list[str]:
    return [b.tekst for b in blokker if isinstance(b, Sporsmalsboks)]


def test_the_whole_guide_has_every_part_and_step_in_order(
    innhold: Innhold, veileder_med_bransje: Hefte
) -> None:
    veileder, grenser = innhold.veileder, innhold.grenser
    assert veileder_med_bransje.tittel == veileder.tittel
    assert veileder_med_bransje.undertittel == f"Bransje: {innhold.bransjer[VALGT_BRANSJE].navn}"
    assert overskrifter(veileder_med_bransje, 2) == [
        *(d.tittel for d in veileder.deler),
        f"Vedlegg: {grenser.tittel}",
    ]
    assert overskrifter(veileder_med_bransje, 3) == [
        *(s.tittel for _, s in alle_steg(veileder)),
        "Dette kan du ikke spørre om eller kreve",
        *(f"Sensitivt tema: {t.navn}" for t in grenser.sensitive_temaer),
    ]
    # Each part starts a page, the appendix too; nothing else does.
    sideskift = [b.tekst for b in veileder_med_bransje.blokker if getattr(b, "ny_side", False)]
    assert sideskift == overskrifter(veileder_med_bransje, 2)


def test_the_table_of_contents_lists_the_parts_with_their_steps(
    innhold: Innhold, veileder_med_bransje: Hefte
) -> None:
    forventet = []
    for del_ in innhold.veileder.deler:
        forventet += [(2, del_.tittel), *((3, s.tittel) for s in del_.steg)]
    forventet += [
        (2, f"Vedlegg: {innhold.grenser.tittel}"),
        (3, "Dette kan du ikke spørre om eller kreve"),
        *((3, f"Sensitivt tema: {t.navn}") for t in innhold.grenser.sensitive_temaer),
    ]
    innholdsfortegnelse = veileder_med_bransje.innholdsfortegnelse
    assert [(o.nivaa, o.tekst) for o in innholdsfortegnelse] == forventet
    ankre = [o.anker for o in innholdsfortegnelse]
    assert len(set(ankre)) == len(ankre)


def test_every_point_question_and_checklist_is_there(
    innhold: Innhold, veileder_med_bransje: Hefte
) -> None:
    blokker = veileder_med_bransje.blokker
    for _, steg in alle_steg(innhold.veileder):
        assert Avsnitt(steg.ingress, ingress=True) in blokker
        for punkt in steg.punkter:
            assert Avsnitt(punkt.tekst) in blokker
            assert (Kildeliste(punkt.kilder) in blokker) == bool(punkt.kilder)
        if steg.sjekkliste:
            assert Sjekkliste(steg.sjekkliste) in blokker
    for grense in innhold.grenser.ikke_spor:
        assert Overskrift(4, grense.ikke) in blokker
        assert Avsnitt(f"**Gjør heller dette:** {grense.i_stedet}") in blokker


def test_the_bransje_comes_in_the_step_about_the_work_and_nowhere_else(
    innhold: Innhold, veileder_med_bransje: Hefte
) -> None:
    blokker = list(veileder_med_bransje.blokker)
    bransje = innhold.bransjer[VALGT_BRANSJE]
    steg = [s for _, s in alle_steg(innhold.veileder)]
    i = [(d.kode, s.kode) for d, s in alle_steg(innhold.veileder)].index(BRANSJESTEG)
    start = blokker.index(Overskrift(3, steg[i].tittel, anker=_anker(veileder_med_bransje, i)))
    slutt = blokker.index(
        Overskrift(3, steg[i + 1].tittel, anker=_anker(veileder_med_bransje, i + 1))
    )
    i_steget = blokker[start:slutt]
    assert bokser(i_steget) == [s.tekst for s in steg[i].sporsmal] + [
        s.tekst for s in bransje.sporsmal
    ]
    assert all(e in i_steget for e in bransje.eksempler)
    assert Punktliste(bransje.tilrettelegging) in i_steget
    # Every question of the guide once, the bransje's once, and no other bransje's.
    alle = bokser(blokker)
    assert len(alle) == sum(len(s.sporsmal) for s in steg) + len(bransje.sporsmal)
    for kode, annen in innhold.bransjer.items():
        if kode != VALGT_BRANSJE:
            assert not set(alle) & {s.tekst for s in annen.sporsmal}


def _anker(hefte: Hefte, nummer: int) -> str | None:
    """The anchor of the guide's step number ``nummer`` (from 0), read from the contents."""
    return [o.anker for o in hefte.innholdsfortegnelse if o.nivaa == 3][nummer]


def test_without_a_bransje_no_bransje_is_in_the_guide(innhold: Innhold) -> None:
    uten = veilederhefte(innhold, None, laget=DAG)
    assert uten.undertittel is None
    alle = set(bokser(uten.blokker))
    for bransje in innhold.bransjer.values():
        assert not alle & {s.tekst for s in bransje.sporsmal}
    assert len(alle) == sum(len(s.sporsmal) for _, s in alle_steg(innhold.veileder))


@pytest.mark.parametrize("kode", TEMAKODER)
def test_a_theme_has_its_goals_questions_and_pitfalls(innhold: Innhold, kode: str) -> None:
    tema = innhold.temaer[kode]
    hefte = temahefte(innhold, kode, laget=DAG)
    assert (hefte.tittel, hefte.ingress) == (tema.navn, tema.ingress)
    assert [o.tekst for o in hefte.innholdsfortegnelse] == [
        "Dette vil du oppnå",
        "Spørsmål du kan stille",
        "Fallgruver",
        *(["Kilder"] if tema.kilder else []),
    ]
    assert Punktliste(tema.maal) in hefte.blokker
    assert bokser(hefte.blokker) == [s.tekst for s in tema.sporsmal]
    assert overskrifter(hefte, 3) == [p.tittel for p in tema.fallgruver]


def test_the_employees_version_has_every_part_and_room_for_their_questions(
    innhold: Innhold, for_ansatte: Hefte
) -> None:
    ansatt = innhold.ansatt
    assert (for_ansatte.tittel, for_ansatte.ingress) == (ansatt.tittel, ansatt.ingress)
    assert overskrifter(for_ansatte, 2) == [
        *(d.tittel for d in ansatt.deler),
        "Spørsmål du kan stille",
    ]
    assert overskrifter(for_ansatte, 3) == [p.tittel for d in ansatt.deler for p in d.punkter]
    assert bokser(for_ansatte.blokker) == list(ansatt.sporsmal_du_kan_stille)


def test_the_file_names_are_plain_ascii(innhold: Innhold, for_ansatte: Hefte) -> None:
    navn = [
        *(veilederhefte(innhold, b, laget=DAG).filnavn for b in (None, *BRANSJEKODER)),
        *(temahefte(innhold, t, laget=DAG).filnavn for t in TEMAKODER),
        for_ansatte.filnavn,
    ]
    assert navn[:3] == [
        "samtaleveileder",
        "samtaleveileder-barnehager",
        "samtaleveileder-helse-og-omsorg",
    ]
    assert "samtaletema-psykisk-helse-og-stress" in navn
    assert for_ansatte.filnavn == "forbered-deg-til-samtalen"
    assert all(n.isascii() and n.replace("-", "").isalnum() for n in navn)
    assert len(set(navn)) == len(navn)


def test_an_unknown_theme_or_bransje_is_refused(innhold: Innhold) -> None:
    with pytest.raises(KeyError):
        temahefte(innhold, "finnes_ikke", laget=DAG)
    with pytest.raises(KeyError):
        veilederhefte(innhold, "fiske", laget=DAG)


def test_the_footer_says_where_and_when_it_was_downloaded(for_ansatte: Hefte) -> None:
    assert for_ansatte.bunntekst == f"Lastet ned fra Nærvær {DAGTEKST}"
