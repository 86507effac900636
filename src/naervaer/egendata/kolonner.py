"""The canonical fields of the employer's own data, and the columns a file may never bring.

Three tables: ``ansatte`` keyed by the employer's own employee number (never a fødselsnummer: the
statistics need no national identity, so none is collected), ``arbeidsforhold`` and ``fravaer``.
There is no diagnosis field, and a file that carries one is refused as a whole: holding it, even
unread, would be health data the employer should not hand over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Tabell(StrEnum):
    ANSATTE = "ansatte"
    ARBEIDSFORHOLD = "arbeidsforhold"
    FRAVAER = "fravaer"

    @property
    def visningsnavn(self) -> str:
        return "fravær" if self is Tabell.FRAVAER else self.value


class Felttype(StrEnum):
    TEKST = "tekst"
    DATO = "dato"
    TALL = "tall"
    FRAVAERSTYPE = "fravaerstype"


@dataclass(frozen=True, slots=True)
class Felt:
    navn: str
    type: Felttype
    paakrevd: bool
    """The column must be in the file and every row must have a value (grad: see ``kontroll``)."""
    beskrivelse: str


FELTER: dict[Tabell, tuple[Felt, ...]] = {
    Tabell.ANSATTE: (
        Felt("ansattnummer", Felttype.TEKST, True, "virksomhetens eget ansattnummer"),
        Felt("navn", Felttype.TEKST, False, "navnet som vises i Nærvær"),
    ),
    Tabell.ARBEIDSFORHOLD: (
        Felt("ansattnummer", Felttype.TEKST, True, "ansattnummeret i ansattfilen"),
        Felt("avdeling", Felttype.TEKST, True, "avdelingens kode eller nummer"),
        Felt("avdelingsnavn", Felttype.TEKST, False, "avdelingens navn"),
        Felt(
            "overordnet_avdeling",
            Felttype.TEKST,
            False,
            "koden til avdelingen denne avdelingen ligger under; tom for en avdeling øverst",
        ),
        Felt("fra_dato", Felttype.DATO, True, "første dag i stillingen"),
        Felt("til_dato", Felttype.DATO, False, "siste dag i stillingen; tom når den løper"),
        Felt("stillingsprosent", Felttype.TALL, True, "over 0 og høyst 100"),
    ),
    Tabell.FRAVAER: (
        Felt("ansattnummer", Felttype.TEKST, True, "ansattnummeret i ansattfilen"),
        Felt("fra_dato", Felttype.DATO, True, "første fraværsdag"),
        Felt("til_dato", Felttype.DATO, True, "siste fraværsdag"),
        Felt("type", Felttype.FRAVAERSTYPE, True, "egenmelding eller sykmelding"),
        Felt("grad", Felttype.TALL, True, "20–100; en egenmelding er alltid 100"),
    ),
}

MAKS_LENGDE: dict[str, int] = {
    "ansattnummer": 40,
    "navn": 200,
    "avdeling": 40,
    "avdelingsnavn": 200,
    "overordnet_avdeling": 40,
}
"""The longest text the database keeps in each text field (``web.egendata.models``)."""

NOEKLER: dict[Tabell, tuple[str, ...]] = {
    Tabell.ANSATTE: ("ansattnummer",),
    Tabell.ARBEIDSFORHOLD: ("ansattnummer", "fra_dato"),
    Tabell.FRAVAER: ("ansattnummer", "fra_dato", "type"),
}


_SKILLE = re.compile(r"[\W_]+")


def normaliser(overskrift: str) -> str:
    """A header as the matching sees it: «Fra dato», «fra_dato» and « FRA-DATO » are alike."""
    return _SKILLE.sub(" ", overskrift.casefold()).strip()


# Word starts, so that «diagnosekode», «Hoveddiagnose», «ICPC-2» and «ICD10» are caught but an
# ordinary word that merely contains the letters is not.
_DIAGNOSE = re.compile(r"diagnos|(?:^| )(?:diag|icpc|icd|sykdom)")

DIAGNOSE_MELDING = (
    "filen har en kolonne som ser ut som en diagnose, og blir ikke lest. Nærvær tar aldri imot "
    "diagnoser eller andre helseopplysninger enn fraværsperiodene. Fjern kolonnen og prøv igjen"
)


def ser_ut_som_diagnose(overskrift: str) -> bool:
    return _DIAGNOSE.search(normaliser(overskrift)) is not None


_VEKTER_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_VEKTER_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def ser_ut_som_fodselsnummer(tekst: str) -> bool:
    """An 11-digit number with a possible birth date and both control digits right.

    Catches a fødselsnummer or D-nummer mapped to the employee number by mistake; a real
    employee number passes both checks only by rare chance.
    """
    if len(tekst) != 11 or not tekst.isdigit():
        return False
    dag, maaned = int(tekst[0:2]) % 40, int(tekst[2:4]) % 40
    if not (1 <= dag <= 31 and 1 <= maaned <= 12):
        return False
    sifre = [int(s) for s in tekst]
    for vekter, plass in ((_VEKTER_K1, 9), (_VEKTER_K2, 10)):
        kontroll = (11 - sum(v * s for v, s in zip(vekter, sifre, strict=False)) % 11) % 11
        if kontroll == 10 or kontroll != sifre[plass]:
            return False
    return True
