"""«Lag din egen samtaleguide»: pick, tick, download; nothing stored, nothing logged."""

from __future__ import annotations

import io
import logging
import re
import subprocess
from typing import Any

import pytest
from django.apps import apps
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone
from docx import Document

from naervaer.samtale.dokument import MAKS_SPORSMAL, sporsmalsgrupper
from tests.samtale.nettsider import bransje_for_statistikkbransje, innhold, ren, tekst
from tests.web.conftest import Installasjon

ADRESSE = "/samtalestotte/lag/"
EGET_MAAL = "Bli enige om en plan for de neste to ukene"


def nokler(tema: str | None, bransje: str | None) -> list[str]:
    return [n for g in sporsmalsgrupper(innhold(), tema, bransje) for n, _ in g.sporsmal]


def skjema(**felter: Any) -> dict[str, Any]:
    """A filled-in form: a theme, a bransje, a goal, three questions, Word."""
    tema = innhold().temaer["tilbake_i_arbeid"]
    data: dict[str, Any] = {
        "tema": "tilbake_i_arbeid",
        "bransje": "bygg",
        "maal": [tema.maal[0]],
        "eget_maal": EGET_MAAL,
        "sporsmal": nokler("tilbake_i_arbeid", "bygg")[:3],
        "format": "docx",
    }
    data.update(felter)
    return data


def test_it_works(client: Client) -> None:
    svar = client.get(ADRESSE)
    assert svar.status_code == 200
    t = tekst(svar.content)
    assert "Lag din egen samtaleguide" in t
    assert "Det du skriver her, lagres ikke." in t
    html = svar.content.decode()
    # Without a theme the guide's own conversation questions are offered.
    for nokkel in nokler(None, None):
        assert f'value="{nokkel}"' in html
    assert 'name="maal"' not in html
    assert "no-store" in svar["Cache-Control"]


def test_a_theme_offers_its_goals_and_questions(client: Client) -> None:
    tema = innhold().temaer["uenighet"]
    svar = client.get(ADRESSE, {"tema": "uenighet", "bransje": "bygg"})
    html = svar.content.decode()
    t = tekst(svar.content)
    for maal in tema.maal:
        assert ren(maal) in t
    assert html.count('name="maal"') == len(tema.maal)
    for nokkel in nokler("uenighet", "bygg"):
        assert f'value="{nokkel}"' in html
    assert '<option value="uenighet" selected>' in html
    assert '<option value="bygg" selected>' in html


