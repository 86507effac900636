"""A person's right of access (GDPR art. 15) and to erasure (art. 17), for one employee.

Everything stored about the employee is found the way deletion finds it: by following every
relation that would cascade from the employee row. A new model that holds personal data with a
foreign key to the employee (or to a case, a plan, …) is therefore in the export and goes with
the erasure without anyone remembering to add it here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core import serializers
from django.db import router, transaction
from django.db.models import Model
from django.db.models.deletion import Collector
from django.http import HttpRequest
from django.utils import timezone

from naervaer.web.egendata.models import Ansatt
from naervaer.web.egendata.signaler import send_fravaer_endret
from naervaer.web.revisjon.models import Hendelse
from naervaer.web.virksomheter.tilgang import Rettigheter, logg


def _alt_om(ansatt: Ansatt) -> list[Model]:
    samler = Collector(using=router.db_for_write(Ansatt))
    samler.collect([ansatt])
    rader: list[Model] = [r for rader in samler.data.values() for r in rader]
    for utvalg in samler.fast_deletes:
        rader.extend(utvalg)
    return rader


def oversikt(ansatt: Ansatt) -> list[tuple[str, int]]:
    """What is stored, as (kind, count), for the page before an export or erasure."""
    antall = Counter(str(type(r)._meta.verbose_name_plural) for r in _alt_om(ansatt))
    antall["linjer i revisjonsloggen"] = Hendelse.objects.filter(ansatt=ansatt).count()
    return sorted(antall.items())


def innsyn(ansatt: Ansatt) -> dict[str, Any]:
    opplysninger = []
    for rad in sorted(_alt_om(ansatt), key=lambda r: (type(r)._meta.label, r.pk)):
        (serialisert,) = serializers.serialize("python", [rad])
        opplysninger.append(
            {
                "type": str(type(rad)._meta.verbose_name),
                "id": rad.pk,
                "felter": {k: _tekst(v) for k, v in serialisert["fields"].items()},
            }
        )
    innsyn_i_loggen = [
        {
            "tidspunkt": timezone.localtime(h.tidspunkt).isoformat(timespec="seconds"),
            "bruker": h.bruker_epost,
            "hva": h.hva,
        }
        for h in Hendelse.objects.filter(ansatt=ansatt).order_by("tidspunkt", "id")
    ]
    return {
        "forklaring": (
            "Alt Nærvær lagrer om deg i denne virksomheten, og hvem som har sett eller endret "
            "fraværsopplysningene dine (personvernforordningen artikkel 15). Nærvær lagrer "
            "aldri diagnoser."
        ),
        "laget": timezone.localtime().isoformat(timespec="seconds"),
        "virksomhet": {"orgnr": ansatt.virksomhet_id, "navn": ansatt.virksomhet.navn},
        "ansattnummer": ansatt.ansattnummer,
        "opplysninger": opplysninger,
        "innsyn_i_loggen": innsyn_i_loggen,
    }


def _tekst(verdi: object) -> object:
    if verdi is None or isinstance(verdi, (bool, int, str)):
        return verdi
    if isinstance(verdi, list):
        return [_tekst(v) for v in verdi]
    return str(verdi)


@transaction.atomic
def slett(request: HttpRequest, r: Rettigheter, ansatt: Ansatt) -> list[tuple[str, int]]:
    """Erase the employee and everything that hangs on the row. The audit log keeps a line that
    says so, with the employee number only: who erased whom, and when, is itself a record the
    administrator must be able to show."""
    slettet = oversikt(ansatt)
    pk, virksomhet = ansatt.pk, ansatt.virksomhet
    logg(request, r, [ansatt], "slettet alle opplysninger om den ansatte (art. 17)")
    ansatt.delete()
    send_fravaer_endret(virksomhet, frozenset({pk}))
    return slettet
