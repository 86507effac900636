"""The leader's guide one step at a time: where a step sits, and which steps come before and after.

The steps are numbered straight through all four parts, so the page can say «Steg 3 av 12» and
link to the steps on either side, across the border between two parts too.
"""

from __future__ import annotations

from dataclasses import dataclass

from naervaer.samtale.modell import Del, Steg, Veileder

# The step where the conversation turns to the work itself: the chosen bransje's questions and
# examples belong there, beside the general questions about tasks, hours and cooperation.
BRANSJESTEG = ("gjennomfor", "arbeidet")


@dataclass(frozen=True, slots=True)
class Plassering:
    del_: Del
    steg: Steg
    nummer: int  # 1 for the first step of the whole guide
    antall: int
    forrige: tuple[str, str] | None  # (del, steg) of the step before
    neste: tuple[str, str] | None

    @property
    def adresse(self) -> tuple[str, str]:
        return (self.del_.kode, self.steg.kode)

    @property
    def er_bransjesteg(self) -> bool:
        return self.adresse == BRANSJESTEG

    @property
    def nummer_i_delen(self) -> int:
        return self.del_.steg.index(self.steg) + 1


def alle_steg(veileder: Veileder) -> tuple[tuple[Del, Steg], ...]:
    return tuple((del_, steg) for del_ in veileder.deler for steg in del_.steg)


def forste_steg(veileder: Veileder) -> tuple[str, str]:
    del_, steg = alle_steg(veileder)[0]
    return (del_.kode, steg.kode)


def finn_steg(veileder: Veileder, del_kode: str, steg_kode: str) -> Plassering | None:
    """The step at ``del_kode``/``steg_kode``, or None when the guide has no such step."""
    steg_ = alle_steg(veileder)
    adresser: list[tuple[str, str]] = [(d.kode, s.kode) for d, s in steg_]
    try:
        i = adresser.index((del_kode, steg_kode))
    except ValueError:
        return None
    del_, steg = steg_[i]
    return Plassering(
        del_=del_,
        steg=steg,
        nummer=i + 1,
        antall=len(steg_),
        forrige=adresser[i - 1] if i > 0 else None,
        neste=adresser[i + 1] if i + 1 < len(adresser) else None,
    )
