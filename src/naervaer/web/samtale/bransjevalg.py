"""Which bransje the pages show: picked by hand, or the bransje of the user's virksomhet.

A choice by hand (``?bransje=bygg``, or ``?bransje=ingen`` for none) always wins. Without one, a
logged-in user gets the bransje of their virksomhet: the one in ``?virksomhet=<orgnr>`` when
``tilgang.rettigheter`` says the user is tied to it, otherwise the first of theirs. A virksomhet
the user is not tied to is ignored, so the parameter tells nothing about anyone else's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest

from naervaer.samtale.bransjevalg import bransje_for_naeringskode
from naervaer.samtale.modell import Bransje
from naervaer.web.virksomheter.models import Virksomhet
from naervaer.web.virksomheter.tilgang import (
    IngenTilgang,
    Rettigheter,
    rettigheter,
    virksomheter_for,
)

INGEN = "ingen"


@dataclass(frozen=True, slots=True)
class Bransjevalg:
    kode: str | None
    bransje: Bransje | None
    # The virksomhet the bransje was chosen from; None when picked by hand or not logged in.
    virksomhet: Virksomhet | None
    virksomheter: tuple[Rettigheter, ...]  # the user's own, to choose another from
    for_haand: str | None  # the ``bransje`` parameter as given, when it is valid
    valgt_virksomhet: str | None  # the ``virksomhet`` parameter, when the user is tied to it

    @property
    def automatisk(self) -> bool:
        return self.virksomhet is not None

    @property
    def parametre(self) -> dict[str, str]:
        """What a link to another page of the guide carries, so the choice stays."""
        ut = {}
        if self.for_haand:
            ut["bransje"] = self.for_haand
        if self.valgt_virksomhet:
            ut["virksomhet"] = self.valgt_virksomhet
        return ut

    @property
    def querystring(self) -> str:
        return "?" + urlencode(self.parametre) if self.parametre else ""


def velg_bransje(request: HttpRequest, bransjer: Mapping[str, Bransje]) -> Bransjevalg:
    egne = tuple(virksomheter_for(request.user))
    valgt_virksomhet = _egen_virksomhet(request)
    for_haand = request.GET.get("bransje", "")
    if for_haand == INGEN or for_haand in bransjer:
        kode = None if for_haand == INGEN else for_haand
        return Bransjevalg(
            kode=kode,
            bransje=bransjer[for_haand] if kode else None,
            virksomhet=None,
            virksomheter=egne,
            for_haand=for_haand,
            valgt_virksomhet=valgt_virksomhet.orgnr if valgt_virksomhet else None,
        )
    virksomhet = valgt_virksomhet or (egne[0].virksomhet if egne else None)
    auto = bransje_for_naeringskode(bransjer, virksomhet.naeringskode) if virksomhet else None
    return Bransjevalg(
        kode=auto,
        bransje=bransjer[auto] if auto else None,
        virksomhet=virksomhet if auto else None,
        virksomheter=egne,
        for_haand=None,
        valgt_virksomhet=valgt_virksomhet.orgnr if valgt_virksomhet else None,
    )


def _egen_virksomhet(request: HttpRequest) -> Virksomhet | None:
    orgnr = request.GET.get("virksomhet", "")
    if not orgnr:
        return None
    try:
        return rettigheter(request.user, orgnr).virksomhet
    except IngenTilgang:
        return None
