"""The API's OpenAPI document, and ``hent``: every API call of the tests, checked against it.

jsonschema is not in the venv, so a body is validated by the pydantic model that the document's
schema was generated from: the document names the schema of each path and status, and the
model of that name validates the raw JSON strictly (unknown keys are forbidden).
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from django.http import HttpResponse
from django.test import Client

from naervaer.statistikk.oversikt import Grunnlag
from naervaer.web.api import schemas

API = "/api/v1"
ALLE_STIER = (
    f"{API}/virksomheter",
    f"{API}/virksomheter/{{orgnr}}/statistikk",
    f"{API}/virksomheter/{{orgnr}}/historikk",
    f"{API}/publisering",
)
IMPORT = f"{API}/virksomheter/{{orgnr}}/import"


@cache
def dokument() -> dict[str, Any]:
    svar = Client().get(f"{API}/openapi.json")
    assert svar.status_code == 200
    innhold: dict[str, Any] = json.loads(svar.content)
    return innhold


def _operasjon(sti: str) -> dict[str, Any]:
    for mal, operasjoner in dokument()["paths"].items():
        if re.fullmatch(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(mal)), sti):
            operasjon: dict[str, Any] = operasjoner["get"]
            return operasjon
    raise AssertionError(f"{sti} står ikke i OpenAPI-dokumentet")


def hent(client: Client, sti: str, **parametre: str) -> tuple[HttpResponse, Any]:
    """GET an API path; the body must validate against the schema the document gives for the
    path and the status."""
    svar: HttpResponse = client.get(sti, parametre)
    assert svar["Content-Type"].startswith("application/json")
    beskrevet = _operasjon(sti)["responses"].get(str(svar.status_code))
    assert beskrevet is not None, f"{sti} svarte {svar.status_code}, som ikke er beskrevet"
    ref = beskrevet["content"]["application/json"]["schema"]["$ref"]
    modell = getattr(schemas, ref.removeprefix("#/components/schemas/"))
    modell.model_validate_json(svar.content, strict=True)
    return svar, json.loads(svar.content)


def ikke_lagret(svar: HttpResponse) -> bool:
    direktiver = {d.strip() for d in svar.get("Cache-Control", "").split(",")}
    return direktiver == {"private", "no-store"}


def test_the_document_lists_every_endpoint_with_its_parameters(client: Client) -> None:
    svar = client.get(f"{API}/openapi.json")
    assert svar.status_code == 200
    d = json.loads(svar.content)
    assert d["openapi"].startswith("3.")
    assert d["info"]["title"] == "Nærvær API"
    assert "Maskering" in d["info"]["description"]
    assert set(d["paths"]) == {*ALLE_STIER, IMPORT}
    for sti, operasjoner in d["paths"].items():
        # Read only, except the import an HR system pushes to (tests/web/test_api_import.py).
        assert set(operasjoner) == ({"post"} if sti == IMPORT else {"get"})

    def parametre(sti: str) -> dict[tuple[str, str], dict[str, Any]]:
        return {(p["in"], p["name"]): p for p in d["paths"][sti]["get"]["parameters"]}

    assert parametre(f"{API}/virksomheter") == {}
    assert parametre(f"{API}/publisering") == {}
    assert set(parametre(f"{API}/virksomheter/{{orgnr}}/historikk")) == {("path", "orgnr")}
    statistikk = parametre(f"{API}/virksomheter/{{orgnr}}/statistikk")
    assert set(statistikk) == {("path", "orgnr"), ("query", "sammenlign")}
    assert statistikk[("path", "orgnr")]["required"] is True
    sammenlign = statistikk[("query", "sammenlign")]
    assert sammenlign["required"] is False
    assert sammenlign["schema"]["enum"] == [g.value for g in Grunnlag]
    assert sammenlign["schema"]["default"] == "bransje"
    assert "sammenlignes med" in sammenlign["description"]


def test_every_answer_has_a_norwegian_described_schema(client: Client) -> None:
    d = dokument()
    forventet = {
        f"{API}/virksomheter": ("Virksomheter", {200, 401}),
        f"{API}/virksomheter/{{orgnr}}/statistikk": ("Statistikk", {200, 401, 404, 422}),
        f"{API}/virksomheter/{{orgnr}}/historikk": ("Historikk", {200, 401, 404}),
        f"{API}/publisering": ("Publisering", {200, 401}),
    }
    beskrivelser = {
        "200": "OK",
        "401": "Ikke innlogget",
        "404": "Ingen virksomhet",
        "422": "ugyldig verdi",
    }
    for sti, (skjema, koder) in forventet.items():
        operasjon = d["paths"][sti]["get"]
        assert operasjon["summary"] and operasjon["description"]
        assert {int(k) for k in operasjon["responses"]} == koder
        for kode, beskrevet in operasjon["responses"].items():
            ref = beskrevet["content"]["application/json"]["schema"]["$ref"]
            assert ref == f"#/components/schemas/{skjema if kode == '200' else 'Feil'}"
            assert beskrivelser[kode] in beskrevet["description"]
        assert operasjon["security"] == [{"SessionAuth": []}]
    for navn, skjema in d["components"]["schemas"].items():
        assert skjema.get("description"), f"{navn} mangler beskrivelse"
    prosent = d["components"]["schemas"]["Tall"]["properties"]["prosent"]
    assert "én desimal" in prosent["description"] and "maskert" in prosent["description"]


def test_the_docs_page_is_off_since_it_needs_a_cdn(client: Client) -> None:
    assert client.get(f"{API}/docs").status_code == 404
    assert "cdn" not in client.get(f"{API}/openapi.json").content.decode().lower()
