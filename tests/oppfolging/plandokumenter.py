"""The plans the document tests lay out: an ordinary one, and the most a plan can hold."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from naervaer.oppfolging.plan import (
    MAKS_HVA,
    MAKS_HVEM,
    MAKS_TEKST,
    MAKS_TILTAK,
    Planinnhold,
    Tiltak,
)
from naervaer.oppfolging.plandokument import Plandokument

OSLO = ZoneInfo("Europe/Oslo")
DAG = date(2026, 3, 2)
DAGTEKST = "2. mars 2026"

VANLIG = Planinnhold(
    arbeidsoppgaver="Pedagogisk arbeid med de minste barna\nStell og påkledning",
    som_for="Samlingsstund og planlegging",
    med_tilrettelegging="Utetid med faste pauser",
    ikke_na="Løfte barn opp på stellebordet",
    tiltak=(
        Tiltak("Hev-senk stellebord på avdelingen", "Lederen", date(2026, 3, 9)),
        Tiltak(
            "Kortere arbeidsdager de to første ukene", "Lederen og den ansatte", date(2026, 3, 16)
        ),
    ),
    gjelder_fra=date(2026, 3, 3),
    gjelder_til=date(2026, 4, 14),
    opptrapping="Uke 1–2: fire timer om dagen\n\nUke 3–4: seks timer",
    evalueres=date(2026, 3, 24),
    evaluering="",
    ansattes_innspill="Vil gjerne starte med formiddagene",
)


def _fyll(tekst: str, lengde: int) -> str:
    """Words up to ``lengde`` characters, so the text wraps as a real one would."""
    return (tekst + " ") * (lengde // (len(tekst) + 1)) + "x" * (lengde % (len(tekst) + 1))


FULL = Planinnhold(
    arbeidsoppgaver=_fyll("Arbeidsoppgave med en lang beskrivelse", MAKS_TEKST),
    som_for=_fyll("Som før", MAKS_TEKST),
    med_tilrettelegging=_fyll("Med tilrettelegging", MAKS_TEKST),
    ikke_na=_fyll("Ikke nå", MAKS_TEKST),
    tiltak=tuple(
        Tiltak(_fyll(f"Tiltak nummer {i}", MAKS_HVA), _fyll("Ansvarlig", MAKS_HVEM), DAG)
        for i in range(1, MAKS_TILTAK + 1)
    ),
    gjelder_fra=DAG,
    gjelder_til=None,
    opptrapping=_fyll("Opptrapping", MAKS_TEKST),
    evalueres=DAG,
    evaluering=_fyll("Evaluering", MAKS_TEKST),
    ansattes_innspill=_fyll("Innspill", MAKS_TEKST),
)


def dokument(innhold: Planinnhold = VANLIG, **andre: object) -> Plandokument:
    felter: dict[str, object] = {
        "virksomhet": "Solsikken barnehage AS",
        "orgnr": "910000001",
        "ansatt": "Bjørn Berg",
        "sykefravaer_fra": date(2026, 2, 2),
        "versjon": 3,
        "lagret": datetime(2026, 3, 2, 9, 5, tzinfo=OSLO),
        "lagret_av": "Lars Leder",
        "innhold": innhold,
        "laget": DAG,
    }
    felter.update(andre)
    return Plandokument(**felter)  # type: ignore[arg-type]
