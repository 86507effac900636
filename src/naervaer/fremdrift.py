"""Progress bars for long work on the command line, fed by plain callbacks from the core."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)


class Fremdrift:
    """One bar per named step; the core calls ``steg(navn, ferdig, totalt)`` as it goes."""

    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._steg: dict[str, TaskID] = {}

    def __enter__(self) -> Fremdrift:
        self._progress.start()
        return self

    def __exit__(
        self,
        typ: type[BaseException] | None,
        verdi: BaseException | None,
        spor: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def steg(self, navn: str, ferdig: int, totalt: int) -> None:
        if navn not in self._steg:
            self._steg[navn] = self._progress.add_task(navn, total=totalt)
        self._progress.update(self._steg[navn], completed=ferdig, total=totalt)
