"""What a leader or HR records on a task: done, postponed, obviously unnecessary, and undo.

Each change keeps the state before it in ``Oppgave.forrige``, so «Angre» brings back exactly what
was there (a postponement with its reason, say) rather than a blank task. The reason for
postponing or skipping a task is required (the database refuses it without), and skipping is
offered only where the rule in force for the case allows it (``Regel.kan_vaere_unodvendig``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User

from naervaer.oppfolging.oppgaver import kan_vaere_unodvendig
from naervaer.web.oppfolging.models import Oppgave

Status = Oppgave.Status


class IkkeTillatt(ValueError):
    """A change the rules or the task's state do not allow; the message is for the user."""


def tillater_unodvendig(oppgave: Oppgave) -> bool:
    return kan_vaere_unodvendig(oppgave.kode, oppgave.tilfelle.fra_dato)


def _tilstand(oppgave: Oppgave) -> dict[str, Any]:
    return {
        "status": oppgave.status,
        "utfort_dato": oppgave.utfort_dato.isoformat() if oppgave.utfort_dato else None,
        "utsatt_til": oppgave.utsatt_til.isoformat() if oppgave.utsatt_til else None,
        "notat": oppgave.notat,
    }


def _endre(
    oppgave: Oppgave,
    bruker: User,
    status: str,
    *,
    utfort_dato: date | None = None,
    utsatt_til: date | None = None,
    notat: str = "",
    angres: bool = True,
) -> Oppgave:
    """Set the state; ``angres`` keeps the one before it for «Angre»."""
    oppgave.forrige = _tilstand(oppgave) if angres else None
    oppgave.status = status
    oppgave.utfort_dato = utfort_dato
    oppgave.utsatt_til = utsatt_til
    oppgave.notat = notat.strip()
    oppgave.endret_av = bruker
    oppgave.save(
        update_fields=[
            "status",
            "utfort_dato",
            "utsatt_til",
            "notat",
            "endret_av",
            "forrige",
            "endret",
        ]
    )
    return oppgave


def _apen(oppgave: Oppgave) -> None:
    if not oppgave.er_apen:
        raise IkkeTillatt(
            f"Oppgaven er allerede {oppgave.get_status_display()}. Angre først hvis det er feil."
        )


def marker_utfort(oppgave: Oppgave, bruker: User, dato: date, notat: str = "") -> Oppgave:
    _apen(oppgave)
    return _endre(oppgave, bruker, Status.UTFORT, utfort_dato=dato, notat=notat)


def utsett(oppgave: Oppgave, bruker: User, ny_frist: date, grunn: str) -> Oppgave:
    _apen(oppgave)
    return _endre(oppgave, bruker, Status.UTSATT, utsatt_til=ny_frist, notat=grunn)


def marker_unodvendig(oppgave: Oppgave, bruker: User, grunn: str) -> Oppgave:
    _apen(oppgave)
    if not tillater_unodvendig(oppgave):
        raise IkkeTillatt(
            "Loven gir ikke unntak for denne oppgaven når den er åpenbart unødvendig. "
            "Marker den som utført, eller utsett den med en begrunnelse."
        )
    return _endre(oppgave, bruker, Status.UNODVENDIG, notat=grunn)


def angre(oppgave: Oppgave, bruker: User) -> Oppgave:
    """Back to the state before the last change; a task with no earlier state is opened."""
    if oppgave.status == Status.APEN:
        raise IkkeTillatt("Oppgaven er åpen; det er ingenting å angre.")
    forrige = oppgave.forrige or {"status": Status.APEN}
    # Undoing the undo is not offered: a second «Angre» opens the task.
    return _endre(
        oppgave,
        bruker,
        forrige["status"],
        utfort_dato=_dato(forrige.get("utfort_dato")),
        utsatt_til=_dato(forrige.get("utsatt_til")),
        notat=forrige.get("notat") or "",
        angres=False,
    )


def _dato(verdi: object) -> date | None:
    return date.fromisoformat(verdi) if isinstance(verdi, str) else None
