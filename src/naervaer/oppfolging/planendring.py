"""What changed from one version of the oppfølgingsplan to the next, as the history shows it.

Texts and dates are compared as the reader sees them; the measures are matched as a person
would: the same measure unchanged, the same «hva» with a new «hvem» or date, and the rest
added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from naervaer.oppfolging.plan import (
    ANSATTES_INNSPILL,
    ARBEIDSOPPGAVER,
    EVALUERING,
    MULIGHETER,
    OPPTRAPPING,
    Planinnhold,
    Tiltak,
)
from naervaer.statistikk.publisering import kort_datotekst


@dataclass(frozen=True, slots=True)
class Feltendring:
    tittel: str
    for_: str
    etter: str


@dataclass(frozen=True, slots=True)
class Tiltaksendring:
    for_: Tiltak
    etter: Tiltak


@dataclass(frozen=True, slots=True)
class Endringer:
    felt: tuple[Feltendring, ...]
    tiltak_nye: tuple[Tiltak, ...]
    tiltak_endret: tuple[Tiltaksendring, ...]
    tiltak_fjernet: tuple[Tiltak, ...]

    @property
    def ingen(self) -> bool:
        return not (self.felt or self.tiltak_nye or self.tiltak_endret or self.tiltak_fjernet)


def _periode(innhold: Planinnhold) -> str:
    fra = kort_datotekst(innhold.gjelder_fra)
    return f"{fra} – {kort_datotekst(innhold.gjelder_til)}" if innhold.gjelder_til else f"fra {fra}"


def _felter(innhold: Planinnhold) -> tuple[tuple[str, str], ...]:
    """(heading, text) of every part but the measures, in the plan's order."""
    return (
        (ARBEIDSOPPGAVER.tittel, innhold.arbeidsoppgaver),
        *((f.tittel, innhold.tekst(f)) for f in MULIGHETER),
        ("Planen gjelder", _periode(innhold)),
        (OPPTRAPPING.tittel, innhold.opptrapping),
        ("Evalueres", kort_datotekst(innhold.evalueres)),
        (EVALUERING.tittel, innhold.evaluering),
        (ANSATTES_INNSPILL.tittel, innhold.ansattes_innspill),
    )


def endringer(for_: Planinnhold, etter: Planinnhold) -> Endringer:
    felt = tuple(
        Feltendring(tittel, gammel, ny)
        for (tittel, gammel), (_, ny) in zip(_felter(for_), _felter(etter), strict=True)
        if gammel != ny
    )
    gamle = list(for_.tiltak)
    nye: list[Tiltak] = []
    for tiltak in etter.tiltak:
        if tiltak in gamle:
            gamle.remove(tiltak)  # the same measure, perhaps moved: no change
        else:
            nye.append(tiltak)
    endret: list[Tiltaksendring] = []
    lagt_til: list[Tiltak] = []
    for tiltak in nye:
        samme = next((g for g in gamle if g.hva == tiltak.hva), None)
        if samme is None:
            lagt_til.append(tiltak)
        else:
            gamle.remove(samme)
            endret.append(Tiltaksendring(samme, tiltak))
    return Endringer(felt, tuple(lagt_til), tuple(endret), tuple(gamle))
