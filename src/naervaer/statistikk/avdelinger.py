"""A virksomhet's department tree as statistics units (kategori AVDELING, spec §5).

A parent department's figure covers its sub-departments. Its own staff, those employed directly in
the parent and in no sub-department, are a unit of their own («direkte»), so that the parts of
every department add up to it: the tree then gives one equation per parent, which secondary
suppression needs (spec §7).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import pyarrow as pa

DIREKTE = ":direkte"
"""Suffix of the unit of a parent's own staff: ``"12:direkte"`` next to ``"12"``."""


@dataclass(frozen=True)
class Avdelingstre:
    """Departments by id, each with its parent's id (None at the top), ordered by ``navn``.

    A parent that is not in the tree, or a loop of parents (bad data), makes a department a top
    department, so every department is in the tree exactly once.
    """

    overordnet: Mapping[str, str | None]
    navn: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _foreldre(self) -> dict[str, str | None]:
        foreldre: dict[str, str | None] = {}
        for avdeling, forelder in self.overordnet.items():
            foreldre[avdeling] = forelder if forelder in self.overordnet else None
        # Break every loop at its smallest id (sorted, so the same data gives the same tree).
        for start in sorted(foreldre):
            sett: list[str] = []
            node: str | None = start
            while node is not None and node not in sett:
                sett.append(node)
                node = foreldre[node]
            if node is not None:
                loop = sett[sett.index(node) :]
                foreldre[min(loop)] = None
        return foreldre

    def forelder(self, avdeling: str) -> str | None:
        return self._foreldre[avdeling]

    @cached_property
    def _barn(self) -> dict[str | None, tuple[str, ...]]:
        barn: dict[str | None, list[str]] = {}
        for avdeling, forelder in self._foreldre.items():
            barn.setdefault(forelder, []).append(avdeling)
        return {
            forelder: tuple(
                sorted(b, key=lambda a: (norsk_sortering(self.navn.get(a, "")), *_id(a)))
            )
            for forelder, b in barn.items()
        }

    def barn(self, avdeling: str | None) -> tuple[str, ...]:
        """The sub-departments of ``avdeling``; of None, the top departments."""
        return self._barn.get(avdeling, ())

    def har_barn(self, avdeling: str) -> bool:
        return bool(self.barn(avdeling))

    def forfedre(self, avdeling: str) -> tuple[str, ...]:
        """The department itself, its parent, and so on up to the top."""
        kjede = [avdeling]
        forelder = self._foreldre[avdeling]
        while forelder is not None:
            kjede.append(forelder)
            forelder = self._foreldre[forelder]
        return tuple(kjede)

    def niva(self, avdeling: str) -> int:
        """1 for a top department."""
        return len(self.forfedre(avdeling))

    def i_rekkefolge(self, topp: str | None = None) -> Iterator[str]:
        """Depth first, each department before its sub-departments."""
        for avdeling in self.barn(topp):
            yield avdeling
            yield from self.i_rekkefolge(avdeling)

    def enheter(self, avdeling: str) -> tuple[str, ...]:
        """The AVDELING units an employment in ``avdeling`` counts in."""
        egne = (direkte(avdeling),) if self.har_barn(avdeling) else ()
        return (*egne, *self.forfedre(avdeling))

    def enhetstabell(self, orgnr: str) -> pa.Table:
        """``beregning.beregn_summer``'s ``avdelingsenheter`` for this tree."""
        par = [
            (avdeling, enhet) for avdeling in self.overordnet for enhet in self.enheter(avdeling)
        ]
        return pa.table(
            {
                "orgnr": pa.array([int(orgnr)] * len(par), pa.int64()),
                "avdeling": pa.array([a for a, _ in par], pa.string()),
                "enhet": pa.array([e for _, e in par], pa.string()),
            }
        )

    def alle_enheter(self) -> tuple[str, ...]:
        """Every department and, for each parent, the unit of its own staff; in tree order."""
        return tuple(
            enhet
            for avdeling in self.i_rekkefolge()
            for enhet in ((avdeling, direkte(avdeling)) if self.har_barn(avdeling) else (avdeling,))
        )

    def deler(self, avdeling: str | None) -> tuple[str, ...]:
        """The units that add up to ``avdeling`` (None: the virksomhet): its sub-departments and,
        for a parent, its own staff."""
        if avdeling is None:
            return self.barn(None)
        if not self.har_barn(avdeling):
            return ()
        return (*self.barn(avdeling), direkte(avdeling))


def direkte(avdeling: str) -> str:
    return f"{avdeling}{DIREKTE}"


def er_direkte(enhet: str) -> bool:
    return enhet.endswith(DIREKTE)


def avdeling_i(enhet: str) -> str:
    """The department a unit belongs to: ``"12"`` for both ``"12"`` and ``"12:direkte"``."""
    return enhet.removesuffix(DIREKTE)


# Æ, Ø and Å come last in the Norwegian alphabet, in that order (Unicode has Å before Æ).
_NORSK = str.maketrans({"æ": "z{", "ø": "z|", "å": "z}"})


def norsk_sortering(tekst: str) -> str:
    return tekst.casefold().translate(_NORSK)


def _id(avdeling: str) -> tuple[int, int, str]:
    # Ids are numbers as text; 2 before 10.
    return (0, int(avdeling), "") if avdeling.isdigit() else (1, 0, avdeling)
