"""The schema of the conversation guide's content (``innhold/*.yaml``).

Text fields hold Markdown for inline emphasis and links only (``**fet**``, ``*kursiv*``,
``[tekst](https://…)``); lists and headings come from the structure, never from the Markdown, so
that every output (web, DOCX, PDF) can lay them out its own way.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Kode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]


class Modell(BaseModel):
    # A misspelt key in a YAML file is an error, not silently ignored content.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Kilde(Modell):
    """Where a statement about the law or a figure comes from."""

    navn: Tekst  # «Folketrygdloven § 8-7 a»
    url: Annotated[str, StringConstraints(pattern=r"^https://")]


class Sporsmal(Modell):
    """A question the leader can ask, and what it is good for."""

    kode: Kode  # unique within its file; a chosen question is referred to by it
    tekst: Tekst
    hvorfor: Tekst | None = None  # what the answer helps with


class Punkt(Modell):
    """A point of advice: a short title and a few sentences."""

    tittel: Tekst
    tekst: Tekst
    kilder: tuple[Kilde, ...] = ()


class Steg(Modell):
    """One step of the guide, shown one at a time."""

    kode: Kode
    tittel: Tekst
    ingress: Tekst
    punkter: tuple[Punkt, ...] = ()
    sporsmal: tuple[Sporsmal, ...] = ()
    sjekkliste: tuple[Tekst, ...] = ()  # ticked off by the leader, never stored


class Del(Modell):
    """A part of the guide: why, prepare, hold the conversation, after."""

    kode: Literal["hvorfor", "forbered", "gjennomfor", "etterpaa"]
    tittel: Tekst
    ingress: Tekst
    steg: tuple[Steg, ...] = Field(min_length=1)


class Veileder(Modell):
    """``innhold/veileder.yaml``: the leader's path through a conversation."""

    tittel: Tekst
    ingress: Tekst
    deler: tuple[Del, ...] = Field(min_length=4, max_length=4)


TEMAKODER = (
    "forebyggende",
    "under_sykmelding",
    "tilbake_i_arbeid",
    "hyppig_korttidsfravaer",
    "psykisk_helse_og_stress",
    "tilrettelegging",
    "digital_samtale",
    "uenighet",
)


class Tema(Modell):
    """``innhold/temaer/<kode>.yaml``: a kind of conversation."""

    kode: Kode
    navn: Tekst
    ingress: Tekst
    maal: tuple[Tekst, ...] = Field(min_length=2)  # what the conversation should achieve
    sporsmal: tuple[Sporsmal, ...] = Field(min_length=5)
    fallgruver: tuple[Punkt, ...] = Field(min_length=2)
    kilder: tuple[Kilde, ...] = ()


BRANSJEKODER = (
    "barnehager",
    "helse_og_omsorg",  # sykehjem and hjemmetjenester
    "sykehus",
    "bygg",
    "anlegg",
    "transport",
    "naeringsmiddelindustri",
    "undervisning",
    "varehandel",
    "kontor_og_it",
)


class Eksempel(Modell):
    """A short, made-up situation from the bransje and a way to handle it."""

    situasjon: Tekst
    mulig_losning: Tekst


class Bransje(Modell):
    """``innhold/bransjer/<kode>.yaml``: questions and examples for one bransje."""

    kode: Kode
    navn: Tekst
    # The statistics' bransje codes (BARNEHAGER, …) and two-digit næringer this guide serves, so a
    # logged-in leader gets their own bransje chosen.
    statistikkbransjer: tuple[str, ...] = ()
    naeringer: tuple[Annotated[str, StringConstraints(pattern=r"^\d{2}$")], ...] = ()
    ingress: Tekst
    sporsmal: tuple[Sporsmal, ...] = Field(min_length=4)
    eksempler: tuple[Eksempel, ...] = Field(min_length=2)
    tilrettelegging: tuple[Tekst, ...] = Field(min_length=3)  # ideas that fit the work there


class IkkeSpor(Modell):
    """Something a leader may not ask or demand, why, and what to do instead."""

    ikke: Tekst
    hvorfor: Tekst
    i_stedet: Tekst
    kilder: tuple[Kilde, ...] = ()


class SensitivtTema(Modell):
    kode: Kode
    navn: Tekst
    rad: tuple[Punkt, ...] = Field(min_length=2)
    hent_hjelp: Tekst  # when to involve the bedriftshelsetjeneste, NAV or others


class Grenser(Modell):
    """``innhold/ikke_spor.yaml``: «Dette spør du ikke om», and sensitive topics."""

    tittel: Tekst
    ingress: Tekst
    ikke_spor: tuple[IkkeSpor, ...] = Field(min_length=5)
    sensitive_temaer: tuple[SensitivtTema, ...] = Field(min_length=4)


class Ansattdel(Modell):
    kode: Kode
    tittel: Tekst
    ingress: Tekst
    punkter: tuple[Punkt, ...] = Field(min_length=1)


class Ansattveileder(Modell):
    """``innhold/ansatt.yaml``: «Forbered deg til samtalen», for the employee."""

    tittel: Tekst
    ingress: Tekst
    deler: tuple[Ansattdel, ...] = Field(min_length=4)
    sporsmal_du_kan_stille: tuple[Tekst, ...] = Field(min_length=5)
