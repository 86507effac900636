"""One version of the oppfølgingsplan as a document for the sykmelder and NAV: the plan, who it
is for, and where it stands (shared with the employee, agreed). ``planword`` and ``planpdf``
lay out the same ``Plandokument``, so the two files say the same.

The document holds what the reader needs and no more: the employee's name, the virksomhet, the
first day of the sick leave and the plan. Never a diagnosis, and never the employee number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from naervaer.oppfolging.plan import (
    INGEN_HELSE_FORKLART,
    KILDE,
    KILDE_URL,
    Planinnhold,
    filnavn,
    tidspunkttekst,
)
from naervaer.statistikk.publisering import datotekst, kort_datotekst

TITTEL = "Oppfølgingsplan"
OM_PLANEN = (
    "Arbeidsgiveren lager oppfølgingsplanen sammen med den ansatte senest når sykefraværet har "
    "vart i fire uker, og sender den til den som sykmeldte. NAV får planen når NAV ber om den, "
    "og en oppdatert plan senest en uke før dialogmøte 2."
)


@dataclass(frozen=True, slots=True)
class Plandokument:
    """A stored version as the files show it; times in the reader's time zone."""

    virksomhet: str
    orgnr: str
    ansatt: str
    sykefravaer_fra: date
    versjon: int
    lagret: datetime
    lagret_av: str
    innhold: Planinnhold
    laget: date
    """The day the file was made: the footer says it."""
    delt: datetime | None = None
    enig: datetime | None = None
    nyere_finnes: bool = False
    """A later version has been saved: the file says this one is not the plan in force."""

    @property
    def tittel(self) -> str:
        return f"{TITTEL} for {self.ansatt}"

    @property
    def fakta(self) -> tuple[tuple[str, str], ...]:
        """The header's facts, in the order they are read."""
        return (
            ("Ansatt", self.ansatt),
            ("Virksomhet", f"{self.virksomhet} (org.nr. {self.orgnr})"),
            ("Sykefraværet begynte", kort_datotekst(self.sykefravaer_fra)),
            (
                "Versjon",
                f"{self.versjon}, lagret {tidspunkttekst(self.lagret)} av {self.lagret_av}",
            ),
        )

    @property
    def enighet(self) -> str:
        """Where the version stands with the employee, in one sentence."""
        if self.enig is not None:
            return (
                f"Den ansatte bekreftet {tidspunkttekst(self.enig)} at hen er enig i denne "
                "versjonen av planen."
            )
        if self.delt is not None:
            return (
                f"Delt med den ansatte {tidspunkttekst(self.delt)}. Den ansatte har ikke "
                "bekreftet at hen er enig i denne versjonen."
            )
        return "Denne versjonen er ikke delt med den ansatte."

    @property
    def advarsel(self) -> str | None:
        if self.nyere_finnes:
            return (
                f"Dette er versjon {self.versjon}. Det finnes en nyere versjon av planen; "
                "send den i stedet."
            )
        return None

    @property
    def periode(self) -> str:
        fra = kort_datotekst(self.innhold.gjelder_fra)
        if self.innhold.gjelder_til is None:
            return f"Fra {fra}, til planen endres"
        return f"{fra} – {kort_datotekst(self.innhold.gjelder_til)}"

    @property
    def bunntekst(self) -> str:
        return f"{TITTEL}, versjon {self.versjon} · Laget med Nærvær {datotekst(self.laget)}"

    @property
    def filnavn(self) -> str:
        return filnavn(self.versjon, self.lagret.date())

    om_planen: str = OM_PLANEN
    ingen_helse: str = INGEN_HELSE_FORKLART
    kilde: str = KILDE
    kilde_url: str = KILDE_URL