@pytest.mark.django_db
def test_the_bransje_of_a_logged_in_leader_is_chosen(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    kode = bransje_for_statistikkbransje("BARNEHAGER")
    html = client.get(ADRESSE).content.decode()
    assert f'<option value="{kode}" selected>' in html
    assert f'value="bransje.{innhold().bransjer[kode].sporsmal[0].kode}"' in html
    assert "Bransjen er valgt ut fra Solsikken barnehage AS." in tekst(html.encode())


def fil(svar: HttpResponse, innholdstype: str, endelse: str) -> bytes:
    assert svar.status_code == 200
    assert svar["Content-Type"] == innholdstype
    assert svar["Content-Disposition"] == (
        f'attachment; filename="samtaleguide-tilbake-i-arbeid-{timezone.localdate()}.{endelse}"'
    )
    assert "no-store" in svar["Cache-Control"] and "private" in svar["Cache-Control"]
    return svar.content


def test_it_answers_with_a_word_file(client: Client) -> None:
    data = skjema()
    innhold_ = fil(
        client.post(ADRESSE, data),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    )
    dok = Document(io.BytesIO(innhold_))
    avsnitt = [a.text for a in dok.paragraphs]
    tema = innhold().temaer["tilbake_i_arbeid"]
    assert avsnitt[0] == f"Samtaleguide: {tema.navn}"
    assert ren(tema.maal[0]) in avsnitt and EGET_MAAL in avsnitt
    valgte = {
        ren(s.tekst)
        for g in sporsmalsgrupper(innhold(), "tilbake_i_arbeid", "bygg")
        for n, s in g.sporsmal
        if n in data["sporsmal"]
    }
    i_boksene = {t.rows[0].cells[0].paragraphs[0].text for t in dok.tables if len(t.columns) == 1}
    assert i_boksene == valgte


def test_it_answers_with_a_pdf(client: Client, tmp_path: Any) -> None:
    innhold_ = fil(client.post(ADRESSE, skjema(format="pdf")), "application/pdf", "pdf")
    assert innhold_.startswith(b"%PDF-")
    (tmp_path / "guide.pdf").write_bytes(innhold_)
    pdf = subprocess.run(
        ["pdftotext", str(tmp_path / "guide.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert EGET_MAAL in " ".join(pdf.split())


@pytest.mark.django_db
def test_nothing_is_stored_or_logged(
    client: Client, installasjon: Installasjon, caplog: pytest.LogCaptureFixture
) -> None:
    client.force_login(installasjon.leser)

    def rader() -> dict[str, int]:
        return {m._meta.label: m._default_manager.count() for m in apps.get_models()}

    for_ = rader()
    with caplog.at_level(logging.DEBUG):
        client.post(ADRESSE, skjema())
        client.post(ADRESSE, skjema(format="pdf"))
        client.post(ADRESSE, skjema(sporsmal=[]))  # an error: the page comes back
    assert rader() == for_
    assert not [r for r in caplog.records if EGET_MAAL in r.getMessage()]


def test_a_form_without_questions_comes_back_with_the_error_and_the_choices(
    client: Client,
) -> None:
    tema = innhold().temaer["tilbake_i_arbeid"]
    svar = client.post(ADRESSE, skjema(sporsmal=[]))
    assert svar.status_code == 200 and svar["Content-Type"].startswith("text/html")
    t = tekst(svar.content)
    assert "Rett opp dette før du laster ned: Velg minst ett spørsmål til samtaleguiden." in t
    html = svar.content.decode()
    assert 'href="#felt-sporsmal"' in html
    assert EGET_MAAL in html  # what the user wrote is kept
    ticked = re.findall(r'<input[^>]*name="maal"[^>]*>', html)
    assert [("checked" in i) for i in ticked] == [m == tema.maal[0] for m in tema.maal]
    assert "<title>Feil i skjemaet:" in html


def test_too_many_questions_are_refused(client: Client) -> None:
    alle = nokler("tilbake_i_arbeid", "bygg")
    assert len(alle) > MAKS_SPORSMAL
    svar = client.post(ADRESSE, skjema(sporsmal=alle[: MAKS_SPORSMAL + 1]))
    assert svar["Content-Type"].startswith("text/html")
    assert (
        f"Velg høyst {MAKS_SPORSMAL} spørsmål, så guiden blir kort nok til å ha med i samtalen. "
        f"Du har valgt {MAKS_SPORSMAL + 1}." in tekst(svar.content)
    )


@pytest.mark.parametrize(
    "felter",
    [
        {"sporsmal": ["tema.finnes_ikke"]},
        {"sporsmal": ["bransje.{bygg}"], "bransje": "ingen"},  # of a bransje not chosen
        {"maal": ["Et mål som ikke finnes"]},
        {"format": "odt"},
        {"eget_maal": "x" * 301},
    ],
)
def test_a_choice_that_is_not_offered_is_refused(client: Client, felter: dict[str, Any]) -> None:
    bygg = innhold().bransjer["bygg"].sporsmal[0].kode
    if "sporsmal" in felter:
        felter = {**felter, "sporsmal": [n.format(bygg=bygg) for n in felter["sporsmal"]]}
    svar = client.post(ADRESSE, skjema(**felter))
    assert svar.status_code == 200 and svar["Content-Type"].startswith("text/html")
    assert "Rett opp dette før du laster ned" in tekst(svar.content)


def test_the_form_needs_its_csrf_token() -> None:
    klient = Client(enforce_csrf_checks=True)
    assert klient.post(ADRESSE, skjema()).status_code == 403
