"""Who reaches a plan, on top of ``tilgang`` (the one place that decides access):

- the leader or HR who may see the employee (``se_ansatt``), never for their own case;
- the employee, for their own cases only (``egen_ansatt``), and only what was shared;
- everyone else gets 404, as for a case that does not exist.

Both write the audit line, with what the user did.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.virksomheter.tilgang import (
    Rettigheter,
    egen_ansatt,
    kan_se_ansatt,
    krev,
    se_ansatt,
)


def ser_planer(r: Rettigheter) -> bool:
    return r.ser_personer


def er_egen(r: Rettigheter, tilfelle_id: int) -> bool:
    """The case is the user's own: the leader's pages send them to their own view."""
    return (
        r.eget_ansatt_id is not None
        and Tilfelle.objects.filter(pk=tilfelle_id, ansatt_id=r.eget_ansatt_id).exists()
    )


def leders_tilfelle(
    request: HttpRequest, r: Rettigheter, tilfelle_id: int, hva: str | None
) -> Tilfelle:
    """A case of someone the user follows up, logged as ``hva`` (the caller logs what it did
    when None); else 404."""
    krev(ser_planer(r))
    tilfelle = (
        Tilfelle.objects.select_related("ansatt", "ansatt__virksomhet")
        .filter(pk=tilfelle_id, ansatt__virksomhet=r.virksomhet)
        .first()
    )
    if (
        tilfelle is None
        or tilfelle.ansatt_id == r.eget_ansatt_id
        or not kan_se_ansatt(r, tilfelle.ansatt_id)
    ):
        raise Http404("Ingen slik sak")
    if hva is not None:
        se_ansatt(request, r, tilfelle.ansatt_id, hva)
    return tilfelle


def eget_tilfelle(
    request: HttpRequest, r: Rettigheter, tilfelle_id: int, hva: str | None
) -> Tilfelle:
    """One of the user's own cases, logged as ``hva`` (the caller logs when None); else 404."""
    tilfelle = (
        Tilfelle.objects.select_related("ansatt", "ansatt__virksomhet")
        .filter(pk=tilfelle_id, ansatt_id=r.eget_ansatt_id, ansatt__virksomhet=r.virksomhet)
        .first()
        if r.eget_ansatt_id is not None
        else None
    )
    if tilfelle is None:
        raise Http404("Ingen slik sak")
    if hva is not None:
        egen_ansatt(request, r, hva)
    return tilfelle
