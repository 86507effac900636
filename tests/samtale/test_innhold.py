"""The shipped content: every theme and bransje there, every file valid, every link sound."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from naervaer.samtale.lasting import INNHOLD, Innhold, Innholdsfeil, les_innhold
from naervaer.samtale.modell import BRANSJEKODER, TEMAKODER
from naervaer.samtale.tekst import biter
from naervaer.samtale.veiviser import BRANSJESTEG
from naervaer.statistikk.enheter import BRANSJE_ETTER_KODE, BRANSJER

FIXTUR = Path(__file__).with_name("innhold")


def yaml_filer(mappe: Path) -> set[str]:
    return {sti.stem for sti in mappe.glob("*.yaml")}


@pytest.mark.parametrize("mappe", [INNHOLD, FIXTUR], ids=["innhold", "testinnhold"])
def test_every_theme_and_bransje_has_a_file_and_no_other_file_is_there(mappe: Path) -> None:
    assert yaml_filer(mappe / "temaer") == set(TEMAKODER)
    assert yaml_filer(mappe / "bransjer") == set(BRANSJEKODER)
    assert yaml_filer(mappe) == {"veileder", "ikke_spor", "ansatt"}


@pytest.mark.parametrize("mappe", [INNHOLD, FIXTUR], ids=["innhold", "testinnhold"])
def test_the_content_passes_its_schema(mappe: Path) -> None:
    innhold = les_innhold(mappe)
    assert list(innhold.temaer) == list(TEMAKODER)
    assert list(innhold.bransjer) == list(BRANSJEKODER)


def test_every_theme_has_goals_questions_and_pitfalls(innhold: Innhold) -> None:
    for kode in TEMAKODER:
        tema = innhold.temaer[kode]
        assert tema.maal and len(tema.sporsmal) >= 5 and tema.fallgruver, kode


def test_every_listed_bransje_has_questions_examples_and_ideas(innhold: Innhold) -> None:
    for kode in BRANSJEKODER:
        bransje = innhold.bransjer[kode]
        assert bransje.sporsmal and bransje.eksempler and bransje.tilrettelegging, kode


def test_every_bransje_of_the_statistics_is_served(innhold: Innhold) -> None:
    """A logged-in leader in any of the bransjeprogram's bransjer gets their questions."""
    tjent = {kode for b in innhold.bransjer.values() for kode in b.statistikkbransjer}
    assert {b.kode for b in BRANSJER} <= tjent
    assert tjent <= set(BRANSJE_ETTER_KODE), "ukjent statistikkbransje i innholdet"


def test_no_two_bransjer_claim_the_same_naering(innhold: Innhold) -> None:
    sett: dict[str, str] = {}
    for kode, bransje in innhold.bransjer.items():
        for naering in bransje.naeringer:
            assert naering not in sett, f"næring {naering}: både {sett[naering]} og {kode}"
            sett[naering] = kode


def test_the_step_for_bransje_questions_exists(innhold: Innhold) -> None:
    del_kode, steg_kode = BRANSJESTEG
    del_ = next(d for d in innhold.veileder.deler if d.kode == del_kode)
    assert steg_kode in {s.kode for s in del_.steg}


def tekster(innhold: Innhold) -> Iterator[str]:
    """Every text field of the content that may hold Markdown."""

    def alle(verdi: object) -> Iterator[str]:
        if isinstance(verdi, str):
            yield verdi
        elif isinstance(verdi, tuple | list):
            for v in verdi:
                yield from alle(v)
        elif isinstance(verdi, BaseModel):
            for navn in type(verdi).model_fields:
                yield from alle(getattr(verdi, navn))
        elif isinstance(verdi, dict):
            for v in verdi.values():
                yield from alle(v)

    for del_ in (innhold.veileder, innhold.temaer, innhold.bransjer, innhold.grenser):
        yield from alle(del_)
    yield from alle(innhold.ansatt)


def test_every_link_in_the_texts_is_https(innhold: Innhold) -> None:
    lenker = [b.lenke for t in tekster(innhold) for b in biter(t) if b.lenke]
    assert all(lenke.startswith("https://") for lenke in lenker), lenker


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    kopi = tmp_path / "innhold"
    shutil.copytree(INNHOLD, kopi)
    (kopi / "temaer" / "uenighet.yaml").unlink()
    with pytest.raises(Innholdsfeil, match=r"temaer/uenighet\.yaml: filen mangler"):
        les_innhold(kopi)


def test_a_broken_field_is_named_with_its_place(tmp_path: Path) -> None:
    kopi = tmp_path / "innhold"
    shutil.copytree(INNHOLD, kopi)
    sti = kopi / "bransjer" / "bygg.yaml"
    sti.write_text(sti.read_text(encoding="utf-8") + "ukjent_felt: 1\n", encoding="utf-8")
    with pytest.raises(Innholdsfeil, match=r"bransjer/bygg\.yaml: ukjent_felt: Extra inputs"):
        les_innhold(kopi)
